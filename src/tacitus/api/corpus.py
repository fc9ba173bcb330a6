"""The API's thin adapter over the store (:mod:`tacitus.store`): paging, JSON rows, writes.

The store's queries take a ``limit`` but no ``offset``; pages are cut here by asking for
``offset + limit + 1`` rows (offsets are bounded by the API, so this stays cheap) and the
extra row tells the client whether there is a next page. No SQL lives here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.api.errors import ApiError
from tacitus.errors import StoreError
from tacitus.model import Analysis
from tacitus.settings import Settings
from tacitus.store import Corpus, IngestProgress, Period, StoreWriter
from tacitus.store import Filters as StoreFilters

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


class CorpusView:
    """What the endpoints ask of a store at ``db``; each call opens it read-only and closes it."""

    def __init__(self, db: Path, settings: Settings | None = None) -> None:
        self.db = Path(db)
        self.settings = settings or Settings()
        self.corpus = Corpus(self.db)

    def summary(self) -> dict[str, Any]:
        if not self.db.exists():
            return {"exists": False, "articles": 0, "events": 0}
        counts = self.corpus.counts()
        return {"exists": True, "articles": counts.get("articles", 0), "events": counts.get("events", 0)}

    def articles(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return _page(self.corpus.articles(f.store()), f)

    def events(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return _page(self.corpus.events(f.store()), f)

    def quotes(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        _no("recipient", f.recipient, "quotes")
        if f.type is not None and f.type.lower() not in {"direct", "indirect"}:
            raise ApiError(400, "bad_filter", f"type for quotes is 'direct' or 'indirect', not {f.type!r}")
        return _page(self.corpus.quotes(f.store()), f)

    def actors(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        _no("recipient", f.recipient, "actors")
        return _page(self.corpus.actors(f.store()), f)

    def dyads(self, f: Filters) -> tuple[list[dict[str, Any]], bool]:
        return _page(self.corpus.dyads(f.store()), f)

    def timeline(self, f: Filters, interval: str) -> list[dict[str, Any]]:
        return [to_json(r) for r in self.corpus.timeline(_PERIODS[interval], f.store(limit=None))]

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis with its text, or None when no article has that id."""
        if not self.db.exists():
            return None
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
        with StoreWriter(self.db) as writer:
            return writer.article_ids() & set(ids)

    def write(self, analyses: Sequence[Analysis]) -> int:
        """Store analyses in one transaction, as one ingest run named ``api``; returns articles written."""
        with StoreWriter(self.db) as writer:
            run_id, _ = writer.start_run(["api"], self.settings)
            try:
                written = writer.write(list(analyses), run_id, [], IngestProgress(len(analyses), 0, 0, 0, 0.0))
            except BaseException:
                writer.finish_run(run_id, "failed")
                raise
            writer.finish_run(run_id, "done")
        return written
