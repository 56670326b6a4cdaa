"""The clause structure of a sentence: trigger units, their clauses, speakers, and dates for each trigger.

A unit is one event's trigger words (a verb and the noun it governs are one unit); its clause runs from
the previous unit or clause break to the next; a speaker's quoted words, the verb governing a noun, a
noun that is another trigger's topic, and the date nearest a trigger are all read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from . import flags
from .dates import Anchor, DateMention, find_dates
from .lexicon import TriggerRule, cues
from .mentions import Mention
from .normalize import fold, folded
from .roles import proclitic
from .schema import CORRESPONDENCE, DateSpan, Event

GOVERNING = {"send_verb": "active", "pass_verb": "active", "receive_verb": "receive", "hold_verb": "active",
             "exchange_verb": "symmetric"}


GROUP_REACH = 4  # a noun this close after a verb trigger of its family is the same event
NEEDS_REACH = 12  # how far before a noun the verb it needs may stand ("توصلت إيران ... إلى اتفاق")
VENUE_REACH = 3  # a gathering noun this close after "on the sidelines of" names the venue
NOT_WITH_REACH = 8  # tokens after a trigger where a word of its other sense is looked for


@dataclass
class Unit:
    """One event's trigger words: a span or a verb plus the noun it governs."""

    spans: list[Span]
    rule: TriggerRule
    extra_rules: list[TriggerRule] = field(default_factory=list)
    exchange: bool = False  # governed by a verb of exchange
    agreed: bool = False  # what parties agreed to do ("agreed to meet again", "اتفقا على عقد جولة"): a plan
    continues: bool = False  # its subject is a pronoun for the last event's ("..., where he met X"): when and where too

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
    quote_dated_apart: bool = True  # a date outside the quote dates the saying only ("X said on Monday")
    previous_source: Mention | None = None  # the subject of the sentence's last event so far
    previous_sources: list[Mention] = field(default_factory=list)  # and those coordinated with it
    previous_label: str | None = None  # the type of that event
    previous_when: DateSpan | None = None  # and its date and place
    previous_location: str | None = None
    previous_planned: bool = False  # and whether it was still to come
    known: set[int] = field(default_factory=set)
    windows: dict[int, flags.Window] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)  # the sentence's trigger units, whose clauses ``windows`` holds
    ahead: list[DateMention] | None = None  # the dates read ahead (deadlines, plans), found when first asked
    dated: set[int] | None = None  # the tokens of the sentence's dates, found when first asked
    earlier: list[Event] = field(default_factory=list)  # the events of the article's sentences before this one
    anchor: Anchor | None = None  # what the article last told of: "the next day" counts from it
    subject_before: Mention | None = None  # the first person named in the last sentence that named one
    party_starts: set[int] = field(default_factory=set)  # where the sentence's actor mentions start
    party_tokens: set[int] = field(default_factory=set)  # and every token they cover
    place_starts: set[int] = field(default_factory=set)  # where its places and states start


    def dates_ahead(self, lang: str, published: date | None) -> list[DateMention]:
        """The sentence's dates read ahead of publication, durations included ("within ten days")."""
        if self.ahead is None:
            offset = self.sentence.start_char
            self.ahead = [DateMention(m.start + offset, m.end + offset, m.span, m.counted)
                          for m in find_dates(self.sentence.text, lang, published, future=True, anchor=self.anchor)]
        return self.ahead

    def date_tokens(self) -> set[int]:
        """The tokens of the sentence's date expressions, found when first asked."""
        if self.dated is None:
            doc = self.sentence.doc
            self.dated = {t.i for d in self.dates for t in doc.char_span(d.start, d.end, alignment_mode="expand") or []}
        return self.dated

    def in_attribution(self, mention: Mention) -> bool:
        return any(r.start <= mention.start < r.end for r in self.attribution)

    def quoted(self, unit: Unit) -> bool:
        return self.quote is not None and self.quote[0] <= unit.start < self.quote[1]


def family(label: str) -> str:
    return "correspondence" if label in CORRESPONDENCE else label


