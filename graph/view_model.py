"""The data behind an HTML view: actors and events -> presentation-only nodes, aggregated edges and event rows.

Nothing here is HTML: every value is plain text or a number, serialised to JSON and turned into page elements
by graph/assets/view.js with ``textContent`` (so text from articles can never become markup). Edges are
aggregated per (pair, type): one edge per pair and type, carrying the indices of its events.

>>> from graph.examples import example_actors, example_articles, example_events
>>> model = view_model(example_events(), example_actors(), example_articles())
>>> letters = [e for e in model["edges"] if model["types"][e["type"]]["id"] == "letter_sent"]
>>> sorted((model["nodes"][e["from"]]["en"], len(e["events"])) for e in letters)
[('Ali Khamenei', 1), ('Barack Obama', 3)]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from extractors.resources import data_path
from extractors.schema import Actor, ActorRef, Article, Event

from .build import is_symmetric
from .layout import spring_positions

ASSETS = Path(__file__).with_name("assets")
ARABIC = range(0x0600, 0x0700)


@lru_cache(maxsize=1)
def style() -> dict[str, Any]:
    """The view style table (graph/assets/style.yaml)."""
    return yaml.safe_load((ASSETS / "style.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def type_labels() -> dict[str, dict[str, str]]:
    """English and Arabic labels of the event types, from the event vocabulary; ids when it is unreadable."""
    try:
        table = yaml.safe_load(data_path("event_types.yaml").read_text(encoding="utf-8"))["types"]
        return {name: dict(spec.get("labels") or {}) for name, spec in table.items()}
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return {}


def type_table(extra: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Every event type with its labels and view colour, in the style table's order; types in ``extra``
    that the style table lacks come last, in the fallback colour."""
    labels = type_labels()
    colours = {name: spec["colour"] for name, spec in style()["event_types"].items()}
    names = list(colours) + sorted(set(extra) - set(colours))
    return [
        {
            "id": name,
            "en": labels.get(name, {}).get("en", name.replace("_", " ")),
            "ar": labels.get(name, {}).get("ar", ""),
            "colour": colours.get(name, style()["fallback_colour"]),
        }
        for name in names
    ]


def is_rtl(text: str) -> bool:
    """True when most letters of ``text`` are Arabic.

    >>> is_rtl("أوباما بعث برسالة"), is_rtl("Obama wrote (أوباما)")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    arabic = sum(ord(c) in ARABIC for c in letters)
    return bool(letters) and arabic * 2 > len(letters)


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None (a ``javascript:`` URL must never become a link).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def edge_pairs(event: Event, people: list[ActorRef] | None = None) -> list[tuple[str, str, bool]]:
    """The (from, to, via) actor-id pairs an event draws; symmetric events draw smaller id -> larger id.

    ``people`` is ``event.participants`` when the caller has it already (it is not free on big graphs).
    """
    people = event.participants if people is None else people
    if is_symmetric(event):
        pairs = [tuple(sorted((a.id, b.id))) for a, b in combinations(people, 2)]
        direct = [(a, b, False) for a, b in pairs if a != b]
        ends = (people[0].id, [p.id for p in people[1:]]) if people else None
    else:
        src = event.source.id if event.source else None
        direct = [(src, t.id, False) for t in event.targets if src and t.id != src]
        ends = (src, [t.id for t in event.targets]) if src else None
    via: list[tuple[str, str, bool]] = []
    if ends and event.via:
        first, rest = ends
        for carrier in event.via:
            via.append((first, carrier.id, True))
            via.extend((carrier.id, t, True) for t in rest)
    return direct + [p for p in via if p[0] != p[1]]


def activity(named: Sequence[list[ActorRef]]) -> Counter[str]:
    """How many events name each actor (as participant or intermediary), from each event's actor refs."""
    counts: Counter[str] = Counter()
    for refs in named:
        counts.update({ref.id for ref in refs})
    return counts


def keep_actors(counts: Counter[str], focus: Sequence[str], max_actors: int) -> set[str]:
    """The focus actors and then the most active ones, up to ``max_actors`` (ties broken by id)."""
    ranked = sorted(counts, key=lambda a: (-counts[a], a))
    kept = [a for a in focus if a in counts]
    kept += [a for a in ranked if a not in kept][: max(0, max_actors - len(kept))]
    return set(kept)


def node_size(n: int, busiest: int) -> float:
    """Pixels for an actor with ``n`` events when the busiest actor has ``busiest``.

    >>> node_size(1, 1) < node_size(5, 5) < node_size(40, 40) == node_size(100, 100)
    True
    """
    sizes = style()["node_size"]
    scale = math.log1p(n) / math.log1p(max(busiest, sizes["scale_floor"]))
    return round(sizes["min"] + (sizes["max"] - sizes["min"]) * min(scale, 1.0), 1)


def node_row(actor_id: str, actor: Actor | None, name: str, n: int, focus: bool, busiest: int) -> dict[str, Any]:
    ar = (actor.names.get("ar") if actor else None) or ""
    en = (actor.names.get("en") or actor.name) if actor else name
    return {
        "key": actor_id,
        "en": en,
        "ar": ar,
        "kind": actor.kind if actor else "person",
        "known": actor is not None,
        "country": (actor.country if actor else None) or "",
        "n": n,
        "size": node_size(n, busiest),
        "focus": focus,
    }


