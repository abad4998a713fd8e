"""SARIF 2.1.0: every rule of the catalogue with its description and help, and the results.

Waived findings (with `--show-waived`) appear as results with an in-source suppression
carrying the waiver's reason, which is how code-scanning tools show accepted exceptions.
"""

from __future__ import annotations

from typing import Any

from orgdesign.findings_output import FileResult
from orgdesign.rules import RULES, Rule
from orgdesign.rules.finding import Finding, Severity
from orgdesign.rules.sources import cite, title_of
from orgdesign.text import json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/orgdesign/orgdesign"
CATALOGUE = HOME + "#catalogue"
"""Where the README's rule catalogue is: each rule's `helpUri`."""
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(results: list[FileResult], show_waived: bool = False) -> str:
    codes = sorted(RULES)
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "orgdesign",
                "informationUri": HOME,
                "rules": [descriptor(RULES[code]) for code in codes],
            }
        },
        "results": [result_of(r.path, f, index) for r in results for f in r.shown(show_waived)],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(document)


def descriptor(rule: Rule) -> dict[str, Any]:
    cited = "; ".join(cite(file) for file in rule.sources) or f"none ({rule.basis.meaning})"
    help_text = f"{rule.rationale} Basis: {rule.basis}. Sources: {cited}."
    if rule.fix_summary is not None:
        help_text += f" Fix: {rule.fix_summary}."
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in rule.title.replace("'", "").split()),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "helpUri": CATALOGUE,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "basis": str(rule.basis),
            "sources": [{"file": file, "title": title_of(file)} for file in rule.sources],
            "profiles": sorted(rule.profiles),
        },
    }


def result_of(path: str, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": path},
                    "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
                }
            }
        ],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix}
    if finding.waived is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.waived.reason}]
    return result