def keep_trigger(doc: Doc, span: Span, rule: TriggerRule, facts: SentenceFacts) -> bool:
    if rule.not_before and span.end < len(doc):
        following = " ".join(t.norm_ for t in doc[span.end : span.end + 2])
        if any(following == w or following.startswith(w + " ") for w in rule.not_before):
            return False
    if rule.not_with:
        other_sense = folded(tuple(rule.not_with), doc.lang_)
        if any(t.norm_ in other_sense for t in doc[span.end : min(span.end + NOT_WITH_REACH, facts.sentence.end)]):
            return False
    if rule.object_next and not _party_named_next(span, facts):
        return False
    if rule.place_next and not facts.place_starts & {span.end, span.end + 1}:
        return False
    if any(s.label_ == "figurative" and s.start <= span.start and span.end <= s.end for s in facts.cue_spans):
        return False  # "وجهت طهران رسالة واضحة إلى واشنطن": a signal, not a letter
    if rule.noun and any(s.label_ == "venue" and 0 <= span.start - s.end <= VENUE_REACH for s in facts.cue_spans):
        return False  # "on the sidelines of the NATO summit": where, not what
    if rule.needs:
        wanted = [s for s in facts.cue_spans if s.label_ in (rule.needs, rule.held_by)]
        if not any(0 <= span.start - s.end <= NEEDS_REACH or 0 <= s.start - span.end <= 1 for s in wanted):
            return False
    # "a message ..., conveyed by X": the verb names the courier of another event, not one of its own
    if any(s.label_ == "marker:via" and s.start <= span.start and span.end <= s.end and len(s) > len(span)
           for s in facts.cue_spans):
        return False
    return not any(r.start <= span.start < r.end for r in facts.attribution)


TOPIC_REACH = 3  # words between "about" and the event noun it is about ("on the results of the talks")
TITLE_REACH = 4  # words skipped before the name: "his special envoy Steve Witkoff"


def _party_named_next(span: Span, facts: SentenceFacts) -> bool:
    """A party named right after a trigger (one word may stand between), past a possessive and a title."""
    doc = span.doc
    table = cues(doc.lang_)
    owners = folded(tuple(table.single_owner + table.plural_owner), doc.lang_)
    titles = {i for s in facts.cue_spans if s.label_ in ("person_title", "official") for i in range(s.start, s.end)}
    at = span.end
    while at < len(doc) and (at in titles or doc[at].norm_ in owners) and at - span.end < TITLE_REACH:
        at += 1
    return bool(facts.party_starts & {at, at + 1})


def trigger_units(doc: Doc, spans: list[Span], rules: dict[str, TriggerRule], facts: SentenceFacts) -> list[Unit]:
    units: list[Unit] = []
    for span in spans:
        rule = rules[span.id_]
        if not keep_trigger(doc, span, rule, facts):
            continue
        prev = units[-1] if units else None
        if prev and family(prev.rule.label) == family(rule.label) and span.start - prev.end <= GROUP_REACH and not (
                prev.rule.reply and any(t.is_punct for t in doc[prev.end : span.start])):  # "In response, X wrote"
            if rule.frame == "noun" and prev.rule.frame == "active" and len(prev.spans) == 1 and any(
                    c.label_ == "pass_verb" and c.start == prev.start for c in facts.cue_spans):
                # "Oman conveyed a message from Tehran": the noun, read from the verb of passing, names the sender
                units[-1] = Unit([span], rule)
                continue
            prev.spans.append(span)
            prev.extra_rules.append(rule)
            continue
        units.append(Unit([span], rule))
    # "received a letter": a verb that is an event alone yields to the noun it governs, not to its topic
    # ("told Hamas it had until noon" is the deadline; "informed Netanyahu about the deadline" is a message)
    # ("received Araghchi, who handed him a letter": the relative clause is an event of its own)
    apart = {s.start for s in facts.cue_spans if s.label_ in ("marker:about", "relative")}
    kept = []
    for i, u in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else None
        if following is not None and following.rule.label in u.rule.yields_to and (
                following.start - u.end <= GROUP_REACH and _yields_through(doc, u, following, facts, apart)):
            following.agreed = following.agreed or bool(u.rule.yield_through)  # "agreed to meet": a plan
            continue
        kept.append(u)
    units = kept
    within = [s for s in facts.cue_spans if s.label_ == "within_it"]
    during_ends = {s.end for s in facts.cue_spans if s.label_ == "during"}
    return [u for i, u in enumerate(units)
            if not (u.rule.yields_across and (any(v.rule.label in u.rule.yields_to for v in units[i + 1 :]) or (
                any(v.rule.label in u.rule.yields_to for v in units[:i])
                and any(0 <= s.start - u.end <= 1 or 0 <= u.start - s.end <= 2 for s in within)) or any(
                v.rule.label in u.rule.yields_to and {v.start, v.start - 1} & during_ends for v in units[:i])))]


