"""Clause-level facts for an event trigger: its clause tokens, modality, negation and date.

Everything here reads the dependency parse around one clause head (a verb, or the light
verb governing a nominal event); nothing resolves actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from tacitus.model import Modality, Quote
from tacitus.when import TimeExpr

#: Dependencies that open a nested clause: tokens below them belong to another event.
NESTED = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "pcomp"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: Verbs whose complement is an intended or planned act ("plans to attack"). A decision is the act itself
#: ("decided to ease sanctions" is CAMEO 085, not an intent), so "decide" is not one of them.
_FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "prepare", "expect", "aim", "schedule", "want", "seek", "wish", "go", "set"}
)
#: Verbs whose complement is only entertained ("considering sanctions", "exploring the possibility of sending");
#: a hope is a wish, often for what others do ("hopes Japan will persuade Biden"), not an intent ("hoped" is
#: lemmatised "hop" by the tagger).
_HYPOTHETICAL_GOVERNORS = frozenset(
    {"consider", "propose", "suggest", "mull", "weigh", "contemplate", "discuss", "explore", "hope", "hop"}
)
#: Nouns whose infinitive is a capacity or a try, not an act ("the government's ability to meet targets", "stepped
#: up its efforts to mediate").
_ABILITY_NOUNS = frozenset(
    {"ability", "capacity", "capability", "inability", "effort", "attempt", "bid", "push", "drive", "quest"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Verbs that report what someone said they would do.
_SPEECH = frozenset({"say", "announce", "tell", "state", "declare", "add", "insist", "warn", "confirm", "indicate"})
#: Adjectives whose complement is an act announced as intended ("ready to send troops").
_WILLING = frozenset({"willing", "ready", "prepared", "eager", "determined", "poised", "poise", "committed", "due"})
#: Nouns of an intent whose infinitive is the act intended ("expressed its willingness to resume talks").
_INTENT_NOUNS = frozenset(
    {"willingness", "readiness", "commitment", "intention", "intent", "plan", "pledge", "offer", "promise"}
)
#: Verbs of committing to an act told with a gerund ("committed to supplying coal").
_COMMITTING = frozenset({"commit", "pledge", "dedicate"})
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
#: A past event this much older than the publication date, with its own date, is "historical".
HISTORICAL_AFTER = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    text: str | None
    source: str  # "text" | "published"
    granularity: str


def clause_tokens(head: Token) -> set[int]:
    """Token indices of ``head``'s clause: its subtree without nested clauses of other verbs."""
    out: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in NESTED and child.i != head.i:
                continue
            if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
                continue
            stack.append(child)
    return out


#: Nouns naming an option whose verb governs the act ("considering the option of sending troops").
_OPTION_NOUNS = frozenset({"possibility", "option", "idea", "prospect"})


def governors(head: Token) -> list[Token]:
    """The chain of verbs that take ``head`` as complement or conjunct (xcomp/ccomp/advcl/conj), nearest first."""
    chain: list[Token] = []
    tok = head
    while tok.head.i != tok.i and (
        tok.dep_ in {"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep"}
        # "exploring the possibility of sending": the option noun passes its verb on
        or (tok.dep_ == "dobj" and tok.lemma_ in _OPTION_NOUNS)
    ):
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            chain.append(tok)
        if len(chain) > 4:
            break
    return chain


def verb_ancestors(head: Token) -> list[Token]:
    """Every verb above ``head`` in its sentence, nearest first (for the nearest governing date)."""
    return [a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}]


#: Verbs that deny their complement took place ("denies backing the rebels").
_DENIALS = frozenset({"deny"})


#: Aspectual verbs that only say an act begins or goes on ("began shelling"), unlike "ordered X to leave".
PHASES = frozenset({"begin", "start", "continue", "resume", "renew", "intensify", "escalate", "step"})


def stopped_short(head: Token) -> Token | None:
    """The verb of "stopped short of blaming", "fell short of recognising": an act held back, not done."""
    prep = head.head
    if head.dep_ != "pcomp" or prep.lower_ != "of" or prep.head.lower_ != "short":
        return None
    verb = prep.head.head
    return verb if verb.lemma_ in {"stop", "fall"} else None


