"""Find event triggers on the parse, attach their arguments, and build :class:`~tacitus.model.Event` records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from tacitus.actors import ActorIndex
from tacitus.events.clause import (
    EventDate,
    date_for,
    governors,
    is_historical,
    is_negated,
    modality_of,
    quote_for,
)
from tacitus.events.lexicon import EventLexicon, Pattern, Sense
from tacitus.model import ActorRef, Event, Modality, Quote, Span
from tacitus.when import TimeExpr
from tacitus.where import PlaceMention, place_for_clause

#: Dependents of a noun that can name who it is, for actor lookup ("Iranian officials", "the minister of France").
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod"})
_NP_PREPS = frozenset({"of", "from"})
#: Prepositions that introduce a recipient ("attacked positions in", no; "fired on", yes).
_RECIPIENT_PREPS = ("against", "on", "upon", "at", "with", "to", "toward", "towards", "into", "from", "over", "for")
#: Verbs whose object controls the subject of their complement ("urged Iran to stop").
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "force",
        "order",
        "tell",
        "persuade",
        "allow",
        "invite",
        "press",
        "push",
        "encourage",
        "help",
    }
)
#: Types whose complement clause is what is requested, threatened, promised or refused.
_CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE", "ACCUSE"})
#: Types where coordinated subjects act together and need no recipient ("X and Y signed").
_RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
#: Governors that deny that a nominal event takes place ("prevented an attack").
#: Light verbs whose subject receives the nominal event ("drew criticism from", "faced sanctions").
_INVERSE_LIGHT = frozenset({"draw", "face", "receive", "attract", "spark", "trigger", "provoke"})
#: Types whose direct object is the thing moved or given, not the recipient ("deployed troops").
_THEME_OBJECT = frozenset({"MOBILIZE", "AID", "RETREAT"})
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
#: Lemmas the tagger gets wrong for common event verbs ("staged" -> "stag").
_LEMMA_FIXES = {"stag": "stage"}
#: Verbs whose subject is the receiving end of the event.
_RECEIVING = frozenset({"receive", "obtain", "get"})
#: Promising violence is threatening it (PLOVER THREATEN); the THREATEN mode that fits.
_VOWS = frozenset({"vow", "pledge", "promise", "swear"})
_THREATENABLE: dict[str, str | None] = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "restrict"}
#: Cooperation told in the future is coded AGREE (PLOVER manual, AGREE).
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_BLOCKING = frozenset({"prevent", "avoid", "avert", "deny", "fear", "risk", "thwart", "foil"})
_WH = frozenset({"WDT", "WP", "WP$"})
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
        *("draw", "face", "receive", "attract", "spark", "trigger", "provoke"),
    }
)


@dataclass(frozen=True, slots=True)
class _Found:
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


def _words(tok: Token) -> list[str]:
    lemma = tok.lemma_.lower()
    return [lemma, tok.lower_] if lemma != tok.lower_ else [lemma]


def _np_words(tok: Token, out: set[str]) -> None:
    out.update(_words(tok))
    for c in tok.children:
        if c.dep_ in {"compound", "amod", "nmod"}:
            out.update(_words(c))
        elif c.dep_ == "prep":
            out.update(_words(c))
            for g in c.children:
                if g.dep_ == "pobj":
                    out.update(_words(g))
                    out.update(w for gc in g.children if gc.dep_ == "compound" for w in _words(gc))


def verb_words(verb: Token) -> tuple[frozenset[str], frozenset[str]]:
    """Words among the verb's dependents that patterns may require, and the object head lemmas."""
    out: set[str] = set()
    heads: set[str] = set()
    for c in verb.children:
        dep = c.dep_
        if dep in {"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"}:
            _np_words(c, out)
            heads.add(c.lemma_.lower())
        elif dep in {"prt", "acomp", "advmod", "npadvmod"}:
            out.update(_words(c))
        elif dep in {"prep", "agent"}:
            out.update(_words(c))
            for g in c.children:
                if g.dep_ in {"pobj", "pcomp"}:
                    _np_words(g, out)
                    heads.add(g.lemma_.lower())
        elif dep == "xcomp":
            out.update(_words(c))
            out.update(w for g in c.children if g.dep_ in {"dobj", "prt"} for w in _words(g))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "sanctions imposed on Iran": the head noun is the object
        _np_words(verb.head, out)
        heads.add(verb.head.lemma_.lower())
    return frozenset(out), frozenset(heads)


