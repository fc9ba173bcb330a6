"""Events: PLOVER type and full-tuple accuracy, quad accuracy, CASE 2021 types, and the stage's time share.

- PLOVER gold records (MEASURE): each record's text analyzed as one article. Event-type
  macro-F1 over the 16 PLOVER types, multi-label per record (a type counts as predicted if
  any event of that type is output); full-tuple recall: an output event of the gold type
  whose actor countries meet the gold source countries and, where the gold has a target,
  whose recipient countries meet the gold target countries. Reported beside it, without a target:
  the same recall when an event PLOVER codes with all parties as actors and no recipient (AGREE,
  CONSULT, COOPERATE, SUPPORT by several together) meets a gold target among its actors.
- ConfliBERT train (TUNE): 5-way CAMEO class accuracy. The labels are CAMEO root classes, not PLOVER
  quads: 0 = CAMEO 01-02 (statements, appeals, condolences, claims and denials of responsibility,
  considered options), 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16 (reduce relations: sanctions, expulsions,
  suspended aid, as in the Phoenix quad classes), 4 = 14-15 and 17-20 (checked on the train sentences).
- CASE 2021 task 2 (MEASURE, report only): fine-grained ACLED-style types mapped to a PLOVER
  type; macro-F1 over the mapped types.
- Held-out probes (DEV): the held-out halves of our own generalisation probes
  (``data/events/heldout/*.tsv``, one gold event per row, never diagnosed): the share of rows with
  an event of the gold type, and with one whose actor and recipient countries also meet the gold
  ones. Only these counts are printed, never a sentence: reading their failures would spoil them.
- Speed (DEV): event extraction time as a share of bare spaCy parsing of the same texts (best of three runs each).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tacitus.bench import BenchContext, BenchReport, Metric
from tacitus.bench.plover_gold import GSR_PATH, GoldRecord, load_gold
from tacitus.errors import DictionaryError
from tacitus.events import EVENT_TYPES, extract_events
from tacitus.events.extract import RECIPROCAL
from tacitus.model import QUADS, Analysis, Article, Event

CONFLIBERT_TRAIN = "events/conflibert/cameo_class_train.tsv"
#: The held-out halves of our own probes, shipped with the package.
HELDOUT = Path(__file__).resolve().parent.parent / "data" / "events" / "heldout"
#: Our PLOVER labels of the ConfliBERT train sentences (the sentences stay in the shared data).
PLOVER_LABELS = HELDOUT.parent / "labels" / "conflibert_train_plover.tsv"
CASE2021 = "events/case2021/CASE2021_task2_test_set_final_release_with_labels.tsv"
GOLD_DATE = date(2000, 1, 1)
#: Runs of the speed measurement; the best of them is reported, for parsing and for extraction alike.
SPEED_REPEATS = 3
#: The TUNE and CASE snippets carry no date; any fixed anchor will do (dates are not scored there).
ANCHOR_DATE = date(2020, 1, 1)

#: CASE 2021 fine-grained type -> PLOVER event (None: no PLOVER event, e.g. natural disasters).
#: Written from the type names and the ACLED/PLOVER definitions, not from the snippets.
CASE_TO_PLOVER: dict[str, str | None] = {
    "ABDUCT_DISSAP": "ASSAULT",
    "AGREEMENT": "AGREE",
    "AIR_STRIKE": "ASSAULT",
    "ARMED_CLASH": "ASSAULT",
    "ARREST": "COERCE",
    "ART_MISS_ATTACK": "ASSAULT",
    "ATTACK": "ASSAULT",
    "ATTRIB": "ACCUSE",
    "CHANGE_TO_GROUP_ACT": None,
    "CHEM_WEAP": "ASSAULT",
    "DIPLO": "CONSULT",
    "DISR_WEAP": "COERCE",
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT",
    "GRENADE": "ASSAULT",
    "HQ_ESTABLISHED": "MOBILIZE",
    "MAN_MADE_DISASTER": None,
    "MOB_VIOL": "PROTEST",
    "NATURAL_DISASTER": None,
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT",
    "ORG_CRIME": None,
    "OTHER": None,
    "PEACE_PROTEST": "PROTEST",
    "PROPERTY_DISTRUCT": "ASSAULT",
    "PROTEST_WITH_INTER": "PROTEST",
    "REM_EXPLOS": "ASSAULT",
    "SEX_VIOL": "ASSAULT",
    "SUIC_BOMB": "ASSAULT",
    "VIOL_DEMONSTR": "PROTEST",
}


@dataclass(frozen=True, slots=True)
class TypeScores:
    macro_f1: float
    per_type: dict[str, tuple[float, int]]  # type -> (F1, gold count)


def macro_f1(gold: Sequence[set[str]], predicted: Sequence[set[str]], types: Iterable[str]) -> TypeScores:
    """Multi-label macro-F1: per type, true positives are items where the type is both gold and predicted."""
    per_type: dict[str, tuple[float, int]] = {}
    for t in types:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if t in g and t in p)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if t not in g and t in p)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if t in g and t not in p)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        per_type[t] = (f1, tp + fn)
    scores = [f for f, _n in per_type.values()]
    return TypeScores(sum(scores) / len(scores) if scores else 0.0, per_type)


def tuple_hit(record: GoldRecord, events: Sequence[Event], reciprocal: bool = False) -> bool:
    """An event of the gold type whose actors meet the gold sources and recipients the gold targets.

    With ``reciprocal``, an event PLOVER codes with all its parties as actors and no recipient ("Israel and
    Jordan signed a treaty": the manual's "Compound and Reciprocal Actors") meets a gold target among its
    actors, as the CAMEO-style dyad (source, target) of the gold record reads the same event."""
    sources = {a.country for a in record.source if a.country}
    targets = {a.country for a in record.target if a.country}
    for e in events:
        if e.event != record.event:
            continue
        actors = {a.country for a in e.actor}
        if sources and not sources & actors:
            continue
        together = reciprocal and e.event in RECIPROCAL and len(actors) > 1 and not e.recipient
        if targets and not targets & ({r.country for r in e.recipient} | (actors if together else set())):
            continue
        return True
    return False


#: ConfliBERT class of each PLOVER type when an event carries no CAMEO code (its usual CAMEO root).
_TYPE_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), 2),
    "REQUEST": 0,
    **dict.fromkeys(("ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def cameo_class(event: Event) -> int:
    """The ConfliBERT class of one event by CAMEO root: 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, else 4.

    An event only considered ("is considering sending aid") is CAMEO 014, a statement (class 0).
    """
    if event.modality == "hypothetical":
        return 0
    code = event.cameo or ""
    if len(code) >= 2 and code[:2].isdigit():
        root = int(code[:2])
        return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 or root == 16 else 4
    return _TYPE_CLASS.get(event.event, QUADS.index(event.quad) + 1)


def sentence_quad(events: Sequence[Event]) -> int:
    """The ConfliBERT class of the most confident event; 0 (a statement, which PLOVER does not code) with none."""
    if not events:
        return 0
    return cameo_class(max(events, key=lambda e: e.confidence))


def _analyze(ctx: BenchContext, texts: Sequence[str], published: date | None) -> list[Analysis]:
    articles = [Article(id=str(i), text=t, published=published) for i, t in enumerate(texts)]
    return list(ctx.analyzer.analyze_many(articles))


def _plover(ctx: BenchContext, report: BenchReport) -> None:
    gold = load_gold(ctx.path(GSR_PATH))
    records = list(gold.records[: ctx.limit] if ctx.limit else gold.records)
    ctx.progress(f"events: {len(records)} PLOVER gold records")
    analyses = _analyze(ctx, [r.text for r in records], GOLD_DATE)
    gold_sets = [{r.event} for r in records]
    pred_sets = [{e.event for e in a.events} for a in analyses]
    scores = macro_f1(gold_sets, pred_sets, EVENT_TYPES)
    hits = sum(tuple_hit(r, a.events) for r, a in zip(records, analyses, strict=True))
    dataset = "PLOVER GSR (CAMEO-manual records, v0.5b1 labels remapped)"
    report.add(Metric("plover_event_type_macro_f1", scores.macro_f1, dataset, "MEASURE", len(records), target=0.70))
    report.add(Metric("plover_full_tuple_recall", hits / len(records), dataset, "MEASURE", len(records), target=0.50))
    # the same, reading PLOVER's reciprocal actor lists as the gold's CAMEO-style dyads (report only, no target)
    together = sum(tuple_hit(r, a.events, reciprocal=True) for r, a in zip(records, analyses, strict=True))
    report.add(Metric("plover_full_tuple_recall_reciprocal", together / len(records), dataset, "MEASURE", len(records)))
    report.notes.append(
        "PLOVER per-type F1: " + ", ".join(f"{t} {f:.2f} (n={n})" for t, (f, n) in scores.per_type.items())
    )
    report.notes.append(f"PLOVER records skipped: {gold.skipped}")


def _conflibert(ctx: BenchContext, report: BenchReport) -> None:
    path = ctx.path(CONFLIBERT_TRAIN)
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(r[0], int(r[1])) for r in csv.reader(f, delimiter="\t") if len(r) >= 2 and r[1].strip().isdigit()]
    if ctx.limit:
        rows = rows[: ctx.limit]
    ctx.progress(f"events: {len(rows)} ConfliBERT train sentences")
    analyses = _analyze(ctx, [t for t, _ in rows], ANCHOR_DATE)
    score_plover_labels([a.events for a in analyses], report)
    correct = sum(sentence_quad(a.events) == label for (_t, label), a in zip(rows, analyses, strict=True))
    report.add(
        Metric(
            "conflibert_quad_accuracy",
            correct / len(rows),
            "ConfliBERT cameo_class train (CAMEO root classes)",
            "TUNE",
            len(rows),
        )
    )


@dataclass(frozen=True, slots=True)
class PloverLabel:
    """Our PLOVER label of one ConfliBERT train sentence: its main event, that event's countries, other types."""

    idx: int
    event: str
    actor: str
    recipient: str
    others: frozenset[str]


def read_plover_labels(path: Path = PLOVER_LABELS) -> list[PloverLabel]:
    labels: list[PloverLabel] = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 5 or not cells[0].isdigit():
            raise DictionaryError(str(path), number, "expected idx, event, actor, recipient, others")
        idx, event, actor, recipient, others = cells
        labels.append(PloverLabel(int(idx), event, actor, recipient, frozenset(o for o in others.split(",") if o)))
    return labels


def score_plover_labels(events: Sequence[Sequence[Event]], report: BenchReport) -> None:
    """PLOVER type macro-F1 (the main event as the only gold type, as on the PLOVER GSR) and full-tuple recall on
    our labels of the ConfliBERT train sentences, per half: even rows were diagnosed, odd rows never."""
    labels = [lab for lab in read_plover_labels() if lab.idx < len(events)]
    for half, parity in (("dev", 0), ("heldout", 1)):
        rows = [(lab, events[lab.idx]) for lab in labels if lab.idx % 2 == parity]
        if not rows:
            continue
        gold = [{lab.event} - {"NONE"} for lab, _e in rows]
        pred = [{e.event for e in found} for _lab, found in rows]
        scores = macro_f1(gold, pred, EVENT_TYPES)
        hits = [
            probe_hit(ProbeRow("", ANCHOR_DATE, lab.event, lab.actor, lab.recipient), found)[1]
            for lab, found in rows
            if lab.event != "NONE"
        ]
        dataset = f"ConfliBERT cameo_class train, tacitus PLOVER labels ({half} half)"
        report.add(Metric(f"conflibert_plover_type_macro_f1_{half}", scores.macro_f1, dataset, "TUNE", len(rows)))
        report.add(
            Metric(f"conflibert_plover_full_tuple_recall_{half}", sum(hits) / len(hits), dataset, "TUNE", len(hits))
        )


def _case2021(ctx: BenchContext, report: BenchReport) -> None:
    path = ctx.path(CASE2021)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = [(r["EventSnippet"], r["SubType"]) for r in reader if r.get("EventSnippet")]
    if ctx.limit:
        rows = rows[: ctx.limit]
    ctx.progress(f"events: {len(rows)} CASE 2021 snippets")
    analyses = _analyze(ctx, [t for t, _ in rows], ANCHOR_DATE)
    gold = [{t} if (t := CASE_TO_PLOVER.get(sub)) else set() for _s, sub in rows]
    pred = [{e.event for e in a.events} for a in analyses]
    types = sorted({t for g in gold for t in g})
    scores = macro_f1(gold, pred, types)
    report.add(
        Metric(
            "case2021_plover_type_macro_f1",
            scores.macro_f1,
            "CASE 2021 task 2 (mapped to PLOVER)",
            "MEASURE",
            len(rows),
        )
    )
    report.notes.append(
        "CASE 2021 per-type F1: " + ", ".join(f"{t} {f:.2f} (n={n})" for t, (f, n) in scores.per_type.items())
    )


def _speed(ctx: BenchContext, report: BenchReport) -> None:
    """Event extraction time against bare spaCy parsing, on the ConfliBERT train sentences as one text each."""
    path = ctx.path(CONFLIBERT_TRAIN)
    with path.open(encoding="utf-8", newline="") as f:
        texts = [r[0] for r in csv.reader(f, delimiter="\t") if r]
    texts = texts[: ctx.limit or 400]
    analyzer = ctx.analyzer
    res = analyzer.resources
    # best of three runs each: one run of a third of a second moves by half its value between runs
    parse = float("inf")
    for _ in range(SPEED_REPEATS):
        started = time.perf_counter()
        docs = list(res.nlp.pipe(texts, batch_size=ctx.settings.batch_size))
        parse = min(parse, time.perf_counter() - started)
    from tacitus.actors import find_actors
    from tacitus.quotes import extract_quotes
    from tacitus.when import find_times
    from tacitus.where import find_places

    inputs = []
    for i, doc in enumerate(docs):
        article = Article(id=str(i), text=doc.text)
        actors = find_actors(doc, article, res.actors)
        inputs.append(
            (
                doc,
                actors,
                find_times(doc, ANCHOR_DATE),
                find_places(doc, actors, res.gazetteer),
                extract_quotes(doc, actors, res.cues),
            )
        )
    events = float("inf")
    for _ in range(SPEED_REPEATS):
        started = time.perf_counter()
        for doc, actors, times, places, quotes in inputs:
            extract_events(doc, ANCHOR_DATE, actors, times, places, quotes, res.events)
        events = min(events, time.perf_counter() - started)
    share = events / parse if parse else 0.0
    report.add(
        Metric(
            "events_time_share_of_parse",
            share,
            f"ConfliBERT train, {len(texts)} sentences",
            "DEV",
            len(texts),
            target=0.10,
            higher_is_better=False,
        )
    )
    report.notes.append(
        f"spaCy parse {parse:.2f}s, event extraction {events:.3f}s for {len(texts)} sentences (best of {SPEED_REPEATS})"
    )


@dataclass(frozen=True, slots=True)
class ProbeRow:
    """One row of a probe or regression file: a sentence, its publication date and its one gold event."""

    text: str
    published: date
    event: str
    actor: str
    recipient: str
    date: str = ""  # the event's own date, where the row gives one
    modality: str = ""
    line: int = 0


def read_probe(path: Path) -> list[ProbeRow]:
    """Rows of a probe file in the regression format (``#`` comments, a header, 7 tab-separated columns)."""
    rows: list[ProbeRow] = []
    header = True
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cells = line.split("\t")
        if len(cells) != 7:
            raise DictionaryError(str(path), number, f"expected 7 tab-separated cells, got {len(cells)}")
        text, published, event, actor, recipient, when, modality = cells
        rows.append(ProbeRow(text, date.fromisoformat(published), event, actor, recipient, when, modality, number))
    return rows


def probe_hit(row: ProbeRow, events: Sequence[Event]) -> tuple[bool, bool]:
    """(an event of the gold type, one that also meets the gold actor and recipient countries); a ``NONE`` row
    (a sentence that reports no event) passes both when no event is output."""
    if row.event == "NONE":
        return not events, not events
    same = [e for e in events if e.event == row.event]
    full = any(
        (not row.actor or row.actor in {a.country for a in e.actor})
        and (not row.recipient or row.recipient in {r.country for r in e.recipient})
        for e in same
    )
    return bool(same), full


def _heldout(ctx: BenchContext, report: BenchReport) -> None:
    for path in sorted(HELDOUT.glob("*.tsv")):
        rows = read_probe(path)
        if ctx.limit:
            rows = rows[: ctx.limit]
        ctx.progress(f"events: {len(rows)} held-out probe rows ({path.name})")
        articles = [Article(id=str(i), text=r.text, published=r.published) for i, r in enumerate(rows)]
        hits = [probe_hit(r, a.events) for r, a in zip(rows, ctx.analyzer.analyze_many(articles), strict=True)]
        dataset = f"tacitus {path.name} (own sentences, never diagnosed)"
        name = path.stem.removesuffix("_heldout")
        report.add(Metric(f"heldout_{name}_type", sum(t for t, _ in hits) / len(rows), dataset, "DEV", len(rows)))
        report.add(Metric(f"heldout_{name}_full", sum(f for _, f in hits) / len(rows), dataset, "DEV", len(rows)))


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("events")
    _plover(ctx, report)
    _conflibert(ctx, report)
    _case2021(ctx, report)
    _heldout(ctx, report)
    _speed(ctx, report)
    return report
