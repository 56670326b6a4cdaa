"""The annotated development set (tests/devset/events.jsonl): its records, loading, and a summary.

Each devset line is one or two sentences with the events a careful analyst would code, actors named by their
canonical English name. ``extractors.evaluation`` scores the extractor against it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DataFileError
from .schema import EventType, Lang, Modality

DEFAULT_DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "events.jsonl"


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


def devset_stats(items: list[DevItem]) -> str:
    """How many items, events per type and language, and items per tag the devset holds."""
    per_type = Counter((e.type, it.lang) for it in items for e in it.events)
    per_tag = Counter(tag for it in items for tag in it.tags)
    lines = [f"items: {Counter(it.lang for it in items)}, negatives: {sum(not it.events for it in items)}"]
    lines += [f"{t:<20}{per_type[t, 'ar']:>5} ar{per_type[t, 'en']:>5} en" for t in sorted({t for t, _ in per_type})]
    lines += [f"{tag:<28}{n:>4}" for tag, n in per_tag.most_common()]
    return "\n".join(lines)
