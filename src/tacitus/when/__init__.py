"""Dates: temporal expressions resolved against the article's publication date.

Own rules (:mod:`tacitus.when.rules`) find and read the common shapes in the text;
spaCy DATE entities the rules do not cover are read whole, and only what no rule can
read goes to ``dateparser`` (its first call costs about two seconds, so it is imported
lazily). The clause's tense decides whether "on Friday" or "on 3 March" points back
(the default in news) or forward ("will meet on Friday", "meets on Friday").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from tacitus.when.resolution import Context, Resolution, Tense
from tacitus.when.rules import resolve_phrase, scan

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["TimeExpr", "clause_tense", "find_times"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression and what it resolves to.

    ``value`` is ISO 8601 at ``granularity``: a day (``2015-03-10``), an ISO week
    (``2015-W10``), a month (``2015-03``), a year (``1999``), or for a ``period`` the
    interval ``period_start/period_end`` (``2004/2015-03-12``). ``None`` when it cannot
    be resolved: a relative expression without a publication date, or a duration with
    no anchor ("ten days of talks": granularity ``period``, no value).
    ``relation`` says how the event relates to the value: ``since``, ``until``,
    ``before``, ``after``, ``by``, ... (None for "on", "in", "at").
    """

    text: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    value: str | None
    granularity: str  # day | week | month | year | period | unknown
    period_start: str | None = None
    period_end: str | None = None
    relation: str | None = None


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "could", "can", "may", "might", "should", "must", "'d"}
_FUTURE_HEADS = {
    "go",
    "plan",
    "expect",
    "schedule",
    "due",
    "set",
    "intend",
    "aim",
    "hope",
    "prepare",
    "want",
    "seek",
    "vow",
    "pledge",
    "promise",
    "decide",
    "agree",
    "threaten",
    "slate",
    "propose",
    "likely",
    "about",
}
_FUTURE_PARTICIPLES = {"schedule", "plan", "set", "slate", "due", "expect"}
_FORWARD_WORDS = {"next", "coming", "upcoming", "forthcoming"}


def _governor(span: Span) -> Token | None:
    """The verb whose clause the expression modifies.

    A gerund or bare infinitive with no auxiliary of its own ("from prevailing at the July
    convention") carries no tense: climb on to the verb it depends on.
    """
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            tenseless = tok.tag_ in ("VBG", "VB") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            if not tenseless or tok.dep_ not in ("pcomp", "advcl", "acl", "xcomp", "conj") or tok.head is tok:
                return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def clause_tense(span: Span) -> Tense:
    """past, present, future or other, for the clause that ``span`` sits in."""
    doc = span.doc
    before = doc[max(span.start - 2, 0) : span.end]
    if any(t.lower_ in _FORWARD_WORDS for t in before):
        return "future"
    for clause in span.root.children:  # "in July, where Trump will be named ..."
        if clause.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in clause.children):
            return "future"
    if _on_oblique_noun(span):
        return "other"
    verb = _governor(span)
    if verb is None:
        return "other"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.lemma_ in _FUTURE_PARTICIPLES and verb.tag_ == "VBN":
        return "past" if any(a.tag_ == "VBD" for a in auxes) and verb.lemma_ != "schedule" else "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head.lemma_ in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            return "future"
        # "is going to", "is due to": the head's own tense decides
        return (
            _tense_of(head, [c for c in head.children if c.dep_ in ("aux", "auxpass")]) if head is not verb else "other"
        )
    return _tense_of(verb, auxes)


def _on_oblique_noun(span: Span) -> bool:
    """The date qualifies a noun that is neither subject nor object of its verb: in "will vote
    for him because of the slaying on Friday" the verb's tense says nothing about the slaying."""
    tok = span.root
    for _ in range(8):
        head = tok.head
        if head is tok or head.pos_ in ("VERB", "AUX"):
            return False
        if head.pos_ in ("NOUN", "PROPN") and not (span.start <= head.i < span.end):
            return head.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos", "conj")
        tok = head
    return False


