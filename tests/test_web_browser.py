"""The dashboard in a real browser: Debian's chromium driven by playwright, on a small real store.

Needs ``apt-get install chromium`` and ``pip install playwright`` (never ``playwright
install``: the browser comes from Debian). Skips when either is missing. Screenshots
are written to /tmp/tacitus-web-*.png for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tacitus import Analyzer
from tacitus.api import ApiConfig, create_app
from test_api_support import SCRIPT_ARTICLE, build_store, live_server

CHROMIUM = Path("/usr/bin/chromium")
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

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium"),
]

sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install playwright")


@pytest.fixture(scope="module")
def server(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(analyzer, tmp_path_factory.mktemp("web-store"))
    with live_server(create_app(ApiConfig(db=db), analyzer=lambda: analyzer)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page that records console errors, CSP violations and requests to other origins."""

    def __init__(self, browser: Any, server: str, width: int, height: int) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.problems: list[str] = []
        self.foreign: list[str] = []
        self.page.on("pageerror", lambda exc: self.problems.append(str(exc)))
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("request", lambda r: None if r.url.startswith(server) else self.foreign.append(r.url))
        self.server = server

    def open(self, path: str = "/") -> Any:
        self.page.goto(self.server + path)
        self.page.wait_for_selector("body[data-ready=yes]", timeout=20_000)
        return self.page

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def desk(browser: Any, server: str) -> Iterator[Page]:
    page = Page(browser, server, 1280, 800)
    yield page
    page.close()


def test_dashboard_draws_every_panel_from_the_store_and_loads_nothing_foreign(desk: Page) -> None:
    page = desk.open()
    assert page.locator("#timeline rect.bar").count() > 3
    assert page.locator("#network g.node").count() >= 2
    assert page.locator("#network path.edge").count() >= 1
    assert page.locator("#map circle.point").count() >= 1
    assert page.locator("#events-table tbody tr.event-row").count() > 5
    assert page.locator("#articles li.article-item").count() == 7
    page.screenshot(path="/tmp/tacitus-web-dashboard-1280.png", full_page=True)
    assert desk.problems == []
    assert desk.foreign == []


def test_filter_by_type_narrows_every_panel(desk: Page) -> None:
    page = desk.open()
    before = page.locator("#events-table tbody tr.event-row").count()
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready=yes]")
    tags = page.locator("#events-table tbody tr.event-row td:nth-child(2) .tag").all_inner_texts()
    assert tags and set(tags) == {"ASSAULT"}
    assert len(tags) < before
    assert set(page.locator("#timeline rect.bar").evaluate_all("els => els.map(e => e.dataset.type)")) == {"ASSAULT"}
    assert "type=ASSAULT" in page.url
    page.click("#filters button[type=reset]")
    page.wait_for_selector("body[data-ready=yes]")
    assert page.locator("#events-table tbody tr.event-row").count() == before
    assert desk.problems == []


