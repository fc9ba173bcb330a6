"""Date shapes as regular expressions, each with a resolver that anchors it on a context.

Pure text functions: nothing here reads a spaCy ``Doc``. :func:`scan` finds every shape
in a text; :func:`resolve_phrase` reads one phrase (a spaCy DATE entity) whole.
Values are ISO 8601: ``2015-03-10`` (day), ``2015-W10`` (week), ``2015-03`` (month),
``2015`` (year), and ``start/end`` intervals for periods (``2004/2015-03-12``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tacitus.when.resolution import (
    SEASONS,
    VAGUE,
    WEEKDAYS,
    Context,
    Resolution,
    Tense,
    add_months,
    at_unit,
    bounds,
    make_day,
    month_number,
    number,
    period,
    shift,
)

Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A shape: ``pattern`` finds it in running text, ``phrase`` reads it as a whole phrase.

    The span reported is the group ``core`` when the pattern has one (a bare year is
    only found after "in", "since", ..., which are not part of the expression).
    """

    name: str
    pattern: re.Pattern[str]
    phrase: re.Pattern[str]
    resolve: Resolver


# Month names are matched case-sensitively ("may", "march" are common words); keywords are not.
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = _MONTH_FULL[:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_NUM = r"(?i:\d{1,3}|a\s+couple\s+of|a\s+few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"  # noqa: E501
_UNIT = r"(?i:hour|day|week|fortnight|month|year|decade)s?"
_PART = r"(?i:\s+(?:morning|afternoon|evening|night))"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
_MOD = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"


def _kw(words: str) -> str:
    """A case-insensitive keyword alternation with flexible whitespace."""
    return "(?i:" + words.replace(" ", r"\s+") + ")"


def _ungroup(pattern: str) -> str:
    """The pattern with named groups made anonymous, to embed it in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# ---------------------------------------------------------------- point resolvers


def _full_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    d = make_day(int(m["y"]), month_number(m["mon"]) if m["mon"] else int(m["m"]), int(re.sub(r"\D", "", m["d"])))
    if d is None:
        return None
    return Resolution(d.isoformat(), "day", year=d.year, day=d)


def _iso_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    d = make_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return Resolution(d.isoformat(), "day", year=d.year, day=d) if d else None


def _numeric_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    """3/10/2015 is month first (US), 10.03.2015 day first (European); a part above 12 settles it."""
    if m["sep"] != m["sep2"]:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (b, a) if m["sep"] == "." else (a, b)
    if month > 12 >= day:
        month, day = day, month
    return _full_date_of(year, month, day)


def _day_month(m: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = month_number(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    return _yearless(month, day, ctx, bool(m["rel"] and m["rel"].lower() == "next"))


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
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", m["h"].lower())]
    if m["y"]:
        d = date(int(m["y"]), month, day)
        return Resolution(d.isoformat(), "day", year=d.year, day=d)
    return _yearless(month, day, ctx, bool(m["rel"] and m["rel"].lower() in ("next", "this")))


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


def _day_range(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Jan. 21-26", "21-26 January 2016": a period of days in one month."""
    month = month_number(m["mon"] or m["monb"])
    first, last = (int(re.sub(r"\D", "", m[a] or m[b])) for a, b in (("d1", "d1b"), ("d2", "d2b")))
    if last <= first:
        return None
    end = _full_date_of(int(m["y"]), month, last) if m["y"] else _yearless(month, last, ctx)
    if end is None or end.value is None:
        return Resolution(None, "period") if end is not None else None
    start = make_day(int(end.value[:4]), month, first)
    if start is None:
        return None
    return period(start.isoformat(), end.value, year=int(m["y"]) if m["y"] else None)


def _full_date_of(year: int, month: int, day: int) -> Resolution | None:
    d = make_day(year, month, day)
    return Resolution(d.isoformat(), "day", year=year, day=d) if d else None


def _month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m["y"])
    return Resolution(f"{year:04d}-{month_number(m['mon']):02d}", "month", year=year)


_MAY_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|of|from|through|to|and|between|before|after|early|late|mid|last|next|this|"
    r"since|around|throughout|until|or)[\s-]+)$"
)


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


def _weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.published
    if pub is None:
        return Resolution(None, "day")
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past"):
        d = pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
    elif rel in ("next", "coming"):
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif (rel == "this" and ctx.tense != "past") or (not rel and ctx.forward):
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
    else:
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
    return Resolution(d.isoformat(), "day", day=d)


