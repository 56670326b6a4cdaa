"""Interpretation of date atoms: the atoms of one mention -> (first day, last day, precision).

A date written without a year takes the year nearest to publication; parts ("mid-", "late") cut a month or a
year; relative words ("last month", "the past six months") count from the publication date. A duration
("within ten days", "مهلة شهرين") is a date only ahead of publication (``future``): the day it ends, as
"the deadline falls on X" (see ``dates.py``).

>>> from .date_lexer import lexicon
>>> interpret(lexicon("en").atoms("late 2013"), None, False)
(datetime.date(2013, 9, 1), datetime.date(2013, 12, 31), 'part_of_year')
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from .date_lexer import Atom, Bound, Part

Interval = tuple[date, date, str]
ONE_DAY = timedelta(days=1)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, index + 1, min(day.day, calendar.monthrange(year, index + 1)[1]))


BACK_REACH_DAYS = 31  # how far ahead a date written without a year may still lie for an event told as done


def _pick(
    candidates: list[int],
    interval_of: Callable[[int], tuple[date, date]],
    published: date,
    future: bool,
    shift: int | None,
    back: bool = False,
) -> tuple[date, date] | None:
    """Choose the year of a date written without one: the nearest to publication (a day ahead counting
    double), the next one when ``future``, the last one before (shift -1) or the first one after (shift +1).
    ``back`` (an event told as done) keeps to dates at most a month ahead: "they last met in February", told in
    November, is this year's February."""
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
    elif back:
        spans = [s for s in spans if (s[0] - published).days <= BACK_REACH_DAYS] or spans

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


def _by_month(month: int, got: Got, published: date | None, future: bool, back: bool = False) -> Interval | None:
    year, day, part = _year(got, published), _value(got, "N"), got.get("P")
    if year is None:
        if published is None or "e" in got:
            return None
        shift = _value(got, "AB")
        if day:
            picked = _pick(
                _near(published.year), lambda y: (date(y, month, day),) * 2, published, future, shift, back
            )
        else:
            picked = _pick(_near(published.year), lambda y: _month_bounds(y, month), published, future, shift, back)
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
        if "N" in got:  # "the 15th of next month", "العاشر من الشهر الجاري"
            day = first.replace(day=_value(got, "N") or 1)
            return day, day, "day"
        if "P" in got:
            return _part_of_month(got["P"].value, first.year, first.month, published)  # type: ignore[arg-type]
        return (*_month_bounds(first.year, first.month), "month")
    return None


def _duration(got: Got, published: date) -> Interval:
    """The day a duration counted from publication ends: "within ten days" of 6 November is 16 November."""
    if "U" in got:
        count, unit = got["U"].value  # type: ignore[misc]
    else:
        count, unit = _value(got, "NQn") or 1, str((got.get("u") or got["i"]).value)
    if unit in ("hour", "day", "week"):
        days = -(-count // 24) if unit == "hour" else count * (7 if unit == "week" else 1)
        end = published + timedelta(days=days)
    else:
        end = _add_months(published, count * (12 if unit == "year" else 1))
    return end, end, "day"


def _interval(atoms: list[Atom], got: Got, published: date | None, future: bool, back: bool = False
              ) -> Interval | None:
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
        return _by_month(int(month.value), got, published, future, back)  # type: ignore[call-overload]
    if any(c in got for c in "uiU") and not any(c in got for c in "LBZ"):
        return _duration(got, published) if future and published is not None else None
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


def interpret(atoms: list[Atom], published: date | None, future: bool, back: bool = False) -> Interval | None:
    """The interval the atoms of one mention stand for; a leading "since" makes it run to publication."""
    got: Got = {}
    for atom in atoms:
        got.setdefault("N" if atom.code == "O" else atom.code, atom)  # a day ordinal word is a day number
    try:
        interval = _interval(atoms, got, published, future, back)
    except (ValueError, OverflowError, StopIteration):
        return None
    if interval is None or "S" not in got:
        return interval
    if published is None or interval[0] > published:
        return None
    return interval[0], published, "range"
