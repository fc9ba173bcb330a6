"""Writing analyses: one batch, one transaction, nothing stored twice.

:func:`analysis_rows` turns analyses into plain rows per table (what a Dask worker
would write as Parquet shards); :func:`write_rows` loads such rows into an open store
in one transaction, skipping articles already there. :func:`write_batch` does both.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from tacitus.errors import InputError
from tacitus.model import ActorRef, Analysis, Span
from tacitus.store.schema import ANALYSIS_TABLES

Row = dict[str, Any]
Rows = dict[str, list[Row]]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def event_day(value: str | None) -> date | None:
    """The first day an event date string names: ``2015-03-12``, ``2015-03`` -> 1 March, ``2015`` -> 1 January."""
    if not value:
        return None
    for pattern in (_DAY, _MONTH, _YEAR):
        m = pattern.match(value)
        if m:
            parts = [int(p) for p in m.groups()] + [1, 1]
            try:
                return date(parts[0], parts[1], parts[2])
            except ValueError:
                return None
    return None


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def analysis_rows(analyses: Iterable[Analysis], run_id: int | None, now: datetime | None = None) -> Rows:
    """Rows for every analysis table, in the tables' column names."""
    now = now or datetime.now()
    rows: Rows = {name: [] for name in ANALYSIS_TABLES}
    for analysis in analyses:
        _add_analysis(rows, analysis, run_id, now)
    return rows


def _add_analysis(rows: Rows, analysis: Analysis, run_id: int | None, now: datetime) -> None:
    art = analysis.article
    aid = art.id
    rows["articles"].append(
        {
            "id": aid,
            "content_hash": content_hash(art.text),
            "title": art.title,
            "published": art.published,
            "outlet": art.outlet,
            "url": art.url,
            "language": art.language,
            "source": art.source,
            "n_chars": len(art.text),
            "n_actors": len(analysis.actors),
            "n_events": len(analysis.events),
            "n_quotes": len(analysis.quotes),
            "n_places": len(analysis.places),
            "n_loaded": len(analysis.framing.loaded),
            "text": art.text,
            "analysis": json.dumps(analysis.to_dict(include_text=False), ensure_ascii=False),
            "run_id": run_id,
            "ingested_at": now,
        }
    )
    for seq, actor in enumerate(analysis.actors):
        first = actor.mentions[0] if actor.mentions else None
        rows["actors"].append(
            {
                "article_id": aid,
                "seq": seq,
                "actor_id": actor.id,
                "name": actor.name,
                "country": actor.country,
                "sector": actor.sector,
                "sectors": list(actor.sectors),
                "kind": actor.kind,
                "mentions": len(actor.mentions),
                "first_start": first.start if first else None,
                "first_end": first.end if first else None,
            }
        )
    for seq, ev in enumerate(analysis.events):
        loc = ev.location
        rows["events"].append(
            {
                "article_id": aid,
                "seq": seq,
                "event_id": ev.id,
                "event": ev.event,
                "mode": ev.mode,
                "context": list(ev.context),
                "quad": ev.quad,
                "cameo": ev.cameo,
                "date": ev.date,
                "event_date": event_day(ev.date),
                "date_text": ev.date_text,
                "date_from": ev.date_from,
                "date_granularity": ev.date_granularity,
                "negated": ev.negated,
                "modality": ev.modality,
                "confidence": ev.confidence,
                # getattr: ``score`` is a newer optional field of the model.
                "score": getattr(ev, "score", None),
                "trigger_text": ev.trigger.text,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "sentence_start": ev.sentence.start,
                "sentence_end": ev.sentence.end,
                "location_text": loc.text if loc else None,
                "location_start": loc.start if loc else None,
                "location_end": loc.end if loc else None,
                "location_name": loc.name if loc else None,
                "location_geonameid": loc.geonameid if loc else None,
                "location_lat": loc.lat if loc else None,
                "location_lon": loc.lon if loc else None,
                "location_country": loc.country if loc else None,
                "location_feature": loc.feature if loc else None,
            }
        )
        refs: list[tuple[str, Sequence[ActorRef]]] = [("actor", ev.actor), ("recipient", ev.recipient)]
        if ev.claimed_by:
            refs.append(("claimed_by", (ev.claimed_by,)))
        for role, group in refs:
            for position, ref in enumerate(group):
                rows["event_actors"].append(
                    {
                        "article_id": aid,
                        "event_id": ev.id,
                        "role": role,
                        "position": position,
                        "text": ref.text,
                        "start": ref.start,
                        "end": ref.end,
                        "country": ref.country,
                        "sector": ref.sector,
                        "sectors": list(ref.sectors),
                        "actor_id": ref.actor_id,
                        "implied": ref.implied,
                    }
                )
    for seq, q in enumerate(analysis.quotes):
        who = q.speaker_actor
        rows["quotes"].append(
            {
                "article_id": aid,
                "seq": seq,
                "quote_id": q.id,
                **_span("speaker", q.speaker),
                "speaker_actor_id": who.actor_id if who else None,
                "speaker_country": who.country if who else None,
                "speaker_sector": who.sector if who else None,
                "speaker_sectors": list(who.sectors) if who else None,
                **_span("cue", q.cue),
                "cue_lemma": q.cue_lemma,
                "cue_stance": q.cue_stance,
                **_span("content", q.content),
                "direct": q.direct,
            }
        )
    for seq, p in enumerate(analysis.places):
        rows["places"].append(
            {
                "article_id": aid,
                "seq": seq,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "name": p.name,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "feature": p.feature,
            }
        )
    for seq, t in enumerate(analysis.framing.loaded):
        rows["loaded_terms"].append(
            {
                "article_id": aid,
                "seq": seq,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "category": t.category,
                "attributed": t.attributed,
                "quote_id": t.quote_id,
                "lemma": t.lemma,
                "side": t.side,
                "source": t.source,
            }
        )


