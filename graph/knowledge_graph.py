"""KnowledgeGraph: the graph ``G`` (see graph/build.py for its shape), the actor records and the articles.

Every method is a one-line delegation to a plain function of graph/query.py (or graph/frames.py); actor
arguments may be an id, any name in either language, or an Actor.

>>> from graph.examples import example_kg
>>> kg = example_kg()
>>> kg.actor("أوباما").name
'Barack Obama'
>>> [e.date.text for e in kg.between("Obama", "Khamenei", types="letter_sent", since="2014-01-01")]
['mid-October', 'in January']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from extractors.schema import Actor, Article, Event

from . import query
from .actor_records import actor_from_node, name_index
from .build import (
    actors_of,
    add_actor_node,
    add_event_edges,
    event_attributes,
    graph_of_records,
    remove_event_edges,
)
from .merge import MergeKey, merge_events, merge_key
from .selection import ActorArg, DateArg


class KnowledgeGraph:
    """Events as a networkx MultiDiGraph, with the Actor records of its nodes and the articles read."""

    def __init__(
        self,
        G: nx.MultiDiGraph,
        actors: Mapping[str, Actor] | None = None,
        articles: Mapping[str, Article] | None = None,
    ) -> None:
        self.G = G
        self.actors: dict[str, Actor] = dict(actors or {})
        for node, data in G.nodes(data=True):  # every node has a record, even from a bare graph
            self.actors.setdefault(node, actor_from_node(node, data))
        self.articles: dict[str, Article] = dict(articles or {})
        self._name_index: dict[str, list[str]] | None = None
        self._events: list[Event] | None = None

    @classmethod
    def from_events(
        cls,
        events: Iterable[Event],
        *,
        articles: Iterable[Article] = (),
        actors: Mapping[str, Actor] | None = None,
    ) -> KnowledgeGraph:
        """A graph of ``events`` as given (no merging; :func:`graph.build_graph` merges first)."""
        G, records = graph_of_records((event_attributes(e) for e in events), actors)
        return cls(G, records, {a.id: a for a in articles})

    def __repr__(self) -> str:
        return f"<KnowledgeGraph: {self.G.number_of_nodes()} actors, {len(self)} events>"

    def __len__(self) -> int:
        return len(self.G.graph.get("event_edges", {}))

    def _names(self) -> dict[str, list[str]]:
        """The name index of ``actors``, built on first use and dropped when actors are added."""
        if self._name_index is None:
            self._name_index = name_index(self.actors)
        return self._name_index

    def _id(self, actor: ActorArg) -> str:
        return actor.id if isinstance(actor, Actor) else self.actor(actor).id

    # --- look-ups and event queries (graph/query.py) ---

    def actor(self, name: ActorArg, at: DateArg = None) -> Actor:
        return query.lookup(self.G, name, actors=self.actors, at=at, index=self._names())

    @property
    def events(self) -> list[Event]:
        """Every event in date order (kept until ``add_events``; change the graph through it)."""
        if self._events is None:
            self._events = query.events(self.G)
        return list(self._events)

    def event(self, event_id: str) -> Event:
        return query.event(self.G, event_id)

    def between(
        self,
        a: ActorArg,
        b: ActorArg,
        *,
        types: str | Iterable[str] | None = None,
        since: DateArg = None,
        until: DateArg = None,
        via: bool = True,
    ) -> list[Event]:
        return query.between(self.G, self._id(a), self._id(b), types=types, since=since, until=until, via=via)

    def of_type(self, event_type: str, *, since: DateArg = None, until: DateArg = None) -> list[Event]:
        return query.of_type(self.G, event_type, since=since, until=until)

    def correspondence(self, a: ActorArg, *, since: DateArg = None, until: DateArg = None) -> list[Event]:
        return query.correspondence(self.G, self._id(a), since=since, until=until)

    def timeline(self, a: ActorArg, b: ActorArg, **filters: Any) -> list[dict[str, Any]]:
        return query.timeline(self.G, self._id(a), self._id(b), **filters)

    def intermediaries(self, a: ActorArg, b: ActorArg) -> dict[str, list[str]]:
        return query.intermediaries(self.G, self._id(a), self._id(b))

    def shortest_channel(self, a: ActorArg, b: ActorArg, **filters: Any) -> list[str]:
        return query.shortest_channel(self.G, self._id(a), self._id(b), **filters)

    # --- the network ---

    def ego(self, a: ActorArg, k: int = 1) -> KnowledgeGraph:
        H = query.ego(self.G, self._id(a), k)
        return KnowledgeGraph(H, {n: self.actors[n] for n in H if n in self.actors}, self.articles)

    def most_active(
        self, *, since: DateArg = None, until: DateArg = None, n: int = 10
    ) -> list[tuple[str, int]]:
        return query.most_active(self.G, since=since, until=until, n=n)

    def most_active_pairs(
        self, *, since: DateArg = None, until: DateArg = None, n: int = 10
    ) -> list[tuple[tuple[str, str], int]]:
        return query.most_active_pairs(self.G, since=since, until=until, n=n)

    def collapsed(self, *, via: bool = True) -> nx.DiGraph:
        return query.collapsed(self.G, via=via)

    def to_frames(self) -> tuple[Any, Any]:
        from .frames import to_frames  # pandas is imported only when asked for

        return to_frames(self.G, self.actors)

    # --- growing ---

    def add_events(self, events: Iterable[Event], *, articles: Iterable[Article] = ()) -> list[Event]:
        """Merge ``events`` into the graph (with the events already there that share a merge key).

        Returns the events that replaced or joined the graph.

        >>> from graph.examples import example_events, example_kg
        >>> kg = example_kg()
        >>> before = len(kg)
        >>> changed = kg.add_events(example_events()[:1])  # a report the graph already holds
        >>> len(kg) == before, [(e.date.text, e.reports) for e in changed]
        (True, [('in the first half of 2009', 1), ('mid-October', 2)])
        """
        new = list(events)
        old = _events_with_keys(self.G, {merge_key(e) for e in new})
        for e in old:
            remove_event_edges(self.G, e.id)
        merged = merge_events(old + new)
        self.actors.update({k: v for k, v in actors_of(new, self.actors).items() if k not in self.actors})
        self._name_index, self._events = None, None
        for actor_id in {r.id for e in new for r in e.participants + e.via} - set(self.G):
            add_actor_node(self.G, self.actors[actor_id])
        for e in merged:
            add_event_edges(self.G, e, self.actors)
        self.articles.update({a.id: a for a in articles})
        return merged


def _events_with_keys(G: nx.MultiDiGraph, keys: set[MergeKey]) -> list[Event]:
    """The events of ``G`` with one of these merge keys, read from the adjacency of each key's first pair."""
    found: dict[str, dict[str, Any]] = {}
    for key in keys:
        ids = key[3] + key[4]  # source then targets, or the sorted participants
        if not ids:
            continue
        a, b = ids[0], ids[1] if len(ids) > 1 else ids[0]
        for x, y in {(a, b), (b, a)}:
            for event_id, data in G.succ.get(x, {}).get(y, {}).items():
                if data["role"] != "via" and merge_key(data) == key:
                    found[event_id] = data
    return [Event.model_validate(d) for d in found.values()]
