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
    a = analyze("The Chinese foreign minister met his Russian counterpart in Geneva.")
    assert ({"CHN"}, {"RUS"}) in _events(a, "CONSULT")


def test_a_meeting_at_the_subjects_own_place_makes_the_other_side_the_visitor(
    analyze: Callable[..., Analysis],
) -> None:
    # PLOVER CONSULT: "the visitor will always be coded as the actor and the host will be the recipient"
    [met] = [e for e in analyze("The Chinese foreign minister met his Russian counterpart in Beijing.").events]
    assert (met.event, met.mode, met.cameo) == ("CONSULT", "visit", "042")
    assert ([a.country for a in met.actor], [r.country for r in met.recipient]) == (["RUS"], ["CHN"])
    [talks] = analyze("The Angolan president brokered talks between Rwanda and Congo in Luanda.").events
    assert [a.country for a in talks.actor] == ["AGO"]  # a mediator at home is no host of a visit


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
    # an agreed prisoner exchange is a promised release: CONCEDE (PLOVER manual, AGREE section)
    assert ({"ARM", "AZE"}, set()) in _events(a, "CONCEDE")


def test_coordinated_demonyms_on_one_role_are_both_actors(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Ukrainian and Russian negotiators met in Istanbul.")
    assert _events(a, "CONSULT") == [({"UKR", "RUS"}, set())]


def _tuples(analysis: Analysis, event: str) -> list[tuple[set[str | None], set[str | None], set[str]]]:
    return [
        ({a.country for a in e.actor}, {r.country for r in e.recipient}, {r.text for r in e.recipient})
        for e in analysis.events
        if e.event == event
    ]


def test_recipients_released_captives_are_the_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Belarus freed 12 Lithuanian truck drivers on Monday.")
    assert _tuples(a, "RETREAT") == [({"BLR"}, {"LTU"}, {"Lithuanian truck drivers"})]


def test_recipients_released_captives_of_the_actors_own_country_still_count(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Ethiopian government released 30 jailed journalists.")
    assert [t for _a, _c, t in _tuples(a, "RETREAT")] == [{"jailed journalists"}]


def test_recipients_refused_release_names_the_captives(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The rebels will not release the Kenyan engineers.")
    assert [c for _a, c, _t in _tuples(a, "REJECT")] == [{"KEN"}]


def test_recipients_withdrawn_troops_are_still_no_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Ireland withdrew its peacekeepers from the Golan Heights.")
    assert all("peacekeepers" not in t for e in a.events for t in {r.text for r in e.recipient})


def test_recipients_target_inside_what_is_given(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Norway provided 4 million dollars in emergency funding to Somalia.")
    assert _tuples(a, "AID") == [({"NOR"}, {"SOM"}, {"Somalia"})]


def test_recipients_target_of_the_sanctions_called_for(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Poland called for sanctions against Belarus.")
    assert _tuples(a, "REQUEST") == [({"POL"}, {"BLR"}, {"Belarus"})]


def test_recipients_both_sides_of_a_mediation_effort(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Qatar launched a mediation effort between Ethiopia and Eritrea.")
    assert _tuples(a, "CONSULT") == [({"QAT"}, {"ETH", "ERI"}, {"Ethiopia", "Eritrea"})]


def test_recipients_forces_mobilized_for_an_offensive_against_y(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Armenia mobilized its army for an offensive against Azerbaijan.")
    assert _tuples(a, "MOBILIZE") == [({"ARM"}, {"AZE"}, {"Azerbaijan"})]


def test_recipients_restrictions_in_relation_to_a_country(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Security Council imposed travel bans in relation to Mali in 2017.")
    assert [c for _a, c, _t in _tuples(a, "COERCE")] == [{"MLI"}]


def test_recipients_a_source_named_by_according_to_is_no_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Brazilian police arrested a Bolivian smuggler, according to Reuters.")
    assert [t for _a, _c, t in _tuples(a, "COERCE")] == [{"Bolivian smuggler"}]


def test_recipients_instrument_deep_in_the_phrase_is_no_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Kenyan army pounded al Shabaab positions with mortars.")
    assert [c for _a, c, _t in _tuples(a, "ASSAULT")] == [{"SOM"}]


def test_recipients_the_place_of_an_act_without_a_named_party(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The African Union suspended food deliveries in Sudan.")
    assert _tuples(a, "SANCTION") == [({"IGO"}, {"SDN"}, {"Sudan"})]


def test_recipients_the_place_of_a_peacekeeping_deployment(analyze: Callable[..., Analysis]) -> None:
    assert _tuples(analyze("Nepal deployed peacekeepers in Lebanon."), "AID") == [({"NPL"}, {"LBN"}, {"Lebanon"})]


def test_recipients_a_meeting_place_is_no_host(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Tunisian foreign minister held talks in Geneva.")
    assert _tuples(a, "CONSULT") == [({"TUN"}, set(), set())]


def test_recipients_whom_a_purpose_clause_helps(analyze: Callable[..., Analysis]) -> None:
    assert _tuples(analyze("Japan donated 50 ambulances to assist Ukraine."), "AID") == [
        ({"JPN"}, {"UKR"}, {"Ukraine"})
    ]


def test_recipients_the_subject_of_a_demand_clause_on_the_object_noun(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Iran reiterated its demand that Britain release the tanker.")
    assert _tuples(a, "REQUEST") == [({"IRN"}, {"GBR"}, {"Britain"})]


def test_recipients_partners_like_a_country_name_that_country(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The European Union urged partners like Brazil to cut emissions.")
    assert [c for _a, c, _t in _tuples(a, "REQUEST")] == [{"BRA"}]


def test_recipients_whose_ban_it_is_yields_to_whom_it_is_aimed_at(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Kazakhstan agreed to lift its ban on Russian grain.")  # a promised concession: CONCEDE
    assert _tuples(a, "CONCEDE") == [({"KAZ"}, {"RUS"}, {"Russian"})]


def test_recipients_borders_opened_to_refugees_name_the_refugees(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Armenia agreed to open its borders to Syrian refugees.")
    assert _tuples(a, "AGREE") == [({"ARM"}, {"SYR"}, {"Syrian refugees"})]


def test_recipients_own_weapons_laid_down_give_the_place_not_the_actor(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The rebels agreed to lay down their weapons in Mozambique.")
    assert [t for _a, _c, t in _tuples(a, "CONCEDE")] == [{"Mozambique"}]


def test_recipients_refusing_to_leave_ones_own_post_has_no_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The minister refused to resign from his post.")
    assert [t for _a, _c, t in _tuples(a, "REJECT")] == [set()]


def test_recipients_own_envoy_in_a_refused_act_gives_the_country_named(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Serbia refused to recall its ambassador from Montenegro.")
    assert [c for _a, c, _t in _tuples(a, "REJECT")] == [{"MNE"}]


def test_recipients_who_carried_out_what_is_condemned(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The Arab League condemned the raids carried out by Israeli forces.")
    assert _tuples(a, "ACCUSE") == [({"IGO"}, {"ISR"}, {"Israeli forces"})]


def test_recipients_a_mission_targets_the_country_it_is_sent_to(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Sweden sent investigators to Denmark to investigate the pipeline blasts.")
    assert _tuples(a, "ACCUSE") == [({"SWE"}, {"DNK"}, {"Denmark"})]


def test_recipients_own_forces_withdrawn_give_the_place_left(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Chad is willing to withdraw its soldiers from Niger.")
    assert _tuples(a, "CONCEDE") == [({"TCD"}, {"NER"}, {"Niger"})]


def test_recipients_own_forces_reinforced_give_the_place_not_the_forces(analyze: Callable[..., Analysis]) -> None:
    a = analyze("France strengthened its forces in Estonia.")
    assert _tuples(a, "MOBILIZE") == [({"FRA"}, {"EST"}, {"Estonia"})]


def test_recipients_a_team_of_peacekeepers_withdrawn_is_no_recipient(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Kenya Police withdrew the team of 50 peacekeepers from Haiti.")
    assert [t for _a, _c, t in _tuples(a, "SANCTION")] == [{"Haiti"}]


def test_recipients_who_did_what_is_condemned_not_its_victims(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Mexico condemned the killing of two Mexican migrants by US border agents.")
    assert [c for _a, c, _t in _tuples(a, "ACCUSE")] == [{"USA"}]


def test_recipients_by_phrase_hung_on_the_victim_names_the_nominal_actor(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The arrest of a Dutch aid worker by Ethiopian police sparked anger.")
    assert _tuples(a, "COERCE") == [({"ETH"}, {"NLD"}, {"Dutch aid worker"})]


def test_recipients_a_demand_rejected_names_who_made_it(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Ghana rejected a demand by Togo that it expel the rebels.")
    assert [c for _a, c, _t in _tuples(a, "REJECT")] == [{"TGO"}]


def test_a_denied_accusation_codes_nothing_nor_does_what_it_alleges(analyze: Callable[..., Analysis]) -> None:
    # CAMEO 016 (deny responsibility) has no PLOVER type in CAMEO2PLOVER; what the claim says was not told as done
    assert analyze("Ghana denied accusations by Togo that it harbours rebels.").events == ()
    assert analyze("Beijing denied reports that it was building a military base in Cambodia.").events == ()


def test_recipients_a_region_without_a_country_takes_the_country_it_is_of(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Venezuela threatened to annex the Essequibo region of Guyana.")
    assert _tuples(a, "THREATEN") == [({"VEN"}, {"GUY"}, {"Guyana"})]


def test_recipients_troops_massed_around_a_country_aim_at_it(analyze: Callable[..., Analysis]) -> None:
    assert _tuples(analyze("Russia massed troops around Ukraine."), "MOBILIZE") == [({"RUS"}, {"UKR"}, {"Ukraine"})]


def test_recipients_a_city_no_actor_names_is_the_place_of_the_act(analyze: Callable[..., Analysis]) -> None:
    text = "Russia declared a ceasefire in Aleppo on Sunday."
    a = analyze(text)
    assert _tuples(a, "CONCEDE") == [({"RUS"}, {"SYR"}, {"Aleppo"})]
    (place,) = next(e for e in a.events if e.event == "CONCEDE").recipient
    assert (place.start, place.end, place.sector, place.actor_id) == (
        text.index("Aleppo"),
        text.index(" on"),
        None,
        None,
    )


def test_recipients_a_place_the_tagger_calls_an_organisation_is_still_a_place(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Russia has strengthened its forces in Crimea amid rising tensions.")
    assert _tuples(a, "MOBILIZE") == [({"RUS"}, {"UKR"}, {"Crimea"})]


def test_recipients_the_place_may_hang_on_a_modifier_of_the_object(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Kenya imposed a curfew effective from Friday in Mombasa.")
    assert _tuples(a, "COERCE") == [({"KEN"}, {"KEN"}, {"Mombasa"})]


def test_recipients_the_place_of_a_purpose_clause_is_where_aid_goes(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Italy allocated 20 million euros to support reconstruction in Libya.")
    assert _tuples(a, "AID") == [({"ITA"}, {"LBY"}, {"Libya"})]


def test_recipients_troops_sent_to_an_international_mission_go_to_its_host(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Ghana is sending 400 troops to the UN peacekeeping mission in Lebanon.")
    assert _tuples(a, "AID") == [({"GHA"}, {"LBN"}, {"Lebanon"})]


def test_recipients_coordinated_actors_keep_the_third_party_they_act_towards(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Norway and Sweden expressed support to Ukraine.")
    assert _tuples(a, "SUPPORT") == [({"NOR", "SWE"}, {"UKR"}, {"Ukraine"})]
    assert all(not e.recipient for e in analyze("Norway and Sweden signed a trade agreement.").events)


def test_recipients_who_calls_someone_to_apologise_acts_on_whom_is_called(analyze: Callable[..., Analysis]) -> None:
    a = analyze("NATO Secretary General Jens Stoltenberg called Erdogan to apologize for the incident.")
    assert _tuples(a, "CONCEDE") == [({"IGO"}, {"TUR"}, {"Erdogan"})]


def test_recipients_a_call_on_sunday_to_discuss_is_no_call_on(analyze: Callable[..., Analysis]) -> None:
    a = analyze(
        "Kenyan President William Ruto called Tanzanian President Samia Suluhu Hassan on Sunday to discuss the dam."
    )
    assert _tuples(a, "CONSULT") == [({"KEN"}, {"TZA"}, {"Tanzanian President Samia Suluhu Hassan"})]
    assert _tuples(analyze("The UN called on Iran to release the prisoners."), "REQUEST") == [
        ({"IGO"}, {"IRN"}, {"Iran"})
    ]


def test_recipients_a_mission_goes_where_the_team_sent_goes(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The FBI is dispatching a team to Nairobi to investigate the bombing.")
    assert _tuples(a, "ACCUSE") == [({"USA"}, {"KEN"}, {"Nairobi"})]


def test_recipients_coordinated_prepositions_share_their_object(analyze: Callable[..., Analysis]) -> None:
    assert _tuples(analyze("Chile suspended flights to and from Brazil."), "SANCTION") == [
        ({"CHL"}, {"BRA"}, {"Brazil"})
    ]
    a = analyze("Japan lifted travel curbs to and from North Korea.")
    assert _tuples(a, "CONCEDE") == [({"JPN"}, {"PRK"}, {"North Korea"})]


def test_recipients_what_is_returned_goes_to_someone_before_any_at_phrase(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The museum returned the masks to Nigeria at its embassy in London.")
    assert [(c, t) for _a, c, t in _tuples(a, "RETREAT")] == [({"NGA"}, {"Nigeria"})]


def test_recipients_the_parties_of_a_dispute_an_effort_would_resolve(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Kuwait launched an initiative to end the dispute between Qatar and Saudi Arabia.")
    assert _tuples(a, "AGREE") == [({"KWT"}, {"QAT", "SAU"}, {"Qatar", "Saudi Arabia"})]


def test_recipients_a_threat_targets_whom_its_act_or_its_condition_concerns(analyze: Callable[..., Analysis]) -> None:
    a = analyze("China threatened to use force if Taiwan declared independence.")
    assert _tuples(a, "THREATEN")[0][:2] == ({"CHN"}, {"TWN"})
    a = analyze("The United States threatened to impose trade sanctions on Japan over its car market.")
    assert _tuples(a, "THREATEN")[0][:2] == ({"USA"}, {"JPN"})


def test_recipients_a_partner_with_whom_one_cooperates_comes_before_the_topic(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Jordan has shared intelligence with Israel on suspected Islamist militants.")
    assert _tuples(a, "COOPERATE")[0][:2] == ({"JOR"}, {"ISR"})


def test_people_of_no_named_country_are_the_coercing_states_own(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Chinese police detained more than 100 Falun Gong followers on Saturday.")
    assert _events(a, "COERCE") == [({"CHN"}, {"CHN"})]


def test_people_attacked_somewhere_are_that_places(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Russian troops killed five civilians in Grozny.")
    assert _events(a, "ASSAULT") == [({"RUS"}, {"RUS"})]
    # with no place, an attack on unnamed people says nothing of their country
    assert _events(analyze("Israeli troops killed two civilians."), "ASSAULT") == [({"ISR"}, {None})]


def test_a_bare_role_coordinated_with_a_qualified_one_shares_its_country(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Iran, which had held 15 British sailors and marines for two weeks, freed them on Wednesday.")
    assert _events(a, "RETREAT") == [({"IRN"}, {"GBR"})]
    # "US troops and rebels" are two sides: the rebels stay the country's where they fight
    b = analyze("US troops and rebels clashed near Kandahar.")
    assert any(x.name == "rebels" and x.country == "AFG" for x in b.actors)


def test_a_refusal_until_another_acts_is_aimed_at_that_party(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Obama said he will not lift the embargo until Cuba undertakes democratic reforms.")
    assert _events(a, "REJECT") == [({"USA"}, {"CUB"})]


def test_what_a_state_does_to_unnamed_people_is_done_to_its_own(analyze: Callable[..., Analysis]) -> None:
    a = analyze("France's conservative government ended mediation efforts with the truckers on Thursday.")
    assert _events(a, "SANCTION") == [({"FRA"}, {"FRA"})]


def test_a_bracketed_abbreviation_is_the_name_before_it(analyze: Callable[..., Analysis]) -> None:
    a = analyze("The UN Security Council imposed sanctions on the Central African Republic (CAR) on Monday.")
    assert _events(a, "SANCTION") == [({"IGO"}, {"CAF"})]
    assert [x.country for x in a.actors if x.name == "Central African Republic"] == ["CAF"]


def _implied(analysis: Analysis, event: str) -> list[tuple[str | None, str, bool]]:
    return [(r.country, r.text, r.implied) for e in analysis.events if e.event == event for r in e.recipient]


def test_a_states_act_with_no_one_named_is_aimed_at_home(analyze: Callable[..., Analysis]) -> None:
    text = "Myanmar's civilian president called for reform of the constitution."
    a = analyze(text)
    # implied, and pointing at the words that name the country: the actor's mention
    (ref,) = [r for e in a.events if e.event == "REQUEST" for r in e.recipient]
    assert (ref.country, ref.implied, ref.sector, ref.actor_id) == ("MMR", True, None, None)
    assert text[ref.start : ref.end] == ref.text and "Myanmar" in ref.text
    assert _implied(analyze("Egypt has lifted its state of emergency."), "RETREAT") == [("EGY", "Egypt", True)]


def test_a_named_recipient_is_not_implied(analyze: Callable[..., Analysis]) -> None:
    assert _implied(analyze("Iran demanded that the United States lift sanctions."), "REQUEST") == [
        ("USA", "the United States", False)
    ]


def test_one_foreign_country_in_the_sentence_is_the_aim_rather_than_home(analyze: Callable[..., Analysis]) -> None:
    a = analyze("Biden refused to lift sanctions to get Iran to the negotiating table.")
    assert [(c, imp) for c, _, imp in _implied(a, "REJECT")] == [("IRN", True)]
    # two foreign countries: no guess
    b = analyze("Sudan agreed to withdraw its troops, Egypt and Ethiopia said.")
    assert _events(b, "CONCEDE") == [({"SDN"}, set())]


def test_meetings_and_joint_acts_imply_no_recipient(analyze: Callable[..., Analysis]) -> None:
    # with no one named, whom France met is unknown, not France
    assert _events(analyze("France held talks on Monday."), "CONSULT") == [({"FRA"}, set())]
    # the PLOVER manual codes all parties of a joint act as actors, with no recipient
    assert _events(analyze("US and China have agreed to sign a first trade deal."), "AGREE") == [
        ({"USA", "CHN"}, set())
    ]


def test_an_act_of_state_authority_without_its_doer_has_the_place_as_implied_actor(
    analyze: Callable[..., Analysis],
) -> None:
    a = analyze("Hundreds of political prisoners have been released in Tripoli over the last few days.")
    (e,) = [e for e in a.events if e.event == "RETREAT"]
    assert [(r.text, r.country, r.implied, r.sector) for r in e.actor] == [("Tripoli", "LBY", True, None)]
    assert "Tripoli" not in {x.name for x in a.actors}  # only the event's reference carries it
    # an attack's doer is not inferred from where it happened
    (killed,) = [e for e in analyze("Ten civilians were killed in Kabul.").events if e.event == "ASSAULT"]
    assert killed.actor == ()


def test_a_show_of_force_is_aimed_at_the_one_foreign_state_named_else_at_home(
    analyze: Callable[..., Analysis],
) -> None:
    a = analyze("India placed its army on high alert along the border with Pakistan on Friday.")
    assert _tuples(a, "MOBILIZE") == [({"IND"}, {"PAK"}, {"Pakistan"})]
    (e,) = [e for e in a.events if e.event == "MOBILIZE"]
    assert [r.implied for r in e.recipient] == [True]
    home = analyze("Egyptian police were placed on maximum alert on Tuesday.")
    assert _tuples(home, "MOBILIZE") == [({"EGY"}, {"EGY"}, {"Egyptian police"})]
