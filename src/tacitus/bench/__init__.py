"""``tacitus bench``: accuracy and speed on the public gold sets in ../shared/data.

Each benchmark is a module in this package with a ``run(ctx: BenchContext) -> BenchReport``
function; :data:`BENCHES` lists them in the order ``bench all`` runs them. Every figure
says which set it was measured on and whether that set is TUNE (developed on) or
MEASURE (scored only, never read to write a rule).
"""

from __future__ import annotations

import importlib
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from tacitus.errors import ConfigError
from tacitus.pipeline import Analyzer
from tacitus.settings import Settings

Role = Literal["TUNE", "MEASURE", "DEV"]

#: name -> module; ``bench all`` runs them in this order.
BENCHES: dict[str, str] = {
    "actors": "tacitus.bench.actors",
    "events": "tacitus.bench.events",
    "quotes": "tacitus.bench.quotes",
    "dates": "tacitus.bench.dates",
    "places": "tacitus.bench.places",
    "framing": "tacitus.bench.framing",
    "stories": "tacitus.bench.stories",
    "speed": "tacitus.bench.speed",
}


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure: ``value`` on ``dataset`` (role TUNE/MEASURE/DEV), with a target and the best published."""

    name: str
    value: float
    dataset: str
    role: Role
    n: int
    target: float | None = None
    published: float | None = None
    published_by: str | None = None
    higher_is_better: bool = True

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 4),
            "dataset": self.dataset,
            "role": self.role,
            "n": self.n,
            "target": self.target,
            "meets_target": self.meets_target,
            "published": self.published,
            "published_by": self.published_by,
        }


@dataclass(slots=True)
class BenchReport:
    name: str
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, metric: Metric) -> None:
        self.metrics.append(metric)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bench": self.name,
            "seconds": round(self.seconds, 2),
            "metrics": [m.to_dict() for m in self.metrics],
            "notes": self.notes,
        }


@dataclass(slots=True)
class BenchContext:
    """What a benchmark gets: the data folder, settings, a shared Analyzer, a size limit."""

    data_dir: Path
    settings: Settings
    limit: int | None = None
    progress: Callable[[str], None] = lambda _msg: None
    _analyzer: Analyzer | None = None

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer(self.settings)
        return self._analyzer

    def path(self, relative: str) -> Path:
        p = self.data_dir / relative
        if not p.exists():
            raise ConfigError(f"benchmark data {p} is missing; point --data at the shared data folder")
        return p


def find_data_dir(explicit: str | None = None) -> Path:
    """--data, else TACITUS_BENCH_DATA, else the nearest ``shared/data`` above the working directory
    or above this source tree (a checkout beside ``shared/``)."""
    if explicit:
        return Path(explicit)
    if os.environ.get("TACITUS_BENCH_DATA"):
        return Path(os.environ["TACITUS_BENCH_DATA"])
    here = Path.cwd().resolve()
    source = Path(__file__).resolve()
    for folder in (here, *here.parents, *source.parents):
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    raise ConfigError("no benchmark data found; pass --data PATH to the shared/data folder")


def run_bench(name: str, ctx: BenchContext) -> BenchReport:
    if name not in BENCHES:
        raise ConfigError(f"unknown benchmark {name!r}; choose from {', '.join(BENCHES)} or all")
    module = importlib.import_module(BENCHES[name])
    started = time.perf_counter()
    report: BenchReport = module.run(ctx)
    report.seconds = time.perf_counter() - started
    return report


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "processor": platform.machine(),
        "cores": os.cpu_count(),
    }


def render_markdown(payload: dict[str, Any]) -> str:
    """The README's results table from ``tacitus bench all --json`` output."""
    info = payload["machine"]
    lines = [
        f"Measured {info['date']} on {info['platform']} ({info['processor']}, {info['cores']} cores), "
        f"Python {info['python']}, with `tacitus bench NAME --json` for every benchmark below.",
        "",
        "| bench | metric | tacitus | target | best published | data set | role | n |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for report in payload["reports"]:
        for m in report["metrics"]:
            target = "" if m["target"] is None else f"{m['target']:g} ({'met' if m['meets_target'] else 'missed'})"
            published = "" if m["published"] is None else f"{m['published']:g} ({m['published_by']})"
            lines.append(
                f"| {report['bench']} | {m['name']} | {m['value']:.3f} | {target} | {published} "
                f"| {m['dataset']} | {m['role']} | {m['n']} |"
            )
    return "\n".join(lines) + "\n"
