"""Who an event belongs to when the clause does not say: "their meeting", "Netanyahu's office said", Amman."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2014, 11, 6)  # a Thursday


def _events(text: str) -> list:
    return extract(article_from_text(text, date=PUBLISHED))


def _one(text: str, kind: str, participants: set[str]):
    events = _events(text)
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert found, [(e.type, names(e.participants)) for e in events]
    return found[0]


@pytest.mark.parametrize("text,kind,participants,location", [
    ("During their meeting in Vienna, Kerry and Zarif discussed the nuclear file.", "meeting_held",
     {"John Kerry", "Javad Zarif"}, "Vienna"),
    ("In their phone call on Monday, Putin and Erdogan discussed grain exports.", "phone_call",
     {"Vladimir Putin", "Recep Tayyip Erdogan"}, None),
    ("وخلال لقائهما في مسقط، بحث كيري وظريف الملف النووي.", "meeting_held", {"John Kerry", "Javad Zarif"}, "Muscat"),
    ("وفي اجتماعهم بالقاهرة، اتفق كيري وظريف ولافروف على مواصلة المشاورات.", "meeting_held",
     {"John Kerry", "Javad Zarif", "Sergey Lavrov"}, "Cairo"),
])
def test_their_event_belongs_to_the_main_clauses_subjects(text: str, kind: str, participants: set[str],
                                                         location: str | None) -> None:
    assert _one(text, kind, participants).location == location


def test_their_event_without_named_owners_gives_nothing() -> None:
    assert _events("Their meeting in Vienna was cancelled.") == []


@pytest.mark.parametrize("text,kind,participants", [
    ("Netanyahu's office said he had spoken with Obama by phone.", "phone_call",
     {"Benjamin Netanyahu", "Barack Obama"}),
    ("Erdogan's spokesman said he would meet Putin in Sochi next week.", "meeting_held",
     {"Recep Tayyip Erdogan", "Vladimir Putin"}),
])
def test_a_persons_office_speaks_for_the_person(text: str, kind: str, participants: set[str]) -> None:
    event = _one(text, kind, participants)
    assert event.modality in ("asserted", "planned")


@pytest.mark.parametrize("text,location", [
    ("استقبل العاهل الأردني الملك عبد الله الثاني كيري في عمّان أمس.", "Amman"),
    ("التقى كيري بالملك عبد الله الثاني بعمَّان أمس.", "Amman"),
    ("التقى كيري ظريف في عمان أمس.", "Oman"),
])
def test_amman_is_told_from_oman_by_its_shadda(text: str, location: str) -> None:
    events = [e for e in _events(text) if e.type == "meeting_held"]
    assert events and events[0].location == location, [(e.type, e.location) for e in events]


def test_a_mediator_who_delivers_a_response_carries_it() -> None:
    event = _one("The Omani foreign minister delivered Iran's response to the U.S. envoy.", "message_passed",
                 {"Iran", "United States"})
    assert event.source is not None and event.source.name == "Iran"
    assert [v.name for v in event.via] == ["Yusuf bin Alawi bin Abdullah"]


@pytest.mark.parametrize("text,lang,location", [
    ("Kerry met Zarif on the sidelines of the UN General Assembly in New York.", "en", "New York"),
    ("التقى كيري ظريف على هامش قمة الناتو في بروكسل.", "ar", "Brussels"),
])
def test_a_summit_on_whose_sidelines_they_met_is_where(text: str, lang: str, location: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, names(e.participants), e.location) for e in events] == [
        ("meeting_held", {"John Kerry", "Javad Zarif"}, location)]


def test_an_attribution_set_off_by_commas_is_no_party() -> None:
    event = _one("Obama spoke by phone with Putin on Tuesday, the White House said, adding that the talks were useful.",
                 "phone_call", {"Barack Obama", "Vladimir Putin"})
    assert event.attribution == "the White House"


@pytest.mark.parametrize("text,speaker", [
    ("Obama wrote to Khamenei last month, the Wall Street Journal reported. The White House declined to comment.",
     "White House"),
    ("بعث أوباما برسالة إلى خامنئي الشهر الماضي. ونفت الخارجية الإيرانية ذلك.", "Iranian Foreign Ministry"),
])
def test_a_statement_about_the_contact_told_just_before(text: str, speaker: str) -> None:
    statements = [e for e in _events(text) if e.type == "statement"]
    assert [e.source.name for e in statements if e.source] == [speaker]


def test_a_statement_with_no_contact_near_it_is_none() -> None:
    assert _events("The weather was fine on Monday. Israel declined to comment on the report.") == []


@pytest.mark.parametrize("text,lang,kind", [
    ("Kerry and Zarif agreed to meet again in Vienna.", "en", "meeting_held"),
    ("اتفق كيري وظريف على عقد جولة جديدة من المحادثات.", "ar", "talks_held"),
])
def test_agreeing_to_meet_is_a_planned_meeting_not_an_agreement(text: str, lang: str, kind: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, names(e.participants), e.modality) for e in events] == [
        (kind, {"John Kerry", "Javad Zarif"}, "planned")]


def test_agreeing_during_a_meeting_is_both() -> None:
    events = _events("اتفق كيري وظريف ولافروف خلال اجتماع في فيينا الأربعاء على مواصلة المفاوضات.")
    assert {e.type for e in events} >= {"agreement_reached", "meeting_held"}


@pytest.mark.parametrize("text,lang", [
    ("During his visit to Vienna, Kerry met Zarif.", "en"),
    ("وخلال زيارته إلى فيينا، التقى كيري ظريف.", "ar"),
    ("خلال زيارته فيينا، التقى كيري ظريف.", "ar"),
])
def test_his_visit_belongs_to_the_main_clauses_subject(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert {(e.type, e.source.name if e.source else None, frozenset(names(e.targets))) for e in events} == {
        ("visit", "John Kerry", frozenset({"Austria"})), ("meeting_held", "John Kerry", frozenset({"Javad Zarif"}))}


def test_a_tour_visits_every_state_it_takes_in() -> None:
    events = _events("ويقوم كيري بجولة خليجية تشمل السعودية وقطر والإمارات.")
    assert [(e.type, e.source.name if e.source else None, names(e.targets)) for e in events] == [
        ("visit", "John Kerry", {"Saudi Arabia", "Qatar", "United Arab Emirates"})]


def test_what_they_discussed_during_their_meeting_is_the_meeting() -> None:
    events = _events("During their meeting in Vienna, Kerry and Zarif discussed the nuclear file.")
    assert [e.type for e in events] == ["meeting_held"]


def test_a_letter_proposing_talks_is_a_letter_only() -> None:
    events = _events("Obama said he had sent a letter to Khamenei proposing negotiations on a new deal.")
    assert [(e.type, names(e.participants)) for e in events] == [("letter_sent", {"Barack Obama", "Ali Khamenei"})]


@pytest.mark.parametrize("text,lang", [
    ("A Hamas delegation led by Khalil al-Hayya met Egyptian intelligence chief Hassan Rashad in Cairo.", "en"),
    ("التقى وفد من حماس برئاسة خليل الحية رئيس المخابرات المصرية حسن رشاد في القاهرة.", "ar"),
])
def test_the_head_of_a_delegation_is_not_another_party(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=date(2025, 11, 20), lang=lang))
    assert [(e.type, names(e.participants)) for e in events] == [("meeting_held", {"Hamas", "Hassan Rashad"})]


def test_a_statement_has_a_speaker_and_no_addressee() -> None:
    events = _events("Zarif confirmed that he had received a letter from Kerry.")
    statements = [e for e in events if e.type == "statement"]
    assert [(e.source.name if e.source else None, e.targets) for e in statements] == [("Javad Zarif", [])]
