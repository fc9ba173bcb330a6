"""Quote-mark pairing and the cue lexicon: no spaCy needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.errors import DictionaryError
from tacitus.quotes import STANCES, find_quote_marks, load_cue_lexicon, read_cue_file
from tacitus.settings import Settings


def _contents(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in find_quote_marks(text).spans]


def test_marks_pair_straight_and_curly_quotes() -> None:
    assert _contents('He said "go home," and “stay there.”') == ["go home,", "stay there."]


def test_marks_pair_doubled_apostrophes_as_in_newswire() -> None:
    assert _contents("''We go,'' he said. ''Now.''") == ["We go,", "Now."]


def test_marks_quote_reopened_in_next_paragraph_is_one_span() -> None:
    text = "She said: “One.\n\n“Two.”"
    scan = find_quote_marks(text)
    assert [text[q.content_start : q.content_end] for q in scan.spans] == ["One.\n\n“Two."]
    assert scan.spans[0].paragraphs == 2
    assert scan.problems == ()


def test_marks_unclosed_and_stray_marks_are_reported_and_skipped() -> None:
    text = "Bad “open\n\nThen “good.” and ” stray"
    scan = find_quote_marks(text)
    assert [text[q.content_start : q.content_end] for q in scan.spans] == ["good."]
    assert [(p.kind, p.start) for p in scan.problems] == [("unclosed", 4), ("stray-close", 28)]


def test_marks_unclosed_at_end_of_text_is_reported() -> None:
    scan = find_quote_marks('Fine "one." Then "never closed')
    assert len(scan.spans) == 1
    assert [p.kind for p in scan.problems] == ["unclosed"]


def test_marks_apostrophes_are_not_quotes() -> None:
    assert _contents("Russia's army and the rebels' leader met.") == []


def test_cue_lexicon_ships_lemmas_with_known_stances() -> None:
    lexicon = load_cue_lexicon(Settings())
    say, claim, according = lexicon.get("say"), lexicon.get("claim"), lexicon.get("according to")
    assert say is not None and say.stance == "neutral"
    assert claim is not None and claim.stance == "doubt"
    assert according is not None
    assert lexicon.get("eat") is None
    assert {c.stance for c in lexicon.cues} <= STANCES
    assert len(lexicon.cues) > 100


def test_cue_lexicon_rejects_an_unknown_stance(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("lemma\tstance\tuse\tsource\nsay\tangry\tany\tme\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown stance 'angry'"):
        read_cue_file(path)
