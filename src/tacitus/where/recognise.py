"""Find toponyms in a parsed Doc and resolve each to one gazetteer entry.

Recognition: every run of capitalised tokens (joined by "of", "and", "-", ...) is looked up
in the gazetteer, longest first; the parser's GPE/LOC/FAC entities support a match and its
other entities veto one that is part of a longer name (a person, an organisation such as
the OSCE "Minsk Group"). A toponym that modifies a noun ("Astana talks", "UK government")
is a name part, not a place; a demonym ("Kenyan") is not in the gazetteer at all.

Resolution: each candidate entry gets a prior (countries over regions over cities; cities
by population, capitals first) plus a bonus when its country, or its first-level region, is
one the article is about: the countries of its actors and of its other places. "Paris,
Texas" constrains "Paris" to Texas outright.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.actors import ActorIndex
from tacitus.model import Place
from tacitus.nlp import PLACE_HEADS
from tacitus.where.gazetteer import FEATURE_PRIOR, GazEntry, Gazetteer, NameHit, name_key

#: Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Isle of Man").
_CONNECTORS = frozenset(
    {"of", "and", "-", "de", "del", "da", "do", "di", "la", "le", "el", "al", "upon", "on", "'s", "&"}
)
#: Entity labels that support a gazetteer match; other labels veto a match inside a longer entity.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "NORP", "LANGUAGE"}
)
#: Last words of facility names: "Victoria Park" or "Pearson Airport" is not the town of that name.
_FACILITY_WORDS = frozenset(
    {
        "park",
        "airport",
        "hospital",
        "house",
        "stadium",
        "stade",
        "hall",
        "church",
        "cathedral",
        "mosque",
        "bridge",
        "street",
        "square",
        "museum",
        "centre",
        "center",
        "hotel",
        "mall",
        "station",
        "school",
        "university",
        "college",
        "palace",
        "tower",
        "prison",
        "camp",
        "base",
        "port",
        "market",
        "road",
    }
)
#: Prepositions that end an entity's name inside a wrongly long entity ("Hospital of Manitoba in Winnipeg").
_INSIDE_PREPS = frozenset({"in", "at", "near"})
#: Words after a settlement's name ("Kherson city").
_SETTLEMENT_WORDS = frozenset({"city", "town", "village"})
#: Second-level units the gazetteer lacks: "Metcalfe County" is not the town of Metcalfe.
_ADMIN2_WORDS = frozenset({"county", "parish", "township", "borough", "municipality"})
_ALTERNATE_PENALTY = 4.0
_CAPITAL_BONUS = 1.5
_CITY_COUNTRY_BONUS = 2.0
_AREA_COUNTRY_BONUS = 4.0
_ADMIN_BONUS = 3.5
_APPOSITION_BONUS = 8.0
#: A city the parser does not call a place must be this big (or in the article's countries).
_MIN_POPULATION_UNSUPPORTED = 20_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A resolved toponym with its token bounds (``tok_end`` exclusive)."""

    place: Place
    tok_start: int
    tok_end: int


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token bounds
    end: int
    hits: tuple[NameHit, ...]
    supported: bool  # the parser labels it a place
    apposed: tuple[NameHit, ...]  # hits of a following ", Texas"


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    admins: frozenset[tuple[str, str]]


def find_places(doc: Doc, actors: ActorIndex, gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    """Every toponym in ``doc``, resolved, in text order."""
    matches = _recognise(doc, actors, gazetteer)
    if not matches:
        return ()
    actor_countries = _actor_countries(doc, actors, matches)
    first = [_resolve(gazetteer, m, _Context(actor_countries, frozenset())) for m in matches]
    keys = [name_key(doc[m.start : m.end].text) for m in matches]
    mentions: list[PlaceMention] = []
    for i, m in enumerate(matches):
        # Other mentions of the same name would only repeat the first guess back to it.
        same = {j for j, k in enumerate(keys) if k == keys[i]}
        context = _context(actor_countries, first, skip=same)
        entry = _resolve(gazetteer, m, context)
        if entry is None:
            continue
        small = entry.population < _MIN_POPULATION_UNSUPPORTED and entry.country not in context.countries
        if entry.feature not in FEATURE_PRIOR and not m.supported and small:
            continue
        span = doc[m.start : m.end]
        mentions.append(PlaceMention(_place(span, entry), m.start, m.end))
    return tuple(mentions)


def _place(span: SpacySpan, e: GazEntry) -> Place:
    feature = "city" if e.feature == "capital" else e.feature
    return Place(span.text, span.start_char, span.end_char, e.name, e.geonameid, e.lat, e.lon, e.country, feature)


def _actor_countries(doc: Doc, actors: ActorIndex, matches: Sequence[_Match]) -> Counter[str]:
    """Countries of the actors that are not themselves toponyms (those are resolved here), nor people coded by a
    toponym of their own phrase ("voters in Georgia": the country is the toponym's reading, no evidence for it)."""
    placed = {t for m in matches for t in range(m.start, m.end)}
    return Counter(
        m.ref.country
        for m in actors.mentions
        if m.ref.country
        and len(m.ref.country) == 3
        and not placed.intersection(range(m.tok_start, m.tok_end))
        and not _placed_by_own_phrase(doc[m.tok_end - 1], placed)
    )


def _placed_by_own_phrase(head: Token, placed: set[int]) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ in ("in", "from") and any(o.i in placed for o in prep.children)
        for prep in head.children
    )


