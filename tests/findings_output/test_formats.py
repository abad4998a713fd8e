"""Output formats: text lines, the JSON shape, SARIF structure, GitHub escaping."""

from __future__ import annotations

import json

from orgdesign.findings_output import FileResult, github, json_format, sarif, text
from orgdesign.model import Waiver
from orgdesign.rules import RULES, Finding, Severity

ERROR = Finding(
    "PRD101",
    Severity.ERROR,
    "lee",
    "Lee Park (Product Manager) reports to Sam Ortiz (CTO): "
    "a product manager's line should not run through engineering",
    RULES["PRD101"].sources,
    "move Lee Park under Maya Chen (Head of Product)",
    line=14,
    column=5,
)
INFO = Finding(
    "SPN202", Severity.INFO, "ana", "Ana, 100% sure: one report\nnext", ("004_eaf7f82e3fc8070d.txt",), line=3, column=5
)
WAIVED = Finding(
    "ORG003",
    Severity.WARNING,
    "bo",
    "Bo (CTO) has no manager",
    (),
    line=7,
    column=5,
    waived=Waiver("ORG003", "contractor pool"),
)
RESULTS = [FileResult("org.yaml", [ERROR, WAIVED, INFO]), FileResult("b,c:d.yaml", [])]


def test_text_prints_one_line_per_finding_then_a_summary():
    out = text.render(RESULTS).splitlines()
    assert out[0] == f"org.yaml:14:5: PRD101 error: {ERROR.message}"
    assert out[1] == "org.yaml:3:5: SPN202 info: Ana, 100% sure: one report\\nnext"
    assert out[-1] == "1 error, 0 warnings, 1 info in 2 files (1 waived)"
    assert len(out) == 3


def test_text_lists_waived_findings_only_when_asked():
    out = text.render(RESULTS, True).splitlines()
    assert "org.yaml:7:5: ORG003 warning: Bo (CTO) has no manager (waived: contractor pool)" in out


def test_json_has_exactly_the_documented_shape():
    document = json.loads(json_format.render(RESULTS))
    assert set(document) == {"findings", "summary"}
    assert document["summary"] == {"error": 1, "warning": 0, "info": 1}
    first = document["findings"][0]
    assert first == {
        "path": "org.yaml",
        "line": 14,
        "column": 5,
        "code": "PRD101",
        "severity": "error",
        "basis": "documents",
        "person": "lee",
        "message": ERROR.message,
        "sources": [{"file": "000_d015a0fb67236ba5.txt", "title": "Quick Answer: What Makes A Good Head Of Product?"}],
        "fix": ERROR.fix,
    }
    assert [f["code"] for f in document["findings"]] == ["PRD101", "SPN202"]


def test_json_with_waived_findings_marks_them():
    document = json.loads(json_format.render(RESULTS, True))
    waived = [f for f in document["findings"] if "waived" in f]
    assert [(f["code"], f["waived"]) for f in waived] == [("ORG003", "contractor pool")]
    assert document["summary"]["warning"] == 0


def test_org_wide_findings_have_a_null_person():
    org_wide = Finding("ORG003", Severity.WARNING, None, "two tops", (), line=1, column=1)
    document = json.loads(json_format.render([FileResult("x.yaml", [org_wide])]))
    assert document["findings"][0]["person"] is None


def test_sarif_describes_every_rule_and_locates_every_result():
    document = json.loads(sarif.render(RESULTS, True))
    assert document["version"] == "2.1.0" and "sarif" in document["$schema"]
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == set(RULES)
    prd101 = next(r for r in rules if r["id"] == "PRD101")
    assert prd101["shortDescription"]["text"] == RULES["PRD101"].title
    assert prd101["fullDescription"]["text"] == RULES["PRD101"].rationale
    assert "“Quick Answer: What Makes A Good Head Of Product?” (000_d015a0fb67236ba5.txt)" in prd101["help"]["text"]
    assert prd101["helpUri"].startswith("https://") and prd101["helpUri"].endswith("#catalogue")
    assert prd101["properties"]["basis"] == "documents"
    assert prd101["properties"]["sources"] == [
        {"file": "000_d015a0fb67236ba5.txt", "title": "Quick Answer: What Makes A Good Head Of Product?"}
    ]
    spn201 = next(r for r in rules if r["id"] == "SPN201")
    assert spn201["properties"]["basis"] == "practice" and spn201["properties"]["sources"] == []
    assert "Basis: practice. Sources: none" in spn201["help"]["text"]
    assert prd101["defaultConfiguration"]["level"] == "error"
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == "PRD101"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "org.yaml"
    assert location["region"] == {"startLine": 14, "startColumn": 5}
    assert results[1]["suppressions"] == [{"kind": "inSource", "justification": "contractor pool"}]


def test_github_annotations_escape_data_and_properties():
    out = github.render([FileResult("b,c:d.yaml", [INFO, WAIVED])]).splitlines()
    assert out[0] == (
        "::notice file=b%2Cc%3Ad.yaml,line=3,col=5,title=SPN202 info::Ana, 100%25 sure: one report\\nnext"
    )
    assert len(out) == 2  # the waived finding is not annotated; then the summary
    assert github.escape_data("a\r\nb%") == "a\\r\\nb%25"
    assert github.escape_property("x:y,z%") == "x%3Ay%2Cz%25"


def test_github_uses_error_and_warning_commands():
    warning = Finding("SPN201", Severity.WARNING, "ana", "wide", (), line=2, column=3)
    out = github.render([FileResult("o.yaml", [ERROR, warning])]).splitlines()
    assert out[0].startswith("::error file=o.yaml,line=14,col=5,title=PRD101 error::")
    assert out[1] == "::warning file=o.yaml,line=2,col=3,title=SPN201 warning::wide"
