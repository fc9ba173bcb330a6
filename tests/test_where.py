"""Places: recognition and offline resolution of toponyms, one test per rule."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from tacitus import Analysis, Settings
from tacitus.model import Place
from tacitus.where import load_gazetteer
from tacitus.where.gazetteer import name_key

Analyze = Callable[..., Analysis]


def _places(analysis: Analysis) -> dict[str, Place]:
    for p in analysis.places:
        assert analysis.article.text[p.start : p.end] == p.text
    return {p.text: p for p in analysis.places}


def test_where_gazetteer_loads_in_under_a_second() -> None:
    from tacitus.where.gazetteer import default_path, read_gazetteer

    read_gazetteer.cache_clear()
    # CPU time, not wall time: other processes share the cores during a test run.
    started = time.process_time()
    gazetteer = load_gazetteer(Settings())
    assert time.process_time() - started < 1.0  # about 0.35 s
    assert len(gazetteer.rows) > 150_000
    assert (
        read_gazetteer(default_path("gazetteer.tsv.gz"), default_path("names.tsv.gz"), default_path("stoplist.txt"))
        is gazetteer
    )


def test_where_name_key_folds_case_accents_and_quotes() -> None:
    assert name_key("The  Hague") == "the hague"
    assert name_key("Québec") == "quebec"
    assert name_key("Côte d’Ivoire") == "cote d'ivoire"


def test_where_paris_defaults_to_france(analyze: Analyze) -> None:
    paris = _places(analyze("The ministers met in Paris on Tuesday."))["Paris"]
    assert (paris.country, paris.geonameid, paris.feature) == ("FRA", 2988507, "city")


def test_where_paris_resolves_to_texas_in_a_texan_article(analyze: Analyze) -> None:
    text = "A tornado hit Paris on Tuesday. Officials in Texas said Dallas sent crews to Paris."
    places = _places(analyze(text))
    paris = [p for p in analyze(text).places if p.text == "Paris"]
    assert {p.geonameid for p in paris} == {4717560}
    assert places["Texas"].feature == "region" and places["Texas"].country == "USA"


def test_where_paris_comma_texas_is_paris_texas(analyze: Analyze) -> None:
    paris = _places(analyze("The mayor of Paris, Texas, declared an emergency."))["Paris"]
    assert paris.geonameid == 4717560
    assert paris.lat == pytest.approx(33.66094)


def test_where_capital_used_for_its_government_is_still_a_place(analyze: Analyze) -> None:
    pretoria = _places(analyze("Pretoria said on Monday that it would send envoys to Harare."))["Pretoria"]
    assert (pretoria.name, pretoria.country, pretoria.geonameid) == ("Pretoria", "ZAF", 964137)


def test_where_contested_regions_follow_plover_country_conventions(analyze: Analyze) -> None:
    text = "Fighting resumed in Nagorno-Karabakh. Russia annexed Crimea. Kosovo declared independence."
    places = _places(analyze(text))
    karabakh = places["Nagorno-Karabakh"]
    assert (karabakh.geonameid, karabakh.country, karabakh.feature) == (409432, "AZE", "region")
    assert (karabakh.lat, karabakh.lon) == (40.0, 46.58333)
    assert places["Crimea"].country == "UKR"
    assert places["Kosovo"].country == "KOS"


def test_where_demonym_is_not_a_place(analyze: Analyze) -> None:
    places = _places(analyze("Kenyan police arrested two French nationals near Mombasa."))
    assert "Kenyan" not in places and "French" not in places
    assert places["Mombasa"].country == "KEN"


def test_where_city_inside_an_organisation_name_is_not_a_place(analyze: Analyze) -> None:
    places = _places(analyze("The OSCE Minsk Group co-chairs met the foreign ministers in Vienna."))
    assert "Minsk" not in places
    assert places["Vienna"].country == "AUT"


def test_where_city_named_after_talks_is_not_a_place_but_the_city_is(analyze: Analyze) -> None:
    places = [p.text for p in analyze("The Astana talks resumed on Monday. Delegates flew to Astana.").places]
    assert places == ["Astana"]
    assert analyze("The Astana talks resumed on Monday. Delegates flew to Astana.").places[0].start > 30


def test_where_runs_with_no_network(analyze: Analyze, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> socket.socket:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    places = _places(analyze("Troops were deployed near Kharkiv, in eastern Ukraine."))
    assert places["Kharkiv"].country == "UKR"
    assert places["Ukraine"].feature == "country"


def test_where_washington_is_the_us_capital(analyze: Analyze) -> None:
    washington = _places(analyze("Officials in Washington rejected the offer."))["Washington"]
    assert (washington.geonameid, washington.country) == (4140963, "USA")


def test_where_georgia_is_the_state_in_an_american_article(analyze: Analyze) -> None:
    text = "Voters in Georgia and Florida went to the polls. Atlanta and Miami reported long queues."
    georgia = _places(analyze(text))["Georgia"]
    assert (georgia.country, georgia.feature) == ("USA", "region")
    country = _places(analyze("Georgia and Armenia signed a border deal in Tbilisi."))["Georgia"]
    assert (country.country, country.feature, country.geonameid) == ("GEO", "country", 614540)


def test_where_kashmir_has_no_single_country(analyze: Analyze) -> None:
    kashmir = _places(analyze("Clashes broke out in Kashmir on Sunday."))["Kashmir"]
    assert (kashmir.country, kashmir.feature) == (None, "region")


def test_where_name_with_article_resolves(analyze: Analyze) -> None:
    hague = _places(analyze("The court sits in The Hague."))["The Hague"]
    assert hague.country == "NLD"


def test_where_toponym_modifying_a_noun_is_not_a_place(analyze: Analyze) -> None:
    places = _places(analyze("UK officials said the Kentucky State Police would investigate."))
    assert places == {}


def test_where_admin2_name_is_not_the_town(analyze: Analyze) -> None:
    places = _places(analyze("A man was arrested in Metcalfe County on Friday."))
    assert "Metcalfe" not in places
