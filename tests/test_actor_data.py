"""Integrity of the generated actor data: ids, names in both languages, roles, and alias collisions."""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from extractors.actors import Place, RolesFile, key
from extractors.resources import DATA_DIR, data_path, read_jsonl, read_yaml
from extractors.schema import Actor

ACTORS = read_jsonl("actors.jsonl", Actor)
BY_ID = {a.id: a for a in ACTORS}
PLACES = read_jsonl(data_path("places.jsonl"), Place)
CORE_STATES = ["USA", "IRN", "RUS", "CHN", "GBR", "FRA", "DEU", "ISR", "SAU", "ARE", "QAT", "OMN", "KWT", "BHR",
               "EGY", "IRQ", "SYR", "TUR", "JOR", "LBN", "PRK", "KOR", "JPN", "IND", "PAK"]
HEAD_TITLES = {"president", "king", "queen", "emir", "sultan", "supreme_leader", "head_of_state", "emperor"}


def test_ids_are_unique_and_sorted() -> None:
    ids = [a.id for a in ACTORS]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.id)
def test_every_actor_has_both_names_and_a_source(actor: Actor) -> None:
    assert actor.names.get("en") and actor.names.get("ar")
    assert actor.name == actor.names["en"]
    assert actor.source


def test_countries_and_role_owners_are_known_actors() -> None:
    vocabulary = set(read_yaml("roles.yaml", RolesFile).titles)
    for actor in ACTORS:
        assert actor.country is None or BY_ID[actor.country].kind == "state", actor.id
        for role in actor.roles:
            assert role.title in vocabulary, (actor.id, role.title)
            assert role.of in BY_ID, (actor.id, role.of)
            assert role.start is None or role.end is None or role.start <= role.end, (actor.id, role)


def test_all_un_members_and_observers_are_states() -> None:
    states = [a for a in ACTORS if a.kind == "state"]
    assert len(states) == 197  # 193 members, 2 observers, Taiwan and Kosovo
    assert {"PSE", "VAT", "SSD", "PRK", "TWN", "XKX"} <= {s.id for s in states}


def _holds(title_set: set[str], country: str, day: date) -> bool:
    return any(r.title in title_set and r.of == country and r.holds_on(day) for a in ACTORS for r in a.roles)


# Offices that were really vacant on the sampled day (1 July of the year).
VACANT = {("LBN", 2014, "head"): "presidential vacancy 2014-05-25 .. 2016-10-31"}


@pytest.mark.parametrize("country", CORE_STATES)
def test_core_states_have_dated_heads_and_foreign_ministers(country: str) -> None:
    for year in (2001, 2008, 2014, 2020, 2025):
        day = date(year, 7, 1)
        if (country, year, "head") not in VACANT:
            assert _holds(HEAD_TITLES, country, day), (country, year, "head of state")
        assert _holds({"foreign_minister"}, country, day), (country, year, "foreign minister")


def test_at_least_forty_states_have_office_holders() -> None:
    countries = {r.of for a in ACTORS for r in a.roles if r.title == "foreign_minister"}
    assert len(countries) >= 40


def _overlap(a: Actor, b: Actor) -> bool:
    if not a.roles or not b.roles:
        return True
    return any((r.start or date.min) <= (s.end or date.max) and (s.start or date.min) <= (r.end or date.max)
               for r in a.roles for s in b.roles)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_alias_points_to_two_actors_without_date_or_kind(lang: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in ACTORS:
        for form in [actor.names[lang], *actor.aliases.get(lang, [])]:
            owners[key(form, lang)].add(actor.id)
    clashes = []
    for form, ids in owners.items():
        for a, b in combinations(sorted(ids), 2):
            first, second = BY_ID[a], BY_ID[b]
            if first.kind == second.kind and _overlap(first, second):
                clashes.append((form, a, b))
    assert clashes == []


def test_places_are_not_actor_names() -> None:
    names = {key(f, lang) for a in ACTORS for lang in ("ar", "en") for f in [a.names[lang], *a.aliases.get(lang, [])]}
    for place in PLACES:
        assert key(place.names["en"], "en") not in names, place.id


def test_licenses_of_the_sources_are_kept() -> None:
    licenses = {p.name for p in (DATA_DIR / "LICENSES").iterdir()}
    assert {"petrarch2.LICENSE", "universalpetrarch.LICENSE"} <= licenses
    assert "MIT" in (DATA_DIR / "LICENSES" / "petrarch2.LICENSE").read_text(encoding="utf-8")


def test_every_canonical_name_resolves_to_its_own_actor() -> None:
    from extractors.actors import actor_base

    base = actor_base()
    wrong = [(lang, a.names[lang], a.id) for a in ACTORS for lang in ("ar", "en")
             if (found := base.lookup(a.names[lang], lang=lang)) is None or found.id != a.id]
    assert wrong == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_person_alias_is_the_name_of_a_state_or_organisation(lang: str) -> None:
    """A person named like a state ("مالي": Mali, and Robert Malley) would steal every mention of it."""
    others = {key(f, lang) for a in ACTORS if a.kind != "person" for f in [a.names[lang], *a.aliases.get(lang, [])]}
    people = {(key(f, lang), a.id) for a in ACTORS if a.kind == "person" for f in a.aliases.get(lang, [])}
    assert sorted((form, actor_id) for form, actor_id in people if form in others) == []


def test_no_alias_is_a_month_or_weekday_name() -> None:
    """A derived short name such as "مايو" (Di Maio) would turn every date in May into a person."""
    import yaml

    from extractors.actors import actor_base
    from extractors.resources import data_path

    for lang in ("ar", "en"):
        table = yaml.safe_load(data_path(f"{lang}/dates.yaml").read_text(encoding="utf-8"))
        calendar = {str(n).lower() for key in ("months", "weekdays") for group in table[key].values() for n in group}
        clashes = [(actor.id, alias) for actor in actor_base().actors.values()
                   for alias in actor.aliases.get(lang, []) if alias.lower() in calendar]
        assert clashes == [], clashes


PEER_DATA = Path(__file__).resolve().parents[2] / "shared" / "peer-data"


@pytest.mark.skipif(not PEER_DATA.exists(), reason="the peer dictionaries are in ../shared, absent here")
def test_the_committed_actor_data_is_what_the_build_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tools/build_actors.py, run on the curated files, writes exactly the committed actors.jsonl and places.jsonl:
    a curated change (a demonym, a place) is not half-applied."""
    pytest.importorskip("babel")
    tools = Path(__file__).resolve().parents[1] / "tools"
    monkeypatch.syspath_prepend(str(tools))
    import build_actors

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (tmp_path / "tools").mkdir()
    monkeypatch.setattr(build_actors, "DATA", data)
    monkeypatch.setattr(build_actors, "ROOT", tmp_path)
    assert build_actors.main() == 0
    for name in ("actors.jsonl", "places.jsonl"):
        assert (data / name).read_text(encoding="utf-8") == (DATA_DIR / name).read_text(encoding="utf-8"), name
