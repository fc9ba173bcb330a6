"""The command line: formats, batch behaviour with bad inputs, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tacitus.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_analyze_jsonl_prints_one_analysis_per_line_in_input_order() -> None:
    code, out, _ = _run("analyze", str(EXAMPLES / "batch.jsonl"))
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["id"] for d in docs] == ["wire-001", "wire-002", "wire-003"]
    assert all(d["schema"] == "tacitus.analysis/1" for d in docs)
    assert docs[1]["article"]["published"] == "2023-05-19"


def test_analyze_text_json_applies_published_and_outlet() -> None:
    code, out, _ = _run(
        "analyze",
        str(EXAMPLES / "ceasefire.txt"),
        "--published",
        "2022-11-03",
        "--outlet",
        "Horn Wire",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["article"] == {
        "id": "ceasefire",
        "title": None,
        "published": "2022-11-03",
        "outlet": "Horn Wire",
        "url": None,
        "language": "en",
    }


def test_analyze_html_include_text_gives_the_extracted_text() -> None:
    code, out, _ = _run("analyze", str(EXAMPLES / "page.html"), "--format", "json", "--include-text")
    assert code == 0
    text = json.loads(out)["article"]["text"]
    assert text.startswith("Kenya recalls envoy from Somalia")
    assert "<script" not in text and "alert(" not in text


def test_batch_with_bad_lines_analyzes_the_good_ones_and_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "Kenya recalled its ambassador from Somalia."}\n'
        "{broken\n"
        '{"id": "no-text"}\n'
        '{"id": "ok2", "text": "Turkey criticised Sweden."}\n',
        encoding="utf-8",
    )
    code, out, err = _run("analyze", str(path), "--format", "jsonl")
    assert code == 3
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["ok1", "ok2"]
    assert "skipped 2 of 4 inputs" in err
    assert f"{path} line 2: malformed JSON" in err
    assert f"{path} line 3: the object has no 'text' field" in err
    assert "Traceback" not in err


def test_bad_published_option_is_a_clear_error() -> None:
    code, _, err = _run("analyze", str(EXAMPLES / "ceasefire.txt"), "--published", "yesterday")
    assert code == 1
    assert "--published: 'yesterday' is not an ISO date" in err


def test_too_long_article_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Kenya recalled its envoy. " * 10, encoding="utf-8")
    result = CliRunner(env={"TACITUS_MAX_CHARS": "50"}).invoke(main, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 3
    assert "more than the limit of 50" in result.stderr


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner(env={"TACITUS_SPACY_MODEL": "no_such_model_xyz"}).invoke(
        main, ["analyze", str(EXAMPLES / "ceasefire.txt")]
    )
    assert result.exit_code == 1
    assert "spaCy model 'no_such_model_xyz' is not installed" in result.stderr


def test_console_script_runs_as_a_program() -> None:
    exe = Path(sys.executable).parent / "tacitus"
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("tacitus, version ")
