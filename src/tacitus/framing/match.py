"""One pass over the tokens: lexicon hits (single and multiword, by lower-case form or lemma) and who voices them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.framing.lexicon import CONTESTED_CATEGORIES, FramingLexicon, TermEntry
from tacitus.model import Quote

#: Words inside quotation marks that make a quotation rather than scare quotes ("so-called 'peace'").
MIN_QUOTED_WORDS = 4

_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A span of tokens (``tok_end`` exclusive) that one or more lexicons list; ``entries[0]`` names it."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    entries: tuple[TermEntry, ...]

    @property
    def entry(self) -> TermEntry:
        return self.entries[0]

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(e.source for e in self.entries)

    @property
    def contested(self) -> TermEntry | None:
        return next((e for e in self.entries if e.category in CONTESTED_CATEGORIES), None)


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks at a character offset: the outlet (``attributed`` false) or a quoted voice."""

    attributed: bool
    quote_id: str | None


def find_hits(doc: Doc, lexicon: FramingLexicon) -> list[Hit]:
    """Lexicon hits in text order; at each token the longest matching term wins."""
    lowers = [t.lower_ for t in doc]
    lemmas = [t.lemma_.lower() for t in doc]
    proper = [t.pos_ == "PROPN" for t in doc]
    hits: list[Hit] = []
    i, n = 0, len(doc)
    while i < n:
        best: list[TermEntry] = []
        best_len = 0
        for key in {lowers[i], lemmas[i]}:
            for entry in lexicon.first.get(key, ()):
                size = len(entry.tokens)
                if size < best_len or i + size > n:
                    continue
                if size == 1 and proper[i] and entry.category not in CONTESTED_CATEGORIES:
                    continue  # "Israel" or "Hope" as a name is not a loaded word
                if all(t in (lowers[i + j], lemmas[i + j]) for j, t in enumerate(entry.tokens)):
                    if size > best_len:
                        best, best_len = [entry], size
                    elif entry not in best:
                        best.append(entry)
        if best_len:
            span = doc[i : i + best_len]
            entries = tuple(sorted(best, key=lambda e: e.rank))
            hits.append(Hit(i, i + best_len, span.start_char, span.end_char, entries))
            i += best_len
        else:
            i += 1
    return hits


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Character spans between quotation marks long enough to be someone's words, not scare quotes."""
    return [
        (m.start(), m.end()) for m in _QUOTED_RE.finditer(text) if len(_WORD_RE.findall(m.group())) >= MIN_QUOTED_WORDS
    ]


def voice_at(start: int, quotes: Sequence[Quote], stretches: Sequence[tuple[int, int]]) -> Voice:
    """The outlet's own voice, unless ``start`` lies in a quote's content or a quoted stretch of text."""
    for q in quotes:
        if q.content.start <= start < q.content.end:
            return Voice(True, q.id)
    for s, e in stretches:
        if s <= start < e:
            return Voice(True, None)
    return Voice(False, None)
