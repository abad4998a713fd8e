"""`orgdesign diff OLD NEW [--format text|json|markdown]`: what changed between two layouts.

OLD is a layout file, or a git revision of NEW (`HEAD`, `main`, a commit), or `REV:PATH`
(see `orgdesign.baseline`): `orgdesign diff HEAD org.yaml` reviews the uncommitted changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from orgdesign.cli.common import EXIT_OK, Unusable, load_or_report, report_errors, report_warnings
from orgdesign.layout import LayoutError
from orgdesign.model import Org
from orgdesign.text import say


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument(
        "old", metavar="OLD", help="the earlier layout: a file, a git revision of NEW (HEAD, main, ...) or REV:PATH"
    )
    parser.add_argument("new", metavar="NEW", help="the later layout")
    parser.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format; markdown is meant for a pull-request comment (default: text)",
    )


def run(args: argparse.Namespace) -> int:
    from orgdesign.diff import diff_orgs, render_diff_json, render_diff_markdown, render_diff_text

    old, new = _load_both(args.old, args.new)
    renderer = {"text": render_diff_text, "json": render_diff_json, "markdown": render_diff_markdown}[args.format]
    say(renderer(diff_orgs(old, new)), end="")
    return EXIT_OK


def _load_both(old_spec: str, new_path: str) -> list[Org]:
    """Both layouts, reporting the errors of both before giving up."""
    from orgdesign.baseline import read_baseline

    orgs: list[Org] = []
    unusable = False
    try:
        old = read_baseline(old_spec, Path(new_path)).org
        report_warnings(old)
        orgs.append(old)
    except LayoutError as error:
        report_errors(error)
        unusable = True
    try:
        orgs.append(load_or_report(new_path))
    except Unusable:
        unusable = True
    if unusable:
        raise Unusable
    return orgs
