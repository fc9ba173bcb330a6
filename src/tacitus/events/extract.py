"""Find event triggers on the parse, attach their arguments, and build :class:`~tacitus.model.Event` records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from tacitus.actors import ActorIndex
from tacitus.events.args import MEASURES, RECIPIENT_PREPS, Attacher, aimed_at, not_actor
from tacitus.events.clause import (
    PHASES,
    EventDate,
    date_for,
    governors,
    is_historical,
    is_negated,
    modality_of,
    quote_for,
)
from tacitus.events.doers import JOINT_DRILL, joint_drill, reading
from tacitus.events.domestic import implied_actor, implied_recipients
from tacitus.events.found import CONTENT_TYPES, THEME_OBJECT, Found, dedupe, main_events
from tacitus.events.lexicon import EventLexicon, Pattern, Sense
from tacitus.events.match import LEMMA_FIXES, best, is_temporal, noun_words, np_words, verb_words
from tacitus.events.nominal import nominal_event
from tacitus.events.speech import DEMAND as _DEMAND
from tacitus.events.speech import SAYING as _SAYING
from tacitus.events.speech import span_of as _span
from tacitus.events.speech import speech_event
from tacitus.model import ActorRef, Event, Modality, Quote, Span
from tacitus.when import TimeExpr
from tacitus.where import PlaceMention, place_for_clause

#: Types whose parties all stand as actors, with no recipient, when several act together (PLOVER manual,
#: "Compound and Reciprocal Actors").
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
#: Verbs whose object is who or what is handed on, whatever the type ("extradited a hacker to the US").
_THEME_VERBS = frozenset({"extradite", "hand", "transfer"})
#: Types whose uncoded target is named by its place ("shelled a base in Kandahar").
_LOCATED_TARGET = frozenset({"ASSAULT", "COERCE"})
#: Cooperative events whose announced non-occurrence is a refusal, with the REJECT mode that fits.
_REFUSABLE: dict[str, str | None] = {
    "AGREE": None,
    "CONSULT": "meet",
    "SUPPORT": None,
    "CONCEDE": "yield",
    "RETREAT": "yield",
    "COOPERATE": "assist",
    "AID": "assist",
}
#: Verbs whose subject is the receiving end of the event.
_RECEIVING = frozenset({"receive", "obtain", "get"})


#: Verbs of handing someone or something over to another party.
_HANDING = frozenset({"hand", "surrender", "extradite", "give", "return", "deliver", "transfer", "turn"})


def _handed_to(verb: Token, att: Attacher, actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Whom a refused handover was to go to: the "to" phrase of the verb's complement of handing."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.lemma_ in _HANDING:
            return not_actor(att.prep_refs(c, {"to"}), actor)
    return ()


def _left_body(trigger: Token, recipient: tuple[ActorRef, ...]) -> bool:
    """Whether a withdrawal is from an international organization named in the "from" phrase ("withdrew from the
    ECOWAS regional bloc")."""
    if not recipient or any(r.country != "IGO" for r in recipient):
        return False
    spans = [
        (g.left_edge.idx, g.right_edge.idx + len(g.right_edge))
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(start <= r.start < end for r in recipient for start, end in spans)


#: Verbs of refugees fleeing ("fled to Bangladesh", "sought refuge in India", "took shelter in a church").
_FLEEING = frozenset({"flee", "seek", "take", "find"})
#: Promising violence is threatening it (PLOVER THREATEN); the THREATEN mode that fits.
_VOWS = frozenset({"vow", "pledge", "promise", "swear"})
_THREATENABLE: dict[str, str | None] = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "restrict"}
#: The threat (PLOVER mode, CAMEO 13x code) made by announcing an act of each CAMEO code, and by default per type.
_THREAT_CAMEO: dict[str, tuple[str | None, str]] = {
    **dict.fromkeys(("183", "1831", "1832", "1833"), ("violence", "1383")),
    **dict.fromkeys(("204", "2041", "2042"), ("violence", "1385")),
    "1721": ("restrict", "1321"),
    "1722": ("restrict", "1322"),
    "1723": ("restrict", "1323"),
    "1724": ("restrict", "1324"),
    "173": ("arrest", "132"),
    "191": ("restrict", "1381"),
    "192": ("territory", "1382"),
    "161": ("relations", "1313"),
    **dict.fromkeys(("162", "1621", "1622", "1623"), ("relations", "1311")),
    "163": ("restrict", "1312"),
    "164": ("relations", "134"),
    "165": ("relations", "135"),
    **dict.fromkeys(("166", "1661", "1662", "1663"), ("expel", "136")),
}
_THREAT_DEFAULT = {"ASSAULT": "138", "COERCE": "132", "SANCTION": "131"}
#: Verbs saying a state of affairs goes on.
_LASTING = frozenset({"remain", "stay", "last", "persist", "extend", "prolong"})
#: Cooperation told in the future is coded AGREE, a retreat CONCEDE (PLOVER manual); the CAMEO code is the
#: expressed intent (03) to do it, by the CAMEO code of the act ("" = any other).
_INTENT_CAMEO: dict[str, dict[str, str]] = {
    "CONSULT": {"": "036"},
    "SUPPORT": {"": "032"},
    "COOPERATE": {"": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314"},
    "AID": {"": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334"},
    "RETREAT": {
        "": "035",
        "0841": "0353",
        "085": "0354",
        **dict.fromkeys(("087", "0871", "0872", "0873", "0874"), "0356"),
    },
    "CONCEDE": {"": "035", "081": "0351", "0813": "0351", "0841": "0353", "085": "0354", "0871": "0356"},
}
#: Verbs of going somewhere: a visit's host is the place reached.
_TRAVEL = frozenset({"arrive", "travel", "fly", "come", "head", "go", "land"})
#: Subjects that beat, crush or attack each other in a game.
_PLAYERS = frozenset({"team", "squad", "club", "player", "footballer", "athlete", "eleven", "champion"})
#: Verbs of winning, and the words of a game that make them a match won rather than a battle.
_WINNING = frozenset({"beat", "defeat", "thrash", "edge", "crush", "rout", "overcome", "outplay"})
_GAMES = frozenset(
    {"cup", "final", "semifinal", "match", "game", "tournament", "championship", "title", "league", "penalty", "goal"}
)


def _played(verb: Token) -> bool:
    """A game won: a game word in a purpose clause of winning ("to win the World Cup final") or in the verb's
    "on" or "in" phrase ("beat Italy on penalties", "in the final"); not "beat fans after the match"."""
    phrases = [
        c
        for c in verb.children
        if (c.dep_ in {"xcomp", "advcl"} and c.lemma_ in {"win", "clinch", "reach", "take", "lift"})
        or (c.dep_ == "prep" and c.lower_ in {"on", "in"})
    ]
    return any(t.lemma_.lower() in _GAMES and t.pos_ in {"NOUN", "PROPN"} for c in phrases for t in c.subtree)


_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Verbs of owning up to an act: "claimed responsibility for", "accepted responsibility for".
_CLAIMING = frozenset({"claim", "accept", "admit", "take"})
#: Natural hazards: as the subject of a verb they make it no act of a party.
_HAZARDS = frozenset(
    {"earthquake", "quake", "tsunami", "cyclone", "hurricane", "typhoon", "storm", "flood", "floods", "flooding"}
    | {"monsoon", "landslide", "avalanche", "drought", "wildfire", "tornado", "mudslide", "tremor", "aftershock"}
    | {"blizzard", "heatwave", "volcano", "eruption", "wind", "rain", "floodwater", "surge", "blaze", "stampede"}
)


#: Hazards that also measure out a crowd or an outcry ("a flood of refugees", "an avalanche of criticism").
_MEASURE_WORDS = frozenset({"flood", "surge", "storm", "avalanche", "wave", "tsunami", "torrent"})


def _hazard(subject: Token) -> bool:
    """A subject naming a natural hazard ("Typhoon Haiyan", "the earthquake"); "a flood of refugees" is people."""
    if subject.lemma_.lower() in _MEASURE_WORDS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    ):
        return False  # "a flood of refugees", "a storm of protest"; "winds of 235 kph" stay winds
    # "Typhoon Haiyan", "Hurricane Maria"; "RAF Tornado jets" and "Typhoon fighters" are aircraft
    named = subject.pos_ == "PROPN" and any(
        c.lemma_.lower() in _HAZARDS for c in subject.children if c.dep_ == "compound"
    )
    return subject.lemma_.lower() in _HAZARDS or named


#: Travellers who pay no visit: their arrival is a journey.
_TRAVELLERS = frozenset(
    {"people", "person", "refugee", "migrant", "tourist", "seeker", "family", "pilgrim", "civilian", "passenger"}
)
#: Nouns that count events ("a new round of talks", "a series of attacks"): the counted noun codes.
#: Words marking troops sent as peacekeepers.
_PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "peacekeepers"})
#: Verbs that only say how an event goes on ("stepped up attacks"): with an event noun as object they code nothing.
_ASPECTUAL = frozenset(
    {
        "intensify",
        "escalate",
        "step",
        "continue",
        "resume",
        "begin",
        "start",
        "renew",
        "mount",
        "wage",
        "carry",
        "conduct",
        "order",  # "ordered the seizure of 1,400 farms": the seizure is what happens, by order
        "authorize",  # "authorized the release of $1.2 billion in military assistance to Egypt"
        "complete",  # "completed the withdrawal of its forces from the west bank of the Dnipro"
        "finish",
        "authorise",
    }
)


