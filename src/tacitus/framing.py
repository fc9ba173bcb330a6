"""Framing: loaded terms, biased sentences, sourcing balance."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.model import Event, Framing, Quote
from tacitus.settings import Settings


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    terms: dict[str, str]


def load_framing_lexicon(settings: Settings) -> FramingLexicon:
    return FramingLexicon({})


def analyze_framing(
    doc: Doc,
    actors: ActorIndex,
    quotes: tuple[Quote, ...],
    events: tuple[Event, ...],
    lexicon: FramingLexicon,
) -> Framing:
    return Framing()
