"""The API over a real socket: uvicorn on 127.0.0.1 and a free port, and the ``tacitus serve`` command."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacitus import Analyzer, Article
from tacitus.api import ApiConfig, create_app
from tacitus.cli import main
from tacitus.store import IngestProgress, StoreWriter
from test_api_support import build_store, free_port, live_server


@pytest.fixture(scope="module")
def store(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(analyzer, tmp_path_factory.mktemp("live-store"))


@pytest.fixture(scope="module")
def server(store: Path, analyzer: Analyzer) -> Iterator[str]:
    app = create_app(ApiConfig(db=store, max_body_bytes=4096), analyzer=lambda: analyzer)
    with live_server(app) as url:
        yield url


def _get(url: str, path: str) -> tuple[int, dict[str, object]]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, json.loads(resp.read())
    finally:
        conn.close()


def test_concurrent_gets_on_a_live_server_all_succeed(server: str) -> None:
    expected = _get(server, "/api/events?limit=20")[1]
    results: list[tuple[int, dict[str, object]]] = []
    lock = threading.Lock()

    def worker() -> None:
        for path in ("/api/events?limit=20", "/api/stats/dyads", "/api/articles", "/api/events?limit=20"):
            answer = _get(server, path)
            with lock:
                results.append(answer)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 32
    assert all(status == 200 for status, _ in results)
    events = [body for status, body in results if body.get("items") == expected["items"]]
    assert len(events) == 16


def test_chunked_upload_over_the_limit_gets_413_over_the_socket(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    chunks = [b'{"text": "'] + [b"Kenya criticised Somalia. " * 20] * 20 + [b'"}']
    conn.request("POST", "/api/analyze", body=iter(chunks), headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    body = json.loads(resp.read())
    conn.close()
    assert resp.status == 413
    assert body["error"]["code"] == "body_too_large"


def test_a_write_from_another_writer_shows_up_in_the_next_answer(server: str, store: Path, analyzer: Analyzer) -> None:
    before = _get(server, "/api/articles?limit=1000")[1]
    assert isinstance(before["items"], list)
    text = "Brazil condemned Venezuela on Friday for closing the border."
    fresh = analyzer.analyze(Article(id="live-extra", text=text, published=date(2024, 3, 8)))
    time.sleep(1.5)  # let the server's keep-alive connection lapse, as between bursts of requests
    with StoreWriter(store) as writer:
        run_id, _ = writer.start_run(["test"], analyzer.settings)
        assert writer.write([fresh], run_id, [], IngestProgress(1, 0, 0, 0, 0.0)) == 1
        writer.finish_run(run_id, "done")
    after = _get(server, "/api/articles?limit=1000")[1]
    assert isinstance(after["items"], list)
    assert len(after["items"]) == len(before["items"]) + 1
    assert "live-extra" in {item["id"] for item in after["items"] if isinstance(item, dict)}


def test_serve_refuses_a_public_address_without_a_token() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TACITUS_API_TOKEN"}
    result = CliRunner(env={**env, "TACITUS_API_TOKEN": ""}).invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "TACITUS_API_TOKEN" in result.output and "refusing" in result.output


@pytest.mark.slow
def test_serve_command_answers_on_loopback(store: Path) -> None:
    port = free_port()
    exe = Path(sys.executable).with_name("tacitus")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "TACITUS_API_TOKEN": ""},
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(url, "/api/health")
                break
            except OSError:
                assert time.monotonic() < deadline, "tacitus serve did not answer within 60 s"
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
        assert status == 200 and body["status"] == "ok"
        store_info = body["store"]
        assert isinstance(store_info, dict) and store_info["articles"] >= 7
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
