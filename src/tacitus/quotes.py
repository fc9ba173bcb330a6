"""Quotes: direct and indirect attributions tied to a speaker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.model import Quote
from tacitus.settings import Settings


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: frozenset[str]


def load_cue_lexicon(settings: Settings) -> CueLexicon:
    return CueLexicon(frozenset({"say", "tell", "add"}))


def extract_quotes(doc: Doc, actors: ActorIndex, cues: CueLexicon) -> tuple[Quote, ...]:
    return ()
