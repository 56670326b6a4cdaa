"""The SQLite store (graph/store.py): save and load, updates by content hash, whole articles only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extractors.schema import Article, Event
from graph import store
from graph.examples import example_articles, example_events, example_kg
from graph.store import StoreError, load_store, new_articles, save_store, update_store


def _dump(events: list[Event]) -> list[dict]:
    return [e.model_dump(mode="json") for e in events]


def per_article() -> list[tuple[Article, list[Event]]]:
    events = example_events()
    return [(a, [e for e in events if e.evidence[0].article == a.id]) for a in example_articles().values()]


def _rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    kg = example_kg()
    path = save_store(tmp_path / "kg.db", kg)
    back = load_store(path)
    assert _dump(back.events) == _dump(kg.events)
    assert {k: a.model_dump() for k, a in back.articles.items()} == {
        k: a.model_dump() for k, a in kg.articles.items()
    }
    assert back.actor("خامنئي").id == "example:khamenei"
    assert _rows(path, "evidence") == sum(len(e.evidence) for e in kg.events)
    assert [p.name for p in tmp_path.iterdir()] == ["kg.db"]  # no temporary file left


def test_save_replaces_atomically_and_keeps_old_store_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_store(tmp_path / "kg.db", example_kg())
    before = path.read_bytes()

    def broken(conn, event):  # fails half-way through writing the new store
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_event", broken)
    with pytest.raises(RuntimeError):
        save_store(path, example_kg())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kg.db"]


def test_update_builds_the_same_events_as_build(tmp_path: Path) -> None:
    report = update_store(tmp_path / "kg.db", per_article())
    assert report.added == ["ex-en-1", "ex-ar-1", "ex-en-2"]
    assert (report.events_before, report.events_after, report.reports_added) == (0, 8, 9)
    assert _dump(load_store(tmp_path / "kg.db").events) == _dump(example_kg().events)


def test_update_skips_stored_articles_by_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    update_store(path, per_article()[:2])
    renamed = [(a.model_copy(update={"id": a.id + "-copy"}), evs) for a, evs in per_article()]
    report = update_store(path, renamed)
    assert report.skipped == ["ex-en-1-copy", "ex-ar-1-copy"]  # same text under another id
    assert report.added == ["ex-en-2-copy"]
    assert _rows(path, "articles") == 3


def test_update_merges_new_reports_into_stored_events(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    pairs = per_article()
    update_store(path, [pairs[0]])
    letter = next(e for e in load_store(path).events if e.type == "letter_sent" and e.date.start.year == 2014)
    assert letter.reports == 1
    update_store(path, [pairs[1]])  # the Arabic article reports the same letter
    letters = [e for e in load_store(path).events if e.type == "letter_sent" and e.date.start.year == 2014]
    assert [(e.reports, e.date.text) for e in letters] == [(2, "mid-October")]


def test_same_id_other_text_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    article, events = per_article()[0]
    update_store(path, [(article, events)])
    edited = article.model_copy(update={"text": article.text + " A correction was added."})
    report = update_store(path, [(edited, events)])
    assert (report.added, report.conflicts) == ([], [article.id])


def test_interrupted_update_leaves_whole_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kg.db"
    pairs = per_article()
    real = store._merge_into
    calls = []

    def crash_on_second(conn, events):
        calls.append(1)
        real(conn, events)  # the article's rows are written, then the run dies before COMMIT
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(store, "_merge_into", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        update_store(path, pairs)
    kept = load_store(path)
    assert set(kept.articles) == {"ex-en-1"}
    assert {ev.article for e in kept.events for ev in e.evidence} == {"ex-en-1"}
    assert _rows(path, "evidence") == 5

    monkeypatch.setattr(store, "_merge_into", real)
    report = update_store(path, pairs)  # running again completes the store
    assert (report.skipped, report.added) == (["ex-en-1"], ["ex-ar-1", "ex-en-2"])
    assert _dump(load_store(path).events) == _dump(example_kg().events)


def test_new_articles_filters_by_hash(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    assert len(list(new_articles(path, example_articles().values()))) == 3  # no store yet
    update_store(path, per_article()[:1])
    assert [a.id for a in new_articles(path, example_articles().values())] == ["ex-ar-1", "ex-en-2"]


def test_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        load_store(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a dipgraph store"):
        load_store(other)
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not SQLite at all" * 20)
    with pytest.raises(StoreError):
        load_store(text)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_update_order_does_not_change_the_events(tmp_path: Path, order: tuple[int, ...]) -> None:
    pairs = per_article()
    path = tmp_path / "kg.db"
    for i in order:  # one run per article, in this order
        update_store(path, [pairs[i]])
    assert _dump(load_store(path).events) == _dump(example_kg().events)
