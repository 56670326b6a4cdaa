"""One event per real event: reports of the same letter, call or meeting, from any article in any
language, become one event with all their evidence.

Rules (every one is a choice, kept simple enough to predict):

- Reports merge only when they agree on the *merge key*: the event type, the participants (for a
  directed event the source and the set of targets; for a symmetric event or one without source the
  set of all participants), ``negated`` (a denied letter is not the letter) and ``recurring`` (a series
  of talks is not one round of it). Intermediaries are not in the key: articles name different carriers
  of the same message, so carriers are united.
- Within a key, dated reports are taken from the most precise (narrowest interval) to the least. Each
  joins the cluster whose anchor (its most precise date) it overlaps, allowing one day of slack for
  time zones and publication lag. Dates "clearly apart" (a gap over one day) never merge: the 2009
  letters, the October 2014 letter and the January 2015 reply stay three events. A vague report that
  overlaps several anchors ("a letter in 2014" with a January and an October letter) is ambiguous and
  stays its own event (precision is preferred to recall).
- An undated report joins the one dated cluster of its key when there is exactly one; with none,
  undated reports of a key form one event; with several, they form one event of their own.
- The merged event keeps the anchor's date and lists the other dates in ``other_dates``; evidence is
  united (one item per ``(article, start, end)``); ``reports`` is the number of distinct articles
  (or the sum of ``reports`` when nothing carries evidence); ``secret`` if any report says so; the
  most assertive modality wins; ``count`` is the largest given.
- Ids are deterministic: a hash of the key and the kept date, so merging is independent of input order
  and the same real event gets the same id in every run.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from extractors.schema import DateSpan, Event, Evidence

from .build import is_symmetric

SLACK = timedelta(days=1)
MergeKey = tuple[str, bool, bool, tuple[str, ...], tuple[str, ...]]
_KEY_FIELDS = {"type", "negated", "recurring", "source", "targets"}


def merge_key(event: Event | Mapping[str, Any]) -> MergeKey:
    """What two reports must share to be one event: type, flags and participants.

    Takes an Event or its JSON dict (as graph edges carry it), with the same result.

    >>> from graph.examples import example_events
    >>> letter = example_events()[0]
    >>> merge_key(letter)
    ('letter_sent', False, False, ('example:obama',), ('example:khamenei',))
    >>> merge_key(letter.model_dump(mode="json")) == merge_key(letter)
    True
    """
    data = event.model_dump(include=_KEY_FIELDS) if isinstance(event, Event) else event
    source = data.get("source")
    targets = {t["id"] for t in data.get("targets", [])}
    flags = (data["type"], bool(data.get("negated")), bool(data.get("recurring")))
    if is_symmetric(data):
        return (*flags, (), tuple(sorted(targets | ({source["id"]} if source else set()))))
    return (*flags, (source["id"],), tuple(sorted(targets)))


def dates_compatible(a: DateSpan, b: DateSpan) -> bool:
    """True when the two intervals overlap, allowing one day of slack.

    >>> from datetime import date
    >>> d = lambda s, e: DateSpan(start=date.fromisoformat(s), end=date.fromisoformat(e), text="")
    >>> dates_compatible(d("2014-10-11", "2014-10-20"), d("2014-10-01", "2014-10-31"))
    True
    >>> dates_compatible(d("2009-01-01", "2009-06-30"), d("2014-10-01", "2014-10-31"))
    False
    """
    return a.start <= b.end + SLACK and b.start <= a.end + SLACK


def _precision_order(event: Event) -> tuple:
    """Most precise first; ties broken by content so that the order never depends on the input order."""
    span = event.date
    width = (span.end - span.start).days if span else 10**6
    first = min(((ev.article, ev.start) for ev in event.evidence), default=("", 0))
    return (width, span.start if span else date.max, first, event.id)


def _cluster(reports: list[Event]) -> list[list[Event]]:
    """Group the reports of one merge key into real events (see the module docstring)."""
    ordered = sorted(reports, key=_precision_order)
    dated = [e for e in ordered if e.date is not None]
    undated = [e for e in ordered if e.date is None]
    clusters: list[list[Event]] = []
    for event in dated:
        hits = [c for c in clusters if dates_compatible(c[0].date, event.date)]
        if len(hits) > 1:  # ambiguous: only an identical interval decides
            hits = [c for c in hits if (c[0].date.start, c[0].date.end) == (event.date.start, event.date.end)]
        if len(hits) == 1:
            hits[0].append(event)
        else:
            clusters.append([event])
    if undated:
        if len(clusters) == 1:
            clusters[0].extend(undated)
        else:
            clusters.append(undated)
    return clusters


def _unique_dates(anchor: DateSpan | None, events: list[Event]) -> list[DateSpan]:
    seen = {(anchor.start, anchor.end)} if anchor else set()
    out = []
    for span in [e.date for e in events if e.date] + [d for e in events for d in e.other_dates]:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return sorted(out, key=lambda d: (d.start, d.end, d.text))


def _unique_evidence(events: list[Event]) -> list[Evidence]:
    found = {(ev.article, ev.start, ev.end): ev for e in events for ev in e.evidence}
    return [found[k] for k in sorted(found)]


def _first(values: Iterable) -> object | None:
    return next((v for v in values if v is not None), None)


def _modality(events: list[Event]) -> str:
    modes = {e.modality for e in events}
    return next(m for m in ("asserted", "reported", "planned") if m in modes)


def _combine(cluster: list[Event]) -> Event:
    """One event from the reports of a cluster; the first report is the anchor."""
    anchor = cluster[0]
    evidence = _unique_evidence(cluster)
    articles = {ev.article for ev in evidence}
    via = {r.id: r for e in cluster for r in e.via}
    topics = dict.fromkeys(t for e in cluster for t in e.topic)
    counts = [e.count for e in cluster if e.count is not None]
    return anchor.model_copy(
        update={
            "via": list(via.values()),
            "other_dates": _unique_dates(anchor.date, cluster),
            "evidence": evidence,
            "reports": len(articles) if articles else sum(e.reports for e in cluster),
            "secret": any(e.secret for e in cluster),
            "modality": _modality(cluster),
            "count": max(counts) if counts else None,
            "ordinal": _first(e.ordinal for e in cluster),
            "location": _first(e.location for e in cluster),
            "attribution": _first(e.attribution for e in cluster),
            "cameo": _first(e.cameo for e in cluster),
            "plover": _first(e.plover for e in cluster),
            "trigger": _first(e.trigger for e in cluster),
            "topic": list(topics),
        },
        deep=True,
    )


def event_id(event: Event) -> str:
    """A deterministic id from the merge key and the kept date."""
    span = [event.date.start.isoformat(), event.date.end.isoformat()] if event.date else None
    raw = json.dumps([list(merge_key(event)), span], ensure_ascii=False)
    return "ev:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _output_order(event: Event) -> tuple:
    return (event.date.start if event.date else date.max, event.type, _precision_order(event))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge the reports of the same real event; the result is in date order (undated last).

    >>> from graph.examples import example_events
    >>> merged = merge_events(example_events())
    >>> letters = [e for e in merged if e.type == "letter_sent"]
    >>> [(e.date.start.isoformat(), e.reports, len(e.evidence)) for e in letters]
    [('2009-01-01', 1, 1), ('2014-10-11', 2, 2), ('2015-01-01', 1, 1)]
    """
    by_key: dict[MergeKey, list[Event]] = defaultdict(list)
    for event in events:
        by_key[merge_key(event)].append(event)
    merged = [_combine(c) for key in sorted(by_key) for c in _cluster(by_key[key])]
    merged.sort(key=_output_order)
    taken: dict[str, int] = {}
    out = []
    for event in merged:
        base = event_id(event)
        taken[base] = taken.get(base, 0) + 1
        out.append(event.model_copy(update={"id": base if taken[base] == 1 else f"{base}-{taken[base]}"}))
    return out
