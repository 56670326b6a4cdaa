"""What a sentence's events take from the rest of the article: who a pronoun, an elided Arabic subject or "his
visit" stands for, whose letter a courier named later carried, and when "the next day" is.

News names a person in full once and then goes on with "he", "the minister", a verb with no subject ("والتقى
ببوتين"), "their meeting" or "حيث استقبله ...". ``extractors.events`` reads each sentence's triggers and roles; the
functions here fill what the sentence leaves to the ones before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from spacy.tokens import Doc, Span

from . import flags
from .actors import actor_base
from .clauses import SentenceFacts, Unit
from .date_lexer import lexicon as date_lexicon
from .dates import Anchor
from .doc_marks import sentence_starts
from .lexicon import Cues, event_types, trigger_rules
from .mentions import Mention
from .normalize import fold, folded, normalization_table
from .roles import Placed, Roles, coordinated_with, place_mentions
from .schema import CORRESPONDENCE, Event

RECENT = 50  # events looked back over for an anchor or a visit: the story's last turns, not a long article's all


@cache
def rule_forms(rule_id: str, lang: str) -> frozenset[str]:
    """A trigger rule's patterns, folded once: a suffixed word is checked against them ("استقبله", "زيارته")."""
    return frozenset(fold(p, lang) for p in trigger_rules(lang)[rule_id].patterns)


def sentence_subjects(doc: Doc, mentions: list[Mention]) -> tuple[list[int], list[Mention]]:
    """For each sentence that names a person, its start and the first person it names: whom an Arabic verb
    without a subject in a later sentence continues with ("وصل السيسي إلى موسكو. والتقى ببوتين")."""
    starts = sentence_starts(doc)
    found: dict[int, Mention] = {}
    for m in mentions:
        if m.actor is not None and m.actor.kind == "person":
            found.setdefault(starts[bisect_right(starts, m.start) - 1], m)
    return list(found), list(found.values())


def subject_before(subjects: tuple[list[int], list[Mention]], start: int) -> Mention | None:
    """The first person of the last sentence before ``start`` that names one."""
    index = bisect_left(subjects[0], start)
    return subjects[1][index - 1] if index else None


def place_at_the_visit(event: Event, earlier: list[Event]) -> None:
    """"Kerry arrived in Vienna on Sunday. He met Zarif ...": a meeting with no place of its own is where the last
    visit of one of its parties went, when their dates fit."""
    if event.location is not None or event.type == "visit" or event_types()[event.type].placeless:
        return
    visit = next((e for e in reversed(earlier[-RECENT:]) if e.type == "visit" and e.location is not None), None)
    parties = {r.id for r in event.participants}
    if visit is not None and visit.source is not None and visit.source.id in parties and (
            event.date is None or visit.date is None or event.date.start >= visit.date.start):
        event.location = visit.location


def last_day_told(events: list[Event]) -> Anchor:
    """The day of the article's last event dated to the day, and the month of its last dated event (a deadline
    looks ahead, so it is no anchor)."""
    dated = [e.date for e in events[-RECENT:] if e.date is not None and e.type != "deadline_set"]
    day = next((d.start for d in reversed(dated) if d.precision == "day"), None)
    return Anchor(day=day, month=dated[-1].start if dated else None)


def pronoun_before(unit: Unit, facts: SentenceFacts) -> bool:
    """"..., where he met Rubio", "زار الدوحة حيث التقى أمير قطر": a subject pronoun, or a word that goes on
    with the last subject, right before the verb."""
    return any((c.label_ == "pronouns" and c.end in (unit.start, unit.start - 1))
               or (c.label_ == "continuation" and c.end == unit.start) for c in facts.cue_spans)


def object_pronoun(doc: Doc, unit: Unit, table: Cues) -> bool:
    """"Putin met him", "واستقبله السيسي": the verb's object is a pronoun."""
    if doc.lang_ == "ar":
        return object_suffix(unit, table.object_pronoun)
    return unit.end < len(doc) and doc[unit.end].norm_ in table.object_pronoun


def met_the_last_subject(roles: Roles, person: Mention) -> None:
    """The pronoun object is the person the sentence before named first, when only one party is named here."""
    parties = [m for m in [roles.source, *roles.targets] if m is not None]
    if person.actor is None or len(parties) != 1 or parties[0].actor is person.actor:
        return
    roles.source = parties[0]
    roles.targets = [person]


