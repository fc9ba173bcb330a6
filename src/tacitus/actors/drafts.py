"""Intermediate records of the actors stage: dictionary hits and mention drafts, the context country
that roles without a country of their own fall back on, and the assembly of drafts into an ActorIndex."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tacitus.actors.index import ActorIndex, ActorMention
from tacitus.actors.lexicon import ActorEntry
from tacitus.model import Actor, ActorRef, Span, all_sectors

#: Codes that are not states: an article's "main country" is never one of them.
NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "EUR"})
#: Heads too generic to borrow the article's main country: only their own sentence can give them one
#: ("France criticised Germany. Officials said people were angry": whose officials, whose people?).
_SENTENCE_ONLY = frozenset({"people", "person", "persons", "individual", "official", "representative", "side"})
#: A counterpart is by definition of another party: only its own words give it a country.
NEVER_CONTEXT = frozenset({"counterpart"})
#: Qualifiers that say a role is not of the land it is in ("foreign troops", "occupying forces", "invading
#: forces", "occupation troops"): the country the article is about is the one it is foreign to.
_FOREIGN = frozenset({"foreign", "occupying", "occupation", "invading", "invasion", "outside", "external"})
#: Verbs and nouns of forces leaving or driven from a land: the land left ("from Lebanese soil") is not the forces'
#: own, and names a party like a country does ("withdrew from Sinai"; see placing.where_not_who).
LEAVING = frozenset(
    {"withdraw", "withdrawal", "pull", "pullout", "retreat", "leave", "evacuate", "evacuation"}
    | {"expel", "oust", "evict", "drive"}
)
#: Verbs of moving one's own people, and the sectors of the people moved.
_DISPATCH = frozenset(
    {"withdraw", "pull", "deploy", "redeploy", "send", "dispatch", "station", "recall", "evacuate", "mobilize"}
)
_DISPATCHED_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY", "PRM"})
#: Sector tags PLOVER gives IN ADDITION to an actor's own sector: PRE, of a partially recognised entity.
ADDITIONAL_SECTORS = frozenset({"PRE"})
#: Nouns of an attack: a country word that qualifies one names the attacker ("the Israeli airstrike on
#: Gaza killed four people"), so it says nothing about the victims or anyone else in the sentence.
_ATTACK_NOUNS = frozenset(
    [
        "airstrike",
        "airstrikes",
        "strike",
        "raid",
        "attack",
        "assault",
        "offensive",
        "bombing",
        "bombardment",
        "shelling",
        "missile",
        "rocket",
        "drone",
        "shell",
        "fire",
        "barrage",
        "incursion",
        "invasion",
        "ambush",
        "operation",
        "crackdown",
        "blockade",
        "siege",
        "jet",
        "warplane",
        "aircraft",
        "helicopter",
        "gunship",
        "tank",
        "artillery",
        "mortar",
        "bomb",
        "warship",
        "gunboat",
    ]
)
#: Words of parties meeting.
_MEETING = frozenset(
    {"meet", "meeting", "talk", "talks", "summit", "negotiation", "negotiations", "negotiate", "conference"}
)
#: Participles after "X-" that make X a sponsor of the group named next, not its country.
_SPONSORED = frozenset(
    {"backed", "supported", "sponsored", "funded", "financed", "armed", "aligned", "allied", "trained", "proxy"}
)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: ActorEntry
    country: str | None
    sector: str | None
    #: A country word gave a non-state group its country ("Pakistani Taliban"): not the entry's own.
    localised: bool = False
    #: A person with dated offices none of which holds on the article's date (or the article has none).
    off_record: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """A mention before actors are numbered: token bounds, code, and the key that groups it."""

    start: int
    end: int
    country: str | None
    sector: str | None
    kind: str  # person | org | country | group
    key: tuple[str, ...]
    how: str
    group: int = -1
    head_lemma: str = ""
    plural: bool = False
    subject: bool = False
    needs_country: bool = False
    #: PLOVER sectors the mention has besides ``sector`` (PRE for a partially recognised entity's role).
    extra_sectors: tuple[str, ...] = ()

    @property
    def sectors(self) -> tuple[str, ...]:
        """Every sector tag, the primary one first (as :attr:`tacitus.model.Actor.sectors`)."""
        return all_sectors(self.sector, self.extra_sectors)

    @property
    def additional_sectors(self) -> tuple[str, ...]:
        """The tags another mention of this actor keeps whatever its own sector ("the two governments"
        of Transnistria and Moldova: Transnistria's stays PRE as well as GOV)."""
        return tuple(s for s in self.sectors if s in ADDITIONAL_SECTORS)


def context_country(
    doc: Doc, hits: list[Hit], position: int, owned: frozenset[int] = frozenset(), sentence_only: bool = False
) -> str | None:
    """The state the article names most, among those named by the end of this sentence (places
    count: "protesters marched in Kyiv"); ties go to the first named. None when none is named yet.

    ``owned``: starts of hits that are another role's own country word ("Filipino hostages",
    "his Turkish counterpart"); in the role's own sentence they say nothing about the role.
    ``sentence_only``: count only the states named in the role's own sentence.
    """
    sent = doc[position].sent
    usable = [h for h in hits if not (h.start in owned and sent.start <= h.start < sent.end)]
    if sentence_only:
        usable = [h for h in usable if sent.start <= h.start < sent.end]
    named = {h.country for h in usable if h.start < sent.end and h.country and h.country not in NON_STATE}
    counts = Counter(h.country for h in usable if h.country in named)
    if not counts:
        return None
    # Ties go to where the sentence's act happens ("militias attacked a US base in Iraq": Iraq's, not the
    # target's owner), then to the first named.
    where = {h.country for h in usable if sent.start <= h.start < sent.end and _place_of_act(doc[h.start : h.end].root)}
    return max(counts, key=lambda c: (counts[c], c in where))


def _place_of_act(tok: Token) -> bool:
    """A state named as where a clause's act happens: 'in Iraq' on a verb, or on what it acts on ('attacked a base
    in Iraq', 'fired rockets at a US base in Syria')."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    governor = tok.head.head
    return governor.pos_ in ("VERB", "AUX") or governor.dep_ in ("dobj", "obj", "pobj")


def _owned(doc: Doc, drafts: list[Draft], hits: list[Hit]) -> frozenset[int]:
    """Hits that say nothing about the other roles of their sentence: the country word inside a longer draft
    ("Israeli troops", "Filipino hostages"), an attacker ("Israeli airstrikes", "Russia's shelling of Kharkiv"),
    a sponsor ("Moscow-backed") and a meeting's venue ("talks in Doha")."""
    inside = {
        h.start
        for h in hits
        for d in drafts
        if d.start <= h.start and h.end <= d.end and (d.end - d.start) > (h.end - h.start)
    }
    # A city or capital before an attack noun is where it happened ("the Ghazni attack"), not who attacked.
    attackers = {
        h.start for h in hits if h.entry.kind not in ("place", "capital") and _attacker_word(doc[h.start : h.end].root)
    }
    # "Moscow-backed separatists", "Iran-funded militias": the sponsor, not the group's own country.
    sponsors = {
        h.start for h in hits if h.end + 1 < len(doc) and doc[h.end].text == "-" and doc[h.end + 1].lower_ in _SPONSORED
    }
    venues = {h.start for h in hits if h.entry.kind in ("place", "capital") and _venue(doc[h.start : h.end].root)}
    left = {h.start for h in hits if _land_left(doc[h.start : h.end].root)}
    return frozenset(inside | attackers | sponsors | venues | left)


def _land_left(tok: Token) -> bool:
    """'withdrew from Syrian territory', 'the withdrawal of troops from Lebanese soil': the land forces leave
    (the country word or the noun it qualifies) says nothing about whose forces they are."""
    while tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("from", "out"):
        return False
    governor = tok.head.head
    return governor.lemma_.lower() in LEAVING or governor.lower_ in LEAVING


#: Sectors of people with no state role; a place names whose they are ("people in Haiti", "refugees from Syria").
PEOPLE_SECTORS = frozenset({"CVL", "REF", "LAB", "EDU", "MED", "AGR", "OPP", "JRN"})
#: Authorities a place names by "in" ("the government in Kabul", "authorities in Niger").
_AUTHORITY_SECTORS = frozenset({"GOV", "JUD", "LEG"})


def _located(doc: Doc, d: Draft, hits: list[Hit]) -> str | None:
    """The country of the place a role of people is in or from, named in its own phrase."""
    head = doc[d.end - 1]
    if d.sector not in PEOPLE_SECTORS and d.sector not in _AUTHORITY_SECTORS:
        # "gunmen from the Somali militant group al-Shabaab", "fighters from Chad": whose ranks they come from
        return _from_ranks(head, hits) if d.sector in _ARMED_SECTORS else None
    # "the new government in Niger"; a government "from" somewhere is no government of it
    preps = ("in", "from", "across", "throughout") if d.sector in PEOPLE_SECTORS else ("in",)
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for h in hits:
                if h.start <= obj.i < h.end and h.country and h.country not in NON_STATE:
                    return h.country
    return None


#: Sectors of armed men whose "from" phrase names the group or state they come from.
_ARMED_SECTORS = frozenset({"REB", "UAF", "MIL"})


def _from_ranks(head: Token, hits: list[Hit]) -> str | None:
    """The country named in the role's 'from' phrase or in the words qualifying its object."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            near = {obj.i} | {c.i for c in obj.children if c.dep_ in ("amod", "compound", "appos", "nmod")}
            for h in hits:
                if any(h.start <= i < h.end for i in near) and h.country and h.country not in NON_STATE:
                    return h.country
    return None


#: Sectors close enough that one country word before a coordination qualifies both ("Israeli police and troops").
_FORCE_SECTORS = frozenset({"MIL", "COP"})


def _conjunct_country(doc: Doc, d: Draft, drafts: list[Draft]) -> str | None:
    """The country of the role the bare role is coordinated with, when both are of a kind ("15 British sailors
    and marines"), or of the demonym on the forces' first noun ("Israeli tanks and troops"); "US troops and rebels"
    are two sides."""
    head = doc[d.end - 1]
    if head.dep_ != "conj":
        return None
    for other in drafts:
        if other.start <= head.head.i < other.end and other.country and other.country not in NON_STATE:
            same = other.sector == d.sector or {other.sector, d.sector} <= _FORCE_SECTORS
            return other.country if same else None
    if d.sector in _FORCE_SECTORS:
        # "Israeli tanks and troops": the demonym on the first noun covers the forces coordinated with it
        for other in drafts:
            owner = doc[other.end - 1]
            if owner.head.i == head.head.i and owner.dep_ == "amod" and other.sector is None:
                return other.country if other.country not in NON_STATE else None
    return None


def _possessor_country(doc: Doc, d: Draft, drafts: list[Draft]) -> str | None:
    """ "Nasrallah said his fighters would strike": a role owned by a pronoun is the side of whoever the clause
    above it is about, the subject of the nearest verb over the role that has one."""
    head = doc[d.end - 1]
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in _OWNING for c in head.children):
        return None
    if head.dep_ not in ("nsubj", "nsubjpass") and _reported_clause(head):
        return None  # "Kenya said Somalia had attacked its troops": the speaker's or the attacker's, no telling
    tok = head
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not (d.start <= c.i < d.end)):
            for other in drafts:
                if other.start <= subj.i < other.end and other.country and other.country not in NON_STATE:
                    return other.country
    return None


def _owner_country(doc: Doc, d: Draft, drafts: list[Draft]) -> str | None:
    """ "the websites of the Estonian government", "the ambassador of France": the role's "of" phrase names
    whose it is; people "of" a body ("an employee of the US consulate") are not thereby its nationals."""
    if d.sector in PEOPLE_SECTORS - {"JRN"}:  # "the websites of the Estonian government" are its media
        return None
    head = doc[d.end - 1]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                for other in drafts:
                    if other.start <= obj.i < other.end and other.country and other.country not in NON_STATE:
                        return other.country
    return None


def _reported_clause(tok: Token) -> bool:
    """The role's nearest clause is reported by another one ("Kenya said [Somalia had attacked its troops]")."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        if tok.head.pos_ in ("VERB", "AUX"):
            return tok.head.dep_ == "ccomp" or any(c.dep_ == "ccomp" and c.i == tok.i for c in tok.head.children)
        tok = tok.head
    return False


#: Sectors of a state's own forces and offices, which a speaker's "the army" or "the government" names.
_STATE_SECTORS = frozenset({"MIL", "GOV", "COP", "JUD", "LEG"})


def _speaker_country(doc: Doc, d: Draft, drafts: list[Draft]) -> str | None:
    """ "Israel's defence minister said the army would wipe out Hezbollah": a state's bare "the army" in a clause
    one of its officials reports is that state's."""
    head = doc[d.end - 1]
    if d.sector not in _STATE_SECTORS or d.end - d.start > 2:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "our") for c in head.children):
        return None
    verb = head
    for _ in range(4):
        if verb.dep_ == "ccomp":
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for other in drafts:
        if other.country and other.country not in NON_STATE and any(other.start <= s.i < other.end for s in speakers):
            return other.country
    return None


