"""Questions about actors and their events, as plain functions of the graph ``G`` (see graph/build.py for
its shape) with keyword-only filters. Actors may be given by id, by any name in either language, or as
an :class:`Actor`. Dates filter by overlap: an event dated October 2014 is kept by ``since="2014-10-15"``;
an undated event is dropped by any date filter. Results come in date order, undated events last.

Negated events (a letter that was *not* sent) are returned by the event queries, flagged, but do not
count as contact in ``shortest_channel``, ``intermediaries``, ``most_active*`` and ``collapsed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import networkx as nx

from extractors.schema import Actor, Event

from .actor_records import actor_from_node, find_actor
from .build import EVENT_EDGES
from .network import collapsed, ego, most_active, most_active_pairs, shortest_channel
from .selection import (
    ActorArg,
    DateArg,
    as_day,
    as_events,
    check_types,
    event_dicts,
    keep,
    node_id,
)

CORRESPONDENCE_TYPES = ("letter_sent", "message_passed")


# --- look-ups ------------------------------------------------------------------------------------------


def lookup(
    G: nx.MultiDiGraph,
    name: ActorArg,
    *,
    actors: Mapping[str, Actor] | None = None,
    at: DateArg = None,
    index: Mapping[str, list[str]] | None = None,
) -> Actor:
    """The actor answering to ``name`` (any name, either language): graph actors first, then the KB.

    ``actors`` defaults to records rebuilt from the nodes; ``index`` is an optional prebuilt
    :func:`graph.actor_records.name_index` of ``actors``.

    >>> from graph.examples import example_kg
    >>> kg = example_kg()
    >>> lookup(kg.G, "السيستاني", actors=kg.actors).name
    'Ali al-Sistani'
    """
    if actors is None:
        actors = {n: actor_from_node(n, d) for n, d in G.nodes(data=True)}
    day = date.fromisoformat(at) if isinstance(at, str) else at
    return find_actor(name, actors, at=day, index=index)


def events(
    G: nx.MultiDiGraph,
    *,
    types: str | Iterable[str] | None = None,
    since: DateArg = None,
    until: DateArg = None,
) -> list[Event]:
    """All events, in date order.

    >>> from graph.examples import example_graph
    >>> [e.date.start.isoformat() for e in events(example_graph(), since="2014-01-01", until="2014-12-31")]
    ['2014-10-11', '2014-10-11', '2014-11-06']
    """
    chosen, lo, hi = check_types(types), as_day(since), as_day(until)
    return as_events(d for d in event_dicts(G) if keep(d, chosen, lo, hi))


def event(G: nx.MultiDiGraph, event_id: str) -> Event:
    """One event by id; KeyError names the id when there is none.

    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> first = events(G)[0]
    >>> event(G, first.id) == first
    True
    """
    pairs = G.graph.get(EVENT_EDGES, {}).get(event_id)
    if not pairs:
        raise KeyError(f"no event with id {event_id!r}")
    u, v = pairs[0]
    return Event.model_validate(G[u][v][event_id])


def of_type(
    G: nx.MultiDiGraph, event_type: str, *, since: DateArg = None, until: DateArg = None
) -> list[Event]:
    """The events of one type, in date order.

    >>> from graph.examples import example_graph
    >>> [e.date.text for e in of_type(example_graph(), "letter_sent")]
    ['in the first half of 2009', 'mid-October', 'in January']
    """
    return events(G, types=event_type, since=since, until=until)


def between(
    G: nx.MultiDiGraph,
    a: ActorArg,
    b: ActorArg,
    *,
    types: str | Iterable[str] | None = None,
    since: DateArg = None,
    until: DateArg = None,
    via: bool = True,
) -> list[Event]:
    """The events between two actors in both directions, in date order.

    With ``via=True`` (the default) this includes events where one of them carried a message to or from
    the other. It reads the two adjacency entries of the pair only, so it costs the same at any graph size.

    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> pair = between(G, "Khamenei", "Barack Obama")
    >>> [(e.source.name, e.date.text) for e in pair]  # doctest: +NORMALIZE_WHITESPACE
    [('Barack Obama', 'in the first half of 2009'), ('Barack Obama', 'mid-October'),
     ('Ali Khamenei', 'in January')]
    >>> [e.type for e in between(G, "واشنطن", "Ali al-Sistani")]
    ['message_passed']
    """
    u, v = node_id(G, a), node_id(G, b)
    chosen, lo, hi = check_types(types), as_day(since), as_day(until)
    found: dict[str, dict[str, Any]] = {}
    for x, y in ((u, v), (v, u)):
        for key, data in G.succ.get(x, {}).get(y, {}).items():
            if (via or data["role"] != "via") and keep(data, chosen, lo, hi):
                found.setdefault(key, data)
    return as_events(found.values())


def _involves(data: Mapping[str, Any], actor: str) -> bool:
    source = data.get("source")
    return (source is not None and source["id"] == actor) or any(t["id"] == actor for t in data["targets"])


def correspondence(
    G: nx.MultiDiGraph, a: ActorArg, *, since: DateArg = None, until: DateArg = None
) -> list[Event]:
    """An actor's letters and messages, sent and received, in date order.

    >>> from graph.examples import example_graph
    >>> [(e.source.name, e.targets[0].name) for e in correspondence(example_graph(), "Obama")]
    [('Barack Obama', 'Ali Khamenei'), ('Barack Obama', 'Ali Khamenei'), ('Ali Khamenei', 'Barack Obama')]
    """
    node, lo, hi = node_id(G, a), as_day(since), as_day(until)
    found: dict[str, dict[str, Any]] = {}
    if node not in G:
        return []
    for _, _, key, data in [
        *G.out_edges(node, keys=True, data=True),
        *G.in_edges(node, keys=True, data=True),
    ]:
        if _involves(data, node) and keep(data, CORRESPONDENCE_TYPES, lo, hi):
            found.setdefault(key, data)
    return as_events(found.values())


def describe_direction(event: Event) -> str:
    """``A -> B, C`` for a directed event, ``A <-> B`` for a symmetric one, ``A`` for a single actor."""
    from .build import is_symmetric

    names = [p.name for p in event.participants]
    if len(names) == 1:
        return names[0]
    if is_symmetric(event):
        return " <-> ".join(names)
    return f"{event.source.name} -> {', '.join(t.name for t in event.targets)}"


def timeline(
    G: nx.MultiDiGraph,
    a: ActorArg,
    b: ActorArg,
    *,
    types: str | Iterable[str] | None = None,
    since: DateArg = None,
    until: DateArg = None,
) -> list[dict[str, Any]]:
    """The events of a pair as table rows in date order: date, type, direction, via, flags and sources.

    >>> from graph.examples import example_graph
    >>> rows = timeline(example_graph(), "Obama", "Khamenei")
    >>> [(r["start"], r["direction"], r["secret"], r["reports"]) for r in rows[1:]]  # doctest: +ELLIPSIS
    [('2014-10-11', 'Barack Obama -> Ali Khamenei', True, 2), ('2015-01-01', 'Ali Khamenei -> ...', False, 1)]
    """
    rows = []
    for e in between(G, a, b, types=types, since=since, until=until):
        rows.append(
            {
                "id": e.id,
                "start": e.date.start.isoformat() if e.date else None,
                "end": e.date.end.isoformat() if e.date else None,
                "date_text": e.date.text if e.date else None,
                "type": e.type,
                "direction": describe_direction(e),
                "via": ", ".join(r.name for r in e.via),
                "negated": e.negated,
                "secret": e.secret,
                "reports": e.reports,
                "evidence": e.evidence[0].text if e.evidence else "",
            }
        )
    return rows


def intermediaries(G: nx.MultiDiGraph, a: ActorArg, b: ActorArg) -> dict[str, list[str]]:
    """Who carried messages between two actors (either direction): carrier id -> event ids, busiest first.

    >>> from graph.examples import example_graph
    >>> sorted(intermediaries(example_graph(), "Iran", "United States"))
    ['example:iraq', 'example:sistani']
    """
    carried: dict[str, list[str]] = {}
    for e in between(G, a, b, via=False):
        if not e.negated:
            for ref in e.via:
                carried.setdefault(ref.id, []).append(e.id)
    return dict(sorted(carried.items(), key=lambda kv: (-len(kv[1]), kv[0])))


__all__ = [
    "between",
    "collapsed",
    "correspondence",
    "describe_direction",
    "ego",
    "event",
    "event_dicts",
    "events",
    "intermediaries",
    "lookup",
    "most_active",
    "most_active_pairs",
    "node_id",
    "of_type",
    "shortest_channel",
    "timeline",
]