def _content(verb: Token, event: str) -> Span | None:
    """The requested, threatened or promised act: the complement clause, or the object of "call for"."""
    for c in verb.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            return _span(verb.doc, c.left_edge.i, c.right_edge.i + 1)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"for", "of"}:
            for g in c.children:
                if g.dep_ in {"pobj", "pcomp"}:
                    return _span(verb.doc, g.left_edge.i, g.right_edge.i + 1)
    if event in {"REQUEST", "REJECT"}:
        for c in verb.children:
            if c.dep_ in {"dobj", "obj"} and c.pos_ in {"NOUN", "VERB"}:
                return _span(verb.doc, c.left_edge.i, c.right_edge.i + 1)
    return None


def _weapon_mode(lexicon: EventLexicon, clause: Iterable[Token]) -> Sense | None:
    for tok in clause:
        pats = lexicon.weapons.get(tok.lemma_.lower())
        if pats:
            p = best(pats, noun_words(tok), frozenset())
            if p is not None and p.sense is not None:
                return p.sense
    return None


def find_triggers(
    doc: Doc, actors: ActorIndex, lexicon: EventLexicon, places: tuple[PlaceMention, ...] = ()
) -> list[Found]:
    att = Attacher(actors, frozenset(lexicon.weapons), places)
    found: list[Found] = []
    verb_events: dict[int, Found] = {}
    nouns: list[tuple[Token, Pattern]] = []
    for tok in doc:
        pos = "NOUN" if _mistagged_noun(tok) else tok.pos_
        if pos == "VERB" or _mistagged_verb(tok):
            demand = speech_event(tok, att)
            if demand is not None:
                found.append(demand)
                verb_events[tok.i] = demand
                continue
            pats = lexicon.verbs.get(_verb_lemma(tok, lexicon))
            if not pats:
                continue
            words, heads, objects = verb_words(tok)
            misparsed = _clause_in_modifier(tok)
            if misparsed:  # the noun the verb was hung on is its object
                obj_words: set[str] = set()
                np_words(tok.head, obj_words)
                words, heads, objects = (
                    words | obj_words,
                    heads | {tok.head.lemma_.lower()},
                    objects | {tok.head.lemma_.lower()},
                )
            p = best(pats, words, heads, objects)
            if p is not None and p.sense is not None and p.sense.mode == "phone" and _appeals(tok):
                # "called on Syrian President Assad to hand power": an appeal to a leader, not a call to him
                p = best(tuple(q for q in pats if q.sense is None or q.sense.mode != "phone"), words, heads, objects)
            if tok.lemma_ == "return" and (p is None or p.sense is None or p.sense.event == "CONSULT"):
                p = _returned(tok, att) or p  # "returned the artifacts to Peru", not "returned to Kabul"
            if tok.lemma_ in {"leave", "quit"} and (p is None or p.sense is None):
                p = _troops_left(tok, att) or p  # "the last American soldiers left Afghanistan"
            if tok.lemma_ == "call" and (p is None or p.sense is None):
                p = _phoned(tok, att) or p  # "Putin called Merkel on Friday"
            if p is not None and p.sense is not None and p.sense.cameo == "070" and _handed_person(tok):
                # "Bangladesh handed over Arabinda Rajkhowa to Indian border guards"; an armed group or the Red
                # Cross in it makes the person a captive freed ("Hamas handed over X and Y to the Red Cross")
                p = _HANDED_CAPTIVE if _captives(tok, att) else _HANDED_OVER
            if tok.lemma_ == "accept" and (p is None or p.sense is None) and _refused_acceptance(tok):
                p = _ACCEPTED  # "would not accept the EU's quotas": coded as an agreement, which refusal makes REJECT
            if tok.lemma_ in _HOSTING and (p is None or p.sense is None):
                p = _received(tok, att) or p  # "Macron received Narendra Modi at the Elysee Palace"
            if (
                p is not None
                and p.sense is not None
                and p.sense.mode == "phone"
                and any(c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "ADJ") for c in tok.children)
            ):
                # "called the prime minister nasty": a name given, not a phone call; an insult ("called Britain's
                # ambassador a very stupid guy") is a pattern of its own
                p = best(tuple(q for q in pats if q.sense is None or q.sense.mode != "phone"), words, heads, objects)
                p = p if p is not None and p.slots else None
            if p is None or p.sense is None or _shared_view(tok) or _denied(tok) or _policy_aim(tok):
                continue
            actor_tok = att.subject(tok)
            recipient = att.recipient(tok, located=p.sense.event in _LOCATED_TARGET)
            if p.sense.event in _PARTNERED:
                # "shared intelligence with Israel on suspected militants": the partner, not the topic
                recipient = _partner(tok, att) or recipient
            if misparsed:
                actor_tok = next(c for c in tok.head.children if c.i < tok.i and c.dep_ in _MISPARSED_SUBJECT)
                recipient = att.refs(tok.head)
            if att.is_passive(tok) and actor_tok is not None and actor_tok.dep_ == "nsubjpass":
                actor_tok = None
            if (
                actor_tok is None
                and att.is_passive(tok)
                and (p.sense.event == "MOBILIZE" or (p.sense.event == "AID" and tok.lemma_ in _DEPLOYING))
            ):
                # "police were put on alert", "2,000 Russian soldiers were deployed as peacekeepers": the forces
                # sent act for their own side
                actor_tok = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            actor = att.refs(actor_tok)
            if not actor and att.is_passive(tok):
                actor = _passive_doer(tok, att, p.sense)
            if not actor and actor_tok is not None and _is_weapon(actor_tok, lexicon):
                # "rockets fired by Taliban forces slammed into a market": who fired the weapon
                actor = next((att.prep_refs(c, {"by"}) for c in actor_tok.children if c.dep_ == "acl"), ()) or next(
                    (
                        claimer  # "a Taliban-claimed car bomb struck a bus": who claimed or planted it
                        for c in actor_tok.children
                        if c.dep_ == "amod" and c.tag_ == "VBN"
                        for g in c.children
                        if g.dep_ in {"npadvmod", "compound", "nmod"} and (claimer := att.refs(g))
                    ),
                    (),
                )
            if actor_tok is not None and actor_tok.lemma_.lower() in lexicon.nouns and not att.actors.ref_at(actor_tok):
                # "the bombing of a hospital in Kharkiv by Russian aircraft killed eight": the attack's own actor
                actor = att.noun_args(actor_tok)[0] or actor
            if (
                (p.sense.event in THEME_OBJECT or tok.lemma_ in _THEME_VERBS)
                and p.sense.mode not in {"release", "access"}
                and "asylum" not in p.sense.context  # "sheltered 100,000 Syrian refugees": those taken in
                and tok.lemma_ not in _SAVING  # "evacuated 300 wounded Palestinian children": those helped
            ):
                # "deployed its troops", "sent warships": the object is what moves, not a recipient, unless
                # it is someone else's; released captives and those let in are always the recipient (PLOVER
                # RETREAT release, access)
                actor_countries = {a.country for a in actor}
                own = [r for r in recipient if r.country is None or r.country in actor_countries]
                others = tuple(r for r in recipient if r not in own)
                themed = att.recipient(tok, theme=True)
                if others and all(r.country is None for r in themed):
                    themed = ()  # "training Philippine soldiers on the island of Basilan": an uncoded name is no target
                if others and sum(c.dep_ in {"dobj", "obj"} for c in tok.children) > 1:
                    themed = ()  # "handed the United Nations files on the militants": two objects, the first whom
                recipient = themed or others
            if actor_tok is not None and actor_tok.lemma_.lower() in lexicon.nouns:
                # "Israeli airstrikes on Gaza killed 12": the event noun's own phrase names who and whom
                noun_actor, noun_recipient = att.noun_args(actor_tok)
                actor = actor or noun_actor
                recipient = noun_recipient or recipient
            if tok.dep_ == "amod" and not misparsed:  # "a Qatar-mediated deal"; not "alleged", "outlawed"
                actor = tuple(r for c in tok.children if c.dep_ in {"npadvmod", "compound"} for r in att.refs(c))
                if not actor or p.sense.event not in {"CONSULT", "AGREE"}:
                    continue  # "Iran-backed militias", "Houthi-controlled areas" describe; no act is told here
            if (not p.slots and _carries_nominal(tok, lexicon)) or _carries_verb(tok, lexicon):
                continue  # "intensified its bombardment": the noun says what happened, the verb only how
            # "aid from the EU arrived in Gaza": what arrives is the event; "hundreds of migrants": people
            travellers = actor_tok is not None and any(
                w in _TRAVELLERS or w in lexicon.nouns for w in _head_words(actor_tok)
            )
            travellers = travellers or any("<" + w in words for w in _TRAVELLERS)  # "tourists who visit"
            # "a Syrian tailor who arrived in Sweden": only the traveller's nationality is an actor word
            who = actor_tok.head.head if actor_tok is not None and actor_tok.tag_ in {"WP", "WDT"} else actor_tok
            private = who is not None and who.tag_ == "NN" and att.actors.ref_at(who) is None
            if (
                p.sense.event == "CONSULT"
                and tok.lemma_ in _TRAVEL | {"visit"}
                and (travellers or private or not actor)
            ):
                # "116 people arrived in Kyrgyzstan seeking refuge", "tourists who visit its remnants", "a pastry
                # chef who arrived in Germany": a journey, not a visit between parties
                continue
            if actor_tok is not None and _hazard(actor_tok):
                continue  # "Typhoon Haiyan slammed into the central Philippines": no party acts
            if p.sense.event in _FORCE_TYPES and tok.lemma_ in _WINNING and _played(tok):
                continue  # "Argentina beat Germany to win the World Cup final": a match won
            if actor_tok is not None and actor_tok.lemma_.lower() in _PLAYERS and p.sense.event in _FORCE_TYPES:
                continue  # "the Colombian football team beat Brazil": a match, not an assault
            if not recipient and p.sense.event == "CONSULT" and tok.lemma_ in _TRAVEL:
                # "arrived in Jakarta for talks": the host is where the visitor goes
                recipient = att.prep_refs(tok, {"in", "to", "at"})
            if p.sense.event == "SUPPORT":
                recipient = _on_behalf_of(tok, att) or recipient  # "lobbied its partners on behalf of Cyprus"
            recipient = not_actor(recipient, actor)
            if actor and {r.country for r in recipient} <= {a.country for a in actor}:
                # "recalled its ambassador from Russia", "continued their attacks on Y": the object is the
                # actor's own (or names the actor again); a target PP names whom
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                other = (
                    not_actor(att.recipient(tok, theme=True), actor)
                    or (not_actor(att.target_in(obj, RECIPIENT_PREPS), actor) if obj is not None else ())
                    # "told the United Nations that it would allow weapons inspectors to return"
                    or not_actor(_told(tok, att, actor), actor)
                )
                recipient = other or recipient
            own_countries = {a.country for a in actor}
            if p.sense.event == "REJECT":
                # "refused to hand over Osama bin Laden to the United States": whom the handover was asked for
                recipient = _handed_to(tok, att, actor) or recipient
            if not recipient and p.sense.event == "REJECT":
                # "rejected a request by Y", "denied charges by Y": who made what is refused or denied
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                recipient = tuple(r for r in (att.target_in(obj, ("by", "from")) if obj else ()) if r not in actor)
            if not recipient:
                # "will not lift the embargo until Cuba undertakes reforms": whose act is awaited is the other side
                # "would take countermeasures if the Netherlands restricted exports": a threat's condition
                threat = p.sense.event in _THREATENABLE or p.sense.event == "THREATEN"
                recipient = not_actor(_conditioned_on(tok, att, _CONDITIONS | {"if"} if threat else _CONDITIONS), actor)
            if not recipient and p.sense.event in CONTENT_TYPES:
                # "demanded that the US lift sanctions", "threatened to attack South Korea"
                recipient = tuple(r for r in att.complement_target(tok) if r not in actor)
            if p.sense.event == "PROTEST" and (
                all(r.actor_id is None for r in recipient) or {r.country for r in recipient} <= own_countries
            ):
                # "marched through Kiev, demanding that President Kuchma step down": whom the protest's demand
                # is made of, rather than where it marched ("rallied on Japan's island of Okinawa to demand a
                # reduction in U.S. bases")
                demanded = next(
                    (
                        aimed
                        for c in tok.children
                        if c.dep_ in {"advcl", "xcomp", "conj"}
                        and c.lemma_ in _PROTEST_DEMANDS
                        and (
                            aimed := not_actor(att.complement_target(c) or att.recipient(c) or _named_in(c, att), actor)
                        )
                    ),
                    (),
                )
                recipient = demanded or _premises_owner(tok, att, actor) or recipient
            if not recipient and p.sense.event in _BACKING_PREPS and not att.is_passive(tok):
                # "stood by China", "deposited $2 billion in Pakistan's central bank"
                recipient = not_actor(
                    tuple(
                        r
                        for c in (*tok.children, *(g for o in tok.children if o.dep_ == "dobj" for g in o.children))
                        if c.dep_ == "prep" and c.lower_ in _BACKING_PREPS[p.sense.event]
                        for g in c.children
                        if g.dep_ == "pobj"
                        for r in att.refs(g)
                    ),
                    actor,
                )
            if not recipient:
                # "Tehran told the IAEA that it would accept inspections": the act is announced to the one told
                recipient = not_actor(_told(tok, att, actor), actor)
            if not recipient and p.sense.event != "CONSULT":  # a meeting's place is no host
                recipient = not_actor(att.place_target(tok), actor)
            sense = p.sense
            if tok.lemma_ in _RECEIVING and sense.event != "CONSULT":
                # "Ukraine received tanks from Poland": the giver acts, the subject receives
                giver = tuple(
                    r
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children
                    for r in att.refs(g)
                )
                actor, recipient = giver, actor
            elif sense.event == "SANCTION" and sense.mode == "expel" and tok.lemma_ in _FLEEING:
                # PLOVER: refugees who flee are coded SANCTION 'expel' with whoever drove them out as the actor
                # ("fled the Taliban"; "Syrians sought refuge in the EU" names none) and the fleeing as recipient
                fled = tuple(
                    r
                    for c in tok.children
                    for g in ((c,) if c.dep_ in {"dobj", "obj"} else c.children if c.lower_ == "from" else ())
                    # who drove them out ("fled Islamic State fighters"), not the place fled or the fighting
                    if any(t.ent_type_ in {"ORG", "NORP", "PERSON"} for t in g.subtree if t.i <= g.i)
                    for r in att.refs(g)
                )
                actor, recipient = not_actor(fled, actor), actor
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _VOWS and sense.event in _THREATENABLE:
                # "vowed to retaliate against Iran": a threat, not an attack
                sense = Sense("THREATEN", _THREATENABLE[sense.event], sense.context, "138")
            if sense.event == "CONSULT" and sense.cameo == "043" and recipient and _gathering_hosted(tok):
                # "Macron is hosting a UN climate summit": a gathering convened, nobody's visit
                sense = replace(sense, mode="multilateral")
            elif sense.event == "CONSULT" and sense.cameo == "043" and recipient:
                # PLOVER: the visitor is the actor and the host the recipient ("Putin hosted Erdogan"); in
                # CAMEO the visitor's side of a visit is 042
                actor, recipient = recipient, actor
                sense = replace(sense, mode="visit", cameo="042")
            elif (
                sense.event == "CONSULT"
                and sense.mode not in {"third-party", "multilateral"}
                and sense.cameo != "045"  # a mediator hosting talks between others is no host of a visit
                and recipient
                and _hosts(tok, att, actor, recipient)
            ):
                # "May held talks at Downing Street with Varadkar": the meeting is at the subject's own place,
                # so the other side is the visitor (PLOVER CONSULT visit)
                actor, recipient = recipient, actor
                sense = replace(sense, mode="visit", cameo="042")
            content = _content(tok, sense.event) if sense.event in CONTENT_TYPES else None
            f = Found(tok, tok, sense, actor, recipient, content, False, bool(p.slots))
            found.append(f)
            verb_events[tok.i] = f
        elif pos in {"NOUN", "PROPN"}:
            pats = lexicon.nouns.get(tok.lemma_.lower())
            if pats:
                p = best(pats, noun_words(tok), frozenset())
                if p is not None and p.sense is not None:
                    nouns.append((tok, p))
    # Complements of another event are its content, not events of their own ("urged X to attack").
    kept: list[Found] = []
    merged: dict[int, list[Found]] = {}
    conceded: dict[int, Found] = {}
    for f in found:
        parent = _parent_event(f.trigger, verb_events)
        if parent is not None and parent.sense.event in CONTENT_TYPES:
            if _promised_concession(parent, f):
                conceded[parent.trigger.i] = f
            continue
        tok = f.trigger
        head_event = verb_events.get(tok.head.i)
        if tok.dep_ in {"advcl", "conj"} and head_event is not None and head_event.sense.event == f.sense.event:
            merged.setdefault(tok.head.i, []).append(f)  # one event told with two verbs
            continue
        if tok.dep_ == "acl" and tok.head.dep_ in {"dobj", "pobj"} and _governing_event(tok.head, verb_events):
            continue  # "lifted the ban imposed on X": background to the event told
        kept.append(f)
    kept = [_conceding(_told_twice(f, merged.get(f.trigger.i, [])), conceded) for f in kept]
    for noun, p in nouns:
        f2 = nominal_event(noun, p, att, verb_events)
        if f2 is not None:
            kept.append(f2)
    return [_claimed(f, att) for f in kept]


