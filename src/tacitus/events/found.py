"""A coded trigger before it becomes an event, and the choices made over a sentence's or an article's events.

``main_events`` keeps the event a clause reports and drops its circumstances; ``dedupe`` merges the
same event told twice into one with several evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from tacitus.events.lexicon import Sense
from tacitus.model import ActorRef, Event, Span

#: Types whose complement clause is what is requested, threatened, promised or refused.
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE", "ACCUSE"})
#: Types whose direct object is the thing moved or given, not the recipient ("deployed troops").
THEME_OBJECT = frozenset({"MOBILIZE", "AID", "RETREAT"})


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
            (
                f.trigger.head.lemma_ in _SENDING
                and (f.sense.mode == "investigate" or f.sense.event == "COOPERATE" or f.trigger.lemma_ == "train")
            )
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


def _merge_key(e: Event) -> tuple[object, ...] | None:
    if not e.actor:
        return None
    # told by the outlet or by a quoted source, it is the same event
    modality = "asserted" if e.modality == "reported" else e.modality
    return (e.event, e.negated, modality)


def _same_parties(a: tuple[ActorRef, ...], b: tuple[ActorRef, ...], undated: bool) -> bool:
    """The same actors, or the same countries where one side names only the country ("Azerbaijan condemns ..."
    in a headline, "Azerbaijan's foreign ministry condemned ..." in the lead) or one of the two mentions has no
    date of its own ("Russian regime shells Kharkiv" in a headline, "Russian forces shelled Kharkiv on Monday")."""
    if {r.actor_id or r.country or r.text for r in a} == {r.actor_id or r.country or r.text for r in b}:
        return True
    countries_a, countries_b = {r.country for r in a}, {r.country for r in b}
    if None in countries_a or countries_a != countries_b:
        return False
    return undated or all(r.sector is None for r in a) or all(r.sector is None for r in b)


def _same_time(a: Event, b: Event) -> bool:
    """The same date, or one of the two is dated only by the publication date."""
    return a.date == b.date or "published" in (a.date_from, b.date_from)


def dedupe(events: list[Event]) -> tuple[Event, ...]:
    """The same event told twice becomes one event with every evidence span; ids in text order.

    Two events are the same when type, negation and modality agree, actors and recipients are the same
    parties (:func:`_same_parties`) and the dates agree or one of them is only the publication date. The
    merged event keeps the fields of the mention dated by the text (else of the first) and all triggers.
    """
    out: list[Event] = []
    for e in events:
        key = _merge_key(e)
        match = next(
            (
                i
                for i, o in enumerate(out)
                if key is not None
                and _merge_key(o) == key
                and _same_time(o, e)
                and _same_parties(o.actor, e.actor, undated := "published" in (o.date_from, e.date_from))
                and _same_parties(o.recipient, e.recipient, undated)
            ),
            None,
        )
        if match is None:
            out.append(e)
            continue
        kept = out[match]
        primary = e if kept.date_from == "published" and e.date_from == "text" else kept
        spans = sorted({(m.start, m.end): m for m in (*kept.mentions, *e.mentions)}.values(), key=lambda m: m.start)
        out[match] = replace(primary, mentions=tuple(spans))
    out.sort(key=lambda e: e.trigger.start)
    return tuple(replace(e, id=f"E{n}") for n, e in enumerate(out, start=1))
