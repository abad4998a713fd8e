"""One field table: every format follows `PERSON_FIELDS`, so a new person field is one line in `Person`.

The sample below has a value for each kind of field: a field of a new kind fails here until
each format can write and read it.
"""

from __future__ import annotations

import dataclasses
import json
import re

from orgdesign.export.csv import COLUMNS, export_csv
from orgdesign.export.json import export_json
from orgdesign.export.json_tree import export_json_tree
from orgdesign.importing.csv_import import import_csv
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.layout.canonical import read_canonical
from orgdesign.layout.schema import PERSON_FIELDS
from orgdesign.model import Kind, Org, Person, Unit, Waiver
from orgdesign.rules import known_codes

PERSON_KEYS = tuple(spec.name for spec in PERSON_FIELDS)
SAMPLE_VALUES: dict[Kind, object] = {
    Kind.ID: "everything",
    Kind.TEXT: "Some text",
    Kind.ROLE: "senior_pm",
    Kind.REFERENCE: "boss",
    Kind.REFERENCES: ("boss",),
    Kind.UNIT: "payments",
    Kind.COUNT: 7,
    Kind.FLAG: True,
    Kind.WAIVERS: (Waiver(sorted(known_codes())[0], "accepted for the test"),),
}
"""A value for each kind that differs from every default."""


def org_with_every_field_set() -> tuple[Org, Person]:
    everything = Person(**{spec.name: SAMPLE_VALUES[spec.kind] for spec in PERSON_FIELDS})
    boss = Person("boss", "Boss", "ceo")
    return Org("Acme", [boss, everything], units=[Unit("payments", "Payments")]), everything


def test_the_layout_fields_are_the_first_fields_of_person_in_the_order_a_layout_writes_them():
    names = [spec.name for spec in dataclasses.fields(Person)]
    assert tuple(names[: len(PERSON_FIELDS)]) == PERSON_KEYS
    assert all(spec.default is dataclasses.MISSING for spec in PERSON_FIELDS if spec.required)
    assert all(SAMPLE_VALUES[spec.kind] != spec.default for spec in PERSON_FIELDS)


def test_every_field_is_written_in_table_order_and_read_back_by_both_readers():
    org, everything = org_with_every_field_set()
    text = dump_layout(org)
    block = text[text.index("  - id: everything") :]
    keys = [match[1] for match in re.finditer(r"^(?:  - |    )([a-z_]+):", block, re.MULTILINE)]
    assert keys == list(PERSON_KEYS)
    canonical = read_canonical(text, None)
    assert canonical is not None and canonical["everything"] == everything
    full = loads_layout(text + "\n")  # a blank line at the end: not canonical, so the full reader reads it
    assert full["everything"] == everything
    assert (canonical["everything"].line, canonical["everything"].column) == (
        full["everything"].line,
        full["everything"].column,
    )


def test_every_field_survives_a_csv_export_and_import():
    org, everything = org_with_every_field_set()
    assert COLUMNS[: len(PERSON_KEYS)] == PERSON_KEYS
    assert import_csv(export_csv(org)).org["everything"] == everything


def test_both_json_exports_carry_every_field_under_its_layout_name():
    org, everything = org_with_every_field_set()
    [node] = [node for node in json.loads(export_json(org)) if node["id"] == "everything"]
    tree = json.loads(export_json_tree(org))
    [child] = tree["children"]
    for spec in PERSON_FIELDS:
        assert spec.name in node, spec.name
        if spec.name not in ("title", "reports_to"):  # the tree shows the shown title and nests people instead
            assert spec.name in child, spec.name
    assert node["years_pm"] == everything.years_pm and node["allow"][0]["reason"] == "accepted for the test"