#: Types done with a partner: a "with" phrase names the recipient before any topic phrase.
_PARTNERED = frozenset({"COOPERATE", "CONSULT"})


def _partner(verb: Token, att: Attacher) -> tuple[ActorRef, ...]:
    """The "with" phrase on the verb or on what is shared or held ("shared intelligence with Israel")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    named = next((att.refs(o) for o in objects if att.actors.ref_at(o) is not None), ())
    if named and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return named  # "supplying Washington with intelligence on Taliban positions": the object is supplied
    # "took part in joint exercises with the US army": what is taken part in holds the partner
    objects += [g for o in (verb, *objects) for p in o.children if p.lower_ == "in" for g in p.children]
    # "shared intelligence on the bombers with Malaysian police": the parser hangs "with" on the topic
    topics = [g for o in objects for p in o.children if p.lower_ in {"on", "about"} for g in p.children]
    for c in (g for h in (verb, *objects, *topics) for g in h.children):
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.children:
                if g.dep_ == "pobj" and att.refs(g):
                    return att.refs(g)
    return ()


def _claimed(f: Found, att: Attacher) -> Found:
    """ "Islamic State claimed responsibility for the bombings that killed 300 people": who claims an attack with
    no actor of its own made it."""
    if (f.actor and not all(_unnamed(r, f.trigger.doc) for r in f.actor)) or f.sense.event not in _FORCE_TYPES:
        return f
    # "a suicide bomber blew up a bus, and Hamas claimed responsibility": a claim told alongside names the bomber's side
    for anc in (*f.trigger.ancestors, *f.trigger.conjuncts):
        if anc.pos_ == "VERB" and anc.lemma_.lower() in _CLAIMING:
            if any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in anc.children):
                actor = att.refs(att.subject(anc))
                return replace(f, actor=actor, recipient=not_actor(f.recipient, actor)) if actor else f
            if anc in f.trigger.ancestors:
                return f
    return f


#: Doers named only by what they did ("a suicide bomber", "gunmen"): a claim of responsibility says whose they are.
_ASSAILANTS = frozenset({"bomber", "gunman", "gunmen", "assailant", "attacker", "shooter", "sniper", "kidnapper"})


def _unnamed(ref: ActorRef, doc: Doc) -> bool:
    """An attacker the text names by no name or nationality ("a suicide bomber", "gunmen"), whatever country the place
    lends it; not "troops" or "police", who are a side of their own."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span[-1].lemma_.lower() not in _ASSAILANTS:
        return False
    return not any(t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"} for t in span)


def _told_twice(f: Found, others: list[Found]) -> Found:
    """One event told with two verbs keeps both triggers; a passive without its agent takes the other verb's
    arguments ("ten civilians were killed as government forces launched air strikes")."""
    if not others:
        return f
    actor = f.actor or next((o.actor for o in others if o.actor), ())
    recipient = f.recipient or next((o.recipient for o in others if o.recipient), ())
    if recipient and all(r.sector == "CVL" for r in recipient):
        # "two people were killed when ISIL attacked the Iraqi embassy": the institution attacked, not the dead
        recipient = next((o.recipient for o in others if _institutions(o.recipient)), recipient)
    return replace(f, actor=actor, recipient=not_actor(recipient, actor), also=tuple(o.trigger for o in others))


def _institutions(refs: tuple[ActorRef, ...]) -> bool:
    return bool(refs) and all(r.country and r.sector not in {None, "CVL"} for r in refs)


def _promised_concession(parent: Found, complement: Found) -> bool:
    """ "agreed to lift the ban", "promised to pull back its forces", "promised Moldova that it would withdraw its
    troops": a retreat or concession agreed to."""
    return (
        parent.sense.event == "AGREE"
        and complement.sense.event in {"RETREAT", "CONCEDE"}
        and complement.trigger.dep_ in {"xcomp", "ccomp"}
        and complement.trigger.head.i == parent.trigger.i
    )


def _conceding(f: Found, conceded: dict[int, Found]) -> Found:
    """PLOVER: an agreed or promised retreat or concession is a CONCEDE (the manual's AGREE and CONCEDE sections:
    such future acts "do not reduce to AGREE"); CAMEO codes it as the intent to yield (035x)."""
    act = conceded.get(f.trigger.i)
    if act is None:
        return f
    intents = _INTENT_CAMEO[act.sense.event]
    cameo = intents.get(act.sense.cameo or "", intents[""])
    own = {a.country for a in f.actor} if len(f.actor) > 1 else set()  # "they agreed to exchange prisoners"
    recipient = tuple(r for r in f.recipient or not_actor(act.recipient, f.actor) if r.country not in own)
    return replace(f, sense=Sense("CONCEDE", None, act.sense.context, cameo), recipient=recipient)


#: CAMEO 0842, return or release property: PLOVER RETREAT ("the return of confiscated property").
_RETURN_PROPERTY = Pattern((), Sense("RETREAT", None, ("legal",), "0842"), True)


def _returned(verb: Token, att: Attacher) -> Pattern | None:
    """Something handed back to a coded party: an object and a "to" phrase naming who gets it."""
    if not any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in verb.children):
        return None
    to_someone = any(
        c.dep_ in {"prep", "dative"} and c.lower_ == "to" and any(g.dep_ == "pobj" and att.refs(g) for g in c.children)
        for c in verb.children
    )
    return _RETURN_PROPERTY if to_someone else None


