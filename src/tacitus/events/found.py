"""A coded trigger before it becomes an event, and the choices made over a sentence's or an article's events.

``main_events`` keeps the event a clause reports and drops its circumstances; ``dedupe`` merges the
same event told twice into one with several evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from tacitus.events.lexicon import Sense
from tacitus.model import ActorRef, Event, Span


@dataclass(frozen=True, slots=True)
class Found:
    """A coded trigger before it becomes an Event."""

    trigger: Token
    clause: Token  # the verb whose clause gives date, modality, place
    sense: Sense
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    content: Span | None
    nominal: bool
    specific: bool
    also: tuple[Token, ...] = ()  # further triggers of the same event ("shelled the city, killing five")


#: Verbs sending people on a mission told by their purpose clause.
_SENDING = frozenset({"send", "dispatch", "deploy"})
#: Verbs of arriving: "arrived in Nepal to help deliver aid" reports the aid, not a visit.
_ARRIVING = frozenset({"arrive", "travel", "fly", "come", "land"})


def main_events(found: list[Found]) -> list[Found]:
    """Drop an event told inside another event's clause, of another type: its circumstance, not a second event.

    "arrested him for collaborating with rebels", "killed protesters who were marching", "sent troops
    to help": the governing event is what the sentence reports. A conjunct ("attacked X and seized Y"),
    a reported complement ("said it had attacked") and a participle naming its own actor ("a
    Qatar-mediated deal") stay events of their own.
    """
    # "sent experts to investigate the attacks", "deployed to train Nigerian soldiers", "arrived in Nepal to help
    # deliver aid": the mission is the event (CAMEO 09, 06, 07), not the sending or the journey
    missions = {
        f.trigger.head.i
        for f in found
        if f.trigger.dep_ in {"xcomp", "advcl"}
        and (
            (f.trigger.head.lemma_ in _SENDING and (f.sense.mode == "investigate" or f.sense.event == "COOPERATE"))
            or (f.trigger.head.lemma_ in _ARRIVING and f.sense.event == "AID")
        )
    }
    journeys = {f.trigger.i: f for f in found if f.trigger.i in missions and f.trigger.lemma_ in _ARRIVING}
    found = [_reached(f, journeys) for f in found if f.trigger.i not in missions]
    heads = {f.trigger.i: f for f in found}
    heads.update({f.clause.i: f for f in found if f.nominal and f.clause.i != f.trigger.i})
    kept: list[Found] = []
    for f in found:
        tok = f.trigger
        dominated = False
        # "a Qatar-mediated deal": the participle names its own actor, a second event
        for anc in () if tok.dep_ == "amod" else tok.ancestors:
            if tok.dep_ == "conj" and anc.i == tok.head.i:
                continue
            g = heads.get(anc.i)
            if g is not None and g is not f and g.sense.event != f.sense.event:
                if f.nominal and g.nominal and g.clause.i == f.clause.i and tok.dep_ in {"nsubj", "nsubjpass"}:
                    continue  # "the arrest of X sparked riots": the subject is an event of its own, not a circumstance
                dominated = True
                break
        if not dominated:
            kept.append(f)
    return kept


def _reached(f: Found, journeys: dict[int, Found]) -> Found:
    """A mission without a recipient of its own helps the place its journey reached ("arrived in Nepal to help
    deliver aid"), as peacekeeping does ("arrived in Mali to join the UN mission")."""
    if f.recipient and f.sense.cameo != "074":  # peacekeepers help the country they reach, not the UN they join
        return f
    journey = next((journeys[a.i] for a in f.trigger.ancestors if a.i in journeys), None)
    return replace(f, recipient=journey.recipient) if journey is not None and journey.recipient else f


def _key(e: Event) -> tuple[object, ...] | None:
    if not e.actor:
        return None
    ids = tuple(sorted(a.actor_id or a.country or a.text for a in e.actor))
    rids = tuple(sorted(r.actor_id or r.country or r.text for r in e.recipient))
    # told by the outlet or by a quoted source, it is the same event
    modality = "asserted" if e.modality == "reported" else e.modality
    return (e.event, ids, rids, e.date, e.negated, modality)


def dedupe(events: list[Event]) -> tuple[Event, ...]:
    """The same event told twice becomes one event with two evidence spans; ids in text order."""
    out: list[Event] = []
    by_key: dict[tuple[object, ...], int] = {}
    for e in events:
        key = _key(e)
        if key is not None and key in by_key:
            i = by_key[key]
            out[i] = replace(out[i], mentions=(*out[i].mentions, e.trigger))
            continue
        if key is not None:
            by_key[key] = len(out)
        out.append(e)
    return tuple(replace(e, id=f"E{n}") for n, e in enumerate(out, start=1))
