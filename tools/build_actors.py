"""Build extractors/data/actors.jsonl and extractors/data/places.jsonl from named sources.

Sources, in the order they are applied:
  1. babel's CLDR territory names (English and Arabic) for the UN member and observer states
     (membership and ISO alpha-3 codes: tools/curated/un_members.yaml; name fixes: tools/curated/states.yaml);
  2. tools/curated/offices_*.yaml: heads of state and government and foreign ministers with term dates,
     tools/curated/people.yaml: aliases and people without a state office, tools/curated/organizations.yaml;
  3. ../shared/peer-data/petrarch2/Phoenix.Countries.actors.txt (MIT): English aliases of the curated people,
     taken only from entries whose role codes agree with the curated country; role codes are checked, never
     copied (they say "government", not which office, and many are stale);
  4. ../shared/peer-data/universalpetrarch-arabic/actor_dict_ar_v4.txt (MIT, noisy): Arabic spellings of
     curated people, taken only when the entry's role country and the given and family names agree.
Run from the repo root: ``.venv/bin/python tools/build_actors.py``. Output is sorted, so runs are reproducible.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from curated_people import Person, read_offices, read_people  # noqa: E402
from peer_dictionaries import PeerEntry, parse_dictionary  # noqa: E402

from extractors.normalize import fold  # noqa: E402
from extractors.schema import Actor, Role  # noqa: E402

CURATED = ROOT / "tools" / "curated"
DATA = ROOT / "extractors" / "data"
PEER = ROOT.parent / "shared" / "peer-data"
PHOENIX = PEER / "petrarch2" / "Phoenix.Countries.actors.txt"
UP_ARABIC = PEER / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt"
EN_TITLE_WORDS = {
    "PRESIDENT", "MR", "MR.", "MRS", "MRS.", "MS", "SECRETARY", "SENATOR", "PRIME", "MINISTER", "KING", "PRINCE",
    "SHEIKH", "AYATOLLAH", "US", "U.S.", "AMERICAN", "UNITED", "FOREIGN", "GENERAL", "DR", "DR.", "CHANCELLOR",
    "PREMIER", "EMIR", "SULTAN", "CROWN", "VICE", "PRESIDENT-ELECT", "FORMER", "LEADER", "SUPREME", "GRAND",
    "THE", "GOVERNOR", "IRANIAN", "RUSSIAN", "BRITISH", "FRENCH", "GERMAN", "CHINESE", "ISRAELI", "SAUDI",
}
log: list[str] = []


def yaml_file(name: str) -> dict:
    return yaml.safe_load((CURATED / name).read_text(encoding="utf-8")) or {}


def build_states() -> list[Actor]:
    """One state actor per UN member or observer, named from CLDR and corrected by states.yaml."""
    table = yaml_file("un_members.yaml")
    fixes = yaml_file("states.yaml")
    en_names, ar_names = Locale("en").territories, Locale("ar").territories
    states = []
    for alpha2, alpha3 in sorted({**table["members"], **table["observers"]}.items(), key=lambda kv: kv[1]):
        fix = fixes.get(alpha3, {})
        cldr = {"en": en_names[alpha2], "ar": ar_names[alpha2]}
        names = {lang: fix.get(lang, cldr[lang]) for lang in ("en", "ar")}
        aliases = {lang: set(fix.get("aliases", {}).get(lang, []) or []) for lang in ("en", "ar")}
        for lang in ("en", "ar"):
            if cldr[lang] != names[lang] and "(" not in cldr[lang] and " - " not in cldr[lang]:
                aliases[lang].add(cldr[lang])
        source = "babel CLDR territory names" + ("; curated: tools/curated/states.yaml" if fix else "")
        states.append(Actor(id=alpha3, name=names["en"], names=names, kind="state", country=alpha3,
                            aliases=_sorted(aliases), source=source))
    return states


def build_organizations() -> list[Actor]:
    orgs = []
    for actor_id, entry in yaml_file("organizations.yaml").items():
        aliases = {lang: set(entry.get("aliases", {}).get(lang, []) or []) for lang in ("en", "ar")}
        orgs.append(Actor(id=actor_id, name=entry["en"], names={"en": entry["en"], "ar": entry["ar"]},
                          kind=entry.get("kind", "organization"), country=entry.get("country"),
                          aliases=_sorted(aliases), source="curated: tools/curated/organizations.yaml"))
    return orgs


def _sorted(aliases: dict[str, set[str]]) -> dict[str, list[str]]:
    return {lang: sorted(forms) for lang, forms in aliases.items()}


def _countries(person: Person) -> set[str]:
    return {of for _, of, _, _ in person.roles if len(of) == 3} | ({person.country} if person.country else set())


def enrich_from_phoenix(people: dict[str, Person], entries: list[PeerEntry]) -> None:
    """English aliases from Phoenix entries that name a curated person and agree on the country."""
    index: dict[str, list[PeerEntry]] = {}
    for entry in entries:
        for name in entry.names:
            index.setdefault(fold(name, "en"), []).append(entry)
    taken = rejected = 0
    for person in people.values():
        keys = {fold(person.en, "en")} | {fold(a, "en") for a in person.aliases["en"] if " " in a}
        for entry in {id(e): e for k in keys for e in index.get(k, [])}.values():
            codes = {r.country for r in entry.roles if r.country.isalpha() and len(r.code) >= 3}
            if codes and not codes & _countries(person):
                rejected += 1
                log.append(f"phoenix: {entry.phrase!r} (line {entry.line}) codes {sorted(codes)} "
                           f"disagree with {person.en} {sorted(_countries(person))}; not used")
                continue
            for alias in entry.names:
                words = alias.split()
                if len(words) >= 2 and words[0] not in EN_TITLE_WORDS and "ADMINISTRATION" not in words:
                    person.aliases["en"].add(" ".join(w.title() for w in words))
            person.sources.add("PETRARCH2 Phoenix.Countries.actors.txt (MIT)")
            taken += 1
    log.append(f"phoenix: {taken} entries used, {rejected} rejected on country")


def enrich_from_universal_petrarch(people: dict[str, Person], entries: list[PeerEntry]) -> None:
    """Arabic spellings from UniversalPetrarch entries whose role country, given name and family name agree."""
    by_last: dict[tuple[str, str, str], list[Person]] = {}
    for person in people.values():
        words = person.ar.split()
        for country in _countries(person):
            by_last.setdefault((country, fold(words[0], "ar"), fold(words[-1], "ar")), []).append(person)
    taken = 0
    for entry in entries:
        words = entry.phrase.split()
        if len(words) < 2:
            continue
        for country in {r.country for r in entry.roles}:
            for person in by_last.get((country, fold(words[0], "ar"), fold(words[-1], "ar")), []):
                if fold(entry.phrase, "ar") != fold(person.ar, "ar"):
                    person.aliases["ar"].add(entry.phrase)
                    log.append(f"universalpetrarch: {entry.phrase!r} (line {entry.line}) -> {person.en}")
                person.sources.add("UniversalPetrarch actor_dict_ar_v4.txt (MIT)")
                taken += 1
    log.append(f"universalpetrarch: {taken} person entries matched")
