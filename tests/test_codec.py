"""Analysis -> JSON -> Analysis is the identity, for hand-made and generated analyses."""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus import Analysis
from tacitus.codec import analysis_from_dict
from tacitus.errors import InputError
from tacitus.model import (
    QUADS,
    Actor,
    ActorRef,
    Article,
    Event,
    Framing,
    LoadedTerm,
    Place,
    Quote,
    SentenceScore,
    SourcingRow,
    Span,
)

COUNTRIES = st.one_of(st.none(), st.sampled_from(["RUS", "UKR", "USA", "IGO", "UNO", "FRA"]))
SECTORS = st.one_of(st.none(), st.sampled_from(["GOV", "MIL", "LEG", "REB", "COP", "PRE"]))
#: Sector tags besides the primary one (PLOVER's PRE for a partially recognised entity's actors).
EXTRA_SECTORS = st.lists(st.sampled_from(["PRE", "GOV", "MIL"]), max_size=2).map(tuple)
SHORT = st.text(alphabet=string.ascii_letters + " -'é", min_size=1, max_size=12)
OPT_SHORT = st.one_of(st.none(), SHORT)
FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), FINITE, SHORT)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(alphabet=string.printable + "«»—é中", min_size=1, max_size=120))
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        return Span(text[start:end], start, end)

    def ref() -> ActorRef:
        s = span()
        country, sector, actor_id, sectors = draw(COUNTRIES), draw(SECTORS), draw(OPT_SHORT), draw(EXTRA_SECTORS)
        return ActorRef(s.text, s.start, s.end, country, sector, actor_id, sectors, draw(st.booleans()))

    def place() -> Place:
        s = span()
        return Place(
            s.text,
            s.start,
            s.end,
            draw(SHORT),
            draw(st.one_of(st.none(), st.integers(1, 10**9))),
            draw(st.one_of(st.none(), FINITE)),
            draw(st.one_of(st.none(), FINITE)),
            draw(COUNTRIES),
            draw(st.one_of(st.none(), st.sampled_from(["country", "city", "region"]))),
        )

    def small(make: Callable[[], Any], most: int = 3) -> tuple[Any, ...]:
        return tuple(make() for _ in range(draw(st.integers(0, most))))

    actors = tuple(
        Actor(
            f"A{i}",
            draw(SHORT),
            draw(COUNTRIES),
            draw(SECTORS),
            small(span),
            draw(st.sampled_from(["org", "person"])),
            draw(EXTRA_SECTORS),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    events = tuple(
        Event(
            id=f"E{i}",
            event=draw(st.sampled_from(["ACCUSE", "AID", "REQUEST", "ASSAULT"])),
            mode=draw(OPT_SHORT),
            context=small(lambda: draw(SHORT)),
            quad=draw(st.sampled_from(QUADS)),
            cameo=draw(st.one_of(st.none(), st.sampled_from(["112", "0231", "190"]))),
            actor=small(ref),
            recipient=small(ref),
            date=draw(st.one_of(st.none(), st.sampled_from(["2022-03-01", "2022-03", "1999"]))),
            date_text=draw(OPT_SHORT),
            date_from=draw(st.sampled_from(["text", "published"])),
            location=draw(st.one_of(st.none(), st.builds(place))),
            trigger=span(),
            sentence=span(),
            negated=draw(st.booleans()),
            modality=draw(st.sampled_from(["asserted", "hypothetical", "future", "historical", "reported"])),
            # to_dict rounds the confidence to 3 places, so generate values it keeps as they are.
            confidence=draw(st.integers(0, 1000)) / 1000,
            date_granularity=draw(st.sampled_from(["day", "month", "year"])),
            claimed_by=draw(st.one_of(st.none(), st.builds(ref))),
            content=draw(st.one_of(st.none(), st.builds(span))),
            mentions=small(span),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    quotes = tuple(
        Quote(
            f"Q{i}",
            draw(st.one_of(st.none(), st.builds(span))),
            draw(st.one_of(st.none(), st.builds(ref))),
            draw(st.one_of(st.none(), st.builds(span))),
            span(),
            draw(st.booleans()),
            draw(OPT_SHORT),
            draw(st.one_of(st.none(), st.sampled_from(["neutral", "doubt"]))),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    loaded = small(
        lambda: LoadedTerm(
            *(lambda s: (s.text, s.start, s.end))(span()),
            draw(SHORT),
            draw(st.booleans()),
            draw(OPT_SHORT),
            draw(OPT_SHORT),
            draw(OPT_SHORT),
            draw(OPT_SHORT),
        )
    )
    sentences = small(
        lambda: SentenceScore(
            *(lambda s: (s.start, s.end))(span()), draw(st.booleans()), draw(st.integers(0, 10**4)) / 10**4
        )
    )
    sourcing = small(
        lambda: SourcingRow(draw(COUNTRIES), draw(SECTORS), draw(st.integers(0, 9)), draw(st.integers(0, 99)))
    )
    summary = draw(st.dictionaries(SHORT, JSON_LEAF, max_size=4))
    article = Article(
        id=draw(st.text(alphabet=string.ascii_letters + string.digits + ":-_", min_size=1, max_size=20)),
        text=text,
        published=draw(st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1)))),
        title=draw(OPT_SHORT),
        outlet=draw(OPT_SHORT),
        url=draw(OPT_SHORT),
        language=draw(st.sampled_from(["en", "fr"])),
        source=draw(SHORT),
    )
    places = small(place)
    return Analysis(article, actors, events, quotes, places, Framing(loaded, sentences, sourcing, summary))


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(analyses())
def test_codec_round_trips_generated_analyses_through_json(analysis: Analysis) -> None:
    data = json.loads(json.dumps(analysis.to_dict(include_text=True)))
    assert analysis_from_dict(data, source=analysis.article.source) == analysis


def test_codec_round_trips_a_real_analysis(example: Callable[[str], Analysis]) -> None:
    analysis = example("motion_row.txt")
    assert analysis.events, "the example should have events for this test to mean something"
    data = json.loads(json.dumps(analysis.to_dict()))
    assert analysis_from_dict(data, text=analysis.article.text) == analysis


def _one_event_dict() -> dict[str, Any]:
    text = "Kenya criticised Somalia."
    event = Event(
        "E1", "ACCUSE", None, (), "VERBAL_CONFLICT", "111", (), (), None, None, "published", None,
        Span("criticised", 6, 16), Span(text, 0, len(text)),
    )  # fmt: skip
    analysis = Analysis(Article("k", text), (), (event,), (), (), Framing())
    return analysis.to_dict(include_text=True)


def test_codec_ignores_unknown_keys_and_defaults_missing_optional_ones() -> None:
    data = _one_event_dict()
    data["events"][0]["a_field_from_the_future"] = 1
    del data["events"][0]["mentions"], data["events"][0]["claimed_by"]
    back = analysis_from_dict(data)
    assert back.events[0].mentions == () and back.events[0].claimed_by is None
    assert back.events[0].sentence == Span("Kenya criticised Somalia.", 0, 25)


def test_codec_without_text_says_how_to_fix() -> None:
    data = _one_event_dict()
    del data["article"]["text"]
    with pytest.raises(InputError, match="include_text=True"):
        analysis_from_dict(data)


def test_codec_rejects_a_wrong_type_naming_the_field() -> None:
    data = _one_event_dict()
    data["events"][0]["negated"] = "no"
    with pytest.raises(InputError, match=r"events\[0\]\.negated"):
        analysis_from_dict(data)


def _pre_actor_dict() -> dict[str, Any]:
    text = "Abkhaz officials criticised Georgia."
    officials = ActorRef("Abkhaz officials", 0, 16, "GEO", "GOV", "A1", ("PRE",))
    event = Event(
        "E1", "ACCUSE", None, (), "VERBAL_CONFLICT", "111", (officials,), (), None, None, "published", None,
        Span("criticised", 17, 27), Span(text, 0, len(text)),
    )  # fmt: skip
    actor = Actor("A1", "Abkhaz officials", "GEO", "GOV", (Span("Abkhaz officials", 0, 16),), "org", ("PRE",))
    return Analysis(Article("g", text), (actor,), (event,), (), (), Framing()).to_dict(include_text=True)


def test_codec_reads_every_sector_of_an_actor_and_its_refs() -> None:
    data = json.loads(json.dumps(_pre_actor_dict()))
    assert data["actors"][0]["sector"] == "GOV" and data["actors"][0]["sectors"] == ["GOV", "PRE"]
    back = analysis_from_dict(data)
    assert back.actors[0].sectors == ("GOV", "PRE")
    assert back.events[0].actor[0].sectors == ("GOV", "PRE")


def test_codec_derives_sectors_from_sector_in_json_written_before_sectors_existed() -> None:
    data = _pre_actor_dict()
    del data["actors"][0]["sectors"], data["events"][0]["actor"][0]["sectors"]
    back = analysis_from_dict(data)
    assert back.actors[0].sector == "GOV" and back.actors[0].sectors == ("GOV",)
    assert back.events[0].actor[0].sectors == ("GOV",)
