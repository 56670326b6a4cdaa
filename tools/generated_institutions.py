"""Governments and foreign ministries of every state that has demonyms in extractors/data/*/titles.yaml.

News names these bodies as often as the people in them ("the Iranian foreign ministry said", "أكدت الحكومة
السورية"). They are generated from the state names and the nisba adjectives / demonyms, so they need no
curation; a curated body of the same state (tools/curated/organizations.yaml) takes precedence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from extractors.normalize import fold
from extractors.schema import Actor

SOURCE = "generated from state names and demonyms (tools/generated_institutions.py)"


def _demonyms(data: Path, lang: str) -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((data / lang / "titles.yaml").read_text(encoding="utf-8"))["demonyms"]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name, "en")).strip("-")


def _has(curated: Iterable[Actor], iso: str, words: tuple[str, ...]) -> bool:
    return any(a.country == iso and any(w in a.id for w in words) for a in curated)


def institutions(data: Path, states: list[Actor], curated: list[Actor]) -> list[Actor]:
    """A government and a foreign ministry per state with demonyms, unless curated ones exist."""
    ar_dem, en_dem = _demonyms(data, "ar"), _demonyms(data, "en")
    taken = {fold(n, lang) for a in [*states, *curated] for lang in ("ar", "en")
             for n in [a.names[lang], *a.aliases.get(lang, [])]}
    bodies = []
    for state in states:
        if state.id not in ar_dem or state.id not in en_dem:
            continue
        adjectives = [a for a in en_dem[state.id]["adj"] if a[0].isupper() and not a.isupper()]
        feminine = ar_dem[state.id].get("f", [])
        if not adjectives or not feminine:
            continue
        en_names = [n for n in [state.name, *state.aliases.get("en", [])] if not n.startswith("the ")]
        ar_names = [state.names["ar"], *state.aliases.get("ar", [])]
        kinds = [
            ("government", ("government",), f"Government of {state.name}", f"الحكومة {feminine[0]}",
             [f"{a} government" for a in adjectives] + [f"{n}'s government" for n in en_names],
             [f"الحكومة {f}" for f in feminine] + [f"حكومة {n}" for n in ar_names]),
            ("foreign-ministry", ("foreign", "state-department"), f"{adjectives[0]} Foreign Ministry",
             f"وزارة الخارجية {feminine[0]}",
             [f"{a} {m}" for a in adjectives for m in ("Foreign Ministry", "Ministry of Foreign Affairs")]
             + [f"{n}'s Foreign Ministry" for n in en_names]
             + [f"Ministry of Foreign Affairs of {n}" for n in en_names],
             [f"وزارة الخارجية {f}" for f in feminine] + [f"الخارجية {f}" for f in feminine]
             + [f"وزارة خارجية {n}" for n in ar_names]),
        ]
        for suffix, curated_words, en, ar, en_aliases, ar_aliases in kinds:
            if _has(curated, state.id, curated_words) or fold(en, "en") in taken or fold(ar, "ar") in taken:
                continue
            aliases = {
                "en": sorted({a for a in en_aliases if a != en and fold(a, "en") not in taken}),
                "ar": sorted({a for a in ar_aliases if a != ar and fold(a, "ar") not in taken}),
            }
            bodies.append(Actor(id=f"gov:{_slug(state.name)}-{suffix}", name=en, names={"en": en, "ar": ar},
                                kind="organization", country=state.id, aliases=aliases, source=SOURCE))
    return bodies
