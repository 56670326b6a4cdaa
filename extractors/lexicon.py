"""The event vocabulary, trigger rules and cue words, loaded once from ``data/`` and validated."""

from __future__ import annotations

from functools import cache
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from .resources import data_path, read_jsonl, read_yaml
from .schema import EventType, Plover

Frame = Literal["active", "receive", "passive", "noun", "symmetric", "dispatch"]
# "partner": someone named after "with"/"مع" or "to" ("بحث X مع Y": discussing is talks only with a partner)
Requirement = Literal["any", "source", "target", "participants", "partner"]


class EventTypeSpec(BaseModel):
    symmetric: bool = False
    requires: list[Requirement] = ["any"]
    absorbs: list[EventType] = []
    needs_contact: bool = False
    blocked_by: list[str] = []  # cue categories in the sentence that rule this type out
    to_is_party: bool = False  # an actor marked "to" takes part; else, with people named, a state "to" is a place
    by_phone: EventType | None = None  # what it becomes when said by phone ("told Erdogan by phone": a call)
    placeless: bool = False  # happens at a distance: a place in its sentence is what was discussed, not where
    labels: dict[str, str] = {}
    cameo: str
    via_cameo: str | None = None
    located_cameo: str | None = None
    plover: Plover
    colour: str = "#888888"


class EventTypes(BaseModel):
    types: dict[EventType, EventTypeSpec]


class TriggerRule(BaseModel):
    """One trigger rule: the phrases that signal an event of ``label`` and how its roles are read."""

    id: str
    label: EventType
    frame: Frame
    patterns: list[str] = Field(min_length=1)
    ambiguous: EventType | None = None
    written: bool = False
    count: int | None = None
    requires: list[Requirement] = []
    needs: str | None = None
    # a cue that may stand instead of ``needs``, making the subject the one bound ("Putin had 50 days to agree")
    held_by: str | None = None
    not_before: list[str] = []
    not_with: list[str] = []  # words that, a few tokens on, make it another sense ("أكد ... ضرورة": stressed)
    noun: bool = False  # an event noun of a symmetric frame: "their meeting", "لقائهما" name its owners elsewhere
    # a party must be named right after it, past a possessive and a title: "welcomed Abbas", not "welcomed the
    # deal"; "sent his special envoy Witkoff"
    object_next: bool = False
    place_next: bool = False  # a place must be named right after it: "was in Muscat", not "was in talks"
    denies: bool = False
    negated: bool = False  # the words carry their own negation ("without any agreement")
    reciprocal: bool = False  # "exchanged letters": one event each way
    yields_to: list[EventType] = []  # types whose trigger right after this one takes over
    # when set, it yields only across these words and names ("agreed to meet", "اتفقا على عقد جولة"; not "agreed
    # during a meeting")
    yield_through: list[str] = []
    yields_across: bool = False  # ... anywhere later in the sentence ("بحث X مع Y في اتصال هاتفي": the call)
    genitive: Literal["source", "target"] = "source"  # "رسالة أوباما" is Obama's; "زيارة الرياض" is to Riyadh
    implies_visit: bool = False  # "X received Y": Y came to X's country
    guest_first: bool = False  # "Y was received by X": the guest is named first
    reply: bool = False  # "answered X's letter": goes back to X; kept only about a letter or message, or written


class Markers(BaseModel):
    to: list[str] = []
    from_: list[str] = Field(default=[], alias="from")
    by: list[str] = []
    via: list[str] = []
    with_: list[str] = Field(default=[], alias="with")
    between: list[str] = []
    about: list[str] = []
    location: list[str] = []
    of: list[str] = []
    head: list[str] = []  # "a Hamas delegation led by al-Hayya": its head, not another party
    and_: list[str] = Field(default=[], alias="and")

    def by_role(self) -> dict[str, list[str]]:
        return {
            "to": self.to, "from": self.from_, "by": self.by, "via": self.via, "with": self.with_,
            "between": self.between, "about": self.about, "location": self.location, "of": self.of, "head": self.head,
            "and": self.and_,
        }


