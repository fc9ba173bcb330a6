"""The actor dictionary: phrases -> entries coded to PLOVER country + sector, with date ranges.

A tacitus actor file is a TSV with four columns and ``#`` comment lines::

    # name	kind	codes	aliases
    BARACK_OBAMA	person	USA/ELI@1978-01-01..2000-01-01; USA/GOV@2009-01-20..2017-01-20; USA/ELI	barack obama|obama

``kind`` is one of :data:`KINDS`. ``codes`` is ``;``-separated ``COUNTRY/SECTOR`` pairs (``-`` for
none), each optionally restricted to ``@FROM..TO`` (ISO dates, inclusive, either side open);
the first coding whose range holds the article's date wins, an unrestricted one is the default.
``aliases`` are ``|``-separated surface forms; the name (underscores read as spaces) is one too.
A ``role`` entry (``-/LEG`` for "lawmakers") takes its country from the words around it.

Files are read once per path (:func:`read_actor_file` is cached); a lexicon is a plain object
passed down to :func:`tacitus.actors.find_actors`. Given a ``cache_dir``, :func:`build_lexicon` keeps the
parsed shipped files there as one ``marshal`` file (plain data, no code), keyed by the files' paths,
sizes and modification times and by this module's own, so an edited dictionary or reader is re-read;
an unwritable or damaged cache is skipped (the files are parsed as before).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from tacitus.errors import DictionaryError

#: What an entry names. ``role``: a description ("lawmakers"); ``capital``: a seat of government used
#: for its government ("Kyiv rejected"); ``country``: a state, its adjective or demonym; ``place``: a
#: city or region coded to its country ("Peshawar"), an actor only where it is not the place of something.
KINDS = frozenset({"country", "capital", "place", "person", "org", "group", "role", "igo"})

#: The PLOVER v0.8 sector codes (PLOVER_MANUAL.tex, table "Sector Codes").
SECTORS = frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
    ]
)

_CODE_RE = re.compile(r"^([A-Z]{3}|-)/([A-Z]{3}|-)(?:@(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$")
#: A lower-case form without these is already split (the converter writes forms that way).
_NEEDS_SPLIT = re.compile(r"[()\[\],;:\"]|\S-|-\S|\S's\b")
_TOKEN_RE = re.compile(r"[()\[\],;:\"]|-|[^()\[\],;:\"-]+")


@dataclass(frozen=True, slots=True)
class Coding:
    """A country + sector, valid from ``start`` to ``end`` inclusive (None: open)."""

    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def spec(self) -> str:
        out = f"{self.country or '-'}/{self.sector or '-'}"
        if self.dated:
            out += f"@{self.start.isoformat() if self.start else ''}..{self.end.isoformat() if self.end else ''}"
        return out


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary record: a name, what kind of thing it is, and how it is coded over time."""

    name: str
    kind: str
    codings: tuple[Coding, ...]
    source: str = ""

    def code_on(self, day: date | None) -> tuple[str | None, str | None]:
        """(country, sector) on ``day``: the first dated coding that holds, else the default.

        With no date, or a date no coding holds, the undated default applies; a person whose
        last office ended before ``day`` and who has no default is a former official (ELI).
        """
        dated = [c for c in self.codings if c.dated]
        default = next((c for c in self.codings if not c.dated), None)
        if day is not None:
            for c in dated:
                if c.holds(day):
                    return c.country, c.sector
        if default is not None:
            return default.country, default.sector
        if not dated:
            return None, None
        if day is None:
            last = max(dated, key=lambda c: c.start or date.min)
            return last.country, last.sector
        ended = [c for c in dated if c.end is not None and c.end < day]
        if ended:
            last = max(ended, key=lambda c: c.end or date.min)
            return last.country, "ELI" if self.kind == "person" else last.sector
        first = min(dated, key=lambda c: c.start or date.min)
        return first.country, None

    def holds_on(self, day: date | None) -> bool:
        """True when a dated coding covers ``day``: the entry knows what the actor was then."""
        return day is not None and any(c.dated and c.holds(day) for c in self.codings)

    def codes_spec(self) -> str:
        return "; ".join(c.spec() for c in self.codings)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An entry with its surface forms, as read from one line of a file."""

    entry: ActorEntry
    phrases: tuple[tuple[str, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Phrase (lower-cased token tuple) -> entry, with the longest phrase per first token.

    ``notes`` lists user entries that replaced a shipped one, so nothing is overridden silently.
    ``lengths``: the lengths of the phrases each first token starts, longest first (derived from
    ``phrases`` when not given), so a lookup tries only lengths that exist.
    """

    phrases: dict[tuple[str, ...], ActorEntry]
    max_len: dict[str, int]
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    load_seconds: float = 0.0
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    #: Country code -> the dated entry of its capital, which carries the state's succession ("Belgrade": YUG until
    #: April 1992, then SCG until June 2006, then SRB); derived from ``phrases``.
    successions: dict[str, ActorEntry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.phrases and not self.lengths:
            object.__setattr__(self, "lengths", phrase_lengths(self.phrases))
        if self.phrases and not self.successions:
            capitals = {e.name: e for e in self.phrases.values() if e.kind == "capital"}
            successions: dict[str, ActorEntry] = {}
            for e in capitals.values():
                default = next((c.country for c in e.codings if not c.dated), None)
                if default and any(c.dated and c.country != default for c in e.codings):
                    successions.setdefault(default, e)
            object.__setattr__(self, "successions", successions)

    def country_on(self, code: str | None, day: date | None) -> str | None:
        """A present-day country code as coded on ``day``: a town in Serbia in 1999 is in Serbia and Montenegro
        (SCG), as the actors stage codes Belgrade then; codes with no succession are returned as they are."""
        entry = self.successions.get(code) if code is not None and day is not None else None
        return (entry.code_on(day)[0] or code) if entry is not None else code

    def lookup(self, words: Sequence[str], start: int) -> tuple[int, ActorEntry] | None:
        """The longest entry starting at ``words[start]``: (length, entry), or None."""
        found = self.matches(words, start)
        return found[0] if found else None

    def matches(self, words: Sequence[str], start: int) -> list[tuple[int, ActorEntry]]:
        """Every entry starting at ``words[start]``, longest first."""
        lengths = self.lengths.get(words[start])
        if lengths is None:
            return []
        room = len(words) - start
        out: list[tuple[int, ActorEntry]] = []
        for n in lengths:
            if n <= room:
                entry = self.phrases.get(tuple(words[start : start + n]))
                if entry is not None:
                    out.append((n, entry))
        return out

    def get(self, phrase: str) -> ActorEntry | None:
        return self.phrases.get(phrase_tokens(phrase))


def phrase_lengths(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First token -> the lengths of the phrases it starts, longest first."""
    found: dict[str, set[int]] = {}
    for phrase in phrases:
        seen = found.get(phrase[0])
        if seen is None:
            found[phrase[0]] = {len(phrase)}
        else:
            seen.add(len(phrase))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in found.items()}


def _other_spelling(phrase: tuple[str, ...]) -> tuple[str, ...] | None:
    """The phrase in the other of British and American "-isation"/"-ization" ("North Atlantic Treaty
    Organisation"), or None when it has no such word."""
    out = tuple(
        w[:-6] + ("sation" if w.endswith("zation") else "zation") if w.endswith(("isation", "ization")) else w
        for w in phrase
    )
    return out if out != phrase else None


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Split a surface form the way spaCy's English tokenizer splits it (hyphens, 's, brackets)."""
    low = text.replace("_", " ").replace("’", "'").lower()
    if not _NEEDS_SPLIT.search(low):
        return tuple(low.split())
    out: list[str] = []
    for piece in low.split():
        possessive = len(piece) > 2 and piece.endswith("'s")
        out.extend(_TOKEN_RE.findall(piece[:-2] if possessive else piece))
        if possessive:
            out.append("'s")
    return tuple(out)


@lru_cache(maxsize=4096)
def parse_codes(spec: str) -> tuple[Coding, ...]:
    """``"USA/GOV@2009-01-20..2017-01-20; USA/ELI"`` -> codings. Raises ValueError with the bad part."""
    codings: list[Coding] = []
    for part in (p.strip() for p in spec.split(";")):
        if not part:
            continue
        m = _CODE_RE.match(part)
        if not m:
            raise ValueError(f"code {part!r} is not COUNTRY/SECTOR[@YYYY-MM-DD..YYYY-MM-DD] (use - for none)")
        country, sector, start, end = m.groups()
        if sector != "-" and sector not in SECTORS:
            raise ValueError(f"sector {sector!r} in {part!r} is not a PLOVER sector ({', '.join(sorted(SECTORS))})")
        coding = Coding(
            None if country == "-" else country,
            None if sector == "-" else sector,
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
        )
        if coding.start and coding.end and coding.start > coding.end:
            raise ValueError(f"code {part!r} ends before it starts")
        codings.append(coding)
    if not codings:
        raise ValueError("no code given")
    return tuple(codings)


@lru_cache(maxsize=64)
def _read_cached(path: str, mtime_ns: int) -> tuple[ActorRecord, ...]:
    return tuple(_parse_tsv(Path(path)))


def read_actor_file(path: str | Path) -> tuple[ActorRecord, ...]:
    """Read a tacitus TSV or Phoenix ``.actors`` file (by its content); errors name file and line."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime_ns
    except OSError as exc:
        raise DictionaryError(
            str(p), None, f"cannot read the actor file ({exc})", "fix the path in actor_files"
        ) from exc
    if _looks_like_phoenix(p):
        from tacitus.actors.phoenix import read_phoenix_actors

        return read_phoenix_actors(p)
    return _read_cached(str(p), mtime)


def _looks_like_phoenix(path: Path) -> bool:
    """``.tsv`` is tacitus; ``.actors``/``*.actors.txt`` is Phoenix; otherwise the first data line decides."""
    if path.suffix == ".tsv":
        return False
    if path.suffix == ".actors" or path.name.lower().endswith(".actors.txt"):
        return True
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                return line.count("\t") < 3
    return False


def _parse_tsv(path: Path) -> Iterable[ActorRecord]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(str(path), None, f"cannot read the actor file ({exc})", "save it as UTF-8") from exc
    file_name = path.name
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise DictionaryError(
                str(path), n, f"expected 4 tab-separated columns (name, kind, codes, aliases), found {len(cols)}"
            )
        name, kind, codes, aliases = cols
        if not name.strip():
            raise DictionaryError(str(path), n, "the name column is empty")
        if kind not in KINDS:
            raise DictionaryError(str(path), n, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        try:
            codings = parse_codes(codes.strip())
        except ValueError as exc:
            raise DictionaryError(str(path), n, str(exc)) from exc
        named = [t for t in map(phrase_tokens, [name, *aliases.strip().split("|")]) if t]
        phrases = tuple(dict.fromkeys(v for t in named for v in (t, _other_spelling(t)) if v))
        if not phrases:
            raise DictionaryError(str(path), n, "no usable name or alias")
        yield ActorRecord(ActorEntry(name, kind, codings, f"{file_name}:{n}"), phrases, n)


def write_actor_tsv(path: Path, records: Iterable[ActorRecord], header: Sequence[str]) -> int:
    """Write records as a tacitus actor TSV (the converter's output); returns the number of lines."""
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("# name\tkind\tcodes\taliases")
    count = 0
    for rec in records:
        name_tokens = phrase_tokens(rec.entry.name)
        aliases = "|".join(" ".join(p) for p in rec.phrases if p != name_tokens)
        lines.append(f"{rec.entry.name}\t{rec.entry.kind}\t{rec.entry.codes_spec()}\t{aliases}")
        count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


#: Bump when the cached layout changes.
CACHE_VERSION = 3

#: (CACHE_VERSION, Python version, marshal version, (path, mtime_ns, size) of this module and phoenix.py,
#: the same of every shipped file): what a cached lexicon was built from.
_Key = tuple[int, tuple[int, ...], int, tuple[tuple[str, int, int], ...], tuple[tuple[str, int, int], ...]]
_PackedCoding = tuple[str | None, str | None, int | None, int | None]
_PackedEntry = tuple[str, str, int, str]
#: Codings, coding sets (indexes into codings), entries (name, kind, coding set, source), then _Shipped's lists.
_Packed = tuple[
    list[_PackedCoding],
    list[tuple[int, ...]],
    list[_PackedEntry],
    list[tuple[str, ...]],
    list[int],
    list[int],
    list[int],
]


@dataclass(frozen=True, slots=True)
class _Shipped:
    """The shipped files merged: ``phrases`` (each once, in first-seen order) with their winning entry's index
    in ``owners``, and every (phrase, entry) pair in file order as indexes (for the notes on user overrides)."""

    entries: list[ActorEntry]
    phrases: list[tuple[str, ...]]
    owners: list[int]
    pair_phrases: list[int]
    pair_entries: list[int]

    @classmethod
    def of(cls, records: Iterable[ActorRecord]) -> _Shipped:
        entries: list[ActorEntry] = []
        number: dict[tuple[str, ...], int] = {}
        owners: list[int] = []
        pair_phrases: list[int] = []
        pair_entries: list[int] = []
        for rec in records:
            entries.append(rec.entry)
            for phrase in rec.phrases:
                k = number.get(phrase)
                if k is None:
                    k = number[phrase] = len(owners)
                    owners.append(len(entries) - 1)
                pair_phrases.append(k)
                pair_entries.append(len(entries) - 1)
        return cls(entries, list(number), owners, pair_phrases, pair_entries)

    def first(self) -> dict[tuple[str, ...], ActorEntry]:
        """Phrase -> the entry of the first file (and line) that names it."""
        return dict(zip(self.phrases, map(self.entries.__getitem__, self.owners), strict=True))

    def pairs(self) -> Iterator[tuple[tuple[str, ...], ActorEntry]]:
        for k, e in zip(self.pair_phrases, self.pair_entries, strict=True):
            yield self.phrases[k], self.entries[e]

    def pack(self) -> _Packed:
        codings: list[_PackedCoding] = []
        coding_no: dict[Coding, int] = {}
        sets: list[tuple[int, ...]] = []
        set_no: dict[tuple[Coding, ...], int] = {}
        entries: list[_PackedEntry] = []
        for e in self.entries:
            if e.codings not in set_no:
                for c in e.codings:
                    if c not in coding_no:
                        coding_no[c] = len(codings)
                        start = c.start.toordinal() if c.start else None
                        codings.append((c.country, c.sector, start, c.end.toordinal() if c.end else None))
                set_no[e.codings] = len(sets)
                sets.append(tuple(coding_no[c] for c in e.codings))
            entries.append((e.name, e.kind, set_no[e.codings], e.source))
        return codings, sets, entries, self.phrases, self.owners, self.pair_phrases, self.pair_entries

    @classmethod
    def unpack(cls, packed: _Packed) -> _Shipped:
        raw_codings, raw_sets, raw_entries, phrases, owners, pair_phrases, pair_entries = packed
        codings = [
            Coding(
                c, s, date.fromordinal(lo) if lo is not None else None, date.fromordinal(hi) if hi is not None else None
            )
            for c, s, lo, hi in raw_codings
        ]
        sets = [tuple(codings[k] for k in nos) for nos in raw_sets]
        entries = [ActorEntry(name, kind, sets[k], src) for name, kind, k, src in raw_entries]
        if len(phrases) != len(owners) or len(pair_phrases) != len(pair_entries):
            raise ValueError("cached lists of different lengths")
        return cls(entries, phrases, owners, pair_phrases, pair_entries)


def default_cache_dir(env: dict[str, str] | None = None) -> Path | None:
    """``$TACITUS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tacitus``, else ``~/.cache/tacitus``; None (no cache) when
    there is no home directory to put it in."""
    env = dict(os.environ) if env is None else env
    if env.get("TACITUS_CACHE_DIR"):
        return Path(env["TACITUS_CACHE_DIR"])
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "tacitus"
    try:
        return Path.home() / ".cache" / "tacitus"
    except (RuntimeError, KeyError):
        return None


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path.resolve()), st.st_mtime_ns, st.st_size


def _cache_key(shipped: Sequence[Path]) -> _Key | None:
    """What the cached data depends on; None when a file cannot be stat'ed (the reader then reports it)."""
    here = Path(__file__).resolve()
    try:
        code = (_stamp(here), _stamp(here.with_name("phoenix.py")))
        files = tuple(_stamp(Path(p)) for p in shipped)
    except OSError:
        return None
    return (CACHE_VERSION, tuple(sys.version_info[:2]), marshal.version, code, files)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building tens of thousands of small objects at once triggers the cyclic collector over and over."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read_shipped(shipped: Sequence[Path], cache_dir: Path | None) -> _Shipped:
    """The shipped files merged, from ``cache_dir`` when it holds them for the files as they are now."""
    key = _cache_key(shipped) if cache_dir is not None else None
    if cache_dir is None or key is None:
        return _Shipped.of(rec for path in shipped for rec in read_actor_file(path))
    log = logging.getLogger(__name__)
    # One cache file per list of shipped files, so differently composed lexicons do not evict each other.
    name = hashlib.sha256("\n".join(f[0] for f in key[4]).encode()).hexdigest()[:16]
    cache_file = cache_dir / f"actors-{name}.marshal"
    try:
        with _gc_paused():
            stored_key, packed = marshal.loads(cache_file.read_bytes())
            if stored_key == key:
                return _Shipped.unpack(packed)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, IndexError) as exc:
        log.debug("actor dictionary cache %s unreadable (%s); re-reading the files", cache_file, exc)
    merged = _Shipped.of(rec for path in shipped for rec in read_actor_file(path))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=cache_file.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps((key, merged.pack())))
            os.replace(tmp, cache_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.debug("actor dictionary cache %s not written (%s)", cache_file, exc)
    return merged


def build_lexicon(shipped: Sequence[Path], user: Sequence[str | Path], cache_dir: Path | None = None) -> ActorLexicon:
    """Merge files into one lexicon. Shipped files: the first file that names a phrase wins.

    User files come first; two user entries for one phrase are an error (which one is meant?),
    and a user entry that replaces a shipped one is listed in ``notes``. With ``cache_dir`` the
    shipped files are read through the cache (module docs); user files never are.
    """
    started = time.perf_counter()
    phrases: dict[tuple[str, ...], ActorEntry] = {}
    origin: dict[tuple[str, ...], str] = {}
    for path in user:
        for rec in read_actor_file(path):
            for phrase in rec.phrases:
                if phrase in phrases:
                    other = origin[phrase]
                    same = phrases[phrase].codings == rec.entry.codings
                    problem = "duplicate" if same else "conflicting"
                    raise DictionaryError(
                        str(path),
                        rec.line,
                        f"{problem} entry for {' '.join(phrase)!r}: already defined at {other}"
                        + ("" if same else f" as {phrases[phrase].codes_spec()}"),
                        "keep one of the two entries",
                    )
                phrases[phrase] = rec.entry
                origin[phrase] = f"{path} line {rec.line}"
    notes: list[str] = []
    with _gc_paused():
        merged = _read_shipped(shipped, cache_dir)
        if not phrases:
            phrases = merged.first()
        else:
            user_phrases = set(phrases)
            for phrase, entry in merged.pairs():
                current = phrases.get(phrase)
                if current is None:
                    phrases[phrase] = entry
                elif phrase in user_phrases and current.codings != entry.codings:
                    notes.append(
                        f"{origin[phrase]}: {' '.join(phrase)!r} = {current.codes_spec()} replaces the shipped "
                        f"{entry.source} = {entry.codes_spec()}"
                    )
                    user_phrases.discard(phrase)
        lengths = phrase_lengths(phrases)
        max_len = {first: ns[0] for first, ns in lengths.items()}
    sources = (*(str(p) for p in user), *(str(p) for p in shipped))
    return ActorLexicon(phrases, max_len, sources, tuple(notes), time.perf_counter() - started, lengths)
