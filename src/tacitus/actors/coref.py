"""Pronoun and definite-description coreference: "it added" and "the ministry" join the
nearest compatible earlier actor (subjects first, never across quotation marks). "They" after
coordinated parties ("Armenia and Azerbaijan ... they agreed") and "both sides" / "the two
countries" stand for each party: one mention per party on the same words, sharing a group, so
:meth:`~tacitus.actors.ActorIndex.refs_for` returns them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token

from tacitus.actors.drafts import NEVER_CONTEXT, NON_STATE, Draft, Hit, fill_context_country

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_IT_PRONOUNS = frozenset({"it", "its", "itself"})
_THEY_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_QUOTE_CHARS = frozenset({'"', "“", "”", "«", "»"})
#: "both sides", "the two countries": a pair of parties named just before. The head's sector, when
#: it has one, replaces the parties' own ("the two governments" = GOV of each).
_PAIR_HEADS = {
    **dict.fromkeys(["sides", "countries", "nations", "states", "neighbours", "neighbors", "parties"], None),
    **dict.fromkeys(["governments", "leaders", "capitals", "presidents", "delegations"], "GOV"),
    **dict.fromkeys(["armies", "militaries"], "MIL"),
}
_PAIR_WORDS = frozenset({"both", "two"})
#: Roles named by their relation to the owner, who is therefore another party ("his counterpart").
_RELATIONAL = frozenset(
    {"counterpart", "rival", "enemy", "foe", "neighbour", "neighbor", "ally", "opponent", "adversary", "partner"}
)


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
        # a named armed group is an "it" too ("Hamas said it would honour the truce"); "the rebels" are not
        return not d.plural and (d.kind in ("org", "country") or (d.kind == "group" and d.how == "name"))
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
            if ante is None and d.needs_country and d.head_lemma not in NEVER_CONTEXT:
                ante = _antecedent(d.start, sent_of, quoted, resolved, partial(_same_sector, d), 2)
            if ante is not None:
                d = replace(
                    d,
                    country=ante.country,
                    sector=ante.sector or d.sector,
                    extra_sectors=ante.additional_sectors,
                    key=ante.key,
                    kind=ante.kind,
                    needs_country=False,
                )
            else:
                d = replace(d, how="role")
        resolved.append(d)
    # Pronouns: resolved against names and descriptions only (never against other pronouns' guesses).
    out = fill_context_country(doc, resolved, hits)
    coordinated = _coordinations(doc, out)
    next_group = max((d.group for d in out), default=-1) + 1
    out, next_group = _pairs(doc, out, coordinated, sent_of, quoted, next_group)
    names = list(out)
    for tok in pronouns:
        if tok.dep_ == "expl" or (tok.lower_ == "it" and _pleonastic(tok)):
            continue
        if tok.lower_ in _IT_PRONOUNS and tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        word = tok.lower_
        plural = word in _THEY_PRONOUNS
        test = partial(_compatible_or_coordinated, word, coordinated if plural else {})
        own = _own_subjects(tok)
        if own:  # "Trump called Erdogan and urged him": an object pronoun is not its own clause's subject
            test = partial(_not_within, own, test)
        ante = _antecedent(tok.i, sent_of, quoted, names, test, 3)
        if ante is None:
            continue
        # "Armenia and Azerbaijan ... they agreed": the pronoun stands for every coordinated party.
        members = coordinated.get(ante.start, [ante]) if plural else [ante]
        group = next_group if len(members) > 1 else -1
        next_group += len(members) > 1
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        out.extend(replace(m, start=tok.i, end=tok.i + 1, how="pronoun", group=group, subject=subject) for m in members)
        if tok.dep_ == "poss" and len(members) == 1:
            out = _owner_country(out, tok, ante)
    return out


def _owner_country(drafts: list[Draft], pronoun: Token, owner: Draft) -> list[Draft]:
    """A role owned by a pronoun takes the owner's country ("Iran said its deputy foreign minister held talks"):
    the possessive names whose official it is, where the context alone is ambiguous."""
    if owner.country is None or owner.country in NON_STATE or pronoun.head.lemma_.lower() in _RELATIONAL:
        return drafts  # "his counterpart", "its allies" are someone else's
    head = pronoun.head.i
    return [
        replace(
            d,
            country=owner.country,
            needs_country=False,
            key=("R", owner.country, *d.key[2:]) if d.key[0] == "R" else d.key,
        )
        if d.country is None and d.how == "role" and d.start <= head < d.end and d.start != pronoun.i
        else d
        for d in drafts
    ]


def _own_subjects(tok: Token) -> list[int]:
    """Head tokens of the subject of the clause whose object the pronoun is (a shared subject of coordinated
    verbs, or the controller of an infinitive, counts): a plain pronoun there cannot stand for it."""
    if tok.dep_ in ("dobj", "dative", "iobj"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative") and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
    else:
        return []
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return [c.i for c in subjects]
        if verb.dep_ not in ("conj", "xcomp"):
            return []
        if verb.dep_ == "xcomp":
            controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
            if controller is not None:  # "Trump asked Erdogan to call him": Erdogan calls, "him" is Trump
                return [controller.i]
        verb = verb.head
    return []


def _not_within(heads: list[int], test: Callable[[Draft], bool], d: Draft) -> bool:
    return test(d) and not any(d.start <= i < d.end for i in heads)


def _compatible_or_coordinated(word: str, coordinated: dict[int, list[Draft]], d: Draft) -> bool:
    return _compatible(word, d) or (d.start in coordinated and d.how != "pronoun")


def _coordinations(doc: Doc, drafts: list[Draft]) -> dict[int, list[Draft]]:
    """Coded parties named together ("Armenia and Azerbaijan", "Chilean and Peruvian diplomats"):
    each member's start -> all members, when they are at least two different actors."""
    clusters: dict[tuple[str, int], list[Draft]] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.how == "pronoun":
            continue
        if d.group >= 0:
            clusters.setdefault(("group", d.group), []).append(d)
            continue
        root = doc[d.start : d.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        clusters.setdefault(("conj", root.i), []).append(d)
    out: dict[int, list[Draft]] = {}
    for members in clusters.values():
        if len({m.key for m in members}) > 1:
            for m in members:
                out[m.start] = members
    return out


def _pairs(
    doc: Doc,
    drafts: list[Draft],
    coordinated: dict[int, list[Draft]],
    sent_of: dict[int, int],
    quoted: list[bool],
    next_group: int,
) -> tuple[list[Draft], int]:
    """ "both sides", "the two countries": two mentions on the phrase, one for each party of the
    nearest coordination of two, else for the last two states named (not the phrase's own subject)."""
    out = list(drafts)
    for tok in doc:
        if tok.lower_ not in _PAIR_HEADS or tok.i == 0:
            continue
        first = tok.i - 1
        if doc[first].lower_ not in _PAIR_WORDS:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            continue  # "both sides of the border" is a place
        if doc[first].lower_ == "two" and first > 0 and doc[first - 1].lower_ in ("the", "both", "these", "those"):
            first -= 1
        span = range(first, tok.i + 1)
        # An uncoded role on the phrase ("the two leaders") gives way; a coded mention stays.
        if any(d.country is not None and not d.needs_country and d.start in span for d in out if d.how != "pronoun"):
            continue
        parties = _pair_antecedents(doc, tok, out, coordinated, sent_of, quoted)
        if len(parties) != 2:
            continue
        out = [d for d in out if not (d.start < tok.i + 1 and first < d.end)]
        sector = _PAIR_HEADS[tok.lower_]
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        out.extend(
            replace(
                p,
                start=first,
                end=tok.i + 1,
                how="description",
                group=next_group,
                subject=subject,
                sector=sector or p.sector,
                extra_sectors=p.additional_sectors,
                key=p.key
                if sector is None or sector == p.sector
                else ("R", p.country or "", sector, tok.lemma_.lower(), ""),
            )
            for p in parties
        )
        next_group += 1
    return out, next_group


def _pair_antecedents(
    doc: Doc,
    tok: Token,
    drafts: list[Draft],
    coordinated: dict[int, list[Draft]],
    sent_of: dict[int, int],
    quoted: list[bool],
) -> list[Draft]:
    here = sent_of.get(tok.i, 0)
    governor = tok.head if tok.dep_ != "nsubj" else None
    own_subjects = (
        {c.i for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")} if governor is not None else set()
    )
    earlier = [
        d
        for d in drafts
        if d.end <= tok.i - 1
        and d.how != "pronoun"
        and here - sent_of.get(d.start, 0) <= 2
        and not (quoted[d.start] and not quoted[tok.i])
        and doc[d.start : d.end].root.i not in own_subjects
    ]
    pairs = [coordinated[d.start] for d in earlier if d.start in coordinated]
    pairs = [p for p in pairs if len(p) == 2 and p[0].key != p[1].key]
    if pairs:
        return max(pairs, key=lambda p: (-(here - sent_of.get(p[0].start, 0)), p[0].start))
    # No pair named together: the last two states (a mediating organisation is not a side).
    states = [d for d in earlier if d.country is not None and d.country not in NON_STATE]
    chosen: list[Draft] = []
    for d in sorted(states, key=lambda d: (here - sent_of.get(d.start, 0), -d.start)):
        if all(c.country != d.country for c in chosen):
            chosen.append(d)
        if len(chosen) == 2:
            break
    return sorted(chosen, key=lambda d: d.start)


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
