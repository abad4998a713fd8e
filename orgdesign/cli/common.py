"""Helpers shared by subcommands: loading layouts and reporting what could not be used."""

from __future__ import annotations

import sys

from orgdesign.layout import LayoutError, load_layout
from orgdesign.model import Org

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
STDOUT = "-"
"""The output path that means standard output."""


class Unusable(Exception):
    """The input could not be used; the errors have already been printed (exit status 2)."""


def load_or_report(path: str) -> Org:
    """Load a layout, or print every load error to stderr and raise `Unusable`."""
    try:
        return load_layout(path)
    except LayoutError as error:
        report_errors(error)
        raise Unusable from None


def report_errors(error: LayoutError) -> None:
    for item in error.errors:
        print(item, file=sys.stderr)


def fail(path: str, message: str) -> None:
    """Print a located one-line error for a problem that is about a whole file."""
    print(f"{path}:1:1: error: {message}", file=sys.stderr)
