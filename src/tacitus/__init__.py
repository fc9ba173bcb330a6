"""tacitus: who did what to whom, who said what, and how it was told.

>>> from tacitus import Analyzer, Article
>>> analysis = Analyzer().analyze(Article(id="1", text="Kenya criticised Somalia."))
"""

from tacitus.errors import ConfigError, DictionaryError, InputError, StoreError, TacitusError
from tacitus.ingest import read_articles, read_path
from tacitus.model import (
    SCHEMA,
    Actor,
    ActorRef,
    Analysis,
    Article,
    Event,
    Framing,
    LoadedTerm,
    Place,
    Quote,
    SentenceScore,
    SourcingRow,
    Span,
)
from tacitus.pipeline import Analyzer, Resources
from tacitus.settings import Settings
from tacitus.store import Corpus

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Actor",
    "ActorRef",
    "Analysis",
    "Analyzer",
    "Article",
    "ConfigError",
    "Corpus",
    "DictionaryError",
    "Event",
    "Framing",
    "InputError",
    "LoadedTerm",
    "Place",
    "Quote",
    "Resources",
    "SentenceScore",
    "Settings",
    "SourcingRow",
    "Span",
    "StoreError",
    "TacitusError",
    "__version__",
    "read_articles",
    "read_path",
]