#: Forces whose leaving a place is a withdrawal (CAMEO 0872), and places they leave.
_TROOPS = frozenset({"troop", "troops", "soldier", "force", "army", "contingent", "peacekeeper", "marine", "unit"})
_LEFT_PLACES = frozenset({"country", "region", "base", "city", "town", "territory", "area", "province", "zone"})
_WITHDRAWAL = Pattern((), Sense("RETREAT", "withdraw", ("military",), "0872"), True)


def _troops_left(verb: Token, att: Attacher) -> Pattern | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _TROOPS:
        return None
    left = any(
        c.dep_ in {"dobj", "obj"}
        and (
            c.ent_type_ in {"GPE", "LOC"}
            or c.lemma_.lower() in _LEFT_PLACES
            or (c.pos_ == "PROPN" and any(r.country for r in att.refs(c)))
        )
        for c in verb.children
    )
    return _WITHDRAWAL if left else None


_PHONE_CALL = Pattern((), Sense("CONSULT", "phone", ("diplomatic",), "041"), True)


def _phoned(verb: Token, att: Attacher) -> Pattern | None:
    """ "called Merkel": a call to a named official with no name given ("called him a liar") and no appeal
    ("called for", "called on") is a phone call, as "called the prime minister" is by the lexicon."""
    if _appeals(verb) or any(c.dep_ in {"oprd", "ccomp", "xcomp", "prt"} for c in verb.children):
        return None
    return _PHONE_CALL if _named_official(verb, att) else None


