"""The store: writes, idempotence, every query filter, stats, errors and the one-writer rule."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from tacitus import Analysis, Analyzer, Corpus
from tacitus.errors import InputError, StoreError
from tacitus.store import SCHEMA_VERSION, StoreWriter, ingest, write_batch
from tacitus.store.connect import writer_connection
from tacitus.store.ingest import IngestProgress
from test_codec import analyses
from test_store_fixtures import aid_article, corpus_analyses, kyiv_article, request_article

ROOT = Path(__file__).resolve().parent.parent


def _store(path: Path, items: list[Analysis]) -> Path:
    with writer_connection(path) as con:
        write_batch(con, items)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "c.duckdb", corpus_analyses())


# ---- writing and reading back --------------------------------------------------------------


def test_store_reads_back_each_analysis_equal_to_the_one_written(db: Path) -> None:
    corpus = Corpus(db)
    for analysis in corpus_analyses():
        assert corpus.analysis(analysis.article.id) == analysis


def test_store_normalized_tables_hold_one_row_per_record(db: Path) -> None:
    assert Corpus(db).counts() == {
        "articles": 3,
        "actors": 7,
        "events": 3,
        "event_actors": 6,
        "quotes": 2,
        "places": 1,
        "loaded_terms": 1,
    }


def test_store_records_its_schema_version(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]


def test_store_newer_than_this_tacitus_is_refused_with_advice(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="upgrade tacitus"):
        Corpus(db).counts()


def test_store_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="tacitus ingest"):
        Corpus(tmp_path / "none.duckdb").events()


def test_store_writing_the_same_batch_twice_stores_it_once(db: Path) -> None:
    with writer_connection(db) as con:
        assert write_batch(con, [*corpus_analyses(), kyiv_article("new")]) == 1
    assert Corpus(db).counts()["articles"] == 4
    assert Corpus(db).counts()["events"] == 4


_ROUND_TRIP_DB: dict[str, Path] = {}


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(analyses())
def test_store_round_trips_generated_analyses(tmp_path: Path, analysis: Analysis) -> None:
    path = _ROUND_TRIP_DB.setdefault(str(tmp_path), tmp_path / "prop.duckdb")
    # A fresh id per example: the store keeps the first analysis of an id and skips later ones.
    analysis = replace(analysis, article=replace(analysis.article, id=uuid.uuid4().hex))
    _store(path, [analysis])
    assert Corpus(path).analysis(analysis.article.id) == analysis


# ---- queries: every filter -----------------------------------------------------------------


def _events(db: Path, **kw: object) -> list[str]:
    return [r.article_id for r in Corpus(db).events(**kw)]


def test_events_come_oldest_first_with_undated_last(db: Path) -> None:
    assert _events(db) == ["kyiv", "aid", "request"]


def test_events_country_matches_either_side_or_location(db: Path) -> None:
    assert _events(db, country="ukr") == ["kyiv", "aid"]
    assert _events(db, country="FRA") == ["request"]


def test_events_actor_matches_code_code_with_sector_or_text(db: Path) -> None:
    assert _events(db, actor="RUS") == ["kyiv"]
    assert _events(db, actor="DEUGOV") == ["aid"]
    assert _events(db, actor="germ") == ["aid"]
    assert _events(db, actor="UKR") == []


def test_events_recipient_filter(db: Path) -> None:
    assert _events(db, recipient="UKR") == ["kyiv", "aid"]
    assert _events(db, recipient="russia") == ["request"]


def test_events_type_since_until_outlet_and_limit(db: Path) -> None:
    assert _events(db, type="request") == ["request"]
    assert _events(db, since=date(2022, 4, 1)) == ["aid"]
    assert _events(db, until=date(2022, 3, 31)) == ["kyiv"]
    assert _events(db, outlet="kyiv post") == ["kyiv", "request"]
    assert _events(db, limit=1) == ["kyiv"]


def test_events_rows_carry_actors_location_and_evidence(db: Path) -> None:
    [row] = Corpus(db).events(type="ACCUSE")
    assert (row.event, row.quad, row.cameo, row.event_date) == ("ACCUSE", "VERBAL_CONFLICT", "112", date(2022, 3, 2))
    assert [(a.text, a.country) for a in row.actors] == [("Russia", "RUS")]
    assert [(a.text, a.country) for a in row.recipients] == [("Ukraine", "UKR")]
    assert row.location is not None and (row.location.name, row.location.geonameid) == ("Kyiv", 703448)
    text = kyiv_article().article.text
    assert text[row.trigger.start : row.trigger.end] == "accused"


def test_quotes_filters(db: Path) -> None:
    corpus = Corpus(db)
    assert [q.article_id for q in corpus.quotes()] == ["kyiv", "aid"]
    assert [q.article_id for q in corpus.quotes(country="DEU")] == ["aid"]
    assert [q.article_id for q in corpus.quotes(actor="kremlin")] == ["kyiv"]
    assert [q.direct for q in corpus.quotes(type="direct")] == [True]
    assert [q.article_id for q in corpus.quotes(type="indirect")] == ["kyiv"]
    assert [q.article_id for q in corpus.quotes(since=date(2022, 4, 1))] == ["aid"]
    assert [q.article_id for q in corpus.quotes(until=date(2022, 4, 1))] == ["kyiv"]
    assert [q.article_id for q in corpus.quotes(outlet="Berlin Daily")] == ["aid"]
    assert len(corpus.quotes(limit=1)) == 1
    [kyiv] = corpus.quotes(actor="RUSGOV")
    assert kyiv.content.text == "talks would resume" and kyiv.speaker is not None


def test_quotes_refuse_a_filter_that_does_not_apply(db: Path) -> None:
    with pytest.raises(StoreError, match="--recipient does not apply to quotes"):
        Corpus(db).quotes(recipient="UKR")
    with pytest.raises(StoreError, match="direct"):
        Corpus(db).quotes(type="ACCUSE")


def test_actors_filters(db: Path) -> None:
    corpus = Corpus(db)
    assert len(corpus.actors()) == 7
    assert [(a.article_id, a.name) for a in corpus.actors(country="RUS")] == [
        ("kyiv", "Russia"),
        ("kyiv", "The Kremlin"),
        ("request", "Russia"),
    ]
    assert [a.name for a in corpus.actors(actor="kreml")] == ["The Kremlin"]
    assert [a.name for a in corpus.actors(type="GOV")] == ["The Kremlin", "Germany"]
    assert [a.name for a in corpus.actors(type="org")] == ["The Kremlin"]
    assert {a.article_id for a in corpus.actors(since=date(2022, 4, 1), until=date(2022, 4, 30))} == {"aid"}
    assert {a.article_id for a in corpus.actors(outlet="Berlin Daily")} == {"aid"}
    [berlin] = corpus.actors(actor="DEU")
    assert berlin.mentions == 2
    assert len(corpus.actors(limit=2)) == 2


def test_articles_filters(db: Path) -> None:
    corpus = Corpus(db)

    def ids(**kw: object) -> list[str]:
        return [a.id for a in corpus.articles(**kw)]

    assert ids() == ["kyiv", "aid", "request"]
    assert ids(country="FRA") == ["request"]
    assert ids(actor="germany") == ["aid"]
    assert ids(recipient="UKR") == ["kyiv", "aid"]
    assert ids(type="AID") == ["aid"]
    assert ids(since=date(2022, 4, 1)) == ["aid", "request"]
    assert ids(until=date(2022, 4, 1)) == ["kyiv"]
    assert ids(outlet="Kyiv Post") == ["kyiv", "request"]
    assert ids(limit=2) == ["kyiv", "aid"]
    [kyiv] = corpus.articles(type="ACCUSE")
    assert (kyiv.n_events, kyiv.n_quotes, kyiv.n_places, kyiv.url) == (1, 1, 1, "https://example.org/kyiv")


def test_query_values_are_bound_not_spliced(db: Path) -> None:
    assert _events(db, actor="x') OR 1=1 --") == []
    assert Corpus(db).counts()["articles"] == 3


def test_negative_limit_is_refused(db: Path) -> None:
    with pytest.raises(StoreError, match="--limit"):
        Corpus(db).events(limit=-1)


# ---- stats ---------------------------------------------------------------------------------


def test_dyads_count_events_per_country_pair_by_quad(db: Path) -> None:
    rows = {(r.actor_country, r.recipient_country): r for r in Corpus(db).dyads()}
    assert set(rows) == {("RUS", "UKR"), ("DEU", "UKR"), ("FRA", "RUS")}
    assert (rows["RUS", "UKR"].events, rows["RUS", "UKR"].verbal_conflict) == (1, 1)
    assert rows["DEU", "UKR"].material_cooperation == 1
    assert [(r.actor_country, r.events) for r in Corpus(db).dyads(recipient="UKR", since=date(2022, 4, 1))] == [
        ("DEU", 1)
    ]


def test_timeline_counts_dated_events_per_period(db: Path) -> None:
    rows = [(r.period, r.event, r.events) for r in Corpus(db).timeline("month")]
    assert rows == [(date(2022, 3, 1), "ACCUSE", 1), (date(2022, 4, 1), "AID", 1)]
    assert [(r.period, r.events) for r in Corpus(db).timeline("year")] == [
        (date(2022, 1, 1), 1),
        (date(2022, 1, 1), 1),
    ]
    with pytest.raises(StoreError, match="month"):
        Corpus(db).timeline("fortnight")  # type: ignore[arg-type]


# ---- ingest --------------------------------------------------------------------------------


def _jsonl(path: Path, records: list[dict[str, str]], bad_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
        for line in bad_lines:
            handle.write(line + "\n")
    return path


SHORT_ARTICLES = [
    {"id": "a1", "text": "Kenya criticised Somalia on Monday.", "published": "2021-02-03", "outlet": "Wire"},
    {"id": "a2", "text": "France urged Russia to withdraw its troops.", "published": "2022-05-01"},
    {"text": "Germany sent aid to Ukraine."},
]


def test_ingest_twice_stores_each_article_once(tmp_path: Path, analyzer: Analyzer) -> None:
    source = _jsonl(tmp_path / "in.jsonl", SHORT_ARTICLES, bad_lines=("{not json", '{"id": "x", "text": ""}'))
    db = tmp_path / "c.duckdb"
    first = ingest([source], db, analyzer=analyzer)
    counts = Corpus(db).counts()
    second = ingest([source], db, analyzer=analyzer)
    assert (first.seen, first.stored, first.already_stored, len(first.errors)) == (5, 3, 0, 2)
    assert (second.seen, second.stored, second.already_stored, len(second.errors)) == (5, 0, 3, 2)
    assert Corpus(db).counts() == counts
    ids = [a.id for a in Corpus(db).articles()]
    assert sorted(ids) == sorted(
        ["a1", "a2", "sha1:" + __import__("hashlib").sha1(b"Germany sent aid to Ukraine.").hexdigest()[:16]]
    )
    runs = Corpus(db).runs()
    assert [(r["status"], r["stored"], r["already_stored"], r["errors"]) for r in runs] == [
        ("done", 3, 0, 2),
        ("done", 0, 3, 2),
    ]


def test_ingest_lists_bad_inputs_in_ingest_errors(tmp_path: Path, analyzer: Analyzer) -> None:
    source = _jsonl(tmp_path / "in.jsonl", SHORT_ARTICLES[:1], bad_lines=("[1, 2]",))
    db = tmp_path / "c.duckdb"
    result = ingest([source, tmp_path / "missing.txt"], db, analyzer=analyzer)
    assert all(isinstance(e, InputError) for e in result.errors)
    errors = Corpus(db).errors(result.run_id)
    assert [(e.source, e.problem) for e in errors] == [
        (f"{source} line 2", "the JSON value is list, not an object"),
        (str(tmp_path / "missing.txt"), "no such file or directory"),
    ]
    assert result.stored == 1


def test_ingest_stored_analysis_equals_a_fresh_one(tmp_path: Path, analyzer: Analyzer) -> None:
    text = (ROOT / "examples" / "motion_row.txt").read_text(encoding="utf-8")
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "m", "text": text, "published": "2015-03-12"}])
    db = tmp_path / "c.duckdb"
    ingest([source], db, analyzer=analyzer)
    stored = Corpus(db).analysis("m")
    fresh = analyzer.analyze(replace(stored.article))
    assert stored == fresh
    assert Corpus(db).counts()["events"] == len(fresh.events) > 0


def test_ingest_reports_progress_per_batch(tmp_path: Path, analyzer: Analyzer) -> None:
    source = _jsonl(tmp_path / "in.jsonl", SHORT_ARTICLES)
    seen: list[IngestProgress] = []
    ingest([source], tmp_path / "c.duckdb", analyzer=analyzer, batch_size=1, progress=seen.append)
    assert [p.stored for p in seen] == [1, 2, 3, 3]


# ---- one writer, many readers --------------------------------------------------------------


def test_second_writer_gets_a_clear_store_error(db: Path) -> None:
    with StoreWriter(db), pytest.raises(StoreError, match="another writer"):
        StoreWriter(db).__enter__()
    with StoreWriter(db):  # the lock is released when the first writer is done
        pass


@pytest.mark.slow
def test_readers_and_a_writer_work_at_once(tmp_path: Path) -> None:
    db = _store(tmp_path / "c.duckdb", [kyiv_article("k0")])
    failures: list[BaseException] = []
    seen: list[int] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                seen.append(Corpus(db).counts()["articles"])
                time.sleep(0.02)  # a client polling, not a loop that never lets go of the file
        except BaseException as exc:  # the test reports any reader failure below
            failures.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        with StoreWriter(db) as writer:
            for i in range(1, 16):
                progress = IngestProgress(i, i - 1, 0, 0, 0.0)
                writer.write([kyiv_article(f"k{i}"), aid_article(f"a{i}"), request_article(f"r{i}")], 0, [], progress)
                time.sleep(0.1)  # as an ingest analyzes the next batch: readers get in between batches
    finally:
        done.set()
        thread.join()
    assert not failures
    assert seen == sorted(seen) and any(1 < n < 46 for n in seen)  # some reads came between batches
    assert Corpus(db).counts()["articles"] == 46


def test_docs_name_every_column_of_every_table(db: Path) -> None:
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
        ).fetchall()
    missing = [f"{table}.{column}" for table, column in columns if table not in doc or column not in doc]
    assert len(columns) > 100 and missing == []
