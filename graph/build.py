"""Events -> a networkx ``MultiDiGraph``: actors are nodes, events are edges keyed by event id.

How an event becomes edges (every edge carries the event's full JSON dict plus ``role`` and ``symmetric``):

- A directed event (letter_sent, message_passed, visit, statement) with a source gives one edge
  ``source -> target`` per target, ``role="direct"``.
- A symmetric event (phone_call, meeting_held, talks_held, agreement_reached, deadline_set: the types
  marked ``symmetric`` in extractors/data/event_types.yaml), or any event without a source, gives one
  edge per unordered pair of participants, drawn from the smaller id to the larger, ``role="symmetric"``,
  ``symmetric=True``; queries ignore the direction of these edges.
- An event with one participant only (a statement by X, a visit without a known host) is a self-loop
  ``X -> X``, ``role="self"``, so that every event is an edge and every query sees it.
- Intermediaries (``via``) give two edges per carrier, ``source -> carrier`` and ``carrier -> target``
  (for symmetric events: the first participant -> carrier -> the other), ``role="via"``. A message from
  the United States to Iran through Iraq is then the direct edge US -> Iran and the path US -> Iraq -> Iran,
  all keyed by the same event id, so ``intermediaries`` reads carriers off the event and
  ``shortest_channel`` walks ordinary graph paths.

The edges of one event are listed in ``G.graph["event_edges"][event_id]`` as ``[u, v]`` pairs, so an event is
found by id without a scan; the index is JSON-safe and survives node-link JSON.

At scale: :func:`build_graph` turns each Event into its JSON dict as it reads it (the JSON dicts that
``dipgraph extract`` writes are taken as they are, without an Event), merges the dicts
(:func:`graph.merge.merge_records`) and makes each merged dict the attribute dict of its event's first
edge, so the graph holds no Event objects and no copy per edge (about 2.5 KB an event). Given a generator
of events, nothing but the graph stays in memory. Queries build Events from the dicts they return.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Any, get_args

import networkx as nx

from extractors.errors import DipgraphError
from extractors.schema import Actor, ActorRef, Article, Event, EventType

from .actor_records import actor_record

if TYPE_CHECKING:  # the KnowledgeGraph module imports this one
    from .knowledge_graph import KnowledgeGraph

# used only when the event vocabulary cannot be read (extractors/data/event_types.yaml is the source)
DEFAULT_SYMMETRIC = frozenset(
    {"phone_call", "meeting_held", "talks_held", "agreement_reached", "deadline_set"}
)
EVENT_EDGES = "event_edges"


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    """The event types whose participants are unordered, as the event vocabulary marks them."""
    try:
        from extractors.lexicon import event_types

        return frozenset(name for name, spec in event_types().items() if spec.symmetric)
    except (ImportError, DipgraphError):
        return DEFAULT_SYMMETRIC


def is_symmetric(event: Event | Mapping[str, Any]) -> bool:
    """True when the event has no direction: a symmetric type, or no source."""
    if isinstance(event, Event):
        return event.type in symmetric_types() or event.source is None
    return event["type"] in symmetric_types() or event.get("source") is None


def _edge_pairs(ids: list[str], symmetric: bool, carriers: list[str]) -> list[tuple[str, str, str]]:
    if len(ids) == 1:
        main = [(ids[0], ids[0], "self")]
        ends = [(ids[0], ids[0])]
    elif symmetric:
        ends = [(min(a, b), max(a, b)) for a, b in combinations(ids, 2)]
        main = [(u, v, "symmetric") for u, v in ends]
    else:
        ends = [(ids[0], t) for t in ids[1:]]
        main = [(u, v, "direct") for u, v in ends]
    if not carriers:  # most events: no repeats to remove
        return main
    carriers = [c for c in carriers if c not in ids]
    via = [(hop, role) for c in carriers for u, v in ends for hop, role in (((u, c), "via"), ((c, v), "via"))]
    seen: dict[tuple[str, str], str] = {}
    for u, v, role in main + [(u, v, role) for (u, v), role in via]:
        seen.setdefault((u, v), role)
    return [(u, v, role) for (u, v), role in seen.items()]


def edge_pairs(event: Event | Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """The ``(u, v, role)`` edges that stand for ``event`` (an Event or its JSON dict), without repeats.

    >>> from graph.examples import example_events
    >>> message = next(e for e in example_events() if e.via)
    >>> [(u.split(":")[1], v.split(":")[1], role) for u, v, role in edge_pairs(message)]
    [('usa', 'iran', 'direct'), ('usa', 'iraq', 'via'), ('iraq', 'iran', 'via'), ('usa', 'sistani', 'via'), \
('sistani', 'iran', 'via')]
    >>> edge_pairs(message.model_dump(mode="json")) == edge_pairs(message)
    True
    """
    if isinstance(event, Event):
        ids = [p.id for p in event.participants]
        return _edge_pairs(ids, is_symmetric(event), [r.id for r in event.via])
    return _edge_pairs(_participant_ids(event), is_symmetric(event), [r["id"] for r in event.get("via", [])])


def _participant_ids(data: Mapping[str, Any]) -> list[str]:
    """Source and target ids of an event's JSON dict, in order, without repeats (``Event.participants``)."""
    source = data.get("source")
    ids = ([source["id"]] if source else []) + [t["id"] for t in data.get("targets", [])]
    return list(dict.fromkeys(ids)) if len(ids) > 1 else ids


