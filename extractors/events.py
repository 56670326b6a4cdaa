"""Assembling events: triggers, their clauses, roles, dates and flags, then one event per real event.

For each sentence the triggers are grouped (a verb and the noun it governs are one event), each
group gets its clause (from the previous trigger or clause break to the next), and the clause's
mentions fill the roles (``extractors.roles``); what a sentence leaves to the ones before it (a pronoun, an
elided subject, "the next day") comes from ``extractors.discourse``. Repeated mentions of the same event in one
article are merged into one event with several evidence spans.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from datetime import date

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import flags
from .actors import actor_base
from .clauses import (
    GOVERNING,
    SentenceFacts,
    Unit,
    clause_window,
    coordinated,
    definite,
    event_date,
    governing_verb,
    has_contact,
    needed_cue,
    possessive_suffix,
    relative_verb,
    repeats,
    sentence_facts,
    trigger_units,
)
from .discourse import (
    contact_just_told,
    continue_the_subject,
    delivered_by,
    discussed_in_the_last_contact,
    handed_to_a_pronoun,
    last_day_told,
    met_the_last_subject,
    object_pronoun,
    object_suffix,
    owned_by,
    owners_in_main_clause,
    place_at_the_visit,
    pronoun_before,
    relative_subject,
    sentence_subjects,
    subject_before,
    take_the_pronouns_person,
    the_two_sides,
)
from .doc_marks import lexicon_spans, sentence_starts
from .lexicon import Cues, cues, event_types, trigger_rules
from .mentions import ArticleContext, Mention, doc_mentions, resolve_role
from .merge_article import merge_article_events
from .replies import about_correspondence, answered_event, reply_parts, reply_targets, reply_type, without_reply
from .roles import Placed, Roles, coordinated_with, destination_first, fill_roles, place_mentions, proclitic
from .schema import CORRESPONDENCE, Actor, ActorRef, Article, Event, Evidence
from .sentence_rules import (
    absorb_into_deadlines,
    apply_denials,
    bind_deadline_parties,
    bind_preposed_parties,
    drop_told_handovers,
    handover_meeting,
    implied_visit,
    visited_states,
)


def _ref(mention: Mention | None) -> ActorRef | None:
    return mention.ref if mention is not None else None


def _event_id(article: Article, label: str, char: int) -> str:
    return "ev-" + hashlib.sha1(f"{article.id}|{label}|{char}".encode()).hexdigest()[:16]


def doc_events(doc: Doc, article: Article) -> list[Event]:
    """Every event of an article's Doc, merged so that each real event appears once."""
    lang = article.lang or "en"
    published = article.date
    rules, table = trigger_rules(lang), cues(lang)
    cue_spans = sorted(lexicon_spans(doc, "cues"), key=lambda s: (s.start, -len(s)))
    marker_ends: dict[int, str] = {}
    for s in sorted((s for s in cue_spans if s.label_.startswith("marker:")), key=len):
        marker_ends[s.end] = s.label_.split(":", 1)[1]
    context = ArticleContext()
    mentions = doc_mentions(doc, lang, published, context, cue_spans)
    triggers = filter_spans(lexicon_spans(doc, "triggers"))
    known = {i for s in list(cue_spans) + triggers for i in range(s.start, s.end)}
    known |= {i for m in mentions for i in range(m.start, m.end)}
    events: list[Event] = []
    anaphors: list[tuple[Event, Unit]] = []
    sentences = _sentences_with(triggers, doc)
    subjects = sentence_subjects(doc, mentions)
    for sentence in sentences:
        spans = _starting_in(triggers, sentence)
        here = _starting_in(mentions, sentence)
        facts = sentence_facts(doc, sentence, _starting_in(cue_spans, sentence), lang, published, here,
                               last_day_told(events))
        facts.known = known
        facts.earlier = events
        facts.subject_before = subject_before(subjects, sentence.start)
        units = trigger_units(doc, spans, rules, facts)
        facts.windows = {id(u): clause_window(u, units, facts)[0] for u in units}
        facts.units = units
        built = [
            found for unit in units
            for found in _unit_events(doc, article, unit, units, facts, here, marker_ends, table, context)
        ]
        apply_denials(built)
        built = drop_told_handovers(built)
        built = bind_deadline_parties(built, events[-1] if events else None)
        built = bind_preposed_parties(built)
        built = [b for b in built if not discussed_in_the_last_contact(doc, b[0], b[1], facts)]
        for event, unit, complete in built:
            if complete:
                place_at_the_visit(event, events)
                events.append(event)
            elif event.type != "deadline_set":
                anaphors.append((event, unit))
        absorb_into_deadlines([b for b in built if b[2]], events)
    return merge_article_events(events, [a for a, _ in anaphors])


