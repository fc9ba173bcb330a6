"""Loader for the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt), shared by the benches.

The file is a JSON list of records (PLOVER v0.5b1 labels on CAMEO-manual example sentences):
``{"id", "event", "date", "text", "source": [{"actorText", "code", "sector"?}], "target": [...]
or "", "mode"?, "context"?, ...}``. It is a MEASURE set: score on it, never read its sentences to
write rules.

:func:`load_gold` returns a :class:`GoldSet` of :class:`GoldRecord` objects with labels mapped to PLOVER v0.8
(:data:`EVENT_REMAP`: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT),
country codes mapped where CAMEO differs from ISO (:data:`COUNTRY_REMAP`: JAP -> JPN) and sectors
cut to their first three letters ("CVLalb" -> "CVL"; "***" -> None). The DOCUMENT record and any
record without text are skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tacitus.errors import ConfigError

#: PLOVER v0.5 event labels that v0.8 renamed or merged.
EVENT_REMAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: Labels that are not events.
SKIP_EVENTS = frozenset({"DOCUMENT"})
#: CAMEO country codes that differ from ISO 3166 alpha-3.
COUNTRY_REMAP = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU"}

#: Where the file sits under the shared data folder (``ctx.path(GSR_PATH)``).
GSR_PATH = "events/plover/PLOVER_GSR_CAMEO.txt"


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    event: str  # PLOVER v0.8 label
    original_event: str  # as in the file
    text: str
    date: date | None
    source: tuple[GoldActor, ...]  # the PLOVER actor(s)
    target: tuple[GoldActor, ...]  # the PLOVER recipient(s)
    mode: str | None
    context: tuple[str, ...]

    @property
    def source_countries(self) -> frozenset[str]:
        return frozenset(a.country for a in self.source if a.country)

    @property
    def target_countries(self) -> frozenset[str]:
        return frozenset(a.country for a in self.target if a.country)


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The scorable records, and how many records of the file were skipped (DOCUMENT, no text)."""

    records: tuple[GoldRecord, ...]
    skipped: int


def _actors(raw: Any) -> tuple[GoldActor, ...]:
    if not isinstance(raw, list):
        return ()
    out: list[GoldActor] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        code = str(item.get("code") or "").strip().upper() or None
        if code is not None:
            code = COUNTRY_REMAP.get(code, code)
        sector_raw = str(item.get("sector") or "")[:3].upper()
        sector = sector_raw if sector_raw.isalpha() else None
        out.append(GoldActor(str(item.get("actorText") or ""), code, sector))
    return tuple(out)


def load_gold(path: str | Path) -> GoldSet:
    """All scorable records of the PLOVER gold file, in file order."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read the PLOVER gold records ({exc}); check the shared data folder") from exc
    records: list[GoldRecord] = []
    skipped = 0
    for raw in data:
        event = str(raw.get("event") or "")
        text = str(raw.get("text") or "")
        if event in SKIP_EVENTS or not text.strip():
            skipped += 1
            continue
        day = raw.get("date")
        context = raw.get("context")
        records.append(
            GoldRecord(
                id=str(raw.get("id")),
                event=EVENT_REMAP.get(event, event),
                original_event=event,
                text=text,
                date=date.fromisoformat(day) if isinstance(day, str) and day else None,
                source=_actors(raw.get("source")),
                target=_actors(raw.get("target")),
                mode=str(raw["mode"]) if raw.get("mode") else None,
                context=tuple(c.strip() for c in context.split(",") if c.strip()) if isinstance(context, str) else (),
            )
        )
    return GoldSet(tuple(records), skipped)
