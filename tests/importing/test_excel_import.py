"""Importing Excel workbooks: sheets, and cells as the text people see in Excel."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from orgdesign.cli import main
from orgdesign.importing import ImportFailed, excel_import
from orgdesign.importing.excel_import import import_excel, shown_cell
from orgdesign.layout import load_layout


def workbook_bytes() -> bytes:
    book = Workbook()
    staff = book.active
    assert staff is not None
    staff.title = "Staff"
    staff.append(["Employee ID", "First Name", "Last Name", "Job Title", "Manager ID", "Hire Date"])
    staff.append([1001.0, "Steven", "King", "Chief Product Officer", None, dt.datetime(2019, 1, 31)])
    staff.append([1002, "Neena", "Kochhar", "Senior PM, Analytics", 1001, dt.datetime(2021, 3, 5)])
    staff.append([7, "Lex", "De Haan", "Product Manager", 1002, dt.datetime(2023, 12, 1)])
    staff.append([])
    staff.append([1004, "Ann", "", "Wizard", 99])
    staff["A4"].number_format = "00000"
    for row in range(2, 5):
        staff[f"F{row}"].number_format = "dd/mm/yyyy"
    contractors = book.create_sheet("Contractors")
    contractors.append(["id", "name", "title"])
    contractors.append(["c1", "Cy", "Product Designer"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_the_first_sheet_is_read_with_numbers_and_dates_as_excel_shows_them() -> None:
    result = import_excel(workbook_bytes())
    people = {p.id: p for p in result.org.people()}
    assert list(people) == ["1001", "1002", "00007", "1004"]
    assert people["1001"].name == "Steven King" and people["1001"].role == "cpo"
    assert people["1002"].reports_to == "1001" and people["00007"].reports_to == "1002"
    [problem] = result.problems
    assert (problem.line, problem.column, problem.severity) == (6, 5, "error") and "'99'" in problem.message


def test_a_sheet_is_chosen_by_name() -> None:
    result = import_excel(workbook_bytes(), sheet="Contractors")
    assert [(p.id, p.name, p.role) for p in result.org.people()] == [("c1", "Cy", "other")]


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1001.0, "General", "1001"),
        (42, "000000", "000042"),
        (1234.5, "#,##0.00", "1,234.50"),
        (0.25, "General", "0.25"),
        (dt.datetime(2024, 1, 31), "dd/mm/yyyy", "31/01/2024"),
        (dt.datetime(2024, 1, 31), "mm-dd-yy", "01-31-24"),
        (dt.datetime(2024, 3, 5), "d-mmm-yy", "5-Mar-24"),
        (dt.datetime(2024, 3, 5, 14, 7, 9), "[$-409]h:mm:ss AM/PM", "2:07:09 PM"),
        (dt.datetime(2024, 3, 5), "General", "2024-03-05"),
        (True, "General", "TRUE"),
        (None, "General", ""),
    ],
)
def test_cells_come_in_as_the_text_excel_shows(value: object, number_format: str, shown: str) -> None:
    assert shown_cell(value, number_format) == shown


@pytest.mark.parametrize(
    ("data", "sheet", "said"),
    [
        (b"id,name\n1,A\n", None, "not an Excel workbook"),
        (b"PK\x03\x04broken", None, "not an Excel workbook"),
        (None, "Payroll", "Staff, Contractors"),
    ],
)
def test_an_unusable_workbook_or_sheet_is_a_failure_at_the_file(
    data: bytes | None, sheet: str | None, said: str
) -> None:
    with pytest.raises(ImportFailed) as failure:
        import_excel(data if data is not None else workbook_bytes(), sheet=sheet)
    [problem] = failure.value.problems
    assert (problem.line, problem.column) == (1, 1) and said in problem.message


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook_bytes()
    monkeypatch.setattr(excel_import, "UNPACKED_LIMIT", len(data))
    with pytest.raises(ImportFailed):
        import_excel(data)


def test_import_reads_a_sheet_of_a_workbook_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "hr.xlsx"
    source.write_bytes(workbook_bytes())
    out = tmp_path / "org.yaml"
    assert main(["import", str(source), "--sheet", "Contractors", "-o", str(out)]) == 0
    assert load_layout(out)["c1"].name == "Cy"
    assert main(["import", str(source), "--sheet", "Nope", "-o", str(tmp_path / "x.yaml")]) == 2
    [line] = capsys.readouterr().err.splitlines()[-1:]
    assert line.startswith(f"{source}:1:1: error: ")
    assert not (tmp_path / "x.yaml").exists()


def test_sheet_is_refused_for_a_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hr.csv"
    source.write_text("id,name\n1,A\n", encoding="utf-8")
    assert main(["import", str(source), "--sheet", "Staff"]) == 2
    assert capsys.readouterr().err.startswith(f"{source}:1:1: error: ")
