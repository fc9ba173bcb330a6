"""Human-readable views of an analysis (the CLI's table format)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from tacitus.model import ActorRef, Analysis


def _refs(refs: tuple[ActorRef, ...]) -> str:
    return "; ".join(f"{r.text} [{r.country or '?'} {r.sector or '?'}]" for r in refs) or "-"


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(analysis: Analysis, out: TextIO, width: int = 160) -> None:
    console = Console(file=out, width=width, force_terminal=False, color_system=None, highlight=False)
    art = analysis.article
    published = art.published.isoformat() if art.published else "no date"
    console.print(f"[bold]{art.id}[/bold]  {art.title or ''}  ({art.outlet or 'no outlet'}, {published})")

    events = Table(title=f"Events ({len(analysis.events)})", title_justify="left", show_lines=False)
    for col in ("date", "from", "event", "mode", "actor", "recipient", "trigger", "modality"):
        events.add_column(col)
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

    quotes = Table(title=f"Quotes ({len(analysis.quotes)})", title_justify="left")
    for col in ("speaker", "coded as", "cue", "direct", "content"):
        quotes.add_column(col)
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

    actors = Table(title=f"Actors ({len(analysis.actors)})", title_justify="left")
    for col in ("actor", "country", "sector", "mentions"):
        actors.add_column(col)
    for a in analysis.actors:
        actors.add_row(a.name, a.country or "-", a.sector or "-", str(len(a.mentions)))
    console.print(actors)

    if analysis.places:
        places = Table(title=f"Places ({len(analysis.places)})", title_justify="left")
        for col in ("text", "name", "country", "lat", "lon"):
            places.add_column(col)
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
