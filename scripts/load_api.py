"""Load test of the API and first paint of the dashboard, on stores built from the shipped examples.

    python scripts/load_api.py                      # both measurements
    python scripts/load_api.py --no-paint           # only the load test

1. Load: a store of ``--articles`` (40) articles (the examples, repeated under new ids,
   dates and outlets, stored by ``tacitus.store.ingest``), served by ``tacitus serve`` in
   its own process on 127.0.0.1 and a free port; ``--requests`` (800) GETs of
   ``/api/events`` (default page of 100) from ``--threads`` (16) threads. Prints errors,
   p50/p95/max latency and requests/s.
2. First paint: a store of ``--paint-articles`` (1,000) articles, written straight through
   the store's writer (the examples analyzed once, stored under 1,000 ids); the dashboard
   opened in Debian's chromium (playwright). Prints first contentful paint and the time
   until every panel is drawn from the API.

Traffic goes to 127.0.0.1 only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from tacitus import Analyzer, Article, Settings
from tacitus.store import IngestProgress, StoreWriter, ingest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
META = {
    "motion_row.txt": date(2015, 3, 12),
    "ceasefire.txt": date(2022, 11, 3),
    "shelling.txt": date(2024, 6, 11),
}
OUTLETS = ("Caspian Wire", "Horn Wire", "Frontline Daily", "Gulf Wire", "Andes Wire")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def base_articles() -> list[Article]:
    out = [
        Article(id=name, text=(EXAMPLES / name).read_text(encoding="utf-8"), published=day, title=name)
        for name, day in META.items()
    ]
    for line in (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(
            Article(id=d["id"], text=d["text"], published=date.fromisoformat(d["published"]), title=d.get("title"))
        )
    return out


def variant(article: Article, i: int) -> Article:
    """The i-th copy: its own id, outlet and a publication date spread over two years."""
    assert article.published is not None
    return dataclasses.replace(
        article,
        id=f"{article.id}#{i}",
        outlet=OUTLETS[i % len(OUTLETS)],
        published=article.published + timedelta(days=(i * 7) % 730),
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, cache: int = 256) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    exe = Path(sys.executable).with_name("tacitus")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--port", str(port), "--cache", str(cache)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TACITUS_API_TOKEN": ""},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def load_test(analyzer: Analyzer, folder: Path, n_articles: int, n_requests: int, n_threads: int) -> None:
    bases = base_articles()
    articles = [variant(bases[i % len(bases)], i) for i in range(n_articles)]
    jsonl = folder / "load.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps(
                {
                    "id": a.id,
                    "text": a.text,
                    "published": a.published.isoformat() if a.published else None,
                    "outlet": a.outlet,
                    "title": a.title,
                }
            )
            + "\n"
            for a in articles
        ),
        encoding="utf-8",
    )
    db = folder / "load.duckdb"
    result = ingest([jsonl], db, analyzer=analyzer)
    print(f"load store: {result.stored} articles ingested in {result.seconds:.1f} s -> {db}")
    for cache in (0, 256):
        proc, url = start_server(db, cache)
        try:
            hammer(url, n_requests, n_threads, f"{n_articles} articles, --cache {cache}")
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def hammer(url: str, n_requests: int, n_threads: int, label: str) -> None:
    """``n_requests`` GETs of /api/events from ``n_threads`` threads; prints errors and latency."""
    latencies: list[float] = []
    errors: list[str] = []
    rows: list[int] = []
    lock = threading.Lock()
    per_thread = [n_requests // n_threads + (1 if i < n_requests % n_threads else 0) for i in range(n_threads)]

    def worker(count: int) -> None:
        for _ in range(count):
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(url + "/api/events", timeout=60) as resp:
                    body = json.loads(resp.read())
                    status = resp.status
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    rows.append(body["count"])
                    if status != 200:
                        errors.append(f"status {status}")
            except Exception as exc:  # a load test counts every failure, whatever its kind
                with lock:
                    errors.append(repr(exc))

    threads = [threading.Thread(target=worker, args=(n,)) for n in per_thread]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    print(
        f"GET /api/events x{n_requests} from {n_threads} threads ({label}): "
        f"{len(errors)} errors, {len(latencies)} ok, rows per answer {min(rows, default=0)}-{max(rows, default=0)}; "
        f"p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms; "
        f"{len(latencies) / wall:.1f} requests/s over {wall:.1f} s"
    )
    for problem in errors[:5]:
        print(f"  error: {problem}")


def paint_test(analyzer: Analyzer, folder: Path, n_articles: int) -> None:
    from playwright.sync_api import sync_playwright

    analyses = [analyzer.analyze(a) for a in base_articles()]
    db = folder / "paint.duckdb"
    began = time.perf_counter()
    with StoreWriter(db) as writer:
        run_id, _ = writer.start_run(["scripts/load_api.py"], analyzer.settings)
        batch = []
        for i in range(n_articles):
            base = analyses[i % len(analyses)]
            batch.append(dataclasses.replace(base, article=variant(base.article, i)))
            if len(batch) == 200:
                writer.write(batch, run_id, [], IngestProgress(i + 1, i + 1 - len(batch), 0, 0, 0.0))
                batch = []
        if batch:
            writer.write(batch, run_id, [], IngestProgress(n_articles, n_articles - len(batch), 0, 0, 0.0))
        writer.finish_run(run_id, "done")
    print(f"paint store: {n_articles} articles written in {time.perf_counter() - began:.1f} s -> {db}")
    proc, url = start_server(db)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for attempt in ("cold", "warm"):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                began = time.perf_counter()
                page.goto(url + "/")
                page.wait_for_selector("body[data-ready=yes]", timeout=120_000)
                ready = time.perf_counter() - began
                fcp = page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"
                )
                rows = page.locator("#events-table tbody tr.event-row").count()
                bars = page.locator("#timeline rect.bar").count()
                shot = Path(tempfile.gettempdir()) / f"tacitus-paint-{attempt}.png"
                page.screenshot(path=str(shot))
                print(
                    f"dashboard on {n_articles} articles ({attempt}): first contentful paint {fcp:.0f} ms, "
                    f"all panels drawn {ready * 1000:.0f} ms ({rows} event rows, {bars} timeline bars); {shot}"
                )
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--paint-articles", type=int, default=1000)
    parser.add_argument("--no-paint", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    args = parser.parse_args()
    analyzer = Analyzer(Settings())
    with tempfile.TemporaryDirectory(prefix="tacitus-load-") as tmp:
        folder = Path(tmp)
        if not args.no_load:
            load_test(analyzer, folder, args.articles, args.requests, args.threads)
        if not args.no_paint:
            paint_test(analyzer, folder, args.paint_articles)


if __name__ == "__main__":
    main()
