"""Helpers shared by the API and browser tests: a small real store, and a live server.

No tests here: this module only builds fixtures' inputs (pytest imports it by name
because test files' folder is on sys.path).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from tacitus import Analyzer
from tacitus.store import ingest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: The shipped examples with their publication dates and outlets (examples/README.md).
EXAMPLE_META = {
    "motion_row.txt": ("2015-03-12", "Caspian Wire"),
    "ceasefire.txt": ("2022-11-03", "Horn Wire"),
    "shelling.txt": ("2024-06-11", "Frontline Daily"),
}

#: An article whose text is markup: the pages must show it as text.
SCRIPT_ARTICLE = {
    "id": "xss-1",
    "published": "2023-06-01",
    "outlet": "Test Wire",
    "title": "<b>Bold</b> title",
    "text": 'Kenya criticised Somalia on Monday. <script>window.__pwned = 1</script> "It is <i>unacceptable</i>," '
    "the Kenyan foreign ministry said.",
}


def example_jsonl(dest: Path) -> Path:
    """The examples (text files and batch.jsonl) plus SCRIPT_ARTICLE, as one JSONL file."""
    lines = []
    for name, (published, outlet) in EXAMPLE_META.items():
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        lines.append({"id": name, "published": published, "outlet": outlet, "title": name, "text": text})
    for line in (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines.append(json.loads(line))
    lines.append(SCRIPT_ARTICLE)
    dest.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return dest


def build_store(analyzer: Analyzer, folder: Path) -> Path:
    """Ingest the examples into a fresh DuckDB store with the store's own ingest."""
    db = folder / "examples.duckdb"
    result = ingest([example_jsonl(folder / "examples.jsonl")], db, analyzer=analyzer)
    assert not result.errors, result.errors
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 and a free port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
