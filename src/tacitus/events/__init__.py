"""Events: PLOVER v0.8 event coding on the dependency parse.

A trigger is a verb or an event noun whose lemma the lexicon knows (``lexicon.py``); the
most specific pattern over its dependents and subject picks the PLOVER event, mode and CAMEO
code (``match.py``). Speech verbs code demands and accusations (``speech.py``); event nouns, with
their light verbs, code nominal events (``nominal.py``); who does an act can change its type (a crowd's
blockade is a protest, a state's is coercion: ``doers.py``), and an act's unnamed parties are read from
the actor's country or the place (``domestic.py``).
Arguments come from the parse (``args.py``): subject or passive agent as actor, object
or prepositional target as recipient, control and coordination followed; coded actors come
from the actors stage (``ActorIndex.ref_at``). Date, negation, modality and place come from
the clause (``clause.py``). One clause reports one main event: events told inside another
event's clause are dropped, and the same event told twice is merged (``found.py``).
"""

from __future__ import annotations

from tacitus.events.extract import extract_events
from tacitus.events.lexicon import DATA, EVENT_TYPES, EventLexicon, read_event_lexicon
from tacitus.settings import Settings

__all__ = ["EVENT_TYPES", "EventLexicon", "extract_events", "load_event_lexicon"]


def load_event_lexicon(settings: Settings) -> EventLexicon:
    """The shipped event lexicon (CAMEO-derived verb patterns + hand-written PLOVER rows)."""
    return read_event_lexicon(DATA)
