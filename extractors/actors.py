"""The actor knowledge base and resolver: any name, alias or role phrase, in Arabic or English, to an Actor.

Data: ``data/actors.jsonl`` (built by tools/build_actors.py), ``data/places.jsonl`` (places and the capitals
news uses for governments), ``data/<lang>/titles.yaml`` (titles, nisba adjectives / demonyms).

    >>> base = actor_base()
    >>> base.lookup("الرئيس الأمريكي", at=date(2014, 11, 6)).name
    'Barack Obama'
    >>> base.lookup("the U.S. president", at=date(2019, 5, 1)).name
    'Donald Trump'
    >>> base.lookup("لخامنئي").name
    'Ali Khamenei'
    >>> base.holder("foreign_minister", "IRN", date(2025, 6, 1)).name
    'Abbas Araghchi'

Capitals used for their government ("talks with Tehran") are metonyms: ``lookup`` falls back to them after
every actor name, ``name_patterns`` leaves them out and ``metonym_patterns`` lists them, so the event engine
decides when a capital is an actor and when it is a place.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from datetime import date
from functools import cache

from .actor_demonyms import Demonyms
from .actor_keys import (
    Context,
    Place,
    RolesFile,
    counterpart_groups,
    detect_lang,
    key,
    roles_file,
    strip_possessive,
    strip_the,
)
from .actor_phrases import COUNTERPART, RolePattern, role_patterns, titles_file
from .errors import ActorNotFound
from .normalize import Normalizer
from .resources import data_path, read_jsonl
from .schema import Actor, Role

__all__ = ["ActorBase", "Context", "Place", "RolesFile", "actor_base", "detect_lang", "key"]

ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
KIND_ORDER = {"state": 0, "organization": 1, "group": 2, "person": 3}


class ActorBase:
    """All actors, indexed by every name in both languages, with dated roles for role phrases."""

    def __init__(self, actors: list[Actor], places: list[Place]) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.places = places
        self._names: dict[str, dict[str, list[str]]] = {"ar": defaultdict(list), "en": defaultdict(list)}
        self._holders: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
        for actor in actors:
            for lang, forms in self._surfaces(actor).items():
                for form in forms:
                    ids = self._names[lang][key(form, lang)]
                    if actor.id not in ids:
                        ids.append(actor.id)
            for role in actor.roles:
                self._holders[(role.title, role.of)].append((role, actor.id))
        self._roles: dict[str, dict[str, tuple[str, str | None]]] = {}
        self._role_lists: dict[str, list[RolePattern]] = {}
        self.demonyms = Demonyms()
        self._places: dict[str, dict[str, Place]] = {"ar": {}, "en": {}}
        for place in places:
            for lang in ("ar", "en"):
                for form in [place.names[lang], *place.aliases.get(lang, [])]:
                    self._places[lang].setdefault(key(form, lang), place)
        self._normalizers: dict[str, Normalizer] = {}
        self._acronyms: set[str] | None = None

    @staticmethod
    def _surfaces(actor: Actor) -> dict[str, list[str]]:
        return {lang: [actor.names[lang], *actor.aliases.get(lang, [])] for lang in ("ar", "en") if lang in actor.names}

    # -- lazily built tables --------------------------------------------------------------------------------
    def _role_table(self, lang: str) -> dict[str, tuple[str, str | None]]:
        if lang not in self._roles:
            states = [a for a in self.actors.values() if a.kind == "state"]
            self._role_lists[lang] = role_patterns(lang, states)
            table: dict[str, tuple[str, str | None]] = {}
            for phrase, title, of in self._role_lists[lang]:
                table.setdefault(key(phrase, lang), (title, of))
            self._roles[lang] = table
        return self._roles[lang]

    @staticmethod
    @cache
    def person_title_keys(lang: str) -> frozenset[str]:
        """Titles stripped before a name ("Mr", "الشيخ", "Ambassador"), as comparison keys."""
        return frozenset(key(t, lang) for t in titles_file(lang).person_titles)

    def _normalizer(self, lang: str) -> Normalizer:
        if lang not in self._normalizers:
            heads = {k.split()[0] for k in self._names[lang] if k}
            heads |= {k.split()[0] for k in self._role_table(lang) if k}
            heads |= {k.split()[0] for k in self._places[lang] if k}
            heads |= {k.split()[0] for k in self.demonyms.plurals(lang) if k}
            self._normalizers[lang] = Normalizer(lang, heads)
        return self._normalizers[lang]

    # -- the API ------------------------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError names the id when there is none."""
        try:
            return self.actors[actor_id]
        except KeyError:
            raise KeyError(f"no actor with id {actor_id!r}") from None

    def lookup(
        self,
        name: str,
        *,
        at: date | None = None,
        lang: str | None = None,
        metonyms: bool = True,
        country: str | None = None,
        counterpart_of: str | None = None,
    ) -> Actor | None:
        """The actor a name, alias or role phrase stands for on ``at`` (None: today's holders), or None.

        With ``metonyms`` a capital that stands for its government ("طهران") gives the state. A bare title
        ("الرئيس", "the president") resolves only with the article's ``country``; a counterpart phrase
        ("نظيره الإيراني") only with ``counterpart_of``, the id of the other participant.
        """
        lang = lang or detect_lang(name)
        if lang == "en" and self._lowercase_acronym(name):
            return None  # "Un" in "Kim Jong Un", "us": acronyms answer only in capitals
        context = Context(at, country, counterpart_of)
        for candidate in self._candidates(name, lang):
            found = self._match(candidate, lang, context)
            if found is not None:
                return found
        plurals = self.demonyms.plurals(lang)
        extra = [self.demonyms.stem(key(name, lang))] if lang == "ar" else []
        for candidate in [*self._candidates(name, lang), *extra]:
            if candidate in plurals:  # "للإيرانيين", "the Iranians": the state's side
                return self.actors.get(plurals[candidate])
        place = self._place(name, lang)
        if metonyms and place is not None and place.metonym:
            return self.actors.get(place.country)
        return None

    def _lowercase_acronym(self, name: str) -> bool:
        if self._acronyms is None:
            surfaces: dict[str, list[str]] = defaultdict(list)
            for actor in self.actors.values():
                for form in self._surfaces(actor).get("en", []):
                    surfaces[key(form, "en")].append(form)
            self._acronyms = {k for k, forms in surfaces.items()
                              if all(ACRONYM.fullmatch(strip_the(f)) for f in forms)}
        text = strip_the(strip_possessive(name))
        return key(text, "en") in self._acronyms and not text.isupper()

    def resolve(self, name: str, *, at: date | None = None) -> Actor:
        """Like ``lookup`` but raises ActorNotFound with the closest known name."""
        found = self.lookup(name, at=at)
        if found is None:
            raise ActorNotFound(name, suggestion=self.suggest(name))
        return found

    def suggest(self, name: str) -> str | None:
        lang = detect_lang(name)
        close = difflib.get_close_matches(key(name, lang), list(self._names[lang]), n=1, cutoff=0.6)
        return self._choose(self._names[lang][close[0]], None).names[lang] if close else None

    def holder(self, title: str, of: str, at: date | None) -> Actor | None:
        """Who held ``title`` of ``of`` (ISO3 or organisation id) on ``at``; None for today's holder."""
        held = [(role, actor_id) for role, actor_id in self._holders.get((title, of), []) if role.holds_on(at)]
        if not held or (len({a for _, a in held}) > 1 and title in roles_file().plural_titles):
            return None
        return self.actors[max(held, key=lambda pair: (pair[0].start or date.min, pair[1]))[1]]

    def name_patterns(self, lang: str) -> list[tuple[str, str]]:
        """(surface phrase, actor id) for every name and alias in ``lang``; places and metonyms excluded."""
        pairs = {(form, a.id) for a in self.actors.values() for form in self._surfaces(a).get(lang, []) if form}
        return sorted(pairs)

    def role_patterns(self, lang: str) -> list[RolePattern]:
        """(surface phrase, title, ISO3 / organisation id / None for bare titles); title "counterpart" too."""
        self._role_table(lang)
        return list(self._role_lists[lang])

    def demonym_country(self, word: str, lang: str) -> str | None:
        """The state a nisba adjective or demonym names: "الإيراني" -> "IRN", "Iranian" -> "IRN"."""
        k = key(strip_possessive(word) if lang == "en" else word, lang)
        found = self.demonyms.country(k, lang)
        if found is None:
            states = [self.actors[i] for i in self._names[lang].get(k, []) if self.actors[i].kind == "state"]
            found = states[0].id if states else None
        return found

    def place(self, name: str, lang: str) -> str | None:
        """The ISO3 country of a place name ("Muscat" -> "OMN"), or None."""
        found = self._place(name, lang)
        return found.country if found else None

    def place_patterns(self, lang: str) -> list[tuple[str, str, str]]:
        """(surface phrase, English name, ISO3 country) for every place."""
        return sorted({(f, p.name, p.country) for p in self.places for f in [p.names[lang], *p.aliases.get(lang, [])]
                       if f})

    def metonym_patterns(self, lang: str) -> list[tuple[str, str]]:
        """(surface phrase, state id) for capitals that news uses for their government."""
        return sorted({(f, p.country) for p in self.places if p.metonym
                       for f in [p.names[lang], *p.aliases.get(lang, [])]})

    # -- matching -------------------------------------------------------------------------------------------------
    def _place(self, name: str, lang: str) -> Place | None:
        k = key(strip_possessive(name) if lang == "en" else name, lang)
        found = self._places[lang].get(k)
        if found is None and lang == "ar" and k:
            head, *rest = k.split()
            found = self._places[lang].get(" ".join([self._normalizer(lang).norm(head), *rest]))
        return found

    def _candidates(self, name: str, lang: str) -> list[str]:
        """Keys to try, most literal first: as written, without clitics, without possessive."""
        k = key(name, lang)
        out = [k]
        if lang == "en":
            out.append(key(strip_possessive(name), lang))
            owner = re.match(r"^(.+?)['’]s\s+(.+)$", name.strip())
            if owner and self.demonym_country(owner.group(1), lang):  # "Egypt's Sisi"
                out.append(key(strip_possessive(owner.group(2)), lang))
        elif k:
            head, *rest = k.split()
            if not self._is_demonym(head):  # "الإيراني" is an adjective, not "إيران" + a suffix
                out.append(" ".join([self._normalizer(lang).norm(head), *rest]))
        return list(dict.fromkeys(c for c in out if c))

    def _is_demonym(self, word: str) -> bool:
        stem = self.demonyms.stem(word)
        return stem in self.demonyms.table("ar") and stem not in self._names["ar"]

    def counterpart(self, other_id: str, country: str | None, at: date | None, title: str | None = None
                    ) -> Actor | None:
        """The holder in ``country`` of the office that corresponds to the role ``other_id`` holds on ``at``; of
        several roles held that day, the one named ``title`` first, then the higher office (Rubio as secretary of
        state, not as national security adviser)."""
        if country is None:
            return None
        groups = counterpart_groups()
        rank = {t: i for i, group in reversed(list(enumerate(groups))) for t in group}  # an office's first group
        held = [r for r in self.get(other_id).roles if r.holds_on(at)]
        # the title named first, then the higher office (the groups' order), then the latest
        held.sort(key=lambda r: (r.title != title, rank.get(r.title, len(groups)), -(r.start or date.min).toordinal()))
        for role in held:
            for group in groups:
                if role.title in group:
                    for office in group:
                        found = self.holder(office, country, at)
                        if found is not None:
                            return found
        return None

    def _match(self, k: str, lang: str, context: Context, depth: int = 0) -> Actor | None:
        at = context.at
        if k in self._names[lang]:
            return self._choose(self._names[lang][k], at)
        roles = self._role_table(lang)
        if k in roles:
            title, of = roles[k]
            if title == COUNTERPART:
                return self.counterpart(context.counterpart_of, of, at) if context.counterpart_of else None
            of = of or context.country
            return self.holder(title, of, at) if of else None
        if depth < 2:
            return self._strip_title(k, lang, context, depth)
        return None

    def _strip_title(self, k: str, lang: str, context: Context, depth: int) -> Actor | None:
        """"President Rouhani", "Saudi King Salman", "تميم بن حمد أمير قطر": a title or role phrase around a name."""
        words = k.split()
        roles = self._role_table(lang)
        titles = self.person_title_keys(lang)
        for cut in range(len(words) - 1, 0, -1):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if head in titles or head in roles:
                found = self._match(rest, lang, context, depth + 1)
                if found is not None and found.kind == "person":
                    return found
                found = self._holder_named(roles.get(head), rest, lang, context)
                if found is not None:
                    return found
        for cut in range(1, len(words)):
            name, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if tail in roles:
                found = self._match(name, lang, context, depth + 1)
                if found is not None and found.kind == "person":
                    return found
        return None

    def _holder_named(
        self, role: tuple[str, str | None] | None, rest: str, lang: str, context: Context
    ) -> Actor | None:
        """The holder of a role whose names contain the words after it ("Saudi King" + "Salman")."""
        if role is None or role[0] == COUNTERPART:
            return None
        title, of = role[0], role[1] or context.country
        wanted = set(rest.split())
        pairs = self._holders.get((title, of), []) if of else [
            pair for (t, _), held in self._holders.items() if t == title for pair in held]
        matches = {aid for r, aid in pairs if r.holds_on(context.at) and wanted <= self._name_words(aid, lang)}
        return self.actors[matches.pop()] if len(matches) == 1 else None

    def _name_words(self, actor_id: str, lang: str) -> set[str]:
        forms = self._surfaces(self.actors[actor_id]).get(lang, [])
        return {word for form in forms for word in key(form, lang).split()}

    def _choose(self, ids: list[str], at: date | None) -> Actor:
        """Among actors sharing a name: the one holding a role on ``at``, else the latest before it."""
        actors = [self.actors[i] for i in ids]
        if len(actors) == 1:
            return actors[0]

        def rank(actor: Actor) -> tuple:
            holding = actor.role_on(at) is not None
            past = [r.end or r.start or date.min for r in actor.roles if at is None or (r.start or date.min) <= at]
            return (holding, max(past, default=date.min), -KIND_ORDER[actor.kind], actor.id)

        return max(actors, key=rank)


@cache
def actor_base() -> ActorBase:
    """The knowledge base, loaded once per process."""
    return ActorBase(read_jsonl("actors.jsonl", Actor), read_jsonl(data_path("places.jsonl"), Place))
