"""An event recipient whose country the text does not name (``ActorRef.implied``, schema version 3):
written, read back, exported, and added to a store written by the previous version."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow.dataset as pads
import pytest

from tacitus import Analysis, Corpus
from tacitus.store import SCHEMA_VERSION, export, write_batch
from tacitus.store.connect import writer_connection
from tacitus.store.rows import row_to_dict, row_to_flat
from test_store import _store
from test_store_fixtures import corpus_analyses, domestic_article, old_store, version_of

MYANMAR = "Myanmar's president called for reform of the constitution."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "c.duckdb", [*corpus_analyses(), domestic_article()])


def test_store_round_trips_an_implied_recipient(db: Path) -> None:
    corpus = Corpus(db)
    assert corpus.analysis("domestic") == domestic_article()
    [row] = corpus.events(type="REQUEST", country="MMR")
    assert row.recipients == domestic_article().events[0].recipient
    assert [(r.country, r.sector, r.actor_id, r.implied) for r in row.recipients] == [("MMR", None, None, True)]
    assert [r.implied for r in row.actors] == [False]


def test_store_round_trips_the_implied_recipient_the_analyzer_reads(
    analyze: Callable[..., Analysis], tmp_path: Path
) -> None:
    analysis = analyze(MYANMAR)
    [request] = [e for e in analysis.events if e.event == "REQUEST"]
    assert [(r.country, r.implied) for r in request.recipient] == [("MMR", True)]
    db = _store(tmp_path / "a.duckdb", [analysis])
    corpus = Corpus(db)
    assert corpus.analysis(analysis.article.id) == analysis
    [row] = [r for r in corpus.events() if r.event_id == request.id]
    assert row.recipients == request.recipient and row.actors == request.actor


def test_store_rows_mark_only_the_implied_recipient(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        refs = con.execute(
            "SELECT article_id, role, country, implied FROM event_actors ORDER BY article_id, role, position"
        ).fetchall()
    assert [r for r in refs if r[3]] == [("domestic", "recipient", "MMR", True)]
    assert len(refs) == 8 and all(r[3] is False for r in refs if r[0] != "domestic" or r[1] != "recipient")


def test_query_rows_carry_implied_in_json_and_flat_form(db: Path) -> None:
    [row] = Corpus(db).events(type="REQUEST", country="MMR")
    assert row_to_dict(row)["recipients"][0]["implied"] is True
    assert row_to_dict(row)["actors"][0]["implied"] is False
    flat = row_to_flat(row)
    assert (flat["actors_implied"], flat["recipients_implied"]) == ("false", "true")
    # A single reference (claimed_by) flattens to one column per ActorRef field, implied too.
    assert "claimed_by_implied" in flat and flat["claimed_by_implied"] is None


def test_exports_carry_implied(db: Path, tmp_path: Path) -> None:
    export(db, "parquet", tmp_path / "pq")
    events = pads.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    by_article = {e["article_id"]: e for e in events}
    assert (by_article["domestic"]["actor_implied"], by_article["domestic"]["recipient_implied"]) == ([False], [True])
    assert (by_article["kyiv"]["actor_implied"], by_article["kyiv"]["recipient_implied"]) == ([False], [False])
    export(db, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert (rows["domestic"]["recipient_country"], rows["domestic"]["recipient_implied"]) == ("MMR", "true")
    assert (rows["domestic"]["actor_implied"], rows["aid"]["recipient_implied"]) == ("false", "false")
    with (tmp_path / "csv" / "event_actors.csv").open(encoding="utf-8") as handle:
        refs = [(r["article_id"], r["role"], r["implied"]) for r in csv.DictReader(handle)]
    assert [r for r in refs if r[2] == "true"] == [("domestic", "recipient", "true")]
    export(db, "plover-json", tmp_path / "p.jsonl")
    records = {r["id"]: r for r in map(json.loads, (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines())}
    [recipient] = records["domestic:E1"]["recipient"]
    assert (recipient["code"], recipient["sector"], recipient["actor_id"], recipient["implied"]) == (
        "MMR",
        None,
        None,
        True,
    )
    assert recipient["entity_text"] == "Myanmar's president"
    assert records["domestic:E1"]["actor"][0]["implied"] is False
    assert records["kyiv:E1"]["recipient"][0]["implied"] is False


def _version_2_store(path: Path) -> Path:
    return old_store(path, 2, corpus_analyses(), {"event_actors": ("implied",)})


def test_a_version_2_store_is_upgraded_with_implied_false(tmp_path: Path) -> None:
    db = _version_2_store(tmp_path / "old.duckdb")
    assert SCHEMA_VERSION == 3 and version_of(db) == 2
    corpus = Corpus(db)
    assert [r.implied for e in corpus.events() for r in (*e.actors, *e.recipients)] == [False] * 6
    assert version_of(db) == 3
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT implied, count(*) FROM event_actors GROUP BY implied").fetchall() == [(False, 6)]
    for analysis in corpus_analyses():
        assert corpus.analysis(analysis.article.id) == analysis


def test_a_version_2_store_upgraded_by_a_writer_stores_implied_recipients(tmp_path: Path) -> None:
    db = _version_2_store(tmp_path / "old.duckdb")
    with writer_connection(db) as con:
        assert write_batch(con, [domestic_article()]) == 1
    assert version_of(db) == 3
    [row] = Corpus(db).events(country="MMR")
    assert [r.implied for r in row.recipients] == [True]
    assert Corpus(db).analysis("domestic") == domestic_article()
