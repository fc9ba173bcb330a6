"""Actors: country coding of event actors on the PLOVER gold records, ConfliBERT actor spans, speed.

- PLOVER gold records (MEASURE, scored only): each record's text is analyzed as one article
  published on the record's date. For a record whose gold type was predicted, the actor
  (recipient) country set is the union of the countries of the actor (recipient) refs of the
  predicted events of that type; it is compared with the gold source (target) country set.
  Micro-F1 sums true positives, false positives and false negatives over those records.
  ``country+sector agreement``: of the gold actors/recipients with a sector whose country was
  found, the share for which a predicted ref of that country has the same sector. Also,
  independent of the event coder: ``gold country recall in actor mentions``, the share of gold
  source/target countries that appear among the record's coded actors at all.
- ConfliBERT ``cameo_ner_train`` (TUNE): BIO spans S (source) and T (target). Each sentence's
  tokens are joined by single spaces and analyzed. Predicted sources/targets are the actor refs
  of the events; with no events, the actor mentions in subject (nsubj, nsubjpass) and object
  (dobj, pobj of an agentive/direct verb, dative) position. A predicted span matches a gold span
  of the same role when their characters overlap; each span matches at most once. R (reciprocal)
  spans are not scored. The ``_resolved`` variants score a resolved pronoun ("barred her") by its
  antecedent's span, as the gold marks the name. The notes split the target errors: gold targets
  with no actor mention in them (recognition), with a mention made the source, or with a mention
  the events left out or replaced by another (role choice); predicted targets in sentences whose
  gold has no target at all.
- Speed (DEV): dictionary load time from cold caches, and actor matching time as a share of
  spaCy parsing time on the same ConfliBERT sentences.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.actors import ActorIndex, find_actors, load_actor_lexicon
from tacitus.actors import lexicon as actor_lexicon
from tacitus.bench import BenchContext, BenchReport, Metric
from tacitus.bench.plover_gold import GSR_PATH, load_gold
from tacitus.model import ActorRef, Analysis, Article

CONFLIBERT_NER = "events/conflibert/cameo_ner_train.txt"
PLOVER_SET = "PLOVER GSR (CAMEO-manual records, labels remapped to v0.8)"
CONFLIBERT_SET = "ConfliBERT cameo_ner_train"

_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_OBJECT = frozenset({"dobj", "dative", "pobj", "attr"})


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def set_counts(gold: frozenset[str] | set[str], predicted: frozenset[str] | set[str]) -> Counts:
    return Counts(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def span_counts(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> Counts:
    """Overlap matching: each gold and each predicted span is used at most once."""
    free = list(predicted)
    tp = 0
    for gs, ge in gold:
        for k, (ps, pe) in enumerate(free):
            if ps < ge and gs < pe:
                tp += 1
                del free[k]
                break
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("actors")
    _plover(ctx, report)
    _conflibert(ctx, report)
    _speed(ctx, report)
    return report


def _plover(ctx: BenchContext, report: BenchReport) -> None:
    gold = load_gold(ctx.path(GSR_PATH))
    records = gold.records[: ctx.limit] if ctx.limit else gold.records
    ctx.progress(f"actors: {len(records)} PLOVER gold records")
    actor_counts, recipient_counts, recall_counts = Counts(), Counts(), Counts()
    sector_agree = sector_total = typed = 0
    for record in records:
        analysis = ctx.analyzer.analyze(Article(id=record.id, text=record.text, published=record.date))
        coded = {a.country for a in analysis.actors if a.country}
        recall_counts += set_counts(record.source_countries | record.target_countries, coded)
        events = [e for e in analysis.events if e.event == record.event]
        if not events:
            continue
        typed += 1
        actors = [r for e in events for r in e.actor]
        recipients = [r for e in events for r in e.recipient]
        actor_counts += set_counts(record.source_countries, {r.country for r in actors if r.country})
        recipient_counts += set_counts(record.target_countries, {r.country for r in recipients if r.country})
        for golds, refs in ((record.source, actors), (record.target, recipients)):
            for g in golds:
                found = [r for r in refs if r.country == g.country]
                if g.sector and found:
                    sector_total += 1
                    sector_agree += any(r.sector == g.sector for r in found)
    n = len(records)
    report.add(Metric("plover_actor_country_micro_f1", actor_counts.f1, PLOVER_SET, "MEASURE", typed, target=0.80))
    report.add(
        Metric("plover_recipient_country_micro_f1", recipient_counts.f1, PLOVER_SET, "MEASURE", typed, target=0.70)
    )
    report.add(
        Metric(
            "plover_country_sector_agreement",
            sector_agree / sector_total if sector_total else 0.0,
            PLOVER_SET,
            "MEASURE",
            sector_total,
        )
    )
    report.add(Metric("plover_records_with_type_predicted", typed / n if n else 0.0, PLOVER_SET, "MEASURE", n))
    report.add(Metric("plover_gold_country_recall_in_actors", recall_counts.recall, PLOVER_SET, "MEASURE", n))
    report.notes.append(
        f"PLOVER: gold type predicted in {typed} of {n} records; actor P/R {actor_counts.precision:.3f}/"
        f"{actor_counts.recall:.3f}, recipient P/R {recipient_counts.precision:.3f}/{recipient_counts.recall:.3f}; "
        f"gold countries among coded actors (any role) {recall_counts.tp}/{recall_counts.tp + recall_counts.fn}"
    )


@dataclass(frozen=True, slots=True)
class BioSentence:
    text: str
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]


def read_bio(path: str) -> list[BioSentence]:
    """ConfliBERT BIO file: ``token TAG`` lines, blank line between sentences; tags B-/I- S, T, R."""
    sentences: list[BioSentence] = []
    tokens: list[tuple[str, str]] = []

    def close() -> None:
        if not tokens:
            return
        text_parts: list[str] = []
        spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": [], "R": []}
        pos = 0
        open_role: str | None = None
        for word, tag in tokens:
            start = pos
            text_parts.append(word)
            pos += len(word) + 1
            role = tag[2:] if tag[:2] in ("B-", "I-") else None
            if tag.startswith("B-") or (role is not None and role != open_role):
                spans.setdefault(role or "", []).append((start, start + len(word)))
            elif role is not None and spans.get(role):
                s, _e = spans[role][-1]
                spans[role][-1] = (s, start + len(word))
            open_role = role
        sentences.append(BioSentence(" ".join(text_parts), tuple(spans["S"]), tuple(spans["T"])))
        tokens.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                close()
            elif len(parts) >= 2:
                tokens.append((parts[0], parts[-1]))
    close()
    return sentences


def _syntax_roles(doc: Doc, index: ActorIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """Actor mentions in subject and object position (the fallback when no event is coded)."""
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    for m in index.mentions:
        head = doc[m.tok_start : m.tok_end].root
        if head.dep_ in _SUBJECT:
            sources.append(m.ref)
        elif head.dep_ in _OBJECT:
            targets.append(m.ref)
    return sources, targets


def resolved_span(index: ActorIndex, ref: ActorRef) -> tuple[int, int]:
    """The span a ref is scored by: a pronoun's nearest earlier named mention of the same actor, else its own."""
    span = (ref.start, ref.end)
    own = next((m for m in index.mentions if (m.ref.start, m.ref.end) == span and m.ref.actor_id == ref.actor_id), None)
    if own is None or own.how != "pronoun":
        return span
    earlier = [
        m.ref
        for m in index.mentions
        if m.ref.actor_id == ref.actor_id and m.how != "pronoun" and m.ref.end <= ref.start
    ]
    return (earlier[-1].start, earlier[-1].end) if earlier else span


