"""Intermediate records of the actors stage: dictionary hits and mention drafts, and the
context country that roles without a country of their own fall back on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from tacitus.actors.lexicon import ActorEntry

#: Codes that are not states: an article's "main country" is never one of them.
NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "EUR"})
#: Heads too generic to borrow the article's main country: only their own sentence can give them one
#: ("France criticised Germany. Officials said people were angry": whose officials, whose people?).
_SENTENCE_ONLY = frozenset({"people", "person", "persons", "individual", "official", "representative", "side"})
#: A counterpart is by definition of another party: only its own words give it a country.
NEVER_CONTEXT = frozenset({"counterpart"})


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: ActorEntry
    country: str | None
    sector: str | None
    #: A country word gave a non-state group its country ("Pakistani Taliban"): not the entry's own.
    localised: bool = False


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


def context_country(
    doc: Doc, hits: list[Hit], position: int, owned: frozenset[int] = frozenset(), sentence_only: bool = False
) -> str | None:
    """The state the article names most, among those named by the end of this sentence (places
    count: "protesters marched in Kyiv"); ties go to the first named. None when none is named yet.

    ``owned``: starts of hits that are another role's own country word ("Filipino hostages",
    "his Turkish counterpart"); in the role's own sentence they say nothing about the role.
    ``sentence_only``: count only the states named in the role's own sentence.
    """
    sent = doc[position].sent
    usable = [h for h in hits if not (h.start in owned and sent.start <= h.start < sent.end)]
    if sentence_only:
        usable = [h for h in usable if sent.start <= h.start < sent.end]
    named = {h.country for h in usable if h.start < sent.end and h.country and h.country not in NON_STATE}
    counts = Counter(h.country for h in usable if h.country in named)
    return counts.most_common(1)[0][0] if counts else None


def _owned(drafts: list[Draft], hits: list[Hit]) -> frozenset[int]:
    """Hits that are the country word inside a longer draft ("Israeli troops", "Filipino hostages")."""
    return frozenset(
        h.start
        for h in hits
        for d in drafts
        if d.start <= h.start and h.end <= d.end and (d.end - d.start) > (h.end - h.start)
    )


def fill_context_country(doc: Doc, drafts: list[Draft], hits: list[Hit]) -> list[Draft]:
    """Roles with no country of their own ('lawmakers', 'police') take the context country,
    unless a description will find an antecedent first (see :func:`_coreference`)."""
    out: list[Draft] = []
    owned = _owned(drafts, hits)
    for d in drafts:
        if d.needs_country and d.how in ("role", "entity") and d.head_lemma not in NEVER_CONTEXT:
            main = context_country(doc, hits, d.start, owned, sentence_only=d.head_lemma in _SENTENCE_ONLY)
            if main is not None:
                d = replace(d, country=main, key=("R", main, *d.key[2:]) if d.key[0] == "R" else d.key)
        out.append(d)
    return out
