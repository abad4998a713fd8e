"""Building an org from a CSV export of an HR system.

Columns are found by name (common HR spellings are guessed; options override the guess).
Every row is checked and every problem is collected with the row's line number and the
column it is about, so a user sees all of them at once. A row that cannot be used (no id,
a duplicate id, no name) is skipped; a manager that cannot be used (missing, skipped, the
person themself, or closing a reporting cycle) is dropped, which makes the person a top.
The org is built from whatever remains.

A CSV that `orgdesign export` wrote (recognised by its columns, see `exported.py`) is read
exactly, every field of the layout included, so that export followed by import gives the same
layout back; only broken reporting lines are repaired as above.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from orgdesign.export.csv import imported_cell
from orgdesign.importing.exported import CELL_READERS, OrgCell, parse_org_cell, written_by_orgdesign
from orgdesign.importing.titles import TitleMap, role_for_title, role_from_column
from orgdesign.layout.schema import PERSON_FIELDS
from orgdesign.model import DEFAULT_PROFILE, Kind, Org, Person, Unit, climb
from orgdesign.roles import ROLES

ERROR, WARNING = "error", "warning"

GUESSES: dict[str, tuple[str, ...]] = {
    "id": ("id", "employeeid", "employeenumber", "employeeno", "empid", "personid", "staffid", "workerid"),
    "parent": (
        "parentid",
        "managerid",
        "manager",
        "reportsto",
        "reportstoid",
        "supervisorid",
        "supervisor",
        "linemanagerid",
        "linemanager",
        "manageremployeeid",
        "parent",
    ),
    "name": ("name", "fullname", "employeename", "displayname", "personname"),
    "first_name": ("firstname", "givenname", "first", "forename", "given"),
    "last_name": ("lastname", "surname", "familyname", "last", "family"),
    "title": ("title", "jobtitle", "position", "positionname", "positiontitle", "businesstitle", "designation"),
    "role": ("role", "roleid"),
    "dotted_to": ("dottedto", "dottedline", "dottedlineto", "dottedlines"),
    "vacancy": ("vacancy", "vacant", "isvacancy"),
}
"""Field -> normalised header names (lower case, letters and digits only), best first."""

DUPLICATE_NAME_HINTS = 20
"""Rows listed one by one for sharing a name with an earlier row; the rest are counted in one warning."""

VACANCY_NAMES = frozenset({"vacant", "vacancy", "open", "open role", "open position", "tbh", "tbd", "to be hired"})
_TRUE = frozenset({"true", "yes", "y", "1", "x"})
_DELIMITERS = ",;\t|"


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    column: int
    severity: str
    message: str

    def located(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class ImportFailed(Exception):
    """Nothing could be imported (no header, no id or name column); carries the problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ColumnOptions:
    """Header names chosen by the user; None means guess."""

    id: str | None = None
    parent: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    role: str | None = None


@dataclass(slots=True)
class ImportResult:
    org: Org
    problems: list[Problem]
    columns: dict[str, str]
    """Field -> the header it was read from."""
    exact: bool = False
    """Read from a file `orgdesign export` wrote: every field as written, roles included (no title mapped)."""

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


@dataclass(slots=True)
class _Row:
    line: int
    person: Person
    manager_column: int
    dotted_column: int


@dataclass(slots=True)
class _Import:
    columns: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, _Row] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    """Ids of skipped rows -> their line, to explain why a manager is missing."""
    org_cell: OrgCell | None = None
    org_cell_line: int = 0
    titles: TitleMap = field(default_factory=TitleMap)
    object_columns: Mapping[int, int] | None = None

    def report(self, line: int, column: str | int, severity: str, message: str) -> None:
        number = column if isinstance(column, int) else self.columns.get(column, -1) + 1
        if self.object_columns is not None:
            number = self.object_columns.get(line, 1)
        self.problems.append(Problem(line, max(number, 1), severity, message))