def _context(
    actor_countries: Counter[str],
    first: Sequence[GazEntry | None],
    skip: set[int],
) -> _Context:
    """The article's countries and regions, leaving out what the mention itself contributes."""
    countries = Counter(actor_countries)
    admins: set[tuple[str, str]] = set()
    for j, e in enumerate(first):
        if e is None or j in skip:
            continue
        if e.country:
            countries[e.country] += 1
        if e.feature == "region" and e.admin1:
            admins.add((e.iso2, e.admin1))
    return _Context(+countries, frozenset(admins))


def _score(e: GazEntry, hit: NameHit, context: _Context) -> float:
    if e.feature in FEATURE_PRIOR:
        score = FEATURE_PRIOR[e.feature]
        if e.country and context.countries[e.country] > 0 and e.feature != "country":
            score += _AREA_COUNTRY_BONUS
    else:
        score = math.log10(max(e.population, 1))
        if e.feature == "capital":
            score += _CAPITAL_BONUS
        if e.country and context.countries[e.country] > 0:
            score += _CITY_COUNTRY_BONUS
            top = context.countries.most_common(1)[0][0]
            score += 1.0 if e.country == top else 0.0
        if (e.iso2, e.admin1) in context.admins:
            score += _ADMIN_BONUS
    if e.feature == "country" and e.country and context.countries[e.country] > 0:
        score += 1.0
    if not hit.main:
        score -= _ALTERNATE_PENALTY
    return score


