"""JSON as one nested tree: each person an object whose `children` are their reports.

This is the shape dabeng/OrgChart (`datasource`) and many other chart libraries read. A tree
has one root, so an org with several tops (or a reporting cycle, cut where it is entered) gets
the same virtual root as the flat export, marked `"virtual": true`. Each object carries
`title` (the title, else the role's label, which a chart shows), `job_title` (the title as the
layout has it, null when unset) and every other field of the person under its layout name; the
root carries the organisation itself under `org`, so that `orgdesign import` gives the same
layout back. The text is written without recursion, one person per line, so a
10,000-deep chain is exported as easily as a flat org; `<`, `>` and `&` are \\u escapes as in
the flat export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.export.json import SCRIPT_SAFE, layout_fields, org_fields, virtual_root_id
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity


def export_json_tree(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org as one nested JSON object (see the module docstring)."""
    severity = severity or {}
    forest = spanning_forest(org)
    needs_root = len(forest.roots) != 1
    parts: list[str] = []
    if needs_root:
        root = {"id": virtual_root_id(org), "name": org.name, "title": "", "virtual": True, "org": org_fields(org)}
        parts.append(_opened(root))
    shift = 1 if needs_root else 0
    open_objects = shift
    first_child = True
    for index, pid in enumerate(forest.order):
        depth = forest.depth[pid] + shift
        while open_objects > depth:
            parts.append("]}")
            open_objects -= 1
            first_child = False
        parts.append(",\n" if not first_child else "\n" if parts else "")
        fields = _fields(org[pid], severity.get(pid))
        if index == 0 and not needs_root:
            fields["org"] = org_fields(org)
        parts.append(_opened(fields))
        open_objects += 1
        first_child = True
    parts.append("]}" * open_objects)
    return "".join(parts).translate(SCRIPT_SAFE) + "\n"


def _opened(fields: dict[str, object]) -> str:
    """The object's fields and the opening of its `children` list."""
    return json.dumps(fields, ensure_ascii=False)[:-1] + ', "children": ['


_layout_fields = layout_fields(leaving_out=("id", "name", "title"))


def _fields(person: Person, worst: Severity | None) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "title": person.display_role,
        "job_title": person.title,
        **_layout_fields(person, worst),
    }
