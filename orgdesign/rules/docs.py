"""README sections generated from the registry, so the documentation cannot drift.

    python -m orgdesign.rules.docs README.md

rewrites the text between `<!-- rules:start -->` / `<!-- rules:end -->` and
`<!-- profiles:start -->` / `<!-- profiles:end -->` in place.
"""

from __future__ import annotations

import sys

from orgdesign.model import DEFAULT_PROFILE, PROFILES
from orgdesign.readme_sections import rewrite_readme, rewrite_sections
from orgdesign.rules import RULES
from orgdesign.rules.profiles import PROFILE_SOURCES, PROFILE_SUMMARIES, RELAXATIONS
from orgdesign.rules.registry import Basis
from orgdesign.rules.sources import cite


def rule_table_markdown() -> str:
    lines = [
        "| Code | Severity | Basis | Title | Profiles | Fix | Sources |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        fix = "none" if rule.fix_summary is None else rule.fix_summary + (" (safe)" if rule.safe_fix else "")
        lines.append(
            f"| {rule.code} | {rule.severity.label} | {rule.basis} | {_cell(rule.title)} | {_profiles(rule.profiles)} "
            f"| {_cell(fix)} | {_sources(rule.sources)} |"
        )
    lines += ["", "Basis:", ""]
    lines += [f"- *{basis}*: {basis.meaning}." for basis in Basis]
    return "\n".join(lines)


def profile_table_markdown() -> str:
    lines = ["| Profile | What it assumes | Rules off | Rules relaxed | Sources |", "| --- | --- | --- | --- | --- |"]
    for profile in PROFILES:
        off = [code for code, rule in sorted(RULES.items()) if profile not in rule.profiles]
        relaxed = [f"{code}: {text}" for code, text in sorted(RELAXATIONS.get(profile, {}).items())]
        name = f"{profile} (default)" if profile == DEFAULT_PROFILE else profile
        lines.append(
            f"| {name} | {_cell(PROFILE_SUMMARIES[profile])} | {', '.join(off) or 'none'} "
            f"| {_cell('; '.join(relaxed)) or 'none'} | {_sources(PROFILE_SOURCES[profile])} |"
        )
    return "\n".join(lines)


GENERATORS = {"rules": rule_table_markdown, "profiles": profile_table_markdown}


def rewrite(text: str) -> str:
    """`text` with every generated section replaced by the current tables."""
    return rewrite_sections(text, GENERATORS)


def _profiles(profiles: frozenset[str]) -> str:
    return "all" if profiles == frozenset(PROFILES) else ", ".join(p for p in PROFILES if p in profiles)


def _sources(files: tuple[str, ...]) -> str:
    return _cell("; ".join(cite(file) for file in files)) or "none"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str]) -> int:
    return rewrite_readme(argv, "orgdesign.rules.docs", GENERATORS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
