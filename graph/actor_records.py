"""Actor records for the graph: from the knowledge base when it knows the id, minimal ones otherwise,
and the name lookup that answers to any name of an actor in either language."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from extractors.errors import ActorNotFound
from extractors.normalize import fold
from extractors.schema import Actor, ActorRef


@lru_cache(maxsize=1)
def knowledge_base() -> Any | None:
    """The extractor's actor base (``extractors.actors.actor_base()``), or None when it is not available."""
    try:
        from extractors.actors import actor_base
    except ImportError:  # the graph still works on events alone
        return None
    return actor_base()


def minimal_actor(ref: ActorRef) -> Actor:
    """An Actor for an id the knowledge base does not hold (``person:<slug>`` ids are persons)."""
    kind = "person" if ref.id.startswith("person:") else "organization"
    return Actor(id=ref.id, name=ref.name, names={"en": ref.name}, kind=kind, source="text")


def actor_record(ref: ActorRef) -> Actor:
    """The knowledge base's record for ``ref.id``, else a minimal one."""
    kb = knowledge_base()
    known = kb.actors.get(ref.id) if kb is not None else None
    return known if known is not None else minimal_actor(ref)


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SPACES = re.compile(r"[\s\-_.’'`]+")


def name_key(name: str) -> str:
    """The form names are compared in: letter variants folded (Arabic and Latin), case and spacing ignored.

    >>> name_key("Ali  Khamenei") == name_key("ali khamenei"), name_key("إيران") == name_key("ايران")
    (True, True)
    """
    return _SPACES.sub(" ", fold(fold(name, "ar"), "en")).strip()


def all_names(actor: Actor) -> Iterable[str]:
    """Every name of an actor: id, canonical name, names and aliases in every language."""
    yield actor.id
    yield actor.name
    yield from actor.names.values()
    for names in actor.aliases.values():
        yield from names


def _held_on(actor: Actor, at: date | None) -> bool:
    return at is not None and actor.role_on(at) is not None


def name_index(actors: Mapping[str, Actor]) -> dict[str, list[str]]:
    """Actor ids by the compared form of every name they have (see :func:`name_key`)."""
    index: dict[str, list[str]] = {}
    for actor in actors.values():
        for key in dict.fromkeys(name_key(n) for n in all_names(actor)):
            index.setdefault(key, []).append(actor.id)
    return index


def find_actor(
    name: str | Actor,
    actors: Mapping[str, Actor],
    *,
    at: date | None = None,
    index: Mapping[str, list[str]] | None = None,
) -> Actor:
    """The actor called ``name``: among ``actors`` first (any name, either language), then the knowledge base.

    ``index`` is ``name_index(actors)`` when the caller keeps one (it saves folding every name each time).
    Raises :class:`ActorNotFound` naming the closest known name.

    >>> from graph.examples import example_actors
    >>> find_actor("خامنئي", example_actors()).name
    'Ali Khamenei'
    >>> find_actor("Kamenei", example_actors())
    Traceback (most recent call last):
    ...
    extractors.errors.ActorNotFound: no actor named 'Kamenei' (did you mean 'Khamenei'?)
    """
    if isinstance(name, Actor):
        return name
    if name in actors:
        return actors[name]
    ids = (index if index is not None else name_index(actors)).get(name_key(name), [])
    matches = [actors[i] for i in ids if i in actors]
    if matches:
        return sorted(matches, key=lambda a: (not _held_on(a, at), a.id))[0]
    kb = knowledge_base()
    found = kb.lookup(name, at=at) if kb is not None else None
    if found is not None:
        return found
    raise ActorNotFound(name, suggestion=closest_name(name, actors))


def closest_name(name: str, actors: Mapping[str, Actor]) -> str | None:
    """The known name closest in spelling to ``name`` (graph actors and knowledge base), or None."""
    names = {name_key(n): n for a in actors.values() for n in all_names(a) if n != a.id}
    kb = knowledge_base()
    if kb is not None:
        for actor in kb.actors.values():
            for n in all_names(actor):
                names.setdefault(name_key(n), n)
    best = difflib.get_close_matches(name_key(name), list(names), n=1, cutoff=0.6)
    return names[best[0]] if best else None


def actor_from_node(node_id: str, data: Mapping[str, Any]) -> Actor:
    """Rebuild an Actor from the JSON-safe attributes of a graph node (KB record preferred)."""
    kb = knowledge_base()
    known = kb.actors.get(node_id) if kb is not None else None
    if known is not None:
        return known
    names = {"en": data.get("name") or node_id}
    if data.get("name_ar"):
        names["ar"] = data["name_ar"]
    aliases: dict[str, list[str]] = {}
    for alias in data.get("aliases", []):
        aliases.setdefault("ar" if _ARABIC.search(alias) else "en", []).append(alias)
    return Actor(
        id=node_id,
        name=data.get("name") or node_id,
        names=names,
        aliases=aliases,
        kind=data.get("kind") or "organization",
        country=data.get("country") or None,
        source="graph",
    )
