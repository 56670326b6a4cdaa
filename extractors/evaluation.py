"""Score the extractor against the annotated development set (tests/devset/events.jsonl).

Each devset line is one or two sentences with the events a careful analyst would code. The scorer runs
``extract`` on every item, pairs predicted with gold events, and reports precision, recall and F1 per type,
per language and overall (strict and lenient participant matching), date accuracy and attribute accuracy among
matched events, and the false positives on hard negatives (items whose gold list is empty).

Run it with ``python -m extractors.evaluation [tests/devset/events.jsonl] [--misses] [--tags] [--stats]``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field

from .errors import DataFileError
from .schema import Event, EventType, Lang, Modality

SYMMETRIC_TYPES = frozenset({"phone_call", "meeting_held", "talks_held", "agreement_reached"})
FLAG_FIELDS = ("negated", "secret", "modality", "via", "count", "location")
DEFAULT_DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "events.jsonl"

Predictor = Callable[["DevItem"], list[Event]]
Resolver = Callable[[str], str | None]


class GoldDate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: date
    end: date


class GoldEvent(BaseModel):
    """One event as annotated: actors by canonical English name."""

    model_config = ConfigDict(extra="forbid")
    type: EventType
    source: str | None = None
    targets: list[str] = Field(default_factory=list)
    via: list[str] = Field(default_factory=list)
    date: GoldDate | None = None
    negated: bool = False
    secret: bool = False
    modality: Modality = "asserted"
    attribution: str | None = None
    count: int | None = None
    ordinal: int | None = None
    location: str | None = None
    recurring: bool = False


class DevItem(BaseModel):
    """One devset line: a short text, its publication date, and the gold events."""

    model_config = ConfigDict(extra="forbid")
    id: str
    lang: Lang
    published: date
    text: str
    events: list[GoldEvent]
    tags: list[str] = Field(default_factory=list)


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Accuracy(BaseModel):
    right: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1


class Miss(BaseModel):
    """An unmatched gold (fn) or predicted (fp) event, for reading the errors."""

    item: str
    kind: str
    event: str


class Report(BaseModel):
    items: int = 0
    errors: int = Field(default=0, description="items where the extractor raised")
    overall: Counts = Field(default_factory=Counts)
    lenient: Counts = Field(default_factory=Counts)
    by_type: dict[str, Counts] = Field(default_factory=dict)
    by_lang: dict[str, Counts] = Field(default_factory=dict)
    by_tag: dict[str, Counts] = Field(default_factory=dict, description="items carrying the tag")
    date: Accuracy = Field(default_factory=Accuracy, description="exact interval, matched events, gold dated")
    date_overlap: Accuracy = Field(default_factory=Accuracy, description="predicted interval overlaps gold")
    spurious_dates: int = Field(default=0, description="matched events dated though gold has no date")
    attributes: dict[str, Accuracy] = Field(default_factory=dict)
    negative_items: int = 0
    negative_items_with_fp: int = 0
    negative_fp_events: int = 0
    misses: list[Miss] = Field(default_factory=list)


def load_devset(path: str | Path = DEFAULT_DEVSET) -> list[DevItem]:
    """Read and validate the devset; a bad line raises DataFileError naming the file and line."""
    items: list[DevItem] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(DevItem.model_validate_json(line))
        except ValidationError as err:
            e = err.errors()[0]
            field = ".".join(map(str, e["loc"]))
            raise DataFileError(str(path), f"field {field!r}: {e['msg']}", number) from None
    return items


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


def _row(label: str, c: Counts) -> str:
    return f"{label:<20}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.2f}{c.recall:>8.2f}{c.f1:>8.2f}"


def _acc(label: str, a: Accuracy) -> str:
    return f"{label:<20}{a.right:>5}/{a.total:<5}{a.value:>8.2f}"


def format_report(report: Report, misses: bool = False, tags: bool = False) -> str:
    """The report as a plain-text table (per tag when ``tags``; the unmatched events when ``misses``)."""
    head = f"{'':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [f"items: {report.items}   extractor errors: {report.errors}", "", head]
    lines += [_row(t, c) for t, c in sorted(report.by_type.items())]
    lines += ["-" * len(head)]
    lines += [_row(f"lang {lang}", c) for lang, c in sorted(report.by_lang.items())]
    lines += [_row("overall (strict)", report.overall), _row("overall (lenient)", report.lenient), ""]
    if tags:
        lines += [_row(f"#{tag}"[:19], c) for tag, c in sorted(report.by_tag.items())] + [""]
    lines += [_acc("date exact", report.date), _acc("date overlap", report.date_overlap)]
    lines += [f"{'dated, gold undated':<20}{report.spurious_dates:>5}"]
    lines += [_acc(name, acc) for name, acc in report.attributes.items()]
    lines += ["", f"hard negatives: {report.negative_items} items, {report.negative_items_with_fp} with a "
              f"false positive ({report.negative_fp_events} events)"]
    if misses:
        lines += [""] + [f"{m.kind:<6}{m.item:<10}{m.event}" for m in report.misses]
    return "\n".join(lines)


def devset_stats(items: list[DevItem]) -> str:
    """How many items, events per type and language, and items per tag the devset holds."""
    per_type = Counter((e.type, it.lang) for it in items for e in it.events)
    per_tag = Counter(tag for it in items for tag in it.tags)
    lines = [f"items: {Counter(it.lang for it in items)}, negatives: {sum(not it.events for it in items)}"]
    lines += [f"{t:<20}{per_type[t, 'ar']:>5} ar{per_type[t, 'en']:>5} en" for t in sorted({t for t, _ in per_type})]
    lines += [f"{tag:<28}{n:>4}" for tag, n in per_tag.most_common()]
    return "\n".join(lines)


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