def _resolve(gazetteer: Gazetteer, m: _Match, context: _Context) -> GazEntry | None:
    best: tuple[float, GazEntry] | None = None
    apposed = [gazetteer.entry(h.entry) for h in m.apposed]
    for hit in m.hits:
        e = gazetteer.entry(hit.entry)
        score = _score(e, hit, context)
        for a in apposed:
            inside = (a.feature == "region" and (e.iso2, e.admin1) == (a.iso2, a.admin1)) or (
                a.feature == "country" and e.country == a.country
            )
            if inside and e.feature not in FEATURE_PRIOR:
                score += _APPOSITION_BONUS
                break
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _capitalised(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def _recognise(doc: Doc, actors: ActorIndex, gazetteer: Gazetteer) -> list[_Match]:
    ent_at: dict[int, SpacySpan] = {}
    for ent in doc.ents:
        for t in range(ent.start, ent.end):
            ent_at[t] = ent
    # Every word of a person's full name: "Georgia" alone after "Georgia Smith" is her.
    person_words = {
        t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent if _capitalised(t)
    }
    kinds = {a.id: a.kind for a in actors.actors}
    found: list[_Match] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if not _capitalised(tok):
            i += 1
            continue
        hit = _longest(doc, i, gazetteer)
        if hit is None:
            i += 1
            continue
        end, hits = hit
        if _keep(doc, i, end, hits, gazetteer, ent_at, person_words, actors, kinds):
            found.append(_Match(i, end, hits, _supported(doc, i, end, ent_at), _apposed(doc, end, gazetteer)))
        i = end
    return found


def _longest(doc: Doc, i: int, gazetteer: Gazetteer) -> tuple[int, tuple[NameHit, ...]] | None:
    sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    limit = min(sent_end, i + gazetteer.max_tokens)
    last = i
    while last + 1 < limit and (_capitalised(doc[last + 1]) or doc[last + 1].lower_ in _CONNECTORS or _dot(doc, last)):
        last += 1
    for end in range(last + 1, i, -1):
        final = doc[end - 1]
        if not _capitalised(final) and not (end - 1 > i and _dot(doc, end - 2)):
            continue
        text = doc[i:end].text
        if text.isupper() and len(text.replace(".", "")) <= 4 and text not in gazetteer.acronyms:
            continue
        hits = gazetteer.lookup(name_key(text))
        if hits:
            return end, hits
    return None


def _dot(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is followed by an abbreviation's full stop split off ("Man." in "Winnipeg, Man.")."""
    return i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_


def _supported(doc: Doc, start: int, end: int, ent_at: dict[int, SpacySpan]) -> bool:
    return any(t in ent_at and ent_at[t].label_ in _PLACE_LABELS for t in range(start, end))


def _apposed(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[NameHit, ...]:
    """Hits of a region or country right after a comma: "Paris, Texas"."""
    if end + 1 >= len(doc) or doc[end].text != "," or not _capitalised(doc[end + 1]):
        return ()
    found = _longest(doc, end + 1, gazetteer)
    if found is None:
        return ()
    return tuple(h for h in found[1] if h.main)


def _keep(
    doc: Doc,
    start: int,
    end: int,
    hits: tuple[NameHit, ...],
    gazetteer: Gazetteer,
    ent_at: dict[int, SpacySpan],
    person_words: set[str],
    actors: ActorIndex,
    kinds: dict[str, str],
) -> bool:
    span = doc[start:end]
    key = name_key(span.text)
    if end < len(doc) and doc[end].lower_ in _ADMIN2_WORDS:
        return False
    big = any(gazetteer.entry(h.entry).feature in FEATURE_PRIOR for h in hits if h.main)
    biggest = max((gazetteer.entry(h.entry).population for h in hits if h.main), default=0)
    country = any(gazetteer.entry(h.entry).feature == "country" for h in hits if h.main)
    ents = {ent_at[t] for t in range(start, end) if t in ent_at}
    supported = any(e.label_ in {"GPE", "LOC"} or (e.label_ == "FAC" and e.end <= end) for e in ents)
    if not supported and not any(h.main for h in hits):
        return False
    if len(span) == 1 and span[0].text in person_words:
        return False
    if len(span) == 1 and start > 0 and not big and biggest < 100_000 and _named_head(doc[start - 1], start):
        return False  # "Valley" of "the Jiu Valley": the last word of a longer name the gazetteer lacks
    if span[-1].lower_ in _FACILITY_WORDS and not supported:
        return False
    # "pulled out of Kherson city", "the Jenin refugee camp": a name the gazetteer has, followed by "city", "town" or
    # "refugee camp", is that place whatever entity the tagger saw in it
    after = [t.lower_ for t in doc[end : end + 2]]
    city = any(h.main for h in hits) and bool(after) and (after[0] in _SETTLEMENT_WORDS or after == ["refugee", "camp"])
    for ent in ents:
        longer = ent.start < start or ent.end > end
        after_prep = start > ent.start and doc[start - 1].lower_ in _INSIDE_PREPS
        if ent.label_ in _NOT_PLACE_LABELS and not big and (longer or biggest < 100_000):
            return False
        if ent.label_ not in {"GPE", "LOC"} and longer and not after_prep and not city:
            return False
        if ent.label_ == "PERSON" and not longer and not big and biggest < 100_000 and not city:
            return False
        if ent.label_ in {"GPE", "LOC"} and ent.end > end and not country and _names_on(doc[end : ent.end]):
            return False  # "Santa Cruz" in "Santa Cruz Barillas", "North West" in "North West Frontier Province"
    if not supported:
        if key in gazetteer.stoplist:
            return False
        if span[0].is_sent_start and span[0].pos_ != "PROPN" and not big:
            return False
        if not big and any(t.pos_ not in {"PROPN", "ADP", "CCONJ", "DET", "PUNCT", "PART"} for t in span):
            return False
    mention = actors.mention_at(start)
    if mention is not None and (mention.tok_start < start or mention.tok_end > end):
        kind = kinds.get(mention.ref.actor_id or "", "org")
        possessive = end < len(doc) and doc[end].tag_ == "POS"
        if kind in {"org", "person", "group"} and not possessive and not supported:
            return False
    return city or not _modifier(span)


def _named_head(before: Token, head: int) -> bool:
    """A capitalised proper noun compounded onto the token at ``head``: the word there ends a longer name."""
    return before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i == head and _capitalised(before)


def _names_on(rest: SpacySpan) -> bool:
    """The words after a toponym inside its entity go on naming another place: a proper noun that is not a
    word of place ("City", "Province") or a punctuation mark ("Gaza City" stays Gaza's)."""
    return any(t.pos_ == "PROPN" and t.lower_ not in PLACE_HEADS for t in rest)


def _modifier(span: SpacySpan) -> bool:
    """True for a toponym that is part of a noun phrase's name: "Astana talks", "UK officials"."""
    root = span.root
    head = root.head
    if head.i in range(span.start, span.end) or head.i < span.end:
        return False
    if root.dep_ != "compound" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return head.lower_ not in PLACE_HEADS
