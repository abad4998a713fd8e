"""The `orgdesign` command: argparse front end that dispatches to one module per subcommand.

Each subcommand module exposes `add_parser(subparsers)` and `run(args) -> int`. Modules are
imported only when their subcommand runs, so `orgdesign validate` never pays for Textual.
Exit status: 0 fine, 1 findings with errors, 2 the input could not be used.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import NoReturn

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE, Unusable
from orgdesign.text import printable

# subcommand -> (module under orgdesign.cli, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "open": ("open_cmd", "open the designer on a layout (the default when FILE is given)"),
    "validate": ("validate", "check layouts against the rules, like a linter"),
    "rules": ("rules_cmd", "list the rule catalogue"),
    "explain": ("explain", "print a rule's basis, rationale, sources and fix"),
    "new": ("new", "create a layout from a shipped template"),
    "show": ("show", "print a layout as an indented tree with its findings"),
    "export": ("export", "export a layout as svg, mermaid, dot, csv, json or markdown"),
    "import": ("import_csv", "build a layout from an HR system's CSV, Excel or JSON export"),
    "stats": ("stats", "headcount, spans and layers of a layout"),
    "diff": ("diff", "what changed between two layouts"),
    "merge": ("merge", "three-way merge of layouts by person id (a git merge driver)"),
    "serve": ("serve", "serve the designer to a web browser (textual-serve)"),
}
"""Maps each subcommand to its module in orgdesign.cli and its one-line help."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("orgdesign")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "(not installed)"


def _load(module: str) -> ModuleType:
    return importlib.import_module(f"orgdesign.cli.{module}")


class GatedParser(argparse.ArgumentParser):
    """argparse quotes what was typed in its errors ('unrecognized arguments: ...'): show it through the gate.

    Subcommand parsers are made by the same class, so their errors are gated too.
    """

    def error(self, message: str) -> NoReturn:
        super().error(printable(message))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with `only`, just that subcommand is wired up (imports stay lazy)."""
    parser = GatedParser(
        prog="orgdesign",
        usage="orgdesign [FILE] | orgdesign COMMAND ...",
        description="Design product organisations in the terminal and lint them like code.",
        epilog="'orgdesign FILE' opens the designer on FILE; 'orgdesign' alone shows templates and recent layouts.",
    )
    parser.add_argument("--version", action="version", version=f"orgdesign {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in SUBCOMMANDS.items():
        if only is None or only == name:
            _load(module).add_parser(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _route(argv: list[str]) -> list[str]:
    """`orgdesign` and `orgdesign FILE` mean `orgdesign open [FILE]`."""
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        return ["open", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _route(list(sys.argv[1:] if argv is None else argv))
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        run: Callable[[argparse.Namespace], int] = _load(SUBCOMMANDS[args.command][0]).run
        return run(args)
    except Unusable:
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def entry_point() -> None:
    sys.exit(main())
