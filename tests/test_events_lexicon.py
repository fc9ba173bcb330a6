"""The event lexicon files: they load, merge as documented, and refuse malformed rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tacitus.errors import DictionaryError
from tacitus.events import EVENT_TYPES
from tacitus.events.lexicon import DATA, read_event_lexicon

FILES = ("cameo_verbs.tsv", "cameo_synsets.tsv", "manual.tsv", "plover_types.tsv")


def _copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def test_event_lexicon_ships_a_quad_and_score_for_every_plover_type() -> None:
    lexicon = read_event_lexicon(DATA)
    assert set(lexicon.quads) == set(EVENT_TYPES)
    assert lexicon.quad("SANCTION") == "VERBAL_CONFLICT"
    assert lexicon.score("CONSULT", "visit") == 4
    assert lexicon.score("CONSULT", "no-such-mode") == 2.5


def test_event_lexicon_manual_default_replaces_the_cameo_default() -> None:
    lexicon = read_event_lexicon(DATA)
    defaults = [p for p in lexicon.verbs["withdraw"] if not p.slots]
    assert len(defaults) == 1
    assert defaults[0].sense is not None
    assert (defaults[0].sense.event, defaults[0].sense.mode) == ("RETREAT", "withdraw")


def test_event_lexicon_silenced_lemma_keeps_only_manual_patterns() -> None:
    lexicon = read_event_lexicon(DATA)
    assert all(p.manual for p in lexicon.verbs["hold"])
    assert "express" in lexicon.verbs  # silenced, but its manual pattern "express support" remains
    assert all(p.manual for p in lexicon.verbs["express"])


def test_event_lexicon_tilde_drops_only_the_cameo_default() -> None:
    lexicon = read_event_lexicon(DATA)
    patterns = lexicon.verbs["boost"]
    bare = [p for p in patterns if not p.slots]
    assert [p.sense for p in bare] == [None]  # "boosted" alone codes nothing (CAMEO: 060)
    coded = {p.sense.cameo for p in patterns if p.slots and p.sense is not None and not p.manual}
    assert {"030", "0311", "050"} <= coded  # CAMEO's "boost * bid", "economic link", "diplomatic offensive"


def test_event_lexicon_cameo_codes_survive_conversion() -> None:
    lexicon = read_event_lexicon(DATA)
    codes = {p.sense.cameo for ps in lexicon.verbs.values() for p in ps if p.sense and not p.manual}
    assert {"111", "173", "190"} <= codes


def test_event_lexicon_rejects_a_repeated_manual_row(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "manual.tsv").open("a", encoding="utf-8") as f:
        f.write("verb\tcondemn\t\tACCUSE\tdisapprove\t\t111\n")
    with pytest.raises(DictionaryError, match="repeats line"):
        read_event_lexicon(folder)


def test_event_lexicon_rejects_an_unknown_event_type(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "manual.tsv").open("a", encoding="utf-8") as f:
        f.write("verb\tfrobnicate\t\tDEMAND\t\t\t100\n")
    with pytest.raises(DictionaryError, match="unknown PLOVER event 'DEMAND'"):
        read_event_lexicon(folder)


def test_event_lexicon_subject_slots_and_alternatives() -> None:
    lexicon = read_event_lexicon(DATA)
    kill = lexicon.verbs["kill"]
    earthquake = [p for p in kill if p.slots == (frozenset({"<earthquake"}),)]
    assert len(earthquake) == 1 and earthquake[0].sense is None and earthquake[0].subject_only
    # "* (BY/WITH SANCTIONS)" -> one slot with both prepositions
    assert any(frozenset({"by", "with"}) in p.slots for ps in lexicon.verbs.values() for p in ps)
    # subject slots rank below slots on the dependents
    assert max(kill, key=lambda p: p.rank).rank[0] >= 1
