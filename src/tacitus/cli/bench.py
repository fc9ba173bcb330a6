"""``tacitus bench``: accuracy and speed on the public gold sets."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from tacitus.bench import BENCHES, BenchContext, BenchReport, find_data_dir, machine, run_bench
from tacitus.cli.common import config_option, errors_to_click, load_settings


@click.command("bench")
@click.argument("name", type=click.Choice([*BENCHES, "all"]))
@click.option("--data", "data_dir", type=click.Path(file_okay=False), help="The shared/data folder.")
@click.option("--limit", type=int, default=None, help="Score only the first N items of each set (quick runs).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
@config_option
def bench_cmd(name: str, data_dir: str | None, limit: int | None, as_json: bool, config: str | None) -> None:
    """Measure accuracy (and speed) on ../shared/data. TUNE sets are marked as such."""
    settings = load_settings(config)
    names = list(BENCHES) if name == "all" else [name]
    reports: list[BenchReport] = []
    err = Console(file=sys.stderr)
    with errors_to_click():
        ctx = BenchContext(find_data_dir(data_dir), settings, limit, progress=lambda m: err.print(f"[dim]{m}[/dim]"))
        for n in names:
            err.print(f"[bold]bench {n}[/bold]")
            reports.append(run_bench(n, ctx))
    if as_json:
        json.dump({"machine": machine(), "reports": [r.to_dict() for r in reports]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    print_reports(reports, Console(width=None if sys.stdout.isatty() else 200))


def print_reports(reports: list[BenchReport], console: Console) -> None:
    info = machine()
    table = Table(title=f"tacitus bench - {info['date']}, {info['platform']}, {info['cores']} cores")
    for col in ("bench", "metric", "ours", "target", "best published", "set", "role", "n"):
        table.add_column(col)
    for report in reports:
        for m in report.metrics:
            target = "-" if m.target is None else f"{m.target:g} {'ok' if m.meets_target else 'MISSED'}"
            published = "-" if m.published is None else f"{m.published:g} ({m.published_by})"
            table.add_row(report.name, m.name, f"{m.value:.3f}", target, published, m.dataset, m.role, str(m.n))
    console.print(table)
    for report in reports:
        for note in report.notes:
            console.print(f"[{report.name}] {note}")
