"""A person pronoun as a subject stands for the last person the article named."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)


def _events(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(names(e.participants))) for e in extract(article_from_text(text, date=PUBLISHED))}


def test_he_is_the_last_person_named() -> None:
    text = "Witkoff flew to Moscow on Tuesday. There he met Putin for five hours."
    assert _events(text) == {("visit", frozenset({"Steve Witkoff", "Russia"})),
                             ("meeting_held", frozenset({"Steve Witkoff", "Vladimir Putin"}))}


def test_a_pronoun_with_nobody_named_before_it_names_nobody() -> None:
    assert _events("He met Putin for five hours.") == set()


def test_he_is_the_subject_not_the_last_name() -> None:
    """"he" is the subject before it (Obama), not the last person named (Khamenei, Rouhani)."""
    text = "Obama wrote to Khamenei in October. He also called Rouhani. He met Zarif in New York."
    assert _events(text) == {("letter_sent", frozenset({"Barack Obama", "Ali Khamenei"})),
                             ("phone_call", frozenset({"Barack Obama", "Hassan Rouhani"})),
                             ("meeting_held", frozenset({"Barack Obama", "Javad Zarif"}))}
