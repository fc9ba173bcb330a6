"""The framing lexicons: loaded once from ``src/tacitus/data/framing/`` into a :class:`FramingLexicon`.

Every lexicon file is a TSV with ``#`` comment lines naming its source, then a header row
``term<TAB>category[<TAB>side<TAB>note]``. Terms are matched on tokens: a term is split into
tokens the way spaCy splits it (on spaces and around hyphens), and each term token matches a
text token whose lower-cased form or lemma equals it, so "terrorist" matches "terrorists"
and "so-called" matches "so - called".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tacitus.errors import DictionaryError
from tacitus.settings import Settings

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "framing"

#: Lexicon files in priority order: when one span is in several, the first one names it.
LEXICON_FILES: tuple[str, ...] = (
    "contested.tsv",
    "loaded.tsv",
    "bias_lexicon.tsv",
    "subjective_strong.tsv",
    "hedges.tsv",
    "factives.tsv",
    "assertives.tsv",
    "subjective_weak.tsv",
)

#: Categories of the hand-written contested-vocabulary table.
CONTESTED_CATEGORIES = frozenset(
    {"partisan-label", "delegitimising", "euphemism", "emotive", "intensifier", "epistemic"}
)
#: Categories that come from the packaged research lexicons.
LEXICON_CATEGORIES = frozenset(
    {"bias-lexicon", "subjective-strong", "subjective-weak", "hedge", "factive", "assertive"}
)

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One lexicon entry. ``source`` is the file stem it came from (``contested``, ``bias_lexicon``...)."""

    term: str
    tokens: tuple[str, ...]
    category: str
    side: str | None
    source: str
    rank: int  # position of the source in LEXICON_FILES: lower names the span


@dataclass(frozen=True, slots=True)
class ScorerWeights:
    """The sentence scorer's weights (see ``scorer.tsv`` for what each one multiplies and how it was chosen)."""

    values: dict[str, float]

    def get(self, name: str) -> float:
        return self.values.get(name, 0.0)


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    """All framing lexicons, indexed for one pass over the tokens.

    ``first`` maps a term's first token to the entries that start with it, longest first.
    ``valence`` is the VADER word -> valence table; ``vader`` the VADER analyzer for sentence tone.
    """

    first: dict[str, tuple[TermEntry, ...]]
    weights: ScorerWeights
    valence: dict[str, float]
    vader: Any  # vaderSentiment.SentimentIntensityAnalyzer (untyped library)
    threshold: float = 0.5  # a sentence scoring this or more is flagged biased (Settings.bias_threshold)

    @property
    def size(self) -> int:
        return len({e for entries in self.first.values() for e in entries})


def split_term(term: str) -> tuple[str, ...]:
    """Tokens of a lexicon term, split the way spaCy's English tokenizer splits words and hyphens."""
    return tuple(_TOKEN_RE.findall(term.lower()))


def read_terms(path: Path, rank: int) -> list[TermEntry]:
    """Read one lexicon TSV; raise :class:`DictionaryError` naming the line when it is malformed."""
    entries: list[TermEntry] = []
    header_seen = False
    source = path.name.removesuffix(".tsv")
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            if cols[:2] != ["term", "category"]:
                raise DictionaryError(str(path), lineno, "expected the header row 'term<TAB>category'", "add it")
            header_seen = True
            continue
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            raise DictionaryError(str(path), lineno, f"expected 'term<TAB>category', got {raw!r}")
        category = cols[1].strip()
        if category not in CONTESTED_CATEGORIES | LEXICON_CATEGORIES:
            known = ", ".join(sorted(CONTESTED_CATEGORIES | LEXICON_CATEGORIES))
            raise DictionaryError(str(path), lineno, f"unknown category {category!r}", f"use one of {known}")
        side = cols[2].strip() if len(cols) > 2 and cols[2].strip() else None
        tokens = split_term(cols[0])
        if tokens:
            entries.append(TermEntry(cols[0].strip().lower(), tokens, category, side, source, rank))
    return entries


def read_weights(path: Path) -> ScorerWeights:
    values: dict[str, float] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#") or raw.startswith("feature\t"):
            continue
        cols = raw.split("\t")
        try:
            values[cols[0].strip()] = float(cols[1])
        except (IndexError, ValueError) as exc:
            raise DictionaryError(str(path), lineno, f"expected 'feature<TAB>weight', got {raw!r}") from exc
    return ScorerWeights(values)


@lru_cache(maxsize=4)
def _load(data_dir: Path) -> FramingLexicon:
    by_first: dict[str, list[TermEntry]] = {}
    seen: set[tuple[tuple[str, ...], str]] = set()
    for rank, name in enumerate(LEXICON_FILES):
        path = data_dir / name
        if not path.exists():
            raise DictionaryError(str(path), None, "framing lexicon file is missing", "reinstall tacitus")
        for entry in read_terms(path, rank):
            key = (entry.tokens, entry.source)
            if key in seen:
                continue
            seen.add(key)
            by_first.setdefault(entry.tokens[0], []).append(entry)
    first = {k: tuple(sorted(v, key=lambda e: (-len(e.tokens), e.rank))) for k, v in by_first.items()}
    vader = SentimentIntensityAnalyzer()
    valence = {str(w): float(v) for w, v in vader.lexicon.items()}
    return FramingLexicon(first, read_weights(data_dir / "scorer.tsv"), valence, vader)


def load_framing_lexicon(settings: Settings, data_dir: Path | None = None) -> FramingLexicon:
    """The shipped framing lexicons (loaded once per process and folder)."""
    return replace(_load((data_dir or DATA_DIR).resolve()), threshold=settings.bias_threshold)
