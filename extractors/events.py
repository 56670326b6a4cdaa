"""Assembling events: triggers, their clauses, roles, dates and flags, then one event per real event.

For each sentence the triggers are grouped (a verb and the noun it governs are one event), each
group gets its clause (from the previous trigger or clause break to the next), and the clause's
mentions fill the roles (``extractors.roles``). Repeated mentions of the same event in one article
are merged into one event with several evidence spans.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import flags
from .actors import actor_base
from .dates import DateMention, find_dates, resolve_date
from .lexicon import Cues, TriggerRule, cues, event_types, trigger_rules
from .mentions import ArticleContext, Mention, doc_mentions, resolve_role
from .merge_article import merge_article_events
from .normalize import fold
from .roles import Placed, Roles, fill_roles, place_mentions, proclitic
from .schema import ActorRef, Article, DateSpan, Event, Evidence

GOVERNING = {"send_verb": "active", "pass_verb": "active", "receive_verb": "receive", "hold_verb": "active",
             "exchange_verb": "symmetric"}
GROUP_REACH = 4  # a noun this close after a verb trigger of its family is the same event
NEEDS_REACH = 12  # how far before a noun the verb it needs may stand ("توصلت إيران ... إلى اتفاق")


@dataclass
class Unit:
    """One event's trigger words: a span or a verb plus the noun it governs."""

    spans: list[Span]
    rule: TriggerRule
    extra_rules: list[TriggerRule] = field(default_factory=list)
    exchange: bool = False  # governed by a verb of exchange

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def head(self) -> Span:
        return self.spans[0]


@dataclass
class SentenceFacts:
    """What one sentence offers every trigger in it."""

    sentence: Span
    cue_spans: list[Span]
    breaks: list[tuple[int, int]]
    attribution: list[Span]
    dates: list[DateMention]
    speaker: Mention | None = None
    quote: tuple[int, int] | None = None  # the tokens the speaker says
    previous_source: Mention | None = None  # the subject of the sentence's last event so far
    known: set[int] = field(default_factory=set)
    windows: dict[int, flags.Window] = field(default_factory=dict)

    def in_attribution(self, mention: Mention) -> bool:
        return any(r.start <= mention.start < r.end for r in self.attribution)

    def quoted(self, unit: Unit) -> bool:
        return self.quote is not None and self.quote[0] <= unit.start < self.quote[1]


def _family(label: str) -> str:
    return "correspondence" if label in ("letter_sent", "message_passed") else label


def _keep_trigger(doc: Doc, span: Span, rule: TriggerRule, facts: SentenceFacts) -> bool:
    if rule.not_before and span.end < len(doc):
        following = " ".join(t.norm_ for t in doc[span.end : span.end + 2])
        if any(following == w or following.startswith(w + " ") for w in rule.not_before):
            return False
    if rule.needs:
        wanted = [s for s in facts.cue_spans if s.label_ == rule.needs]
        if not any(0 <= span.start - s.end <= NEEDS_REACH or 0 <= s.start - span.end <= 1 for s in wanted):
            return False
    return not any(r.start <= span.start < r.end for r in facts.attribution)


def _units(doc: Doc, spans: list[Span], rules: dict[str, TriggerRule], facts: SentenceFacts) -> list[Unit]:
    units: list[Unit] = []
    for span in spans:
        rule = rules[span.id_]
        if not _keep_trigger(doc, span, rule, facts):
            continue
        prev = units[-1] if units else None
        if prev and _family(prev.rule.label) == _family(rule.label) and span.start - prev.end <= GROUP_REACH:
            prev.spans.append(span)
            prev.extra_rules.append(rule)
            continue
        units.append(Unit([span], rule))
    # "received a letter": a verb that is an event alone yields to the noun it governs
    return [u for i, u in enumerate(units) if not (i + 1 < len(units) and units[i + 1].rule.label in u.rule.yields_to
                                                   and units[i + 1].start - u.end <= GROUP_REACH)]


def _window(unit: Unit, units: list[Unit], facts: SentenceFacts) -> tuple[flags.Window, int]:
    """The clause of a unit, and the hard left edge a subject may still be looked for beyond it."""
    index = units.index(unit)
    sentence = facts.sentence
    hard_left = units[index - 1].end if index > 0 else sentence.start
    right = units[index + 1].start if index + 1 < len(units) else sentence.end
    left = max([hard_left] + [end for _, end in facts.breaks if end <= unit.start])
    if _is_topic(unit, facts) or _repeats(unit, units):
        left = unit.start  # "informed X of the talks with Y": the talks' parties come after the noun
    right = min([right] + [start for start, _ in facts.breaks if start >= unit.end])
    return flags.Window(left, right), hard_left


