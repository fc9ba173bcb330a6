"""Exports: Parquet and CSV tables, PLOVER JSON lines, and GDELT-event-style TSV.

docs/store.md documents every field of every format.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tacitus.errors import StoreError
from tacitus.model import QUADS, ActorRef
from tacitus.store.connect import READ_TIMEOUT, reader
from tacitus.store.query import Corpus
from tacitus.store.rows import SECTOR_JOIN, EventRow, Filters
from tacitus.store.schema import tacitus_version

ExportFormat = Literal["parquet", "csv", "plover-json", "gdelt"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "plover-json", "gdelt")

CODER = f"tacitus {tacitus_version()}"
CODEBOOK = "PLOVER v0.8"

#: The GDELT 1.0 event table's 58 columns, in order (GDELT-Data-Format-Codebook-V1.03).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: The other tables copied whole into Parquet/CSV exports (CSV leaves out the article text and JSON).
_TABLES = ("articles", "actors", "event_actors", "quotes", "places", "loaded_terms")
#: List columns of those tables, joined into text for CSV (``GOV+PRE``).
_LIST_COLUMNS = {"actors": "sectors", "event_actors": "sectors", "quotes": "speaker_sectors"}
_GDELT_GEO_TYPE = {"country": 1, "region": 5, "admin1": 5, "state": 5, "province": 5, "city": 4, "town": 4}
_PLOVER_RESOLUTION = {"country": 1, "region": 2, "province": 2, "admin1": 2, "district": 3, "city": 4, "town": 4}

# The events table flattened, one row per event; {agg} picks lists (Parquet) or joined text (CSV).
_EVENTS_FLAT = """
SELECT e.article_id, e.event_id, e.event, e.mode, {context} AS context, e.quad, e.cameo,
       e.date, e.event_date, e.date_text, e.date_from, e.date_granularity,
       e.negated, e.modality, e.confidence, e.score,
       {actor_text} AS actor_text, {actor_country} AS actor_country,
       {actor_sector} AS actor_sector, {actor_sectors} AS actor_sectors, {actor_id} AS actor_id,
       {actor_implied} AS actor_implied,
       {recipient_text} AS recipient_text, {recipient_country} AS recipient_country,
       {recipient_sector} AS recipient_sector, {recipient_sectors} AS recipient_sectors,
       {recipient_id} AS recipient_id, {recipient_implied} AS recipient_implied,
       e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
       e.location_text, e.location_start, e.location_end, e.location_name, e.location_geonameid,
       e.location_lat, e.location_lon, e.location_country, e.location_feature,
       a.outlet, a.published, a.title, a.url,
       coalesce(strftime(e.event_date, '%Y-%m'), 'undated') AS month
