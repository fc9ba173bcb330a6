"""Recipient attachment (issue 4): complements, target PPs, the actor's own objects, and roles' countries."""

from __future__ import annotations

from collections.abc import Callable

from tacitus import Analysis


def _events(analysis: Analysis, event: str) -> list[tuple[set[str | None], set[str | None]]]:
    return [
        ({a.country for a in e.actor}, {r.country for r in e.recipient}) for e in analysis.events if e.event == event
    ]


def test_request_recipient_is_the_subject_of_the_that_clause(analyze: Callable[..., Analysis]) -> None:
    assert ({"IRN"}, {"USA"}) in _events(analyze("Iran demanded that the United States lift sanctions."), "REQUEST")


def test_threat_recipient_is_the_target_of_the_threatened_act(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The United States threatened to impose sanctions on Russia.")
    assert ({"USA"}, {"RUS"}) in _events(a, "THREATEN")


def test_refused_request_names_who_asked(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The German government rejected a request by Turkey to hold a rally.")
    assert _events(a, "REJECT") == [({"DEU"}, {"TUR"})]
    assert not _events(a, "PROTEST")  # the rally is what was asked for, not an event


def test_aid_recipient_in_a_to_phrase_parsed_as_dative(analyze: Callable[..., Analysis]) -> None:
    assert ({"JPN"}, {"PHL"}) in _events(analyze("Japan provided aid to the Philippines."), "AID")


def test_recalled_own_ambassador_gives_the_country_recalled_from(analyze: Callable[..., Analysis]) -> None:
    assert ({"UKR"}, {"RUS"}) in _events(analyze("Ukraine recalled its ambassador from Russia."), "SANCTION")


def test_possessive_naming_the_actor_is_not_the_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Syrian government forces continued their attacks on Turkish troops.")
    assert ({"SYR"}, {"TUR"}) in _events(a, "ASSAULT")


def test_counterpart_takes_its_adjective_not_the_possessive(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Chinese foreign minister met his Russian counterpart in Beijing.")
    assert ({"CHN"}, {"RUS"}) in _events(a, "CONSULT")


def test_generic_role_does_not_take_another_roles_country(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The rebels freed three Filipino hostages.")
    rebels = next(x for x in a.actors if x.name.lower().startswith("rebel"))
    assert rebels.country is None
    assert ({None}, {"PHL"}) in _events(a, "RETREAT")


def test_role_still_takes_the_country_of_the_place_named(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Police arrested ten protesters in Cairo.")
    assert any("EGY" in actors for actors, _ in _events(a, "COERCE"))


def test_staged_strike_is_a_protest_despite_the_lemma_stag(analyze: Callable[..., Analysis]) -> None:
    assert _events(analyze("Workers staged a strike in South Africa."), "PROTEST")


def test_police_raid_is_coercion_not_assault(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Police raided the offices of the opposition party in Kenya.")
    assert _events(a, "COERCE") and not _events(a, "ASSAULT")


def test_recipients_the_visitor_acts_and_the_host_receives(analyze: Callable[..., Analysis]) -> None:
    e = next(e for e in analyze("Putin hosted Erdogan in Sochi.").events if e.event == "CONSULT")
    assert ({a.country for a in e.actor}, {r.country for r in e.recipient}) == ({"TUR"}, {"RUS"})


def test_recipients_an_extradited_person_goes_to_the_receiving_country(analyze: Callable[..., Analysis]) -> None:
    e = next(e for e in analyze("Spain extradited a Russian hacker to the United States.").events)
    assert (e.event, {r.country for r in e.recipient}) == ("COOPERATE", {"USA"})


def test_recipients_weapons_are_no_recipients(analyze: Callable[..., Analysis]) -> None:
    e = next(e for e in analyze("Syrian forces pounded the town with artillery.").events if e.event == "ASSAULT")
    assert not [r for r in e.recipient if r.text == "artillery"]


def test_recipients_the_place_of_an_uncoded_target_names_it(analyze: Callable[..., Analysis]) -> None:
    e = next(e for e in analyze("Iraqi troops captured the mosque in Mosul.").events)
    assert {r.country for r in e.recipient} == {"IRQ"} or {r.text for r in e.recipient} == {"Mosul"}


def test_they_after_two_coordinated_countries_makes_both_the_actor(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Armenia and Azerbaijan held talks in Geneva. They agreed to exchange prisoners.")
    assert ({"ARM", "AZE"}, set()) in _events(a, "AGREE")


def test_coordinated_demonyms_on_one_role_are_both_actors(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Ukrainian and Russian negotiators met in Istanbul.")
    assert _events(a, "CONSULT") == [({"UKR", "RUS"}, set())]
