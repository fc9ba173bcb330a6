"""Find actor mentions in a parsed Doc, code them, group them into actors, resolve coreference.

The passes, in order:

1. dictionary matches, longest first, on lower-cased tokens (names need a capital letter; roles
   such as "lawmakers" need not, but must end on a noun);
2. role groups: a role with the country words before it ("Kenyan lawmakers", "Azerbaijan's foreign
   ministry", "Chilean and Peruvian diplomats" = two mentions), a name after it ("Foreign Minister
   Edward Nalbandian") and a name in apposition ("..., Kari Nordmann,"); "pro-Kurdish" is a stance,
   not a country;
3. spaCy entities the dictionary cannot place (PERSON/ORG/NORP/GPE), kept uncoded, and later bare
   surnames of people already named ("Nordmann");
4. coreference (:mod:`tacitus.actors.coref`): pronouns and definite descriptions ("the ministry")
   join the nearest compatible earlier actor, preferring subjects, never crossing into quoted
   words; a role with no country of its own takes the context country
   (:func:`tacitus.actors.drafts.context_country`).

Capitals and cities in a locative phrase ("in Kyiv", "a bombing in Peshawar"), a destination or
origin ("flew to Kyiv"), a dateline ("KYIV, June 11 -") or naming a noun ("the Ghazni attack") are
places, not actors, and are left to the places stage (:mod:`tacitus.actors.placing`); a capital that
is the other party of an exchange ("a letter to Moscow", "an apology from Tokyo", "talks with
Washington", "fired rockets at Riyadh") is its government. Country names stay actors ("aid to Armenia").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.actors.coref import resolve_coreference
from tacitus.actors.drafts import Draft, Hit, assemble, fill_context_country
from tacitus.actors.index import ActorIndex
from tacitus.actors.lexicon import ActorEntry, ActorLexicon
from tacitus.actors.placing import dateline, inside_longer_name, place_phrase, where_not_who
from tacitus.model import Article
from tacitus.nlp import PLACE_HEADS, datelines

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "NORP": "group", "GPE": "country"}
_STANCE_PREFIXES = frozenset({"pro", "anti", "non", "post", "pre", "ex"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_INSTITUTIONS = frozenset(
    [
        "ministry",
        "government",
        "cabinet",
        "administration",
        "parliament",
        "senate",
        "congress",
        "assembly",
        "court",
        "army",
        "police",
        "council",
        "committee",
        "commission",
        "agency",
        "office",
        "department",
        "military",
        "navy",
        "party",
        "union",
        "force",
        "service",
        "regime",
        "junta",
        "legislature",
        "embassy",
        "house",
        "duma",
        "knesset",
        "majlis",
        "chamber",
        "tribunal",
        "authority",
        "presidency",
        "secretariat",
        "coalition",
        "alliance",
        "organization",
        "organisation",
        "bureau",
        "directorate",
        "guard",
        "school",
        "university",
        "hospital",
        "company",
        "firm",
        "bank",
        "church",
        "wing",
    ]
)
#: Role entries whose sector yields to the word they belong to ("army spokesman" = MIL).
_GENERIC_ROLES = frozenset({"official"})
#: Words that make an unknown ORG entity a state institution of a sector (its country from context).
_ORG_WORDS = {
    **dict.fromkeys(["ministry", "department", "agency", "government", "cabinet", "office", "commission"], "GOV"),
    **dict.fromkeys(["police", "gendarmerie", "constabulary"], "COP"),
    **dict.fromkeys(["army", "navy", "military", "forces", "corps", "guard"], "MIL"),
    **dict.fromkeys(["court", "tribunal", "prosecutor"], "JUD"),
    **dict.fromkeys(["parliament", "assembly", "senate", "congress"], "LEG"),
    "party": "PTY",
}


def find_actors(doc: Doc, article: Article, lexicon: ActorLexicon) -> ActorIndex:
    """The actors stage: every actor with all its mentions, coded for ``article.published``."""
    day = article.published
    hits = _dictionary_hits(doc, lexicon, day)
    drafts, used = _role_groups(doc, hits)
    drafts += _standalone(doc, hits, used)
    # A capital or city left to the places stage ("flew to Abuja") is not an unknown entity either, unless
    # it is part of a longer name the entity pass keeps whole ("the Tokyo Stock Exchange").
    covered = {i for d in drafts for i in range(d.start, d.end)}
    covered |= {
        i
        for h in hits
        if h.entry.kind in ("capital", "place") and not inside_longer_name(doc, h.start, h.end)
        for i in range(h.start, h.end)
    }
    drafts += _entities(doc, covered)
    drafts = _nationals(doc, _acronyms(doc, drafts))
    # "DHAKA, May 15 (Reuters) -": the place, date and wire a story was filed from are no actors in it
    filed = datelines(doc)
    drafts = [d for d in drafts if not any(a <= d.start and d.end <= b for a, b in filed)]
    drafts = fill_context_country(doc, drafts, hits)
    drafts = _surnames(doc, drafts)
    drafts = resolve_coreference(doc, drafts, hits)
    return assemble(doc, drafts)


# -- pass 1: dictionary ------------------------------------------------------------------------


def _dictionary_hits(doc: Doc, lexicon: ActorLexicon, day: date | None) -> list[Hit]:
    """Longest acceptable match at each position, left to right ("embassy in" is refused for
    ending on a preposition, then "embassy" is tried)."""
    words = [t.lower_ for t in doc]
    starts = lexicon.lengths  # a word no phrase starts with cannot open a match
    hits: list[Hit] = []
    titles: dict[int, str] = {}
    i = 0
    while i < len(words):
        if words[i] not in starts:
            i += 1
            continue
        options = lexicon.matches(words, i)
        found = _first_acceptable(doc, options, i)
        if found is not None and words[i] == "the" and i + 1 < len(words):
            # "The UN Security Council": a longer name starting after "the" beats "the UN".
            later = _first_acceptable(doc, lexicon.matches(words, i + 1), i + 1)
            if later is not None and later[0] + 1 > found[0]:
                i += 1
                found = later
        if found is None:
            i += 1
            continue
        n, entry = found
        country, sector = entry.code_on(day)
        if entry.kind == "person" and not entry.holds_on(day):
            # "Prime Minister Ehud Olmert" matched as one name, on a date none of his offices covers:
            # the title in the text says what he was in the story.
            title = next((e.code_on(day)[1] for k, e in options if e.kind == "role" and k < n), None)
            former = i > 0 and doc[i - 1].lower_ in ("former", "ex", "late", "-")
            if title is not None and not former:
                titles[i] = title
                sector = title
        # A person whose dated offices say nothing about this day (no date, or none holds): the title the text
        # gives him decides what he was in the story (see _role_groups).
        undated = entry.kind == "person" and not entry.holds_on(day) and any(c.dated for c in entry.codings)
        hits.append(Hit(i, i + n, entry, country, sector, off_record=undated))
        i += n
    return _merge_titles(doc, _localise_groups(hits), day, titles)


def _localise_groups(hits: list[Hit]) -> list[Hit]:
    """A country word right before a non-state group names its branch: "Pakistani Taliban" is PAK,
    not the Afghan Taliban of the dictionary."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == hit.start
            and prev.entry.kind == "country"
            and prev.sector is None
            and hit.entry.kind == "group"
            and prev.country is not None
        ):
            localised = prev.country != hit.country
            out[-1] = Hit(prev.start, hit.end, hit.entry, prev.country, hit.sector, localised=localised)
            continue
        out.append(hit)
    return out