FROM events e JOIN articles a ON a.id = e.article_id
WHERE {where}
ORDER BY e.event_date NULLS LAST, e.article_id, e.seq
"""


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    out: Path
    files: tuple[Path, ...]
    events: int


def _side(role: str, column: str, as_list: bool) -> str:
    value = f"x.{column}" if as_list else f"coalesce(x.{column}, '-')"
    if column == "sectors" and not as_list:
        value = f"coalesce(nullif(array_to_string(x.sectors, '{SECTOR_JOIN}'), ''), '-')"
    if column == "implied" and not as_list:
        value = "coalesce(CAST(x.implied AS VARCHAR), '-')"
    agg = f"list({value} ORDER BY x.position)" if as_list else f"string_agg({value}, '; ' ORDER BY x.position)"
    return (
        f"(SELECT {agg} FROM event_actors x WHERE x.article_id = e.article_id "
        f"AND x.event_id = e.event_id AND x.role = '{role}')"
    )


def _events_sql(as_list: bool, where: str) -> str:
    parts: dict[str, str] = {
        "context": "e.context" if as_list else "array_to_string(e.context, '; ')",
        "where": where,
    }
    for role in ("actor", "recipient"):
        for field, column in (
            ("text", "text"),
            ("country", "country"),
            ("sector", "sector"),
            ("sectors", "sectors"),
            ("id", "actor_id"),
            ("implied", "implied"),
        ):
            parts[f"{role}_{field}"] = _side(role, column, as_list)
    return _EVENTS_FLAT.format(**parts)


def _event_filter(corpus: Corpus, f: Filters) -> tuple[str, list[Any]]:
    w = corpus._event_where(f)
    return w.sql(), w.params


def export(
    db: str | Path,
    fmt: ExportFormat,
    out: str | Path,
    filters: Filters | None = None,
    timeout: float = READ_TIMEOUT,
) -> ExportResult:
    """Write the store's events (filtered) in ``fmt`` to ``out`` (a directory for parquet/csv, a file otherwise)."""
    out_path = Path(out)
    corpus = Corpus(db, timeout)
    f = filters or Filters()
    if f.limit is not None:
        raise StoreError("--limit does not apply to export; filter by date, actor or type instead")
    if fmt in ("parquet", "csv"):
        return _tables(corpus, fmt, out_path, f)
    if fmt == "plover-json":
        return _plover(corpus, out_path, f)
    if fmt == "gdelt":
        return _gdelt(corpus, out_path, f)
    raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _tables(corpus: Corpus, fmt: ExportFormat, out: Path, f: Filters) -> ExportResult:
    if out.exists() and not out.is_dir():
        raise StoreError(f"{out}: is a file; {fmt} export writes a directory of tables, give a directory path")
    out.mkdir(parents=True, exist_ok=True)
    where, params = _event_filter(corpus, f)
    files: list[Path] = []
    with reader(corpus.db, corpus.timeout) as con:
        events = con.sql(_events_sql(fmt == "parquet", where), params=params).to_arrow_table()
        tables = {
            name: con.sql(
                f"SELECT * EXCLUDE (text, analysis) FROM {name}" if fmt == "csv" and name == "articles" else
                f"SELECT * REPLACE (array_to_string({_LIST_COLUMNS[name]}, '{SECTOR_JOIN}') AS "
                f"{_LIST_COLUMNS[name]}) FROM {name}" if fmt == "csv" and name in _LIST_COLUMNS else
                f"SELECT * FROM {name}"
            ).to_arrow_table()
            for name in _TABLES
        }  # fmt: skip
    if fmt == "parquet":
        target = out / "events"
        pads.write_dataset(
            events,
            target,
            format="parquet",
            partitioning=pads.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            existing_data_behavior="delete_matching",
            basename_template="part-{i}.parquet",
        )
        files.extend(sorted(target.rglob("*.parquet")))
        for name, table in tables.items():
            pq.write_table(table, out / f"{name}.parquet")
            files.append(out / f"{name}.parquet")
    else:
        pacsv.write_csv(events.drop_columns(["month"]), out / "events.csv")
        files.append(out / "events.csv")
        for name, table in tables.items():
            pacsv.write_csv(table, out / f"{name}.csv")
            files.append(out / f"{name}.csv")
    return ExportResult(fmt, out, tuple(files), events.num_rows)


def _open_out(out: Path) -> None:
    if out.is_dir():
        raise StoreError(f"{out}: is a directory; this export writes one file, give a file path")
    out.parent.mkdir(parents=True, exist_ok=True)


def quad_code(quad: str | None) -> int | None:
    """PLOVER's numeric quad: 1 verbal cooperation ... 4 material conflict."""
    return QUADS.index(quad) + 1 if quad in QUADS else None


def _entity(ref: ActorRef) -> dict[str, Any]:
    return {
        "code": ref.country,
        "sector": ref.sector,
        "sectors": list(ref.sectors),
        "entity_text": ref.text,
        "start": ref.start,
        "end": ref.end,
        "actor_id": ref.actor_id,
        "implied": ref.implied,
    }


