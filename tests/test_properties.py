"""Invariants of the extractor on random Unicode: no crash, offsets that point at their evidence, same output twice.

The text mixes actor names and trigger words of both languages (so that events do get assembled) with
right-to-left and zero-width marks, digits, punctuation, random characters, long runs without spaces and
very long lines.
"""

from __future__ import annotations

import json
from datetime import date

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

pieces = st.one_of(
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
    st.sampled_from([" ", "", " \u200f", "\u200b", " \n"]),
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
