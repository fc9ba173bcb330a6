"""Shared fixtures: one Analyzer for the whole session (loading spaCy costs seconds)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tacitus import Analysis, Analyzer, Article, Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: The reference data beside the project (../shared/data); tests that need it skip without it.
SHARED_DATA = ROOT.parent / "shared" / "data"

EXAMPLE_DATES = {
    "motion_row.txt": date(2015, 3, 12),
    "ceasefire.txt": date(2022, 11, 3),
    "shelling.txt": date(2024, 6, 11),
}


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(Settings())


@pytest.fixture(scope="session")
def analyze(analyzer: Analyzer) -> Callable[..., Analysis]:
    """analyze("text", published=date(...)) -> Analysis."""

    def run(text: str, published: date | None = date(2015, 3, 12), **fields: str) -> Analysis:
        return analyzer.analyze(Article(id="t", text=text, published=published, **fields))

    return run


@pytest.fixture(scope="session")
def example(analyzer: Analyzer) -> Callable[[str], Analysis]:
    """example("motion_row.txt") -> the analysis of a shipped example article."""
    cache: dict[str, Analysis] = {}

    def run(name: str) -> Analysis:
        if name not in cache:
            text = (EXAMPLES / name).read_text(encoding="utf-8")
            cache[name] = analyzer.analyze(Article(id=name, text=text, published=EXAMPLE_DATES.get(name)))
        return cache[name]

    return run
