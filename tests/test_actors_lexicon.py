"""The actor dictionary: TSV round trip, Phoenix import, user files, bad input, shipped data."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from tacitus import DictionaryError, Settings
from tacitus.actors import load_actor_lexicon, read_actor_file
from tacitus.actors.lexicon import ActorEntry, ActorRecord, Coding, build_lexicon, phrase_tokens, write_actor_tsv
from tacitus.actors.phoenix import cameo_to_plover

DATA = Path(__file__).parent / "data" / "actors"


def test_tsv_round_trip_keeps_entries_codes_and_aliases(tmp_path: Path) -> None:
    records = [
        ActorRecord(
            ActorEntry(
                "Barack_Obama",
                "person",
                (Coding("USA", "GOV", date(2009, 1, 20), date(2017, 1, 20)), Coding("USA", "ELI")),
            ),
            (phrase_tokens("Barack Obama"), phrase_tokens("President-elect Obama"), phrase_tokens("Obama")),
            0,
        ),
        ActorRecord(
            ActorEntry("People's_Front", "group", (Coding(None, "REB"),)), (phrase_tokens("People's Front"),), 0
        ),
    ]
    path = tmp_path / "round.tsv"
    write_actor_tsv(path, records, ["source: test"])
    back = read_actor_file(path)
    assert [(r.entry.name, r.entry.kind, r.entry.codings) for r in back] == [
        (r.entry.name, r.entry.kind, r.entry.codings) for r in records
    ]
    assert [r.phrases for r in back] == [r.phrases for r in records]
    assert back[0].phrases[1] == ("president", "-", "elect", "obama")
    assert back[1].phrases[0] == ("people", "'s", "front")


def test_phoenix_file_imports_with_dates_synonyms_and_codes() -> None:
    records = {r.entry.name: r for r in read_actor_file(DATA / "sample.actors")}
    assert set(records) == {"RURITANIA", "RUDOLF_RASSENDYLL", "BLACK_MICHAEL"}
    ruritania = records["RURITANIA"]
    assert ruritania.entry.kind == "country"
    assert ("strelsau",) in ruritania.phrases and ("ruritanian",) in ruritania.phrases
    rudolf = records["RUDOLF_RASSENDYLL"].entry
    assert ("king", "rudolf") in records["RUDOLF_RASSENDYLL"].phrases
    assert rudolf.code_on(date(1996, 5, 1)) == ("RUT", "GOV")
    assert rudolf.code_on(date(2005, 5, 1)) == ("RUT", "ELI")
    assert records["BLACK_MICHAEL"].entry.code_on(None) == ("RUT", "REB")


def test_cameo_codes_read_as_plover_country_and_sector() -> None:
    assert cameo_to_plover("USAGOVFRM") == ("USA", "GOV")
    assert cameo_to_plover("~MIL") == (None, "MIL")
    assert cameo_to_plover("RUSMED") == ("RUS", "JRN")  # CAMEO MED is media
    assert cameo_to_plover("KSVGOV") == ("KOS", "GOV")  # PLOVER codes Kosovo KOS
    assert cameo_to_plover("IGOUNO") == ("IGO", None)


def test_bare_codes_that_are_countries_are_not_read_as_religions() -> None:
    assert cameo_to_plover("MUS") == ("MUS", None)  # Mauritius
    assert cameo_to_plover("SUN") == ("USR", None)  # the Soviet Union, as Phoenix codes its republics
    assert cameo_to_plover("~MUS") == (None, "REL")
    assert cameo_to_plover("ELI") == (None, "ELI")


def test_a_religion_code_yields_to_the_role_it_qualifies() -> None:
    assert cameo_to_plover("~MUSUAF") == (None, "UAF")  # Islamic militants are armed
    assert cameo_to_plover("~MUSHLH") == (None, "MED")  # Muslim doctors
    assert cameo_to_plover("IMGMUS") == ("IMG", "REL")  # a religion alone stays


def test_region_codes_of_armed_groups_become_transnational_and_old_codes_iso() -> None:
    assert cameo_to_plover("SASREB") == ("IMG", "REB")  # PLOVER has no country for a region
    assert cameo_to_plover("TMPGOV") == ("TLS", "GOV")  # Timor-Leste's ISO code


def test_user_files_take_precedence_and_the_override_is_noted() -> None:
    shipped = Path(__file__).parent.parent / "src" / "tacitus" / "data" / "actors" / "capitals.tsv"
    lexicon = build_lexicon([shipped], [DATA / "user.tsv", DATA / "sample.actors"])
    kyiv = lexicon.get("Kyiv")
    assert kyiv is not None and kyiv.code_on(None) == ("UKR", "PRE")
    assert any("kyiv" in note and "capitals.tsv" in note for note in lexicon.notes)
    front = lexicon.get("the Zorblats")
    assert front is not None and front.code_on(None) == ("KEN", "REB")
    assert lexicon.get("Strelsau") is not None


def test_malformed_user_file_names_file_and_line() -> None:
    with pytest.raises(DictionaryError) as err:
        build_lexicon([], [DATA / "bad_columns.tsv"])
    assert err.value.line == 2 and "bad_columns.tsv" in str(err.value) and "4 tab-separated columns" in str(err.value)
    with pytest.raises(DictionaryError) as err:
        build_lexicon([], [DATA / "bad_sector.tsv"])
    assert err.value.line == 3 and "'XYZ'" in str(err.value) and "PLOVER sector" in str(err.value)
    with pytest.raises(DictionaryError) as err:
        build_lexicon([], [DATA / "bad_date.actors"])
    assert err.value.line == 3 and "1994013" in str(err.value)


def test_missing_user_file_says_how_to_fix() -> None:
    with pytest.raises(DictionaryError, match="actor_files"):
        build_lexicon([], [DATA / "no_such_file.tsv"])


def test_duplicate_and_conflicting_user_entries_are_reported() -> None:
    with pytest.raises(DictionaryError) as err:
        build_lexicon([], [DATA / "user.tsv", DATA / "user.tsv"])
    assert "duplicate entry for 'zorblat front'" in str(err.value)
    with pytest.raises(DictionaryError) as err:
        build_lexicon([], [DATA / "user.tsv", DATA / "conflict.tsv"])
    message = str(err.value)
    assert err.value.line == 2 and "conflict.tsv" in message
    assert "conflicting entry for 'zorblat front'" in message and "user.tsv line 3" in message
    assert "KEN/REB" in message


def test_shipped_lexicon_codes_countries_capitals_roles_and_igos() -> None:
    started = time.process_time()
    lexicon = load_actor_lexicon(Settings())
    cpu = time.process_time() - started
    expect = {
        "Kenyan": ("KEN", None),
        "Somali": ("SOM", None),
        "Norwegian": ("NOR", None),
        "Pretoria": ("ZAF", "GOV"),
        "Canberra": ("AUS", "GOV"),
        "the Kremlin": ("RUS", "GOV"),
        "Downing Street": ("GBR", "GOV"),
        "Elysee": ("FRA", "GOV"),
        "lawmakers": (None, "LEG"),
        "Security Council": ("IGO", None),
        "Minsk Group": ("IGO", None),
        "Transnistria": ("MDA", "PRE"),
        "NATO": ("IGO", "MIL"),
    }
    got = {}
    for phrase in expect:
        entry = lexicon.get(phrase)
        got[phrase] = entry.code_on(date(2015, 1, 1)) if entry else None
    assert got == expect
    assert len(lexicon.phrases) > 30_000
    assert cpu < 3.0, f"loading the shipped dictionaries took {cpu:.2f} s of CPU"


def test_user_override_of_a_shipped_entry_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(actor_files=(str(DATA / "user.tsv"),))
    with caplog.at_level("WARNING", logger="tacitus.actors"):
        lexicon = load_actor_lexicon(settings)
    kyiv = lexicon.get("Kyiv")
    assert kyiv is not None and kyiv.code_on(None) == ("UKR", "PRE")
    assert any("kyiv" in r.getMessage() and "capitals.tsv" in r.getMessage() for r in caplog.records)


def test_country_on_follows_the_capital_s_succession() -> None:
    lexicon = load_actor_lexicon(Settings())
    assert lexicon.country_on("SRB", date(1999, 4, 1)) == "SCG"
    assert lexicon.country_on("SRB", date(1990, 4, 1)) == "YUG"
    assert lexicon.country_on("SRB", date(2010, 4, 1)) == "SRB"
    assert lexicon.country_on("UKR", date(1989, 1, 1)) == "USR"
    assert lexicon.country_on("UKR", date(2022, 1, 1)) == "UKR"
    assert lexicon.country_on("FRA", date(1999, 4, 1)) == "FRA"  # no succession
    assert lexicon.country_on("SRB", None) == "SRB"  # no date, today's code
    assert lexicon.country_on(None, date(1999, 4, 1)) is None
