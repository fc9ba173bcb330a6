"""Stories: group articles that report the same events, and compare how each outlet told them.

Clustering is incremental: each new article is compared with the stories whose dates
lie within a window of its own, by two signals, and joins the best story above a
threshold or starts a new one.

- *Text*: cosine similarity of TF-IDF vectors of the title and lead (the first
  ``lead_chars`` characters). Document frequencies are those of all articles seen so
  far, so the weights sharpen as the corpus grows.
- *Events*: the Jaccard overlap of event keys, an event key being the PLOVER type
  with the sorted actor and recipient countries (events without any coded country
  carry no key: they would join unrelated stories).

The score is ``text_weight * text + (1 - text_weight) * events``. The defaults were set
from first principles and from the project's own example articles, never from a
MEASURE set.

Across the articles of a story, events with the same key and dates within
``event_days`` of each other are one real-world event; it keeps every evidence span
and counts the articles and outlets that report it (GDELT's NumArticles/NumSources).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tacitus.errors import DictionaryError
from tacitus.model import Analysis, Event

_WORD = re.compile(r"[^\W\d_][\w'-]+", re.UNICODE)
# A word list reads better as text than as a literal of 85 strings.
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they we you i his her their our your not no than then there here
    said says say would will could should can may might has have had do does did after before over
    about into up down out more most also which who whom whose what when where while new""".split()  # noqa: SIM905
)

EventKey = tuple[str, tuple[str, ...], tuple[str, ...]]


LEAD_CHARS = 600
EVENT_DAYS = 2


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: int = 3
    lead_chars: int = LEAD_CHARS
    text_weight: float = 0.75
    threshold: float = 0.22
    event_days: int = EVENT_DAYS


def event_key(event: Event) -> EventKey | None:
    actors = tuple(sorted({r.country for r in event.actor if r.country}))
    recipients = tuple(sorted({r.country for r in event.recipient if r.country}))
    if not actors and not recipients:
        return None
    return (event.event, actors, recipients)


