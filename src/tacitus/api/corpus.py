"""The API's thin adapter over the store (:mod:`tacitus.store`): paging, JSON rows, writes.

The store's queries take a ``limit`` but no ``offset``; pages are cut here by asking for
``offset + limit + 1`` rows (offsets are bounded by the API, so this stays cheap) and the
extra row tells the client whether there is a next page. No SQL lives here.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from tacitus.api.errors import ApiError
from tacitus.errors import StoreError
from tacitus.model import Analysis
from tacitus.settings import Settings
from tacitus.store import Corpus, IngestProgress, Period, StoreWriter
from tacitus.store import Filters as StoreFilters

T = TypeVar("T")

_PERIODS: dict[str, Period] = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class Filters:
    """The store's filters plus a page (``limit`` rows after ``offset``)."""

    country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    limit: int = 100
    offset: int = 0

    def store(self, limit: int | None = -1) -> StoreFilters:
        """As the store's filters; ``limit=-1`` asks for this page plus one row."""
        rows = self.offset + self.limit + 1 if limit == -1 else limit
        return StoreFilters(
            country=self.country,
            actor=self.actor,
            recipient=self.recipient,
            type=self.type,
            since=self.since,
            until=self.until,
            outlet=self.outlet,
            limit=rows,
        )


def to_json(value: Any) -> Any:
    """Store rows and model records as JSON values (model records through their ``to_dict``)."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def _page(rows: Sequence[Any], f: Filters) -> tuple[list[dict[str, Any]], bool]:
    window = rows[f.offset : f.offset + f.limit]
    return [to_json(r) for r in window], len(rows) > f.offset + f.limit


def _no(name: str, value: str | None, what: str) -> None:
    if value is not None:
        raise ApiError(400, "bad_filter", f"the {name!r} filter does not apply to {what}; drop it")


class _Keepalive:
    """One read-only connection held open while requests keep coming, closed after ``idle`` seconds.

    The store opens the file read-only for every query (so a writer in another process can get
    in between queries). Creating a DuckDB instance costs 100-200 ms here, but DuckDB reuses an
    open instance for a new connection to the same file in the same process, so holding one
    connection during a burst of requests makes each query's own open nearly free. When the
    API goes quiet for ``idle`` seconds the file is released, and writers (``tacitus ingest``,
    which retries for a minute) get it.
    """

    def __init__(self, db: Path, idle: float) -> None:
        self.db = db
        self.idle = idle
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._last = 0.0
        self._paused = 0
        self._closer: threading.Thread | None = None
        self._stopped = threading.Event()

    def touch(self) -> None:
        with self._lock:
            self._last = time.monotonic()
            if self._con is not None or self._paused or not self.db.exists():
                return
            try:
                self._con = duckdb.connect(str(self.db), read_only=True)
            except duckdb.Error:
                return  # a writer holds the file: the store's own reader retries
            if self._closer is None or not self._closer.is_alive():
                self._closer = threading.Thread(target=self._close_when_idle, name="tacitus-keepalive", daemon=True)
                self._closer.start()

    def _close_when_idle(self) -> None:
        while not self._stopped.wait(self.idle / 4):
            with self._lock:
                if self._con is not None and time.monotonic() - self._last > self.idle:
                    self._con.close()
                    self._con = None
                    return

    def release(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No keepalive while this process writes (DuckDB refuses read-write beside read-only)."""
        with self._lock:
            self._paused += 1
        self.release()
        try:
            yield
        finally:
            with self._lock:
                self._paused -= 1

    def stop(self) -> None:
        self._stopped.set()
        self.release()


class _Answers:
    """Recent query answers, keyed by the query and the store file's state (mtime and size of the
    file and its WAL). Every write changes that state, so an answer is never served after the
    store changed; analysts opening the same dashboard view share one query."""

    def __init__(self, db: Path, entries: int) -> None:
        self.db = db
        self.entries = entries
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()

    def _state(self) -> tuple[int, ...]:
        state: list[int] = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            try:
                st = path.stat()
            except FileNotFoundError:
                state.extend((0, 0))
                continue
            state.extend((st.st_mtime_ns, st.st_size))
        return tuple(state)

    def get(self, query: Hashable, compute: Callable[[], T]) -> T:
        if self.entries <= 0:
            return compute()
        key = (query, self._state())
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                answer: T = self._answers[key]
                return answer
        answer = compute()
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)
        return answer


