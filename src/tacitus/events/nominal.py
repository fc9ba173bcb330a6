"""Nominal events: an event told by its noun ("the 12-day war", "signed a ceasefire agreement", "Israeli airstrikes
on Gaza", "aid from the EU arrived in Gaza"), with the clause that carries it and the parties the noun phrase or its
light verb names."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.args import Attacher, not_actor
from tacitus.events.found import CONTENT_TYPES, THEME_OBJECT, Found
from tacitus.events.lexicon import Pattern, Sense
from tacitus.events.match import COUNTING, LEMMA_FIXES
from tacitus.events.speech import SAYING
from tacitus.model import ActorRef

#: Verbs that carry a nominal event as their object ("launched an attack", "reached a deal"):
#: their subject acts, their clause gives date and modality. Other verbs leave the noun alone
#: ("reduced aid" is not aid).
_LIGHT_VERBS = frozenset(
    {
        *("launch", "carry", "conduct", "stage", "hold", "make", "mount", "begin", "start", "continue"),
        *("resume", "wage", "unleash", "announce", "declare", "reach", "sign", "issue", "lodge", "file"),
        *("level", "open", "organize", "organise", "join", "have", "give", "provide", "deliver", "send"),
        *("offer", "extend", "pay", "finalize", "conclude", "seal", "strike", "perpetrate", "commit", "order"),
        *("intensify", "escalate", "impose", "call", "pledge", "promise", "plan", "prepare", "approve"),
        *("agree", "accept", "broker", "do", "consider", "propose", "threaten", "mull", "weigh", "discuss"),
        *("draw", "face", "receive", "attract", "spark", "trigger", "provoke", "step", "renew", "perform"),
        *("tender", "submit", "fax", "hand"),  # "faxed his resignation to Congress"
        *("authorize", "authorise", "complete", "finish"),  # "completed the withdrawal of its forces"
        *("heap", "voice", "register", "lavish", "shower", "hurl", "direct", "fly"),  # "flew a joint patrol"
    }
)
#: Governors that deny that a nominal event takes place ("prevented an attack").
_BLOCKING = frozenset({"prevent", "avoid", "avert", "deny", "fear", "risk", "thwart", "foil"})
#: Verbs of something delivered reaching its destination.
_ARRIVALS = frozenset({"arrive", "reach", "land", "flow", "pour"})
#: Light verbs whose subject receives the nominal event ("drew criticism from", "faced sanctions").
_INVERSE_LIGHT = frozenset({"draw", "face", "receive", "attract", "spark", "trigger", "provoke"})
#: Verbs that give something a name ("called the plan an attack", "branded the vote a farce").
_NAMING = frozenset({"call", "brand", "label", "term", "dub", "describe", "deem", "declare", "consider"})


#: Units an amount of aid is counted in ("20 million euros of assistance", "50 tonnes of food aid").
_UNITS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "tonne", "ton", "kilogram", "worth"})


def _amount(tok: Token) -> bool:
    """A noun phrase that counts money or goods ("$500 million", "200 million euros", "50 tonnes")."""
    return tok.ent_type_ in {"MONEY", "QUANTITY"} or tok.pos_ == "NUM" or tok.lemma_.lower() in _UNITS


def _aid_goods(noun: Token, att: Attacher) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]] | None:
    """Giver and beneficiary of aid named by its goods: "the first shipment of American wheat for North Korea" is
    aid from the United States (the goods' modifier, not an actor of its own) to North Korea."""
    goods = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for g in goods:
        giver = att.refs(g)
        if not giver or att.actors.ref_at(g) is not None:
            continue
        beneficiary = tuple(
            r
            for t in (noun, g)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in {"for", "to"}
            for x in c.children
            if x.dep_ == "pobj"
            for r in att.refs(x)
        )
        return giver, beneficiary
    return None


#: Verbs that declare a state of affairs: a war declared over is a declaration, a concession (PLOVER CONCEDE).
_DECLARING = frozenset({"declare", "announce", "proclaim"})
_ENDED_WAR = Sense("RETREAT", "ceasefire", ("military",), "0871")


def _conflict_ended(noun: Token, gov: Token) -> bool:
    """ "the war was over": the conflict noun's clause tells its end, not a fight ("the 12-day war ended in June"
    still tells the war)."""
    if noun.dep_ != "nsubj" or gov.lemma_ != "be":
        return False
    # "was over Kashmir" tells what the war was about, not that it ended
    return any(
        c.lower_ == "over"
        and c.dep_ in {"advmod", "acomp", "prt", "prep"}
        and not any(g.dep_ == "pobj" for g in c.children)
        for c in gov.children
    )


def _war_over(
    noun: Token, gov: Token, att: Attacher, actor: tuple[ActorRef, ...], recipient: tuple[ActorRef, ...]
) -> Found | None:
    """The end of a conflict: a ceasefire observed (RETREAT 0871) by its parties, or, declared by someone ("Meles
    declared that the border war with Eritrea was over"), that party's concession to the other side."""
    declarer = gov.head if gov.dep_ == "ccomp" and gov.head.lemma_ in _DECLARING else None
    if declarer is not None:
        speaker = att.refs(att.subject(declarer))
        if speaker:
            sense = Sense("CONCEDE", None, _ENDED_WAR.context, "0871")
            return Found(noun, declarer, sense, speaker, not_actor(recipient, speaker), None, True, True)
    if not actor and not recipient:
        return None
    return Found(noun, gov, _ENDED_WAR, actor, tuple(r for r in recipient if r not in actor), None, True, True)


def nominal_event(noun: Token, p: Pattern, att: Attacher, verb_events: dict[int, Found]) -> Found | None:
    """A nominal event ("the 12-day war", "signed a ceasefire agreement", "Israeli airstrikes on Gaza")."""
    assert p.sense is not None
    if noun.dep_ == "compound":
        return None  # "ceasefire agreement": the head noun codes
    # the head verb of the noun's phrase
    gov = noun.head
    slot = noun  # what fills the clause role: the noun, or the series it is counted in
    via_prep = False
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        counted = (gov.lower_ == "of" and gov.head.lemma_ in COUNTING) or (
            gov.lower_ in {"of", "in"} and _amount(gov.head)
        )
        if counted and gov.head.dep_ in {"dobj", "obj", "nsubj"}:
            # "began a new round of joint exercises", "announced $500 million in aid": the round or the amount
            # stands for the event noun in the clause
            slot = gov.head
            gov = slot.head
        else:
            gov = gov.head
            via_prep = True
    if gov.i in verb_events:
        host = verb_events[gov.i]
        if slot.dep_ in {"dobj", "obj", "nsubjpass", "attr"} or via_prep or host.sense.event == p.sense.event:
            return None  # the object of "condemned the attack" is that event's content
    if gov.lemma_ in _BLOCKING:
        return None
    for ancestor in noun.ancestors:
        if ancestor.i in verb_events and verb_events[ancestor.i].sense.event == p.sense.event:
            return None  # "three days of fighting killed 20": one ASSAULT, coded on the verb
    actor, recipient = att.noun_args(noun)
    if p.sense.event == "AID":
        actor, recipient = _aid_goods(noun, att) or (actor, recipient)
    if p.sense.event == "ASSAULT" and _conflict_ended(noun, gov):
        return _war_over(noun, gov, att, actor, recipient)
    clause = noun
    is_object = slot.dep_ in {"dobj", "obj", "attr"} and gov.pos_ in {"VERB", "AUX"}
    if is_object and LEMMA_FIXES.get(gov.lemma_, gov.lemma_) not in _LIGHT_VERBS:
        return None
    if (
        is_object
        and gov.lemma_ == "call"
        and any(c.dep_ in {"oprd", "ccomp", "dobj"} and c.i > noun.i for c in gov.children)
    ):
        return None  # "stopped short of calling the killings genocide": a name given to the act, not the act
    if slot.dep_ == "oprd" and gov.lemma_ in _NAMING:
        return None  # "calling the plan an attack on national sovereignty": the name given, no attack
    light = is_object
    if light and any(a.i in verb_events and verb_events[a.i].sense.event in CONTENT_TYPES for a in gov.ancestors):
        return None  # "rejected a request to hold a rally": what is asked, refused or threatened
    if slot.dep_ == "nsubj" and gov.lemma_ == "be" and any(c.dep_ in {"acomp", "attr"} for c in gov.children):
        return None  # "said the talks were useful": described, not told
    if light or (slot.dep_ in {"nsubj", "nsubjpass"} and gov.pos_ in {"VERB", "AUX"} and gov.lemma_ not in SAYING):
        clause = gov  # not "foreign ministers meeting in Madrid said [the EU imposed an embargo]": the speaker
    if light and gov.lemma_ in _INVERSE_LIGHT:
        # "drew criticism from France": the subject is on the receiving end
        recipient = recipient or att.refs(att.subject(gov))
        actor = actor or att.prep_refs(gov, {"from", "by"})
    elif light and not actor:
        actor = att.refs(att.subject(gov))
        if not recipient:
            recipient = att.prep_refs(gov, {"on", "against", "with", "to", "at"})
    passive_light = slot.dep_ == "nsubjpass" and LEMMA_FIXES.get(gov.lemma_, gov.lemma_) in _LIGHT_VERBS
    if passive_light and not actor:
        # "the war game was staged by U.S. marines and Jordanian forces": the agent stages it
        actor = att.prep_refs(gov, {"by"})
    if not recipient and slot.dep_ == "nsubj" and gov.lemma_ in _ARRIVALS:
        # "aid from the EU arrived in Gaza", "Japanese aid reached Pakistan": delivered to the place reached
        recipient = tuple(
            r
            for c in gov.children
            if c.dep_ in {"dobj", "obj"} or (c.dep_ == "prep" and c.lower_ in {"in", "to", "at"})
            for g in ((c,) if c.dep_ in {"dobj", "obj"} else c.children)
            if g.dep_ in {"dobj", "obj", "pobj"}
            for r in att.refs(g)
        )
    if clause is noun and not actor and via_prep and noun.head.lower_ == "in" and gov.pos_ == "VERB":
        # "warplanes flew near the coast in a show of strength": the verb's subject makes the show
        actor = att.refs(att.subject(gov))
        clause = gov if actor else noun
    if clause is noun and not actor and not recipient:
        return None  # a bare mention in passing ("since the war"), not an event told here
    if light and p.sense.event in THEME_OBJECT and p.sense.mode != "release" and actor and recipient:
        # "announced the deployment of 230 troops to Liberia": the actor's own forces are what is sent
        own = {a.country for a in actor}
        if all(r.country in own for r in recipient):
            recipient = att.prep_refs(gov, {"to", "into", "for"})
    recipient = tuple(r for r in recipient if r not in actor)
    return Found(noun, clause, p.sense, actor, recipient, None, True, bool(p.slots))
