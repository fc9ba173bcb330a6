"""place_for_clause: the place an event's clause is located in, for the events stage."""

from __future__ import annotations

import pytest

from tacitus import Analyzer, Article
from tacitus.actors import find_actors
from tacitus.where import find_places, place_for_clause


def _clause_place(analyzer: Analyzer, text: str, verb: str) -> str | None:
    res = analyzer.resources
    doc = res.nlp(text)
    places = find_places(doc, find_actors(doc, Article(id="t", text=text), res.actors), res.gazetteer)
    head = next(t for t in doc if t.text == verb)
    place = place_for_clause(doc, head, places)
    if place is None:
        return None
    assert text[place.start : place.end] == place.text
    return place.text


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Russian forces shelled villages near Donetsk on Monday.", "shelled", "Donetsk"),
        ("The minister met his counterpart in Paris.", "met", "Paris"),
        ("Protesters gathered outside the embassy in Nairobi.", "gathered", "Nairobi"),
        ("Gunmen attacked a checkpoint outside Mogadishu.", "attacked", "Mogadishu"),
        ("Fighting continued in the city of Homs.", "continued", "Homs"),
        ("Police arrested a London-based activist.", "arrested", "London"),
    ],
)
def test_where_clause_locative_phrase_gives_the_place(analyzer: Analyzer, text: str, verb: str, expected: str) -> None:
    assert _clause_place(analyzer, text, verb) == expected


def test_where_clause_prefers_the_directly_attached_place(analyzer: Analyzer) -> None:
    assert _clause_place(analyzer, "The talks were held in Geneva, Switzerland, on Friday.", "held") == "Geneva"


def test_where_clause_participant_toponym_is_not_the_location(analyzer: Analyzer) -> None:
    assert _clause_place(analyzer, "He said Russia would attack Ukraine.", "attack") is None


def test_where_clause_place_of_another_clause_is_not_taken(analyzer: Analyzer) -> None:
    text = "The president, who visited Paris last year, signed the deal on Monday."
    assert _clause_place(analyzer, text, "signed") is None
