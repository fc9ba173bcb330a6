"""The PolNeAR scorer: span alignment on hand-made inputs, and a small run on the dev split (TUNE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.bench import BenchContext, BenchReport
from tacitus.bench.quotes import Counts, load_split, normalize, predicted, score_split
from tacitus.model import Quote, Span
from tacitus.settings import Settings

#: ../shared/data beside the project, as in conftest.py
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def test_bench_normalize_trims_marks_and_merges_fragments_split_by_punctuation() -> None:
    text = '"We go," he said, "now."'
    assert normalize(text, [(0, 8)]) == ((1, 6),)
    assert normalize(text, [(1, 6), (7, 9)]) == ((1, 6),)
    assert normalize(text, [(19, 22), (1, 6)]) == ((1, 6), (19, 22))
    assert normalize(text, [(6, 8)]) == ()


def test_bench_split_quotes_with_one_cue_are_scored_as_one_content() -> None:
    text = '"We go," he said, "now."'
    he, said = Span("he", 9, 11), Span("said", 12, 16)
    quotes = [
        Quote("Q1", he, None, said, Span("We go", 1, 6), True),
        Quote("Q2", he, None, said, Span("now.", 19, 23), True),
    ]
    sources, cues, contents = predicted(text, quotes)
    assert sources == {((9, 11),)}
    assert cues == {((12, 16),)}
    assert contents == {((1, 6), (19, 22))}


def test_bench_counts_precision_recall_f1() -> None:
    c = Counts()
    c.add([((0, 1),), ((2, 3),)], [((0, 1),), ((4, 5),), ((6, 7),)])
    p, r, f = c.prf()
    assert (p, r) == (0.5, 1 / 3)
    assert f == pytest.approx(0.4)


@pytest.mark.slow
def test_bench_quotes_on_a_few_dev_articles_scores_above_zero() -> None:
    dev = SHARED_DATA / "quotes" / "polnear" / "data" / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/data/quotes/polnear is absent")
    assert len(list(load_split(dev, limit=3))) == 3
    report = BenchReport("quotes")
    score_split(BenchContext(SHARED_DATA, Settings(), limit=3), dev, "PolNeAR dev", "TUNE", report)
    values = {m.name: m.value for m in report.metrics}
    assert 0.0 < values["cue_f1"] <= 1.0
    assert 0.0 < values["content_overlap_f1"] <= 1.0
    assert all(m.role == "TUNE" for m in report.metrics)
