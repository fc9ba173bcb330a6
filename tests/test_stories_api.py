"""The stories endpoints and pages of the API and dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tacitus import Analyzer
from tacitus.api import ApiConfig, create_app
from tacitus.store import ingest
from tacitus.store.stories import update_stories
from test_stories_store import _articles, _write


@pytest.fixture(scope="module")
def client(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("stories-api")
    db = folder / "stories.duckdb"
    ingest([_write(folder / "all.jsonl", _articles())], db, analyzer=analyzer)
    update_stories(db)
    with TestClient(create_app(ApiConfig(db=db), analyzer=lambda: analyzer)) as c:
        yield c


def test_stories_endpoint_lists_multi_outlet_stories_first(client: TestClient) -> None:
    resp = client.get("/api/stories", params={"min_articles": 2})
    assert resp.status_code == 200
    items = resp.json()["items"]
    assert [len(s["outlets"]) for s in items] == [2, 2]
    assert {o for s in items for o in s["outlets"]} == {"Ararat Wire", "Caspian Wire", "Reuters", "TASS"}
    assert len(client.get("/api/stories").json()["items"]) == 5
    assert client.get("/api/stories", params={"limit": -1}).status_code == 400


def test_story_endpoint_compares_outlets_and_404s_on_unknown_ids(client: TestClient) -> None:
    items = client.get("/api/stories", params={"min_articles": 2}).json()["items"]
    motion = next(s for s in items if "Caspian Wire" in s["outlets"])
    body = client.get(f"/api/stories/{motion['story_id']}").json()
    assert [c["outlet"] for c in body["outlets"]] == ["Ararat Wire", "Caspian Wire"]
    assert any(e["num_sources"] == 2 for e in body["events"])
    missing = client.get("/api/stories/S99")
    assert missing.status_code == 404 and "no story" in missing.text


def test_stories_pages_show_the_side_by_side_table(client: TestClient) -> None:
    assert 'href="/stories"' in client.get("/").text
    listing = client.get("/stories").text
    items = client.get("/api/stories", params={"min_articles": 2}).json()["items"]
    motion = next(s for s in items if "Caspian Wire" in s["outlets"])
    assert f'href="/stories/{motion["story_id"]}"' in listing
    page = client.get(f"/stories/{motion['story_id']}").text
    assert "events omitted" in page and "Ararat Wire" in page and 'href="/articles/motion_row.txt"' in page


def test_stories_endpoint_on_a_store_without_stories_is_empty(tmp_path: Path, analyzer: Analyzer) -> None:
    db = tmp_path / "plain.duckdb"
    ingest([_write(tmp_path / "one.jsonl", _articles()[:1])], db, analyzer=analyzer)
    with TestClient(create_app(ApiConfig(db=db), analyzer=lambda: analyzer)) as c:
        assert c.get("/api/stories").json() == {"items": []}
        assert c.get("/api/stories/S1").status_code == 404
