"""The Dask engine gives the same store as the local engine, on a real 2-worker local cluster."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from tacitus import Settings
from tacitus.store import Corpus, ingest
from tacitus.store.ingest import dask_engine

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _corpus_jsonl(path: Path, n: int) -> None:
    """n articles made from the examples, with distinct ids, dates and outlets, plus two bad lines."""
    texts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in ("motion_row.txt", "ceasefire.txt")]
    texts += [json.loads(line)["text"] for line in (EXAMPLES / "batch.jsonl").read_text().splitlines()]
    lines = []
    for i in range(n):
        text = texts[i % len(texts)]
        day = date(2015, 3, 12) + timedelta(days=i)
        lines.append(json.dumps({"id": f"a{i:03d}", "text": text, "published": day.isoformat(), "outlet": f"O{i % 3}"}))
        if i == 10:
            lines.append("{not json")
        if i == 50:
            lines.append(json.dumps({"id": "empty", "text": " "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _table(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_dask_engine_stores_exactly_what_the_local_engine_stores(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    _corpus_jsonl(source, 120)
    settings = Settings()
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local = ingest([source], local_db, settings)
    shards = tmp_path / "shards"
    engine = dask_engine(settings, workers=2, partition_size=16, shard_dir=shards)
    parallel = ingest([source], dask_db, settings, engine=engine)

    assert (local.seen, local.stored, len(local.errors)) == (122, 120, 2)
    assert (parallel.seen, parallel.stored, len(parallel.errors)) == (122, 120, 2)
    assert sorted(e.where for e in parallel.errors) == sorted(e.where for e in local.errors)
    assert len(list(shards.glob("shard-*.parquet"))) == 8

    for sql in (
        "SELECT count(*) FROM events",
        "SELECT count(*) FROM quotes",
        "SELECT count(*) FROM actors",
        "SELECT count(*) FROM ingest_errors",
    ):
        assert _table(local_db, sql) == _table(dask_db, sql), sql

    a, b = Corpus(local_db), Corpus(dask_db)
    ids = [r.id for r in a.articles(limit=1000)]
    assert len(ids) == 120
    for article_id in ids:
        assert a.analysis(article_id) == b.analysis(article_id), article_id

    again = ingest([source], dask_db, settings, engine=dask_engine(settings, workers=2))
    assert (again.stored, again.already_stored) == (0, 120)
