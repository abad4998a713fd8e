"""`orgdesign [FILE]` / `orgdesign open [FILE]`: the designer (Textual is imported only here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from orgdesign.cli import EXIT_OK, EXIT_UNUSABLE
from orgdesign.cli.common import report_errors
from orgdesign.keymap import KeymapError, keymap_path, read_keymap


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_text,
        description="Open the designer; with no FILE, a start screen lists templates and recent layouts.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="layout to open (YAML)")


def run(args: argparse.Namespace) -> int:
    from orgdesign.tui.app import OrgDesignApp
    from orgdesign.tui.keys import known_binding_ids

    try:
        keymap = read_keymap(keymap_path(), known_binding_ids())
    except KeymapError as error:
        report_errors(error)
        return EXIT_UNUSABLE
    app = OrgDesignApp(args.file, keymap=keymap)
    app.run()
    return app.return_code or EXIT_OK