def _appeals(verb: Token) -> bool:
    """ "called for", "called on X", "called upon X": an appeal, whatever else the verb governs."""
    return any(c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} and not is_temporal(c) for c in verb.children)


def _named_official(verb: Token, att: Attacher) -> bool:
    """The verb's one object is an official named by name ("called Merkel", "received Narendra Modi")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if len(objects) != 1 or objects[0].pos_ != "PROPN" or objects[0].ent_type_ != "PERSON":
        return False
    refs = att.refs(objects[0])
    return bool(refs) and all(r.sector in _OFFICIAL_SECTORS for r in refs)


_HANDED_OVER = Pattern((), Sense("COOPERATE", None, ("legal",), "063"), True)


def _passive_doer(verb: Token, att: Attacher, sense: Sense) -> tuple[ActorRef, ...]:
    """Who did a passive act the parse gives no agent: a "by" phrase hung on the verb's last phrase ("were cut off
    from the SWIFT system by the European Union"), the imposer named with a lifted measure ("UN sanctions against
    Iran were lifted"), the country someone is expelled from ("inspectors have been expelled from North Korea"), the
    host of an envoy summoned ("the Afghan envoy in Islamabad was summoned")."""
    if not any(c.dep_ == "agent" for c in verb.children):
        doer = next((by for c in verb.children if c.dep_ == "prep" for g in c.children if (by := att.by_party(g))), ())
        if doer:
            return doer
    if sense.event in {"RETREAT", "CONCEDE"}:
        owner = _measure_owner(verb, att)
        if owner:
            return owner
    if sense.mode == "expel" or verb.lemma_ == "expel":
        return att.prep_refs(verb, {"from"})
    if verb.lemma_ == "summon":  # "the Afghan envoy in Islamabad was summoned": by the host
        envoys = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return tuple(
            r for e in envoys for p in e.children if p.lower_ == "in" for g in p.children for r in att.places_at(g)
        )
    return ()


def _measure_owner(verb: Token, att: Attacher) -> tuple[ActorRef, ...]:
    """Who imposed the measure a passive verb lifts, named as its modifier ("UN sanctions were lifted")."""
    measure = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in MEASURES), None)
    if measure is None:
        return ()
    return tuple(r for c in measure.children if c.dep_ in {"compound", "amod", "nmod"} for r in att.refs(c))


#: Verbs of breaking up a crowd, repression when done with crowd-control weapons.
_DISPERSING = frozenset({"disperse", "break", "scatter", "clear"})
#: Verbs of aid whose object is who is helped, not what is sent ("evacuated wounded children to its hospitals").
_SAVING = frozenset({"evacuate", "rescue", "treat", "resettle"})
#: Verbs sending forces, whose passive subject acts for its side ("peacekeepers were deployed").
_DEPLOYING = frozenset({"deploy", "send", "dispatch", "station", "post", "fly", "airlift"})
#: What "accept" codes only when refused: on its own, accepting is too vague to code ("accepted the results").
_ACCEPTED = Pattern((), Sense("AGREE", None, ("diplomatic",), "030"), True)


def _refused_acceptance(verb: Token) -> bool:
    """ "will not accept the quotas", "cannot accept more refugees": a negated accepting of something named."""
    return is_negated(verb) and any(c.dep_ in {"dobj", "obj"} for c in verb.children)


_HANDED_CAPTIVE = Pattern((), Sense("RETREAT", "release", ("legal",), "0841"), True)
#: Sectors of armed groups, which hand over captives, not suspects.
_CAPTORS = frozenset({"REB", "UAF", "IMG"})


def _captives(verb: Token, att: Attacher) -> bool:
    """Whoever hands over is an armed group, or the Red Cross receives: a release of captives."""
    giver = att.refs(att.subject(verb))
    if any(r.sector in _CAPTORS or r.country == "IMG" for r in giver):
        return True
    return any(
        g.lemma_.lower() == "cross" or "red cross" in g.text.lower() or "icrc" in g.text.lower()
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.subtree
    )


def _handed_person(verb: Token) -> bool:
    """ "handed over Arabinda Rajkhowa": a person named by name handed to another side is a handover of a wanted
    man (CAMEO 063, as "handed over the suspect"); hostages and prisoners are matched as releases first."""
    if verb.lemma_ not in {"hand", "turn"} or not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.ent_type_ == "PERSON" for c in verb.children)


_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO", "ELI"})  # ELI: a leader out of office on the day
_HOSTING = frozenset({"receive", "welcome"})
_HOSTED_VISIT = Pattern((), Sense("CONSULT", "visit", ("diplomatic",), "043"), True)


def _received(verb: Token, att: Attacher) -> Pattern | None:
    """ "received Narendra Modi": an official received or welcomed by name is a hosted visit, as "received the
    Indian prime minister" is by the lexicon; "received a letter" or "welcomed the decision" is none."""
    return _HOSTED_VISIT if _named_official(verb, att) else None


