"""How who does an act changes what it is: a crowd's blockade is a protest and a state's is coercion, a state's
protest is diplomatic, rallying allies is support, a sanction at home is repression, weapons a state hands to
another state are aid, and drills held by two countries' forces are cooperation."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tacitus.actors import ActorIndex
from tacitus.actors.drafts import NON_STATE
from tacitus.events.args import COUNTS
from tacitus.events.found import Found
from tacitus.events.lexicon import Sense
from tacitus.model import ActorRef


def reading(f: Found) -> Sense:
    """The sense of a coded trigger as its doer reads it (see the module's doc)."""
    return _armed(_domestic(_rallying(_by_whom(f.sense, f.trigger, f.clause, f.actor), f.trigger), f), f)


#: Subjects that are people in the street, not forces: what they block, burn or fight is a protest.
_CROWDS = frozenset(
    {
        *("protester", "protestor", "demonstrator", "activist", "student", "farmer", "driver", "trucker"),
        *("fisherman", "fishermen", "worker", "rioter", "royalist", "crowd", "youth", "supporter", "villager"),
        *("resident", "union", "unionist", "teacher", "doctor", "nurse", "miner", "employee", "striker", "marcher"),
        *("fan", "opponent", "lawyer", "taxi", "trader", "shopkeeper", "pensioner", "veteran", "consumer", "shopper"),
    }
)
#: Acts of crowds that are a riot (PLOVER PROTEST riot), and acts that obstruct (PROTEST obstruct).
_RIOTING = frozenset(
    {
        "set",
        "burn",
        "torch",
        "clash",
        "loot",
        "vandalize",
        "vandalise",
        "smash",
        "ransack",
        "throw",
        "hurl",
        "fling",
        "storm",
        "pelt",
        "stone",
    }
)
#: Fights that are a riot when a crowd fights the police or troops ("rioters fought police"), not another faction.
_FIGHTING = frozenset({"fight", "battle", "scuffle", "brawl", "clash"})
_SECURITY = frozenset({"police", "policeman", "troop", "soldier", "force", "army", "gendarme", "officer", "guard"})
#: Participles that make any subject a crowd ("rioting Uighurs clashed with police").
_CROWD_MARKS = frozenset({"rioting", "protesting", "demonstrating", "striking", "marching"})
_OBSTRUCTING = frozenset({"block", "blockade", "barricade", "occupy", "obstruct", "shut", "close", "besiege"})
#: Subjects that are a state's forces or authorities: their blockade is coercion, their boycott a sanction.
_STATE_FORCES = frozenset({"army", "troops", "force", "military", "police", "navy", "government", "authority"})
_STATES = frozenset({"state", "country", "nation", "government"})


def _subject_word(head: Token) -> Token | None:
    """The head noun of the clause's subject (a name's last word), if it has one; through a count ("thousands of
    Chinese students pelted the embassy") to the people counted."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.lemma_.lower() in COUNTS or subject.like_num):
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return counted or subject
    return subject


def _fights_police(trigger: Token) -> bool:
    """ "fought police", "battled with troops": a fight whose other side is the police or troops."""
    if trigger.lemma_.lower() not in _FIGHTING:
        return False
    sides = [c for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    sides += [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
    ]
    return any(s.lemma_.lower() in _SECURITY for s in sides)


def _by_whom(sense: Sense, trigger: Token, clause: Token, actor: tuple[ActorRef, ...]) -> Sense:
    """The same act is a protest when a crowd does it and coercion or a sanction when a state does.

    "Rioters set fire to cars", "truckers blockaded the crossing", "workers struck against the reform" are
    PROTEST; "Azerbaijan blockaded the road" is COERCE; "Arab states launched a boycott" is SANCTION.
    """
    subject = _subject_word(clause)
    if subject is None:
        return sense
    who = subject.lemma_.lower()
    # "rioting Uighurs", also misparsed as a gerund with its object ("Rioting" nsubj, "Uighurs" dobj)
    marked = subject.lower_ in _CROWD_MARKS and subject.tag_ == "VBG"
    crowd = who in _CROWDS or marked or any(c.dep_ == "amod" and c.lower_ in _CROWD_MARKS for c in subject.children)
    # "hundreds of Armenians blocked the road": a people counted is a crowd, not its state
    crowd = crowd or (subject.dep_ == "pobj" and subject.ent_type_ == "NORP" and subject.tag_ in {"NNPS", "NNS"})
    lemma = trigger.lemma_.lower()
    if crowd and sense.event in {"ASSAULT", "COERCE"} and (lemma in _RIOTING or _fights_police(trigger)):
        return Sense("PROTEST", "riot", sense.context, "145")
    if crowd and lemma == "strike" and not any(c.dep_ in {"dobj", "obj"} for c in trigger.children):
        return Sense("PROTEST", "strike", sense.context, "143")  # "dock workers struck against the law"
    if crowd and sense.event == "COERCE" and lemma in _OBSTRUCTING:
        return Sense("PROTEST", "obstruct", sense.context, "144")
    # a named subject coded as a country ("Azerbaijan blockaded the road")
    named = subject.pos_ == "PROPN" and any(a.country for a in actor)
    state = named or subject.ent_type_ == "GPE" or who in _STATE_FORCES
    if not crowd and state and sense.event == "PROTEST" and sense.mode is None and lemma == "protest":
        # "Indonesia protested to Beijing over Chinese vessels": a state's protest is diplomatic (PLOVER ACCUSE)
        return Sense("ACCUSE", "disapprove", sense.context, "111")
    if not crowd and state and sense.event == "PROTEST" and sense.mode == "obstruct":
        return Sense("COERCE", "restrict", sense.context, "191")
    if not crowd and (state or who in _STATES) and sense.event == "PROTEST" and sense.mode == "boycott":
        return Sense("SANCTION", "discontinue", sense.context, "163")
    return sense


#: Verbs that rally others: with an object they gather support ("rallied African states behind the bid"),
#: or opposition ("rallied its allies against Iran"), not a demonstration.
_RALLYING = frozenset({"rally", "mobilize", "mobilise", "galvanize", "galvanise"})
#: Objects of "mobilize" that are people won over, not forces sent.
_CONSTITUENCIES = frozenset(
    {"voter", "supporter", "ally", "public", "opinion", "people", "citizen", "member", "country", "state", "nation"}
)


#: Places a crowd rallies at, which a misparse can make the verb's object.
_RALLY_SITES = frozenset(
    {"parliament", "embassy", "consulate", "square", "building", "palace", "ministry", "office", "court", "street"}
)


def _rallying(sense: Sense, trigger: Token) -> Sense:
    if trigger.lemma_.lower() not in _RALLYING or sense.event not in {"PROTEST", "MOBILIZE"}:
        return sense
    obj = next((c for c in trigger.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or (trigger.lemma_.lower() not in {"rally"} and obj.lemma_.lower() not in _CONSTITUENCIES):
        return sense
    if obj.lemma_.lower() in _RALLY_SITES or any(c.lower_ in {"outside", "near"} for c in obj.children):
        return sense  # "rallied outside parliament against a draft law", misparsed: where they demonstrated
    # "rallied its allies against Iran": the phrase hangs on the verb or on its object
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in (*trigger.children, *obj.children)):
        return Sense("ACCUSE", "disapprove", sense.context, "113")
    return Sense("SUPPORT", None, ("diplomatic",), "053")


#: Codes of a state's measures that are a sanction abroad and repression at home.
_SANCTION_OR_REPRESSION = frozenset({"163"})


def _domestic(sense: Sense, f: Found) -> Sense:
    """PLOVER codes "International (political or economic) sanctions" SANCTION 'discontinue'; the same measure a state
    takes against its own people or groups of no other country ("froze the accounts of opposition figures") is
    COERCE 'restrict' (CAMEO2PLOVER's reading of 163)."""
    if sense.event != "SANCTION" or sense.cameo not in _SANCTION_OR_REPRESSION or not f.recipient:
        return sense
    own = {a.country for a in f.actor if a.country and a.country not in NON_STATE}
    if own and all(r.country is None or r.country in own for r in f.recipient):
        return Sense("COERCE", "restrict", sense.context, sense.cameo)
    return sense


#: Sectors of a state's own apparatus: weapons it hands over are arms supplied, not a disarmament.
_STATE_SECTORS = frozenset({None, "GOV", "MIL"})
_MILITARY_AID = Sense("AID", None, ("military",), "072")
_SUPPLYING = frozenset({"hand", "turn", "deliver", "transfer", "give", "supply"})
#: What a state gives up rather than supplies.
_ARSENALS = frozenset({"arsenal", "stockpile", "warhead", "stock"})
_UNCONVENTIONAL = frozenset({"chemical", "nuclear", "biological"})


def _armed(sense: Sense, f: Found) -> Sense:
    """PLOVER RETREAT 'disarm' is fighters laying down their arms; a state handing weapons to another state's forces
    ("Washington handed over Black Hawk helicopters to the Colombian army") gives military aid (CAMEO 072), unless
    they are its own arms, its arsenal or weapons of mass destruction given up."""
    if sense.mode != "disarm" or f.trigger.lemma_ not in _SUPPLYING or not f.actor or not f.recipient:
        return sense
    given = [c for c in f.trigger.children if c.dep_ in {"dobj", "obj"}]
    given += [g for c in given for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if any(
        g.lemma_.lower() in _ARSENALS or any(c.dep_ == "poss" or c.lower_ in _UNCONVENTIONAL for c in g.children)
        for g in given
    ):
        return sense  # "Ukraine handed over its nuclear warheads to Russia": giving up its own arms
    givers = {a.country for a in f.actor if a.country and a.country not in NON_STATE and a.sector in _STATE_SECTORS}
    takers = {r.country for r in f.recipient if r.country and r.country not in NON_STATE}
    if len(givers) == len({a.country for a in f.actor}) and takers and not takers & givers:
        return _MILITARY_AID
    return sense


#: Military exercises: held by two countries' forces, or with a partner, they are military cooperation.
_DRILLS = frozenset({"exercise", "drill", "game", "wargame", "maneuver", "manoeuvre", "manoeuver"})
JOINT_DRILL = Sense("COOPERATE", None, ("military",), "062")


def joint_drill(f: Found, scope: Iterable[Token], actors: ActorIndex) -> bool:
    """PLOVER COOPERATE: "military exchanges such as joint military games and maneuvers". A show of force
    ("China staged exercises near Taiwan") is MOBILIZE; exercises whose actors are two countries' forces ("war
    games staged by U.S. marines and Jordanian armed forces") or held with a partner ("held drills with Russia")
    are cooperation."""
    words = [t for t in scope if t.lemma_.lower() in _DRILLS]
    if not words:
        return False
    if len({a.country for a in f.actor if a.country}) > 1:
        return True
    own = {a.country for a in f.actor}
    for tok in (f.trigger, *words):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"with", "alongside"}:
                phrase = [t for g in prep.children if g.dep_ == "pobj" for t in g.subtree]
                partners = actors.refs_in(phrase[0].i, phrase[-1].i + 1) if phrase else ()
                if any(r.country and r.country not in own for r in partners):
                    return True
    return False