def _repeats(unit: Unit, units: list[Unit]) -> bool:
    """A noun naming again the event of a verb before it ("زار أنقرة ... في أول زيارة له إلى تركيا")."""
    return unit.rule.frame == "noun" and any(
        u.start < unit.start and u.rule.label == unit.rule.label and u.rule.frame != "noun" for u in units)


def _is_topic(unit: Unit, facts: SentenceFacts) -> bool:
    """A noun trigger that is what another trigger is about: after "about"/"عن" or with ب attached."""
    if unit.rule.frame not in ("noun", "symmetric"):
        return False
    head = unit.head[0]
    if any(s.label_ == "marker:about" and s.end == unit.start for s in facts.cue_spans):
        return True
    sending = any(s.label_ in GOVERNING and 0 <= unit.start - s.end <= 4 for s in facts.cue_spans)
    # "أبلغه بالمحادثات" (told him of the talks), but "بعث برسالة" (sent a letter)
    return head.doc.lang_ == "ar" and not sending and proclitic(head.text, head.norm_, "ar").endswith(("ب", "بال"))


def _governing_verb(facts: SentenceFacts, unit: Unit, window: flags.Window) -> Span | None:
    verbs = [
        s for s in facts.cue_spans
        if s.label_ in GOVERNING and window.start <= s.start and s.end <= unit.start
    ]
    return verbs[-1] if verbs else None


def _sentence_facts(doc: Doc, sentence: Span, cue_spans: list[Span], lang: str,
                    published: date | None, mentions: list[Mention]) -> SentenceFacts:
    here = [s for s in cue_spans if sentence.start <= s.start < sentence.end]
    breaks = [(s.start, s.end) for s in here if s.label_ == "clause_break"]
    dates = [
        DateMention(m.start + sentence.start_char, m.end + sentence.start_char, m.span)
        for m in find_dates(sentence.text, lang, published)
    ]
    facts = SentenceFacts(sentence, here, breaks, flags.attribution_regions(here, sentence), dates)
    facts.speaker, facts.quote = _speaker_and_quote(doc, sentence, here, mentions)
    return facts


def _speaker_and_quote(doc: Doc, sentence: Span, cue_spans: list[Span],
                       mentions: list[Mention]) -> tuple[Mention | None, tuple[int, int] | None]:
    """Who speaks in a sentence and which tokens they say: "X said: ...", "قال X إن ...", "..., X said."."""
    for verb in (s for s in cue_spans if s.label_ == "speech"):
        here = [m for m in mentions if sentence.start <= m.start < sentence.end and m.actor is not None]
        speaker = next((m for m in here if m.end in (verb.start, verb.start - 1)), None) or next(
            (m for m in here if m.start in (verb.end, verb.end + 1)), None)
        if speaker is None:
            continue
        first, last = min(speaker.start, verb.start), max(speaker.end, verb.end)
        if last >= sentence.end - 2:  # "..., the State Department said."
            return speaker, (sentence.start, first)
        return speaker, (last, sentence.end)
    return None, None


def _event_date(unit: Unit, facts: SentenceFacts, doc: Doc, window: flags.Window, lang: str,
                published: date | None, future: bool) -> DateSpan | None:
    if not facts.dates:
        return None
    trigger_char = doc[unit.start].idx
    w_start, w_end = doc[window.start].idx, doc[window.end - 1].idx + len(doc[window.end - 1])
    inside = [d for d in facts.dates if w_start <= d.start and d.end <= w_end]
    # "لم يبلغ ... إلا في أيلول": the date after the exception is when it did happen
    exceptions = [doc[s.end].idx for s in facts.cue_spans if s.label_ == "exceptive" and s.start >= unit.end
                  and s.end < len(doc)]
    inside += [d for d in facts.dates if any(0 <= d.start - c <= 6 for c in exceptions)]
    others = [w for key, w in facts.windows.items() if key != id(unit)]
    free = [d for d in facts.dates if not any(_char_window(doc, w)[0] <= d.start < _char_window(doc, w)[1]
                                                for w in others)]
    pool = inside or free
    if not pool:
        return None
    best = min(pool, key=lambda d: _date_distance(d, trigger_char))
    if future:
        return resolve_date(best.span.text, published, lang, future=True) or best.span
    return best.span


