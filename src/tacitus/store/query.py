"""Reading the store: :class:`Corpus` and its typed queries.

Every query opens the store read-only, runs, and closes it (see ``connect``), so
readers never block the writer for long. User values are always bound parameters;
the SQL text is assembled only from the fixed fragments in this module.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import duckdb

from tacitus.codec import analysis_from_dict
from tacitus.errors import StoreError
from tacitus.model import ActorRef, Analysis, Place, Span
from tacitus.store.connect import READ_TIMEOUT, reader
from tacitus.store.rows import (
    ActorRow,
    ArticleRow,
    DyadRow,
    EventRow,
    Filters,
    IngestErrorRow,
    QuoteRow,
    TimelineRow,
)

Period = Literal["day", "week", "month", "year"]


def _actor_match(country: str, sector: str, text: str, sectors: str | None = None) -> str:
    """An actor value matches a country code, a country+sector code with any of the actor's sectors
    (``MDAGOV`` or ``MDAPRE`` for "Transnistrian officials"), or a piece of the text.

    The arguments are fixed column names of this module, never user input; the value is
    bound three times (``?``). ``sectors`` is the list column (``sector`` alone when None).
    """
    tags = f"coalesce({sectors}, [{sector}])" if sectors else f"[{sector}]"
    return (
        f"({country} = upper(?) OR list_contains(list_transform({tags}, lambda s: coalesce({country}, '') "
        f"|| coalesce(s, '')), upper(?)) OR contains(lower({text}), lower(?)))"
    )


def _has_sector(sector: str, sectors: str) -> str:
    """The actor has this sector, as its primary one or another (PRE). Binds one ``?``."""
    return f"list_contains(coalesce({sectors}, [{sector}]), upper(?))"


_MATCH = _actor_match("x.country", "x.sector", "x.text", "x.sectors")
_EVENT_SIDE = (
    "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.event_id "
    "AND x.role = ? AND " + _MATCH + ")"
)
_EVENT_COUNTRY = (
    "(e.location_country = upper(?) OR EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id "
    "AND x.event_id = e.event_id AND x.role IN ('actor', 'recipient') AND x.country = upper(?)))"
)
_REFS = (
    '(SELECT list(struct_pack(text := x.text, start := x.start, "end" := x."end", country := x.country, '
    "sector := x.sector, actor_id := x.actor_id, sectors := x.sectors, implied := x.implied) ORDER BY x.position) "
    "FROM event_actors x WHERE x.article_id = p.article_id AND x.event_id = p.event_id AND x.role = '{role}')"
)


class _Where:
    """Conditions and their parameters, in order."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conds) if self.conds else "TRUE"


def _common(where: _Where, f: Filters, date_col: str) -> None:
    if f.since is not None:
        where.add(f"{date_col} >= ?", f.since)
    if f.until is not None:
        where.add(f"{date_col} <= ?", f.until)
    if f.outlet is not None:
        where.add("lower(a.outlet) = lower(?)", f.outlet)


def _refuse(f: Filters, what: str, **unsupported: str | None) -> None:
    for name, value in unsupported.items():
        if value is not None:
            raise StoreError(f"--{name} does not apply to {what}; drop it (see `tacitus {what} --help`)")


def _limit(f: Filters) -> str:
    if f.limit is not None and f.limit < 0:
        raise StoreError(f"--limit must be 0 or more, not {f.limit}")
    return "LIMIT ?" if f.limit is not None else ""


def _refs(value: Any) -> tuple[ActorRef, ...]:
    return tuple(
        ActorRef(
            r["text"],
            r["start"],
            r["end"],
            r["country"],
            r["sector"],
            r["actor_id"],
            tuple(r["sectors"] or ()),
            bool(r["implied"]),
        )
        for r in value or ()
    )


def _place(r: dict[str, Any]) -> Place | None:
    if r["location_text"] is None:
        return None
    return Place(
        r["location_text"],
        r["location_start"],
        r["location_end"],
        r["location_name"],
        r["location_geonameid"],
        r["location_lat"],
        r["location_lon"],
        r["location_country"],
        r["location_feature"],
    )


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    return Span(text, start, end) if text is not None and start is not None and end is not None else None


