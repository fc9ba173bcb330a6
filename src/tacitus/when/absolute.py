"""Calendar shapes: dates, months, years and the named stretches of a calendar.

"3 March 2015", "Nov. 2", "Jan. 21-26", "March", "1999", "1999-2003", "the late 1980s", "the 20th
century", "the first quarter", "last summer", "Christmas". What leaves the year out is placed by a
nearby explicit year, or else by the publication date and the way the clause looks.
"""

from __future__ import annotations

import re
from datetime import date

from tacitus.when.patterns import DAY, MONTH, MONTH_FULL, WD_PREFIX, YEAR, Shape, kw, optional_rel
from tacitus.when.resolution import SEASONS, Context, Resolution, add_months, folded, make_day, month_number, period

# ---------------------------------------------------------------- days


def _day_number(text: str) -> int:
    """The day of the month in "3", "03", "3rd"."""
    return int(re.sub(r"\D", "", text))


def _day_of(year: int, month: int, day: int) -> Resolution | None:
    d = make_day(year, month, day)
    return Resolution(d.isoformat(), "day", year=year, day=d) if d else None


def _yearless(month: int, day: int, ctx: Context, next_: bool = False) -> Resolution | None:
    """A day and month without a year: the year of a nearby explicit date, else the latest such
    day on or before publication, or the first on or after it when the clause looks ahead."""
    if make_day(2000, month, day) is None:  # 2000 is a leap year: rejects only impossible days
        return None
    if ctx.year is not None and not next_:
        d = make_day(ctx.year, month, day)
        return Resolution(d.isoformat(), "day", day=d) if d else None
    pub = ctx.published
    if pub is None:
        return Resolution(None, "day")
    forward = ctx.forward or next_
    step = 1 if forward else -1
    year = pub.year
    for _ in range(9):  # Feb 29 can be eight years away
        d = make_day(year, month, day)
        if d is not None and (d >= pub if forward else d <= pub):
            return Resolution(d.isoformat(), "day", day=d)
        year += step
    return None


def _iso_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    return _day_of(int(m["y"]), int(m["m"]), int(m["d"]))


def _numeric_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    """3/10/2015 is month first (US), 10.03.2015 day first (European); a part above 12 settles it."""
    if m["sep"] != m["sep2"]:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (b, a) if m["sep"] == "." else (a, b)
    if month > 12 >= day:
        month, day = day, month
    return _day_of(year, month, day)


def _full_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    return _day_of(int(m["y"]), month_number(m["mon"]), _day_number(m["d"]))


