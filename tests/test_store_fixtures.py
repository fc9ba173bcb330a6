"""Hand-made analyses for the store tests: fast, and every value known in advance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from tacitus.model import Actor, ActorRef, Analysis, Article, Event, Framing, LoadedTerm, Place, Quote, Span
from tacitus.store.schema import MIGRATIONS, migrate, store_version
from tacitus.store.write import analysis_rows, insert_rows


def span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(piece, start, start + len(piece))


def ref(text: str, piece: str, country: str | None, sector: str | None, actor_id: str) -> ActorRef:
    s = span(text, piece)
    return ActorRef(s.text, s.start, s.end, country, sector, actor_id)


def event(
    text: str,
    ident: str,
    kind: str,
    quad: str,
    trigger: str,
    actor: tuple[ActorRef, ...],
    recipient: tuple[ActorRef, ...],
    when: str | None,
    cameo: str | None = None,
    location: Place | None = None,
) -> Event:
    return Event(
        id=ident,
        event=kind,
        mode=None,
        context=("military",) if kind == "ACCUSE" else (),
        quad=quad,
        cameo=cameo,
        actor=actor,
        recipient=recipient,
        date=when,
        date_text=None,
        date_from="text" if when else "published",
        location=location,
        trigger=span(text, trigger),
        sentence=Span(text, 0, len(text)),
        confidence=0.75,
    )


def kyiv_article(ident: str = "kyiv") -> Analysis:
    """Russia accuses Ukraine (March 2022, in Kyiv); the Kremlin is quoted indirectly."""
    text = "Russia accused Ukraine of shelling near Kyiv. The Kremlin said talks would resume."
    russia = ref(text, "Russia", "RUS", None, "A1")
    ukraine = ref(text, "Ukraine", "UKR", None, "A2")
    kremlin = ref(text, "The Kremlin", "RUS", "GOV", "A3")
    kyiv = span(text, "Kyiv")
    place = Place(kyiv.text, kyiv.start, kyiv.end, "Kyiv", 703448, 50.45, 30.52, "UKR", "city")
    actors = (
        Actor("A1", "Russia", "RUS", None, (span(text, "Russia"),), "country"),
        Actor("A2", "Ukraine", "UKR", None, (span(text, "Ukraine"),), "country"),
        Actor("A3", "The Kremlin", "RUS", "GOV", (span(text, "The Kremlin"),), "org"),
    )
    accuse = event(
        text, "E1", "ACCUSE", "VERBAL_CONFLICT", "accused", (russia,), (ukraine,), "2022-03-02", "112", place
    )
    quote = Quote("Q1", span(text, "The Kremlin"), kremlin, span(text, "said"), span(text, "talks would resume"), False)
    loaded = LoadedTerm("shelling", *_offsets(text, "shelling"), "violence", False)
    return Analysis(
        Article(ident, text, date(2022, 3, 3), outlet="Kyiv Post", url="https://example.org/kyiv", source="test"),
        actors,
        (accuse,),
        (quote,),
        (place,),
        Framing(loaded=(loaded,)),
    )


def aid_article(ident: str = "aid") -> Analysis:
    """Germany aids Ukraine in April 2022; a direct quote from Berlin."""
    text = 'Germany sent aid to Ukraine on 5 April 2022. "We stand with Kyiv," Berlin said.'
    germany = ref(text, "Germany", "DEU", "GOV", "A1")
    ukraine = ref(text, "Ukraine", "UKR", None, "A2")
    actors = (
        Actor("A1", "Germany", "DEU", "GOV", (span(text, "Germany"), span(text, "Berlin")), "country"),
        Actor("A2", "Ukraine", "UKR", None, (span(text, "Ukraine"),), "country"),
    )
    aid = event(text, "E1", "AID", "MATERIAL_COOPERATION", "sent", (germany,), (ukraine,), "2022-04-05", "07")
    berlin = ref(text, "Berlin", "DEU", "GOV", "A1")
    quote = Quote("Q1", span(text, "Berlin"), berlin, span(text, "said"), span(text, "We stand with Kyiv,"), True)
    return Analysis(
        Article(ident, text, date(2022, 4, 6), outlet="Berlin Daily", source="test"),
        actors,
        (aid,),
        (quote,),
        (),
        Framing(),
    )


def request_article(ident: str = "request") -> Analysis:
    """France urges Russia, with no date in the text (an undated event)."""
    text = "France urged Russia to withdraw its troops."
    france = ref(text, "France", "FRA", None, "A1")
    russia = ref(text, "Russia", "RUS", None, "A2")
    actors = (
        Actor("A1", "France", "FRA", None, (span(text, "France"),), "country"),
        Actor("A2", "Russia", "RUS", None, (span(text, "Russia"),), "country"),
    )
    urge = event(text, "E1", "REQUEST", "VERBAL_CONFLICT", "urged", (france,), (russia,), None, "1056")
    return Analysis(
        Article(ident, text, date(2022, 5, 1), outlet="Kyiv Post", source="test"), actors, (urge,), (), (), Framing()
    )


def _offsets(text: str, piece: str) -> tuple[int, int]:
    s = span(text, piece)
    return s.start, s.end


def corpus_analyses() -> list[Analysis]:
    return [kyiv_article(), aid_article(), request_article()]


def breakaway_article(ident: str = "breakaway") -> Analysis:
    """A partially recognised entity's officials (GEO with GOV and PRE) accuse Georgia and are quoted;
    bare 'Abkhazia' is GEO PRE."""
    text = "Abkhaz officials accused Georgia of a blockade. Abkhazia said trade had stopped."
    officials = replace(ref(text, "Abkhaz officials", "GEO", "GOV", "A1"), sectors=("GOV", "PRE"))
    georgia = ref(text, "Georgia", "GEO", None, "A2")
    entity = ref(text, "Abkhazia", "GEO", "PRE", "A3")
    actors = (
        Actor("A1", "Abkhaz officials", "GEO", "GOV", (span(text, "Abkhaz officials"),), "org", ("GOV", "PRE")),
        Actor("A2", "Georgia", "GEO", None, (span(text, "Georgia"),), "country"),
        Actor("A3", "Abkhazia", "GEO", "PRE", (span(text, "Abkhazia"),), "country"),
    )
    accuse = event(text, "E1", "ACCUSE", "VERBAL_CONFLICT", "accused", (officials,), (georgia,), "2023-06-01", "112")
    quote = Quote("Q1", span(text, "Abkhazia"), entity, span(text, "said"), span(text, "trade had stopped"), False)
    return Analysis(
        Article(ident, text, date(2023, 6, 2), outlet="Caucasus Wire", source="test"),
        actors,
        (accuse,),
        (quote,),
        (),
        Framing(),
    )


def domestic_article(ident: str = "domestic") -> Analysis:
    """Myanmar's president calls for reform with no one named: the request is aimed at Myanmar, a recipient
    the text implies (at the mention that names the country, with no sector or actor id)."""
    text = "Myanmar's president called for reform of the constitution."
    president = ref(text, "Myanmar's president", "MMR", "GOV", "A1")
    home = replace(president, sector=None, actor_id=None, sectors=(), implied=True)
    actors = (Actor("A1", "Myanmar's president", "MMR", "GOV", (span(text, "Myanmar's president"),), "person"),)
    request = event(text, "E1", "REQUEST", "VERBAL_CONFLICT", "called", (president,), (home,), None, "10")
    return Analysis(
        Article(ident, text, date(2021, 2, 1), outlet="Yangon Times", source="test"),
        actors,
        (request,),
        (),
        (),
        Framing(),
    )


def old_store(path: Path, version: int, analyses: Sequence[Analysis], added: Mapping[str, Sequence[str]]) -> Path:
    """A store as an earlier tacitus wrote it: schema ``version``, without the columns ``added`` since."""
    rows = analysis_rows(analyses, None)
    for table, columns in added.items():
        for row in rows[table]:
            for column in columns:
                del row[column]
    with duckdb.connect(str(path)) as con:
        assert migrate(con, str(path), MIGRATIONS[:version]) == version
        insert_rows(con, rows)
    return path


def version_of(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return store_version(con)