def is_negated(head: Token, noun: Token | None = None) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in head.children):
        return True
    if stopped_short(head) is not None:
        return True
    if head.dep_ == "xcomp" and head.head.lemma_ in PHASES and any(c.dep_ == "neg" for c in head.head.children):
        return True  # "Israel has not resumed bombing Gaza": the act that did not resume
    if any(g.lemma_ in _DENIALS for g in governors(head)[:1]):
        return True
    if noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    # "no agreement was reached", "reached no deal", "no country recognised it": a party or object denied
    return any(
        c.dep_ in {"dobj", "nsubjpass", "nsubj"} and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in head.children
    )


def _intends(governor: Token) -> bool:
    """ "is going to impose", "goes ahead with": "go" looks forward only so; "the call went unheeded" does not."""
    if governor.lemma_ != "go" or governor.tag_ == "VBG":
        return True
    return governor.tag_ not in {"VBD", "VBN"} and any(c.lower_ == "ahead" for c in governor.children)


def modality_of(head: Token, light: bool = False) -> Modality:
    """hypothetical / future / asserted from auxiliaries, conditional marks and governing verbs.

    ``light``: ``head`` is the verb carrying a nominal event ("considering sanctions"), so its own
    lemma counts as a governor.
    """
    if light:
        if head.lemma_ in _HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if (_intends(head) and head.lemma_ in _FUTURE_GOVERNORS) or head.lemma_ in {"pledge", "promise"}:
            return "future"
    for tok in (head, *governors(head)):
        # an auxiliary inside a name is the name ("Theresa May held talks")
        aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"} and c.ent_type_ != "PERSON"}
        if aux & _HYPOTHETICAL_AUX:
            # "said it would summon the ambassador": future seen from a past report, unless conditional
            # ("has said it would", "says it would allow" too: a speech verb in any tense)
            told = tok.head.tag_ == "VBD" or (tok.head.tag_ in {"VBN", "VBZ", "VBP"} and tok.head.lemma_ in _SPEECH)
            reported = tok.dep_ == "ccomp" and told and aux & _HYPOTHETICAL_AUX == {"would"}
            if reported and not any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children):
                return "future"
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children):
            return "hypothetical"
        if aux & _FUTURE_AUX:
            return "future"
        if tok is not head:
            if tok.lemma_ in _HYPOTHETICAL_GOVERNORS:
                return "hypothetical"
            if tok.lemma_ in _FUTURE_GOVERNORS and _intends(tok):
                return "future"
        if tok.dep_ == "acl" and tok.head.lemma_ in _ABILITY_NOUNS:
            return "hypothetical"
        if tok.dep_ == "acl" and tok.head.lemma_ in _INTENT_NOUNS and tok.tag_ == "VB":
            return "future"  # "signalled its readiness to expand trade": an intent
        if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lemma_ in _COMMITTING:
            return "future"  # "committed to holding a summit"
        # "is to meet", "are due to sign"
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.head.i < tok.i:
            return "future"
        # "is willing to withdraw", "is ready to contribute": an intent, not yet an act
        if tok.dep_ == "xcomp" and tok.head.lemma_ in _WILLING:
            return "future"
    return "asserted"


def quote_for(start: int, quotes: tuple[Quote, ...]) -> Quote | None:
    for q in quotes:
        if q.content.start <= start < q.content.end:
            return q
    return None


def _resolve(t: TimeExpr) -> tuple[str | None, str]:
    if t.value:
        return t.value, t.granularity
    # The dates stage leaves some expressions unresolved; a bare year is still a year.
    m = _YEAR.search(t.text)
    if m and len(t.text.split()) <= 3:
        return m.group(1), "year"
    return None, t.granularity


#: Verbs whose "until" phrase is a deadline they set.
_DEADLINE_VERBS = frozenset({"give", "set", "grant", "extend"})


