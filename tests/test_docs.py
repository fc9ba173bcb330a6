"""Docs are code: the README's commands and its generated results table."""

from __future__ import annotations

import re
from pathlib import Path

from tacitus.bench import BenchReport, Metric, render_markdown

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_fresh_machine_commands() -> None:
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block


def test_ci_runs_the_readmes_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_results_section_is_a_generated_table() -> None:
    section = README.split("<!-- bench:start -->", 1)[1].split("<!-- bench:end -->", 1)[0].strip()
    if section == "Not measured yet.":
        return
    lines = section.splitlines()
    assert re.match(r"Measured \d{4}-\d{2}-\d{2} on .+ with `tacitus bench NAME --json` for every", lines[0])
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| bench | metric | tacitus | target | best published | data set | role | n |"
    for row in table[2:]:
        cells = row.strip("|").split(" | ")
        assert len(cells) == 8, row
        float(cells[2])
        assert cells[6] in {"TUNE", "MEASURE", "DEV"}


def test_render_markdown_shows_target_and_published_figures() -> None:
    report = BenchReport("quotes")
    report.add(Metric("source F1", 0.61, "PolNeAR test", "MEASURE", 84, target=0.5, published=0.832, published_by="X"))
    payload = {
        "machine": {"date": "2026-11-29", "platform": "Linux", "processor": "x86_64", "cores": 2, "python": "3.11"},
        "reports": [report.to_dict()],
    }
    text = render_markdown(payload)
    assert "| quotes | source F1 | 0.610 | 0.5 (met) | 0.832 (X) | PolNeAR test | MEASURE | 84 |" in text