def decode_csv(data: bytes) -> tuple[str, list[Problem]]:
    """Bytes of a CSV file as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Raises `ImportFailed`, located at the first bad byte, for UTF-16 that does not decode (an odd
    number of bytes, a lone surrogate).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        note = Problem(1, 1, WARNING, f"the file is not UTF-8 (byte {error.start}); read it as Windows-1252")
        return data.decode("cp1252", errors="replace"), [note]


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-16", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise ImportFailed(
            [Problem(line, column, ERROR, f"the file is not valid UTF-16 at byte {error.start} ({error.reason})")]
        ) from None


def import_csv(
    text: str,
    options: ColumnOptions = ColumnOptions(),
    *,
    layout_name: str | None = None,
    profile: str | None = None,
    default_name: str = "Imported organisation",
    titles: TitleMap | None = None,
) -> ImportResult:
    """Read an org from CSV text; raises `ImportFailed` when no person could be read at all.

    `layout_name` and `profile` win over what a file orgdesign wrote says; without either,
    `default_name` and the default profile are used. `titles` maps job titles to roles
    (the user's choices first, then the built-in guess).
    """
    text = text.removeprefix("\ufeff")
    problems: list[Problem] = []
    records = _records(text, problems, skip_initial_space=True)
    _, header = next(records, (1, []))
    header = [cell.strip() for cell in header]
    if not any(header):
        raise ImportFailed([Problem(1, 1, ERROR, "the file has no header row")])
    if options == ColumnOptions() and written_by_orgdesign(header):
        return _import_exported(text, header, layout_name, profile, default_name)
    return import_table(
        header,
        records,
        options,
        layout_name=layout_name,
        profile=profile,
        default_name=default_name,
        titles=titles,
        problems=problems,
    )


def import_table(
    header: Sequence[str],
    records: Iterable[tuple[int, list[str]]],
    options: ColumnOptions = ColumnOptions(),
    *,
    layout_name: str | None = None,
    profile: str | None = None,
    default_name: str = "Imported organisation",
    titles: TitleMap | None = None,
    problems: list[Problem] | None = None,
    object_columns: Mapping[int, int] | None = None,
) -> ImportResult:
    """Read an org from rows of cells (a CSV file, a sheet, JSON objects), columns guessed from `header`.

    `records` are (line, cells); `problems` is the list where reading the file puts what it finds
    (a generator of records may add to it while it is read).
    `object_columns` (line -> column), for formats whose rows are objects on a line (JSON), locates
    every problem of a row at its object rather than at a column of the header.
    """
    header = [cell.strip() for cell in header]
    if not any(header):
        raise ImportFailed([Problem(1, 1, ERROR, "the file has no header row")])
    columns, column_problems = choose_columns(header, options)
    found = problems if problems is not None else []
    found.extend(column_problems)
    state = _Import(columns, found, titles=titles or TitleMap())
    state.object_columns = object_columns
    for line, cells in records:
        _read_row(state, line, cells, len(header))
    _drop_unusable_managers(state)
    _break_cycles(state)
    _hint_at_duplicate_names(state)
    return _result(state, header, layout_name, profile, default_name)


ExportedRow = Callable[[str], str | None]
"""A row of a file orgdesign wrote: field (a CSV column, a JSON key) -> its text as written, None when unset."""


def _import_exported(
    text: str, header: list[str], layout_name: str | None, profile: str | None, default_name: str
) -> ImportResult:
    problems: list[Problem] = []
    records = _records(text, problems, skip_initial_space=False)
    next(records)
    columns = {name: header.index(name) for name in header}
    rows = ((line, _exported_cells(columns, cells, line, problems)) for line, cells in records)
    return import_exported_rows(
        rows, header, problems=problems, layout_name=layout_name, profile=profile, default_name=default_name
    )


def _exported_cells(columns: dict[str, int], cells: list[str], line: int, problems: list[Problem]) -> ExportedRow:
    """The row's cells by column, as `spreadsheet_cell` wrote them; a short or long row is a warning."""
    width = len(columns)
    if len(cells) != width:
        problems.append(
            Problem(line, min(len(cells), width) + 1, WARNING, f"the row has {len(cells)} fields, the header {width}")
        )

    def value(name: str) -> str | None:
        index = columns.get(name)
        return imported_cell(cells[index]) if index is not None and index < len(cells) else None

    return value


def import_exported_rows(
    rows: Iterable[tuple[int, ExportedRow]],
    header: Sequence[str],
    *,
    problems: list[Problem],
    layout_name: str | None,
    profile: str | None,
    default_name: str,
    object_columns: Mapping[int, int] | None = None,
) -> ImportResult:
    """An org from the rows of a file orgdesign wrote (CSV or JSON), every field read exactly.

    `rows` are (line, the row's fields); `object_columns` as for `import_table`.
    """
    state = _Import({name: header.index(name) for name in header}, problems, object_columns=object_columns)
    for line, value in rows:
        _read_exported_row(state, line, value)
    _drop_unusable_managers(state)
    _break_cycles(state)
    return _result(state, header, layout_name, profile, default_name, exact=True)


def _result(
    state: _Import,
    header: Sequence[str],
    layout_name: str | None,
    profile: str | None,
    default_name: str,
    *,
    exact: bool = False,
) -> ImportResult:
    org = _build_org(state, layout_name, profile, default_name)
    return ImportResult(
        org,
        sorted(state.problems, key=lambda p: (p.line, p.column)),
        {name: header[index] for name, index in state.columns.items()},
        exact,
    )


def _build_org(state: _Import, layout_name: str | None, profile: str | None, default_name: str) -> Org:
    told = state.org_cell or OrgCell()
    units = _units_with_every_one_named(state, told.units)
    return Org(
        layout_name or told.name or default_name,
        [row.person for row in state.rows.values()],
        profile=profile or told.profile or DEFAULT_PROFILE,
        settings=told.settings,
        units=units,
    )


def _units_with_every_one_named(state: _Import, units: tuple[Unit, ...]) -> list[Unit]:
    """The org cell's units, plus one named after its id for each unit a row names but it lacks."""
    known = {unit.id: unit for unit in units}
    for row in state.rows.values():
        unit_id = row.person.unit
        if unit_id is not None and unit_id not in known:
            known[unit_id] = Unit(unit_id, unit_id)
            state.report(row.line, "unit", WARNING, f"unit {unit_id!r} is not among the org's units; added")
    return list(known.values())


class _Lines:
    """The text's lines for csv.reader, noting when the reader asks for one past the end.

    The reader asks past the end only while a quoted field is still open: that record has
    swallowed the rest of the file.
    """

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.exhausted = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines, None)
        if line is None:
            self.exhausted = True
            raise StopIteration
        return line


