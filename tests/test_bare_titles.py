"""A bare title ("the minister", "الوزير") and a counterpart resolve where they stand in the article: to the minister
named before them, not to whoever the article names last under that title."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

PUBLISHED = date(2025, 11, 20)

ARTICLES = {
    "en": "Saudi Foreign Minister Prince Faisal bin Farhan arrived in Tehran on Tuesday for a two-day visit. "
          "The minister held talks with his Iranian counterpart and was later received by President Masoud "
          "Pezeshkian, who thanked the kingdom for its efforts.",
    "ar": "وصل وزير الخارجية السعودي الأمير فيصل بن فرحان إلى طهران يوم الثلاثاء. وعقد الوزير محادثات مع نظيره "
          "الإيراني، ثم استقبله الرئيس مسعود بزشكيان.",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_minister_is_the_one_just_named(lang: str) -> None:
    events = extract(article_from_text(ARTICLES[lang], date=PUBLISHED, lang=lang))
    found = sorted((e.type, e.source.name if e.source else None, tuple(sorted(t.name for t in e.targets)), e.location)
                   for e in events)
    # "was later received by" / "ثم استقبله": the president is the host, the Saudi minister his guest
    host = [("meeting_held", "Faisal bin Farhan", ("Masoud Pezeshkian",), "Tehran")] if lang == "en" else [
        ("meeting_held", "Masoud Pezeshkian", ("Faisal bin Farhan",), "Tehran")]
    assert found == sorted([
        ("visit", "Faisal bin Farhan", ("Iran",), "Tehran"),
        ("talks_held", "Faisal bin Farhan", ("Abbas Araghchi",), "Tehran"),
        *host,
    ])
