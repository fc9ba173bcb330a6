"""The ``tacitus`` command. Commands are thin: parse, call one library function, print.

Exit status: 0 all went well; 1 an error stopped the command; 2 a usage error;
3 the command finished but skipped some inputs (listed on stderr).
"""

from __future__ import annotations

import click

from tacitus import __version__
from tacitus.cli.analyze import analyze_cmd
from tacitus.cli.bench import bench_cmd
from tacitus.cli.serve import serve_cmd
from tacitus.cli.store import COMMANDS as STORE_COMMANDS
from tacitus.cli.stories import COMMANDS as STORY_COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tacitus")
def main() -> None:
    """tacitus: who did what to whom, who said what, and how it was told."""


main.add_command(analyze_cmd)
main.add_command(bench_cmd)
main.add_command(serve_cmd)
for _command in (*STORE_COMMANDS, *STORY_COMMANDS):
    main.add_command(_command)
