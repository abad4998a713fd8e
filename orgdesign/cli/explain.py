"""`orgdesign explain CODE`: a rule's title, severity, basis, profiles, rationale, sources (by title) and fix."""

from __future__ import annotations

import argparse
import difflib
import textwrap

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE
from orgdesign.model import PROFILES
from orgdesign.rules import RULES, Rule
from orgdesign.rules.profiles import PROFILE_SOURCES, RELAXATIONS
from orgdesign.rules.registry import Basis, retirement_notice, successor
from orgdesign.rules.sources import cite
from orgdesign.text import say, warn


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("code", metavar="CODE", help="a rule code, e.g. PRD101")


def run(args: argparse.Namespace) -> int:
    code = args.code.strip().upper()
    notice = retirement_notice(code)
    if notice is not None:
        live = successor(code)
        say(notice if live is None else f"{notice}\n\n{explanation(RULES[live])}")
        return EXIT_OK
    rule = RULES.get(code)
    if rule is None:
        warn(f"orgdesign explain: error: {unknown(args.code)}")
        return EXIT_UNUSABLE
    say(explanation(rule))
    return EXIT_OK


def unknown(code: str) -> str:
    """'unknown rule code ...' with the closest code in the catalogue as a suggestion."""
    wanted = code.strip().upper()
    closest = max(sorted(RULES), key=lambda known: _likeness(wanted, known))
    return f"unknown rule code {code!r}; did you mean {closest}? (`orgdesign rules` lists them all)"


def _likeness(wanted: str, known: str) -> tuple[int, float]:
    """Characters in the same place first (typos keep the shape of a code), then similarity."""
    same_place = sum(a == b for a, b in zip(wanted, known, strict=False))
    return same_place, difflib.SequenceMatcher(None, wanted, known).ratio()


def explanation(rule: Rule) -> str:
    profiles = ", ".join(p for p in PROFILES if p in rule.profiles)
    lines = [
        f"{rule.code}: {rule.title}",
        f"severity: {rule.severity.label}",
        f"basis: {rule.basis} ({rule.basis.meaning})",
        f"profiles: {profiles}",
    ]
    for profile, notes in RELAXATIONS.items():
        if rule.code in notes:
            lines.append(f"  in {profile}: {notes[rule.code]}, as described in")
            lines += [f"    {cite(file)}" for file in PROFILE_SOURCES[profile]]
    lines += ["", *textwrap.wrap(rule.rationale, 88), "", *_sources_lines(rule)]
    if rule.fix_summary is None:
        lines.append("fix: none (needs a human decision)")
    else:
        lines.append(f"fix: {rule.fix_summary}" + (" (applied by validate --fix)" if rule.safe_fix else ""))
    return "\n".join(lines)


def _sources_lines(rule: Rule) -> list[str]:
    if not rule.sources:
        what = "a convention, not a document's claim" if rule.basis is Basis.PRACTICE else "the layout's own integrity"
        return [f"sources: none; the rule rests on {what}"]
    return ["sources:", *(f"  {cite(file)}" for file in rule.sources)]
