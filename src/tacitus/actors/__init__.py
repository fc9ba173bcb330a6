"""Actors: recognise mentions in a parsed Doc and code them to PLOVER country + sector.

The result of the stage is an :class:`ActorIndex`: the coded actors with all their mentions
(names, role descriptions, resolved pronouns and descriptions), and token-level lookups that
the event and quote stages use to turn a subject or object token into an
:class:`~tacitus.model.ActorRef`.

The dictionary (:class:`ActorLexicon`) is built from the TSV files in
``src/tacitus/data/actors/`` (hand-written files first, then the converted Phoenix
dictionaries) and any user files in ``Settings.actor_files`` (tacitus TSV or Phoenix
``.actors``), which take precedence.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tacitus.actors.index import ActorIndex, ActorMention
from tacitus.actors.lexicon import ActorEntry, ActorLexicon, Coding, build_lexicon, default_cache_dir, read_actor_file
from tacitus.actors.recognize import find_actors
from tacitus.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

#: Shipped dictionaries in precedence order: for a phrase named twice, the earlier file wins.
SHIPPED = (
    "institutions.tsv",
    "partial.tsv",
    "leaders.tsv",
    "capitals.tsv",
    "roles.tsv",
    "demonyms.tsv",
    "countries.tsv",
    "places.tsv",
    "phoenix_countries.tsv",
    "phoenix_international.tsv",
    "phoenix_nonstate.tsv",
    "phoenix_agents.tsv",
)


def load_actor_lexicon(settings: Settings) -> ActorLexicon:
    """The shipped dictionaries plus ``settings.actor_files`` (which win; each override is logged as a
    warning and kept in ``ActorLexicon.notes``). The parsed shipped files are cached under
    :func:`~tacitus.actors.lexicon.default_cache_dir` (``$TACITUS_CACHE_DIR`` to move it)."""
    lexicon = build_lexicon([DATA / name for name in SHIPPED], settings.actor_files, default_cache_dir())
    log = logging.getLogger(__name__)
    for note in lexicon.notes:
        log.warning("actor dictionary override: %s", note)
    return lexicon


__all__ = [
    "ActorEntry",
    "ActorIndex",
    "ActorLexicon",
    "ActorMention",
    "Coding",
    "find_actors",
    "load_actor_lexicon",
    "read_actor_file",
]
