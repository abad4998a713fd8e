"""GitHub Actions workflow commands, one annotation per finding, so a pull request shows them.

    ::error file=PATH,line=L,col=C,title=CODE::message

User text (the path, and names quoted in messages) first goes through the terminal gate:
escape sequences would colour or erase lines of the CI log, and a line break would let a name
start a workflow command of its own (`::add-mask::`, `::stop-commands::`). Then the
workflow-command rules: `%` becomes `%25`, and in property values `:` and `,` are escaped too
(`%3A`, `%2C`). Info findings become notices. Waived findings are never annotated: they are
accepted exceptions.
"""

from __future__ import annotations

from orgdesign.findings_output import FileResult
from orgdesign.findings_output.text import summary
from orgdesign.rules.finding import Finding, Severity
from orgdesign.text import printable

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
    """A message: gated (no line breaks or controls left), then `%` encoded as the runner expects."""
    return printable(text).replace("%", "%25")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