def noun_words(noun: Token) -> frozenset[str]:
    out: set[str] = set()
    _np_words(noun, out)
    return frozenset(out)


def best(patterns: tuple[Pattern, ...], words: frozenset[str], heads: frozenset[str]) -> Pattern | None:
    """The most specific matching pattern; a pattern naming the object's head noun wins a tie."""
    found: Pattern | None = None
    found_rank: tuple[int, int, int] = (-1, -1, -1)
    for p in patterns:
        if p.rank[0] < found_rank[0]:
            break  # sorted by length: nothing longer remains
        if not p.matches(words):
            continue
        on_head = 1 if any(not slot.isdisjoint(heads) for slot in p.slots) else 0
        rank = (p.rank[0], on_head, p.rank[1])
        if rank > found_rank:
            found, found_rank = p, rank
    return found


class _Attacher:
    """Actor and recipient attachment over one Doc."""

    def __init__(self, actors: ActorIndex) -> None:
        self.actors = actors

    def refs(self, head: Token | None) -> tuple[ActorRef, ...]:
        """Coded actors named by the noun phrase at ``head`` and its conjuncts."""
        if head is None:
            return ()
        if head.tag_ in _WH and head.head.dep_ == "relcl":
            head = head.head.head
        out: list[ActorRef] = []
        for h in (head, *head.conjuncts):
            out.extend(self._find(h))
        seen: set[tuple[int, int]] = set()
        unique: list[ActorRef] = []
        for r in out:
            if (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                unique.append(r)
        return tuple(unique)

    def _find(self, head: Token) -> list[ActorRef]:
        queue: list[tuple[Token, int]] = [(head, 0)]
        while queue:
            tok, depth = queue.pop(0)
            ref = self.actors.ref_at(tok)
            if ref is not None:
                found = [ref]
                for c in tok.conjuncts:
                    other = self.actors.ref_at(c)
                    if other is not None and other != ref:
                        found.append(other)
                return found
            if depth >= 3:
                continue
            # "his Russian counterpart": the adjective names the country, the pronoun only the owner
            for c in sorted(tok.children, key=lambda c: c.dep_ == "poss" and c.pos_ == "PRON"):
                if c.dep_ in _NP_DEPS:
                    queue.append((c, depth + 1))
                elif c.dep_ == "prep" and c.lower_ in _NP_PREPS:
                    queue.extend((g, depth + 1) for g in c.children if g.dep_ == "pobj")
        return []

    def subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The token naming who acts: subject, passive agent, controller, or the shared subject of a conjunct."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        if subjects:
            # a misparsed dateline ("KYIV, June 11 - Russian forces shelled") gives two: take the coded one
            return next((c for c in reversed(subjects) if self.refs(c)), subjects[-1])
        # headline grammar: "Russian regime shells Kharkiv" parses the subject as a left modifier
        for c in verb.lefts:
            if c.dep_ in {"compound", "npadvmod", "dep", "nmod"} and self.refs(c):
                return c
        for c in verb.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if depth > 4 or verb.head.i == verb.i:
            return None
        head = verb.head
        if verb.dep_ == "xcomp":
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and head.lemma_ not in _OBJECT_CONTROL:
                return raised  # "the presidents are expected to sign"
            if head.lemma_ in _OBJECT_CONTROL:
                controller = self.object_of(head)
                if controller is not None:
                    return controller
            return self.subject(head, depth + 1)
        if verb.dep_ in {"conj", "advcl"}:
            return self.subject(head, depth + 1)
        if verb.dep_ in {"acl", "relcl"}:
            if self.is_passive(verb):
                return None  # "farmers who were killed": the head noun is acted upon
            if self.actors.ref_at(head) is not None or head.dep_ not in {"dobj", "attr", "pobj"}:
                return head
            return self.subject(head.head, depth + 1) if head.head.pos_ in {"VERB", "AUX"} else head
        return None

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"
        )

    def object_of(self, verb: Token, theme: bool = False) -> Token | None:
        """The recipient token of a verb: passive subject, object, dative, or a prepositional target.

        With ``theme`` the direct object is what is moved or given ("deployed troops", "sent
        aid"), not a recipient: only datives and prepositional targets count.
        """
        for c in verb.children:
            if c.dep_ == "nsubjpass" and not theme:
                return c
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not theme:
            return verb.head
        for c in verb.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":  # "provided aid to the Philippines" parsed as a dative
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and self.refs(pobj):
                    return pobj
            elif c.dep_ == "dative" or (c.dep_ in {"dobj", "obj"} and not theme and self.refs(c)):
                return c
        preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ in _RECIPIENT_PREPS]
        for prep in sorted(preps, key=lambda p: _RECIPIENT_PREPS.index(p.lower_)):
            for g in prep.children:
                if g.dep_ == "pobj" and self.refs(g):
                    return g
            if prep.dep_ == "prt":  # "called on the cabinet": particle, then the object
                for c in verb.children:
                    if c.dep_ == "pobj":
                        return c
        for c in verb.children:
            if c.dep_ in {"dobj", "obj"}:
                if not theme:
                    return c
                # "provided aid to the Philippines": the target hangs on the thing given
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"to", "for", "from"}:
                        for g in prep.children:
                            if g.dep_ == "pobj" and self.refs(g):
                                return g
        # coordinated verbs share one object: "condemned and criticised Y"
        for other in (verb.head, *verb.children) if verb.dep_ == "conj" else verb.children:
            if other.dep_ == "conj" or other is verb.head:
                for c in other.children:
                    if c.dep_ in {"dobj", "obj"}:
                        return c
        return None

    def recipient(self, verb: Token, theme: bool = False) -> tuple[ActorRef, ...]:
        obj = self.object_of(verb, theme)
        found = self.refs(obj)
        if found or obj is None:
            return found
        # "condemned the attack on Y", "launched an offensive against Y", "lifted a ban imposed on Y"
        return self.target_in(obj, _RECIPIENT_PREPS)

    def target_in(self, phrase: Token, preps: Iterable[str]) -> tuple[ActorRef, ...]:
        """The first coded object of one of ``preps`` inside a noun phrase, through its participles."""
        wanted = frozenset(preps)
        queue: list[tuple[Token, int]] = [(phrase, 0)]
        while queue:
            tok, depth = queue.pop(0)
            for c in tok.children:
                if c.dep_ in {"prep", "agent"} and c.lower_ in wanted:
                    for g in c.children:
                        found = self.refs(g) if g.dep_ == "pobj" else ()
                        if found:
                            return found
                if depth < 2 and c.dep_ in {"acl", "prep", "pobj", "agent"}:
                    queue.append((c, depth + 1))
        return ()

    def complement_target(self, verb: Token) -> tuple[ActorRef, ...]:
        """Whom a requested, threatened or refused act concerns: the subject of a that-clause, else its target."""
        for c in verb.children:
            if c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children)):
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                found = self.refs(subj)
                return found or self.recipient(c)
            if c.dep_ == "xcomp":
                return self.recipient(c)
            if c.dep_ == "prep" and c.lower_ == "for":  # "called for Britain to stay"
                for g in c.children:
                    subj = g if g.dep_ == "pobj" else next((x for x in g.children if x.dep_ == "nsubj"), None)
                    if subj is not None and any(x.dep_ in {"acl", "relcl"} or x.tag_ == "TO" for x in g.subtree):
                        found = self.refs(subj)
                        if found:
                            return found
        return ()

    def noun_args(self, noun: Token) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
        """Actor and recipient inside a nominal event's own phrase ("Israeli airstrikes on Gaza")."""
        actor: tuple[ActorRef, ...] = ()
        recipient: tuple[ActorRef, ...] = ()
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and not actor:
                actor = self.refs(c)
            elif c.dep_ == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.lower_ in {"by", "between", "from"}:
                    actor = self.refs(pobj)
                elif c.lower_ in {"on", "against", "at", "with", "to", "of", "into"} and not recipient:
                    recipient = self.refs(pobj)
        return actor, recipient


