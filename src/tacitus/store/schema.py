"""The store's tables, and the migrations that build them.

``MIGRATIONS[i]`` takes a store from schema version ``i`` to ``i + 1``; a store records
its version in ``meta``. Migrations are append-only: never edit one that has shipped,
add the next. docs/store.md documents every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata

import duckdb

from tacitus.errors import StoreError

_V1 = (
    """
    CREATE TABLE meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE ingest_runs (
        run_id INTEGER PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,
        paths VARCHAR[],
        tacitus_version VARCHAR,
        spacy_model VARCHAR,
        seen INTEGER NOT NULL DEFAULT 0,
        stored INTEGER NOT NULL DEFAULT 0,
        already_stored INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE ingest_errors (
        run_id INTEGER,
        source VARCHAR NOT NULL,
        problem VARCHAR NOT NULL,
        fix VARCHAR,
        logged_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        published DATE,
        outlet VARCHAR,
        url VARCHAR,
        language VARCHAR,
        source VARCHAR,
        n_chars INTEGER NOT NULL,
        n_actors INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        n_places INTEGER NOT NULL,
        n_loaded INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        analysis JSON NOT NULL,
        run_id INTEGER,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        actor_id VARCHAR NOT NULL,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR,
        mentions INTEGER NOT NULL,
        first_start INTEGER,
        first_end INTEGER
    )
    """,
    """
    CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        event_id VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[],
        quad VARCHAR,
        cameo VARCHAR,
        date VARCHAR,
        event_date DATE,
        date_text VARCHAR,
        date_from VARCHAR,
        date_granularity VARCHAR,
        negated BOOLEAN NOT NULL,
        modality VARCHAR,
        confidence DOUBLE,
        score DOUBLE,
        trigger_text VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        location_text VARCHAR,
        location_start INTEGER,
        location_end INTEGER,
        location_name VARCHAR,
        location_geonameid BIGINT,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_country VARCHAR,
        location_feature VARCHAR
    )
    """,
    """
    CREATE TABLE event_actors (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        country VARCHAR,
        sector VARCHAR,
        actor_id VARCHAR
    )
    """,
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        quote_id VARCHAR NOT NULL,
        speaker_text VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_actor_id VARCHAR,
        speaker_country VARCHAR,
        speaker_sector VARCHAR,
        cue_text VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_lemma VARCHAR,
        cue_stance VARCHAR,
        content_text VARCHAR NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        direct BOOLEAN NOT NULL
    )
    """,
    """
    CREATE TABLE places (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name VARCHAR,
        geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        country VARCHAR,
        feature VARCHAR
    )
    """,
    """
    CREATE TABLE loaded_terms (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        category VARCHAR,
        attributed BOOLEAN NOT NULL,
        quote_id VARCHAR,
        lemma VARCHAR,
        side VARCHAR,
        source VARCHAR
    )
    """,
)

#: Version 2: every PLOVER sector tag of an actor (``Actor.sectors``: the primary ``sector`` first, then
#: PRE for a partially recognised entity's actors). Rows stored before are filled from ``sector``; the
#: extra PRE of a role ("Transnistrian officials") appears once the articles are analysed again.
_V2 = (
    "ALTER TABLE actors ADD COLUMN sectors VARCHAR[]",
    "UPDATE actors SET sectors = CASE WHEN sector IS NULL THEN []::VARCHAR[] ELSE [sector] END",
    "ALTER TABLE event_actors ADD COLUMN sectors VARCHAR[]",
    "UPDATE event_actors SET sectors = CASE WHEN sector IS NULL THEN []::VARCHAR[] ELSE [sector] END",
    "ALTER TABLE quotes ADD COLUMN speaker_sectors VARCHAR[]",
    "UPDATE quotes SET speaker_sectors = CASE WHEN speaker_sector IS NULL THEN []::VARCHAR[] ELSE [speaker_sector] END",
)

#: Version 3: whether an event's recipient has a country the text does not name (``ActorRef.implied``: read
#: from the actor's own country or the event's place). Rows stored before are false: earlier tacitus did not
#: mark the countries it inferred (people placed by an arrest's location), nor add a recipient where none is
#: named; both appear once the articles are analysed again.
_V3 = (
    "ALTER TABLE event_actors ADD COLUMN implied BOOLEAN",
    "UPDATE event_actors SET implied = false",
)

#: ``MIGRATIONS[i]`` upgrades a store from version ``i`` to ``i + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)

#: The tables an analysis is written into (all keyed by ``article_id``, ``articles`` by ``id``).
ANALYSIS_TABLES = ("articles", "actors", "events", "event_actors", "quotes", "places", "loaded_terms")


def store_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version a store is at (0 for an empty file)."""
    # fetchall, not fetchone: DuckDB refuses further work on a connection with a result left open.
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    ).fetchall()
    if not found[0][0]:
        return 0
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


def check_version(version: int, db: str) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db}: the store has schema version {version}, newer than this tacitus knows ({SCHEMA_VERSION}); "
            "upgrade tacitus to read it"
        )


def migrate(con: duckdb.DuckDBPyConnection, db: str, migrations: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Bring the store up to the latest schema, each step in its own transaction. Returns the version."""
    version = store_version(con)
    check_version(version, db)
    for target in range(version + 1, len(migrations) + 1):
        con.begin()
        try:
            for statement in migrations[target - 1]:
                con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('created_by', 'tacitus')", [str(target)]
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(migrations)


def tacitus_version() -> str:
    """The installed tacitus version (read from package metadata: ``tacitus`` imports this package)."""
    try:
        return metadata.version("tacitus")
    except metadata.PackageNotFoundError:
        return "unknown"
