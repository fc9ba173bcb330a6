"""``tacitus bench dates``: temporal expressions resolved against the publication date.

Scored on the project's own dev set (``data/when/dev_dates.tsv``: sentences written for
tacitus, role DEV), since ../shared/data holds no date gold. An expression counts as
right when the :class:`~tacitus.when.TimeExpr` overlapping it has the expected value and
granularity; a row of granularity ``none`` (an age, a count) is right when no expression
overlaps it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

from spacy.language import Language

from tacitus.bench import BenchContext, BenchReport, Metric
from tacitus.bench.speed import POLNEAR_TRAIN
from tacitus.errors import DictionaryError
from tacitus.nlp import load_pipeline
from tacitus.when import TimeExpr, find_times

_COLUMNS = ["sentence", "published", "expression", "value", "granularity"]


@dataclass(frozen=True, slots=True)
class DateCase:
    """One dev row: in ``sentence`` published on ``published``, ``expression`` means ``value``."""

    line: int
    sentence: str
    published: date | None
    expression: str
    value: str | None
    granularity: str  # day | week | month | year | period | unknown | none (not a date)


@dataclass(frozen=True, slots=True)
class DateOutcome:
    case: DateCase
    found: TimeExpr | None

    @property
    def correct(self) -> bool:
        if self.case.granularity == "none":
            return self.found is None
        return (
            self.found is not None
            and self.found.value == self.case.value
            and self.found.granularity == self.case.granularity
        )


def dev_set_path(name: str = "dev_dates.tsv") -> Path:
    """``dev_dates.tsv`` (the rules were developed on it) or ``heldout_dates.tsv`` (written later, never tuned on)."""
    return Path(str(files("tacitus") / "data" / "when" / name))


def load_dev_set(path: Path | None = None) -> tuple[DateCase, ...]:
    """Read the dev TSV; ``#`` lines are comments, the first other line is the header."""
    path = path or dev_set_path()
    cases: list[DateCase] = []
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            if cols != _COLUMNS:
                raise DictionaryError(str(path), number, f"header is {cols}", f"make it the tab-separated {_COLUMNS}")
            header_seen = True
            continue
        if len(cols) != 5:
            raise DictionaryError(str(path), number, f"{len(cols)} tab-separated columns instead of 5")
        sentence, published, expression, value, granularity = cols
        if expression not in sentence:
            raise DictionaryError(str(path), number, f"expression {expression!r} is not in the sentence")
        try:
            pub = date.fromisoformat(published) if published else None
        except ValueError as exc:
            raise DictionaryError(str(path), number, f"published {published!r} is not an ISO date") from exc
        cases.append(DateCase(number, sentence, pub, expression, None if value == "-" else value, granularity))
    return tuple(cases)


def _overlapping(times: Sequence[TimeExpr], start: int, end: int) -> TimeExpr | None:
    best: TimeExpr | None = None
    best_overlap = 0
    for t in times:
        overlap = min(end, t.end) - max(start, t.start)
        if overlap > best_overlap:
            best, best_overlap = t, overlap
    return best


def evaluate(nlp: Language, cases: Sequence[DateCase]) -> tuple[list[DateOutcome], float, float]:
    """Outcomes per case, and seconds spent parsing and resolving."""
    docs = list(nlp.pipe(c.sentence for c in cases))
    started = time.perf_counter()
    results = [find_times(doc, case.published) for doc, case in zip(docs, cases, strict=True)]
    resolving = time.perf_counter() - started
    started = time.perf_counter()
    list(nlp.pipe(c.sentence for c in cases))
    parsing = time.perf_counter() - started
    outcomes = []
    for case, times in zip(cases, results, strict=True):
        start = case.sentence.index(case.expression)
        outcomes.append(DateOutcome(case, _overlapping(times, start, start + len(case.expression))))
    return outcomes, parsing, resolving


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("dates")
    nlp = load_pipeline(ctx.settings)  # only the spaCy pipeline is needed, not every stage's lexicons
    for name, label in (("dev_dates.tsv", "dev"), ("heldout_dates.tsv", "held-out")):
        cases = load_dev_set(dev_set_path(name))
        if ctx.limit:
            cases = cases[: ctx.limit]
        ctx.progress(f"dates: {len(cases)} expressions from data/when/{name}")
        outcomes, parsing, resolving = evaluate(nlp, cases)
        _score(report, f"tacitus {name}", label, outcomes)
        n = len(outcomes)
        report.add(Metric(f"{label} resolve ms/sentence", 1000 * resolving / n, name, "DEV", n, higher_is_better=False))
        report.add(Metric(f"{label} parse ms/sentence", 1000 * parsing / n, name, "DEV", n, higher_is_better=False))
    _speed_on_articles(ctx, nlp, report)
    return report


def _speed_on_articles(ctx: BenchContext, nlp: Language, report: BenchReport) -> None:
    """Resolution time next to parse time on whole news articles: TUNE articles (PolNeAR train),
    timed only; their file names carry the publication date."""
    folder = ctx.data_dir / POLNEAR_TRAIN
    if not folder.is_dir():
        report.notes.append(f"no {folder}: speed on whole articles not measured")
        return
    paths = sorted(folder.glob("*.txt"))[: min(ctx.limit or 20, 20)]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    pubs = [date.fromisoformat(p.name.split("_")[1]) for p in paths]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parsing = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(find_times(doc, pub)) for doc, pub in zip(docs, pubs, strict=True))
    resolving = time.perf_counter() - started
    n = len(docs)
    dataset = "PolNeAR train articles"
    report.add(Metric("article resolve ms", 1000 * resolving / n, dataset, "TUNE", n, higher_is_better=False))
    report.add(Metric("article parse ms", 1000 * parsing / n, dataset, "TUNE", n, higher_is_better=False))
    report.add(Metric("resolve / parse time", resolving / parsing, dataset, "TUNE", n, higher_is_better=False))
    report.notes.append(f"{found} expressions in {n} articles ({sum(len(t) for t in texts):,} characters)")


def _score(report: BenchReport, dataset: str, label: str, outcomes: list[DateOutcome]) -> None:
    n = len(outcomes)
    report.add(Metric(f"{label} value+granularity accuracy", sum(o.correct for o in outcomes) / n, dataset, "DEV", n))
    timed = [o for o in outcomes if o.case.granularity != "none"]
    found = sum(o.found is not None for o in timed) / len(timed)
    report.add(Metric(f"{label} expressions found", found, dataset, "DEV", len(timed)))
    non = [o for o in outcomes if o.case.granularity == "none"]
    if non:
        report.add(
            Metric(f"{label} non-dates rejected", sum(o.correct for o in non) / len(non), dataset, "DEV", len(non))
        )
    by_gran: Counter[str] = Counter(o.case.granularity for o in outcomes)
    right: Counter[str] = Counter(o.case.granularity for o in outcomes if o.correct)
    for gran in sorted(by_gran):
        report.add(Metric(f"{label} accuracy ({gran})", right[gran] / by_gran[gran], dataset, "DEV", by_gran[gran]))
    for o in outcomes:
        if not o.correct:
            got = f"{o.found.text!r} -> {o.found.value} {o.found.granularity}" if o.found else "nothing"
            report.notes.append(
                f"{label} line {o.case.line}: {o.case.expression!r} ({o.case.published}) expected "
                f"{o.case.value} {o.case.granularity}, got {got}"
            )
