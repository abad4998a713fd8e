"""`PATH:LINE:COL: CODE severity: message`, one finding per line, then a summary line.

Paths, messages (which quote names) and waiver reasons go through the terminal gate one line
at a time, so user text can neither drive the terminal nor start a line of its own.
"""

from __future__ import annotations

from orgdesign.findings_output import FileResult, counts_phrase, summary_counts, waived_count
from orgdesign.rules.finding import Finding
from orgdesign.text import counted, printable


def render(results: list[FileResult], show_waived: bool = False) -> str:
    lines = [line(result.path, f) for result in results for f in result.shown(show_waived)]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def line(path: str, finding: Finding) -> str:
    where = f"{printable(path)}:{finding.line}:{finding.column}"
    text = f"{where}: {finding.code} {finding.severity.label}: {printable(finding.message)}"
    if finding.waived is not None:
        text += f" (waived: {printable(finding.waived.reason)})"
    return text


def summary(results: list[FileResult]) -> str:
    text = f"{counts_phrase(summary_counts(results))} in {counted(len(results), 'file')}"
    waived = waived_count(results)
    return text + (f" ({waived} waived)" if waived else "")
