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

Cost: O(n log n) in the number of reports. Reports are grouped by key, sorted once, and each finds the
anchors it overlaps by bisection over the anchors' start days (an anchor is never wider than a later
report). Merged events are new Event objects with new lists, but they share the leaf values (actor
references, dates, evidence items) of their reports: treat events as values. graph/build.py runs the
same merge over JSON dicts (:func:`merge_records`), so a large graph is built without an Event per report.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from json.encoder import encode_basestring as quote
from operator import itemgetter
from typing import Any, TypeVar

from extractors.schema import DateSpan, Event, Evidence

from .build import event_attributes, is_symmetric, paused_gc

SLACK = timedelta(days=1)
MergeKey = tuple[str, bool, bool, tuple[str, ...], tuple[str, ...]]
R = TypeVar("R", Event, dict)
# (width in days, start day, first evidence (article, start), id): most precise first, never input order
Order = tuple[int, int, tuple[str, int], str]
# order, start and end day (ordinals; -1 when undated), the report, its first evidence (None without)
Report = tuple[Order, int, int, Any, tuple[str, int] | None]
_UNDATED_WIDTH, _NO_DAY = 10**6, date.max.toordinal()


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
    if isinstance(event, Event):
        source = event.source.id if event.source is not None else None
        targets = {t.id for t in event.targets}
        flags = (event.type, event.negated, event.recurring)
    else:
        ref = event.get("source")
        source = ref["id"] if ref else None
        targets = {t["id"] for t in event.get("targets", [])}
        flags = (event["type"], bool(event.get("negated")), bool(event.get("recurring")))
    if is_symmetric(event):
        return (*flags, (), tuple(sorted(targets | ({source} if source else set()))))
    return (*flags, (source,), tuple(sorted(targets)))


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


def _event_report(event: Event) -> Report:
    span = event.date
    first = min(((ev.article, ev.start) for ev in event.evidence), default=None)
    if span is None:
        return (_UNDATED_WIDTH, _NO_DAY, first or ("", 0), event.id), -1, -1, event, first
    start, end = span.start.toordinal(), span.end.toordinal()
    return (end - start, start, first or ("", 0), event.id), start, end, event, first


def _record_report(record: dict[str, Any]) -> Report:
    span = record.get("date")
    first = min(((ev["article"], ev["start"]) for ev in record.get("evidence", ())), default=None)
    if span is None:
        return (_UNDATED_WIDTH, _NO_DAY, first or ("", 0), record["id"]), -1, -1, record, first
    start, end = _ordinal(span["start"]), _ordinal(span["end"])
    return (end - start, start, first or ("", 0), record["id"]), start, end, record, first


@lru_cache(maxsize=1 << 16)
def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


@lru_cache(maxsize=1 << 16)
def _iso_day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _record_entry(record: dict[str, Any]) -> tuple[MergeKey, Report]:
    """:func:`merge_key` and :func:`_record_report` of an edge dict (which says whether it is ``symmetric``),
    the same values with short cuts for the common shapes: one target, one evidence item."""
    source, targets, evidence = record["source"], record["targets"], record["evidence"]
    if len(targets) == 1:
        flags, target = (record["type"], bool(record["negated"]), bool(record["recurring"])), targets[0]["id"]
        if not record["symmetric"]:  # then there is a source
            key: MergeKey = (*flags, (source["id"],), (target,))
        elif source is None or source["id"] == target:
            key = (*flags, (), (target,))
        else:
            ids = (source["id"], target)
            key = (*flags, (), ids if ids[0] < ids[1] else (target, ids[0]))
    else:
        key = merge_key(record)
    if len(evidence) != 1:
        return key, _record_report(record)
    first = (evidence[0]["article"], evidence[0]["start"])
    span = record["date"]
    if span is None:
        return key, ((_UNDATED_WIDTH, _NO_DAY, first, record["id"]), -1, -1, record, first)
    start, end = _ordinal(span["start"]), _ordinal(span["end"])
    return key, ((end - start, start, first, record["id"]), start, end, record, first)


