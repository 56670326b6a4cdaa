"""Reading articles: front matter, JSON Lines, folders, language detection, and bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from extractors.articles import detect_lang, read_articles, read_text_article
from extractors.errors import ArticleError


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_is_read_and_offsets_stay_those_of_the_file(tmp_path: Path) -> None:
    raw = "---\nid: a1\ntitle: Talks\ndate: 2015-07-14\nlang: en\n---\nKerry met Zarif in Vienna.\n"
    article = read_text_article(_write(tmp_path / "a.txt", raw))
    assert (article.id, article.title, article.date, article.lang) == ("a1", "Talks", date(2015, 7, 14), "en")
    start = raw.index("Kerry")
    assert article.text[start : start + 5] == "Kerry"
    assert len(article.text) == len(raw)


def test_language_is_detected_from_the_script(tmp_path: Path) -> None:
    article = read_text_article(_write(tmp_path / "b.txt", "التقى وزير الخارجية نظيره في مسقط."))
    assert article.lang == "ar" and article.date is None and article.id == "b"
    assert detect_lang("Lavrov met Blinken.") == "en"


def test_jsonl_with_a_broken_line_names_the_line(tmp_path: Path) -> None:
    good = {"id": "j1", "text": "Putin called Macron.", "date": "2022-02-20", "lang": "en"}
    path = _write(tmp_path / "c.jsonl", json.dumps(good) + "\n{broken\n" + json.dumps({"id": "j3"}) + "\n")
    items = list(read_articles(path))
    assert isinstance(items[0], type(read_text_article(_write(tmp_path / "d.txt", "x y")))) and items[0].id == "j1"
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert [e.line for e in errors] == [2, 3]
    assert "c.jsonl:2" in str(errors[0]) and "broken JSON" in str(errors[0])


def test_bad_files_in_a_folder_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "good.txt", "Obama wrote to Khamenei.")
    _write(tmp_path / "empty.txt", "")
    _write(tmp_path / "latin1.txt", "Caf\xe9 talks".encode("latin-1"))
    _write(tmp_path / "binary.txt", b"\x00\x01\x02binary")
    _write(tmp_path / "baddate.txt", "---\ndate: 2014-13-45\n---\nText here.")
    items = list(read_articles(tmp_path))
    read = [i for i in items if not isinstance(i, ArticleError)]
    errors = {Path(e.path).name: str(e) for e in items if isinstance(e, ArticleError)}
    assert [a.id for a in read] == ["good"]
    assert set(errors) == {"empty.txt", "latin1.txt", "binary.txt", "baddate.txt"}
    assert "not UTF-8" in errors["latin1.txt"] and "no text" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"] and "2014-13-45" in errors["baddate.txt"]
    assert all("\n" not in message for message in errors.values())


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    (error,) = list(read_articles(tmp_path / "nope.txt"))
    assert isinstance(error, ArticleError) and "no such file" in str(error)
