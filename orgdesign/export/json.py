"""JSON for d3-org-chart: a flat list of nodes with `id`, `parentId`, `name`, `positionName`.

d3-org-chart builds its tree with d3.stratify, which needs exactly one root and no cycles.
An org with several tops (or a reporting cycle, cut where it is entered) therefore gets one
extra node standing for the whole organisation, marked `"virtual": true`, above its tops; its
id is `__org__`, lengthened when a person has that id (d3.stratify needs unique ids).
Every other field of the person follows under its layout name. `<`, `>` and `&` are written
as \\u escapes so the file can also be pasted into an HTML <script> block safely.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

VIRTUAL_ROOT_ID = "__org__"
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def export_json(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org as a JSON array of d3-org-chart nodes."""
    severity = severity or {}
    forest = spanning_forest(org)
    parent = forest.parent()
    needs_root = len(forest.roots) > 1
    root_id = virtual_root_id(org)
    nodes = []
    if needs_root:
        nodes.append(_virtual_root(org, root_id))
    for pid in forest.order:
        parent_id = parent.get(pid, root_id if needs_root else None)
        nodes.append(_node(org[pid], parent_id, severity.get(pid)))
    # Only `<`, `>`, `&` and the JS line separators are replaced, and they can only occur
    # inside JSON strings, so the replacement cannot change the structure.
    return json.dumps(nodes, ensure_ascii=False, indent=2).translate(SCRIPT_SAFE) + "\n"


def virtual_root_id(org: Org) -> str:
    """`VIRTUAL_ROOT_ID`, with as many `_` added as it takes to differ from every person's id."""
    root_id = VIRTUAL_ROOT_ID
    while root_id in org:
        root_id += "_"
    return root_id


def _virtual_root(org: Org, root_id: str) -> dict:
    return {"id": root_id, "parentId": None, "name": org.name, "positionName": "", "virtual": True}


def _node(person: Person, parent_id: str | None, worst: Severity | None) -> dict:
    return {
        "id": person.id,
        "parentId": parent_id,
        "name": person.name,
        "positionName": person.display_role,
        "role": person.role,
        "title": person.title,
        "reports_to": person.reports_to,
        **layout_fields(person, worst),
    }


def layout_fields(person: Person, worst: Severity | None) -> dict[str, object]:
    """The person's fields beyond who they are and where they sit, shared by both JSON exports."""
    return {
        "dotted_to": list(person.dotted_to),
        "unit": person.unit,
        "product": person.product,
        "years_pm": person.years_pm,
        "vacancy": person.vacancy,
        "notes": person.notes,
        "allow": [{"rule": w.rule, "reason": w.reason} for w in person.allow],
        "severity": worst.label if worst is not None else None,
    }
