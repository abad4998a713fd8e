"""`orgdesign validate FILE...`: check layouts against the rules, like a linter.

Exit status: 0 no unwaived errors; 1 unwaived errors (or, with --strict, any unwaived
warning); 2 a file could not be used (its errors are printed, the other files are still
checked). `--fix` applies the fixes marked safe, saves each file atomically and prints
(on stderr, so machine-readable output stays clean) what it changed.
"""

from __future__ import annotations

import argparse

from orgdesign.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, fail, report_errors, report_warnings
from orgdesign.findings_output import FORMATS, FileResult, renderer
from orgdesign.layout import LayoutError, SaveConflict, SaveError, open_layout, save_layout
from orgdesign.model import PROFILES
from orgdesign.rules import Severity, Validator
from orgdesign.rules.fixing import apply_safe_fixes
from orgdesign.text import printable, say, warn


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("files", nargs="+", metavar="FILE", help="layout files to check")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument("--show-waived", action="store_true", help="also list findings waived in the layout")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes and save each file")
    parser.add_argument("--profile", choices=PROFILES, help="check under this profile instead of the layout's")


def run(args: argparse.Namespace) -> int:
    results: list[FileResult] = []
    unusable = False
    for path in args.files:
        result = check_file(path, args)
        if result is None:
            unusable = True
        else:
            results.append(result)
    if results or args.format != "text":  # machine formats always give their consumer a document
        say(renderer(args.format)(results, args.show_waived), end="")
    if unusable:
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if fails(results, strict=args.strict) else EXIT_OK


def check_file(path: str, args: argparse.Namespace) -> FileResult | None:
    """The findings of one file, or None (errors printed) when it cannot be used."""
    try:
        org, stamp = open_layout(path)
    except LayoutError as error:
        report_errors(error)
        return None
    report_warnings(org)
    own_profile = org.profile
    if args.profile is not None:
        org.profile = args.profile
    validator = Validator(org)
    if args.fix:
        fixed = apply_safe_fixes(org, validator)
        if fixed:
            org.profile = own_profile
            try:
                save_layout(org, path, expected=stamp)
            except (SaveError, SaveConflict) as error:
                fail(path, str(error))
                return None
            for line in fixed:
                warn(printable(f"{path}: fixed {line}"))
            org.profile = args.profile or own_profile
            validator.refresh_all()
    return FileResult(path, validator.findings)


def fails(results: list[FileResult], *, strict: bool) -> bool:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(f.waived is None and f.severity in failing for r in results for f in r.findings)
