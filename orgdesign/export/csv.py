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
first row (the object the JSON exports carry), so the file carries the whole layout; an org
without people has no row to carry it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from orgdesign.export.forest import spanning_forest
from orgdesign.export.json import org_fields, waiver_objects
from orgdesign.layout.schema import PERSON_FIELDS, PERSON_KEYS, field_values
from orgdesign.model import Kind, Org, Person, Waiver
from orgdesign.rules.finding import Severity

COLUMNS = (*PERSON_KEYS, "org")
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


def id_list_cell(ids: tuple[str, ...]) -> str | None:
    """Ids joined with ';', or a JSON list when joining could not be split back the same way."""
    if not ids:
        return None
    joined = ";".join(ids)
    if joined.startswith("[") or any(";" in pid for pid in ids):
        return json.dumps(list(ids), ensure_ascii=False)
    return joined


def _count_cell(count: int | None) -> str | None:
    return None if count is None else str(count)


def _flag_cell(flag: bool) -> str:
    return "true" if flag else "false"


def _waivers_cell(waivers: tuple[Waiver, ...]) -> str | None:
    return json.dumps(waiver_objects(waivers), ensure_ascii=False) if waivers else None


CELL_TEXTS: dict[Kind, Callable[[Any], str | None]] = {
    Kind.REFERENCES: id_list_cell,
    Kind.COUNT: _count_cell,
    Kind.FLAG: _flag_cell,
    Kind.WAIVERS: _waivers_cell,
}
"""How a field of each kind that is not a text already is written in a cell (ids, roles and texts
are written as they are); `importing.exported.CELL_READERS` reads each back."""
person_cells: Callable[[Person], list[str | None]] = field_values(PERSON_FIELDS, CELL_TEXTS)
"""The person's layout fields as cell texts, in `PERSON_FIELDS` order (None: an empty cell)."""


def org_cell(org: Org) -> str:
    """What the layout says about the organisation as a whole, as a JSON object."""
    return json.dumps(org_fields(org), ensure_ascii=False)