class Cues(BaseModel):
    """The cue words of one language (see ``data/<lang>/cues.yaml``)."""

    negation: list[str] = []
    exceptive: list[str] = []
    secrecy: list[str] = []
    planned: list[str] = []
    cancellation: list[str] = []
    cancelled_after: list[str] = []
    handover: list[str] = []
    pronouns: list[str] = []  # a person pronoun as a subject: the last person the article named
    attribution: list[str] = []
    recurring: list[str] = []
    hypothetical: list[str] = []
    particle: list[str] = []
    clause_break: list[str] = []
    complementizer: list[str] = []  # "that", "أن": what follows is the claim, not who it comes from
    sides: list[str] = []  # "the two sides agreed": the two parties of the contact told just before
    gathering: list[str] = []  # "the G7 summit", "قمة الناتو": a body named with its summit is no party to it
    demonym_plural: list[str] = []
    markers: Markers = Markers()
    clitic_markers: dict[str, str] = {}
    send_verb: list[str] = []
    receive_verb: list[str] = []
    pass_verb: list[str] = []
    exchange_verb: list[str] = []
    refuse_verb: list[str] = []
    give_verb: list[str] = []
    held_time: list[str] = []  # "had 50 days", "was given until Friday": the subject is the one bound
    lapsed: list[str] = []  # "the deadline expired on Friday": a deadline told as past reads its date back
    agree_verb: list[str] = []
    hold_verb: list[str] = []
    official: list[str] = []
    administration: list[str] = []
    person_title: list[str] = []
    given_names: list[str] = []
    sports: list[str] = []
    count: dict[str, int | None] = {}
    ordinal: dict[str, int] = {}
    ordinal_nouns: list[str] = []
    topics: dict[str, list[str]] = {}
    speech: list[str] = []
    # "their meeting" (a word before the noun), "لقائهما" (a suffix of it): the owners are named in the main clause
    plural_owner: list[str] = []
    single_owner: list[str] = []  # "During his visit to Beijing, X met ...": the owner is the main clause's subject
    # right after a verb of discussing, these make it part of the contact told just before ("أجرى اتصالا ...
    # بحثا خلاله ...", "a call during which they discussed ..."): the call is the event
    within_it: list[str] = []
    during: list[str] = []  # "During their meeting, X and Y discussed ...": the discussing was the meeting
    # right before a verb: it goes on with the subject of the event told just before ("زار الدوحة حيث التقى ...")
    continuation: list[str] = []
    # "handed him a letter", "سلمه رسالة": the hand-over went to the one the pronoun stands for, who may not be
    # the addressee (a minister taking his king's letter); en: words after the verb, ar: its suffixes
    handed_to_pronoun: list[str] = []
    # a gathering named after these is where an event happened, not an event of its own ("met X on the
    # sidelines of the NATO summit", "على هامش قمة الناتو")
    venue: list[str] = []
    figurative: list[str] = []  # a trigger inside one of these is a signal, not a contact ("a clear message")
    by_phone: list[str] = []  # "told Erdogan by phone", "أبلغه هاتفيا": the telling was a call
    # after a contact verb (en), or its suffix (ar): the one met is the last sentence's person ("Putin met him",
    # "واستقبله السيسي")
    object_pronoun: list[str] = []
    relative: list[str] = []  # "X, who handed him a letter from Y", "X، الذي سلمه رسالة من Y": X is its subject
    avowal: list[str] = []  # "confirmed that", "نفى أن": a speaker, whose date is also the claim's
    voice: list[str] = []  # who speaks for a person: "Netanyahu's office said" is Netanyahu on the record
    not_counted: list[str] = []  # a number before these counts them, not events ("six hours of talks", "two leaders")
    homographs: list[str] = []  # words kept whole, so that stripping a clitic does not make them a trigger

    # Plain word-list categories, matched as cue spans labelled with the category name.
    WORD_LISTS: ClassVar[tuple[str, ...]] = (
        "negation", "exceptive", "secrecy", "planned", "cancellation", "cancelled_after", "handover", "pronouns",
        "attribution", "recurring", "hypothetical", "particle",
        "clause_break", "complementizer", "sides",
        "send_verb", "exchange_verb", "refuse_verb", "give_verb", "held_time", "lapsed",
        "receive_verb", "pass_verb", "agree_verb", "hold_verb", "official", "administration",
        "ordinal_nouns", "speech", "avowal", "voice", "within_it", "during", "continuation", "relative", "venue",
        "figurative", "by_phone", "person_title", "sports", "homographs", "not_counted",
    )

    def cue_patterns(self) -> list[dict[str, str]]:
        """Matcher patterns for every cue: label is the category, id carries a value where one exists."""
        patterns = [
            {"label": cat, "pattern": p, "id": ""} for cat in self.WORD_LISTS for p in getattr(self, cat)
        ]
        for role, words in self.markers.by_role().items():
            patterns += [{"label": f"marker:{role}", "pattern": w, "id": role} for w in words]
        patterns += [{"label": "count", "pattern": w, "id": str(n or "")} for w, n in self.count.items()]
        patterns += [{"label": "ordinal", "pattern": w, "id": str(n)} for w, n in self.ordinal.items()]
        for topic, words in self.topics.items():
            patterns += [{"label": "topic", "pattern": w, "id": topic} for w in words]
        return patterns


@cache
def event_types() -> dict[str, EventTypeSpec]:
    return read_yaml("event_types.yaml", EventTypes).types  # type: ignore[return-value]


@cache
def trigger_rules(lang: str) -> dict[str, TriggerRule]:
    rules = read_jsonl(data_path(f"{lang}/triggers.jsonl"), TriggerRule)
    return {rule.id: rule for rule in rules}


@cache
def cues(lang: str) -> Cues:
    return read_yaml(f"{lang}/cues.yaml", Cues)
