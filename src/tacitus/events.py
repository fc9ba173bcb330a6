"""Events: PLOVER v0.8 event coding on the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.model import Event, Quote
from tacitus.settings import Settings
from tacitus.when import TimeExpr
from tacitus.where import PlaceMention


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, tuple[str, str | None, str | None]]


def load_event_lexicon(settings: Settings) -> EventLexicon:
    return EventLexicon({})


def extract_events(
    doc: Doc,
    published: date | None,
    actors: ActorIndex,
    times: tuple[TimeExpr, ...],
    places: tuple[PlaceMention, ...],
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
) -> tuple[Event, ...]:
    return ()
