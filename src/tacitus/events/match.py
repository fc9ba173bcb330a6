"""Which pattern a trigger matches: the words a verb or event noun offers its patterns (its dependents, and its
subject for the CAMEO patterns with words before the verb) and the choice of the most specific pattern."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.args import CARRYING, CAUSATIVE
from tacitus.events.lexicon import Pattern
from tacitus.events.speech import SAYING as _SAYING

#: Entity types of names whose words never select a pattern (a treaty's name, "the Ceasefire Agreement", may).
_NAMED_PARTIES = frozenset({"ORG", "PERSON", "NORP", "GPE", "FAC"})
#: Titles before a person's name that patterns read ("received Israeli Prime Minister Ehud Barak": a leader).
_TITLES = frozenset({"president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "envoy"})


#: Lemmas the tagger gets wrong for common event verbs ("staged" -> "stag"; the lemmatiser leaves "overran").
LEMMA_FIXES = {"stag": "stage", "overran": "overrun"}
#: Nouns that count or bundle what the verb acts on ("a round of sanctions", "a package of aid", "300 tonnes of
#: rice").
COUNTING = frozenset(
    {
        *("round", "series", "wave", "spate", "string", "number", "package", "raft", "batch", "set", "tranche"),
        *("slew", "tonne", "ton", "shipment", "consignment", "cargo", "planeload", "truckload", "shipload"),
    }
)


#: Prepositions of a circumstance (cause, concession, setting), whose phrase no pattern is about.
_CIRCUMSTANCE = frozenset({"because", "despite", "amid", "amidst", "due", "notwithstanding"})


#: Answers a verb of saying gives ("said no to the deal").
_ANSWERS = frozenset({"no", "yes"})


def _words(tok: Token) -> list[str]:
    lemma = tok.lemma_.lower()
    if tok.tag_ == "$":  # "allocated $20 million", "€95 million in support": a currency sign is money
        return [lemma, "money"]
    return [lemma, tok.lower_] if lemma != tok.lower_ else [lemma]


def np_words(tok: Token, out: set[str], conj: bool = True) -> None:
    """Add the pattern words of a noun phrase: its head, compounds and modifiers, a coordinated noun, and its
    prepositional phrases' words."""
    out.update(_words(tok))
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN" and tok.ent_type_ in _NAMED_PARTIES and c.lower_ not in _TITLES:
            continue  # a word of a party's name ("the Rapid Support Forces") is no pattern word, unless a title
        if c.dep_ in {"compound", "amod", "nmod"} or (c.dep_ == "quantmod" and c.tag_ == "$"):
            out.update(_words(c))
            if c.dep_ == "compound":  # "a joint air force exercise": the parser hangs "joint" on the compound
                out.update(w for g in c.children if g.dep_ == "amod" for w in _words(g))
        elif conj and c.dep_ == "conj" and c.pos_ == "NOUN":  # "sent tents and food"
            np_words(c, out, conj=False)
        elif c.dep_ == "appos":
            # "handed over Ramzi Yousef, the suspected mastermind", "designated the broadcaster an undesirable
            # organization": an apposition says what the phrase names, also one of an apposition ("to U.S. agents
            # Ramzi Yousef, the suspected mastermind")
            np_words(c, out, conj=False)
        elif c.dep_ == "prep" and not is_temporal(c):  # "demanded an apology during a visit on Monday": no "on"
            out.update(_words(c))
            for g in c.children:
                if g.dep_ == "pobj":
                    out.update(_words(g))
                    out.update(w for gc in g.children if gc.dep_ == "compound" for w in _words(gc))
                    if g.ent_type_ == "MONEY":  # "the release of $300 million in military aid": money, and for what
                        out.add("money")
                        out.update(w for p in g.children if p.lower_ == "in" for o in p.children for w in _words(o))


