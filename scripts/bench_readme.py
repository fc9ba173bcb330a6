"""Regenerate the README's results table from `tacitus bench all --json`.

.venv/bin/tacitus bench all --json > /tmp/bench.json
.venv/bin/python scripts/bench_readme.py /tmp/bench.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tacitus.bench import render_markdown

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    payload = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
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
