"""The article reader: an analysis dict and its text -> highlighted segments for a template.

The text is cut at every span boundary; each piece carries the CSS classes of every
span that covers it (an event trigger inside a quote is both ``ev`` and ``q``). The
template escapes each piece (Jinja2 autoescape), so article text never becomes markup.
Works on any ``tacitus.analysis/1`` dict: from the store, or fresh from ``/api/analyze``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

#: Distinct speaker colours in the stylesheet (``.spk-0`` .. ``.spk-7``).
SPEAKER_COLOURS = 8


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``classes`` for the stylesheet, ``label`` for the tooltip."""

    start: int
    end: int
    classes: tuple[str, ...]
    label: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str
    label: str
    anchors: tuple[str, ...]


def _css(value: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (value or "none").lower()).strip("-") or "none"


def _names(refs: list[dict[str, Any]] | None) -> str:
    parts = []
    for ref in refs or []:
        code = "/".join(p for p in (ref.get("country"), ref.get("sector")) if p)
        parts.append(f"{ref.get('text', '?')}" + (f" [{code}]" if code else ""))
    return ", ".join(parts) or "?"


def speaker_key(quote: dict[str, Any]) -> str:
    """Quotes by the same actor (or the same speaker words) share a colour."""
    actor = quote.get("speaker_actor") or {}
    speaker = quote.get("speaker") or {}
    return str(actor.get("actor_id") or (speaker.get("text") or "").strip().lower() or "unknown")


def _valid(start: Any, end: Any, size: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def collect_marks(analysis: dict[str, Any], size: int) -> tuple[list[Mark], dict[str, int]]:
    """Every highlight the analysis claims, and each speaker's colour index."""
    marks: list[Mark] = []
    speakers: dict[str, int] = {}

    def add(span: dict[str, Any] | None, classes: tuple[str, ...], label: str, anchor: str | None = None) -> None:
        if span and _valid(span.get("start"), span.get("end"), size):
            marks.append(Mark(span["start"], span["end"], classes, label, anchor))

    for quote in analysis.get("quotes", []):
        colour = speakers.setdefault(speaker_key(quote), len(speakers)) % SPEAKER_COLOURS
        who = (quote.get("speaker") or {}).get("text") or "unknown speaker"
        kind = "direct" if quote.get("direct") else "indirect"
        add(quote.get("content"), ("q", f"spk-{colour}", kind), f"{kind} quote by {who}", f"q-{quote.get('id')}")
        add(quote.get("speaker"), ("speaker", f"spk-{colour}"), f"speaker: {who}")
        add(quote.get("cue"), ("cue",), f"cue: {(quote.get('cue') or {}).get('text', '')}")
    for event in analysis.get("events", []):
        label = f"{event.get('event')}"
        if event.get("mode"):
            label += f" ({event['mode']})"
        label += f": {_names(event.get('actor'))} → {_names(event.get('recipient'))}"
        if event.get("date"):
            label += f", {event['date']}"
        if event.get("negated"):
            label += ", negated"
        quad = _css(event.get("quad"))
        add(event.get("trigger"), ("ev", f"quad-{quad}"), label, f"ev-{event.get('id')}")
        for ref in event.get("actor") or []:
            add(ref, ("role", "role-actor"), f"actor of {event.get('event')}")
        for ref in event.get("recipient") or []:
            add(ref, ("role", "role-recipient"), f"recipient of {event.get('event')}")
    for place in analysis.get("places", []):
        where = ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p)
        add(place, ("place",), f"place: {where}")
    for term in (analysis.get("framing") or {}).get("loaded", []):
        voice = "attributed" if term.get("attributed") else "authorial"
        said = "in quoted words" if term.get("attributed") else "in the outlet's own voice"
        add(term, ("loaded", voice), f"loaded term ({term.get('category')}), {said}")
    return marks, speakers


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    covering: list[list[Mark]] = [[] for _ in cuts]
    anchors: list[list[str]] = [[] for _ in cuts]
    for mark in marks:
        first = bisect_left(cuts, mark.start)
        last = bisect_left(cuts, mark.end)
        for i in range(first, last):
            covering[i].append(mark)
        if mark.anchor:
            anchors[first].append(mark.anchor)
    out: list[Segment] = []
    for i in range(len(cuts) - 1):
        piece = text[cuts[i] : cuts[i + 1]]
        if not piece:
            continue
        classes: list[str] = []
        for mark in covering[i]:
            classes.extend(c for c in mark.classes if c not in classes)
        labels = list(dict.fromkeys(m.label for m in covering[i]))
        out.append(Segment(piece, " ".join(classes), "\n".join(labels), tuple(anchors[i])))
    return out


def reader_context(analysis: dict[str, Any], text: str) -> dict[str, Any]:
    """What the reader templates need: the segments and the side lists."""
    marks, speakers = collect_marks(analysis, len(text))
    quotes = []
    for quote in analysis.get("quotes", []):
        quotes.append({**quote, "colour": speakers[speaker_key(quote)] % SPEAKER_COLOURS})
    events = [
        {**e, "actor_names": _names(e.get("actor")), "recipient_names": _names(e.get("recipient"))}
        for e in analysis.get("events", [])
    ]
    loaded = (analysis.get("framing") or {}).get("loaded", [])
    return {
        "article": analysis.get("article") or {},
        "segments": segments(text, marks),
        "events": events,
        "quotes": quotes,
        "places": analysis.get("places", []),
        "loaded": loaded,
        "authorial": sum(1 for t in loaded if not t.get("attributed")),
        "attributed": sum(1 for t in loaded if t.get("attributed")),
    }
