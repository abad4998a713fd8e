"""`orgdesign stats FILE [--format text|json]`: headcount, spans and layers as bar charts."""

from __future__ import annotations

import argparse
import shutil

from orgdesign.cli.common import EXIT_OK, load_or_report
from orgdesign.text import say


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", metavar="FILE", help="the layout to count")
    parser.add_argument(
        "--format", "-f", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def run(args: argparse.Namespace) -> int:
    from orgdesign.stats import org_stats
    from orgdesign.stats_text import render_stats_json, render_stats_text

    stats = org_stats(load_or_report(args.file))
    if args.format == "json":
        say(render_stats_json(stats), end="")
    else:
        width = min(100, shutil.get_terminal_size((80, 24)).columns)
        say(render_stats_text(stats, width), end="")
    return EXIT_OK
