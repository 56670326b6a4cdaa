"""Exports (graph/export.py): node-link JSON round-trips exactly; GraphML and GEXF load flat attributes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.schema import ActorRef, DateSpan, Event, Evidence
from graph.build import graph_from_events
from graph.examples import example_kg
from graph.export import (
    flat_graph,
    from_node_link,
    read_node_link,
    to_node_link,
    write_gexf,
    write_graphml,
    write_node_link,
)


def _same(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> bool:
    return (
        dict(G.nodes(data=True)) == dict(H.nodes(data=True))
        and sorted(G.edges(keys=True, data=True), key=repr) == sorted(H.edges(keys=True, data=True), key=repr)
        and G.graph == H.graph
    )


def test_node_link_file_round_trips_exactly(tmp_path: Path) -> None:
    kg = example_kg()
    path = write_node_link(kg, tmp_path / "kg.json")
    back = read_node_link(path)
    assert _same(kg.G, back.G)
    assert [e.model_dump() for e in back.events] == [e.model_dump() for e in kg.events]
    assert "خامنئي" in path.read_text(encoding="utf-8")  # Arabic kept readable
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"from", "to", "key", "source", "targets"} <= set(data["edges"][0])


names = st.text(alphabet="abcdefgh ابتثجح", min_size=1, max_size=8)
refs = st.builds(lambda i, n: ActorRef(id=f"t:{i}", name=n), st.integers(0, 6), names)
spans = st.none() | st.builds(
    lambda d, w, t: DateSpan(start=d, end=date.fromordinal(d.toordinal() + w), text=t),
    st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    st.integers(0, 60),
    names,
)
events = st.builds(
    lambda i, t, s, ts, v, d, neg, txt: Event(
        id=f"e{i}",
        type=t,
        source=s,
        targets=ts,
        via=v,
        date=d,
        negated=neg,
        evidence=[Evidence(article="a", text=txt, start=0, end=len(txt))],
    ),
    st.integers(0, 10**6),
    st.sampled_from(["letter_sent", "phone_call", "statement", "message_passed"]),
    st.none() | refs,
    st.lists(refs, max_size=3),
    st.lists(refs, max_size=2),
    spans,
    st.booleans(),
    names,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(events, min_size=1, max_size=8, unique_by=lambda e: e.id))
def test_node_link_round_trip_any_events(made: list[Event]) -> None:
    made = [e for e in made if e.participants]
    G = graph_from_events(made)
    assert _same(G, from_node_link(json.loads(json.dumps(to_node_link(G), ensure_ascii=False))))


def test_graphml_has_flat_attributes_only(tmp_path: Path) -> None:
    kg = example_kg()
    path = write_graphml(kg, tmp_path / "kg.graphml")
    H = nx.read_graphml(path)
    assert H.number_of_edges() == kg.G.number_of_edges()
    assert H.nodes["example:obama"]["name_ar"] == "باراك أوباما"
    message = next(
        d for _, _, d in H.edges(data=True) if d["event_type"] == "message_passed" and d["via_ids"]
    )
    assert message["via_ids"] == "example:iraq; example:sistani"
    assert json.loads(message["evidence"])[0]["article"] == "ex-en-1"
    for _, _, data in H.edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())


def test_gexf_loads_with_unique_edge_ids(tmp_path: Path) -> None:
    kg = example_kg()
    path = write_gexf(kg, tmp_path / "kg.gexf")
    H = nx.read_gexf(path)
    assert H.number_of_edges() == kg.G.number_of_edges()
    assert H.nodes["example:zarif"]["label"] == "Javad Zarif"
    keys = [k for _, _, k in flat_graph(kg).edges(keys=True)]
    assert len(keys) == len(set(keys))
    letters = [d for _, _, d in H.edges(data=True) if d.get("event_type") == "letter_sent"]
    assert sorted(d["date_start"] for d in letters) == ["2009-01-01", "2014-10-11", "2015-01-01"]


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    kg = example_kg()
    write_node_link(kg, tmp_path / "a.json")
    write_graphml(kg, tmp_path / "a.graphml")
    write_gexf(kg, tmp_path / "a.gexf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gexf", "a.graphml", "a.json"]
