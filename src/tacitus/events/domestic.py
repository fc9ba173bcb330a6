"""Whom an act is aimed at, when the text names no country for it.

PLOVER codes a recipient by country, and event data in the CAMEO tradition reads an act with no
foreign target as domestic: "Myanmar's president called for reform" is aimed at Myanmar, "Chinese
police detained 100 Falun Gong followers" at Chinese people, "Egypt lifted the state of emergency"
at Egypt. tacitus fills such a recipient's country from the event's place (for an arrest or an
attack on the spot) or from the actor's own country, and marks the reference ``implied``. With no
recipient named at all, the implied reference points at the actor's mention, where that country is
named, or at the place. Acts of several countries together ("US and China agreed to sign a deal") stay without a
recipient, as the PLOVER manual codes them. Only the event's references carry this; ``Analysis.actors`` stays as read.

The same reading gives an act of state authority told without its doer ("hundreds of political prisoners were
released in Tripoli", "a curfew was imposed in Dhaka") the country of its place as implied actor: only a state
arrests, frees, lifts a curfew or mobilises troops there. An attack, a protest or a statement takes none.
"""

from __future__ import annotations

from dataclasses import replace

from tacitus.actors.drafts import NON_STATE, PEOPLE_SECTORS
from tacitus.model import ActorRef, Place

#: People with no state role (and groups of them: clergy, parties, firms, gangs).
_PEOPLE = PEOPLE_SECTORS | {"REL", "PTY", "BUS", "CRM"}
#: Event types done to people on the spot, whose country is then the place's.
_ON_THE_SPOT = frozenset({"COERCE", "ASSAULT"})
#: Acts that, with no one else named, a state aims at home: demands for reform, deals, concessions,
#: retreats, refusals, accusations, threats, protests, penalties, coercion, and a show of force ("police were
#: put on alert", "called up reservists"; troops massed on "the border with Pakistan" are aimed at the one
#: foreign state named). Meetings, cooperation, aid and support are not: with no one named, their counterpart
#: is unknown, not domestic.
_AT_HOME = frozenset(
    {
        *("REQUEST", "AGREE", "CONCEDE", "RETREAT", "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION"),
        *("COERCE", "MOBILIZE"),
    }
)


def implied_recipients(
    event: str,
    actor: tuple[ActorRef, ...],
    recipient: tuple[ActorRef, ...],
    location: Place | None,
    around: tuple[ActorRef, ...] = (),
) -> tuple[ActorRef, ...]:
    """The event's recipients with the countries the text leaves implied (see the module's doc).

    An arrest, crackdown or attack is read as done in the place's country; otherwise a state's act is
    read as aimed at its own country. An attack takes no such default (it is often across a border:
    "Israeli troops killed two civilians"). Unnamed people take the country for any act; other
    recipients of unknown country, and a missing recipient, only for the acts in ``_AT_HOME``. ``around``
    holds the mentions of countries in the sentence (actors and places): one foreign country there is the
    act's more likely aim than home ("Biden refused to lift sanctions to get Iran to the table"); with
    several, none is implied.
    """
    parties = list(dict.fromkeys(a.country for a in actor if a.country and a.country not in NON_STATE))
    where: ActorRef | None = None  # the mention naming the implied country
    if event in _ON_THE_SPOT and location is not None and location.country not in NON_STATE:
        where = ActorRef(location.text, location.start, location.end, location.country, None, None)
    if where is None and event != "ASSAULT" and len(parties) == 1:
        abroad = {r.country: r for r in around if r.country and r.country not in NON_STATE | {parties[0]}}
        if not abroad:
            where = next(a for a in actor if a.country == parties[0])
        elif len(abroad) == 1:
            where = next(iter(abroad.values()))
    if where is None:
        return recipient
    country = where.country
    anyone = not any(r.country for r in recipient) and (event in _AT_HOME or event in _ON_THE_SPOT)
    if recipient or not anyone:
        return tuple(
            replace(r, country=country, implied=True)
            if r.country is None and (r.sector in _PEOPLE or anyone) and not _foreign(r)
            else r
            for r in recipient
        )
    return (ActorRef(where.text, where.start, where.end, country, None, None, implied=True),)


def _foreign(ref: ActorRef) -> bool:
    """ "foreign troops", "foreign journalists": by their name not the home country's."""
    return any(w in {"foreign", "overseas", "international"} for w in ref.text.lower().split())


#: Acts only the authorities of a place perform there: with no doer named, the place's country is the actor.
_STATE_ACTS = frozenset({"COERCE", "RETREAT", "CONCEDE", "SANCTION", "MOBILIZE"})


def implied_actor(event: str, actor: tuple[ActorRef, ...], location: Place | None) -> tuple[ActorRef, ...]:
    """The event's actors, or, for an act of state authority told with no doer, the place's country (implied);
    local authorities named without a country ("authorities imposed a curfew on the city of Osh", "police beat
    protesters in Tehran") are that country's, whatever the act."""
    if location is None or location.country in NON_STATE:
        return actor
    # protesters are the people of the place they march in ("thousands rallied in Yerevan")
    local = _LOCAL | _PEOPLE if event == "PROTEST" else _LOCAL
    if actor:
        # "tortured by prison guards in Gorgan": a place's own authorities, whatever they do there
        return tuple(
            replace(a, country=location.country, implied=True) if a.country is None and a.sector in local else a
            for a in actor
        )
    if event not in _STATE_ACTS and event != "PROTEST":
        return actor
    return (ActorRef(location.text, location.start, location.end, location.country, None, None, implied=True),)


#: Sectors of a place's own authorities (not its troops, who may be foreign).
_LOCAL = frozenset({"GOV", "COP", "JUD"})
