"""`orgdesign export FILE --format FORMAT [-o OUT]`: a layout as a picture or a data file."""

from __future__ import annotations

import argparse
import os

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE, STDOUT, fail, load_or_report
from orgdesign.text import write_document


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    from orgdesign.export import EXPORTERS

    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", metavar="FILE", help="the layout to export")
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(EXPORTERS),
        help="output format (default: guessed from OUT's suffix, e.g. .svg, .mmd, .dot, .csv, .json, .md)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write, replaced atomically; a symlink is written through; - or none: stdout",
    )


def run(args: argparse.Namespace) -> int:
    from orgdesign.export import EXPORTERS, severity_by_person
    from orgdesign.rules import validate

    export_format = args.format or _format_from_suffix(args.output)
    if export_format is None:
        fail(
            args.output or args.file,
            "cannot tell the format; pass --format (svg, mermaid, dot, csv, json, json-tree, markdown)",
        )
        return EXIT_UNUSABLE
    org = load_or_report(args.file)
    text = EXPORTERS[export_format](org, severity_by_person(validate(org)))
    if args.output in (None, STDOUT):
        write_document(text)
        return EXIT_OK
    return write_output(args.output, text)


def _format_from_suffix(path: str | None) -> str | None:
    from orgdesign.export import SUFFIXES

    if path is None or path == STDOUT:
        return None
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def write_output(path: str, text: str) -> int:
    """Write `text` atomically to the regular file at `path` (or its symlink's target); exit status.

    A reader never sees half a file, and a FIFO, a device or a folder at `path` is refused:
    replacing `/dev/null` by a regular file would break every program that uses it.
    """
    from orgdesign.layout import SaveError
    from orgdesign.layout.saving import regular_target, write_atomically

    try:
        target = regular_target(path, "give the path of a regular file, or - for standard output")
        write_atomically(target, text.encode("utf-8"))
    except SaveError as error:
        fail(path, f"cannot write it: {error.reason}; {error.advice}")
        return EXIT_UNUSABLE
    except OSError as error:
        fail(path, f"cannot write: {error.strerror or error}")
        return EXIT_UNUSABLE
    return EXIT_OK
