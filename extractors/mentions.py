"""Actor mentions of a document, resolved to actors.

The lexicon matcher marks names (ACTOR), role phrases (ROLE: "the U.S. president") and places (PLACE).
Here they become :class:`Mention` objects: appositions ("الرئيس الأمريكي، باراك أوباما") are one
mention, "<administration> <person>" stands for the person's state, "<official> <demonym>" and a
plural demonym ("the Iranians") stand for the state, bare titles and counterparts resolve from the
article's context, and unknown people named after a title become new person actors.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc, Span

from .actor_context import provisional_person
from .actors import ActorBase, actor_base
from .doc_marks import lexicon_spans, sentence_starts
from .normalize import fold
from .schema import CORRESPONDENCE, Actor, ActorRef

GAP_WORDS = {",", "،", "-", "–", "(", ")", "ayatollah", "اية", "الله", "mr.", "mr", "mrs.", "ms.", "dr.", "sheikh",
             "الشيخ", "السيد", "السيدة", "الدكتور", "his", "her", "majesty", "highness"}


@dataclass
class Mention:
    """One mention of an actor, a role or a place, by token offsets in the Doc."""

    start: int
    end: int
    # "actor" | "role" | "place", and until resolved "pair" ("the two leaders": one of them) or "pronoun" ("he")
    kind: str
    actor: Actor | None = None
    title: str | None = None
    country: str | None = None
    place: str | None = None
    text: str = ""
    state_of: bool = False  # stands for the state of the person or demonym it was built from

    @property
    def ref(self) -> ActorRef | None:
        return ActorRef(id=self.actor.id, name=self.actor.name) if self.actor else None


def _grouped_spans(doc: Doc) -> list[tuple[Span, dict[str, str]]]:
    """The longest non-overlapping actor spans, each with every label (and id) found on it."""
    labels: dict[tuple[int, int], dict[str, str]] = {}
    for span in lexicon_spans(doc, "actors"):
        labels.setdefault((span.start, span.end), {}).setdefault(span.label_, span.id_)
    def weight(bounds: tuple[int, int]) -> tuple[int, int]:
        # "The U.S." must not beat "U.S. president": a leading article adds no weight
        a, b = bounds
        lead = 1 if doc[a].norm_ in ("the", "a", "an") else 0
        return (-(b - a - lead), a)

    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for a, b in sorted(labels, key=weight):
        if not taken & set(range(a, b)):
            kept.append((a, b))
            taken.update(range(a, b))
    return [(doc[a:b], labels[(a, b)]) for a, b in sorted(kept)]


JOINERS = {"and", "و", ",", "،", "-", "–", "/"}


def _demonyms_naming_states(doc: Doc, grouped: list[tuple[Span, dict[str, str]]], cue_spans: list[Span]) -> set[int]:
    """Starts of demonyms that name their state: before an official ("Iranian officials", also past one
    adjective: "U.S. security officials"), right after a symmetric trigger ("المفاوضات الإيرانية
    الأمريكية"), and any demonym coordinated with one of those ("American and Iranian officials")."""
    from .lexicon import event_types

    officials = {s.start for s in cue_spans if s.label_ == "official"}
    official_ends = {s.end for s in cue_spans if s.label_ == "official"}
    symmetric = {t for t, spec in event_types().items() if spec.symmetric}
    # and the writer of a letter or message: "الرسالة الأمريكية", "رسالة إيرانية"
    after_trigger = {s.end for s in lexicon_spans(doc, "triggers") if s.label_ in symmetric | CORRESPONDENCE}
    demonyms = [span for span, labels in grouped if set(labels) == {"DEMONYM"}]
    found = {d.start for d in demonyms if d.end in officials or (d.end + 1 in officials and doc[d.end].is_alpha)
             or d.start in after_trigger or d.start in official_ends}
    changed = True
    while changed:
        changed = False
        for d in demonyms:
            if d.start in found:
                continue
            neighbours = [o for o in demonyms if o.start in found and (
                joined_by(doc, d.end, o.start) or joined_by(doc, o.end, d.start))]
            if neighbours:
                found.add(d.start)
                changed = True
    return found


def joined_by(doc: Doc, left_end: int, right_start: int) -> bool:
    """Two spans next to each other, or with only a conjunction between ("X and Y", "X-Y", "الإيرانية والأمريكية")."""
    if right_start < left_end:
        return False
    between = doc[left_end:right_start]
    if len(between) == 0:
        return True
    return len(between) == 1 and between[0].norm_ in JOINERS or doc[right_start].text.startswith("و") and not between


@cache
def _shared_norms(lang: str) -> frozenset[str]:
    """Names (as token norms) that more than one actor answers to."""
    from .pipeline import make_nlp

    nlp = make_nlp(lang)
    owners: dict[str, set[str]] = {}
    for phrase, actor_id in actor_base().name_patterns(lang):
        owners.setdefault(" ".join(t.norm_ for t in nlp.make_doc(phrase)), set()).add(actor_id)
    return frozenset(k for k, ids in owners.items() if len(ids) > 1)


def _shared_name(span: Span, base: ActorBase) -> bool:
    return " ".join(t.norm_ for t in span) in _shared_norms(span.doc.lang_)


@lru_cache(maxsize=4096)
def _dated_lookup(name: str, published: date | None) -> Actor | None:
    # the base does not change while articles are read, and a lookup walks every title and role phrase
    return actor_base().lookup(name, at=published)


def _is_plural(text: str, lang: str, suffixes: list[str]) -> bool:
    folded = fold(text, lang)
    return any(folded.endswith(fold(s, lang)) for s in suffixes)


def _span_mention(span: Span, labels: dict[str, str], base: ActorBase, published: date | None,
                  officials: dict[int, Span], plural: list[str], states_here: set[int]) -> Mention | None:
    """The mention a span stands for: a name, a capital used for its government, a role, a place, or a
    demonym that names a state ("the Iranians", "مسؤول أمريكي")."""
    place, _, place_country = labels.get("PLACE", "").partition("|")
    place = place or None
    if "ACTOR" in labels:
        actor = base.actors.get(labels["ACTOR"])
        # a name shared by several actors: the date decides
        dated = _dated_lookup(span.text, published) if _shared_name(span, base) else None
        if dated is not None and actor is not None and dated.id != actor.id:
            actor = dated  # the name is shared: the date decides
        return Mention(span.start, span.end, "actor", actor=actor or dated, text=span.text, place=place)
    if "METONYM" in labels:
        return Mention(span.start, span.end, "actor", actor=base.actors.get(labels["METONYM"]), text=span.text,
                       place=place)
    if "ROLE" in labels:
        title, _, country = labels["ROLE"].partition("|")
        return Mention(span.start, span.end, "role", title=title, country=country or None, text=span.text)
    if "DEMONYM" in labels:
        official = officials.get(span.start)
        if official is None and not _is_plural(span.text, span.doc.lang_, plural) and span.start not in states_here:
            return None
        start = official.start if official is not None else span.start
        return Mention(start, span.end, "actor", actor=base.actors.get(labels["DEMONYM"]), state_of=True,
                       text=span.doc[start : span.end].text)
    if place is not None:
        return Mention(span.start, span.end, "place", place=place, country=place_country or None, text=span.text)
    return None


def _only_gap_between(doc: Doc, left: Mention, right: Mention, titles: set[int], limit: int = 4) -> bool:
    """Only punctuation, honorifics and titles between two mentions ("الوزير، الأمير فيصل")."""
    between = doc[left.end : right.start]
    return len(between) <= limit and all(t.norm_ in GAP_WORDS or t.is_punct or t.i in titles for t in between)


def _state_before_person(doc: Doc, prev: Mention, mention: Mention, titles: set[int]) -> bool:
    if not (prev.actor and prev.actor.kind == "state" and mention.actor and mention.actor.kind == "person"):
        return False
    between = range(prev.end, mention.start)
    if not between:  # "المبعوث الأمريكي ستيف ويتكوف": the official's word is inside the state's mention
        return prev.state_of
    return len(between) <= 3 and all(i in titles or (doc[i].norm_ in GAP_WORDS and not doc[i].is_punct)
                                     for i in between)


def _merge_appositions(doc: Doc, mentions: list[Mention], titles: set[int]) -> list[Mention]:
    """A role next to a name of a person is one mention of that person, with the role's title kept."""
    merged: list[Mention] = []
    for mention in mentions:
        prev = merged[-1] if merged else None
        if prev and _state_before_person(doc, prev, mention, titles):
            # "U.S. envoy Steve Witkoff": the state only says whose envoy he is
            merged[-1] = Mention(prev.start, mention.end, "actor", actor=mention.actor,
                                 text=doc[prev.start : mention.end].text)
            continue
        if prev and _only_gap_between(doc, prev, mention, titles):
            pair = {prev.kind, mention.kind}
            if pair == {"role", "actor"}:
                person = prev if prev.kind == "actor" else mention
                role = mention if person is prev else prev
                # "التقى عراقجي وزير الخارجية العماني": another state's minister is a second person
                foreign = bool(role.country and person.actor and person.actor.country
                               and role.country != person.actor.country)
                if person.actor and person.actor.kind == "person" and not foreign:
                    merged[-1] = Mention(prev.start, mention.end, "actor", actor=person.actor, title=role.title,
                                         country=role.country, text=doc[prev.start : mention.end].text)
                    continue
        merged.append(mention)
    return merged


def resolve_role(mention: Mention, base: ActorBase, at: date | None, context: ArticleContext) -> Actor | None:
    """The actor a role phrase points to on ``at``: the holder, or, for a bare title, the article's last one."""
    if mention.title == "counterpart" and mention.country:
        partner = context.last_person
        if partner is None or partner.id not in base.actors:
            return None
        return base.counterpart(partner.id, mention.country, at, context.titles.get(partner.id))
    if mention.title and mention.country:
        return base.holder(mention.title, mention.country, at)
    if mention.title:
        return context.by_title.get(mention.title)
    return None


@dataclass
class ArticleContext:
    """What an article has said so far: the last person named under each title, and the last person."""

    by_title: dict[str, Actor] = field(default_factory=dict)
    people: list[Actor] = field(default_factory=list)  # every person named so far, the last named last
    states: list[Actor] = field(default_factory=list)  # and every state
    titles: dict[str, str] = field(default_factory=dict)  # the title each person was last named with

    @property
    def last_person(self) -> Actor | None:
        return self.people[-1] if self.people else None

    def remember(self, actor: Actor, at: date | None, title: str | None = None) -> None:
        named = self.states if actor.kind == "state" else self.people if actor.kind == "person" else None
        if named is not None:
            # by id: comparing pydantic models field by field made this a tenth of extraction time
            same = next((i for i, known in enumerate(named) if known.id == actor.id), None)
            if same is not None:
                del named[same]
            named.append(actor)
        if actor.kind != "person":
            return
        if title:
            self.titles[actor.id] = title
        role = actor.role_on(at)
        for t in {title, role.title if role else None} - {None}:
            self.by_title[t] = actor  # type: ignore[index]


def _state_of(actor: Actor | None, base: ActorBase) -> Actor | None:
    if actor is None or actor.kind == "state" or not actor.country:
        return actor
    return base.actors.get(actor.country)


def doc_mentions(doc: Doc, lang: str, published: date | None, context: ArticleContext,
                 cue_spans: list[Span]) -> list[Mention]:
    """Every actor, role and place mention of a Doc, in order, resolved as of ``published``."""
    from .lexicon import cues
    from .plural_roles import pair_member, plural_role_mentions

    base = actor_base()
    officials = {s.end: s for s in cue_spans if s.label_ == "official"}
    plural = cues(lang).demonym_plural
    grouped = _grouped_spans(doc)
    states_here = _demonyms_naming_states(doc, grouped, cue_spans)
    raw = [m for span, labels in grouped
           if (m := _span_mention(span, labels, base, published, officials, plural, states_here)) is not None]
    raw = plural_role_mentions(grouped, raw, base, published)  # "the Saudi and Iranian foreign ministers"
    titles = {i for s in cue_spans if s.label_ in ("person_title", "official") for i in range(s.start, s.end)}
    mentions = _merge_appositions(doc, sorted(raw, key=lambda m: m.start), titles)
    covered = {i for s in list(cue_spans) + lexicon_spans(doc, "triggers") for i in range(s.start, s.end)}
    covered |= {i for m in mentions for i in range(m.start, m.end)}
    _name_the_holders(doc, lang, cue_spans, covered, mentions, base, published)
    mentions = sorted(mentions + _unknown_people(doc, lang, cue_spans, covered), key=lambda m: m.start)
    mentions = sorted(mentions + _short_names(doc, lang, mentions, covered, titles), key=lambda m: m.start)
    # a pronoun that opens its sentence ("He met ...", "There he met ..."); one further in ("told him he would")
    # is the speaker logic's to read
    taken = {i for m in mentions for i in range(m.start, m.end)}
    starts = sentence_starts(doc)
    before_subject = taken | {i for s in lexicon_spans(doc, "triggers") for i in range(s.start, s.end)} | {
        i for s in cue_spans if s.label_ == "speech" for i in range(s.start, s.end)}
    mentions = sorted(mentions + [Mention(s.start, s.end, "pronoun", text=s.text) for s in cue_spans
                                  if s.label_ == "pronouns" and s.start not in taken
                                  and _opens_its_sentence(s.start, starts[bisect_right(starts, s.start) - 1],
                                                          before_subject)],
                      key=lambda m: m.start)
    # "وزيرا خارجية البلدين، كيري وظريف": the names in apposition say who the pair is
    mentions = [m for m in mentions if not (m.kind == "pair" and _person_named_at(doc, m.end, mentions))]
    subjects = _Subjects()
    before_admin = {s.end: s for s in cue_spans if s.label_ == "administration"}
    after_admin = {s.start: s for s in cue_spans if s.label_ == "administration"}
    for mention in mentions:
        admin = before_admin.get(mention.start) or after_admin.get(mention.end)
        if admin is not None and mention.actor is not None and mention.actor.kind == "person":
            mention.actor = _state_of(mention.actor, base)
            mention.start, mention.end = min(mention.start, admin.start), max(mention.end, admin.end)
            mention.state_of = True
        sentence = bisect_right(starts, mention.start)
        if sentence != subjects.sentence:
            subjects.previous = subjects.first or subjects.previous
            subjects.sentence, subjects.first = sentence, None
        if mention.kind == "pronoun":
            # "Obama wrote to Khamenei. He also called Rouhani": the last sentence's first person, its subject
            mention.actor, mention.kind = subjects.previous, "actor"
            subjects.first = subjects.first or mention.actor
            continue
        if mention.kind == "pair":  # "the two leaders", "وزيرا خارجية البلدين": the last two named before
            mention.actor, mention.kind = pair_member(mention, context, base, published), "actor"
            continue  # it refers back: who was named last stays as it was
        if mention.kind == "role":
            mention.actor = resolve_role(mention, base, published, context)
        if mention.actor is not None:
            context.remember(mention.actor, published, mention.title)
            if subjects.first is None and mention.actor.kind == "person":
                subjects.first = mention.actor
    return mentions


@dataclass
class _Subjects:
    """The first person named in the current sentence and in the one before: what "he" most often means."""

    sentence: int = -1
    first: Actor | None = None
    previous: Actor | None = None


PRONOUN_REACH = 2  # tokens a subject pronoun may stand from its sentence's start ("But then he ...")
OPENING_REACH = 5  # or further, past words the lexicons do not know ("The next day he ...", "On Monday, he")


def _opens_its_sentence(start: int, sentence_start: int, blocking: set[int]) -> bool:
    """A pronoun is the subject of its sentence near its start, before any name, trigger or verb of saying."""
    reach = start - sentence_start
    return reach <= PRONOUN_REACH or (
        reach <= OPENING_REACH and not blocking.intersection(range(sentence_start, start)))


def _person_named_at(doc: Doc, start: int, mentions: list[Mention]) -> bool:
    """A person is named right at ``start``, past any punctuation."""
    while start < len(doc) and doc[start].is_punct:
        start += 1
    return any(m.start == start and m.kind == "actor" and m.actor is not None and m.actor.kind == "person"
               for m in mentions)


def _known_holder(name: str, lang: str, mention: Mention, base: ActorBase, published: date | None) -> Actor | None:
    """"Jordan's King Abdullah": a short name after a role phrase is the office holder when the name is his."""
    holder = base.holder(mention.title, mention.country, published) if mention.title and mention.country else None
    if holder is None:
        return None
    words = set(fold(name, lang).split())
    names = [holder.name, *holder.names.values(), *(a for forms in holder.aliases.values() for a in forms)]
    return holder if any(words <= set(fold(n, lang).split()) for n in names) else None


def _name_tokens(doc: Doc, start: int, lang: str, covered: set[int]) -> int:
    """How many tokens from ``start`` read as a name: capitalised words in English, up to three
    unknown words in Arabic, never crossing punctuation or a word the lexicons know."""
    end = start
    while end < len(doc) and end - start < 3 and end not in covered and doc[end].is_alpha:
        if lang == "en" and not doc[end].text[:1].isupper():
            break
        end += 1
    return end - start


def _name_the_holders(doc: Doc, lang: str, cue_spans: list[Span], covered: set[int], mentions: list[Mention],
                      base: ActorBase, published: date | None) -> None:
    """"Jordan's King Abdullah": a role phrase ending in (or followed by) a title, then a name the base does not
    know alone, is the office holder when the name is one of his; the role mention takes the name in."""
    role_ends = {m.end: m for m in mentions if m.kind == "role" and m.title and m.country}
    # the title ends the role phrase ("Jordan's King"), or follows it ("Saudi Foreign Minister Prince Faisal")
    for title in (s for s in cue_spans if s.label_ == "person_title" and (s.end in role_ends or s.start in role_ends)):
        size = _name_tokens(doc, title.end, lang, covered)
        if not size:
            continue
        role, name = role_ends.get(title.end) or role_ends[title.start], doc[title.end : title.end + size]
        holder = _known_holder(name.text, lang, role, base, published)
        if holder is not None:
            role.kind, role.actor, role.end, role.text = "actor", holder, name.end, doc[role.start : name.end].text
            covered.update(range(title.start, name.end))


def _unknown_people(doc: Doc, lang: str, cue_spans: list[Span], covered: set[int]) -> list[Mention]:
    """A name the base does not know, right after a title ("Ambassador Jane Doe", "السفير فلان الفلاني")."""
    found: list[Mention] = []
    for title in (s for s in cue_spans if s.label_ == "person_title"):
        size = _name_tokens(doc, title.end, lang, covered)
        if size < (1 if lang == "en" else 2):
            continue
        name = doc[title.end : title.end + size]
        actor = provisional_person(name.text, lang=lang, title=title.text)
        text = doc[title.start : name.end].text
        found.append(Mention(title.start, name.end, "actor", actor=actor, title=title.text, text=text))
        covered.update(range(title.start, name.end))
    return found


def _short_names(doc: Doc, lang: str, mentions: list[Mention], covered: set[int], titles: set[int]) -> list[Mention]:
    """A person named in full, later called by one part of the name ("Kim Jong Un" ... "Kim",
    "السفير كريم الدوري" ... "الدوري"): the same actor. Given names that many share are not enough."""
    from .lexicon import cues

    common = {fold(n, lang) for n in cues(lang).given_names}
    known: dict[str, tuple[int, Actor]] = {}
    for m in mentions:
        if m.actor is None or m.actor.kind != "person" or m.kind != "actor":
            continue
        words = [t for t in doc[m.start : m.end] if t.is_alpha and t.i not in titles]
        if len(words) < 2:
            continue
        for token in (words[0], words[-1]):
            if token.norm_ not in common and len(token.norm_) > 2:
                known.setdefault(token.norm_, (m.end, m.actor))
    found: list[Mention] = []
    if not known:
        return found
    # look only where a known norm stands, found in one pass over the norm ids
    wanted = {doc.vocab.strings.add(norm): norm for norm in known}
    norms = doc.to_array(NORM)
    for i in numpy.flatnonzero(numpy.isin(norms, numpy.fromiter(wanted, dtype=norms.dtype))):
        token = doc[int(i)]
        hit = known[wanted[int(norms[i])]]
        if token.i in covered or token.i < hit[0]:
            continue
        if lang == "en" and not token.text[:1].isupper():
            continue
        found.append(Mention(token.i, token.i + 1, "actor", actor=hit[1], text=token.text))
        covered.add(token.i)
    return found
