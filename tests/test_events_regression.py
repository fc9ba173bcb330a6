"""Events regression: hand-written tricky sentences (tests/data/events/regression*.tsv), scored with a floor.

Each row names the event expected (type, actor country, recipient country, date, modality).
The floor is the score measured when the file was written; raise it as the coder improves,
never lower it to make a change pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tacitus import Analysis
from tacitus.bench.events import read_probe
from tacitus.model import Event

REGRESSION_DIR = Path(__file__).resolve().parent / "data" / "events"
#: Measured 2026-11-29: 104 of 106 rows (0.981) with the shipped lexicon and the actors/dates stages of that day;
#: round 2 (130 rows added, one per common verb of each type): 232 of 236 (0.983).
#: Round 3 (159 rows: the weak types, every CAMEO root, generic verbs coding nothing, reported demands; a host
#: is the recipient, per the PLOVER manual): 392 of 395 (0.992).
#: Round 4 (29 rows: decisions are acts, defied bans, cessations, returned objects, option nouns, peacekeepers,
#: expelled inspectors, missions to investigate, fighting diseases, "cannot" refusals, hopes, abilities): 421 of 424
#: (0.993). Round 5 (handovers, rushed relief, declared-over wars, "told X that", recognised-by passives, plural
#: demonyms): 471 of 471 on 2026-12-04; round 6 (that day's later rows): 535 of 535, 595 of 595 after its last session;
#: 694 of 694 on 2026-12-06, 722 of 722 after that day's last session.
FLOOR = 0.995
#: Floors of the other regression files, each measured when its rows were written (same rule: raise, never lower).
#: Recipients: 54 of 54 on 2026-11-29 (round 6), 74 of 74 on 2026-12-06.
FLOORS = {"regression.tsv": FLOOR, "regression_recipients.tsv": 0.985}
FLOORS["regression_codes.tsv"] = 0.995  # 2 rows per CAMEO code + 171 variants: 680 of 683 on 2026-11-29 (round 6)
#: The generalisation probe: 111 of 240 when written, 194 of 240 (0.808) after round 7, 202 of 240 on 2026-12-02,
#: 206 (0.858) on 2026-12-04, 210 (0.875) after that day's work, 211 (0.879) after its last session, 226 (0.942) on
#: 2026-12-06.
FLOORS["regression_probe.tsv"] = 0.94
#: The second probe's development half: 102 of 150 when written, 116 of 150 (0.773) on 2026-12-02, 129 (0.86)
#: after session 3 of that day, 134 (0.893) with implied recipients on 2026-12-03, 135 (0.90) on 2026-12-04,
#: 138 (0.92) after that day's last session, 140 (0.933) on 2026-12-06.
FLOORS["regression_probe2.tsv"] = 0.93
#: The third probe, one row per CAMEO code: 203 of 256 when written, 230 of 256 (0.898) on 2026-12-02,
#: 236 (0.922) on 2026-12-04, 246 (0.961) after that day's work (3 of the gain: rows relabelled to the manual),
#: 247 (0.965) after that day's last session.
FLOORS["regression_probe3.tsv"] = 0.96
#: The fourth probe, long lead sentences: 159 of 200 when written, 180 of 200 (0.90) on 2026-12-02,
#: 186 (0.93) on 2026-12-04, 190 (0.95) after that day's work, 191 (0.955) after its last session, 197 (0.985) on
#: 2026-12-06.
FLOORS["regression_probe4.tsv"] = 0.98
#: The fifth probe's development half (structure-varied wire leads): 58 of 120 at e22376b, before it was worked on,
#: 71 of 120 (0.592) on 2026-12-02, 75 (0.625) after session 3 of that day, 81 (0.675) with implied recipients on
#: 2026-12-03, 92 (0.767) on 2026-12-04, 95 (0.792) after that day's work, 97 (0.808) after its last session, 104
#: (0.867) on 2026-12-06.
#: Its held-out half is data/events/heldout/probe5_heldout.tsv (bench events).
FLOORS["regression_probe5.tsv"] = 0.86
#: The sixth probe's development half (short CAMEO-definition leads weighted to the weak types, labels from
#: CAMEO2PLOVER-2021): 66 of 120 when first scored on 2026-12-03, 74 (0.617) after that session's work on it,
#: 94 (0.783) on 2026-12-04, 96 (0.80) after that day's last session (one row relabelled to the manual: training
#: another's forces is AID), 101 (0.842) on 2026-12-06, 102 (0.85) after that day's last session.
#: Its held-out half is data/events/heldout/probe6_heldout.tsv (bench events).
FLOORS["regression_probe6.tsv"] = 0.85
#: The seventh probe's development half (blind textbook-style leads weighted to the weak types, labels from the PLOVER
#: manual): 74 of 82 by type, 60 (0.732) in full at 1da2d07, before it was worked on; 68 (0.829) after, 69 (0.841) on
#: 2026-12-06. Its held-out half is data/events/heldout/probe7_heldout.tsv (bench events): 71 of 82 by type, 64 in
#: full at 1da2d07.
FLOORS["regression_probe7.tsv"] = 0.84
#: The eighth probe's development half (blind wire-style sentences with attribution, nominalisations and less common
#: verbs, weighted to the weak types, labels from the PLOVER manual): 47 of 79 (0.595) at 43105e5, before it was
#: worked on; 67 (0.848) on 2026-12-04, 72 (0.911) on 2026-12-06.
#: Its held-out half is data/events/heldout/probe8_heldout.tsv (bench events): 74 of 91 by type, 63 in
#: full at 43105e5.
FLOORS["regression_probe8.tsv"] = 0.91
#: The ninth probe's development half (the developers' own sentences): 301 of 400 by type and countries when first
#: scored on 2026-12-06 (in ten batches of 40), 366 of 400 (0.915, dates and modality too) after that session's work.
FLOORS["regression_probe9.tsv"] = 0.91
#: The tenth probe's development half (blind leads in the style of 1990s-2000s wire reports, labels from the PLOVER
#: manual and CAMEO2PLOVER, Serbia 1992-2006 recoded SCG mechanically): 109 of 120 by type, 96 (0.80) in full at
#: dd385a2, before it was worked on; 108 (0.90) after that session's work. Its held-out half is
#: data/events/heldout/probe10_heldout.tsv (bench events): 56 of 60 by type, 45 in full at dd385a2.
FLOORS["regression_probe10.tsv"] = 0.89


@dataclass(frozen=True, slots=True)
class Case:
    file: str
    line: int
    sentence: str
    published: date
    event: str
    actor: str
    recipient: str
    date: str
    modality: str


def load_cases() -> list[Case]:
    """Every row of every regression*.tsv file (one file per theme, each with the same header)."""
    return [
        Case(path.name, r.line, r.text, r.published, r.event, r.actor, r.recipient, r.date, r.modality)
        for path in sorted(REGRESSION_DIR.glob("regression*.tsv"))
        for r in read_probe(path)
    ]


def matches(case: Case, e: Event) -> bool:
    if e.event != case.event:
        return False
    if case.actor and case.actor not in {a.country for a in e.actor}:
        return False
    if case.recipient == "-" and e.recipient:
        return False
    if case.recipient not in {"", "-"} and case.recipient not in {r.country for r in e.recipient}:
        return False
    if case.date and e.date != case.date:
        return False
    if case.modality == "negated":  # negation is a flag of its own, beside the modality
        return e.negated
    return not case.modality or e.modality == case.modality


def passes(case: Case, analysis: Analysis) -> bool:
    if case.event == "NONE":
        return not analysis.events
    return any(matches(case, e) for e in analysis.events)


def test_events_regression_file_has_at_least_60_cases_over_all_16_types() -> None:
    from tacitus.events import EVENT_TYPES

    cases = load_cases()
    assert len(cases) >= 60
    assert {c.event for c in cases} >= set(EVENT_TYPES)


def test_every_regression_file_has_a_floor() -> None:
    assert {c.file for c in load_cases()} == set(FLOORS)


def test_events_regression_score_stays_above_the_floor(analyze: Callable[..., Analysis]) -> None:
    cases = load_cases()
    failed = [c for c in cases if not passes(c, analyze(c.sentence, published=c.published))]
    report = "\n".join(
        f"  {c.file} line {c.line}: {c.sentence} (want {c.event} {c.actor}->{c.recipient})" for c in failed
    )
    for name, floor in FLOORS.items():
        total = sum(c.file == name for c in cases)
        score = 1 - sum(c.file == name for c in failed) / total
        assert score >= floor, f"{name}: regression score {score:.3f} < floor {floor}; failing rows:\n{report}"