@dataclass(frozen=True, slots=True)
class TargetErrors:
    """Why gold targets were missed and where false targets came from (see the module notes)."""

    unrecognised: int = 0
    made_source: int = 0
    not_chosen: int = 0
    fp_no_gold: int = 0
    fp_other: int = 0

    def __add__(self, other: TargetErrors) -> TargetErrors:
        return TargetErrors(
            self.unrecognised + other.unrecognised,
            self.made_source + other.made_source,
            self.not_chosen + other.not_chosen,
            self.fp_no_gold + other.fp_no_gold,
            self.fp_other + other.fp_other,
        )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def target_errors(
    gold: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int]],
    sources: Sequence[tuple[int, int]],
    targets: Sequence[tuple[int, int]],
) -> TargetErrors:
    unrecognised = made_source = not_chosen = 0
    for g in gold:
        if any(_overlaps(g, t) for t in targets):
            continue
        if not any(_overlaps(g, m) for m in mentions):
            unrecognised += 1
        elif any(_overlaps(g, s) for s in sources):
            made_source += 1
        else:
            not_chosen += 1
    false = sum(1 for t in targets if not any(_overlaps(g, t) for g in gold))
    return TargetErrors(unrecognised, made_source, not_chosen, false if not gold else 0, false if gold else 0)


