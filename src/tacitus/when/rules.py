"""Date shapes as regular expressions, each with a resolver that anchors it on a context.

Pure text functions: nothing here reads a spaCy ``Doc``. :func:`scan` finds every shape
in a text; :func:`resolve_phrase` reads one phrase (a spaCy DATE entity) whole.
Values are ISO 8601: ``2015-03-10`` (day), ``2015-W10`` (week), ``2015-03`` (month),
``2015`` (year), and ``start/end`` intervals for periods (``2004/2015-03-12``).

The shapes of single points live in :mod:`tacitus.when.absolute` (calendar dates) and
:mod:`tacitus.when.relative` (counted from publication); this module orders them, builds the
shapes that hold a point ("since March", "between 2004 and 2010", "until Friday") and runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tacitus.when import absolute, relative
from tacitus.when.patterns import MOD, MONTH_FULL, Resolver, Shape, kw
from tacitus.when.resolution import Context, Resolution, bounds, folded, period


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


def _ungroup(pattern: str) -> str:
    """The pattern with named groups made anonymous, to embed it in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# Point shapes, longest first: embedded in period patterns, the first that matches wins.
_POINTS: tuple[Shape, ...] = (
    absolute.ISO,
    absolute.DAY_RANGE,
    absolute.NUMERIC,
    absolute.DMY,
    absolute.MDY,
    absolute.DAY_MONTH,
    absolute.MONTH_DAY,
    absolute.MONTH_YEAR,
    absolute.DECADE,
    relative.RELATIVE_WORD,
    relative.AGO,
    relative.THIS_UNIT,
    relative.ANCHORED,
    relative.RELATIVE_UNIT,
    relative.DAY_OF_WEEK,
    relative.THE_WEEKEND,
    absolute.SEASON,
    absolute.HOLIDAY,
    absolute.QUARTER,
    absolute.CENTURY,
    absolute.MONTH_ALONE,
    absolute.YEAR_BARE,
)
_POINT = "(?:" + "|".join(_ungroup(s.pattern) for s in _POINTS) + ")"
_POINT_MY = (
    "(?:"
    + "|".join(_ungroup(s.pattern) for s in _POINTS if s.name in ("month_year", "relative_unit", "month", "year"))
    + ")"
)
_POINT_RULES = tuple(Rule(s.name, re.compile(s.pattern), re.compile(s.pattern), s.resolve) for s in _POINTS)


def resolve_point(text: str, ctx: Context) -> Resolution | None:
    """Read ``text`` whole as one point shape (a day, week, month, year or decade)."""
    for rule in _POINT_RULES:
        m = rule.phrase.fullmatch(text)
        if m is not None:
            return rule.resolve(m, ctx)
    return None


# ---------------------------------------------------------------- shapes that hold a point


def _since(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None:
        return None
    start, _ = bounds(inner)
    end = ctx.published.isoformat() if ctx.published else None
    return period(start, end, "since", year=inner.year)


def _between(m: re.Match[str], ctx: Context) -> Resolution | None:
    a = m["a"] or m["a2"]
    last = resolve_point(m["b"], ctx)
    if last is None:
        return None
    first = resolve_point(a, replace(ctx, year=last.year if last.year is not None else ctx.year))
    if first is None:
        return None
    return period(bounds(first)[0], bounds(last)[1], year=last.year)


def _relation(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None:
        return None
    rel = folded(m["rel"])
    rel = {"till": "until", "prior to": "before", "ahead of": "before", "no later than": "by"}.get(rel, rel)
    return replace(inner, relation=rel)


def _modified(m: re.Match[str], ctx: Context) -> Resolution | None:
    inner = resolve_point(m["p"], ctx)
    if inner is None or inner.granularity not in ("week", "month", "year"):
        return None
    return inner


_SINCE = Shape("since", rf"{kw('since|ever since')}\s+(?P<p>{_POINT})", _since)
_BETWEEN = Shape(
    "between",
    rf"(?:{kw('between')}\s+(?P<a>{_POINT})\s+{kw('and')}|{kw('from')}\s+(?P<a2>{_POINT})\s+{kw('to|until|till|through|and')})"
    rf"\s+(?P<b>{_POINT})",
    _between,
)
_RELATION = Shape(
    "relation",
    rf"(?P<rel>{kw('until|till|by|before|after|as of|no later than|prior to|ahead of|as early as|as late as')})"
    rf"\s+(?P<p>{_POINT})",
    _relation,
)
_MODIFIED = Shape("modified", rf"{MOD}[\s-]+(?P<p>{_POINT_MY})", _modified)

# ---------------------------------------------------------------- the rules


def _rule(shape: Shape) -> Rule:
    bounded = r"(?<![\w'’-])(?:" + shape.pattern + r")(?![\w-])"
    whole = shape.phrase if shape.phrase is not None else shape.pattern
    return Rule(shape.name, re.compile(bounded), re.compile(r"(?:" + whole + r")"), shape.resolve)


#: In the order they are tried: where two rules find the same stretch, the earlier wins.
_RULES: tuple[Rule, ...] = tuple(
    _rule(shape)
    for shape in (
        relative.AGE,
        _SINCE,
        _BETWEEN,
        absolute.YEAR_RANGE,
        _RELATION,
        _MODIFIED,
        *(s for s in _POINTS if s is not absolute.YEAR_BARE),
        relative.PAST_N,
        absolute.YEAR_IN_TEXT,
        absolute.YEAR_ATTRIBUTE,
        relative.WITHIN_N,
        relative.IN_N,
        relative.DURATION,
    )
)


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
    r"\d|" + MONTH_FULL + r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|"
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


#: Words before "May" that make it the month rather than the modal verb.
_MAY_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|of|from|through|to|and|between|before|after|early|late|mid|last|next|this|"
    r"since|around|throughout|until|or)[\s-]+)$"
)


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
