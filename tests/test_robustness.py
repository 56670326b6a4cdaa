"""Bad inputs and interrupted writes: one line per bad input, the rest processed, nothing half-written.

Interrupted store writes and updates are tested in tests/test_store.py.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors import MAX_CHUNK, extract
from extractors.articles import MAX_BYTES, article_from_text, read_articles
from extractors.errors import ArticleError
from graph.cli import app
from graph.files import atomic_path

runner = CliRunner()

GOOD = "---\nid: good\ndate: 2013-09-28\nlang: en\n---\nObama called Rouhani on Friday.\n"
GOOD_LINE = {"id": "line1", "text": "Kerry met Zarif in Vienna.", "lang": "en", "date": "2014-11-20"}


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file of each kind of bad input; {file name: a word its message must hold}."""
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1256.txt").write_bytes("التقى الوزير نظيره في مسقط".encode("cp1256"))
    (folder / "utf16.txt").write_text("Kerry met Zarif.", encoding="utf-16")
    (folder / "lines.jsonl").write_text(json.dumps(GOOD_LINE) + "\n{not json\n", encoding="utf-8")
    (folder / "baddate.txt").write_text("---\ndate: 2014-02-30\n---\nKerry met Zarif.\n", encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    with (folder / "huge.txt").open("wb") as sparse:  # a sparse file: over the limit without writing it
        sparse.truncate(MAX_BYTES + 1)
    expected = {
        "binary.txt": "binary", "empty.txt": "no text", "cp1256.txt": "UTF-8", "utf16.txt": "UTF-16",
        "lines.jsonl:2": "JSON", "baddate.txt": "2014-02-30", "dangling.txt": "symbolic link", "huge.txt": "limit",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading a pipe would block: it must be refused, not read
        expected["pipe.txt"] = "regular file"
    return expected


def test_each_bad_input_gets_one_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    expected = _bad_inputs(corpus)
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    skipped = [line for line in lines if line.startswith("dipgraph: skipped ")]
    for name, word in expected.items():
        (line,) = [s for s in skipped if f"{name}:" in s]
        assert word in line, line
    assert len(skipped) == len(expected)
    assert lines[-1].endswith(f"2 articles, 2 events, {len(expected)} skipped")
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((e["type"], e["evidence"][0]["article"]) for e in events) == [
        ("meeting_held", "line1"), ("phone_call", "good")]


def test_a_pipe_given_by_name_is_refused_without_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.txt")
    (error,) = list(read_articles(tmp_path / "pipe.txt"))
    assert isinstance(error, ArticleError) and "regular file" in str(error)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; the broken link and the pipe above stand in")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    (error,) = list(read_articles(tmp_path))
    assert "locked.txt" in str(error) and "cannot read" in str(error)


def _long_text(filler_lines: int, line_break: bool = True) -> str:
    filler = "The port of Aqaba handled 1,200 containers and the market in Amman closed higher."
    joiner = "\n" if line_break else " "
    return joiner.join([filler] * filler_lines)


@pytest.mark.parametrize("line_break", [True, False])
def test_an_article_over_the_chunk_size_keeps_its_offsets(line_break: bool) -> None:
    head = "Obama called Rouhani on Friday.\n"
    tail = "\nKerry met Zarif in Vienna on Monday."
    text = head + _long_text(3 * MAX_CHUNK // 80, line_break) + tail
    assert len(text) > 2 * MAX_CHUNK
    events = extract(article_from_text(text, id="long", date=date(2014, 11, 20), lang="en"))
    assert sorted(e.type for e in events) == ["meeting_held", "phone_call"]
    for event in events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
    meeting = next(e for e in events if e.type == "meeting_held")
    assert meeting.evidence[0].start > 2 * MAX_CHUNK


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half of the new", encoding="utf-8")
        raise RuntimeError("crash mid-write")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_ctrl_c_during_extract_leaves_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(GOOD.replace("id: good", f"id: a{i}"), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")
    calls = []

    def interrupted(article):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return extract(article)

    monkeypatch.setattr(graph.corpus, "extract", interrupted)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code != 0 and calls == ["a0", "a1"]
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "events.jsonl"]
