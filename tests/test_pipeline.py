"""The pipeline: components declared properly, Arabic normalisation and clitics, data files valid."""

from __future__ import annotations

import pytest

from extractors.lexicon import cues, event_types, trigger_rules
from extractors.normalize import Normalizer, fold
from extractors.pipeline import make_nlp


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_pipeline_analysis_reports_no_problem(lang: str) -> None:
    analysis = make_nlp(lang).analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


@pytest.mark.parametrize("word,expected", [
    ("لخامنئي", "خامنيي"), ("وأكد", "اكد"), ("بالتنسيق", "التنسيق"), ("للرئيس", "الرئيس"),
    ("ليبيا", "ليبيا"), ("نظيره", "نظير"), ("رسالته", "رساله"), ("سرًا", "سرا"),
])
def test_clitics_are_stripped_only_towards_known_words(word: str, expected: str) -> None:
    known = ["خامنئي", "أكد", "التنسيق", "الرئيس", "ليبيا", "نظير", "رسالة", "سرا"]
    assert Normalizer("ar", known).norm(word) == fold(expected, "ar")


def test_english_acronyms_keep_their_case() -> None:
    norm = Normalizer("en", ["US", "us"]).norm
    assert norm("US") == "US" and norm("us") == "us" and norm("Iran") == "iran"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_norms_match_through_clitics_and_variants(lang: str) -> None:
    nlp = make_nlp(lang)
    text = "وبعث أوباما رسالة لخامنئي" if lang == "ar" else "Obama sent a letter to Khamenei"
    doc = nlp(text)
    found = {(s.text, s.label_) for s in doc.spans["triggers"]}
    # "sent" is also the trigger of sending an envoy; the letter noun is matched through its clitics
    assert found - {("sent", "visit")} == ({("رسالة", "letter_sent")} if lang == "ar" else {("letter", "letter_sent")})
    assert {s.text for s in doc.spans["actors"]} >= ({"أوباما", "لخامنئي"} if lang == "ar" else {"Obama", "Khamenei"})


def test_every_trigger_type_is_declared_and_every_language_has_the_same_files() -> None:
    types = set(event_types())
    for lang in ("ar", "en"):
        assert {r.label for r in trigger_rules(lang).values()} == types
        assert cues(lang).markers.to and cues(lang).negation
