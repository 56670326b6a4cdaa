"""Parsers for the PETRARCH-format actor dictionaries in ../shared/peer-data (MIT, Open Event Data Alliance).

A dictionary is a sequence of entries: a primary phrase on its own line (words joined by ``_``), ``+ALIAS``
lines, and role lines ``[CODE START-END]`` (dates YYMMDD or YYYYMMDD, ``>DATE`` from, ``<DATE`` until).
A code may also follow the phrase on the primary line. ``#`` starts a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROLE = re.compile(r"\[([A-Z~]+)\s*([<>]?)(\d{6,8})?(?:-(\d{6,8}))?\s*\]")


@dataclass
class PeerRole:
    code: str
    start: date | None
    end: date | None

    @property
    def country(self) -> str:
        return self.code[:3]


@dataclass
class PeerEntry:
    phrase: str
    aliases: list[str] = field(default_factory=list)
    roles: list[PeerRole] = field(default_factory=list)
    line: int = 0

    @property
    def names(self) -> list[str]:
        return [self.phrase, *self.aliases]


def _day(text: str | None) -> date | None:
    """YYMMDD (PETRARCH's two-digit years pivot at 30) or YYYYMMDD; None when absent or invalid."""
    if not text:
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{1900 + year if year > 30 else 2000 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _roles(text: str) -> list[PeerRole]:
    roles: list[PeerRole] = []
    for code, mark, first, second in ROLE.findall(text):
        start, end = _day(first), _day(second)
        if mark == "<":
            start, end = None, start
        roles.append(PeerRole(code, start, end))
    return roles


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def parse_dictionary(path: Path) -> list[PeerEntry]:
    """Every entry of a PETRARCH actor file, in file order."""
    entries: list[PeerEntry] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body = raw.split("#", 1)[0]
        if not body.strip():
            continue
        if body[0] in " \t" and body.strip().startswith("["):
            if entries:
                entries[-1].roles.extend(_roles(body))
        elif body.lstrip().startswith("+"):
            if entries:
                entries[-1].aliases.append(_phrase(ROLE.sub("", body.strip()[1:])))
        else:
            text = ROLE.sub("", body).strip()
            if text:
                entries.append(PeerEntry(_phrase(text), roles=_roles(body), line=number))
    return entries