def _yields_through(doc: Doc, unit: Unit, following: Unit, facts: SentenceFacts, apart: set[int]) -> bool:
    """Whether the words between a unit and the next one let it yield: those its rule lists, or else any but a
    topic marker or a relative pronoun."""
    if not unit.rule.yield_through:
        return not apart & set(range(unit.end, following.start))
    allowed = folded(tuple(unit.rule.yield_through), doc.lang_)
    return all(t.norm_ in allowed or t.i in facts.party_tokens for t in doc[unit.end : following.start])


def clause_window(unit: Unit, units: list[Unit], facts: SentenceFacts) -> tuple[flags.Window, int]:
    """The clause of a unit, and the hard left edge a subject may still be looked for beyond it."""
    index = units.index(unit)
    sentence = facts.sentence
    hard_left = units[index - 1].end if index > 0 else sentence.start
    right = units[index + 1].start if index + 1 < len(units) else sentence.end
    left = max([hard_left] + [end for _, end in facts.breaks if end <= unit.start])
    if is_topic(unit, facts) or repeats(unit, units):
        left = unit.start  # "informed X of the talks with Y": the talks' parties come after the noun
    opened = relative_verb(unit, facts)  # "the letter that Trump sent to Khamenei": the clause goes on through it
    right = min([right] + [start for start, _ in facts.breaks if start >= unit.end
                           and (opened is None or start >= opened.end)])
    return flags.Window(left, right), hard_left


RELATIVE_REACH = 3  # tokens from a relative pronoun to the verb of its clause ("that Trump sent", "التي بعثها")


def relative_verb(unit: Unit, facts: SentenceFacts) -> Span | None:
    """The verb of sending, receiving or giving in a relative clause right after an event noun: "the letter that
    Trump sent", "الرسالة التي بعثها ترامب", "المهلة التي حددها ترامب لإيران"."""
    if unit.rule.frame not in ("noun", "symmetric"):
        return None
    opener = next((c for c in facts.cue_spans if c.label_ in ("relative", "complementizer")
                   and 0 <= c.start - unit.end <= 1), None)
    if opener is None:
        return None
    return next((c for c in facts.cue_spans if (c.label_ in GOVERNING or c.label_ == "give_verb")
                 and 0 <= c.start - opener.end <= RELATIVE_REACH), None)


def repeats(unit: Unit, units: list[Unit]) -> bool:
    """A noun naming again the event of a verb before it ("زار أنقرة ... في أول زيارة له إلى تركيا")."""
    return unit.rule.frame == "noun" and any(
        u.start < unit.start and u.rule.label == unit.rule.label and u.rule.frame != "noun" for u in units)


def is_topic(unit: Unit, facts: SentenceFacts) -> bool:
    """A noun trigger that is what another trigger is about: after "about"/"عن" or with ب attached."""
    if unit.rule.frame not in ("noun", "symmetric"):
        return False
    head = unit.head[0]
    # "about the talks", and past a few words that are no party: "على نتائج المحادثات", "on the results of the talks"
    # ("عن نقله رسائل", of his passing messages: the verb between is the event, not a topic)
    # (nor across a date or a conjunction: "landed on Friday and was received by" is no topic)
    between = facts.party_tokens | {i for c in facts.cue_spans if c.label_ in GOVERNING or c.label_ == "marker:and"
                                    for i in range(c.start, c.end)}
    doc = head.doc
    between |= facts.date_tokens()
    between |= {i for i in range(max(0, unit.start - TOPIC_REACH), unit.start) if doc[i].is_punct}
    governing_ends = {c.end for c in facts.cue_spans if c.label_ in GOVERNING}  # "passed on": a particle, not "about"
    if any(s.label_ == "marker:about" and 0 <= unit.start - s.end <= TOPIC_REACH and s.start not in governing_ends
           and not between & set(range(s.end, unit.start)) for s in facts.cue_spans):
        return True
    sending = any(s.label_ in GOVERNING and 0 <= unit.start - s.end <= 4 for s in facts.cue_spans)
    # "أبلغه بالمحادثات" (told him of the talks), but "بعث برسالة" (sent a letter)
    return head.doc.lang_ == "ar" and not sending and proclitic(head.text, head.norm_, "ar").endswith(("ب", "بال"))


