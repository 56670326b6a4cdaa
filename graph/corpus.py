"""Running the extractor over a corpus: reading, overrides, progress, parallel workers and a skip report.

Extraction is a pure function of an article, so articles are spread over worker processes in
order-preserving chunks; the output is the same whatever the number of workers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path

from tqdm import tqdm

from extractors import extract
from extractors.articles import read_articles
from extractors.errors import ArticleError
from extractors.pipeline import make_nlp
from extractors.schema import Article, Event


@dataclass
class SkipReport:
    """What could not be read or extracted, one line each."""

    skipped: list[str] = field(default_factory=list)
    articles: int = 0
    events: int = 0

    def add(self, message: str) -> None:
        self.skipped.append(message)
        print(f"dipgraph: skipped {message}", file=sys.stderr)

    def summary(self) -> str:
        text = f"{self.articles} articles, {self.events} events"
        return text + (f", {len(self.skipped)} skipped" if self.skipped else "")


def iter_articles(paths: Iterable[str | Path], report: SkipReport, *, published: date | None = None,
                  lang: str | None = None) -> Iterator[Article]:
    """Articles under every path, with ``--date`` / ``--lang`` applied; errors go to the report."""
    for path in paths:
        for item in read_articles(path):
            if isinstance(item, ArticleError):
                report.add(str(item))
                continue
            update = {k: v for k, v in (("date", published), ("lang", lang)) if v is not None}
            yield item.model_copy(update=update) if update else item


def _safe_extract(article: Article) -> tuple[Article, list[Event] | str]:
    try:
        return article, extract(article)
    except Exception as err:  # one bad article must not stop the corpus
        where = article.path or article.id
        return article, f"{where}: extraction failed: {type(err).__name__}: {str(err)[:120]}"


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


AUTO_PARALLEL_MIN = 64  # below this many articles, starting workers costs more than it saves


def _auto_jobs(articles: Iterable[Article], jobs: int) -> tuple[Iterable[Article], int]:
    """``jobs=0``: every core for a large corpus, one process for a few articles. The pipelines are
    built before the workers fork, so they share them instead of building their own."""
    iterator = iter(articles)
    head = list(islice(iterator, AUTO_PARALLEL_MIN))
    if jobs == 0:
        jobs = default_jobs() if len(head) == AUTO_PARALLEL_MIN else 1
    if jobs > 1:
        for lang in sorted({a.lang or "en" for a in head}):
            make_nlp(lang)
    return chain(head, iterator), jobs


def extract_corpus(articles: Iterable[Article], report: SkipReport, *, jobs: int = 0,
                   progress: bool | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article, in input order, with a progress bar on a terminal.

    ``jobs``: worker processes; 0 picks by corpus size.
    """
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(desc="extracting", unit=" articles", disable=not show, file=sys.stderr)
    articles, jobs = _auto_jobs(articles, jobs)
    if jobs > 1:
        pool = get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs)
        results: Iterable[tuple[Article, list[Event] | str]] = pool.imap(_safe_extract, articles, chunksize=8)
    else:
        pool = None
        results = map(_safe_extract, articles)
    try:
        for article, outcome in results:
            bar.update(1)
            if isinstance(outcome, str):
                report.add(outcome)
                continue
            report.articles += 1
            report.events += len(outcome)
            yield article, outcome
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
