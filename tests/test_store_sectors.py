"""Every sector tag of an actor in the store (schema version 2): written, queried, exported, and
added to a store written by the previous version."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow.dataset as pads
import pytest

from tacitus import Corpus
from tacitus.errors import StoreError
from tacitus.store import GDELT_COLUMNS, SCHEMA_VERSION, export
from tacitus.store import connect as store_connect
from test_store import _store
from test_store_fixtures import breakaway_article, corpus_analyses, old_store, version_of

#: Columns added after version 1 (version 2's sectors, version 3's ``event_actors.implied``).
_NEW_COLUMNS = {"actors": ("sectors",), "event_actors": ("sectors", "implied"), "quotes": ("speaker_sectors",)}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "c.duckdb", [*corpus_analyses(), breakaway_article()])


def test_store_round_trips_an_actor_with_an_extra_pre_sector(db: Path) -> None:
    back = Corpus(db).analysis("breakaway")
    assert back == breakaway_article()
    assert back.actors[0].sectors == ("GOV", "PRE") and back.events[0].actor[0].sectors == ("GOV", "PRE")


def test_store_rows_hold_every_sector(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        actors = con.execute("SELECT name, sector, sectors FROM actors WHERE article_id = 'breakaway' ORDER BY seq")
        assert actors.fetchall() == [
            ("Abkhaz officials", "GOV", ["GOV", "PRE"]),
            ("Georgia", None, []),
            ("Abkhazia", "PRE", ["PRE"]),
        ]
        refs = con.execute("SELECT role, sectors FROM event_actors WHERE article_id = 'breakaway' ORDER BY role")
        assert refs.fetchall() == [("actor", ["GOV", "PRE"]), ("recipient", [])]
        quotes = con.execute("SELECT speaker_sector, speaker_sectors FROM quotes WHERE article_id = 'breakaway'")
        assert quotes.fetchall() == [("PRE", ["PRE"])]


def test_queries_return_sectors_and_match_an_extra_sector(db: Path) -> None:
    corpus = Corpus(db)
    [event] = corpus.events(actor="GEOPRE")
    assert [(r.text, r.sector, r.sectors) for r in event.actors] == [("Abkhaz officials", "GOV", ("GOV", "PRE"))]
    assert [e.article_id for e in corpus.events(actor="GEOGOV")] == ["breakaway"]
    assert [(a.name, a.sectors) for a in corpus.actors(type="PRE")] == [
        ("Abkhaz officials", ("GOV", "PRE")),
        ("Abkhazia", ("PRE",)),
    ]
    assert [a.name for a in corpus.actors(actor="GEOPRE")] == ["Abkhaz officials", "Abkhazia"]
    # The primary sector still matches as before; an actor without sectors has none.
    assert [a.name for a in corpus.actors(type="GOV")] == ["The Kremlin", "Germany", "Abkhaz officials"]
    assert [a.sectors for a in corpus.actors(actor="UKR")] == [(), ()]
    [quote] = corpus.quotes(actor="GEOPRE")
    assert (quote.speaker_sector, quote.speaker_sectors) == ("PRE", ("PRE",))
    assert [a.id for a in corpus.articles(actor="GEOPRE")] == ["breakaway"]


def test_exports_carry_every_sector(db: Path, tmp_path: Path) -> None:
    export(db, "parquet", tmp_path / "pq")
    events = pads.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    [pre] = [e for e in events if e["article_id"] == "breakaway"]
    assert (pre["actor_sectors"], pre["recipient_sectors"]) == ([["GOV", "PRE"]], [[]])
    export(db, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        [row] = [r for r in csv.DictReader(handle) if r["article_id"] == "breakaway"]
    assert (row["actor_sector"], row["actor_sectors"], row["recipient_sectors"]) == ("GOV", "GOV+PRE", "-")
    with (tmp_path / "csv" / "actors.csv").open(encoding="utf-8") as handle:
        assert {r["name"]: r["sectors"] for r in csv.DictReader(handle) if r["article_id"] == "breakaway"} == {
            "Abkhaz officials": "GOV+PRE",
            "Georgia": "",
            "Abkhazia": "PRE",
        }
    export(db, "plover-json", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    [record] = [r for r in records if r["id"] == "breakaway:E1"]
    assert [(a["code"], a["sector"], a["sectors"]) for a in record["actor"]] == [("GEO", "GOV", ["GOV", "PRE"])]
    export(db, "gdelt", tmp_path / "g.tsv")
    with (tmp_path / "g.tsv").open(encoding="utf-8") as handle:
        rows = [dict(zip(GDELT_COLUMNS, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    [gdelt] = [r for r in rows if r["Actor1Name"] == "ABKHAZ OFFICIALS"]
    assert (gdelt["Actor1Code"], gdelt["Actor1Type1Code"], gdelt["Actor1Type2Code"]) == ("GEOGOV", "GOV", "PRE")
    assert gdelt["Actor1Type3Code"] == "" and gdelt["Actor2Type2Code"] == ""


def _version_1_store(path: Path) -> Path:
    """A store as an earlier tacitus wrote it: schema version 1, no sectors columns."""
    return old_store(path, 1, [*corpus_analyses(), breakaway_article()], _NEW_COLUMNS)


def test_a_version_1_store_is_upgraded_when_read(tmp_path: Path) -> None:
    db = _version_1_store(tmp_path / "old.duckdb")
    assert version_of(db) == 1
    corpus = Corpus(db)
    # Old rows get their one sector as their list of sectors; the extra PRE needs a new analysis.
    assert [(a.name, a.sectors) for a in corpus.actors() if a.article_id == "breakaway"] == [
        ("Abkhaz officials", ("GOV",)),
        ("Georgia", ()),
        ("Abkhazia", ("PRE",)),
    ]
    assert version_of(db) == SCHEMA_VERSION
    [event] = corpus.events(actor="GEOGOV")
    assert event.actors[0].sectors == ("GOV",)
    assert [q.speaker_sectors for q in corpus.quotes(actor="GEOPRE")] == [("PRE",)]
    # The stored analysis JSON has its own sectors: the whole analysis still reads back equal.
    assert corpus.analysis("breakaway") == breakaway_article()


def test_a_version_1_store_is_upgraded_by_a_writer(tmp_path: Path) -> None:
    db = _version_1_store(tmp_path / "old.duckdb")
    with store_connect.writer_connection(db) as con:
        assert con.execute("SELECT count(*) FROM actors WHERE sectors IS NULL").fetchall() == [(0,)]
    assert version_of(db) == SCHEMA_VERSION


def test_a_version_1_store_that_cannot_be_upgraded_says_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _version_1_store(tmp_path / "old.duckdb")

    @contextmanager
    def read_only_file(path: Path, timeout: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
        raise OSError(f"{path}: Read-only file system")
        yield  # pragma: no cover

    monkeypatch.setattr(store_connect, "writer_connection", read_only_file)
    older = rf"schema version 1, older than this tacitus \({SCHEMA_VERSION}\).*make the file writable"
    with pytest.raises(StoreError, match=older):
        Corpus(db).actors()
    assert version_of(db) == 1