#: Possessive pronouns that tie a role to a party named before ("his fighters", "its troops").
_OWNING = frozenset({"his", "her", "its"})


def _foreign(doc: Doc, d: Draft) -> bool:
    """A role qualified as foreign to where it is ("foreign troops", "occupying forces")."""
    head = doc[d.end - 1]
    # "outside powers" are foreign; "rallied outside parliament" is a place misparsed as a qualifier
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in _FOREIGN and (c.lower_ != "outside" or head.tag_ == "NNS")
        for c in head.children
    )


def _venue(tok: Token) -> bool:
    """'met in Geneva', 'held talks in Doha', 'a summit in Vienna': where parties meet says nothing about whose
    envoys or officials they are."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
        return False
    governor = tok.head.head
    if governor.lemma_.lower() in _MEETING:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _MEETING for c in governor.children)


def _attacker_word(tok: Token) -> bool:
    """A word that qualifies an attack noun, directly or through the words between ("Saudi-led coalition
    raid", "a Russian missile strike"): it names who attacks."""
    steps = 0
    while tok.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and steps < 4 and tok.head.i != tok.i:
        tok = tok.head
        steps += 1
        if tok.lemma_.lower() in _ATTACK_NOUNS or tok.lower_ in _ATTACK_NOUNS:
            return True
    return False


def fill_context_country(doc: Doc, drafts: list[Draft], hits: list[Hit]) -> list[Draft]:
    """Roles with no country of their own ('lawmakers', 'police') take the sender's country when they are
    sent or withdrawn ("the UN withdrew peacekeepers"), else the context country, unless a description will
    find an antecedent first (see :func:`_coreference`)."""
    out: list[Draft] = []
    owned = _owned(doc, drafts, hits)
    for d in drafts:
        if d.needs_country and d.how in ("role", "entity") and d.head_lemma not in NEVER_CONTEXT:
            sender = _sender(doc, d, drafts)
            if sender is not None:
                out.append(replace(d, country=sender, key=("R", sender, *d.key[2:]) if d.key[0] == "R" else d.key))
                continue
            if _foreign(doc, d):
                out.append(d)  # "foreign troops must leave Libya": not Libya's
                continue
            local = (
                _located(doc, d, hits)
                or _conjunct_country(doc, d, drafts)
                or _possessor_country(doc, d, drafts)
                or _owner_country(doc, d, drafts)
                or _speaker_country(doc, d, drafts)
            )
            if local is not None:  # "people in Haiti", "refugees from Syria", "British sailors and marines"
                out.append(replace(d, country=local, key=("R", local, *d.key[2:]) if d.key[0] == "R" else d.key))
                continue
            main = context_country(doc, hits, d.start, owned, sentence_only=d.head_lemma in _SENTENCE_ONLY)
            if main is not None:
                d = replace(d, country=main, key=("R", main, *d.key[2:]) if d.key[0] == "R" else d.key)
        out.append(d)
    return out


def _sender(doc: Doc, d: Draft, drafts: list[Draft]) -> str | None:
    """The country of whoever sends, withdraws or deploys the people of ``d`` ("Nigeria withdrew 200
    peacekeepers from Liberia", "the UN deployed monitors"): forces and envoys moved are the mover's own."""
    head = doc[d.end - 1]
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _DISPATCH or d.sector not in _DISPATCHED_SECTORS:
        return None
    subjects = {c.i for c in verb.children if c.dep_ == "nsubj"}
    if not subjects and verb.dep_ in ("xcomp", "conj"):
        # "urged Eritrea to withdraw its forces": the governing verb's object withdraws; else its subject does
        governing = verb.head.children
        objects = {c.i for c in verb.head.children if c.dep_ == "dobj"} if verb.dep_ == "xcomp" else set()
        subjects = objects or {c.i for c in governing if c.dep_ == "nsubj"}
    for other in drafts:
        if other.country is not None and any(other.start <= i < other.end for i in subjects):
            return other.country
    return None


def assemble(doc: Doc, drafts: list[Draft]) -> ActorIndex:
    """Number the actors (one per draft key) and build the index of their mentions."""
    drafts = sorted(_drop_overlaps(drafts), key=lambda d: d.start)
    ids: dict[tuple[str, ...], str] = {}
    spans: dict[str, list[Span]] = {}
    first: dict[str, Draft] = {}
    names: dict[str, str] = {}
    mentions: list[ActorMention] = []
    for d in drafts:
        actor_id = ids.setdefault(d.key, f"A{len(ids) + 1}")
        text = doc[d.start : d.end].text
        start_char, end_char = doc[d.start].idx, doc[d.end - 1].idx + len(doc[d.end - 1].text)
        spans.setdefault(actor_id, []).append(Span(text, start_char, end_char))
        # The actor takes its code from its first name-like mention and its name from the longest;
        # one known only through a pronoun (its antecedent overlapped a longer mention and was
        # dropped) still gets a record.
        current = first.get(actor_id)
        if current is None or (current.how == "pronoun" and d.how != "pronoun" and d.group < 0):
            first[actor_id] = d
            names[actor_id] = text
        elif d.how != "pronoun" and d.group < 0 and len(text) > len(names[actor_id]):
            names[actor_id] = text
        ref = ActorRef(text, start_char, end_char, d.country, d.sector, actor_id, d.sectors)
        mentions.append(ActorMention(ref, d.start, d.end, d.how, d.group))
    actors = []
    for actor_id, actor_spans in spans.items():
        head = first[actor_id]
        actors.append(
            Actor(actor_id, names[actor_id], head.country, head.sector, tuple(actor_spans), head.kind, head.sectors)
        )
    return ActorIndex.build(actors, mentions)


def _drop_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Keep the earliest-found of overlapping drafts (names and roles come before entities and pronouns);
    a pronoun or pair phrase standing for coordinated parties ("they", "both sides") keeps one draft for each."""
    taken: set[int] = set()
    shared: set[tuple[int, int, int]] = set()
    out: list[Draft] = []
    for d in drafts:
        span = set(range(d.start, d.end))
        if span & taken:
            if d.group >= 0 and (d.start, d.end, d.group) in shared:
                out.append(d)
            continue
        if d.group >= 0 and d.how in ("pronoun", "description"):
            shared.add((d.start, d.end, d.group))
        taken |= span
        out.append(d)
    return out
