"""Sentence boundaries at paragraph breaks."""

from __future__ import annotations

from tacitus import Settings
from tacitus.nlp import PARAGRAPHS, load_pipeline


def test_headline_and_hard_wrapped_prose_get_the_right_sentences() -> None:
    nlp = load_pipeline(Settings())
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp(
        "Kenya recalls envoy\n\nNAIROBI - Kenya recalled its envoy\nfrom Somalia on Tuesday.\nSomalia said nothing."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Kenya recalls envoy",
        "NAIROBI - Kenya recalled its envoy\nfrom Somalia on Tuesday.",
        "Somalia said nothing.",
    ]
