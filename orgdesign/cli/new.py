"""`orgdesign new FILE --template NAME`: start a layout from a shipped template."""

from __future__ import annotations

import argparse
from pathlib import Path

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE, fail, report_errors
from orgdesign.text import counted, printable, say


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    from orgdesign.templates import list_templates

    names = [t.name for t in list_templates()]
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", metavar="FILE", help="the layout file to create")
    parser.add_argument(
        "--template", "-t", default="scaleup", choices=names, help="template to start from (default: scaleup)"
    )
    parser.add_argument("--name", help="name of the new org (default: the template's)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from orgdesign.edits import SetOrgField
    from orgdesign.layout import LayoutError, SaveError, load_layout, save_layout
    from orgdesign.templates import template_path

    target = Path(args.file)
    if target.exists() and not args.force:
        fail(args.file, "file exists; choose another name or pass --force to overwrite it")
        return EXIT_UNUSABLE
    if target.is_dir():
        fail(args.file, "is a directory; give the path of a .yaml file to create")
        return EXIT_UNUSABLE
    try:
        org = load_layout(template_path(args.template))
    except LayoutError as error:  # a broken installation, not user input
        report_errors(error)
        return EXIT_UNUSABLE
    if args.name:
        SetOrgField("name", args.name).apply(org)
    try:
        save_layout(org, target, backup=False)
    except SaveError as error:
        fail(args.file, str(error))
        return EXIT_UNUSABLE
    say(f"created {printable(args.file)} from template {args.template} ({counted(len(org), 'person', 'people')})")
    return EXIT_OK
