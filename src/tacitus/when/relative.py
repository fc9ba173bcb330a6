"""Relative shapes: expressions counted from the publication date or from an earlier day in the text.

"yesterday", "on Friday", "three weeks ago", "next month", "this weekend", "the past two years",
"in two weeks", "two days later"; and look-alikes that name no point in time: durations ("ten
days of talks") and ages ("a 30-year-old").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tacitus.when.patterns import MOD, NUM, PART, UNIT, WEEKDAY, Shape, kw, optional_rel
from tacitus.when.resolution import (
    VAGUE,
    WEEKDAYS,
    Context,
    Resolution,
    Tense,
    at_unit,
    folded,
    number,
    period,
    shift,
    unit_granularity,
)

# ---------------------------------------------------------------- days


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
    key = folded(m["w"])
    if ctx.published is None:
        return Resolution(None, "day")
    d = ctx.published + timedelta(days=_REL_WORDS[key])
    return Resolution(d.isoformat(), "day", day=d)


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
        return Resolution(None, unit_granularity(unit))
    return at_unit(shift(ctx.anchor, unit, n), unit)


RELATIVE_WORD = Shape(
    "relative_word",
    r"(?P<w>"
    + kw(
        "the day before yesterday|the day after tomorrow|earlier today|later today|today|tonight|this morning|"
        "this afternoon|this evening|yesterday|last night|tomorrow"
    )
    + r")(?:"
    + PART
    + r")?",
    _relative_word,
)
DAY_OF_WEEK = Shape(
    "weekday",
    optional_rel("last|next|this|coming|past") + rf"(?:{kw('early|late')}\s+(?:{kw('on')}\s+)?)?"
    rf"(?P<wd>{WEEKDAY})(?:{PART})?",
    _weekday,
)
THE_WEEKEND = Shape("weekend", rf"{kw('the')}\s+{kw('weekend')}", _the_weekend)
ANCHORED = Shape(
    "anchored",
    rf"(?:{kw('the')}\s+{kw('next|following|previous|preceding')}\s+{kw('day')}|"
    rf"(?P<n>{NUM})\s+(?P<unit>{kw('day|week|month|year')})s?\s+{kw('later|earlier')}|"
    rf"{kw('the day before|the day after')}(?=\s*[,.;])|"
    rf"(?P<same>(?:{kw('earlier|later')}\s+)?{kw('that day|the same day|that night|that morning|that evening')}))",
    _anchored_day,
)

# ---------------------------------------------------------------- counted units


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = number(m["n"])
    unit = m["unit"].lower()
    if n is None:
        return None
    if ctx.published is None:
        return Resolution(None, unit_granularity(unit))
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if folded(m["n"]) in VAGUE:
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
        return Resolution(None, unit_granularity(unit))
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[rel]
    return at_unit(shift(pub, unit, step), unit)


def _this_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = m["unit"].lower()
    if ctx.published is None:
        return Resolution(None, unit_granularity(unit))
    return at_unit(ctx.published, unit)


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


def _in_n(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "in two weeks": a point ahead when the clause looks ahead, else a duration ("the first in two years")."""
    n = number(m["n"])
    if n is None or not ctx.forward or folded(m["n"]) in VAGUE:
        return Resolution(None, "period")
    if ctx.published is None:
        return Resolution(None, unit_granularity(m["unit"]))
    return at_unit(shift(ctx.published, m["unit"], n), m["unit"])


def _within_n(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "within six months": from publication on when the clause looks ahead, else a bare duration."""
    n = number(m["n"])
    if n is None or not ctx.forward or ctx.published is None:
        return Resolution(None, "period")
    return period(ctx.published.isoformat(), shift(ctx.published, m["unit"], n).isoformat())


AGO = Shape("ago", rf"(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>{kw('ago|earlier than now|from now|hence')})", _ago)
RELATIVE_UNIT = Shape(
    "relative_unit",
    rf"(?:(?P<the>{kw('the')})\s+)?(?P<rel>{kw('last|past|previous|this|current|next|coming|following')})"
    rf"\s+(?P<unit>{kw('weekend|week|month|year|decade')})",
    _relative_unit,
)
THIS_UNIT = Shape(
    "this_unit",
    rf"(?:{kw('earlier|later')}\s+(?:{kw('this|in the')})|{MOD}\s+(?:{kw('this|the')}))"
    rf"\s+(?P<unit>{kw('week|month|year')})(?!\s+{kw('of|before|after')}\b)",
    _this_unit,
)
PAST_N = Shape(
    "past_n",
    rf"(?:{kw('over|in|during|for|within|throughout')}\s+)?{kw('the')}\s+(?P<rel>{kw('past|last|previous|next|coming')})\s+"
    rf"(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})",
    _past_n,
)
IN_N = Shape("in_n", rf"{kw('in')}\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})(?!\s+{kw('of')}\b)", _in_n)
WITHIN_N = Shape(
    "within_n",
    rf"{kw('within')}\s+(?:{kw('the next')}\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})(?!\s+{kw('of')}\b)",
    _within_n,
)

# ---------------------------------------------------------------- look-alikes


def _duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution(None, "period")


def _age(m: re.Match[str], ctx: Context) -> Resolution | None:
    return Resolution(None, "unknown", is_time=False)


DURATION = Shape(
    "duration",
    rf"(?:{kw('a|an|one')}[\s-]+{kw('hour|day|week|fortnight|month|year|decade')}"
    rf"|(?!{kw('a|an|one')}[\s-])(?P<n>{NUM})[\s-]+(?P<unit>{UNIT}))(?:[\s-]+{kw('long')})?|{kw('years|decades|months|weeks|days|year|decade|month|week|day')}[\s-]+{kw('long')}"
    rf"|{kw('for')}\s+{kw('years|decades|months|weeks|days')}|{kw('recent')}\s+{kw('years|months|weeks|days')}",
    _duration,
)
AGE = Shape("age", rf"\d{{1,3}}[\s-]+{kw('years?|months?')}[\s-]+{kw('olds?')}|{kw('aged|age')}\s+\d{{1,3}}", _age)