_REL_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _relative_word(m: re.Match[str], ctx: Context) -> Resolution | None:
    key = re.sub(r"\s+", " ", m["w"].lower())
    if ctx.published is None:
        return Resolution(None, "day")
    d = ctx.published + timedelta(days=_REL_WORDS[key])
    return Resolution(d.isoformat(), "day", day=d)


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = number(m["n"])
    unit = m["unit"].lower()
    if n is None:
        return None
    if ctx.published is None:
        return Resolution(None, at_unit(date(2000, 1, 1), unit).granularity)
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if re.sub(r"\s+", " ", m["n"].lower()) in VAGUE:
        near, far = shift(ctx.published, unit, sign * 2), shift(ctx.published, unit, sign * 7)
        a, b = sorted((near, far))
        return period(a.isoformat(), b.isoformat())
    return at_unit(shift(ctx.published, unit, sign * n), unit)


def _relative_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    pub = ctx.published
    if unit == "weekend":
        if pub is None:
            return Resolution(None, "period")
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        return _weekend(pub, step, ctx.tense, this=rel in ("this", "current"))
    if rel == "past" or (rel == "last" and m["the"]):
        # "the past week" is the stretch up to now, not the calendar week before this one
        if pub is None:
            return Resolution(None, "period")
        return period(shift(pub, unit, -1).isoformat(), pub.isoformat())
    if pub is None:
        return Resolution(None, "period" if unit == "weekend" else at_unit(date(2000, 1, 1), unit).granularity)
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[rel]
    return at_unit(shift(pub, unit, step), unit)


def _weekend(pub: date, step: int, tense: Tense, this: bool = False) -> Resolution:
    """Saturday and Sunday. ``step`` -1 is last, 1 next. Otherwise, on a weekday, "this weekend" is
    the coming one unless a past clause early in the week says otherwise; "the weekend" looks back
    unless the clause looks ahead. During a weekend both mean the current one."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # the latest Saturday on or before pub
    in_weekend = pub.weekday() >= 5
    if step < 0:
        saturday -= timedelta(days=7 if in_weekend else 0)
    elif in_weekend and step == 0:
        pass
    elif step > 0:
        saturday += timedelta(days=7)
    elif this:
        saturday += timedelta(days=0 if tense == "past" and pub.weekday() <= 2 else 7)
    elif tense in ("future", "present"):
        saturday += timedelta(days=7)
    return period(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat())


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolution | None:
    if ctx.published is None:
        return Resolution(None, "period")
    return _weekend(ctx.published, 0, ctx.tense)


def _in_n(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "in two weeks": a point ahead when the clause looks ahead, else a duration ("the first in two years")."""
    n = number(m["n"])
    if n is None or not ctx.forward or re.sub(r"\s+", " ", m["n"].lower()) in VAGUE:
        return Resolution(None, "period")
    if ctx.published is None:
        return Resolution(None, at_unit(date(2000, 1, 1), m["unit"]).granularity)
    return at_unit(shift(ctx.published, m["unit"], n), m["unit"])


