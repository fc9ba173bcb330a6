"""``ingest``: read, skip what is stored, analyze the rest, write each batch in one transaction.

Batches are written by one background thread while the engine analyzes the next batch,
so the store's work (DuckDB releases the GIL) overlaps analysis instead of adding to it.

Resumable and idempotent: articles already in the store (same id; articles without an
id get ``tacitus.ingest.content_id`` of their text) are skipped before analysis, and a
batch is committed whole or not at all, so a re-run after a crash completes the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tacitus.errors import InputError
from tacitus.ingest import Defaults, read_articles
from tacitus.model import Analysis, Article
from tacitus.pipeline import Analyzer
from tacitus.settings import Settings
from tacitus.store.connect import WRITE_TIMEOUT, writer_connection, writer_lock
from tacitus.store.schema import tacitus_version
from tacitus.store.write import analysis_rows, insert_rows


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Counts so far in a run, for a progress display."""

    seen: int
    stored: int
    already_stored: int
    errors: int
    seconds: float


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What a run did. ``errors`` lists every input it skipped as bad (also in ``ingest_errors``)."""

    db: Path
    run_id: int
    seen: int
    stored: int
    already_stored: int
    errors: tuple[InputError, ...]
    seconds: float
    interrupted_runs: tuple[int, ...] = ()

    @property
    def articles_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


class StoreWriter:
    """The one writer of a store: holds the writer lock for its life and opens DuckDB per batch.

    The Dask engine writes through the same object: ``start_run``, then ``write`` per
    batch (or shard), then ``finish_run``.
    """

    def __init__(self, db: str | Path, timeout: float = WRITE_TIMEOUT) -> None:
        self.db = Path(db)
        self.timeout = timeout
        self._stack = ExitStack()

    def __enter__(self) -> StoreWriter:
        self._stack.enter_context(writer_lock(self.db))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def article_ids(self) -> set[str]:
        with writer_connection(self.db, self.timeout) as con:
            return {row[0] for row in con.execute("SELECT id FROM articles").fetchall()}

    def start_run(self, paths: Iterable[str | Path], settings: Settings) -> tuple[int, tuple[int, ...]]:
        """Record a new run. Runs left 'running' by a killed writer become 'interrupted'; returns (run_id, those)."""
        with writer_connection(self.db, self.timeout) as con:
            con.begin()
            stale = [r[0] for r in con.execute("SELECT run_id FROM ingest_runs WHERE status = 'running'").fetchall()]
            con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            run_id = int(con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").fetchall()[0][0])
            con.execute(
                "INSERT INTO ingest_runs (run_id, started_at, status, paths, tacitus_version, spacy_model) "
                "VALUES (?, ?, 'running', ?, ?, ?)",
                [run_id, datetime.now(), [str(p) for p in paths], tacitus_version(), settings.spacy_model],
            )
            con.commit()
        return run_id, tuple(stale)

    def write(
        self, analyses: Sequence[Analysis], run_id: int, errors: Sequence[InputError], counts: IngestProgress
    ) -> int:
        """One batch, the skipped inputs beside it and the run's counts, in one transaction."""
        rows = analysis_rows(analyses, run_id)
        with writer_connection(self.db, self.timeout, checkpoint=False) as con:
            con.begin()
            try:
                written = insert_rows(con, rows, run_id, errors)
                con.execute(
                    "UPDATE ingest_runs SET seen = ?, stored = ?, already_stored = ?, errors = ? WHERE run_id = ?",
                    [counts.seen, counts.stored + written, counts.already_stored, counts.errors, run_id],
                )
                con.commit()
            except BaseException:
                con.rollback()
                raise
        return written

    def finish_run(self, run_id: int, status: str = "done") -> None:
        """Mark the run finished and checkpoint, so the store is left whole in one file (no log to replay)."""
        with writer_connection(self.db, self.timeout) as con:
            con.execute(
                "UPDATE ingest_runs SET status = ?, finished_at = ? WHERE run_id = ?", [status, datetime.now(), run_id]
            )
            con.execute("CHECKPOINT")


#: An engine turns a stream of new articles into batches of (analyses, refused inputs).
Engine = Callable[[Iterator[Article]], Iterator[tuple[Sequence[Analysis], Sequence[InputError]]]]


