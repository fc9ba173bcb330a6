"""Pronoun and definite-description coreference: "it added" and "the ministry" join the
nearest compatible earlier actor (subjects first, never across quotation marks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token

from tacitus.actors.drafts import Draft, Hit, fill_context_country

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_IT_PRONOUNS = frozenset({"it", "its", "itself"})
_THEY_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_QUOTE_CHARS = frozenset({'"', "“", "”", "«", "»"})


def _quoted(doc: Doc) -> list[bool]:
    inside = False
    flags: list[bool] = []
    for tok in doc:
        if tok.text in _QUOTE_CHARS or tok.text in ("''", "``"):
            if tok.text in ("“", "«", "``"):
                inside = True
            elif tok.text in ("”", "»", "''"):
                inside = False
            else:
                inside = not inside
            flags.append(False)
            continue
        flags.append(inside)
    return flags


def _compatible(pronoun: str, d: Draft) -> bool:
    if pronoun in _PERSON_PRONOUNS:
        return d.kind == "person"
    if pronoun in _IT_PRONOUNS:
        return d.kind in ("org", "country") and not d.plural
    return d.plural or d.kind in ("group", "org")


def resolve_coreference(doc: Doc, drafts: list[Draft], hits: list[Hit]) -> list[Draft]:
    quoted = _quoted(doc)
    sent_of = {}
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = n
    taken = {i for d in drafts for i in range(d.start, d.end)}
    items: list[Draft] = sorted(drafts, key=lambda d: d.start)
    pronouns = [t for t in doc if t.lower_ in _PERSON_PRONOUNS | _IT_PRONOUNS | _THEY_PRONOUNS and t.i not in taken]
    resolved: list[Draft] = []
    for d in items:
        if d.how == "description":
            ante = _antecedent(d.start, sent_of, quoted, resolved, partial(_same_description, d), 6)
            if ante is None and d.needs_country:
                ante = _antecedent(d.start, sent_of, quoted, resolved, partial(_same_sector, d), 2)
            if ante is not None:
                d = replace(
                    d,
                    country=ante.country,
                    sector=ante.sector or d.sector,
                    key=ante.key,
                    kind=ante.kind,
                    needs_country=False,
                )
            else:
                d = replace(d, how="role")
        resolved.append(d)
    # Pronouns: resolved against names and descriptions only (never against other pronouns' guesses).
    out = fill_context_country(doc, resolved, hits)
    for tok in pronouns:
        if tok.dep_ == "expl" or (tok.lower_ == "it" and _pleonastic(tok)):
            continue
        if tok.lower_ in _IT_PRONOUNS and tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        word = tok.lower_
        ante = _antecedent(tok.i, sent_of, quoted, out, partial(_compatible, word), 3)
        if ante is not None:
            out.append(
                replace(
                    ante,
                    start=tok.i,
                    end=tok.i + 1,
                    how="pronoun",
                    group=-1,
                    subject=tok.dep_ in ("nsubj", "nsubjpass"),
                )
            )
    return out


def _pleonastic(tok: Token) -> bool:
    """'It is likely that ...', 'it was agreed to ...': no referent."""
    head = tok.head
    if head.lemma_ not in ("be", "seem", "appear", "remain", "become"):
        return (
            head.dep_ == "ROOT" and any(c.dep_ in ("ccomp", "xcomp") for c in head.children) and tok.dep_ == "nsubjpass"
        )
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)


def _same_description(d: Draft, c: Draft) -> bool:
    return c.head_lemma == d.head_lemma and c.how != "pronoun" and c.country is not None


def _same_sector(d: Draft, c: Draft) -> bool:
    return d.sector is not None and c.sector == d.sector and c.how != "pronoun" and c.country is not None


def _antecedent(
    position: int,
    sent_of: dict[int, int],
    quoted: list[bool],
    candidates: list[Draft],
    test: Callable[[Draft], bool],
    window: int,
) -> Draft | None:
    """The best earlier candidate: nearest sentence first, subjects first, then the latest."""
    here = sent_of.get(position, 0)
    best: tuple[int, int, int] | None = None
    choice: Draft | None = None
    for c in candidates:
        if c.start >= position or not test(c):
            continue
        distance = here - sent_of.get(c.start, 0)
        if distance > window or (quoted[c.start] and not quoted[position]):
            continue
        score = (distance, 0 if c.subject else 1, -c.start)
        if best is None or score < best:
            best, choice = score, c
    return choice