def _sentences_with(triggers: list[Span], doc: Doc) -> list[Span]:
    """The sentences that hold a trigger, in order."""
    starts = sentence_starts(doc)
    bounds = starts[1:] + [len(doc)]
    held = sorted({bisect_right(starts, t.start) - 1 for t in triggers})
    return [doc[starts[i] : bounds[i]] for i in held]


def _starting_in(items: list, sentence: Span) -> list:
    """The items (sorted by start) that start inside a sentence, found by bisection."""
    lo = bisect_left(items, sentence.start, key=lambda x: x.start)
    hi = bisect_left(items, sentence.end, key=lambda x: x.start)
    return items[lo:hi]


def _clause_mentions(unit: Unit, window: flags.Window, facts: SentenceFacts,
                     mentions: list[Mention]) -> list[Mention]:
    speaker = facts.speaker if facts.quoted(unit) else None
    return [m for m in mentions if window.start <= m.start and m.end <= window.end and m is not speaker
            and not facts.in_attribution(m) and not any(s.start < m.end and m.start < s.end for s in unit.spans)]


def _read_roles(doc: Doc, unit: Unit, units: list[Unit], window: flags.Window, hard_left: int,
                facts: SentenceFacts, mentions: list[Mention], marker_ends: dict[int, str], table: Cues,
                lang: str) -> tuple[Roles, list[Placed], Span | None]:
    """Roles of a unit: its clause first, then a subject before the clause edge, then the speaker."""
    head, frame = unit.head, unit.rule.frame
    clause = _clause_mentions(unit, window, facts, mentions)
    shared = facts.previous_source if coordinated(doc, unit, lang) else None
    if shared is not None:  # "زار الرياض والتقى ولي العهد": what precedes belongs to the first verb
        clause = [m for m in clause if m.start > head.start]
    placed = place_mentions(doc, clause, head, marker_ends, table, lang, facts.known)
    verb = (governing_verb(facts, unit, window) or relative_verb(unit, facts)) if frame == "noun" else needed_cue(
        facts, unit)
    if verb is not None and GOVERNING.get(verb.label_) == "symmetric":
        frame, verb = "symmetric", None  # "تبادل ترامب وكيم الرسائل": everyone named exchanged them
        unit.exchange = True
    pivot_frame = None if verb is None else (
        "receive" if verb.label_ == unit.rule.held_by else GOVERNING.get(verb.label_))
    roles = fill_roles(frame, placed, lang, head, pivot=verb.start if verb is not None else None,
                       pivot_frame=pivot_frame,
                       genitive=unit.rule.genitive, to_is_party=event_types()[unit.rule.label].to_is_party)
    if frame == "symmetric":
        the_two_sides(doc, roles, window, facts)
    if frame == "noun" and verb is None and not roles.targets and _the_vehicle(unit, facts):
        # "Macron urged Netanyahu in a letter", "وحث ماكرون نتنياهو في رسالة": the clause's subject wrote to its object
        before = [p.mention for p in placed if p.marker is None and p.mention.end <= head.start]
        if len(before) >= 2:
            roles.source, roles.targets = before[0], [before[1]]
    partners = [p.mention for p in placed if p.marker == "with" and p.mention.actor is not None]
    previous = facts.previous_source
    if (frame == "symmetric" and partners and shared is None and facts.previous_label == "visit"
            and previous is not None and not any(p.marker is None and p.mention.actor
                                                 and p.mention.actor is not previous.actor for p in placed)):
        # "flew to Washington for talks with U.S. officials": whoever flew holds the talks, with them, then and there
        roles.source, roles.targets = previous, [m for m in partners if m.actor is not previous.actor]
        unit.continues = True
    if roles.source is None and unit.rule.frame == "noun" and (possessive_suffix(head, lang) or repeats(unit, units)):
        roles.source = facts.previous_source  # "خلال زيارته طهران": his visit, the subject's
    if shared is not None and frame in ("active", "symmetric"):
        others = [m for m in [roles.source, *roles.targets] if m is not None and m.actor is not shared.actor]
        if others and frame == "symmetric" and object_pronoun(doc, unit, table):
            roles.source, roles.targets = others[0], [shared, *others[1:]]  # "ثم استقبله بزشكيان": he was received
        else:
            roles.source, roles.targets = shared, others
    if roles.source is None and (frame == "active" or (frame == "noun" and verb is not None)):
        # a subject named before a relative clause or an apposition: look past the soft edge
        earlier = [m for m in mentions if hard_left <= m.start and m.end <= window.start
                   and not facts.in_attribution(m)]
        unmarked = [p for p in place_mentions(doc, earlier, head, marker_ends, table, lang, facts.known)
                    if p.marker is None]
        if unmarked:
            roles.source = unmarked[-1].mention
    if frame == "noun" and verb is None and roles.source is None and _in_a_noun(doc, unit, facts):
        _writer_of_the_clause(roles, unit, mentions, facts)
    if unit.rule.noun and owned_by(doc, unit, table.plural_owner, lang) and sum(
            1 for p in placed if p.mention.actor is not None and p.marker not in ("about", "location", "of")) < 2:
        owners = owners_in_main_clause(doc, facts, mentions, marker_ends, table, lang, head, [])
        if len(owners) >= 2:
            roles.source, roles.targets = owners[0], owners[1:]
    elif (unit.rule.noun or lang == "en") and roles.source is None and owned_by(doc, unit, table.single_owner, lang):
        if not unit.rule.noun:  # "his visit": a verb's form read as the noun, so only "to" gives its object
            roles.targets = [p.mention for p in placed if p.marker == "to"]
        owners = owners_in_main_clause(doc, facts, mentions, marker_ends, table, lang, head, roles.targets)
        if owners:  # "During his visit to Beijing, Araghchi met Wang Yi"
            roles.source = owners[0]
            roles.targets = [m for m in roles.targets if m.actor is not owners[0].actor]
    if frame != "symmetric" and roles.source is not None:
        # "Macron, Scholz and Draghi arrived": each of them did
        roles.co_sources = coordinated_with(placed, roles.source)
        roles.targets = [m for m in roles.targets if m not in roles.co_sources]
    if shared is not None and facts.previous_sources:
        roles.co_sources = [m for m in facts.previous_sources if m is not roles.source]
        if frame == "symmetric":
            roles.targets = roles.co_sources + [m for m in roles.targets if m not in roles.co_sources]
            roles.co_sources = []
    subject = relative_subject(doc, unit, facts, mentions)
    if subject is not None and subject.actor is not None and subject.actor.id not in {
            m.actor.id for m in [roles.source, *roles.targets, *roles.via] if m and m.actor}:
        if unit.rule.label in CORRESPONDENCE and roles.source is not None:
            roles.via.append(subject)  # "عراقجي، الذي سلمه رسالة من بزشكيان": he carried it
            host = facts.previous_source
            if not roles.targets and host is not None and host.actor is not subject.actor and handed_to_a_pronoun(
                    doc, unit, facts, table):
                roles.targets = [host]  # "received Araghchi, who handed him a letter": "him" is who received him
                unit.continues = True  # handed over then and there
        elif roles.source is None:
            roles.source = subject
    host = facts.previous_source
    if (subject is not None and roles.source is not None and roles.source.actor is subject.actor and not roles.targets
            and host is not None and host.actor is not subject.actor and object_pronoun(doc, unit, table)):
        roles.targets = [host]  # "received Abbas, who briefed him on the talks": "him" is who received him
        unit.continues = True
    if facts.quoted(unit) and facts.speaker is not None:
        # "قال أوباما إنه التقى روحاني": the speaker is the one who did it, unless someone else is named;
        # "X said he had received a letter from Y": the speaker is the one who received it
        receiving = (pivot_frame if verb is not None else frame) in ("receive", "passive")
        if receiving and not roles.targets and roles.source is not None and roles.source.actor is not (
                facts.speaker.actor):
            roles.targets = [facts.speaker]
        elif roles.source is None:
            roles.source = facts.speaker
        elif (frame == "symmetric" and not roles.targets and roles.source.actor is not facts.speaker.actor
              and facts.speaker.actor and facts.speaker.actor.kind == "person" and facts.quote
              and facts.quote[0] >= facts.speaker.end
              and _state_id(facts.speaker.actor) != _state_id(roles.source.actor)):
            # "Obama said he and Rouhani had spoken"; not "Araghchi said Iran would not negotiate": his own side
            roles.source, roles.targets = facts.speaker, [roles.source]
    elif (shared is None and frame in ("active", "symmetric") and facts.previous_source is not None
          and pronoun_before(unit, facts)):
        # "وصل بايدن إلى جدة حيث استقبله ولي العهد": the verb's pronoun suffix is the traveller, its subject the host
        as_object = lang == "ar" and object_suffix(unit)
        take_the_pronouns_person(roles, facts.previous_source, frame == "symmetric", as_object)
        unit.continues = True
    elif lang == "ar" and facts.subject_before is not None and shared is None and (
            frame in ("active", "symmetric") or verb is not None):
        continue_the_subject(roles, placed, unit, verb, facts, mentions, frame == "symmetric")
    if facts.subject_before is not None and frame in ("active", "symmetric") and object_pronoun(doc, unit, table):
        met_the_last_subject(roles, facts.subject_before)
    return roles, placed, verb


