"""End to end on the example articles the project ships: the facts a reader would check."""

from __future__ import annotations

from collections.abc import Callable

from tacitus import Analysis, Event


def _events(analysis: Analysis, kind: str, trigger: str) -> list[Event]:
    return [e for e in analysis.events if e.event == kind and e.trigger.text == trigger]


def _countries(refs: tuple[object, ...]) -> set[str | None]:
    return {getattr(r, "country", None) for r in refs}


def test_ministry_condemns_parliament_on_the_day_the_text_gives(example: Callable[[str], Analysis]) -> None:
    analysis = example("motion_row.txt")
    [condemned] = _events(analysis, "ACCUSE", "condemned")
    assert [(a.country, a.sector) for a in condemned.actor] == [("AZE", "GOV")]
    assert (condemned.date, condemned.date_from, condemned.date_text) == ("2015-03-11", "text", "Wednesday")
    assert condemned.modality == "asserted" and not condemned.negated


def test_it_added_is_tied_to_the_ministry(example: Callable[[str], Analysis]) -> None:
    analysis = example("motion_row.txt")
    [added] = [q for q in analysis.quotes if q.cue and q.cue.text == "added"]
    assert added.speaker is not None and added.speaker.text == "It"
    assert added.speaker_actor is not None
    assert (added.speaker_actor.country, added.speaker_actor.sector) == ("AZE", "GOV")
    assert added.content.text.startswith('that France "can no longer claim to be an impartial mediator')


def test_old_un_resolution_keeps_its_own_date_and_is_historical(example: Callable[[str], Analysis]) -> None:
    [resolution] = [e for e in example("motion_row.txt").events if e.date == "1993-04-30"]
    assert resolution.modality == "historical" and resolution.date_from == "text"
    assert _countries(resolution.actor) == {"IGO"}


def test_ceasefire_signed_weeks_or_years_earlier_is_dated_from_the_text(example: Callable[[str], Analysis]) -> None:
    [signed] = _events(example("motion_row.txt"), "SUPPORT", "signed")
    assert _countries(signed.actor) == {"AZE", "ARM"}
    assert (signed.date, signed.date_granularity, signed.modality) == ("1994-05", "month", "historical")


def test_mediation_group_named_after_a_city_is_an_actor_not_a_place(example: Callable[[str], Analysis]) -> None:
    analysis = example("motion_row.txt")
    assert any(a.name == "OSCE Minsk Group" and a.country == "IGO" for a in analysis.actors)
    assert "Minsk" not in {p.text for p in analysis.places}


def test_ceasefire_agreement_is_dated_and_placed(example: Callable[[str], Analysis]) -> None:
    [signed] = _events(example("ceasefire.txt"), "SUPPORT", "signed")
    assert "ETH" in _countries(signed.actor) and len(signed.actor) == 2
    assert (signed.date, signed.date_from) == ("2022-11-02", "text")
    assert signed.location is not None and signed.location.name == "Pretoria"
    assert signed.location.country == "ZAF"


def test_shelling_late_on_monday_is_the_day_before_publication(example: Callable[[str], Analysis]) -> None:
    [shelled] = _events(example("shelling.txt"), "ASSAULT", "shelled")
    assert [(a.country, a.sector) for a in shelled.actor] == [("RUS", "MIL")]
    assert "UKR" in _countries(shelled.recipient)
    assert (shelled.date, shelled.date_from) == ("2024-06-10", "text")


def test_one_sides_vocabulary_is_told_apart_from_quoted_words(example: Callable[[str], Analysis]) -> None:
    loaded = example("shelling.txt").framing.loaded
    authorial = {t.text.lower() for t in loaded if not t.attributed}
    quoted = {t.text.lower() for t in loaded if t.attributed}
    assert {"martyrs", "brutal", "regime"} <= authorial
    assert {"terrorist", "aggression"} <= quoted
