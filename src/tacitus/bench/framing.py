"""Framing: biased sentences on BABE, loaded density and one-sidedness against BASIL.

BABE (Spinde et al. 2021): each sentence is analysed as its own article; an item is predicted
biased when any of its sentences is ``biased``. SG1 (1,546 sentences with an agreed label) is
the TUNE set the scorer's weights were chosen on; the 1,980 SG2 sentences that are not in SG1
are MEASURE. The scorer counts a hit inside quoted words as much as one outside
(``attributed`` weight 1.0), so quotes cannot change a sentence's score: for speed the BABE
part runs spaCy + framing only (with empty actors, quotes and events), and falls back to the
whole pipeline if that weight is ever changed.

BASIL (Fan et al. 2019, MEASURE, report only): 100 events x 3 outlets.
- loaded density: Spearman and Pearson correlation, over articles, between our authorial loaded
  terms per 1,000 words and BASIL's lexical-bias spans (as a count, and per 1,000 words).
- outlet ranking: BASIL's ``relative_stance`` gives each article center, or a side (left/liberal,
  right/conservative). Within each event, every pair of articles where one is center and the
  other takes a side is a test: we agree when our one-sidedness index is higher for the article
  that takes a side (ties count one half). Chance is 0.5.
"""

from __future__ import annotations

import ast
import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tacitus.actors import ActorIndex
from tacitus.bench import BenchContext, BenchReport, Metric, Role
from tacitus.framing import analyze_framing
from tacitus.model import Article, Framing

SG1 = "framing/babe/final_labels_SG1.csv"
SG2 = "framing/babe/final_labels_SG2.csv"
BASIL = "framing/basil"
PUBLISHED_F1 = 0.804
PUBLISHED_BY = "Spinde et al. 2021, RoBERTa + distant supervision"


@dataclass(frozen=True, slots=True)
class BabeItem:
    text: str
    biased: bool
    words: tuple[str, ...]  # the words annotators marked as biased