def object_suffix(unit: Unit, suffixes: list[str] | None = None) -> bool:
    """An Arabic verb carrying its object as a pronoun suffix: "استقبله" is "استقبل" + "ه" (received him)."""
    token = unit.spans[0][0]
    word = fold(token.text, "ar")
    words = {word, token.norm_, word[1:] if word.startswith(("و", "ف")) else word}  # "واستقبله"
    forms = rule_forms(unit.rule.id, "ar")
    endings = suffixes if suffixes is not None else normalization_table("ar").suffixes
    # the written word ends with the pronoun (not a ta marbuta folded to "ه"), and the verb is the rule's, or the
    # rule lists the suffixed form itself ("التقاه")
    return any(token.text.endswith(s) and (w[: -len(s)] in forms or (w in forms and w == token.norm_))
               for w in words for s in endings)


def take_the_pronouns_person(roles: Roles, person: Mention, symmetric: bool, as_object: bool = False) -> None:
    """The pronoun is the subject of the sentence's last event ("flew to Washington, where he met Rubio"), or
    its object ("حيث استقبله ولي العهد": the one received)."""
    if person.actor is None or person.actor.kind != "person":
        return
    if symmetric:
        others = [m for m in [roles.source, *roles.targets] if m is not None and m.actor is not person.actor]
        if as_object and others:
            roles.source, roles.targets = others[0], [person, *others[1:]]
        else:
            roles.source, roles.targets = person, others
    elif roles.source is None:
        roles.source = person


def continue_the_subject(roles: Roles, placed: list[Placed], unit: Unit, verb: Span | None, facts: SentenceFacts,
                          mentions: list[Mention], symmetric: bool) -> None:
    """"وصل السيسي إلى موسكو. والتقى ببوتين": an Arabic verb that names no subject, only a marked partner
    or addressee, goes on with the first person of the last sentence that named one."""
    named = [p for p in placed if p.mention.actor is not None and p.marker in ("with", "to")]
    if not named or any(p.mention.actor is not None and p.marker in (None, "and", "from", "by") for p in placed):
        return
    first = verb if verb is not None and verb.start < unit.start else unit.spans[0]
    if any(m.start < first.start and m.actor is not None for m in mentions):
        return  # a subject named before the verb ("السيسي التقى ...")
    after = first.end
    if after < facts.sentence.end and after not in facts.known and not any(
            s.start <= after < s.end for s in unit.spans):
        return  # a word the lexicons do not know right after the verb is most often a name: its subject
    doc = facts.sentence.doc
    before = doc[facts.sentence.start : first.start]
    # date words, resolved or not ("وفي اليوم التالي" with no day told of yet), are no subject
    dated = [(before.start_char + a.start, before.start_char + a.end) for a in date_lexicon("ar").atoms(before.text)]
    unknown = [t.i for t in before if t.is_alpha and t.i not in facts.known
               and not any(start <= t.idx < end for start, end in dated)]
    if unknown:
        return  # a word the lexicons do not know before the event is most often its subject ("أجرى X اتصالا")
    subject = facts.subject_before
    if subject is None or any(p.mention.actor is subject.actor for p in named):
        return
    if symmetric:
        roles.source, roles.targets = subject, [p.mention for p in named]
    elif roles.source is None:
        roles.source = subject


def owned_by(doc: Doc, unit: Unit, owners: list[str], lang: str) -> bool:
    """"their meeting", "his visit" (a word before the noun), "لقائهما", "زيارته" (its suffix): whose it is."""
    head = unit.head[0]
    if lang == "ar":
        folded = fold(head.text, lang)
        forms = rule_forms(unit.rule.id, lang)
        return any(folded.endswith(fold(s, lang)) and (folded != head.norm_ or folded[: -len(s)] in forms
                                                        or folded[: -len(s)] + "ه" in forms) for s in owners)
    return head.i > 0 and doc[head.i - 1].norm_ in owners


def owners_in_main_clause(doc: Doc, facts: SentenceFacts, mentions: list[Mention], marker_ends: dict[int, str],
                           table: Cues, lang: str, head: Span, exclude: list[Mention]) -> list[Mention]:
    """"During their meeting in Doha, X and Y discussed ...": the first party named after the noun with no
    marker of its own (not "in Doha", "to Beijing") nor its object ("زيارته موسكو"), and those coordinated with it."""
    later = [m for m in mentions if m.start >= head.end and not facts.in_attribution(m)
             and all(m is not t for t in exclude)]
    placed = place_mentions(doc, later, head, marker_ends, table, lang, facts.known)
    first = next((i for i, p in enumerate(placed) if p.marker is None and p.mention.actor is not None), None)
    if first is None:
        return []
    owners = [placed[first].mention] + coordinated_with(placed[first:], placed[first].mention)
    return [m for m in owners if m.actor is not None]