def _not_actor(refs: tuple[ActorRef, ...], actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """``refs`` without the actor itself, however it is named ("their" for the troops that attack)."""
    ids = {a.actor_id for a in actor if a.actor_id}
    return tuple(r for r in refs if r not in actor and (r.actor_id is None or r.actor_id not in ids))


def _span(doc: Doc, start_tok: int, end_tok: int) -> Span:
    sp = doc[start_tok:end_tok]
    return Span(sp.text, sp.start_char, sp.end_char)


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


def find_triggers(doc: Doc, actors: ActorIndex, lexicon: EventLexicon) -> list[_Found]:
    att = _Attacher(actors)
    found: list[_Found] = []
    verb_events: dict[int, _Found] = {}
    nouns: list[tuple[Token, Pattern]] = []
    for tok in doc:
        pos = tok.pos_
        if pos == "VERB" or _mistagged_verb(tok):
            lemma = tok.lemma_.lower()
            pats = lexicon.verbs.get(_LEMMA_FIXES.get(lemma, lemma))
            if not pats:
                continue
            words, heads = verb_words(tok)
            p = best(pats, words, heads)
            if p is None or p.sense is None:
                continue
            actor_tok = att.subject(tok)
            recipient = att.recipient(tok)
            if att.is_passive(tok) and actor_tok is not None and actor_tok.dep_ == "nsubjpass":
                actor_tok = None
            actor = att.refs(actor_tok)
            if p.sense.event in _THEME_OBJECT:
                # "deployed its troops", "sent warships": the object is what moves, not a recipient, unless
                # it is someone else's ("released Indian fishermen")
                actor_countries = {a.country for a in actor}
                own = [r for r in recipient if r.country is None or r.country in actor_countries]
                recipient = att.recipient(tok, theme=True) or tuple(r for r in recipient if r not in own)
            if not actor and actor_tok is not None and actor_tok.lemma_.lower() in lexicon.nouns:
                # "Israeli airstrikes on Gaza killed 12": the event noun's own phrase names who and whom
                actor, noun_recipient = att.noun_args(actor_tok)
                recipient = noun_recipient or recipient
            if tok.dep_ == "amod":  # "a Qatar-mediated deal", "Iran-backed militias"; not "alleged", "outlawed"
                actor = tuple(r for c in tok.children if c.dep_ in {"npadvmod", "compound"} for r in att.refs(c))
                if not actor:
                    continue
                recipient = att.refs(tok.head) if p.sense.event != "CONSULT" else ()
            recipient = _not_actor(recipient, actor)
            if actor and {r.country for r in recipient} <= {a.country for a in actor}:
                # "recalled its ambassador from Russia", "continued their attacks on Y": the object is the
                # actor's own (or names the actor again); a target PP names whom
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                other = _not_actor(att.recipient(tok, theme=True), actor) or (
                    _not_actor(att.target_in(obj, _RECIPIENT_PREPS), actor) if obj is not None else ()
                )
                recipient = other or recipient
            if not recipient and p.sense.event == "REJECT":
                # "rejected a request by Y", "denied charges by Y": who made what is refused or denied
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                recipient = tuple(r for r in (att.target_in(obj, ("by", "from")) if obj else ()) if r not in actor)
            if not recipient and p.sense.event in _CONTENT_TYPES:
                # "demanded that the US lift sanctions", "threatened to attack South Korea"
                recipient = tuple(r for r in att.complement_target(tok) if r not in actor)
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
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _VOWS and sense.event in _THREATENABLE:
                # "vowed to retaliate against Iran": a threat, not an attack
                sense = Sense("THREATEN", _THREATENABLE[sense.event], sense.context, "138")
            content = _content(tok, sense.event) if sense.event in _CONTENT_TYPES else None
            f = _Found(tok, tok, sense, actor, recipient, content, False, bool(p.slots))
            found.append(f)
            verb_events[tok.i] = f
        elif pos in {"NOUN", "PROPN"}:
            pats = lexicon.nouns.get(tok.lemma_.lower())
            if pats:
                p = best(pats, noun_words(tok), frozenset())
                if p is not None and p.sense is not None:
                    nouns.append((tok, p))
    # Complements of another event are its content, not events of their own ("urged X to attack").
    kept: list[_Found] = []
    merged: dict[int, list[Token]] = {}
    for f in found:
        parent = _parent_event(f.trigger, verb_events)
        if parent is not None and parent.sense.event in _CONTENT_TYPES:
            continue
        tok = f.trigger
        head_event = verb_events.get(tok.head.i)
        if tok.dep_ in {"advcl", "conj"} and head_event is not None and head_event.sense.event == f.sense.event:
            merged.setdefault(tok.head.i, []).append(tok)  # one event told with two verbs
            continue
        if tok.dep_ == "acl" and tok.head.dep_ in {"dobj", "pobj"} and _governing_event(tok.head, verb_events):
            continue  # "lifted the ban imposed on X": background to the event told
        kept.append(f)
    kept = [replace(f, also=tuple(merged.get(f.trigger.i, ()))) for f in kept]
    for noun, p in nouns:
        f2 = _nominal(noun, p, att, verb_events)
        if f2 is not None:
            kept.append(f2)
    return kept


def _mistagged_verb(tok: Token) -> bool:
    """A clause head the tagger took for a noun ("Protesters rally", "Iran slams US") that has a subject."""
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)


