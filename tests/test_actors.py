"""Actor recognition, coding and coreference on hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tacitus import Analysis, Analyzer, Article
from tacitus.actors import ActorIndex, find_actors
from tacitus.actors.lexicon import build_lexicon

Analyze = Callable[..., Analysis]


@pytest.fixture(scope="module")
def index(analyzer: Analyzer) -> Callable[..., tuple[ActorIndex, list[str]]]:
    """index(text, published) -> (ActorIndex, token texts)."""

    def run(text: str, published: date | None = date(2015, 3, 12)) -> tuple[ActorIndex, list[str]]:
        doc = analyzer.resources.nlp(text)
        actors = find_actors(doc, Article(id="t", text=text, published=published), analyzer.resources.actors)
        return actors, [t.text for t in doc]

    return run


def _code_of(idx: ActorIndex, words: list[str], word: str, nth: int = 0) -> tuple[str | None, str | None]:
    positions = [i for i, w in enumerate(words) if w == word]
    ref = idx.ref_at(positions[nth])
    assert ref is not None, f"no actor mention on {word!r}"
    return ref.country, ref.sector


def _actor_of(idx: ActorIndex, words: list[str], word: str, nth: int = 0) -> str | None:
    ref = idx.ref_at([i for i, w in enumerate(words) if w == word][nth])
    return ref.actor_id if ref else None


def test_capitals_and_seats_of_government_stand_for_governments(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index(
        "Kyiv rejected the plan. Pretoria and Canberra stayed silent, while Downing Street, "
        "the Elysee and the Kremlin issued statements."
    )
    assert _code_of(idx, words, "Kyiv") == ("UKR", "GOV")
    assert _code_of(idx, words, "Pretoria") == ("ZAF", "GOV")
    assert _code_of(idx, words, "Canberra") == ("AUS", "GOV")
    assert _code_of(idx, words, "Downing") == ("GBR", "GOV")
    assert _code_of(idx, words, "Elysee") == ("FRA", "GOV")
    assert _code_of(idx, words, "Kremlin") == ("RUS", "GOV")


def test_capital_in_a_locative_phrase_is_a_place_not_an_actor(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Protesters gathered in Kyiv on Sunday.")
    assert idx.ref_at(words.index("Kyiv")) is None
    assert _code_of(idx, words, "Protesters") == ("UKR", "CVL")


def test_demonym_and_possessive_give_the_role_its_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index(
        "Kenyan lawmakers met on Monday. Azerbaijan's foreign ministry protested, and the French Senate voted."
    )
    assert _code_of(idx, words, "lawmakers") == ("KEN", "LEG")
    assert _code_of(idx, words, "ministry") == ("AZE", "GOV")
    assert _code_of(idx, words, "Senate") == ("FRA", "LEG")
    mention = idx.mention_at(words.index("ministry"))
    assert mention is not None and mention.ref.text == "Azerbaijan's foreign ministry"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Nepali police arrested two men.", "NPL"),
        ("Swedish police arrested two men.", "SWE"),
        ("Sri Lankan police arrested two men.", "LKA"),
        ("Kazakh police arrested two men.", "KAZ"),
    ],
)
def test_adjectives_missing_from_phoenix_code_the_role(
    index: Callable[..., tuple[ActorIndex, list[str]]], sentence: str, country: str
) -> None:
    idx, words = index(sentence)
    assert _code_of(idx, words, "police") == (country, "COP")


def test_title_and_name_are_one_mention(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Armenian Foreign Minister Edward Nalbandian arrived on Tuesday.")
    ref = idx.ref_at(words.index("Nalbandian"))
    assert ref is not None and ref.text == "Armenian Foreign Minister Edward Nalbandian"
    assert (ref.country, ref.sector) == ("ARM", "GOV")
    assert idx.ref_at(words.index("Armenian")) == ref


def test_two_titled_people_in_a_coordination_stay_two(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Israeli Prime Minister Yitzhak Rabin and PLO chairman Yasser Arafat met in Cairo.")
    rabin, arafat = idx.ref_at(words.index("Rabin")), idx.ref_at(words.index("Arafat"))
    assert rabin is not None and arafat is not None
    assert (rabin.text, rabin.country) == ("Israeli Prime Minister Yitzhak Rabin", "ISR")
    assert (arafat.text, arafat.country) == ("PLO chairman Yasser Arafat", "PSE")


def test_an_agency_title_gives_its_head_the_agency_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("FBI Director Christopher Wray and Jakarta Governor Sutiyoso spoke.")
    assert _code_of(idx, words, "Wray") == ("USA", "GOV")
    assert _code_of(idx, words, "Sutiyoso")[0] == "IDN"


def test_apposition_names_the_role_and_the_surname_follows(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index(
        "Norway's deputy foreign minister, Kari Nordmann, arrived in Nairobi. Later Nordmann met Kenyan diplomats."
    )
    role = _actor_of(idx, words, "minister")
    assert role is not None
    assert _actor_of(idx, words, "Kari") == role
    assert _actor_of(idx, words, "Nordmann", 1) == role
    assert _code_of(idx, words, "Nordmann", 1) == ("NOR", "GOV")
    actor = idx.actor(role)
    assert actor is not None and [m.text for m in actor.mentions] == [
        "Norway's deputy foreign minister",
        "Kari Nordmann",
        "Nordmann",
    ]


def test_pro_kurdish_deputies_are_deputies_of_the_country_in_context(analyzer: Analyzer) -> None:
    text = "In the Turkish parliament in Ankara, a group of pro-Kurdish deputies walked out."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    words = [t.text for t in doc]
    assert _code_of(idx, words, "deputies") == ("TUR", "LEG")
    assert not any(m.ref.text == "Kurdish" or m.ref.country == "KUR" for m in idx.mentions)
    ref = idx.head_ref(doc[words.index("group")])
    assert ref is not None and (ref.country, ref.sector) == ("TUR", "LEG")


def test_an_ethnic_group_is_no_citizen_of_the_country_it_is_named_after(analyzer: Analyzer) -> None:
    text = "Macedonian police clashed with ethnic Albanian rebels near Tetovo."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    rebels = next(m.ref for m in idx.mentions if m.ref.text.endswith("rebels"))
    assert rebels.country != "ALB"
    assert _code_of(idx, [t.text for t in doc], "police") == ("MKD", "COP")


def test_a_group_noun_after_a_role_joins_its_mention_so_they_points_at_it(analyzer: Analyzer) -> None:
    a = analyzer.analyze(Article(id="t", text="Iraqi militia groups said they would hand over their weapons."))
    militia = next(x for x in a.actors if x.country == "IRQ")
    assert [m.text for m in militia.mentions] == ["Iraqi militia groups", "they", "their"]


def test_head_ref_of_a_group_noun_is_the_actor_in_its_of_phrase(analyzer: Analyzer) -> None:
    text = "A group of Kenyan lawmakers walked out."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    ref = idx.head_ref(doc[1])
    assert ref is not None and (ref.country, ref.sector) == ("KEN", "LEG")


def test_coordinated_demonyms_make_two_actors_of_one_role(analyzer: Analyzer) -> None:
    text = "Chilean and Peruvian diplomats signed the accord."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    head = doc[3]
    assert head.text == "diplomats"
    refs = idx.refs_for(head)
    assert [(r.country, r.sector) for r in refs] == [("CHL", "GOV"), ("PER", "GOV")]
    assert len({r.actor_id for r in refs}) == 2
    assert idx.ref_at(head) is not None and idx.ref_at(head).country == "PER"  # type: ignore[union-attr]


def test_partially_recognised_entity_is_pre_with_the_parent_state(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Transnistria rejected the offer. Tiraspol and Sukhumi stayed silent.")
    assert _code_of(idx, words, "Transnistria") == ("MDA", "PRE")
    assert _code_of(idx, words, "Sukhumi") == ("GEO", "PRE")


def test_role_of_a_partially_recognised_entity_keeps_its_own_sector(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    # PLOVER manual: the Transnistrian breakaway government is GOV *and* PRE; with one sector field
    # the role's sector comes first, and the entity stays apart from the parent state's roles.
    text = "Transnistrian officials met Moldovan officials, and the Abkhaz military shelled a village."
    idx, words = index(text)
    assert _code_of(idx, words, "officials", 0) == ("MDA", "GOV")
    assert _code_of(idx, words, "officials", 1) == ("MDA", "GOV")
    assert _actor_of(idx, words, "officials", 0) != _actor_of(idx, words, "officials", 1)
    assert _code_of(idx, words, "military") == ("GEO", "MIL")
    ref = idx.ref_at(words.index("military"))
    assert ref is not None and (ref.text, ref.start, ref.end) == ("Abkhaz military", 56, 71)
    actor = idx.actor(_actor_of(idx, words, "officials"))
    assert actor is not None and actor.name == "Transnistrian officials"


def test_leaders_are_coded_by_the_publication_date(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Obama criticised the decision.", published=date(2012, 6, 1))
    assert _code_of(idx, words, "Obama") == ("USA", "GOV")
    idx, words = index("Obama criticised the decision.", published=date(2019, 6, 1))
    assert _code_of(idx, words, "Obama") == ("USA", "ELI")


def test_it_added_resolves_to_the_ministry(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index('Azerbaijan\'s foreign ministry accused Armenia of shelling. "Russia must act," it added.')
    ministry = _actor_of(idx, words, "ministry")
    assert _actor_of(idx, words, "it") == ministry
    assert _code_of(idx, words, "it") == ("AZE", "GOV")
    mention = idx.mention_at(words.index("it"))
    assert mention is not None and mention.how == "pronoun"


def test_person_and_plural_pronouns_find_compatible_antecedents(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index(
        "Kenyan police detained two activists after Somali President Hassan Sheikh Mohamud spoke. "
        "He said they had broken the law."
    )
    assert _code_of(idx, words, "He") == ("SOM", "GOV")
    they = idx.ref_at(words.index("they"))
    assert they is not None and they.sector in ("COP", "CVL")


def test_a_role_owned_by_a_pronoun_takes_the_owners_country(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    # three states in the sentence leave the context ambiguous; "its" says whose minister it is
    idx, words = index(
        "Iran said that its deputy foreign minister had held talks with Taliban officials on drivers stranded "
        "in Afghanistan."
    )
    assert _code_of(idx, words, "minister") == ("IRN", "GOV")


def test_definite_description_joins_the_earlier_actor(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("The French Senate passed the bill. Two days later the senate voted again.")
    assert _actor_of(idx, words, "senate") == _actor_of(idx, words, "Senate")
    assert _code_of(idx, words, "senate") == ("FRA", "LEG")


def test_pleonastic_it_is_not_an_actor(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("The Kremlin met on Monday. It is likely that sanctions will follow.")
    assert idx.ref_at(words.index("It")) is None


def test_unknown_named_entities_are_kept_uncoded(analyze: Analyze) -> None:
    analysis = analyze("Sir Reginald Thistlewood-Pim met executives of Globodyne Industries in Paris.")
    uncoded = [a for a in analysis.actors if a.country is None]
    names = " ".join(a.name for a in uncoded)
    assert "Globodyne" in names or "Thistlewood" in names


def test_every_actor_mention_slices_the_text(analyze: Analyze) -> None:
    text = (
        "Norway's deputy foreign minister, Kari Nordmann, said the ministry would respond. "
        '"We reject it," she added. Chilean and Peruvian diplomats met the UN Security Council.'
    )
    analysis = analyze(text)
    assert len(analysis.actors) >= 4
    for actor in analysis.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_user_actor_file_codes_new_names(analyzer: Analyzer) -> None:
    data = Path(__file__).parent / "data" / "actors"
    lexicon = build_lexicon([], [data / "user.tsv", data / "sample.actors"])
    text = "King Rudolf thanked the Zorblat Front."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text, published=date(1997, 1, 1)), lexicon)
    codes = sorted((r.ref.country, r.ref.sector) for r in idx.mentions)
    assert codes == [("KEN", "REB"), ("RUT", "GOV")]


def test_dateline_capital_is_not_an_actor(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("KYIV, June 11 (Reuters) - Russian forces shelled Kharkiv.")
    assert idx.ref_at(words.index("KYIV")) is None
    assert _code_of(idx, words, "forces") == ("RUS", "MIL")


def test_recipient_after_to_or_from_is_an_actor(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Turkey suspended flights to Armenia, and Russia withdrew troops from Syria.")
    assert _code_of(idx, words, "Armenia") == ("ARM", None)
    assert _code_of(idx, words, "Syria") == ("SYR", None)


def test_capital_after_to_from_or_with_of_an_exchange_is_a_government(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    text = "Seoul demanded an apology from Tokyo. Kyiv sent a letter to Moscow and held talks with Washington."
    idx, words = index(text)
    for word, start, country in (("Tokyo", 31, "JPN"), ("Moscow", 60, "RUS"), ("Washington", 87, "USA")):
        ref = idx.ref_at(words.index(word))
        assert ref is not None, word
        assert (ref.text, ref.start, ref.end, ref.country, ref.sector) == (
            word,
            start,
            start + len(word),
            country,
            "GOV",
        )


def test_capital_as_a_destination_or_origin_stays_a_place(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("The team flew to Kyiv on Monday and returned from Moscow on a trip to Beijing.")
    for word in ("Kyiv", "Moscow", "Beijing"):
        assert idx.ref_at(words.index(word)) is None, word


def _refs_on(idx: ActorIndex, words: list[str], word: str) -> list[tuple[str, int, int, str | None, str | None]]:
    i = words.index(word)
    return [(r.text, r.start, r.end, r.country, r.sector) for r in idx.refs_in(i, i + 1)]


def test_they_after_coordinated_countries_stands_for_both(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Armenia and Azerbaijan met in Geneva. They agreed to a ceasefire.")
    assert _refs_on(idx, words, "They") == [("They", 38, 42, "ARM", None), ("They", 38, 42, "AZE", None)]
    they = idx.mention_at(words.index("They"))
    assert they is not None and they.how == "pronoun"
    assert _actor_of(idx, words, "Armenia") != _actor_of(idx, words, "Azerbaijan")
    armenia = idx.actor(_actor_of(idx, words, "Armenia"))
    assert armenia is not None and [(m.text, m.start) for m in armenia.mentions] == [("Armenia", 0), ("They", 38)]


def test_refs_for_they_gives_every_coordinated_party(analyzer: Analyzer) -> None:
    text = "Chilean and Peruvian diplomats met. They signed the accord."
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id="t", text=text), analyzer.resources.actors)
    they = doc[6]
    assert they.text == "They"
    assert [(r.text, r.country, r.sector) for r in idx.refs_for(they)] == [
        ("They", "CHL", "GOV"),
        ("They", "PER", "GOV"),
    ]


def test_they_after_one_plural_actor_stays_one(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Kenyan lawmakers met on Monday. They rejected the budget.")
    assert _refs_on(idx, words, "They") == [("They", 32, 36, "KEN", "LEG")]


def test_both_sides_and_the_two_countries_stand_for_the_pair_named_before(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Israel and Hamas traded fire. Both sides accused each other.")
    assert _refs_on(idx, words, "sides") == [
        ("Both sides", 30, 40, "ISR", None),
        ("Both sides", 30, 40, "PSE", "REB"),
    ]
    idx, words = index("Germany signed a deal with France. The two governments agreed to cooperate.")
    assert _refs_on(idx, words, "governments") == [
        ("The two governments", 35, 54, "DEU", "GOV"),
        ("The two governments", 35, 54, "FRA", "GOV"),
    ]


def test_both_sides_of_a_border_are_not_the_parties(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("India and China massed troops on both sides of the border.")
    assert idx.ref_at(words.index("sides")) is None


def test_both_sides_urged_by_a_third_party_are_the_other_two(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Russia accused Ukraine of shelling, and France urged both sides to talk.")
    assert [r[3] for r in _refs_on(idx, words, "sides")] == ["RUS", "UKR"]


def test_generic_nouns_do_not_borrow_the_main_country_across_sentences(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("France criticised Germany. Officials said people were angry. Lawmakers met.")
    assert _code_of(idx, words, "Officials") == (None, "GOV")
    assert _code_of(idx, words, "people") == (None, "CVL")
    assert _code_of(idx, words, "Lawmakers") == ("FRA", "LEG")  # a specific role still takes it
    idx, words = index("French police said people were hurt in Lyon.")
    assert _code_of(idx, words, "people") == ("FRA", "CVL")  # its own sentence names the country


def test_counterpart_takes_only_its_own_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Lavrov called his counterpart on Monday, and the Russian minister met his Turkish counterpart.")
    assert _refs_on(idx, words, "counterpart") == [("counterpart", 18, 29, None, "GOV")]
    ref = idx.ref_at([i for i, w in enumerate(words) if w == "counterpart"][1])
    assert ref is not None and (ref.text, ref.country, ref.sector) == ("Turkish counterpart", "TUR", "GOV")


def test_country_word_before_a_group_names_its_branch(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Pakistani Taliban militants attacked a police station, and the Afghan Taliban denied it.")
    ref = idx.ref_at(words.index("militants"))
    assert ref is not None and (ref.text, ref.start, ref.country, ref.sector) == (
        "Pakistani Taliban militants",
        0,
        "PAK",
        "REB",
    )
    ref = idx.ref_at(words.index("Afghan"))
    assert ref is not None and (ref.text, ref.start, ref.country, ref.sector) == ("Afghan Taliban", 63, "AFG", "REB")
    assert _actor_of(idx, words, "militants") != _actor_of(idx, words, "Afghan")


def test_armed_wing_takes_the_coding_of_its_organisation(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Hamas's armed wing fired rockets, and the armed wing of Hamas claimed the attack.")
    first = idx.ref_at(words.index("wing"))
    assert first is not None and (first.text, first.start, first.country, first.sector) == (
        "Hamas's armed wing",
        0,
        "PSE",
        "REB",
    )
    second = idx.ref_at([i for i, w in enumerate(words) if w == "wing"][1])
    assert second is not None and (second.text, second.start, second.country) == ("armed wing of Hamas", 42, "PSE")


def test_possessive_of_an_uncoded_role_is_not_part_of_the_next_role(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("The militia's military wing attacked a checkpoint.")
    ref = idx.ref_at(words.index("wing"))
    assert ref is not None and ref.text == "military wing"


def test_title_in_a_historical_name_gives_the_sector_of_the_story(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    # Olmert was prime minister 2006-2009: on a 2015 date the title in the text, not "former", says GOV.
    idx, words = index("Israeli Prime Minister Ehud Olmert met Abbas.", published=date(2015, 3, 12))
    ref = idx.ref_at(words.index("Olmert"))
    assert ref is not None and (ref.text, ref.country, ref.sector) == (
        "Israeli Prime Minister Ehud Olmert",
        "ISR",
        "GOV",
    )
    idx, words = index("Former Prime Minister Ehud Olmert met Abbas.", published=date(2015, 3, 12))
    assert _code_of(idx, words, "Olmert") == ("ISR", "ELI")


def test_intelligence_services_suspects_and_households_are_coded_roles(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index(
        "Russian intelligence services hacked a bank. Police detained several suspects in 550 households."
    )
    ref = idx.ref_at(words.index("services"))
    assert ref is not None and (ref.text, ref.start, ref.end, ref.country, ref.sector) == (
        "Russian intelligence services",
        0,
        29,
        "RUS",
        "SPY",
    )
    assert _code_of(idx, words, "suspects")[1] == "CRM"
    assert _code_of(idx, words, "households")[1] == "CVL"


def test_capital_receiving_a_transfer_or_aimed_at_is_a_party(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    for text, word, start, country in (
        ("Israel returned the bodies to Beirut.", "Beirut", 30, "LBN"),
        ("The Houthis fired missiles at Riyadh.", "Riyadh", 30, "SAU"),
    ):
        idx, words = index(text)
        ref = idx.ref_at(words.index(word))
        assert ref is not None, word
        assert (ref.text, ref.start, ref.country, ref.sector) == (word, start, country, "GOV")
    idx, words = index("The delegation returned to Beirut and met at Riyadh.")
    assert idx.ref_at(words.index("Beirut")) is None
    assert idx.ref_at(words.index("Riyadh")) is None


def test_capital_left_to_places_is_not_an_unknown_entity(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Ghanaian traders flew to Abuja on Monday, Nigerian leaders said.")
    assert idx.ref_at(words.index("Abuja")) is None
    assert _code_of(idx, words, "leaders") == ("NGA", "GOV")


def test_adjacent_country_words_qualify_one_role(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Greek Cypriot leaders met the Vatican.")
    ref = idx.ref_at(words.index("leaders"))
    assert ref is not None and (ref.text, ref.start, ref.country, ref.sector) == (
        "Greek Cypriot leaders",
        0,
        "CYP",
        "GOV",
    )
    assert idx.refs_in(0, 3) == (ref,)
    assert _code_of(idx, words, "Vatican") == ("VAT", "GOV")


def test_possessive_country_codes_the_role_or_organisation_after_it(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Russia's defence minister warned Iran's Revolutionary Guards.")
    minister = idx.ref_at(words.index("minister"))
    assert minister is not None
    assert (minister.text, minister.start, minister.end, minister.country, minister.sector) == (
        "Russia's defence minister",
        0,
        25,
        "RUS",
        "GOV",
    )
    guards = idx.ref_at(words.index("Guards"))
    assert guards is not None and (guards.text, guards.start, guards.country, guards.sector) == (
        "Revolutionary Guards",
        40,
        "IRN",
        "MIL",
    )


def test_role_word_inside_an_unknown_name_does_not_split_it(analyze: Analyze) -> None:
    analysis = analyze("The Tigray People's Liberation Front signed the deal.", published=date(2022, 11, 3))
    names = [a.name for a in analysis.actors]
    assert "Tigray People's Liberation Front" in names
    assert not any(a.name in ("Liberation Front", "People") for a in analysis.actors)


def test_title_wins_over_a_dictionary_person_whose_offices_ended(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("UN Secretary-General Kofi Annan arrived in Nairobi.", published=date(2012, 1, 1))
    ref = idx.ref_at(words.index("Annan"))
    assert ref is not None and ref.text.startswith("UN Secretary-General")
    assert ref.country == "IGO"


def test_demonym_plural_names_people_of_the_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Hundreds of Somalis crossed the border.")
    assert _code_of(idx, words, "Somalis") == ("SOM", None)


def test_shorter_entry_is_tried_when_the_longest_does_not_fit(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    # Phoenix has the agent "EMBASSY_IN", which must not swallow the preposition.
    idx, words = index("The Chinese embassy in London rejected the claims.")
    assert _code_of(idx, words, "embassy") == ("CHN", "GOV")
    assert idx.ref_at(words.index("London")) is None


def test_ministry_of_country_is_an_organisation_for_it(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Kenyan athletes flew to Addis Ababa. The foreign ministry of Ethiopia said it was pleased.")
    assert _code_of(idx, words, "ministry") == ("ETH", "GOV")
    assert _actor_of(idx, words, "it") == _actor_of(idx, words, "ministry")
    assert idx.ref_at(words.index("Addis")) is None


@pytest.mark.parametrize("name", ["motion_row.txt", "ceasefire.txt", "shelling.txt"])
def test_every_mention_belongs_to_a_listed_actor_and_mentions_do_not_overlap(analyzer: Analyzer, name: str) -> None:
    text = (Path(__file__).resolve().parent.parent / "examples" / name).read_text(encoding="utf-8")
    doc = analyzer.resources.nlp(text)
    idx = find_actors(doc, Article(id=name, text=text, published=date(2020, 1, 1)), analyzer.resources.actors)
    ids = {a.id for a in idx.actors}
    assert len(idx.mentions) > 10
    assert {m.ref.actor_id for m in idx.mentions} == ids
    covered: set[int] = set()
    shared: set[tuple[int, int, int]] = set()
    for m in idx.mentions:
        span = set(range(m.tok_start, m.tok_end))
        # Only a phrase standing for several coordinated parties ("the two sides") repeats, exactly.
        if m.group >= 0 and (m.tok_start, m.tok_end, m.group) in shared:
            assert m.how in ("pronoun", "description")
        else:
            assert not span & covered
        covered |= span
        if m.how in ("pronoun", "description") and m.group >= 0:
            shared.add((m.tok_start, m.tok_end, m.group))
        assert text[m.ref.start : m.ref.end] == m.ref.text
    by_actor = {a.id: len(a.mentions) for a in idx.actors}
    assert sum(by_actor.values()) == len(idx.mentions)


def _mention(idx: ActorIndex, text: str) -> tuple[str, int, int, str | None, str | None]:
    m = next(m for m in idx.mentions if m.ref.text == text)
    return (m.ref.text, m.ref.start, m.ref.end, m.ref.country, m.ref.sector)


def test_victims_take_the_place_attacked_not_the_attackers_demonym(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("The Israeli airstrike on Gaza killed four people.")
    assert _mention(idx, "people") == ("people", 42, 48, "PSE", "CVL")
    assert _mention(idx, "Israeli") == ("Israeli", 4, 11, "ISR", None)
    idx, _ = index("Turkish drone strikes killed five people in northern Syria.")
    assert _mention(idx, "people") == ("people", 34, 40, "SYR", "CVL")


def test_victims_with_no_place_named_take_no_country_from_the_attacker(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("A Saudi-led coalition raid on a market killed 14 civilians.")
    assert _mention(idx, "civilians") == ("civilians", 49, 58, None, "CVL")


def test_people_sent_or_withdrawn_belong_to_the_sender(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, _ = index("Nigeria withdrew 200 peacekeepers from Liberia in March.")
    assert _mention(idx, "peacekeepers") == ("peacekeepers", 21, 33, "NGA", "MIL")


def test_aid_agencies_are_ngos_and_households_civilians(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, _ = index("The militia blocked aid agencies from reaching families in Darfur.")
    assert _mention(idx, "aid agencies") == ("aid agencies", 20, 32, "NGO", "SOC")
    assert _mention(idx, "families") == ("families", 47, 55, "SDN", "CVL")


def test_local_councils_inspectors_and_the_ltte_are_coded(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, _ = index("The Kirkuk provincial council rejected the ruling.")
    assert _mention(idx, "Kirkuk provincial council") == ("Kirkuk provincial council", 4, 29, "IRQ", "GOV")
    idx, _ = index("Iraq expelled the UNSCOM weapons inspectors.")
    assert _mention(idx, "UNSCOM weapons inspectors") == ("UNSCOM weapons inspectors", 18, 43, "IGO", "GOV")
    idx, _ = index("Sri Lankan troops overran two LTTE bases.")
    assert _mention(idx, "LTTE") == ("LTTE", 30, 34, "LKA", "REB")


def test_undated_article_codes_a_titled_leader_by_the_title_in_the_text(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("Kenyan President Uhuru Kenyatta met Ethiopian officials.", published=None)
    assert _mention(idx, "Kenyan President Uhuru Kenyatta") == ("Kenyan President Uhuru Kenyatta", 0, 31, "KEN", "GOV")
    idx, _ = index("Former President Uhuru Kenyatta met Ethiopian officials.", published=None)
    assert _mention(idx, "Former President Uhuru Kenyatta")[3:] == ("KEN", "ELI")


def test_a_sponsor_before_a_group_is_not_its_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, _ = index("Iran-backed militias attacked the base, Iraqi officials said.")
    assert _mention(idx, "militias") == ("militias", 12, 20, None, "REB")
    assert _mention(idx, "Iran") == ("Iran", 0, 4, "IRN", None)


def test_who_leads_a_force_owns_it(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, _ = index("The Saudi-led coalition launched air strikes on NATO-led peacekeepers.")
    assert _mention(idx, "Saudi-led coalition") == ("Saudi-led coalition", 4, 23, "SAU", "MIL")
    assert _mention(idx, "NATO-led peacekeepers")[3] == "IGO"


def test_a_role_before_a_hyphen_qualifies_the_role_after_it(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("Algeria's army-backed government promised to hold free elections.")
    assert _mention(idx, "Algeria's army-backed government") == (
        "Algeria's army-backed government",
        0,
        32,
        "DZA",
        "GOV",
    )
    assert len(idx.actors) == 1  # no separate "Algeria's army"


def test_victims_of_a_demonym_warplane_take_the_place_struck(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("Israeli jets struck targets in Gaza City overnight, killing 11 people.")
    assert _mention(idx, "people") == ("people", 63, 69, "PSE", "CVL")


def test_forces_an_actor_is_urged_to_withdraw_are_that_actors(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("The European Union urged Eritrea to withdraw its forces from the region.")
    assert _mention(idx, "forces") == ("forces", 49, 55, "ERI", "MIL")


def test_armed_groups_phoenix_places_in_a_region_have_their_country(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("Fatah and the LRA rejected the plan.")
    assert _mention(idx, "Fatah") == ("Fatah", 0, 5, "PSE", "REB")
    assert _mention(idx, "LRA") == ("LRA", 14, 17, "UGA", "REB")


def test_places_named_after_another_country_and_western_sahara(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, _ = index("Northern Ireland police arrested two men. Western Sahara rejected the offer.")
    assert _mention(idx, "Northern Ireland police") == ("Northern Ireland police", 0, 23, "GBR", "COP")
    assert _mention(idx, "Western Sahara") == ("Western Sahara", 42, 56, "MAR", "PRE")


def test_foreign_or_occupying_forces_take_no_country_from_the_land_they_are_in(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Foreign troops must leave Libya, the Libyan parliament said.")
    assert _code_of(idx, words, "troops") == (None, "MIL")
    idx, words = index("The council demanded the withdrawal of occupying forces from Azerbaijani territory.")
    assert _code_of(idx, words, "forces") == (None, "MIL")
    idx, words = index("Libyan troops must leave Sirte, the Libyan parliament said.")  # a country word of its own
    assert _code_of(idx, words, "troops") == ("LBY", "MIL")


def test_land_forces_withdraw_from_is_not_their_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Troops withdrew from Syrian territory on Monday.")
    assert _code_of(idx, words, "Troops") == (None, "MIL")
    idx, words = index("Israel withdrew its troops from Lebanese soil.")  # the sender's forces
    assert _code_of(idx, words, "troops") == ("ISR", "MIL")


def test_it_after_a_named_armed_group_is_the_group(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Hamas said it would honour the truce.")
    assert _actor_of(idx, words, "it") == _actor_of(idx, words, "Hamas")
    assert _code_of(idx, words, "it") == ("PSE", "REB")
    idx, words = index("The rebels said it was a trap.")  # a role in the plural is never "it"
    assert idx.ref_at(words.index("it")) is None


def test_tplf_is_an_ethiopian_rebel_group(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("The Tigray People's Liberation Front signed the deal. The TPLF said it would honour it.")
    assert _code_of(idx, words, "Front") == ("ETH", "REB")
    assert _actor_of(idx, words, "TPLF") == _actor_of(idx, words, "Front")


def test_people_in_or_from_a_place_are_of_its_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("USAID provided shelter materials to people in Haiti.")
    assert _code_of(idx, words, "people") == ("HTI", "CVL")
    assert _code_of(idx, words, "USAID") == ("USA", "GOV")
    idx, words = index("Refugees from Syria protested in Athens.")
    assert _code_of(idx, words, "Refugees") == ("SYR", "REF")


def test_agencies_and_groups_named_by_acronym(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("In Colombia, the ELN declared a ceasefire. ICE returned the paintings. DPKO sent monitors.")
    assert _code_of(idx, words, "ELN") == ("COL", "REB")
    assert _code_of(idx, words, "ICE") == ("USA", "COP")
    assert _code_of(idx, words, "DPKO")[0] == "IGO"


def test_a_government_in_a_place_is_its_government(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Chad extended formal recognition to the new government in Niger.")
    assert _code_of(idx, words, "government") == ("NER", "GOV")


@pytest.mark.parametrize(("published", "code"), [(date(1998, 10, 6), "SCG"), (date(2015, 3, 12), "SRB")])
def test_a_capital_is_coded_as_its_state_is_on_the_day(
    index: Callable[..., tuple[ActorIndex, list[str]]], published: date, code: str
) -> None:
    # Belgrade follows the Phoenix entry of Serbia, as "Serbian" does: one state, one code in a story
    idx, words = index("Belgrade rejected the plan, Serbian officials said.", published)
    assert _code_of(idx, words, "Belgrade") == (code, "GOV")
    assert _code_of(idx, words, "Serbian")[0] == code


def test_a_region_of_several_states_is_no_country(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("The Mercosur bloc of South American countries agreed a deal with American negotiators.")
    assert _code_of(idx, words, "American", 0)[0] is None  # "South American" is not the United States
    assert _code_of(idx, words, "American", 1)[0] == "USA"


def test_a_name_preceded_by_another_states_adjective_takes_that_state(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Saudi King Abdullah met Jordan's King Abdullah.", published=date(2010, 5, 1))
    assert _code_of(idx, words, "Abdullah", 0) == ("SAU", "GOV")
    assert _code_of(idx, words, "Abdullah", 1) == ("JOR", "GOV")


def test_roles_take_their_country_from_an_owner_or_from_where_they_act(
    index: Callable[..., tuple[ActorIndex, list[str]]],
) -> None:
    idx, words = index("Nasrallah said his fighters would strike Israel.")
    assert _code_of(idx, words, "fighters")[0] == "LBN"
    idx, words = index("Militias attacked a US base in Iraq.")
    assert _code_of(idx, words, "Militias")[0] == "IRQ"
    idx, words = index("Gunmen from the Somali group al-Shabaab attacked a mall in Nairobi.")
    assert _code_of(idx, words, "Gunmen")[0] == "SOM"


def test_british_and_american_spellings_name_one_body(index: Callable[..., tuple[ActorIndex, list[str]]]) -> None:
    idx, words = index("Russia refused to join the North Atlantic Treaty Organisation exercises.")
    assert _code_of(idx, words, "Organisation") == ("IGO", "MIL")
