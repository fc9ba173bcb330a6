"""Actors: recognise mentions in a parsed Doc and code them to PLOVER country + sector.

The result of the stage is an :class:`ActorIndex`: the coded actors with all their
mentions, and a token-level lookup that the event and quote stages use to turn a
subject or object token into an :class:`~tacitus.model.ActorRef`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pycountry
from spacy.tokens import Doc, Token

from tacitus.model import Actor, ActorRef, Article, Span
from tacitus.settings import Settings


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention, with token bounds (``tok_end`` exclusive) for the parse-based stages."""

    ref: ActorRef
    tok_start: int
    tok_end: int


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


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Surface form (lower-cased) -> (country, sector)."""

    names: dict[str, tuple[str | None, str | None]]


def load_actor_lexicon(settings: Settings) -> ActorLexicon:
    names: dict[str, tuple[str | None, str | None]] = {}
    for c in pycountry.countries:
        names[c.name.lower()] = (c.alpha_3, None)
        common = getattr(c, "common_name", None)
        if common:
            names[common.lower()] = (c.alpha_3, None)
    return ActorLexicon(names)


def find_actors(doc: Doc, article: Article, lexicon: ActorLexicon) -> ActorIndex:
    """First version: named entities coded by the country table; uncoded ones kept."""
    actors: list[Actor] = []
    mentions: list[ActorMention] = []
    by_key: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "ORG", "NORP", "PERSON"}:
            continue
        country, sector = lexicon.names.get(ent.text.lower(), (None, None))
        key = f"{country}|{sector}" if country else ent.text.lower()
        if key not in by_key:
            by_key[key] = len(actors)
            actors.append(Actor(f"A{len(actors) + 1}", ent.text, country, sector, ()))
        idx = by_key[key]
        actor = actors[idx]
        span = Span(ent.text, ent.start_char, ent.end_char)
        actors[idx] = Actor(actor.id, actor.name, actor.country, actor.sector, (*actor.mentions, span))
        ref = ActorRef(ent.text, ent.start_char, ent.end_char, country, sector, actor.id)
        mentions.append(ActorMention(ref, ent.start, ent.end))
    return ActorIndex.build(actors, mentions)