def handed_to_a_pronoun(doc: Doc, unit: Unit, facts: SentenceFacts, table: Cues) -> bool:
    """"handed him a letter from Y to Z", "سلمه رسالة": the courier met "him", not necessarily Z."""
    for cue in (c for c in facts.cue_spans if c.label_ == "handover" and c.end <= unit.start):
        if doc.lang_ == "ar":
            word = fold(doc[cue.end - 1].text, "ar")
            if cue.end == unit.start and any(word.endswith(s) for s in table.handed_to_pronoun):
                return True
        elif cue.end < unit.start and doc[cue.end].norm_ in table.handed_to_pronoun:
            return True
    return False


def delivered_by(roles: Roles, placed: list[Placed], earlier: list[Event], head: Span) -> None:
    """"The letter was delivered to Tehran by Anwar Gargash": the one "by" whom the letter told of before came
    carried it; it stays the earlier writer's letter, to the same addressee when "to" names only his state."""
    agent = roles.source
    if agent is None or not any(p.mention is agent and p.marker == "by" for p in placed):
        return
    told = next((e for e in reversed(earlier) if e.type in CORRESPONDENCE and e.source is not None), None)
    base = actor_base()
    writer = base.actors.get(told.source.id) if told is not None and told.source is not None else None
    if told is None or writer is None or writer.id == (agent.actor.id if agent.actor else None):
        return
    roles.via = [agent, *roles.via]
    roles.source = Mention(head.start, head.start, "actor", actor=writer, text=writer.name)
    addressees = [base.actors.get(r.id) for r in told.targets]
    states = {m.actor.id for m in roles.targets if m.actor is not None and m.actor.kind == "state"}
    if roles.targets and len(states) == len(roles.targets) and all(
            a is not None and (a.id in states or a.country in states) for a in addressees):
        roles.targets = [Mention(head.start, head.start, "actor", actor=a, text=a.name) for a in addressees if a]


def contact_just_told(doc: Doc, facts: SentenceFacts) -> bool:
    """The sentence before told of a contact: "Trump wrote to Khamenei. The White House declined to comment."."""
    if not facts.earlier:
        return False
    starts = sentence_starts(doc)
    here = bisect_right(starts, facts.sentence.start) - 1
    previous = next((starts[i] for i in range(here - 1, -1, -1) if doc[starts[i]:starts[i + 1]].text.strip()), None)
    if previous is None:
        return False
    last = facts.earlier[-1].evidence[-1]
    return last.end > doc[previous].idx and last.start < facts.sentence.start_char


def discussed_in_the_last_contact(doc: Doc, event: Event, unit: Unit, facts: SentenceFacts) -> bool:
    """"Tamim received a call from Pezeshkian. The two leaders discussed the region": what the same parties
    discussed right after a contact, on no other day, belongs to that contact."""
    if not unit.rule.yields_across or not contact_just_told(doc, facts):
        return False
    last = facts.earlier[-1]
    return (last.type in unit.rule.yields_to and {r.id for r in last.participants} == {r.id for r in event.participants}
            and (event.date is None or event.date == last.date))


def the_two_sides(doc: Doc, roles: Roles, window: flags.Window, facts: SentenceFacts) -> None:
    """"Talks opened in Jeddah between the army and the RSF. The two sides agreed on a truce": with no parties of
    its own, a contact whose clause names "the two sides" is between the two of the contact told just before."""
    if roles.source is not None and roles.targets:
        return
    sides = next((c for c in facts.cue_spans if c.label_ == "sides" and window.holds(c)), None)
    if sides is None or not contact_just_told(doc, facts):
        return
    last = facts.earlier[-1]
    parties = [actor_base().actors.get(r.id) for r in last.participants]
    if not event_types()[last.type].symmetric or len(parties) != 2 or None in parties:
        return
    first, second = (Mention(sides.start, sides.end, "actor", actor=a, text=sides.text) for a in parties)
    roles.source, roles.targets = first, [second]


def relative_subject(doc: Doc, unit: Unit, facts: SentenceFacts, mentions: list[Mention]) -> Mention | None:
    """The name before a relative pronoun that opens the unit's clause ("Araghchi, who handed him a letter")."""
    relative = next((c for c in facts.cue_spans if c.label_ == "relative" and 0 <= unit.start - c.end <= 3), None)
    if relative is None:
        return None
    # past punctuation, a date and a place with their prepositions: "received Araghchi in Amman on Wednesday, who"
    skipped = facts.date_tokens()
    skipped |= {i for m in mentions if m.kind == "place" or m.place for i in range(m.start, m.end)}
    lead = folded(tuple(date_lexicon(doc.lang_).words.strong_context), doc.lang_)
    i = relative.start - 1
    while i >= facts.sentence.start and (
            doc[i].is_punct or i in skipped or (i + 1 in skipped and doc[i].norm_ in lead)):
        i -= 1
    return next((m for m in mentions if m.end == i + 1 and m.actor is not None), None)