def _tense_of(verb: Token, auxes: list[Token]) -> Tense:
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":  # perfect ("has said") or a bare participle ("released on ...")
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "other"


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    resolution: Resolution | None  # None: read later (a spaCy entity no rule read)


_FALLBACK_GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year"}
_HAS_DATE_WORD = re.compile(r"\d|January|February|March|April|June|July|August|September|October|November|December")


@lru_cache(maxsize=32)
def _dateparser(base: datetime) -> DateDataParser:
    """dateparser's parser for one publication date, built only when a phrase needs it (its
    first use costs about two seconds: dateparser loads its language data then)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "RELATIVE_BASE": base}
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(text: str, published: date | None) -> Resolution:
    """A phrase no rule reads: try dateparser when it looks like it holds a date."""
    if not _HAS_DATE_WORD.search(text):
        return Resolution(None, "unknown")
    base = datetime.combine(published, datetime.min.time()) if published else datetime(2000, 1, 1)
    data = _dateparser(base).get_date_data(text)
    parsed = data["date_obj"]
    period = _FALLBACK_GRANULARITY.get(str(data["period"]))
    if parsed is None or period is None or (not published and not re.search(r"\d{4}", text)):
        return Resolution(None, "unknown")
    d = parsed.date()
    value = {"day": d.isoformat(), "week": f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"}.get(period)
    if value is None:
        value = f"{d.year:04d}-{d.month:02d}" if period == "month" else f"{d.year:04d}"
    return Resolution(value, period)


_TIME_WORD = re.compile(
    r"(?i:\b(?:day|night|week|weekend|fortnight|month|year|decade|century|hour|morning|afternoon|evening|ago|"
    r"recent|season|spring|summer|autumn|fall|winter|today|tonight|yesterday|tomorrow|now|era|eve|dawn|dusk|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d0s)\b)|"
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_CLOCK = re.compile(r"(?i:\d|noon|midnight|dawn|dusk|morning|afternoon|evening|night)")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_NAME_LABELS = {"ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT", "PERSON", "GPE", "NORP", "LOC"}
_UNIT_WORDS = {"week", "month", "year", "weekend", "night", "morning", "evening", "afternoon", "days", "weeks"}
_WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _in_name(span: Span, names: list[tuple[int, int]]) -> bool:
    """A date word inside a name (``names``: token bounds of named entities): "The Sunday Times",
    "the Good Friday Agreement", ABC's "This Week"."""
    if not any(c.isdigit() for c in span.text) and any(s <= span.start and span.end <= e for s, e in names):
        return True  # written-out dates are dates even when spaCy calls "25/12/2014" a PERSON
    if any(t.lower_ in _UNIT_WORDS and t.text[:1].isupper() and not t.is_sent_start for t in span):
        return True  # a unit word is capitalized only in a title
    if span.text.isupper() and span.start > 0 and span.doc[span.start - 1].text.isupper():
        return True  # "USA TODAY"
    if len(span) != 1 or span[0].lower_ not in _WEEKDAY_NAMES:
        return False
    tok = span[0]
    head = tok.head
    if tok.dep_ == "compound" and head.i > tok.i and head.text[:1].isupper() and not _TIME_WORD.search(head.text):
        return True
    prev = tok.nbor(-1) if tok.i > 0 and not tok.is_sent_start else None
    return prev is not None and prev.text[:1].isupper() and prev.pos_ in ("PROPN", "ADJ")


def _is_verb(span: Span) -> bool:
    """ "detainees fall under", "talks spring up": a season word used as a verb."""
    return len(span) == 1 and span[0].lower_ in ("fall", "spring") and span[0].tag_.startswith("VB")


def _is_count(span: Span) -> bool:
    """A bare number that counts rather than dates: "detained 2015 protesters"."""
    if len(span) != 1 or not span[0].like_num:
        return False
    tok = span[0]
    head = tok.head
    return (
        tok.dep_ == "nummod"
        and head.i == tok.i + 1
        and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss") for c in head.children)
        and not any(c.dep_ == "case" for c in head.children)
    )


