"""`orgdesign export FILE --format FORMAT [-o OUT]`: a layout as a picture or a data file."""

from __future__ import annotations

import argparse
import os

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE, fail, load_or_report
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
    parser.add_argument("-o", "--output", metavar="OUT", help="file to write, replaced atomically (default: stdout)")
    parser.add_argument("--root", metavar="ID", help="svg: draw only this person and the people below them")
    parser.add_argument(
        "--depth",
        metavar="N",
        type=_levels,
        help='svg: draw N levels of reports below the top (or --root); cut managers show "+N more"',
    )


def _levels(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of levels, 0 or more, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from orgdesign.export import EXPORTERS, severity_by_person
    from orgdesign.export.svg import Focus, export_svg
    from orgdesign.rules import validate

    export_format = args.format or _format_from_suffix(args.output)
    if export_format is None:
        fail(args.output or args.file, "cannot tell the format; pass --format (svg, mermaid, dot, csv, json, markdown)")
        return EXIT_UNUSABLE
    focused = args.root is not None or args.depth is not None
    if focused and export_format != "svg":
        fail(args.output or args.file, "--root and --depth apply to svg pictures only")
        return EXIT_UNUSABLE
    org = load_or_report(args.file)
    if args.root is not None and args.root not in org:
        fail(args.file, f"--root {args.root}: nobody has that id")
        return EXIT_UNUSABLE
    severity = severity_by_person(validate(org))
    if focused:
        text = export_svg(org, severity, Focus(args.root, args.depth))
    else:
        text = EXPORTERS[export_format](org, severity)
    if args.output is None:
        write_document(text)
        return EXIT_OK
    return write_output(args.output, text)


def _format_from_suffix(path: str | None) -> str | None:
    from orgdesign.export import SUFFIXES

    return None if path is None else SUFFIXES.get(os.path.splitext(path)[1].lower())


def write_output(path: str, text: str) -> int:
    """Write `text` to `path` atomically (a reader never sees half a file); exit status."""
    from orgdesign.layout.saving import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        fail(path, f"cannot write: {error.strerror or error}")
        return EXIT_UNUSABLE
    return EXIT_OK
