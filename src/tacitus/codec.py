"""The JSON contract back into the model: ``analysis_from_dict(analysis.to_dict(True)) == analysis``.

Decoding follows the dataclasses' own type hints, so a field that ``model.py`` gains
later (with a default) is read back as soon as ``to_dict`` writes it, and an older
JSON without it gets the default. Keys the model does not know (``schema``) are ignored.

Two things the JSON leaves out are supplied by the caller: the article text when the
analysis was written without it, and ``Article.source`` (where it was read from).
``Event.sentence`` is written as offsets only; its text is cut from the article text.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar, Union

from tacitus.errors import InputError
from tacitus.model import Analysis, Article

T = TypeVar("T")

_WHERE = "analysis JSON"


def analysis_from_dict(data: dict[str, Any], text: str | None = None, source: str | None = None) -> Analysis:
    """Rebuild an :class:`Analysis` from its JSON dict (``Analysis.to_dict``).

    ``text`` is the article text when ``data["article"]`` has none; ``source`` fills
    ``Article.source`` (default ``"<input>"``).
    """
    article_data = dict(_expect_dict(data.get("article"), "article"))
    if text is not None:
        article_data["text"] = text
    if not isinstance(article_data.get("text"), str):
        raise InputError(
            _WHERE,
            "the article has no text, and the sentence spans of events are cut from it",
            "write the analysis with to_dict(include_text=True) or pass text=",
        )
    if source is not None:
        article_data["source"] = source
    article = from_dict(Article, article_data)
    body = {key: value for key, value in data.items() if key != "article"}
    events = [_with_sentence_text(e, article.text) for e in _expect_list(body.get("events", []), "events")]
    body["events"] = events
    rest = _decode_fields(Analysis, body, "analysis", skip={"article"})
    return Analysis(article=article, **rest)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Any model dataclass from its ``to_dict`` output (``Event`` needs a ``sentence`` with text)."""
    return cls(**_decode_fields(cls, data, cls.__name__))


def _with_sentence_text(event: object, text: str) -> dict[str, Any]:
    record = dict(_expect_dict(event, "events[]"))
    sentence = _expect_dict(record.get("sentence"), "events[].sentence")
    start, end = sentence.get("start"), sentence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise InputError(_WHERE, "an event sentence lacks integer start/end offsets", "write offsets as integers")
    record["sentence"] = {"text": text[start:end], "start": start, "end": end}
    return record


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode_fields(
    cls: type, data: dict[str, Any], where: str, skip: frozenset[str] | set[str] = frozenset()
) -> dict[str, Any]:
    data = _expect_dict(data, where)
    hints = _hints(cls)
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        if f.name in data:
            out[f.name] = _decode(hints[f.name], data[f.name], f"{where}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise InputError(_WHERE, f"{where} has no {f.name!r}", f"add {f.name!r} or regenerate the JSON")
    return out


def _decode(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, value, where)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_decode(item, v, f"{where}[{i}]") for i, v in enumerate(_expect_list(value, where)))
    if origin is Literal or hint is Any:
        return value
    if origin is dict:
        return dict(_expect_dict(value, where))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint(**_decode_fields(hint, value, where))
    if hint is date:
        return date.fromisoformat(value) if isinstance(value, str) else _wrong(where, value, "an ISO date")
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return _wrong(where, value, "a number")
    if hint is bool:
        return value if isinstance(value, bool) else _wrong(where, value, "true or false")
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _wrong(where, value, "an integer")
    if hint is str:
        return value if isinstance(value, str) else _wrong(where, value, "a string")
    raise TypeError(f"codec: no decoder for {hint!r} at {where}; teach tacitus.codec._decode this type")


def _wrong(where: str, value: Any, expected: str) -> Any:
    raise InputError(_WHERE, f"{where} is {value!r}, not {expected}", "regenerate the JSON with tacitus")


def _expect_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(_WHERE, f"{where} is {type(value).__name__}, not an object", "regenerate the JSON")
    return value


def _expect_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise InputError(_WHERE, f"{where} is {type(value).__name__}, not a list", "regenerate the JSON")
    return list(value)