def _merge_times(text: str, candidates: list[_Candidate], ents: tuple[Span, ...]) -> list[_Candidate]:
    """Fold an adjacent spaCy TIME entity ("3 a.m." on Monday, Monday "morning") into the date it qualifies."""
    times = [e for e in ents if e.label_ == "TIME" and _CLOCK.search(e.text)]
    out: list[_Candidate] = []
    for cand in candidates:
        start, end = cand.start, cand.end
        for ent in times:
            gap_after = text[end : ent.start_char]
            gap_before = text[ent.end_char : start]
            if ent.start_char >= end and re.fullmatch(r"\s*(?:,|at|in the)?\s*", gap_after):
                end = ent.end_char
            elif ent.end_char <= start and re.fullmatch(r"\s*(?:,|on)?\s*", gap_before):
                start = ent.start_char
        out.append(replace(cand, start=start, end=end))
    return out


def find_times(doc: Doc, published: date | None) -> tuple[TimeExpr, ...]:
    """Every temporal expression in ``doc``, resolved against ``published``."""
    text = doc.text
    ents = tuple(doc.ents)  # doc.ents walks the whole doc: read it once
    names = [(e.start, e.end) for e in ents if e.label_ in _NAME_LABELS]
    sent_starts = [s.start for s in doc.sents]
    found = scan(text)
    taken = [(s, e) for s, e, _, _ in found]
    extra = [
        (e.start_char, e.end_char)
        for e in ents
        if e.label_ == "DATE" and not any(s < e.end_char and e.start_char < t for s, t in taken)
    ]
    items: list[tuple[int, int, Any]] = [(s, e, (rule, m)) for s, e, rule, m in found]
    items += [(s, e, None) for s, e in extra]
    items.sort(key=lambda i: i[0])

    out: list[TimeExpr] = []
    years: list[tuple[int, int]] = []  # (explicit year, start of its sentence)
    anchor: date | None = None
    for start, end, how in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent_start = sent_starts[bisect_right(sent_starts, span.start) - 1]
        # only the same sentence: "In 2009, ... . In March, ..." means this March as often as 2009's
        nearby = [y for y, s in years if s == sent_start]
        ctx = Context(published, clause_tense(span), nearby[-1] if nearby else None, anchor)
        if how is None:
            res = resolve_phrase(span.text, ctx)
            if res is None:
                if not _TIME_WORD.search(span.text) and not _NUMERIC_DATE.search(span.text):
                    continue  # spaCy calls "Flight 2019" a DATE
                res = _fallback(span.text, published)
        else:
            rule, m = how
            res = rule.resolve(m, ctx)
            if res is None:
                continue
        if (
            not res.is_time
            or _in_name(span, names)
            or (res.granularity == "year" and _is_count(span))
            or _is_verb(span)
        ):
            continue
        if res.year is not None:
            years.append((res.year, sent_start))
        if res.day is not None:
            anchor = res.day
        out.append(
            TimeExpr(
                text[start:end],
                start,
                end,
                span.start,
                span.end,
                res.value,
                res.granularity,
                res.period_start,
                res.period_end,
                res.relation,
            )
        )
    return tuple(_to_times(doc, text, out, ents))


def _to_times(doc: Doc, text: str, exprs: list[TimeExpr], ents: tuple[Span, ...]) -> list[TimeExpr]:
    """``text`` is ``doc.text``, which spaCy rebuilds from the tokens on every read."""
    merged = _merge_times(text, [_Candidate(t.start, t.end, None) for t in exprs], ents)
    result = []
    for t, m in zip(exprs, merged, strict=True):
        if (m.start, m.end) == (t.start, t.end):
            result.append(t)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        assert span is not None  # both ends are entity or expression bounds
        result.append(
            replace(t, text=text[m.start : m.end], start=m.start, end=m.end, tok_start=span.start, tok_end=span.end)
        )
    return result
