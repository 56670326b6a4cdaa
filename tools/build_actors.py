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
from datetime import date
from pathlib import Path

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from curated_people import Person, read_offices, read_people, slugify  # noqa: E402
from generated_institutions import institutions  # noqa: E402
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
    "BUNDESKANZLER", "KANZLER", "VICE-PRESIDENT", "DEFENSE", "GEN.", "GOV.", "AMBASSADOR", "COLONEL", "PM",
    "DEPUTY", "NATIONAL", "HOJATOLISLAM", "BARONESS", "SHEIK", "QUEEN",
}
NOT_A_NAME = {"GOVERNMENT", "REGIME", "ADMINISTRATION", "MINISTRY", "CABINET"}
log: list[str] = []


def yaml_file(name: str) -> dict:
    return yaml.safe_load((CURATED / name).read_text(encoding="utf-8")) or {}


def build_states() -> list[Actor]:
    """One state actor per UN member or observer, or partly recognised state, named from CLDR and corrected by
    states.yaml."""
    table = yaml_file("un_members.yaml")
    fixes = yaml_file("states.yaml")
    en_names, ar_names = Locale("en").territories, Locale("ar").territories
    states = []
    listed = {**table["members"], **table["observers"], **table.get("partly_recognized", {})}
    for alpha2, alpha3 in sorted(listed.items(), key=lambda kv: kv[1]):
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
    rejects = {fold(alias, "en") for alias in yaml_file("phoenix_rejects.yaml")}
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
                if fold(alias, "en") in rejects or "'S" in alias:
                    log.append(f"phoenix: alias {alias!r} of {person.en} rejected (phoenix_rejects.yaml)")
                elif len(words) >= 2 and words[0] not in EN_TITLE_WORDS and not NOT_A_NAME & set(words):
                    person.aliases["en"].add(" ".join(w.title() for w in words))
            person.sources.add("aliases: PETRARCH2 Phoenix.Countries.actors.txt (MIT)")
            taken += 1
            _compare_roles(person, entry)
    log.append(f"phoenix: {taken} entries used, {rejected} rejected on country")


def _compare_roles(person: Person, entry: PeerEntry) -> None:
    """Log Phoenix government codes since 2000 that no curated office explains (never copied: a code says
    "government", not which office, and Phoenix stops in 2014)."""
    for role in entry.roles:
        if not role.code.endswith("GOV") or role.start is None or role.start.year < 2000:
            continue
        covered = any(of == role.country and (s or date.min) <= (role.end or date.max) and role.start <= (e or date.max)
                      for _, of, s, e in person.roles)
        if not covered:
            log.append(f"phoenix: {person.en}: [{role.code} {role.start}-{role.end}] matches no curated office "
                       "(a lesser post or a stale code); not used")


def enrich_from_universal_petrarch(people: dict[str, Person], entries: list[PeerEntry]) -> None:
    """Arabic spellings from UniversalPetrarch entries whose role country, given name and family name agree."""
    by_last: dict[tuple[str, str, str], list[Person]] = {}
    for person in people.values():
        words = person.ar.split()
        if {"بن", "آل"} & set(words) or words[0] in ("عبد", "أبو"):
            continue
        for country in _countries(person):
            by_last.setdefault((country, fold(words[0], "ar"), fold(words[-1], "ar")), []).append(person)
    taken = 0
    for entry in entries:
        words = entry.phrase.split()
        # Royal and compound names ("عبد العزيز بن عبد الله") share first and last words across people.
        if len(words) < 2 or {"بن", "ال", "آل"} & set(words) or words[0] in ("عبد", "أبو", "ابو"):
            continue
        for country in {r.country for r in entry.roles}:
            for person in by_last.get((country, fold(words[0], "ar"), fold(words[-1], "ar")), []):
                if fold(entry.phrase, "ar") != fold(person.ar, "ar"):
                    person.aliases["ar"].add(entry.phrase)
                    log.append(f"universalpetrarch: {entry.phrase!r} (line {entry.line}) -> {person.en}")
                person.sources.add("aliases: UniversalPetrarch actor_dict_ar_v4.txt (MIT)")
                taken += 1
    log.append(f"universalpetrarch: {taken} person entries matched")


def _overlap(a: Person, b: Person) -> bool:
    """True when two people cannot be told apart by date: one has no role, or two roles overlap in time."""
    if not a.roles or not b.roles:
        return True
    for _, _, s1, e1 in a.roles:
        for _, _, s2, e2 in b.roles:
            if (s1 or s2 or e1 or e2) is None:
                return True
            if (s1 is None or e2 is None or s1 <= e2) and (s2 is None or e1 is None or s2 <= e1):
                return True
    return False


def _demonyms(lang: str) -> set[str]:
    path = DATA / lang / "titles.yaml"
    if not path.exists():
        return set()
    table = yaml.safe_load(path.read_text(encoding="utf-8")).get("demonyms", {})
    forms = {f for entry in table.values() for group in entry.values() for f in group}
    return {fold(f, lang) for f in forms}


