"""Find date expressions in Arabic and English text and resolve them to day intervals.

The vocabulary lives in ``data/<lang>/dates.yaml``. Finding runs in two passes, both compiled once:

1. a lexer regex over the folded text turns words into typed atoms (a month name, a day number,
   "منتصف", "last month", ...), each atom one letter of a code string;
2. a small grammar of regexes over that code string picks the atom sequences that form a date
   ("P-M" is "mid-October", "NMY" is "24 November 2014"), and the atoms are then interpreted.

Folding (hamza, ya, ta marbuta, Arabic-Indic digits) keeps every character in place; dropped
diacritics and tatweel are mapped back, so offsets always index the text passed in.

>>> [m.span.text for m in find_dates("كتب في منتصف الشهر الماضي", "ar", date(2014, 11, 6))]
['منتصف الشهر الماضي']
>>> resolve_date("late 2013", None)
DateSpan(start=datetime.date(2013, 9, 1), end=datetime.date(2013, 12, 31), text='late 2013', precision='part_of_year')
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Literal

from hijridate import Gregorian, Hijri
from pydantic import BaseModel, ConfigDict

from .normalize import fold, normalization_table
from .resources import read_yaml
from .schema import DateSpan

Bound = int | Literal["before_published", "after_published"]
Interval = tuple[date, date, str]
ONE_DAY = timedelta(days=1)


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
    relative_weeks: dict[str, int] = {}
    relative_months: dict[str, int] = {}
    relative_years: dict[str, int] = {}
    shift_before: dict[str, int] = {}
    shift_after: dict[str, int] = {}
    span_before: dict[str, int] = {}
    span_after: dict[str, int] = {}
    units: dict[str, Literal["day", "week", "month", "year"]] = {}
    numbers: dict[str, int] = {}
    parts: list[Part] = []
    since: list[str] = []
    connectors: list[str] = []
    strong_context: list[str] = []
    context: list[str] = []


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


class Lexicon:
    """A language's date words, the lexer regex built from them, and the text folding that keeps offsets.

    Codes: M month, a ambiguous month, H hijri month, W weekday, w ambiguous weekday, N day number,
    Y year, J hijri year, Q other number, n number word, T numeric date, r/k/o/e relative day/week/month/year,
    P part, S since, m/y/d month/year/day word, A/B shift after/before, L/Z span before/after, u unit,
    C connector, g/c strong/weak context.
    """

    def __init__(self, lang: str, words: DateWords) -> None:
        self.lang, self.words = lang, words
        self.table: dict[str, tuple[str, object]] = {}
        ambiguous = {_key(w, lang) for w in words.ambiguous}
        groups: list[tuple[str, dict[str, object]]] = [
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
            ("S", dict.fromkeys(words.since)),
            ("d", dict.fromkeys(words.day_words)),
            ("m", dict.fromkeys(words.month_words)),
            ("y", dict.fromkeys(words.year_words)),
            ("C", dict.fromkeys(words.connectors)),
            ("g", dict.fromkeys(words.strong_context)),
            ("c", dict.fromkeys(words.context)),
        ]
        for code, entries in groups:
            for phrase, value in entries.items():
                key = _key(phrase, lang)
                vague = key in ambiguous and code in "MW"
                self.table.setdefault(key, ({"M": "a", "W": "w"}[code] if vague else code, value))
        self.pattern = self._compile()
        first_words = [_WORD.match(k).group() for k in self.table]  # type: ignore[union-attr]
        clitics = f"(?:{_alternation(words.clitics, lang)})?" if words.clitics else ""
        number_clitic = f"(?:{_alternation([*words.clitics, 'ال'], lang)})?" if words.clitics else ""
        self.prefilter = re.compile(
            rf"(?<!\w)(?:{clitics}(?:{_alternation(first_words, lang)})(?!\w)|{number_clitic}\d)", re.I
        )
        table = normalization_table(lang)
        self.fold_map = {k: v for k, v in table.fold.items() if len(v) == 1} | _DIGITS
        # a regex substitution beats str.translate here: few letters change, and translate looks up every one
        self.foldable = re.compile(f"[{re.escape(''.join(self.fold_map))}]")
        self.dropped = re.compile(f"[{re.escape(table.strip)}]+") if table.strip else None
        self.kept_runs = re.compile(f"[^{re.escape(table.strip)}]+") if table.strip else _WORD

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
    return Lexicon(lang, read_yaml(f"{lang}/dates.yaml", DateWords))


# ---- interpretation: atoms -> (first day, last day, precision) ----


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, index + 1, min(day.day, calendar.monthrange(year, index + 1)[1]))


def _pick(
    candidates: list[int],
    interval_of: Callable[[int], tuple[date, date]],
    published: date,
    future: bool,
    shift: int | None,
) -> tuple[date, date] | None:
    """Choose the year of a date written without one: the nearest to publication (a day ahead counting
    double), the next one when ``future``, the last one before (shift -1) or the first one after (shift +1)."""
    spans: list[tuple[date, date]] = []
    for year in candidates:
        try:
            spans.append(interval_of(year))
        except ValueError:  # 29 February
            continue
    if shift == -1:
        spans = [s for s in spans if s[1] < published][-1:]
    elif shift == 1:
        spans = [s for s in spans if s[0] > published][:1]
    elif shift == 0:
        spans = [s for s in spans if s[0].year == published.year or s[0] <= published <= s[1]][:1]
    elif future:
        spans = [s for s in spans if s[1] >= published][:1]

    def distance(s: tuple[date, date]) -> int:  # news mostly looks back: a day ahead counts double
        return 0 if s[0] <= published <= s[1] else max((published - s[1]).days, 2 * (s[0] - published).days)

    return min(spans, key=lambda s: (distance(s), s[0])) if spans else None


def _bound(value: Bound, published: date | None, low: date, high: date) -> date | None:
    if value == "before_published":
        return high if published is None or not low <= published <= high else max(low, published - ONE_DAY)
    if value == "after_published":
        return low if published is None or not low <= published <= high else min(high, published + ONE_DAY)
    return None


def _part_of_month(part: Part, year: int, month: int, published: date | None) -> Interval | None:
    if part.month is None:
        return None
    low, high = _month_bounds(year, month)
    a, b = part.month
    first = _bound(a, published, low, high) or low.replace(day=min(int(a), high.day))
    last = _bound(b, published, low, high) or low.replace(day=min(int(b), high.day))
    return (first, last, "part_of_month") if first <= last else None


def _part_of_year(part: Part, year: int, published: date | None) -> Interval | None:
    if part.year is None:
        return None
    low, high = date(year, 1, 1), date(year, 12, 31)
    a, b = part.year
    first = _bound(a, published, low, high) or date(year, int(a), 1)
    last = _bound(b, published, low, high) or _month_bounds(year, int(b))[1]
    return (first, last, "part_of_year") if first <= last else None


Got = dict[str, Atom]


def _value(got: Got, codes: str) -> int | None:
    atom = next((got[c] for c in codes if c in got), None)
    return None if atom is None else int(atom.value)  # type: ignore[call-overload]


def _year(got: Got, published: date | None) -> int | None:
    if "Y" in got:
        return int(got["Y"].value)  # type: ignore[call-overload]
    if "e" in got and published is not None:
        return published.year + int(got["e"].value)  # type: ignore[call-overload]
    return None


def _by_month(month: int, got: Got, published: date | None, future: bool) -> Interval | None:
    year, day, part = _year(got, published), _value(got, "N"), got.get("P")
    if year is None:
        if published is None or "e" in got:
            return None
        shift = _value(got, "AB")
        if day:
            picked = _pick(
                _near(published.year), lambda y: (date(y, month, day),) * 2, published, future, shift
            )
        else:
            picked = _pick(_near(published.year), lambda y: _month_bounds(y, month), published, future, shift)
        if picked is None:
            return None
        year = picked[0].year
    if day:
        return date(year, month, day), date(year, month, day), "day"
    if part is not None:
        return _part_of_month(part.value, year, month, published)  # type: ignore[arg-type]
    return (*_month_bounds(year, month), "month")


def _near(year: int) -> list[int]:
    return [year - 1, year, year + 1]


def _weekday(weekday: int, shift: int | None, published: date, future: bool) -> Interval:
    now = published.weekday()
    if shift == 1 or (future and shift is None):
        ahead = (weekday - now) % 7 or (7 if shift == 1 else 0)
        day = published + timedelta(days=ahead)
    else:
        back = (now - weekday) % 7 or (7 if shift == -1 else 0)
        day = published - timedelta(days=back)
    return day, day, "day"


def _span_back(got: Got, published: date) -> Interval | None:
    """ "the past six months": from that far before publication to publication (or forward)."""
    direction = _value(got, "LBZ")
    if not direction:
        return None
    count = _value(got, "NQn") or 1
    unit = str(got["u"].value)
    if unit in ("day", "week"):
        other = published + timedelta(days=direction * count * (7 if unit == "week" else 1))
    else:
        other = _add_months(published, direction * count * (12 if unit == "year" else 1))
    return (min(other, published), max(other, published), "range")


def _hijri(got: Got, published: date | None, future: bool) -> Interval | None:
    month, day, year = _value(got, "H"), _value(got, "N"), _value(got, "YJ")

    def span(y: int) -> tuple[date, date]:
        if month is None:
            return _greg(Hijri(y, 1, 1)), _greg(Hijri(y, 12, 1)) + timedelta(
                days=Hijri(y, 12, 1).month_length() - 1
            )
        first = Hijri(y, month, day or 1)
        return _greg(first), _greg(first) + timedelta(days=0 if day else first.month_length() - 1)

    if year is not None and year > 1600 and month is not None:  # "رمضان 2014": the one begun that year
        hijri_year = Gregorian(year, 1, 1).to_hijri().year
        year = next(y for y in (hijri_year, hijri_year + 1) if span(y)[0].year == year)
    if year is None:
        if published is None:
            return None
        now = Gregorian(published.year, published.month, published.day).to_hijri().year
        picked = _pick(_near(now), span, published, future, None)
        return None if picked is None else (*picked, "day" if day else "month")
    first, last = span(year)
    return first, last, "day" if day else "month" if month else "year"


def _greg(day: Hijri) -> date:
    g = day.to_gregorian()
    return date(g.year, g.month, g.day)


def _relative(got: Got, published: date) -> Interval | None:
    if "u" in got:
        return _span_back(got, published)
    if "r" in got:
        day = published + timedelta(days=_value(got, "r") or 0)
        return day, day, "day"
    if "k" in got:
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=_value(got, "k") or 0)
        return monday, monday + timedelta(days=6), "week"
    if "o" in got:
        first = _add_months(published.replace(day=1), _value(got, "o") or 0)
        if "P" in got:
            return _part_of_month(got["P"].value, first.year, first.month, published)  # type: ignore[arg-type]
        return (*_month_bounds(first.year, first.month), "month")
    return None


def _interval(atoms: list[Atom], got: Got, published: date | None, future: bool) -> Interval | None:
    years = [int(a.value) for a in atoms if a.code == "Y"]  # type: ignore[call-overload]
    if len(years) == 2:  # "بين 2009 و2012", "from 2009 to 2012"
        return (date(years[0], 1, 1), date(years[1], 12, 31), "range") if years[0] < years[1] else None
    if "T" in got:
        day = date(*got["T"].value)  # type: ignore[misc]
        return day, day, "day"
    if "H" in got or "J" in got:
        return _hijri(got, published, future)
    month = got.get("M") or got.get("a")
    if month is not None:
        return _by_month(int(month.value), got, published, future)  # type: ignore[call-overload]
    if published is not None and any(c in got for c in "urko"):
        return _relative(got, published)
    year = _year(got, published)
    if year is not None:
        if "P" in got:
            return _part_of_year(got["P"].value, year, published)  # type: ignore[arg-type]
        return date(year, 1, 1), date(year, 12, 31), "year"
    weekday = got.get("W") or got.get("w")
    if weekday is not None and published is not None:
        return _weekday(int(weekday.value), _value(got, "AB"), published, future)  # type: ignore[call-overload]
    return None


def interpret(atoms: list[Atom], published: date | None, future: bool) -> Interval | None:
    """The interval the atoms of one mention stand for; a leading "since" makes it run to publication."""
    got: Got = {}
    for atom in atoms:
        got.setdefault(atom.code, atom)
    try:
        interval = _interval(atoms, got, published, future)
    except (ValueError, OverflowError, StopIteration):
        return None
    if interval is None or "S" not in got:
        return interval
    if published is None or interval[0] > published:
        return None
    return interval[0], published, "range"


# The grammar over atom codes (see the Lexicon docstring); ``[cgS]`` before a bare year and ``[gS]`` before an
# ambiguous name are context that stays outside the span.
_MONTH = r"(?:B?m?[Ma]A?|m?aA?)"
_YEAR_TAIL = r"(?:,?C?y?Y|C?e)"
_RULES: tuple[str, ...] = (
    r"S?T",
    r"S?(?:d?[Ww],?|d)?(?:NC?[Ma]|[Ma]N),?A?" + _YEAR_TAIL + "?",
    r"S?(?:d?[Ww],?)?NC?H,?[YJ]?|S?H,?[YJ]|S?y?J",
    r"S?P-?C?(?:" + _MONTH + _YEAR_TAIL + "?|o|y?[YJ]|e)",
    r"S?(?:m|B)?MA?" + _YEAR_TAIL + "?",
    r"S?(?:m|B)[Ma]A?" + _YEAR_TAIL + "?",
    r"S?a(?:,?C?y?Y|C?e|A)",
    r"(?:S|(?<=g))a" + _YEAR_TAIL + "?",
    r"S?(?:B?d?W|dw|d?wA)A?",
    r"S?(?:d?r|k|o|e|yY)",
    r"S?(?<=[cgS])Y",
    r"(?:[cgC]|y)?Y[cC-]?Y",
    r"[BL](?:[NQn]u|u[NQn]?)Z?|(?:[NQn]u|u[NQn])Z",
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    span: DateSpan


@cache
def _rules() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rule) for rule in _RULES)


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


def _candidates(atoms: list[Atom], text: str, published: date | None, future: bool) -> list[DateMention]:
    codes, where = _code_string(atoms, text)
    at = {pos: i for i, pos in enumerate(where)}
    found: list[DateMention] = []
    for rule in _rules():
        for match in rule.finditer(codes):
            end = match.end()
            while codes[end - 1] in ",-|":  # a rule may end on an optional gap
                end -= 1
            first, last = at[match.start()], at[end - 1]
            found.extend(_mention(atoms[first : last + 1], text, published, future))
    return found


def _mention(atoms: list[Atom], text: str, published: date | None, future: bool) -> list[DateMention]:
    interval = interpret(atoms, published, future)
    if interval is None and atoms[0].code == "S" and len(atoms) > 1:
        atoms = atoms[1:]  # "since 2009" without a publication date is still 2009
        interval = interpret(atoms, published, future)
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


def find_dates(text: str, lang: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``; offsets index ``text``.

    ``future`` reads a day or month without a year, or a bare weekday, as the next one (deadlines).

    >>> [(m.span.text, str(m.span.start)) for m in find_dates("on Nov. 24, 2014", "en", None)]
    [('Nov. 24, 2014', '2014-11-24')]
    """
    atoms = lexicon(lang).atoms(text)
    return _longest_first(_candidates(atoms, text, published, future)) if atoms else []


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
