"""Findings to text: the formats `orgdesign validate` prints.

Every renderer takes the results of one run, a list of `FileResult`s in the order the files
were given, and returns the whole output as one string. Only unwaived findings count in the
summaries; waived ones are listed only when asked for (`show_waived`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from orgdesign.rules.finding import Finding, Severity
from orgdesign.text import counted


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    findings: list[Finding]
    """All findings of the file, waived ones included, worst first."""

    def shown(self, show_waived: bool) -> list[Finding]:
        return self.findings if show_waived else [f for f in self.findings if f.waived is None]


def count_phrases(counts: Mapping[Severity, int]) -> list[tuple[Severity, str]]:
    """Each severity, worst first, with its count in words ('1 error', '2 warnings', '0 info'),
    for views that style each count on its own."""
    return [
        (Severity.ERROR, counted(counts.get(Severity.ERROR, 0), "error")),
        (Severity.WARNING, counted(counts.get(Severity.WARNING, 0), "warning")),
        (Severity.INFO, f"{counts.get(Severity.INFO, 0)} info"),
    ]


def counts_phrase(counts: Mapping[Severity, int]) -> str:
    """'1 error, 2 warnings, 0 info': the way every summary states finding counts."""
    return ", ".join(phrase for _, phrase in count_phrases(counts))


def summary_counts(results: list[FileResult]) -> dict[Severity, int]:
    counts = {severity: 0 for severity in Severity}
    for result in results:
        for finding in result.findings:
            if finding.waived is None:
                counts[finding.severity] += 1
    return counts


def waived_count(results: list[FileResult]) -> int:
    return sum(1 for result in results for f in result.findings if f.waived is not None)


Renderer = Callable[[list[FileResult], bool], str]


def renderer(name: str) -> Renderer:
    """The renderer for a `--format` value (imported only when used)."""
    if name == "json":
        from orgdesign.findings_output.json_format import render
    elif name == "sarif":
        from orgdesign.findings_output.sarif import render
    elif name == "github":
        from orgdesign.findings_output.github import render
    else:
        from orgdesign.findings_output.text import render
    return render


FORMATS = ("text", "json", "sarif", "github")