def _records(text: str, problems: list[Problem], *, skip_initial_space: bool) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for each non-blank record.

    The csv module gives up on a record it cannot parse (a field over its size limit); that
    is reported and reading stops there, keeping the rows before it. So does a quote that is
    never closed, which would otherwise merge every row after it into one cell.
    """
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=_delimiter(text), skipinitialspace=skip_initial_space, strict=False)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(Problem(start, 1, ERROR, f"unreadable CSV ({error}); the rest of the file is ignored"))
            return
        if lines.exhausted:
            problems.append(
                Problem(
                    start,
                    len(cells),
                    ERROR,
                    f"a quote opened in field {len(cells)} of the row on line {start} is never closed, "
                    "so the rest of the file would be one field: close the quote; the rest of the file is ignored",
                )
            )
            return
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=first_line.count) if any(d in first_line for d in _DELIMITERS) else ","


def normalise_header(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.lower())


def choose_columns(header: Sequence[str], options: ColumnOptions) -> tuple[dict[str, int], list[Problem]]:
    """Field -> column index, from the user's choices or the guesses; fails without id or name."""
    normalised = [normalise_header(h) for h in header]
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for field_name, candidates in GUESSES.items():
        chosen = getattr(options, field_name, None)
        if chosen is not None:
            index = _named_column(header, normalised, chosen)
            if index is None:
                problems.append(
                    Problem(1, 1, ERROR, f"no column named {chosen!r} (the columns are: {', '.join(header)})")
                )
                continue
            columns[field_name] = index
        else:
            index = next((normalised.index(c) for c in candidates if c in normalised), None)
            if index is not None:
                columns[field_name] = index
    _require_identity_columns(columns, problems)
    if any(p.severity == ERROR for p in problems):
        raise ImportFailed(problems)
    if _name_is_a_first_name(columns, normalised, options):
        columns["first_name"] = columns.pop("name")
    if "parent" not in columns:
        problems.append(Problem(1, 1, WARNING, "no manager column found (use --parent COLUMN); everyone is a top"))
    return columns, problems


