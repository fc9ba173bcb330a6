"""The place attached to an event's clause, for the events stage.

An event takes a place when a toponym sits in a prepositional phrase headed by a locative
preposition ("in", "near", "outside", ...) that depends on the event's verb or on its
object, directly or through another locative phrase ("outside the embassy in Nairobi"),
or in an "X-based" modifier of them. A toponym the verb takes as subject or object
("attacked Ukraine") is a participant, not the location, and gives None.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tacitus.model import Place
from tacitus.where.recognise import PlaceMention

#: Prepositions that locate an event.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "around",
        "throughout",
        "within",
        "along",
        "off",
        "over",
        "into",
        "onto",
        "beyond",
        "nearby",
        "north",
        "south",
        "east",
        "west",
    }
)
#: Nouns through which "of" passes a place on: "the outskirts of Kyiv", "the city of Homs".
_OF_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "province",
        "region",
        "district",
        "outskirts",
        "suburbs",
        "suburb",
        "coast",
        "border",
        "capital",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "part",
        "parts",
        "area",
        "areas",
        "streets",
        "heart",
    }
)
#: How a word can hang on the event's verb and still carry its place.
_ARGUMENT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative", "npadvmod", "advmod"})
_MAX_STEPS = 8


def place_for_clause(doc: Doc, head: Token, places: Sequence[PlaceMention]) -> Place | None:
    """The place of the clause whose head (verb or event noun) is ``head``, else None.

    When several places qualify, the one attached most directly wins ("in Geneva,
    Switzerland" gives Geneva), then the one nearest the head.
    """
    best: tuple[int, int, Place] | None = None
    for mention in places:
        depth = _locative_depth(doc[mention.tok_start : mention.tok_end].root, head)
        if depth is None:
            continue
        key = (depth, abs(mention.tok_start - head.i), mention.place)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _locative_depth(root: Token, head: Token) -> int | None:
    """How many links from the toponym up to a locative phrase on ``head``; None if there is none."""
    cur = root
    for step in range(_MAX_STEPS):
        parent = cur.head
        if parent.i == cur.i:
            return None
        dep = cur.dep_
        if dep == "pobj" and parent.dep_ == "prep":
            word = parent.lower_
            if word in LOCATIVE_PREPS:
                return step if _carries(parent.head, head, 0) else None
            if word == "of" and parent.head.lower_ in _OF_NOUNS:
                cur = parent.head
                continue
            return None
        if dep in {"compound", "appos", "conj", "nmod"}:
            cur = parent
            continue
        if dep == "npadvmod" and parent.lower_ == "based":
            return step if _carries(parent.head, head, 0) else None
        if dep == "pobj" and parent.lower_ in LOCATIVE_PREPS:
            # A preposition the parser did not label "prep" ("outside", "near" as adverbs).
            return step if _carries(parent.head, head, 0) else None
        return None
    return None


def _carries(tok: Token, head: Token, hops: int) -> bool:
    """Whether a locative phrase hung on ``tok`` locates the clause headed by ``head``."""
    if tok.i == head.i:
        return True
    if hops > 2:
        return False
    if tok.head.i == head.i and tok.dep_ in _ARGUMENT_DEPS:
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == head.i:
        return True  # "tortured by prison guards in Gorgan": the passive's doer is an argument too
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in LOCATIVE_PREPS:
        return _carries(tok.head.head, head, hops + 1)
    return False
