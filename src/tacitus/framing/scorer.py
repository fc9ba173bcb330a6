"""The biased-sentence scorer: a logistic function of a few lexicon counts, with weights in ``scorer.tsv``.

    score = 1 / (1 + exp(-(intercept + sum(weight[f] * feature[f]))))

Counts are lexicon hits in the sentence (a hit listed by several lexicons counts for each);
a hit inside quoted words counts ``attributed`` times (a weight between 0 and 1). Every
feature and its weight is in :meth:`SentenceFeatures.as_dict` and ``scorer.tsv``, so a
score can be explained term by term.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from tacitus.framing.lexicon import FramingLexicon, ScorerWeights
from tacitus.framing.match import Hit, Voice

#: Feature names, in the order ``scorer.tsv`` documents them.
FEATURES: tuple[str, ...] = (
    "contested",
    "epistemic",
    "bias_lexicon",
    "subjective_strong",
    "subjective_weak",
    "factive_assertive",
    "valence",
    "compound",
    "reporting",
    "numbers",
    "manner_adverbs",
)

#: Plain reporting verbs: a sentence that reports who said what leans factual (negative weight).
REPORTING_LEMMAS = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm"})


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """Lexicon evidence in one sentence.

    ``valence``: summed |VADER valence| of its words; ``compound``: |VADER compound| of the sentence;
    ``reporting``: plain reporting verbs (say, tell...); ``numbers``: number tokens; ``manner_adverbs``:
    adverbs ending in -ly ("aggressively"), the commonest way a writer colours a factual verb.
    """

    contested: float
    epistemic: float
    bias_lexicon: float
    subjective_strong: float
    subjective_weak: float
    factive_assertive: float
    valence: float
    compound: float
    reporting: float
    numbers: float
    manner_adverbs: float
    words: int
    tone: float  # the signed VADER compound, for tone toward actors (not a scorer feature)

    def as_dict(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in FEATURES}


def sentence_features(
    sent: SpacySpan, hits: Sequence[Hit], voices: Sequence[Voice], lexicon: FramingLexicon
) -> SentenceFeatures:
    """Features of ``sent`` from the hits that fall in it (``voices[i]`` says who voices ``hits[i]``)."""
    attributed_weight = lexicon.weights.get("attributed")
    counts = dict.fromkeys(FEATURES, 0.0)
    for hit, voice in zip(hits, voices, strict=True):
        w = attributed_weight if voice.attributed else 1.0
        contested = hit.contested
        sources = hit.sources
        if contested is not None:
            counts["epistemic" if contested.category == "epistemic" else "contested"] += w
        if "hedges" in sources and (contested is None or contested.category != "epistemic"):
            counts["epistemic"] += w
        if "bias_lexicon" in sources:
            counts["bias_lexicon"] += w
        if "subjective_strong" in sources:
            counts["subjective_strong"] += w
        if "subjective_weak" in sources:
            counts["subjective_weak"] += w
        if "factives" in sources or "assertives" in sources:
            counts["factive_assertive"] += w
    words = 0
    valence = 0.0
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        words += 1
        if tok.lemma_ in REPORTING_LEMMAS and tok.pos_ == "VERB":
            counts["reporting"] += 1
        elif tok.pos_ == "NUM":
            counts["numbers"] += 1
        elif tok.pos_ == "ADV" and tok.lower_.endswith("ly"):
            counts["manner_adverbs"] += 1
        if tok.pos_ != "PROPN":
            valence += abs(lexicon.valence.get(tok.lower_, 0.0))
    counts["valence"] = valence
    tone = float(lexicon.vader.polarity_scores(sent.text)["compound"])
    counts["compound"] = abs(tone)
    return SentenceFeatures(**counts, words=words, tone=tone)


def bias_score(features: SentenceFeatures, weights: ScorerWeights) -> float:
    """The logistic score in [0, 1]; a sentence is ``biased`` when it reaches ``Settings.bias_threshold``."""
    z = weights.get("intercept") + weights.get("per_word") * features.words
    for name, value in features.as_dict().items():
        z += weights.get(name) * value
    return 1.0 / (1.0 + math.exp(-z))
