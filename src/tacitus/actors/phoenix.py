"""Read PETRARCH2/Phoenix (TABARI-style) ``.actors`` and agents dictionaries.

Format (dictionaries.rst in openeventdata/petrarch2): a record is a primary phrase line, optional
``+synonym`` lines, and codes in ``[...]``, on the primary line or on tab-indented lines, each
optionally restricted by date (``<date``, ``>date``, ``date-date``; YYMMDD or YYYYMMDD). Words are
joined by ``_``; ``#`` and ``;`` start comments. A CAMEO code such as ``USAGOVFRM`` is read as
country ``USA`` and the first 3-letter part that maps to a PLOVER sector (:data:`CAMEO_SECTORS`).

Used both by ``scripts/convert_phoenix.py`` (to build the shipped TSV files) and to import a
user's ``.actors`` file directly (``Settings.actor_files``); with ``strict=True`` the first
problem raises a :class:`~tacitus.errors.DictionaryError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from tacitus.actors.lexicon import ActorEntry, ActorRecord, Coding, phrase_tokens
from tacitus.errors import DictionaryError

#: CAMEO agent/sector parts -> PLOVER sectors. CAMEO's MED (media) is PLOVER's JRN and CAMEO's
#: HLH (health) PLOVER's MED (PLOVER manual, sector code notes); religions map to REL.
CAMEO_SECTORS: dict[str, str] = {
    **{
        s: s
        for s in [
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
            "AGR",
            "BUS",
            "CRM",
            "CVL",
            "EDU",
            "ELI",
            "LAB",
            "REF",
            "OPP",
            "REL",
        ]
    },
    "MED": "JRN",
    "HLH": "MED",
    "INS": "REB",
    "SEP": "REB",
    "PPL": "CVL",
    "HRI": "SOC",
    "ENV": "SOC",
    "NGM": "SOC",
    "DEV": "SOC",
    "NGO": "SOC",
    **{
        r: "REL"
        for r in [
            "CHR",
            "CTH",
            "MUS",
            "JEW",
            "BUD",
            "HIN",
            "SHI",
            "SUN",
            "ITH",
            "TAO",
            "JAN",
            "SIK",
            "ZRO",
            "DRZ",
            "MOS",
        ]
    },
}

#: Phoenix country codes that differ from PLOVER's (PLOVER manual: Kosovo is KOS).
#: "SUN" is Phoenix's Soviet Union; its dated codes for the Soviet republics before 1991 say "USR".
COUNTRY_FIXES = {"KSV": "KOS", "ROM": "ROU", "JAP": "JPN", "ITL": "ITA", "SUN": "USR", "TMP": "TLS"}
#: CAMEO region codes, which PLOVER has no country for ("regional constructs ... do not receive a country name").
#: An armed group Phoenix places in a region ("Lord's Resistance Army" [CFRREB]) is a transnational militarized
#: group, PLOVER's IMG.
CAMEO_REGIONS = frozenset(
    {"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "LAM", "MEA", "MDT", "NAF", "NMR"}
    | {"PGS", "SCA", "SAM", "SAF", "SAS", "SEA", "WAF", "WST", "WEU", "NAM", "CRB", "INT"}
)
_ARMED = frozenset({"REB", "UAF", "MIL", "PRM"})
#: Bare codes that are both a CAMEO sector (MUS: Muslim, SUN: Sunni) and a country, which is what they mean
#: alone in the countries file.
_BARE_COUNTRIES = frozenset({"MUS", "SUN"})

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_SUBST_RE = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_PLURAL_RE = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class PhoenixProblem:
    line: int
    problem: str


def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """``"USAGOVFRM"`` -> ("USA", "GOV"); ``"~MIL"`` -> (None, "MIL"); ``"IGOUNO"`` -> ("IGO", None)."""
    code = code.strip().upper()
    if code in _BARE_COUNTRIES:
        return COUNTRY_FIXES.get(code, code), None  # "[MUS]" is Mauritius, not the religion code
    if len(code) == 3 and code in CAMEO_SECTORS:
        return None, CAMEO_SECTORS[code]  # "[ELI]": a sector alone, as the default after dated codes
    if code.startswith("~"):
        country, rest = None, code[1:]
    elif code.endswith("~"):
        country, rest = code[:3] or None, code[3:-1]
    else:
        country, rest = code[:3] or None, code[3:]
    if country is not None:
        country = COUNTRY_FIXES.get(country, country)
        if country == "---" or not country.isalpha() or len(country) != 3:
            country = None
    found = [CAMEO_SECTORS[rest[i : i + 3]] for i in range(0, len(rest) - 2, 3) if rest[i : i + 3] in CAMEO_SECTORS]
    # A religion qualifies a role it does not replace: "[~MUSUAF]" Islamic militants are armed, "[~MUSHLH]" Muslim
    # doctors are MED (PLOVER has one sector field; REL only when nothing else is said).
    sector = next((f for f in found if f != "REL"), found[0] if found else None)
    if country in CAMEO_REGIONS and sector in _ARMED:
        country = "IMG"
    if sector is None and country is not None and country in CAMEO_SECTORS and code.endswith("~"):
        sector = CAMEO_SECTORS[country]
        country = None
    return country, sector


def _phoenix_date(text: str) -> date:
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        yy = int(text[:2])
        return date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")


def parse_restriction(body: str) -> Coding:
    """``"USAGOV 090120-170120"`` / ``"USAGOV >090120"`` / ``"USAGOV"`` -> Coding."""
    parts = body.split()
    if not parts:
        raise ValueError("empty code []")
    country, sector = cameo_to_plover(parts[0])
    if len(parts) == 1:
        return Coding(country, sector)
    restriction = "".join(parts[1:])
    if restriction.startswith("<"):
        return Coding(country, sector, None, _phoenix_date(restriction[1:]))
    if restriction.startswith(">"):
        return Coding(country, sector, _phoenix_date(restriction[1:]), None)
    lo, sep, hi = restriction.partition("-")
    if not sep:
        raise ValueError(f"date restriction {restriction!r} is not <date, >date or date-date")
    start, end = _phoenix_date(lo), _phoenix_date(hi)
    if start > end:
        raise ValueError(f"date range {restriction!r} ends before it starts")
    return Coding(country, sector, start, end)


def _strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        cut = line.find(mark)
        if cut >= 0:
            line = line[:cut]
    return line.rstrip()


def _kind_of(codings: tuple[Coding, ...], is_country_file_head: bool) -> str:
    """country (a state, its code perhaps changing over time), person (dated offices with a sector),
    igo (IGO codes) or org."""
    if is_country_file_head:
        return "country"
    if any(c.dated for c in codings) and any(c.sector for c in codings):
        return "person"
    if codings and codings[0].country in {"IGO", "NGO", "MNC", "IMG"}:
        return "igo" if codings[0].country == "IGO" else "org"
    if codings and all(c.sector is None and c.country for c in codings):
        return "country"
    return "org"


def iter_phoenix_actors(path: Path) -> Iterator[ActorRecord | PhoenixProblem]:
    """Records (and problems, in place of the lines they spoil) of a Phoenix actors file."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    head: str | None = None
    head_line = 0
    forms: list[str] = []
    codes: list[Coding] = []
    bare_country = False

    def flush() -> Iterator[ActorRecord | PhoenixProblem]:
        if head is None:
            return
        if not codes:
            yield PhoenixProblem(head_line, f"entry {head!r} has no [CODE]")
            return
        coded = tuple(codes)
        phrases = tuple(dict.fromkeys(t for t in (phrase_tokens(f) for f in forms) if t))
        kind = _kind_of(coded, bare_country)
        yield ActorRecord(
            ActorEntry("_".join(head.split()).strip("_"), kind, coded, f"{path.name}:{head_line}"), phrases, head_line
        )

    for n, raw in enumerate(lines, start=1):
        if raw.lstrip().startswith("<!--"):
            continue
        text = _strip_comment(raw)
        if not text.strip():
            continue
        body = _CODE_RE.sub(" ", text).strip()
        found = _CODE_RE.findall(text)
        new_codes: list[Coding] = []
        try:
            new_codes = [parse_restriction(c) for c in found]
        except ValueError as exc:
            yield PhoenixProblem(n, str(exc))
        if text[0] in " \t" and not body:
            codes.extend(new_codes)
            continue
        if body.startswith("+"):
            if head is None:
                yield PhoenixProblem(n, "a +synonym line before any entry")
                continue
            forms.append(body[1:].strip())
            codes.extend(new_codes)
            continue
        if head is not None and codes:
            yield from flush()
            head, forms, codes = None, [], []
        if head is None:
            head, head_line, forms, codes = body, n, [body], list(new_codes)
            bare_country = len(found) == 1 and len(found[0].strip()) == 3
        else:
            # A second primary line before any code: the block's codes (given later) cover both.
            forms.append(body)
            codes.extend(new_codes)
    yield from flush()


