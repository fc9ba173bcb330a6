"""The cue lexicon: reporting verbs with their stance, read from ``data/quotes/cues.tsv``."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tacitus.errors import DictionaryError
from tacitus.settings import Settings

STANCES = frozenset({"neutral", "doubt", "endorse", "concede", "insist", "deny", "accuse", "hedge"})
_USES = frozenset({"any", "direct"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: ``lemma`` (``say``, ``call for``, ``according to``), its stance, and where it may introduce speech."""

    lemma: str
    stance: str
    direct_only: bool = False


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue lemmas -> :class:`Cue`. ``verbs`` is kept for callers that only need the lemma set."""

    verbs: frozenset[str]
    cues: tuple[Cue, ...] = ()
    by_lemma: dict[str, Cue] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, cues: tuple[Cue, ...]) -> CueLexicon:
        return cls(frozenset(c.lemma for c in cues), cues, {c.lemma: c for c in cues})

    def get(self, lemma: str) -> Cue | None:
        cue = self.by_lemma.get(lemma)
        if cue is None and lemma in self.verbs:
            return Cue(lemma, "neutral")
        return cue


def _default_path() -> Path:
    return Path(str(resources.files("tacitus") / "data" / "quotes" / "cues.tsv"))


@functools.lru_cache(maxsize=8)
def read_cue_file(path: Path) -> tuple[Cue, ...]:
    """Read a cue TSV (``lemma  stance  use  source``; ``#`` comments and a header line)."""
    out: list[Cue] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read the cue lexicon ({exc})", "check the path") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise DictionaryError(str(path), number, "expected 4 tab-separated columns: lemma, stance, use, source")
        lemma, stance, use = cols[0].strip(), cols[1].strip(), cols[2].strip()
        if stance not in STANCES:
            raise DictionaryError(
                str(path), number, f"unknown stance {stance!r}; use one of {', '.join(sorted(STANCES))}"
            )
        if use not in _USES:
            raise DictionaryError(str(path), number, f"unknown use {use!r}; use 'any' or 'direct'")
        out.append(Cue(lemma, stance, use == "direct"))
    return tuple(out)


def load_cue_lexicon(settings: Settings, path: Path | None = None) -> CueLexicon:
    """The shipped cue lexicon (``data/quotes/cues.tsv``), or the TSV at ``path``."""
    cues = read_cue_file(path or _default_path())
    return CueLexicon.build(cues)
