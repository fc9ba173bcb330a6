"""Who is heard and how each is treated: sourcing, epistemic cues per side, voiceless actors, tone, one-sidedness."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tacitus.actors import ActorIndex
from tacitus.model import ActorRef, Event, Quote, SourcingRow

_WORD_RE = re.compile(r"\w+")

#: Roles an actor takes in an event, by the event's quad: (actor role, recipient role).
ROLES_BY_QUAD: dict[str, tuple[str, str]] = {
    "MATERIAL_CONFLICT": ("aggressor", "victim"),
    "VERBAL_CONFLICT": ("accuser", "accused"),
    "MATERIAL_COOPERATION": ("helper", "helped"),
    "VERBAL_COOPERATION": ("cooperator", "partner"),
}

#: Authorial loaded terms per 1,000 words at which the loaded part of one-sidedness reaches 1.
LOADED_SCALE = 60.0
#: Tone gap (difference of mean VADER compound between sides) at which the tone part reaches 1.
TONE_SCALE = 1.0


def side_of(ref: ActorRef | None) -> str | None:
    """The side an actor stands for: its country code, else its actor id, else its text."""
    if ref is None:
        return None
    return ref.country or ref.actor_id or ref.text.lower()


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def sourcing_rows(quotes: Sequence[Quote]) -> tuple[SourcingRow, ...]:
    """Quotes and quoted words per speaker country and sector, most quoted first (unknown speakers as None)."""
    n: Counter[tuple[str | None, str | None]] = Counter()
    words: Counter[tuple[str | None, str | None]] = Counter()
    for q in quotes:
        key = (q.speaker_actor.country, q.speaker_actor.sector) if q.speaker_actor else (None, None)
        n[key] += 1
        words[key] += count_words(q.content.text)
    ordered = sorted(n, key=lambda k: (-n[k], -words[k], k[0] or "~", k[1] or "~"))
    return tuple(SourcingRow(c, s, n[(c, s)], words[(c, s)]) for c, s in ordered)


@dataclass(frozen=True, slots=True)
class Sourcing:
    """Balance of the voices quoted: per side (country, else actor) counts and the dominant side's share."""

    quotes_by_side: dict[str, int]
    words_by_side: dict[str, int]
    unattributed_quotes: int
    dominant: str | None
    dominant_share: float | None
    dominant_word_share: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sides_quoted": len(self.quotes_by_side),
            "quotes_by_side": self.quotes_by_side,
            "words_by_side": self.words_by_side,
            "unattributed_quotes": self.unattributed_quotes,
            "dominant_side": self.dominant,
            "dominant_share": _round(self.dominant_share),
            "dominant_word_share": _round(self.dominant_word_share),
        }


def sourcing_balance(quotes: Sequence[Quote]) -> Sourcing:
    by_side: Counter[str] = Counter()
    words: Counter[str] = Counter()
    unattributed = 0
    for q in quotes:
        side = side_of(q.speaker_actor)
        if side is None:
            unattributed += 1
            continue
        by_side[side] += 1
        words[side] += count_words(q.content.text)
    if not by_side:
        return Sourcing({}, {}, unattributed, None, None, None)
    dominant, top = max(by_side.items(), key=lambda kv: (kv[1], words[kv[0]], kv[0]))
    total_words = sum(words.values())
    return Sourcing(
        dict(by_side.most_common()),
        {k: words[k] for k in by_side},
        unattributed,
        dominant,
        top / sum(by_side.values()),
        words[dominant] / total_words if total_words else None,
    )


def epistemic_by_side(quotes: Sequence[Quote]) -> dict[str, dict[str, Any]]:
    """Cue stances per speaker side: how the outlet introduces each side's words ("claimed" vs "confirmed")."""
    out: dict[str, dict[str, Any]] = {}
    for q in quotes:
        side = side_of(q.speaker_actor) or "unknown"
        row = out.setdefault(side, {"stances": {}, "doubt_cues": [], "endorse_cues": []})
        stance = q.cue_stance or "none"
        row["stances"][stance] = row["stances"].get(stance, 0) + 1
        if stance in {"doubt", "endorse"} and q.cue_lemma and q.cue_lemma not in row[f"{stance}_cues"]:
            row[f"{stance}_cues"].append(q.cue_lemma)
    return out


