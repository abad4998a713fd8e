"""README sections generated from the registry, so the documentation cannot drift.

    python -m orgdesign.rules.docs README.md

rewrites the text between `<!-- rules:start -->` / `<!-- rules:end -->` and
`<!-- profiles:start -->` / `<!-- profiles:end -->` in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from orgdesign.model import DEFAULT_PROFILE, PROFILES
from orgdesign.rules import RULES
from orgdesign.rules.profiles import PROFILE_SOURCES, PROFILE_SUMMARIES, RELAXATIONS

SECTIONS = ("rules", "profiles")


def rule_table_markdown() -> str:
    lines = [
        "| Code | Severity | Title | Profiles | Fix | Sources |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        fix = "none" if rule.fix_summary is None else rule.fix_summary + (" (safe)" if rule.safe_fix else "")
        lines.append(
            f"| {rule.code} | {rule.severity.label} | {_cell(rule.title)} | {_profiles(rule.profiles)} "
            f"| {_cell(fix)} | {', '.join(rule.sources)} |"
        )
    return "\n".join(lines)


def profile_table_markdown() -> str:
    lines = ["| Profile | What it assumes | Rules off | Rules relaxed | Sources |", "| --- | --- | --- | --- | --- |"]
    for profile in PROFILES:
        off = [code for code, rule in sorted(RULES.items()) if profile not in rule.profiles]
        relaxed = [f"{code}: {text}" for code, text in sorted(RELAXATIONS.get(profile, {}).items())]
        name = f"{profile} (default)" if profile == DEFAULT_PROFILE else profile
        lines.append(
            f"| {name} | {_cell(PROFILE_SUMMARIES[profile])} | {', '.join(off) or 'none'} "
            f"| {_cell('; '.join(relaxed)) or 'none'} | {', '.join(PROFILE_SOURCES[profile])} |"
        )
    return "\n".join(lines)


def generated(section: str) -> str:
    return rule_table_markdown() if section == "rules" else profile_table_markdown()


def rewrite(text: str) -> str:
    """`text` with every generated section replaced by the current tables."""
    for section in SECTIONS:
        start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
        before, found, rest = text.partition(start)
        if not found or end not in rest:
            raise ValueError(f"the README has no {start} ... {end} section")
        text = f"{before}{start}\n{generated(section)}\n{end}{rest.partition(end)[2]}"
    return text


def _profiles(profiles: frozenset[str]) -> str:
    return "all" if profiles == frozenset(PROFILES) else ", ".join(p for p in PROFILES if p in profiles)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m orgdesign.rules.docs README.md", file=sys.stderr)
        return 2
    path = Path(argv[0])
    try:
        text = path.read_text(encoding="utf-8")
        updated = rewrite(text)
    except (OSError, ValueError) as error:
        print(f"{path}: error: {error}", file=sys.stderr)
        return 2
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
