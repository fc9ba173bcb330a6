"""The domain model: frozen, typed records for everything tacitus reads and writes.

Every record that makes a claim about the text carries character offsets into
``Article.text`` exactly as given, so a user can highlight the evidence.
``to_dict`` methods produce the JSON contract ``tacitus.analysis/1``
(see docs/contract.md); nothing else in the package builds that JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA = "tacitus.analysis/1"

#: How an event's date was found: in the text of its clause, or by falling back
#: on the article's publication date.
DateSource = Literal["text", "published"]

#: Modality of an event. ``historical`` means a past event recalled with its own
#: date; ``reported`` an event someone claims inside quoted or reported speech.
Modality = Literal["asserted", "hypothetical", "future", "historical", "reported"]

#: PLOVER quad categories.
QUADS = (
    "VERBAL_COOPERATION",
    "MATERIAL_COOPERATION",
    "VERBAL_CONFLICT",
    "MATERIAL_CONFLICT",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``source`` says where it came from, for error messages."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    source: str = "<input>"

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
        }
        if include_text:
            out["text"] = self.text
        return out


def all_sectors(sector: str | None, sectors: Iterable[str] = ()) -> tuple[str, ...]:
    """``sector`` followed by the other tags of ``sectors``, each once: ``()`` when there are none."""
    out: list[str] = [sector] if sector else []
    out.extend(s for s in sectors if s and s not in out)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One mention of a coded actor, as it appears in an event or quote."""

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None
    actor_id: str | None
    #: Every PLOVER sector tag, ``sector`` first (``("GOV", "PRE")`` for "Transnistrian officials");
    #: derived from ``sector`` when not given.
    sectors: tuple[str, ...] = ()
    #: True on an event's recipient whose country the text does not name: read from the actor's own
    #: country (a domestic act) or the event's place; with no recipient named at all, the span is where
    #: that country is named (the actor's mention), and ``sector``/``actor_id`` are empty.
    implied: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "sectors", all_sectors(self.sector, self.sectors))

    @property
    def named(self) -> bool:
        """False for an implied recipient the text does not name at all: its span only names the country."""
        return not (self.implied and self.actor_id is None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "country": self.country,
            "sector": self.sector,
            "sectors": list(self.sectors),
            "actor_id": self.actor_id,
            "implied": self.implied,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity that acts or is acted upon, with all its mentions in the article.

    ``country`` is ISO 3166 alpha-3 or a PLOVER code (IGO, UNO, NGO, ...);
    ``sector`` a PLOVER sector (GOV, LEG, MIL, ...). Either may be None when the
    actor is recognised but cannot be coded. ``sectors`` holds every sector tag, ``sector``
    first: PLOVER gives a partially recognised entity's actors PRE in addition to their own
    sector ("Transnistrian officials" are MDA with GOV and PRE).
    """

    id: str
    name: str
    country: str | None
    sector: str | None
    mentions: tuple[Span, ...]
    kind: str = "org"  # person | org | country | group
    sectors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sectors", all_sectors(self.sector, self.sectors))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "sectors": list(self.sectors),
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None  # country | region | city | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "feature": self.feature,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event with its evidence."""

    id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    quad: str
    cameo: str | None
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    date: str | None
    date_text: str | None
    date_from: DateSource
    location: Place | None
    trigger: Span
    sentence: Span
    negated: bool = False
    modality: Modality = "asserted"
    confidence: float = 0.5
    date_granularity: str = "day"
    claimed_by: ActorRef | None = None
    content: Span | None = None
    mentions: tuple[Span, ...] = ()
    #: PLOVER conflict-cooperation score (-10 .. +10) of the event type and mode.
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "quad": self.quad,
            "cameo": self.cameo,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "date": self.date,
            "date_text": self.date_text,
            "date_from": self.date_from,
            "date_granularity": self.date_granularity,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "negated": self.negated,
            "modality": self.modality,
            "confidence": self.confidence,
            "claimed_by": self.claimed_by.to_dict() if self.claimed_by else None,
            "content": self.content.to_dict() if self.content else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (speaker) said (cue) what (content)."""

    id: str
    speaker: Span | None
    speaker_actor: ActorRef | None
    cue: Span | None
    content: Span
    direct: bool
    cue_lemma: str | None = None
    cue_stance: str | None = None  # neutral | doubt | endorse | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_actor": self.speaker_actor.to_dict() if self.speaker_actor else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "cue_lemma": self.cue_lemma,
            "cue_stance": self.cue_stance,
            "content": self.content.to_dict(),
            "direct": self.direct,
        }


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A loaded or contested term, in the outlet's voice or a quoted one."""

    text: str
    start: int
    end: int
    category: str
    attributed: bool
    quote_id: str | None = None
    lemma: str | None = None
    side: str | None = None
    source: str | None = None  # which lexicon

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "attributed": self.attributed,
            "quote_id": self.quote_id,
            "lemma": self.lemma,
            "side": self.side,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class SentenceScore:
    start: int
    end: int
    biased: bool
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "biased": self.biased, "score": self.score}


@dataclass(frozen=True, slots=True)
class SourcingRow:
    """Quotes per actor country and sector."""

    country: str | None
    sector: str | None
    quotes: int
    words: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "sector": self.sector, "quotes": self.quotes, "words": self.words}


@dataclass(frozen=True, slots=True)
class Framing:
    loaded: tuple[LoadedTerm, ...] = ()
    sentences: tuple[SentenceScore, ...] = ()
    sourcing: tuple[SourcingRow, ...] = ()
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "loaded": [t.to_dict() for t in self.loaded],
            "sentences": [s.to_dict() for s in self.sentences],
            "sourcing": [s.to_dict() for s in self.sourcing],
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything tacitus found in one article."""

    article: Article
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    places: tuple[Place, ...]
    framing: Framing

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(include_text=include_text),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "framing": self.framing.to_dict(),
        }
