"""Exports: node-link JSON (round-trips exactly), GraphML and GEXF (for Gephi).

Node-link JSON holds the graph as it is: edges carry the event's JSON dict, whose ``source`` field is an
actor reference, so the link ends are named ``from`` and ``to`` (and the edge key ``key``) instead of
networkx's default ``source``/``target``. GraphML and GEXF accept only scalar attributes: there each
event field is flattened (``date`` -> ``date_start``, ``date_end``, ...; lists of actors -> ids joined by
``; ``; evidence and other nested values -> a JSON string), ``id`` becomes ``event_id`` and ``type``
becomes ``event_type`` (GEXF reserves both), and every edge gets a unique key ``<event id>#<n>``.
Every ``write_*`` writes to a temporary file beside the target and moves it into place.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .files import atomic_path
from .knowledge_graph import KnowledgeGraph

LINKS = {"source": "from", "target": "to", "key": "key", "edges": "edges", "nodes": "nodes", "name": "id"}
JOIN = "; "


def _graph(graph: KnowledgeGraph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    return graph.G if isinstance(graph, KnowledgeGraph) else graph


def to_node_link(graph: KnowledgeGraph | nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a node-link dict (JSON-safe).

    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> H = from_node_link(json.loads(json.dumps(to_node_link(G))))
    >>> nx.utils.edges_equal(G.edges(keys=True, data=True), H.edges(keys=True, data=True)), H.graph == G.graph
    (True, True)
    """
    return nx.node_link_data(_graph(graph), **LINKS)


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph of a node-link dict written by :func:`to_node_link`."""
    return nx.node_link_graph(data, directed=True, multigraph=True, **LINKS)


def _flat_value(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return JOIN.join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat_refs(data: dict[str, Any], field: str, prefix: str) -> dict[str, str]:
    refs = data.get(field) or []
    refs = [refs] if isinstance(refs, dict) else refs
    return {
        f"{prefix}_ids": JOIN.join(r["id"] for r in refs),
        f"{prefix}_names": JOIN.join(r["name"] for r in refs),
    }


def flat_edge(data: dict[str, Any]) -> dict[str, Any]:
    """An edge's attributes with scalar values only (None dropped), for GraphML and GEXF.

    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> flat = flat_edge(next(d for _, _, d in G.edges(data=True) if d["via"]))
    >>> flat["event_type"], flat["via_names"], flat["date_start"]
    ('message_passed', 'Government of Iraq; Ali al-Sistani', '')
    """
    out: dict[str, Any] = {"event_id": data["id"], "event_type": data["type"], "label": data["type"]}
    out |= _flat_refs(data, "source", "source") | _flat_refs(data, "targets", "target")
    out |= _flat_refs(data, "via", "via")
    span = data.get("date") or {}
    out |= {f"date_{k}": span.get(k) or "" for k in ("start", "end", "text", "precision")}
    out["mentions"] = len(data.get("evidence", []))
    skip = {"id", "type", "source", "targets", "via", "date"}
    out |= {k: _flat_value(v) for k, v in data.items() if k not in skip and v is not None}
    return out


def flat_graph(graph: KnowledgeGraph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only and unique edge keys ``<event id>#<n>``."""
    G = _graph(graph)
    F = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        F.add_node(
            node,
            label=data.get("name") or node,
            **{k: _flat_value(v) for k, v in data.items() if v is not None},
        )
    seen: dict[str, int] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        seen[key] = seen.get(key, 0) + 1
        F.add_edge(u, v, key=f"{key}#{seen[key]}", **flat_edge(data))
    return F


def _atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    with atomic_path(path) as tmp:
        write(tmp)
    return Path(path)


def write_node_link(graph: KnowledgeGraph | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write node-link JSON (UTF-8, Arabic kept as is)."""
    text = json.dumps(to_node_link(graph), ensure_ascii=False, indent=1)
    return _atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def read_node_link(path: str | Path) -> KnowledgeGraph:
    """Read node-link JSON written by :func:`write_node_link` as a KnowledgeGraph."""
    return KnowledgeGraph(from_node_link(json.loads(Path(path).read_text(encoding="utf-8"))))


def write_graphml(graph: KnowledgeGraph | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write GraphML with flattened attributes."""
    return _atomic_write(path, lambda p: nx.write_graphml(flat_graph(graph), p, encoding="utf-8"))


def write_gexf(graph: KnowledgeGraph | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write GEXF 1.2 (Gephi) with flattened attributes."""
    return _atomic_write(path, lambda p: nx.write_gexf(flat_graph(graph), p, encoding="utf-8"))
