"""CSV: one row per person with every field, ready for a spreadsheet and for `orgdesign import`.

Every cell is quoted, and a cell that a spreadsheet could run as a formula (one starting with
`=`, `+`, `-`, `@`, a tab or a carriage return, or a full-width = + - @) gets an apostrophe in
front, as OWASP recommends. So that `orgdesign import` can undo that exactly, a cell that really starts with an
apostrophe gets one more, and an empty text (which differs from an unset one) is written as a
lone apostrophe: reading strips one leading apostrophe from every cell, and an empty cell is
"unset".

Lists of ids are joined with ';' (`dotted_to`), or written as a JSON list when an id holds a
';' or the list would start with '['. Waivers, which carry free text, are a JSON list. The
organisation itself (name, profile, settings, units) is a JSON object in the `org` cell of the
first row, so the file carries the whole layout; an org without people has no row to carry it.
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
    "org",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What makes a spreadsheet read a cell as a formula: OWASP's list (CSV injection), plus the
full-width forms of = + - @, which some spreadsheets convert to ASCII on input."""
APOSTROPHE = "'"


def export_csv(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """Everyone in tree order, one row each, under a header row of `COLUMNS`.

    `severity` is accepted like every exporter's, but the CSV holds data only.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for index, pid in enumerate(spanning_forest(org).order):
        cells = [*person_cells(org[pid]), org_cell(org) if index == 0 else None]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return buffer.getvalue()


def spreadsheet_cell(text: str | None) -> str:
    """`text` as a cell no spreadsheet runs, which `imported_cell` turns back into `text`."""
    if text is None:
        return ""
    if text == "" or text.startswith((*FORMULA_STARTS, APOSTROPHE)):
        return APOSTROPHE + text
    return text


def imported_cell(cell: str) -> str | None:
    """The text a cell written by `spreadsheet_cell` stands for (None for an empty cell)."""
    if cell == "":
        return None
    return cell.removeprefix(APOSTROPHE)


def person_cells(person: Person) -> list[str | None]:
    return [
        person.id,
        person.name,
        person.role,
        person.title,
        person.reports_to,
        id_list_cell(person.dotted_to),
        person.unit,
        person.product,
        None if person.years_pm is None else str(person.years_pm),
        "true" if person.vacancy else "false",
        person.notes,
        json.dumps([{"rule": w.rule, "reason": w.reason} for w in person.allow], ensure_ascii=False)
        if person.allow
        else None,
    ]


def id_list_cell(ids: tuple[str, ...]) -> str | None:
    """Ids joined with ';', or a JSON list when joining could not be split back the same way."""
    if not ids:
        return None
    joined = ";".join(ids)
    if joined.startswith("[") or any(";" in pid for pid in ids):
        return json.dumps(list(ids), ensure_ascii=False)
    return joined


def org_cell(org: Org) -> str:
    """What the layout says about the organisation as a whole, as a JSON object."""
    settings = org.settings
    return json.dumps(
        {
            "name": org.name,
            "profile": org.profile,
            "settings": {
                "max_span": settings.max_span,
                "max_layers": settings.max_layers,
                "disable": list(settings.disable),
            },
            "units": [{"id": unit.id, "name": unit.name} for unit in org.units],
        },
        ensure_ascii=False,
    )
