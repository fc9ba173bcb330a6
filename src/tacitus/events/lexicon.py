"""The event lexicon: verb and noun patterns keyed by lemma, loaded once from ``data/events``.

Three files are merged (see ``data/events/NOTICE.md``):

- ``cameo_verbs.tsv``: the CAMEO verb-pattern dictionary converted by
  ``scripts/convert_cameo_verbs.py``; a verb block shares its patterns among its verbs.
- ``manual.tsv``: hand-written rows from the PLOVER manual and the NGEC codebook; a row with
  an empty pattern replaces the CAMEO default of its lemma; ``-`` as event with an empty
  pattern, or the pattern ``*``, drops every CAMEO row of that lemma (only the manual's
  own rows remain).
- ``plover_types.tsv``: quad and conflict-cooperation score per event (and mode).

Lookups are dicts by lemma; a pattern is a tuple of word slots, each slot a frozenset of
alternatives (a ``&set`` from ``cameo_synsets.tsv`` expands to its words).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import DictionaryError

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

#: Every PLOVER v0.8 event type.
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


#: Last words of multi-word synonyms ("cease fire", "safe house") that would match far too much on their own.
_GENERIC_HEADS = frozenset(
    {
        *("fighter", "fire", "gas", "of", "and", "group", "party", "service", "services", "station", "vehicle"),
        *("force", "contingent", "house", "system", "camp", "opinion", "cause", "person", "area", "center", "club"),
        *("agent", "destruction", "stockpile", "warfare", "carrier"),
    }
)


@dataclass(frozen=True, slots=True)
class Sense:
    """What a matched pattern codes: a PLOVER event, its mode and context, and the CAMEO code."""

    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """Words that must all appear among a head's dependents (``<word``: in its subject); ``sense`` None means: no
    event."""

    slots: tuple[frozenset[str], ...]
    sense: Sense | None
    manual: bool
    #: (slots on the dependents, slots on the subject, hand-written or not): the pattern naming more of the verb's
    #: dependents wins, then the one naming more of its subject, then the hand-written one.
    rank: tuple[int, int, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        subject = sum(1 for slot in self.slots if _on_subject(slot))
        object.__setattr__(self, "rank", (len(self.slots) - subject, subject, 1 if self.manual else 0))

    @property
    def subject_only(self) -> bool:
        return bool(self.slots) and self.rank[0] == 0

    def matches(self, words: frozenset[str]) -> bool:
        for slot in self.slots:  # noqa: SIM110 - a loop, not all(...): this runs for every pattern of every verb
            if slot.isdisjoint(words):
                return False
        return True


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Patterns by lemma for verbs and nominal events, weapon words, and PLOVER quad/score tables."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    weapons: dict[str, tuple[Pattern, ...]]
    quads: dict[str, str]
    scores: dict[tuple[str, str | None], float]

    def quad(self, event: str) -> str:
        return self.quads[event]

    def score(self, event: str, mode: str | None) -> float | None:
        return self.scores.get((event, mode), self.scores.get((event, None)))


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    if not path.exists():
        raise DictionaryError(str(path), None, "event lexicon file is missing", "reinstall tacitus or restore the file")
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        yield number, [c.strip() for c in cells[:width]]


def _sense(path: Path, number: int, event: str, mode: str, context: str, cameo: str) -> Sense | None:
    if event in {"", "-", "~"}:
        return None
    if event not in EVENT_TYPES:
        raise DictionaryError(str(path), number, f"unknown PLOVER event {event!r}; use one of {', '.join(EVENT_TYPES)}")
    contexts = tuple(c.strip() for c in context.split(";") if c.strip())
    return Sense(event, mode or None, contexts, cameo or None)


def _on_subject(slot: frozenset[str]) -> bool:
    return any(w.startswith("<") for w in slot)


def _slots(pattern: str, synsets: dict[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    """One slot per pattern word: ``&set`` any word of the set, ``a|b`` either word, and a leading ``<`` a word
    of the verb's subject rather than of its dependents (``<earthquake``)."""
    slots: list[frozenset[str]] = []
    for word in pattern.split():
        mark = "<" if word.startswith("<") else ""
        word = word.removeprefix("<")
        alternatives: set[str] = set()
        for alt in word.split("|"):
            if alt.startswith("&"):
                alternatives.update(synsets.get(alt, frozenset({alt[1:]})))
            else:
                alternatives.update((alt, _singular(alt)))
        slots.append(frozenset(mark + w for w in alternatives))
    return tuple(slots)


