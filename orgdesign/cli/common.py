"""Helpers shared by subcommands: loading layouts and reporting what could not be used."""

from __future__ import annotations

from orgdesign.layout import LayoutError, load_layout
from orgdesign.layout.errors import FileErrors
from orgdesign.model import Org
from orgdesign.text import printable, warn

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
STDOUT = "-"
"""The output path that means standard output."""


class Unusable(Exception):
    """The input could not be used; the errors have already been printed (exit status 2)."""


def load_or_report(path: str) -> Org:
    """Load a layout, or print every load error to stderr and raise `Unusable`."""
    try:
        org = load_layout(path)
    except LayoutError as error:
        report_errors(error)
        raise Unusable from None
    report_warnings(org)
    return org


def report_errors(error: FileErrors) -> None:
    for item in error.errors:
        warn(printable(str(item)))


def report_warnings(org: Org) -> None:
    """Print what the layout loaded with but should change (retired rule codes), one line each."""
    for warning in org.load_warnings:
        warn(str(warning))


def fail(path: str, message: str) -> None:
    """Print a located one-line error for a problem that is about a whole file."""
    warn(f"{printable(path)}:1:1: error: {printable(message)}")
