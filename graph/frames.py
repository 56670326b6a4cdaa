"""Actors and events as pandas DataFrames, one row each, for notebooks and analysis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from extractors.schema import Actor

from .selection import date_order, event_dicts


def _event_row(data: Mapping[str, Any]) -> dict[str, Any]:
    span = data.get("date") or {}
    source = data.get("source") or {}
    return {
        "id": data["id"],
        "type": data["type"],
        "source": source.get("id"),
        "source_name": source.get("name"),
        "targets": [t["id"] for t in data["targets"]],
        "target_names": [t["name"] for t in data["targets"]],
        "via": [r["id"] for r in data["via"]],
        "start": pd.Timestamp(span["start"]) if span else pd.NaT,
        "end": pd.Timestamp(span["end"]) if span else pd.NaT,
        "date_text": span.get("text"),
        "precision": span.get("precision"),
        "negated": data["negated"],
        "secret": data["secret"],
        "modality": data["modality"],
        "recurring": data["recurring"],
        "location": data.get("location"),
        "reports": data["reports"],
        "mentions": len(data["evidence"]),
        "articles": sorted({ev["article"] for ev in data["evidence"]}),
        "evidence": data["evidence"][0]["text"] if data["evidence"] else "",
    }


def to_frames(
    G: nx.MultiDiGraph, actors: Mapping[str, Actor] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(actors, events)``: actors indexed by id; events one row each in date order.

    >>> from graph.examples import example_graph
    >>> actors, events = to_frames(example_graph())
    >>> actors.loc["example:khamenei", "name_ar"], len(events), int(events["reports"].max())
    ('علي خامنئي', 8, 2)
    """
    rows = [_event_row(d) for d in sorted(event_dicts(G), key=date_order)]
    events = pd.DataFrame(rows)
    degree = dict(G.degree())
    actor_rows = [
        {
            "id": n,
            "name": d.get("name"),
            "name_ar": d.get("name_ar"),
            "kind": d.get("kind"),
            "country": d.get("country") or None,
            "degree": degree.get(n, 0),
            "aliases": sorted({x for xs in (actors or {}).get(n, _NO_ACTOR).aliases.values() for x in xs}),
        }
        for n, d in G.nodes(data=True)
    ]
    return pd.DataFrame(actor_rows).set_index("id") if actor_rows else pd.DataFrame(), events


_NO_ACTOR = Actor(id="-", name="-", kind="organization")
