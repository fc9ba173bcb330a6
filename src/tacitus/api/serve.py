"""Starting the server: the safety checks, then uvicorn.

The server binds to 127.0.0.1 by default. Listening beyond loopback exposes the write
endpoint, so it needs ``TACITUS_API_TOKEN``: without one the server refuses to start.
On loopback the Host header is checked too (see :class:`tacitus.api.guard.GuardMiddleware`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from tacitus.api.app import DEFAULT_MAX_BODY_BYTES, ApiConfig, create_app
from tacitus.api.guard import is_loopback, loopback_hosts
from tacitus.errors import ConfigError
from tacitus.settings import Settings

TOKEN_VARIABLE = "TACITUS_API_TOKEN"


def serve_config(
    db: str | Path | None,
    host: str = "127.0.0.1",
    settings: Settings | None = None,
    env: Mapping[str, str] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    cache_entries: int = 256,
) -> ApiConfig:
    """The app's configuration for serving on ``host``, or a ConfigError that says how to fix it."""
    env = os.environ if env is None else env
    token = env.get(TOKEN_VARIABLE, "").strip() or None
    loopback = is_loopback(host)
    if not loopback and token is None:
        raise ConfigError(
            f"refusing to listen on {host}, beyond this machine, without a write token: "
            f"set {TOKEN_VARIABLE} to a long random string, or serve on --host 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise ConfigError(f"{TOKEN_VARIABLE} is shorter than 16 characters; use a long random string")
    if max_body_bytes < 1024:
        raise ConfigError(f"--max-body {max_body_bytes} is too small to carry an article; use at least 1024 bytes")
    return ApiConfig(
        db=Path(db) if db is not None else None,
        token=token,
        max_body_bytes=max_body_bytes,
        allowed_hosts=loopback_hosts() if loopback else None,
        settings=settings or Settings(),
        cache_entries=cache_entries,
    )


def serve(config: ApiConfig, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Run the API and dashboard until interrupted."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level, server_header=False)
