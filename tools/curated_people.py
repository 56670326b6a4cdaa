"""Read the curated office lists and people file (tools/curated/) into person records with dated roles.

Used by tools/build_actors.py only. A person is keyed by the slug of their English name, so a name that
appears under several offices (Putin as president and prime minister) is one person with several roles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

EAST_ASIAN = {"CHN", "PRK", "KOR", "TWN"}  # family name first
PARTICLES = {"de", "du", "le", "la", "van", "von", "dos", "da", "di", "del", "della"}
AR_PARTICLES = {"دي", "دو", "دا", "فون", "فان", "لو", "ديل"}  # "دي مايو": the surname is both words
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
AR_ROYAL = {"بن", "ابن", "آل", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "الثانية", "الأولى"}
AR_COMPOUND = {"عبد", "أبو", "ابو", "أبي"}
EN_COMPOUND = {"abdul", "abdel", "abd", "abu", "bin", "al"}


@dataclass
class Person:
    slug: str
    en: str
    ar: str
    country: str | None = None
    roles: list[tuple[str, str, date | None, date | None]] = field(default_factory=list)
    aliases: dict[str, set[str]] = field(default_factory=lambda: {"en": set(), "ar": set()})
    surnames: dict[str, set[str]] = field(default_factory=lambda: {"en": set(), "ar": set()})
    sources: set[str] = field(default_factory=set)


def slugify(text: str) -> str:
    """ASCII slug of an English name: 'Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _day(value: object) -> date | None:
    if value in (None, "now", ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def read_offices(path: Path, people: dict[str, Person]) -> None:
    """Add the holders listed in an offices file to ``people`` (merging by slug)."""
    for country, titles in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for title, holders in titles.items():
            for line in holders:
                span, en, ar = (part.strip() for part in line.split("|"))
                start, end = span.split()
                person = people.setdefault(slugify(en), Person(slugify(en), en, ar, country))
                person.roles.append((title, country, _day(start), _day(end)))
                person.sources.add(f"curated: tools/curated/{path.name}")


def read_people(path: Path, people: dict[str, Person], stoplist: dict[str, set[str]]) -> dict[str, dict]:
    """Apply people.yaml (aliases, extra people and roles); returns the raw options per slug."""
    options: dict[str, dict] = {}
    for slug, entry in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        target = entry.get("merge_into", slug)
        if target not in people:
            if "en" not in entry:
                raise ValueError(f"{path}: {slug!r} is not an office holder and has no 'en' name")
            people[target] = Person(target, entry["en"], entry["ar"], entry.get("country"))
        person = people[target]
        person.sources.add(f"curated: tools/curated/{path.name}")
        for title, of, start, end in entry.get("roles", []):
            person.roles.append((title, of, _day(start), _day(end)))
        for lang in ("en", "ar"):
            person.aliases[lang].update(entry.get("aliases", {}).get(lang, []) or [])
        options.setdefault(target, {}).update({k: v for k, v in entry.items() if k in ("surname", "surname_first")})
    for person in people.values():
        opts = options.get(person.slug, {})
        if opts.get("surname", True):
            derive_surnames(person, bool(opts.get("surname_first")), stoplist)
    return options


def derive_surnames(person: Person, surname_first: bool, stoplist: dict[str, set[str]]) -> None:
    """The short forms news use after the first mention: 'Kerry', 'كيري', 'Le Drian', 'al-Maliki'/'Maliki'."""
    first = surname_first or person.country in EAST_ASIAN
    en, ar = person.en.split(), person.ar.split()
    if len(en) >= 2 and not ({t.lower() for t in en} & {"bin", "al"} or en[-1] in ROMAN):
        if first:
            forms = [en[0]]
        elif en[-2].lower() in PARTICLES:
            forms = [" ".join(en[-2:])] + ([en[-1]] if en[-2].islower() else [])
        elif en[-2].lower() in EN_COMPOUND:
            forms = []
        else:
            forms = [en[-1]]
        for form in forms:
            for variant in _article_variants(form):
                if variant not in stoplist["en"] and len(variant) >= 2:
                    person.surnames["en"].add(variant)
    # a regnal number is no surname in either language ("Frederik X", "فريدريك العاشر": "the tenth")
    if len(ar) >= 2 and not (set(ar) & AR_ROYAL) and not (en and en[-1] in ROMAN):
        form = ar[0] if first else ar[-1]
        if not first and ar[-2] in AR_COMPOUND:
            if len(ar) < 3:
                return  # "عبد الله" alone is a given name
            form = " ".join(ar[-2:])  # "بدر عبد العاطي": the surname is both words
        forms = [form, " ".join(ar[-2:])] if not first and ar[-2] in AR_PARTICLES else [form]
        for form in forms:
            if form not in stoplist["ar"] and len(form) >= 3:
                person.surnames["ar"].add(form)


def _article_variants(form: str) -> list[str]:
    """'al-Maliki' -> ['al-Maliki', 'Maliki']: English news writes Arabic surnames with or without the article."""
    match = re.match(r"^(?:al|el|Al|El)-(.+)$", form)
    return [form, match.group(1)] if match else [form]
