"""`orgdesign export FILE --format FORMAT [-o OUT]`: a layout as a picture or a data file."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE, STDOUT, fail, load_or_report
from orgdesign.text import stdout_is_terminal, write_binary_document, write_document

if TYPE_CHECKING:
    from orgdesign.model import Org
    from orgdesign.rules.finding import Severity

PNG = "png"
PICTURES = ("svg", PNG)


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    from orgdesign.export import EXPORTERS

    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", metavar="FILE", help="the layout to export")
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted([*EXPORTERS, PNG]),
        help="output format (default: guessed from OUT's suffix, e.g. .svg, .png, .mmd, .dot, .csv, .json, .md)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write, replaced atomically; a symlink is written through; - or none: stdout",
    )
    parser.add_argument("--root", metavar="ID", help="svg, png: draw only this person and the people below them")
    parser.add_argument(
        "--depth",
        metavar="N",
        type=_levels,
        help='svg, png: draw N levels of reports below the top (or --root); cut managers show "+N more"',
    )


def _levels(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of levels, 0 or more, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from orgdesign.export import EXPORTERS, severity_by_person
    from orgdesign.rules import validate

    output = None if args.output == STDOUT else args.output
    export_format = args.format or _format_from_suffix(output)
    if export_format is None:
        fail(
            args.output or args.file,
            "cannot tell the format; pass --format (svg, png, mermaid, dot, csv, json, json-tree, markdown)",
        )
        return EXIT_UNUSABLE
    focused = args.root is not None or args.depth is not None
    if focused and export_format not in PICTURES:
        fail(args.output or args.file, "--root and --depth apply to svg and png pictures only")
        return EXIT_UNUSABLE
    if export_format == PNG and output is None and stdout_is_terminal():
        fail(args.file, "a PNG is binary: write it to a file with -o CHART.png, or redirect stdout")
        return EXIT_UNUSABLE
    org = load_or_report(args.file)
    if args.root is not None and args.root not in org:
        fail(args.file, f"--root {args.root}: nobody has that id")
        return EXIT_UNUSABLE
    severity = severity_by_person(validate(org))
    if export_format in PICTURES:
        return _write_picture(args, output, export_format, org, severity)
    return _write_text(output, EXPORTERS[export_format](org, severity))


def _write_picture(
    args: argparse.Namespace, output: str | None, export_format: str, org: Org, severity: Mapping[str, Severity]
) -> int:
    from orgdesign.export.png import render_png
    from orgdesign.export.svg import Focus, draw_chart

    picture = draw_chart(org, severity, Focus(args.root, args.depth))
    if export_format == "svg":
        return _write_text(output, picture.svg)
    data = render_png(picture)
    if output is None:
        write_binary_document(data)
        return EXIT_OK
    return write_output(output, data)


def _write_text(output: str | None, text: str) -> int:
    if output is None:
        write_document(text)
        return EXIT_OK
    return write_output(output, text.encode("utf-8"))


def _format_from_suffix(path: str | None) -> str | None:
    from orgdesign.export import SUFFIXES

    if path is None:
        return None
    suffix = os.path.splitext(path)[1].lower()
    return PNG if suffix == ".png" else SUFFIXES.get(suffix)


def write_output(path: str, data: bytes) -> int:
    """Write `data` atomically to the regular file at `path` (or its symlink's target); exit status.

    A reader never sees half a file, and a FIFO, a device or a folder at `path` is refused:
    replacing `/dev/null` by a regular file would break every program that uses it.
    """
    from orgdesign.layout import SaveError
    from orgdesign.layout.saving import regular_target, write_atomically

    try:
        target = regular_target(path, "give the path of a regular file, or - for standard output")
        write_atomically(target, data)
    except SaveError as error:
        fail(path, f"cannot write it: {error.reason}; {error.advice}")
        return EXIT_UNUSABLE
    except OSError as error:
        fail(path, f"cannot write: {error.strerror or error}")
        return EXIT_UNUSABLE
    return EXIT_OK
