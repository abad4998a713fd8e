"""`orgdesign import FILE [-o LAYOUT.yaml]`: build a layout from an HR system's CSV or JSON export.

The format follows the file's suffix: `.xlsx`/`.xlsm` is an Excel workbook (`--sheet`), `.json`
d3-org-chart's flat list or a nested tree (see orgdesign/importing/json_import.py), anything
else CSV.

Every problem in the file is printed as FILE:LINE:COLUMN: error|warning: message. Without
--strict the layout is still written from the rows that could be used (exit status 1 when
there were errors, 0 otherwise); with --strict any error means exit status 2 and no file.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from orgdesign.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, STDOUT, fail, load_or_report, report_errors
from orgdesign.layout import LayoutError
from orgdesign.layout.source import MEBIBYTE, FileKind, read_bytes
from orgdesign.model import DEFAULT_PROFILE, PROFILES, Org
from orgdesign.text import counted, printable, say, warn, write_document

if TYPE_CHECKING:
    from orgdesign.importing import ImportResult, Problem
    from orgdesign.importing.titles import TitleMap


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
        "file",
        metavar="FILE",
        help="the CSV, .json or .xlsx file (UTF-8 with or without BOM, UTF-16, or Windows-1252); "
        "JSON is a flat list with id/parentId (d3-org-chart) or a tree with children (dabeng/OrgChart)",
    )
    parser.add_argument(
        "-o", "--output", metavar="LAYOUT.yaml", help="layout file to write (default, or -: print it on stdout)"
    )
    parser.add_argument("--force", action="store_true", help="replace LAYOUT.yaml if it exists (kept as .bak)")
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
        "--first", metavar="COLUMN", help="column with the first (given) name, joined with --last (default: guessed)"
    )
    parser.add_argument(
        "--last", metavar="COLUMN", help="column with the last (family) name, joined after the first (default: guessed)"
    )
    parser.add_argument(
        "--title", metavar="COLUMN", help="column with the job title (default: guessed, e.g. 'Job Title', 'Position')"
    )
    parser.add_argument(
        "--role",
        metavar="COLUMN",
        help="column with orgdesign role ids (default: 'role' if present, else guessed from titles)",
    )
    parser.add_argument(
        "--titles",
        metavar="FILE.yaml",
        help="your own job titles mapped to role ids, one 'title: role' per line; "
        "the mapping report after an import lists the lines to add",
    )
    parser.add_argument(
        "--sheet", metavar="NAME", help="the sheet of an Excel workbook (.xlsx, .xlsm) to read (default: the first)"
    )
    parser.add_argument(
        "--update",
        metavar="LAYOUT.yaml",
        help="apply the export to this layout by id (new hires added, leavers removed, moves and title changes "
        "applied; roles chosen by hand, waivers, notes, units and vacancies kept), print the changes and save it "
        "atomically (the previous version kept as LAYOUT.yaml.bak); with -o, write there instead",
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
    output = None if args.output == STDOUT else args.output
    if output is not None and os.path.exists(output) and not args.force:
        fail(output, "file exists; choose another name or pass --force to replace it")
        return EXIT_UNUSABLE
    current = load_or_report(args.update) if args.update is not None else None
    titles = _title_map(args.titles)
    data = _read(args.file)
    if data is None or titles is None:
        return EXIT_UNUSABLE
    result = _imported(args, data, titles)
    if result is None:
        return EXIT_UNUSABLE
    if args.strict and result.has_errors:
        fail(args.file, "nothing written: the file has errors and --strict was given")
        return EXIT_UNUSABLE
    if len(result.org) == 0:
        fail(args.file, "no person could be imported; nothing written")
        return EXIT_UNUSABLE
    org = result.org if current is None else _updated(current, result, titles)
    target = output if args.output is not None or current is None else args.update
    if not _write(org, target):
        return EXIT_UNUSABLE
    if current is not None:
        _print_diff(current, org)
    _print_summary(args.file, target, result, titles, args.titles)
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def _imported(args: argparse.Namespace, data: bytes, titles: TitleMap) -> ImportResult | None:
    """The file read in the format its suffix names, its problems printed; None when nothing could be read."""
    from orgdesign.importing import ColumnOptions, ImportFailed, decode_csv, import_csv
    from orgdesign.importing.excel_import import EXCEL_SUFFIXES, import_excel
    from orgdesign.importing.json_import import import_json

    options = ColumnOptions(
        id=args.id,
        parent=args.parent,
        name=args.name,
        first_name=args.first,
        last_name=args.last,
        title=args.title,
        role=args.role,
    )
    problems: list[Problem] = []
    suffix = Path(args.file).suffix.lower()
    if args.sheet is not None and suffix not in EXCEL_SUFFIXES:
        fail(args.file, f"--sheet is for Excel workbooks ({', '.join(EXCEL_SUFFIXES)}); this file is read as text")
        return None
    name = args.layout_name
    try:
        if suffix in EXCEL_SUFFIXES:
            result = import_excel(
                data,
                options,
                sheet=args.sheet,
                titles=titles,
                layout_name=name,
                profile=args.profile,
                default_name=Path(args.file).stem,
            )
        else:
            text, problems = decode_csv(data)
            read = import_json if suffix == ".json" else import_csv
            result = read(
                text, options, titles=titles, layout_name=name, profile=args.profile, default_name=Path(args.file).stem
            )
    except ImportFailed as failure:
        _print_problems(args.file, problems + failure.problems)
        return None
    _print_problems(args.file, problems + result.problems)
    return result


def _updated(current: Org, result: ImportResult, titles: TitleMap) -> Org:
    from orgdesign.importing.update import updated_org

    return updated_org(current, result.org, titles, dotted_from_export="dotted_to" in result.columns)


def _print_diff(old: Org, new: Org) -> None:
    from orgdesign.diff import diff_orgs, render_diff_text

    say(render_diff_text(diff_orgs(old, new)), end="")


IMPORTED_FILE = FileKind("file to import", ".csv, .json or .xlsx", 64 * MEBIBYTE)
"""64 MiB: a 100,000-person HR export is some 6 to 20 MB, so this only stops runaway input."""


def _read(path: str) -> bytes | None:
    """The file's bytes; None (the error printed) when it is not a regular file, or too large."""
    try:
        return read_bytes(path, IMPORTED_FILE)
    except LayoutError as error:
        report_errors(error)
    return None


def _title_map(path: str | None) -> TitleMap | None:
    """The user's titles file as a map (the built-in guesses alone without one); None when it is unusable."""
    from orgdesign.importing.title_file import read_title_file
    from orgdesign.importing.titles import TitleMap

    if path is None:
        return TitleMap()
    try:
        return TitleMap(read_title_file(path))
    except LayoutError as error:
        report_errors(error)
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


def _print_summary(
    path: str, output: str | None, result: ImportResult, titles: TitleMap, titles_file: str | None
) -> None:
    from orgdesign.importing.mapping import mapping_report, render_mapping_report

    if result.exact:
        warn("written by orgdesign export: every field read as written, roles included (no title mapped)")
    else:
        warn(render_mapping_report(mapping_report(result.org, titles), titles_file))
    errors = sum(1 for p in result.problems if p.severity == "error")
    warnings = len(result.problems) - errors
    target = output if output is not None else "stdout"
    warn(
        f"imported {counted(len(result.org), 'person', 'people')} from {printable(path)} to {printable(target)} "
        f"({counted(errors, 'error')}, {counted(warnings, 'warning')})"
    )
