"""The date words of a language (``data/<lang>/dates.yaml``) and the lexer that turns text into date atoms.

A lexer regex over the folded text turns words into typed atoms (a month name, a day number, "منتصف",
"last month", ...), each atom one letter of a code string that the grammar in ``dates.py`` reads. Folding
(hamza, ya, ta marbuta, Arabic-Indic digits) keeps every character in place; dropped diacritics and tatweel
are mapped back, so atom offsets always index the text passed in.

>>> [(a.code, a.value) for a in lexicon("en").atoms("on 24 November 2014")]  # "on": context (g)
[('g', None), ('N', 24), ('M', 11), ('Y', 2014)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .normalize import fold, normalization_table
from .resources import read_yaml

Bound = int | Literal["before_published", "after_published"]
Unit = Literal["day", "week", "month", "year"]
CountUnit = Literal["hour", "day", "week", "month", "year"]


class Part(BaseModel):
    """A part word and the days of a month / months of a year it covers."""

    model_config = ConfigDict(extra="forbid")
    words: list[str]
    month: tuple[Bound, Bound] | None = None
    year: tuple[Bound, Bound] | None = None


class DateWords(BaseModel):
    """The schema of ``data/<lang>/dates.yaml``."""

    model_config = ConfigDict(extra="forbid")
    clitics: list[str] = []
    numeric_order: Literal["dmy", "mdy"] = "dmy"
    months: dict[int, list[str]]
    hijri_months: dict[int, list[str]] = {}
    weekdays: dict[int, list[str]]
    ambiguous: list[str] = []
    era_markers: list[str] = []
    hijri_markers: list[str] = []
    ordinal_suffixes: list[str] = []
    day_words: list[str] = []
    month_words: list[str] = []
    year_words: list[str] = []
    relative_days: dict[str, int] = {}
    # "the next day", "في اليوم التالي": days from the last day the article told of, not from publication
    anchored_days: dict[str, int] = {}
    anchored_months: dict[str, int] = {}  # "الشهر نفسه", "the same month": the month of that event
    relative_weeks: dict[str, int] = {}
    relative_months: dict[str, int] = {}
    relative_years: dict[str, int] = {}
    shift_before: dict[str, int] = {}
    shift_after: dict[str, int] = {}
    span_before: dict[str, int] = {}
    span_after: dict[str, int] = {}
    units: dict[str, Unit] = {}
    numbers: dict[str, int] = {}
    count_units: dict[str, CountUnit] = {}
    durations: dict[str, tuple[int, CountUnit]] = {}
    duration_not_after: list[str] = []
    duration_not_before: list[str] = []
    duration_nouns: list[str] = []
    day_ordinals: dict[int, list[str]] = {}
    parts: list[Part] = []
    since: list[str] = []
    connectors: list[str] = []
    strong_context: list[str] = []
    context: list[str] = []
    day_parts: list[str] = []  # "مساء", "صباح": before an ambiguous weekday name they make it a day


@dataclass(frozen=True)
class Atom:
    """One recognised word or number: its grammar code, its value, its offsets (``lead`` includes a clitic)."""

    code: str
    value: object
    start: int
    end: int
    lead: int


_NAMED = set("MaWwH")  # English names of these codes must be capitalised
_DIGITS = {c: str(i % 10) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}


_WORD = re.compile(r"\w+")
_NUMBER_GROUP = re.compile(r"\d[,.٬]$")


@lru_cache(maxsize=4096)
def _key(phrase: str, lang: str) -> str:
    return " ".join(fold(phrase, lang).split())


def _alternation(phrases: list[str], lang: str) -> str:
    """A regex matching any of the phrases, longest first, as a trie (so a failing branch costs one letter)."""
    trie: dict[str, dict] = {}
    for form in {_key(p, lang) for p in phrases}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _code_groups(words: DateWords) -> list[tuple[str, dict[str, object]]]:
    """Each grammar code with its phrases and their values; an earlier code wins a phrase listed twice."""
    return [
        ("D", dict(words.anchored_days)),
        ("E", dict(words.anchored_months)),
        ("r", dict(words.relative_days)),
        ("k", dict(words.relative_weeks)),
        ("o", dict(words.relative_months)),
        ("e", dict(words.relative_years)),
        ("P", {w: p for p in words.parts for w in p.words}),
        ("M", {w: n for n, ws in words.months.items() for w in ws}),
        ("H", {w: n for n, ws in words.hijri_months.items() for w in ws}),
        ("W", {w: n for n, ws in words.weekdays.items() for w in ws}),
        ("B", dict(words.shift_before)),
        ("A", dict(words.shift_after)),
        ("L", dict(words.span_before)),
        ("Z", dict(words.span_after)),
        ("u", dict(words.units)),
        ("n", dict(words.numbers)),
        ("O", {w: n for n, ws in words.day_ordinals.items() for w in ws}),
        ("U", dict(words.durations)),
        ("i", dict(words.count_units)),
        ("S", dict.fromkeys(words.since)),
        ("d", dict.fromkeys(words.day_words)),
        ("m", dict.fromkeys(words.month_words)),
        ("y", dict.fromkeys(words.year_words)),
        ("C", dict.fromkeys(words.connectors)),
        ("g", dict.fromkeys(words.strong_context)),
        ("c", dict.fromkeys(words.context)),
        ("t", dict.fromkeys(words.day_parts)),
    ]


def _phrase_table(lang: str, words: DateWords) -> dict[str, tuple[str, object]]:
    """Folded phrase -> (code, value); an ambiguous month or weekday name gets the code ``a`` or ``w``."""
    table: dict[str, tuple[str, object]] = {}
    ambiguous = {_key(w, lang) for w in words.ambiguous}
    for code, entries in _code_groups(words):
        for phrase, value in entries.items():
            key = _key(phrase, lang)
            vague = key in ambiguous and code in "MW"
            table.setdefault(key, ({"M": "a", "W": "w"}[code] if vague else code, value))
    return table


class Lexicon:
    """A language's date words, the lexer regex built from them, and the text folding that keeps offsets.

    Codes: M month, a ambiguous month, H hijri month, W weekday, w ambiguous weekday, N day number,
    Y year, J hijri year, Q other number, n number word, O day ordinal word, T numeric date,
    r/k/o/e relative day/week/month/year, D a day and E a month counted from the article's last dated event, P part,
    S since, m/y/d month/year/day word, A/B shift after/before,
    L/Z span before/after, u unit, i unit after a number only, U a whole duration ("يومين"),
    C connector, g/c strong/weak context, t a part of the day.
    """

    def __init__(self, lang: str, words: DateWords) -> None:
        self.lang, self.words = lang, words
        self.table = _phrase_table(lang, words)
        self.pattern = self._compile()
        self.prefilter = self._compile_prefilter()
        table = normalization_table(lang)
        self.fold_map = {k: v for k, v in table.fold.items() if len(v) == 1} | _DIGITS
        # a regex substitution beats str.translate here: few letters change, and translate looks up every one
        self.foldable = re.compile(f"[{re.escape(''.join(self.fold_map))}]")
        self.dropped = re.compile(f"[{re.escape(table.strip)}]+") if table.strip else None
        self.kept_runs = re.compile(f"[^{re.escape(table.strip)}]+") if table.strip else _WORD
        self._not_after = self._edge(words.duration_not_after, before=True)
        self._not_before = self._edge(words.duration_not_before, before=False)
        self._nouns = self._edge(words.duration_nouns, before=False)

    def _edge(self, phrases: list[str], *, before: bool) -> re.Pattern[str] | None:
        """A regex for one of the phrases at the end of the text before a span, or at the start of the text after."""
        if not phrases:
            return None
        clitics = f"(?:{_alternation(self.words.clitics, self.lang)})?" if self.words.clitics else ""
        body = f"{clitics}(?:{_alternation(phrases, self.lang)})"
        return re.compile(rf"(?<!\w){body}\s*$" if before else rf"^[\s-]*{body}(?!\w)", re.I)

    def is_date_duration(self, text: str, start: int, end: int, hyphenated: bool) -> bool:
        """Whether the duration at ``text[start:end]`` counts ahead from publication: not a length
        ("for three weeks"), not a count back ("two days ago"), and when written "two-day" only before a
        deadline noun ("a two-day visit" is a length)."""
        before = self.fold_text(text[max(0, start - 24) : start])[0]
        after = self.fold_text(text[end : end + 24])[0]
        if _NUMBER_GROUP.search(before):  # "1,000 days": the lexer saw only "000"
            return False
        if self._not_after is not None and self._not_after.search(before):
            return False
        if self._not_before is not None and self._not_before.match(after):
            return False
        return not hyphenated or (self._nouns is not None and self._nouns.match(after) is not None)

    def _compile_prefilter(self) -> re.Pattern[str]:
        """A cheap regex for the places where a date word or number may start."""
        words, lang = self.words, self.lang
        first_words = [_WORD.match(k).group() for k in self.table]  # type: ignore[union-attr]
        clitics = f"(?:{_alternation(words.clitics, lang)})?" if words.clitics else ""
        number_clitic = f"(?:{_alternation([*words.clitics, 'ال'], lang)})?" if words.clitics else ""
        return re.compile(
            rf"(?<!\w)(?:{clitics}(?:{_alternation(first_words, lang)})(?!\w)|{number_clitic}\d)", re.I
        )

    def _compile(self) -> re.Pattern[str]:
        w, lang = self.words, self.lang
        months = _alternation([m for ms in w.months.values() for m in ms], lang)
        phrases = _alternation(list(self.table), lang)
        ordinal = f"(?:{_alternation(w.ordinal_suffixes, lang)})?" if w.ordinal_suffixes else ""
        era, hijri = _alternation(w.era_markers, lang), _alternation(w.hijri_markers, lang)
        markers = rf"(?:\s?(?:(?P<era>{era})|(?P<hij>{hijri})))?"
        number_clitic = f"(?:{_alternation([*w.clitics, 'ال'], lang)})?" if w.clitics else ""
        return re.compile(
            r"(?<![\d.])(?:(?P<y1>\d{4})(?P<s1>[-/.])(?P<m1>\d\d?)(?P=s1)(?P<d1>\d\d?)"
            r"|(?P<a2>\d\d?)(?P<s2>[-/.])(?P<b2>\d\d?)(?P=s2)(?P<y2>\d{4}))(?![\d])"
            rf"|(?<!\w){number_clitic}(?P<num>\d{{1,4}}){ordinal}{markers}(?!\w)"
            rf"|(?<!\w)(?P<cl>{_alternation(w.clitics, lang)})?(?P<ph>{phrases})"
            rf"(?P<alt>\s*[/(]\s*(?:{months})\s*\)?)?(?!\w)",
            re.IGNORECASE,
        )

    def is_time_unit(self, word: str) -> bool:
        """Whether a word names a unit of time after a number ("days", "أيام", "hours")."""
        entry = self.table.get(_key(word, self.lang))
        return entry is not None and entry[0] in "ui"

    def fold_text(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """The text folded letter for letter without marks, and where marks were dropped: pairs of
        (offset in the folded text, marks dropped before it so far)."""
        folded = self.foldable.sub(lambda m: self.fold_map[m.group()], text)
        if self.dropped is None or not self.dropped.search(folded):
            return folded, []
        shifts: list[tuple[int, int]] = []
        removed = 0
        for run in self.dropped.finditer(folded):
            removed += run.end() - run.start()
            shifts.append((run.end() - removed, removed))
        return self.dropped.sub("", folded), shifts

    def atoms(self, text: str) -> list[Atom]:
        """The date words and numbers of ``text``, in order, with offsets in ``text``."""
        folded, shifts = self.fold_text(text)
        found: list[Atom] = []
        reach = 0
        for hit in self.prefilter.finditer(folded):  # the full pattern runs only where a date word may start
            m = self.pattern.match(folded, hit.start()) if hit.start() >= reach else None
            atom = self._atom(m) if m else None
            if atom is None:
                continue
            reach = m.end()  # type: ignore[union-attr]
            if shifts:
                start, end, lead = (_unfold(o, shifts) for o in (atom.start, atom.end, atom.lead))
                atom = Atom(atom.code, atom.value, start, end, lead)
            found.append(atom)
        return found

    def _atom(self, m: re.Match[str]) -> Atom | None:
        if m["y1"] or m["y2"]:
            return Atom("T", self._numeric_date(m), m.start(), m.end(), m.start())
        if m["num"]:
            return Atom(_number_code(m), int(m["num"]), m.start("num"), m.end(), m.start())
        entry = self.table.get(_key(m["ph"], self.lang))  # None if case folding matched an odd letter
        if entry is None:
            return None
        code, value = entry
        if self.lang == "en" and code in _NAMED and not m["ph"][0].isupper():
            return None
        if code == "O" and m.string.startswith("-", m.end("ph")):  # "first-time", "second-round": no day
            return None
        end = m.end() if code in "Ma" else m.end("ph")
        code = "M" if code == "a" and m["alt"] else code
        return Atom(code, value, m.start("ph"), end, m.start())

    def _numeric_date(self, m: re.Match[str]) -> tuple[int, int, int]:
        """(year, month, day) of 2014-11-24 or 24/11/2014; a number above 12 fixes the order, else the file's."""
        if m["y1"]:
            return int(m["y1"]), int(m["m1"]), int(m["d1"])
        a, b = int(m["a2"]), int(m["b2"])
        day_first = a > 12 or (b <= 12 and self.words.numeric_order == "dmy")
        return (int(m["y2"]), b, a) if day_first else (int(m["y2"]), a, b)


def _unfold(offset: int, shifts: list[tuple[int, int]]) -> int:
    """The offset in the original text of an offset in the folded text: a start skips the marks before its
    letter, an end takes the marks after its last letter ("غداً")."""
    index = bisect.bisect_right(shifts, (offset, 1 << 30))
    return offset + (shifts[index - 1][1] if index else 0)


def _number_code(m: re.Match[str]) -> str:
    digits = m["num"]
    if m["hij"]:
        return "J"
    if len(digits) == 4 and 1000 <= int(digits) <= 2999:
        return "Y"
    return "N" if len(digits) <= 2 and 1 <= int(digits) <= 31 and not m["era"] else "Q"


@cache
def lexicon(lang: str) -> Lexicon:
    """The cached lexicon of a language, read from ``data/<lang>/dates.yaml``."""
    return Lexicon(lang, read_yaml(f"{lang}/dates.yaml", DateWords))
