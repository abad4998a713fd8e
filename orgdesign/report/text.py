"""`PATH:LINE:COL: CODE severity: message`, one finding per line, then a summary line."""

from __future__ import annotations

from orgdesign.report import FileResult, counted, counts_phrase, summary_counts, waived_count
from orgdesign.rules.finding import Finding


def render(results: list[FileResult], show_waived: bool = False) -> str:
    lines = [line(result.path, f) for result in results for f in result.shown(show_waived)]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def line(path: str, finding: Finding) -> str:
    text = (
        f"{path}:{finding.line}:{finding.column}: {finding.code} {finding.severity.label}: {one_line(finding.message)}"
    )
    if finding.waived is not None:
        text += f" (waived: {one_line(finding.waived.reason)})"
    return text


def summary(results: list[FileResult]) -> str:
    text = f"{counts_phrase(summary_counts(results))} in {counted(len(results), 'file')}"
    waived = waived_count(results)
    return text + (f" ({waived} waived)" if waived else "")


def one_line(text: str) -> str:
    """User text on one line: line breaks and tabs shown as escapes."""
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
