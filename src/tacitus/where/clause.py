"""The place attached to an event's clause, for the events stage."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tacitus.model import Place
from tacitus.where.recognise import PlaceMention


def place_for_clause(doc: Doc, head: Token, places: Sequence[PlaceMention]) -> Place | None:
    return None
