"""Typed rows the queries return, and their flat forms for tables and CSV."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tacitus.model import ActorRef, Place, Span

Flat = dict[str, str | int | float | bool | None]

_PLACE_KEYS = ("text", "start", "end", "name", "geonameid", "lat", "lon", "country", "feature")
_REF_KEYS = ("text", "start", "end", "country", "sector", "sectors", "actor_id", "implied")
#: Joins one actor's sector tags in flat output ("GOV+PRE"); "; " separates actors.
SECTOR_JOIN = "+"


@dataclass(frozen=True, slots=True)
class Filters:
    """Query filters; every value is bound as a parameter, never spliced into SQL.

    ``actor``/``recipient`` match a country code (``RUS``), a country+sector code
    (``RUSMIL``), or a case-insensitive piece of the mention text (``kremlin``).
    """

    country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    event_id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    quad: str | None
    cameo: str | None
    date: str | None
    event_date: dt.date | None
    date_text: str | None
    date_from: str | None
    date_granularity: str | None
    negated: bool
    modality: str | None
    confidence: float | None
    trigger: Span
    sentence_start: int | None
    sentence_end: int | None
    location: Place | None
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    claimed_by: ActorRef | None
    outlet: str | None
    published: dt.date | None
    title: str | None
    url: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    quote_id: str
    speaker: Span | None
    speaker_actor_id: str | None
    speaker_country: str | None
    speaker_sector: str | None
    cue: Span | None
    cue_lemma: str | None
    cue_stance: str | None
    content: Span
    direct: bool
    outlet: str | None
    published: dt.date | None
    #: Every sector tag of the speaker, ``speaker_sector`` first (PRE too for a partially recognised entity).
    speaker_sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorRow:
    article_id: str
    actor_id: str
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    mentions: int
    outlet: str | None
    published: dt.date | None
    #: Every sector tag of the actor, ``sector`` first (PRE too for a partially recognised entity).
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    language: str | None
    n_chars: int
    n_actors: int
    n_events: int
    n_quotes: int
    n_places: int
    n_loaded: int
    run_id: int | None
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Events from actors of one country to recipients of another, by PLOVER quad."""

    actor_country: str
    recipient_country: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """Events of one type in one period (``period`` is the period's first day)."""

    period: dt.date
    event: str
    events: int


@dataclass(frozen=True, slots=True)
class IngestErrorRow:
    run_id: int | None
    source: str
    problem: str
    fix: str | None
    logged_at: dt.datetime


AnyRow = EventRow | QuoteRow | ActorRow | ArticleRow | DyadRow | TimelineRow | IngestErrorRow


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Span | ActorRef | Place):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def row_to_dict(row: AnyRow) -> dict[str, Any]:
    """A row as JSON-ready values (dates as ISO strings, spans as objects)."""
    return {f.name: _json_value(getattr(row, f.name)) for f in dataclasses.fields(row)}


def row_to_flat(row: AnyRow) -> Flat:
    """A row as one level of scalars: spans become ``x_text/x_start/x_end``; lists are joined with ``; ``."""
    out: Flat = {}
    for f in dataclasses.fields(row):
        value = getattr(row, f.name)
        if isinstance(value, Span):
            out.update({f"{f.name}_text": value.text, f"{f.name}_start": value.start, f"{f.name}_end": value.end})
        elif value is None and f.type == "Span | None":
            out.update({f"{f.name}_text": None, f"{f.name}_start": None, f"{f.name}_end": None})
        elif f.type in ("Place | None", "ActorRef | None"):
            keys = _PLACE_KEYS if f.type == "Place | None" else _REF_KEYS
            data = value.to_dict() if value is not None else {}
            if "sectors" in data:
                data["sectors"] = SECTOR_JOIN.join(data["sectors"])
            out.update({f"{f.name}_{k}": data.get(k) for k in keys})
        elif isinstance(value, tuple) and f.type == "tuple[ActorRef, ...]":
            out[f"{f.name}_text"] = "; ".join(r.text for r in value)
            out[f"{f.name}_country"] = "; ".join(r.country or "-" for r in value)
            out[f"{f.name}_sector"] = "; ".join(r.sector or "-" for r in value)
            out[f"{f.name}_sectors"] = "; ".join(SECTOR_JOIN.join(r.sectors) or "-" for r in value)
            out[f"{f.name}_implied"] = "; ".join(str(r.implied).lower() for r in value)
        elif isinstance(value, tuple) and f.name.endswith("sectors"):
            out[f.name] = SECTOR_JOIN.join(value)
        elif isinstance(value, tuple):
            out[f.name] = "; ".join(str(v) for v in value)
        elif isinstance(value, dt.date | dt.datetime):
            out[f.name] = value.isoformat()
        else:
            out[f.name] = value
    return out