def _the_vehicle(unit: Unit, facts: SentenceFacts) -> bool:
    """A letter or message the clause's verb was said in: "urged Netanyahu in a letter", "حثه في رسالة"."""
    return unit.rule.label in CORRESPONDENCE and unit.rule.frame == "noun" and any(
        c.label_ == "marker:location" and unit.start - c.end in (0, 1) for c in facts.cue_spans)


def _in_a_noun(doc: Doc, unit: Unit, facts: SentenceFacts) -> bool:
    """"In a letter released on Thursday, Trump ...", "ألغى ترامب في رسالة ...": the noun is where it was said."""
    if unit.rule.label not in CORRESPONDENCE:
        return False
    head = unit.head[0]
    before = doc[head.i - 2 : head.i] if head.i >= 2 else doc[0 : head.i]
    if any(t.norm_ in ("in", "في", "through") for t in before):
        return True
    return doc.lang_ == "ar" and proclitic(head.text, head.norm_, "ar") == "ب" and head.i > 0


def _writer_of_the_clause(roles: Roles, unit: Unit, mentions: list[Mention], facts: SentenceFacts) -> None:
    """The one who wrote is the subject of the clause the noun stands in: the nearest person before it,
    or the first named after its phrase; the one they wrote to is the next person named."""
    people = [m for m in mentions if m.actor is not None and m.actor.kind == "person" and not facts.in_attribution(m)
              and not any(s.start < m.end and m.start < s.end for s in unit.spans)]
    before = [m for m in people if m.end <= unit.start]
    after = [m for m in people if m.start >= unit.end and m not in roles.targets]
    writer = before[-1] if before else (after[0] if after else None)
    if writer is None:
        return
    roles.source = writer
    if not roles.targets:
        roles.targets = [m for m in people if m.start > writer.start and m.actor is not writer.actor][:1]


