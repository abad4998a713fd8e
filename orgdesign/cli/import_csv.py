"""`orgdesign import FILE.csv [-o LAYOUT.yaml]`: build a layout from an HR system's CSV export.

Every problem in the file is printed as FILE:LINE:COLUMN: error|warning: message. Without
--strict the layout is still written from the rows that could be used (exit status 1 when
there were errors, 0 otherwise); with --strict any error means exit status 2 and no file.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from orgdesign.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, fail
from orgdesign.model import DEFAULT_PROFILE, PROFILES, Org
from orgdesign.text import counted, printable, warn, write_document

if TYPE_CHECKING:
    from orgdesign.importing import ImportResult, Problem


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="A CSV written by 'orgdesign export' (it has an 'org' column) is read back exactly, every field "
        "included, unless column options are given. "
        "Exit status: 0 imported cleanly; 1 written, but some rows had errors; "
        "2 nothing written (unreadable file, no usable rows, or errors with --strict).",
    )
    parser.add_argument(
        "file", metavar="FILE.csv", help="the CSV file (UTF-8 with or without BOM, UTF-16, or Windows-1252)"
    )
    parser.add_argument("-o", "--output", metavar="LAYOUT.yaml", help="layout file to write (default: print it)")
    parser.add_argument(
        "--id", metavar="COLUMN", help="column with each person's id (default: guessed, e.g. 'Employee ID')"
    )
    parser.add_argument(
        "--parent",
        metavar="COLUMN",
        help="column with the manager's id (default: guessed, e.g. 'Manager ID', 'Reports To')",
    )
    parser.add_argument(
        "--name", metavar="COLUMN", help="column with the full name (default: guessed, or first + last name)"
    )
    parser.add_argument(
        "--title", metavar="COLUMN", help="column with the job title (default: guessed, e.g. 'Job Title', 'Position')"
    )
    parser.add_argument(
        "--role",
        metavar="COLUMN",
        help="column with orgdesign role ids (default: 'role' if present, else guessed from titles)",
    )
    parser.add_argument("--strict", action="store_true", help="write nothing if the file has any error")
    parser.add_argument(
        "--layout-name",
        metavar="NAME",
        help="name of the org (default: the one in a CSV orgdesign wrote, else the CSV file's name)",
    )
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        help=f"rule profile of the layout (default: the one in a CSV orgdesign wrote, else {DEFAULT_PROFILE})",
    )


def run(args: argparse.Namespace) -> int:
    from orgdesign.importing import ColumnOptions, ImportFailed, decode_csv, import_csv

    data = _read(args.file)
    if data is None:
        return EXIT_UNUSABLE
    options = ColumnOptions(id=args.id, parent=args.parent, name=args.name, title=args.title, role=args.role)
    problems: list[Problem] = []
    try:
        text, problems = decode_csv(data)
        result = import_csv(
            text, options, layout_name=args.layout_name, profile=args.profile, default_name=Path(args.file).stem
        )
    except ImportFailed as failure:
        _print_problems(args.file, problems + failure.problems)
        return EXIT_UNUSABLE
    _print_problems(args.file, problems + result.problems)
    if args.strict and result.has_errors:
        warn(f"{printable(args.file)}: nothing written: the file has errors and --strict was given")
        return EXIT_UNUSABLE
    if len(result.org) == 0:
        fail(args.file, "no person could be imported; nothing written")
        return EXIT_UNUSABLE
    if not _write(result.org, args.output):
        return EXIT_UNUSABLE
    _print_summary(args.file, args.output, result)
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def _read(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        fail(path, "is a directory; give the path of a CSV file")
    except OSError as error:
        fail(path, f"cannot read: {error.strerror or error}")
    return None


def _print_problems(path: str, problems: Iterable[Problem]) -> None:
    for problem in problems:
        warn(printable(problem.located(path)))


def _write(org: Org, output: str | None) -> bool:
    from orgdesign.layout import SaveError, dump_layout, save_layout

    if output is None:
        write_document(dump_layout(org))
        return True
    try:
        save_layout(org, output)
    except SaveError as error:
        fail(output, str(error))
        return False
    return True


def _print_summary(path: str, output: str | None, result: ImportResult) -> None:
    errors = sum(1 for p in result.problems if p.severity == "error")
    warnings = len(result.problems) - errors
    target = output if output is not None else "stdout"
    warn(
        f"imported {len(result.org)} people from {printable(path)} to {printable(target)} "
        f"({counted(errors, 'error')}, {counted(warnings, 'warning')})"
    )
