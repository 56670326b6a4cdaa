"""Find date expressions in Arabic and English text and resolve them to day intervals.

The vocabulary lives in ``data/<lang>/dates.yaml``. Finding runs in two passes, both compiled once:

1. a lexer regex over the folded text turns words into typed atoms (a month name, a day number,
   "منتصف", "last month", ...), each atom one letter of a code string (``date_lexer.py``);
2. a small grammar of regexes over that code string picks the atom sequences that form a date
   ("P-M" is "mid-October", "NMY" is "24 November 2014"), and the atoms are then interpreted
   (``date_intervals.py``).

Folding (hamza, ya, ta marbuta, Arabic-Indic digits) keeps every character in place; dropped
diacritics and tatweel are mapped back, so offsets always index the text passed in.

Durations ("within ten days", "a 60-day deadline", "مهلة شهرين", "خلال عشرة أيام") are dates only with
``future=True`` (a deadline or a plan): they count from the publication date, and the mention is the single day
the duration ends, precision "day" -- the day an analyst would say "the deadline falls on"; the publication
day starts the count (ten days from 6 November is 16 November; a month is the same day of the next month;
hours round up to whole days). Without ``future`` a bare duration ("talks lasted two days") is no date, and
even with it a length ("for three weeks", "لمدة يومين"), a count back ("two days ago", "قبل ثلاثة أيام")
or a hyphenated one before any noun but a deadline's ("a two-day visit") is none: the context words are in
``dates.yaml``.

>>> [(m.span.text, str(m.span.end)) for m in find_dates("خلال عشرة أيام", "ar", date(2014, 11, 6), future=True)]
[('عشرة أيام', '2014-11-16')]
>>> find_dates("talks lasted ten days", "en", date(2014, 11, 6))
[]

>>> [m.span.text for m in find_dates("كتب في منتصف الشهر الماضي", "ar", date(2014, 11, 6))]
['منتصف الشهر الماضي']
>>> resolve_date("late 2013", None)
DateSpan(start=datetime.date(2013, 9, 1), end=datetime.date(2013, 12, 31), text='late 2013', precision='part_of_year')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .date_intervals import interpret
from .date_lexer import Atom, Lexicon, lexicon
from .schema import DateSpan

__all__ = ["Anchor", "DateMention", "find_dates", "lexicon", "resolve_date"]


# The grammar over atom codes (see ``date_lexer.Lexicon``); ``[cgS]`` before a bare year, ``[gS]`` before an
# ambiguous month name and ``t`` before an ambiguous weekday are context that stays outside the span.
_MONTH = r"(?:B?m?[Ma]A?|m?aA?)"
_YEAR_TAIL = r"(?:,?C?y?Y|C?e)"
_RULES: tuple[str, ...] = (
    r"S?T",
    r"S?(?:d?[Ww],?|d)?(?:NC?[Ma]|[Ma]N|OC[Ma]|[Ma]O),?A?" + _YEAR_TAIL + "?",
    r"S?(?:d?[Ww],?)?(?:NC?|OC)H,?[YJ]?|S?H,?[YJ]|S?y?J",
    r"S?d?[NO]C[oE]",
    r"S?P-?C?(?:" + _MONTH + _YEAR_TAIL + "?|[oE]|y?[YJ]|e)",
    r"S?(?:m|B)?MA?" + _YEAR_TAIL + "?",
    r"S?(?:m|B)[Ma]A?" + _YEAR_TAIL + "?",
    r"S?a(?:,?C?y?Y|C?e|A)",
    r"(?:S|(?<=g))a" + _YEAR_TAIL + "?",
    r"S?(?:B?d?W|dw|d?wA|(?<=t)d?w)A?",
    r"S?(?:d?r|k|[oE]|e|yY)",
    r"D",
    r"S?(?<=[cgS])Y",
    r"(?:[cgC]|y)?Y[cC-]?Y",
    r"[BL](?:[NQn]u|u[NQn]?)Z?|(?:[NQn]u|u[NQn])Z",
)
# Every rule above and the duration rule below needs one atom of these codes: without one, nothing to match.
_CORE = "TMaHJWwrkoeYuiUDE"
# A duration ("ten days", "60-day", "يومين"): read only with ``future``, and only where its context allows.
_DURATION = r"[NQn]-?[ui]|U"


@dataclass(frozen=True)
class Anchor:
    """What the article last told of: "the next day" counts from ``day``, "الشهر نفسه" is ``month``'s month."""

    day: date | None = None
    month: date | None = None


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: its offsets there and the interval it stands for."""

    start: int
    end: int
    span: DateSpan
    counted: bool = False  # a duration counted from publication ("a 60-day deadline"), not a date named


@cache
def _rules() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """Each rule and its core codes: a code string holding none of them cannot match it."""
    return tuple((re.compile(rule), frozenset(rule) & frozenset(_CORE)) for rule in _RULES)


@cache
def _duration_rule() -> re.Pattern[str]:
    return re.compile(_DURATION)


def _code_string(atoms: list[Atom], text: str) -> tuple[str, list[int]]:
    """One letter per atom, with ``,`` ``-`` or ``|`` for the gap before it; and where each atom's letter sits."""
    codes: list[str] = []
    where: list[int] = []
    for i, atom in enumerate(atoms):
        if i:
            gap = text[atoms[i - 1].end : atom.lead].strip()
            if gap in (",", "،"):
                codes.append(",")
            elif gap in ("-", "–", "—"):
                codes.append("-")
            elif gap:
                codes.append("|")
        where.append(len(codes))
        codes.append(atom.code)
    return "".join(codes), where


