"""Names spread over two columns are joined; two rows with one name get a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.importing import ColumnOptions, import_csv
from orgdesign.layout import load_layout


@pytest.mark.parametrize(
    "header",
    [
        "id,first,last,manager",
        "id,firstName,lastName,managerId",
        "employee_id,given,family,reports_to",
        "id,Given Name,Family Name,parent",
        "id,name,lastName,parentId",
        "id,name,surname,parentId",
    ],
)
def test_first_and_last_name_columns_are_joined(header: str) -> None:
    result = import_csv(f"{header}\n100,Steven,King,\n101,Neena,Kochhar,100\n")
    assert [p.name for p in result.org.people()] == ["Steven King", "Neena Kochhar"]
    assert result.org["101"].reports_to == "100"
    assert result.problems == []


def test_a_full_name_column_is_kept_whole_next_to_a_last_name_column() -> None:
    result = import_csv("id,full name,last name\n1,Steven King,King\n")
    assert result.org["1"].name == "Steven King"


def test_a_first_name_cell_that_already_holds_the_last_name_is_not_doubled() -> None:
    result = import_csv("id,name,lastName\n1,Steven King,King\n2,Lex,\n")
    assert [p.name for p in result.org.people()] == ["Steven King", "Lex"]


def test_first_and_last_options_name_the_columns() -> None:
    text = "key,vorname,nachname,chef\n1,Anna,Schmidt,\n2,Jonas,Weber,1\n"
    options = ColumnOptions(id="key", parent="chef", first_name="vorname", last_name="nachname")
    result = import_csv(text, options)
    assert [p.name for p in result.org.people()] == ["Anna Schmidt", "Jonas Weber"]


def test_a_last_option_joins_it_to_the_name_column() -> None:
    result = import_csv("id,name,apellido\n1,Ana,García\n", ColumnOptions(last_name="apellido"))
    assert result.org["1"].name == "Ana García"


def test_a_duplicate_name_is_imported_with_a_hint_at_the_second_row() -> None:
    result = import_csv("id,first,last,manager\n1,Ann,Lee,\n2,Bob,Ray,1\n3,ann,LEE,1\n")
    assert len(result.org) == 3
    [hint] = result.problems
    assert (hint.line, hint.column, hint.severity) == (4, 2, "warning")
    assert "'1'" in hint.message and "line 2" in hint.message


def test_vacancies_called_the_same_are_not_duplicates() -> None:
    result = import_csv("id,name,manager\n1,Ann,\n2,Open role,1\n3,Open role,1\n")
    assert result.problems == []


def test_first_and_last_options_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "hr.csv"
    source.write_text("key,vorname,nachname\n1,Anna,Schmidt\n", encoding="utf-8")
    out = tmp_path / "org.yaml"
    assert main(["import", str(source), "-o", str(out), "--id", "key", "--first", "vorname", "--last", "nachname"]) == 0
    assert load_layout(out)["1"].name == "Anna Schmidt"


def test_past_the_first_twenty_duplicate_names_one_warning_counts_the_rest() -> None:
    rows = "".join(f"{i},Sam Lee,\n" for i in range(1, 31))
    result = import_csv(f"id,name,manager\n{rows}")
    assert len(result.org) == 30
    assert len(result.problems) == 21
    last = result.problems[-1]
    assert (last.line, last.severity) == (23, "warning") and "9 more rows" in last.message
