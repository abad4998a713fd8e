"""`orgdesign [FILE]` / `orgdesign open [FILE]`: the designer (Textual is imported only here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from orgdesign.baseline import Baseline, read_baseline
from orgdesign.cli import EXIT_OK, EXIT_UNUSABLE
from orgdesign.cli.common import report_errors
from orgdesign.keymap import KeymapError, keymap_path, read_keymap
from orgdesign.layout import LayoutError
from orgdesign.layout.source import file_error


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_text,
        description="Open the designer; with no FILE, a start screen lists templates and recent layouts.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="layout to open (YAML)")
    parser.add_argument(
        "--compare",
        metavar="BASELINE",
        help="compare FILE with a baseline: another layout, a git revision of FILE (HEAD, main, ...) or REV:PATH",
    )


def run(args: argparse.Namespace) -> int:
    from orgdesign.tui.app import OrgDesignApp
    from orgdesign.tui.keys import known_binding_ids

    try:
        keymap = read_keymap(keymap_path(), known_binding_ids())
        baseline = None if args.compare is None else _baseline(args.compare, args.file)
    except (KeymapError, LayoutError) as error:
        report_errors(error)
        return EXIT_UNUSABLE
    app = OrgDesignApp(args.file, keymap=keymap, baseline=baseline)
    app.run()
    return app.return_code or EXIT_OK


def _baseline(spec: str, layout: Path | None) -> Baseline:
    """The baseline `--compare` names, read before the designer starts (raises LayoutError)."""
    if layout is None:
        raise file_error(spec, "--compare needs the layout to compare: orgdesign FILE --compare BASELINE")
    return read_baseline(spec, layout)
