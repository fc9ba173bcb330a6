"""``tacitus analyze``: analyze articles and print the analysis."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from tacitus.cli.common import config_option, errors_to_click, load_settings, published_option, report_skipped
from tacitus.errors import InputError
from tacitus.ingest import Defaults, read_articles
from tacitus.model import Analysis, Article
from tacitus.pipeline import Analyzer
from tacitus.render import render_table


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--outlet", help="Outlet name for articles that carry none.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format [default: table on a terminal, jsonl for JSONL input, json otherwise].",
)
@click.option("--include-text", is_flag=True, help="Put the (extracted) article text in article.text.")
@config_option
def analyze_cmd(
    paths: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    fmt: str | None,
    include_text: bool,
    config: str | None,
) -> None:
    """Analyze text, HTML or JSONL files (or directories of them).

    JSONL input gives one analysis a line, in input order. Bad inputs are
    reported on stderr and skipped; the exit status is then 3.
    """
    settings = load_settings(config)
    defaults = Defaults(published_option(published), outlet, settings.max_file_bytes)
    if fmt is None:
        jsonl_input = all(p.lower().endswith((".jsonl", ".ndjson")) for p in paths)
        fmt = "jsonl" if jsonl_input else ("table" if sys.stdout.isatty() else "json")
    skipped: list[InputError] = []
    total = 0
    with errors_to_click():
        analyzer = Analyzer(settings)

        def good_articles() -> Iterator[Article]:
            nonlocal total
            for item in read_articles(paths, defaults):
                total += 1
                if isinstance(item, InputError):
                    skipped.append(item)
                    continue
                try:
                    analyzer.check(item)
                except InputError as exc:
                    skipped.append(exc)
                    continue
                yield item

        analyses = analyzer.analyze_many(good_articles())
        _emit(analyses, fmt, include_text)
    report_skipped(skipped, total)


def _emit(analyses: Iterator[Analysis], fmt: str, include_text: bool) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for analysis in analyses:
            out.write(json.dumps(analysis.to_dict(include_text), ensure_ascii=False) + "\n")
            out.flush()
    elif fmt == "json":
        docs = [a.to_dict(include_text) for a in analyses]
        json.dump(docs[0] if len(docs) == 1 else docs, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for analysis in analyses:
            render_table(analysis, out)
