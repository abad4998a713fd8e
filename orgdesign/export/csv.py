"""CSV: one row per person with every field, ready for a spreadsheet or `orgdesign import`.

Quoting is left to the csv module. Lists are joined with ';' (`dotted_to`); waivers, which
carry free text, are a JSON list in one cell so that no reason can be mistaken for another.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

COLUMNS = (
    "id",
    "name",
    "role",
    "title",
    "reports_to",
    "dotted_to",
    "unit",
    "product",
    "years_pm",
    "vacancy",
    "notes",
    "allow",
)


def export_csv(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """Everyone in tree order, one row each, under a header row of `COLUMNS`.

    `severity` is accepted like every exporter's, but the CSV holds data only.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(person_row(org[pid]) for pid in spanning_forest(org).order)
    return buffer.getvalue()


def person_row(person: Person) -> list[str]:
    return [
        person.id,
        person.name,
        person.role,
        person.title or "",
        person.reports_to or "",
        ";".join(person.dotted_to),
        person.unit or "",
        person.product or "",
        "" if person.years_pm is None else str(person.years_pm),
        "true" if person.vacancy else "false",
        person.notes or "",
        json.dumps([{"rule": w.rule, "reason": w.reason} for w in person.allow], ensure_ascii=False)
        if person.allow
        else "",
    ]
