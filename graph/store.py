"""The SQLite store (standard library ``sqlite3``): articles, actors, events and their evidence.

- ``save_store(path, kg)`` writes a whole new store to a temporary file beside ``path`` and moves it into
  place with ``os.replace``: readers see the old store or the new one, never a half-written file.
- ``update_store(path, pairs)`` adds articles whose content hash is new, each in its own transaction
  (article, actors, merged events and evidence together), so an interrupted run leaves the store as it
  was or with whole articles added. New events are merged with the stored events that share their merge
  key (graph/merge.py), which may replace a stored event by a merged one with a new id. A stored event
  keeps only its kept date for matching, so a vague report ("a letter in 2014") added after one precise
  letter joins it, where a batch build that also saw a second 2014 letter would keep it apart.
- ``load_store(path)`` reads it back as a :class:`KnowledgeGraph`.

Events are kept as their JSON (the extract format) plus a few indexed columns; ``evidence`` repeats the
evidence items one per row so that "which events does this article support" is one indexed query.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.errors import DipgraphError
from extractors.schema import Actor, Article, Event

from .build import actors_of
from .files import atomic_path
from .knowledge_graph import KnowledgeGraph
from .merge import merge_events, merge_key

SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, date TEXT, lang TEXT,
    url TEXT, path TEXT, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, merge_key TEXT NOT NULL, date_start TEXT, date_end TEXT,
    negated INTEGER NOT NULL, secret INTEGER NOT NULL, reports INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_key ON events (merge_key);
CREATE INDEX IF NOT EXISTS events_by_date ON events (date_start);
CREATE TABLE IF NOT EXISTS evidence (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE, article_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id, start, end));
CREATE INDEX IF NOT EXISTS evidence_by_article ON evidence (article_id);
"""


class StoreError(DipgraphError):
    """A file is not a dipgraph store, or a store of another schema version."""


@dataclass
class UpdateReport:
    """What ``update_store`` did: article ids added, skipped (already stored) and in conflict."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # id stored with another text: left alone
    events_before: int = 0
    events_after: int = 0
    reports_added: int = 0  # event reports read from the added articles

    def __str__(self) -> str:
        return (
            f"added {len(self.added)} articles, skipped {len(self.skipped)} already stored"
            + (f", {len(self.conflicts)} id conflicts" if self.conflicts else "")
            + f"; events {self.events_before} -> {self.events_after} ({self.reports_added} reports merged in)"
        )


def _connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)  # transactions are explicit
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))


def _check(conn: sqlite3.Connection, path: str | Path) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        raise StoreError(f"{path}: not a dipgraph store (write one with `dipgraph build PATH --save {path}`)")
    if row[0] != SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store schema version {row[0]}, this dipgraph reads version {SCHEMA_VERSION}"
        )


def _key_text(event: Event) -> str:
    return json.dumps(list(merge_key(event)), ensure_ascii=False)


def _insert_article(conn: sqlite3.Connection, a: Article) -> None:
    conn.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.id,
            a.content_hash,
            a.title,
            a.date.isoformat() if a.date else None,
            a.lang,
            a.url,
            a.path,
            a.text,
        ),
    )


def _insert_actor(conn: sqlite3.Connection, actor: Actor) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?, ?)",
        (actor.id, actor.name, actor.kind, actor.country, actor.model_dump_json()),
    )


def _insert_event(conn: sqlite3.Connection, e: Event) -> None:
    span = (e.date.start.isoformat(), e.date.end.isoformat()) if e.date else (None, None)
    conn.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (e.id, e.type, _key_text(e), *span, int(e.negated), int(e.secret), e.reports, e.model_dump_json()),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?)",
        [(e.id, ev.article, ev.start, ev.end, ev.text) for ev in e.evidence],
    )


def _delete_event(conn: sqlite3.Connection, event_id: str) -> None:
    conn.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
    conn.execute("DELETE FROM events WHERE id = ?", (event_id,))


def save_store(path: str | Path, kg: KnowledgeGraph) -> Path:
    """Write ``kg`` as a new store at ``path`` (atomically replacing any file there); returns the path."""
    with atomic_path(path) as tmp:
        tmp.unlink()  # sqlite makes its own file
        conn = _connect(tmp)
        try:
            _create(conn)
            conn.execute("BEGIN")
            for article in kg.articles.values():
                _insert_article(conn, article)
            for actor in kg.actors.values():
                _insert_actor(conn, actor)
            for event in kg.events:
                _insert_event(conn, event)
            conn.execute("COMMIT")
        finally:
            conn.close()
    return Path(path)


def load_store(path: str | Path) -> KnowledgeGraph:
    """Read a store back as a KnowledgeGraph (events as stored: already merged)."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such store (write one with `dipgraph build PATH --save {path}`)")
    conn = _connect(path)
    try:
        _check(conn, path)
        actors = {r[0]: Actor.model_validate_json(r[1]) for r in conn.execute("SELECT id, json FROM actors")}
        events = [
            Event.model_validate_json(r[0]) for r in conn.execute("SELECT json FROM events ORDER BY id")
        ]
        cols = "id, text, title, date, lang, url, path"
        articles = [
            Article(**dict(zip(cols.split(", "), row, strict=True)))
            for row in conn.execute(f"SELECT {cols} FROM articles ORDER BY id")
        ]
    finally:
        conn.close()
    return KnowledgeGraph.from_events(events, articles=articles, actors=actors)


def stored_hashes(path: str | Path) -> set[str]:
    """The content hashes of the articles a store holds (empty when there is no store yet)."""
    if not Path(path).is_file():
        return set()
    conn = _connect(path)
    try:
        _check(conn, path)
        return {r[0] for r in conn.execute("SELECT content_hash FROM articles")}
    finally:
        conn.close()


def new_articles(path: str | Path, articles: Iterable[Article]) -> Iterator[Article]:
    """The articles a store does not hold yet, so that only those are extracted before ``update_store``."""
    known = stored_hashes(path)
    return (a for a in articles if a.content_hash not in known)


def _merge_into(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Merge ``events`` with the stored events of the same merge keys, replacing those."""
    keys = sorted({_key_text(e) for e in events})
    stored = [
        Event.model_validate_json(row[0])
        for key in keys
        for row in conn.execute("SELECT json FROM events WHERE merge_key = ?", (key,))
    ]
    for event in stored:
        _delete_event(conn, event.id)
    for event in merge_events(stored + events):
        _insert_event(conn, event)


def _count_events(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def update_store(
    path: str | Path, articles_with_events: Iterable[tuple[Article, list[Event]]]
) -> UpdateReport:
    """Add new articles and their events to the store at ``path`` (created when missing).

    An article whose content hash is stored is skipped; one whose id is stored with another text is
    a conflict and left alone. Each added article is one transaction.
    """
    conn = _connect(path)
    report = UpdateReport()
    try:
        _create(conn)
        _check(conn, path)
        report.events_before = _count_events(conn)
        for article, events in articles_with_events:
            if conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)
            ).fetchone():
                report.skipped.append(article.id)
                continue
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                report.conflicts.append(article.id)
                continue
            _add_article(conn, article, list(events))
            report.added.append(article.id)
            report.reports_added += len(events)
        report.events_after = _count_events(conn)
    finally:
        conn.close()
    return report


def _add_article(conn: sqlite3.Connection, article: Article, events: list[Event]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        _insert_article(conn, article)
        for actor in actors_of(events).values():
            _insert_actor(conn, actor)
        if events:
            _merge_into(conn, events)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
