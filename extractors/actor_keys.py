"""Comparison keys and the small records the actor resolver reads besides actors.

``key`` is the one form in which names, aliases, role phrases and mentions are compared: letter variants
folded (extractors.normalize.fold), punctuation dropped, one space, and English "the" ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from pydantic import BaseModel

from .normalize import fold
from .resources import read_yaml

ARABIC = re.compile(r"[\u0600-\u06FF]")
AR_PUNCT = re.compile(r"[،,؛;:!?؟\"'«»“”„‘’()\[\]{}.\-_/]")
EN_PUNCT = re.compile(r"[,;:!?\"“”„()\[\]{}/]")


@dataclass(frozen=True)
class Context:
    """What an article tells the resolver beyond the phrase: its date, its country, the other participant."""

    at: date | None = None
    country: str | None = None
    counterpart_of: str | None = None


class RolesFile(BaseModel):
    titles: list[str]
    counterparts: list[list[str]]
    plural_titles: list[str] = []


@cache
def roles_file() -> RolesFile:
    return read_yaml("roles.yaml", RolesFile)


def counterpart_groups() -> list[list[str]]:
    return roles_file().counterparts


class Place(BaseModel):
    id: str
    name: str
    names: dict[str, str]
    aliases: dict[str, list[str]] = {}
    country: str
    metonym: bool = False
    source: str | None = None


def detect_lang(text: str) -> str:
    return "ar" if ARABIC.search(text) else "en"


def key(text: str, lang: str) -> str:
    """The comparison form of a phrase: folded, punctuation-free, one space; English drops "the".

    >>> key("The U.S. President", "en")
    'us president'
    >>> key("عبد الله بن زايد", "ar") == key("عبدالله بن زايد", "ar")
    True
    """
    if lang == "ar":
        text = AR_PUNCT.sub(" ", fold(text, "ar"))
        text = re.sub(r"\b(عبد|ابو) (?=\S)", r"\1", " ".join(text.split()))
        return text
    text = fold(text, "en").replace(".", "").replace("'", "").replace("-", " ")
    text = " ".join(EN_PUNCT.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text



def strip_possessive(text: str) -> str:
    text = text.strip().replace("’", "'")
    if text.endswith("'s"):
        return text[:-2]
    return text[:-1] if text.endswith("s'") else text


def strip_the(text: str) -> str:
    """'the UN' -> 'UN' (English article before a name)."""
    return re.sub(r"^(?:the|The)\s+", "", text.strip())
