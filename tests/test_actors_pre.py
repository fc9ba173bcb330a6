"""PLOVER's PRE sector: a partially recognised entity's actors carry the parent state's country and PRE
IN ADDITION to their own sector (PLOVER manual, "Partially recognized (disputed) entities")."""

from __future__ import annotations

from collections.abc import Callable

from tacitus import Analysis
from tacitus.model import Actor, ActorRef, Span


def _actor(result: Analysis, name: str) -> Actor:
    [actor] = [a for a in result.actors if a.name == name]
    return actor


def test_a_breakaway_entitys_officials_are_the_parent_state_with_gov_and_pre(
    analyze: Callable[..., Analysis],
) -> None:
    result = analyze("Transnistrian officials rejected the proposal from Chisinau on Tuesday.")
    officials = _actor(result, "Transnistrian officials")
    assert (officials.country, officials.sector, officials.sectors) == ("MDA", "GOV", ("GOV", "PRE"))
    # The parent state's own capital is not a breakaway actor.
    assert _actor(result, "Chisinau").sectors == ("GOV",)


def test_a_bare_breakaway_entity_is_the_parent_state_with_pre_only(analyze: Callable[..., Analysis]) -> None:
    result = analyze("Transnistria accused Moldova of blocking its exports last month.")
    entity = _actor(result, "Transnistria")
    assert (entity.country, entity.sector, entity.sectors) == ("MDA", "PRE", ("PRE",))
    assert _actor(result, "Moldova").sectors == ()


def test_an_events_actor_ref_carries_the_extra_pre_sector(analyze: Callable[..., Analysis]) -> None:
    result = analyze("Abkhaz officials met Russian diplomats in Geneva on Friday.")
    [meeting] = [e for e in result.events if e.event == "CONSULT"]
    assert [(r.text, r.country, r.sectors) for r in meeting.actor] == [("Abkhaz officials", "GEO", ("GOV", "PRE"))]
    assert [(r.text, r.sectors) for r in meeting.recipient] == [("Russian diplomats", ("GOV",))]


def test_a_description_and_a_pronoun_keep_the_pre_sector_of_their_antecedent(
    analyze: Callable[..., Analysis],
) -> None:
    text = (
        "The Transnistrian breakaway government said it would hold talks with Moldova. "
        "The breakaway government later rejected the offer."
    )
    result = analyze(text)
    refs = [r for e in result.events for r in e.actor]
    assert {r.text: r.sectors for r in refs} == {"it": ("GOV", "PRE"), "breakaway government": ("GOV", "PRE")}
    assert len({r.actor_id for r in refs}) == 1


def test_a_quote_speaker_carries_the_pre_sector(analyze: Callable[..., Analysis]) -> None:
    result = analyze('Transnistrian officials said on Monday that the plan was "a trap for our people".')
    speakers = [q.speaker_actor for q in result.quotes]
    assert speakers and all(s is not None and s.sectors == ("GOV", "PRE") for s in speakers)


def test_sectors_default_to_the_one_sector_and_keep_it_first() -> None:
    assert ActorRef("Kenya", 0, 5, "KEN", None, "A1").sectors == ()
    assert ActorRef("police", 0, 6, "KEN", "COP", "A1").sectors == ("COP",)
    assert ActorRef("officials", 0, 9, "MDA", "GOV", "A1", ("PRE", "GOV", "PRE")).sectors == ("GOV", "PRE")
    actor = Actor("A1", "officials", "MDA", "GOV", (Span("officials", 0, 9),), "org", ("PRE",))
    assert actor.sectors == ("GOV", "PRE") and actor.to_dict()["sectors"] == ["GOV", "PRE"]
