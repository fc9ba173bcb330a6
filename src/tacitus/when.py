"""Dates: temporal expressions resolved against the article's publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression and what it resolves to.

    ``value`` is an ISO date (``2015-03-10``), month (``2015-03``) or year
    (``1999``) according to ``granularity``; ``None`` when it cannot be resolved.
    """

    text: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    value: str | None
    granularity: str  # day | month | year | period | unknown
    period_start: str | None = None
    period_end: str | None = None


def find_times(doc: Doc, published: date | None) -> tuple[TimeExpr, ...]:
    """First version: spaCy DATE entities, unresolved."""
    return tuple(
        TimeExpr(e.text, e.start_char, e.end_char, e.start, e.end, None, "unknown")
        for e in doc.ents
        if e.label_ == "DATE"
    )