def event_attributes(event: Event) -> dict[str, Any]:
    """The JSON-safe dict an edge carries for ``event`` (``role`` is added per edge)."""
    data = event.model_dump(mode="json")
    data["symmetric"] = is_symmetric(event)
    _intern_days(data)
    return data


def _intern_days(data: dict[str, Any]) -> None:
    for span in [data["date"]] + data["other_dates"] if data["date"] else data["other_dates"]:
        span["start"], span["end"] = sys.intern(span["start"]), sys.intern(span["end"])  # one copy per day


EVENT_FIELDS = tuple(Event.model_fields)
_EVENT_FIELD_SET = frozenset(EVENT_FIELDS)
_EVENT_TYPES = frozenset(get_args(EventType))


def event_record(event: Event | Mapping[str, Any]) -> dict[str, Any]:
    """:func:`event_attributes` of an Event or of its JSON dict, the form ``dipgraph extract`` writes.

    A dict with every field of Event and a known type is taken as it is (a new top-level dict, without
    the fields Event does not have, sharing its lists); any other dict is validated as an Event first.

    >>> from graph.examples import example_events
    >>> letter = example_events()[0]
    >>> event_record(letter.model_dump(mode="json")) == event_record(letter) == event_attributes(letter)
    True
    """
    if isinstance(event, Event):
        return event_attributes(event)
    if not (_EVENT_FIELD_SET <= event.keys() and event["type"] in _EVENT_TYPES):
        return event_attributes(Event.model_validate(event))
    if len(event) == len(EVENT_FIELDS) and tuple(event) == EVENT_FIELDS:
        data = dict(event)
    else:  # model_dump's fields in its order, so that a graph from dicts is written as one from Events
        data = {name: event[name] for name in EVENT_FIELDS}
    data["symmetric"] = data["type"] in symmetric_types() or data["source"] is None
    _intern_days(data)
    return data