def _event_type(unit: Unit, roles: Roles, verb: Span | None) -> str:
    """The trigger's type, or its ambiguous reading: an Arabic "رسالة" passed on is a message."""
    ambiguous = unit.rule.ambiguous or next((r.ambiguous for r in unit.extra_rules if r.ambiguous), None)
    written = unit.rule.written or any(r.written for r in unit.extra_rules)
    passing = verb is not None and verb.label_ == "pass_verb"
    if ambiguous and not written and (passing or (roles.via and verb is None)):
        return ambiguous
    labels = [unit.rule.label] + [r.label for r in unit.extra_rules]
    # "sat down with X for talks": the talks are the event
    return "talks_held" if "talks_held" in labels else unit.rule.label


def _resolve_roles_at(roles: Roles, at: date | None, context: ArticleContext) -> None:
    """A role of a state resolves to its holder on the event's date. A bare title and a counterpart keep what they
    resolved to where they stand: the context has moved on since ("The minister met his Iranian counterpart")."""
    for m in [roles.source, *roles.targets, *roles.via]:
        if m is not None and m.kind == "role" and m.country and m.title != "counterpart":
            m.actor = resolve_role(m, actor_base(), at, context) or m.actor


def _directions(label: str, unit: Unit, roles: Roles,
                placed: list[Placed]) -> list[tuple[ActorRef | None, list[ActorRef], list[ActorRef]]]:
    """(source, targets, via) of each event a unit gives: one, or two for an exchange
    ("exchanged letters", "carried messages between X and Y")."""
    source = _ref(roles.source)
    targets = _unique([_ref(m) for m in roles.targets], exclude={source.id} if source else set())
    via = _unique([_ref(m) for m in roles.via], exclude={r.id for r in targets} | ({source.id} if source else set()))
    between = _unique([p.mention.ref for p in placed if p.marker == "between"], exclude=set())
    if event_types()[label].symmetric:
        if source is None and targets:
            source, targets = targets[0], targets[1:]
        return [(source, targets, via)]
    if roles.co_sources and not (unit.rule.reciprocal or unit.exchange):
        sources = [source] + _unique([_ref(m) for m in roles.co_sources], exclude={source.id} if source else set())
        return [(s, targets, via) for s in sources]
    if unit.rule.reciprocal or unit.exchange or (len(between) == 2 and not targets):
        pair = between if len(between) == 2 else _unique([source, *targets], exclude=set())
        carrier = [source] if source is not None and len(between) == 2 and source.id not in {r.id for r in pair} else []
        if len(pair) == 2:
            return [(pair[0], [pair[1]], carrier + via), (pair[1], [pair[0]], carrier + via)]
    return [(source, targets, via)]


