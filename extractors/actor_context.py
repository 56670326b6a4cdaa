"""Actors within one article: later mentions (surname, bare title, "his counterpart") point back to the
people already named, before the knowledge base is asked.

    >>> from datetime import date
    >>> from extractors.actors import actor_base
    >>> seen = ArticleActors(actor_base(), at=date(2014, 11, 6))
    >>> seen.resolve("الرئيس الأمريكي، باراك أوباما").name
    'Barack Obama'
    >>> seen.resolve("الرئيس").name
    'Barack Obama'
    >>> [a.name for a in seen.resolve_group("كيري وظريف")]
    ['John Kerry', 'Javad Zarif']
"""

from __future__ import annotations

import re
from datetime import date

from .actor_phrases import COUNTERPART
from .actors import ActorBase, detect_lang, key
from .schema import Actor

GROUP_SPLIT = {"ar": re.compile(r"\s*(?:،|,|\s+و(?=\S))\s*"), "en": re.compile(r"\s*(?:,|\band\b|&)\s*")}


class ArticleActors:
    """Resolve the mentions of one article in order, remembering who has been named."""

    def __init__(self, base: ActorBase, *, at: date | None, country: str | None = None) -> None:
        self.base, self.at, self.country = base, at, country
        self.seen: list[Actor] = []

    def resolve(self, mention: str, *, lang: str | None = None, counterpart_of: str | None = None) -> Actor | None:
        """The actor of ``mention``; an apposition ("الرئيس الأمريكي، باراك أوباما") is one mention."""
        lang = lang or detect_lang(mention)
        found = self._from_article(mention, lang) or self.base.lookup(
            mention, at=self.at, lang=lang, country=self.country, counterpart_of=counterpart_of)
        if found is None and ("،" in mention or "," in mention):
            parts = [p for p in re.split(r"\s*[،,]\s*", mention) if p]
            found = next((a for a in (self.resolve(p, lang=lang) for p in reversed(parts)) if a), None)
        if found is not None and found not in self.seen:
            self.seen.append(found)
        return found

    def resolve_group(self, mention: str, *, lang: str | None = None) -> list[Actor]:
        """"كيري وظريف", "Kerry and Zarif": one actor per coordinated name (unresolved parts dropped)."""
        lang = lang or detect_lang(mention)
        whole = self.resolve(mention, lang=lang)
        if whole is not None:
            return [whole]
        parts = [p for p in GROUP_SPLIT[lang].split(mention.strip()) if p]
        return [a for a in (self.resolve(p, lang=lang) for p in parts) if a is not None]

    def _from_article(self, mention: str, lang: str) -> Actor | None:
        """A surname or bare title that fits someone already named in this article."""
        k = key(mention, lang)
        roles = self.base._role_table(lang)
        if k in roles and roles[k][1] is None and roles[k][0] != COUNTERPART:
            title = roles[k][0]
            holders = [a for a in reversed(self.seen) if (r := a.role_on(self.at)) and r.title == title]
            return holders[0] if holders else None
        if " " in k or not k:
            return None
        for actor in reversed(self.seen):
            if actor.kind != "person":
                continue
            forms = [actor.names.get(lang, ""), *actor.aliases.get(lang, [])]
            if any(k == key(f, lang).split()[-1] for f in forms if f):
                return actor
        return None


def provisional_person(name: str, *, lang: str, title: str | None = None, country: str | None = None) -> Actor:
    """An actor for a person the knowledge base does not know ("السفير فلان"), with a stable id.

    >>> provisional_person("Ambassador Jane Roe", lang="en", title="ambassador").id
    'person:new:jane-roe'
    """
    words = key(name, lang).split()
    titles = ActorBase.person_title_keys(lang)
    while len(words) > 1 and any(" ".join(words[:n]) in titles for n in (1, 2, 3)):
        cut = next(n for n in (3, 2, 1) if " ".join(words[:n]) in titles)
        words = words[cut:]
    clean = " ".join(words)
    slug = re.sub(r"[^\w]+", "-", clean).strip("-")
    shown = name if lang == "ar" else " ".join(w.capitalize() for w in clean.split())
    roles = [{"title": title, "of": country}] if title and country else []
    return Actor(id=f"person:new:{slug}", name=shown, names={lang: shown}, kind="person", country=country,
                 roles=roles, source="provisional: named in an article, not in the knowledge base")
