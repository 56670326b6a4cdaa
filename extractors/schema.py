"""The one schema shared by every stage: articles, actors, dates, evidence and events.

Every stage reads and writes these pydantic models; JSON goes in and out through
``model_validate_json`` / ``model_dump_json``, so a file written by ``dipgraph extract``
can be read back by the graph, the store and the views without a second format.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["ar", "en"]
ActorKind = Literal["person", "state", "organization", "group"]
EventType = Literal[
    "letter_sent",
    "message_passed",
    "phone_call",
    "meeting_held",
    "talks_held",
    "visit",
    "deadline_set",
    "agreement_reached",
    "statement",
]
# Written or passed-on correspondence: a letter and a message are the same contact told two ways.
CORRESPONDENCE: frozenset[str] = frozenset({"letter_sent", "message_passed"})
Modality = Literal["asserted", "planned", "reported"]
Precision = Literal["day", "week", "part_of_month", "month", "part_of_year", "year", "range"]


class Article(BaseModel):
    """One news article: its text and what is known of its publication."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    lang: Lang | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="file the article was read from")

    @property
    def content_hash(self) -> str:
        """A stable hash of the text, used to skip articles already stored."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Role(BaseModel):
    """A dated office: ``title`` of ``of`` (a country code or an actor id) from ``start`` to ``end``."""

    title: str
    of: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Actor(BaseModel):
    """A person, state, organisation or group, with names in both languages."""

    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = Field(description="canonical English name")
    names: dict[str, str] = Field(default_factory=dict, description="canonical name per language")
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166 alpha-3")
    aliases: dict[str, list[str]] = Field(default_factory=dict, description="other names per language")
    roles: list[Role] = Field(default_factory=list)
    source: str | None = Field(default=None, description="where this record comes from")

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day`` (the latest-starting one if several)."""
        held = [r for r in self.roles if r.holds_on(day)]
        return max(held, key=lambda r: r.start or dt.date.min) if held else None


class ActorRef(BaseModel):
    """How an event names an actor: its id and canonical English name."""

    id: str
    name: str


class DateSpan(BaseModel):
    """An interval of days, both ends included, and the expression it was read from."""

    start: dt.date
    end: dt.date
    text: str
    precision: Precision = "day"


class Evidence(BaseModel):
    """Where an event was read: the sentence and its character offsets in the article text."""

    article: str
    text: str
    start: int
    end: int


class Plover(BaseModel):
    category: str
    mode: str | None = None


class Event(BaseModel):
    """A typed, dated, sourced contact between actors."""

    model_config = ConfigDict(extra="ignore")

    id: str
    type: EventType
    source: ActorRef | None = None
    targets: list[ActorRef] = Field(default_factory=list)
    via: list[ActorRef] = Field(default_factory=list)
    date: DateSpan | None = None
    negated: bool = False
    secret: bool = False
    modality: Modality = "asserted"
    attribution: str | None = None
    count: int | None = None
    ordinal: int | None = None
    recurring: bool = False
    location: str | None = None
    topic: list[str] = Field(default_factory=list)
    cameo: str | None = None
    plover: Plover | None = None
    trigger: str | None = Field(default=None, description="the words that signalled the event")
    lang: Lang | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    other_dates: list[DateSpan] = Field(default_factory=list, description="dates of merged reports")
    reports: int = Field(default=1, description="how many mentions or articles report it")

    @property
    def participants(self) -> list[ActorRef]:
        """Source and targets, in order, without repeats (for symmetric types)."""
        seen: dict[str, ActorRef] = {}
        for ref in ([self.source] if self.source else []) + self.targets:
            seen.setdefault(ref.id, ref)
        return list(seen.values())