def _unit_events(doc: Doc, article: Article, unit: Unit, units: list[Unit], facts: SentenceFacts,
                 mentions: list[Mention], marker_ends: dict[int, str], table: Cues,
                 context: ArticleContext) -> list[tuple[Event, Unit, bool]]:
    """The events one trigger unit gives, each marked complete or not (an anaphor such as "the letter")."""
    lang = article.lang or "en"
    published = article.date
    window, hard_left = clause_window(unit, units, facts)
    head = unit.head
    roles, placed, verb = _read_roles(doc, unit, units, window, hard_left, facts, mentions, marker_ends, table, lang)
    label = _event_type(unit, roles, verb)
    # "وقد نقل الرسالة المستشار قرقاش", "Gargash carried the letter": who passed on the letter told of before
    passed_on = (unit.rule.frame == "noun" and verb is not None and verb.label_ == "pass_verb" and not roles.targets
                 and roles.source is not None and definite(doc, head, lang)
                 and not any(p.marker in ("from", "to") for p in placed))
    if passed_on:
        roles.via, roles.source = [roles.source, *roles.via], None
    elif label in CORRESPONDENCE and unit.rule.frame == "noun" and definite(doc, head, lang):
        delivered_by(roles, placed, facts.earlier, head)
    forms, answered = reply_parts(doc, unit, marker_ends) if unit.rule.reply else ([], None)
    if unit.rule.reply:
        if not about_correspondence(unit, facts, forms, answered, roles, placed):
            return []
        label = reply_type(unit, forms)
        reply_targets(roles, placed, unit, answered, facts.earlier)
    spec = event_types()[label]
    if spec.by_phone and not roles.via and any(
            c.label_ == "by_phone" and window.start <= c.start < window.end for c in facts.cue_spans):
        label, spec = spec.by_phone, event_types()[spec.by_phone]
    blocked = any(c.label_ in spec.blocked_by for c in facts.cue_spans)
    if blocked or (spec.needs_contact and not has_contact(unit, units) and not contact_just_told(doc, facts)) or (
            flags.is_hypothetical(facts.cue_spans, head, window) and label != "deadline_set"
            and not _the_vehicle(unit, facts)):  # "urged Netanyahu in a letter": the letter is real
        return []
    # "ألغى ترامب في رسالة ... القمة": the letter it was cancelled in is not what was cancelled
    rivals = [u.start for u in units if u is not unit and not any(
        s.label_ == "marker:location" and s.end == u.start for s in facts.cue_spans)]
    cancelled = flags.is_cancelled(facts.cue_spans, head, window, rivals)
    future = cancelled or unit.agreed or flags.is_planned(facts.cue_spans, head, window,
                                           proclitic(head[0].text, head[0].norm_, lang).endswith("س"))
    lapsed = label == "deadline_set" and any(c.label_ == "lapsed" and window.holds(c) for c in facts.cue_spans)
    when = event_date(unit, facts, doc, window, lang, published, future or (label == "deadline_set" and not lapsed))
    if when is not None and published is not None and when.start > published and label != "deadline_set":
        future = True
    # a role phrase names whoever held the office then: the middle of the event's interval
    _resolve_roles_at(roles, when.start + (when.end - when.start) / 2 if when is not None else published, context)
    if label == "statement":
        roles.targets = []  # a statement is made, not sent: who it is about is in the contact it is about
    if label == "visit":
        roles.targets = visited_states(placed) or roles.targets  # where they went, before whom they saw
    location = None if spec.placeless else _location(placed) or (_destination(placed) if label == "visit" else None)
    if unit.continues:  # "flew to Washington on Sunday, where he met Rubio": then and there
        if when is None or (facts.previous_when is not None and when.text == facts.previous_when.text):
            when = facts.previous_when  # the same words, read as the trip read them ("will fly on Monday for talks")
        location = location or facts.previous_location
        future = future or (facts.previous_planned and when == facts.previous_when)
    if roles.source is not None:
        facts.previous_source = roles.source
        facts.previous_sources = roles.co_sources
        facts.previous_label = label
        facts.previous_when, facts.previous_location = when, location
        facts.previous_planned = future
    found = []
    partnered = any(p.marker in ("with", "to") and p.mention.actor is not None for p in placed) or _joint_subjects(
        placed)
    for source, targets, via in _directions(label, unit, roles, placed):
        if label == "visit" and source is not None:  # going home, or travelling at home, is no visit
            home = _state_id(actor_base().actors.get(source.id))
            targets = [t for t in targets if t.id != home]
        complete = _meets(spec.requires + unit.rule.requires, source, targets, partnered)
        if repeats(unit, units) and not targets:
            continue  # "arrived in Riyadh on a visit": the noun adds nothing to the verb's event
        # "the letter", "The letter, delivered by an Emirati envoy, ...": a definite noun naming no party
        anaphor = unit.rule.frame == "noun" and (passed_on or all(p.marker == "via" for p in placed)) and definite(
            doc, head, lang)
        unnamed = spec.symmetric and source is None and not targets  # may take the main clause's parties
        if not complete and not anaphor and label != "deadline_set" and not unnamed:
            continue
        event = Event(
            id=_event_id(article, label, head.start_char + len(found)), type=label, source=source, targets=targets,
            via=via, date=when,
            negated=unit.rule.negated or cancelled or flags.is_negated(facts.cue_spans, head, window),
            secret=flags.is_secret(facts.cue_spans, window),
            modality="planned" if future else _modality(facts, unit, mentions, [source, *targets]),
            attribution=facts.attribution[0].text if facts.attribution else (
                facts.speaker.text if facts.speaker and facts.quoted(unit) else None),
            count=_count(unit) or flags.count_of(facts.cue_spans, head),
            ordinal=flags.ordinal_of(facts.cue_spans, facts.sentence),
            recurring=flags.is_recurring(facts.cue_spans, window), location=location,
            topic=flags.topics_of(facts.cue_spans, facts.sentence),
            cameo=(spec.via_cameo if via and spec.via_cameo else None)
            or (spec.located_cameo if location and spec.located_cameo else None) or spec.cameo,
            plover=spec.plover, trigger=doc[unit.start : unit.end].text, lang=lang,
            evidence=[_evidence(article, facts.sentence)],
        )
        found.append((event, unit, complete))
        if unit.rule.implies_visit and complete:
            found += implied_visit(event, unit)
        if complete and event.via and label in CORRESPONDENCE and any(
                c.label_ == "handover" for c in facts.cue_spans) and not handed_to_a_pronoun(doc, unit, facts, table):
            found += handover_meeting(event, unit)
        if unit.rule.reply and complete:
            found += answered_event(event, unit, answered)
    if unit.rule.reply and not found and (rest := without_reply(unit)) is not None:
        # "رد إيراني على رسالة ترامب" names no replier: the letter it answers is still an event
        others = [rest if u is unit else u for u in units]
        facts.windows[id(rest)] = clause_window(rest, others, facts)[0]
        return _unit_events(doc, article, rest, others, facts, mentions, marker_ends, table, context)
    return found


