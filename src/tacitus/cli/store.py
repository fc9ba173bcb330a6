"""The store's commands: ``ingest``, ``events|quotes|actors|articles``, ``stats``, ``export``.

Each parses its options, calls one function of :mod:`tacitus.store`, and prints.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tacitus.cli.common import (
    config_option,
    db_option,
    errors_to_click,
    load_settings,
    published_option,
    report_skipped,
)
from tacitus.ingest import Defaults, parse_date
from tacitus.store import FORMATS, Corpus, ExportFormat, Filters, IngestProgress, export, ingest
from tacitus.store.ingest import Engine, dask_engine
from tacitus.store.rows import AnyRow, row_to_dict, row_to_flat

F = TypeVar("F", bound=Callable[..., Any])

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
limit_option = click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows.")


def filter_options(func: F) -> F:
    """The filters every query command shares (bound as SQL parameters, never spliced)."""
    options = [
        click.option("--country", help="Country code (ISO 3166 alpha-3 or PLOVER: UKR, IGO, ...)."),
        click.option("--actor", help="Source actor: country (RUS), country+sector (RUSMIL) or part of its name."),
        click.option("--recipient", help="Recipient of events: as --actor."),
        click.option("--type", "kind", help="Event type (REQUEST); quotes: direct|indirect; actors: sector or kind."),
        click.option("--since", help="From this date (YYYY-MM-DD), inclusive."),
        click.option("--until", help="Up to this date (YYYY-MM-DD), inclusive."),
        click.option("--outlet", help="Only articles from this outlet (case-insensitive)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    with errors_to_click():
        return parse_date(value, name)


def make_filters(limit: int | None = None, **kw: str | None) -> Filters:
    return Filters(
        country=kw.get("country"),
        actor=kw.get("actor"),
        recipient=kw.get("recipient"),
        type=kw.get("kind"),
        since=_day(kw.get("since"), "--since"),
        until=_day(kw.get("until"), "--until"),
        outlet=kw.get("outlet"),
        limit=limit,
    )


#: The columns a terminal table shows per row type (json and csv give every field).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "EventRow": (
        "event_date", "event", "mode", "actors_text", "actors_country", "recipients_text",
        "recipients_country", "trigger_text", "article_id",
    ),
    "QuoteRow": ("article_id", "speaker_text", "speaker_country", "cue_text", "direct", "content_text"),
    "ActorRow": ("article_id", "actor_id", "name", "country", "sector", "kind", "mentions"),
    "ArticleRow": ("id", "published", "outlet", "title", "n_actors", "n_events", "n_quotes"),
}  # fmt: skip


def emit(rows: Sequence[AnyRow], fmt: str, title: str) -> None:
    """Print rows as a rich table, a JSON list or CSV on stdout."""
    out = sys.stdout
    if fmt == "json":
        json.dump([row_to_dict(r) for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    flat = [row_to_flat(r) for r in rows]
    if fmt == "csv":
        if not flat:
            return
        writer = csv.DictWriter(out, fieldnames=list(flat[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    table = Table(title=f"{title} ({len(rows)})")
    columns = list(TABLE_COLUMNS.get(type(rows[0]).__name__, flat[0])) if rows else []
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in flat:
        table.add_row(*("" if r[c] is None else str(r[c]) for c in columns))
    Console().print(table)


# ---- ingest -------------------------------------------------------------------------------


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--outlet", help="Outlet name for articles that carry none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per transaction.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Analyze in this process, or on a Dask cluster (needs the 'scale' extra).",
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Dask: local worker processes."
)
@click.option("--scheduler", default=None, help="Dask: join this scheduler (tcp://HOST:PORT) instead of a local one.")
@click.option(
    "--shards", type=click.Path(file_okay=False), default=None, help="Dask: also keep each Parquet shard here."
)
@config_option
def ingest_cmd(
    paths: tuple[str, ...],
    db: str,
    published: str | None,
    outlet: str | None,
    batch_size: int | None,
    engine: str,
    workers: int,
    scheduler: str | None,
    shards: str | None,
    config: str | None,
) -> None:
    """Analyze articles and store them in a DuckDB corpus.

    Resumable and idempotent: articles already stored are skipped before analysis, and
    each batch is one transaction, so re-running after a crash completes the rest.
    Bad inputs are listed on stderr and in the ingest_errors table; the exit status is then 3.
    With --engine dask the same store gets the same results, analyzed in parallel.
    """
    settings = load_settings(config)
    defaults = Defaults(published_option(published), outlet, settings.max_file_bytes)
    err = Console(file=sys.stderr)
    chosen: Engine | None = None
    if engine == "dask":
        chosen = dask_engine(
            settings,
            workers=workers,
            scheduler=scheduler,
            partition_size=batch_size,
            shard_dir=Path(shards) if shards else None,
        )
    with errors_to_click():
        if sys.stderr.isatty():
            result = _ingest_with_bar(paths, db, settings, defaults, batch_size, err, chosen)
        else:
            result = ingest(paths, db, settings, defaults=defaults, batch_size=batch_size, engine=chosen)
    print(
        f"tacitus: stored {result.stored} articles in {result.db} ({result.articles_per_second:.1f} articles/s, "
        f"{result.seconds:.1f} s); {result.already_stored} already stored; {len(result.errors)} bad inputs; "
        f"run {result.run_id}",
        file=sys.stderr,
    )
    if result.interrupted_runs:
        runs = ", ".join(str(r) for r in result.interrupted_runs)
        print(f"tacitus: earlier run(s) {runs} had been interrupted; this run completed them", file=sys.stderr)
    from tacitus.store.stories import update_if_enabled  # keeps stories current once a store has them

    with errors_to_click():
        stories = update_if_enabled(db)
    if stories is not None:
        print(f"tacitus: {stories.added} articles attached to stories ({stories.stories} in all)", file=sys.stderr)
    report_skipped(list(result.errors), result.seen)


def _ingest_with_bar(
    paths: Sequence[str],
    db: str,
    settings: Any,
    defaults: Defaults,
    batch_size: int | None,
    err: Console,
    engine: Engine | None,
) -> Any:
    columns = (
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s, {task.fields[skipped]} already stored, {task.fields[bad]} bad"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="-", skipped=0, bad=0)

        def show(p: IngestProgress) -> None:
            rate = f"{p.stored / p.seconds:.1f}" if p.seconds > 0 else "-"
            bar.update(task, completed=p.seen, rate=rate, skipped=p.already_stored, bad=p.errors)

        return ingest(paths, db, settings, defaults=defaults, batch_size=batch_size, progress=show, engine=engine)


# ---- queries ------------------------------------------------------------------------------


def _query_command(name: str, doc: str) -> click.Command:
    @click.command(name, help=doc)
    @db_option
    @filter_options
    @limit_option
    @format_option
    def command(db: str, limit: int | None, fmt: str, **kw: str | None) -> None:
        filters = make_filters(limit, **kw)
        with errors_to_click():
            corpus = Corpus(db)
            rows: Sequence[AnyRow] = getattr(corpus, name)(filters)
        emit(rows, fmt, name)

    return command


events_cmd = _query_command(
    "events",
    "Stored events, oldest first. --country matches either side or the location; --since/--until the event date.",
)
quotes_cmd = _query_command(
    "quotes", "Stored quotes. --country/--actor match the speaker; --type is direct or indirect."
)
actors_cmd = _query_command(
    "actors", "Stored actors, one row per article. --type matches a sector (GOV) or kind (person)."
)
articles_cmd = _query_command(
    "articles", "Stored articles. --country/--actor need a matching actor; --recipient/--type a matching event."
)


@click.group("stats")
def stats_cmd() -> None:
    """Counts over stored events: dyads and timelines."""


@stats_cmd.command("dyads")
@db_option
@filter_options
@limit_option
@format_option
def dyads_cmd(db: str, limit: int | None, fmt: str, **kw: str | None) -> None:
    """Events per (actor country, recipient country), by PLOVER quad; most first."""
    filters = make_filters(limit, **kw)
    with errors_to_click():
        rows = Corpus(db).dyads(filters)
    emit(rows, fmt, "dyads")


@stats_cmd.command("timeline")
@db_option
@filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@limit_option
@format_option
def timeline_cmd(db: str, by: str, limit: int | None, fmt: str, **kw: str | None) -> None:
    """Events per period and event type, oldest first."""
    filters = make_filters(limit, **kw)
    with errors_to_click():
        rows = Corpus(db).timeline(by, filters)  # type: ignore[arg-type]  # click.Choice checked the value
    emit(rows, fmt, "timeline")


# ---- export -------------------------------------------------------------------------------


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Export format.")
@click.option("--out", required=True, type=click.Path(), help="A directory (parquet, csv) or a file (others).")
@filter_options
def export_cmd(db: str, fmt: str, out: str, **kw: str | None) -> None:
    """Export stored events: Parquet (by month), CSV, PLOVER JSON lines, or GDELT-style TSV.

    Filters select events; Parquet and CSV also copy the other tables whole.
    """
    filters = make_filters(None, **kw)
    fmt_checked: ExportFormat = next(f for f in FORMATS if f == fmt)
    with errors_to_click():
        result = export(db, fmt_checked, Path(out), filters)
    print(f"tacitus: exported {result.events} events as {result.format} to {result.out}", file=sys.stderr)


COMMANDS: tuple[click.Command, ...] = (
    ingest_cmd,
    events_cmd,
    quotes_cmd,
    actors_cmd,
    articles_cmd,
    stats_cmd,
    export_cmd,
)