def add_actor_node(G: nx.MultiDiGraph, actor: Actor) -> None:
    """Add or refresh the node of ``actor``: JSON-safe attributes, every other name in ``aliases``."""
    name_ar = actor.names.get("ar") or ""
    others = {n for n in actor.names.values()} | {n for ns in actor.aliases.values() for n in ns}
    G.add_node(
        actor.id,
        name=actor.name,
        name_ar=name_ar,
        kind=actor.kind,
        country=actor.country or "",
        aliases=sorted(others - {actor.name, name_ar}),
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a build makes millions of containers without cycles, and the
    collector would walk all of them again at every full collection (a third of the build time at 1M).

    On leaving, what was made is moved to the oldest generation (``gc.freeze`` then ``gc.unfreeze``, which
    only relink lists) as a long-lived graph belongs there: otherwise the next young and middle collections
    would each walk every new container once more before promoting it (about 5 s and 10 s after 1M events).
    Full collections still see everything, and free garbage cycles as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _insert_edges(
    G: nx.MultiDiGraph, record: dict[str, Any], pairs: list[tuple[str, str, str]], index: dict[str, Any]
) -> None:
    """Put the edges of one event into ``G`` (whose nodes exist), the record itself as the first edge's dict,
    and list them in ``index`` (``G.graph["event_edges"]``).

    ``G.add_edge`` would copy the record into a new dict per edge; this stores it the way add_edge does
    (one key dict shared by ``_succ[u][v]`` and ``_pred[v][u]``) without the copy.
    """
    key, succ = record["id"], G._succ
    for n, (u, v, role) in enumerate(pairs):
        data = record if n == 0 else dict(record)
        data["role"] = role
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = G._pred[v][u] = G.edge_key_dict_factory()
        keys[key] = data
    index[key] = [[u, v] for u, v, _ in pairs]


def _add_actor(G: nx.MultiDiGraph, ref: Mapping[str, str], actors: Mapping[str, Actor], used: dict[str, Actor]) -> None:
    actor = actors.get(ref["id"]) or actor_record(ActorRef(id=ref["id"], name=ref["name"]))
    add_actor_node(G, actor)
    used.setdefault(ref["id"], actor)


def _add_record(
    G: nx.MultiDiGraph, record: dict[str, Any], actors: Mapping[str, Actor], used: dict[str, Actor],
    index: dict[str, Any] | None = None,
) -> None:
    """Add one event's edge dict (taken over) and the nodes of its actors; ``used`` collects their records,
    ``index`` is ``G.graph["event_edges"]``."""
    source, targets, via, nodes = record["source"], record["targets"], record["via"], G._node
    # the node dict: `in G` is a method call per actor
    if source and source["id"] not in nodes:
        _add_actor(G, source, actors, used)
    for ref in targets:
        if ref["id"] not in nodes:
            _add_actor(G, ref, actors, used)
    for ref in via:
        if ref["id"] not in nodes:
            _add_actor(G, ref, actors, used)
    if index is None:
        index = G.graph.setdefault(EVENT_EDGES, {})
    if not (source and len(targets) == 1 and not via):
        pairs = _edge_pairs(_participant_ids(record), record["symmetric"], [r["id"] for r in via])
        if pairs:  # an event that names no actor has no place in a graph of actors
            _insert_edges(G, record, pairs, index)
        return
    # most events, one edge: what edge_pairs makes of them, without its general work
    u, v = source["id"], targets[0]["id"]
    if u == v:
        role = "self"
    elif record["symmetric"]:
        role, (u, v) = "symmetric", sorted((u, v))
    else:
        role = "direct"
    _insert_edges(G, record, [(u, v, role)], index)


def _clear_nx_cache(G: nx.MultiDiGraph) -> None:
    cache = getattr(G, "__networkx_cache__", None)  # what add_edge clears (converted graphs, networkx >= 3.3)
    if cache:
        cache.clear()


def add_event_edges(G: nx.MultiDiGraph, event: Event | Mapping[str, Any], actors: Mapping[str, Actor]) -> None:
    """Add the edges of one event (an Event or its JSON dict) and nodes for its actors to ``G``."""
    _add_record(G, event_record(event), actors, {})
    _clear_nx_cache(G)


def remove_event_edges(G: nx.MultiDiGraph, event_id: str) -> None:
    """Remove every edge of one event (nodes stay)."""
    for u, v in G.graph.get(EVENT_EDGES, {}).pop(event_id, []):
        if G.has_edge(u, v, key=event_id):
            G.remove_edge(u, v, key=event_id)


def actors_of(events: Iterable[Event], known: Mapping[str, Actor] | None = None) -> dict[str, Actor]:
    """An Actor record for every actor the events name: ``known`` first, then the KB, then a minimal one."""
    out: dict[str, Actor] = {}
    known = known or {}
    for event in events:
        for ref in ([event.source] if event.source else []) + event.targets + event.via:
            if ref.id not in out:
                out[ref.id] = known.get(ref.id) or actor_record(ref)
    return out


def graph_of_records(
    records: Iterable[dict[str, Any]], actors: Mapping[str, Actor] | None = None
) -> tuple[nx.MultiDiGraph, dict[str, Actor]]:
    """The graph of event JSON dicts (taken over: they become the edges' dicts), and the actors it names.

    One pass over ``records``, which may be a generator: nothing but the graph is kept.
    """
    G = nx.MultiDiGraph()
    index: dict[str, Any] = {}
    G.graph[EVENT_EDGES] = index
    used: dict[str, Actor] = {}
    actors = actors or {}
    with paused_gc():
        for record in records:
            _add_record(G, record, actors, used, index)
    return G, used


def graph_from_events(events: Iterable[Event], actors: Mapping[str, Actor] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph of ``events`` as they are (no merging); see the module docstring for the shape.

    >>> from graph.examples import example_actors, example_events
    >>> G = graph_from_events(example_events(), actors=example_actors())
    >>> G.nodes["example:obama"]["name"], G.nodes["example:obama"]["name_ar"]
    ('Barack Obama', 'باراك أوباما')
    >>> sorted({d["role"] for _, _, d in G.edges(data=True)})
    ['direct', 'self', 'symmetric', 'via']
    """
    return graph_of_records((event_attributes(e) for e in events), actors)[0]


def build_graph(
    events: Iterable[Event | Mapping[str, Any]],
    *,
    articles: Iterable[Article] | Mapping[str, Article] | None = None,
    actors: Mapping[str, Actor] | None = None,
    merge: bool = True,
) -> KnowledgeGraph:
    """Merge the reports of the same real event, then build a :class:`KnowledgeGraph`.

    ``events`` are Events or their JSON dicts as ``dipgraph extract`` writes them (see :func:`event_record`).
    ``actors`` overrides the actor records of the knowledge base (for hand-made examples).

    >>> from graph.examples import example_actors, example_events
    >>> kg = build_graph(example_events(), actors=example_actors())
    >>> len(example_events()), len(kg.events)
    (9, 8)
    >>> letter = kg.between("Obama", "خامنئي", since="2014-10-01")[0]
    >>> letter.date.text, letter.reports, len(letter.other_dates)
    ('mid-October', 2, 1)
    >>> as_json = build_graph([e.model_dump(mode="json") for e in example_events()], actors=example_actors())
    >>> as_json.events == kg.events
    True
    """
    from .knowledge_graph import KnowledgeGraph
    from .merge import merge_records

    with paused_gc():  # events become JSON dicts at once, so no Event per report outlives its turn
        records: Iterable[dict[str, Any]] = map(event_record, events)
        G, used = graph_of_records(merge_records(records) if merge else records, actors)
    if isinstance(articles, Mapping):
        articles = articles.values()
    return KnowledgeGraph(G, used, {a.id: a for a in articles or []})