def _span(prefix: str, span: Span | None) -> Row:
    return {
        f"{prefix}_text": span.text if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }


def write_rows(
    con: duckdb.DuckDBPyConnection,
    rows: Mapping[str, Sequence[Row]],
    run_id: int | None = None,
    errors: Sequence[InputError] = (),
) -> int:
    """Insert rows (from :func:`analysis_rows`) and skipped inputs in one transaction.

    Either the whole batch is stored or none of it. Returns the number of articles written.
    """
    con.begin()
    try:
        written = insert_rows(con, rows, run_id, errors)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return written


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    rows: Mapping[str, Sequence[Row]],
    run_id: int | None = None,
    errors: Sequence[InputError] = (),
) -> int:
    """The inserts of :func:`write_rows`, inside the caller's transaction.

    Articles already in the store, or repeated within ``rows``, are left out with all
    their rows. Returns the number of articles inserted.
    """
    ids = [r["id"] for r in rows.get("articles", ())]
    existing = _existing(con, ids)
    fresh: dict[str, Row] = {}
    for r in rows.get("articles", ()):
        if r["id"] not in existing and r["id"] not in fresh:
            fresh[r["id"]] = r
    _insert(con, "articles", list(fresh.values()))
    for table in ANALYSIS_TABLES[1:]:
        _insert(con, table, [r for r in rows.get(table, ()) if r["article_id"] in fresh])
    if errors:
        write_errors(con, run_id, errors)
    return len(fresh)


def write_errors(con: duckdb.DuckDBPyConnection, run_id: int | None, errors: Sequence[InputError]) -> None:
    """Record skipped inputs in ``ingest_errors``."""
    now = datetime.now()
    _insert(
        con,
        "ingest_errors",
        [{"run_id": run_id, "source": e.where, "problem": e.problem, "fix": e.fix, "logged_at": now} for e in errors],
    )


def write_batch(
    con: duckdb.DuckDBPyConnection,
    analyses: Sequence[Analysis],
    run_id: int | None = None,
    errors: Sequence[InputError] = (),
) -> int:
    """Store analyses (and the inputs skipped beside them) in one transaction. Returns articles written."""
    return write_rows(con, analysis_rows(analyses, run_id), run_id, errors)


def _existing(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    found = con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [list(ids)]).fetchall()
    return {row[0] for row in found}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    batch = pa.Table.from_pylist(list(rows))
    # The view name is fixed and table names come from ANALYSIS_TABLES, never from user input.
    con.register("_tacitus_batch", batch)
    try:
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _tacitus_batch')
    finally:
        con.unregister("_tacitus_batch")