def _first_acceptable(doc: Doc, options: list[tuple[int, ActorEntry]], start: int) -> tuple[int, ActorEntry] | None:
    return next(((n, e) for n, e in options if _acceptable(doc[start : start + n], e)), None)


def _merge_titles(doc: Doc, hits: list[Hit], day: date | None, titles: dict[int, str]) -> list[Hit]:
    """A name and the country or title before it are one mention: "Kenya's President William Ruto",
    "US Secretary of State John Kerry". The person's own coding wins; the title fills a gap.
    ``titles``: the sector of a role word that opens a person's matched name ("Prime Minister ...")."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and hit.entry.kind == "person" and prev.entry.kind in ("country", "org", "igo", "capital"):
            gap = hit.start - prev.end
            possessive = gap == 1 and doc[prev.end].lower_ in ("'s", "’s")
            current = hit.entry.holds_on(day) or not any(c.dated for c in hit.entry.codings)
            if (gap == 0 or possessive) and (not current or hit.country is None or prev.country in (None, hit.country)):
                # A person whose dated offices do not cover the date takes the title's coding
                # ("NATO Secretary General Jens Stoltenberg" in 2024 is IGO, not a former Norwegian PM).
                if current or prev.country is None:
                    country, sector = hit.country or prev.country, hit.sector or prev.sector
                else:
                    # "Israeli Prime Minister Ehud Olmert" years later: the country and the title in the text.
                    country, sector = prev.country, prev.sector or titles.get(hit.start)
                out[-1] = Hit(prev.start, hit.end, hit.entry, country, sector)
                continue
            if (gap == 0 or possessive) and prev.entry.kind == "country" and prev.country and prev.sector is None:
                # "Saudi King Abdullah" where the dictionary's "King Abdullah" is Jordan's: the text names
                # his country next to his name, which is surer than a name shared across states
                out[-1] = Hit(prev.start, hit.end, hit.entry, prev.country, hit.sector, localised=True)
                continue
        out.append(hit)
    return out


def _acceptable(span: SpacySpan, entry: ActorEntry) -> bool:
    last = span[-1]
    if entry.kind == "role":
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and last.ent_type_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART") and after.ent_iob_ == "I":
            return False  # "People" in "Tigray People's Liberation Front" is part of a name
        return last.pos_ in ("NOUN", "PROPN") or last.tag_.startswith("NN")
    if not any(t.text[:1].isupper() for t in span):
        return False
    toponym = entry.kind in ("place", "capital") or (entry.kind == "country" and len(span) > 1)
    if toponym and span.end < len(span.doc):
        after = span.doc[span.end]
        if after.ent_iob_ == "I" and after.ent_type_ in ("GPE", "LOC") and after.pos_ == "PROPN":
            # "Santa Cruz" in "Santa Cruz Barillas", "North West" (a South African province) in "North West
            # Frontier Province": the toponym starts another place's name ("Bosnia Herzegovina" stays Bosnia)
            return after.lower_ in PLACE_HEADS
    if entry.kind in ("igo", "org") and span.end < len(span.doc):
        after = span.doc[span.end]
        if after.lower_ == "of" and after.ent_iob_ == "I":
            return False  # "the Commonwealth" in "the Commonwealth of Virginia" starts a longer name
    if entry.kind == "person" and span.end < len(span.doc):
        after = span.doc[span.end]
        # "Hassan" in "Hassan Sheikh Mohamud" is part of a longer name, not the entry "Hassan"; the tagger's
        # "Saddam Hussein's" only takes in the possessive
        if (after.ent_iob_ == "I" and after.lower_ not in ("'s", "’s")) or (after.pos_ == "PROPN" and after.is_title):
            return False
    return not (len(span) == 1 and span[0].is_stop and not span[0].is_upper)


# -- pass 2: role groups -----------------------------------------------------------------------


def _is_stance(doc: Doc, start: int) -> bool:
    """'pro-Kurdish', 'anti-Russian': the country word states a stance, it does not name an actor."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCE_PREFIXES