def _name_is_a_first_name(columns: dict[str, int], normalised: list[str], options: ColumnOptions) -> bool:
    """A `name` column next to a last-name column (and no first-name one) holds the first name.

    HR exports such as Oracle's sample have `name` + `lastName`; a `full name` column is kept whole.
    """
    if "name" not in columns or "last_name" not in columns or "first_name" in columns:
        return False
    return options.last_name is not None or normalised[columns["name"]] == "name"


def _named_column(header: Sequence[str], normalised: list[str], chosen: str) -> int | None:
    if chosen.strip() in header:
        return header.index(chosen.strip())
    key = normalise_header(chosen)
    return normalised.index(key) if key and key in normalised else None


def _require_identity_columns(columns: dict[str, int], problems: list[Problem]) -> None:
    if "id" not in columns:
        problems.append(
            Problem(1, 1, ERROR, "no id column found (looked for id, employee id, ...); name it with --id COLUMN")
        )
    if "name" not in columns and "first_name" not in columns and "last_name" not in columns:
        problems.append(
            Problem(
                1,
                1,
                ERROR,
                "no name column found (looked for name, full name, first + last name); name it with --name COLUMN",
            )
        )


def _read_row(state: _Import, line: int, cells: list[str], width: int) -> None:
    if len(cells) != width:
        state.report(line, min(len(cells), width) + 1, WARNING, f"the row has {len(cells)} fields, the header {width}")
    value = _cell_reader(state.columns, cells)
    pid = value("id")
    if not pid:
        state.report(line, "id", ERROR, "empty id; row skipped")
        return
    if pid in state.rows or pid in state.skipped:
        first = state.rows[pid].line if pid in state.rows else state.skipped[pid]
        state.report(line, "id", ERROR, f"duplicate id {pid!r} (first on line {first}); row skipped")
        return
    name = _person_name(value)
    if not name:
        state.report(
            line, "name" if "name" in state.columns else "first_name", ERROR, f"empty name for id {pid!r}; row skipped"
        )
        state.skipped[pid] = line
        return
    title = value("title") or None
    person = Person(
        id=pid,
        name=name,
        role=_role(state, line, value("role"), title),
        title=title,
        reports_to=value("parent") or None,
        dotted_to=_id_list(value("dotted_to")),
        vacancy=_is_vacancy(value("vacancy"), name),
    )
    state.rows[pid] = _Row(line, person, state.columns.get("parent", 0) + 1, state.columns.get("dotted_to", 0) + 1)


class _Cells(dict[str, str]):
    """Field -> its cell; "" for a field without a column or cell."""

    def __missing__(self, field_name: str) -> str:
        return ""


def _cell_reader(columns: dict[str, int], cells: list[str]) -> Callable[[str], str]:
    """Field -> its cell, trimmed, with runs of spaces made one ("" for a field without a column or cell).

    A dict's own lookup, not a function of ours: it runs ten times a row, a million times for a big export.
    """
    width = len(cells)
    return _Cells(
        {name: " ".join(cells[index].split()) for name, index in columns.items() if index < width}
    ).__getitem__