def read_babe(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _words(raw: str) -> tuple[str, ...]:
    """The ``biased_words`` column: a Python list literal such as ``['flood', 'slammed']``."""
    try:
        value = ast.literal_eval(raw) if raw.strip() else []
    except (ValueError, SyntaxError):
        return ()
    return tuple(str(w) for w in value) if isinstance(value, list) else ()


def babe_items(rows: Sequence[dict[str, str]]) -> list[BabeItem]:
    """Rows with an agreed label (``Biased`` / ``Non-biased``); ``No agreement`` rows are left out."""
    return [
        BabeItem(r["text"], r["label_bias"] == "Biased", _words(r.get("biased_words") or ""))
        for r in rows
        if r["label_bias"] in {"Biased", "Non-biased"}
    ]


def babe_sets(ctx: BenchContext) -> tuple[list[BabeItem], list[BabeItem], int]:
    """(SG1 TUNE items, SG2-not-in-SG1 MEASURE items, how many MEASURE items equal an SG1 text up to spaces)."""
    sg1_rows = read_babe(ctx.path(SG1))
    sg2_rows = read_babe(ctx.path(SG2))
    sg1_texts = {r["text"] for r in sg1_rows}
    measure_rows = [r for r in sg2_rows if r["text"] not in sg1_texts]
    stripped = {t.strip() for t in sg1_texts}
    near = sum(1 for r in measure_rows if r["text"].strip() in stripped and r["label_bias"] in {"Biased", "Non-biased"})
    return babe_items(sg1_rows), babe_items(measure_rows), near


def framings(ctx: BenchContext, texts: Sequence[str]) -> Iterator[Framing]:
    """Framing of each text analysed alone (spaCy + framing only while quotes cannot change the scores)."""
    analyzer = ctx.analyzer
    res = analyzer.resources
    if res.framing.weights.get("attributed") != 1.0:
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        for analysis in analyzer.analyze_many(articles):
            yield analysis.framing
        return
    empty = ActorIndex.build([], [])
    for doc in res.nlp.pipe(texts, batch_size=ctx.settings.batch_size):
        yield analyze_framing(doc, empty, (), (), res.framing)


def macro_f1(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    scores = []
    for cls in (True, False):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / 2


def covered(word: str, framing: Framing) -> bool:
    """An annotated biased word is covered when a loaded span is that word or contains it as a token."""
    w = word.lower().strip()
    return any(w == t.text.lower() or w in re.findall(r"[\w'-]+", t.text.lower()) for t in framing.loaded)


@dataclass(frozen=True, slots=True)
class BabeResult:
    f1: float
    n: int
    predicted_biased: int
    words: int
    words_covered: int
    f1_without: float | None  # MEASURE only: without the items that equal an SG1 text up to spaces


def score_babe(ctx: BenchContext, items: Sequence[BabeItem], skip: frozenset[str] = frozenset()) -> BabeResult:
    gold: list[bool] = []
    predicted: list[bool] = []
    keep: list[bool] = []
    words = words_covered = 0
    for item, framing in zip(items, framings(ctx, [i.text for i in items]), strict=True):
        gold.append(item.biased)
        predicted.append(any(s.biased for s in framing.sentences))
        keep.append(item.text.strip() not in skip)
        if item.biased:
            words += len(item.words)
            words_covered += sum(covered(w, framing) for w in item.words)
    f1_without = None
    if skip:
        f1_without = macro_f1(
            [g for g, k in zip(gold, keep, strict=True) if k], [p for p, k in zip(predicted, keep, strict=True) if k]
        )
    return BabeResult(macro_f1(gold, predicted), len(items), sum(predicted), words, words_covered, f1_without)


@dataclass(frozen=True, slots=True)
class BasilArticle:
    event: str
    outlet: str
    text: str
    stance: str  # center | left | right
    lexical_spans: int
    lexical_spans_unquoted: int


def basil_articles(ctx: BenchContext) -> list[BasilArticle]:
    root = ctx.path(BASIL)
    out: list[BasilArticle] = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        art_path = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        if not art_path.exists():
            continue
        art = json.loads(art_path.read_text(encoding="utf-8"))
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in art.get("body-paragraphs", [])]
        stance = str(ann.get("article-level-annotations", {}).get("relative_stance", "center")).lower()
        stance = {"liberal": "left", "conservative": "right"}.get(stance, stance)
        lexical = [p for p in ann.get("phrase-level-annotations", []) if p.get("bias") == "lex"]
        out.append(
            BasilArticle(
                event=str(ann.get("triplet-uuid") or art.get("triplet-uuid")),
                outlet=str(art.get("source", "")).lower(),
                text="\n\n".join(paragraphs),
                stance=stance,
                lexical_spans=len(lexical),
                lexical_spans_unquoted=sum(1 for p in lexical if p.get("quote") != "yes"),
            )
        )
    return out


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    vy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (vx * vy) if vx and vy else 0.0


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks with ties given their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def stance_agreement(rows: Sequence[tuple[str, str, float]]) -> tuple[float, int]:
    """(share of center-vs-side pairs within an event where the side-taking article is more one-sided, pairs)."""
    by_event: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for event, stance, index in rows:
        by_event[event].append((stance, index))
    agree = 0.0
    pairs = 0
    for articles in by_event.values():
        for stance_a, index_a in articles:
            if stance_a == "center":
                continue
            for stance_b, index_b in articles:
                if stance_b != "center":
                    continue
                pairs += 1
                agree += 1.0 if index_a > index_b else 0.5 if index_a == index_b else 0.0
    return (agree / pairs if pairs else 0.0), pairs


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("framing")
    tune, measure, near = babe_sets(ctx)
    if ctx.limit:
        tune, measure = tune[: ctx.limit], measure[: ctx.limit]
    if ctx.analyzer.resources.framing.weights.get("attributed") == 1.0:
        report.notes.append(
            "BABE: spaCy + framing only (quotes cannot change a sentence score at attributed weight 1.0)"
        )
    sg1_stripped = frozenset(i.text.strip() for i in babe_items(read_babe(ctx.path(SG1))))
    sets: list[tuple[str, list[BabeItem], Role]] = [
        ("BABE SG2 not in SG1", measure, "MEASURE"),
        ("BABE SG1", tune, "TUNE"),
    ]
    for label, items, role in sets:
        ctx.progress(f"framing: {label} ({len(items)} sentences)")
        result = score_babe(ctx, items, sg1_stripped if role == "MEASURE" else frozenset())
        report.add(
            Metric(
                "biased sentence macro-F1",
                result.f1,
                label,
                role,
                result.n,
                0.68 if role == "MEASURE" else None,
                PUBLISHED_F1,
                PUBLISHED_BY,
            )
        )
        report.add(
            Metric(
                "annotated biased words covered by a loaded span",
                result.words_covered / max(result.words, 1),
                label,
                role,
                result.words,
            )
        )
        report.notes.append(
            f"{label}: {result.predicted_biased} of {result.n} predicted biased; "
            f"{result.words_covered} of {result.words} annotated biased words inside a loaded span"
        )
        if result.f1_without is not None:
            report.notes.append(
                f"{label}: {near} items equal an SG1 sentence up to surrounding spaces; "
                f"macro-F1 without them {result.f1_without:.4f}"
            )
    articles = basil_articles(ctx)
    if ctx.limit:
        articles = articles[: ctx.limit]
    ctx.progress(f"framing: BASIL ({len(articles)} articles, whole pipeline)")
    density: list[float] = []
    counts: list[float] = []
    count_density: list[float] = []
    ranking: list[tuple[str, str, float]] = []
    failed: list[str] = []
    for art in articles:
        if not art.text.strip():
            failed.append(f"{art.event}:{art.outlet} (no text)")
            continue
        try:
            analysis = ctx.analyzer.analyze(Article(id=f"{art.event}:{art.outlet}", text=art.text, outlet=art.outlet))
        except Exception as exc:  # a crash in another stage is reported with its article, not hidden
            failed.append(f"{art.event}:{art.outlet} ({type(exc).__name__}: {exc})")
            continue
        summary = analysis.framing.summary
        words = max(int(summary.get("words", 0)), 1)
        density.append(float(summary["loaded"]["authorial_per_1000"]))
        counts.append(float(art.lexical_spans))
        count_density.append(1000.0 * art.lexical_spans / words)
        index = summary["one_sidedness"]["index"]
        ranking.append((art.event, art.stance, float(index) if index is not None else 0.0))
    if failed:
        report.notes.append(f"BASIL: {len(failed)} articles not scored: " + "; ".join(failed[:5]))
    n = len(density)
    report.add(
        Metric(
            "Spearman: authorial loaded density vs lexical-bias spans", spearman(density, counts), "BASIL", "MEASURE", n
        )
    )
    report.add(
        Metric(
            "Pearson: authorial loaded density vs lexical-bias spans", pearson(density, counts), "BASIL", "MEASURE", n
        )
    )
    report.add(
        Metric(
            "Spearman: authorial loaded density vs lexical-bias spans per 1,000 words",
            spearman(density, count_density),
            "BASIL",
            "MEASURE",
            n,
        )
    )
    agreement, pairs = stance_agreement(ranking)
    report.add(
        Metric("one-sidedness ranks side-taking above center (pairs in an event)", agreement, "BASIL", "MEASURE", pairs)
    )
    report.notes.append(
        "BASIL outlet ranking: chance is 0.5; stance from relative_stance (liberal=left, conservative=right)"
    )
    return report
