"""Score the extractor against the annotated development set (tests/devset/events.jsonl).

Each devset line is one or two sentences with the events a careful analyst would code. The scorer runs
``extract`` on every item, pairs predicted with gold events, and reports precision, recall and F1 per type,
per language and overall (strict and lenient participant matching), date accuracy and attribute accuracy among
matched events, and the false positives on hard negatives (items whose gold list is empty). The devset records
live in ``devset.py``, the report and its table in ``evaluation_report.py``.

Run it with ``python -m extractors.evaluation [tests/devset/events.jsonl] [--misses] [--tags] [--stats]``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import cache

from .devset import DEFAULT_DEVSET, DevItem, GoldDate, GoldEvent, devset_stats, load_devset
from .errors import DataFileError
from .evaluation_report import Accuracy, Counts, Miss, Report, format_report
from .schema import Event

# the devset records and the report live in their own modules; the names stay importable from here
__all__ = [
    "DEFAULT_DEVSET", "FLAG_FIELDS", "SYMMETRIC_TYPES", "Accuracy", "Counts", "DevItem", "GoldDate", "GoldEvent",
    "Miss", "Predictor", "Report", "Resolver", "actor_key", "devset_stats", "extract_item", "format_report",
    "gold_roles", "lenient_match", "load_devset", "main", "pair_events", "pred_roles", "resolve_actor", "score",
    "score_item", "strict_match",
]

SYMMETRIC_TYPES = frozenset({"phone_call", "meeting_held", "talks_held", "agreement_reached"})
FLAG_FIELDS = ("negated", "secret", "modality", "via", "count", "location")

Predictor = Callable[[DevItem], list[Event]]
Resolver = Callable[[str], str | None]


@cache
def _actor_base() -> object | None:
    try:
        from .actors import actor_base  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return actor_base()
    except Exception:  # a broken actor file must not stop scoring; names still compare
        return None


def resolve_actor(name: str) -> str | None:
    """The actor id for a name through the actor base, or None when unknown or the base is missing."""
    base = _actor_base()
    if base is None:
        return None
    try:
        actor = base.lookup(name)  # type: ignore[attr-defined]
    except Exception:
        return None
    return getattr(actor, "id", None)


def actor_key(name: str, resolve: Resolver = resolve_actor) -> str:
    """The key two actor mentions share when they are the same actor.

    >>> actor_key("  Barack Obama ", lambda n: None)
    'barack obama'
    >>> actor_key("Obama", lambda n: "Q76")
    'Q76'
    """
    return resolve(name.strip()) or name.strip().casefold()


def _pred_key(ref_name: str, ref_id: str, resolve: Resolver) -> str:
    # the extractor's ids may come from another scheme than the actor base's lookup; names decide first
    return resolve(ref_name) or resolve(ref_id) or ref_name.strip().casefold()


def gold_roles(event: GoldEvent, resolve: Resolver) -> tuple[str | None, frozenset[str]]:
    source = actor_key(event.source, resolve) if event.source else None
    return source, frozenset(actor_key(t, resolve) for t in event.targets)


def pred_roles(event: Event, resolve: Resolver) -> tuple[str | None, frozenset[str]]:
    source = _pred_key(event.source.name, event.source.id, resolve) if event.source else None
    return source, frozenset(_pred_key(t.name, t.id, resolve) for t in event.targets)


def _participants(roles: tuple[str | None, frozenset[str]]) -> frozenset[str]:
    source, targets = roles
    return targets | ({source} if source else set())


def strict_match(gold: GoldEvent, pred: Event, resolve: Resolver = resolve_actor) -> bool:
    """Same type; same source and target set (directed) or the same participant set (symmetric)."""
    if gold.type != pred.type:
        return False
    g, p = gold_roles(gold, resolve), pred_roles(pred, resolve)
    if gold.type in SYMMETRIC_TYPES:
        return _participants(g) == _participants(p)
    return g == p


def lenient_match(gold: GoldEvent, pred: Event, resolve: Resolver = resolve_actor) -> bool:
    """Same type and at least one shared participant (or neither side names any)."""
    if gold.type != pred.type:
        return False
    g, p = _participants(gold_roles(gold, resolve)), _participants(pred_roles(pred, resolve))
    return bool(g & p) or (not g and not p)


def _same_date(gold: GoldEvent, pred: Event) -> bool:
    if gold.date is None or pred.date is None:
        return gold.date is None and pred.date is None
    return (gold.date.start, gold.date.end) == (pred.date.start, pred.date.end)


def pair_events(gold: list[GoldEvent], pred: list[Event], match: Callable[[GoldEvent, Event], bool]
                ) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold, predicted) index pairs, preferring a predicted event of the same date."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        candidates = [pi for pi, p in enumerate(pred) if pi not in used and match(g, p)]
        if not candidates:
            continue
        best = next((pi for pi in candidates if _same_date(g, pred[pi])), candidates[0])
        used.add(best)
        pairs.append((gi, best))
    return pairs


def _attribute_ok(name: str, gold: GoldEvent, pred: Event, resolve: Resolver) -> bool:
    if name == "via":
        gold_via = {actor_key(v, resolve) for v in gold.via}
        return gold_via == {_pred_key(v.name, v.id, resolve) for v in pred.via}
    if name == "location":
        return (gold.location or "").casefold() == (pred.location or "").casefold()
    return getattr(gold, name) == getattr(pred, name)


def _score_attributes(report: Report, gold: GoldEvent, pred: Event, resolve: Resolver) -> None:
    if gold.date is not None:
        report.date.add(_same_date(gold, pred))
        report.date_overlap.add(pred.date is not None and pred.date.start <= gold.date.end
                                and gold.date.start <= pred.date.end)
    elif pred.date is not None:
        report.spurious_dates += 1
    for name in FLAG_FIELDS:
        report.attributes.setdefault(name, Accuracy()).add(_attribute_ok(name, gold, pred, resolve))


def _describe(event: GoldEvent | Event) -> str:
    def name(a: object) -> str:
        return a if isinstance(a, str) else getattr(a, "name", "?")

    src = name(event.source) if event.source else "-"
    tgt = ",".join(name(t) for t in event.targets)
    when = f" {event.date.start}..{event.date.end}" if event.date else ""
    return f"{event.type} {src} -> [{tgt}]{when}{' NEG' if event.negated else ''}"


def score_item(report: Report, item: DevItem, pred: list[Event], resolve: Resolver = resolve_actor) -> None:
    """Add one item's pairs, misses and attribute checks to the report."""
    report.items += 1
    strict = pair_events(item.events, pred, lambda g, p: strict_match(g, p, resolve))
    lang = report.by_lang.setdefault(item.lang, Counts())
    matched_gold, matched_pred = {g for g, _ in strict}, {p for _, p in strict}
    tags = [report.by_tag.setdefault(tag, Counts()) for tag in item.tags]
    for gi, pi in strict:
        _add(report, item.events[gi].type, lang, "tp", tags)
        _score_attributes(report, item.events[gi], pred[pi], resolve)
    for gi, g in enumerate(item.events):
        if gi not in matched_gold:
            _add(report, g.type, lang, "fn", tags)
            report.misses.append(Miss(item=item.id, kind="fn", event=_describe(g)))
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            _add(report, p.type, lang, "fp", tags)
            report.misses.append(Miss(item=item.id, kind="fp", event=_describe(p)))
    loose = pair_events(item.events, pred, lambda g, p: lenient_match(g, p, resolve))
    report.lenient.tp += len(loose)
    report.lenient.fn += len(item.events) - len(loose)
    report.lenient.fp += len(pred) - len(loose)
    if not item.events:
        report.negative_items += 1
        report.negative_fp_events += len(pred)
        report.negative_items_with_fp += int(bool(pred))


