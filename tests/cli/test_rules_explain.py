"""`orgdesign rules` and `orgdesign explain CODE`."""

from __future__ import annotations

from orgdesign.cli import main
from orgdesign.rules import RULES


def test_rules_lists_the_whole_catalogue(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0] == "ORG001  error    reporting cycle  [all profiles]"
    assert any(line.startswith("PRD110  warning") and line.endswith("[scaleup, enterprise]") for line in lines)


def test_explain_prints_rationale_sources_and_fix(capsys):
    assert main(["explain", "prd101"]) == 0
    out = capsys.readouterr().out
    rule = RULES["PRD101"]
    assert out.startswith(
        "PRD101: product manager reports to the CTO\nseverity: error\nprofiles: startup, scaleup, enterprise\n"
    )
    assert "sources: 000_d015a0fb67236ba5.txt" in out
    assert f"fix: {rule.fix_summary} (applied by validate --fix)" in out
    assert " ".join(rule.rationale.split()[:6]) in " ".join(out.split())


def test_explain_shows_profile_relaxations(capsys):
    assert main(["explain", "PRD108"]) == 0
    assert (
        "in enterprise: a Head of Product reporting to a VP or Director of Product is accepted"
        in capsys.readouterr().out
    )


def test_explain_of_a_rule_without_a_fix(capsys):
    assert main(["explain", "SPN201"]) == 0
    assert "fix: none (needs a human decision)" in capsys.readouterr().out


def test_an_unknown_code_is_one_line_with_the_closest_code(capsys):
    assert main(["explain", "PRD1O1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "unknown rule code 'PRD1O1'; did you mean PRD101?" in captured.err