def needed_cue(facts: SentenceFacts, unit: Unit) -> Span | None:
    """The verb an active trigger needs, read like a governing verb ("gave Iraq until 15 January")."""
    if unit.rule.frame != "active" or not unit.rule.needs:
        return None
    found = [s for s in facts.cue_spans if s.label_ in (unit.rule.needs, unit.rule.held_by) and s.end <= unit.start]
    # the nearest, and of two ending together the longer: "was given" (held) before "given" (giving)
    return max(found, key=lambda s: (s.end, len(s))) if found else None


def governing_verb(facts: SentenceFacts, unit: Unit, window: flags.Window) -> Span | None:
    verbs = [
        s for s in facts.cue_spans
        if s.label_ in GOVERNING and window.start <= s.start and s.end <= unit.start
    ]
    return verbs[-1] if verbs else None


def sentence_facts(doc: Doc, sentence: Span, cue_spans: list[Span], lang: str,
                    published: date | None, mentions: list[Mention], anchor: Anchor | None = None) -> SentenceFacts:
    here = cue_spans  # those of this sentence
    breaks = [(s.start, s.end) for s in here if s.label_ == "clause_break"]
    dates = [
        DateMention(m.start + sentence.start_char, m.end + sentence.start_char, m.span)
        for m in find_dates(sentence.text, lang, published, anchor=anchor, back=True)  # plans read theirs ahead
    ]
    facts = SentenceFacts(sentence, here, breaks, flags.attribution_regions(here, sentence), dates, anchor=anchor)
    facts.speaker, facts.quote, facts.quote_dated_apart = speaker_and_quote(doc, sentence, here, mentions, dates)
    facts.party_starts = {m.start for m in mentions if m.actor is not None and m.kind != "place"}
    facts.party_tokens = {i for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
    facts.place_starts = {m.start for m in mentions if m.kind == "place" or (m.actor and m.actor.kind == "state")}
    return facts


def _past_speech_date(doc: Doc, start: int, end: int, dates: Sequence[DateMention]) -> int:
    """Where a quote begins once a date right after the verb of saying is left to that verb: "X said on
    Thursday (that) he had received ...", "قال X أمس إنه ..." tell when it was said, not when it happened."""
    if start + 1 >= min(end, len(doc)):
        return start
    first, second = doc[start].idx, doc[start + 1].idx
    for d in dates:
        if first <= d.start <= second:
            return next((t.i for t in doc[start:end] if t.idx >= d.end), end)
    return start


def _voiced(doc: Doc, verb: Span, here: list[Mention], cue_spans: list[Span]) -> Mention | None:
    """"Netanyahu's office said": the person whose office (spokesman, aides) speaks."""
    voice = next((s for s in cue_spans if s.label_ == "voice" and s.end == verb.start), None)
    if voice is None or voice.start < 2 or doc[voice.start - 1].norm_ not in ("'s", "'"):
        return None
    return next((m for m in here if m.end == voice.start - 1 and m.actor is not None
                 and m.actor.kind == "person"), None)


def speaker_and_quote(doc: Doc, sentence: Span, cue_spans: list[Span], mentions: list[Mention],
                      dates: Sequence[DateMention] = ()) -> tuple[Mention | None, tuple[int, int] | None, bool]:
    """Who speaks in a sentence, which tokens they say ("X said: ...", "قال X إن ...", "..., X said."), and whether
    a date outside what is said dates only the saying (a verb of saying; not one of confirming or denying)."""
    for verb in (s for s in cue_spans if s.label_ in ("speech", "avowal")):
        apart = verb.label_ == "speech"
        here = [m for m in mentions if sentence.start <= m.start < sentence.end and m.actor is not None]
        speaker = next((m for m in here if m.end in (verb.start, verb.start - 1)), None) or next(
            (m for m in here if m.start in (verb.end, verb.end + 1)), None) or _voiced(doc, verb, here, cue_spans)
        if speaker is None:
            continue
        first, last = min(speaker.start, verb.start), max(speaker.end, verb.end)
        last = _past_speech_date(doc, last, sentence.end, dates)
        # "..., the State Department said.", "..., Araghchi said on Wednesday."
        # ("..., the White House said, adding that ...": set off by commas on both sides)
        set_off = first > sentence.start and doc[first - 1].text in (",", "،")
        trailing = set_off and ((sentence.end - last <= 5 and not any(
            s.label_ == "clause_break" and s.start >= last for s in cue_spans)) or (
            last < sentence.end and doc[last].text in (",", "،")))
        if last >= sentence.end - 2 or trailing:
            return speaker, (sentence.start, first), apart
        return speaker, (last, sentence.end), apart
    return None, None, True


def event_date(unit: Unit, facts: SentenceFacts, doc: Doc, window: flags.Window, lang: str,
                published: date | None, future: bool) -> DateSpan | None:
    dates = facts.dates_ahead(lang, published) if future else facts.dates
    if not dates:
        return None
    trigger_char = doc[unit.start].idx
    w_start, w_end = doc[window.start].idx, doc[window.end - 1].idx + len(doc[window.end - 1])
    inside = [d for d in dates if w_start <= d.start and d.end <= w_end]
    # "لم يبلغ ... إلا في أيلول": the date after the exception is when it did happen
    exceptions = [doc[s.end].idx for s in facts.cue_spans if s.label_ == "exceptive" and s.start >= unit.end
                  and s.end < len(doc)]
    inside += [d for d in dates if any(0 <= d.start - c <= 6 for c in exceptions)]
    # a later noun of the same kind that names no party is this event again ("agreed on the first phase of a
    # ceasefire deal on Wednesday"): its date is this one's
    again = {id(u) for u in facts.units if u.start > unit.start and family(u.rule.label) == family(unit.rule.label)
             and id(u) in facts.windows
             and not facts.party_starts & set(range(facts.windows[id(u)].start, facts.windows[id(u)].end))}
    others = [w for key, w in facts.windows.items() if key != id(unit) and key not in again]
    free = [d for d in dates if not any(char_window(doc, w)[0] <= d.start < char_window(doc, w)[1]
                                                for w in others)]
    pool = inside or free
    if facts.quoted(unit) and facts.quote is not None and facts.quote_dated_apart:
        # reported speech: a date outside what is said dates the saying ("..., X said on Monday")
        q_start = doc[facts.quote[0]].idx
        q_end = doc[facts.quote[1] - 1].idx + len(doc[facts.quote[1] - 1])
        pool = [d for d in pool if q_start <= d.start and d.end <= q_end]
    if not pool:
        return None
    # a date named beats a length counted from publication: "the 60-day deadline ended on Friday"
    pool = [d for d in pool if not d.counted] or pool
    # read ahead in the sentence, not from the span's text alone: "in May" needs its "in"
    return min(pool, key=lambda d: date_distance(d, trigger_char)).span


def date_distance(mention: DateMention, trigger_char: int) -> float:
    """How far a date stands from a trigger, in characters, weighted: a date before the trigger is
    often in a relative clause, and "since X" is a point of reference, not the event's date."""
    distance = float(abs(mention.start - trigger_char))
    if mention.start < trigger_char:
        distance *= 1.5
    if mention.span.precision == "range":
        distance *= 3
    return distance


def char_window(doc: Doc, window: flags.Window) -> tuple[int, int]:
    last = doc[window.end - 1]
    return doc[window.start].idx, last.idx + len(last)


def possessive_suffix(head: Span, lang: str) -> bool:
    """A noun carrying a pronoun of its owner: "زيارته", "رسالتها"."""
    last = head[-1]
    return lang == "ar" and fold(last.text, lang) != last.norm_ and fold(last.text, lang).startswith(last.norm_[:-1])


def coordinated(doc: Doc, unit: Unit, lang: str) -> bool:
    """A verb joined to the one before it ("and met", "والتقى"), so it shares that verb's subject."""
    head = unit.head[0]
    if lang == "ar":
        return proclitic(head.text, head.norm_, lang).startswith(("و", "ف")) or (
            head.i > 0 and doc[head.i - 1].norm_ in ("و", "ثم"))
    return head.i > 0 and doc[head.i - 1].norm_ in ("and", "then")


def has_contact(unit: Unit, units: list[Unit]) -> bool:
    return any(u is not unit and u.rule.label != "statement" for u in units)


def definite(doc: Doc, head: Span, lang: str) -> bool:
    """A noun that refers back: "الرسالة", "this letter", "the talks"."""
    after = {t.norm_ for t in doc[head.end : head.end + 3]}
    if lang == "ar":
        return head[0].text.startswith(("ال", "وال", "بال", "لل")) or bool(after & {"هذه", "هذا", "تلك", "ذلك"})
    return head.start > 0 and doc[head.start - 1].norm_ in {"the", "this", "that", "these", "those"}
