"""Character folding and clitic stripping for matching, driven by ``data/<lang>/normalization.yaml``.

Nothing here changes the text or its offsets: the result is a token's NORM, which every
matcher compares against. A clitic is only stripped when the stripped form is a word the
lexicons know, so "ليبيا" stays whole while "لخامنئي" becomes "خامنيي".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from pydantic import BaseModel

from .resources import read_yaml


class Affix(BaseModel):
    strip: str
    add: str = ""


class NormalizationTable(BaseModel):
    fold: dict[str, str] = {}
    strip: str = ""
    prefixes: list[Affix] = []
    suffixes: list[str] = []
    min_stem: int = 2
    keep_acronyms: bool = False  # "US" is the state, "us" the pronoun
    extra_suffixes: list[str] = []
    extra_prefixes: list[str] = []
    stem_endings: dict[str, str] = {}  # an ending a stem takes before a suffix -> the word's own ending
    kept_marked: list[str] = []  # words whose marks tell them from a homograph: their norm keeps the marks


@cache
def normalization_table(lang: str) -> NormalizationTable:
    return read_yaml(f"{lang}/normalization.yaml", NormalizationTable)


@cache
def _format_marks() -> dict[int, None]:
    """Invisible format characters of the BMP (category Cf: RTL/LTR marks, zero-width joiners, BOM).

    Web text puts them inside words ("\u200fwrote"); dropped for matching, the word meets its entry.
    """
    return {c: None for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"}


@cache
def _translation(lang: str) -> dict[int, str | None]:
    table = normalization_table(lang)
    mapping: dict[int, str | None] = dict(_format_marks())
    mapping.update({ord(k): v for k, v in table.fold.items()})
    mapping.update({ord(c): None for c in table.strip})
    return mapping


def fold(text: str, lang: str) -> str:
    """Fold letter variants and drop marks, so spelling variants compare equal.

    >>> fold("إيران", "ar") == fold("ايران", "ar")
    True
    >>> fold("Élysée", "en")
    'elysee'
    >>> fold("\u200fظريف\u061c", "ar") == fold("ظريف", "ar")
    True
    """
    folded = text.translate(_translation(lang))
    if lang == "en":
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        ).lower()
    return folded


@cache
def folded(words: tuple[str, ...], lang: str) -> frozenset[str]:
    """A word list of the lexicons folded, once per list: what token norms are compared against."""
    return frozenset(fold(w, lang) for w in words)


class Normalizer:
    """Maps a word to the lexicon form it stands for, or to its folded self."""

    def __init__(self, lang: str, known: Iterable[str] = ()) -> None:
        self.lang = lang
        self.table = normalization_table(lang)
        self.known = {fold(w, lang) for w in known}
        # folded once here: a new word is normalised every time the vocabulary meets one
        self.prefixes = [(fold(a.strip, lang), fold(a.add, lang)) for a in self.table.prefixes]
        self.proclitics = {strip for strip, add in self.prefixes if not add}
        # the marks a kept form holds stay when comparing; any other ("عمَّان" beside "عمّان") is dropped
        self.kept = [(form, {ord(c): None for c in self.table.strip if c not in form})
                     for form in self.table.kept_marked]
        self.norm = lru_cache(maxsize=200_000)(self._norm)

    def _norm(self, word: str) -> str:
        for form, other_marks in self.kept:  # "عمّان" (Amman) and "بعمّان" are not "عمان" (Oman)
            bare = word.translate(other_marks)
            if bare.endswith(form) and (bare == form or fold(bare[: -len(form)], self.lang) in self.proclitics):
                return form
        if self.table.keep_acronyms and len(word) > 1 and word.isupper() and word.replace(".", "").isalpha():
            return word
        folded = fold(word, self.lang)
        if folded in self.known or not self.known:
            return folded
        for stem in self._stems(folded):
            if stem in self.known:
                return stem
        return folded

    def _stems(self, folded: str) -> Iterable[str]:
        """Candidate stems, from least to most stripped."""
        t = self.table
        bases = [folded] + [
            add + folded[len(strip) :]
            for strip, add in self.prefixes
            if folded.startswith(strip) and len(folded) - len(strip) >= t.min_stem
        ]
        for base in bases:
            if base != folded:
                yield base
        for base in bases:
            for suffix in t.suffixes:
                if base.endswith(suffix) and len(base) - len(suffix) >= t.min_stem:
                    stem = base[: -len(suffix)]
                    yield stem
                    for changed, own in t.stem_endings.items():
                        if stem.endswith(changed):
                            yield stem[: -len(changed)] + own