#: Place nouns a role word can name ("refugee camp"): the role is then no actor.
_PLACE_HEADS = frozenset({"camp", "station", "barracks", "checkpoint", "compound", "headquarters", "post"})
#: Nouns that only bundle the members of a role before them ("militia groups", "rebel units").
_GROUP_NOUNS = frozenset({"group", "unit", "faction", "cell", "member", "movement", "network"})


def _is_ethnic(doc: Doc, start: int) -> bool:
    """'ethnic Albanian rebels' in Macedonia: the country word names a people, not the state or its citizens."""
    return start >= 1 and doc[start - 1].lower_ == "ethnic"


def _head_kind(doc: Doc, start: int, end: int, entry_kind: str) -> tuple[str, bool]:
    head = doc[end - 1]
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "authorities", "forces", "troops")
    if entry_kind == "role":
        if head.lemma_.lower() in _INSTITUTIONS or head.lower_ in _INSTITUTIONS:
            return ("group" if plural else "org"), plural
        return ("group" if plural else "person"), plural
    if entry_kind in ("igo", "org", "capital"):
        return "org", plural
    if entry_kind == "person":
        return "person", False
    if entry_kind == "group":
        # a named group is "they" or, named by a singular noun, "it" ("Hamas said it would ...")
        return "group", plural
    return "country", False