def _id_list(text: str) -> tuple[str, ...]:
    """Ids joined with ';', each once, in order."""
    if not text:
        return ()
    return tuple(dict.fromkeys(pid.strip() for pid in text.split(";") if pid.strip()))


def _person_name(value: Callable[[str], str]) -> str:
    """The full name, else first + last name (a first-name cell that already ends with the last name is whole)."""
    first, last = value("first_name"), value("last_name")
    if first and last and first.casefold().endswith(" " + last.casefold()):
        last = ""
    return value("name") or (f"{first} {last}" if first and last else first or last)


def _role(state: _Import, line: int, written: str, title: str | None) -> str:
    if written:
        role_id = role_from_column(written) or role_for_title(written)
        if role_id != "other" or written.lower() == "other":
            return role_id
        state.report(line, "role", WARNING, f"{written!r} is not a role id; the role is guessed from the title")
    return state.titles.role(title) if title else "other"


def _hint_at_duplicate_names(state: _Import) -> None:
    """Two rows with one name are often one person exported twice (a rehire, a second job).

    In a big company many people share a name, so only the first `DUPLICATE_NAME_HINTS` are
    listed; one more warning, at the next such row, counts the rest.
    """
    first_with_name: dict[str, _Row] = {}
    unlisted: list[_Row] = []
    listed = 0
    column = "name" if "name" in state.columns else "first_name"
    for row in state.rows.values():
        if row.person.vacancy:
            continue
        first = first_with_name.setdefault(row.person.name.casefold(), row)
        if first is row:
            continue
        if listed < DUPLICATE_NAME_HINTS:
            state.report(
                row.line,
                column,
                WARNING,
                f"{row.person.name!r} (id {row.person.id!r}) has the same name as id {first.person.id!r} "
                f"on line {first.line}: if they are one person, remove one of the rows",
            )
            listed += 1
        else:
            unlisted.append(row)
    if unlisted:
        state.report(
            unlisted[0].line,
            column,
            WARNING,
            f"{len(unlisted)} more rows, from this one on, have the same name as an earlier row; not listed one by one",
        )


def _is_vacancy(written: str, name: str) -> bool:
    return written.lower() in _TRUE or name.lower() in VACANCY_NAMES


def _drop_unusable_managers(state: _Import) -> None:
    for pid, row in state.rows.items():
        manager = row.person.reports_to
        if manager is None:
            continue
        if manager == pid:
            state.report(row.line, row.manager_column, ERROR, f"{pid!r} reports to themself; imported as a top")
        elif manager in state.skipped:
            state.report(
                row.line,
                row.manager_column,
                ERROR,
                f"manager {manager!r} is on line {state.skipped[manager]}, which was skipped; imported as a top",
            )
        elif manager not in state.rows:
            state.report(row.line, row.manager_column, ERROR, f"manager {manager!r} not found; imported as a top")
        else:
            continue
        row.person = _with(row.person, reports_to=None)
    for row in state.rows.values():
        _drop_missing_dotted_lines(state, row)


def _drop_missing_dotted_lines(state: _Import, row: _Row) -> None:
    kept = tuple(t for t in row.person.dotted_to if t in state.rows and t != row.person.id)
    for target in row.person.dotted_to:
        if target not in kept:
            state.report(
                row.line, row.dotted_column, WARNING, f"dotted line to {target!r} dropped: nobody with that id"
            )
    if kept != row.person.dotted_to:
        row.person = _with(row.person, dotted_to=kept)


def _break_cycles(state: _Import) -> None:
    """Find every reporting cycle (linear: each person is walked once) and cut each at its first row."""
    done: set[str] = set()
    rows = state.rows
    for start in rows:
        path, cycle = climb(start, lambda pid: rows[pid].person.reports_to, done)
        if cycle:
            _cut_cycle(state, cycle)
        done.update(path)


