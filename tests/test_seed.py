"""The seed article must give its eight events (issue 2), with participants, dates and flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors import extract
from extractors.articles import read_text_article
from extractors.schema import Event

from .conftest import find, names


@pytest.fixture(scope="module")
def events(seed_path: Path) -> list[Event]:
    article = read_text_article(seed_path).model_copy(update={"date": date(2014, 11, 6), "lang": "ar"})
    return extract(article)


def _one(found: list[Event]) -> Event:
    assert len(found) == 1, found
    return found[0]


def test_secret_letter_mid_october(events: list[Event]) -> None:
    e = _one(find(events, "letter_sent", {"Barack Obama", "Ali Khamenei"}, secret=True))
    assert e.source and e.source.name == "Barack Obama"
    assert names(e.targets) == {"Ali Khamenei"}
    assert e.date and (e.date.start, e.date.end) == (date(2014, 10, 11), date(2014, 10, 20))
    assert not e.negated
    assert e.ordinal == 4  # "at least the fourth time"
    assert len(e.evidence) >= 2  # repeated mentions are one event


def test_deadline_of_24_november(events: list[Event]) -> None:
    e = _one(find(events, "deadline_set", {"Iran", "P5+1"}))
    assert e.date and e.date.start == e.date.end == date(2014, 11, 24)
    assert "nuclear programme" in e.topic


def test_white_house_did_not_inform_allies(events: list[Event]) -> None:
    e = _one(find(events, "message_passed", negated=True))
    assert e.source and e.source.name == "White House"
    assert names(e.targets) == {"Israel", "Saudi Arabia", "United Arab Emirates"}


def test_secret_talks_in_muscat_from_mid_2012(events: list[Event]) -> None:
    e = _one(find(events, "talks_held", {"United States", "Iran"}))
    assert e.secret and e.location == "Muscat"
    assert e.date and (e.date.start, e.date.end) == (date(2012, 5, 1), date(2012, 8, 31))


def test_two_letters_in_first_half_of_2009(events: list[Event]) -> None:
    e = _one([x for x in find(events, "letter_sent", {"Barack Obama", "Ali Khamenei"}) if x.count == 2])
    assert e.source and e.source.name == "Barack Obama"
    assert e.date and (e.date.start, e.date.end) == (date(2009, 1, 1), date(2009, 6, 30))
    assert not e.secret


def test_phone_call_september_2013(events: list[Event]) -> None:
    e = _one(find(events, "phone_call", {"Barack Obama", "Hassan Rouhani"}))
    assert e.date and (e.date.start, e.date.end) == (date(2013, 9, 1), date(2013, 9, 30))


def test_kerry_zarif_talks_recurring(events: list[Event]) -> None:
    e = _one(find(events, "talks_held", {"John Kerry", "Javad Zarif"}))
    assert e.recurring and e.date is None


def test_messages_through_iraq_and_sistani(events: list[Event]) -> None:
    e = _one([x for x in find(events, "message_passed") if x.via])
    assert e.source and e.source.name == "United States"
    assert names(e.targets) == {"Iran"}
    assert names(e.via) == {"Government of Iraq", "Ali al-Sistani"}


def test_few_other_events(events: list[Event]) -> None:
    assert 8 <= len(events) <= 11, [(e.type, names(e.participants)) for e in events]


def test_evidence_offsets_point_into_the_article(events: list[Event], seed_path: Path) -> None:
    text = read_text_article(seed_path).text
    for event in events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_an_undated_copy_keeps_the_named_negotiators(seed_path: Path) -> None:
    """Without a publication date, "the two countries' foreign ministers, Kerry and Zarif" are still the two
    named: the names in apposition decide, not whoever holds the offices today."""
    article = read_text_article(seed_path).model_copy(update={"date": None, "lang": "ar"})
    talks = [e for e in extract(article) if e.type == "talks_held" and e.date is None]
    assert [names(e.participants) for e in talks] == [{"John Kerry", "Javad Zarif"}]
