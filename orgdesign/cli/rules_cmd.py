"""`orgdesign rules`: the rule catalogue, one rule per line: code, severity, basis, title, profiles."""

from __future__ import annotations

import argparse

from orgdesign.cli.common import EXIT_OK
from orgdesign.model import PROFILES
from orgdesign.rules import RULES
from orgdesign.text import say


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    subparsers.add_parser(name, help=help_text, description=help_text)


def run(args: argparse.Namespace) -> int:
    for code in sorted(RULES):
        rule = RULES[code]
        profiles = (
            "all profiles"
            if rule.profiles == frozenset(PROFILES)
            else ", ".join(p for p in PROFILES if p in rule.profiles)
        )
        say(f"{code}  {rule.severity.label:<7}  {rule.basis:<9}  {rule.title}  [{profiles}]")
    return EXIT_OK
