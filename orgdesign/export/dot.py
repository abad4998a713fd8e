"""Graphviz DOT: a digraph that `dot` accepts as is.

Ids and labels are double-quoted strings. Inside them `"` and `\\` are escaped, a line
break becomes `\\n` (a centred line break in a label) and other control characters are
dropped, so no name can end a string early or smuggle in a label escape such as `\\N`.
Graphviz reads `&name;` in a string as an entity, so `&` is written as `&amp;` (a name holding
`&amp;` is drawn as `&amp;`), and characters XML cannot carry (U+FFFE, U+FFFF, surrogates) are
dropped, so that `dot -Tsvg` writes SVG that XML parsers accept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import count

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

_UNDRAWABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "&": "&amp;"})

COLOURS = {
    Severity.INFO: ("#e8f1fd", "#2f6fd1"),
    Severity.WARNING: ("#fff4d6", "#b7791f"),
    Severity.ERROR: ("#fde4e4", "#c53030"),
}


def dot_string(text: str) -> str:
    """`text` as a DOT double-quoted string, quotes included."""
    text = _UNDRAWABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return '"' + text.translate(_ESCAPES) + '"'


def export_dot(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org as a top-down `digraph`; dotted lines are dashed and do not affect ranks."""
    severity = severity or {}
    forest = spanning_forest(org)
    node = node_names(org, forest.order)
    lines = [
        f"digraph {dot_string(org.name)} {{",
        '    graph [rankdir=TB, charset="UTF-8"];',
        '    node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#5f6b7a", fontname="Helvetica"];',
        '    edge [color="#7b8794", arrowhead=none];',
    ]
    lines.extend(f"    {node[pid]} [{_attributes(org[pid], severity.get(pid))}];" for pid in forest.order)
    lines.extend(f"    {node[pid]} -> {node[report]};" for pid in forest.order for report in org.report_ids(pid))
    lines.extend(
        f'    {node[manager]} -> {node[report]} [style=dashed, color="#8e6ac8", constraint=false];'
        for manager, report in org.dotted_lines()
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def node_names(org: Org, order: list[str]) -> dict[str, str]:
    """Person id -> DOT node name: the id as a string, unless writing it would change it.

    An id with a character `dot_string` drops or rewrites (control characters, a carriage
    return, characters XML cannot carry) could come out equal to another id, which would merge
    two people into one box; such an id gets a made-up name that no person's id has.
    """
    taken = set(order)
    made_up = (f"person-{index}" for index in count())
    names = {}
    for pid in order:
        if _UNDRAWABLE.search(pid) or "\r" in pid:
            name = next(name for name in made_up if name not in taken)
            taken.add(name)
            names[pid] = dot_string(name)
        else:
            names[pid] = dot_string(pid)
    return names


def _attributes(person: Person, worst: Severity | None) -> str:
    role = person.display_role + (" (vacancy)" if person.vacancy else "")
    attributes = [f"label={dot_string(person.name + chr(10) + role)}"]
    if worst is not None:
        fill, stroke = COLOURS[worst]
        attributes.append(f'fillcolor="{fill}", color="{stroke}"')
    if person.vacancy:
        attributes.append('style="rounded,dashed"')
    return ", ".join(attributes)
