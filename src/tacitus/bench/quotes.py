"""``tacitus bench quotes``: attribution spans on PolNeAR (brat standoff).

Scored on the test split (MEASURE, 84 articles) and the dev split (TUNE: rules were
developed on train and dev). One annotator's file per article: the first in name order.

Scoring, per article, micro-averaged over the split:

- exact-span precision / recall / F1 for source, cue and content spans;
- character-overlap F1 for content (characters inside gold vs predicted content).

Span conventions are aligned on both sides before comparing, so that the contract's
choices do not count as errors: each span is trimmed of surrounding whitespace, quote
marks and ``, . ; :``; a discontinuous span is compared as its tuple of fragments, with
fragments separated only by punctuation or marks merged. tacitus gives a split quote
(``"A," she said, "B."``) as two quotes with one speaker and cue; they are merged into
one discontinuous content, as PolNeAR annotates it.

The scored spans come from the parse alone (the actor index only fills
``speaker_actor``, which PolNeAR does not annotate), so the stage runs on an empty actor
index: the figures measure quote extraction, not the actor stage.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tacitus.actors import ActorIndex
from tacitus.bench import BenchContext, BenchReport, Metric, Role
from tacitus.errors import DictionaryError
from tacitus.model import Quote
from tacitus.quotes import extract_quotes

PUBLISHED = {"source": 0.832, "cue": 0.753, "content": 0.729}
PUBLISHED_BY = "CofeNet (fine-tuned BERT), PolNeAR exact-match F1"
TARGETS = {"source_f1": 0.50, "cue_f1": 0.55, "content_overlap_f1": 0.60}
_STRIP = " \t\n\r\"“”„«»'‘’`,.;:"

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    sources: frozenset[Fragments]
    cues: frozenset[Fragments]
    contents: frozenset[Fragments]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, pred: Iterable[Fragments], gold: Iterable[Fragments]) -> None:
        p, g = set(pred), set(gold)
        self.tp += len(p & g)
        self.pred += len(p)
        self.gold += len(g)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def normalize(text: str, fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Trim marks and edge punctuation from each fragment and merge fragments that only punctuation separates."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        while start < end and text[start] in _STRIP:
            start += 1
        while end > start and text[end - 1] in _STRIP:
            end -= 1
        if end <= start:
            continue
        if out and not text[out[-1][1] : start].strip(_STRIP):
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)


def _parse_ann(path: Path, text: str) -> tuple[set[Fragments], set[Fragments], set[Fragments]]:
    roles: dict[str, set[Fragments]] = {"Source": set(), "Cue": set(), "Content": set()}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("T"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise DictionaryError(str(path), number, "a T line needs an id, a label with offsets, and text")
        label, _, offsets = cols[1].partition(" ")
        if label not in roles:
            continue
        try:
            frags = [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]
        except ValueError as exc:
            raise DictionaryError(str(path), number, f"bad offsets {offsets!r}") from exc
        norm = normalize(text, frags)
        if norm:
            roles[label].add(norm)
    return roles["Source"], roles["Cue"], roles["Content"]


def load_split(folder: Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """Articles of one PolNeAR split, each with the first annotator's file in name order."""
    texts = sorted((folder / "text").glob("*.txt"))
    for text_path in texts[:limit] if limit else texts:
        anns = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        sources, cues, contents = _parse_ann(anns[0], text)
        yield GoldArticle(text_path.stem, text, frozenset(sources), frozenset(cues), frozenset(contents))


def predicted(text: str, quotes: Iterable[Quote]) -> tuple[set[Fragments], set[Fragments], set[Fragments]]:
    """Predicted spans, with split quotes (same cue and speaker) merged into one content."""
    sources: set[Fragments] = set()
    cues: set[Fragments] = set()
    groups: dict[tuple[int, int, int, int] | int, list[tuple[int, int]]] = {}
    for n, q in enumerate(quotes):
        if q.speaker is not None:
            sources.add(normalize(text, [(q.speaker.start, q.speaker.end)]))
        key: tuple[int, int, int, int] | int = n
        if q.cue is not None:
            cues.add(normalize(text, [(q.cue.start, q.cue.end)]))
            spk = (q.speaker.start, q.speaker.end) if q.speaker else (-1, -1)
            key = (q.cue.start, q.cue.end, *spk)
        groups.setdefault(key, []).append((q.content.start, q.content.end))
    contents = {normalize(text, frags) for frags in groups.values()}
    return sources - {()}, cues - {()}, contents - {()}


def _chars(spans: Iterable[Fragments]) -> set[int]:
    return {i for frags in spans for a, b in frags for i in range(a, b)}


def score_split(ctx: BenchContext, folder: Path, dataset: str, role: Role, report: BenchReport) -> None:
    analyzer = ctx.analyzer
    res = analyzer.resources
    counts = {"source": Counts(), "cue": Counts(), "content": Counts()}
    overlap = Counts()
    n = 0
    parse_s = quote_s = 0.0
    no_actors = ActorIndex.build([], [])
    for gold in load_split(folder, ctx.limit):
        ctx.progress(f"{dataset}: {gold.name}")
        t0 = time.perf_counter()
        doc = res.nlp(gold.text)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc, no_actors, res.cues)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        quote_s += t2 - t1
        sources, cues, contents = predicted(gold.text, quotes)
        counts["source"].add(sources, gold.sources)
        counts["cue"].add(cues, gold.cues)
        counts["content"].add(contents, gold.contents)
        pc, gc = _chars(contents), _chars(gold.contents)
        overlap.tp += len(pc & gc)
        overlap.pred += len(pc)
        overlap.gold += len(gc)
        n += 1
    for part, c in counts.items():
        p, r, f = c.prf()
        report.add(Metric(f"{part}_precision", p, dataset, role, c.pred))
        report.add(Metric(f"{part}_recall", r, dataset, role, c.gold))
        report.add(
            Metric(
                f"{part}_f1",
                f,
                dataset,
                role,
                c.gold,
                target=TARGETS.get(f"{part}_f1"),
                published=PUBLISHED[part],
                published_by=PUBLISHED_BY,
            )
        )
    p, r, f = overlap.prf()
    report.add(Metric("content_overlap_precision", p, dataset, role, overlap.pred))
    report.add(Metric("content_overlap_recall", r, dataset, role, overlap.gold))
    report.add(Metric("content_overlap_f1", f, dataset, role, overlap.gold, target=TARGETS["content_overlap_f1"]))
    report.notes.append(
        f"{dataset}: {n} articles; spaCy parse {parse_s:.1f} s, quote extraction {quote_s:.2f} s "
        f"({100 * quote_s / parse_s if parse_s else 0:.1f} % of parsing)"
    )


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("quotes")
    base = ctx.path("quotes/polnear/data")
    score_split(ctx, base / "dev", "PolNeAR dev", "TUNE", report)
    score_split(ctx, base / "test", "PolNeAR test", "MEASURE", report)
    report.notes.append(
        "exact match after trimming quote marks and edge punctuation on both sides; split quotes merged by cue"
    )
    return report