def event_flags(event: Event) -> list[str]:
    flags = [f for f in ("secret", "negated") if getattr(event, f)]
    flags += [event.modality] if event.modality != "asserted" else []
    flags += ["recurring"] if event.recurring else []
    return flags


def event_row(event: Event, people: list[ActorRef], types: Mapping[str, int], articles: Mapping[str, int]
              ) -> dict[str, Any]:
    """One event as plain values for the tooltip and the filters."""
    span = event.date
    return {
        "id": event.id,
        "type": types.get(event.type, 0),
        "sym": is_symmetric(event),
        "src": event.source.name if event.source and not is_symmetric(event) else "",
        "who": [p.name for p in people],
        "tgt": [t.name for t in event.targets],
        "via": [v.name for v in event.via],
        "date": span.text if span else "",
        "d0": span.start.isoformat() if span else "",
        "d1": span.end.isoformat() if span else "",
        "flags": event_flags(event),
        "count": event.count or 0,
        "reports": event.reports,
        "attr": event.attribution or "",
        "loc": event.location or "",
        "topic": list(event.topic),
        "ev": [{"a": articles.get(e.article, -1), "t": e.text, "rtl": is_rtl(e.text)} for e in event.evidence],
    }


def article_rows(events: Sequence[Event], articles: Mapping[str, Article]) -> tuple[dict[str, int], list]:
    index: dict[str, int] = {}
    rows = []
    for aid in dict.fromkeys(ev.article for e in events for ev in e.evidence):
        art = articles.get(aid)
        title = (art.title if art and art.title else aid) or aid
        index[aid] = len(rows)
        rows.append({"id": aid, "title": title, "url": safe_url(art.url if art else None) or "",
                     "date": art.date.isoformat() if art and art.date else "", "rtl": is_rtl(title)})
    return index, rows


def view_model(
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article] | None = None,
    *,
    focus: Sequence[str] = (),
    max_actors: int = 500,
) -> dict[str, Any]:
    """Nodes, aggregated edges (per pair, type, direction and via), event rows and articles for one view."""
    people = [e.participants for e in events]
    named = [p + e.via for e, p in zip(events, people, strict=True)]
    counts = activity(named)
    kept = keep_actors(counts, focus, max_actors)
    names = {ref.id: ref.name for refs in named for ref in refs}
    node_ids = {a: i for i, a in enumerate(sorted(kept, key=lambda a: (-counts[a], a)))}
    busiest = max(counts.values(), default=1)
    nodes = [node_row(a, actors.get(a), names.get(a, a), counts[a], a in focus, busiest) for a in node_ids]
    table = type_table({e.type for e in events})
    types = {t["id"]: i for i, t in enumerate(table)}
    shown = [i for i, refs in enumerate(named) if any(r.id in kept for r in refs)]
    art_index, art_rows = article_rows([events[i] for i in shown], articles or {})
    rows: list[dict[str, Any]] = []
    edges: dict[tuple[str, str, str, bool, bool], list[int]] = {}
    solo: dict[int, list[int]] = {}
    for i in shown:
        event, here = events[i], [p for p in people[i] if p.id in kept]
        pairs = [p for p in edge_pairs(event, people[i]) if p[0] in kept and p[1] in kept]
        if not pairs and not here:
            continue
        rows.append(event_row(event, people[i], types, art_index))
        for u, v, via in pairs:
            edges.setdefault((u, v, event.type, via, rows[-1]["sym"]), []).append(len(rows) - 1)
        for p in here if not pairs else []:  # kept on its node: a statement, or a contact with actors not shown
            solo.setdefault(node_ids[p.id], []).append(len(rows) - 1)
    for i, node in enumerate(nodes):
        node["solo"] = solo.get(i, [])
    edge_rows = [
        {"from": node_ids[u], "to": node_ids[v], "type": types[t], "via": via, "directed": not sym, "events": ix}
        for (u, v, t, via, sym), ix in edges.items()
    ]
    return {
        "nodes": nodes,
        "edges": edge_rows,
        "events": rows,
        "articles": art_rows,
        "types": table,
        "kinds": style()["actor_kinds"],
        "total": {"actors": len(counts), "events": len(events)},
        "shown": {"actors": len(nodes), "events": len(rows)},
    }


def add_layout(model: dict[str, Any], *, seed: int = 7) -> bool:
    """Give big graphs precomputed positions (physics off in the page); returns True when it did."""
    nodes = model["nodes"]
    if len(nodes) <= style()["physics_max_nodes"]:
        return False
    weights: Counter[tuple[int, int]] = Counter()
    for e in model["edges"]:
        weights[(e["from"], e["to"])] += len(e["events"])
    positions = spring_positions(len(nodes), weights, seed=seed)
    for node, (x, y) in zip(nodes, positions, strict=True):
        node["x"], node["y"] = round(float(x), 1), round(float(y), 1)
    return True