def settle_surnames(people: dict[str, Person], others: list[Actor]) -> None:
    """Keep a derived surname only if no other actor owns it, or if dates tell the owners apart."""
    for lang in ("en", "ar"):
        taken = {fold(n, lang) for a in others for n in [a.names[lang], *a.aliases.get(lang, [])]}
        taken |= _demonyms(lang)
        explicit: dict[str, set[str]] = {}
        for p in people.values():
            for n in [getattr(p, lang), *p.aliases[lang]]:
                explicit.setdefault(fold(n, lang), set()).add(p.slug)
        owners: dict[str, list[Person]] = {}
        for person in people.values():
            for form in sorted(person.surnames[lang]):  # sorted: the log reads the same on every run
                owners.setdefault(fold(form, lang), []).append(person)
        for key, group in owners.items():
            slugs = {p.slug for p in group}
            clash = key in taken or not explicit.get(key, set()) <= slugs or any(
                _overlap(a, b) for i, a in enumerate(group) for b in group[i + 1 :])
            for person in group:
                forms = {f for f in person.surnames[lang] if fold(f, lang) == key}
                if clash:
                    log.append(f"surname {sorted(forms)} dropped for {person.en}: shared")
                else:
                    person.aliases[lang] |= forms


def person_actor(person: Person) -> Actor:
    roles = sorted((Role(title=t, of=o, start=s, end=e) for t, o, s, e in person.roles),
                   key=lambda r: (r.start or date.min, r.title, r.of))
    aliases = {lang: {a for a in person.aliases[lang] if fold(a, lang) != fold(getattr(person, lang), lang)}
               for lang in ("en", "ar")}
    country = person.country or next((r.of for r in roles if len(r.of) == 3), None)
    return Actor(id=f"person:{person.slug}", name=person.en, names={"en": person.en, "ar": person.ar},
                 kind="person", country=country, aliases=_sorted(aliases), roles=roles,
                 source="; ".join(sorted(person.sources)))


def build_places() -> list[dict]:
    places = []
    for line in yaml_file("places.yaml"):
        en, ar, country, *flag = (part.strip() for part in line.split("|"))
        forms = [f.strip() for f in ar.split(",")]
        places.append({"id": f"place:{country.lower()}:{slugify_place(en)}", "name": en,
                       "names": {"en": en, "ar": forms[0]}, "aliases": {"en": [], "ar": sorted(forms[1:])},
                       "country": country, "metonym": bool(flag and flag[0] == "metonym"),
                       "source": "curated: tools/curated/places.yaml"})
    return sorted(places, key=lambda p: p["id"])


def slugify_place(name: str) -> str:
    return slugify(name)


def write_jsonl(path: Path, records: list[dict]) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def calendar_words(lang: str) -> set[str]:
    """Month and weekday names of the date vocabulary: no derived surname may be one ("مايو" of Di Maio)."""
    table = yaml.safe_load((DATA / lang / "dates.yaml").read_text(encoding="utf-8"))
    names = [n for key in ("months", "hijri_months", "weekdays") for group in (table.get(key) or {}).values()
             for n in group]
    return {str(n) for n in names} | {str(n).capitalize() for n in names}


def main() -> int:
    if not PHOENIX.exists() or not UP_ARABIC.exists():
        print(f"build_actors: peer dictionaries not found under {PEER}", file=sys.stderr)
        return 1
    people: dict[str, Person] = {}
    for path in sorted(CURATED.glob("offices_*.yaml")):
        read_offices(path, people)
    stoplist = {lang: set(forms) | calendar_words(lang) for lang, forms in yaml_file("surname_stoplist.yaml").items()}
    read_people(CURATED / "people.yaml", people, stoplist)
    enrich_from_phoenix(people, parse_dictionary(PHOENIX))
    enrich_from_universal_petrarch(people, parse_dictionary(UP_ARABIC))
    states, organizations = build_states(), build_organizations()
    others = states + organizations + institutions(DATA, states, organizations)
    settle_surnames(people, others)
    actors = sorted(others + [person_actor(p) for p in people.values()], key=lambda a: a.id)
    write_jsonl(DATA / "actors.jsonl", [a.model_dump(mode="json") for a in actors])
    write_jsonl(DATA / "places.jsonl", build_places())
    (DATA / "LICENSES").mkdir(exist_ok=True)
    shutil.copyfile(PEER / "petrarch2" / "LICENSE", DATA / "LICENSES" / "petrarch2.LICENSE")
    shutil.copyfile(PEER / "universalpetrarch-arabic" / "LICENSE", DATA / "LICENSES" / "universalpetrarch.LICENSE")
    (ROOT / "tools" / "build_actors.log").write_text("\n".join(log) + "\n", encoding="utf-8")
    kinds = {k: sum(a.kind == k for a in actors) for k in ("state", "person", "organization", "group")}
    print(f"wrote {len(actors)} actors {kinds} to {DATA / 'actors.jsonl'}; notes in tools/build_actors.log")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
