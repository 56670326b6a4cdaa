"""A person pronoun as a subject stands for the last person the article named."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)


def _events(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(names(e.participants))) for e in extract(article_from_text(text, date=PUBLISHED))}


def test_he_is_the_last_person_named() -> None:
    text = "Witkoff flew to Moscow on Tuesday. There he met Putin for five hours."
    assert _events(text) == {("visit", frozenset({"Steve Witkoff", "Russia"})),
                             ("meeting_held", frozenset({"Steve Witkoff", "Vladimir Putin"}))}


def test_a_pronoun_with_nobody_named_before_it_names_nobody() -> None:
    assert _events("He met Putin for five hours.") == set()


def test_he_is_the_subject_not_the_last_name() -> None:
    """"he" is the subject before it (Obama), not the last person named (Khamenei, Rouhani)."""
    text = "Obama wrote to Khamenei in October. He also called Rouhani. He met Zarif in New York."
    assert _events(text) == {("letter_sent", frozenset({"Barack Obama", "Ali Khamenei"})),
                             ("phone_call", frozenset({"Barack Obama", "Hassan Rouhani"})),
                             ("meeting_held", frozenset({"Barack Obama", "Javad Zarif"}))}


def test_where_he_met_is_the_traveller_then_and_there() -> None:
    events = extract(article_from_text(
        "On Sunday, the Omani foreign minister flew to Washington, where he met Secretary of State Marco Rubio.",
        date=PUBLISHED))
    meeting = next(e for e in events if e.type == "meeting_held")
    assert names(meeting.participants) == {"Badr Albusaidi", "Marco Rubio"}
    assert meeting.source is not None and meeting.source.name == "Badr Albusaidi"
    assert meeting.date is not None and str(meeting.date.start) == str(meeting.date.end) == "2025-11-16"
    assert meeting.location == "Washington"


def test_a_subject_pronoun_after_an_opening_adverbial() -> None:
    text = "Witkoff arrived in Moscow on Tuesday. The next day he met Putin."
    assert ("meeting_held", frozenset({"Steve Witkoff", "Vladimir Putin"})) in _events(text)


def test_parties_named_together_discussed_with_each_other() -> None:
    assert ("talks_held", frozenset({"Abbas Araghchi", "Steve Witkoff"})) in _events(
        "Araghchi and Witkoff discussed the nuclear file on Saturday.")
    assert ("talks_held", frozenset({"Abbas Araghchi", "Steve Witkoff"})) in _events(
        "Araghchi and Witkoff arrived in Muscat on Friday. The two men discussed the nuclear file.")
    assert _events("The ministers discussed the crisis on Saturday.") == set()


def test_a_speaker_and_his_own_state_do_not_hold_talks() -> None:
    """"Araghchi said Iran would not negotiate": the speaker speaks for Iran, he is not its partner."""
    assert _events("Araghchi told state television that Iran would not negotiate under pressure.") == set()


def test_a_meeting_after_an_arrival_is_where_the_traveller_went() -> None:
    events = extract(article_from_text("Witkoff arrived in Moscow on Tuesday. The next day he met Putin.",
                                       date=PUBLISHED))
    meeting = next(e for e in events if e.type == "meeting_held")
    assert meeting.location == "Moscow"
    assert meeting.date is not None and str(meeting.date.start) == "2025-11-19"


def test_an_object_pronoun_is_the_person_named_before() -> None:
    assert ("meeting_held", frozenset({"Steve Witkoff", "Vladimir Putin"})) in _events(
        "Witkoff flew to Moscow on Tuesday. Putin met him for five hours.")
    assert ("meeting_held", frozenset({"Antony Blinken", "Abdel Fattah el-Sisi"})) in _events(
        "وصل بلينكن إلى القاهرة يوم الأحد. واستقبله الرئيس السيسي في قصر الاتحادية.")
    assert ("meeting_held", frozenset({"Antony Blinken", "Badr Abdelatty"})) in _events(
        "وصل بلينكن إلى القاهرة. والتقاه وزير الخارجية المصري.")
