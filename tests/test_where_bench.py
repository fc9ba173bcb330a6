"""The places benchmark: scoring rules on hand-made data, loaders and a short real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus import Analyzer
from tacitus.bench import BenchContext
from tacitus.bench.places import GoldDoc, GoldToponym, Score, distance_km, load_gwn, load_trnews, run, score_doc
from tacitus.model import Place

#: ../shared/data beside the project, as in conftest.py
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _place(text: str, start: int, lat: float, lon: float) -> Place:
    return Place(text, start, start + len(text), text, None, lat, lon, None, "city")


def test_where_bench_distance_paris_london_is_about_344_km() -> None:
    assert distance_km(48.85341, 2.3488, 51.50853, -0.12574) == pytest.approx(343.5, abs=1.0)


def test_where_bench_scores_found_wrong_and_spurious_places() -> None:
    text = "Paris and London and Rome."
    doc = GoldDoc(
        "d",
        text,
        (GoldToponym(0, 5, 48.85, 2.35, "Literal"), GoldToponym(10, 16, 51.51, -0.13, "Metonymic")),
        other=((21, 25),),
    )
    predicted = [
        _place("Paris", 0, 48.86, 2.34),  # right
        _place("London", 10, 42.98, -81.23),  # London, Ontario: wrong place
        _place("Rome", 21, 41.89, 12.48),  # on an unscored annotation
    ]
    score = Score()
    score_doc(doc, predicted, score)
    assert (score.gold, score.detected, score.found, score.pred, score.correct, score.pred_outside) == (
        2,
        2,
        1,
        3,
        1,
        1,
    )
    assert score.precision == pytest.approx(1 / 3)
    assert score.precision_lenient == pytest.approx(1 / 2)
    assert score.recall == pytest.approx(1 / 2)
    assert score.accuracy == pytest.approx(1 / 2)


@pytest.mark.skipif(not (SHARED_DATA / "geo").is_dir(), reason="needs ../shared/data/geo")
def test_where_bench_loaders_read_the_gold_sets() -> None:
    gwn = load_gwn(SHARED_DATA / "geo" / "GeoWebNews_GWN.xml")
    assert len(gwn) == 200
    assert sum(len(d.gold) for d in gwn) == 1638
    trnews = load_trnews(SHARED_DATA / "geo" / "TR-News.xml")
    assert len(trnews) == 118
    spans = [(d.text, g) for d in trnews for g in d.gold]
    aligned = sum(1 for text, g in spans if text[g.start : g.end].strip() == text[g.start : g.end])
    assert len(spans) == 1275 and aligned == len(spans)


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "geo").is_dir(), reason="needs ../shared/data/geo")
def test_where_bench_short_run_reports_both_sets(analyzer: Analyzer) -> None:
    ctx = BenchContext(Path(SHARED_DATA), analyzer.settings, limit=15, _analyzer=analyzer)
    report = run(ctx)
    by_key = {(m.name, m.dataset): m for m in report.metrics}
    tune = by_key[("f1@161km", "TR-News")]
    assert tune.role == "TUNE" and tune.value >= 0.6
    assert by_key[("resolution_acc@161km", "TR-News")].value >= 0.85
    measure = by_key[("resolution_acc@161km", "GeoWebNews_GWN")]
    assert measure.role == "MEASURE" and measure.published == 0.941