def _cluster(reports: list[Report]) -> list[list[Report]]:
    """Group the reports of one merge key into real events (see the module docstring)."""
    if len(reports) == 1:  # most keys at scale
        return [reports]
    clusters: list[list[Report]] = []
    # the anchors by start day (then cluster index), as two parallel lists; an anchor is never wider
    starts: list[int] = []
    indexes: list[int] = []
    anchor_ends: list[int] = []  # by cluster index
    undated = []
    for report in sorted(reports, key=itemgetter(0)):
        order, start, end = report[:3]
        if start < 0:
            undated.append(report)
            continue
        # an anchor overlapping [start - 1, end + 1] starts at most `width` days before `start`
        low, high = bisect_left(starts, start - 1 - order[0]), bisect_left(starts, end + 2)
        hits = [i for i in indexes[low:high] if anchor_ends[i] >= start - 1] if low < high else []
        if len(hits) > 1:  # ambiguous: only an identical interval decides
            hits = [i for i in hits if (clusters[i][0][1], anchor_ends[i]) == (start, end)]
        if len(hits) == 1:
            clusters[hits[0]].append(report)
        else:
            at = bisect_right(starts, start)
            starts.insert(at, start)
            indexes.insert(at, len(clusters))
            anchor_ends.append(end)
            clusters.append([report])
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


def _combine(cluster: list[Event], new_id: str | None = None) -> Event:
    """One event from the reports of a cluster; the first report is the anchor."""
    anchor = cluster[0]
    evidence = _unique_evidence(cluster)
    articles = {ev.article for ev in evidence}
    via = {r.id: r for e in cluster for r in e.via}
    topics = dict.fromkeys(t for e in cluster for t in e.topic)
    counts = [e.count for e in cluster if e.count is not None]
    merged = anchor.model_copy(
        update={
            "id": new_id or anchor.id,
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
        }
    )
    merged.__dict__["targets"] = list(anchor.targets)  # a list of its own, and "targets" stays as set or not
    return merged


# the fields _combine sets: a lone report in merged form gets them from itself, so that both paths agree
_COMBINED = ("via", "other_dates", "evidence", "reports", "secret", "modality", "count", "ordinal",
             "location", "attribution", "cameo", "plover", "trigger", "topic")


def _increasing(keys: list) -> bool:
    return all(a < b for a, b in pairwise(keys))


def _merged_form(
    via_ids: list[str], topic: list[str], evidence: list[tuple[str, int, int]], span: tuple | None,
    other_spans: list[tuple], reports: int,
) -> bool:
    """True when merging a report alone would change nothing but its id (the common case): carriers and
    topics without repeats, evidence in order without repeats, other dates in order, apart from the date."""
    if len(via_ids) > 1 and len(set(via_ids)) < len(via_ids) or len(topic) > 1 and len(set(topic)) < len(topic):
        return False
    if len(evidence) > 1 and not _increasing(evidence) or other_spans and not _increasing(other_spans):
        return False
    if span is not None and span in other_spans:
        return False
    return not evidence or reports == len({ev[0] for ev in evidence})


def _event_merged_form(e: Event) -> bool:
    span = (e.date.start, e.date.end) if e.date else None
    return _merged_form(
        [r.id for r in e.via], e.topic, [(ev.article, ev.start, ev.end) for ev in e.evidence], span,
        [(d.start, d.end) for d in e.other_dates], e.reports,
    )


def _record_merged_form(r: dict[str, Any]) -> bool:
    evidence, other_dates = r["evidence"], r["other_dates"]
    if len(evidence) <= 1 and not other_dates and len(r["via"]) <= 1 and len(r["topic"]) <= 1:  # most reports
        return not evidence or r["reports"] == 1
    span = (r["date"]["start"], r["date"]["end"]) if r.get("date") else None  # ISO strings sort as dates
    return _merged_form(
        [v["id"] for v in r["via"]], r["topic"], [(ev["article"], ev["start"], ev["end"]) for ev in r["evidence"]],
        span, [(d["start"], d["end"]) for d in r["other_dates"]], r["reports"],
    )


def _combine_events(cluster: list[Event], new_id: str) -> Event:
    """:func:`_combine`, quicker for a lone report in merged form (new lists, the same fields set)."""
    if len(cluster) > 1 or not _event_merged_form(cluster[0]):
        return _combine(cluster, new_id)
    e = cluster[0]
    update = {name: getattr(e, name) for name in _COMBINED}
    update.update(id=new_id, via=list(e.via), other_dates=list(e.other_dates), evidence=list(e.evidence))
    merged = e.model_copy(update={**update, "topic": list(e.topic)})
    merged.__dict__["targets"] = list(e.targets)
    return merged


def _combine_records(cluster: list[dict[str, Any]], new_id: str) -> dict[str, Any]:
    """:func:`_combine` for JSON dicts; a lone record already in merged form is reused as it is."""
    if len(cluster) == 1 and _record_merged_form(cluster[0]):
        cluster[0]["id"] = new_id
        return cluster[0]
    return event_attributes(_combine([Event.model_validate(r) for r in cluster], new_id))


