"""The stages in order: Article -> Analysis.

This is the one place that lists the stages. Each stage is a plain function in
its own module; the lexicons and gazetteers they need are loaded once into
:class:`Resources`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.actors import ActorLexicon, find_actors, load_actor_lexicon
from tacitus.errors import InputError
from tacitus.events import EventLexicon, extract_events, load_event_lexicon
from tacitus.framing import FramingLexicon, analyze_framing, load_framing_lexicon
from tacitus.model import Analysis, Article
from tacitus.nlp import load_pipeline
from tacitus.quotes import CueLexicon, extract_quotes, load_cue_lexicon
from tacitus.settings import Settings
from tacitus.when import find_times
from tacitus.where import Gazetteer, find_places, load_gazetteer


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the stages read, loaded once per process."""

    nlp: Language
    actors: ActorLexicon
    events: EventLexicon
    cues: CueLexicon
    gazetteer: Gazetteer
    framing: FramingLexicon

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        return cls(
            nlp=load_pipeline(settings),
            actors=load_actor_lexicon(settings),
            events=load_event_lexicon(settings),
            cues=load_cue_lexicon(settings),
            gazetteer=load_gazetteer(settings),
            framing=load_framing_lexicon(settings),
        )


class Analyzer:
    """Analyzes articles. Build one per process and reuse it: loading costs seconds."""

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None) -> None:
        self.settings = settings or Settings.load()
        self.resources = resources or Resources.load(self.settings)

    def check(self, article: Article) -> None:
        """Raise :class:`InputError` for an article that cannot be analyzed."""
        if not article.text.strip():
            raise InputError(article.source, "the text is empty", "remove the article or give it text")
        if len(article.text) > self.settings.max_chars:
            raise InputError(
                article.source,
                f"the text has {len(article.text):,} characters, more than the limit of {self.settings.max_chars:,}",
                "split the article, or raise the limit with TACITUS_MAX_CHARS",
            )

    def analyze(self, article: Article) -> Analysis:
        self.check(article)
        return self.analyze_doc(article, self.resources.nlp(article.text))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyze in input order, parsing in batches. Articles must pass :meth:`check`."""
        batch: list[Article] = []
        for article in articles:
            self.check(article)
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Analysis]:
        docs = self.resources.nlp.pipe([a.text for a in batch], batch_size=len(batch))
        for article, doc in zip(batch, docs, strict=True):
            yield self.analyze_doc(article, doc)

    def analyze_doc(self, article: Article, doc: Doc) -> Analysis:
        res = self.resources
        actors = find_actors(doc, article, res.actors)
        times = find_times(doc, article.published)
        places = find_places(doc, actors, res.gazetteer)
        quotes = extract_quotes(doc, actors, res.cues)
        # events code a place's country as the actors stage codes states on the day ("Belgrade" in 1999 is SCG)
        dated = tuple(
            replace(m, place=replace(m.place, country=res.actors.country_on(m.place.country, article.published)))
            for m in places
        )
        events = extract_events(doc, article.published, actors, times, dated, quotes, res.events)
        framing = analyze_framing(doc, actors, quotes, events, res.framing)
        return Analysis(
            article=article,
            actors=actors.actors,
            events=events,
            quotes=quotes,
            places=tuple(p.place for p in places),
            framing=framing,
        )
