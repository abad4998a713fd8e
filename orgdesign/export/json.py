"""JSON for d3-org-chart: a flat list of nodes with `id`, `parentId`, `name`, `positionName`.

d3-org-chart builds its tree with d3.stratify, which needs exactly one root and no cycles.
An org with several tops (or a reporting cycle, cut where it is entered) therefore gets one
extra node standing for the whole organisation, marked `"virtual": true`, above its tops; its
id is `__org__`, lengthened when a person has that id (d3.stratify needs unique ids).
Every other field of the person follows under its layout name, and the first node carries the
organisation itself (name, profile, settings, units) under `org`, so that `orgdesign import`
gives the same layout back. `<`, `>` and `&` are written as \\u escapes so the file can also be
pasted into an HTML <script> block safely.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from typing import Any

from orgdesign.export.forest import spanning_forest
from orgdesign.layout.schema import PERSON_FIELDS, field_values
from orgdesign.model import Kind, Org, Person, Waiver
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
    if nodes:
        nodes[0]["org"] = org_fields(org)
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


def waiver_objects(waivers: tuple[Waiver, ...]) -> list[dict[str, str]]:
    """Waivers as JSON objects `{"rule": CODE, "reason": why}` (the CSV export's `allow` cell holds them too)."""
    return [{"rule": waiver.rule, "reason": waiver.reason} for waiver in waivers]


JSON_VALUES: dict[Kind, Callable[[Any], object]] = {Kind.REFERENCES: list, Kind.WAIVERS: waiver_objects}
"""How a field of each kind whose value is a JSON list is written (the other kinds are JSON values already)."""


def layout_fields(leaving_out: Collection[str]) -> Callable[[Person, Severity | None], dict[str, object]]:
    """A function giving the person's layout fields but those `leaving_out`, in layout order under
    their layout names, then the worst finding's severity: what both JSON exports carry."""
    fields = [spec for spec in PERSON_FIELDS if spec.name not in leaving_out]
    keys = [spec.name for spec in fields]
    values = field_values(fields, JSON_VALUES)

    def person_fields(person: Person, worst: Severity | None) -> dict[str, object]:
        named: dict[str, object] = dict(zip(keys, values(person), strict=True))
        named["severity"] = worst.label if worst is not None else None
        return named

    return person_fields


_node_fields = layout_fields(leaving_out=("id", "name"))


def _node(person: Person, parent_id: str | None, worst: Severity | None) -> dict:
    return {
        "id": person.id,
        "parentId": parent_id,
        "name": person.name,
        "positionName": person.display_role,
        **_node_fields(person, worst),
    }


def org_fields(org: Org) -> dict[str, object]:
    """What the layout says about the organisation as a whole, as JSON values (every export that carries it)."""
    settings = org.settings
    return {
        "name": org.name,
        "profile": org.profile,
        "settings": {
            "max_span": settings.max_span,
            "max_layers": settings.max_layers,
            "disable": list(settings.disable),
            "aliases": list(settings.aliases),
        },
        "units": [{"id": unit.id, "name": unit.name} for unit in org.units],
    }