def _governing_event(noun: Token, verb_events: dict[int, _Found]) -> bool:
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head.i in verb_events


def _parent_event(verb: Token, verb_events: dict[int, _Found]) -> _Found | None:
    for gov in governors(verb)[:2]:
        if gov.i in verb_events and verb.dep_ != "conj":
            return verb_events[gov.i]
        if verb.dep_ == "conj":
            return None
    return None


def _nominal(noun: Token, p: Pattern, att: _Attacher, verb_events: dict[int, _Found]) -> _Found | None:
    """A nominal event ("the 12-day war", "signed a ceasefire agreement", "Israeli airstrikes on Gaza")."""
    assert p.sense is not None
    if noun.dep_ == "compound":
        return None  # "ceasefire agreement": the head noun codes
    # the head verb of the noun's phrase
    gov = noun.head
    via_prep = False
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
        via_prep = True
    if gov.i in verb_events:
        host = verb_events[gov.i]
        if noun.dep_ in {"dobj", "obj", "nsubjpass", "attr"} or via_prep or host.sense.event == p.sense.event:
            return None  # the object of "condemned the attack" is that event's content
    if gov.lemma_ in _BLOCKING:
        return None
    for ancestor in noun.ancestors:
        if ancestor.i in verb_events and verb_events[ancestor.i].sense.event == p.sense.event:
            return None  # "three days of fighting killed 20": one ASSAULT, coded on the verb
    actor, recipient = att.noun_args(noun)
    clause = noun
    is_object = noun.dep_ in {"dobj", "obj", "attr"} and gov.pos_ in {"VERB", "AUX"}
    if is_object and _LEMMA_FIXES.get(gov.lemma_, gov.lemma_) not in _LIGHT_VERBS:
        return None
    light = is_object
    if light and any(a.i in verb_events and verb_events[a.i].sense.event in _CONTENT_TYPES for a in gov.ancestors):
        return None  # "rejected a request to hold a rally": what is asked, refused or threatened
    if light or (noun.dep_ in {"nsubj", "nsubjpass"} and gov.pos_ in {"VERB", "AUX"}):
        clause = gov
    if light and gov.lemma_ in _INVERSE_LIGHT:
        # "drew criticism from France": the subject is on the receiving end
        recipient = recipient or att.refs(att.subject(gov))
        actor = actor or tuple(
            r
            for c in gov.children
            if c.dep_ == "prep" and c.lower_ in {"from", "by"}
            for g in c.children
            if g.dep_ == "pobj"
            for r in att.refs(g)
        )
    elif light and not actor:
        actor = att.refs(att.subject(gov))
        if not recipient:
            recipient = tuple(
                r
                for c in gov.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "with", "to", "at"}
                for g in c.children
                if g.dep_ == "pobj"
                for r in att.refs(g)
            )
    if clause is noun and not actor and not recipient:
        return None  # a bare mention in passing ("since the war"), not an event told here
    recipient = tuple(r for r in recipient if r not in actor)
    return _Found(noun, clause, p.sense, actor, recipient, None, True, bool(p.slots))


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
    for f in sorted(find_triggers(doc, actors, lexicon), key=lambda f: f.trigger.i):
        events.append(_build(f, published, times, places, quotes, lexicon))
    return _dedupe(events)


