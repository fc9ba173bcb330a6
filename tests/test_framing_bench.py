"""The framing bench's scorers and loaders (the figures themselves come from ``tacitus bench framing``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.bench import BenchContext
from tacitus.bench.framing import babe_sets, macro_f1, pearson, spearman, stance_agreement
from tacitus.settings import Settings

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def test_macro_f1_averages_both_classes() -> None:
    gold = [True, True, False, False]
    assert macro_f1(gold, gold) == 1.0
    assert macro_f1(gold, [True, False, False, False]) == pytest.approx((2 / 3 + 0.8) / 2)
    assert macro_f1(gold, [True] * 4) == pytest.approx((2 / 3 + 0.0) / 2)


def test_rank_correlation_handles_ties_and_monotone_curves() -> None:
    assert spearman([1, 2, 3, 4], [1, 4, 9, 16]) == pytest.approx(1.0)
    assert pearson([1, 2, 3, 4], [1, 4, 9, 16]) < 1.0
    assert spearman([1, 1, 2], [3, 3, 1]) == pytest.approx(-1.0)


def test_stance_agreement_compares_side_taking_with_center_within_an_event() -> None:
    rows = [
        ("e1", "left", 0.8),
        ("e1", "center", 0.2),
        ("e1", "right", 0.1),
        ("e2", "center", 0.5),
        ("e2", "left", 0.5),
    ]
    agreement, pairs = stance_agreement(rows)
    assert pairs == 3
    assert agreement == pytest.approx((1 + 0 + 0.5) / 3)


def test_babe_measure_set_is_sg2_minus_sg1() -> None:
    if not (SHARED_DATA / "framing" / "babe").is_dir():
        pytest.skip("../shared/data/framing/babe is absent")
    tune, measure, near = babe_sets(BenchContext(SHARED_DATA, Settings()))
    assert (len(tune), len(measure)) == (1546, 1980)
    assert near == 6
    assert sum(item.biased for item in tune) == 746
    assert any(item.words for item in tune if item.biased)
