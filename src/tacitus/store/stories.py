"""Stories in the store: the only module with story SQL.

Three tables beside the store's own, created here (``CREATE TABLE IF NOT EXISTS``, so any
store gains them on the first ``tacitus stories --update``):

- ``story_articles``: each clustered article, its story, the order it was added in
  (``seq``) and the features clustering used (lead terms, event keys), so the
  :class:`~tacitus.stories.StoryIndex` is rebuilt by replaying them in ``seq`` order
  without re-reading any analysis;
- ``stories``: per story its dates, outlets, article count and title;
- ``story_events``: the story's cross-article events (one row per real-world event, with
  NumArticles/NumSources and every (article, event) that reports it).

``story_params`` records the clustering parameters; when they change, the next update
clusters every article again from scratch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from tacitus.codec import analysis_from_dict
from tacitus.errors import StoreError
from tacitus.model import Analysis
from tacitus.store.connect import READ_TIMEOUT, WRITE_TIMEOUT, reader, writer_connection, writer_lock
from tacitus.stories import ArticleFeatures, EventKey, StoryIndex, StoryParams, merge_events

SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS story_params (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS story_articles (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        outlet VARCHAR,
        published DATE,
        terms JSON NOT NULL,
        event_keys JSON NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS stories (
        story_id VARCHAR PRIMARY KEY,
        first_date DATE,
        last_date DATE,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        outlets VARCHAR[],
        title VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS story_events (
        story_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        event VARCHAR NOT NULL,
        actor_countries VARCHAR[],
        recipient_countries VARCHAR[],
        event_date VARCHAR,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        outlets VARCHAR[],
        reports JSON NOT NULL
    )
    """,
)


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What ``update_stories`` did: articles newly clustered, stories touched, whether it started over."""

    added: int
    touched: int
    stories: int
    rebuilt: bool


@dataclass(frozen=True, slots=True)
class StoryRow:
    story_id: str
    first_date: date | None
    last_date: date | None
    n_articles: int
    n_outlets: int
    outlets: list[str]
    title: str | None
    top_events: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["first_date"] = self.first_date.isoformat() if self.first_date else None
        out["last_date"] = self.last_date.isoformat() if self.last_date else None
        return out


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def _params_text(params: StoryParams) -> str:
    return json.dumps(asdict(params), sort_keys=True)


def _features_of_row(row: tuple[Any, ...]) -> ArticleFeatures:
    article_id, outlet, published, terms, keys = row
    key_list: list[EventKey] = [(k[0], tuple(k[1]), tuple(k[2])) for k in json.loads(keys)]
    return ArticleFeatures(article_id, outlet, published, Counter(json.loads(terms)), frozenset(key_list))


def _analyses(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Analysis]:
    if not ids:
        return []
    rows = con.execute(
        "SELECT id, text, source, analysis FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
    ).fetchall()
    by_id = {r[0]: analysis_from_dict(json.loads(r[3]), text=r[1], source=r[2]) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def replay(con: duckdb.DuckDBPyConnection, params: StoryParams) -> StoryIndex:
    """The StoryIndex of the articles already clustered, rebuilt in the order they were added."""
    index = StoryIndex(params)
    rows = con.execute(
        "SELECT article_id, outlet, published, terms, event_keys FROM story_articles ORDER BY seq"
    ).fetchall()
    for row in rows:
        index.add(_features_of_row(row))
    return index


def update_stories(
    db: str | Path, params: StoryParams | None = None, *, rebuild: bool = False, timeout: float = WRITE_TIMEOUT
) -> StoryUpdate:
    """Attach every stored article not yet in a story to one, oldest first; one transaction.

    With ``rebuild`` (or when ``params`` differ from the stored ones) all articles are clustered again.
    """
    params = params or StoryParams()
    path = Path(db)
    if not path.exists():
        raise StoreError(f"{path}: no store there; create it with `tacitus ingest PATH... --db {path}`")
    with writer_lock(path), writer_connection(path, timeout) as con:
        con.begin()
        try:
            result = _update(con, params, rebuild)
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return result


def _update(con: duckdb.DuckDBPyConnection, params: StoryParams, rebuild: bool) -> StoryUpdate:
    ensure_tables(con)
    stored = con.execute("SELECT value FROM story_params WHERE key = 'params'").fetchall()
    if rebuild or (stored and stored[0][0] != _params_text(params)):
        rebuild = True
        for table in ("story_articles", "stories", "story_events"):
            con.execute(f"DELETE FROM {table}")
    con.execute("INSERT OR REPLACE INTO story_params VALUES ('params', ?)", [_params_text(params)])
    index = replay(con, params)
    new_rows = con.execute(
        "SELECT id, title, text, published, outlet FROM articles "
        "WHERE id NOT IN (SELECT article_id FROM story_articles) ORDER BY published NULLS FIRST, id"
    ).fetchall()
    new_ids = [r[0] for r in new_rows]
    analyses = {a.article.id: a for a in _analyses(con, new_ids)}
    seq = len(index.assignment)
    touched: set[str] = set()
    records: list[list[Any]] = []
    for article_id in new_ids:
        features = ArticleFeatures.of(analyses[article_id], params.lead_chars)
        story_id = index.add(features)
        touched.add(story_id)
        seq += 1
        keys = sorted([k[0], list(k[1]), list(k[2])] for k in features.event_keys)
        records.append(
            [
                article_id,
                story_id,
                seq,
                features.outlet,
                features.published,
                json.dumps(dict(features.terms), sort_keys=True),
                json.dumps(keys),
            ]
        )
    if records:
        con.executemany("INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?)", records)
    for story_id in sorted(touched):
        _write_story(con, story_id)
    return StoryUpdate(len(records), len(touched), len(index.stories), rebuild)


def _write_story(con: duckdb.DuckDBPyConnection, story_id: str) -> None:
    ids = [
        r[0]
        for r in con.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", [story_id]
        ).fetchall()
    ]
    analyses = _analyses(con, ids)
    days = [a.article.published for a in analyses if a.article.published]
    outlets = sorted({a.article.outlet or "(no outlet)" for a in analyses})
    title = next((a.article.title for a in analyses if a.article.title), None)
    con.execute("DELETE FROM stories WHERE story_id = ?", [story_id])
    con.execute("DELETE FROM story_events WHERE story_id = ?", [story_id])
    con.execute(
        "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
        [story_id, min(days, default=None), max(days, default=None), len(analyses), len(outlets), outlets, title],
    )
    rows = []
    for seq, ev in enumerate(merge_events(analyses), start=1):
        d = ev.to_dict()
        rows.append(
            [
                story_id,
                seq,
                d["event"],
                d["actor_countries"],
                d["recipient_countries"],
                d["date"],
                d["num_articles"],
                d["num_sources"],
                d["outlets"],
                json.dumps(d["reports"]),
            ]
        )
    if rows:
        con.executemany("INSERT INTO story_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def update_if_enabled(db: str | Path, timeout: float = WRITE_TIMEOUT) -> StoryUpdate | None:
    """After an ingest: attach the new articles to stories, if this store has stories (else None, nothing made).

    A store gets stories with the first ``tacitus stories --update``; from then on each ingest
    keeps them current with the parameters stored then.
    """
    with reader(db, timeout) as con:
        if not _has_stories(con):
            return None
        stored = con.execute("SELECT value FROM story_params WHERE key = 'params'").fetchall()
    params = StoryParams(**json.loads(stored[0][0])) if stored else None
    return update_stories(db, params, timeout=timeout)


# --- reading ----------------------------------------------------------------------------


def _has_stories(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'stories'").fetchall()
    return bool(found[0][0])


def list_stories(
    db: str | Path, *, min_articles: int = 1, limit: int | None = None, timeout: float = READ_TIMEOUT
) -> list[StoryRow]:
    """Stories, the most reported first (outlets, then articles, then latest)."""
    with reader(db, timeout) as con:
        if not _has_stories(con):
            return []
        rows = con.execute(
            "SELECT story_id, first_date, last_date, n_articles, n_outlets, outlets, title FROM stories "
            "WHERE n_articles >= ? ORDER BY n_outlets DESC, n_articles DESC, last_date DESC NULLS LAST, story_id "
            + ("LIMIT ?" if limit is not None else ""),
            [min_articles] + ([limit] if limit is not None else []),
        ).fetchall()
        ids = [r[0] for r in rows]
        top: dict[str, list[dict[str, Any]]] = {}
        if ids:
            events = con.execute(
                "SELECT story_id, event, actor_countries, recipient_countries, event_date, num_articles, num_sources "
                "FROM story_events WHERE story_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY story_id, num_sources DESC, num_articles DESC, seq",
                [ids],
            ).fetchall()
            for sid, event, actors, recipients, day, n_art, n_src in events:
                bucket = top.setdefault(sid, [])
                if len(bucket) < 3:
                    bucket.append(
                        {
                            "event": event,
                            "actor_countries": actors,
                            "recipient_countries": recipients,
                            "date": day,
                            "num_articles": n_art,
                            "num_sources": n_src,
                        }
                    )
    return [
        StoryRow(sid, first, last, n_art, n_out, list(outs or []), title, top.get(sid, []))
        for sid, first, last, n_art, n_out, outs, title in rows
    ]


def story_analyses(db: str | Path, story_id: str, timeout: float = READ_TIMEOUT) -> list[Analysis]:
    """The stored analyses of a story's articles, in the order they joined it."""
    with reader(db, timeout) as con:
        if not _has_stories(con):
            raise StoreError(f"{db}: no stories yet; run `tacitus stories --update --db {db}`")
        ids = [
            r[0]
            for r in con.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", [story_id]
            ).fetchall()
        ]
        if not ids:
            raise StoreError(f"{db}: no story {story_id!r}; list stories with `tacitus stories --db {db}`")
        return _analyses(con, ids)


def assignments(db: str | Path, timeout: float = READ_TIMEOUT) -> dict[str, str]:
    """article id -> story id, for every clustered article."""
    with reader(db, timeout) as con:
        if not _has_stories(con):
            return {}
        return dict(con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