def voiceless(events: Sequence[Event], quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """Sides acted upon or accused in events (recipients) whose side is never quoted: "no voice given to X"."""
    quoted = {side_of(q.speaker_actor) for q in quotes} | {
        q.speaker_actor.actor_id for q in quotes if q.speaker_actor and q.speaker_actor.actor_id
    }
    found: dict[str, dict[str, Any]] = {}
    for ev in events:
        if ev.negated:
            continue
        for ref in ev.recipient:
            if not ref.named:
                continue  # an implied recipient is the actor's own country, not a side the text shows acted upon
            side = side_of(ref)
            if side is None or side in quoted or (ref.actor_id and ref.actor_id in quoted):
                continue
            row = found.setdefault(
                side, {"side": side, "country": ref.country, "names": [], "events": 0, "event_types": []}
            )
            row["events"] += 1
            if ref.text not in row["names"]:
                row["names"].append(ref.text)
            if ev.event not in row["event_types"]:
                row["event_types"].append(ev.event)
    return sorted(found.values(), key=lambda r: (-r["events"], r["side"]))


@dataclass(frozen=True, slots=True)
class SentenceTone:
    start: int
    end: int
    compound: float


def tone_by_actor(
    events: Sequence[Event], actors: ActorIndex, tones: Sequence[SentenceTone]
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Mean VADER compound of the sentences where each actor has a role (per actor, and per side).

    An actor's roles come from the events of the sentence (aggressor/victim, accuser/accused, ...);
    an actor mentioned in a sentence with no event of its own takes the role ``mentioned``.
    """
    names = {a.id: a.name for a in actors.actors}
    per_actor: dict[str, dict[str, Any]] = {}
    scores: dict[str, dict[int, float]] = defaultdict(dict)  # actor key -> sentence index -> compound
    side_scores: dict[str, dict[int, float]] = defaultdict(dict)

    def sentence_of(offset: int) -> int | None:
        for i, t in enumerate(tones):
            if t.start <= offset < t.end:
                return i
        return None

    def add(ref: ActorRef, role: str, si: int) -> None:
        key = ref.actor_id or side_of(ref) or ref.text
        row = per_actor.setdefault(
            key,
            {
                "actor_id": ref.actor_id,
                "name": names.get(ref.actor_id or "", ref.text),
                "country": ref.country,
                "sector": ref.sector,
                "roles": {},
            },
        )
        row["roles"][role] = row["roles"].get(role, 0) + 1
        scores[key][si] = tones[si].compound
        side = side_of(ref)
        if side is not None:
            side_scores[side][si] = tones[si].compound

    with_role: set[tuple[str, int]] = set()
    for ev in events:
        if ev.negated:
            continue
        si = sentence_of(ev.trigger.start)
        if si is None:
            continue
        actor_role, recipient_role = ROLES_BY_QUAD.get(ev.quad, ("actor", "recipient"))
        for ref in ev.actor:
            add(ref, actor_role, si)
            with_role.add((ref.actor_id or ref.text, si))
        for ref in (r for r in ev.recipient if r.named):
            add(ref, recipient_role, si)
            with_role.add((ref.actor_id or ref.text, si))
    for m in actors.mentions:
        si = sentence_of(m.ref.start)
        if si is not None and (m.ref.actor_id or m.ref.text, si) not in with_role:
            add(m.ref, "mentioned", si)
    out = []
    for key, row in per_actor.items():
        values = list(scores[key].values())
        out.append({**row, "sentences": len(values), "mean_tone": round(sum(values) / len(values), 4)})
    out.sort(key=lambda r: (-r["sentences"], r["name"]))
    by_side = {side: round(sum(v.values()) / len(v), 4) for side, v in side_scores.items() if v}
    return out, by_side


def one_sidedness(
    sourcing: Sourcing,
    authorial_loaded_per_1000: float,
    tone_by_side: dict[str, float],
    voiceless_sides: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The parts of one-sidedness, each in [0, 1] with the figures it comes from, and their mean as ``index``.

    - sourcing: 2 * dominant side's share of attributed quotes - 1 (one side only: 1; two even: 0); None with no quotes.
    - voice: share of the sides in play (quoted, or acted upon and never quoted) that get no voice.
    - loaded: authorial loaded terms per 1,000 words / LOADED_SCALE, capped at 1.
    - tone: (most positive side's mean tone - most negative side's) / TONE_SCALE, capped at 1; None with < 2 sides.
    """
    parts: dict[str, float | None] = {}
    parts["sourcing"] = None if sourcing.dominant_share is None else max(0.0, 2 * sourcing.dominant_share - 1)
    in_play = len(sourcing.quotes_by_side) + len(voiceless_sides)
    parts["voice"] = len(voiceless_sides) / in_play if in_play else None
    parts["loaded"] = min(1.0, authorial_loaded_per_1000 / LOADED_SCALE)
    gap: float | None = None
    hi: str | None = None
    lo: str | None = None
    if len(tone_by_side) >= 2:
        hi = max(tone_by_side, key=lambda s: tone_by_side[s])
        lo = min(tone_by_side, key=lambda s: tone_by_side[s])
        gap = tone_by_side[hi] - tone_by_side[lo]
        parts["tone"] = min(1.0, gap / TONE_SCALE)
    else:
        parts["tone"] = None
    known = [v for v in parts.values() if v is not None]
    return {
        "index": _round(sum(known) / len(known)) if known else None,
        "parts": {k: _round(v) for k, v in parts.items()},
        "dominant_side": sourcing.dominant,
        "dominant_share": _round(sourcing.dominant_share),
        "authorial_loaded_per_1000": round(authorial_loaded_per_1000, 2),
        "tone_gap": _round(gap),
        "tone_most_positive": hi,
        "tone_most_negative": lo,
        "voiceless": [v["side"] for v in voiceless_sides],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