def _role_groups(doc: Doc, hits: list[Hit]) -> tuple[list[Draft], set[int]]:
    """Roles with their modifiers and names; returns the drafts and the hit indexes they used."""
    by_start = {h.start: k for k, h in enumerate(hits)}
    by_end = {h.end: k for k, h in enumerate(hits)}
    used: set[int] = set()
    drafts: list[Draft] = []
    group_no = 0
    in_hits = {i for h in hits for i in range(h.start, h.end)}
    qualified = _hyphen_qualifiers(doc, by_end)
    used.update(o for _w, o in qualified.values() if o is not None and hits[o].entry.kind == "role")
    for k, hit in enumerate(hits):
        if hit.entry.kind != "role" or k in used:
            continue
        # A run of roles ("deputy foreign minister", "ministry spokesman"): the last one is the head.
        last = k
        while last + 1 < len(hits) and hits[last + 1].entry.kind == "role" and hits[last + 1].start == hits[last].end:
            last += 1
        head_hit = hits[last]
        head_word = doc[head_hit.end - 1]
        if head_word.dep_ == "compound" and head_word.head.lemma_.lower() in _PLACE_HEADS:
            used.update(range(k, last + 1))
            continue  # "the Jenin refugee camp", "a police station": a place named by who is in it
        roles = [hits[j] for j in range(k, last + 1)]
        modifier_sector = next((r.sector for r in reversed(roles[:-1]) if r.sector), None)
        generic = head_hit.entry.name in _GENERIC_ROLES
        sector = (modifier_sector or None) if generic else head_hit.sector
        start, end = hit.start, head_hit.end
        used.update(range(k, last + 1))
        # Left: countries/organisations and fillers ("Norway's deputy", "Chilean and Peruvian").
        owners: list[Hit] = []
        owner_idx: list[int] = []
        j = start - 1
        while j >= 0 and start - j <= 8:
            tok = doc[j]
            if j + 1 in by_end and hits[by_end[j + 1]].entry.kind != "role":
                o = by_end[j + 1]
                if _is_stance(doc, hits[o].start) or _is_ethnic(doc, hits[o].start):
                    start = hits[o].start - (1 if _is_ethnic(doc, hits[o].start) else 2)
                    j = start - 1
                    continue
                if owners and hits[o].end == owners[0].start and hits[o].entry.kind == "country":
                    # "Greek Cypriot leaders": the nearer country word is the role's; the other qualifies it.
                    start = hits[o].start
                    used.add(o)
                    j = start - 1
                    continue
                owners.insert(0, hits[o])
                owner_idx.insert(0, o)
                start = hits[o].start
                j = start - 1
                continue
            if tok.lower_ in ("'s", "’s", "'") and owners == [] and j - 1 >= 0 and j in by_end:
                start = j
                j -= 1
                continue
            if (
                tok.lower_ in ("and", ",", "&")
                and owners
                and j - 1 >= 0
                and j in by_end
                and hits[by_end[j]].entry.kind != "person"  # "Rabin and PLO leader Arafat": two people
            ):
                j -= 1
                continue
            if start == j + 1 and j in qualified:
                # "the Saudi-led coalition", "Algeria's army-backed government": the words before the hyphen
                # qualify the role; who leads it owns it, who backs it does not ("Iran-backed rebels")
                word, qualifier = qualified[j]
                if qualifier is None:
                    start, j = word, word - 1
                    continue
                if hits[qualifier].entry.kind == "role":
                    start, j = hits[qualifier].start, hits[qualifier].start - 1
                    continue
                if doc[j + 1].lemma_.lower() in _OWNING and not _is_stance(doc, hits[qualifier].start):
                    owners.insert(0, hits[qualifier])
                    owner_idx.insert(0, qualifier)
                    start, j = hits[qualifier].start, hits[qualifier].start - 1
                    continue
                start += 1  # "Iran-backed": the backer is an actor of its own, not in the role's span
                break
            if (
                not owners
                and tok.dep_ in ("amod", "compound", "nmod", "npadvmod")
                and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")
                and j not in in_hits
                and not tok.is_stop
            ):
                start = j
                j -= 1
                continue
            break
        if not owners and doc[start].lower_ in ("'s", "’s", "'"):
            start += 1  # "the militia's military wing": the owner is not a country or organisation
        name_start = _entity_start(doc, end - 1)
        if name_start is not None and name_start < start:
            # "Liberation Front" in "Tigray People's Liberation Front": the role is the tail of a
            # name the dictionary does not know; the entity pass keeps the whole name.
            used.difference_update(range(k, last + 1))
            continue
        # Right: a name ("Foreign Minister Edward Nalbandian") or "of COUNTRY".
        person: Hit | None = None
        name_end = end
        if end in by_start and hits[by_start[end]].entry.kind == "person":
            person = hits[by_start[end]]
            used.add(by_start[end])
            name_end = person.end
        elif doc[end - 1].ent_iob_ != "" and end < len(doc) and doc[end].ent_type_ == "PERSON":
            ent_end = end
            while ent_end < len(doc) and doc[ent_end].ent_type_ == "PERSON" and doc[ent_end].ent_iob_ != "O":
                ent_end += 1
            name_end = ent_end
        owners_right = False
        if not owners and end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in by_start:
            o = by_start[end + 1]
            if hits[o].entry.kind in ("country", "capital", "place", "igo", "org", "group") and o not in used:
                owners.append(hits[o])
                owner_idx.append(o)
                name_end = max(name_end, hits[o].end)
                owners_right = True
        used.update(owner_idx)
        head_tok = doc[end - 1]
        kind, plural = _head_kind(doc, end - 1, end, "role")
        after = doc[end] if end < len(doc) else None
        if (
            person is None
            and name_end == end
            and after is not None
            and after.lemma_.lower() in _GROUP_NOUNS
            and head_tok.dep_ == "compound"
            and head_tok.head.i == end
        ):
            # "Iraqi militia groups said they ...": the group noun heads the phrase the parse and "they" point at
            name_end = end + 1
            plural = after.tag_ in ("NNS", "NNPS")
            kind = "group" if plural else kind
        subject = head_tok.dep_ in ("nsubj", "nsubjpass") or doc[name_end - 1].dep_ in ("nsubj", "nsubjpass")
        lemma = head_tok.lemma_.lower()
        if person is not None:
            country, psector = person.country, person.sector
            former = any(t.lower_ in ("former", "ex", "late") for t in doc[max(start - 1, 0) : end])
            if person.off_record and sector is not None and not former:
                # "Israeli Prime Minister Benjamin Netanyahu" in an undated article, "NATO Secretary General Jens
                # Stoltenberg" after his Norwegian offices: the title and its owner in the text.
                country = owners[0].country if owners and owners[0].country else country
                psector = sector
            key: tuple[str, ...] = ("E", person.entry.source)
            drafts.append(
                Draft(
                    start,
                    name_end,
                    country or (owners[0].country if owners else None),
                    psector or sector,
                    "person",
                    key,
                    "name",
                    head_lemma=lemma,
                    subject=subject,
                )
            )
            continue
        if name_end > end and not owners_right:
            kind = "person"
            surname = doc[name_end - 1].lower_
        else:
            surname = ""
        definite = start > 0 and doc[start - 1].lower_ in _DEFINITE
        if sector is None and not owners:
            sector = head_hit.sector
        if not owners:
            # A role with a country of its own ("aid agencies" = NGO) needs none from the context.
            own = head_hit.country
            drafts.append(
                Draft(
                    start,
                    name_end,
                    own,
                    sector,
                    kind,
                    ("R", own or "", sector or "", lemma, surname),
                    "role",
                    head_lemma=lemma,
                    plural=plural,
                    subject=subject,
                    needs_country=own is None,
                )
            )
            if definite and not surname:
                drafts[-1] = replace(drafts[-1], how="description")
            continue
        group = -1
        if len(owners) > 1:
            group = group_no
            group_no += 1
        for n, owner in enumerate(owners):
            own_sector = sector or owner.sector or head_hit.sector
            extra: tuple[str, ...] = ()
            if owner.sector == "PRE":
                # PLOVER adds PRE to the sector the role has ("the Transnistrian breakaway government"
                # is GOV and PRE): the role's sector is the primary one, PRE an extra one.
                own_sector = sector or head_hit.sector or "PRE"
                extra = ("PRE",) if own_sector != "PRE" else ()
            is_last = n == len(owners) - 1
            s = owner.start if n else start
            e = name_end if is_last else owner.end
            # A breakaway entity's roles are not the parent state's ("Transnistrian officials" are
            # not "Moldovan officials"), though both carry the parent's country code.
            owner_key = owner.entry.name if owner.sector == "PRE" else owner.country
            key = ("R", owner_key or owner.entry.name, own_sector or "", lemma, surname)
            if owner.country is None or owner.localised:
                key = ("E", owner.entry.source, owner.country or "", lemma, surname)
            drafts.append(
                Draft(
                    s,
                    e,
                    owner.country,
                    own_sector,
                    kind,
                    key,
                    "role",
                    group,
                    lemma,
                    plural,
                    subject,
                    extra_sectors=extra,
                )
            )
    drafts = _appositions(doc, drafts)
    return drafts, used


