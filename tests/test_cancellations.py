"""Called-off contacts: planned, and negated, in both languages; the letter that cancels is not cancelled."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)  # a Thursday

# (text, lang, type, participants, negated, modality, (start, end) or None)
CASES = [
    ("Rubio cancelled his trip to Kyiv.", "en", "visit", {"Marco Rubio", "Ukraine"}, True, "planned", None),
    ("Rubio postponed a planned meeting with Lavrov.", "en", "meeting_held", {"Marco Rubio", "Sergey Lavrov"},
     True, "planned", None),
    ("The meeting between Rubio and Lavrov in Budapest was called off.", "en", "meeting_held",
     {"Marco Rubio", "Sergey Lavrov"}, True, "planned", None),
    ("Trump called off the summit with Kim Jong Un that had been set for Sunday.", "en", "meeting_held",
     {"Donald Trump", "Kim Jong Un"}, True, "planned", ("2025-11-23", "2025-11-23")),
    ("ألغى روبيو زيارته إلى كييف.", "ar", "visit", {"Marco Rubio", "Ukraine"}, True, "planned", None),
    ("أرجأ روبيو لقاءه مع لافروف.", "ar", "meeting_held", {"Marco Rubio", "Sergey Lavrov"}, True, "planned", None),
    ("أعلنت مسقط إلغاء الجولة الجديدة من المحادثات بين طهران وواشنطن التي كانت مقررة يوم الأحد.", "ar",
     "talks_held", {"Iran", "United States"}, True, "planned", ("2025-11-23", "2025-11-23")),
    # a cancelling word after the contact, with another contact in between, is not its own
    ("Rubio met Lavrov in Budapest and cancelled the sanctions review.", "en", "meeting_held",
     {"Marco Rubio", "Sergey Lavrov"}, False, "asserted", None),
]


@pytest.mark.parametrize("text,lang,kind,participants,negated,modality,when", CASES, ids=[c[0][:40] for c in CASES])
def test_called_off(text: str, lang: str, kind: str, participants: set[str], negated: bool, modality: str,
                    when: tuple[str, str] | None) -> None:
    found = [e for e in extract(article_from_text(text, date=PUBLISHED, lang=lang))
             if e.type == kind and names(e.participants) == participants]
    assert len(found) == 1
    event = found[0]
    assert (event.negated, event.modality) == (negated, modality)
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == when if when else event.date is None


def test_the_letter_that_cancels_is_sent() -> None:
    """"In a letter to Kim, Trump cancelled the summit": the letter went out; the summit is off."""
    events = extract(article_from_text("In a letter to Kim Jong Un, Trump cancelled the summit.", date=PUBLISHED))
    letter = next(e for e in events if e.type == "letter_sent")
    assert letter.source is not None and letter.source.name == "Donald Trump"
    assert names(letter.targets) == {"Kim Jong Un"}
    assert not letter.negated and letter.modality == "asserted"
    summit = next(e for e in events if e.type == "meeting_held")
    assert summit.negated and summit.modality == "planned"
