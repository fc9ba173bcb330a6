"""The JSON contract: schema, fields, and every offset slicing the text to its span."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import tacitus
from tacitus import Analysis

SPAN_KEYS = {"text", "start", "end"}


def _spans(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.keys() >= SPAN_KEYS and isinstance(node["start"], int):
            yield path, node
        for key, value in node.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


@pytest.mark.parametrize("name", ["motion_row.txt", "ceasefire.txt", "shelling.txt"])
def test_every_offset_slices_the_text_to_its_span(example: Callable[[str], Analysis], name: str) -> None:
    analysis = example(name)
    doc = analysis.to_dict()
    text = analysis.article.text
    spans = list(_spans(doc))
    assert len(spans) > 10, "an example article should yield many spans"
    for path, span in spans:
        assert text[span["start"] : span["end"]] == span["text"], path


def test_analysis_has_the_contract_fields(example: Callable[[str], Analysis]) -> None:
    doc = json.loads(json.dumps(example("motion_row.txt").to_dict()))
    assert doc["schema"] == "tacitus.analysis/1"
    assert set(doc) == {"schema", "article", "actors", "events", "quotes", "places", "framing"}
    assert set(doc["article"]) == {"id", "title", "published", "outlet", "url", "language"}
    assert {"loaded", "sentences", "sourcing", "summary"} <= set(doc["framing"])
    for event in doc["events"]:
        assert {
            "id",
            "event",
            "mode",
            "context",
            "quad",
            "cameo",
            "actor",
            "recipient",
            "date",
            "date_text",
            "date_from",
            "location",
            "trigger",
            "sentence",
            "negated",
            "modality",
            "confidence",
        } <= set(event)
        assert event["date_from"] in {"text", "published"}
        for ref in event["actor"] + event["recipient"]:
            _assert_sectors_lead_with_sector(ref)
    assert doc["actors"], "the example should have actors for this test to mean something"
    for actor in doc["actors"]:
        assert {"id", "name", "country", "sector", "sectors", "kind", "mentions"} <= set(actor)
        _assert_sectors_lead_with_sector(actor)


def _assert_sectors_lead_with_sector(record: dict[str, Any]) -> None:
    """``sectors`` lists every sector tag, the primary ``sector`` first; it is empty without one."""
    if record["sector"] is None:
        assert record["sectors"] == [], record
    else:
        assert record["sectors"][0] == record["sector"] and len(set(record["sectors"])) == len(record["sectors"])


def test_public_api_all_names_are_exported() -> None:
    for name in tacitus.__all__:
        assert hasattr(tacitus, name), name
    public = {n for n in dir(tacitus) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(tacitus.__all__)