def _build(
    f: _Found,
    published: date | None,
    times: tuple[TimeExpr, ...],
    places: tuple[PlaceMention, ...],
    quotes: tuple[Quote, ...],
    lexicon: EventLexicon,
) -> Event:
    sense = f.sense
    head = f.clause
    if sense.event == "ASSAULT" and sense.mode is None:
        weapon = _weapon_mode(lexicon, head.subtree if head is not f.trigger else f.trigger.subtree)
        if weapon is not None:
            sense = replace(sense, mode=weapon.mode, context=sense.context + weapon.context)
    modality: Modality = modality_of(head, light=f.nominal and head is not f.trigger)
    when: EventDate = date_for(f.trigger if f.nominal else head, times, published)
    if f.nominal and when.source == "published" and head is not f.trigger:
        when = date_for(head, times, published)
    if modality == "future":
        # PLOVER: a promised retreat is a concession; promised cooperation is an agreement
        if sense.event == "RETREAT":
            sense = replace(sense, event="CONCEDE", mode=None)
        elif sense.event in _FUTURE_AGREE:
            sense = replace(sense, event="AGREE", mode=None)
    negated = is_negated(head, f.trigger if f.nominal else None)
    if negated and modality == "future" and sense.event in _REFUSABLE:
        # "will not lift the sanctions" is a refusal now, not a concession that did not happen (CAMEO 12)
        mode = _REFUSABLE[sense.event]
        sense = Sense(
            "REJECT", mode, sense.context, {"yield": "124", "assist": "121", "meet": "125"}.get(mode or "", "120")
        )
        negated = False
        modality = "asserted"
    quote = quote_for(f.trigger.idx, quotes)
    claimed_by = quote.speaker_actor if quote else None
    if modality == "asserted" and is_historical(when, published):
        modality = "historical"
    elif modality == "asserted" and quote is not None:
        modality = "reported"
    actor = f.actor
    recipient = f.recipient
    if sense.event in _RECIPROCAL and len(actor) > 1:
        recipient = ()
    trig = f.trigger
    sent = trig.sent
    confidence = 0.45 + (0.2 if actor else 0) + (0.1 if recipient else 0) + (0.1 if f.specific else 0)
    confidence -= 0.1 if f.nominal else 0
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
        location=place_for_clause(head.doc, head, places) if places else None,
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


def _key(e: Event) -> tuple[object, ...] | None:
    if not e.actor:
        return None
    ids = tuple(sorted(a.actor_id or a.country or a.text for a in e.actor))
    rids = tuple(sorted(r.actor_id or r.country or r.text for r in e.recipient))
    # told by the outlet or by a quoted source, it is the same event
    modality = "asserted" if e.modality == "reported" else e.modality
    return (e.event, ids, rids, e.date, e.negated, modality)


def _dedupe(events: list[Event]) -> tuple[Event, ...]:
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
