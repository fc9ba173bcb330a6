"""Whose people an act is done to, when the text names them without a country.

PLOVER codes a recipient by country. "Chinese police detained 100 Falun Gong followers" names no
country for the followers. tacitus reads an act done to such people somewhere as done in that place's
country, and a state's other acts on them as acts on its own people. Only the event's recipient reference
carries that country; the actor itself stays uncoded in ``Analysis.actors``.
"""

from __future__ import annotations

from dataclasses import replace

from tacitus.actors.drafts import NON_STATE, PEOPLE_SECTORS
from tacitus.model import ActorRef, Place

#: People with no state role (and groups of them: clergy, parties, firms, gangs).
_PEOPLE = PEOPLE_SECTORS | {"REL", "PTY", "BUS", "CRM"}
#: Event types done to people on the spot, whose country is then the place's.
_ON_THE_SPOT = frozenset({"COERCE", "ASSAULT"})
#: Sectors of the state's own authorities and forces, whose acts on unnamed people are domestic.
_STATE = frozenset({None, "GOV", "COP", "MIL", "JUD", "SPY", "LEG", "ELI"})  # None: a country named


def placed_recipients(
    event: str, actor: tuple[ActorRef, ...], recipient: tuple[ActorRef, ...], location: Place | None
) -> tuple[ActorRef, ...]:
    """Recipients of an arrest, crackdown or attack with no country of their own take the country of the place
    it happens in; otherwise what a state does to unnamed people (arrests them, frees them, ends talks with
    them, rejects their demands) is done to its own people. An attack names no such default."""
    if not any(r.country is None and r.sector in _PEOPLE for r in recipient):
        return recipient
    on_the_spot = event in _ON_THE_SPOT and location is not None and location.country not in NON_STATE
    country = location.country if on_the_spot and location is not None else None
    if country is None and event != "ASSAULT":
        # an attack on unnamed people is often across a border ("Israeli troops killed two civilians")
        own = {a.country for a in actor if a.country and a.country not in NON_STATE and a.sector in _STATE}
        country = own.pop() if len(own) == 1 else None
    if country is None:
        return recipient
    return tuple(replace(r, country=country) if r.country is None and r.sector in _PEOPLE else r for r in recipient)
