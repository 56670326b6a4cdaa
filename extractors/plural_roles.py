"""Plural role phrases: one role mention per state coordinated with a plural title.

"the Saudi and Iranian foreign ministers", "the leaders of Egypt and Jordan", "وزيرا خارجية السعودية وإيران",
"وزيرا الخارجية السعودي والإيراني": the pipeline marks the plural title (``PLURAL_ROLE``, forms in
``data/<lang>/titles.yaml`` under ``plurals``); here the states named before it (adjectives) or after it
("of", a construct, nisba adjectives) become one role mention each, resolved like "the Saudi foreign minister".
A plural title with fewer than two states ("Iran's leaders") is left alone. A pair phrase ("the two leaders",
"الزعيمان", ``pairs`` in titles.yaml) gives two mentions of kind "pair": the last two people the article named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Span

from .actor_phrases import titles_file
from .actors import ActorBase
from .mentions import ArticleContext, Mention, joined_by
from .schema import Actor

OF_WORDS = {"of", "from", "the"}  # "the leaders of Egypt and Jordan", "ministers from Iran and Oman"


@dataclass
class PairMention(Mention):
    """One of two actors named by a pair phrase, resolved from the article when the mentions are read in order."""

    index: int = 0
    of_states: bool = False  # "the two countries": states; else people ("the two leaders")
    titles: list[str] = field(default_factory=list)  # "وزيرا خارجية البلدين": the holders of these in those states


def pair_member(mention: Mention, context: ArticleContext, base: ActorBase, at: date | None) -> Actor | None:
    """The actor a pair mention stands for: one of the last two people (or states, or their office holders)."""
    if not isinstance(mention, PairMention):
        return None
    named = context.states if mention.of_states else context.people
    if len(named) < 2:
        return None
    actor = named[-2:][mention.index]
    for title in mention.titles:
        holder = base.holder(title, actor.id, at)
        if holder is not None:
            return holder
    return actor


@cache
def plural_role_forms(lang: str) -> dict[str, list[str]]:
    return titles_file(lang).plurals


@cache
def pair_forms(lang: str, states: bool = False) -> list[str]:
    table = titles_file(lang)
    return table.pair_states if states else table.pairs


def _state_of(span: Span, labels: dict[str, str], base: ActorBase) -> str | None:
    """The state a span names: a demonym, a state's name, or a capital standing for it."""
    for label in ("DEMONYM", "ACTOR", "METONYM"):
        actor = base.actors.get(labels.get(label, ""))
        if actor is not None and actor.kind == "state":
            return actor.id
    return None


def _chain(doc, states: list[tuple[Span, str]], first: int, step: int) -> list[tuple[Span, str]]:
    """The states coordinated from ``states[first]`` onwards (step 1) or backwards (step -1)."""
    chain = [states[first]]
    i = first + step
    while 0 <= i < len(states):
        a, b = (chain[-1][0], states[i][0]) if step > 0 else (states[i][0], chain[-1][0])
        if not joined_by(doc, a.end, b.start):
            break
        chain.append(states[i])
        i += step
    return chain if step > 0 else chain[::-1]


def plural_role_mentions(grouped: list[tuple[Span, dict[str, str]]], mentions: list[Mention], base: ActorBase,
                         published: date | None) -> list[Mention]:
    """``mentions`` with the states coordinated with a plural title replaced by one role mention each."""
    plurals = [(span, labels["PLURAL_ROLE"]) for span, labels in grouped if "PLURAL_ROLE" in labels]
    pairs: list[Mention] = [PairMention(span.start, span.end, "pair", text=span.text, index=n)
                            for span, labels in grouped if "PAIR" in labels for n in (0, 1)]
    two_states = {span.start: span for span, labels in grouped if "PAIR_STATES" in labels}
    if not plurals and not two_states:
        return sorted(mentions + pairs, key=lambda m: m.start) if pairs else mentions
    doc = next(iter(two_states.values())).doc if two_states else plurals[0][0].doc
    states = [(span, iso) for span, labels in grouped if (iso := _state_of(span, labels, base)) is not None]
    replaced: set[int] = set()
    found: list[Mention] = []
    for title_span, titles in plurals:
        chain = _chain_around(doc, title_span, states)
        after = _after_of(doc, title_span)  # "of the two countries": the phrase may hold its "the"
        both = two_states.pop(after, None) or two_states.pop(after - 1, None)
        if both is not None and len(chain) < 2:  # "وزيرا خارجية البلدين", "the foreign ministers of both countries"
            pairs += [PairMention(title_span.start, both.end, "pair", text=doc[title_span.start : both.end].text,
                                  index=n, of_states=True, titles=titles.split("|")) for n in (0, 1)]
            continue
        if len(chain) < 2:
            continue
        start = min(title_span.start, chain[0][0].start)
        for n, (span, iso) in enumerate(chain):
            title = next((t for t in titles.split("|") if base.holder(t, iso, published) is not None), None)
            first, last = (start if n == 0 else span.start), (max(span.end, title_span.end) if n == len(chain) - 1
                                                                else span.end)
            text = doc[first:last].text
            if title is None:  # no holder known: the state itself takes part
                found.append(Mention(first, last, "actor", actor=base.actors[iso], state_of=True, text=text))
            else:
                found.append(Mention(first, last, "role", title=title, country=iso, text=text))
            replaced.update(range(span.start, span.end))
        replaced.update(range(title_span.start, title_span.end))
    pairs += [PairMention(s.start, s.end, "pair", text=s.text, index=n, of_states=True)
              for s in two_states.values() for n in (0, 1)]  # "talks between the two countries"
    kept = [m for m in mentions if not replaced & set(range(m.start, m.end))]
    pairs = [m for m in pairs if m.start not in replaced]  # "وزيرا الخارجية السعودي والإيراني" names its two
    return sorted(kept + found + pairs, key=lambda m: m.start)


def _chain_around(doc, title_span: Span, states: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The coordinated states right before the title (adjectives) or right after it (of / construct / nisba)."""
    before = [i for i, (s, _) in enumerate(states) if s.end == title_span.start]
    if before:
        return _chain(doc, states, before[0], -1)
    gap = _after_of(doc, title_span)
    after = [i for i, (s, _) in enumerate(states) if s.start == gap]
    if not after or (doc.lang_ == "ar" and _marked(states[after[0]][0])):
        return []  # "رئيسا لمصر": a president for Egypt
    return _chain(doc, states, after[0], 1)


def _after_of(doc, title_span: Span) -> int:
    """Where what a plural title is "of" starts: right after it, or past "of the" / "from"."""
    gap = title_span.end
    while gap < len(doc) and doc[gap].norm_ in OF_WORDS and gap - title_span.end < 2:
        gap += 1
    return gap


def _marked(span: Span) -> bool:
    from .roles import proclitic

    first = span[0]
    return proclitic(first.text, first.norm_, "ar").endswith(("ل", "ب"))
