"""Quote extraction on hand-written sentences: one test per shape, with exact spans and speakers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tacitus import Analysis
from tacitus.model import Quote

Analyze = Callable[..., Analysis]


def _quotes(analyze: Analyze, text: str) -> tuple[Quote, ...]:
    quotes = analyze(text).quotes
    for q in quotes:
        for span in (q.speaker, q.cue, q.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return quotes


def _only(analyze: Analyze, text: str) -> Quote:
    quotes = _quotes(analyze, text)
    assert len(quotes) == 1, [q.content.text for q in quotes]
    return quotes[0]


def test_quotes_direct_speaker_after_the_quote(analyze: Analyze) -> None:
    text = '"We will not retreat," the ministry said.'
    q = _only(analyze, text)
    assert q.content.text == "We will not retreat"
    assert (q.content.start, q.content.end) == (1, 20)
    assert q.speaker is not None and q.speaker.text == "the ministry"
    assert q.cue is not None and q.cue.text == "said"
    assert q.cue_lemma == "say" and q.cue_stance == "neutral"
    assert q.direct is True


def test_quotes_direct_speaker_before_the_quote_with_colon(analyze: Analyze) -> None:
    q = _only(analyze, 'The ministry said: "We will not retreat."')
    assert q.content.text == "We will not retreat."
    assert q.speaker is not None and q.speaker.text == "The ministry"
    assert q.cue is not None and q.cue.text == "said"


def test_quotes_curly_marks_and_inverted_speaker_with_apposition(analyze: Analyze) -> None:
    text = "“The border will stay closed,” said Olaf Scholz, the German chancellor."
    q = _only(analyze, text)
    assert q.content.text == "The border will stay closed"
    assert q.speaker is not None and q.speaker.text == "Olaf Scholz, the German chancellor"
    assert q.speaker_actor is not None and "Scholz" in q.speaker_actor.text


def test_quotes_split_quote_is_two_quotes_sharing_speaker_and_cue(analyze: Analyze) -> None:
    text = '"The talks are over," she said, "and we will not return."'
    q1, q2 = _quotes(analyze, text)
    assert (q1.id, q2.id) == ("Q1", "Q2")
    assert q1.content.text == "The talks are over"
    assert q2.content.text == "and we will not return."
    assert q1.speaker == q2.speaker and q1.speaker is not None and q1.speaker.text == "she"
    assert q1.cue == q2.cue and q1.cue is not None and q1.cue.text == "said"


def test_quotes_continuation_quote_after_attribution_keeps_the_speaker(analyze: Analyze) -> None:
    text = '"The attack was repelled," the spokesman said. "Nobody was hurt."'
    q1, q2 = _quotes(analyze, text)
    assert q2.content.text == "Nobody was hurt."
    assert q2.speaker is not None and q2.speaker.text == "the spokesman"
    assert q1.cue == q2.cue


def test_quotes_second_quote_right_after_a_colon_quote_keeps_the_speaker(analyze: Analyze) -> None:
    q1, q2 = _quotes(analyze, 'The minister said: "We are ready." "We will talk to anyone."')
    assert q2.content.text == "We will talk to anyone."
    assert q1.speaker == q2.speaker and q2.speaker is not None and q2.speaker.text == "The minister"


def test_quotes_quote_running_over_two_paragraphs_is_one_quote(analyze: Analyze) -> None:
    text = 'The minister said: "We are ready to talk.\n\n"But we will not give up any territory."'
    q = _only(analyze, text)
    assert q.content.text == 'We are ready to talk.\n\n"But we will not give up any territory.'
    assert q.speaker is not None and q.speaker.text == "The minister"


def test_quotes_unbalanced_marks_do_not_hide_the_good_quotes(analyze: Analyze) -> None:
    text = (
        'The army said: "The attack was repelled.\n\n'
        'The ministry said: "No civilians were hurt."\n\n'
        '"We will respond," the president said." Talks resume on Monday.'
    )
    quotes = _quotes(analyze, text)
    contents = [q.content.text for q in quotes if q.direct]
    assert "No civilians were hurt." in contents
    assert "We will respond" in contents
    by_content = {q.content.text: q for q in quotes}
    speaker = by_content["We will respond"].speaker
    assert speaker is not None and speaker.text == "the president"


def test_quotes_partial_quote_governed_by_a_cue_verb(analyze: Analyze) -> None:
    text = 'The ministry dismissed the report, branding it "reckless".'
    quotes = _quotes(analyze, text)
    partial = [q for q in quotes if q.content.text == "reckless"]
    assert len(partial) == 1
    q = partial[0]
    assert q.direct is True
    assert q.cue is not None and q.cue.text == "branding"
    assert q.cue_stance == "accuse"
    assert q.speaker is not None and q.speaker.text == "The ministry"


def test_quotes_scare_quotes_and_titles_are_not_quotes(analyze: Analyze) -> None:
    assert _quotes(analyze, 'The self-styled "National Salvation Council" met in the capital on Tuesday.') == ()
    assert _quotes(analyze, 'The institute published a report titled "The Road to Peace" on Monday.') == ()


def test_quotes_quoted_words_inside_reported_speech_stay_in_the_indirect_quote(analyze: Analyze) -> None:
    text = 'The spokeswoman said the campaign would "compete vigorously for the nomination."'
    q = _only(analyze, text)
    assert q.content.text == 'the campaign would "compete vigorously for the nomination."'
    assert q.direct is False
    assert q.speaker is not None and q.speaker.text == "The spokeswoman"


def test_quotes_indirect_said_that(analyze: Analyze) -> None:
    q = _only(analyze, "President Putin said that the talks had failed.")
    assert q.content.text == "that the talks had failed"
    assert q.direct is False
    assert q.speaker is not None and q.speaker.text == "President Putin"
    assert q.speaker_actor is not None and "Putin" in q.speaker_actor.text


def test_quotes_indirect_without_that_and_told_reporters(analyze: Analyze) -> None:
    q = _only(analyze, "Officials told reporters the border would stay closed.")
    assert q.content.text == "the border would stay closed"
    assert q.speaker is not None and q.speaker.text == "Officials"
    assert q.cue is not None and q.cue.text == "told" and q.cue_lemma == "tell"


def test_quotes_according_to(analyze: Analyze) -> None:
    q = _only(analyze, "According to the United Nations, 300 people died in the fighting.")
    assert q.content.text == "300 people died in the fighting"
    assert q.speaker is not None and q.speaker.text == "the United Nations"
    assert q.cue is not None and q.cue.text == "According to"
    assert q.cue_lemma == "according to"


def test_quotes_accused_of(analyze: Analyze) -> None:
    q = _only(analyze, "The minister accused Ukraine of shelling the plant.")
    assert q.content.text == "Ukraine of shelling the plant"
    assert q.speaker is not None and q.speaker.text == "The minister"
    assert q.cue_stance == "accuse"


def test_quotes_called_for_codes_the_speaker_country(analyze: Analyze) -> None:
    q = _only(analyze, "Germany called for an immediate ceasefire.")
    assert q.content.text == "an immediate ceasefire"
    assert q.cue is not None and q.cue.text == "called for" and q.cue_lemma == "call for"
    assert q.speaker_actor is not None and q.speaker_actor.country == "DEU"


def test_quotes_parenthetical_cue_splits_the_reported_clause(analyze: Analyze) -> None:
    quotes = _quotes(analyze, "This campaign, he says, is different.")
    assert [q.content.text for q in quotes] == ["This campaign", "is different"]
    assert {q.cue.text for q in quotes if q.cue} == {"says"}
    assert {q.speaker.text for q in quotes if q.speaker} == {"he"}
    q = _only(analyze, "The talks will fail, the minister said on Tuesday.")
    assert q.content.text == "The talks will fail"
    assert q.speaker is not None and q.speaker.text == "the minister"


def test_quotes_said_in_a_statement_speaker_is_the_author(analyze: Analyze) -> None:
    q = _only(analyze, "The Foreign Ministry said in a statement that the sanctions were illegal.")
    assert q.speaker is not None and q.speaker.text == "The Foreign Ministry"
    assert q.cue is not None and q.cue.text == "said in a statement"
    assert q.content.text == "that the sanctions were illegal"


def test_quotes_document_as_speaker_recovers_its_author(analyze: Analyze) -> None:
    q = _only(analyze, 'A statement from the Russian foreign ministry read: "The sanctions are illegal."')
    assert q.speaker is not None and q.speaker.text == "A statement from the Russian foreign ministry"
    assert q.cue is not None and q.cue.text == "read"
    assert q.speaker_actor is not None and q.speaker_actor.country == "RUS"


@pytest.mark.parametrize(
    ("verb", "lemma", "stance"),
    [
        ("claimed", "claim", "doubt"),
        ("admitted", "admit", "concede"),
        ("insisted", "insist", "insist"),
        ("confirmed", "confirm", "endorse"),
        ("denied", "deny", "deny"),
        ("said", "say", "neutral"),
    ],
)
def test_quotes_cue_stance_comes_from_the_lexicon(analyze: Analyze, verb: str, lemma: str, stance: str) -> None:
    q = _only(analyze, f"The rebels {verb} that the town had fallen.")
    assert q.cue is not None and q.cue.text == verb
    assert (q.cue_lemma, q.cue_stance) == (lemma, stance)


def test_quotes_cue_span_keeps_auxiliaries(analyze: Analyze) -> None:
    q = _only(analyze, "The government has repeatedly denied that troops crossed the border.")
    assert q.cue is not None and q.cue.text == "has repeatedly denied"
    assert q.cue_lemma == "deny"
    q = _only(analyze, "The government, however, denied that troops crossed the border.")
    assert q.cue is not None and q.cue.text == "denied"


def test_quotes_without_a_cue_have_no_speaker(analyze: Analyze) -> None:
    text = 'Fighting resumed on Monday.\n\n"Nobody knows how long this will last."'
    q = _only(analyze, text)
    assert q.content.text == "Nobody knows how long this will last."
    assert q.speaker is None and q.speaker_actor is None and q.cue is None


def test_quotes_ids_follow_text_order(analyze: Analyze) -> None:
    text = (
        "Officials said the border would reopen. "
        '"We are ready," the minister said. '
        "According to the army, the road was cleared."
    )
    quotes = _quotes(analyze, text)
    assert [q.id for q in quotes] == [f"Q{i}" for i in range(1, len(quotes) + 1)]
    assert [q.content.start for q in quotes] == sorted(q.content.start for q in quotes)
    assert len(quotes) == 3


def test_quotes_pronoun_chain_across_three_sentences_resolves_to_ministry(analyze: Analyze) -> None:
    text = (
        "Russia's foreign ministry condemned the strike on Monday. "
        "It said the attack violated the ceasefire. "
        '"We will respond," it added.'
    )
    quotes = _quotes(analyze, text)
    last = quotes[-1]
    assert last.content.text == "We will respond"
    assert last.speaker is not None and last.speaker.text == "it"
    assert last.speaker_actor is not None and last.speaker_actor.country == "RUS"
    middle = [q for q in quotes if q.cue is not None and q.cue.text == "said"]
    assert middle and middle[0].speaker_actor is not None and middle[0].speaker_actor.country == "RUS"


def test_quotes_naming_verb_takes_object_and_label_as_content(analyze: Analyze) -> None:
    q = _only(analyze, "The senator called the proposal a disaster.")
    assert q.content.text == "the proposal a disaster"
    assert q.cue is not None and q.cue.text == "called"
    assert q.speaker is not None and q.speaker.text == "The senator"


def test_quotes_dateline_is_not_part_of_the_speaker(analyze: Analyze) -> None:
    q = _only(analyze, "KYIV (Reuters) — Ukraine's foreign minister said the talks had failed.")
    assert q.speaker is not None and q.speaker.text == "Ukraine's foreign minister"


def test_quotes_speaker_after_a_misparsed_dateline_is_the_nearer_subject(analyze: Analyze) -> None:
    # the parser makes "BAKU" a second subject of "said"; the speaker is the subject next to the verb
    text = 'BAKU, March 12 (Caspian Wire) - Azerbaijan\'s foreign ministry said the motion was "hostile".'
    q = _only(analyze, text)
    assert q.speaker is not None and q.speaker.text == "Azerbaijan's foreign ministry"
    assert q.speaker_actor is not None and (q.speaker_actor.country, q.speaker_actor.sector) == ("AZE", "GOV")


def test_quotes_content_of_a_lead_does_not_include_its_dateline(analyze: Analyze) -> None:
    text = "KYIV, June 11 (Frontline Daily) - Russian forces shelled Kharkiv, Ukraine's emergency service said."
    q = _only(analyze, text)
    assert q.content.text == "Russian forces shelled Kharkiv"
    assert q.speaker is not None and q.speaker.text == "Ukraine's emergency service"
