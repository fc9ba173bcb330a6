"""``tacitus stories`` (cluster and list stories) and ``tacitus compare STORY`` (side by side per outlet)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from tacitus.cli.common import db_option, errors_to_click
from tacitus.stories import Outlet, compare, compare_rows, default_outlet_files, event_label, load_outlets

outlets_option = click.option(
    "--outlets",
    "outlet_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Your own outlet registry (TSV: name, aliases, country, ownership); extends the shipped one. Repeatable.",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


def _outlets(files: tuple[str, ...]) -> dict[str, Outlet]:
    with errors_to_click():
        return load_outlets([*default_outlet_files(), *(Path(f) for f in files)])


@click.command("stories")
@db_option
@click.option("--update", is_flag=True, help="First attach every stored article not yet in a story.")
@click.option("--rebuild", is_flag=True, help="First cluster every stored article again from scratch.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N stories.")
@format_option
def stories_cmd(db: str, update: bool, rebuild: bool, min_articles: int, limit: int | None, fmt: str) -> None:
    """List stories: articles across outlets that report the same events."""
    from tacitus.store.stories import list_stories, update_stories

    with errors_to_click():
        if update or rebuild:
            done = update_stories(db, rebuild=rebuild)
            print(
                f"tacitus: {done.added} articles clustered, {done.touched} stories updated, "
                f"{done.stories} stories in all" + (" (rebuilt)" if done.rebuilt else ""),
                file=sys.stderr,
            )
        rows = list_stories(db, min_articles=min_articles, limit=limit)
    if fmt == "json":
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    table = Table(title=f"stories ({len(rows)})")
    for col in ("story", "dates", "outlets", "articles", "title", "top events"):
        table.add_column(col, overflow="fold")
    for r in rows:
        dates = f"{r.first_date or '?'} .. {r.last_date or '?'}"
        top = "\n".join(f"{event_label(e)} [{e['num_sources']} src]" for e in r.top_events) or "-"
        table.add_row(r.story_id, dates, ", ".join(r.outlets), str(r.n_articles), r.title or "", top)
    Console(width=160).print(table)


@click.command("compare")
@click.argument("story")
@db_option
@outlets_option
@format_option
def compare_cmd(story: str, db: str, outlet_files: tuple[str, ...], fmt: str) -> None:
    """Compare how each outlet told STORY: events reported and omitted, voices, loaded terms, tone, one-sidedness."""
    from tacitus.store.stories import story_analyses

    registry = _outlets(outlet_files)
    with errors_to_click():
        analyses = story_analyses(db, story)
    result = {"story": story, **compare(analyses, registry)}
    if fmt == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    rows = compare_rows(result)
    table = Table(title=f"story {story}: {len(analyses)} articles, {len(result['events'])} events", show_lines=True)
    table.add_column("", style="bold")
    for _ in result["outlets"]:
        table.add_column("", overflow="fold")
    for aspect, cells in rows:
        table.add_row(aspect, *cells)
    Console(width=max(100, 40 + 45 * len(result["outlets"]))).print(table)


COMMANDS = (stories_cmd, compare_cmd)