def _day_month(m: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = month_number(m["mon"]), _day_number(m["d"])
    return _yearless(month, day, ctx, bool(m["rel"] and m["rel"].lower() == "next"))


def _day_range(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Jan. 21-26", "21-26 January 2016": a period of days in one month."""
    month = month_number(m["mon"] or m["monb"])
    first, last = (_day_number(m[a] or m[b]) for a, b in (("d1", "d1b"), ("d2", "d2b")))
    if last <= first:
        return None
    end = _day_of(int(m["y"]), month, last) if m["y"] else _yearless(month, last, ctx)
    if end is None or end.value is None:
        return Resolution(None, "period") if end is not None else None
    start = make_day(int(end.value[:4]), month, first)
    if start is None:
        return None
    return period(start.isoformat(), end.value, year=int(m["y"]) if m["y"] else None)


#: "3 March", "the 3rd of March" and "March 3", with or without a year after them.
_DAY_OF_MONTH = rf"(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+(?i:of))?\s+(?P<mon>{MONTH})"
_MONTH_THEN_DAY = rf"(?P<mon>{MONTH})\s+(?P<d>{DAY})"
_WITH_YEAR = rf",?\s+(?P<y>{YEAR})"
_NO_YEAR = r"(?!,?\s*\d)"

ISO = Shape("iso", r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)", _iso_date)
NUMERIC = Shape(
    "numeric",
    rf"(?P<a>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<b>[12]\d|3[01]|0?[1-9])(?P<sep2>[/.])(?P<y>{YEAR})",
    _numeric_date,
)
DMY = Shape("dmy", WD_PREFIX + _DAY_OF_MONTH + _WITH_YEAR, _full_date)
MDY = Shape("mdy", WD_PREFIX + _MONTH_THEN_DAY + _WITH_YEAR, _full_date)
DAY_MONTH = Shape("day_month", optional_rel("next|this") + WD_PREFIX + _DAY_OF_MONTH + _NO_YEAR, _day_month)
MONTH_DAY = Shape("month_day", optional_rel("next|this") + WD_PREFIX + _MONTH_THEN_DAY + _NO_YEAR + "(?!:)", _day_month)
DAY_RANGE = Shape(
    "day_range",
    rf"(?:(?P<mon>{MONTH})\s+(?P<d1>{DAY})\s*[-–]\s*(?P<d2>{DAY})"
    rf"|(?P<d1b>{DAY})\s*[-–]\s*(?P<d2b>{DAY})\s+(?P<monb>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?",
    _day_range,
)

# ---------------------------------------------------------------- months and years


def _month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m["y"])
    return Resolution(f"{year:04d}-{month_number(m['mon']):02d}", "month", year=year)


def _month_alone(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = (m["rel"] or "").lower()
    month = month_number(m["mon"])
    if ctx.year is not None and rel not in ("last", "next", "this", "coming", "past"):
        return Resolution(f"{ctx.year:04d}-{month:02d}", "month")
    pub = ctx.published
    if pub is None:
        return Resolution(None, "month")
    if rel in ("last", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel in ("next", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    elif ctx.forward:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return Resolution(f"{year:04d}-{month:02d}", "month")


def _year(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m["y"])
    return Resolution(f"{year:04d}", "year", year=year)


def _year_range(m: re.Match[str], ctx: Context) -> Resolution | None:
    first = int(m["a"])
    b = m["b"]
    last = int(b) if len(b) == 4 else first // 100 * 100 + int(b)
    if last <= first:
        return None
    return period(f"{first:04d}", f"{last:04d}", year=last)


MONTH_YEAR = Shape("month_year", rf"(?P<mon>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})", _month_year)
MONTH_ALONE = Shape(
    "month", optional_rel("last|next|this|coming|past") + rf"(?P<mon>{MONTH_FULL})(?!\s+\d)", _month_alone
)
_YEAR_BARE = rf"(?P<y>{YEAR})"
#: A year read whole ("1999" as a DATE entity); in running text only :data:`YEAR_IN_TEXT` and
#: :data:`YEAR_ATTRIBUTE` find one, since most four-digit numbers there are not years.
YEAR_BARE = Shape("year", _YEAR_BARE, _year)
YEAR_IN_TEXT = Shape(
    "year",
    rf"{kw('in|during|of|from|to|until|till|by|before|after|since|between|and|through|throughout|around|early|late|mid|the year|fiscal|year|or')}"  # noqa: E501
    rf"[\s-]+(?P<core>(?P<y>{YEAR}))(?![-–—/]\d)(?!\s*(?:%|per\s*cent|percent))",
    _year,
    phrase=_YEAR_BARE,
)
YEAR_ATTRIBUTE = Shape(
    "year_attribute",
    rf"{kw('a|an|the|its|his|her|their|this|that')}\s+(?P<core>(?P<y>{YEAR}))(?=\s+[a-z])(?!\s+{kw('of')}\b)",
    _year,
    phrase=_YEAR_BARE,
)
YEAR_RANGE = Shape("year_range", rf"(?P<a>{YEAR})\s*[-–—/]\s*(?P<b>{YEAR}|\d\d(?!\d))", _year_range)

# ---------------------------------------------------------------- decades, centuries, quarters, seasons, holidays


def _decade(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["dec"]:
        start = int(m["dec"])
    else:
        two = int(m["d2"])
        century = 2000 if ctx.published and two <= ctx.published.year % 100 else 1900
        start = century + two
    first, last = start, start + 9
    mod = (m["mod"] or "").lower()
    if mod == "early":
        last = start + 3
    elif mod == "mid":
        first, last = start + 3, start + 6
    elif mod == "late":
        first = start + 6
    return period(f"{first:04d}", f"{last:04d}")


_CENTURIES = {
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _century(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = int(m["cn"]) if m["cn"] else _CENTURIES[m["c"].lower()]
    return period(f"{(n - 1) * 100:04d}", f"{(n - 1) * 100 + 99:04d}")


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}


def _quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    q = int(m["qn"]) if m["qn"] else _ORDINALS[m["q"].lower()]
    first = 3 * q - 2
    if m["y"]:
        year = int(m["y"])
    elif ctx.published is None:
        return Resolution(None, "period")
    else:
        pub = ctx.published
        # this year's quarter unless it is still ahead and the clause looks back
        year = pub.year - (1 if not ctx.forward and date(pub.year, first, 1) > pub else 0)
    return period(f"{year:04d}-{first:02d}", f"{year:04d}-{first + 2:02d}", year=int(m["y"]) if m["y"] else None)


def _season(m: re.Match[str], ctx: Context) -> Resolution | None:
    first, last = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        year = int(m["y"])
    elif ctx.published is None:
        return Resolution(None, "period")
    else:
        pub = ctx.published
        # the latest season of that name to have begun (winter begins in December)
        year = pub.year if date(pub.year, first, 1) <= pub else pub.year - 1
        in_season = pub < add_months(date(year, first, 1), 3)
        if rel in ("last", "past"):
            year -= 1 if in_season else 0
        elif rel in ("next", "coming") or (
            ((rel == "this" and ctx.tense != "past") or (not rel and ctx.forward)) and not in_season
        ):
            year += 1
    end_year = year + 1 if first == 12 else year
    return period(f"{year:04d}-{first:02d}", f"{end_year:04d}-{last:02d}", year=year if m["y"] else None)


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year’s eve": (12, 31),
    "new year's day": (1, 1),
    "new year’s day": (1, 1),
}


def _holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = _HOLIDAYS[folded(m["h"])]
    if m["y"]:
        return _day_of(int(m["y"]), month, day)
    return _yearless(month, day, ctx, bool(m["rel"] and m["rel"].lower() in ("next", "this")))


DECADE = Shape(
    "decade",
    rf"(?:(?i:the)\s+)?(?:(?P<mod>{kw('early|mid|late')})[\s-]+)?(?:(?P<dec>1[5-9]\d0|20\d0)|['’](?P<d2>\d0))['’]?s",
    _decade,
)
CENTURY = Shape(
    "century",
    rf"{kw('the')}\s+(?:(?P<cn>1[5-9]|2[01])(?:st|th)|(?P<c>{kw('fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first')}))"
    rf"[\s-]+{kw('century')}",
    _century,
)
QUARTER = Shape(
    "quarter",
    rf"(?:{kw('the')}\s+(?P<q>{kw('first|second|third|fourth|last|1st|2nd|3rd|4th')})\s+{kw('quarter')}"
    rf"|Q(?P<qn>[1-4]))(?:,?\s+(?:{kw('of')}\s+)?(?P<y>{YEAR}))?",
    _quarter,
)
SEASON = Shape(
    "season",
    optional_rel("last|next|this|coming|past") + rf"(?:{kw('the')}\s+)?"
    rf"(?P<season>{kw('spring|summer|autumn|fall|winter')})(?:\s+(?:{kw('of')}\s+)?(?P<y>{YEAR}))?",
    _season,
)
HOLIDAY = Shape(
    "holiday",
    optional_rel("last|next|this")
    + r"(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day))"
    rf"(?:,?\s+(?P<y>{YEAR}))?",
    _holiday,
)
