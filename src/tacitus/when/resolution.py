"""What a temporal expression resolves to, and the calendar arithmetic the rules share."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future", "other"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression is resolved against.

    ``tense`` is the tense of the clause the expression sits in: weekdays and dates
    without a year point forward only for ``future`` and ``present`` ("meets on Friday").
    ``year`` is the year of the latest explicit date nearby, for "on 3 March" in a
    paragraph about 1999. ``anchor`` is the latest resolved day, for "the next day".
    """

    published: date | None
    tense: Tense = "past"
    year: int | None = None
    anchor: date | None = None

    @property
    def forward(self) -> bool:
        return self.tense in ("future", "present")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression means. ``is_time`` is False for look-alikes such as ages."""

    value: str | None
    granularity: str
    period_start: str | None = None
    period_end: str | None = None
    relation: str | None = None
    year: int | None = None  # a year written out in the expression: context for later ones
    day: date | None = None  # the resolved day: the anchor for "the next day"
    is_time: bool = True


# ---------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
    "some": 3,
}
VAGUE = {"a few", "several", "some", "a couple of"}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# ---------------------------------------------------------------- arithmetic


def make_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def shift(d: date, unit: str, n: int) -> date:
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return d + timedelta(days=int(n / 24))
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "year":
        return add_months(d, 12 * n)
    return add_months(d, 120 * n)  # decade


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def unit_granularity(unit: str) -> str:
    """How finely a point counted in ``unit`` is known: hours give a day, fortnights a week, decades a year."""
    unit = unit.lower().rstrip("s")
    if unit in ("hour", "day"):
        return "day"
    if unit in ("week", "fortnight"):
        return "week"
    if unit == "month":
        return "month"
    return "year"


def at_unit(d: date, unit: str) -> Resolution:
    """The point ``d`` at the granularity of ``unit``."""
    granularity = unit_granularity(unit)
    if granularity == "day":
        return Resolution(d.isoformat(), "day", day=d)
    if granularity == "week":
        return Resolution(iso_week(d), "week")
    if granularity == "month":
        return Resolution(f"{d.year:04d}-{d.month:02d}", "month")
    return Resolution(f"{d.year:04d}", "year")


def folded(text: str) -> str:
    """``text`` in lower case with each run of whitespace one space, the way the word lists are keyed."""
    return re.sub(r"\s+", " ", text.lower())


def number(text: str) -> int | None:
    text = folded(text)
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def period(start: str | None, end: str | None, relation: str | None = None, year: int | None = None) -> Resolution:
    value = f"{start}/{end}" if start and end else None
    return Resolution(value, "period", start, end, relation, year=year)


def bounds(res: Resolution) -> tuple[str | None, str | None]:
    if res.granularity == "period":
        return res.period_start, res.period_end
    return res.value, res.value