def _add(report: Report, event_type: str, lang: Counts, field: str, tags: list[Counts]) -> None:
    for counts in [report.overall, lang, report.by_type.setdefault(event_type, Counts()), *tags]:
        setattr(counts, field, getattr(counts, field) + 1)


def extract_item(item: DevItem) -> list[Event]:
    """Run the project's extractor on one devset item, as an article of its own."""
    from . import extract  # type: ignore[attr-defined]  # imported late: the scorer must load without it
    from .articles import article_from_text

    article = article_from_text(item.text, id=item.id, date=item.published, lang=item.lang)
    return list(extract(article))


def score(items: Iterable[DevItem], predict: Predictor | None = None,
          resolve: Resolver = resolve_actor) -> Report:
    """Score ``predict`` (by default the extractor) on the items."""
    predict = predict or extract_item
    report = Report()
    for item in items:
        try:
            pred = predict(item)
        except Exception as err:  # one crashing item is a finding, not the end of the run
            report.errors += 1
            report.misses.append(Miss(item=item.id, kind="error", event=f"{type(err).__name__}: {err}"))
            pred = []
        score_item(report, item, pred, resolve)
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m extractors.evaluation [DEVSET] [--misses] [--tags] [--json] [--stats]``."""
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    try:
        items = load_devset(paths[0] if paths else DEFAULT_DEVSET)
    except (OSError, DataFileError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if "--stats" in args:
        print(devset_stats(items))
        return 0
    report = score(items)
    print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=1) if "--json" in args
          else format_report(report, misses="--misses" in args, tags="--tags" in args))
    return 1 if report.items and report.errors == report.items else 0


if __name__ == "__main__":
    sys.exit(main())