#: Participles whose hyphenated qualifier owns the role ("the US-led coalition" is American); any other
#: ("Iran-backed", "Kremlin-funded") names a backer, not the owner.
_OWNING = frozenset(
    {"lead", "led", "run", "command", "control", "dominate", "head", "own", "flag", "flagged", "register", "registered"}
)


def _hyphen_qualifiers(doc: Doc, by_end: dict[int, int]) -> dict[int, tuple[int, int | None]]:
    """The hyphens of "W-<participle> ROLE" ("army-backed government", "NATO-led peacekeepers"), by token index:
    the first token of W and the dictionary hit W is (None for a plain word)."""
    out: dict[int, tuple[int, int | None]] = {}
    for tok in doc[1:-1]:
        j = tok.i
        part, word = doc[j + 1], doc[j - 1]
        participle = part.tag_ == "VBN" or (part.pos_ == "ADJ" and part.lower_.endswith("ed"))  # "-flagged" as JJ
        if tok.tag_ != "HYPH" or tok.whitespace_ or word.whitespace_ or not participle or part.dep_ != "amod":
            continue
        if word.head.i != part.i or word.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        o = by_end.get(j)
        out[j] = (word.i, o)
    return out


def _entity_start(doc: Doc, i: int) -> int | None:
    """Start of the ORG/PERSON/FAC entity that token ``i`` is part of, if any."""
    tok = doc[i]
    if tok.ent_type_ not in ("ORG", "PERSON", "FAC") or tok.ent_iob_ == "O":
        return None
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while doc[i].dep_ == "det" and doc[i].ent_iob_ != "O" and doc[i + 1].ent_iob_ == "I":
        i += 1  # "The Chinese Embassy": the article is not part of the name
    return i


