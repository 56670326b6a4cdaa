"""Invariants of the extractor on random Unicode: no crash, offsets that point at their evidence, same output twice.

The text mixes actor names and trigger words of both languages (so that events do get assembled) with
right-to-left and zero-width marks, digits, punctuation, random characters, long runs without spaces and
very long lines.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.schema import Article

MARKS = ["\u200f", "\u200e", "\u200b", "\u200c", "\u200d", "\u061c", "\u202b", "\u202c", "\ufeff", "\u0640"]
ARABIC = ["أوباما", "لخامنئي", "رسالة", "بعث", "إلى", "اتصالا", "هاتفيا", "والتقى", "ظريف", "كيري", "عبر",
          "العراق", "سرية", "لم", "في", "مسقط", "منتصف", "الشهر", "الماضي", "بالتنسيق", "وأكد", "إيران"]
LATIN = ["Obama", "Khamenei", "wrote", "a", "letter", "to", "called", "met", "Kerry", "Zarif", "in", "Vienna",
         "on", "Monday", "secret", "did", "not", "inform", "through", "Iraq", "talks", "mid-October", "2014"]
PUNCT = [".", "،", "؟", "!", "\n", "\n\n", ":", "«", "»", "\"", "(", ")", "-", "/", "؛", "…"]

SENTENCES = [
    "Obama wrote a letter to Khamenei.", "Kerry met Zarif in Vienna on Monday.", "Obama called Rouhani on Friday.",
    "The United States passed a message to Iran through Iraq.", "التقى كيري ظريف في مسقط.",
    "بعث أوباما رسالة سرية إلى خامنئي في منتصف الشهر الماضي.", "أجرى أوباما اتصالا هاتفيا مع روحاني.",
    "ونقلت واشنطن رسالة إلى طهران عبر العراق.",
]


def _marked(sentence: str, mark: str, count: int) -> str:
    """The sentence with an invisible mark glued to the start of its first ``count`` words after the first."""
    return sentence.replace(" ", " " + mark, count)


marked_sentences = st.builds(_marked, st.sampled_from(SENTENCES), st.sampled_from(MARKS), st.integers(0, 6))
pieces = st.one_of(
    marked_sentences,
    marked_sentences,
    st.sampled_from(ARABIC),
    st.sampled_from(LATIN),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.from_regex(r"[0-9٠-٩]{1,6}", fullmatch=True),
    st.text(min_size=1, max_size=12),
    st.builds(lambda word, n: word * n, st.sampled_from(ARABIC + LATIN), st.integers(50, 800)),
)
texts = st.builds(
    lambda parts, sep: sep.join(parts),
    st.lists(pieces, max_size=80),
    st.sampled_from([" ", "", " \u200f", "\u200b", " \n", "\n"]),
)


def _article(text: str, lang: str | None) -> Article:
    return Article(id="prop", text=text, date=date(2014, 11, 6), lang=lang)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(["ar", "en", None]))
def test_random_text_never_crashes_and_offsets_point_at_the_evidence(text: str, lang: str | None) -> None:
    events = extract(_article(text, lang))
    for event in events:
        assert event.evidence, event
        for ev in event.evidence:
            assert ev.article == "prop"
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
    again = extract(_article(text, lang))
    dump = [json.loads(e.model_dump_json()) for e in events]
    assert dump == [json.loads(e.model_dump_json()) for e in again]


@settings(max_examples=8, deadline=None)
@given(word=st.sampled_from(ARABIC + LATIN), repeat=st.integers(5_000, 30_000))
def test_one_very_long_line_without_spaces(word: str, repeat: int) -> None:
    text = "Obama wrote to Khamenei. " + word * repeat
    events = extract(_article(text, None))
    assert all(text[ev.start : ev.end] == ev.text for e in events for ev in e.evidence)


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("mark", ["\u200f", "\u200b", "\u200c", "\u061c", "\ufeff"])
def test_invisible_marks_inside_a_sentence_do_not_hide_its_event(sentence: str, mark: str) -> None:
    plain = extract(_article(sentence, None))
    marked_text = _marked(sentence, mark, 6)
    marked = extract(_article(marked_text, None))
    assert plain and [e.type for e in marked] == [e.type for e in plain]
    assert [sorted(r.id for r in e.participants) for e in marked] == [
        sorted(r.id for r in e.participants) for e in plain]
