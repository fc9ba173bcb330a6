"""Human-readable views of an analysis (the CLI's table format)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from tacitus.model import ActorRef, Analysis


def _refs(refs: tuple[ActorRef, ...]) -> str:
    return "; ".join(_ref(r) for r in refs) or "-"


def _ref(r: ActorRef) -> str:
    """An implied country is marked; a recipient the text does not name shows its country alone."""
    code = f"[{r.country or '?'} {r.sector or '?'}{' implied' if r.implied else ''}]"
    return f"{r.text} {code}" if r.named else code


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, rows: int, columns: tuple[str, ...]) -> Table:
    table = Table(title=f"{title} ({rows})", title_justify="left")
    for col in columns:
        table.add_column(col)
    return table


def render_table(analysis: Analysis, out: TextIO, width: int = 160) -> None:
    console = Console(file=out, width=width, force_terminal=False, color_system=None, highlight=False)
    art = analysis.article
    published = art.published.isoformat() if art.published else "no date"
    console.print(f"[bold]{art.id}[/bold]  {art.title or ''}  ({art.outlet or 'no outlet'}, {published})")

    events = _table(
        "Events", len(analysis.events), ("date", "from", "event", "mode", "actor", "recipient", "trigger", "modality")
    )
    for e in analysis.events:
        modality = ("not " if e.negated else "") + e.modality
        events.add_row(
            e.date or "-",
            e.date_from,
            e.event,
            e.mode or "-",
            _refs(e.actor),
            _refs(e.recipient),
            e.trigger.text,
            modality,
        )
    console.print(events)

    quotes = _table("Quotes", len(analysis.quotes), ("speaker", "coded as", "cue", "direct", "content"))
    for q in analysis.quotes:
        coded = _refs((q.speaker_actor,)) if q.speaker_actor else "-"
        quotes.add_row(
            q.speaker.text if q.speaker else "(unknown)",
            coded,
            q.cue.text if q.cue else "-",
            "yes" if q.direct else "no",
            _clip(q.content.text),
        )
    console.print(quotes)

    actors = _table("Actors", len(analysis.actors), ("actor", "country", "sector", "mentions"))
    for a in analysis.actors:
        actors.add_row(a.name, a.country or "-", a.sector or "-", str(len(a.mentions)))
    console.print(actors)

    if analysis.places:
        places = _table("Places", len(analysis.places), ("text", "name", "country", "lat", "lon"))
        for p in analysis.places:
            places.add_row(
                p.text,
                p.name,
                p.country or "-",
                f"{p.lat:.2f}" if p.lat is not None else "-",
                f"{p.lon:.2f}" if p.lon is not None else "-",
            )
        console.print(places)

    loaded = analysis.framing.loaded
    if loaded:
        own = sorted({t.text.lower() for t in loaded if not t.attributed})
        quoted = sorted({t.text.lower() for t in loaded if t.attributed})
        console.print(f"Loaded terms in the outlet's voice: {', '.join(own) or '-'}")
        console.print(f"Loaded terms in quoted voices: {', '.join(quoted) or '-'}")
    console.print()
