"""A trip and its purpose: "flew to X for talks with Y" gives the visit and the talks of the one who flew."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)

# (text, lang, {(type, frozenset(participants))} expected, location of the contact: where the traveller went)
CASES = [
    ("Qatar's prime minister flew to Washington on Monday for talks with U.S. officials on the Gaza truce.", "en",
     {("visit", frozenset({"Mohammed bin Abdulrahman Al Thani", "United States"})),
      ("talks_held", frozenset({"Mohammed bin Abdulrahman Al Thani", "United States"}))}, "Washington"),
    ("Araghchi arrived in Muscat for a meeting with the Omani foreign minister.", "en",
     {("visit", frozenset({"Abbas Araghchi", "Oman"})),
      ("meeting_held", frozenset({"Abbas Araghchi", "Badr Albusaidi"}))}, "Muscat"),
    ("وصل عراقجي إلى مسقط لإجراء محادثات مع وزير الخارجية العماني.", "ar",
     {("visit", frozenset({"Abbas Araghchi", "Oman"})),
      ("talks_held", frozenset({"Abbas Araghchi", "Badr Albusaidi"}))}, "Muscat"),
]


@pytest.mark.parametrize("text,lang,expected,location", CASES, ids=[c[0][:40] for c in CASES])
def test_the_traveller_holds_the_talks(text: str, lang: str, expected: set, location: str | None) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert {(e.type, frozenset(names(e.participants))) for e in events} == expected
    contact = next(e for e in events if e.type != "visit")
    assert contact.location == location
    assert not contact.negated and contact.modality == "asserted"


def test_talks_someone_is_told_about_are_not_the_teller_s() -> None:
    """Only a trip lends its traveller to the talks: being informed of talks with Iran is not holding them."""
    text = "أبلغ الرئيس الأمريكي رئيس الوزراء الإسرائيلي بالمحادثات مع إيران الشهر الماضي."
    events = extract(article_from_text(text, date=date(2013, 11, 30), lang="ar"))
    assert [e.type for e in events] == ["message_passed"]
    assert names(events[0].participants) == {"Barack Obama", "Benjamin Netanyahu"}


@pytest.mark.parametrize("text,lang,expected", [
    # a letter the clause's verb was said in is real, whatever was urged in it
    ("Macron urged Netanyahu in a letter to halt the offensive.", "en",
     [("letter_sent", "Emmanuel Macron", ["Benjamin Netanyahu"])]),
    ("وحث ماكرون نتنياهو في رسالة على وقف الهجوم.", "ar", [("letter_sent", "Emmanuel Macron", ["Benjamin Netanyahu"])]),
    # an invitation is not the visit it invites to; a visit made at one is
    ("Putin invited Trump to visit Moscow.", "en", []),
    ("وجه بوتين دعوة إلى ترامب لزيارة موسكو.", "ar", []),
    ("At the invitation of Putin, Trump visited Moscow.", "en", [("visit", "Donald Trump", ["Russia"])]),
    ("وبدعوة من بوتين، زار ترامب موسكو.", "ar", [("visit", "Donald Trump", ["Russia"])]),
])
def test_urged_in_a_letter_and_invited_to_visit(text: str, lang: str, expected: list) -> None:
    events = extract(article_from_text(text, date=date(2025, 11, 20), lang=lang))
    assert [(e.type, e.source.name if e.source else None, [t.name for t in e.targets]) for e in events] == expected
