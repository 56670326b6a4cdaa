"""The scorer's report: counts, accuracies and misses, and its plain-text table.

``extractors.evaluation.score`` fills a ``Report``; ``format_report`` prints it as
``python -m extractors.evaluation`` shows it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field


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