def _candidates(atoms: list[Atom], text: str, published: date | None, future: bool, lex: Lexicon,
                anchor_at: Callable[[int], Anchor | None] | None = None, back: bool = False) -> list[DateMention]:
    codes, where = _code_string(atoms, text)
    at = {pos: i for i, pos in enumerate(where)}
    found: list[DateMention] = []
    present = set(codes)
    for rule, core in _rules():
        if present.isdisjoint(core):
            continue
        for match in rule.finditer(codes):
            end = match.end()
            while codes[end - 1] in ",-|":  # a rule may end on an optional gap
                end -= 1
            first, last = at[match.start()], at[end - 1]
            anchor = anchor_at(atoms[first].start) if anchor_at is not None else None
            found.extend(_mention(atoms[first : last + 1], text, published, future, anchor, back))
    if future and published is not None:
        found.extend(_durations(atoms, text, published, lex, codes, at))
    return found


def _durations(atoms: list[Atom], text: str, published: date, lex: Lexicon, codes: str, at: dict[int, int]
               ) -> list[DateMention]:
    """The durations read ahead of publication, where their context lets them be dates."""
    found: list[DateMention] = []
    for match in _duration_rule().finditer(codes):
        if _after_a_number(codes, match.start()):  # "twenty-five days", "خمسة وعشرين يوما": only part of it
            continue
        first, last = at[match.start()], at[match.end() - 1]
        if lex.is_date_duration(text, atoms[first].start, atoms[last].end, "-" in match.group()):
            found.extend(DateMention(m.start, m.end, m.span, counted=True)
                         for m in _mention(atoms[first : last + 1], text, published, True))
    return found


def _after_a_number(codes: str, position: int) -> bool:
    """Whether a number atom stands right before (or a hyphen before) the code at ``position``."""
    before = codes[:position]
    before = before[:-1] if before.endswith("-") else before
    return before[-1:] in ("N", "Q", "n")


def _mention(atoms: list[Atom], text: str, published: date | None, future: bool,
             anchor: Anchor | None = None, back: bool = False) -> list[DateMention]:
    if atoms[-1].code == "D":
        # "the next day": counted from the day the article last told of; with none, no date (not "today")
        if anchor is None or anchor.day is None:
            return []
        day = anchor.day + timedelta(days=int(atoms[-1].value))  # type: ignore[call-overload]
        start, end = atoms[0].start, atoms[-1].end
        return [DateMention(start, end, DateSpan(start=day, end=day, text=text[start:end], precision="day"))]
    if any(a.code == "E" for a in atoms):
        # "التاسع والعشرين من الشهر نفسه": a month counted from the article's last dated event, read as one
        # counted from publication would be
        if anchor is None or anchor.month is None:
            return []
        atoms = [Atom("o", a.value, a.start, a.end, a.lead) if a.code == "E" else a for a in atoms]
        published, future = anchor.month, False
    interval = interpret(atoms, published, future, back)
    if interval is None and atoms[0].code == "S" and len(atoms) > 1:
        atoms = atoms[1:]  # "since 2009" without a publication date is still 2009
        interval = interpret(atoms, published, future, back)
    if interval is None:
        return []
    start, end = atoms[0].start, atoms[-1].end
    first, last, precision = interval
    return [
        DateMention(start, end, DateSpan(start=first, end=last, text=text[start:end], precision=precision))
    ]


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    """Keep the longest of overlapping mentions (then the earliest), in text order."""
    kept: list[DateMention] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_dates(text: str, lang: str, published: date | None, *, future: bool = False,
               anchor: Anchor | None = None, back: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``; offsets index ``text``.

    ``future`` reads a day or month without a year, or a bare weekday, as the next one (deadlines); ``back`` reads
    a day or month without a year as the last one up to publication (an event told as done: "they last met in
    February"); neither, the nearest.
    ``anchor`` is what the article last told of: "the next day" counts from its day, "that month" is its month.

    >>> [(m.span.text, str(m.span.start)) for m in find_dates("on Nov. 24, 2014", "en", None)]
    [('Nov. 24, 2014', '2014-11-24')]
    """
    lex = lexicon(lang)
    atoms = lex.atoms(text)
    if not any(atom.code in _CORE for atom in atoms):  # context words alone ("in", "من") make no date
        return []
    found = _longest_first(_candidates(atoms, text, published, future, lex, back=back))
    if not any(atom.code in "DE" for atom in atoms):
        return found

    def anchor_at(start: int) -> Anchor | None:
        """A date told earlier in the same text is nearer than the article's last event ("في أواخر حزيران ...
        في التاسع والعشرين من الشهر نفسه")."""
        before = [m.span for m in found if m.end <= start]
        if not before:
            return anchor
        return Anchor(day=before[-1].start if before[-1].precision == "day" else None, month=before[-1].start)

    return _longest_first(_candidates(atoms, text, published, future, lex, anchor_at, back))


def _guess_lang(text: str) -> str:
    return "ar" if re.search("[\u0600-\u06ff]", text) else "en"


def resolve_date(
    expression: str, published: date | None, lang: str | None = None, *, future: bool = False
) -> DateSpan | None:
    """The interval of one date expression (the longest found in it), or None.

    >>> resolve_date("منتصف الشهر الماضي", date(2014, 11, 6)).start
    datetime.date(2014, 10, 11)
    """
    found = find_dates(expression, lang or _guess_lang(expression), published, future=future)
    if not found:
        return None
    return max(found, key=lambda m: (m.end - m.start, -m.start)).span
