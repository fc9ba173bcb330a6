"""The store's commands, and ingest surviving kill -9 as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tacitus import Corpus
from tacitus.cli import main
from tacitus.errors import StoreError
from test_store import _store
from test_store_fixtures import corpus_analyses

TACITUS = Path(sys.executable).parent / "tacitus"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "c.duckdb", corpus_analyses())


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_command_prints_json_rows(db: Path) -> None:
    rows = json.loads(_run("events", "--db", str(db), "--recipient", "UKR", "--format", "json"))
    assert [(r["article_id"], r["event"]) for r in rows] == [("kyiv", "ACCUSE"), ("aid", "AID")]
    assert rows[0]["actors"][0] == {
        "text": "Russia", "start": 0, "end": 6, "country": "RUS", "sector": None, "sectors": [], "actor_id": "A1",
        "implied": False,
    }  # fmt: skip


def test_quotes_command_prints_csv(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_run("quotes", "--db", str(db), "--type", "direct", "--format", "csv"))))
    assert [(r["article_id"], r["speaker_text"], r["content_text"]) for r in rows] == [
        ("aid", "Berlin", "We stand with Kyiv,")
    ]


def test_actors_and_articles_commands_print_tables(db: Path) -> None:
    assert "The Kremlin" in _run("actors", "--db", str(db), "--country", "RUS")
    out = _run("articles", "--db", str(db), "--since", "2022-04-01", "--format", "json")
    assert [a["id"] for a in json.loads(out)] == ["aid", "request"]


def test_stats_commands(db: Path) -> None:
    dyads = json.loads(_run("stats", "dyads", "--db", str(db), "--format", "json"))
    assert dyads[0]["events"] == 1 and len(dyads) == 3
    timeline = json.loads(_run("stats", "timeline", "--db", str(db), "--by", "month", "--format", "json"))
    assert [(t["period"], t["event"]) for t in timeline] == [("2022-03-01", "ACCUSE"), ("2022-04-01", "AID")]


def test_export_command_writes_the_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", "plover-json", "--out", str(out)])
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_query_command_errors_are_one_line_with_exit_1(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["quotes", "--db", str(db), "--recipient", "UKR"])
    assert result.exit_code == 1 and "does not apply to quotes" in result.output
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "tacitus ingest" in result.output
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--since", "March"])
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def _articles(n: int) -> list[dict[str, str]]:
    lines = [
        "Kenya criticised Somalia over the border dispute.",
        "The foreign ministry in Nairobi said it would recall its ambassador.",
        "Somalia's president urged the African Union to mediate.",
        "Ethiopia offered to host talks between the two governments.",
        "Troops were deployed along the frontier, officials said.",
    ]
    return [
        {"id": f"art-{i:03d}", "text": f"Report {i}. " + " ".join(lines * 4), "published": "2021-02-03"}
        for i in range(n)
    ]


def _consistent(db: Path) -> None:
    """Every stored article has exactly the rows its counts say: nothing half-stored."""
    with duckdb.connect(str(db), read_only=True) as con:
        bad = con.execute(
            "SELECT a.id FROM articles a WHERE a.n_events != (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "OR a.n_actors != (SELECT count(*) FROM actors t WHERE t.article_id = a.id) "
            "OR a.n_quotes != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
        ).fetchall()
        orphans = con.execute(
            "SELECT count(*) FROM events e WHERE e.article_id NOT IN (SELECT id FROM articles)"
        ).fetchall()
    assert bad == [] and orphans == [(0,)]


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_to_exact_counts(tmp_path: Path) -> None:
    total = 40
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in _articles(total)), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    command = [str(TACITUS), "ingest", str(source), "--db", str(db), "--batch-size", "2"]
    env = {**os.environ, "TACITUS_CONFIG": str(tmp_path / "none.toml")}
    log = tmp_path / "first.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink, env=env)
    stored_at_kill = 0
    reads = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    # A reader while the writer works: it must never fail, only wait briefly.
                    stored_at_kill = Corpus(db, timeout=30).counts()["articles"]
                    reads += 1
                except StoreError as exc:
                    if "not a tacitus store yet" not in str(exc):
                        raise
            if stored_at_kill >= 6:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.1)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, log.read_text(encoding="utf-8")
    assert 6 <= stored_at_kill < total and reads > 0
    _consistent(db)

    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "interrupted" in rerun.stderr
    _consistent(db)
    corpus = Corpus(db)
    assert corpus.counts()["articles"] == total
    ids = [a.id for a in corpus.articles()]
    assert sorted(ids) == [f"art-{i:03d}" for i in range(total)]
    runs = corpus.runs()
    assert [r["status"] for r in runs] == ["interrupted", "done"]
    assert runs[1]["already_stored"] >= stored_at_kill and runs[1]["stored"] == total - runs[1]["already_stored"]
