"""Graphviz DOT: a digraph that `dot` accepts as is.

Ids and labels are double-quoted strings. Inside them `"` and `\\` are escaped, a line
break becomes `\\n` (a centred line break in a label) and other control characters are
dropped, so no name can end a string early or smuggle in a label escape such as `\\N`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n"})

COLOURS = {
    Severity.INFO: ("#e8f1fd", "#2f6fd1"),
    Severity.WARNING: ("#fff4d6", "#b7791f"),
    Severity.ERROR: ("#fde4e4", "#c53030"),
}


def dot_string(text: str) -> str:
    """`text` as a DOT double-quoted string, quotes included."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return '"' + text.translate(_ESCAPES) + '"'


def export_dot(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org as a top-down `digraph`; dotted lines are dashed and do not affect ranks."""
    severity = severity or {}
    forest = spanning_forest(org)
    lines = [
        f"digraph {dot_string(org.name)} {{",
        '    graph [rankdir=TB, charset="UTF-8"];',
        '    node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#5f6b7a", fontname="Helvetica"];',
        '    edge [color="#7b8794", arrowhead=none];',
    ]
    lines.extend(f"    {dot_string(pid)} [{_attributes(org[pid], severity.get(pid))}];" for pid in forest.order)
    lines.extend(
        f"    {dot_string(pid)} -> {dot_string(report)};" for pid in forest.order for report in org.report_ids(pid)
    )
    lines.extend(
        f'    {dot_string(manager)} -> {dot_string(report)} [style=dashed, color="#8e6ac8", constraint=false];'
        for manager, report in org.dotted.edges()
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _attributes(person: Person, worst: Severity | None) -> str:
    role = person.display_role + (" (vacancy)" if person.vacancy else "")
    attributes = [f"label={dot_string(person.name + chr(10) + role)}"]
    if worst is not None:
        fill, stroke = COLOURS[worst]
        attributes.append(f'fillcolor="{fill}", color="{stroke}"')
    if person.vacancy:
        attributes.append('style="rounded,dashed"')
    return ", ".join(attributes)