def _cut_cycle(state: _Import, cycle: list[str]) -> None:
    first = min(cycle, key=lambda pid: state.rows[pid].line)
    row = state.rows[first]
    loop = " reports to ".join(f"{pid!r} (line {state.rows[pid].line})" for pid in cycle + cycle[:1])
    state.report(row.line, row.manager_column, ERROR, f"reporting cycle: {loop}; {first!r} imported as a top")
    row.person = _with(row.person, reports_to=None)


def _with(person: Person, **changes: Any) -> Person:
    return replace(person, **changes)


def _read_exported_row(state: _Import, line: int, value: ExportedRow) -> None:
    """A row of a file orgdesign wrote: every field of the person, exactly as written.

    A virtual row (the root a JSON export adds above several tops) stands for the organisation:
    only its org cell is read.
    """
    _read_org_cell(state, line, value("org"))
    if value("virtual") == "true":
        return
    pid = value("id")
    if not pid:
        state.report(line, "id", ERROR, "empty id; row skipped")
        return
    if pid in state.rows or pid in state.skipped:
        first = state.rows[pid].line if pid in state.rows else state.skipped[pid]
        state.report(line, "id", ERROR, f"duplicate id {pid!r} (first on line {first}); row skipped")
        return
    name = value("name")
    if not name:
        state.report(line, "name", ERROR, f"empty name for id {pid!r}; row skipped")
        state.skipped[pid] = line
        return
    fields: dict[str, Any] = {}
    for field_name, read in _FIELD_READERS:
        text = value(field_name)
        if text is not None:  # an unset field keeps its default
            fields[field_name] = text if read is None else read(state, line, field_name, text)
    role = _exported_role(state, line, value("role"), fields.get("title"))
    person = Person(id=pid, name=name, role=role, **fields)
    state.rows[pid] = _Row(line, person, state.columns.get("reports_to", 0) + 1, state.columns.get("dotted_to", 0) + 1)


def _reference(state: _Import, line: int, column: str, text: str) -> str | None:
    """An id naming someone or something; the empty text names nothing and is left out."""
    if text == "":
        state.report(line, column, ERROR, f"{column} is an empty id; left out")
        return None
    return text


_FieldReader = Callable[[_Import, int, str, str], Any]
"""`read(state, line, field, text)`: a field's value from its text as written, problems reported at the cell."""


def _parsed_by(parse: Callable[[str, str], tuple[Any, list[str]]]) -> _FieldReader:
    def parsed(state: _Import, line: int, field_name: str, text: str) -> Any:
        value, problems = parse(text, field_name)
        for message in problems:
            state.report(line, field_name, ERROR, message)
        return value

    return parsed


_READERS: dict[Kind, _FieldReader] = {
    Kind.REFERENCE: _reference,
    Kind.UNIT: _reference,
    **{kind: _parsed_by(parse) for kind, parse in CELL_READERS.items()},
}
_FIELD_READERS: tuple[tuple[str, _FieldReader | None], ...] = tuple(
    (spec.name, _READERS.get(spec.kind)) for spec in PERSON_FIELDS if not spec.required
)
"""The optional fields of an exported row and how each is read (None: a text, read as written);
the required ones decide whether the row is read at all."""


def _exported_role(state: _Import, line: int, written: str | None, title: str | None) -> str:
    if written in ROLES:
        return written
    return _role(state, line, written or "", title)


def _read_org_cell(state: _Import, line: int, text: str | None) -> None:
    if text is None:
        return
    if state.org_cell is not None:
        state.report(line, "org", ERROR, f"a second org cell (the first is on line {state.org_cell_line}); ignored")
        return
    state.org_cell, problems = parse_org_cell(text)
    state.org_cell_line = line
    for message in problems:
        state.report(line, "org", ERROR, message)
