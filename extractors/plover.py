"""PLOVER-style records for users of POLECAT and NGEC tooling, beside dipgraph's own format."""

from __future__ import annotations

from typing import Any

from .schema import Event


def to_plover(event: Event) -> dict[str, Any]:
    """One event as a PLOVER-style record: actor, recipient, event, mode, context, dates and offsets.

    >>> from extractors.schema import ActorRef, Plover
    >>> e = Event(id="e1", type="phone_call", source=ActorRef(id="USA", name="United States"),
    ...           targets=[ActorRef(id="IRN", name="Iran")], plover=Plover(category="CONSULT", mode="phone"))
    >>> r = to_plover(e)
    >>> (r["actor"], r["recipient"], r["event"], r["mode"])
    ('United States', 'Iran', 'CONSULT', 'phone')
    """
    first = event.evidence[0] if event.evidence else None
    return {
        "id": event.id,
        "actor": event.source.name if event.source else None,
        "actor_id": event.source.id if event.source else None,
        "recipient": "; ".join(t.name for t in event.targets) or None,
        "recipient_ids": [t.id for t in event.targets],
        "event": event.plover.category if event.plover else None,
        "mode": event.plover.mode if event.plover else None,
        "context": event.topic,
        "date": event.date.start.isoformat() if event.date else None,
        "enddate": event.date.end.isoformat() if event.date else None,
        "date_text": event.date.text if event.date else None,
        "cameo": event.cameo,
        "dipgraph_type": event.type,
        "via": [v.name for v in event.via],
        "negated": event.negated,
        "secret": event.secret,
        "modality": event.modality,
        "attribution": event.attribution,
        "count": event.count,
        "ordinal": event.ordinal,
        "location": event.location,
        "language": event.lang,
        "article": first.article if first else None,
        "text": first.text if first else None,
        "start": first.start if first else None,
        "end": first.end if first else None,
        "evidence": [e.model_dump() for e in event.evidence],
    }
