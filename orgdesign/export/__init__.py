"""Exporters: an org (plus the worst finding per person) to svg, mermaid, dot, csv, json, json-tree, markdown.

Every exporter has the same shape, `(org, severity) -> str`, where `severity` maps a person's
id to the worst unwaived finding about them. Exporters never run the rules themselves; the
CLI composes validation and export with `severity_by_person`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from orgdesign.export.csv import export_csv
from orgdesign.export.dot import export_dot
from orgdesign.export.json import export_json
from orgdesign.export.json_tree import export_json_tree
from orgdesign.export.markdown import export_markdown
from orgdesign.export.mermaid import export_mermaid
from orgdesign.export.svg import export_svg
from orgdesign.model import Org
from orgdesign.rules.finding import Finding, Severity

Exporter = Callable[[Org, Mapping[str, Severity]], str]

EXPORTERS: dict[str, Exporter] = {
    "svg": export_svg,
    "mermaid": export_mermaid,
    "dot": export_dot,
    "csv": export_csv,
    "json": export_json,
    "json-tree": export_json_tree,
    "markdown": export_markdown,
}

SUFFIXES: dict[str, str] = {
    ".svg": "svg",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".dot": "dot",
    ".gv": "dot",
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
}
"""File suffix -> format, for guessing `--format` from the output file's name."""


def severity_by_person(findings: Iterable[Finding]) -> dict[str, Severity]:
    """Person id -> the worst severity among the unwaived findings about them."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        if finding.person is None or finding.waived is not None:
            continue
        if finding.person not in worst or finding.severity > worst[finding.person]:
            worst[finding.person] = finding.severity
    return worst
