"""Speed: the whole pipeline against bare spaCy parsing of the same texts, same model, same run.

Each configuration runs in fresh processes so peak memory is its own. Times exclude
model loading (every worker loads first, then times its share); with two processes
the texts are split in halves and the wall time is the slower half.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection

from tacitus.bench import BenchContext, BenchReport, Metric
from tacitus.settings import Settings

POLNEAR_TRAIN = "quotes/polnear/data/train/text"
DEFAULT_ARTICLES = 300
#: Articles in the Dask memory check's base set (run at 1x and 10x).
DASK_BASE = 30


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    peak_rss_mb: float


def load_texts(ctx: BenchContext, n: int) -> list[str]:
    folder = ctx.path(POLNEAR_TRAIN)
    files = sorted(folder.glob("*.txt"))[:n]
    return [f.read_text(encoding="utf-8") for f in files]


def _work(kind: str, settings: Settings, texts: list[str]) -> Timing:
    """Runs in a child process: load, then time ``kind`` over ``texts``."""
    if kind == "spacy":
        from tacitus.nlp import load_pipeline

        nlp = load_pipeline(settings)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
    else:
        from tacitus.model import Article
        from tacitus.pipeline import Analyzer

        analyzer = Analyzer(settings)
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        started = time.perf_counter()
        for _analysis in analyzer.analyze_many(articles):
            pass
    seconds = time.perf_counter() - started
    return Timing(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def measure(kind: str, settings: Settings, texts: list[str], processes: int) -> Timing:
    """Wall time of ``kind`` over ``texts`` split across ``processes`` fresh processes."""
    shares = [texts[i::processes] for i in range(processes)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        timings = list(pool.map(_work, [kind] * processes, [settings] * processes, shares))
    return Timing(max(t.seconds for t in timings), sum(t.peak_rss_mb for t in timings))


def _dask_child(settings: Settings, texts: list[str], workers: int, conn: Connection) -> None:
    """Runs in a fresh process: the whole Dask engine, cluster start and model loads included."""
    from tacitus.model import Article
    from tacitus.scale import analyze_dask

    articles = (Article(id=str(i), text=t) for i, t in enumerate(texts))
    started = time.perf_counter()
    analyzed = sum(len(shard.analyses) for shard in analyze_dask(articles, settings, workers=workers))
    seconds = time.perf_counter() - started
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((analyzed, seconds, driver))
    conn.close()


def measure_dask(settings: Settings, texts: list[str], workers: int = 2) -> tuple[int, float, float]:
    """(articles analyzed, wall seconds including cluster start, driver peak RSS MB)."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_dask_child, args=(settings, texts, workers, child))
    process.start()
    result: tuple[int, float, float] = parent.recv()
    process.join()
    return result


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("speed")
    n = ctx.limit or DEFAULT_ARTICLES
    texts = load_texts(ctx, n)
    words = sum(len(t.split()) for t in texts)
    dataset = f"PolNeAR train, first {len(texts)} articles ({words:,} words)"
    best: dict[str, tuple[float, int, Timing]] = {}
    for processes in (1, 2):
        for kind in ("spacy", "tacitus"):
            ctx.progress(f"speed: {kind} on {len(texts)} articles, {processes} process(es)")
            timing = measure(kind, ctx.settings, texts, processes)
            rate = len(texts) / timing.seconds
            report.notes.append(
                f"{kind}, {processes} process(es): {rate:.2f} articles/s, {words / timing.seconds:,.0f} words/s, "
                f"peak RSS {timing.peak_rss_mb:,.0f} MB"
            )
            if kind not in best or rate > best[kind][0]:
                best[kind] = (rate, processes, timing)
    spacy_rate, _, _ = best["spacy"]
    ours_rate, ours_procs, ours_timing = best["tacitus"]
    report.add(Metric("pipeline articles/s (best of 1, 2 processes)", ours_rate, dataset, "TUNE", len(texts)))
    report.add(Metric("bare spaCy articles/s (best of 1, 2 processes)", spacy_rate, dataset, "TUNE", len(texts)))
    report.add(Metric("pipeline words/s", ours_rate * words / len(texts), dataset, "TUNE", len(texts)))
    report.add(Metric("pipeline / bare spaCy speed", ours_rate / spacy_rate, dataset, "TUNE", len(texts), target=0.5))
    # Memory must stay flat as the input grows: the same base set once and ten times over.
    base = texts[:DASK_BASE]
    for factor in (1, 10):
        ctx.progress(f"speed: Dask engine, 2 workers, {factor}x {len(base)} articles")
        analyzed, seconds, driver_mb = measure_dask(ctx.settings, base * factor)
        report.notes.append(
            f"dask, 2 workers, {analyzed} articles: {analyzed / seconds:.2f} articles/s including cluster start "
            f"and model loads ({seconds:.1f} s), driver peak RSS {driver_mb:,.0f} MB"
        )
        report.add(
            Metric(
                f"Dask driver peak RSS MB, {factor}x input",
                driver_mb,
                f"PolNeAR train, first {len(base)} articles x{factor}",
                "TUNE",
                analyzed,
                higher_is_better=False,
            )
        )
        if factor == 10:
            report.add(
                Metric(
                    "Dask engine articles/s (2 workers, incl. start-up)",
                    analyzed / seconds,
                    f"PolNeAR train, first {len(base)} articles x10",
                    "TUNE",
                    analyzed,
                )
            )
    report.add(
        Metric(
            f"pipeline peak RSS MB ({ours_procs} process(es))",
            ours_timing.peak_rss_mb,
            dataset,
            "TUNE",
            len(texts),
            higher_is_better=False,
        )
    )
    return report
