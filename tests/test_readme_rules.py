"""The README's rule and profile tables are generated from the registry and must not drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.rules import RULES
from orgdesign.rules.docs import main, profile_table_markdown, rewrite, rule_table_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_tables_match_the_registry():
    text = README.read_text(encoding="utf-8")
    assert rewrite(text) == text, "README drifted from the rule registry: run python -m orgdesign.rules.docs README.md"


def test_the_rule_table_lists_every_rule_once():
    table = rule_table_markdown()
    for code, rule in RULES.items():
        assert table.count(f"| {code} |") == 1
        assert rule.title in table


def test_the_profile_table_shows_what_each_profile_turns_off():
    table = profile_table_markdown()
    startup = next(line for line in table.splitlines() if line.startswith("| startup"))
    assert "PRD110" in startup
    assert "scaleup (default)" in table


def test_rewrite_replaces_stale_sections_and_keeps_the_rest(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "intro\n<!-- profiles:start -->\nold\n<!-- profiles:end -->\nmiddle\n"
        "<!-- rules:start -->\nstale | table\n<!-- rules:end -->\noutro\n",
        encoding="utf-8",
    )
    assert main([str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "stale" not in text and "old" not in text
    assert text.startswith("intro\n") and text.endswith("outro\n") and "\nmiddle\n" in text
    assert rule_table_markdown() in text and profile_table_markdown() in text


def test_a_readme_without_the_markers_is_an_error(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n", encoding="utf-8")
    assert main([str(readme)]) == 2
    assert "<!-- rules:start -->" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["a", "b"]])
def test_usage(argv):
    assert main(argv) == 2
