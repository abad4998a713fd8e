"""`orgdesign rules` and `orgdesign explain CODE`."""

from __future__ import annotations

from orgdesign.cli import main
from orgdesign.rules import RULES


def test_rules_lists_the_whole_catalogue(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0] == "ORG001  error    structure  reporting cycle  [all profiles]"
    assert any(
        line.startswith("PRD110  warning  documents") and line.endswith("[scaleup, enterprise]") for line in lines
    )
    assert any(line.startswith("SPN201  warning  practice ") for line in lines)


def test_explain_prints_basis_rationale_sources_by_title_and_fix(capsys):
    assert main(["explain", "prd101"]) == 0
    out = capsys.readouterr().out
    rule = RULES["PRD101"]
    assert out.startswith(
        "PRD101: product manager reports to the CTO\nseverity: error\n"
        "basis: documents (a claim the cited documents make)\nprofiles: startup, scaleup, enterprise\n"
    )
    assert "sources:\n  “Quick Answer: What Makes A Good Head Of Product?” (000_d015a0fb67236ba5.txt)\n" in out
    assert f"fix: {rule.fix_summary} (applied by validate --fix)" in out
    assert " ".join(rule.rationale.split()[:6]) in " ".join(out.split())


def test_explain_shows_profile_relaxations(capsys):
    assert main(["explain", "PRD108"]) == 0
    assert (
        "in enterprise: a Head of Product reporting to a VP or Director of Product is accepted, as described in\n"
        "    “Along with the rest of the management team, I need to be…” (004_eaf7f82e3fc8070d.txt)\n"
        "    “What Should a Head of Product Do?” (002_cfaadbc18d6280c4.txt)\n" in capsys.readouterr().out
    )


def test_explain_of_a_practice_rule_without_a_fix_cites_no_document(capsys):
    assert main(["explain", "SPN201"]) == 0
    out = capsys.readouterr().out
    assert "fix: none (needs a human decision)" in out
    assert "\nbasis: practice (" in out
    assert "sources: none; the rule rests on a convention, not a document's claim" in out
    assert ".txt" not in out


def test_explain_of_a_structure_rule(capsys):
    assert main(["explain", "ORG001"]) == 0
    out = capsys.readouterr().out
    assert "\nbasis: structure (" in out and "sources: none; the rule rests on the layout's own integrity" in out


def test_an_unknown_code_is_one_line_with_the_closest_code(capsys):
    assert main(["explain", "PRD1O1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "unknown rule code 'PRD1O1'; did you mean PRD101?" in captured.err
