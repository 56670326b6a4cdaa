"""Reading articles: text files with optional front matter, JSON Lines, or folders of either.

Bad input never stops the run: ``read_articles`` yields an :class:`ArticleError` in place of
each article it cannot read, and the caller reports it in one line and goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from .errors import ArticleError
from .schema import Article

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 64 * 1024 * 1024


def detect_lang(text: str) -> str:
    """The language by script: Arabic when Arabic letters outnumber Latin ones.

    >>> detect_lang("كتب الرئيس رسالة")
    'ar'
    >>> detect_lang("The president wrote a letter.")
    'en'
    """
    return "ar" if len(ARABIC_LETTER.findall(text)) > len(LATIN_LETTER.findall(text)) else "en"


def _stable_id(path: Path, line: int | None = None) -> str:
    stem = re.sub(r"[^\w\-]+", "_", path.stem)[:60] or "article"
    return stem if line is None else f"{stem}-{line}"


def _parse_front_matter(block: str, where: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, line in enumerate(block.splitlines(), 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ArticleError(where, f"front matter line is not 'key: value': {line.strip()[:40]!r}", number)
        fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def _article(fields: dict, text: str, where: str, line: int | None, default_id: str, path: str) -> Article:
    if not text.strip():
        raise ArticleError(where, "article has no text", line)
    record = {k: v for k, v in fields.items() if v not in (None, "")}
    record.setdefault("id", default_id)
    record["id"] = str(record["id"])
    record["text"] = text
    record["path"] = path
    if "date" in record:
        try:
            record["date"] = date.fromisoformat(str(record["date"])[:10])
        except ValueError:
            raise ArticleError(where, f"date {record['date']!r} is not an ISO date (YYYY-MM-DD)", line) from None
    if record.get("lang") not in (None, "ar", "en"):
        raise ArticleError(where, f"lang {record['lang']!r} is not one of: ar, en", line)
    record.setdefault("lang", detect_lang(text))
    try:
        return Article.model_validate(record)
    except ValidationError as err:
        e = err.errors()[0]
        raise ArticleError(where, f"field {'.'.join(map(str, e['loc']))!r}: {e['msg']}", line) from None


def _decode(path: Path) -> str:
    try:
        info = path.stat()
        # A pipe or device would block the read or never end: only regular files are articles.
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(str(path), "not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_BYTES:
            raise ArticleError(str(path), f"file is {info.st_size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit")
        raw = path.read_bytes()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise ArticleError(str(path), f"cannot read: {reason}") from None
    except OSError as err:
        raise ArticleError(str(path), f"cannot read: {err.strerror or err}") from None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ArticleError(str(path), "UTF-16 text, not UTF-8; re-save the file as UTF-8")
    if b"\x00" in raw[:4096]:
        raise ArticleError(str(path), "binary file, not UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(str(path), f"not UTF-8 (byte {err.start}); re-save the file as UTF-8") from None


def read_text_article(path: Path) -> Article:
    """One article from a text file, with its front matter if it has one."""
    text = _decode(path)
    fields: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        fields = _parse_front_matter(match.group(1), str(path))
        # Blank out the front matter instead of cutting it, so offsets stay those of the file.
        text = re.sub(r"[^\n]", " ", text[: match.end()]) + text[match.end() :]
    return _article(fields, text, str(path), None, _stable_id(path), str(path))


def read_jsonl_articles(path: Path) -> Iterator[Article | ArticleError]:
    """Articles from a JSON Lines file, an error in place of each line that cannot be read."""
    try:
        content = _decode(path)
    except ArticleError as err:
        yield err
        return
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield ArticleError(str(path), f"broken JSON line: {err.msg}", number)
            continue
        if not isinstance(record, dict):
            yield ArticleError(str(path), "JSON line is not an object", number)
            continue
        try:
            text = record.pop("text", None)
            if not isinstance(text, str):
                raise ArticleError(str(path), "line has no 'text' string", number)
            yield _article(record, text, str(path), number, _stable_id(path, number), str(path))
        except ArticleError as err:
            yield err


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.name.startswith(".") or path.suffix.lower() not in TEXT_SUFFIXES | JSONL_SUFFIXES:
            continue
        if path.stem.upper() == "README":  # a folder's README describes the articles; it is not one
            continue
        # Broken links and pipes are not files but are reported by the reader, not silently passed over.
        if path.is_file() or not path.is_dir():
            yield path


def read_articles(path: str | Path) -> Iterator[Article | ArticleError]:
    """Every article under ``path`` (a text file, a JSON Lines file or a folder), in a stable order.

    Errors are yielded, not raised, so one bad file does not stop the others.
    """
    root = Path(path)
    if not root.exists():
        yield ArticleError(str(root), "no such file or directory")
        return
    for file in _files(root) if root.is_dir() else [root]:
        if file.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_articles(file)
        else:
            try:
                yield read_text_article(file)
            except ArticleError as err:
                yield err


def article_from_text(text: str, *, id: str | None = None, date: date | None = None,
                      lang: str | None = None, title: str | None = None) -> Article:
    """An article from a string, as notebooks and tests make them.

    >>> article_from_text("Kerry met Zarif in Vienna.", date=None).lang
    'en'
    """
    article_id = id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return Article(id=article_id, text=text, date=date, lang=lang or detect_lang(text), title=title)  # type: ignore[arg-type]
