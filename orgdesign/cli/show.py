"""`orgdesign show FILE`: the org as an indented tree, each person with their findings."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator

from orgdesign.cli.common import EXIT_FINDINGS, EXIT_OK, load_or_report
from orgdesign.findings_output import counts_phrase
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity
from orgdesign.text import counted, printable, say


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", metavar="FILE", help="the layout to print")
    parser.add_argument("--no-findings", action="store_true", help="print the tree only")


def run(args: argparse.Namespace) -> int:
    from orgdesign.rules import validate

    org = load_or_report(args.file)
    findings = [] if args.no_findings else [f for f in validate(org) if f.waived is None]
    by_person: dict[str | None, list] = {}
    for finding in findings:
        by_person.setdefault(finding.person, []).append(finding)
    say(printable(f"{org.name}  ({org.profile} profile, {counted(len(org), 'person', 'people')})"))
    for line in tree_lines(org, by_person):
        say(line)
    if findings:
        say()
    for finding in findings:
        say(f"{finding.code} {finding.severity.label}: {printable(finding.message)}")
    counts = Counter(finding.severity for finding in findings)
    if not args.no_findings:
        say(counts_phrase(counts))
    return EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK


def describe(person: Person) -> str:
    """One tree line's text: name, role or title, and a vacancy marker."""
    vacancy = " (vacant)" if person.vacancy else ""
    return printable(f"{person.name} - {person.display_role}{vacancy}")


MAX_INDENT_LEVELS = 40
"""Deeper people are indented no further and marked `[depth N]`: indenting each of them by
their full depth would make the output grow with the square of the depth (a 10,000-deep
chain would print 200 MB)."""


def tree_lines(org: Org, findings_by_person: dict) -> Iterator[str]:
    """Box-drawing tree lines in tree order, built without recursion (deep orgs are fine).

    Each top starts a tree; people caught in a reporting cycle start one at the first member
    `tree_order` reaches, so everyone is printed exactly once.
    """
    seen: set[str] = set()
    for start in org.tree_order():
        if start.id in seen:
            continue
        stack = [(start.id, "", True, 0)]
        while stack:
            pid, prefix, last, depth = stack.pop()
            seen.add(pid)
            branch = "" if depth == 0 else ("└── " if last else "├── ")
            marker = f"[depth {depth}] " if depth > MAX_INDENT_LEVELS else ""
            yield prefix + branch + marker + describe(org[pid]) + _badges(findings_by_person.get(pid, []))
            child_prefix = prefix
            if 0 < depth < MAX_INDENT_LEVELS:
                child_prefix += "    " if last else "│   "
            reports = [r for r in org.report_ids(pid) if r not in seen]
            for index in range(len(reports) - 1, -1, -1):
                stack.append((reports[index], child_prefix, index == len(reports) - 1, depth + 1))


def _badges(findings: list) -> str:
    if not findings:
        return ""
    return "  <- " + ", ".join(f"{f.code} {f.severity.label}" for f in findings)
