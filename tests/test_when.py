"""Dates: each shape resolved against the publication date, with exact values."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date

import pytest

from conftest import EXAMPLE_DATES, EXAMPLES
from tacitus import Analyzer
from tacitus.bench.dates import dev_set_path, evaluate, load_dev_set
from tacitus.when import TimeExpr, _fallback, find_times
from tacitus.when.resolution import Context
from tacitus.when.rules import resolve_phrase

THU = date(2015, 3, 12)  # a Thursday
SAT_NEW_YEAR = date(2016, 1, 2)  # a Saturday, two days into the year

Times = Callable[[str, date | None], tuple[TimeExpr, ...]]


@pytest.fixture(scope="module")
def times(analyzer: Analyzer) -> Times:
    def run(text: str, published: date | None) -> tuple[TimeExpr, ...]:
        return find_times(analyzer.resources.nlp(text), published)

    return run


def one(found: tuple[TimeExpr, ...], text: str) -> TimeExpr:
    """The expression that covers ``text``."""
    hits = [t for t in found if text in t.text]
    assert len(hits) == 1, f"{text!r} not found once in {[t.text for t in found]}"
    return hits[0]


def test_weekday_before_publication_is_earlier_that_week(times: Times) -> None:
    t = one(times("Rebels attacked the town late on Tuesday, officials said.", THU), "Tuesday")
    assert (t.value, t.granularity) == ("2015-03-10", "day")


def test_weekday_equal_to_publication_weekday_is_that_day(times: Times) -> None:
    t = one(times("Protesters gathered outside parliament on Thursday.", THU), "Thursday")
    assert t.value == "2015-03-12"


def test_weekday_in_future_clause_points_ahead(times: Times) -> None:
    assert one(times("The two leaders will meet on Friday in Geneva.", THU), "Friday").value == "2015-03-13"
    assert one(times("The two leaders met on Friday in Geneva.", THU), "Friday").value == "2015-03-06"


def test_next_and_last_weekday(times: Times) -> None:
    assert one(times("The summit opens next Monday.", date(2024, 6, 11)), "Monday").value == "2024-06-17"
    assert one(times("Negotiators met again last Thursday.", THU), "Thursday").value == "2015-03-05"


def test_day_month_without_year_stays_before_new_year_publication(times: Times) -> None:
    assert one(times("Fighting erupted on 28 December.", SAT_NEW_YEAR), "28 December").value == "2015-12-28"
    assert one(times("The agreement was signed on March 20.", THU), "March 20").value == "2014-03-20"


def test_day_month_without_year_in_future_clause_is_ahead(times: Times) -> None:
    found = times("The new government will take office on January 15.", SAT_NEW_YEAR)
    assert one(found, "January 15").value == "2016-01-15"


def test_day_month_takes_year_from_same_sentence(times: Times) -> None:
    found = times("NATO's campaign in 1999 began on 24 March and lasted 78 days.", THU)
    assert one(found, "24 March").value == "1999-03-24"


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord was signed on June 10, 1999, in Cologne.",
        "The accord was signed on 10 June 1999 in Cologne.",
        "The accord was signed on 1999-06-10 in Cologne.",
    ],
)
def test_full_dates_in_three_orders(times: Times, sentence: str) -> None:
    (t,) = times(sentence, THU)
    assert (t.value, t.granularity) == ("1999-06-10", "day")


def test_month_and_year_shapes(times: Times) -> None:
    found = times("In May 1994 the army withdrew; in 1992 it had advanced, and last year it returned.", THU)
    assert [(t.text, t.value, t.granularity) for t in found] == [
        ("May 1994", "1994-05", "month"),
        ("1992", "1992", "year"),
        ("last year", "2014", "year"),
    ]


def test_last_month_in_january_is_december_of_previous_year(times: Times) -> None:
    t = one(times("The envoy visited Beijing last month.", SAT_NEW_YEAR), "last month")
    assert (t.value, t.granularity) == ("2015-12", "month")


def test_last_week_across_new_year_is_iso_week(times: Times) -> None:
    t = one(times("The minister resigned last week.", SAT_NEW_YEAR), "last week")
    assert (t.value, t.granularity) == ("2015-W52", "week")


def test_relative_days(times: Times) -> None:
    found = times("Two days ago the president said the ceasefire agreed yesterday would hold.", THU)
    assert one(found, "Two days ago").value == "2015-03-10"
    assert one(found, "yesterday").value == "2015-03-11"


def test_since_gives_a_period_up_to_publication(times: Times) -> None:
    t = one(times("The dispute has simmered since 2004.", THU), "since 2004")
    assert (t.value, t.granularity, t.period_start, t.period_end, t.relation) == (
        "2004/2015-03-12",
        "period",
        "2004",
        "2015-03-12",
        "since",
    )


def test_periods_between_years_and_over_past_weeks(times: Times) -> None:
    found = times("The region, disputed between 1992 and 1994, saw clashes over the past two weeks.", THU)
    assert one(found, "between 1992 and 1994").value == "1992/1994"
    assert one(found, "past two weeks").value == "2015-02-26/2015-03-12"


def test_unanchored_durations_are_periods_without_value(times: Times) -> None:
    found = times("After ten days of talks, the 12-day war ended a years-long dispute.", THU)
    for text in ("ten days", "12-day", "years-long"):
        t = one(found, text)
        assert (t.value, t.granularity) == (None, "period"), text


@pytest.mark.parametrize(
    ("sentence", "lookalike"),
    [
        ("The 75-year-old leader attended the ceremony.", "75"),
        ("The president, who is 75 years old, did not attend.", "75"),
        ("Police detained 2015 protesters across the country.", "2015"),
        ("May the talks succeed, the pope said.", "May"),
        ("The Sunday Times reported the story.", "Sunday"),
    ],
)
def test_lookalikes_are_not_dates(times: Times, sentence: str, lookalike: str) -> None:
    assert [t.text for t in times(sentence, THU) if lookalike in t.text] == []


def test_without_publication_date_absolute_resolves_relative_does_not(times: Times) -> None:
    found = times("The treaty signed on 1 November 1993 was amended on Tuesday and again last week.", None)
    assert one(found, "1 November 1993").value == "1993-11-01"
    assert (one(found, "Tuesday").value, one(found, "last week").value) == (None, None)
    assert one(found, "last week").granularity == "week"


def test_next_day_is_anchored_on_previous_date(times: Times) -> None:
    found = times("The ceasefire began on 3 March. The next day, shelling resumed.", THU)
    assert one(found, "The next day").value == "2015-03-04"


def test_weekend_looks_back_unless_clause_looks_ahead(times: Times) -> None:
    assert one(times("Shelling went on over the weekend.", THU), "weekend").value == "2015-03-07/2015-03-08"
    assert one(times("Talks will continue over the weekend.", THU), "weekend").value == "2015-03-14/2015-03-15"
    assert one(times("Protests spread last weekend.", SAT_NEW_YEAR), "weekend").value == "2015-12-26/2015-12-27"


def test_quarters_centuries_and_holidays(times: Times) -> None:
    found = times("Growth slowed in the third quarter of 2014, the weakest of the 20th century, before Christmas.", THU)
    assert one(found, "third quarter").value == "2014-07/2014-09"
    assert one(found, "20th century").value == "1900/1999"
    assert one(found, "Christmas").value == "2014-12-25"


def test_end_of_this_unit_and_next_weeks(times: Times) -> None:
    found = times("Rain could last through the end of the week, and the fund will run dry in the next six weeks.", THU)
    assert one(found, "end of the week").value == "2015-W11"
    assert one(found, "next six weeks").value == "2015-03-12/2015-04-23"


def test_weeks_later_anchored_on_previous_day(times: Times) -> None:
    found = times("Rebels took the town on 2 February 2015. Two weeks later, the army retook it.", THU)
    t = one(found, "Two weeks later")
    assert (t.value, t.granularity) == ("2015-W08", "week")  # 16 February 2015


def test_capitalized_unit_word_is_a_title_not_a_date(times: Times) -> None:
    found = times("He spoke on Sunday on ABC's This Week programme.", THU)
    assert [t.text for t in found] == ["Sunday"]


def test_relative_clause_with_will_makes_month_future(times: Times) -> None:
    found = times(
        "Tyson was invited to the convention in July, where Trump will be named the nominee.", date(2016, 6, 29)
    )
    assert one(found, "July").value == "2016-07"


def test_day_ranges_are_periods(times: Times) -> None:
    found = times("The polls ran Jan. 21-26 and again 27-31 January 2016.", THU)
    assert one(found, "Jan. 21-26").value == "2015-01-21/2015-01-26"
    assert one(found, "27-31 January 2016").value == "2016-01-27/2016-01-31"


def test_season_word_as_verb_is_not_a_date(times: Times) -> None:
    assert [t.text for t in times("About 46 detainees fall under that category.", THU)] == []


def test_year_context_does_not_cross_sentences(times: Times) -> None:
    found = times("In 2009, the administration imposed duties. In March, the department ruled.", THU)
    assert one(found, "March").value == "2015-03"


def test_weekday_on_a_noun_outside_the_future_clause_looks_back(times: Times) -> None:
    sentence = "Trump said voters will back him because of the slaying in Chicago on Friday of a cousin of the star."
    assert one(times(sentence, date(2016, 8, 28)), "Friday").value == "2016-08-26"


def test_all_caps_name_is_not_today(times: Times) -> None:
    assert [t.text for t in times("In a USA TODAY poll, Trump led.", THU)] == []


def test_offsets_and_token_bounds_point_at_the_text(analyzer: Analyzer) -> None:
    doc = analyzer.resources.nlp("Officials said on Monday that talks held since 2004 would resume in two weeks.")
    found = find_times(doc, THU)
    assert [t.text for t in found] == ["Monday", "since 2004", "in two weeks"]
    for t in found:
        assert doc.text[t.start : t.end] == t.text
        assert doc[t.tok_start].idx == t.start
        assert doc[t.tok_end - 1].idx + len(doc[t.tok_end - 1]) == t.end
    assert one(found, "in two weeks").value == "2015-W13"


def test_resolution_time_grows_linearly_with_the_article(analyzer: Analyzer) -> None:
    # spaCy rebuilds doc.text and doc.ents on every read; reading them per expression made a
    # 3,000-character article cost half a second
    sentences = [c.sentence for c in load_dev_set()]
    doc = analyzer.resources.nlp(" ".join(sentences))
    started = time.perf_counter()
    found = find_times(doc, THU)
    elapsed = time.perf_counter() - started
    assert len(found) > 150
    assert elapsed < 0.5, f"{elapsed:.2f} s for {len(doc.text):,} characters"


def test_numeric_dates_month_first_with_slashes_day_first_with_dots(times: Times) -> None:
    found = times("The memos dated 3/10/2015, 10.03.2015 and 25/12/2014 leaked.", THU)
    assert [t.value for t in found] == ["2015-03-10", "2015-03-10", "2014-12-25"]


def test_dateparser_reads_what_no_rule_does_and_is_skipped_without_date_words() -> None:
    res = _fallback("Sept. the 3rd, 2015", THU)
    assert (res.value, res.granularity) == ("2015-09-03", "day")
    assert _fallback("election year", THU).value is None


_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?(?:/\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?)?")


@pytest.mark.parametrize("name", sorted(EXAMPLE_DATES))
def test_example_articles_give_iso_values_at_true_offsets(analyzer: Analyzer, name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    doc = analyzer.resources.nlp(text)
    found = find_times(doc, EXAMPLE_DATES[name])
    assert found
    for t in found:
        assert text[t.start : t.end] == t.text
        assert doc[t.tok_start].idx == t.start
        assert t.value is None or _ISO.fullmatch(t.value), t
        assert t.granularity in ("day", "week", "month", "year", "period", "unknown")
        if t.granularity == "period" and t.value is not None:
            assert t.value == f"{t.period_start}/{t.period_end}"
        if t.granularity != "period":
            assert (t.period_start, t.period_end) == (None, None)


def test_phrase_rules_need_no_parse() -> None:
    ctx = Context(THU, "past")
    res = resolve_phrase("the late 1980s", ctx)
    assert res is not None and (res.value, res.granularity) == ("1986/1989", "period")
    res = resolve_phrase("Nov. 2", ctx)
    assert res is not None and res.value == "2014-11-02"
    res = resolve_phrase("Nov. 2", Context(THU, "future"))
    assert res is not None and res.value == "2015-11-02"


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("dev_dates.tsv", 1.0),  # 196/196 when the floor was set; the rules were developed on this set
        ("heldout_dates.tsv", 0.97),  # 72/74 when the floor was set; written after the rules, not tuned on
    ],
)
def test_date_sets_accuracy_floor(analyzer: Analyzer, name: str, floor: float) -> None:
    cases = load_dev_set(dev_set_path(name))
    assert len(cases) >= 70
    outcomes, _, _ = evaluate(analyzer.resources.nlp, cases)
    accuracy = sum(o.correct for o in outcomes) / len(outcomes)
    assert accuracy >= floor, [o.case.line for o in outcomes if not o.correct]


def test_dev_set_has_150_expressions() -> None:
    assert len(load_dev_set()) >= 150