def _within_n(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "within six months": from publication on when the clause looks ahead, else a bare duration."""
    n = number(m["n"])
    if n is None or not ctx.forward or ctx.published is None:
        return Resolution(None, "period")
    return period(ctx.published.isoformat(), shift(ctx.published, m["unit"], n).isoformat())


def _this_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = m["unit"].lower()
    if ctx.published is None:
        return Resolution(None, at_unit(date(2000, 1, 1), unit).granularity)
    return at_unit(ctx.published, unit)


def _anchored_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Relative to the latest day in the text: "the next day", "two weeks later", "that day"."""
    words = m.group(0).lower()
    unit = m["unit"] or "day"
    if m["same"]:
        n = 0
    else:
        count = number(m["n"]) if m["n"] else 1
        if count is None:
            return None
        n = -count if any(w in words for w in ("before", "previous", "earlier", "preceding", "prior")) else count
    if ctx.anchor is None:
        return Resolution(None, at_unit(date(2000, 1, 1), unit).granularity)
    return at_unit(shift(ctx.anchor, unit, n), unit)


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


def _modified(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None or inner.granularity not in ("week", "month", "year"):
        return None
    return inner


def _age(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution(None, "unknown", is_time=False)


def _duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution(None, "period")


# ---------------------------------------------------------------- period resolvers


def _since(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None:
        return None
    start, _ = bounds(inner)
    end = ctx.published.isoformat() if ctx.published else None
    return period(start, end, "since", year=inner.year)


def _year_range(m: re.Match[str], ctx: Context) -> Resolution | None:
    first = int(m["a"])
    b = m["b"]
    last = int(b) if len(b) == 4 else first // 100 * 100 + int(b)
    if last <= first:
        return None
    return period(f"{first:04d}", f"{last:04d}", year=last)


def _past_n(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = number(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if ctx.published is None:
        return Resolution(None, "period")
    pub = ctx.published
    if m["rel"].lower() in ("next", "coming"):
        return period(pub.isoformat(), shift(pub, m["unit"], n).isoformat())
    return period(shift(pub, m["unit"], -n).isoformat(), pub.isoformat())


def _relation(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    rel = {"till": "until", "prior to": "before", "ahead of": "before", "no later than": "by"}.get(rel, rel)
    return replace(inner, relation=rel)


# ---------------------------------------------------------------- the rules


def _rule(name: str, pattern: str, resolve: Resolver, phrase: str | None = None) -> Rule:
    bounded = r"(?<![\w'’-])(?:" + pattern + r")(?![\w-])"
    whole = phrase if phrase is not None else pattern
    return Rule(name, re.compile(bounded), re.compile(r"(?:" + whole + r")"), resolve)


_P_ISO = r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
_P_DMY = rf"{_WD_PREFIX}(?:(?i:the)\s+)?(?P<d>{_DAY})(?:\s+(?i:of))?\s+(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})"
_P_MDY = rf"{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"
_P_DM = rf"(?:(?P<rel>{_kw('next|this')})\s+)?{_WD_PREFIX}(?:(?i:the)\s+)?(?P<d>{_DAY})(?:\s+(?i:of))?\s+(?P<mon>{_MONTH})(?!,?\s*\d)"  # noqa: E501
_P_MD = rf"(?:(?P<rel>{_kw('next|this')})\s+)?{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?!,?\s*\d)(?!:)"
_P_DAY_RANGE = (
    rf"(?:(?P<mon>{_MONTH})\s+(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})"
    rf"|(?P<d1b>{_DAY})\s*[-–]\s*(?P<d2b>{_DAY})\s+(?P<monb>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?"
)
_P_MY = rf"(?P<mon>{_MONTH}),?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})"
_P_MONTH = rf"(?:(?P<rel>{_kw('last|next|this|coming|past')})\s+)?(?P<mon>{_MONTH_FULL})(?!\s+\d)"
_P_DECADE = (
    rf"(?:(?i:the)\s+)?(?:(?P<mod>{_kw('early|mid|late')})[\s-]+)?(?:(?P<dec>1[5-9]\d0|20\d0)|['’](?P<d2>\d0))['’]?s"
)
_P_WEEKDAY = (
    rf"(?:(?P<rel>{_kw('last|next|this|coming|past')})\s+)?(?:{_kw('early|late')}\s+(?:{_kw('on')}\s+)?)?"
    rf"(?P<wd>{_WEEKDAY})(?:{_PART})?"
)
_P_RELWORD = (
    r"(?P<w>"
    + _kw(
        "the day before yesterday|the day after tomorrow|earlier today|later today|today|tonight|this morning|"
        "this afternoon|this evening|yesterday|last night|tomorrow"
    )
    + r")(?:"
    + _PART
    + r")?"
)
_P_AGO = rf"(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>{_kw('ago|earlier than now|from now|hence')})"
_P_REL_UNIT = (
    rf"(?:(?P<the>{_kw('the')})\s+)?(?P<rel>{_kw('last|past|previous|this|current|next|coming|following')})"
    rf"\s+(?P<unit>{_kw('weekend|week|month|year|decade')})"
)
_P_THIS_UNIT = (
    rf"(?:{_kw('earlier|later')}\s+(?:{_kw('this|in the')})|{_MOD}\s+(?:{_kw('this|the')}))"
    rf"\s+(?P<unit>{_kw('week|month|year')})(?!\s+{_kw('of|before|after')}\b)"
)
_P_ANCHORED = (
    rf"(?:{_kw('the')}\s+{_kw('next|following|previous|preceding')}\s+{_kw('day')}|"
    rf"(?P<n>{_NUM})\s+(?P<unit>{_kw('day|week|month|year')})s?\s+{_kw('later|earlier')}|"
    rf"{_kw('the day before|the day after')}(?=\s*[,.;])|"
    rf"(?P<same>(?:{_kw('earlier|later')}\s+)?{_kw('that day|the same day|that night|that morning|that evening')}))"
)
_P_SEASON = (
    rf"(?:(?P<rel>{_kw('last|next|this|coming|past')})\s+)?(?:{_kw('the')}\s+)?"
    rf"(?P<season>{_kw('spring|summer|autumn|fall|winter')})(?:\s+(?:{_kw('of')}\s+)?(?P<y>{_YEAR}))?"
)
_P_YEAR_BARE = rf"(?P<y>{_YEAR})"
_P_HOLIDAY = (
    rf"(?:(?P<rel>{_kw('last|next|this')})\s+)?"
    r"(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day))"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_P_QUARTER = (
    rf"(?:{_kw('the')}\s+(?P<q>{_kw('first|second|third|fourth|last|1st|2nd|3rd|4th')})\s+{_kw('quarter')}"
    rf"|Q(?P<qn>[1-4]))(?:,?\s+(?:{_kw('of')}\s+)?(?P<y>{_YEAR}))?"
)
_P_CENTURY = (
    rf"{_kw('the')}\s+(?:(?P<cn>1[5-9]|2[01])(?:st|th)|(?P<c>{_kw('fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first')}))"
    rf"[\s-]+{_kw('century')}"
)
_P_YEAR_IN_TEXT = (
    rf"{_kw('in|during|of|from|to|until|till|by|before|after|since|between|and|through|throughout|around|early|late|mid|the year|fiscal|year|or')}"  # noqa: E501
    rf"[\s-]+(?P<core>(?P<y>{_YEAR}))(?![-–—/]\d)(?!\s*(?:%|per\s*cent|percent))"
)

# Point shapes, longest first: embedded in period patterns, the first that matches wins.
_POINTS: tuple[tuple[str, str, Resolver], ...] = (
    ("iso", _P_ISO, _iso_date),
    ("day_range", _P_DAY_RANGE, _day_range),
    (
        "numeric",
        rf"(?P<a>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<b>[12]\d|3[01]|0?[1-9])(?P<sep2>[/.])(?P<y>{_YEAR})",
        _numeric_date,
    ),
    ("dmy", _P_DMY, _full_date),
    ("mdy", _P_MDY, _full_date),
    ("day_month", _P_DM, _day_month),
    ("month_day", _P_MD, _day_month),
    ("month_year", _P_MY, _month_year),
    ("decade", _P_DECADE, _decade),
    ("relative_word", _P_RELWORD, _relative_word),
    ("ago", _P_AGO, _ago),
    ("this_unit", _P_THIS_UNIT, _this_unit),
    ("anchored", _P_ANCHORED, _anchored_day),
    ("relative_unit", _P_REL_UNIT, _relative_unit),
    ("weekday", _P_WEEKDAY, _weekday),
    ("weekend", rf"{_kw('the')}\s+{_kw('weekend')}", _the_weekend),
    ("season", _P_SEASON, _season),
    ("holiday", _P_HOLIDAY, _holiday),
    ("quarter", _P_QUARTER, _quarter),
    ("century", _P_CENTURY, _century),
    ("month", _P_MONTH, _month_alone),
    ("year", _P_YEAR_BARE, _year),
)
_POINT = "(?:" + "|".join(_ungroup(p) for _, p, _ in _POINTS) + ")"
_POINT_MY = (
    "(?:" + "|".join(_ungroup(p) for n, p, _ in _POINTS if n in ("month_year", "relative_unit", "month", "year")) + ")"
)
_POINT_RULES = tuple(Rule(n, re.compile(p), re.compile(p), r) for n, p, r in _POINTS)

_RULES: tuple[Rule, ...] = (
    _rule("age", rf"\d{{1,3}}[\s-]+{_kw('years?|months?')}[\s-]+{_kw('olds?')}|{_kw('aged|age')}\s+\d{{1,3}}", _age),
    _rule("since", rf"{_kw('since|ever since')}\s+(?P<p>{_POINT})", _since),
    _rule(
        "between",
        rf"(?:{_kw('between')}\s+(?P<a>{_POINT})\s+{_kw('and')}|{_kw('from')}\s+(?P<a2>{_POINT})\s+{_kw('to|until|till|through|and')})"
        rf"\s+(?P<b>{_POINT})",
        lambda m, ctx: _between_any(m, ctx),
    ),
    _rule("year_range", rf"(?P<a>{_YEAR})\s*[-–—/]\s*(?P<b>{_YEAR}|\d\d(?!\d))", _year_range),
    _rule(
        "relation",
        rf"(?P<rel>{_kw('until|till|by|before|after|as of|no later than|prior to|ahead of|as early as|as late as')})"
        rf"\s+(?P<p>{_POINT})",
        _relation,
    ),
    _rule("modified", rf"{_MOD}[\s-]+(?P<p>{_POINT_MY})", _modified),
    *(_rule(n, p, r) for n, p, r in _POINTS if n != "year"),
    _rule(
        "past_n",
        rf"(?:{_kw('over|in|during|for|within|throughout')}\s+)?{_kw('the')}\s+(?P<rel>{_kw('past|last|previous|next|coming')})\s+"
        rf"(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})",
        _past_n,
    ),
    _rule("year", _P_YEAR_IN_TEXT, _year, phrase=_P_YEAR_BARE),
    _rule(
        "year_attribute",
        rf"{_kw('a|an|the|its|his|her|their|this|that')}\s+(?P<core>(?P<y>{_YEAR}))(?=\s+[a-z])(?!\s+{_kw('of')}\b)",
        _year,
        phrase=_P_YEAR_BARE,
    ),
    _rule(
        "within_n",
        rf"{_kw('within')}\s+(?:{_kw('the next')}\s+)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?!\s+{_kw('of')}\b)",
        lambda m, ctx: _within_n(m, ctx),
    ),
    _rule("in_n", rf"{_kw('in')}\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?!\s+{_kw('of')}\b)", _in_n),
    _rule(
        "duration",
        rf"(?:{_kw('a|an|one')}[\s-]+{_kw('hour|day|week|fortnight|month|year|decade')}"
        rf"|(?!{_kw('a|an|one')}[\s-])(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT}))(?:[\s-]+{_kw('long')})?|{_kw('years|decades|months|weeks|days|year|decade|month|week|day')}[\s-]+{_kw('long')}"
        rf"|{_kw('for')}\s+{_kw('years|decades|months|weeks|days')}|{_kw('recent')}\s+{_kw('years|months|weeks|days')}",
        _duration,
    ),
)


def _between_any(m: re.Match[str], ctx: Context) -> Resolution | None:
    a = m["a"] or m["a2"]
    last = resolve_point(m["b"], ctx)
    if last is None:
        return None
    first = resolve_point(a, replace(ctx, year=last.year if last.year is not None else ctx.year))
    if first is None:
        return None
    return period(bounds(first)[0], bounds(last)[1], year=last.year)


def resolve_point(text: str, ctx: Context) -> Resolution | None:
    """Read ``text`` whole as one point shape (a day, week, month, year or decade)."""
    for rule in _POINT_RULES:
        m = rule.phrase.fullmatch(text)
        if m is not None:
            return rule.resolve(m, ctx)
    return None


_LEADING = re.compile(r"^(?i:on|in|at|during|of|the)\s+")


def resolve_phrase(text: str, ctx: Context) -> Resolution | None:
    """Read a whole phrase (such as a spaCy DATE entity) with the first rule it fits."""
    text = text.strip()
    while True:
        for rule in _RULES:
            m = rule.phrase.fullmatch(text)
            if m is not None:
                res = rule.resolve(m, ctx)
                if res is not None:
                    return res
        stripped = _LEADING.sub("", text)
        if stripped == text:
            return None
        text = stripped


#: Every shape holds one of these; the rules run only in windows around them.
_TRIGGER = re.compile(
    r"\d|" + _MONTH_FULL + r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|"
    r"(?i:day|night|week|month|year|decade|century|quarter|hour|fortnight|today|tonight|tomorrow|morning|"
    r"afternoon|evening|spring|summer|autumn|fall|winter|christmas|eve\b|'\d)"
)
#: The longest shape ("between 3 March 2015 and 5 March 2016") fits in this many characters either side.
_REACH = 48


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around trigger words, merged, each cut at whitespace."""
    spans: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text):
        start, end = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    out = []
    for start, end in spans:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


def scan(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every shape found in ``text``, longest first where two overlap, in text order."""
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for window_start, window_end in _windows(text):
        for order, rule in enumerate(_RULES):
            # lookbehinds still see the text before window_start
            for m in rule.pattern.finditer(text, window_start, window_end):
                start, end = m.span("core") if "core" in rule.pattern.groupindex else m.span()
                found.append((start, end, order, rule, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    chosen: list[tuple[int, int, Rule, re.Match[str]]] = []
    last_end = -1
    for start, end, _, rule, m in found:
        if rule.name == "month" and m["mon"] == "May" and not m["rel"] and not _MAY_CONTEXT.search(text[:start]):
            continue  # "May" is the modal verb far more often than the month
        if start >= last_end:
            chosen.append((start, end, rule, m))
            last_end = end
    return chosen