@lru_cache(maxsize=16)
def _read_phoenix_cached(path: str, mtime_ns: int) -> tuple[ActorRecord, ...]:
    records: list[ActorRecord] = []
    for item in iter_phoenix_actors(Path(path)):
        if isinstance(item, PhoenixProblem):
            raise DictionaryError(path, item.line, item.problem, "correct the line (Phoenix .actors format)")
        records.append(item)
    return tuple(records)


def read_phoenix_actors(path: Path) -> tuple[ActorRecord, ...]:
    """A user's Phoenix ``.actors`` file, strictly: the first malformed line raises DictionaryError."""
    return _read_phoenix_cached(str(path), path.stat().st_mtime_ns)


def _agent_plurals(phrase: str, plural_spec: str | None) -> list[str]:
    if plural_spec is not None:
        return [p for p in plural_spec.split() if p]
    if phrase.endswith("_"):
        return []
    last = phrase.rsplit("_", 1)[-1]
    if last.endswith("SS"):
        return [phrase + "ES"]
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        return [phrase[:-1] + "IES"]
    if last.endswith(("CH", "SH", "X")):
        return [phrase + "ES"]
    if last.endswith("S"):
        return []
    return [phrase + "S"]


def iter_phoenix_agents(path: Path) -> Iterator[ActorRecord | PhoenixProblem]:
    """Agents (``FOREIGN_MINISTER [~GOVFRM]``) as ``role`` records, with their plurals."""
    substitutions: dict[str, list[str]] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if raw.lstrip().startswith("<!--"):
            continue
        text = _strip_comment(raw).strip()
        if not text:
            continue
        sub = _SUBST_RE.match(text)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        found = _CODE_RE.findall(text)
        if not found:
            yield PhoenixProblem(n, f"agent {text!r} has no [CODE]")
            continue
        country, sector = cameo_to_plover(found[0].split()[0] if found[0].split() else "")
        if sector is None:
            yield PhoenixProblem(n, f"agent code [{found[0]}] has no PLOVER sector")
            continue
        body = _CODE_RE.sub(" ", text)
        plural_match = _PLURAL_RE.search(body)
        plural_spec = plural_match.group(1) if plural_match else None
        phrase = _PLURAL_RE.sub(" ", body).strip()
        if not phrase:
            yield PhoenixProblem(n, "an agent line with no phrase")
            continue
        forms = [phrase, *_agent_plurals(phrase, plural_spec)]
        expanded: list[str] = []
        for form in forms:
            marker = re.search(r"!([A-Z]+)!", form)
            if marker and marker.group(1) in substitutions:
                expanded.extend(form.replace(marker.group(0), w) for w in substitutions[marker.group(1)])
            elif marker:
                yield PhoenixProblem(n, f"substitution {marker.group(0)} is not defined")
            else:
                expanded.append(form)
        phrases = tuple(dict.fromkeys(t for t in (phrase_tokens(f) for f in expanded) if t))
        if phrases:
            name = "_".join(expanded[0].split()).strip("_")
            entry = ActorEntry(
                name, "role", (Coding(None if country is None else country, sector),), f"{path.name}:{n}"
            )
            yield ActorRecord(entry, phrases, n)
