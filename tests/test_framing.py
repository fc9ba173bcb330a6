"""Framing: loaded terms by voice, sourcing balance, voiceless sides, tone, and the sentence scorer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tacitus.actors import ActorIndex
from tacitus.errors import DictionaryError
from tacitus.framing import FramingLexicon, analyze_framing, load_framing_lexicon
from tacitus.framing.lexicon import read_terms
from tacitus.model import ActorRef, Analysis, Event, Framing, Quote, Span
from tacitus.nlp import load_pipeline
from tacitus.settings import Settings

EMPTY = ActorIndex.build([], [])


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


@pytest.fixture(scope="module")
def lexicon() -> FramingLexicon:
    return load_framing_lexicon(Settings())


def span_of(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(part, start, start + len(part))


def ref(text: str, part: str, country: str, sector: str | None = "GOV") -> ActorRef:
    s = span_of(text, part)
    return ActorRef(part, s.start, s.end, country, sector, f"{country}-{sector}")


def quote(qid: str, text: str, content: str, speaker: str, country: str, stance: str = "neutral") -> Quote:
    return Quote(
        id=qid,
        speaker=span_of(text, speaker),
        speaker_actor=ref(text, speaker, country),
        cue=None,
        content=span_of(text, content),
        direct=True,
        cue_lemma="say" if stance == "neutral" else {"doubt": "claim", "endorse": "confirm"}[stance],
        cue_stance=stance,
    )


def event(eid: str, text: str, trigger: str, actor: ActorRef, recipient: ActorRef, quad: str) -> Event:
    return Event(
        id=eid,
        event="ASSAULT" if quad == "MATERIAL_CONFLICT" else "ACCUSE",
        mode=None,
        context=(),
        quad=quad,
        cameo=None,
        actor=(actor,),
        recipient=(recipient,),
        date=None,
        date_text=None,
        date_from="published",
        location=None,
        trigger=span_of(text, trigger),
        sentence=Span(text, 0, len(text)),
    )


def run(
    nlp: Language, lexicon: FramingLexicon, text: str, quotes: Sequence[Quote] = (), events: Sequence[Event] = ()
) -> tuple[Doc, Framing]:
    doc = nlp(text)
    return doc, analyze_framing(doc, EMPTY, tuple(quotes), tuple(events), lexicon)


def test_same_term_is_authorial_outside_a_quote_and_attributed_inside_it(
    nlp: Language, lexicon: FramingLexicon
) -> None:
    text = 'The regime shelled the town. "The regime lies about everything," the opposition leader said.'
    q = quote("Q1", text, "The regime lies about everything,", "the opposition leader", "SYR")
    _, framing = run(nlp, lexicon, text, [q])
    regimes = [t for t in framing.loaded if t.lemma == "regime"]
    assert [(t.start, t.attributed, t.quote_id) for t in regimes] == [
        (4, False, None),
        (text.index("regime lies"), True, "Q1"),
    ]
    assert all(text[t.start : t.end] == t.text for t in framing.loaded)
    assert regimes[0].category == "delegitimising" and regimes[0].side == "critic"


def test_quoted_accusation_does_not_count_against_the_outlet(nlp: Language, lexicon: FramingLexicon) -> None:
    quoted = 'The minister spoke on Monday. "They are terrorists and murderers," the minister said.'
    q = quote("Q1", quoted, "They are terrorists and murderers,", "The minister", "ISR")
    _, framing = run(nlp, lexicon, quoted, [q])
    by_cat = framing.summary["by_category"]
    assert by_cat["partisan-label"] == {"authorial": 0, "attributed": 1}
    assert by_cat["emotive"] == {"authorial": 0, "attributed": 1}
    assert framing.summary["loaded"]["authorial"] == 0
    assert framing.summary["loaded"]["attributed"] >= 2
    assert framing.summary["one_sidedness"]["parts"]["loaded"] == 0.0

    authorial = "The minister spoke on Monday about the terrorists and murderers."
    _, own = run(nlp, lexicon, authorial)
    assert own.summary["by_category"]["partisan-label"] == {"authorial": 1, "attributed": 0}
    assert own.summary["loaded"]["authorial_per_1000"] > 100


def test_scare_quotes_stay_in_the_outlets_voice_but_long_quotations_do_not(
    nlp: Language, lexicon: FramingLexicon
) -> None:
    text = 'The "liberation" of the city was announced. "We will crush these bandits within days," a commander said.'
    _, framing = run(nlp, lexicon, text)
    voices = {t.lemma: t.attributed for t in framing.loaded if t.source == "contested"}
    assert voices["liberation"] is False
    assert voices["bandit"] is True


ONE_SIDED = (
    "Russian forces struck the city overnight. "
    '"The strikes hit only military targets," the Russian defence ministry said. '
    '"Our operation is going to plan," the Kremlin spokesman said. '
    '"Ukraine shelled civilians first," the Russian foreign ministry said.'
)

BALANCED = (
    "Russian forces struck the city overnight. "
    '"The strikes hit only military targets," the Russian defence ministry said. '
    '"A school and two homes were destroyed," the Ukrainian governor said. '
    '"Russia shelled civilians again," the Ukrainian foreign ministry said. '
    '"Our operation is going to plan," the Kremlin spokesman said.'
)


def test_sourcing_table_for_a_one_sided_article(nlp: Language, lexicon: FramingLexicon) -> None:
    t = ONE_SIDED
    quotes = [
        quote("Q1", t, "The strikes hit only military targets,", "the Russian defence ministry", "RUS"),
        quote("Q2", t, "Our operation is going to plan,", "the Kremlin spokesman", "RUS"),
        quote("Q3", t, "Ukraine shelled civilians first,", "the Russian foreign ministry", "RUS"),
    ]
    strike = event(
        "E1", t, "struck", ref(t, "Russian forces", "RUS", "MIL"), ref(t, "the city", "UKR", None), "MATERIAL_CONFLICT"
    )
    _, framing = run(nlp, lexicon, t, quotes, [strike])
    assert [(r.country, r.sector, r.quotes) for r in framing.sourcing] == [("RUS", "GOV", 3)]
    assert framing.sourcing[0].words == 6 + 6 + 4
    src = framing.summary["sourcing"]
    assert src["sides_quoted"] == 1 and src["dominant_side"] == "RUS" and src["dominant_share"] == 1.0
    assert [v["side"] for v in framing.summary["voiceless"]] == ["UKR"]
    parts = framing.summary["one_sidedness"]["parts"]
    assert parts["sourcing"] == 1.0 and parts["voice"] == 0.5


def test_sourcing_table_for_a_balanced_article(nlp: Language, lexicon: FramingLexicon) -> None:
    t = BALANCED
    quotes = [
        quote("Q1", t, "The strikes hit only military targets,", "the Russian defence ministry", "RUS"),
        quote("Q2", t, "A school and two homes were destroyed,", "the Ukrainian governor", "UKR"),
        quote("Q3", t, "Russia shelled civilians again,", "the Ukrainian foreign ministry", "UKR"),
        quote("Q4", t, "Our operation is going to plan,", "the Kremlin spokesman", "RUS"),
    ]
    strike = event(
        "E1", t, "struck", ref(t, "Russian forces", "RUS", "MIL"), ref(t, "the city", "UKR", None), "MATERIAL_CONFLICT"
    )
    _, framing = run(nlp, lexicon, t, quotes, [strike])
    assert sorted((r.country, r.quotes) for r in framing.sourcing) == [("RUS", 2), ("UKR", 2)]
    src = framing.summary["sourcing"]
    assert src["sides_quoted"] == 2 and src["dominant_share"] == 0.5
    assert framing.summary["voiceless"] == []
    parts = framing.summary["one_sidedness"]["parts"]
    assert parts["sourcing"] == 0.0 and parts["voice"] == 0.0


def test_cue_stances_are_counted_per_speaker_side(nlp: Language, lexicon: FramingLexicon) -> None:
    t = BALANCED
    quotes = [
        quote("Q1", t, "The strikes hit only military targets,", "the Russian defence ministry", "RUS", "doubt"),
        quote("Q2", t, "A school and two homes were destroyed,", "the Ukrainian governor", "UKR", "endorse"),
        quote("Q4", t, "Our operation is going to plan,", "the Kremlin spokesman", "RUS", "doubt"),
    ]
    _, framing = run(nlp, lexicon, t, quotes)
    by_side = framing.summary["epistemic_by_side"]
    assert by_side["RUS"]["stances"] == {"doubt": 2} and by_side["RUS"]["doubt_cues"] == ["claim"]
    assert by_side["UKR"]["stances"] == {"endorse": 1} and by_side["UKR"]["endorse_cues"] == ["confirm"]


def test_tone_goes_to_the_roles_of_each_sentence(nlp: Language, lexicon: FramingLexicon) -> None:
    t = "The army brutally killed dozens of terrified villagers. The rebels praised the generous aid."
    kill = event(
        "E1", t, "killed", ref(t, "The army", "SDN", "MIL"), ref(t, "villagers", "SDN", "CVL"), "MATERIAL_CONFLICT"
    )
    _, framing = run(nlp, lexicon, t, [], [kill])
    actors = {a["name"]: a for a in framing.summary["tone"]["actors"]}
    assert actors["The army"]["roles"] == {"aggressor": 1}
    assert actors["villagers"]["roles"] == {"victim": 1}
    assert actors["The army"]["mean_tone"] < -0.5


def test_inflected_and_multiword_terms_match_by_lemma(nlp: Language, lexicon: FramingLexicon) -> None:
    text = (
        "The so-called authorities of the self-proclaimed republic said the separatists massacred villagers, "
        "a war crime, during the special military operation."
    )
    _, framing = run(nlp, lexicon, text)
    found = {t.text: t for t in framing.loaded if t.source == "contested"}
    assert set(found) >= {
        "so-called",
        "self-proclaimed",
        "separatists",
        "massacred",
        "war crime",
        "special military operation",
    }
    assert found["massacred"].lemma == "massacre" and found["separatists"].lemma == "separatist"
    assert found["special military operation"].category == "euphemism"
    assert found["special military operation"].side == "pro-russia"
    assert found["so-called"].start == text.index("so-called")


def test_proper_names_are_not_loaded_words(nlp: Language, lexicon: FramingLexicon) -> None:
    _, framing = run(nlp, lexicon, "Israel and Jordan signed a water agreement in Amman.")
    assert not [t for t in framing.loaded if t.text in {"Israel", "Jordan"}]


LOADED_SENTENCES = (
    "The radical regime's brutal thugs viciously slammed peaceful protesters in a shameless crackdown.",
    "Leftist zealots are shamelessly pushing their toxic agenda on our children.",
    "The corrupt dictator's absurd propaganda stunt was a disgraceful farce.",
)
NEUTRAL_SENTENCES = (
    "The ministry said on Tuesday that 12 people were injured in the explosion.",
    "The two foreign ministers met in Geneva on Monday, officials said.",
    "The parliament approved the 2024 budget by 230 votes to 190.",
)


@pytest.mark.parametrize("sentence", LOADED_SENTENCES)
def test_scorer_flags_clearly_loaded_sentences(nlp: Language, lexicon: FramingLexicon, sentence: str) -> None:
    _, framing = run(nlp, lexicon, sentence)
    assert len(framing.sentences) == 1
    assert framing.sentences[0].biased and framing.sentences[0].score > 0.8


@pytest.mark.parametrize("sentence", NEUTRAL_SENTENCES)
def test_scorer_passes_neutral_reporting(nlp: Language, lexicon: FramingLexicon, sentence: str) -> None:
    _, framing = run(nlp, lexicon, sentence)
    assert not any(s.biased for s in framing.sentences)
    assert all(s.score < 0.3 for s in framing.sentences)


def test_every_sentence_is_scored_with_offsets(nlp: Language, lexicon: FramingLexicon) -> None:
    text = " ".join(LOADED_SENTENCES + NEUTRAL_SENTENCES)
    doc, framing = run(nlp, lexicon, text)
    assert [(s.start, s.end) for s in framing.sentences] == [(s.start_char, s.end_char) for s in doc.sents]
    assert framing.summary["biased_sentences"] == 3


def test_bias_threshold_comes_from_settings(nlp: Language) -> None:
    strict = load_framing_lexicon(Settings(bias_threshold=0.999))
    _, framing = run(nlp, strict, LOADED_SENTENCES[2])
    assert not framing.sentences[0].biased


def test_malformed_lexicon_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "contested.tsv"
    bad.write_text("# source: test\nterm\tcategory\nregime\tnot-a-category\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"contested.tsv line 3: unknown category 'not-a-category'"):
        read_terms(bad, 0)


def test_pipeline_framing_of_a_shipped_example_has_evidence_for_every_span(example: Callable[[str], Analysis]) -> None:
    analysis = example("shelling.txt")
    text, framing = analysis.article.text, analysis.framing
    assert framing.sentences and framing.sentences[0].start == 0
    assert all(text[t.start : t.end] == t.text for t in framing.loaded)
    quote_ids = {q.id for q in analysis.quotes}
    assert all(t.quote_id in quote_ids for t in framing.loaded if t.quote_id)
    assert sum(r.quotes for r in framing.sourcing) == len(analysis.quotes)
    parts = framing.summary["one_sidedness"]["parts"]
    assert set(parts) == {"sourcing", "voice", "loaded", "tone"}
