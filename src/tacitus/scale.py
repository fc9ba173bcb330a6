"""The same pipeline over partitions of articles on a Dask cluster.

The driver streams articles into partitions and keeps a bounded number of them in
flight, so memory stays flat however large the input. Each worker loads the pipeline
once (a worker plugin), analyzes its partition and returns it as a Parquet shard
(bytes, so no shared file system is needed on a multi-machine cluster). The driver
writes the shard to disk and hands the decoded analyses to the one store writer, so
idempotence and error accounting are the local engine's.

This is the only module that imports Dask; everything else sees :func:`analyze_dask`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.codec import analysis_from_dict
from tacitus.errors import ConfigError, InputError
from tacitus.model import Analysis, Article
from tacitus.settings import Settings

_PLUGIN_NAME = "tacitus-analyzer"
_SHARD_COLUMNS = ("id", "source", "analysis", "error_where", "error")


@dataclass(frozen=True, slots=True)
class Shard:
    """One analyzed partition: its analyses in input order and the articles it refused."""

    number: int
    analyses: tuple[Analysis, ...]
    errors: tuple[InputError, ...]
    path: Path | None


def _analyzer_plugin(settings: Settings) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class AnalyzerPlugin(WorkerPlugin):
        """Loads one Analyzer per worker process, before any task runs."""

        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker: Any) -> None:
            from tacitus.pipeline import Analyzer

            worker.tacitus_analyzer = Analyzer(self.settings)

    return AnalyzerPlugin(settings)


def analyze_partition(articles: list[Article]) -> bytes:
    """Runs on a worker: analyze ``articles`` and return a Parquet shard as bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from distributed import get_worker

    worker: Any = get_worker()
    analyzer = worker.tacitus_analyzer
    rows: dict[str, list[str | None]] = {name: [] for name in _SHARD_COLUMNS}
    good: list[Article] = []
    for article in articles:
        try:
            analyzer.check(article)
            good.append(article)
        except InputError as exc:
            _append(rows, article.id, article.source, None, exc.where, f"{exc.problem}; {exc.fix}")
    for article, analysis in zip(good, analyzer.analyze_many(good), strict=True):
        payload = json.dumps(analysis.to_dict(include_text=True), ensure_ascii=False)
        _append(rows, article.id, article.source, payload, None, None)
    table = pa.table({name: pa.array(values, type=pa.string()) for name, values in rows.items()})
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _append(rows: dict[str, list[str | None]], *values: str | None) -> None:
    for name, value in zip(_SHARD_COLUMNS, values, strict=True):
        rows[name].append(value)


def read_shard(data: bytes, number: int, path: Path | None = None) -> Shard:
    """Decode a shard written by :func:`analyze_partition`."""
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data))
    analyses: list[Analysis] = []
    errors: list[InputError] = []
    for row in table.to_pylist():
        if row["analysis"] is not None:
            analyses.append(analysis_from_dict(json.loads(row["analysis"]), source=row["source"]))
        else:
            problem, _, fix = str(row["error"]).partition("; ")
            errors.append(InputError(row["error_where"], problem, fix))
    return Shard(number, tuple(analyses), tuple(errors), path)


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_dask(
    articles: Iterable[Article],
    settings: Settings,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = 32,
    shard_dir: Path | None = None,
) -> Iterator[Shard]:
    """Analyze ``articles`` on Dask and yield shards in input order.

    With ``scheduler`` (``tcp://host:port``) join that cluster; otherwise start a
    ``LocalCluster`` of ``workers`` processes with one thread each. At most two
    partitions per worker are in flight, so the input is streamed, never held.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("the Dask engine needs the 'scale' extra: pip install 'tacitus[scale]'") from exc

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        )
        client = Client(cluster)
    try:
        client.register_plugin(_analyzer_plugin(settings), name=_PLUGIN_NAME)
        capacity = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: dict[int, Any] = {}
        next_out = 0
        for number, part in enumerate(_partitions(articles, partition_size)):
            pending[number] = client.submit(analyze_partition, part, pure=False)
            while len(pending) >= capacity:
                yield _collect(pending, next_out, shard_dir)
                next_out += 1
        while pending:
            yield _collect(pending, next_out, shard_dir)
            next_out += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(pending: dict[int, Any], number: int, shard_dir: Path | None) -> Shard:
    data: bytes = pending.pop(number).result()
    path = None
    if shard_dir is not None:
        shard_dir.mkdir(parents=True, exist_ok=True)
        path = shard_dir / f"shard-{number:06d}.parquet"
        path.write_bytes(data)
    return read_shard(data, number, path)
