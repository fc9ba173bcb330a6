"""Who acts and who is acted upon: actor and recipient attachment on the dependency parse.

Subjects, passive agents, controllers and shared subjects of conjuncts give the actor; objects,
datives, passive subjects and target prepositional phrases the recipient; a nominal event's own
phrase ("Israeli airstrikes on Gaza") gives both. Coded actors come from the actors stage
(``ActorIndex.ref_at``); nothing here resolves coreference.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tacitus.actors import ActorIndex
from tacitus.events.clause import stopped_short
from tacitus.model import ActorRef
from tacitus.nlp import PLACE_HEADS, dateline_end, passive_agent
from tacitus.where import PlaceMention

#: Dependents of a noun that can name who it is, for actor lookup ("Iranian officials", "the minister of France").
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod"})
_NP_PREPS = frozenset({"of", "from", "like", "including"})
#: Prepositions that introduce a recipient ("attacked positions in", no; "fired on", yes).
RECIPIENT_PREPS = ("against", "on", "upon", "at", "with", "to", "toward", "towards", "into", "from", "over", "for")
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
_WH = frozenset({"WDT", "WP", "WP$"})
_BORDERS = frozenset({"border", "frontier", "boundary"})
#: Participles naming a third party behind something ("UN-brokered", "Iranian-backed"); "French-led" names the force.
_BROKERING = frozenset({"broker", "mediate", "sponsor", "back", "arrange", "engineer", "fund", "support"})
#: Participles naming who holds a place ("the ISIS-held old city", "Russian-controlled areas"): whoever acts on
#: the place acts on its holder. Not "occupied": the Israeli-occupied West Bank is not where Israel is hit.
_HOLDING = frozenset({"hold", "control", "run"})
_HELD_PLACES = PLACE_HEADS | {"neighbourhood", "neighborhood", "enclave", "position", "base", "stronghold", "pocket"}
#: Verbs that report a clause; a participle after them still belongs to it.
_REPORTING = frozenset({"say", "report", "tell", "announce", "add", "confirm", "state", "claim"})
#: Participles that are the reporter's own words ("..., Hamas said, accusing Israel of violating the truce").
_SPEAKING = frozenset({"accuse", "blame", "call", "urge", "warn", "vow", "describe", "deny", "insist"})
_VENUES = frozenset({"sideline", "sidelines", "margin", "margins"})
_BIDDING = frozenset({"request", "behest", "invitation", "urging", "insistence", "instigation", "initiative"})
#: Participles that say what a vehicle carries ("planes carrying food", "ships loaded with relief supplies").
CARRYING = frozenset({"carry", "load", "laden", "pack", "fill", "bear", "transport"})
#: Verbs that let someone in or do something: the complement's subject is who is let.
CAUSATIVE = frozenset({"allow", "permit", "let", "admit"})
#: Prepositions that name a target inside the verb's object or phrases ("sanctions against", "mediation between").
_NESTED_PREPS = frozenset({"against", "on", "upon", "to", "toward", "towards", "into", "for", "between"})
#: Nouns of meeting and dealing whose "with" names the other side ("arrived for talks with Clinton").
_MEETINGS = frozenset(
    {
        "talk",
        "talks",
        "meeting",
        "negotiation",
        "consultation",
        "summit",
        "discussion",
        "deal",
        "agreement",
        "accord",
        "treaty",
    }
    | {"telephone", "phone", "call", "conversation", "videoconference", "video", "link"}
)
#: Prepositions whose object may carry that target further down ("sanctions in relation to Iraq").
_THROUGH = frozenset({"in", "for", "of", "to", "on", "against", "into", "alongside", "toward", "towards"})
#: Prepositions placing an act in a country or region, and the entity types that make a mention a place.
_PLACE_PREPS = frozenset({"in", "inside", "into", "across", "throughout", "around"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP"})
#: Verbs of a purpose clause whose object is whom the act benefits.
_HELPING = frozenset({"help", "assist", "support", "aid", "benefit", "relieve", "rescue", "protect", "feed"})
#: Verbs whose object is what is sent or given, in a complement ("offered to send troops").
_GIVING = frozenset({"send", "deploy", "dispatch", "provide", "give", "supply", "deliver", "donate", "ship"})
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
#: Verbs moving forces, and the nouns for forces and envoys: what is moved is not whom it is aimed at.
_MOVING = frozenset(
    {"withdraw", "pull", "send", "deploy", "dispatch", "move", "station", "strengthen", "reinforce", "boost", "mass"}
)
_FORCES = frozenset(
    {
        *("troop", "troops", "force", "forces", "soldier", "peacekeeper", "army", "police", "personnel", "unit"),
        *("battalion", "contingent", "warship", "jet", "aircraft", "tank", "ambassador", "envoy", "diplomat"),
    }
)
#: Verbs of calling or visiting someone: a purpose clause's act is aimed at whom is called.
_CALLING = frozenset({"call", "phone", "telephone", "ring", "visit"})
#: Nouns for an international force or mission, which troops join in a host country.
_MISSIONS = frozenset({"mission", "force", "operation", "contingent", "coalition", "deployment"})
_GROUPS = frozenset({"batch", "contingent", "group", "team", "unit", "number", "company", "battalion"})
#: Words heading a phrase that only says where a report comes from ("according to Reuters").
_NOT_THROUGH = frozenset({"according", "due", "thanks", "owing", "prior"})


class Attacher:
    """Actor and recipient attachment over one Doc."""

    def __init__(
        self,
        actors: ActorIndex,
        instruments: frozenset[str] = frozenset(),
        places: tuple[PlaceMention, ...] = (),
    ) -> None:
        self.actors = actors
        #: Words for what an act is done with ("pounded X with artillery"): never its recipient.
        self.instruments = instruments
        #: The article's toponyms, by token: "declared a ceasefire in Aleppo" names a place no actor mention covers.
        self._place_at = {i: m for m in places if m.place.country for i in range(m.tok_start, m.tok_end)}
        self._refs: dict[int, tuple[ActorRef, ...]] = {}

    def refs(self, head: Token | None) -> tuple[ActorRef, ...]:
        """Coded actors named by the noun phrase at ``head`` and its conjuncts (one lookup per token: the
        attacher serves one parse, and the same phrase is asked about for actor, recipient and content)."""
        if head is None:
            return ()
        found = self._refs.get(head.i)
        if found is None:
            found = self._refs[head.i] = self._refs_of(head)
        return found

    def _refs_of(self, head: Token) -> tuple[ActorRef, ...]:
        if head.tag_ in _WH and head.head.dep_ == "relcl":
            head = head.head.head
        if head.lemma_.lower() in _VENUES:
            return ()  # "met on the sidelines of the UN General Assembly": where they met, not whom
        if head.lemma_.lower() in _BIDDING and head.dep_ == "pobj" and head.head.lower_ in {"at", "on", "upon"}:
            return ()  # "arrested five suspects at the request of Chinese authorities": who asked, not whom
        if head.lemma_.lower() in _BORDERS:
            # "sent troops to Venezuela's border with Colombia": the side across the border, not the owner
            across = [g for c in head.children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            found = tuple(r for g in across for r in self.refs(g))
            if found:
                return found
        out: list[ActorRef] = []
        for h in (head, *head.conjuncts, *_dangling_conjunct(head)):
            out.extend(self._holder(h) or self._find(h))
        # one key per actor on a span: "they" after "Armenia and Azerbaijan" is two refs on one span
        seen: set[tuple[int, int, str | None]] = set()
        unique: list[ActorRef] = []
        for r in out:
            if (r.start, r.end, r.actor_id) not in seen:
                seen.add((r.start, r.end, r.actor_id))
                unique.append(r)
        return tuple(unique)

    def _holder(self, head: Token) -> list[ActorRef]:
        """The country-coded holder of a place held by someone ("the ISIS-held city", "a town held by rebels"); not
        of people or meetings held ("hostages held by the Taliban", "talks held by the EU")."""
        if head.ent_type_ not in _PLACE_ENTS and head.lemma_.lower() not in _HELD_PLACES:
            return []
        for c in head.children:
            if c.lemma_.lower() not in _HOLDING or c.tag_ != "VBN" or c.dep_ not in {"amod", "acl"}:
                continue
            holders = [g for g in c.children if g.dep_ in {"npadvmod", "compound", "nmod"} and g.i < c.i]
            holders += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            found = [r for g in holders for r in self._find(g) if r.country]
            if found:
                return found
        return []

    def _find(self, head: Token) -> list[ActorRef]:
        queue: list[tuple[Token, int]] = [(head, 0)]
        while queue:
            tok, depth = queue.pop(0)
            ref = self.actors.ref_at(tok)
            if ref is not None:
                found = list(self.actors.refs_for(tok)) or [ref]
                for c in tok.conjuncts:
                    other = self.actors.ref_at(c)
                    if other is not None and other != ref:
                        found.append(other)
                if depth and all(r.country is None for r in found):
                    # "the Essequibo region of Guyana": a modifier names no country, the of-phrase does
                    of = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                    return [r for g in of for r in self._find(g) if r.country] or found
                if not depth:
                    # "the foreign ministers of Greece and Turkey": one span for the first, the conjunct for the next
                    of = [g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                    more = [r for g in of for c in g.conjuncts if (r := self.actors.ref_at(c)) is not None]
                    found += [r for r in more if r not in found and r.country not in {f.country for f in found}]
                return found
            if depth >= 3:
                continue
            # "his Russian counterpart": the adjective names the country, the pronoun only the owner
            for c in sorted(tok.children, key=lambda c: c.dep_ == "poss" and c.pos_ == "PRON"):
                if c.dep_ == "amod" and c.lemma_.lower() in _BROKERING:
                    continue  # "a UN-brokered ceasefire", "Iranian-backed Houthis": the broker is not the one named
                if c.dep_ in _NP_DEPS:
                    queue.append((c, depth + 1))
                elif c.dep_ == "prep" and c.lower_ in _NP_PREPS:
                    queue.extend((g, depth + 1) for g in c.children if g.dep_ == "pobj")
        return []

    def subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The token naming who acts: subject, passive agent, controller, or the shared subject of a conjunct."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        if not subjects:  # "Kenya is mediating" parsed with the subject on the auxiliary
            subjects = [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]
        if subjects:
            # a misparsed dateline ("KYIV, June 11 - Russian forces shelled") gives two: take the coded one
            # ("A Taliban delegation led by Deputy Prime Minister Hanafi held talks" parses both as subjects: the
            # one with a country)
            found = (
                next((c for c in subjects if _dangling_conjunct(c)), None)
                or next((c for c in reversed(subjects) if any(r.country for r in self.refs(c))), None)
                or next((c for c in reversed(subjects) if self.refs(c)), subjects[-1])
            )
            if found.dep_ == "csubj" and found.tag_ == "VBN":
                # "Dozens of Russian peacekeepers destined for Karabakh began deploying", parsed with the participle
                # as the clause's subject: the noun it describes is
                found = next((c for c in found.children if c.dep_ == "nsubj"), found)
            end = dateline_end(verb.doc, found.i)
            if end is not None:
                # "KABUL, Nov 14 (Reuters) - Rockets fired by Taliban forces slammed": the place filed from took
                # the subject; the story's own subject hangs on it after the dash
                return next((c for c in found.children if c.dep_ == "appos" and c.i >= end), found)
            return found
        # headline grammar: "Russian regime shells Kharkiv" parses the subject as a left modifier
        for c in verb.lefts:
            if c.dep_ in {"compound", "npadvmod", "dep", "nmod", "advmod"} and self.refs(c):
                return c
        agent = passive_agent(verb)
        if agent is not None:
            return agent
        if depth > 4 or verb.head.i == verb.i:
            return None
        head = verb.head
        if verb.dep_ == "xcomp":
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and head.lemma_ not in _OBJECT_CONTROL:
                return raised  # "the presidents are expected to sign"
            if head.lemma_ in _OBJECT_CONTROL and (head.lemma_ != "call" or _calls_on(head)):
                controller = self.object_of(head)
                if controller is not None:
                    return controller
            return self.subject(head, depth + 1)
        reporting = head.lemma_ in _REPORTING and verb.lemma_ not in _REPORTING | _SPEAKING
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and reporting and head.i < verb.i:
            # "Taliban fighters overran a base, officials said Tuesday, killing 17 soldiers": the participle goes
            # with the reported clause, not with who reports it
            reported = next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)
            if reported is not None:
                return self.subject(reported, depth + 1)
        if verb.dep_ == "conj" and self.is_passive(verb):
            return None  # "fishermen, held in Libya, have been freed": the shared subject is acted upon
        if verb.dep_ in {"conj", "advcl", "acomp"} or (verb.dep_ == "attr" and verb.tag_ == "VBG"):
            # "is willing to withdraw": willing's subject acts; "Qatar is mediating" parsed as an attribute
            return self.subject(head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            # "committed to supplying coal", "insisted on holding talks": the governing verb's subject acts
            return self.subject(head.head, depth + 1)
        stopped = stopped_short(verb)
        if stopped is not None:  # "the White House stopped short of blaming Beijing"
            return self.subject(stopped, depth + 1)
        if verb.dep_ in {"acl", "relcl"}:
            if self.is_passive(verb):
                return None  # "farmers who were killed": the head noun is acted upon
            if self.actors.ref_at(head) is not None or head.dep_ not in {"dobj", "attr", "pobj"}:
                return head
            return self.subject(head.head, depth + 1) if head.head.pos_ in {"VERB", "AUX"} else head
        return None

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN" and not _counted_root(verb)
        )

    def object_of(self, verb: Token, theme: bool = False) -> Token | None:
        """The recipient token of a verb: passive subject, object, dative, or a prepositional target.

        With ``theme`` the direct object is what is moved or given ("deployed troops", "sent
        aid"), not a recipient: only datives and prepositional targets count.
        """
        for c in verb.children:
            if c.dep_ == "nsubjpass" and not theme:
                return c
        if not theme and verb.lemma_ in CAUSATIVE:
            # "let UN inspectors into the palace" (a small clause), "allowed the first U.N. aid convoy to enter
            # Mekelle": who is let in or let act is whom the act is aimed at
            for c in verb.children:
                if c.dep_ in {"ccomp", "xcomp"}:
                    who = c if c.pos_ in {"NOUN", "PROPN"} else next((g for g in c.children if g.dep_ == "nsubj"), None)
                    if who is not None and self.refs(who):
                        return who
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not theme and not _counted_root(verb):
            return verb.head
        if (
            not theme
            and verb.dep_ == "conj"
            and self.is_passive(verb)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        ):
            # "fishermen, held in Libya, have been freed by Libyan forces" parsed as two verbs: the first one's
            # subject is who was freed
            shared = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if shared is not None and self.refs(shared):
                return shared
        for c in verb.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":  # "provided aid to the Philippines" parsed as a dative
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and self.refs(pobj):
                    return pobj
            elif c.dep_ == "dative" or (c.dep_ in {"dobj", "obj"} and not theme and self.refs(c)):
                if c.dep_ != "dative" and all(r.text.lower() in _POSSESSIVES for r in self.refs(c)):
                    # "meet his counterpart Italian President Sergio Mattarella", parsed as two objects: the
                    # named one, not the owner of the first
                    named = next((o for o in verb.children if o.i > c.i and o.dep_ in {"dobj", "obj"}), None)
                    if named is not None and self.refs(named):
                        return named
                return c
        if not theme:
            # "vowed revenge against Israel for the killing of its general": the object's "against" says whom
            for g in (
                g
                for c in verb.children
                if c.dep_ in {"dobj", "obj"}
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "against"
                for g in _pobjs(p)
            ):
                if self.refs(g):
                    return g
        preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ in RECIPIENT_PREPS]
        preps = [c for c in preps if not _gives_reason(c)]
        if any(c.dep_ in {"dobj", "obj"} for c in verb.children):
            # "broke off peace talks with Israel over construction of a settlement": with an object, "over" says why
            preps = [c for c in preps if c.lower_ != "over"]
        # what is given or handed back goes "to" someone, whatever other phrase names where ("at their embassy")
        order = ("to", *RECIPIENT_PREPS) if theme else RECIPIENT_PREPS
        for out in (c for c in verb.children if c.dep_ in {"prep", "prt", "advmod"} and c.lower_ in {"out", "back"}):
            # "pull its forces out of Azerbaijani territory": "out of" says where from, as "from" does; "handed Hong
            # Kong back to China": the particle carries the "to"
            preps.extend(c for c in out.children if c.dep_ == "prep" and c.lower_ in {"of", "to"})
        for prep in sorted(preps, key=lambda p: order.index(p.lower_) if p.lower_ in order else order.index("from")):
            for g in _pobjs(prep):
                if g.lemma_.lower() not in self.instruments and self.refs(g):
                    return g
            if prep.dep_ == "prt":  # "called on the cabinet": particle, then the object
                for c in verb.children:
                    if c.dep_ == "pobj":
                        return c
        for c in verb.children:
            if c.dep_ in {"dobj", "obj"}:
                if not theme:
                    return c
                # "provided aid to the Philippines": the target hangs on the thing given, a thing given with it,
                # or what that thing is made of ("sent vehicles and a team of paratroopers to Lebanon")
                given = [c, *c.conjuncts]
                given += [
                    g for t in given for p in t.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
                ]
                for prep in (p for t in given for p in t.children):
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

    def recipient(self, verb: Token, theme: bool = False, located: bool = False) -> tuple[ActorRef, ...]:
        """Whom the verb's act is aimed at; with ``located``, an uncoded object's place stands for it
        ("shelled a base in Kandahar", "seized the mosque in Mosul")."""
        obj = self.object_of(verb, theme)
        called = self._called(verb) if not self.refs(obj) else ()
        if called:
            return called
        measured = self._measure_target(verb)
        if measured:
            return measured
        if not theme and obj is not None and obj.dep_ in {"dobj", "obj"} and self._moves_forces(verb, obj):
            # "withdrew its troops from Abyei", "strengthened its forces in Crimea": forces moved are no recipient
            return self.recipient(verb, theme=True) or self._purpose_target(verb) or self.place_target(verb)
        if not theme and obj is not None and obj.dep_ in {"dobj", "obj", "nsubjpass"} and not self.actors.ref_at(obj):
            # "criticised the detention of two sailors by Chile", "the release of 50 prisoners by the Belarusian
            # authorities was welcomed": who did what the act is about
            by = (
                self.by_party(obj)
                or next((self.by_party(g) for p in obj.children if p.lower_ == "of" for g in p.children), ())
                or (self.by_party(verb) if not self.is_passive(verb) else ())  # the parser hangs it on an active verb
            )
            if by:
                return by
        found = self.refs(obj)
        if found and obj is not None and all(r.country == "IGO" for r in found):
            found = self._mission_host(obj) or found
        if found and obj is not None and obj.lemma_.lower() in MEASURES and self.actors.ref_at(obj) is None:
            # "UN sanctions against Iran were lifted": aimed at Iran, imposed by the UN
            found = self.target_in(obj, ("against", "on")) or found
        if found and obj is not None and all(r.text.lower() in _POSSESSIVES for r in found):
            # "lifted its ban on US poultry": whose ban it is says less than whom it is aimed at
            found = self.target_in(obj, RECIPIENT_PREPS) or self.target_in(verb, ("to", "for", "against")) or found
        if found:
            return found
        if obj is not None:
            # "condemned the attack on Y", "launched an offensive against Y", "lifted a ban imposed on Y"
            found = self.target_in(obj, RECIPIENT_PREPS)
            if found:
                return found
            if located and obj.dep_ in {"dobj", "obj", "nsubjpass"}:
                # the place hangs on the object or, as the parser often has it, on the verb
                for c in (*obj.children, *verb.children):
                    if c.dep_ == "prep" and c.lower_ in {"in", "inside", "near"}:
                        for g in c.children:
                            if g.dep_ == "pobj" and self.refs(g):
                                return self.refs(g)
        return self.nested_target(verb, theme)

    def _purpose_target(self, verb: Token) -> tuple[ActorRef, ...]:
        """The coded party forces are moved against, named by the purpose they are moved for ("strengthened its forces
        in Europe to deter possible Russian military action")."""
        for c in verb.children:
            if c.dep_ in {"advcl", "xcomp"} and any(x.tag_ == "TO" for x in c.children):
                found = tuple(r for o in c.children if o.dep_ in {"dobj", "obj"} for r in self.refs(o) if r.country)
                if found:
                    return found
        return ()

    def _measure_target(self, verb: Token) -> tuple[ActorRef, ...]:
        """The target of sanctions or a ban the verb's object is ("approve a fresh round of sanctions against Iran",
        whatever other phrase the parser hangs on the verb)."""
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
            nouns = [obj, *(g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj")]
            for noun in nouns:
                if noun.lemma_.lower() in MEASURES and self.actors.ref_at(noun) is None:
                    found = self.target_in(noun, ("against", "on"))
                    if found:
                        return found
        return ()

    def _called(self, verb: Token) -> tuple[ActorRef, ...]:
        """Whom a call or visit is made to, for the act it is made for ("called Erdogan to apologize", "phoned
        the Tanzanian president on Sunday to discuss the closure", "visited Kyiv to discuss aid")."""
        head = verb.head
        if verb.dep_ not in {"advcl", "xcomp"} or head.lemma_ not in _CALLING or _calls_on(head):
            return ()
        if not any(c.tag_ == "TO" for c in verb.children):
            return ()
        callee = next((c for c in head.children if c.dep_ in {"dobj", "obj", "oprd", "dative"}), None)
        return self.refs(callee)

    def _mission_host(self, obj: Token) -> tuple[ActorRef, ...]:
        """The country hosting an international mission troops are sent to ("sent troops to the UN mission in
        Lebanon"): the mission only carries them there."""
        if obj.dep_ != "pobj" or obj.head.lower_ not in {"to", "into"} or obj.lemma_.lower() not in _MISSIONS:
            return ()
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for g in c.children:
                    found = self.places_at(g) if g.dep_ == "pobj" else ()
                    if found:
                        return found
        return ()

    def _moves_forces(self, verb: Token, obj: Token) -> bool:
        """Forces or envoys withdrawn, sent or reinforced, unnamed or the actor's own ("its troops")."""
        if verb.lemma_ not in _MOVING:
            return False
        if obj.lemma_.lower() in _GROUPS:  # "withdrew a batch of 200 peacekeepers"
            obj = next((g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), obj)
        if obj.lemma_.lower() not in _FORCES:
            return False
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        return owner is None or owner.pos_ == "PRON" or not any(c.dep_ in {"amod", "compound"} for c in obj.children)

    def nested_target(self, verb: Token, theme: bool = False) -> tuple[ActorRef, ...]:
        """A target phrase further down, on what the verb gives or sets going, when the verb names no coded object:
        "provided 3 million euros in funding to Lebanon", "called for sanctions against Turkey", "launched a
        mediation effort between X and Y"; with ``theme`` the object is what is moved ("mobilized the army for an
        assault against X")."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if not theme and any(self.refs(c) for c in objects):
            return ()  # "detained suspects in the attack on X": the object named is the recipient
        queue: list[tuple[Token, int]] = [(verb, 0), *((c, 1) for c in objects)]
        while queue:
            tok, depth = queue.pop(0)
            if depth:  # "condemned the threats made by the US", "protest against laws imposed by the government"
                for c in tok.children:
                    if c.dep_ == "acl" and c.tag_ == "VBN":
                        for g in (g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                            if self.refs(g):
                                return self.refs(g)
                    if c.dep_ == "acl" and c.lemma_.lower() in CARRYING:
                        # "ships loaded with relief supplies to Sri Lanka": the destination hangs on the cargo
                        queue.extend(
                            (g, depth)
                            for x in c.children
                            for g in ((x,) if x.dep_ in {"dobj", "obj"} else _pobjs(x) if x.lower_ == "with" else ())
                        )
                    elif (
                        c.tag_ != "VBN"
                        and c.dep_ in {"acl", "relcl"}
                        and depth == 1
                        and any(x.tag_ == "TO" for x in c.children)
                    ):
                        # "launched an effort to resolve the rift between Qatar and its neighbours"
                        queue.extend((x, depth) for x in (c, *c.children) if x is c or x.dep_ in {"dobj", "obj"})
            for c in tok.children:
                if c.dep_ != "prep" or c.head.lower_ in _NOT_THROUGH:
                    continue
                for g in c.children:
                    if g.dep_ != "pobj" or g.lemma_.lower() in self.instruments:
                        continue
                    nested = c.lower_ in _nested_preps(tok)
                    found = self.refs(g) if nested else ()
                    if found:
                        return found
                    if depth < 2 and (c.lower_ in _THROUGH or (c.lower_ == "by" and g.lemma_.lower() in _MEETINGS)):
                        queue.append((g, depth + 1))
        return self.helped(verb, objects) or self.sent_to(verb)

    def sent_to(self, verb: Token) -> tuple[ActorRef, ...]:
        """The country a mission is sent to, for the act it is sent to do ("sent experts to Saudi Arabia to
        investigate the attacks")."""
        if verb.dep_ not in {"advcl", "xcomp"} or verb.head.lemma_ not in _GIVING:
            return ()
        # "dispatched a team to Detroit": the parser hangs the destination on what is sent
        objects = (c for c in verb.head.children if c.dep_ in {"dobj", "obj"})
        for c in (*verb.head.children, *(p for o in objects for p in o.children if p.dep_ == "prep")):
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj" and self.refs(g):
                        return self.refs(g)
        return ()

    def helped(self, verb: Token, objects: list[Token]) -> tuple[ActorRef, ...]:
        """Whom a purpose clause says the act helps: "donated ventilators to assist Ethiopia", "earmarked funds to
        help Haiti", "sent rice to help North Korea cope"."""
        clauses = [verb] if verb.lemma_ in _HELPING else []
        for head in (verb, *objects):
            clauses.extend(
                c
                for c in head.children
                if c.dep_ in {"xcomp", "advcl", "acl", "relcl"}
                and c.lemma_ in _HELPING
                and any(x.tag_ == "TO" for x in c.children)
            )
        for c in clauses:
            obj = next((x for x in c.children if x.dep_ in {"dobj", "obj"}), None)
            if obj is None:  # "to help Haiti cope": the helped one is the subject of the next verb
                clause = next((x for x in c.children if x.dep_ in {"ccomp", "xcomp"}), None)
                obj = next((x for x in clause.children if x.dep_ == "nsubj"), None) if clause else None
            found = self.refs(obj)
            if found:
                return found
        return ()

    def place_target(self, verb: Token) -> tuple[ActorRef, ...]:
        """Where an act without a named recipient is aimed: the country or region its "in" phrase names, on the verb or
        on what it acts on ("declared a ceasefire in Yemen", "suspended aid deliveries in Borno State", "took part in
        peacekeeping operations in Mali"). Only places count: "in the UN mission" names no recipient."""
        queue: list[tuple[Token, int]] = [(verb, 0)]
        while queue:
            tok, depth = queue.pop(0)
            if depth < 2:  # what it acts on, and an act it agrees or refuses to do ("agreed to lay down arms in X")
                queue.extend(
                    (c, depth + 1)
                    for c in tok.children
                    if c.dep_ in {"dobj", "obj", "xcomp"}
                    # "a ceasefire effective from Sunday in Somalia", "funds to support reconstruction in Libya"
                    or (depth and c.dep_ in {"amod", "acl"})
                    or (c.dep_ in {"advcl", "acl"} and any(x.tag_ == "TO" for x in c.children))
                )
            for c in tok.children:
                if c.dep_ != "prep":
                    continue
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    found = self.places_at(g) if c.lower_ in _PLACE_PREPS else ()
                    if found:
                        return found
                    if depth < 2 and (c.lower_ in _THROUGH or (c.lower_ == "by" and g.lemma_.lower() in _MEETINGS)):
                        queue.append((g, depth + 1))
        return ()

    def places_at(self, head: Token) -> tuple[ActorRef, ...]:
        """The places a locative phrase's object names: coded places, else the gazetteer's toponym as a country."""
        found = tuple(r for r in self.refs(head) if self._is_place(r, head))
        if found:
            return found
        m = self._place_at.get(head.i)
        if m is None or self.actors.ref_at(head) is not None:
            return ()  # "in the UN mission": an actor that is no place
        p = m.place
        return (ActorRef(p.text, p.start, p.end, p.country, None, None),)

    def _is_place(self, ref: ActorRef, head: Token) -> bool:
        if ref.sector is not None or ref.country is None:
            return False
        span = head.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        # the gazetteer knows "Crimea" where the tagger reads it as an organisation
        return span is not None and any(t.ent_type_ in _PLACE_ENTS or t.i in self._place_at for t in span)

    def prep_refs(self, head: Token, preps: Iterable[str]) -> tuple[ActorRef, ...]:
        """Every coded object of the prepositions ``preps`` hanging on ``head`` itself ("arrived in Jakarta")."""
        wanted = frozenset(preps)
        return tuple(
            r
            for c in head.children
            if c.dep_ in {"prep", "agent"} and c.lower_ in wanted
            for g in c.children
            if g.dep_ == "pobj"
            for r in self.refs(g)
        )

    def target_in(self, phrase: Token, preps: Iterable[str]) -> tuple[ActorRef, ...]:
        """The first coded object of one of ``preps`` inside a noun phrase, through its participles."""
        wanted = frozenset(preps)
        queue: list[tuple[Token, int]] = [(phrase, 0)]
        while queue:
            tok, depth = queue.pop(0)
            for c in tok.children:
                if c.dep_ in {"prep", "agent"} and c.lower_ in wanted:
                    for g in _pobjs(c):
                        found = self.refs(g)
                        if found:
                            return found
                if depth < 2 and c.dep_ in {"acl", "prep", "pobj", "agent"}:
                    queue.append((c, depth + 1))
        return ()

    def complement_target(self, verb: Token) -> tuple[ActorRef, ...]:
        """Whom a requested, threatened or refused act concerns: the subject of a that-clause, else its target;
        never the actor again ("agreed to lay down their weapons")."""
        actor = self.refs(self.subject(verb))
        found = not_actor(self._complement_target(verb), actor)
        countries = {a.country for a in actor if a.country}
        clause = next((c for c in verb.children if _infinitive_complement(c)), None)
        if found and clause is not None and {r.country for r in found} <= countries:
            # "refused to recall its ambassador from Montenegro": the actor's own envoy is moved, not targeted
            found = not_actor(self.recipient(clause, theme=True), actor) or found
        reported = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if found and clause is None and reported is not None and {r.country for r in found} <= countries:
            # "warned that Ankara would freeze relations with the EU": the actor's own side acts in the clause;
            # whom it acts on is the target
            found = tuple(r for r in self.recipient(reported) if r.country not in countries) or found
        if not found and clause is not None:
            # "threatened to impose sanctions on Japan over its car market": the target hangs on what is imposed
            objects = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
            found = next((t for o in objects if (t := not_actor(self.target_in(o, _nested_preps(o)), actor))), ())
            # "threatened to use force if Taiwan declared independence": whoever the condition is about
            found = found or not_actor(self._condition_subject(clause), actor)
        return found

    def _condition_subject(self, clause: Token) -> tuple[ActorRef, ...]:
        for c in (*clause.children, *clause.head.children):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None:
                    return self.refs(subj)
        return ()

    def _complement_target(self, verb: Token) -> tuple[ActorRef, ...]:
        for c in verb.children:
            if c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children)):
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is None and c.dep_ == "ccomp" and c.pos_ in {"PROPN", "NOUN"}:
                    subj = c  # "demanded that the Philippines back down": the clause's verb was read as a modifier
                found = self.refs(subj)
                return found or self.recipient(c)
            if _infinitive_complement(c):  # "offered to send troops to Uganda": the troops are sent, Uganda receives
                return (self.recipient(c, theme=True) if c.lemma_ in _GIVING else ()) or self.recipient(c)
            if c.dep_ == "prep" and c.lower_ == "for":  # "called for Britain to stay"
                for g in c.children:
                    subj = g if g.dep_ == "pobj" else next((x for x in g.children if x.dep_ == "nsubj"), None)
                    if subj is not None and any(x.dep_ in {"acl", "relcl"} or x.tag_ == "TO" for x in g.subtree):
                        found = self.refs(subj)
                        if found:
                            return found
        # "reiterated its demand that the US ease sanctions": the clause hangs on the object noun
        for c in verb.children:
            if c.dep_ in {"dobj", "obj"}:
                for g in c.children:
                    subj = next((x for x in g.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
                    if g.dep_ in {"acl", "ccomp"} and subj is not None and subj.pos_ != "PRON":
                        return self.refs(subj)
        return ()

    def noun_args(self, noun: Token) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
        """Actor and recipient inside a nominal event's own phrase ("Israeli airstrikes on Gaza")."""
        actor: tuple[ActorRef, ...] = ()
        targets: list[tuple[int, tuple[ActorRef, ...]]] = []
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and not actor:
                actor = self.refs(c)
            elif c.dep_ == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.lower_ == "from" and noun.lemma_.lower() in _LEAVING:
                    targets.append((len(_NOUN_TARGETS), self.refs(pobj)))  # "their withdrawal from ECOWAS"
                elif c.lower_ == "of" and noun.lemma_.lower() in _LEAVING and not actor:
                    actor = self.refs(pobj)  # "the withdrawal of Russian troops from Kherson": who leaves
                elif c.lower_ in {"by", "between", "from"}:
                    actor = self.refs(pobj)
                elif c.lower_ == "for" and noun.lemma_.lower() == "warrant":
                    targets.append((0, self.refs(pobj)))  # "an arrest warrant for the Taliban's supreme leader"
                elif c.lower_ in _NOUN_TARGETS:
                    found = self.refs(pobj)
                    if not found and pobj is not None and c.lower_ in {"on", "against", "at"}:
                        # "strikes on militant hideouts inside Afghanistan": an uncoded target's place
                        found = next(
                            (
                                where
                                for p in pobj.children
                                if p.dep_ == "prep" and p.lower_ in {"in", "inside", "near"}
                                for g in p.children
                                if g.dep_ == "pobj" and (where := self.refs(g) or self.places_at(g))
                            ),
                            (),
                        )
                    targets.append((_NOUN_TARGETS.index(c.lower_), found))
                    if c.lower_ == "of" and pobj is not None:
                        if not actor:
                            # "the arrest of a French journalist by Iranian police": the parser hangs "by" on the victim
                            actor = self.by_party(pobj)
                        # "the deployment of 230 troops to Liberia": the destination hangs on what is sent
                        targets.extend(
                            (_NOUN_TARGETS.index("to"), self.refs(g))
                            for p in pobj.children
                            if p.dep_ == "prep" and p.lower_ == "to"
                            for g in p.children
                            if g.dep_ == "pobj"
                        )
        # a direction ("on Gaza", "to Liberia") says whom the act is aimed at before "of" or "with" does
        recipient = next((refs for _rank, refs in sorted(targets, key=lambda t: t[0]) if refs), ())
        return actor, recipient

    def by_party(self, noun: Token) -> tuple[ActorRef, ...]:
        """The coded party of a "by" phrase on ``noun`` ("the detention of sailors by Chile")."""
        for c in noun.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj" and self.refs(g):
                        return self.refs(g)
        return ()


#: Measures whose imposer may stand before them ("UN sanctions against Iran"): the target is after.
MEASURES = frozenset(
    {"sanction", "embargo", "ban", "restriction", "tariff", "blockade", "boycott", "curb", "penalty", "curfew"}
)
#: Nominal events whose "from" phrase is what is left, not who acts ("an offer from Iran").
_LEAVING = frozenset({"withdrawal", "pullout", "pull-out", "exit", "departure", "retreat"})
#: Prepositions of a nominal event's target, the likeliest first.
_NOUN_TARGETS = ("on", "against", "at", "into", "to", "around", "with", "of")


def not_actor(refs: tuple[ActorRef, ...], actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """``refs`` without the actor itself, however it is named ("their" for the troops that attack)."""
    ids = {a.actor_id for a in actor if a.actor_id}
    return tuple(r for r in refs if r not in actor and (r.actor_id is None or r.actor_id not in ids))


def aimed_at(ref: ActorRef, trigger: Token) -> bool:
    """Whether ``ref`` is the direct object of the act's ``trigger`` or of a phrase saying whom it goes to or is against
    ("recognised a Palestinian state", "provided donations to Palestinians"): a third party even when coordinated
    actors act together."""
    span = trigger.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in {"amod", "compound", "poss", "nmod"} and root.head.i != root.i:
        root = root.head  # "a Palestinian state": the phrase the party word qualifies
    if root.dep_ in {"dobj", "obj"} and root.head.i == trigger.i:
        return True  # "Spain, Ireland and Norway recognised a Palestinian state": the party acted on
    return root.dep_ == "pobj" and root.head.lower_ in {"to", "against", "toward", "towards"}


#: Nouns of an "in ... at/for" phrase that says why an act was done ("in protest at", "in retaliation for"); not
#: "in solidarity with", which names whom the act is for.
_REASONS = frozenset({"protest", "response", "retaliation", "reaction", "revenge", "reprisal"})


def _gives_reason(prep: Token) -> bool:
    """A preposition the parser hung on the verb that continues a reason ("suspended aid to Kabul in protest at the
    harassment of aid workers"): its object is why, not whom."""
    before = prep.doc[prep.i - 1] if prep.i else None
    return before is not None and before.lemma_.lower() in _REASONS and before.head.lower_ == "in"


def _meets(tok: Token) -> bool:
    """A meeting or deal noun, or a verb with one as its object ("suspend trade talks with Serbia", the "with"
    hung on the verb), whose "with" names the other side."""
    return tok.lemma_.lower() in _MEETINGS or any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _MEETINGS for c in tok.children
    )


def _nested_preps(tok: Token) -> frozenset[str]:
    return _NESTED_PREPS | {"with"} if _meets(tok) else _NESTED_PREPS


def _infinitive_complement(c: Token) -> bool:
    """The verb's to-infinitive complement, also when a phrase between made the parser read it as an adverbial
    clause ("threatened on Friday to impose a blockade")."""
    return c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    )


def _calls_on(verb: Token) -> bool:
    """ "called on Iran to stop" asks Iran to act; "called Erdogan to apologize" or "called X on Sunday to discuss" is a
    call made to do it oneself."""
    return any(
        c.dep_ in {"prt", "prep"}
        and c.lower_ in {"on", "upon"}
        and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children if g.dep_ == "pobj")
        for c in verb.children
    )


def _pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition and of those coordinated with it ("curbs to and from North Korea")."""
    return [g for p in (prep, *(c for c in prep.children if c.dep_ == "conj")) for g in p.children if g.dep_ == "pobj"]


#: Verbs whose passive participle still takes an object ("a journalist given a prize", "troops denied access").
_DITRANSITIVE = frozenset({"give", "award", "grant", "offer", "hand", "deny", "send", "show", "tell", "pay", "allow"})
#: Words counting people: the counted noun says who they are ("thousands of students"), and a misparse makes the
#: count the head of a sentence ("Thousands of Filipinos protested"). Lemmas and the plural surface forms.
COUNTS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "score", "scores"}
    | {"ten", "tens", "group", "number"}
)


def _counted_root(verb: Token) -> bool:
    """ "Thousands of Filipinos protested outside the embassy", "the party called on Biya to resign", parsed as a noun
    with a participle: the noun is the subject of the sentence's only verb, not what the participle was done to."""
    head = verb.head
    if head.dep_ != "ROOT" or any(c.dep_ == "agent" for c in verb.children):
        return False
    if head.lower_ in COUNTS and any(c.lower_ == "of" for c in head.children):
        return True
    if verb.i != head.i + 1:
        return False
    # "Cameroon's main opposition party called on President Biya to resign": a call is made, not undergone
    if verb.lemma_ == "call" and any(c.lower_ in {"on", "for"} for c in verb.children):
        return True
    if any(c.lower_ == "together" for c in verb.children):
        return True  # "Greek and Cypriot commandos trained together on Crete": done jointly, by the noun
    # "The Saudi-led coalition bombed Sanaa": a passive participle takes no object, unless it gives one
    return verb.lemma_ not in _DITRANSITIVE and any(c.dep_ in {"dobj", "obj"} for c in verb.children)


def _dangling_conjunct(tok: Token) -> tuple[Token, ...]:
    """The second of two coordinated phrases the parser hung on their head side by side: "Hungarian Prime Minister
    Viktor Orban and Slovak Prime Minister Robert Fico conferred", parsed as two subjects, the first with its "and"
    but no conjunct."""
    if not any(c.dep_ == "cc" for c in tok.children) or any(c.dep_ == "conj" for c in tok.children):
        return ()
    if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return ()
    return tuple(s for s in tok.head.children if s.dep_ == tok.dep_ and s.i > tok.i)[:1]
