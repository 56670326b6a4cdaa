"""dipgraph extractors: article text -> typed, dated, sourced events between actors.

>>> from datetime import date
>>> from extractors.articles import article_from_text
>>> events = extract(article_from_text("Obama called Rouhani on Friday.", date=date(2013, 9, 28)))
>>> [(e.type, sorted(r.name for r in e.participants), str(e.date.start)) for e in events]
[('phone_call', ['Barack Obama', 'Hassan Rouhani'], '2013-09-27')]
"""

from __future__ import annotations

from .schema import Actor, ActorRef, Article, DateSpan, Event, Evidence

__all__ = ["extract", "Article", "Actor", "ActorRef", "DateSpan", "Event", "Evidence"]

MAX_CHUNK = 100_000  # characters handed to spaCy at once; long articles are cut at paragraph breaks


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= MAX_CHUNK:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_CHUNK // 2, end)
            end = cut + 1 if cut != -1 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def extract(article: Article) -> list[Event]:
    """The events of one article, each with its evidence spans in the article's text."""
    from .articles import detect_lang
    from .events import doc_events
    from .pipeline import make_nlp

    lang = article.lang or detect_lang(article.text)
    if article.lang != lang:
        article = article.model_copy(update={"lang": lang})
    nlp = make_nlp(lang)
    events: list[Event] = []
    for offset, chunk in _chunks(article.text):
        doc = nlp.make_doc(chunk)
        doc._.article = article
        for _, component in nlp.pipeline:
            doc = component(doc)
        found = doc_events(doc, article)
        if offset:
            for event in found:
                for ev in event.evidence:
                    ev.start += offset
                    ev.end += offset
        events.extend(found)
    return events