def plover_record(row: EventRow) -> dict[str, Any]:
    """One event in the PLOVER manual's JSON field names, with tacitus's extras under ``tacitus``."""
    loc = row.location
    return {
        "id": f"{row.article_id}:{row.event_id}",
        "has_event": True,
        "date": row.event_date.isoformat() if row.event_date else None,
        "actor": [_entity(r) for r in row.actors],
        "recipient": [_entity(r) for r in row.recipients],
        "event": [row.event],
        "event_loc": None
        if loc is None
        else {
            "extracted_place": loc.text,
            "resolved_place": loc.name,
            "geonameid": loc.geonameid,
            "lat": loc.lat,
            "lon": loc.lon,
            "country_code": loc.country,
            "resolution": _PLOVER_RESOLUTION.get(loc.feature or ""),
            "start": loc.start,
            "end": loc.end,
        },
        "event_text": [row.trigger.text],
        "quad_code": quad_code(row.quad),
        "mode": [row.mode] if row.mode else [],
        "context": list(row.context),
        "text_info": {"start": row.sentence_start, "end": row.sentence_end},
        "cite_info": {
            "citation": row.article_id,
            "url": row.url,
            "title": row.title,
            "language": row.language,
            "publication": row.outlet,
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "coded_date": date.today().isoformat(),
        "tacitus": {
            "article_id": row.article_id,
            "event_id": row.event_id,
            "date": row.date,
            "date_text": row.date_text,
            "date_from": row.date_from,
            "date_granularity": row.date_granularity,
            "published": row.published.isoformat() if row.published else None,
            "cameo": row.cameo,
            "negated": row.negated,
            "modality": row.modality,
            "confidence": row.confidence,
            "trigger": row.trigger.to_dict(),
            "claimed_by": row.claimed_by.to_dict() if row.claimed_by else None,
        },
    }


def _plover(corpus: Corpus, out: Path, f: Filters) -> ExportResult:
    _open_out(out)
    rows = corpus.events(f)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
    return ExportResult("plover-json", out, (out,), len(rows))


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _gdelt_actor(ref: ActorRef | None) -> list[Any]:
    if ref is None:
        return [None] * 10
    code = (ref.country or "") + (ref.sector or "")
    # Type1Code is the primary sector; Type2Code and Type3Code the others (PRE for a partially recognised entity).
    types = [*ref.sectors[1:3], None, None][:2]
    return [code or None, ref.text.upper(), ref.country, None, None, None, None, ref.sector, *types]


def gdelt_rows(row: EventRow, first_id: int, added: date) -> list[list[Any]]:
    """GDELT-style rows for one event: one per (actor, recipient) pair, ids from ``first_id``."""
    day = row.event_date or row.published
    out: list[list[Any]] = []
    sides = product(row.actors or (None,), row.recipients or (None,))
    loc = row.location
    action_geo = (
        [None] * 7
        if loc is None
        else [_GDELT_GEO_TYPE.get(loc.feature or "", 4), loc.name, loc.country, None, loc.lat, loc.lon, loc.geonameid]
    )
    for n, (source, target) in enumerate(sides):
        cameo = row.cameo or ""
        out.append(
            [
                first_id + n,
                day.strftime("%Y%m%d") if day else None,
                day.strftime("%Y%m") if day else None,
                day.year if day else None,
                f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
                *_gdelt_actor(source),
                *_gdelt_actor(target),
                1 if row.sentence_start == 0 else 0,
                cameo or None,
                cameo[:3] or None,
                cameo[:2] or None,
                quad_code(row.quad),
                None,
                1,
                1,
                1,
                None,
                *([None] * 7),
                *([None] * 7),
                *action_geo,
                added.strftime("%Y%m%d"),
                row.url or row.article_id,
            ]
        )
    return out


def _gdelt(corpus: Corpus, out: Path, f: Filters) -> ExportResult:
    _open_out(out)
    rows = corpus.events(f)
    added = date.today()
    next_id = 1
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        for row in rows:
            lines = gdelt_rows(row, next_id, added)
            next_id += len(lines)
            writer.writerows([[_clean(v) for v in line] for line in lines])
    return ExportResult("gdelt", out, (out,), len(rows))
