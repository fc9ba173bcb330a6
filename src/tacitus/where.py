"""Places: toponyms resolved offline to gazetteer entries."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.model import Place
from tacitus.settings import Settings


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    tok_start: int
    tok_end: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, Place]


def load_gazetteer(settings: Settings) -> Gazetteer:
    return Gazetteer({})


def find_places(doc: Doc, actors: ActorIndex, gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    return ()
