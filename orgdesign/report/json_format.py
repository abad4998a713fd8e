"""One JSON object: `{"findings": [...], "summary": {"error": N, "warning": N, "info": N}}`.

Each finding has path, line, column, code, severity, person (null for org-wide findings),
message, sources and fix. With `--show-waived`, waived findings are listed too and only
they carry one more key, `waived`, with the reason; they never count in the summary.
"""

from __future__ import annotations

from typing import Any

from orgdesign.report import FileResult, summary_counts
from orgdesign.rules.finding import Finding
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
        "person": finding.person,
        "message": finding.message,
        "sources": list(finding.sources),
        "fix": finding.fix,
    }
    if finding.waived is not None:
        item["waived"] = finding.waived.reason
    return item