def local_engine(settings: Settings, analyzer: Analyzer | None = None, batch_size: int | None = None) -> Engine:
    """Analyze in this process, in batches. The model is loaded on the first new article only."""
    size = batch_size or settings.batch_size

    def run(articles: Iterator[Article]) -> Iterator[tuple[Sequence[Analysis], Sequence[InputError]]]:
        engine = analyzer
        batch: list[Article] = []
        refused: list[InputError] = []
        for article in articles:
            engine = engine or Analyzer(settings)
            try:
                engine.check(article)
                batch.append(article)
            except InputError as exc:
                refused.append(exc)
            if len(batch) >= size:
                yield list(engine.analyze_many(batch)), refused
                batch, refused = [], []
        if batch or refused:
            yield (list(engine.analyze_many(batch)) if engine and batch else []), refused

    return run


def dask_engine(
    settings: Settings,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int | None = None,
    shard_dir: Path | None = None,
) -> Engine:
    """Analyze on a Dask cluster (see :mod:`tacitus.scale`); shards come back in input order."""

    def run(articles: Iterator[Article]) -> Iterator[tuple[Sequence[Analysis], Sequence[InputError]]]:
        from tacitus.scale import analyze_dask

        for shard in analyze_dask(
            articles,
            settings,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size or settings.batch_size,
            shard_dir=shard_dir,
        ):
            yield shard.analyses, shard.errors

    return run


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    settings: Settings | None = None,
    *,
    analyzer: Analyzer | None = None,
    defaults: Defaults | None = None,
    batch_size: int | None = None,
    progress: Callable[[IngestProgress], None] | None = None,
    engine: Engine | None = None,
) -> IngestResult:
    """Analyze and store every article under ``paths`` that ``db`` does not hold yet.

    ``engine`` analyzes the new articles (default: :func:`local_engine`); whatever the
    engine, this one loop skips what is stored, writes each batch in one transaction
    and accounts for every bad input.
    """
    settings = settings or (analyzer.settings if analyzer else Settings.load())
    defaults = defaults or Defaults(max_file_bytes=settings.max_file_bytes)
    engine = engine or local_engine(settings, analyzer, batch_size)
    began = time.monotonic()
    with StoreWriter(db) as writer, ThreadPoolExecutor(max_workers=1, thread_name_prefix="tacitus-store") as pool:
        run_id, stale = writer.start_run(paths, settings)
        known = writer.article_ids()
        seen = stored = already = 0
        all_errors: list[InputError] = []
        pending_errors: list[InputError] = []
        in_flight: Future[int] | None = None

        def counts() -> IngestProgress:
            return IngestProgress(seen, stored, already, len(all_errors), time.monotonic() - began)

        def new_articles() -> Iterator[Article]:
            nonlocal seen, already
            for item in read_articles(paths, defaults):
                seen += 1
                if isinstance(item, InputError):
                    all_errors.append(item)
                    pending_errors.append(item)
                elif item.id in known:
                    already += 1
                    if progress and already % 100 == 0:
                        progress(counts())
                else:
                    known.add(item.id)
                    yield item

        def settle() -> None:
            """Wait for the batch being written; its errors surface here."""
            nonlocal stored, in_flight
            if in_flight is not None:
                done, in_flight = in_flight, None
                stored += done.result()
                if progress:
                    progress(counts())

        def flush(analyses: Sequence[Analysis]) -> None:
            """Hand a batch to the writer thread, which writes it while the engine analyzes the next."""
            nonlocal in_flight
            settle()  # one batch in flight at most, so the counts a batch writes are exact
            if analyses or pending_errors:
                in_flight = pool.submit(writer.write, analyses, run_id, list(pending_errors), counts())
            pending_errors.clear()

        status = "failed"
        try:
            for analyses, refused in engine(new_articles()):
                all_errors.extend(refused)
                pending_errors.extend(refused)
                flush(analyses)
            flush(())
            settle()
            if progress:
                progress(counts())
            status = "done"
        finally:
            if in_flight is not None:
                in_flight.exception()  # the batch in flight commits or rolls back before the run is marked
            writer.finish_run(run_id, status)
    return IngestResult(Path(db), run_id, seen, stored, already, tuple(all_errors), time.monotonic() - began, stale)
