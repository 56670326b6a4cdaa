"""Nisba adjectives and demonyms: which state an adjective names, and when a word is only an adjective.

"الإيراني" names Iran but is not Iran: the clitic stripper would read it as "إيران" + a suffix, so the
resolver asks here first. Plurals ("الإيرانيين", "the Iranians") stand for a state's side in news.
"""

from __future__ import annotations

from .actor_keys import key
from .actor_phrases import demonym_forms, demonym_plurals
from .normalize import Normalizer


class Demonyms:
    """Demonym tables per language, as comparison keys, built on first use."""

    def __init__(self) -> None:
        self._singular: dict[str, dict[str, str]] = {}
        self._plural: dict[str, dict[str, str]] = {}
        self._stemmers: dict[str, Normalizer] = {}

    def table(self, lang: str) -> dict[str, str]:
        """Every demonym form (singular, plural, indefinite) -> ISO3."""
        if lang not in self._singular:
            self._singular[lang] = {key(form, lang): iso for form, iso in demonym_forms(lang).items()}
        return self._singular[lang]

    def plurals(self, lang: str) -> dict[str, str]:
        if lang not in self._plural:
            self._plural[lang] = {key(form, lang): iso for form, iso in demonym_plurals(lang).items()}
        return self._plural[lang]

    def stem(self, word: str, lang: str = "ar") -> str:
        """The demonym a word carries under its clitics ("للإيرانيين" -> "الايرانيين"), else the word."""
        if lang not in self._stemmers:
            self._stemmers[lang] = Normalizer(lang, self.table(lang))
        return self._stemmers[lang].norm(word)

    def country(self, k: str, lang: str) -> str | None:
        """The ISO3 of a demonym given as a key, clitics allowed in Arabic."""
        table = self.table(lang)
        if k in table:
            return table[k]
        stem = self.stem(k, lang) if lang == "ar" else k
        return table.get(stem)
