"""Cities and capitals as places or as actors (tacitus.actors.placing), and the places.tsv dictionary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tacitus import Analyzer, Article
from tacitus.actors import DATA, SHIPPED, ActorIndex, find_actors
from tacitus.actors.lexicon import build_lexicon, read_actor_file
from tacitus.where.gazetteer import default_path, name_key, read_gazetteer

Index = Callable[[str], ActorIndex]


@pytest.fixture(scope="module")
def index(analyzer: Analyzer) -> Index:
    def run(text: str) -> ActorIndex:
        doc = analyzer.resources.nlp(text)
        return find_actors(doc, Article(id="t", text=text, published=date(2024, 5, 2)), analyzer.resources.actors)

    return run


def _mentions(idx: ActorIndex) -> list[tuple[str, int, int, str | None, str | None]]:
    return [(m.ref.text, m.ref.start, m.ref.end, m.ref.country, m.ref.sector) for m in idx.mentions]


def test_city_after_in_is_a_place_not_an_actor(index: Index) -> None:
    idx = index("A suicide bombing in Peshawar killed nine police officers.")
    assert _mentions(idx) == [("police officers", 42, 57, "PAK", "COP")]


def test_city_of_talks_is_a_place_and_gives_no_one_its_country(index: Index) -> None:
    idx = index("Negotiators from Armenia and Azerbaijan resumed talks in Geneva on Monday.")
    texts = [m[0] for m in _mentions(idx)]
    assert "Geneva" not in texts
    assert ("Armenia", 17, 24, "ARM", None) in _mentions(idx)


def test_city_naming_an_attack_is_where_it_happened(index: Index) -> None:
    idx = index("The Ghazni attack killed twelve soldiers.")
    assert _mentions(idx) == [("soldiers", 32, 40, "AFG", "MIL")]


def test_city_that_acts_or_owns_a_role_stays_an_actor(index: Index) -> None:
    idx = index("The Peshawar police arrested six men. Gaza fired rockets at Sderot.")
    found = _mentions(idx)
    assert ("Peshawar police", 4, 19, "PAK", "COP") in found
    assert ("Gaza", 38, 42, "PSE", None) in found


def test_city_locating_an_uncoded_object_stands_for_its_side(index: Index) -> None:
    idx = index("Syrian jets shelled a base near Kandahar.")
    assert ("Kandahar", 32, 40, "AFG", None) in _mentions(idx)


def test_city_withdrawn_from_names_a_party_like_a_country(index: Index) -> None:
    idx = index("Egypt asked the UN to withdraw its monitors from Sinai.")
    assert ("Sinai", 49, 54, "EGY", None) in _mentions(idx)


def test_capital_reached_for_talks_hosts_the_visit(index: Index) -> None:
    idx = index("The Kenyan president arrived in Addis Ababa for talks with Ethiopian leaders.")
    assert ("Addis Ababa", 32, 43, "ETH", "GOV") in _mentions(idx)


def test_capital_reached_by_an_official_hosts_the_visit(index: Index) -> None:
    idx = index("The Kenyan president arrived in Addis Ababa on Sunday.")
    assert ("Addis Ababa", 32, 43, "ETH", "GOV") in _mentions(idx)


def test_capital_reached_by_others_or_on_the_way_home_stays_a_place(index: Index) -> None:
    idx = index("Kenyan athletes arrived in Addis Ababa on Sunday.")
    assert [m[0] for m in _mentions(idx)] == ["Kenyan athletes"]
    idx = index("The Kenyan president returned to Nairobi on Sunday.")
    assert [m[0] for m in _mentions(idx)] == ["Kenyan president"]


def test_capital_inside_an_organisation_name_is_part_of_the_name(index: Index) -> None:
    idx = index("The Tokyo Stock Exchange and the New York Stock Exchange agreed to share data.")
    found = _mentions(idx)
    assert ("Tokyo Stock Exchange", 4, 24, None, None) in found
    assert not [m for m in found if m[0] == "Tokyo"]


def test_capital_naming_an_attack_is_no_government(index: Index) -> None:
    idx = index("Hungary sent condolences to the families of those killed in the Ankara bomb attack.")
    assert not [m for m in _mentions(idx) if m[0] == "Ankara"]


def test_capital_after_a_preposition_is_no_modifier_even_if_parsed_as_one(index: Index) -> None:
    idx = index("Erdogan issued an ultimatum to Damascus warning of military action.")
    assert ("Damascus", 31, 39, "SYR", "GOV") in _mentions(idx)


def expected_places() -> list[tuple[str, str]]:
    """(phrase, codes) for every Phoenix country alias the gazetteer lists (by name or GeoNames alternate name) as
    a city, capital or region of that country and never as a country: what places.tsv must hold (its header says so)."""
    gazetteer = read_gazetteer(
        default_path("gazetteer.tsv.gz"), default_path("names.tsv.gz"), default_path("stoplist.txt")
    )
    without = build_lexicon([DATA / name for name in SHIPPED if name != "places.tsv"], [])
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, ...]] = set()
    for rec in read_actor_file(DATA / "phoenix_countries.tsv"):
        entry = rec.entry
        if entry.kind != "country":
            continue
        country = entry.codings[0].country
        for phrase in rec.phrases:
            if without.phrases.get(phrase) is not entry or phrase in seen:
                continue
            # GeoNames alternate names count too ("Falluja"), but a name that is a country anywhere is no place.
            places = [gazetteer.entry(h.entry) for h in gazetteer.lookup(name_key(" ".join(phrase)))]
            if not places or {p.feature for p in places} & {"country", "continent"}:
                continue
            if any(p.country == country and p.feature in ("city", "region", "capital") for p in places):
                seen.add(phrase)
                out.append((" ".join(phrase), entry.codes_spec()))
    return out


def test_places_file_lists_exactly_the_phoenix_aliases_the_gazetteer_places_inside_their_country() -> None:
    shipped = [(" ".join(rec.phrases[0]), rec.entry.codes_spec()) for rec in read_actor_file(DATA / "places.tsv")]
    assert all(rec.entry.kind == "place" for rec in read_actor_file(DATA / "places.tsv"))
    expected = expected_places()
    assert ("peshawar", "PAK/-") in expected and ("geneva", "CHE/-") in expected
    assert ("pakistani", "PAK/-") not in expected
    assert shipped == expected


def test_city_a_march_starts_from_is_a_place(index: Index) -> None:
    idx = index("Protesters marched from Peshawar to Islamabad.")
    assert [m[0] for m in _mentions(idx)] == ["Protesters"]


def test_city_where_parties_meet_gives_no_one_its_country(index: Index) -> None:
    idx = index("Diplomats held talks in Doha on Monday. Officials in Peshawar said the road was closed.")
    assert _mentions(idx) == [("Diplomats", 0, 9, None, "GOV"), ("Officials", 40, 49, "PAK", "GOV")]
