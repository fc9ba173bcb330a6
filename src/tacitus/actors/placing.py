"""Where a place name is a place and where it is an actor.

A capital ("Kyiv") or a city or region coded to its country ("Peshawar", kind ``place``) names
its government or country when it acts or is acted on ("Kyiv rejected", "a letter to Moscow",
"rockets fired at Riyadh"), and only a place when it says where: after "in/at/near", as a
destination or origin ("flew to Kyiv"), in a dateline ("KYIV, June 11 -"), naming a noun ("the
Ghazni attack", "the Geneva talks") or inside a longer name ("the Tokyo Stock Exchange"). A capital
the visitor arrives in for talks ("arrived in Kyiv for talks") is the host of the visit, an actor.
Country names stay actors in all these places ("aid to Armenia", "a war in Syria").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus.actors.drafts import LEAVING, Hit
from tacitus.nlp import PLACE_HEADS

#: Prepositions of place: "in Kyiv" is where something happened, not who did it. "to", "from" and
#: "against" are left out on purpose: "aid to Armenia", "troops withdrew from Syria" name a party.
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around"})
_MOTION = frozenset({"to", "from", "into", "toward", "towards", "via"})
#: Verbs whose "at" phrase is what they aim at ("fired rockets at Riyadh"), not where they happen.
_AIMED = frozenset({"fire", "shoot", "aim", "launch", "lob", "hurl", "throw", "point", "direct", "lash", "swipe"})
#: Words whose "to/from" phrase is a destination or origin ("flew to Kyiv", "a road from Kabul"). After
#: any other word "to/from" names a party ("a letter to Moscow", "an apology from Tokyo", "a visit to
#: Washington": PLOVER codes the host of a visit as the recipient); "into" and "via" are always places.
_TRAVEL = frozenset(
    [
        "fly",
        "flight",
        "travel",
        "trip",
        "journey",
        "arrive",
        "arrival",
        "return",
        "go",
        "come",
        "head",
        "move",
        "drive",
        "ride",
        "walk",
        "march",
        "sail",
        "flee",
        "escape",
        "evacuate",
        "evacuation",
        "relocate",
        "commute",
        "withdraw",
        "withdrawal",
        "retreat",
        "pull",
        "deport",
        "deportation",
        "extradite",
        "extradition",
        "repatriate",
        "transfer",
        "road",
        "route",
        "highway",
        "railway",
        "way",
        "km",
        "kilometre",
        "kilometer",
        "mile",
        "north",
        "south",
        "east",
        "west",
        "back",
        "away",
        "bring",
        "take",
        "ferry",
        "airlift",
        "transport",
    ]
)


def place_phrase(root: Token, capital: bool) -> bool:
    """'in Kyiv'; with ``capital`` also 'into Kyiv' and a destination or origin ("flew to Kyiv"), but not
    the other party of an exchange ("a letter to Moscow", "an apology from Tokyo")."""
    if root.dep_ != "pobj":
        return False
    prep = root.head.lower_
    governor = root.head.head
    lemma = governor.lemma_.lower()
    aimed = lemma in _AIMED or (governor.dep_ == "dobj" and governor.head.lemma_.lower() in _AIMED)
    if prep == "at" and aimed:
        return False  # "fired missiles at Riyadh": the target
    if prep in _LOCATIVE:
        return True
    if not capital or prep not in _MOTION:
        return False
    if prep not in ("to", "from", "toward", "towards"):
        return True
    if governor.i == root.head.i:
        return True
    # "returned the bodies to Beirut", "extradited the suspect to Madrid": a transfer to a party.
    transfer = governor.pos_ == "VERB" and any(c.dep_ == "dobj" for c in governor.children)
    return (lemma in _TRAVEL or governor.lower_ in _TRAVEL) and not (transfer and prep == "to")


def dateline(doc: Doc, start: int, end: int) -> bool:
    """'KYIV, June 11 (Reuters) -': the place a story was filed from opens a line and is followed by a comma."""
    first = doc[start]
    opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws or doc[start - 1].is_space
    after = doc[end] if end < len(doc) else None
    return opens_line and first.is_upper and after is not None and after.text in (",", "(", "-", "—")


#: Arrival verbs and the purposes that make the capital reached the host of a visit.
_ARRIVAL = frozenset({"arrive", "land", "fly", "travel", "come", "head", "go", "return"})
_VISIT_PURPOSE = frozenset(
    {"talks", "talk", "visit", "meeting", "meetings", "summit", "consultations", "negotiations", "discussions"}
)
_VISIT_VERBS = frozenset({"meet", "discuss", "hold", "attend", "sign", "negotiate", "visit", "confer"})
#: Objects that are acts, not things: "held talks in Geneva", "carried out a bombing in Peshawar".
_EVENT_NOUNS = frozenset(
    {
        "talk",
        "talks",
        "meeting",
        "summit",
        "conference",
        "visit",
        "attack",
        "bombing",
        "strike",
        "raid",
        "offensive",
        "operation",
        "assault",
        "campaign",
        "exercise",
        "drill",
        "ceasefire",
        "curfew",
        "protest",
        "demonstration",
        "rally",
        "march",
        "election",
    }
)
#: Nouns a place name qualifies as part of a place: the shared list, and parts of a city ("the Kabul outskirts").
_PLACE_NOUNS = PLACE_HEADS | {"outskirts", "suburb"}
#: Entity labels of a longer name a place can be part of ("Tokyo Stock Exchange", "Geneva Conventions").
_NAME_LABELS = frozenset({"ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})


def where_not_who(doc: Doc, hit: Hit, coded: frozenset[int] = frozenset()) -> bool:
    """True when a capital or place hit says where something is or happens, not who acts (module docs).

    ``coded``: tokens of dictionary hits. A city that locates an uncoded thing taken or struck ("captured
    the mosque in Mosul", "shelled a base near Kandahar") stands for that thing's side and stays an actor.
    """
    root = doc[hit.start : hit.end].root
    if inside_longer_name(doc, hit.start, hit.end) or names_a_noun(doc, hit.start, hit.end):
        return True
    if dateline(doc, hit.start, hit.end):
        return True
    # A city's "from" or "to" phrase is a destination or origin like a capital's ("marched from Peshawar"), except
    # the land a force leaves, which names a party like a country does ("withdrew from Sinai").
    leaving = root.dep_ == "pobj" and root.head.head.lemma_.lower() in LEAVING
    if not place_phrase(root, capital=hit.entry.kind == "capital" or not leaving):
        return False
    if hit.entry.kind == "place":
        return not _locates_object(root, coded)
    return not hosts_visit(root)


def _locates_object(root: Token, coded: frozenset[int]) -> bool:
    """'the mosque in Mosul' as a verb's object, the parser hanging 'in Mosul' on the noun or on the verb."""
    prep = root.head
    if prep.lower_ not in ("in", "near", "inside"):
        return False
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN"):
        objects = [holder] if holder.dep_ in ("dobj", "nsubjpass") else []
    else:
        objects = [c for c in holder.children if c.dep_ == "dobj" and c.i < prep.i]
    return any(o.pos_ == "NOUN" and o.i not in coded and o.lemma_.lower() not in _EVENT_NOUNS for o in objects)


def inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """'Tokyo' in 'the Tokyo Stock Exchange': part of an organisation's or a treaty's name."""
    tok = doc[start]
    if tok.ent_type_ not in _NAME_LABELS:
        return False
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    return ent is not None and ent.label_ in _NAME_LABELS and (ent.start < start or ent.end > end)


def names_a_noun(doc: Doc, start: int, end: int) -> bool:
    """'the Ghazni attack', 'the Geneva talks': the name qualifies a noun after it. Not a noun of place ("the
    West Bank cities" is the place itself), and not after a preposition ("an ultimatum to Damascus warning
    of ..." is the parser taking the object for a modifier)."""
    root = doc[start:end].root
    head = root.head
    if start > 0 and doc[start - 1].pos_ == "ADP":
        return False
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and head.i >= end
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in _PLACE_NOUNS
        and not (head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "LOC"))
    )