def date_for(head: Token, times: tuple[TimeExpr, ...], published: date | None) -> EventDate:
    """The resolved TimeExpr of the clause, else of the nearest governing clause, else the publication date.

    An expression the dates stage could not resolve ("12-day", "three days") only lends its
    text when no resolved one governs the clause; the date then falls back on publication.
    """
    unresolved: TimeExpr | None = None
    if times:
        # "the ceasefire signed on February 12": a nominal event is dated by the participle that made it
        made = [c for c in head.children if c.dep_ == "acl" and c.lemma_ in _MAKING] if head.pos_ == "NOUN" else []
        for tok in (*made, head, *verb_ancestors(head)):
            clause = clause_tokens(tok)
            # a date inside the subject is most often a dateline misparsed into it ("KYIV, June 11 - ...")
            subject = {t.i for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
            inside = [
                t for t in times if t.tok_start in clause and (t.tok_end - 1) in clause and not _describes_noun(t, tok)
            ]
            for t in sorted(inside, key=lambda t: t.tok_start in subject):
                if t.relation == "until" and tok.lemma_ in _DEADLINE_VERBS:
                    continue  # "gave Iraq until January 15 to leave": the deadline, not the day it was set
                value, granularity = _resolve(t)
                if value:
                    return EventDate(value, t.text, "text", granularity)
                unresolved = unresolved or t
        late = _complement_date(head, times, published)
        if late is not None:
            return late
    fallback = published.isoformat() if published else None
    return EventDate(fallback, unresolved.text if unresolved else None, "published", "day" if published else "unknown")


def _complement_date(head: Token, times: tuple[TimeExpr, ...], published: date | None) -> EventDate | None:
    """A past date the parser hung on an infinitive under a past-tense act that has none ("ratified Finland's bid to
    join NATO late on Thursday", "allowed the convoy to enter Mekelle on Friday"): the act's own. A date after
    publication is the infinitive's own ("agreed to hold talks on Friday")."""
    if head.tag_ != "VBD" or published is None:
        return None
    holders = (head, *(c for c in head.children if c.dep_ in {"dobj", "obj"}))
    for c in (c for h in holders for c in h.children if c.dep_ in {"xcomp", "ccomp", "acl"}):
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        clause = clause_tokens(c)
        for t in times:
            if t.tok_start in clause and (t.tok_end - 1) in clause:
                value, granularity = _resolve(t)
                if value and value <= published.isoformat():
                    return EventDate(value, t.text, "text", granularity)
    return None


#: Participles that make what a noun names ("a ceasefire signed on", "the deal reached in May").
_MAKING = frozenset({"sign", "agree", "reach", "conclude", "broker", "declare", "announce", "adopt", "strike", "seal"})
#: Texts that act by being adopted: a date on one that is the clause's subject dates what it does.
_DOCUMENTS = frozenset(
    {"resolution", "treaty", "accord", "agreement", "law", "decree", "declaration", "motion", "pact", "convention"}
)
#: Gatherings an act is done at, whose day is the act's ("at Monday's summit").
_GATHERINGS = frozenset(
    {"conference", "summit", "meeting", "session", "talks", "rally", "ceremony", "gathering", "vote"}
)
#: Dependencies of a date that describes a noun rather than dating a clause ("the 1967 borders").
_ATTRIBUTIVE = frozenset({"nummod", "compound", "amod", "poss", "nmod"})


def _describes_noun(t: TimeExpr, head: Token) -> bool:
    """A date modifying a noun other than the event's own ("the 1967 borders", "last year's violence") tells which
    thing is meant, not when the clause's act happened."""
    doc = head.doc
    root = next((doc[i] for i in range(t.tok_start, t.tok_end) if not t.tok_start <= doc[i].head.i < t.tok_end), None)
    if root is None or root.dep_ not in _ATTRIBUTIVE or root.head.i == head.i:
        return False
    owner = root.head
    while owner.dep_ in {"compound", "amod", "nmod"} and owner.head.i != owner.i:
        owner = owner.head  # "the 1994 ceasefire agreement"
    if owner.dep_ == "nsubj" and owner.head.i == head.i and owner.lemma_.lower() in _DOCUMENTS:
        return False  # "the 1999 resolution demanded that Iraq admit inspectors": the text acted when it was adopted
    if owner.dep_ == "pobj" and owner.head.lower_ in {"at", "during"} and owner.lemma_.lower() in _GATHERINGS:
        return False  # "made no pledge at Monday's donor conference": the act is on the gathering's day
    return owner.pos_ in {"NOUN", "PROPN"}


def is_historical(when: EventDate, published: date | None) -> bool:
    if when.source != "text" or not when.value or published is None:
        return False
    value = when.value
    try:
        if len(value) == 4:
            end = date(int(value), 12, 31)
        elif len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        else:
            end = date.fromisoformat(value[:10])
    except ValueError:
        return False
    return end < published - HISTORICAL_AFTER
