"""GitHub Actions workflow commands, one annotation per finding, so a pull request shows them.

    ::error file=PATH,line=L,col=C,title=CODE::message

Escaping follows the workflow-command rules: in the message `%`, CR and LF become `%25`,
`%0D`, `%0A`; in property values `:` and `,` are escaped too (`%3A`, `%2C`). Info findings
become notices. Waived findings are never annotated: they are accepted exceptions.
"""

from __future__ import annotations

from orgdesign.report import FileResult
from orgdesign.report.text import summary
from orgdesign.rules.finding import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(results: list[FileResult], show_waived: bool = False) -> str:
    lines = [annotation(r.path, f) for r in results for f in r.findings if f.waived is None]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def annotation(path: str, finding: Finding) -> str:
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", path),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("title", f"{finding.code} {finding.severity.label}"),
        )
    )
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
