"""Questions about the network as a whole: channels, ego networks, activity, and a collapsed graph.

Part of the query API (re-exported by graph.query); negated events never count as contact here.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from .build import EVENT_EDGES
from .selection import ActorArg, DateArg, as_day, check_types, event_dicts, keep, node_id


def _contact(data: dict[str, Any], types: frozenset[str] | None, lo: str | None, hi: str | None) -> bool:
    return not data["negated"] and keep(data, types, lo, hi)


def _neighbours(G: nx.MultiDiGraph, node: str, ok) -> Iterable[str]:
    for adjacency in (G.succ[node], G.pred[node]):
        for other, edges in adjacency.items():
            if other != node and any(ok(d) for d in edges.values()):
                yield other


def shortest_channel(
    G: nx.MultiDiGraph,
    a: ActorArg,
    b: ActorArg,
    *,
    types: str | Iterable[str] | None = None,
    since: DateArg = None,
    until: DateArg = None,
) -> list[str]:
    """The shortest chain of actors in contact linking ``a`` to ``b`` (any direction); ``[]`` when none.

    Among chains of the same length, the one through the smallest ids is returned.

    Contact is any event that is not negated, carriers included: a message from A to B through C links
    A-C and C-B as well as A-B. Use :func:`graph.query.between` on each hop to see the events.

    >>> from graph.examples import example_graph
    >>> [n.split(":")[1] for n in shortest_channel(example_graph(), "Ali al-Sistani", "Iran")]
    ['sistani', 'iran']
    >>> shortest_channel(example_graph(), "Israel", "Barack Obama")  # the only link is a negated message
    []
    """
    start, goal = node_id(G, a), node_id(G, b)
    if start not in G or goal not in G:
        return []
    chosen, lo, hi = check_types(types), as_day(since), as_day(until)
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue and goal not in parent:  # breadth first, stopping as soon as the goal is reached
        node = queue.popleft()
        for other in sorted(set(_neighbours(G, node, lambda d: _contact(d, chosen, lo, hi)))):
            if other not in parent:
                parent[other] = node
                queue.append(other)
    if goal not in parent:
        return []
    path = [goal]
    while parent[path[-1]] is not None:
        path.append(parent[path[-1]])
    return path[::-1]


def ego(G: nx.MultiDiGraph, a: ActorArg, k: int = 1) -> nx.MultiDiGraph:
    """The actors within ``k`` hops of ``a`` (either direction) and every event among them, as a new graph.

    >>> from graph.examples import example_graph
    >>> sorted(n.split(":")[1] for n in ego(example_graph(), "Sistani", k=1))
    ['iran', 'sistani', 'usa']
    """
    center = node_id(G, a)
    nodes = nx.ego_graph(G, center, radius=k, undirected=True).nodes
    H = G.subgraph(nodes).copy()
    H.graph[EVENT_EDGES] = {}
    for u, v, key in H.edges(keys=True):
        H.graph[EVENT_EDGES].setdefault(key, []).append([u, v])
    return H


def _principal_pairs(data: dict[str, Any]) -> set[tuple[str, str]]:
    """Unordered pairs of the event's source and targets (carriers are not a pair of the event)."""
    ids = ([data["source"]["id"]] if data.get("source") else []) + [t["id"] for t in data["targets"]]
    if data["symmetric"]:
        return {tuple(sorted(p)) for p in combinations(dict.fromkeys(ids), 2)}
    return {tuple(sorted((ids[0], t))) for t in ids[1:] if t != ids[0]}


def most_active(
    G: nx.MultiDiGraph,
    *,
    since: DateArg = None,
    until: DateArg = None,
    n: int = 10,
    types: str | Iterable[str] | None = None,
) -> list[tuple[str, int]]:
    """Actors by the number of events they take part in (as source, target or carrier), busiest first.

    >>> from graph.examples import example_graph
    >>> most_active(example_graph(), n=2)
    [('example:khamenei', 4), ('example:obama', 4)]
    """
    chosen, lo, hi = check_types(types), as_day(since), as_day(until)
    counts: Counter[str] = Counter()
    for data in event_dicts(G):
        if _contact(data, chosen, lo, hi):
            refs = ([data["source"]] if data.get("source") else []) + data["targets"] + data["via"]
            counts.update({r["id"] for r in refs})
    return sorted(counts.items(), key=lambda kv: (-kv[1], G.nodes[kv[0]].get("name", kv[0])))[:n]


def most_active_pairs(
    G: nx.MultiDiGraph,
    *,
    since: DateArg = None,
    until: DateArg = None,
    n: int = 10,
    types: str | Iterable[str] | None = None,
) -> list[tuple[tuple[str, str], int]]:
    """Unordered pairs of actors by the number of events between them, busiest first.

    >>> from graph.examples import example_graph
    >>> most_active_pairs(example_graph(), n=1)
    [(('example:khamenei', 'example:obama'), 3)]
    """
    chosen, lo, hi = check_types(types), as_day(since), as_day(until)
    counts: Counter[tuple[str, str]] = Counter()
    for data in event_dicts(G):
        if _contact(data, chosen, lo, hi):
            counts.update(_principal_pairs(data))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def collapsed(G: nx.MultiDiGraph, *, via: bool = True) -> nx.DiGraph:
    """A simple DiGraph with ``weight`` = the number of events on each edge, for centrality or reciprocity.

    Symmetric events count in both directions; negated events and self-loops are left out.

    >>> from graph.examples import example_graph
    >>> D = collapsed(example_graph())
    >>> D["example:obama"]["example:khamenei"]["weight"], D["example:khamenei"]["example:obama"]["weight"]
    (2, 1)
    >>> round(nx.overall_reciprocity(D), 2)
    0.55
    """
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        if u == v or data["negated"] or (data["role"] == "via" and not via):
            continue
        for x, y in [(u, v), (v, u)] if data["symmetric"] else [(u, v)]:
            weight = D[x][y]["weight"] + 1 if D.has_edge(x, y) else 1
            D.add_edge(x, y, weight=weight)
    return D
