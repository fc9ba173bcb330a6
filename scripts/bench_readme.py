"""Regenerate the README's results table from `tacitus bench all --json`.

.venv/bin/tacitus bench all --json > /tmp/bench.json
.venv/bin/python scripts/bench_readme.py /tmp/bench.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tacitus.bench import BENCHES, render_markdown

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def merge(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    reports = {r["bench"]: r for p in payloads for r in p["reports"]}
    ordered = [reports[name] for name in BENCHES if name in reports]
    return {"machine": payloads[0]["machine"], "reports": ordered}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    payload = merge([json.loads(Path(a).read_text(encoding="utf-8")) for a in argv])
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        print(f"README.md has no {START} ... {END} section", file=sys.stderr)
        return 1
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{render_markdown(payload)}{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
