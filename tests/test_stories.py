"""Story clustering, cross-article event merging, outlet registry and comparison."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tacitus.errors import DictionaryError
from tacitus.model import ActorRef, Analysis, Article, Event, Framing, LoadedTerm, SourcingRow, Span
from tacitus.stories import (
    ArticleFeatures,
    StoryIndex,
    cluster,
    compare,
    default_outlet_files,
    event_key,
    load_outlets,
    merge_events,
)


def _ref(country: str | None) -> ActorRef:
    return ActorRef(country or "someone", 0, 1, country, "GOV", None)


def _event(eid: str, kind: str, actor: str | None, recipient: str | None, day: str) -> Event:
    return Event(
        id=eid,
        event=kind,
        mode=None,
        context=(),
        quad="VERBAL_CONFLICT",
        cameo=None,
        actor=(_ref(actor),),
        recipient=(_ref(recipient),) if recipient else (),
        date=day,
        date_text=None,
        date_from="published",
        location=None,
        trigger=Span("x", 0, 1),
        sentence=Span("x", 0, 1),
    )


def _analysis(
    aid: str,
    outlet: str,
    day: date,
    title: str,
    text: str,
    events: tuple[Event, ...] = (),
    framing: Framing | None = None,
) -> Analysis:
    article = Article(id=aid, text=text, published=day, title=title, outlet=outlet)
    return Analysis(article, (), events, (), (), framing or Framing())


ROW_A = _analysis(
    "a",
    "Fox News",
    date(2015, 3, 12),
    "Azerbaijan condemns French Senate vote on Karabakh",
    "Azerbaijan's foreign ministry condemned a French Senate motion on Nagorno-Karabakh as hostile.",
    (_event("E1", "ACCUSE", "AZE", "FRA", "2015-03-11"),),
)
ROW_B = _analysis(
    "b",
    "HuffPost",
    date(2015, 3, 13),
    "Baku furious over French Senate Karabakh motion",
    "The French Senate motion on Karabakh drew an angry response from Azerbaijan's foreign ministry.",
    (_event("E1", "ACCUSE", "AZE", "FRA", "2015-03-11"), _event("E2", "SUPPORT", "ARM", "FRA", "2015-03-12")),
)
TRADE = _analysis(
    "c",
    "Reuters",
    date(2015, 3, 12),
    "Chile and Peru sign copper trade pact",
    "Chile and Peru signed a copper trade agreement in Lima, officials said.",
    (_event("E1", "AGREE", "CHL", "PER", "2015-03-12"),),
)


def test_articles_on_the_same_events_form_one_story_and_others_do_not() -> None:
    index = cluster([ROW_A, ROW_B, TRADE])
    assert index.assignment["a"] == index.assignment["b"]
    assert index.assignment["c"] != index.assignment["a"]
    assert len(index.stories) == 2


def test_same_topic_outside_the_date_window_starts_a_new_story() -> None:
    late = _analysis("d", "Fox News", date(2015, 6, 1), ROW_B.article.title or "", ROW_B.article.text, ROW_B.events)
    index = cluster([ROW_A, late])
    assert index.assignment["a"] != index.assignment["d"]


def test_adding_an_article_twice_is_idempotent() -> None:
    index = StoryIndex()
    first = index.add(ArticleFeatures.of(ROW_A))
    assert index.add(ArticleFeatures.of(ROW_A)) == first
    assert index.n_docs == 1 and len(index.stories[0].members) == 1


def test_event_key_needs_a_coded_country() -> None:
    assert event_key(_event("E1", "ACCUSE", None, None, "2015-03-11")) is None
    assert event_key(_event("E1", "ACCUSE", "AZE", "FRA", "2015-03-11")) == ("ACCUSE", ("AZE",), ("FRA",))


def test_the_same_event_in_two_outlets_is_one_event_with_counts() -> None:
    merged = merge_events([ROW_A, ROW_B])
    accuse = next(e for e in merged if e.key[0] == "ACCUSE")
    assert (accuse.num_articles, accuse.num_sources) == (2, 2)
    assert accuse.reports == (("a", "E1"), ("b", "E1"))
    support = next(e for e in merged if e.key[0] == "SUPPORT")
    assert (support.num_articles, support.outlets) == (1, ("HuffPost",))


def test_compare_shows_omitted_events_voices_and_authorial_terms() -> None:
    framing = Framing(
        loaded=(LoadedTerm("hostile", 80, 87, "emotive", attributed=False),),
        sourcing=(SourcingRow("AZE", "GOV", 2, 30),),
    )
    a = _analysis("a", "Fox News", date(2015, 3, 12), "t", ROW_A.article.text, ROW_A.events, framing)
    result = compare([a, ROW_B], load_outlets(default_outlet_files()))
    fox = next(o for o in result["outlets"] if o["outlet"] == "Fox News")
    huff = next(o for o in result["outlets"] if o["outlet"] == "HuffPost")
    support_index = next(i for i, e in enumerate(result["events"]) if e["event"] == "SUPPORT")
    assert support_index in fox["events_omitted"] and support_index in huff["events_reported"]
    assert fox["voices"] == {"AZE GOV": 2} and fox["words_quoted"] == {"AZE GOV": 30}
    assert fox["authorial_loaded"] == {"hostile": 1}
    assert (fox["country"], fox["ownership"]) == ("USA", "private")


def test_malformed_outlet_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("name\taliases\tcountry\townership\nGood\t\tFRA\tprivate\nBad line\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"mine.tsv line 3: expected 4 tab-separated columns"):
        load_outlets([path])
