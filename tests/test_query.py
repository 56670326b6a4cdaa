"""The query functions of graph/query.py and graph/network.py, and the docstring examples of graph/."""

from __future__ import annotations

import doctest
import importlib
import random
from datetime import date, timedelta

import pytest

from extractors.errors import ActorNotFound
from extractors.schema import ActorRef, DateSpan, Event
from graph import query
from graph.build import graph_from_events
from graph.examples import example_graph

GRAPH_MODULES = [
    "graph",
    "graph.actor_records",
    "graph.build",
    "graph.examples",
    "graph.export",
    "graph.frames",
    "graph.knowledge_graph",
    "graph.merge",
    "graph.network",
    "graph.query",
    "graph.sample_corpus",
    "graph.selection",
    "graph.store",
]


@pytest.mark.parametrize("name", GRAPH_MODULES)
def test_docstring_examples_run(name: str) -> None:
    """pytest's testpaths is tests/, so the examples of graph/ are run from here as well."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.fixture(scope="module")
def G():
    return example_graph()


def test_between_is_symmetric_in_its_arguments(G) -> None:
    one = [e.id for e in query.between(G, "Obama", "Khamenei")]
    other = [e.id for e in query.between(G, "Khamenei", "Obama")]
    assert one == other and len(one) == 3


@pytest.mark.parametrize(
    ("filters", "years"),
    [
        ({}, [2009, 2014, 2015]),
        ({"since": "2014-10-15"}, [2014, 2015]),  # overlap: mid-October 2014 is kept
        ({"until": date(2014, 10, 10)}, [2009]),
        ({"since": "2010-01-01", "until": "2014-12-31"}, [2014]),
        ({"types": ["phone_call"]}, []),
    ],
)
def test_between_filters(G, filters: dict, years: list[int]) -> None:
    assert [e.date.start.year for e in query.between(G, "Obama", "Khamenei", **filters)] == years


def test_between_with_and_without_carriers(G) -> None:
    assert [e.type for e in query.between(G, "United States", "Government of Iraq")] == ["message_passed"]
    assert query.between(G, "United States", "Government of Iraq", via=False) == []


def test_unknown_type_is_named() -> None:
    with pytest.raises(ValueError, match="unknown event type 'letter'.*letter_sent"):
        query.of_type(example_graph(), "letter")


def test_unknown_actor_raises() -> None:
    with pytest.raises(ActorNotFound):
        query.between(example_graph(), "Nobody Atall", "Obama")


def test_date_filter_drops_undated(G) -> None:
    assert [e.type for e in query.between(G, "Kerry", "Zarif")] == ["talks_held"]
    assert query.between(G, "Kerry", "Zarif", since="2000-01-01") == []


def test_correspondence_in_and_out_in_date_order(G) -> None:
    letters = query.correspondence(G, "Ali Khamenei")
    assert [(e.source.id, e.date.start.isoformat()) for e in letters] == [
        ("example:obama", "2009-01-01"),
        ("example:obama", "2014-10-11"),
        ("example:khamenei", "2015-01-01"),
    ]
    assert query.correspondence(G, "Rouhani") == []  # a call is not correspondence


def test_correspondence_excludes_carrying(G) -> None:
    assert query.correspondence(G, "Ali al-Sistani") == []
    assert [e.type for e in query.correspondence(G, "Iran")] == ["message_passed"]


def test_timeline_rows(G) -> None:
    rows = query.timeline(G, "United States", "Iran")
    assert [(r["type"], r["direction"], r["via"]) for r in rows] == [
        ("message_passed", "United States -> Iran", "Government of Iraq, Ali al-Sistani")
    ]
    assert rows[0]["start"] is None and rows[0]["evidence"].startswith("Washington also used")


def test_intermediaries_and_channel(G) -> None:
    assert list(query.intermediaries(G, "Iran", "Washington")) == ["example:iraq", "example:sistani"]
    assert query.intermediaries(G, "Obama", "Khamenei") == {}
    assert query.shortest_channel(G, "Government of Iraq", "Ali al-Sistani") == [
        "example:iraq",
        "example:iran",
        "example:sistani",
    ]  # ties go to the smaller id
    assert query.shortest_channel(G, "Kerry", "Obama") == []


def test_channel_respects_filters(G) -> None:
    assert query.shortest_channel(G, "Obama", "Khamenei", until="2010-01-01") == [
        "example:obama",
        "example:khamenei",
    ]
    assert query.shortest_channel(G, "Obama", "Khamenei", types="phone_call") == []


def test_ego_radius(G) -> None:
    assert set(query.ego(G, "Rouhani", k=1)) == {"example:rouhani", "example:obama"}
    assert set(query.ego(G, "Rouhani", k=2)) == {"example:rouhani", "example:obama", "example:khamenei"}


def test_most_active_in_a_period(G) -> None:
    assert query.most_active(G, since="2014-01-01", until="2014-12-31") == [
        ("example:khamenei", 2),
        ("example:obama", 1),
    ]
    assert query.most_active_pairs(G, since="2013-01-01", until="2013-12-31") == [
        (("example:obama", "example:rouhani"), 1)
    ]


def test_pair_query_reads_only_the_pair() -> None:
    """Between does not walk the graph: it answers the same on a pair however much else is stored."""
    rng = random.Random(7)
    people = [ActorRef(id=f"p:{i}", name=f"Person {i}") for i in range(300)]
    day = date(2014, 1, 1)
    events = [
        Event(
            id=f"e{i}",
            type="letter_sent",
            source=a,
            targets=[b],
            date=DateSpan(start=day + timedelta(days=i % 365), end=day + timedelta(days=i % 365), text="d"),
        )
        for i, (a, b) in enumerate(rng.sample(people, 2) for _ in range(5000))
    ]
    big = graph_from_events(events)
    visited: list[str] = []

    class CountingDict(dict):
        def __getitem__(self, key):
            visited.append(key)
            return super().__getitem__(key)

    expected = {e.id for e in events if {e.source.id, e.targets[0].id} == {"p:1", "p:2"}}
    assert {e.id for e in query.between(big, "p:1", "p:2")} == expected
    big.graph = CountingDict(big.graph)  # between must not use the event index (a full scan)
    query.between(big, "p:1", "p:2")
    assert visited == []