def _appositions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A PERSON entity in apposition to a role ('..., Kari Nordmann,') becomes a mention of it."""
    out = list(drafts)
    taken = {i for d in drafts for i in range(d.start, d.end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        target: Draft | None = None
        idx = -1
        root = ent.root
        # Search ``out``, not ``drafts``: a role named twice ("..., A, ... B,") was already
        # replaced in ``out`` by its re-keyed copy.
        for j, d in enumerate(out):
            head = doc[d.end - 1]
            if d.how != "role" or d.kind not in ("person",):
                continue
            linked = (root.dep_ == "appos" and d.start <= root.head.i < d.end) or (
                head.dep_ == "appos" and ent.start <= head.head.i < ent.end
            )
            adjacent = (ent.start == d.end + 1 and doc[d.end].text == ",") or (
                d.start == ent.end + 1 and doc[ent.end].text == ","
            )
            if linked or adjacent:
                target, idx = d, j
                break
        if target is None:
            continue
        surname = doc[ent.end - 1].lower_
        key = (*target.key[:4], surname) if target.key[0] == "R" else target.key
        out[idx] = replace(target, key=key)
        subject = root.dep_ in ("nsubj", "nsubjpass")
        out.append(replace(target, start=ent.start, end=ent.end, key=key, how="name", kind="person", subject=subject))
        taken.update(range(ent.start, ent.end))
    return out


# -- pass 3: names alone, entities, surnames -----------------------------------------------------


def _standalone(doc: Doc, hits: list[Hit], used: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    coded = frozenset(i for h in hits for i in range(h.start, h.end))
    for k, hit in enumerate(hits):
        if k in used or hit.entry.kind == "role" or _is_stance(doc, hit.start) or _is_ethnic(doc, hit.start):
            continue
        if hit.entry.kind in ("capital", "place") and where_not_who(doc, hit, coded):
            continue
        kind, plural = _head_kind(doc, hit.start, hit.end, hit.entry.kind)
        sector = hit.sector
        if hit.entry.kind == "capital" and sector is None:
            sector = "GOV"
        root = doc[hit.start : hit.end].root
        subject = root.dep_ in ("nsubj", "nsubjpass")
        # A demonym used as a noun ("the Kenyans", "two Somalis") is people of that country.
        if hit.entry.kind == "country" and doc[hit.end - 1].tag_ in ("NNPS", "NNS"):
            kind, plural = "group", True
        drafts.append(
            Draft(
                hit.start,
                hit.end,
                hit.country,
                sector,
                kind,
                ("E", hit.entry.source, hit.country or "") if hit.localised else ("E", hit.entry.source),
                "name",
                head_lemma=doc[hit.end - 1].lemma_.lower(),
                plural=plural,
                subject=subject,
            )
        )
    return drafts


#: Heads of named texts the tagger takes for organizations.
_DOCUMENTS = frozenset({"agreement", "treaty", "accord", "pact", "convention", "protocol", "charter", "memorandum"})


def _entities(doc: Doc, covered: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in _ENTITY_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        first = ent[0].lower_
        start = ent.start + (1 if first == "the" else 0)
        end = ent.end - (1 if ent[-1].lower_ in ("'s", "’s") else 0)  # "Prince Abdullah's proposal"
        if start >= end:
            continue
        root = ent.root
        if label == "GPE" and (place_phrase(root, capital=True) or dateline(doc, ent.start, ent.end)):
            continue
        if doc[end - 1].lemma_.lower() in _DOCUMENTS:
            continue  # "a Stabilisation and Association Agreement": a text signed, nobody who acts
        if label == "NORP" and _is_stance(doc, ent.start + (2 if first in _STANCE_PREFIXES else 0)):
            continue
        if first in _STANCE_PREFIXES and len(ent) > 2 and ent[1].text == "-":
            continue
        kind = _ENTITY_KINDS[label]
        name = doc[start:end]
        key = ("P", doc[end - 1].lower_) if kind == "person" else ("N", label, name.text.lower())
        subject = root.dep_ in ("nsubj", "nsubjpass")
        plural = kind == "group" or root.tag_ == "NNPS"
        # "National Crime Agency", "Supreme Court of Justice": an institution of the country in context.
        sector = None
        if label == "ORG":
            sector = next((_ORG_WORDS[t.lower_] for t in name if t.lower_ in _ORG_WORDS), None)
        drafts.append(
            Draft(
                start,
                end,
                None,
                sector,
                kind,
                key,
                "entity",
                plural=plural,
                subject=subject,
                needs_country=sector is not None,
            )
        )
    return drafts


def _acronyms(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """An uncoded abbreviation in brackets after a name is that name again ("the Central African Republic (CAR)",
    "the Tigray People's Liberation Front (TPLF)"): it joins the named actor, code and all."""
    by_end = {d.end: d for d in drafts}
    out: list[Draft] = []
    for d in drafts:
        before = by_end.get(d.start - 1)
        bracketed = d.start > 0 and d.end < len(doc) and doc[d.start - 1].text == "(" and doc[d.end].text == ")"
        short = d.end - d.start == 1 and any(c.isupper() for c in doc[d.start].text[1:])
        if d.how == "entity" and d.country is None and bracketed and short and before is not None:
            d = replace(before, start=d.start, end=d.end, subject=d.subject, how="name")
        out.append(d)
    return out


def _nationals(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A person named after a nationality ("American Lori Berenson", "British sailor John Smith"), a country's
    possessive ("Japan's Crown Prince Naruhito") or an office the dictionary holds as a body ("US Vice President
    Mike Pence") is of that country when nothing else says which."""
    by_end = {d.end: d for d in drafts if d.kind == "country" and d.country and doc[d.end - 1].pos_ in ("ADJ", "PROPN")}
    offices = {d.end: d for d in drafts if d.kind == "org" and d.country and d.how != "entity"}
    out: list[Draft] = []
    for d in drafts:
        if d.kind == "person" and d.country is None and d.how == "entity":
            gap = d.start
            while gap > 0 and d.start - gap < 2 and _title_word(doc[gap - 1]):
                gap -= 1  # "British sailor John Smith", "American aid worker Aya Hijazi": up to two nouns between
            nationality = by_end.get(gap)
            owner = by_end.get(d.start - 1) if d.start > 0 and doc[d.start - 1].lower_ in ("'s", "’s") else None
            office = offices.get(d.start)
            if nationality is not None and _nationality_word(doc[nationality.end - 1]):
                d = replace(d, country=nationality.country)
            elif (
                owner is not None and doc[owner.end - 1].dep_ == "poss" and d.start <= doc[owner.end - 1].head.i < d.end
            ):
                d = replace(d, country=owner.country)
            elif office is not None and d.start <= doc[office.end - 1].head.i < d.end:
                d = replace(d, country=office.country, sector=d.sector or office.sector)
        out.append(d)
    return out


