"""Quote marks: pair opening and closing marks into quoted stretches, in one pass.

Handles curly (“ ” „ « »), straight (``"``) and doubled-apostrophe (``''``, as in some
newswire text) marks. A quotation that runs over several paragraphs follows the
newspaper convention: each paragraph reopens the quote and only the last one closes
it; such a run is one :class:`QuotedSpan`. Unbalanced marks never raise: a stray or
unclosed mark is reported in :attr:`MarkScan.problems` and skipped, and pairing starts
afresh at the next paragraph, so the well-formed quotes around it are still found.
Single quotes are not paired: in English news they are mostly apostrophes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either"]

_OPENERS = {"“": "open", "„": "open", "«": "open", "”": "close", "»": "close", '"': "either"}
_BEFORE_OPEN = set(" \t\n([{—–-/")
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-/")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between an opening mark (``open_start:open_end``) and its closing mark (``close_start:close_end``)."""

    open_start: int
    open_end: int
    close_start: int
    close_end: int
    paragraphs: int = 1

    @property
    def content_start(self) -> int:
        return self.open_end

    @property
    def content_end(self) -> int:
        return self.close_start


@dataclass(frozen=True, slots=True)
class MarkProblem:
    """A mark that could not be paired: ``kind`` is ``unclosed`` or ``stray-close``."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MarkScan:
    spans: tuple[QuotedSpan, ...]
    problems: tuple[MarkProblem, ...]


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    role: Role


def _marks(text: str) -> list[_Mark]:
    out: list[_Mark] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "'" and i + 1 < n and text[i + 1] == "'":
            out.append(_Mark(i, i + 2, "either"))
            i += 2
            continue
        if ch == "`" and i + 1 < n and text[i + 1] == "`":
            out.append(_Mark(i, i + 2, "open"))
            i += 2
            continue
        role = _OPENERS.get(ch)
        if role is not None:
            out.append(_Mark(i, i + 1, role))  # type: ignore[arg-type]  # values are Role literals
        i += 1
    return out


def _role(text: str, mark: _Mark, is_open: bool) -> Role:
    """Decide whether an ambiguous straight mark opens or closes, from its neighbours."""
    if mark.role != "either":
        return mark.role
    before = text[mark.start - 1] if mark.start > 0 else " "
    after = text[mark.end] if mark.end < len(text) else " "
    if before in _BEFORE_OPEN and after not in " \t\n":
        return "open" if not is_open or before == "\n" else "close"
    if after in _AFTER_CLOSE and before not in " \t\n":
        return "close" if is_open else "open"
    return "close" if is_open else "open"


def _paragraph_break(text: str, start: int, end: int) -> int:
    """Offset of the first newline in ``text[start:end]``, or -1."""
    return text.find("\n", start, end)


def find_quote_marks(text: str) -> MarkScan:
    """Pair the quote marks of ``text`` in one left-to-right pass."""
    spans: list[QuotedSpan] = []
    problems: list[MarkProblem] = []
    opened: _Mark | None = None
    paragraphs = 1
    last_end = 0
    for mark in _marks(text):
        if opened is not None:
            nl = _paragraph_break(text, last_end, mark.start)
            if nl >= 0:
                role = _role(text, mark, is_open=False)
                reopens = role == "open" and not text[nl : mark.start].strip()
                if reopens:
                    # the newspaper convention: a quote running on reopens each paragraph
                    paragraphs += 1
                    last_end = mark.end
                    continue
                problems.append(MarkProblem("unclosed", opened.start, opened.end))
                opened = None
        role = _role(text, mark, is_open=opened is not None)
        if opened is None:
            if role == "close":
                problems.append(MarkProblem("stray-close", mark.start, mark.end))
            else:
                opened, paragraphs = mark, 1
        elif role == "open":
            problems.append(MarkProblem("unclosed", opened.start, opened.end))
            opened, paragraphs = mark, 1
        else:
            if mark.start > opened.end:
                spans.append(QuotedSpan(opened.start, opened.end, mark.start, mark.end, paragraphs))
            opened = None
        last_end = mark.end
    if opened is not None:
        problems.append(MarkProblem("unclosed", opened.start, opened.end))
    return MarkScan(tuple(spans), tuple(problems))