def _conflibert(ctx: BenchContext, report: BenchReport) -> None:
    sentences = read_bio(str(ctx.path(CONFLIBERT_NER)))
    if ctx.limit:
        sentences = sentences[: ctx.limit]
    ctx.progress(f"actors: {len(sentences)} ConfliBERT NER sentences")
    res = ctx.analyzer.resources
    src_events, tgt_events, src_syntax, tgt_syntax = Counts(), Counts(), Counts(), Counts()
    src_resolved, tgt_resolved = Counts(), Counts()
    errors = TargetErrors()
    with_events = 0
    for n, sent in enumerate(sentences):
        article = Article(id=str(n), text=sent.text)
        doc = res.nlp(sent.text)
        analysis: Analysis = ctx.analyzer.analyze_doc(article, doc)
        index = find_actors(doc, article, res.actors)
        syn_src, syn_tgt = _syntax_roles(doc, index)
        src_syntax += span_counts(sent.sources, [(r.start, r.end) for r in syn_src])
        tgt_syntax += span_counts(sent.targets, [(r.start, r.end) for r in syn_tgt])
        if analysis.events:
            with_events += 1
            refs_src = [r for e in analysis.events for r in e.actor]
            refs_tgt = [r for e in analysis.events for r in e.recipient if r.named]  # spans the text names
        else:
            refs_src, refs_tgt = syn_src, syn_tgt
        ev_src, ev_tgt = {(r.start, r.end) for r in refs_src}, {(r.start, r.end) for r in refs_tgt}
        src_events += span_counts(sent.sources, sorted(ev_src))
        tgt_events += span_counts(sent.targets, sorted(ev_tgt))
        src_resolved += span_counts(sent.sources, sorted({resolved_span(index, r) for r in refs_src}))
        tgt_resolved += span_counts(sent.targets, sorted({resolved_span(index, r) for r in refs_tgt}))
        mentions = [(m.ref.start, m.ref.end) for m in index.mentions]
        errors += target_errors(sent.targets, mentions, sorted(ev_src), sorted(ev_tgt))
    k = len(sentences)
    report.add(Metric("conflibert_source_span_f1", src_events.f1, CONFLIBERT_SET, "TUNE", k))
    report.add(Metric("conflibert_target_span_f1", tgt_events.f1, CONFLIBERT_SET, "TUNE", k))
    report.add(Metric("conflibert_source_span_f1_resolved", src_resolved.f1, CONFLIBERT_SET, "TUNE", k))
    report.add(Metric("conflibert_target_span_f1_resolved", tgt_resolved.f1, CONFLIBERT_SET, "TUNE", k))
    report.add(Metric("conflibert_source_span_f1_syntax_only", src_syntax.f1, CONFLIBERT_SET, "TUNE", k))
    report.add(Metric("conflibert_target_span_f1_syntax_only", tgt_syntax.f1, CONFLIBERT_SET, "TUNE", k))
    report.notes.append(
        f"ConfliBERT: events coded in {with_events} of {k} sentences (others fall back to subject/object mentions); "
        f"source P/R {src_events.precision:.3f}/{src_events.recall:.3f}, "
        f"target P/R {tgt_events.precision:.3f}/{tgt_events.recall:.3f}"
    )
    report.notes.append(
        f"ConfliBERT target errors: {tgt_events.fn} gold targets missed ({errors.unrecognised} with no actor "
        f"mention in the span, {errors.made_source} made the source, {errors.not_chosen} recognised but not "
        f"chosen); {tgt_events.fp} false targets ({errors.fp_no_gold} in sentences whose gold has no target)"
    )


def _speed(ctx: BenchContext, report: BenchReport) -> None:
    actor_lexicon._read_cached.cache_clear()
    actor_lexicon.parse_codes.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    lexicon = load_actor_lexicon(ctx.settings)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    report.add(Metric("dictionary_load_seconds", wall, "shipped actor dictionaries", "DEV", 1, higher_is_better=False))
    report.add(
        Metric("dictionary_load_cpu_seconds", cpu, "shipped actor dictionaries", "DEV", 1, higher_is_better=False)
    )
    report.notes.append(f"actor dictionary: {len(lexicon.phrases):,} phrases from {len(lexicon.sources)} files")
    texts = [s.text for s in read_bio(str(ctx.path(CONFLIBERT_NER)))][: ctx.limit or 400]
    nlp = ctx.analyzer.resources.nlp
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=ctx.settings.batch_size))
    parse = time.process_time() - started
    started = time.process_time()
    for i, doc in enumerate(docs):
        find_actors(doc, Article(id=str(i), text=doc.text), lexicon)
    matching = time.process_time() - started
    report.add(
        Metric(
            "actor_time_share_of_parse",
            matching / parse if parse else 0.0,
            f"{CONFLIBERT_SET} ({len(texts)} sentences, CPU time)",
            "DEV",
            len(texts),
            higher_is_better=False,
        )
    )
    report.notes.append(f"speed: spaCy parse {parse:.2f} s CPU, actor matching {matching:.2f} s CPU")
