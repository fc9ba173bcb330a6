"""The result of the actors stage: coded actors, their mentions, and token-level lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from tacitus.model import Actor, ActorRef

#: How a mention was found: a dictionary name, a role description ("Kenyan lawmakers"), a
#: pronoun or definite description resolved to an earlier actor, or a model entity left uncoded.
HOW = ("name", "role", "pronoun", "description", "entity")

#: Nouns that stand for the people in their ``of`` phrase ("a group of deputies").
_GROUP_NOUNS = frozenset(
    [
        "group",
        "groups",
        "delegation",
        "delegations",
        "team",
        "teams",
        "member",
        "members",
        "number",
        "dozens",
        "hundreds",
        "thousands",
        "some",
        "many",
        "several",
        "most",
        "all",
        "part",
        "unit",
        "units",
        "contingent",
        "convoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention, with token bounds (``tok_end`` exclusive) for the parse-based stages.

    ``group`` is shared by mentions coordinated under one head ("Chilean and Peruvian
    diplomats": two mentions, one group); -1 when alone. ``how`` is one of :data:`HOW`.
    """

    ref: ActorRef
    tok_start: int
    tok_end: int
    how: str = "name"
    group: int = -1


@dataclass(frozen=True, slots=True)
class ActorIndex:
    actors: tuple[Actor, ...]
    mentions: tuple[ActorMention, ...]
    _by_token: dict[int, ActorMention] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, actors: Sequence[Actor], mentions: Sequence[ActorMention]) -> ActorIndex:
        by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                by_token[i] = m
        return cls(tuple(actors), tuple(mentions), by_token)

    def mention_at(self, token: Token | int) -> ActorMention | None:
        i = token if isinstance(token, int) else token.i
        return self._by_token.get(i)

    def ref_at(self, token: Token | int) -> ActorRef | None:
        m = self.mention_at(token)
        return m.ref if m else None

    def refs_in(self, tok_start: int, tok_end: int) -> tuple[ActorRef, ...]:
        """Refs of the mentions that overlap tokens ``[tok_start, tok_end)``, in text order."""
        return tuple(m.ref for m in self.mentions if m.tok_start < tok_end and tok_start < m.tok_end)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def head_mention(self, token: Token) -> ActorMention | None:
        """The mention a noun-phrase head stands for.

        The token's own mention; else for a group noun the mention in its ``of`` phrase ("a group
        of pro-Kurdish deputies" -> deputies); else a mention among its compound/appos/amod/poss
        children ("the Kenyan-led force" -> Kenya).
        """
        own = self.mention_at(token)
        if own is not None:
            return own
        if token.lower_ in _GROUP_NOUNS or token.lemma_.lower() in _GROUP_NOUNS:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found = self.head_mention(pobj)
                            if found is not None:
                                return found
        for child in token.children:
            if child.dep_ in ("compound", "appos", "nmod", "poss", "amod"):
                found = self.mention_at(child)
                if found is not None:
                    return found
        return None

    def head_ref(self, token: Token) -> ActorRef | None:
        m = self.head_mention(token)
        return m.ref if m else None

    def refs_for(self, token: Token) -> tuple[ActorRef, ...]:
        """All refs a head stands for: the coordinated group of its mention ("Chilean and Peruvian
        diplomats" -> CHL and PER), or its one mention, or nothing."""
        m = self.head_mention(token)
        if m is None:
            return ()
        if m.group < 0:
            return (m.ref,)
        return tuple(x.ref for x in self.mentions if x.group == m.group)
