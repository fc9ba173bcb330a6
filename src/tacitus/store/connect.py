"""Opening the store: many readers and one writer, never a half-written file.

DuckDB lets one process hold a database file read-write, or any number hold it
read-only, never both at once. So:

- readers open read-only per query and close at once; if a writer is in the middle of
  a batch they retry for a few seconds;
- the writer opens read-write per batch (one transaction), so readers get in between
  batches; it retries while a reader's query holds the file. Batches close *without* a
  checkpoint: a DuckDB checkpoint re-compresses the whole last row group of every table
  it touches (the whole store, for any corpus under 122,880 articles), so one per batch made
  ingest quadratic in the store's size. Committed batches stay in the write-ahead log
  (durable; readers and the next writer replay it on open) until it outgrows
  :func:`wal_budget`, and the run ends with one checkpoint;
- one writer at a time: ``ingest`` holds an advisory lock on ``DB.writer.lock`` for its
  whole run, and a second writer gets a :class:`StoreError` naming the first one's pid.
  The kernel drops the lock when the process dies, even on ``kill -9``.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import duckdb

from tacitus.errors import StoreError
from tacitus.store.schema import SCHEMA_VERSION, check_version, migrate, store_version

#: Seconds a reader waits for a writer's batch to finish.
READ_TIMEOUT = 15.0
#: Seconds the writer waits for readers' queries to finish.
WRITE_TIMEOUT = 60.0
#: Bounds of the write-ahead log a batch writer lets grow before a checkpoint (see :func:`wal_budget`).
MIN_WAL_BYTES = 16 * 2**20
MAX_WAL_BYTES = 64 * 2**20


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc)
    return "lock" in text.lower() or "different configuration" in text


def _open(db: Path, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_conflict(exc):
                raise StoreError(
                    f"{db}: cannot open the store ({exc}); check that it is a tacitus DuckDB file"
                ) from exc
            if time.monotonic() >= deadline:
                who = "a writer (tacitus ingest)" if read_only else "readers"
                raise StoreError(
                    f"{db}: {who} held the store for more than {timeout:g} s ({exc}); "
                    "try again when it is done, or read a copy of the file"
                ) from exc
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


@contextmanager
def reader(db: str | Path, timeout: float = READ_TIMEOUT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one query or a few; closed on exit."""
    path = Path(db)
    if not path.exists():
        raise StoreError(f"{path}: no store there; create it with `tacitus ingest PATH... --db {path}`")
    con = _open(path, read_only=True, timeout=timeout)
    try:
        version = store_version(con)
        check_version(version, str(path))
        if version == 0:
            raise StoreError(f"{path}: the file is not a tacitus store yet; run `tacitus ingest PATH... --db {path}`")
        if version < SCHEMA_VERSION:
            # A store written by an older tacitus: upgrade it in place once, then read it.
            con.close()
            _upgrade(path, version, timeout)
            con = _open(path, read_only=True, timeout=timeout)
        yield con
    finally:
        con.close()


def _upgrade(path: Path, version: int, timeout: float) -> None:
    """Migrate an older store to :data:`SCHEMA_VERSION` (each step in its own transaction)."""
    try:
        with writer_connection(path, timeout):
            pass
    except (duckdb.Error, OSError, StoreError) as exc:
        raise StoreError(
            f"{path}: the store has schema version {version}, older than this tacitus ({SCHEMA_VERSION}), "
            f"and upgrading it failed ({exc}); make the file writable and run any `tacitus ingest ... --db {path}` "
            "to upgrade it, or read it with the tacitus that wrote it"
        ) from exc


def wal_budget(store_bytes: int) -> int:
    """How large the write-ahead log may grow before DuckDB checkpoints it into the store.

    An eighth of the store, between :data:`MIN_WAL_BYTES` and :data:`MAX_WAL_BYTES`: checkpoints
    get rarer as they get dearer (each rewrites about the whole store), while the log a reader
    or the next batch replays on open stays bounded.
    """
    return max(MIN_WAL_BYTES, min(MAX_WAL_BYTES, store_bytes // 8))


@contextmanager
def writer_connection(
    db: Path, timeout: float = WRITE_TIMEOUT, *, checkpoint: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, migrated to the current schema; closed on exit.

    With ``checkpoint=False`` closing leaves committed work in the write-ahead log, and
    DuckDB checkpoints only once the log outgrows :func:`wal_budget` of the store's size.
    """
    con = _open(db, read_only=False, timeout=timeout)
    try:
        if not checkpoint:
            con.execute("PRAGMA disable_checkpoint_on_shutdown")
            con.execute(f"SET checkpoint_threshold = '{wal_budget(db.stat().st_size)}B'")
        migrate(con, str(db))
        yield con
    finally:
        con.close()


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".writer.lock")


@contextmanager
def writer_lock(db: Path) -> Iterator[None]:
    """Hold the one-writer lock for ``db``, or raise StoreError if another process holds it."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise StoreError(
                f"{db}: another writer (pid {holder}) is ingesting into this store; "
                "wait for it to finish, or ingest into another --db"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()
