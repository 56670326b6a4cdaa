"""A small hierarchy of errors that name the value, the file and the fix."""

from __future__ import annotations


class DipgraphError(Exception):
    """Base of every error dipgraph raises on purpose."""


class DataFileError(DipgraphError):
    """A curated data file is malformed; the message names the file, the line and the field."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path, self.line = path, line


class ArticleError(DipgraphError):
    """An article cannot be read; the message names the file (and line)."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path, self.line = path, line


class ActorNotFound(DipgraphError):
    """No actor answers to a name; the message suggests the closest known one."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"no actor named {name!r}{hint}")
        self.name, self.suggestion = name, suggestion
