"""Shared pieces of the queries: actor arguments, date and type filters, events read off the edges."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any, get_args

import networkx as nx
from pydantic import TypeAdapter

from extractors.schema import Actor, Event, EventType

from .actor_records import actor_from_node, find_actor, name_key
from .build import EVENT_EDGES

ActorArg = str | Actor
DateArg = date | str | None
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


def as_day(value: DateArg) -> str | None:
    """ISO string of a date argument (ISO strings compare in date order)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(value).isoformat()


def keep(data: Mapping[str, Any], types: Iterable[str] | None, since: str | None, until: str | None) -> bool:
    if types is not None and data["type"] not in types:
        return False
    if since is None and until is None:
        return True
    span = data.get("date")
    if span is None:
        return False
    return (since is None or span["end"] >= since) and (until is None or span["start"] <= until)


def check_types(types: str | Iterable[str] | None) -> frozenset[str] | None:
    if types is None:
        return None
    chosen = frozenset([types] if isinstance(types, str) else types)
    unknown = sorted(chosen - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r}; allowed: {', '.join(EVENT_TYPES)}")
    return chosen


def date_order(data: Mapping[str, Any]) -> tuple[str, str]:
    span = data.get("date")
    return (span["start"] if span else "9999-12-31", data["id"])


EVENT_LIST = TypeAdapter(list[Event])  # one validator call for a whole answer: a fifth cheaper than one per event


def as_events(datas: Iterable[Mapping[str, Any]]) -> list[Event]:
    return EVENT_LIST.validate_python(sorted(datas, key=date_order))


def event_dicts(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """The attribute dict of every event once (from its first edge)."""
    for eid, pairs in G.graph.get(EVENT_EDGES, {}).items():
        u, v = pairs[0]
        yield G[u][v][eid]


def node_id(G: nx.MultiDiGraph, actor: ActorArg) -> str:
    """The node of an actor given by id, Actor, or a name held on the graph's nodes (English or Arabic)."""
    if isinstance(actor, Actor):
        actor = actor.id
    if actor in G:
        return actor
    key = name_key(actor)
    for node, data in G.nodes(data=True):
        names = [data.get("name") or "", data.get("name_ar") or "", *data.get("aliases", [])]
        if any(name_key(n) == key for n in names):
            return node
    actors = {n: actor_from_node(n, d) for n, d in G.nodes(data=True)}
    return find_actor(actor, actors).id  # aliases and the knowledge base; raises ActorNotFound