def _date_distance(mention: DateMention, trigger_char: int) -> float:
    """How far a date stands from a trigger, in characters, weighted: a date before the trigger is
    often in a relative clause, and "since X" is a point of reference, not the event's date."""
    distance = float(abs(mention.start - trigger_char))
    if mention.start < trigger_char:
        distance *= 1.5
    if mention.span.precision == "range":
        distance *= 3
    return distance


def _char_window(doc: Doc, window: flags.Window) -> tuple[int, int]:
    last = doc[window.end - 1]
    return doc[window.start].idx, last.idx + len(last)


def _ref(mention: Mention | None) -> ActorRef | None:
    return mention.ref if mention is not None else None


def _event_id(article: Article, label: str, char: int) -> str:
    return "ev-" + hashlib.sha1(f"{article.id}|{label}|{char}".encode()).hexdigest()[:16]


def doc_events(doc: Doc, article: Article) -> list[Event]:
    """Every event of an article's Doc, merged so that each real event appears once."""
    lang = article.lang or "en"
    published = article.date
    rules, table = trigger_rules(lang), cues(lang)
    cue_spans = sorted(doc.spans["cues"], key=lambda s: (s.start, -len(s)))
    marker_ends: dict[int, str] = {}
    for s in sorted((s for s in cue_spans if s.label_.startswith("marker:")), key=len):
        marker_ends[s.end] = s.label_.split(":", 1)[1]
    context = ArticleContext()
    mentions = doc_mentions(doc, lang, published, context, cue_spans)
    triggers = filter_spans(list(doc.spans["triggers"]))
    known = {i for s in list(cue_spans) + triggers for i in range(s.start, s.end)}
    known |= {i for m in mentions for i in range(m.start, m.end)}
    events: list[Event] = []
    anaphors: list[tuple[Event, Unit]] = []
    for sentence in doc.sents:
        spans = [t for t in triggers if sentence.start <= t.start < sentence.end]
        if not spans:
            continue
        here = [m for m in mentions if sentence.start <= m.start < sentence.end]
        facts = _sentence_facts(doc, sentence, cue_spans, lang, published, here)
        facts.known = known
        units = _units(doc, spans, rules, facts)
        facts.windows = {id(u): _window(u, units, facts)[0] for u in units}
        built = [
            found for unit in units
            for found in _unit_events(doc, article, unit, units, facts, here, marker_ends, table, context)
        ]
        _apply_denials(built)
        built = _deadline_parties(built)
        for event, unit, complete in built:
            if complete:
                events.append(event)
            elif event.type != "deadline_set":
                anaphors.append((event, unit))
        _absorb([b for b in built if b[2]], events)
    return merge_article_events(events, [a for a, _ in anaphors])


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
    shared = facts.previous_source if _coordinated(doc, unit, lang) else None
    if shared is not None:  # "زار الرياض والتقى ولي العهد": what precedes belongs to the first verb
        clause = [m for m in clause if m.start > head.start]
    placed = place_mentions(doc, clause, head, marker_ends, table, lang, facts.known)
    verb = _governing_verb(facts, unit, window) if frame == "noun" else None
    if verb is not None and GOVERNING[verb.label_] == "symmetric":
        frame, verb = "symmetric", None  # "تبادل ترامب وكيم الرسائل": everyone named exchanged them
        unit.exchange = True
    roles = fill_roles(frame, placed, lang, head, pivot=verb.start if verb is not None else None,
                       pivot_frame=GOVERNING.get(verb.label_) if verb is not None else None,
                       genitive=unit.rule.genitive)
    if roles.source is None and unit.rule.frame == "noun" and (_possessive_suffix(head, lang) or _repeats(unit, units)):
        roles.source = facts.previous_source  # "خلال زيارته طهران": his visit, the subject's
    if shared is not None and frame in ("active", "symmetric"):
        others = [m for m in [roles.source, *roles.targets] if m is not None and m.actor is not shared.actor]
        roles.source, roles.targets = shared, others
    if roles.source is None and (frame == "active" or (frame == "noun" and verb is not None)):
        # a subject named before a relative clause or an apposition: look past the soft edge
        earlier = [m for m in mentions if hard_left <= m.start and m.end <= window.start
                   and not facts.in_attribution(m)]
        unmarked = [p for p in place_mentions(doc, earlier, head, marker_ends, table, lang, facts.known)
                    if p.marker is None]
        if unmarked:
            roles.source = unmarked[-1].mention
    if facts.quoted(unit) and facts.speaker is not None:
        # "قال أوباما إنه التقى روحاني": the speaker is the one who did it, unless someone else is named
        if roles.source is None:
            roles.source = facts.speaker
        elif frame == "symmetric" and not roles.targets and roles.source.actor is not facts.speaker.actor:
            roles.source, roles.targets = facts.speaker, [roles.source]
    return roles, placed, verb