def _singular(word: str) -> str:
    """Plural nouns in the CAMEO patterns ('sanctions', 'rallies') meet spaCy lemmas."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _read_synsets(path: Path) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for _number, (name, word) in _rows(path, 2):
        for w in (word, _singular(word)):
            # a multi-word member matches on its head (last) word, unless that word is too generic alone
            head = w.split()[-1] if w else w
            if head and head not in _GENERIC_HEADS:
                sets.setdefault(name, set()).add(head)
    return {k: frozenset(v) for k, v in sets.items()}


def _sorted(table: dict[str, list[Pattern]]) -> dict[str, tuple[Pattern, ...]]:
    return {k: tuple(sorted(v, key=lambda p: p.rank, reverse=True)) for k, v in table.items()}


@functools.lru_cache(maxsize=4)
def read_event_lexicon(folder: Path = DATA) -> EventLexicon:
    """Load and merge the event lexicon files in ``folder`` (cached per folder: the files never change)."""
    synsets = _read_synsets(folder / "cameo_synsets.tsv")
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    weapons: dict[str, list[Pattern]] = {}
    manual_path = folder / "manual.tsv"
    manual_defaults: set[str] = set()
    silenced: set[str] = set()  # '-' with no pattern: the word codes nothing, whatever CAMEO says
    manual_keys: dict[tuple[str, str, str], int] = {}
    for number, (kind, lemma, pattern, event, mode, context, cameo) in _rows(manual_path, 7):
        if (kind, lemma, pattern) in manual_keys:
            first = manual_keys[(kind, lemma, pattern)]
            raise DictionaryError(str(manual_path), number, f"{kind} {lemma!r} {pattern!r} repeats line {first}")
        manual_keys[(kind, lemma, pattern)] = number
        table = {"verb": verbs, "noun": nouns, "weapon": weapons}.get(kind)
        if table is None:
            raise DictionaryError(str(manual_path), number, f"unknown kind {kind!r}; use verb, noun or weapon")
        if pattern == "*":  # the manual alone codes this lemma: drop its CAMEO rows
            silenced.add(lemma)
            continue
        sense = _sense(manual_path, number, event, mode, context, cameo)
        table.setdefault(lemma, []).append(Pattern(_slots(pattern, synsets), sense, True))
        if kind == "verb" and not pattern:
            manual_defaults.add(lemma)
            if sense is None and event != "~":
                silenced.add(lemma)

    cameo_path = folder / "cameo_verbs.tsv"
    groups: dict[str, list[str]] = {}
    group_patterns: dict[str, list[tuple[Pattern, bool]]] = {}  # (pattern, a CAMEO 01 statement)
    for number, (group, lemma, pattern, event, mode, context, cameo) in _rows(cameo_path, 7):
        sense = _sense(cameo_path, number, event, mode, context, cameo)
        if lemma == "*":
            statement = sense is None and cameo.startswith("01")
            group_patterns.setdefault(group, []).append((Pattern(_slots(pattern, synsets), sense, False), statement))
            continue
        if lemma in silenced:
            continue
        groups.setdefault(group, []).append(lemma)
        if not pattern and lemma in manual_defaults:
            continue
        verbs.setdefault(lemma, []).append(Pattern(_slots(pattern, synsets), sense, False))
    for group, lemmas in groups.items():
        for lemma in lemmas:
            verbs.setdefault(lemma, []).extend(
                # a hand-written default sense is not recoded by the subject alone ("prosecutors charged" stays an
                # accusation, as the PLOVER manual has it); a subject that stops the event still does ("an
                # earthquake killed")
                p
                for p, statement in group_patterns.get(group, ())
                if not (lemma in manual_defaults and _recodes_default(p, statement))
            )

    quads: dict[str, str] = {}
    scores: dict[tuple[str, str | None], float] = {}
    types_path = folder / "plover_types.tsv"
    for number, (event, mode, quad, score) in _rows(types_path, 4):
        try:
            scores[(event, mode or None)] = float(score)
        except ValueError as exc:
            raise DictionaryError(str(types_path), number, f"score {score!r} is not a number") from exc
        quads.setdefault(event, quad)
    missing = [e for e in EVENT_TYPES if e not in quads]
    if missing:
        raise DictionaryError(str(types_path), None, f"no quad for {', '.join(missing)}", "add a row per event type")
    modes = {key for key in scores if key[1] is not None}
    return EventLexicon(
        _sorted(_v08_modes(verbs, modes)), _sorted(_v08_modes(nouns, modes)), _sorted(weapons), quads, scores
    )


def _recodes_default(p: Pattern, statement: bool) -> bool:
    """A CAMEO pattern that a hand-written default sense outranks: one naming only the subject, or one making the
    verb a mere statement (CAMEO 01: "condemned the terrorist attack" is 018, sympathy, in CAMEO; an accusation in
    the PLOVER manual). A null-coded pattern still stops it ("killed in an accident")."""
    return statement or (p.sense is not None and p.subject_only)


def _v08_modes(table: dict[str, list[Pattern]], modes: set[tuple[str, str | None]]) -> dict[str, list[Pattern]]:
    """Drop modes that PLOVER v0.8 does not define for the event (CAMEO2PLOVER still names a few old ones)."""
    out: dict[str, list[Pattern]] = {}
    for lemma, patterns in table.items():
        fixed: list[Pattern] = []
        for p in patterns:
            s = p.sense
            if s is not None and s.mode is not None and (s.event, s.mode) not in modes:
                p = Pattern(p.slots, Sense(s.event, None, s.context, s.cameo), p.manual)
            fixed.append(p)
        out[lemma] = fixed
    return out