def verb_words(verb: Token) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words among the verb's dependents that patterns may require (and its subject's words and the adverbs before
    it, marked ``<``), the object and prepositional-object head lemmas, and the direct object head lemmas alone."""
    out: set[str] = set()
    heads: set[str] = set()
    objects: set[str] = set()
    for c in verb.children:
        dep = c.dep_
        if dep in {"dobj", "obj"} and c.lemma_.lower() in COUNTING:
            # "approve a fresh round of sanctions", "a new package of aid": what is counted is the object
            c = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children), c)
        if dep == "oprd":  # "calling the plan an attack on sovereignty": the name given, not its "on" ("call on")
            out.update(_words(c))
            out.update(w for g in c.children if g.dep_ in {"amod", "compound", "appos"} for w in _words(g))
            heads.add(c.lemma_.lower())
        elif dep in {"dobj", "obj", "nsubjpass", "attr", "dative"}:
            np_words(c, out)
            heads.add(c.lemma_.lower())
            if dep in {"dobj", "obj", "nsubjpass"}:
                objects.add(c.lemma_.lower())
            if dep in {"dobj", "obj"}:
                out.update(_hyphenated(c))
                out.update(_cargo(c))
                for g in c.children:
                    if g.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children):
                        out.update(_words(g))  # "ordered the mission to leave": the infinitive is the verb's
            if dep == "dative" and c.pos_ == "ADP":  # "sent tanks to the border" parsed as a dative
                for g in c.children:
                    if g.dep_ == "pobj":
                        np_words(g, out)
        elif dep in {"prt", "acomp", "advmod", "npadvmod"} or (dep == "intj" and c.lower_ in _ANSWERS):
            out.update(_words(c))  # "said no to the deal": the answer is the verb's
            if dep == "npadvmod" and c.pos_ == "NOUN":  # "eased curfew hours", the object parsed as a time
                out.update(w for g in c.children if g.dep_ == "compound" for w in _words(g))
        elif dep in {"prep", "agent"}:
            if c.lower_ in _CIRCUMSTANCE:
                continue  # "agreed to resign because of the insistence of opposition parties": why, not what
            if is_temporal(c):
                if c.lower_ == "until":  # "gave Iraq until January 15 to leave": a deadline, not a date
                    out.add("until")
                continue  # "telephoned X on Friday" is no "call on"
            out.update(_words(c))
            for g in c.children:
                if g.dep_ in {"pobj", "pcomp"}:
                    np_words(g, out)
                    heads.add(g.lemma_.lower())
                elif g.dep_ == "intj" and g.lower_ in _ANSWERS:  # "said no to the plan", "no" parsed under "to"
                    out.update(_words(g))
        elif dep == "xcomp":
            out.update(_words(c))
            out.update(w for g in c.children if g.dep_ in {"dobj", "prt"} for w in _words(g))
        elif dep == "advcl":
            # "called for the minister to resign": the "for" of the clause is the verb's
            out.update(w for g in c.children if g.dep_ == "mark" and g.lower_ == "for" for w in _words(g))
        if dep == "ccomp" and c.pos_ == "ADJ":  # a small clause: "found the journalists guilty", "let free"
            out.update(_words(c))
        if dep == "ccomp" and c.tag_ == "VBG" and verb.lemma_ not in _SAYING:
            # "will not accept any refugees fleeing the war": the object was parsed as the subject of a clause
            for g in c.children:
                if g.dep_ == "nsubj":
                    np_words(g, out)
                    objects.add(g.lemma_.lower())
        if dep in {"ccomp", "xcomp"} and verb.lemma_ in CAUSATIVE:
            # "allowed UN monitors to enter": who is let in is the complement's subject; "let free"
            out.update(_words(c))
            for g in c.children:
                if g.dep_ == "nsubj":
                    # "allows UN aid workers expanded access": aid workers let in, not "the banned politician"
                    out.update(w for n in (g, *(m for m in g.children if m.dep_ == "compound")) for w in _words(n))
                    objects.add(g.lemma_.lower())
                elif g.dep_ in {"dobj", "obj"} and c.pos_ == "VERB":
                    out.update(_words(g))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "sanctions imposed on Iran": the head noun is the object
        np_words(verb.head, out)
        heads.add(verb.head.lemma_.lower())
        objects.add(verb.head.lemma_.lower())
    out.update("<" + w for w in _subject_words(verb))
    return frozenset(out), frozenset(heads), frozenset(objects)


def _subject_words(verb: Token) -> set[str]:
    """Words of the verb's active subject, which CAMEO patterns with words before the verb constrain ("an
    earthquake killed"): its own, a relative clause's or participle's head noun, or a first conjunct's subject; and
    the adverbs before it ("sharply attacked")."""
    out: set[str] = {w for c in verb.children if c.dep_ == "advmod" and c.i < verb.i for w in _words(c)}
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        if subjects and not (verb.dep_ == "relcl" and subjects[0].tag_ in {"WDT", "WP"}):
            for c in subjects:
                np_words(c, out)
                out.update(_cargo(c))  # "cargo planes carrying food landed": what the subject carries
            return out
        if verb.dep_ in {"relcl", "acl"} and verb.tag_ != "VBN":
            np_words(verb.head, out, conj=False)
            return out
        if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            return out  # a participle's clause shares the main subject: "an earthquake struck, flattening villages"
        verb = verb.head
    return out


_PARTICLES = frozenset({"in", "out", "off", "up", "down", "over"})


#: Heads of a cargo whose modifiers say what it is ("relief supplies", "humanitarian goods").
_GOODS = frozenset({"supply", "supplies", "good", "goods", "cargo", "item", "items", "package", "consignment"})


def _cargo(vehicle: Token) -> set[str]:
    """What a vehicle carries: the carried nouns, and for goods their modifiers; not "the UN aid chief"."""
    out: set[str] = set()
    for a in vehicle.children:
        if a.dep_ in {"acl", "amod"} and a.lemma_.lower() in CARRYING:
            carried = [o for o in a.children if o.dep_ in {"dobj", "obj"}]
            carried += [g for o in a.children if o.dep_ == "prep" and o.lower_ == "with" for g in o.children]
            for o in (o for c in carried if c.dep_ in {"dobj", "obj", "pobj"} for o in (c, *c.conjuncts)):
                out.add(o.lemma_.lower())
                if o.lemma_.lower() in _GOODS:
                    out.update(c.lemma_.lower() for c in o.children if c.dep_ in {"compound", "amod"})
    return out


def _hyphenated(phrase: Token) -> set[str]:
    """Nouns made of a verb and a particle that the tokeniser split inside a noun phrase and the parser read as a
    verb with its particle ("their sit-in outside parliament" -> "sit-in"; "walk-out", "pull-out")."""
    doc = phrase.doc
    return {
        f"{doc[t.i - 1].lower_}-{doc[t.i + 1].lower_}"
        for t in phrase.subtree
        if t.text == "-"
        and 0 < t.i < len(doc) - 1
        and not doc[t.i - 1].whitespace_
        and not t.whitespace_
        and doc[t.i + 1].lower_ in _PARTICLES
    }


def is_temporal(prep: Token) -> bool:
    """A prepositional phrase that only dates the event ("on Friday", "in March", "for the first time") or names
    its source ("according to officials": "accord" is no treaty)."""
    if prep.lower_ == "according":
        return True
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if objects and all(g.lemma_.lower() == "time" and any(c.lower_ in _ORDINALS for c in g.children) for g in objects):
        return True
    return bool(objects) and all(g.ent_type_ in {"DATE", "TIME"} for g in objects)


_ORDINALS = frozenset({"first", "second", "third", "last", "fourth", "fifth"})


def noun_words(noun: Token) -> frozenset[str]:
    out: set[str] = set()
    np_words(noun, out)
    return frozenset(out)


def best(
    patterns: tuple[Pattern, ...], words: frozenset[str], heads: frozenset[str], objects: frozenset[str] = frozenset()
) -> Pattern | None:
    """The most specific matching pattern: the one naming most of the verb's dependents. A tie goes to a pattern
    naming the direct object's head noun ("opened an investigation into the fire"), then to one naming more of the
    subject ("an earthquake killed"), then to a hand-written pattern, then to one naming a prepositional object's
    head ("protested against the results" is no rejection of results)."""
    found: Pattern | None = None
    found_rank: tuple[int, int, int, int, int] = (-1, -1, -1, -1, -1)
    for p in patterns:
        if p.rank[0] < found_rank[0]:
            break  # sorted by length: nothing longer remains
        if not p.matches(words):
            continue
        on_object = 1 if any(not slot.isdisjoint(objects) for slot in p.slots) else 0
        on_head = 1 if any(not slot.isdisjoint(heads) for slot in p.slots) else 0
        rank = (p.rank[0], on_object, p.rank[1], p.rank[2], on_head)
        if rank > found_rank:
            found, found_rank = p, rank
    return found