def _key_json(key: MergeKey) -> str:
    """``json.dumps(key, ensure_ascii=False)``, put together from the key's known shape (json quotes the strings).

    >>> import json
    >>> key = ("letter_sent", False, True, ("a:x",), ("b:\\"y\\"", "c:ع"))
    >>> _key_json(key) == json.dumps(key, ensure_ascii=False)
    True
    """
    kind, negated, recurring, source, targets = key
    flags = f"{'true' if negated else 'false'}, {'true' if recurring else 'false'}"
    return f"[{quote(kind)}, {flags}, [{', '.join(map(quote, source))}], [{', '.join(map(quote, targets))}]]"


def _key_id(key_json: str, start: int, end: int) -> str:
    """:func:`event_id` from a merge key as JSON and the kept interval (day ordinals, -1 when undated).

    The hash is of ``json.dumps([key, [start day, end day] or None], ensure_ascii=False)``; the key's JSON is
    made once per key, and ISO days need no escapes, so the text is put together here.
    """
    span = f'["{_iso_day(start)}", "{_iso_day(end)}"]' if start >= 0 else "null"
    return "ev:" + hashlib.sha1(f"[{key_json}, {span}]".encode()).hexdigest()[:16]


def event_id(event: Event) -> str:
    """A deterministic id from the merge key and the kept date.

    >>> import json
    >>> from graph.examples import example_events
    >>> letter = example_events()[0]
    >>> key = [list(merge_key(letter)), [letter.date.start.isoformat(), letter.date.end.isoformat()]]
    >>> event_id(letter) == "ev:" + hashlib.sha1(json.dumps(key, ensure_ascii=False).encode()).hexdigest()[:16]
    True
    """
    _, start, end, *_ = _event_report(event)
    return _key_id(_key_json(merge_key(event)), start, end)


def _merged(
    items: Iterable[R], entry_of: Callable[[R], tuple[MergeKey, Report]], combine: Callable[[list[R], str], R]
) -> Iterator[R]:
    """The shared merge: group by key, cluster, order the clusters, give ids, combine one at a time."""
    by_key: dict[MergeKey, list[Report]] = defaultdict(list)
    for item in items:
        key, report = entry_of(item)
        by_key[key].append(report)
    # one flat tuple a cluster: the merged event's date, type and precision order (width, first evidence,
    # anchor id), then the key and the cluster's number in it, so no order depends on input; as (key, n)
    # is unique, sorting never compares what follows: the kept interval, the reports and the key's JSON
    ordered: list[Any] = []
    for key, reports in by_key.items():
        key_json, kind = _key_json(key), key[0]
        if len(reports) == 1:  # most keys at scale: one report, one cluster, its own anchor
            (width, day, (article, offset), anchor_id), start, end = reports[0][:3]
            ordered.append((day, kind, width, article, offset, anchor_id, key, 0, start, end, reports, key_json))
            continue
        for n, cluster in enumerate(_cluster(reports)):
            (width, day, _, anchor_id), start, end = cluster[0][:3]
            article, offset = min((r[4] for r in cluster if r[4] is not None), default=("", 0))
            ordered.append((day, kind, width, article, offset, anchor_id, key, n, start, end, cluster, key_json))
    by_key.clear()
    ordered.sort()
    taken: dict[str, int] = {}
    for i, entry in enumerate(ordered):
        ordered[i] = None  # let the reports go as their events are made
        start, end, cluster, key_json = entry[8:]
        base = _key_id(key_json, start, end)
        n = taken[base] = taken.get(base, 0) + 1
        yield combine([r[3] for r in cluster], base if n == 1 else f"{base}-{n}")


def _event_entry(event: Event) -> tuple[MergeKey, Report]:
    return merge_key(event), _event_report(event)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge the reports of the same real event; the result is in date order (undated last).

    >>> from graph.examples import example_events
    >>> merged = merge_events(example_events())
    >>> letters = [e for e in merged if e.type == "letter_sent"]
    >>> [(e.date.start.isoformat(), e.reports, len(e.evidence)) for e in letters]
    [('2009-01-01', 1, 1), ('2014-10-11', 2, 2), ('2015-01-01', 1, 1)]
    """
    with paused_gc():
        return list(_merged(events, _event_entry, _combine_events))


def merge_records(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """:func:`merge_events` over event JSON dicts (as :func:`graph.build.event_attributes` makes them),
    yielding merged dicts one at a time in the same order and with the same ids.

    The dicts are taken over: a report that merges with nothing comes back as the same dict, new id.

    >>> from graph.examples import example_events
    >>> from graph.build import event_attributes
    >>> merged = list(merge_records(event_attributes(e) for e in example_events()))
    >>> [Event.model_validate(r) for r in merged] == merge_events(example_events())
    True
    """
    return _merged(records, _record_entry, _combine_records)
