"""Merging reports of one real event (graph/merge.py) on our own test set, tests/devset/merge_cases.jsonl.

Each case lists event reports and the gold groups of reports that are one real event. The figures are
pairwise: a pair of reports of one case is a true positive when both gold and the merge put them together.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.schema import ActorRef, DateSpan, Event, Evidence
from graph.merge import merge_events

CASES_PATH = Path(__file__).parent / "devset" / "merge_cases.jsonl"


def _read_cases() -> list[dict]:
    lines = CASES_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


CASES = _read_cases()


def _ref(key: str) -> ActorRef:
    return ActorRef(id=f"test:{key}", name=key.replace("_", " ").title())


def _report(case: str, index: int, raw: dict) -> Event:
    span = raw.get("date")
    start = index * 1000  # unique offsets: a report is found again by its evidence
    return Event(
        id=f"{case}/{index}",
        type=raw["type"],
        source=_ref(raw["source"]) if raw.get("source") else None,
        targets=[_ref(t) for t in raw.get("targets", [])],
        via=[_ref(v) for v in raw.get("via", [])],
        date=DateSpan(
            start=date.fromisoformat(span[0]),
            end=date.fromisoformat(span[1]),
            text=span[2],
            precision=span[3],
        )
        if span
        else None,
        **{
            k: raw[k] for k in ("negated", "secret", "recurring", "count", "modality", "location") if k in raw
        },
        evidence=[
            Evidence(
                article=f"{case}:{raw['article']}",
                text=raw["text"],
                start=start,
                end=start + len(raw["text"]),
            )
        ],
    )


def _predicted_groups(case: dict) -> list[set[int]]:
    reports = [_report(case["case"], i, r) for i, r in enumerate(case["reports"])]
    merged = merge_events(reports)
    return [{ev.start // 1000 for ev in event.evidence} for event in merged]


def _same_pairs(groups: list[set[int]] | list[list[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def _pairwise_counts(cases: list[dict]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for case in cases:
        gold, predicted = _same_pairs(case["gold"]), _same_pairs(_predicted_groups(case))
        tp, fp, fn = tp + len(gold & predicted), fp + len(predicted - gold), fn + len(gold - predicted)
    return tp, fp, fn


def test_gold_groups_cover_every_report_once() -> None:
    for case in CASES:
        flat = sorted(i for group in case["gold"] for i in group)
        assert flat == list(range(len(case["reports"]))), case["case"]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["case"], marks=[pytest.mark.xfail(strict=True)] if c.get("known_miss") else [])
        for c in CASES
    ],
)
def test_case_groups(case: dict) -> None:
    predicted = sorted(sorted(g) for g in _predicted_groups(case))
    assert predicted == sorted(sorted(g) for g in case["gold"])


def test_merge_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    tp, fp, fn = _pairwise_counts(CASES)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(
            f"\nmerge on {len(CASES)} cases: pairwise precision {precision:.2f}, recall {recall:.2f} "
            f"(tp {tp}, fp {fp}, fn {fn})"
        )
    assert fp == 0  # no case of the set is merged wrongly
    assert recall >= 0.8


def test_merged_letter_keeps_precise_date_and_every_source() -> None:
    case = next(c for c in CASES if c["case"] == "oct2014_letter_three_reports")
    [letter] = merge_events(_report(case["case"], i, r) for i, r in enumerate(case["reports"]))
    assert (letter.date.text, letter.date.precision) == ("mid-October", "part_of_month")
    assert [d.text for d in letter.other_dates] in (["الشهر الماضي"], ["last month"])  # one Oct interval kept
    assert letter.reports == 3 and len(letter.evidence) == 3
    assert letter.secret  # one report says secret


def test_same_article_twice_is_one_report_with_two_mentions() -> None:
    case = next(c for c in CASES if c["case"] == "same_article_mentions_twice")
    [letter] = merge_events(_report(case["case"], i, r) for i, r in enumerate(case["reports"]))
    assert (letter.reports, len(letter.evidence)) == (1, 2)


def test_carriers_are_united() -> None:
    case = next(c for c in CASES if c["case"] == "carriers_named_differently")
    [message] = merge_events(_report(case["case"], i, r) for i, r in enumerate(case["reports"]))
    assert sorted(r.id for r in message.via) == ["test:iraq", "test:sistani"]
    assert message.date.text == "July"


def test_planned_and_held_merge_as_held() -> None:
    case = next(c for c in CASES if c["case"] == "planned_then_held")
    [meeting] = merge_events(_report(case["case"], i, r) for i, r in enumerate(case["reports"]))
    assert meeting.modality == "asserted"


# --- invariants ------------------------------------------------------------------------------------------

ALL_REPORTS = [_report(c["case"], i, r) for c in CASES for i, r in enumerate(c["reports"])]


def _canonical(events: list[Event]) -> list[str]:
    return sorted(e.model_dump_json() for e in events)


@settings(max_examples=40, deadline=None)
@given(st.permutations(ALL_REPORTS))
def test_merge_does_not_depend_on_input_order(reports: list[Event]) -> None:
    assert _canonical(merge_events(reports)) == _canonical(merge_events(ALL_REPORTS))


def test_merge_is_idempotent_and_keeps_all_evidence() -> None:
    once = merge_events(ALL_REPORTS)
    assert _canonical(merge_events(once)) == _canonical(once)
    assert sum(len(e.evidence) for e in once) == len(ALL_REPORTS)
    assert len({e.id for e in once}) == len(once)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4000), st.integers(0, 40), st.integers(2, 400))
def test_dates_clearly_apart_never_merge(first: int, width: int, gap: int) -> None:
    day = date(2009, 1, 1) + timedelta(days=first)
    a = DateSpan(start=day, end=day + timedelta(days=width), text="a", precision="range")
    later = a.end + timedelta(days=gap)
    b = DateSpan(start=later, end=later + timedelta(days=width), text="b", precision="range")
    reports = [ALL_REPORTS[0].model_copy(update={"date": span, "id": span.text}) for span in (a, b)]
    assert len(merge_events(reports)) == 2
