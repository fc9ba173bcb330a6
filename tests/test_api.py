"""The REST API through FastAPI's TestClient: contract, filters, paging, the one error shape, security."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus import Analyzer
from tacitus.api import ApiConfig, create_app, serve_config
from tacitus.errors import ConfigError
from test_api_support import SCRIPT_ARTICLE, build_store

TOKEN = "a-test-token-that-is-long-enough"
WEB = Path(__file__).resolve().parent.parent / "src" / "tacitus" / "web"


@pytest.fixture(scope="module")
def store(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(analyzer, tmp_path_factory.mktemp("api-store"))


@pytest.fixture(scope="module")
def client(store: Path, analyzer: Analyzer) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=store), analyzer=lambda: analyzer)) as c:
        yield c


@pytest.fixture(scope="module")
def bare(analyzer: Analyzer) -> Iterator[TestClient]:
    """An app with no store: analysis only."""
    with TestClient(create_app(ApiConfig(), analyzer=lambda: analyzer)) as c:
        yield c


def _error(resp: Any, status: int, code: str) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message
    return message


# ---- analysis -------------------------------------------------------------------------------


def test_analyze_returns_the_contract_with_offsets_into_the_sent_text(bare: TestClient) -> None:
    text = 'Kenya criticised Somalia on Monday. "We will not accept this," the Kenyan foreign ministry said.'
    resp = bare.post("/api/analyze", json={"text": text, "published": "2024-03-06", "outlet": "Test Wire"})
    assert resp.status_code == 200
    doc = resp.json()
    assert doc["schema"] == "tacitus.analysis/1"
    assert doc["article"]["outlet"] == "Test Wire" and doc["article"]["published"] == "2024-03-06"
    assert "text" not in doc["article"]
    assert {a["country"] for a in doc["actors"]} >= {"KEN", "SOM"}
    assert doc["events"], "criticised should give an event"
    for event in doc["events"]:
        trig = event["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"]
    for quote in doc["quotes"]:
        content = quote["content"]
        assert text[content["start"] : content["end"]] == content["text"]
    with_text = bare.post("/api/analyze?include_text=true", json={"text": text}).json()
    assert with_text["article"]["text"] == text


def test_analyze_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/health").json()["store"]["articles"]
    assert client.post("/api/analyze", json={"text": "Chile accused Peru of spying."}).status_code == 200
    assert client.get("/api/health").json()["store"]["articles"] == before


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b'{"text": "Kenya', {"content-type": "application/json"}, 400, "malformed_json"),
        (b"not json at all", {"content-type": "application/json"}, 400, "malformed_json"),
        (b'["a list"]', {"content-type": "application/json"}, 400, "malformed_json"),
        (b"text=Kenya", {"content-type": "application/x-www-form-urlencoded"}, 400, "malformed_json"),
        (b'{"text": "   "}', {"content-type": "application/json"}, 422, "empty_text"),
        (b"{}", {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": 17}', {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": "Kenya", "colour": "red"}', {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": "Kenya", "published": "2020-02-30"}', {"content-type": "application/json"}, 400, "bad_date"),
        (b'{"text": "Kenya", "published": "last week"}', {"content-type": "application/json"}, 400, "bad_date"),
    ],
)
def test_analyze_bad_requests_get_one_error_shape(
    bare: TestClient, body: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    _error(bare.post("/api/analyze", content=body, headers=headers), status, code)


def test_missing_field_message_names_the_field(bare: TestClient) -> None:
    message = _error(bare.post("/api/analyze", json={"outlet": "x"}), 422, "invalid_request")
    assert "'text' is required" in message


def test_body_over_the_limit_is_refused_with_413_before_analysis(analyzer: Analyzer) -> None:
    app = create_app(ApiConfig(max_body_bytes=2048), analyzer=lambda: analyzer)
    with TestClient(app) as c:
        big = json.dumps({"text": "Kenya criticised Somalia. " * 200})
        message = _error(
            c.post("/api/analyze", content=big, headers={"content-type": "application/json"}), 413, "body_too_large"
        )
        assert "2,048 bytes" in message
        small = json.dumps({"text": "Kenya criticised Somalia."})
        assert c.post("/api/analyze", content=small, headers={"content-type": "application/json"}).status_code == 200


def test_chunked_body_over_the_limit_is_refused_with_413(analyzer: Analyzer) -> None:
    app = create_app(ApiConfig(max_body_bytes=2048), analyzer=lambda: analyzer)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"Kenya criticised Somalia. "
        yield b'"}'

    with TestClient(app) as c:
        resp = c.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        _error(resp, 413, "body_too_large")


def test_unknown_endpoint_and_wrong_method_use_the_error_shape(bare: TestClient) -> None:
    _error(bare.get("/api/nothing-here"), 404, "not_found")
    _error(bare.get("/api/analyze"), 405, "method_not_allowed")


def test_store_endpoints_without_a_store_say_how_to_attach_one(bare: TestClient) -> None:
    message = _error(bare.get("/api/events"), 404, "no_store")
    assert "--db" in message
    assert bare.get("/api/health").json()["store"] is None


# ---- the store's queries ----------------------------------------------------------------------


def test_health_reports_the_store(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["schema"] == "tacitus.analysis/1"
    assert health["store"]["articles"] >= 7
    assert health["store"]["events"] > 0


def test_events_filter_by_type_and_country(client: TestClient) -> None:
    every = client.get("/api/events", params={"limit": 1000}).json()["items"]
    types = {e["event"] for e in every}
    assert len(types) > 2
    kind = sorted(types)[0]
    only = client.get("/api/events", params={"type": kind.lower(), "limit": 1000}).json()["items"]
    assert only and {e["event"] for e in only} == {kind}
    assert len(only) == sum(1 for e in every if e["event"] == kind)
    rus = client.get("/api/events", params={"country": "RUS", "limit": 1000}).json()["items"]
    assert rus
    for e in rus:
        countries = {r["country"] for r in e["actors"] + e["recipients"]}
        location = (e.get("location") or {}).get("country")
        assert "RUS" in countries or location == "RUS"


def test_events_filter_by_outlet_and_dates(client: TestClient) -> None:
    horn = client.get("/api/events", params={"outlet": "horn wire", "limit": 1000}).json()["items"]
    assert horn and {e["article_id"] for e in horn} == {"ceasefire.txt"}
    since = client.get("/api/events", params={"since": "2022-01-01", "until": "2022-12-31", "limit": 1000}).json()
    assert since["items"]
    assert all("2022-01-01" <= e["event_date"] <= "2022-12-31" for e in since["items"])


def test_events_carry_evidence_offsets_into_the_stored_text(client: TestClient) -> None:
    events = client.get("/api/events", params={"outlet": "Frontline Daily"}).json()["items"]
    text = client.get("/api/articles/shelling.txt").json()["article"]["text"]
    assert events
    for e in events:
        t = e["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]


def test_paging_with_limit_and_offset_walks_every_event_once(client: TestClient) -> None:
    every = client.get("/api/events", params={"limit": 1000}).json()
    assert every["more"] is False
    ids = [(e["article_id"], e["event_id"]) for e in every["items"]]
    walked: list[tuple[str, str]] = []
    offset = 0
    while True:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["limit"] == 7 and page["offset"] == offset and page["count"] == len(page["items"])
        walked.extend((e["article_id"], e["event_id"]) for e in page["items"])
        offset += 7
        if not page["more"]:
            break
    assert walked == ids
    assert client.get("/api/events", params={"limit": 0}).json()["items"] == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"limit": -1}, "bad_limit"),
        ({"limit": 1001}, "bad_limit"),
        ({"offset": -5}, "bad_offset"),
        ({"since": "2024-02-30"}, "bad_date"),
        ({"until": "yesterday"}, "bad_date"),
        ({"since": "2024-05-01", "until": "2024-01-01"}, "bad_date"),
        ({"country": "X" * 201}, "bad_filter"),
    ],
)
def test_bad_query_values_are_400s(client: TestClient, query: dict[str, Any], code: str) -> None:
    for path in ("/api/events", "/api/articles", "/api/stats/dyads"):
        _error(client.get(path, params=query), 400, code)


def test_non_integer_limit_is_a_422(client: TestClient) -> None:
    message = _error(client.get("/api/events", params={"limit": "ten"}), 422, "invalid_request")
    assert "limit" in message


def test_filters_that_do_not_apply_are_400s(client: TestClient) -> None:
    _error(client.get("/api/quotes", params={"recipient": "UKR"}), 400, "bad_filter")
    _error(client.get("/api/quotes", params={"type": "ASSAULT"}), 400, "bad_filter")
    direct = client.get("/api/quotes", params={"type": "direct", "limit": 1000}).json()["items"]
    assert direct and all(q["direct"] for q in direct)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "limit": st.text(max_size=6),
            "offset": st.text(max_size=6),
            "since": st.text(max_size=12),
            "country": st.text(max_size=5),
            "type": st.text(max_size=8),
            "actor": st.text(max_size=8),
        },
    )
)
def test_no_query_string_makes_a_500(client: TestClient, query: dict[str, str]) -> None:
    for path in ("/api/events", "/api/articles", "/api/actors", "/api/stats/timeline"):
        resp = client.get(path, params=query)
        assert resp.status_code < 500, (path, query, resp.text)
        if resp.status_code >= 400:
            assert set(resp.json()["error"]) == {"code", "message"}


def test_article_by_id_has_analysis_and_text(client: TestClient) -> None:
    doc = client.get("/api/articles/ceasefire.txt").json()
    assert doc["schema"] == "tacitus.analysis/1"
    assert doc["article"]["outlet"] == "Horn Wire"
    assert doc["article"]["text"].startswith(
        (Path(__file__).parent.parent / "examples" / "ceasefire.txt").read_text()[:40]
    )
    _error(client.get("/api/articles/no-such-article"), 404, "not_found")


def test_articles_list_filters_by_outlet(client: TestClient) -> None:
    items = client.get("/api/articles", params={"outlet": "Gulf Wire"}).json()["items"]
    assert {a["id"] for a in items} == {"wire-001", "wire-002"}
    assert all("text" not in a for a in items)


def test_actors_and_stats(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"country": "UKR", "limit": 1000}).json()["items"]
    assert actors and all(a["country"] == "UKR" for a in actors)
    dyads = client.get("/api/stats/dyads").json()["items"]
    assert any(d["actor_country"] == "RUS" and d["recipient_country"] == "UKR" for d in dyads)
    for d in dyads:
        quads = d["verbal_cooperation"] + d["material_cooperation"] + d["verbal_conflict"] + d["material_conflict"]
        assert quads == d["events"]
    timeline = client.get("/api/stats/timeline", params={"interval": "year"}).json()
    assert timeline["interval"] == "year" and timeline["items"]
    assert all(row["period"].endswith("-01-01") for row in timeline["items"])
    _error(client.get("/api/stats/timeline", params={"interval": "fortnight"}), 422, "invalid_request")


def test_places_count_the_located_events(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 1000}).json()["items"]
    located = [e for e in events if e["location"] and e["location"]["lat"] is not None]
    assert located
    answer = client.get("/api/stats/places").json()
    assert answer["scanned"] == len(events) and answer["truncated"] is False
    assert sum(p["events"] for p in answer["items"]) == len(located)
    for place in answer["items"]:
        assert sum(place["types"].values()) == place["events"]
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
    kind = located[0]["event"]
    only = client.get("/api/stats/places", params={"type": kind}).json()["items"]
    assert sum(p["events"] for p in only) == sum(1 for e in located if e["event"] == kind)


# ---- writing ------------------------------------------------------------------------------------


def test_ingest_needs_the_token_when_one_is_set(store: Path, analyzer: Analyzer, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    app = create_app(ApiConfig(db=db, token=TOKEN), analyzer=lambda: analyzer)
    article = {"id": "api-1", "text": "Kenya criticised Somalia on Monday.", "published": "2024-03-06"}
    with TestClient(app) as c:
        message = _error(c.post("/api/articles", json=article), 401, "unauthorized")
        assert "TACITUS_API_TOKEN" in message
        _error(c.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        _error(c.post("/api/articles", json=article, headers={"Authorization": TOKEN}), 401, "unauthorized")
        auth = {"Authorization": f"Bearer {TOKEN}"}
        first = c.post("/api/articles", json=article, headers=auth)
        assert first.status_code == 201
        assert first.json() == {"stored": ["api-1"], "already_stored": [], "written": 1}
        again = c.post("/api/articles", json={"articles": [article]}, headers=auth)
        assert again.json() == {"stored": [], "already_stored": ["api-1"], "written": 0}
        stored = c.get("/api/articles/api-1").json()
        assert stored["article"]["text"] == article["text"]
        assert any(e["event"] for e in stored["events"])
        assert c.get("/api/health").json()["store"]["articles"] == 1
        events = c.get("/api/events").json()["count"]
        assert events >= 1
        second = {"id": "api-2", "text": "Chile accused Peru of spying on Tuesday.", "published": "2024-03-06"}
        assert c.post("/api/articles", json=second, headers=auth).json()["written"] == 1
        # The answer cache is keyed on the store file's state: a write is seen at once.
        assert c.get("/api/events").json()["count"] > events
        assert {a["id"] for a in c.get("/api/articles").json()["items"]} == {"api-1", "api-2"}
        # Reading needs no token.
        assert c.get("/api/events").status_code == 200


def test_ingest_refuses_an_empty_text_without_storing(analyzer: Analyzer, tmp_path: Path) -> None:
    app = create_app(ApiConfig(db=tmp_path / "e.duckdb"), analyzer=lambda: analyzer)
    with TestClient(app) as c:
        _error(c.post("/api/articles", json={"articles": [{"id": "x", "text": ""}]}), 422, "empty_text")
        assert not (tmp_path / "e.duckdb").exists()


# ---- pages and security -------------------------------------------------------------------------


def test_article_page_shows_markup_in_the_text_as_text(client: TestClient) -> None:
    for url in (f"/articles/{SCRIPT_ARTICLE['id']}", f"/fragments/article/{SCRIPT_ARTICLE['id']}"):
        html = client.get(url).text
        assert "<script>window.__pwned" not in html
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
        assert "<i>unacceptable</i>" not in html
        assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/api/health", "/articles/ceasefire.txt", "/static/app.js"):
        resp = client.get(url)
        assert resp.status_code == 200
        csp = resp.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_nothing_the_pages_ship_loads_from_the_network(client: TestClient) -> None:
    files = [p for p in WEB.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"app.js", "style.css", "index.html", "world-110m.svg"}
    for path in files:
        if path.suffix in {".md", ".txt"}:
            continue
        urls = re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"')]*", path.read_text(encoding="utf-8"))
        assert urls == ["http://www.w3.org/2000/svg"] * len(urls), (path, urls)
    assert client.get("/docs").status_code == 404
    docs = client.get("/api/docs").text
    assert "/api/events" in docs and "cdn" not in docs.lower()


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths >= {
        "/api/health",
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/stats/timeline",
        "/api/stats/dyads",
        "/api/stats/places",
    }


def test_dashboard_and_its_assets_are_served(client: TestClient) -> None:
    page = client.get("/").text
    assert 'src="/static/app.js"' in page and 'data-has-store="yes"' in page
    for asset in ("/static/app.js", "/static/style.css", "/static/world-110m.svg"):
        assert client.get(asset).status_code == 200


def test_dashboard_without_a_store_still_offers_analysis(bare: TestClient) -> None:
    page = bare.get("/").text
    assert 'data-has-store="no"' in page and 'id="analyze-form"' in page
    text = "Kenya criticised Somalia on Monday. <img src=x onerror=alert(1)>"
    html = bare.post("/fragments/analyze", json={"text": text}).text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert 'class="hl ev' in html


def test_server_refuses_to_listen_beyond_loopback_without_a_token() -> None:
    with pytest.raises(ConfigError, match="TACITUS_API_TOKEN"):
        serve_config(None, host="0.0.0.0", env={})
    with pytest.raises(ConfigError, match="shorter than 16"):
        serve_config(None, host="0.0.0.0", env={"TACITUS_API_TOKEN": "short"})
    public = serve_config(None, host="0.0.0.0", env={"TACITUS_API_TOKEN": TOKEN})
    assert public.token == TOKEN and public.allowed_hosts is None
    local = serve_config(None, host="127.0.0.1", env={})
    assert local.token is None and local.allowed_hosts is not None and "localhost" in local.allowed_hosts
    assert serve_config(None, host="::1", env={}).token is None


def test_loopback_server_refuses_foreign_host_headers(analyzer: Analyzer) -> None:
    app: FastAPI = create_app(serve_config(None, host="127.0.0.1", env={}), analyzer=lambda: analyzer)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200
        _error(c.get("/api/health", headers={"Host": "attacker.example:8000"}), 400, "bad_host")