def _joint_subjects(placed: list[Placed]) -> bool:
    """"Kerry and Zarif discussed ...", "the two men discussed ...": parties named together as subjects are
    each other's partners."""
    return any(p.coordinated and p.marker is None and p.mention.actor is not None and prev.marker is None
               and prev.mention.actor is not None and prev.mention.actor is not p.mention.actor
               for prev, p in zip(placed, placed[1:], strict=False))


def _modality(facts: SentenceFacts, unit: Unit, mentions: list[Mention], parties: list[ActorRef | None]) -> str:
    """Reported when unnamed sources or an unnamed official say so, or a third party; asserted otherwise, and
    when a party to the event is named as the source ("..., according to the Kremlin": Putin's own office)."""
    anonymous = facts.speaker is not None and facts.speaker.state_of and facts.quoted(unit)
    if anonymous:
        return "reported"
    if facts.attribution and not all(_party_on_record(region, mentions, parties) for region in facts.attribution):
        return "reported"
    return "asserted"


def _party_on_record(region: Span, mentions: list[Mention], parties: list[ActorRef | None]) -> bool:
    """A named actor of one of the parties' states stands in the attribution ("according to the Kremlin")."""
    base = actor_base()
    states = {_state_id(base.actors.get(p.id)) for p in parties if p is not None} - {None}
    return any(region.start <= m.start < region.end and not m.state_of and m.actor is not None
               and _state_id(m.actor) in states for m in mentions)


