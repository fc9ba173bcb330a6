"""Places: toponyms resolved offline to gazetteer entries.

``find_places`` recognises and resolves toponyms (see :mod:`tacitus.where.recognise`);
``place_for_clause`` gives the events stage the place attached to an event's clause.
"""

from __future__ import annotations

from tacitus.settings import Settings
from tacitus.where.clause import place_for_clause
from tacitus.where.gazetteer import Gazetteer, default_path, read_gazetteer
from tacitus.where.recognise import PlaceMention, find_places

__all__ = ["Gazetteer", "PlaceMention", "find_places", "load_gazetteer", "place_for_clause"]


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The shipped gazetteer, read once per process (about 0.3 s)."""
    return read_gazetteer(default_path("gazetteer.tsv.gz"), default_path("names.tsv.gz"), default_path("stoplist.txt"))
