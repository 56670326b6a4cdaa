"""The facts around a trigger: negation, secrecy, modality, attribution, count, ordinal, topic, place.

Each reads the cue spans of the trigger's clause; the cue words are data (``data/<lang>/cues.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from .date_lexer import lexicon

NEGATION_REACH = 4  # tokens between a negation word and the trigger it negates
COUNT_REACH = 2


@dataclass(frozen=True)
class Window:
    """A trigger's clause, by token offsets: [start, end)."""

    start: int
    end: int

    def holds(self, span: Span) -> bool:
        return self.start <= span.start and span.end <= self.end


def cues_in(cue_spans: Iterable[Span], label: str, window: Window) -> list[Span]:
    return [s for s in cue_spans if s.label_ == label and window.holds(s)]


def is_negated(cue_spans: list[Span], trigger: Span, window: Window) -> bool:
    """A negation word shortly before the trigger, in its clause ("did not inform", "لم يخبر")."""
    negated = any(0 <= trigger.start - s.end <= NEGATION_REACH for s in cues_in(cue_spans, "negation", window))
    # "لم يبلغ ... إلا في أيلول", "did not ... until": the exception may stand past the clause
    sentence = trigger.sent
    return negated and not any(
        s.label_ == "exceptive" and trigger.end <= s.start < sentence.end for s in cue_spans)


def is_secret(cue_spans: list[Span], window: Window) -> bool:
    return bool(cues_in(cue_spans, "secrecy", window))


def is_recurring(cue_spans: list[Span], window: Window) -> bool:
    return bool(cues_in(cue_spans, "recurring", window))


def is_planned(cue_spans: list[Span], trigger: Span, window: Window, future_prefix: bool) -> bool:
    """A cue of future or schedule before the trigger, or the Arabic future prefix on it ("سيزور")."""
    # before it, or the trigger itself ("is expected in Cairo")
    before = [s for s in cues_in(cue_spans, "planned", window) if s.end <= trigger.start + 1
              or (s.start, s.end) == (trigger.start, trigger.end)]
    after = [s for s in cues_in(cue_spans, "planned", window) if s.start >= trigger.end]
    # "من المقرر أن يزور", "it is expected that he will": the cue stands just before the clause it opens
    opening = any(s.label_ == "planned" and window.start - 1 <= s.end <= window.start for s in cue_spans)
    return future_prefix or bool(before) or opening or any(s.start - trigger.end <= 2 for s in after)


def is_cancelled(cue_spans: list[Span], trigger: Span, window: Window, others: list[int]) -> bool:
    """A cancelling word before the trigger with no other contact between ("called off his trip to Kyiv",
    "ألغى ترامب في رسالة ... القمة"), or a cancelled-verb after it ("the meeting was called off").
    ``others`` are the starts of the sentence's other contacts that could take the word instead."""
    for s in cues_in(cue_spans, "cancellation", window):
        if s.end <= trigger.start and not any(s.end <= o < trigger.start for o in others):
            return True
    return any(s.start >= trigger.end and not any(trigger.end <= o < s.start for o in others)
               for s in cues_in(cue_spans, "cancelled_after", window))


def is_hypothetical(cue_spans: list[Span], trigger: Span, window: Window) -> bool:
    return any(s.end <= trigger.start for s in cues_in(cue_spans, "hypothetical", window))


def count_of(cue_spans: list[Span], trigger: Span) -> int | None:
    """A number word next to the trigger ("two letters", "ثلاث رسائل", "رسائل ثلاث"); one that counts time
    ("a deadline of three days", "talks for two days") counts no events."""
    # "six hours of talks", "the two leaders spoke", "مهلة ثلاثة أيام": the number counts something else
    counted_else = {s.start for s in cue_spans if s.label_ == "not_counted"}
    for s in cue_spans:
        if s.label_ == "count" and s.id_ and s.end not in counted_else and (
            0 <= trigger.start - s.end <= COUNT_REACH or 0 <= s.start - trigger.end <= 1
        ) and not _counts_time(s):
            return int(s.id_)
    return None


def _counts_time(number: Span) -> bool:
    doc = number.doc
    after = [t.text for t in doc[number.end : number.end + 2] if t.text != "-"][:1]
    return bool(after) and lexicon(doc.lang_).is_time_unit(after[0])


def ordinal_of(cue_spans: list[Span], sentence: Span) -> int | None:
    """"the fourth time", "المرة الرابعة": an ordinal word beside an ordinal noun in the sentence."""
    nouns = [s for s in cue_spans if s.label_ == "ordinal_nouns" and sentence.start <= s.start < sentence.end]
    for s in cue_spans:
        if s.label_ == "ordinal" and sentence.start <= s.start < sentence.end:
            if any(abs(n.start - s.end) <= 1 or abs(s.start - n.end) <= 1 for n in nouns):
                return int(s.id_)
    return None


def topics_of(cue_spans: list[Span], sentence: Span) -> list[str]:
    return sorted({s.id_ for s in cue_spans if s.label_ == "topic" and sentence.start <= s.start < sentence.end})


def attribution_regions(cue_spans: list[Span], sentence: Span) -> list[Span]:
    """From each attribution cue to the next punctuation or complementizer: who the claim comes from."""
    regions: list[Span] = []
    doc = sentence.doc
    # "قالت مصادر مطلعة إن ...", "sources said that ...": the claim after the complementizer is not the source
    breaks = {c.start for c in cue_spans if c.label_ == "complementizer"}
    for s in cue_spans:
        if s.label_ != "attribution" or not (sentence.start <= s.start < sentence.end):
            continue
        end = s.end
        while end < sentence.end and not doc[end].is_punct and end not in breaks and end - s.start < 12:
            end += 1
        regions.append(doc[s.start : end])
    return regions