def _state_id(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.id if actor.kind == "state" else actor.country


def _count(unit: Unit) -> int | None:
    return unit.rule.count or next((r.count for r in unit.extra_rules if r.count), None)


def _unique(refs: list[ActorRef | None], exclude: set[str]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        if ref is not None and ref.id not in exclude:
            seen.setdefault(ref.id, ref)
    return list(seen.values())


def _meets(requires: list[str], source: ActorRef | None, targets: list[ActorRef], partnered: bool = False) -> bool:
    count = (1 if source else 0) + len(targets)
    checks = {
        "any": count >= 1, "source": source is not None, "target": bool(targets), "participants": count >= 2,
        "partner": partnered and count >= 2,
    }
    return all(checks[r] for r in requires)


def _location(placed: list[Placed]) -> str | None:
    """Where it happened: a place in the clause, or a capital named after "in" / "في"."""
    for p in placed:
        m = p.mention
        if p.marker == "about":
            continue  # "talks on the Gaza ceasefire": what they were about, not where
        if m.place and (m.kind == "place" or p.marker == "location"):
            return m.place
        if p.marker == "location" and m.actor is not None and m.actor.kind == "state":
            return m.actor.name  # "in Singapore", "في سلطنة عمان"
    return None


def _destination(placed: list[Placed]) -> str | None:
    """The place a visit went to ("إلى كييف")."""
    return next((p.mention.place for p in destination_first(placed) if p.mention.place and p.marker in ("to", None)),
                None)


def _evidence(article: Article, sentence: Span) -> Evidence:
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    return Evidence(article=article.id, text=stripped, start=start, end=start + len(stripped))
