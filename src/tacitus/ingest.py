"""Read articles from plain text, HTML, JSONL files and directories.

Readers never raise for a bad input inside a batch: they yield an
:class:`~tacitus.errors.InputError` in its place, so the caller can count and
list what was skipped while the good articles go on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.errors import InputError
from tacitus.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: Bytes read to tell a binary file from text.
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values applied to articles that do not carry their own."""

    published: date | None = None
    outlet: str | None = None
    max_file_bytes: int = 512 * 1024 * 1024


def parse_date(value: str, where: str) -> date:
    """An ISO date or datetime string -> date, or an InputError naming ``where``."""
    text = value.strip()
    try:
        if len(text) > 10:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            where, f"{value!r} is not an ISO date", "write it as YYYY-MM-DD (for example 2015-03-12)"
        ) from None


def content_id(text: str) -> str:
    """A stable id for an article that has none: a hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_articles(paths: Iterable[str | Path], defaults: Defaults | None = None) -> Iterator[Article | InputError]:
    """Every article under ``paths`` in order; directories are walked in name order."""
    defaults = defaults or Defaults()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield InputError(
                    str(path), "the directory holds no files", "point at files or a directory with articles"
                )
            for file in files:
                # Ids are paths inside the directory, so 2019/a.txt and 2020/a.txt stay apart.
                yield from read_path(file, defaults, ident=file.relative_to(path).with_suffix("").as_posix())
        else:
            yield from read_path(path, defaults)


def read_path(path: Path, defaults: Defaults | None = None, ident: str | None = None) -> Iterator[Article | InputError]:
    """The articles in one file: one for text and HTML (id ``ident``, else the file's stem), one a line for JSONL."""
    defaults = defaults or Defaults()
    ident = ident or path.stem
    where = str(path)
    if not path.exists():
        yield InputError(where, "no such file or directory", "check the path")
        return
    size = path.stat().st_size
    if size == 0:
        yield InputError(where, "the file is empty", "remove it or give it text")
        return
    if size > defaults.max_file_bytes:
        yield InputError(
            where,
            f"the file has {size:,} bytes, more than the limit of {defaults.max_file_bytes:,}",
            "split it, or raise the limit with TACITUS_MAX_FILE_BYTES",
        )
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, defaults)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(where, f"cannot be read ({exc.strerror})", "check its permissions")
        return
    problem = _binary_or_undecodable(data)
    if problem:
        yield InputError(where, problem, "give tacitus UTF-8 text, HTML or JSONL")
        return
    text = data.decode("utf-8-sig")
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield _from_html(text, path, ident, defaults)
    else:
        yield _article(ident, text, where, defaults)


def _binary_or_undecodable(data: bytes) -> str | None:
    if b"\x00" in data[:_SNIFF]:
        return "looks binary (it contains NUL bytes), not text"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at byte offset {exc.start})"
    return None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _article(ident: str, text: str, where: str, defaults: Defaults, **fields: Any) -> Article | InputError:
    if not text.strip():
        return InputError(where, "the text is empty", "remove the article or give it text")
    return Article(
        id=ident,
        text=text,
        published=fields.get("published") or defaults.published,
        title=fields.get("title"),
        outlet=fields.get("outlet") or defaults.outlet,
        url=fields.get("url"),
        language=fields.get("language") or "en",
        source=where,
    )


def _from_html(html: str, path: Path, ident: str, defaults: Defaults) -> Article | InputError:
    # Imported here: trafilatura costs a noticeable import time and only HTML needs it.
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    meta: dict[str, Any] = {}
    if found is not None:
        meta = found if isinstance(found, dict) else found.as_dict()
    text = meta.get("text") or trafilatura.extract(html, favor_recall=True, include_comments=False)
    if not text:
        return InputError(
            str(path), "no main text could be extracted from the HTML", "check that the page has article text"
        )
    published = None
    if meta.get("date"):
        try:
            published = date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            published = None
    title = meta.get("title")
    return _article(ident, text, str(path), defaults, title=title, published=published)


_JSON_FIELDS = ("id", "text", "published", "title", "outlet", "url", "language")


def _read_jsonl(path: Path, defaults: Defaults) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror})", "check its permissions")
        return
    with handle:
        saw_line = False
        for number, raw in enumerate(handle, start=1):
            where = f"{path} line {number}"
            if not raw.strip():
                continue
            saw_line = True
            yield _from_json_line(raw, where, defaults)
        if not saw_line:
            yield InputError(str(path), "the file holds no JSON lines", "write one JSON object a line")


def _from_json_line(raw: bytes, where: str, defaults: Defaults) -> Article | InputError:
    problem = _binary_or_undecodable(raw)
    if problem:
        return InputError(where, f"the line {problem}", "write the line as UTF-8 JSON")
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})", "fix or remove the line")
    if not isinstance(record, dict):
        return InputError(
            where, f"the JSON value is {type(record).__name__}, not an object", 'write {"id": ..., "text": ...}'
        )
    if "text" not in record:
        return InputError(where, "the object has no 'text' field", "add the article text as 'text' or remove the line")
    text = record["text"]
    if not isinstance(text, str):
        return InputError(where, f"'text' is {type(text).__name__}, not a string", "give the text as a string")
    if not text.strip():
        return InputError(where, "the 'text' field is empty", "remove the line or fill it")
    fields: dict[str, Any] = {}
    for key in _JSON_FIELDS[2:]:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return InputError(where, f"{key!r} is {type(value).__name__}, not a string", f"give {key!r} as a string")
        fields[key] = value
    try:
        if "published" in fields:
            fields["published"] = parse_date(fields["published"], where)
    except InputError as exc:
        return exc
    ident = record.get("id")
    ident = str(ident) if ident is not None and str(ident).strip() else content_id(text)
    return _article(ident, text, where, defaults, **fields)