def _terms(text: str) -> Counter[str]:
    return Counter(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP and len(w) > 2)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What clustering needs of an article; built from an Analysis or read back from the store."""

    id: str
    outlet: str | None
    published: date | None
    terms: Counter[str]
    event_keys: frozenset[EventKey]

    @classmethod
    def of(cls, analysis: Analysis, lead_chars: int = LEAD_CHARS) -> ArticleFeatures:
        art = analysis.article
        lead = f"{art.title or ''}\n{art.text[:lead_chars]}"
        keys = frozenset(k for k in (event_key(e) for e in analysis.events if not e.negated) if k)
        return cls(art.id, art.outlet, art.published, _terms(lead), keys)


@dataclass(slots=True)
class Story:
    id: str
    members: list[ArticleFeatures] = field(default_factory=list)
    centroid: Counter[str] = field(default_factory=Counter)
    keys: Counter[EventKey] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None

    def add(self, features: ArticleFeatures) -> None:
        self.members.append(features)
        self.centroid.update(features.terms)
        self.keys.update(features.event_keys)
        if features.published:
            self.first = min(filter(None, (self.first, features.published)))
            self.last = max(filter(None, (self.last, features.published)))

    def near(self, day: date | None, window: int) -> bool:
        if day is None or self.first is None or self.last is None:
            return True
        return (self.first - day).days <= window and (day - self.last).days <= window


@dataclass(slots=True)
class StoryIndex:
    """Incremental story clustering. ``add`` returns the id of the story an article joined."""

    params: StoryParams = field(default_factory=StoryParams)
    stories: list[Story] = field(default_factory=list)
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    assignment: dict[str, str] = field(default_factory=dict)

    def _idf(self, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df[term])) + 1.0

    def _cosine(self, a: Counter[str], b: Counter[str]) -> float:
        if not a or not b:
            return 0.0
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        dot = sum(v * large[t] * self._idf(t) ** 2 for t, v in small.items() if t in large)
        if dot == 0.0:
            return 0.0
        na = math.sqrt(sum((v * self._idf(t)) ** 2 for t, v in a.items()))
        nb = math.sqrt(sum((v * self._idf(t)) ** 2 for t, v in b.items()))
        return dot / (na * nb)

    def score(self, features: ArticleFeatures, story: Story) -> float:
        text = self._cosine(features.terms, story.centroid)
        story_keys = set(story.keys)
        union = features.event_keys | story_keys
        events = len(features.event_keys & story_keys) / len(union) if union else 0.0
        w = self.params.text_weight
        return w * text + (1 - w) * events

    def add(self, features: ArticleFeatures) -> str:
        if features.id in self.assignment:
            return self.assignment[features.id]
        self.n_docs += 1
        self.df.update(features.terms.keys())
        best: Story | None = None
        best_score = self.params.threshold
        for story in self.stories:
            if not story.near(features.published, self.params.window_days):
                continue
            s = self.score(features, story)
            if s >= best_score:
                best, best_score = story, s
        if best is None:
            best = Story(f"S{len(self.stories) + 1}")
            self.stories.append(best)
        best.add(features)
        self.assignment[features.id] = best.id
        return best.id


def cluster(analyses: Iterable[Analysis], params: StoryParams | None = None) -> StoryIndex:
    index = StoryIndex(params or StoryParams())
    for analysis in sorted(analyses, key=lambda a: (a.article.published or date.min, a.article.id)):
        index.add(ArticleFeatures.of(analysis, index.params.lead_chars))
    return index


# --- cross-article events -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One real-world event as reported across a story's articles."""

    key: EventKey
    date: str | None
    reports: tuple[tuple[str, str], ...]  # (article id, event id)
    outlets: tuple[str, ...]

    @property
    def num_articles(self) -> int:
        return len({a for a, _ in self.reports})

    @property
    def num_sources(self) -> int:
        return len(self.outlets)

    def to_dict(self) -> dict[str, Any]:
        event, actors, recipients = self.key
        return {
            "event": event,
            "actor_countries": list(actors),
            "recipient_countries": list(recipients),
            "date": self.date,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "outlets": list(self.outlets),
            "reports": [{"article_id": a, "event_id": e} for a, e in self.reports],
        }


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: str | None) -> date | None:
    """The first day of an event date (``2015-03-11``, ``2015-03-11/2015-03-13``); None for a month, year or other."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None) -> int:
    first, second = _day(a), _day(b)
    if first is None or second is None:
        return 0
    return abs((first - second).days)


def merge_events(analyses: Sequence[Analysis], event_days: int = EVENT_DAYS) -> tuple[StoryEvent, ...]:
    """Events with the same key and near dates across articles become one StoryEvent."""
    groups: list[tuple[EventKey, str | None, list[tuple[str, str]], set[str]]] = []
    for analysis in analyses:
        outlet = analysis.article.outlet or "(no outlet)"
        for event in analysis.events:
            key = event_key(event)
            if key is None or event.negated:
                continue
            for gkey, gdate, reports, outlets in groups:
                if gkey == key and _days_apart(gdate, event.date) <= event_days:
                    reports.append((analysis.article.id, event.id))
                    outlets.add(outlet)
                    break
            else:
                groups.append((key, event.date, [(analysis.article.id, event.id)], {outlet}))
    return tuple(StoryEvent(k, d, tuple(r), tuple(sorted(o))) for k, d, r, o in groups)


# --- outlets --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    country: str | None
    ownership: str | None
    aliases: tuple[str, ...] = ()


def load_outlets(paths: Sequence[Path]) -> dict[str, Outlet]:
    """Outlet registry: TSV ``name, aliases (|-separated), country, ownership``; later files extend."""
    registry: dict[str, Outlet] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#") or line.startswith("name\t"):
                continue
            cells = line.split("\t")
            if len(cells) != 4:
                raise DictionaryError(str(path), number, f"expected 4 tab-separated columns, found {len(cells)}")
            name, aliases, country, ownership = (c.strip() for c in cells)
            outlet = Outlet(name, country or None, ownership or None, tuple(a for a in aliases.split("|") if a))
            for key in (name, *outlet.aliases):
                registry[key.lower()] = outlet
    return registry


def default_outlet_files() -> list[Path]:
    return [Path(__file__).parent / "data" / "outlets" / "outlets.tsv"]


# --- comparison -----------------------------------------------------------------------


def compare(analyses: Sequence[Analysis], outlets: dict[str, Outlet] | None = None) -> dict[str, Any]:
    """Side by side, per outlet: events reported and omitted, voices, loaded terms, tone, one-sidedness."""
    outlets = outlets or {}
    story_events = merge_events(analyses)
    by_outlet: dict[str, list[Analysis]] = {}
    for analysis in analyses:
        by_outlet.setdefault(analysis.article.outlet or "(no outlet)", []).append(analysis)
    columns: list[dict[str, Any]] = []
    for name, group in sorted(by_outlet.items()):
        ids = {a.article.id for a in group}
        reported = [i for i, se in enumerate(story_events) if any(a in ids for a, _ in se.reports)]
        voices: Counter[str] = Counter()
        words: Counter[str] = Counter()
        for a in group:
            for row in a.framing.sourcing:
                side = f"{row.country or '?'} {row.sector or '?'}"
                voices[side] += row.quotes
                words[side] += row.words
        authorial = Counter(t.text.lower() for a in group for t in a.framing.loaded if not t.attributed)
        tone: dict[str, list[float]] = {}
        parts: dict[str, list[float]] = {}
        for a in group:
            for side, value in (a.framing.summary.get("tone", {}).get("by_side") or {}).items():
                tone.setdefault(side, []).append(float(value))
            one_sided = a.framing.summary.get("one_sidedness") or {}
            for part, value in {"index": one_sided.get("index"), **(one_sided.get("parts") or {})}.items():
                if value is not None:
                    parts.setdefault(part, []).append(float(value))
        info = outlets.get(name.lower())
        columns.append(
            {
                "outlet": name,
                "country": info.country if info else None,
                "ownership": info.ownership if info else None,
                "articles": sorted(ids),
                "events_reported": reported,
                "events_omitted": [i for i in range(len(story_events)) if i not in reported],
                "voices": dict(voices.most_common()),
                "words_quoted": dict(words.most_common()),
                "authorial_loaded": dict(authorial.most_common(15)),
                "tone_by_side": {k: _mean(v) for k, v in sorted(tone.items())},
                "one_sidedness": {k: _mean(v) for k, v in parts.items()},
                "summary": [a.framing.summary for a in group],
            }
        )
    return {"events": [e.to_dict() for e in story_events], "outlets": columns}


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4)


def event_label(event: dict[str, Any]) -> str:
    """``ACCUSE AZE -> FRA 2015-03-11`` for a ``StoryEvent.to_dict()``."""
    actors = "+".join(event["actor_countries"]) or "?"
    recipients = "+".join(event["recipient_countries"])
    arrow = f"{actors} -> {recipients}" if recipients else actors
    return " ".join(p for p in (event["event"], arrow, (event.get("date") or "")[:10]) if p)


def compare_rows(result: dict[str, Any], top: int = 6) -> list[tuple[str, list[str]]]:
    """The comparison as (aspect, one cell per outlet) rows, for a side-by-side table in text or HTML."""
    events = result["events"]
    columns = result["outlets"]

    def cell(items: Sequence[str]) -> str:
        shown = list(items[:top])
        more = len(items) - len(shown)
        return "\n".join(shown + ([f"(+{more} more)"] if more > 0 else [])) or "-"

    def events_cell(indices: Sequence[int]) -> str:
        labels = [
            f"{event_label(events[i])} [{events[i]['num_sources']} src]"
            for i in sorted(indices, key=lambda i: (-events[i]["num_sources"], i))
        ]
        return cell(labels)

    rows: list[tuple[str, list[str]]] = [
        ("outlet", [f"{c['outlet']}\n{c['country'] or '?'}, {c['ownership'] or '?'}" for c in columns]),
        ("articles", [str(len(c["articles"])) for c in columns]),
        ("events reported", [events_cell(c["events_reported"]) for c in columns]),
        ("events omitted", [events_cell(c["events_omitted"]) for c in columns]),
        (
            "voices quoted (quotes, words)",
            [cell([f"{k}: {v}, {c['words_quoted'].get(k, 0)}w" for k, v in c["voices"].items()]) for c in columns],
        ),
        ("authorial loaded terms", [cell([f"{k} x{v}" for k, v in c["authorial_loaded"].items()]) for c in columns]),
        ("tone by side", [cell([f"{k}: {v:+.2f}" for k, v in c["tone_by_side"].items()]) for c in columns]),
        (
            "one-sidedness",
            [cell([f"{k}: {v:.2f}" for k, v in c["one_sidedness"].items()]) for c in columns],
        ),
    ]
    return rows