#: Gatherings a host convenes rather than receives.
_GATHERINGS = frozenset(
    {"summit", "conference", "meeting", "forum", "talks", "talk", "session", "congress", "convention"}
)


def _gathering_hosted(verb: Token) -> bool:
    """ "hosted a climate summit", "is hosting talks": the verb's object is a gathering, not a guest."""
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _GATHERINGS for c in verb.children)


#: Places a pronoun can make the subject's own ("at his office", "at her residence").
_OWN_VENUES = frozenset({"office", "residence", "palace", "home", "headquarters", "ranch", "dacha", "estate"})


def _hosts(verb: Token, att: Attacher, actor: tuple[ActorRef, ...], recipient: tuple[ActorRef, ...]) -> bool:
    """The meeting told by ``verb`` is held at the actor's own place and the recipient is from elsewhere: "at
    his office", "at the White House", "in Seoul" for a South Korean host."""
    own = {a.country for a in actor}
    guests = {r.country for r in recipient}
    if verb.lemma_ == "visit" or len(own) != 1 or None in own or None in guests or own & guests:
        return False  # "Li Qiang visited the Pakistani embassy in Beijing": the visitor is the subject
    heads = (verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"}))
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}):
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            # the city named decides ("met Netanyahu at his office in Jerusalem": the office is Netanyahu's)
            named = att.actors.ref_at(place)  # "at the White House", "at Downing Street"
            venue = att.places_at(place) or att.place_target(place) or ((named,) if named is not None else ())
            if venue:
                return {r.country for r in venue} <= own
            if place.lemma_.lower() in _OWN_VENUES and any(
                c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ != "their" for c in place.children
            ):
                return True
    return False


#: Marks of a condition another party must meet first.
_CONDITIONS = frozenset({"until", "unless", "till"})


def _conditioned_on(verb: Token, att: Attacher, marks: frozenset[str] = _CONDITIONS) -> tuple[ActorRef, ...]:
    """The subject of an "until" or "unless" clause (or another of ``marks``) on the verb: the party whose act is
    the condition."""
    return tuple(
        r
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for s in c.children
        if s.dep_ in {"nsubj", "nsubjpass"}
        for r in att.refs(s)
    )


def _carries_nominal(verb: Token, lexicon: EventLexicon) -> bool:
    """An aspectual verb ("intensified", "stepped up", "resumed") whose object is an event noun, or whose
    complement is an event verb ("helicopters began ferrying food": the ferrying is told, not the beginning)."""
    if verb.lemma_ not in _ASPECTUAL:
        return False
    return any(c.dep_ in {"dobj", "obj", "nsubjpass"} and c.lemma_.lower() in lexicon.nouns for c in verb.children)


def _carries_verb(verb: Token, lexicon: EventLexicon) -> bool:
    """An aspectual verb whose complement is an event verb ("helicopters began ferrying food", "tanks began
    shelling the town"): the complement is told, not the beginning, whatever the aspectual verb's pattern."""
    return verb.lemma_ in PHASES and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and _verb_lemma(c, lexicon) in lexicon.verbs for c in verb.children
    )


#: Ills a government fights or combats as a policy ("fight terrorism", "combat disinformation"); their doers
#: ("drug cartels", "traffickers") are fought by force.
_POLICY_AIMS = frozenset(
    {"terrorism", "terror", "extremism", "trafficking", "crime", "piracy", "smuggling", "radicalisation"}
    | {"radicalization", "climate", "change", "misinformation", "disinformation", "corruption", "poverty"}
    | {"drug", "narcotic", "impunity", "fraud", "inflation", "hunger"}
)


def _policy_aim(verb: Token) -> bool:
    """ "to fight terrorism", "combatting drug trafficking": the head of what is fought is an ill, not a party."""
    if verb.lemma_ not in {"fight", "combat", "tackle", "battle", "counter"}:
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _POLICY_AIMS for c in verb.children)


#: Verbs of denying a claim, and the nouns of claims they deny.
_DENYING = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "rubbish"})
_CLAIMS = frozenset({"report", "charge", "accusation", "allegation", "claim", "suggestion", "rumour", "rumor"})


def _denied(verb: Token) -> bool:
    """ "denied reports that it was building a base", "denied charges he ran a hit squad that killed officials":
    what a denied claim says is no event told (a denial itself codes nothing in PLOVER: CAMEO 016); "denied that
    it backs M23" is the act, negated."""
    tok = verb
    for _ in range(5):
        if tok.head.i == tok.i:
            return False
        up = tok.head
        if up.lemma_.lower() in _CLAIMS and up.pos_ == "NOUN" and up.head.lemma_ in _DENYING:
            return True
        tok = up
    return False


def _shared_view(verb: Token) -> bool:
    """ "They agree with Scott that ...", "agreed with the Senate that ...": an opinion shared (CAMEO 019, which
    PLOVER drops), not a commitment to cooperate."""
    if verb.lemma_ not in {"agree", "concur"} or any(c.dep_ == "xcomp" for c in verb.children):
        return False
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    # present tense alone is no sign: headlines tell past agreements so ("Spain agrees with France on ...")
    said = verb.tag_ in {"VBP", "VBZ"} and verb.dep_ == "ccomp" and verb.head.lemma_ in _SAYING
    return with_someone and (said or any(c.dep_ == "ccomp" for c in verb.children))


def _verb_lemma(tok: Token, lexicon: EventLexicon) -> str:
    """The lemma the lexicon knows the verb by: the lemmatiser's, corrected where it is known to fail ("staged" ->
    "stag", "readied" -> "readie", "cordoned" -> "cordone", "petitioned" left as is), else from the inflection."""
    lemma = tok.lemma_.lower()
    if lemma == "rap" and tok.lower_.startswith("rape"):
        return "rape"  # "raped" is lemmatised "rap" (which is also "rapped", criticised)
    lemma = LEMMA_FIXES.get(lemma, lemma)
    if lemma in lexicon.verbs:
        return lemma
    word = tok.lower_
    candidates: tuple[str, ...] = ()
    if word.endswith("ied"):
        candidates = (word[:-3] + "y",)
    elif word.endswith("ed"):
        candidates = (word[:-2], word[:-1])
    elif word.endswith("ing"):
        candidates = (word[:-3], word[:-3] + "e")
    return next((c for c in candidates if c in lexicon.verbs), lemma)


def _is_weapon(tok: Token, lexicon: EventLexicon) -> bool:
    """A weapon word, also when the tagger took a sentence-initial plural for a name ("Rockets fired by ...")."""
    word = tok.lower_
    return any(w in lexicon.weapons for w in (tok.lemma_.lower(), word, word[:-1] if word.endswith("s") else word))


def _head_words(subject: Token) -> list[str]:
    """The lemma of a subject and, for a count ("hundreds of migrants"), of what it counts."""
    counted = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return [t.lemma_.lower() for t in (subject, *counted) if t.dep_ in {subject.dep_, "pobj"}]


