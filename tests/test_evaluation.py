"""The scorer's matching and counting on hand-made predictions (no extractor needed); the devset's shape."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from extractors.errors import DataFileError
from extractors.evaluation import (
    DevItem,
    GoldEvent,
    format_report,
    lenient_match,
    load_devset,
    pair_events,
    score,
    strict_match,
)
from extractors.schema import ActorRef, DateSpan, Event

DEVSET = Path(__file__).parent / "devset" / "events.jsonl"
ALIASES = {"obama": "Q76", "barack obama": "Q76", "khamenei": "Q57336", "ali khamenei": "Q57336"}


def by_alias(name: str) -> str | None:
    return ALIASES.get(name.casefold())


def no_base(name: str) -> str | None:
    return None


def ref(name: str) -> ActorRef:
    return ActorRef(id=name.lower().replace(" ", "_"), name=name)


def pred(type_: str, source: str | None, targets: list[str], *, when: tuple[str, str] | None = None,
         **flags: object) -> Event:
    span = None
    if when:
        span = DateSpan(start=date.fromisoformat(when[0]), end=date.fromisoformat(when[1]), text="x")
    return Event(id=f"p-{type_}-{source}", type=type_, source=ref(source) if source else None,  # type: ignore[arg-type]
                 targets=[ref(t) for t in targets], date=span, **flags)  # type: ignore[arg-type]


def gold(type_: str, source: str | None, targets: list[str], **fields: object) -> GoldEvent:
    return GoldEvent.model_validate({"type": type_, "source": source, "targets": targets, **fields})


def item(events: list[GoldEvent], lang: str = "en", id_: str = "t-1") -> DevItem:
    return DevItem(id=id_, lang=lang, published=date(2014, 11, 6), text="...", events=events)  # type: ignore[arg-type]


def test_directed_events_need_the_same_source_and_targets() -> None:
    g = gold("letter_sent", "Barack Obama", ["Ali Khamenei"])
    assert strict_match(g, pred("letter_sent", "Barack Obama", ["Ali Khamenei"]), no_base)
    assert not strict_match(g, pred("letter_sent", "Ali Khamenei", ["Barack Obama"]), no_base)
    assert not strict_match(g, pred("message_passed", "Barack Obama", ["Ali Khamenei"]), no_base)


def test_reversed_direction_is_still_a_lenient_match() -> None:
    g = gold("letter_sent", "Barack Obama", ["Ali Khamenei"])
    assert lenient_match(g, pred("letter_sent", "Ali Khamenei", ["Barack Obama"]), no_base)
    assert not lenient_match(g, pred("letter_sent", "Hassan Rouhani", ["John Kerry"]), no_base)


def test_symmetric_events_compare_the_participant_set() -> None:
    g = gold("phone_call", "Barack Obama", ["Hassan Rouhani"])
    assert strict_match(g, pred("phone_call", "Hassan Rouhani", ["Barack Obama"]), no_base)
    assert not strict_match(g, pred("phone_call", "Hassan Rouhani", ["Barack Obama", "Iran"]), no_base)


def test_names_compare_through_the_resolver_then_case_insensitively() -> None:
    g = gold("letter_sent", "Obama", ["KHAMENEI"])
    assert strict_match(g, pred("letter_sent", "Barack Obama", ["ali khamenei"]), by_alias)
    assert strict_match(gold("visit", "white house", []), pred("visit", "White House", []), no_base)


def test_pairing_is_one_to_one_and_prefers_the_same_date() -> None:
    g = [gold("letter_sent", "Barack Obama", ["Ali Khamenei"],
              date={"start": "2009-01-01", "end": "2009-06-30"})]
    p = [pred("letter_sent", "Barack Obama", ["Ali Khamenei"], when=("2014-10-11", "2014-10-20")),
         pred("letter_sent", "Barack Obama", ["Ali Khamenei"], when=("2009-01-01", "2009-06-30"))]
    assert pair_events(g, p, lambda a, b: strict_match(a, b, no_base)) == [(0, 1)]


def test_score_counts_per_type_and_language() -> None:
    items = [
        item([gold("letter_sent", "Barack Obama", ["Ali Khamenei"]), gold("phone_call", "Barack Obama",
                                                                         ["Hassan Rouhani"])], "ar", "a"),
        item([gold("visit", "John Kerry", ["Oman"])], "en", "b"),
    ]
    predictions = {
        "a": [pred("letter_sent", "Barack Obama", ["Ali Khamenei"]), pred("statement", "White House", [])],
        "b": [pred("visit", "John Kerry", ["Iran"])],
    }
    report = score(items, lambda it: predictions[it.id], no_base)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 2)
    assert (report.by_lang["ar"].tp, report.by_lang["ar"].fp, report.by_lang["ar"].fn) == (1, 1, 1)
    assert report.by_type["visit"].fn == 1 and report.by_type["visit"].fp == 1
    assert report.lenient.tp == 2  # the visit shares John Kerry
    assert report.overall.precision == pytest.approx(1 / 3) and report.overall.recall == pytest.approx(1 / 3)


def test_dates_and_flags_are_scored_among_matched_events() -> None:
    g = [gold("letter_sent", "Barack Obama", ["Ali Khamenei"],
              date={"start": "2014-10-11", "end": "2014-10-20"}, secret=True),
         gold("message_passed", "White House", ["Israel"], negated=True)]
    p = [pred("letter_sent", "Barack Obama", ["Ali Khamenei"], when=("2014-10-01", "2014-10-31"),
              secret=True),
         pred("message_passed", "White House", ["Israel"], when=("2014-11-06", "2014-11-06"))]
    report = score([item(g)], lambda it: p, no_base)
    assert (report.date.right, report.date.total) == (0, 1)
    assert (report.date_overlap.right, report.date_overlap.total) == (1, 1)
    assert report.spurious_dates == 1
    assert report.attributes["secret"].right == 2
    assert (report.attributes["negated"].right, report.attributes["negated"].total) == (1, 2)


def test_hard_negatives_and_crashes_are_reported() -> None:
    def flaky(it: DevItem) -> list[Event]:
        if it.id == "boom":
            raise RuntimeError("extractor broke")
        return [pred("phone_call", "Barack Obama", ["Hassan Rouhani"])]

    report = score([item([], id_="neg"), item([gold("visit", "John Kerry", [])], id_="boom")], flaky, no_base)
    assert (report.negative_items, report.negative_items_with_fp, report.negative_fp_events) == (1, 1, 1)
    assert report.errors == 1 and report.overall.fn == 1
    text = format_report(report, misses=True)
    assert "hard negatives: 1 items, 1 with a false positive" in text and "extractor broke" in text


def test_a_bad_devset_line_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "dev.jsonl"
    bad.write_text('{"id": "x", "lang": "en", "published": "2014-01-01", "text": "t", "events": []}\n'
                   '{"id": "y", "lang": "fr", "published": "2014-01-01", "text": "t", "events": []}\n')
    with pytest.raises(DataFileError, match=r"dev\.jsonl:2: field 'lang'"):
        load_devset(bad)


@pytest.fixture(scope="module")
def devset() -> list[DevItem]:
    return load_devset(DEVSET)


def test_devset_is_large_and_balanced(devset: list[DevItem]) -> None:
    langs = Counter(it.lang for it in devset)
    assert len(devset) >= 170 and min(langs["ar"], langs["en"]) >= 80
    assert len({it.id for it in devset}) == len(devset)
    assert sum(not it.events for it in devset) >= 40


def test_devset_covers_every_type_and_attribute_in_both_languages(devset: list[DevItem]) -> None:
    for lang in ("ar", "en"):
        events = [e for it in devset if it.lang == lang for e in it.events]
        assert {e.type for e in events} == set(GoldEvent.model_fields["type"].annotation.__args__)  # type: ignore
        assert any(e.negated for e in events) and any(e.secret for e in events)
        assert {e.modality for e in events} == {"asserted", "planned", "reported"}
        assert all(any(getattr(e, f) for e in events) for f in ("via", "count", "ordinal", "location",
                                                                 "attribution", "date"))


def test_devset_dates_are_intervals(devset: list[DevItem]) -> None:
    for it in devset:
        for e in it.events:
            assert e.date is None or e.date.start <= e.date.end, it.id
            assert e.source is not None or e.type in ("deadline_set", "statement"), it.id


def _extractor_ready() -> str | None:
    """Why the extractor cannot run yet, or None when it can."""
    try:
        from extractors import extract
        from extractors.articles import article_from_text

        extract(article_from_text("Obama called Rouhani on Friday.", date=date(2013, 9, 28)))
    except Exception as err:  # the extractor is built by others; the scorer's tests must not depend on it
        return f"{type(err).__name__}: {err}"
    return None


# Floors a little under the current full run (strict P 0.89, R 0.73, dates 0.94 on 2026-11-29, per language
# F1 ar 0.82, en 0.79); raise them as the extractor improves, never lower them to make a change pass.
FLOORS = {"precision": 0.86, "recall": 0.70, "date": 0.91, "negative_items_with_fp": 1, "language_f1": 0.76}


def test_the_extractor_holds_its_devset_floors(devset: list[DevItem]) -> None:
    why = _extractor_ready()
    assert why is None, f"the extractor does not run: {why}"
    report = score(devset)
    assert report.errors == 0, [m.event for m in report.misses if m.kind == "error"][:3]
    assert report.overall.precision >= FLOORS["precision"]
    assert report.overall.recall >= FLOORS["recall"]
    assert report.date.value >= FLOORS["date"]
    assert report.negative_items_with_fp <= FLOORS["negative_items_with_fp"]
    for lang, counts in report.by_lang.items():
        assert counts.f1 >= FLOORS["language_f1"], lang


# Sets written apart from the engine, with the floors that guard against regressions (precision, F1, and the
# most hard negatives that may give an event, None where unchecked):
# - heldout: first score F1 0.55 (P 0.73, R 0.44), now F1 0.69 (P 0.84, R 0.59);
# - heldout2, written blind in a later session: first score F1 0.51 (P 0.67, R 0.41), lenient 0.68; scored, never
#   read for tuning;
# - heldout3, 50 whole articles (names, then surnames, titles and pronouns, dates told from the story): first score
#   F1 0.47 (P 0.60, R 0.39), lenient 0.60; scored, never read;
# - heldout4, 40 articles from many regions, written at the end of the session that watched heldout3's score: first
#   score F1 0.46 (P 0.66, R 0.36), lenient 0.63; scored only at the end of sessions, never read;
# - heldout5, 40 articles written blind in the session after: its first score, F1 0.47 (P 0.70, R 0.35), lenient
#   0.60, is the honest figure (the engine at that session's start scored 0.39 on it).
HELDOUT_FLOORS = [
    ("heldout.jsonl", 0.83, 0.70, 0),
    ("heldout2.jsonl", 0.72, 0.56, 2),
    ("heldout3.jsonl", 0.59, 0.47, 1),
    ("heldout4.jsonl", 0.64, 0.45, 0),
    ("heldout5.jsonl", 0.66, 0.44, 0),
]


@pytest.mark.parametrize("name,precision,f1,negatives", HELDOUT_FLOORS, ids=[f[0] for f in HELDOUT_FLOORS])
def test_the_extractor_holds_its_heldout_floors(name: str, precision: float, f1: float, negatives: int | None) -> None:
    report = score(load_devset(Path(__file__).parent / "devset" / name))
    assert report.errors == 0
    assert report.overall.precision >= precision and report.overall.f1 >= f1
    if negatives is not None:
        assert report.negative_items_with_fp <= negatives
