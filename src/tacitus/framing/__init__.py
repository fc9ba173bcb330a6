"""Framing: loaded terms in the outlet's voice and in quoted voices, biased sentences, sourcing balance, tone.

One pass over the tokens finds lexicon hits (:mod:`tacitus.framing.match`); each hit is placed in
the outlet's own voice or inside a quote; each sentence gets a score from the lexicon evidence in
it (:mod:`tacitus.framing.scorer`); quotes and events give the sourcing balance and the tone toward
each actor (:mod:`tacitus.framing.balance`). The summary shows every part of one-sidedness.

``Framing.summary`` keys:

- ``words``; ``loaded`` and ``epistemic``: counts and per-1,000-word densities, ``authorial``
  (the outlet's voice) apart from ``attributed`` (inside quoted words); ``by_category``;
  ``vocabulary_sides``: contested terms per side whose vocabulary they are, by voice.
- ``biased_sentences`` of ``sentences``.
- ``sourcing``: quotes and quoted words per side, ``sides_quoted``, the dominant side and its share.
- ``epistemic_by_side``: the quotes' cue stances (doubt, endorse, neutral...) per speaker side.
- ``voiceless``: sides that are event recipients (acted upon, accused) but never quoted.
- ``tone``: mean VADER compound of the sentences where each actor has a role, per actor and per side.
- ``one_sidedness``: its parts (sourcing, voice, loaded, tone), each in [0, 1], the figures they
  come from, and their mean as ``index`` (see :func:`tacitus.framing.balance.one_sidedness`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.framing.balance import (
    SentenceTone,
    epistemic_by_side,
    one_sidedness,
    sourcing_balance,
    sourcing_rows,
    tone_by_actor,
    voiceless,
)
from tacitus.framing.lexicon import FramingLexicon, TermEntry, load_framing_lexicon
from tacitus.framing.match import Hit, Voice, find_hits, quoted_stretches, voice_at
from tacitus.framing.scorer import REPORTING_LEMMAS, bias_score, sentence_features
from tacitus.model import Event, Framing, LoadedTerm, Quote, SentenceScore

__all__ = ["FramingLexicon", "analyze_framing", "load_framing_lexicon"]

#: Categories counted as loaded language in the densities (the rest are epistemic markers).
LOADED_CATEGORIES = frozenset(
    {"partisan-label", "delegitimising", "euphemism", "emotive", "intensifier", "bias-lexicon", "subjective-strong"}
)
EPISTEMIC_CATEGORIES = frozenset({"epistemic", "hedge", "factive", "assertive"})
_MODIFIERS = frozenset({"ADJ", "ADV", "VERB"})


def analyze_framing(
    doc: Doc,
    actors: ActorIndex,
    quotes: tuple[Quote, ...],
    events: tuple[Event, ...],
    lexicon: FramingLexicon,
) -> Framing:
    hits = find_hits(doc, lexicon)
    text = doc.text
    stretches = quoted_stretches(text)
    voices = [voice_at(h.start, quotes, stretches) for h in hits]
    loaded = tuple(
        _loaded_term(text, h, entry, v)
        for h, v in zip(hits, voices, strict=True)
        if (entry := _named_entry(doc, h, lexicon)) is not None
    )
    sentences, tones = _score_sentences(doc, hits, voices, lexicon)
    words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    sourcing = sourcing_balance(quotes)
    silent = voiceless(events, quotes)
    tone_actors, tone_sides = tone_by_actor(events, actors, tones)
    densities = _densities(loaded, words)
    summary: dict[str, Any] = {
        "words": words,
        **densities,
        "biased_sentences": sum(s.biased for s in sentences),
        "sentences": len(sentences),
        "sourcing": sourcing.to_dict(),
        "epistemic_by_side": epistemic_by_side(quotes),
        "voiceless": silent,
        "tone": {"actors": tone_actors, "by_side": tone_sides},
        "one_sidedness": one_sidedness(sourcing, densities["loaded"]["authorial_per_1000"], tone_sides, silent),
    }
    return Framing(loaded=loaded, sentences=sentences, sourcing=sourcing_rows(quotes), summary=summary)


def _named_entry(doc: Doc, hit: Hit, lexicon: FramingLexicon) -> TermEntry | None:
    """The entry that names a hit in ``loaded``, or None when the hit is only weak evidence.

    The scorer counts every hit; the list of loaded terms keeps what a reader would call loaded or
    epistemic: hand-written terms, strong subjectivity clues, hedges, factives, assertives other than
    plain reporting verbs ("say"), NPOV bias-lexicon words only when they are also evaluative (a
    strong subjectivity clue, or a VADER valence of at least 1: "abuse" yes, "government" no), and
    strong subjectivity clues only as modifiers or verbs, or with a valence ("brutal" yes, "air" no).
    """
    sources = hit.sources
    valenced = any(abs(lexicon.valence.get(t.lower_, 0.0)) >= 1.0 for t in doc[hit.tok_start : hit.tok_end])
    for entry in hit.entries:
        if entry.category == "subjective-weak":
            continue
        if entry.category == "assertive" and entry.term in REPORTING_LEMMAS:
            continue
        if entry.category == "bias-lexicon" and not ("subjective_strong" in sources or valenced):
            continue
        if entry.category == "subjective-strong" and not (valenced or doc[hit.tok_start].pos_ in _MODIFIERS):
            continue
        return entry
    return None


def _loaded_term(text: str, hit: Hit, entry: TermEntry, voice: Voice) -> LoadedTerm:
    return LoadedTerm(
        text=text[hit.start : hit.end],
        start=hit.start,
        end=hit.end,
        category=entry.category,
        attributed=voice.attributed,
        quote_id=voice.quote_id,
        lemma=entry.term,
        side=entry.side,
        source=entry.source,
    )


def _score_sentences(
    doc: Doc, hits: list[Hit], voices: list[Voice], lexicon: FramingLexicon
) -> tuple[tuple[SentenceScore, ...], list[SentenceTone]]:
    scores: list[SentenceScore] = []
    tones: list[SentenceTone] = []
    i = 0
    for sent in doc.sents:
        j = i
        while j < len(hits) and hits[j].tok_start < sent.end:
            j += 1
        features = sentence_features(sent, hits[i:j], voices[i:j], lexicon)
        i = j
        score = bias_score(features, lexicon.weights)
        scores.append(SentenceScore(sent.start_char, sent.end_char, score >= lexicon.threshold, score))
        tones.append(SentenceTone(sent.start_char, sent.end_char, features.tone))
    return tuple(scores), tones


def _densities(loaded: tuple[LoadedTerm, ...], words: int) -> dict[str, Any]:
    per = 1000.0 / words if words else 0.0
    out: dict[str, Any] = {}
    for name, cats in (("loaded", LOADED_CATEGORIES), ("epistemic", EPISTEMIC_CATEGORIES)):
        authorial = sum(1 for t in loaded if t.category in cats and not t.attributed)
        attributed = sum(1 for t in loaded if t.category in cats and t.attributed)
        out[name] = {
            "authorial": authorial,
            "attributed": attributed,
            "authorial_per_1000": round(authorial * per, 2),
            "attributed_per_1000": round(attributed * per, 2),
        }
    by_category: dict[str, dict[str, int]] = {}
    sides: dict[str, Counter[str]] = {"authorial": Counter(), "attributed": Counter()}
    for t in loaded:
        voice = "attributed" if t.attributed else "authorial"
        by_category.setdefault(t.category, {"authorial": 0, "attributed": 0})[voice] += 1
        if t.side:
            sides[voice][t.side] += 1
    out["by_category"] = by_category
    out["vocabulary_sides"] = {k: dict(v.most_common()) for k, v in sides.items()}
    return out