class CorpusView:
    """What the endpoints ask of a store at ``db``; each query opens it read-only and closes it."""

    def __init__(
        self, db: Path, settings: Settings | None = None, keepalive: float = 1.0, cache_entries: int = 256
    ) -> None:
        self.db = Path(db)
        self.settings = settings or Settings()
        self.corpus = Corpus(self.db)
        self.keepalive = _Keepalive(self.db, keepalive)
        self.answers = _Answers(self.db, cache_entries)

    def close(self) -> None:
        self.keepalive.stop()

    def _cached(self, query: Hashable, compute: Callable[[], T]) -> T:
        def run() -> T:
            self.keepalive.touch()
            return compute()

        return self.answers.get(query, run)

    def summary(self) -> dict[str, Any]:
        if not self.db.exists():
            return {"exists": False, "articles": 0, "events": 0}
        self.keepalive.touch()
        counts = self.corpus.counts()
        return {"exists": True, "articles": counts.get("articles", 0), "events": counts.get("events", 0)}

    def articles(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return self._cached(("articles", f), lambda: _page(self.corpus.articles(f.store()), f))

    def events(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return self._cached(("events", f), lambda: _page(self.corpus.events(f.store()), f))

    def quotes(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        _no("recipient", f.recipient, "quotes")
        if f.type is not None and f.type.lower() not in {"direct", "indirect"}:
            raise ApiError(400, "bad_filter", f"type for quotes is 'direct' or 'indirect', not {f.type!r}")
        return self._cached(("quotes", f), lambda: _page(self.corpus.quotes(f.store()), f))

    def actors(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        _no("recipient", f.recipient, "actors")
        return self._cached(("actors", f), lambda: _page(self.corpus.actors(f.store()), f))

    def dyads(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return self._cached(("dyads", f), lambda: _page(self.corpus.dyads(f.store()), f))

    def places(self, f: Filters, scan: int) -> tuple[list[dict[str, Any]], int]:
        """Event counts per location (and per event type there), from at most ``scan`` events.

        The store has no place aggregate yet, so this groups event rows here; the answer is
        cached like the others. Returns the places, most events first, and the events scanned.
        """

        def compute() -> tuple[list[dict[str, Any]], int]:
            rows = self.corpus.events(f.store(limit=scan))
            groups: dict[tuple[str, float, float], dict[str, Any]] = {}
            for row in rows:
                loc = row.location
                if loc is None or loc.lat is None or loc.lon is None:
                    continue
                key = (loc.name, round(loc.lat, 3), round(loc.lon, 3))
                group = groups.setdefault(
                    key,
                    {
                        "name": loc.name,
                        "country": loc.country,
                        "lat": loc.lat,
                        "lon": loc.lon,
                        "events": 0,
                        "types": {},
                    },
                )
                group["events"] += 1
                group["types"][row.event] = group["types"].get(row.event, 0) + 1
            return sorted(groups.values(), key=lambda g: (-g["events"], g["name"])), len(rows)

        return self._cached(("places", f, scan), compute)

    def timeline(self, f: Filters, interval: str) -> list[dict[str, Any]]:
        return self._cached(
            ("timeline", f, interval),
            lambda: [to_json(r) for r in self.corpus.timeline(_PERIODS[interval], f.store(limit=None))],
        )

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis with its text, or None when no article has that id."""
        if not self.db.exists():
            return None
        self.keepalive.touch()
        try:
            analysis = self.corpus.analysis(article_id)
        except StoreError as exc:
            if "no article with id" in str(exc):
                return None
            raise
        return analysis.to_dict(include_text=True)

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        if not self.db.exists():
            return set()
        with self.keepalive.paused(), StoreWriter(self.db) as writer:
            return writer.article_ids() & set(ids)

    def write(self, analyses: Sequence[Analysis]) -> int:
        """Store analyses in one transaction, as one ingest run named ``api``; returns articles written."""
        with self.keepalive.paused(), StoreWriter(self.db) as writer:
            run_id, _ = writer.start_run(["api"], self.settings)
            try:
                written = writer.write(list(analyses), run_id, [], IngestProgress(len(analyses), 0, 0, 0, 0.0))
            except BaseException:
                writer.finish_run(run_id, "failed")
                raise
            writer.finish_run(run_id, "done")
        return written