def hosts_visit(root: Token) -> bool:
    """'arrived in Kyiv for talks', 'landed in Hanoi on a state visit', 'flew to Beijing to meet Xi': the capital
    reached hosts the visit."""
    governor = root.head.head
    if root.head.lower_ not in ("in", "to", "at") or governor.lemma_.lower() not in _ARRIVAL:
        return False
    going_home = governor.lemma_.lower() == "return"
    if not going_home and any(c.dep_ == "nsubj" and _official(c) for c in governor.children):
        return True  # "the Turkish foreign minister arrived in Tehran", "Putin flew to Beijing": a visit
    for child in governor.children:
        purpose = child.dep_ == "prep" and child.lower_ in ("for", "on")  # "for talks", "on a state visit"
        if purpose and any(g.dep_ == "pobj" and g.lower_ in _VISIT_PURPOSE for g in child.children):
            return True
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in _VISIT_VERBS:
            return True
    return False


#: Travellers whose arrival in a capital is a visit to its government.
_OFFICIALS = frozenset(
    {
        *("minister", "president", "premier", "envoy", "delegation", "secretary", "chancellor", "king", "queen"),
        *("leader", "diplomat", "ambassador", "official", "emissary", "negotiator", "prince", "emir", "sheikh"),
        *("monarch", "vice-president", "mediator", "representative", "counterpart", "commissioner", "chief"),
    }
)


def _official(subject: Token) -> bool:
    """A subject that travels on a state's business: a title ("the foreign minister") or a named person."""
    return subject.lemma_.lower() in _OFFICIALS or (subject.ent_type_ == "PERSON" and subject.pos_ == "PROPN")
