"""The pieces date shapes are written with, and :class:`Shape`, a pattern paired with its resolver.

Month names are matched case-sensitively ("may", "march" are common words); keywords are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tacitus.when.resolution import Context, Resolution

Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True, slots=True)
class Shape:
    """A kind of expression: ``pattern`` finds it in running text and ``resolve`` reads the match.

    ``phrase`` is the pattern for reading a whole phrase when it differs from ``pattern`` (a bare
    year is only found after "in", "since", ..., but a DATE entity "1999" is read as it is).
    """

    name: str
    pattern: str
    resolve: Resolver
    phrase: str | None = None


MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH = MONTH_FULL[:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
NUM = r"(?i:\d{1,3}|a\s+couple\s+of|a\s+few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"  # noqa: E501
UNIT = r"(?i:hour|day|week|fortnight|month|year|decade)s?"
PART = r"(?i:\s+(?:morning|afternoon|evening|night))"
WD_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
MOD = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"


def kw(words: str) -> str:
    """A case-insensitive keyword alternation with flexible whitespace."""
    return "(?i:" + words.replace(" ", r"\s+") + ")"


def optional_rel(words: str) -> str:
    """An optional leading keyword ("last", "next", ...), caught in the group ``rel``."""
    return rf"(?:(?P<rel>{kw(words)})\s+)?"