def _mistagged_noun(tok: Token) -> bool:
    """A sentence-initial noun the tagger took for a base-form verb ("Aid from Japan reached ...") that the parser
    made a subject: a verb in a subject's place with no clause of its own."""
    return (
        tok.pos_ == "VERB"
        and tok.tag_ in {"VB", "VBP"}
        and tok.dep_ in {"nsubj", "nsubjpass"}
        and not any(c.dep_ in {"nsubj", "aux", "dobj", "mark", "xcomp", "ccomp"} for c in tok.children)
    )


def _mistagged_verb(tok: Token) -> bool:
    """A clause head the tagger took for a noun ("Protesters rally", "Iran slams US") that has a subject."""
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)


#: Verbs saying what a protest demands, and of whom ("rallied to demand that ...").
_PROTEST_DEMANDS = frozenset({"demand", "call", "urge", "press", "ask"})


#: Buildings a protest is held at whose owner it is aimed at ("protested outside the US embassy in Baghdad").
_PREMISES = frozenset({"embassy", "consulate", "office", "offices", "headquarters", "mission", "base", "compound"})


def _premises_owner(verb: Token, att: Attacher, actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Whose embassy, office or base a protest is held at, outside or in front of: the owner, not the city."""
    held = (verb, *(o for o in verb.children if o.dep_ in {"dobj", "obj"}))  # "staged a hunger strike outside"
    for c in (c for h in held for c in h.children):
        if c.dep_ != "prep" or c.lower_ not in {"outside", "at", "near", "before", "opposite", "in"}:
            continue
        for g in c.children:
            if g.dep_ == "pobj" and c.lower_ == "in" and g.lower_ == "front":  # "in front of the British embassy"
                g = next((o for p in g.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), g)
            if g.dep_ == "pobj" and g.lemma_.lower() in _PREMISES:
                owners = not_actor(
                    tuple(r for m in g.children if m.dep_ in {"poss", "compound", "amod", "nmod"} for r in att.refs(m)),
                    actor,
                )
                if owners:
                    return owners
    return ()


def _named_in(verb: Token, att: Attacher) -> tuple[ActorRef, ...]:
    """Parties named anywhere in a demand's object: "to demand a reduction in the number of U.S. bases"."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None:
        return ()
    return tuple(r for t in obj.subtree if t.i != obj.i and t.ent_type_ in {"GPE", "NORP", "ORG"} for r in att.refs(t))


#: Prepositions that name whom support or aid goes to, besides the usual recipient ones.
_BACKING_PREPS = {"SUPPORT": frozenset({"by", "behind"}), "AID": frozenset({"in", "into"})}
#: Dependents of a noun that name the subject of a finite verb the parser hung on that noun.
_MISPARSED_SUBJECT = frozenset({"nsubj", "nmod", "compound"})


def _clause_in_modifier(tok: Token) -> bool:
    """A past verb the parser made a modifier of the sentence's noun root, with its subject left of it
    ("The Houthis blocked shipping", "Merkel telephoned Hollande"). A participle needs a subject that is no
    compound: "Qatar-mediated talks" and "Iran-backed militias" describe."""
    head = tok.head
    return (
        tok.dep_ == "amod"
        and tok.tag_ in {"VBD", "VBN"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i > tok.i
        and any(
            c.i < tok.i and c.dep_ in _MISPARSED_SUBJECT and (tok.tag_ == "VBD" or c.dep_ != "compound")
            for c in head.children
        )
    )


def _governing_event(noun: Token, verb_events: dict[int, Found]) -> bool:
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head.i in verb_events


def _parent_event(verb: Token, verb_events: dict[int, Found]) -> Found | None:
    for gov in governors(verb)[:2]:
        if gov.i in verb_events and verb.dep_ != "conj":
            return verb_events[gov.i]
        if verb.dep_ == "conj":
            return None
    return None


#: Verbs of telling someone something, whose object is whom the act told of is announced to.
_TELLING = frozenset({"tell", "inform", "assure", "notify", "promise", "warn", "write"})


def _on_behalf_of(verb: Token, att: Attacher) -> tuple[ActorRef, ...]:
    """Whom support is rallied for: "on behalf of Cyprus's bid", "on Cyprus's behalf"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in {"on", "in"}:
            continue
        for behalf in (g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "behalf"):
            named = [g for p in behalf.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
            named += [g for g in behalf.children if g.dep_ == "poss"]
            for g in named:
                found = att.refs(g) or att.refs(next((x for x in g.children if x.dep_ == "poss"), None))
                if found:
                    return found
    return ()


def _says_it(head: Token, quote: Quote) -> bool:
    """The event's clause is the quote's own cue: the act is the saying ("Meles declared that the war was over")."""
    return quote.cue is not None and quote.cue.start <= head.idx < quote.cue.end


def _told(verb: Token, att: Attacher, actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Whom the teller's own act is told to ("Tehran told the IAEA that it would accept snap inspections"); not
    someone else's act ("officials told the AP that Russian jets bombed the town"), nor the press it is told to."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in _TELLING:
        return ()
    teller = {r.country for r in att.refs(att.subject(verb.head))}
    if not actor or not {a.country for a in actor} <= teller:
        return ()
    told = next((c for c in verb.head.children if c.dep_ in {"dobj", "obj", "dative"} and c.i < verb.i), None)
    return tuple(r for r in att.refs(told) if r.sector not in _PRESS)


_PRESS = frozenset({"JRN", "MED"})


def extract_events(
    doc: Doc,
    published: date | None,
    actors: ActorIndex,
    times: tuple[TimeExpr, ...],
    places: tuple[PlaceMention, ...],
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
) -> tuple[Event, ...]:
    """PLOVER events of one article, ids E1, E2, ... in text order, repeated mentions merged."""
    events: list[Event] = []
    for f in sorted(main_events(find_triggers(doc, actors, lexicon, places)), key=lambda f: f.trigger.i):
        if not _vague(f):
            events.append(_build(f, published, times, places, quotes, lexicon, actors))
    return dedupe(events)


def _vague(f: Found) -> bool:
    """A verb coded by its lemma alone, with no party on either side: "kept Britain bound to the bloc's rules",
    "the decision was made given the risks". A generic verb ("bind", "give", "resume", "serve")
    tells an event only through who does it to whom; with neither, the clause reports nothing codable."""
    return not (f.actor or f.recipient or f.specific or f.nominal)


def _forecast(head: Token) -> bool:
    """ "are expected to approve sanctions", "is likely to impose a curfew": others foresee the act; it is no
    threat its actor makes."""
    return any(
        (g.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in g.children)) or g.lemma_ in {"likely", "due"}
        for g in governors(head)[:2]
    ) or (head.dep_ == "xcomp" and head.head.lemma_ in {"likely", "due"})


#: Marks of a clause that dates the main event by another ("hours after forces fired on protesters").
_BACKGROUND_MARKS = frozenset({"after", "before", "since", "following", "until", "when", "while", "as"})


def _background(head: Token) -> bool:
    """Told in a temporal clause of another verb: background to the sentence's main event, less likely its point."""
    for tok in (head, *head.ancestors):
        if tok.dep_ in {"advcl", "pcomp"} and (
            any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in tok.children)
            or (tok.dep_ == "pcomp" and tok.head.lower_ in _BACKGROUND_MARKS)
        ):
            return True
    return False


def _build(
    f: Found,
    published: date | None,
    times: tuple[TimeExpr, ...],
    places: tuple[PlaceMention, ...],
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
    actors: ActorIndex,
) -> Event:
    sense = reading(f)
    head = f.clause
    if sense.event == "ASSAULT" and sense.mode is None:
        weapon = _weapon_mode(lexicon, head.subtree if head is not f.trigger else f.trigger.subtree)
        if weapon is not None:
            sense = replace(sense, mode=weapon.mode, context=sense.context + weapon.context)
    elif sense.event == "COERCE" and sense.cameo == "172" and f.trigger.lemma_ in _DISPERSING:
        # "dispersed protesters with water cannon": a crowd broken up by force is violent repression (CAMEO 175)
        weapon = _weapon_mode(lexicon, f.trigger.subtree)
        if weapon is not None and weapon.mode == "crowd-control":
            sense = weapon
    dispatched = sense.event == "MOBILIZE" or (sense.event == "CONSULT" and f.trigger.lemma_ in _TRAVEL)
    if dispatched:  # the clause's words, only where they can change the reading
        scope = list(head.head.subtree if head.dep_ == "xcomp" else head.subtree)  # "peacekeepers began deploying"
        if any(t.lemma_.lower() in _PEACEKEEPING for t in scope):
            # troops sent, deployed or arriving as peacekeepers are aid (CAMEO 074), not a show of force or a visit
            sense = Sense("AID", None, ("peacekeeping",), "074")
        if sense.event == "MOBILIZE" and joint_drill(f, scope, actors):
            sense = JOINT_DRILL
    modality: Modality = modality_of(head, light=f.nominal and head is not f.trigger)
    vowed = f.trigger.dep_ == "xcomp" and f.trigger.head.lemma_ in _VOWS
    if modality == "asserted" and vowed and sense.event in _INTENT_CAMEO:
        modality = "future"  # "vowed to work with Belgium": a promise, not yet the act
    when: EventDate = date_for(f.trigger if f.nominal else head, times, published)
    if f.nominal and when.source == "published" and head is not f.trigger:
        when = date_for(head, times, published)
    for other in f.also if when.source == "published" else ():
        # "two people were killed when ISIL attacked the embassy on Monday": the other verb's date
        dated = date_for(other, times, published)
        if dated.source == "text":
            when = dated
            break
    if modality == "future" and sense.event in _INTENT_CAMEO:
        # PLOVER: a promised retreat is a concession; promised cooperation is an agreement; CAMEO codes
        # either as an expressed intent (03)
        cameo = _INTENT_CAMEO[sense.event].get(sense.cameo or "", _INTENT_CAMEO[sense.event][""])
        if sense.event in {"RETREAT", "CONCEDE"}:
            sense = replace(sense, event="CONCEDE", mode=None, cameo=cameo)
        else:
            sense = replace(sense, event="AGREE", mode=None, cameo=cameo)
    negated = is_negated(head, f.trigger if f.nominal else None)
    # "cannot accept more refugees" refuses as firmly as "will not"
    cannot = modality == "hypothetical" and any(c.dep_ == "aux" and c.lower_ in {"can", "ca"} for c in head.children)
    if negated and (modality == "future" or cannot) and sense.event in _REFUSABLE:
        # "will not lift the sanctions" is a refusal now, not a concession that did not happen (CAMEO 12)
        mode = _REFUSABLE[sense.event]
        sense = Sense(
            "REJECT", mode, sense.context, {"yield": "124", "assist": "121", "meet": "125"}.get(mode or "", "120")
        )
        negated = False
        modality = "asserted"
    lasting = head.lemma_ in _LASTING  # "the curfew would remain in force": no new act announced
    if modality == "future" and not negated and sense.event in _THREATENABLE and not lasting and not _forecast(head):
        # "says it will begin a military operation", "will impose a curfew": force or coercion announced is a
        # threat made now (CAMEO 13), as ConfliBERT's annotators code it too
        mode, cameo = _THREAT_CAMEO.get(sense.cameo or "", (_THREATENABLE[sense.event], _THREAT_DEFAULT[sense.event]))
        sense = Sense("THREATEN", mode, sense.context, cameo)
        modality = "asserted"
    quote = quote_for(f.trigger.idx, quotes)
    claimed_by = quote.speaker_actor if quote else None
    if modality == "asserted" and is_historical(when, published):
        modality = "historical"
    elif modality == "asserted" and quote is not None and f.sense is not _DEMAND and not _says_it(head, quote):
        modality = "reported"  # a demand, or a war declared over, is the saying itself
    actor = f.actor
    recipient = f.recipient
    if sense.event == "THREATEN" and not actor and claimed_by is not None:
        # "North Korea said that Seoul would be turned into a sea of fire": a threat told with no doer is the
        # speaker's own
        actor = (claimed_by,)
    if sense.event == "RETREAT" and sense.mode == "withdraw" and _left_body(f.trigger, recipient):
        # PLOVER SANCTION 'withdraw': leaving an organization ("announced their withdrawal from ECOWAS") reduces
        # relations; a retreat is from territory
        sense = Sense("SANCTION", "withdraw", sense.context, "160")
    if sense.event in RECIPROCAL and len(actor) > 1 and "visit" not in (sense.mode, f.sense.mode):  # a host stays
        # "X and Y signed a deal" needs no recipient, but a third party they give to or act against stays
        recipient = tuple(r for r in not_actor(recipient, actor) if aimed_at(r, f.trigger))
    location = place_for_clause(head.doc, head, places) if places else None
    named = any(not r.implied for r in recipient)
    sent = f.trigger.sent
    around = actors.refs_in(sent.start, sent.end) + tuple(
        ActorRef(m.place.text, m.place.start, m.place.end, m.place.country, None, None)
        for m in places
        if sent.start <= m.tok_start < sent.end
    )
    # "delivered supplies to Mekelle", "hammered the outskirts of Khan Younis": a name the tagger made a party of
    # but the gazetteer places is its country's
    placed = {(m.place.start, m.place.end): m.place.country for m in places if m.place.country}
    recipient = tuple(
        replace(r, country=placed[(r.start, r.end)]) if r.country is None and (r.start, r.end) in placed else r
        for r in recipient
    )
    # crowd control is repression at home: its unnamed targets are the actor's people, as an arrest's are
    implied = implied_recipients(
        "COERCE" if sense.mode == "crowd-control" else sense.event, actor, recipient, location, around
    )
    own = {a.country for a in actor}
    # "threatened to expel all inspectors": the expulsion threatened is aimed at foreigners too
    xcomps = [c for c in f.trigger.children if c.dep_ == "xcomp"]
    expelled = sense.mode == "expel" or any(t.lemma_ == "expel" for t in (f.trigger, *xcomps))
    if not (expelled and any(r.implied and r.country in own for r in implied)):
        recipient = implied  # the expelled are foreigners, not the actor's own people
    trig = f.trigger
    if not (sense.mode == "expel" and trig.lemma_ in _FLEEING):  # the refuge found is not who drove them out
        actor = implied_actor(sense.event, actor, location)
    confidence = 0.45 + (0.2 if f.actor else 0) + (0.1 if named else 0) + (0.1 if f.specific else 0)
    confidence -= 0.1 if f.nominal else 0
    confidence -= 0.15 if _background(head) else 0
    trigger = Span(trig.text, trig.idx, trig.idx + len(trig.text))
    return Event(
        id="",
        event=sense.event,
        mode=sense.mode,
        context=sense.context,
        quad=lexicon.quad(sense.event),
        cameo=sense.cameo,
        actor=actor,
        recipient=recipient,
        date=when.value,
        date_text=when.text,
        date_from="text" if when.source == "text" else "published",
        location=location,
        trigger=trigger,
        sentence=Span(sent.text, sent.start_char, sent.end_char),
        negated=negated,
        modality=modality,
        confidence=min(confidence, 0.95),
        date_granularity=when.granularity,
        claimed_by=claimed_by,
        content=f.content,
        mentions=(trigger, *(Span(t.text, t.idx, t.idx + len(t.text)) for t in f.also)),
        score=lexicon.score(sense.event, sense.mode),
    )
