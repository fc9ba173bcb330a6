"""The actors bench's ConfliBERT scoring helpers on hand-made spans and sentences."""

from __future__ import annotations

from pathlib import Path

from tacitus import Analyzer, Article
from tacitus.actors import find_actors
from tacitus.bench.actors import TargetErrors, read_bio, resolved_span, span_counts, target_errors


def test_target_errors_split_misses_into_recognition_source_and_choice() -> None:
    gold = [(0, 5), (10, 15), (20, 25), (30, 35)]
    mentions = [(10, 15), (20, 25), (30, 35)]
    sources = [(10, 15)]
    targets = [(30, 35), (40, 45)]
    assert target_errors(gold, mentions, sources, targets) == TargetErrors(
        unrecognised=1, made_source=1, not_chosen=1, fp_no_gold=0, fp_other=1
    )
    assert target_errors([], mentions, sources, targets) == TargetErrors(fp_no_gold=2)


def test_resolved_span_scores_a_pronoun_by_its_antecedent(analyzer: Analyzer) -> None:
    text = "A Turkish court released German journalist Mesale Tolu but barred her from leaving."
    doc = analyzer.resources.nlp(text)
    index = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    her = index.ref_at(next(t.i for t in doc if t.text == "her"))
    assert her is not None and (her.start, her.end) == (66, 69)
    start, end = resolved_span(index, her)
    assert text[start:end] == "German journalist Mesale Tolu"
    court = index.ref_at(2)
    assert court is not None and resolved_span(index, court) == (court.start, court.end)
    gold = [(25, 54)]
    assert span_counts(gold, [(her.start, her.end)]).tp == 0
    assert span_counts(gold, [(start, end)]).tp == 1


def test_read_bio_joins_tokens_and_keeps_source_and_target_spans(tmp_path: Path) -> None:
    path = tmp_path / "bio.txt"
    path.write_text("Kenya B-S\nhit O\nthe B-T\nrebels I-T\n. O\n\nThey B-R\nmet O\n", encoding="utf-8")
    first, second = read_bio(str(path))
    assert first.text == "Kenya hit the rebels ."
    assert first.sources == ((0, 5),) and first.targets == ((10, 20),)
    assert second.sources == () and second.targets == ()
