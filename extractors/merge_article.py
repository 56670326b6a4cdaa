"""One event per real event within an article: repeated mentions become several evidence spans.

Two events of one article are the same when type, participants and negation agree and their dates
overlap (or one has none). A later dateless mention joins the most recent matching event. A
definite noun with no participants ("the letter", "الرسالة") is evidence for the last event of its
type whose date it fits, and gives it its courier and, when it had none, its date.
"""

from __future__ import annotations

from .schema import CORRESPONDENCE, DateSpan, Event

SYMMETRIC = {"phone_call", "meeting_held", "talks_held", "agreement_reached", "deadline_set"}


def same_parties(a: Event, b: Event) -> bool:
    """Same type, negation and participants; a report that does not name the sender fits one that does."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.type in SYMMETRIC:
        return {r.id for r in a.participants} == {r.id for r in b.participants}
    if {r.id for r in a.targets} != {r.id for r in b.targets}:
        return False
    return a.source is None or b.source is None or a.source.id == b.source.id


def overlaps(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Whether two dates can be the same event's (a missing date fits any)."""
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None or b is None:
        return a or b
    return a if (a.end - a.start) <= (b.end - b.start) else b


def absorb(kept: Event, other: Event) -> None:
    """Fold ``other`` into ``kept``: evidence, the more precise date, and every attribute either has."""
    seen = {(e.article, e.start, e.end) for e in kept.evidence}
    kept.evidence += [e for e in other.evidence if (e.article, e.start, e.end) not in seen]
    best = narrower(kept.date, other.date)
    for d in (kept.date, other.date):
        if d is not None and d != best and d not in kept.other_dates:
            kept.other_dates.append(d)
    kept.date = best
    kept.secret = kept.secret or other.secret
    kept.recurring = kept.recurring or other.recurring
    kept.count = kept.count or other.count
    kept.ordinal = kept.ordinal or other.ordinal
    kept.location = kept.location or other.location
    kept.attribution = kept.attribution or other.attribution
    kept.via += [v for v in other.via if v.id not in {x.id for x in kept.via}]
    kept.source = kept.source or other.source
    kept.topic = sorted(set(kept.topic) | set(other.topic))
    if kept.modality == "asserted" and other.modality == "reported":
        kept.modality = "reported"
    kept.reports = len(kept.evidence)


def merge_article_events(events: list[Event], anaphors: list[Event]) -> list[Event]:
    """Merge repeated mentions, then attach definite participant-less mentions as evidence."""
    merged: list[Event] = []
    for event in events:
        candidates = [m for m in merged if same_parties(m, event) and overlaps(m.date, event.date)]
        if event.date is not None:
            candidates = [m for m in candidates if m.date is not None] or candidates
        if candidates:
            absorb(candidates[-1], event)
        else:
            merged.append(event)
    for anaphor in anaphors:
        family = CORRESPONDENCE if anaphor.type in CORRESPONDENCE else {anaphor.type}
        fits = [m for m in merged if m.type in family and m.evidence[0].start <= anaphor.evidence[0].start
                and overlaps(m.date, anaphor.date) and not m.negated]
        if fits:
            # a mention that only refers back adds its sentence, a count or rank, who carried it ("The letter,
            # delivered by an Emirati envoy, ..."), and a date when the event had none; nothing else
            target = fits[-1]
            seen = {(e.article, e.start, e.end) for e in target.evidence}
            target.evidence += [e for e in anaphor.evidence if (e.article, e.start, e.end) not in seen]
            target.ordinal = target.ordinal or anaphor.ordinal
            target.count = target.count or anaphor.count
            parties = {r.id for r in [*target.participants, *target.via]}
            target.via += [v for v in anaphor.via if v.id not in parties]
            target.date = target.date or anaphor.date
            target.reports = len(target.evidence)
    return merged
