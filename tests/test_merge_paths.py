"""The quick paths of graph/merge.py and graph/build.py agree with the plain ones.

The graph is built from JSON dicts (merge_records, graph_of_records) and merge_events works on Events; a
lone report already in merged form skips _combine; anchors are found by bisection. Each quick path is
checked here against the plain rule on random reports.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.schema import ActorRef, DateSpan, Event, Evidence
from graph import build_graph
from graph.build import EVENT_EDGES, edge_pairs, event_attributes, graph_from_events
from graph.examples import example_actors, example_events
from graph.merge import _cluster as bisect_cluster
from graph.merge import (
    _combine,
    _combine_events,
    _combine_records,
    _event_report,
    dates_compatible,
    merge_events,
    merge_records,
)

ACTORS = [ActorRef(id=f"test:a{i}", name=f"Actor {i}") for i in range(4)]
DAY0 = date(2014, 1, 1)


@st.composite
def spans(draw: st.DrawFn) -> DateSpan | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    start = DAY0 + timedelta(days=draw(st.integers(0, 60)))
    width = draw(st.sampled_from([0, 0, 0, 1, 6, 30, 364]))
    return DateSpan(start=start, end=start + timedelta(days=width), text=f"w{width}", precision="range")


@st.composite
def reports(draw: st.DrawFn) -> Event:
    evidence = [
        Evidence(article=draw(st.sampled_from("abc")), text="t", start=s, end=s + 5)
        for s in draw(st.lists(st.integers(0, 3), max_size=3))
    ]
    return Event(
        id=draw(st.sampled_from(["r1", "r2", "r3", "r4"])),
        type=draw(st.sampled_from(["letter_sent", "phone_call"])),
        source=draw(st.sampled_from(ACTORS[:2])),
        targets=[draw(st.sampled_from(ACTORS[2:]))],
        via=draw(st.lists(st.sampled_from(ACTORS), max_size=2)),
        date=draw(spans()),
        other_dates=[s for s in draw(st.lists(spans(), max_size=2)) if s is not None],
        topic=draw(st.lists(st.sampled_from(["oil", "talks"]), max_size=2)),
        secret=draw(st.booleans()),
        count=draw(st.sampled_from([None, 2])),
        evidence=evidence,
        reports=draw(st.integers(1, 3)),
    )


def _brute_cluster(events: list[Event]) -> list[list[str]]:
    """The clustering rule of the module docstring, comparing every report with every anchor."""
    ordered = sorted(events, key=lambda e: _event_report(e)[0])
    clusters: list[list[Event]] = []
    for event in [e for e in ordered if e.date is not None]:
        hits = [c for c in clusters if dates_compatible(c[0].date, event.date)]
        if len(hits) > 1:
            hits = [c for c in hits if (c[0].date.start, c[0].date.end) == (event.date.start, event.date.end)]
        if len(hits) == 1:
            hits[0].append(event)
        else:
            clusters.append([event])
    undated = [e for e in ordered if e.date is None]
    if undated:
        if len(clusters) == 1:
            clusters[0].extend(undated)
        else:
            clusters.append(undated)
    return sorted(sorted(e.id + str(_event_report(e)[0]) for e in c) for c in clusters)


@settings(max_examples=80, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=12))
def test_bisect_clustering_is_the_plain_rule(events: list[Event]) -> None:
    found = bisect_cluster([_event_report(e) for e in events])
    got = sorted(sorted(r[3].id + str(r[0]) for r in c) for c in found)
    assert got == _brute_cluster(events)


@settings(max_examples=80, deadline=None)
@given(reports())
def test_lone_report_quick_paths_equal_combine(event: Event) -> None:
    plain = _combine([event], "ev:x")
    quick = _combine_events([event], "ev:x")
    assert quick == plain and quick.model_fields_set == plain.model_fields_set
    assert _combine_records([event_attributes(event)], "ev:x") == event_attributes(plain)


@settings(max_examples=60, deadline=None)
@given(st.lists(reports(), max_size=15))
def test_records_merge_like_events(events: list[Event]) -> None:
    merged = merge_events(events)
    assert [Event.model_validate(r) for r in merge_records(event_attributes(e) for e in events)] == merged
    by_id = sorted(merged, key=lambda e: e.id)
    assert sorted(build_graph(events).events, key=lambda e: e.id) == by_id


@settings(max_examples=60, deadline=None)
@given(st.lists(reports(), max_size=15))
def test_graph_of_json_dicts_is_the_graph_of_events(events: list[Event]) -> None:
    """Dicts as ``dipgraph extract`` writes them skip the Event and take the short cuts of graph/build.py."""
    of_events = build_graph(events).G
    of_json = build_graph([e.model_dump(mode="json") for e in events]).G
    assert list(of_json.edges(keys=True, data=True)) == list(of_events.edges(keys=True, data=True))
    assert list(of_json.nodes(data=True)) == list(of_events.nodes(data=True)) and of_json.graph == of_events.graph
    for event in merge_events(events):  # the one-edge short cut draws what edge_pairs says
        pairs = edge_pairs(event)
        assert of_json.graph[EVENT_EDGES][event.id] == [[u, v] for u, v, _ in pairs]
        assert [of_json[u][v][event.id]["role"] for u, v, _ in pairs] == [role for _, _, role in pairs]


def test_merged_events_do_not_share_lists_with_reports() -> None:
    reports = example_events()
    for merged in merge_events(reports):
        for report in reports:
            for field in ("targets", "via", "evidence", "other_dates", "topic"):
                assert getattr(merged, field) is not getattr(report, field)


def test_graph_from_a_generator_equals_graph_from_a_list() -> None:
    events = example_events()
    one = graph_from_events(events, actors=example_actors())
    other = graph_from_events(iter(events), actors=example_actors())
    assert list(one.edges(keys=True, data=True)) == list(other.edges(keys=True, data=True))
    assert one.graph == other.graph
