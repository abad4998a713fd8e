"""`orgdesign merge BASE OURS THEIRS`: three-way merge of layouts by person id, as a git merge driver.

Git calls a merge driver with the ancestor, our version and their version (`%O %A %B`) and
expects the result in OURS. Exit status: 0 merged cleanly; 1 merged with conflicts (each
conflicting person or key is written between conflict markers, and listed on stderr); 2 an
input could not be used (its errors are printed, OURS is left exactly as it was).

Set up in a repository:

    git config merge.orgdesign.driver "orgdesign merge %O %A %B"
    echo "*.org.yaml merge=orgdesign" >> .gitattributes
"""

from __future__ import annotations

import argparse
import os

from orgdesign.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, fail, report_errors
from orgdesign.layout import LayoutError, SaveError, open_layout
from orgdesign.layout.saving import regular_target, write_atomically
from orgdesign.layout.source import read_bytes
from orgdesign.merge import MergedText, empty_base, merge_orgs, merged_text
from orgdesign.model import Org
from orgdesign.text import printable, warn


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_text,
        description=f"{help_text}. The result is written into OURS. Exit status: 0 clean, 1 conflicts, "
        "2 an input could not be used (OURS untouched).",
        epilog='As a git merge driver: git config merge.orgdesign.driver "orgdesign merge %O %A %B", '
        'and in .gitattributes: "*.org.yaml merge=orgdesign".',
    )
    parser.add_argument(
        "base", metavar="BASE", help="the common ancestor (git's %%O; an empty file when both added it)"
    )
    parser.add_argument("ours", metavar="OURS", help="our version, replaced by the result (git's %%A)")
    parser.add_argument("theirs", metavar="THEIRS", help="their version (git's %%B)")
    parser.add_argument("--ours-label", default="ours", help="text after the <<<<<<< markers (default: ours)")
    parser.add_argument("--theirs-label", default="theirs", help="text after the >>>>>>> markers (default: theirs)")


def run(args: argparse.Namespace) -> int:
    versions = [_load(args.base, may_be_empty=True), _load(args.ours), _load(args.theirs)]
    base, ours, theirs = versions
    if base is None or ours is None or theirs is None:
        return EXIT_UNUSABLE
    merged = merged_text(merge_orgs(base, ours, theirs), (printable(args.ours_label), printable(args.theirs_label)))
    try:
        write_atomically(regular_target(args.ours, "check the path"), merged.text.encode("utf-8"), _mode_of(args.ours))
    except SaveError as error:
        warn(str(error))
        return EXIT_UNUSABLE
    except (OSError, UnicodeEncodeError) as error:
        fail(args.ours, f"cannot write the merged layout: {error}")
        return EXIT_UNUSABLE
    return _report(args.ours, merged)


def _load(path: str, *, may_be_empty: bool = False) -> Org | None:
    """The org at `path` (an empty ancestor for an empty BASE), or None after printing its errors."""
    try:
        if may_be_empty and not read_bytes(path):
            return empty_base()
        return open_layout(path)[0]
    except LayoutError as error:
        report_errors(error)
        return None


def _mode_of(path: str) -> int | None:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return None


def _report(path: str, merged: MergedText) -> int:
    """List each conflict at the line of its marker in the written file; the exit status."""
    for line, description in merged.conflicts:
        warn(f"{printable(path)}:{line}:1: conflict: {printable(description)}")
    return EXIT_FINDINGS if merged.conflicts else EXIT_OK
