"""Every export format, read back and checked field by field."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

from tacitus.errors import StoreError
from tacitus.store import GDELT_COLUMNS, Filters, export
from test_store import _store
from test_store_fixtures import corpus_analyses, kyiv_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "c.duckdb", corpus_analyses())


def test_parquet_export_partitions_events_by_month(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    result = export(db, "parquet", out)
    assert result.events == 3
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["month=2022-03", "month=2022-04", "month=undated"]
    events = pads.dataset(out / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    by_article = {e["article_id"]: e for e in events}
    kyiv = by_article["kyiv"]
    assert (kyiv["event"], kyiv["month"], kyiv["actor_country"], kyiv["recipient_text"]) == (
        "ACCUSE",
        "2022-03",
        ["RUS"],
        ["Ukraine"],
    )
    assert (kyiv["location_name"], kyiv["location_geonameid"], kyiv["context"]) == ("Kyiv", 703448, ["military"])
    assert by_article["request"]["month"] == "undated"
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert sorted(a["id"] for a in articles) == ["aid", "kyiv", "request"]
    assert {a["id"]: a["text"] for a in articles}["kyiv"] == kyiv_article().article.text
    assert pq.read_table(out / "quotes.parquet").num_rows == 2


def test_csv_export_flattens_lists_and_leaves_text_out_of_articles(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export(db, "csv", out)
    with (out / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["article_id"] for r in rows] == ["kyiv", "aid", "request"]
    aid = rows[1]
    assert (aid["event"], aid["actor_country"], aid["actor_sector"], aid["recipient_sector"]) == (
        "AID",
        "DEU",
        "GOV",
        "-",
    )
    assert (aid["event_date"], aid["published"], aid["cameo"]) == ("2022-04-05", "2022-04-06", "07")
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        articles = list(csv.DictReader(handle))
    assert len(articles) == 3 and "text" not in articles[0] and "analysis" not in articles[0]


def test_plover_json_uses_the_manual_field_names(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(db, "plover-json", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["kyiv:E1", "aid:E1", "request:E1"]
    kyiv = records[0]
    assert kyiv["date"] == "2022-03-02" and kyiv["event"] == ["ACCUSE"] and kyiv["quad_code"] == 3
    assert kyiv["actor"] == [
        {
            "code": "RUS",
            "sector": None,
            "sectors": [],
            "entity_text": "Russia",
            "start": 0,
            "end": 6,
            "actor_id": "A1",
            "implied": False,
        }
    ]
    assert kyiv["recipient"][0]["code"] == "UKR"
    assert kyiv["event_loc"]["resolved_place"] == "Kyiv" and kyiv["event_loc"]["resolution"] == 4
    assert kyiv["event_text"] == ["accused"] and kyiv["context"] == ["military"]
    assert kyiv["cite_info"]["publication"] == "Kyiv Post" and kyiv["cite_info"]["codebook"] == "PLOVER v0.8"
    assert records[1]["quad_code"] == 2
    assert records[2]["date"] is None and records[2]["tacitus"]["published"] == "2022-05-01"


def test_gdelt_export_has_the_58_gdelt_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    with out.open(encoding="utf-8") as handle:
        rows = [dict(zip(GDELT_COLUMNS, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    assert len(GDELT_COLUMNS) == 58 and len(rows) == 3
    kyiv = rows[0]
    assert (kyiv["GLOBALEVENTID"], kyiv["SQLDATE"], kyiv["MonthYear"], kyiv["Year"]) == (
        "1",
        "20220302",
        "202203",
        "2022",
    )
    assert (kyiv["Actor1Code"], kyiv["Actor1CountryCode"], kyiv["Actor2Code"]) == ("RUS", "RUS", "UKR")
    assert (kyiv["EventCode"], kyiv["EventBaseCode"], kyiv["EventRootCode"], kyiv["QuadClass"]) == (
        "112",
        "112",
        "11",
        "3",
    )
    assert (kyiv["ActionGeo_FullName"], kyiv["ActionGeo_FeatureID"], kyiv["ActionGeo_Type"]) == ("Kyiv", "703448", "4")
    assert kyiv["SOURCEURL"] == "https://example.org/kyiv"
    assert (rows[1]["Actor1Code"], rows[1]["Actor1Type1Code"]) == ("DEUGOV", "GOV")
    # An undated event falls back on the publication date.
    assert rows[2]["SQLDATE"] == "20220501"


def test_export_applies_event_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ukr.jsonl"
    result = export(db, "plover-json", out, Filters(recipient="UKR"))
    assert result.events == 2
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_refuses_a_directory_for_a_file_format(db: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="give a file path"):
        export(db, "gdelt", tmp_path)
