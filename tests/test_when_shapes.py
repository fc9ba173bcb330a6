"""Dates: every point shape reads a phrase of its own, and the helpers the shapes share."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tacitus.when.patterns import optional_rel
from tacitus.when.resolution import Context, folded, unit_granularity
from tacitus.when.rules import _POINTS, resolve_point

THU = date(2015, 3, 12)  # a Thursday in ISO week 2015-W11
#: A past clause published on THU, the latest day in the text before it being Thursday 5 March.
CTX = Context(THU, "past", anchor=date(2015, 3, 5))

#: One phrase per point shape and what it means on THU: (shape, phrase, value, granularity).
POINT_EXAMPLES = [
    ("iso", "2015-03-10", "2015-03-10", "day"),
    ("day_range", "Jan. 21-26", "2015-01-21/2015-01-26", "period"),
    ("numeric", "10.03.2015", "2015-03-10", "day"),
    ("dmy", "the 3rd of March 2015", "2015-03-03", "day"),
    ("mdy", "March 3, 2015", "2015-03-03", "day"),
    ("day_month", "3 March", "2015-03-03", "day"),
    ("month_day", "Nov. 2", "2014-11-02", "day"),
    ("month_year", "March 2015", "2015-03", "month"),
    ("decade", "the late 1980s", "1986/1989", "period"),
    ("relative_word", "yesterday", "2015-03-11", "day"),
    ("ago", "three weeks ago", "2015-W08", "week"),
    ("this_unit", "earlier this month", "2015-03", "month"),
    ("anchored", "the next day", "2015-03-06", "day"),
    ("relative_unit", "last week", "2015-W10", "week"),
    ("weekday", "Tuesday", "2015-03-10", "day"),
    ("weekend", "the weekend", "2015-03-07/2015-03-08", "period"),
    ("season", "last summer", "2014-06/2014-08", "period"),
    ("holiday", "Christmas", "2014-12-25", "day"),
    ("quarter", "the first quarter", "2015-01/2015-03", "period"),
    ("century", "the 20th century", "1900/1999", "period"),
    ("month", "March", "2015-03", "month"),
    ("year", "1999", "1999", "year"),
]


def test_when_every_point_shape_has_an_example_here() -> None:
    assert [name for name, *_ in POINT_EXAMPLES] == [s.name for s in _POINTS]


@pytest.mark.parametrize(("shape", "phrase", "value", "granularity"), POINT_EXAMPLES)
def test_when_point_shape_reads_its_phrase(shape: str, phrase: str, value: str, granularity: str) -> None:
    res = resolve_point(phrase, CTX)
    assert res is not None
    assert (res.value, res.granularity) == (value, granularity)


def test_when_point_shapes_are_tried_in_order_so_a_full_date_is_not_read_as_a_year() -> None:
    res = resolve_point("3 March 2015", Context(None))
    assert res is not None
    assert (res.value, res.granularity, res.year) == ("2015-03-03", "day", 2015)


def test_when_unit_granularity_of_counted_units() -> None:
    assert [unit_granularity(u) for u in ("hours", "Day", "fortnight", "weeks", "months", "year", "decades")] == [
        "day",
        "day",
        "week",
        "week",
        "month",
        "year",
        "year",
    ]


def test_when_folded_lowers_and_joins_whitespace() -> None:
    assert folded("New  Year's\nEve") == "new year's eve"


def test_when_optional_rel_catches_the_leading_word_case_insensitively() -> None:
    pattern = re.compile(optional_rel("last|next") + "(?P<w>winter)")
    m = pattern.fullmatch("Last   winter")
    assert m is not None and m["rel"] == "Last"
    m = pattern.fullmatch("winter")
    assert m is not None and m["rel"] is None
    assert pattern.fullmatch("this winter") is None
