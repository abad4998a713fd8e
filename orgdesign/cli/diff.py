"""`orgdesign diff OLD NEW [--format text|json|markdown]`: what changed between two layouts."""

from __future__ import annotations

import argparse

from orgdesign.cli.common import EXIT_OK, Unusable, load_or_report
from orgdesign.model import Org
from orgdesign.text import say


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("old", metavar="OLD", help="the earlier layout")
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


def _load_both(old_path: str, new_path: str) -> list[Org]:
    """Both layouts, reporting the errors of both before giving up."""
    orgs: list[Org] = []
    unusable = False
    for path in (old_path, new_path):
        try:
            orgs.append(load_or_report(path))
        except Unusable:
            unusable = True
    if unusable:
        raise Unusable
    return orgs
