"""Intermediate records of the actors stage: dictionary hits and mention drafts, and the
context country that roles without a country of their own fall back on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from tacitus.actors.lexicon import ActorEntry

#: Codes that are not states: an article's "main country" is never one of them.
_NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "EUR"})


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: ActorEntry
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Draft:
    """A mention before actors are numbered: token bounds, code, and the key that groups it."""

    start: int
    end: int
    country: str | None
    sector: str | None
    kind: str  # person | org | country | group
    key: tuple[str, ...]
    how: str
    group: int = -1
    head_lemma: str = ""
    plural: bool = False
    subject: bool = False
    needs_country: bool = False


def context_country(doc: Doc, hits: list[Hit], position: int) -> str | None:
    """The state the article names most, among those named by the end of this sentence (places
    count: "protesters marched in Kyiv"); ties go to the first named. None when none is named yet."""
    limit = doc[position].sent.end
    named = {h.country for h in hits if h.start < limit and h.country and h.country not in _NON_STATE}
    counts = Counter(h.country for h in hits if h.country in named)
    return counts.most_common(1)[0][0] if counts else None


def fill_context_country(doc: Doc, drafts: list[Draft], hits: list[Hit]) -> list[Draft]:
    """Roles with no country of their own ('lawmakers', 'police') take the context country,
    unless a description will find an antecedent first (see :func:`_coreference`)."""
    out: list[Draft] = []
    for d in drafts:
        if d.needs_country and d.how in ("role", "entity"):
            main = context_country(doc, hits, d.start)
            if main is not None:
                d = replace(d, country=main, key=("R", main, *d.key[2:]) if d.key[0] == "R" else d.key)
        out.append(d)
    return out