def _possessive_suffix(head: Span, lang: str) -> bool:
    """A noun carrying a pronoun of its owner: "زيارته", "رسالتها"."""
    last = head[-1]
    return lang == "ar" and fold(last.text, lang) != last.norm_ and fold(last.text, lang).startswith(last.norm_[:-1])


def _coordinated(doc: Doc, unit: Unit, lang: str) -> bool:
    """A verb joined to the one before it ("and met", "والتقى"), so it shares that verb's subject."""
    head = unit.head[0]
    if lang == "ar":
        return proclitic(head.text, head.norm_, lang).startswith(("و", "ف")) or (
            head.i > 0 and doc[head.i - 1].norm_ in ("و", "ثم"))
    return head.i > 0 and doc[head.i - 1].norm_ in ("and", "then")


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
    for m in [roles.source, *roles.targets, *roles.via]:
        if m is not None and m.kind == "role":
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
    window, hard_left = _window(unit, units, facts)
    head = unit.head
    roles, placed, verb = _read_roles(doc, unit, units, window, hard_left, facts, mentions, marker_ends, table, lang)
    label = _event_type(unit, roles, verb)
    spec = event_types()[label]
    blocked = any(c.label_ in spec.blocked_by for c in facts.cue_spans)
    if blocked or (spec.needs_contact and not _has_contact(unit, units)) or (
            flags.is_hypothetical(facts.cue_spans, head, window) and label != "deadline_set"):
        return []
    future = flags.is_planned(facts.cue_spans, head, window, proclitic(head[0].text, head[0].norm_, lang).endswith("س"))
    when = _event_date(unit, facts, doc, window, lang, published, future or label == "deadline_set")
    if when is not None and published is not None and when.start > published and label != "deadline_set":
        future = True
    # a role phrase names whoever held the office then: the middle of the event's interval
    _resolve_roles_at(roles, when.start + (when.end - when.start) / 2 if when is not None else published, context)
    if label == "visit":
        roles.targets = _visited_states(placed) or roles.targets  # where they went, before whom they saw
    location = _location(placed)
    if roles.source is not None:
        facts.previous_source = roles.source
    found = []
    for source, targets, via in _directions(label, unit, roles, placed):
        complete = _meets(spec.requires + unit.rule.requires, source, targets)
        anaphor = unit.rule.frame == "noun" and not placed and _definite(doc, head, lang)
        if not complete and not anaphor and label != "deadline_set":
            continue
        event = Event(
            id=_event_id(article, label, head.start_char + len(found)), type=label, source=source, targets=targets,
            via=via, date=when, negated=flags.is_negated(facts.cue_spans, head, window),
            secret=flags.is_secret(facts.cue_spans, window),
            modality="planned" if future else _modality(facts, unit),
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
            found += _implied_visit(event, unit)
    return found


def _implied_visit(meeting: Event, unit: Unit) -> list[tuple[Event, Unit, bool]]:
    """"Macron received Zarif in Paris": Zarif visited France (the host's country), when it is not his own."""
    base = actor_base()
    if not meeting.source or not meeting.targets:
        return []
    host_ref, guest_ref = meeting.source, meeting.targets[0]
    if unit.rule.guest_first:
        host_ref, guest_ref = guest_ref, host_ref
    host, guest = base.actors.get(host_ref.id), base.actors.get(guest_ref.id)
    if host is None or guest is None or not host.country or host.country == guest.country:
        return []
    state = base.actors.get(host.country)
    if state is None:
        return []
    spec = event_types()["visit"]
    visit = meeting.model_copy(update={
        "id": meeting.id + "-visit", "type": "visit", "source": guest_ref, "via": [],
        "targets": [ActorRef(id=state.id, name=state.name)], "cameo": spec.cameo, "plover": spec.plover})
    return [(visit, unit, True)]


def _modality(facts: SentenceFacts, unit: Unit) -> str:
    """Reported when unnamed sources or an unnamed official say so; asserted otherwise."""
    anonymous = facts.speaker is not None and facts.speaker.state_of and facts.quoted(unit)
    return "reported" if facts.attribution or anonymous else "asserted"


def _count(unit: Unit) -> int | None:
    return unit.rule.count or next((r.count for r in unit.extra_rules if r.count), None)


def _visited_states(placed: list[Placed]) -> list[Mention]:
    """"flew to Vienna", "توجه إلى سيول": the state of the place visited."""
    base = actor_base()
    for p in placed:
        m = p.mention
        if m.place and m.kind == "actor" and m.actor is not None and m.actor.kind == "state":
            return [m]  # a capital standing for its state: "arrived in Moscow"
        if m.kind == "place" and m.country and p.marker in ("to", None, "location"):
            state = base.actors.get(m.country)
            if state is not None:
                return [Mention(m.start, m.end, "actor", actor=state, text=m.text)]
    return []


def _unique(refs: list[ActorRef | None], exclude: set[str]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        if ref is not None and ref.id not in exclude:
            seen.setdefault(ref.id, ref)
    return list(seen.values())


def _meets(requires: list[str], source: ActorRef | None, targets: list[ActorRef]) -> bool:
    count = (1 if source else 0) + len(targets)
    checks = {
        "any": count >= 1, "source": source is not None, "target": bool(targets), "participants": count >= 2,
    }
    return all(checks[r] for r in requires)


def _definite(doc: Doc, head: Span, lang: str) -> bool:
    """A noun that refers back: "الرسالة", "this letter", "the talks"."""
    after = {t.norm_ for t in doc[head.end : head.end + 3]}
    if lang == "ar":
        return head[0].text.startswith(("ال", "وال", "بال", "لل")) or bool(after & {"هذه", "هذا", "تلك", "ذلك"})
    return head.start > 0 and doc[head.start - 1].norm_ in {"the", "this", "that", "these", "those"}


def _location(placed: list[Placed]) -> str | None:
    """Where it happened: a place in the clause, or a capital named after "in" / "في"."""
    for p in placed:
        m = p.mention
        if m.place and (m.kind == "place" or p.marker == "location"):
            return m.place
        if p.marker == "location" and m.actor is not None and m.actor.kind == "state":
            return m.actor.name  # "in Singapore", "في سلطنة عمان"
    return None


def _has_contact(unit: Unit, units: list[Unit]) -> bool:
    return any(u is not unit and u.rule.label != "statement" for u in units)


def _absorb(built: list[tuple[Event, Unit, bool]], events: list[Event]) -> None:
    """A deadline absorbs the agreement or talks after it that it is the deadline for ("a deadline of
    24 November to reach an agreement"), with their participants."""
    specs = event_types()
    for event, unit, _ in built:
        for other, other_unit, _ in built:
            if other.type in specs[event.type].absorbs and other_unit.start > unit.start and other in events:
                ids = {r.id for r in event.participants}
                event.targets += [r for r in other.participants if r.id not in ids]
                if event.source is None and event.targets:
                    event.source, event.targets = event.targets[0], event.targets[1:]
                event.topic = sorted(set(event.topic) | set(other.topic))
                events.remove(other)


def _deadline_parties(built: list[tuple[Event, Unit, bool]]) -> list[tuple[Event, Unit, bool]]:
    """A deadline whose clause names nobody binds the parties of the event before it in the sentence."""
    previous: Event | None = None
    result = []
    for event, unit, complete in built:
        if event.type == "deadline_set" and not complete and previous is not None:
            event.source, event.targets = previous.source, list(previous.targets)
            complete = True
        elif complete:
            previous = event
        result.append((event, unit, complete))
    return result


def _apply_denials(built: list[tuple[Event, Unit, bool]]) -> None:
    """"X denied sending a letter": what follows the denial is negated; the denial is a statement."""
    denial = next((u.start for _, u, _ in built if u.rule.denies), None)
    if denial is None:
        return
    for event, unit, _ in built:
        if event.type != "statement" and unit.start > denial:
            event.negated = True


def _evidence(article: Article, sentence: Span) -> Evidence:
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    return Evidence(article=article.id, text=stripped, start=start, end=start + len(stripped))