#: Language names the tagger also gives demonyms ("Saudi" tagged LANGUAGE): no nationality before a name.
_LANGUAGES = frozenset({"english", "arabic", "persian", "farsi", "hebrew", "urdu", "hindi", "swahili", "latin"})


def _nationality_word(tok: Token) -> bool:
    """A nationality before a name: "British sailor John Smith", and "Saudi" of "Saudi Crown Prince Abdullah"
    where the tagger takes it for a language."""
    return tok.ent_type_ == "NORP" or (tok.ent_type_ == "LANGUAGE" and tok.lower_ not in _LANGUAGES)


def _title_word(tok: Token) -> bool:
    """A word of a description or title between a nationality and a name: "sailor", "aid worker", and "Crown" of
    "Saudi Crown Prince Abdullah" where the tagger leaves it out of the name."""
    if tok.pos_ == "NOUN" and tok.is_lower:
        return True
    return tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_


def _surnames(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Later bare surnames ('Nordmann') of people named in full join their actor."""
    people: dict[str, Draft] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.kind == "person" and d.end - d.start >= 2 and doc[d.end - 1].pos_ == "PROPN":
            people.setdefault(doc[d.end - 1].lower_, d)
    if not people:
        return drafts
    out: list[Draft] = []
    taken = {i for d in drafts for i in range(d.start, d.end)}
    for d in drafts:
        first = people.get(doc[d.end - 1].lower_) if d.end - d.start == 1 else None
        if first is not None and d.how == "entity" and first.start < d.start:
            out.append(replace(first, start=d.start, end=d.end, how="name", subject=d.subject, group=-1))
        else:
            out.append(d)
    for tok in doc:
        first = people.get(tok.lower_)
        if first is not None and tok.i not in taken and tok.pos_ == "PROPN" and first.start < tok.i:
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            out.append(replace(first, start=tok.i, end=tok.i + 1, how="name", subject=subject, group=-1))
    return out
