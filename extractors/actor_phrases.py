"""Role phrases and demonyms generated from ``data/<lang>/titles.yaml`` and the state names in actors.jsonl.

"الرئيس الأمريكي", "وزير خارجية إيران", "Iran's foreign minister", "the U.S. president" are not listed
anywhere: they are built here from title forms, nisba adjectives / demonyms and state names, so a new title
or a new state needs one line of data, not code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field

from .resources import read_yaml
from .schema import Actor

RolePattern = tuple[str, str, str | None]  # (surface phrase, title, state ISO3 / organisation id / None)
COUNTERPART = "counterpart"


class TitleForms(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    definite: dict[str, list[str]] = {}  # ar: gender -> forms taking a nisba ("الرئيس" + "الأمريكي")
    construct_forms: list[str] = Field(default=[], alias="construct")  # ar: "وزير خارجية" + "إيران"
    forms: list[str] = []  # en: forms taking a demonym or a state ("Iranian" + "foreign minister")
    bare: list[str] = []  # forms that stand alone and need context
    only: dict[str, list[str]] = {}  # en: forms that belong to one state ("Secretary of State" -> USA)


class TitlesFile(BaseModel):
    titles: dict[str, TitleForms]
    fixed: list[tuple[str, str, str]] = []
    counterpart: dict[str, list[str]] | list[str] = []
    person_titles: list[str] = []
    demonyms: dict[str, dict[str, list[str]]] = {}
    plurals: dict[str, list[str]] = {}  # "foreign ministers" -> titles tried for each state coordinated with it
    pairs: list[str] = []  # "the two leaders": the last two people named
    pair_states: list[str] = []  # "the two countries": the last two states named


def titles_file(lang: str) -> TitlesFile:
    return read_yaml(f"{lang}/titles.yaml", TitlesFile)


def state_names(states: Iterable[Actor], lang: str) -> dict[str, list[str]]:
    """ISO3 -> the names a state goes by in ``lang`` (canonical first)."""
    return {s.id: [s.names[lang], *s.aliases.get(lang, [])] for s in states if lang in s.names}


def role_patterns(lang: str, states: Iterable[Actor]) -> list[RolePattern]:
    table = titles_file(lang)
    names = state_names(states, lang)
    generate = _arabic if lang == "ar" else _english
    patterns = set(generate(table, names))
    patterns.update((phrase, title, of) for phrase, title, of in table.fixed)
    for title, forms in table.titles.items():
        patterns.update((b, title, None) for b in forms.bare)
    return sorted(patterns, key=lambda p: (p[0], p[1], p[2] or ""))


def _arabic(table: TitlesFile, names: dict[str, list[str]]) -> Iterator[RolePattern]:
    for title, forms in table.titles.items():
        for gender, definites in forms.definite.items():
            for iso, nisba in table.demonyms.items():
                for d in definites:
                    yield from ((f"{d} {n}", title, iso) for n in nisba.get(gender, []))
        every_definite = {d for group in forms.definite.values() for d in group}
        for iso, state_forms in names.items():
            for name in state_forms:
                yield from ((f"{c} {name}", title, iso) for c in forms.construct_forms)
                yield from ((f"{d} في {name}", title, iso) for d in every_definite)
    counterparts = table.counterpart if isinstance(table.counterpart, dict) else {"m": table.counterpart}
    for gender, words in counterparts.items():
        for word in words:
            yield word, COUNTERPART, None
            for iso, nisba in table.demonyms.items():
                yield from ((f"{word} {n}", COUNTERPART, iso) for n in nisba.get(gender, []))


def _english(table: TitlesFile, names: dict[str, list[str]]) -> Iterator[RolePattern]:
    for title, forms in table.titles.items():
        for iso, state_forms in names.items():
            own = forms.forms + forms.only.get(iso, [])
            adjectives = table.demonyms.get(iso, {}).get("adj", [])
            for form in own:
                if "{adj}" in form:  # "top {adj} diplomat": the demonym stands inside ("the top U.S. diplomat")
                    yield from ((form.replace("{adj}", adj), title, iso) for adj in adjectives)
                    continue
                yield from ((f"{adj} {form}", title, iso) for adj in adjectives)
                for name in state_forms:
                    yield f"{name}'s {form}", title, iso
                    if name.endswith("s"):  # "the Philippines' president", "the Netherlands' foreign minister"
                        yield f"{name}' {form}", title, iso
                    yield f"{form} of {name}", title, iso
        for iso, only_forms in forms.only.items():
            yield from ((form, title, iso) for form in only_forms)
    words = table.counterpart if isinstance(table.counterpart, list) else sum(table.counterpart.values(), [])
    for word in words:
        for owner in ("his", "her", "their", ""):
            yield f"{owner} {word}".strip(), COUNTERPART, None
            for iso, forms in table.demonyms.items():
                yield from ((f"{owner} {adj} {word}".strip(), COUNTERPART, iso) for adj in forms.get("adj", []))


def demonym_plurals(lang: str) -> dict[str, str]:
    """Plural demonyms that name a state's side in news ("الإيرانيين", "the Iranians") -> ISO3."""
    plurals: dict[str, str] = {}
    for iso, groups in titles_file(lang).demonyms.items():
        plurals.update({form: iso for form in groups.get("pl", [])})
        for form in groups.get("m" if lang == "ar" else "adj", []):
            if lang == "ar" and form.endswith("ي") and " " not in form:
                plurals.update({form + suffix: iso for suffix in ("ين", "ون")})
            elif lang == "en" and form[-1].isalpha() and form[-1] != "S":
                plurals[form + "s"] = iso
    return plurals


def demonym_forms(lang: str) -> dict[str, str]:
    """Every demonym / nisba form -> ISO3, with Arabic plurals and duals derived from the singular."""
    table = titles_file(lang)
    forms: dict[str, str] = {}
    for iso, groups in table.demonyms.items():
        for group in groups.values():
            # "الإيراني" and the indefinite "إيراني"
            for form in group + [f[2:] for f in group if lang == "ar" and f.startswith("ال")]:
                forms[form] = iso
                if lang == "ar" and form.endswith("ي"):
                    forms.update({form + suffix: iso for suffix in ("ين", "ون", "ان")})
                elif lang == "ar" and form.endswith("ية"):
                    forms.update({form[:-1] + suffix: iso for suffix in ("تان", "تين", "ات")})
                elif lang == "en" and form[-1].isalpha():
                    forms[form + "s"] = iso
    return forms