def test_filter_by_outlet_and_date_lists_only_matching_articles(desk: Page) -> None:
    page = desk.open("/?outlet=Gulf%20Wire")
    titles = page.locator("#articles li.article-item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert sorted(titles) == ["wire-001", "wire-002"]
    page.fill("#filters input[name=outlet]", "")
    page.fill("#filters input[name=since]", "2024-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready=yes]")
    ids = page.locator("#articles li.article-item").evaluate_all("els => els.map(e => e.dataset.id)")
    assert ids == ["shelling.txt"]


def test_opening_an_article_highlights_events_quotes_places_and_loaded_terms(desk: Page, server: str) -> None:
    page = desk.open()
    page.click("#articles li.article-item[data-id='motion_row.txt'] a")
    page.wait_for_selector("#reader[data-article='motion_row.txt'] .reader-text")
    reader = page.locator("#reader .reader-text")
    stored = page.evaluate("id => fetch('/api/articles/' + id).then(r => r.json())", "motion_row.txt")
    text = stored["article"]["text"]
    # The reader shows the stored text exactly, character for character.
    assert reader.evaluate("el => el.textContent") == text
    triggers = {e["trigger"]["text"] for e in stored["events"]}
    shown = set(reader.locator(".hl.ev").all_inner_texts())
    # A trigger may be cut into pieces where other highlights overlap it: each piece lies inside one.
    assert shown and all(any(piece in trigger for trigger in triggers) for piece in shown)
    assert reader.locator(".hl.ev").count() >= len(stored["events"])
    assert reader.locator(".hl.q").count() > 0
    assert reader.locator(".hl.place").count() > 0
    authorial = [t for t in stored["framing"]["loaded"] if not t["attributed"]]
    attributed = [t for t in stored["framing"]["loaded"] if t["attributed"]]
    assert authorial and attributed, "motion_row.txt has loaded terms in both voices"
    assert reader.locator(".hl.loaded.authorial").count() >= 1
    assert reader.locator(".hl.loaded.attributed").count() >= 1
    # Quotes by different speakers get different colours.
    colours = set(reader.locator(".hl.q").evaluate_all("els => els.map(e => getComputedStyle(e).backgroundColor)"))
    assert len(colours) >= 2
    page.locator("#reader-panel").screenshot(path="/tmp/tacitus-web-reader-1280.png")
    assert desk.problems == []


def test_clicking_an_event_opens_its_article_at_the_trigger(desk: Page) -> None:
    page = desk.open("/?outlet=Frontline%20Daily")
    row = page.locator("#events-table tbody tr.event-row").first
    evidence = row.locator("td.evidence").inner_text()
    row.click()
    page.wait_for_selector("#reader[data-article='shelling.txt'] .reader-text")
    focused = page.locator("#reader .focus")
    assert focused.count() == 1
    assert focused.inner_text().strip() and evidence.startswith(focused.inner_text().strip())


def test_article_text_with_markup_shows_as_text_and_never_runs(desk: Page) -> None:
    page = desk.open()
    page.click(f"#articles li.article-item[data-id='{SCRIPT_ARTICLE['id']}'] a")
    page.wait_for_selector(f"#reader[data-article='{SCRIPT_ARTICLE['id']}'] .reader-text")
    shown = page.locator("#reader .reader-text").evaluate("el => el.textContent")
    assert "<script>window.__pwned = 1</script>" in shown
    assert "<i>unacceptable</i>" in shown
    assert page.locator("#reader script").count() == 0 and page.locator("#reader .reader-text i").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    title = page.locator("#articles li.article-item[data-id='xss-1'] a").inner_text()
    assert title == "<b>Bold</b> title"
    page.goto(desk.server + "/articles/xss-1")
    assert "<script>window.__pwned = 1</script>" in page.locator(".reader-text").inner_text()
    assert page.evaluate("() => window.__pwned") is None


def test_analyze_panel_renders_a_pasted_text(desk: Page) -> None:
    page = desk.open()
    page.fill(
        "#analyze-form textarea", 'Kenya criticised Somalia on Monday. "This is unacceptable," the ministry said.'
    )
    page.fill("#analyze-form input[name=published]", "2024-03-06")
    page.click("#analyze-form button[type=submit]")
    page.wait_for_selector("#reader .reader-text .hl.ev")
    assert "criticised" in page.locator("#reader .hl.ev").all_inner_texts()
    assert page.locator("#reader .hl.q").count() >= 1


def test_phone_width_stacks_panels_without_sideways_scrolling(browser: Any, server: str) -> None:
    phone = Page(browser, server, 390, 844)
    page = phone.open()
    boxes = [page.locator(f"#{p}").bounding_box() for p in ("timeline-panel", "network-panel", "map-panel")]
    assert all(b is not None for b in boxes)
    xs = {round(b["x"]) for b in boxes if b}
    assert len(xs) == 1, "panels should stack in one column"
    assert all(b["width"] > 330 for b in boxes if b)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.click("#articles li.article-item[data-id='ceasefire.txt'] a")
    page.wait_for_selector("#reader[data-article='ceasefire.txt'] .reader-text")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/tacitus-web-dashboard-phone.png", full_page=True)
    assert phone.problems == []
    phone.close()
