"""Letters and messages carried by a courier: the courier goes to `via`, and a hand-over in person is also a
meeting of courier and recipient (and a visit when the courier came from abroad)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)


def _kinds(text: str, lang: str) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    return {(e.type, frozenset(names(e.participants)), frozenset(names(e.via))) for e in events}


CASES = [
    ("تلقى سلطان عمان هيثم بن طارق رسالة شفهية من الرئيس الإيراني نقلها وزير الخارجية عباس عراقجي خلال استقباله له.",
     "ar", {("message_passed", frozenset({"Masoud Pezeshkian", "Haitham bin Tariq"}), frozenset({"Abbas Araghchi"})),
            ("meeting_held", frozenset({"Haitham bin Tariq", "Abbas Araghchi"}), frozenset()),
            ("visit", frozenset({"Abbas Araghchi", "Oman"}), frozenset())}),
    ("Haitham bin Tariq received a verbal message from the Iranian president, conveyed by Abbas Araghchi during "
     "their meeting.", "en",
     {("message_passed", frozenset({"Masoud Pezeshkian", "Haitham bin Tariq"}), frozenset({"Abbas Araghchi"})),
      ("meeting_held", frozenset({"Haitham bin Tariq", "Abbas Araghchi"}), frozenset()),
      ("visit", frozenset({"Abbas Araghchi", "Oman"}), frozenset())}),
    ("Araghchi handed a letter from Pezeshkian to the Saudi crown prince on Wednesday.", "en",
     {("letter_sent", frozenset({"Masoud Pezeshkian", "Mohammed bin Salman"}), frozenset({"Abbas Araghchi"})),
      ("meeting_held", frozenset({"Mohammed bin Salman", "Abbas Araghchi"}), frozenset()),
      ("visit", frozenset({"Abbas Araghchi", "Saudi Arabia"}), frozenset())}),
    # a state in between relays; nobody is said to have met
    ("بعث ترامب رسالة إلى خامنئي عبر سلطنة عمان.", "ar",
     {("letter_sent", frozenset({"Donald Trump", "Ali Khamenei"}), frozenset({"Oman"}))}),
    # a courier without a hand-over word: only the letter
    ("Trump sent a letter to Khamenei through Anwar Gargash.", "en",
     {("letter_sent", frozenset({"Donald Trump", "Ali Khamenei"}), frozenset({"Anwar Gargash"}))}),
]


@pytest.mark.parametrize("text,lang,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_courier_events(text: str, lang: str, expected: set) -> None:
    assert _kinds(text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ("Tehran received a letter from Trump on Friday. The letter, delivered by an Emirati envoy, called for talks.",
     "en"),
    ("تلقت طهران رسالة من ترامب يوم الجمعة. وقد نقل الرسالة مسؤول إماراتي.", "ar"),
])
def test_a_courier_named_in_a_later_sentence_joins_the_letter(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, names(e.participants), names(e.via), str(e.date.start) if e.date else None) for e in events] == [
        ("letter_sent", {"Donald Trump", "Iran"}, {"United Arab Emirates"}, "2025-11-14")]


@pytest.mark.parametrize("text,lang", [
    ("استقبل وزير الخارجية السعودي فيصل بن فرحان في الرياض أمس نظيره الإيراني عباس عراقجي، الذي سلمه رسالة خطية من "
     "الرئيس مسعود بزشكيان إلى خادم الحرمين الشريفين.", "ar"),
    ("Faisal bin Farhan received Araghchi in Riyadh on Wednesday. Araghchi handed him a letter from Pezeshkian to "
     "King Salman.", "en"),
])
def test_a_letter_handed_to_the_host_for_his_king(text: str, lang: str) -> None:
    """The courier met the minister who took the letter, not the king it was addressed to."""
    kinds = _kinds(text, lang)
    assert ("letter_sent", frozenset({"Masoud Pezeshkian", "Salman bin Abdulaziz"}),
            frozenset({"Abbas Araghchi"})) in kinds
    assert ("meeting_held", frozenset({"Faisal bin Farhan", "Abbas Araghchi"}), frozenset()) in kinds
    assert not any(k[0] == "meeting_held" and "Salman bin Abdulaziz" in k[1] for k in kinds)


def test_the_letter_delivered_by_someone_is_the_letter_told_before() -> None:
    text = ("Trump said on Friday he had sent a letter to Khamenei. The letter was delivered to Tehran on Wednesday "
            "by Anwar Gargash.")
    events = extract(article_from_text(text, date=PUBLISHED, lang="en"))
    assert [(e.type, e.source.name if e.source else None, names(e.targets), names(e.via)) for e in events] == [
        ("letter_sent", "Donald Trump", {"Ali Khamenei"}, {"Anwar Gargash"})]


@pytest.mark.parametrize("text,lang", [
    ("Qatar's emir received a written message from the Iranian president, handed to him by Foreign Minister "
     "Abbas Araghchi.", "en"),
    ("تلقى أمير قطر رسالة خطية من الرئيس الإيراني، تسلمها خلال استقباله وزير الخارجية عباس عراقجي.", "ar"),
])
def test_the_one_who_handed_it_over_carried_it(text: str, lang: str) -> None:
    kinds = _kinds(text, lang)
    assert ("letter_sent", frozenset({"Masoud Pezeshkian", "Tamim bin Hamad Al Thani"}),
            frozenset({"Abbas Araghchi"})) in kinds
    assert ("meeting_held", frozenset({"Tamim bin Hamad Al Thani", "Abbas Araghchi"}), frozenset()) in kinds


@pytest.mark.parametrize("text,lang,expected", [
    # the verb of passing reads the noun: the sender is named after "from", the subject carried it
    ("Oman conveyed a message from Tehran to Washington last week.", "en",
     {("message_passed", frozenset({"Iran", "United States"}), frozenset({"Oman"}))}),
    ("Qatar passed on a message from Hamas to the Israelis.", "en",
     {("message_passed", frozenset({"Hamas", "Israel"}), frozenset({"Qatar"}))}),
    # what a message is about is no event of its own: "on the results of the talks"
    ("أطلع بوتين أردوغان على نتائج المحادثات.", "ar",
     {("message_passed", frozenset({"Vladimir Putin", "Recep Tayyip Erdogan"}), frozenset())}),
    ("Putin briefed Erdogan on the results of the talks.", "en",
     {("message_passed", frozenset({"Vladimir Putin", "Recep Tayyip Erdogan"}), frozenset())}),
])
def test_passing_and_briefing(text: str, lang: str, expected: set) -> None:
    assert _kinds(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a relative clause after a date and a place still names the one received; "him" is who received him
    ("Jordan's King Abdullah II received Araghchi in Amman on Wednesday, who handed him a written message from "
     "Pezeshkian.", "en",
     {("meeting_held", frozenset({"Abdullah II", "Abbas Araghchi"}), frozenset()),
      ("visit", frozenset({"Abbas Araghchi", "Jordan"}), frozenset()),
      ("letter_sent", frozenset({"Masoud Pezeshkian", "Abdullah II"}), frozenset({"Abbas Araghchi"}))}),
    ("استقبل العاهل الأردني الملك عبد الله الثاني يوم الأربعاء وزير الخارجية الإيراني عباس عراقجي الذي سلمه رسالة "
     "خطية من الرئيس بزشكيان.", "ar",
     {("meeting_held", frozenset({"Abdullah II", "Abbas Araghchi"}), frozenset()),
      ("visit", frozenset({"Abbas Araghchi", "Jordan"}), frozenset()),
      ("letter_sent", frozenset({"Masoud Pezeshkian", "Abdullah II"}), frozenset({"Abbas Araghchi"}))}),
    ("Sisi received Abbas in Cairo on Monday, who briefed him on the talks.", "en",
     {("meeting_held", frozenset({"Abdel Fattah el-Sisi", "Mahmoud Abbas"}), frozenset()),
      ("visit", frozenset({"Mahmoud Abbas", "Egypt"}), frozenset()),
      ("message_passed", frozenset({"Abdel Fattah el-Sisi", "Mahmoud Abbas"}), frozenset())}),
])
def test_the_guest_hands_over_to_the_host(text: str, lang: str, expected: set) -> None:
    assert _kinds(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a relative clause right after the noun names who sent it and to whom
    ("The letter that Trump sent to Khamenei was delivered by Gargash.", "en",
     {("letter_sent", frozenset({"Donald Trump", "Ali Khamenei"}), frozenset({"Anwar Gargash"})),
      ("meeting_held", frozenset({"Ali Khamenei", "Anwar Gargash"}), frozenset()),
      ("visit", frozenset({"Anwar Gargash", "Iran"}), frozenset())}),
    ("وكشف المسؤول عن فحوى الرسالة التي بعثها ترامب إلى خامنئي.", "ar",
     {("letter_sent", frozenset({"Donald Trump", "Ali Khamenei"}), frozenset())}),
    ("وتنتهي المهلة التي حددها ترامب لإيران مطلع يونيو.", "ar",
     {("deadline_set", frozenset({"Donald Trump", "Iran"}), frozenset())}),
])
def test_a_relative_clause_after_the_noun(text: str, lang: str, expected: set) -> None:
    assert _kinds(text, lang) == expected
