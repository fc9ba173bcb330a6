"""What the commands share: settings, error translation, skip reports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

import click

from tacitus.errors import InputError, TacitusError
from tacitus.ingest import parse_date
from tacitus.settings import Settings

EXIT_SKIPPED = 3

F = TypeVar("F", bound=Callable[..., object])


@contextmanager
def errors_to_click() -> Iterator[None]:
    """Translate tacitus errors into a one-line message and exit status 1, no traceback."""
    try:
        yield
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc


def load_settings(config: str | None) -> Settings:
    with errors_to_click():
        return Settings.load(config)


def published_option(value: str | None) -> date | None:
    if value is None:
        return None
    with errors_to_click():
        return parse_date(value, "--published")


def report_skipped(skipped: Sequence[InputError], total: int) -> None:
    """List skipped inputs on stderr and exit with EXIT_SKIPPED if there were any."""
    if not skipped:
        return
    err = sys.stderr
    print(f"tacitus: skipped {len(skipped)} of {total} inputs:", file=err)
    for problem in skipped:
        print(f"  {problem}", file=err)
    raise SystemExit(EXIT_SKIPPED)


config_option = click.option(
    "--config", type=click.Path(dir_okay=False), default=None, help="A tacitus.toml settings file."
)

#: The store every store command reads or writes unless ``--db`` names another.
DEFAULT_DB = "tacitus.duckdb"

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=DEFAULT_DB, show_default=True, help="The DuckDB store file."
)
