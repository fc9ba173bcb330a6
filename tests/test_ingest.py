"""Reading inputs: every bad-input case is reported with where and why, and nothing good is lost."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.ingest import Defaults, content_id, parse_date, read_articles
from tacitus.model import Article


def _read(*paths: Path, **defaults: object) -> list[Article | InputError]:
    return list(read_articles(paths, Defaults(**defaults)))  # type: ignore[arg-type]


def test_text_file_becomes_one_article_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "row.txt"
    path.write_text("Kenya recalled its envoy.", encoding="utf-8")
    [article] = _read(path, published=date(2020, 12, 15), outlet="Wire")
    assert isinstance(article, Article)
    assert (article.id, article.text, article.published, article.outlet) == (
        "row",
        "Kenya recalled its envoy.",
        date(2020, 12, 15),
        "Wire",
    )


def test_jsonl_lines_keep_order_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a", "text": "One.", "published": "2023-05-18", "outlet": "X", "title": "T", "url": "u"},
        {"text": "Two."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.published, first.title, first.url) == ("a", date(2023, 5, 18), "T", "u")
    assert second.id == content_id("Two.")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "malformed JSON"),
        ('{"id": "x"}', "no 'text' field"),
        ('{"id": "x", "text": "   "}', "'text' field is empty"),
        ('["a list"]', "is list, not an object"),
        ('"a string"', "is str, not an object"),
        ('{"text": 42}', "'text' is int, not a string"),
        ('{"text": "ok", "published": "last week"}', "is not an ISO date"),
    ],
)
def test_bad_jsonl_line_is_reported_with_its_line_number(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(f'{{"id": "good", "text": "Fine."}}\n{line}\n{{"id": "after", "text": "Also fine."}}\n')
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.where == f"{path} line 2"
    assert problem in str(error)


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [error] = _read(path)
    assert isinstance(error, InputError) and "the file is empty" in str(error) and str(path) in str(error)


def test_whitespace_only_file_is_reported_as_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n ")
    [error] = _read(path)
    assert isinstance(error, InputError) and "text is empty" in str(error)


def test_binary_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [error] = _read(path)
    assert isinstance(error, InputError) and "binary" in str(error)


def test_invalid_utf8_is_reported_with_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 talks".encode("latin-1"))
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert "not valid UTF-8" in str(error) and "byte offset 3" in str(error)


def test_missing_path_is_reported(tmp_path: Path) -> None:
    [error] = _read(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_file_over_the_size_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100)
    [error] = _read(path, max_file_bytes=100)
    assert isinstance(error, InputError) and "limit of 100" in str(error)


def test_directory_is_walked_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / ".hidden").write_text("Never.")
    items = _read(tmp_path)
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path: Path) -> None:
    for year in ("2019", "2020"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "a.txt").write_text(f"Story of {year}.")
    items = _read(tmp_path)
    assert [i.id for i in items if isinstance(i, Article)] == ["2019/a", "2020/a"]


def test_html_main_text_excludes_scripts_and_styles(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parent.parent / "examples" / "page.html"
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.title == "Kenya recalls envoy from Somalia"
    assert article.published == date(2020, 12, 15)
    assert "Kenya recalled its ambassador from Somalia" in article.text
    for junk in ("tracker", "alert", "font-family", "All rights reserved", "Home"):
        assert junk not in article.text


def test_parse_date_accepts_dates_and_datetimes() -> None:
    assert parse_date("2015-03-12", "x") == date(2015, 3, 12)
    assert parse_date("2015-03-12T08:30:00Z", "x") == date(2015, 3, 12)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date("12/03/2015", "--published")
