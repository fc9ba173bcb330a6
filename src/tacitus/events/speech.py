"""Events told by speech about another party: "X said Y must end the attacks" (a demand of Y), "told Y to leave"
(a demand), "said Y was behind the attack" (an accusation of Y). Each is found on the speech verb before the
lexicon is read, and the act spoken of becomes the event's content."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus.events.args import Attacher, not_actor
from tacitus.events.found import Found
from tacitus.events.lexicon import Sense
from tacitus.model import Span

#: Speech verbs whose "must" complement is a demand ("said Israel must end the attacks").
SAYING = frozenset({"say", "insist", "declare", "state", "stress", "reiterate", "tell", "argue", "add", "write"})
DEMAND = Sense("REQUEST", None, (), "100")


def span_of(doc: Doc, start_tok: int, end_tok: int) -> Span:
    sp = doc[start_tok:end_tok]
    return Span(sp.text, sp.start_char, sp.end_char)


def speech_event(verb: Token, att: Attacher) -> Found | None:
    """The demand or accusation a speech verb makes of another party, if it makes one."""
    return _reported_demand(verb, att) or _told_to(verb, att) or _reported_blame(verb, att)


def _reported_demand(verb: Token, att: Attacher) -> Found | None:
    """ "X said Y must end the attacks": X demands it of Y (CAMEO 10), whatever the demanded act is."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in SAYING:
        return None
    obliged = any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in verb.children)
    # "insisted that Iran withdraw its troops": the bare subjunctive demands as "must" does
    subjunctive = verb.head.lemma_ == "insist" and verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children)
    if not (obliged or subjunctive):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "must not be allowed": a warning, not a demand of anyone named
    actor = att.refs(att.subject(verb.head))
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    recipient = not_actor(att.refs(subject), actor)
    if not actor or (subject is not None and subject.pos_ == "PRON" and not recipient):
        return None  # "said it must act": an obligation the speaker states for itself
    content = span_of(verb.doc, verb.left_edge.i, verb.right_edge.i + 1)
    return Found(verb, verb.head, DEMAND, actor, recipient, content, False, True)


#: Verbs that tell someone to act: with an object and an infinitive they are a demand of the object.
_TELLING = frozenset({"tell", "instruct", "direct"})


def _told_to(verb: Token, att: Attacher) -> Found | None:
    """ "The Commission told Hungary to restore judicial independence": a demand of Hungary (CAMEO 10); "told
    reporters that ..." is speech and codes nothing."""
    if verb.lemma_.lower() not in _TELLING:
        return None
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    act = next((c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None)
    if obj is None or act is None:
        return None
    actor = att.refs(att.subject(verb))
    recipient = not_actor(att.refs(obj), actor)
    if not recipient:
        return None
    # "told about 50 Russian diplomats to leave the country": envoys told to go are expelled
    own = any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her"} for c in obj.children)
    sense = _EXPEL if obj.lemma_.lower() in _ENVOYS and act.lemma_ == "leave" and not own else DEMAND
    return Found(
        verb, verb, sense, actor, recipient, span_of(verb.doc, act.left_edge.i, act.right_edge.i + 1), False, True
    )


_ENVOYS = frozenset({"diplomat", "envoy", "ambassador", "attache", "consul", "chargé"})
_EXPEL = Sense("SANCTION", "expel", ("diplomatic",), "161")


#: Predicates that lay the blame for something on the subject ("was responsible for", "was behind", "is to blame").
_BLAMED = frozenset({"responsible", "culpable", "guilty", "liable"})
_BLAME = Sense("ACCUSE", "allege", (), "112")


def _reported_blame(verb: Token, att: Attacher) -> Found | None:
    """ "Israel said Syria was responsible for the attacks", "said Iran was behind the strike": an accusation of
    the clause's subject by the speaker (CAMEO 112)."""
    if verb.lemma_.lower() not in SAYING:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
    if clause is None or any(c.dep_ == "neg" for c in clause.children):
        return None
    blamed = any(c.dep_ == "acomp" and c.lemma_.lower() in _BLAMED for c in clause.children) or any(
        c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children
    )
    if not blamed:
        return None
    actor = att.refs(att.subject(verb))
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    recipient = not_actor(att.refs(subject), actor)
    if not actor or not recipient:
        return None
    return Found(
        verb,
        verb,
        _BLAME,
        actor,
        recipient,
        span_of(verb.doc, clause.left_edge.i, clause.right_edge.i + 1),
        False,
        True,
    )
