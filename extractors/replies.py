"""Replies: "Tehran answered Trump's letter with a message through Oman", "ردّ خامنئي على رسالة أوباما برسالة".

A reply trigger groups with the letter or message nouns after it (one family). Each such noun is either the
form of the reply ("with a message", "برسالة", "in a letter") or what it answers ("Trump's letter", "على
رسالة ترامب"). The reply goes from the replier to the writer of what it answers; it is a letter when it or
its form is written, a message otherwise. What it answers is itself an event: a letter from that writer to
the replier. A reply about no letter or message ("replied to the strikes") is no correspondence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .actors import actor_base
from .clauses import GOVERNING, SentenceFacts, Unit
from .lexicon import TriggerRule, event_types
from .mentions import Mention
from .roles import SKIPPABLE, Placed, Roles, proclitic
from .schema import CORRESPONDENCE, Actor, Event


@dataclass
class Answered:
    """The letter or message noun a reply answers, and whom that letter was addressed to, if named."""

    span: Span
    rule: TriggerRule
    addressees: list[Mention] = field(default_factory=list)
    reported_before: bool = False  # the article already gave this letter as an event


FORM_MARKERS = {"with", "location", "by", "via"}  # "with a message", "in a letter", "by letter"
SENDING_REACH = 3  # "sent its reply": a verb of sending this close before the reply makes it correspondence


def _is_form(doc: Doc, span: Span, marker_ends: dict[int, str]) -> bool:
    """A noun introduced as the means of the reply: "with a message", "برسالة", "في رسالة"."""
    start = span.start
    if marker_ends.get(start) in FORM_MARKERS:
        return True
    if start > 0 and doc[start - 1].norm_ in SKIPPABLE and marker_ends.get(start - 1) in FORM_MARKERS:
        return True
    first = span[0]
    return doc.lang_ == "ar" and proclitic(first.text, first.norm_, "ar").endswith("ب")


def reply_parts(doc: Doc, unit: Unit, marker_ends: dict[int, str]) -> tuple[list[TriggerRule], Answered | None]:
    """The rules of the nouns giving the reply's form, and the noun it answers (the first other one)."""
    forms: list[TriggerRule] = []
    answered: Answered | None = None
    for span, rule in zip(unit.spans[1:], unit.extra_rules, strict=True):
        if rule.reply:
            continue
        if _is_form(doc, span, marker_ends):
            forms.append(rule)
        elif answered is None:
            answered = Answered(span, rule)
    return forms, answered


def about_correspondence(unit: Unit, facts: SentenceFacts, forms: list[TriggerRule], answered: Answered | None,
                         roles: Roles, placed: list[Placed]) -> bool:
    """A reply counts when it answers or takes the form of a letter or message, is written, is sent, or is
    addressed to someone ("جواب إيران إلى ترامب"; English "replied to" holds its "to" in the trigger)."""
    if unit.rule.written or forms or answered is not None:
        return True
    head_end = unit.head.end
    to_marks = [s for s in facts.cue_spans if s.label_ == "marker:to" and s.start >= head_end]
    if any(p.mention in roles.targets and any(0 <= p.mention.start - s.end <= 1 for s in to_marks) for p in placed):
        return True
    return any(s.label_ in GOVERNING and GOVERNING[s.label_] != "symmetric" and 0 <= unit.start - s.end <= SENDING_REACH
               for s in facts.cue_spans)


def reply_type(unit: Unit, forms: list[TriggerRule]) -> str:
    return "letter_sent" if unit.rule.written or any(r.written for r in forms) else "message_passed"


def reply_targets(roles: Roles, placed: list[Placed], unit: Unit, answered: Answered | None,
                  earlier: list[Event]) -> None:
    """The reply goes to the writer of what it answers: named between the reply and the letter ("replied
    to Trump's letter", "على رسالة"), right after it ("رسالة ترامب") or "from" after it. "to" after the
    letter names the letter's own addressee ("answered Kim's letter to Trump")."""
    if answered is None:
        return
    noun = answered.span
    answered.addressees = [p.mention for p in placed if p.marker == "to" and p.mention.start >= noun.end
                           and p.mention is not roles.source and p.mention.actor is not None]
    writers = [p.mention for p in placed if p.mention is not roles.source and p.mention.actor is not None and (
        (p.marker in (None, "to") and unit.head.end <= p.mention.start and p.mention.end <= noun.start)
        or (p.marker is None and 0 <= p.mention.start - noun.end <= 1)
        or (p.marker == "from" and p.mention.start >= noun.end))]
    roles.targets = writers or [m for m in roles.targets if m not in answered.addressees]
    if not roles.targets and roles.source is not None and roles.source.actor is not None:
        roles.targets = _writer_before(roles.source.actor, unit, earlier)
        answered.reported_before = bool(roles.targets)


def _writer_before(replier: Actor, unit: Unit, earlier: list[Event]) -> list[Mention]:
    """"Trump wrote to Khamenei. Iran answered the letter": the writer of the last letter or message the
    article reported to the replier (or to someone of the replier's state)."""
    base = actor_base()
    for event in reversed(earlier):
        if event.type not in CORRESPONDENCE or event.source is None or event.negated:
            continue
        addressees = [base.actors.get(t.id) for t in event.targets]
        if any(a is not None and (a.id == replier.id or a.country == replier.id or (
                replier.country and a.id == replier.country)) for a in addressees):
            writer = base.actors.get(event.source.id)
            return [Mention(unit.start, unit.start, "actor", actor=writer, text=event.source.name)] if writer else []
    return []


def answered_event(reply: Event, unit: Unit, answered: Answered | None) -> list[tuple[Event, Unit, bool]]:
    """The letter or message a reply answers: from the one replied to, to its addressee or the replier, undated."""
    if answered is None or answered.reported_before or reply.source is None or not reply.targets:
        return []
    label = answered.rule.label
    spec = event_types()[label]
    addressees = [m.ref for m in answered.addressees if m.ref is not None] or [reply.source]
    event = reply.model_copy(update={
        "id": reply.id + "-answered", "type": label, "source": reply.targets[0], "targets": addressees,
        "via": [], "date": None, "negated": False, "count": None, "cameo": spec.cameo, "plover": spec.plover,
        # presupposed: asserted whoever reports the reply, and there whether or not it is answered
        "modality": "asserted", "attribution": None})
    return [(event, unit, True)]


def without_reply(unit: Unit) -> Unit | None:
    """The letter and message nouns of a reply unit as a unit of their own, for a reply that names nobody."""
    pairs = [(s, r) for s, r in zip(unit.spans[1:], unit.extra_rules, strict=True) if not r.reply]
    if not pairs:
        return None
    return Unit([s for s, _ in pairs], pairs[0][1], [r for _, r in pairs[1:]])
