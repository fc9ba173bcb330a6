"""How ingest writes: batches overlap analysis, stay in the write-ahead log, and the run ends checkpointed."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tacitus import Analysis, Corpus
from tacitus.errors import InputError
from tacitus.model import Article
from tacitus.settings import Settings
from tacitus.store import StoreWriter, ingest
from tacitus.store.connect import MAX_WAL_BYTES, MIN_WAL_BYTES, wal_budget
from tacitus.store.ingest import IngestProgress
from test_store_fixtures import aid_article, kyiv_article, request_article

Batches = Iterator[tuple[Sequence[Analysis], Sequence[InputError]]]


def _wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def _source(path: Path, ids: Sequence[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": f"Article {i}."}) + "\n" for i in ids), encoding="utf-8")
    return path


def _pairs(articles: Iterator[Article]) -> Iterator[list[Analysis]]:
    """The fixture analysis of each article id, two articles a batch."""
    batch: list[Analysis] = []
    for article in articles:
        batch.append(kyiv_article(article.id))
        if len(batch) == 2:
            yield batch
            batch = []
    if batch:
        yield batch


def test_wal_budget_grows_with_the_store_within_bounds() -> None:
    assert wal_budget(0) == MIN_WAL_BYTES
    assert wal_budget(8 * MIN_WAL_BYTES + 8 * 2**20) == MIN_WAL_BYTES + 2**20
    assert wal_budget(10**12) == MAX_WAL_BYTES


def test_batches_stay_in_the_log_readers_see_them_and_the_run_ends_checkpointed(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with StoreWriter(db) as writer:
        run_id, _ = writer.start_run(["x"], Settings())
        stored = 0
        for i in range(3):
            batch = [kyiv_article(f"k{i}"), aid_article(f"a{i}"), request_article(f"r{i}")]
            stored += writer.write(batch, run_id, [], IngestProgress(3 * (i + 1), stored, 0, 0, 0.0))
        assert _wal(db).exists() and _wal(db).stat().st_size > 0
        assert Corpus(db).counts()["articles"] == 9
        # The files as a kill -9 would leave them now: the log alone carries the committed batches.
        copy = tmp_path / "copy.duckdb"
        shutil.copy(db, copy)
        shutil.copy(_wal(db), _wal(copy))
        assert Corpus(copy).counts()["articles"] == 9
        writer.finish_run(run_id)
    assert not _wal(db).exists()
    assert Corpus(db).counts()["articles"] == 9
    assert [(r["status"], r["stored"]) for r in Corpus(db).runs()] == [("done", 9)]


def test_ingest_writes_a_batch_while_the_engine_analyzes_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _source(tmp_path / "in.jsonl", ["k1", "k2", "k3", "k4"])
    engine_resumed = threading.Event()
    overlapped: list[bool] = []
    original = StoreWriter.write

    def write(self: StoreWriter, *args: object) -> int:
        # A writer that ran in the engine's thread would wait here in vain: the engine is suspended.
        overlapped.append(engine_resumed.wait(timeout=10) and threading.current_thread() is not threading.main_thread())
        engine_resumed.clear()
        return original(self, *args)  # type: ignore[arg-type]

    def engine(articles: Iterator[Article]) -> Batches:
        for batch in _pairs(articles):
            yield batch, []
            engine_resumed.set()

    monkeypatch.setattr(StoreWriter, "write", write)
    result = ingest([source], tmp_path / "c.duckdb", Settings(), engine=engine)
    assert overlapped == [True, True]
    assert result.stored == 4 and Corpus(tmp_path / "c.duckdb").counts()["articles"] == 4


def test_a_failing_write_stops_the_run_and_marks_it_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _source(tmp_path / "in.jsonl", ["k1", "k2", "k3", "k4", "k5", "k6"])
    original = StoreWriter.write
    calls: list[int] = []

    def write(self: StoreWriter, *args: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(self, *args)  # type: ignore[arg-type]

    def engine(articles: Iterator[Article]) -> Batches:
        for batch in _pairs(articles):
            yield batch, []

    monkeypatch.setattr(StoreWriter, "write", write)
    db = tmp_path / "c.duckdb"
    with pytest.raises(OSError, match="disk full"):
        ingest([source], db, Settings(), engine=engine)
    assert len(calls) == 2  # the run stopped at the failed batch, not after the input ran out
    assert sorted(a.id for a in Corpus(db).articles()) == ["k1", "k2"]
    assert [(r["status"], r["stored"]) for r in Corpus(db).runs()] == [("failed", 2)]
    assert not _wal(db).exists()


def test_an_engine_failure_still_commits_the_batch_in_flight(tmp_path: Path) -> None:
    source = _source(tmp_path / "in.jsonl", ["k1", "k2", "k3", "k4"])

    def engine(articles: Iterator[Article]) -> Batches:
        for n, batch in enumerate(_pairs(articles)):
            if n == 1:
                raise RuntimeError("a stage bug")
            yield batch, []

    db = tmp_path / "c.duckdb"
    with pytest.raises(RuntimeError, match="a stage bug"):
        ingest([source], db, Settings(), engine=engine)
    assert sorted(a.id for a in Corpus(db).articles()) == ["k1", "k2"]
    assert [(r["status"], r["stored"]) for r in Corpus(db).runs()] == [("failed", 2)]
