"""One JSON object: `{"findings": [...], "summary": {"error": N, "warning": N, "info": N}}`.

Each finding has path, line, column, code, severity, basis (documents, practice or
structure), person (null for org-wide findings), message, sources (each a document's file
name and title) and fix. With `--show-waived`, waived findings are listed too and only
they carry one more key, `waived`, with the reason; they never count in the summary.
"""

from __future__ import annotations

from typing import Any

from orgdesign.findings_output import FileResult, summary_counts
from orgdesign.rules.finding import Finding
from orgdesign.rules.registry import RULES
from orgdesign.rules.sources import title_of
from orgdesign.text import json_text


def render(results: list[FileResult], show_waived: bool = False) -> str:
    counts = summary_counts(results)
    document = {
        "findings": [entry(result.path, f) for result in results for f in result.shown(show_waived)],
        "summary": {severity.label: counts[severity] for severity in sorted(counts, reverse=True)},
    }
    return json_text(document)


def entry(path: str, finding: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": path,
        "line": finding.line,
        "column": finding.column,
        "code": finding.code,
        "severity": finding.severity.label,
        "basis": _basis(finding.code),
        "person": finding.person,
        "message": finding.message,
        "sources": [{"file": file, "title": title_of(file)} for file in finding.sources],
        "fix": finding.fix,
    }
    if finding.waived is not None:
        item["waived"] = finding.waived.reason
    return item


def _basis(code: str) -> str | None:
    rule = RULES.get(code)
    return None if rule is None else str(rule.basis)
