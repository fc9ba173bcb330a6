"""``tacitus serve``: the REST API and the dashboard."""

from __future__ import annotations

import click

from tacitus.cli.common import config_option, errors_to_click, load_settings


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="The store to browse (tacitus ingest).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--max-body",
    type=click.IntRange(1024),
    default=2 * 1024 * 1024,
    show_default=True,
    help="Largest request body in bytes; larger ones get 413.",
)
@click.option(
    "--cache",
    type=click.IntRange(0),
    default=256,
    show_default=True,
    help="Query answers to keep until the store changes (0: none).",
)
@config_option
def serve_cmd(db: str | None, host: str, port: int, max_body: int, cache: int, config: str | None) -> None:
    """Serve the REST API (/api/..., /openapi.json, /api/docs) and the dashboard (/).

    Binds to 127.0.0.1 unless told otherwise. POST /api/articles writes to the store:
    set TACITUS_API_TOKEN to require 'Authorization: Bearer <token>'; the server refuses
    to listen beyond loopback without it.
    """
    try:
        from tacitus.api import serve, serve_config
    except ImportError as exc:  # the serve extra is optional
        raise click.ClickException(f"the server needs the serve extra ({exc}); pip install 'tacitus[serve]'") from exc
    settings = load_settings(config)
    with errors_to_click():
        cfg = serve_config(db, host, settings, max_body_bytes=max_body, cache_entries=cache)
    click.echo(f"tacitus: serving on http://{host}:{port}/ (API docs at /api/docs)", err=True)
    serve(cfg, host, port)
