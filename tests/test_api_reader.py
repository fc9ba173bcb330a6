"""The article reader's segmentation: every character once, overlapping highlights, speaker colours."""

from __future__ import annotations

from collections.abc import Callable

from tacitus import Analysis
from tacitus.api.reader import Mark, reader_context, segments


def test_segments_cover_the_text_exactly_once_and_stack_overlapping_classes() -> None:
    text = "Kenya said Somalia attacked the border."
    marks = [Mark(0, 18, ("q", "spk-0"), "quote"), Mark(11, 27, ("ev",), "ASSAULT"), Mark(11, 18, ("place",), "place")]
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    by_text = {p.text: p.classes.split() for p in pieces}
    assert by_text["Kenya said "] == ["q", "spk-0"]
    assert by_text["Somalia"] == ["q", "spk-0", "ev", "place"]
    assert by_text[" attacked"] == ["ev"]
    assert by_text[" the border."] == []


def test_reader_context_ignores_spans_outside_the_text() -> None:
    text = "Chile accused Peru."
    analysis = {
        "events": [
            {
                "id": "E1",
                "event": "ACCUSE",
                "quad": "VERBAL_CONFLICT",
                "trigger": {"text": "accused", "start": 6, "end": 13},
            },
            {
                "id": "E2",
                "event": "ACCUSE",
                "quad": "VERBAL_CONFLICT",
                "trigger": {"text": "x", "start": 40, "end": 45},
            },
        ],
        "framing": {"loaded": [{"text": "?", "start": 5, "end": 3, "attributed": False, "category": "x"}]},
    }
    ctx = reader_context(analysis, text)
    assert "".join(s.text for s in ctx["segments"]) == text
    assert [s.text for s in ctx["segments"] if "ev" in s.classes.split()] == ["accused"]
    assert not any("loaded" in s.classes for s in ctx["segments"])


def test_example_reader_tells_speakers_and_voices_apart(example: Callable[[str], Analysis]) -> None:
    analysis = example("motion_row.txt")
    text = analysis.article.text
    ctx = reader_context(analysis.to_dict(), text)
    assert "".join(s.text for s in ctx["segments"]) == text
    speakers = {q["colour"] for q in ctx["quotes"]}
    assert len(speakers) >= 2
    loaded = [s for s in ctx["segments"] if "loaded" in s.classes.split()]
    attributed = {t.text for t in analysis.framing.loaded if t.attributed}
    authorial = {t.text for t in analysis.framing.loaded if not t.attributed}
    assert attributed and authorial
    for seg in loaded:
        classes = seg.classes.split()
        assert ("attributed" in classes) or ("authorial" in classes)
        if "authorial" in classes and "attributed" not in classes:
            assert any(seg.text in term for term in authorial)
    assert ctx["attributed"] == sum(1 for t in analysis.framing.loaded if t.attributed)
    assert ctx["authorial"] == sum(1 for t in analysis.framing.loaded if not t.attributed)
