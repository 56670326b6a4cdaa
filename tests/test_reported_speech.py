"""Reported speech and appositions: who the speaker is in the event, which date is the saying's, and when a
role beside a name is a second person."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text
from extractors.schema import Event

from .conftest import names

PUBLISHED = date(2025, 11, 20)  # a Thursday

# (text, lang, type, source, participants, (start, end) or None, attribution or None)
CASES = [
    # the speaker received it: the receiver is the one who says so
    ("Abbas Araghchi said on Wednesday he had received a letter from Jean-Noel Barrot about the talks.",
     "en", "letter_sent", "Jean-Noël Barrot", {"Jean-Noël Barrot", "Abbas Araghchi"}, None, "Abbas Araghchi"),
    ("Iran's foreign minister said he had received a message from Washington through Oman.",
     "en", "message_passed", "United States", {"United States", "Abbas Araghchi"}, None,
     "Iran's foreign minister"),
    ("قال عراقجي أمس إنه تسلم رسالة خطية من الرئيس الأمريكي.",
     "ar", "letter_sent", "Donald Trump", {"Donald Trump", "Abbas Araghchi"}, None, "عراقجي"),
    # a date inside what is said still dates the event
    ("قال عراقجي إنه تلقى أمس رسالة من الرئيس الأمريكي.",
     "ar", "letter_sent", "Donald Trump", {"Donald Trump", "Abbas Araghchi"}, ("2025-11-19", "2025-11-19"), "عراقجي"),
    ("Marco Rubio said on Tuesday he would meet Araghchi in Oslo on Monday.",
     "en", "meeting_held", None, {"Marco Rubio", "Abbas Araghchi"}, ("2025-11-24", "2025-11-24"), "Marco Rubio"),
    # the date after a closing "X said" is when it was said
    ("Rubio and Araghchi met in Oslo, the State Department said on Monday.",
     "en", "meeting_held", None, {"Marco Rubio", "Abbas Araghchi"}, None, "the State Department"),
    # a minister of another state next to a name is not an apposition
    ("التقى عراقجي وزير الخارجية العماني في مسقط يوم الاثنين.",
     "ar", "meeting_held", None, {"Abbas Araghchi", "Badr Albusaidi"}, ("2025-11-17", "2025-11-17"), None),
    ("استقبل عراقجي بوزير الخارجية القطري في طهران.",
     "ar", "meeting_held", None, {"Abbas Araghchi", "Mohammed bin Abdulrahman Al Thani"}, None, None),
]


def _one(events: list[Event], kind: str, participants: set[str]) -> Event:
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert len(found) == 1, [(e.type, names(e.participants)) for e in events]
    return found[0]


@pytest.mark.parametrize("text,lang,kind,source,participants,when,attribution", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_speech(text: str, lang: str, kind: str, source: str | None, participants: set[str],
                         when: tuple[str, str] | None, attribution: str | None) -> None:
    event = _one(extract(article_from_text(text, date=PUBLISHED, lang=lang)), kind, participants)
    if source is not None:
        assert event.source is not None and event.source.name == source
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == when if when else event.date is None
    assert event.attribution == attribution
    assert not event.negated


def test_own_title_is_an_apposition_and_a_counterpart_is_not() -> None:
    """The own title before the name is one person; "his Omani counterpart" after it is a second."""
    text = "التقى وزير الخارجية الإيراني عباس عراقجي نظيره العماني في مسقط."
    events = extract(article_from_text(text, date=PUBLISHED, lang="ar"))
    event = _one(events, "meeting_held", {"Abbas Araghchi", "Badr Albusaidi"})
    assert event.location == "Muscat"


@pytest.mark.parametrize("text,modality", [
    ("Trump spoke with Putin on Monday, according to the Kremlin.", "asserted"),  # a party's own office
    ("Trump spoke with Putin on Monday, according to people familiar with the call.", "reported"),
    ("Trump spoke with Putin on Monday, according to Iranian officials.", "reported"),  # a third party
    ("Trump spoke with Putin on Monday, according to Russian officials.", "reported"),  # unnamed, if a party's
])
def test_a_party_on_the_record_asserts_it(text: str, modality: str) -> None:
    [event] = extract(article_from_text(text, date=PUBLISHED, lang="en"))
    assert event.type == "phone_call" and event.modality == modality and event.attribution


@pytest.mark.parametrize("text,lang,source", [
    ("قالت مصادر مطلعة إن ويتكوف التقى سرا بمسؤولين من حماس في الدوحة الشهر الماضي.", "ar", "قالت مصادر مطلعة"),
    ("Sources said that Witkoff met Hamas officials in Doha last month.", "en", "Sources said"),
])
def test_the_claim_after_an_attribution_is_still_an_event(text: str, lang: str, source: str) -> None:
    """An attribution ends at its complementizer ("إن", "that"): what follows is the claim, reported."""
    events = extract(article_from_text(text, date=date(2025, 11, 20), lang=lang))
    assert [(e.type, e.source.name if e.source else None, [t.name for t in e.targets], e.modality, e.attribution)
            for e in events] == [("meeting_held", "Steve Witkoff", ["Hamas"], "reported", source)]


@pytest.mark.parametrize("text,lang", [
    ("Iran's foreign ministry confirmed on Monday that it had received a letter from Trump.", "en"),
    ("أكدت الخارجية الإيرانية يوم الاثنين أنها تسلمت رسالة من ترامب.", "ar"),
])
def test_who_confirms_receiving_received_it(text: str, lang: str) -> None:
    """A verb of confirming names the speaker of what follows ("it had received"); its date is the confirming's."""
    events = extract(article_from_text(text, date=date(2025, 11, 20), lang=lang))
    assert sorted((e.type, e.source.name if e.source else None, [t.name for t in e.targets],
                   str(e.date.start) if e.date else None) for e in events) == [
        ("letter_sent", "Donald Trump", ["Iranian Foreign Ministry"], None),
        ("statement", "Iranian Foreign Ministry", [], "2025-11-17")]