class Corpus:
    """A tacitus store, read-only.

    >>> corpus = Corpus("tacitus.duckdb")          # doctest: +SKIP
    >>> corpus.events(actor="RUS", type="ASSAULT")  # doctest: +SKIP
    """

    def __init__(self, db: str | Path = "tacitus.duckdb", timeout: float = READ_TIMEOUT) -> None:
        self.db = Path(db)
        self.timeout = timeout

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        with reader(self.db, self.timeout) as con:
            try:
                cur = con.execute(sql, params)
            except duckdb.Error as exc:
                raise StoreError(f"{self.db}: query failed ({exc}); is the store from this tacitus version?") from exc
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # ---- queries -------------------------------------------------------------------------

    def events(self, filters: Filters | None = None, **kw: Any) -> list[EventRow]:
        """Events, oldest first. ``country`` matches either side or the location; ``since``/``until`` the event date."""
        f = replace(filters or Filters(), **kw)
        w = _Where()
        if f.country is not None:
            w.add(_EVENT_COUNTRY, f.country, f.country)
        if f.actor is not None:
            w.add(_EVENT_SIDE, "actor", f.actor, f.actor, f.actor)
        if f.recipient is not None:
            w.add(_EVENT_SIDE, "recipient", f.recipient, f.recipient, f.recipient)
        if f.type is not None:
            w.add("e.event = upper(?)", f.type)
        _common(w, f, "e.event_date")
        sql = (
            "WITH p AS (SELECT e.*, a.outlet, a.published, a.title, a.url, a.language FROM events e "
            f"JOIN articles a ON a.id = e.article_id WHERE {w.sql()} "
            f"ORDER BY e.event_date NULLS LAST, e.article_id, e.seq {_limit(f)}) "
            f"SELECT p.*, {_REFS.format(role='actor')} AS actors, {_REFS.format(role='recipient')} AS recipients, "
            f"{_REFS.format(role='claimed_by')} AS claimed_by "
            "FROM p ORDER BY p.event_date NULLS LAST, p.article_id, p.seq"
        )
        params = w.params + ([f.limit] if f.limit is not None else [])
        return [
            EventRow(
                article_id=r["article_id"],
                event_id=r["event_id"],
                event=r["event"],
                mode=r["mode"],
                context=tuple(r["context"] or ()),
                quad=r["quad"],
                cameo=r["cameo"],
                date=r["date"],
                event_date=r["event_date"],
                date_text=r["date_text"],
                date_from=r["date_from"],
                date_granularity=r["date_granularity"],
                negated=r["negated"],
                modality=r["modality"],
                confidence=r["confidence"],
                trigger=Span(r["trigger_text"], r["trigger_start"], r["trigger_end"]),
                sentence_start=r["sentence_start"],
                sentence_end=r["sentence_end"],
                location=_place(r),
                actors=_refs(r["actors"]),
                recipients=_refs(r["recipients"]),
                claimed_by=next(iter(_refs(r["claimed_by"])), None),
                outlet=r["outlet"],
                published=r["published"],
                title=r["title"],
                url=r["url"],
                language=r["language"],
            )
            for r in self._rows(sql, params)
        ]

    def quotes(self, filters: Filters | None = None, **kw: Any) -> list[QuoteRow]:
        """Quotes. ``country``/``actor`` match the speaker; ``type`` is ``direct`` or ``indirect``."""
        f = replace(filters or Filters(), **kw)
        _refuse(f, "quotes", recipient=f.recipient)
        w = _Where()
        if f.country is not None:
            w.add("q.speaker_country = upper(?)", f.country)
        if f.actor is not None:
            w.add(
                _actor_match("q.speaker_country", "q.speaker_sector", "q.speaker_text", "q.speaker_sectors"),
                f.actor,
                f.actor,
                f.actor,
            )
        if f.type is not None:
            kind = f.type.lower()
            if kind not in {"direct", "indirect"}:
                raise StoreError(f"--type for quotes is 'direct' or 'indirect', not {f.type!r}")
            w.add("q.direct = ?", kind == "direct")
        _common(w, f, "a.published")
        sql = (
            "SELECT q.*, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {w.sql()} ORDER BY a.published NULLS LAST, q.article_id, q.seq {_limit(f)}"
        )
        params = w.params + ([f.limit] if f.limit is not None else [])
        return [
            QuoteRow(
                article_id=r["article_id"],
                quote_id=r["quote_id"],
                speaker=_span(r["speaker_text"], r["speaker_start"], r["speaker_end"]),
                speaker_actor_id=r["speaker_actor_id"],
                speaker_country=r["speaker_country"],
                speaker_sector=r["speaker_sector"],
                speaker_sectors=tuple(r["speaker_sectors"] or ()),
                cue=_span(r["cue_text"], r["cue_start"], r["cue_end"]),
                cue_lemma=r["cue_lemma"],
                cue_stance=r["cue_stance"],
                content=Span(r["content_text"], r["content_start"], r["content_end"]),
                direct=r["direct"],
                outlet=r["outlet"],
                published=r["published"],
            )
            for r in self._rows(sql, params)
        ]

    def actors(self, filters: Filters | None = None, **kw: Any) -> list[ActorRow]:
        """Actors per article. ``actor`` matches code or name; ``type`` a sector (``GOV``) or kind (``person``)."""
        f = replace(filters or Filters(), **kw)
        _refuse(f, "actors", recipient=f.recipient)
        w = _Where()
        if f.country is not None:
            w.add("t.country = upper(?)", f.country)
        if f.actor is not None:
            w.add(_actor_match("t.country", "t.sector", "t.name", "t.sectors"), f.actor, f.actor, f.actor)
        if f.type is not None:
            w.add(f"({_has_sector('t.sector', 't.sectors')} OR t.kind = lower(?))", f.type, f.type)
        _common(w, f, "a.published")
        sql = (
            "SELECT t.*, a.outlet, a.published FROM actors t JOIN articles a ON a.id = t.article_id "
            f"WHERE {w.sql()} ORDER BY a.published NULLS LAST, t.article_id, t.seq {_limit(f)}"
        )
        params = w.params + ([f.limit] if f.limit is not None else [])
        return [
            ActorRow(
                article_id=r["article_id"],
                actor_id=r["actor_id"],
                name=r["name"],
                country=r["country"],
                sector=r["sector"],
                sectors=tuple(r["sectors"] or ()),
                kind=r["kind"],
                mentions=r["mentions"],
                outlet=r["outlet"],
                published=r["published"],
            )
            for r in self._rows(sql, params)
        ]

    def articles(self, filters: Filters | None = None, **kw: Any) -> list[ArticleRow]:
        """Articles. ``country``/``actor`` need an actor that matches; ``recipient``/``type`` an event that does."""
        f = replace(filters or Filters(), **kw)
        w = _Where()
        if f.country is not None:
            w.add("EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.country = upper(?))", f.country)
        if f.actor is not None:
            w.add(
                "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND "
                + _actor_match("x.country", "x.sector", "x.name", "x.sectors")
                + ")",
                f.actor,
                f.actor,
                f.actor,
            )
        if f.recipient is not None:
            w.add(
                "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = a.id AND x.role = 'recipient' AND "
                + _MATCH
                + ")",
                f.recipient,
                f.recipient,
                f.recipient,
            )
        if f.type is not None:
            w.add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.event = upper(?))", f.type)
        _common(w, f, "a.published")
        sql = (
            "SELECT a.id, a.title, a.published, a.outlet, a.url, a.language, a.n_chars, a.n_actors, a.n_events, "
            "a.n_quotes, a.n_places, a.n_loaded, a.run_id, a.ingested_at FROM articles a "
            f"WHERE {w.sql()} ORDER BY a.published NULLS LAST, a.id {_limit(f)}"
        )
        params = w.params + ([f.limit] if f.limit is not None else [])
        return [ArticleRow(**r) for r in self._rows(sql, params)]

    # ---- statistics ----------------------------------------------------------------------

    def _event_where(self, f: Filters) -> _Where:
        w = _Where()
        if f.country is not None:
            w.add(_EVENT_COUNTRY, f.country, f.country)
        if f.actor is not None:
            w.add(_EVENT_SIDE, "actor", f.actor, f.actor, f.actor)
        if f.recipient is not None:
            w.add(_EVENT_SIDE, "recipient", f.recipient, f.recipient, f.recipient)
        if f.type is not None:
            w.add("e.event = upper(?)", f.type)
        _common(w, f, "e.event_date")
        return w

    def dyads(self, filters: Filters | None = None, **kw: Any) -> list[DyadRow]:
        """Event counts per (actor country, recipient country), most events first; uncoded sides are left out."""
        f = replace(filters or Filters(), **kw)
        w = self._event_where(f)
        sql = (
            "WITH e AS (SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + w.sql()
            + "), pairs AS (SELECT DISTINCT e.article_id, e.event_id, e.quad, s.country AS actor_country, "
            "r.country AS recipient_country FROM e "
            "JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id AND s.role = 'actor' "
            "JOIN event_actors r ON r.article_id = e.article_id AND r.event_id = e.event_id AND r.role = 'recipient' "
            "WHERE s.country IS NOT NULL AND r.country IS NOT NULL) "
            "SELECT actor_country, recipient_country, count(*) AS events, "
            "count(*) FILTER (WHERE quad = 'VERBAL_COOPERATION') AS verbal_cooperation, "
            "count(*) FILTER (WHERE quad = 'MATERIAL_COOPERATION') AS material_cooperation, "
            "count(*) FILTER (WHERE quad = 'VERBAL_CONFLICT') AS verbal_conflict, "
            "count(*) FILTER (WHERE quad = 'MATERIAL_CONFLICT') AS material_conflict "
            "FROM pairs GROUP BY ALL ORDER BY events DESC, actor_country, recipient_country " + _limit(f)
        )
        params = w.params + ([f.limit] if f.limit is not None else [])
        return [DyadRow(**r) for r in self._rows(sql, params)]

    def timeline(self, by: Period = "month", filters: Filters | None = None, **kw: Any) -> list[TimelineRow]:
        """Event counts per period and event type, oldest first; undated events are left out."""
        if by not in ("day", "week", "month", "year"):
            raise StoreError(f"timeline periods are day, week, month or year, not {by!r}")
        f = replace(filters or Filters(), **kw)
        w = self._event_where(f)
        sql = (
            "SELECT CAST(date_trunc(?, e.event_date) AS DATE) AS period, e.event, count(*) AS events "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.event_date IS NOT NULL AND "
            + w.sql()
            + " GROUP BY ALL ORDER BY period, e.event "
            + _limit(f)
        )
        params = [by, *w.params] + ([f.limit] if f.limit is not None else [])
        return [TimelineRow(**r) for r in self._rows(sql, params)]

    # ---- whole analyses and bookkeeping ----------------------------------------------------

    def analysis(self, article_id: str) -> Analysis:
        """The stored analysis of one article, exactly as it was written."""
        rows = self._rows("SELECT text, source, analysis FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise StoreError(f"{self.db}: no article with id {article_id!r}; list ids with `tacitus articles`")
        r = rows[0]
        return analysis_from_dict(json.loads(r["analysis"]), text=r["text"], source=r["source"])

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = ("articles", "actors", "events", "event_actors", "quotes", "places", "loaded_terms")
        sql = " UNION ALL ".join(f"SELECT '{t}' AS name, count(*) AS n FROM {t}" for t in tables)
        return {r["name"]: r["n"] for r in self._rows(sql, [])}

    def errors(self, run_id: int | None = None) -> list[IngestErrorRow]:
        """Inputs ingest skipped as bad, for one run or all."""
        sql = (
            "SELECT run_id, source, problem, fix, logged_at FROM ingest_errors "
            "WHERE ? IS NULL OR run_id = ? ORDER BY logged_at"
        )
        return [IngestErrorRow(**r) for r in self._rows(sql, [run_id, run_id])]

    def runs(self) -> list[dict[str, Any]]:
        """The ingest runs, oldest first, with their counts and status."""
        return self._rows("SELECT * FROM ingest_runs ORDER BY run_id", [])
