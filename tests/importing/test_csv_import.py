"""Importing messy CSV exports: every problem reported with its line, the rest still imported."""

from __future__ import annotations

import codecs
import csv
import io
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesign.export.csv import export_csv
from orgdesign.importing import ColumnOptions, ImportFailed, decode_csv, import_csv
from orgdesign.model import Org, Person

DATA = Path(__file__).resolve().parents[1] / "data" / "csv"
DEFAULT_OPTIONS = ColumnOptions()


def imported(file_name: str, options: ColumnOptions = DEFAULT_OPTIONS):
    text, problems = decode_csv((DATA / file_name).read_bytes())
    result = import_csv(text, options, layout_name="Test")
    return result, problems + result.problems


def located(problems) -> list[str]:
    return [p.located("f.csv") for p in problems]


def test_bom_quoted_fields_and_stray_spaces_are_handled():
    result, problems = imported("bom_quotes_spaces.csv")
    assert problems == []
    org = result.org
    assert [p.id for p in org.tree_order()] == ["1", "2", "3", "4"]
    assert org["1"].name == "Ann Lee"
    assert org["2"].name == "Bob Smith, Jr."
    assert org["3"].name == 'Cy "CJ" Jones'
    assert org["4"].name == "Dee"
    assert [org[pid].role for pid in "1234"] == ["ceo", "vp_product", "senior_pm", "cpo"]
    assert org["2"].title == "VP, Product"
    assert org["3"].reports_to == "2"
    assert result.columns == {
        "id": "Employee ID",
        "parent": "Manager ID",
        "first_name": "First Name",
        "last_name": "Last Name",
        "title": "Job Title",
    }


def test_every_problem_is_reported_at_once_with_its_line_and_column():
    result, problems = imported("problems.csv")
    assert located(problems) == [
        "f.csv:4:1: error: duplicate id '2' (first on line 3); row skipped",
        "f.csv:5:2: error: empty name for id '3'; row skipped",
        "f.csv:6:4: error: reporting cycle: '4' (line 6) reports to '5' (line 7) reports to '6' (line 8) "
        "reports to '4' (line 6); '4' imported as a top",
        "f.csv:9:4: error: manager '99' not found; imported as a top",
        "f.csv:10:4: error: '8' reports to themself; imported as a top",
        "f.csv:11:4: error: manager '3' is on line 5, which was skipped; imported as a top",
        "f.csv:13:1: error: empty id; row skipped",
    ]
    org = result.org
    assert sorted(org.ids(), key=int) == ["1", "2", "4", "5", "6", "7", "8", "9", "10"]
    assert org["2"].name == "Bob"
    assert [p.id for p in org.tops()] == ["1", "4", "7", "8", "9"]
    assert org["5"].reports_to == "6" and org["6"].reports_to == "4"
    assert org["10"].role == "head_of_product"


def test_semicolon_separated_files_and_other_column_names_are_guessed():
    result, problems = imported("semicolons.csv")
    assert problems == []
    assert result.org["1"].name == "Zoë Ünal"
    assert result.org["2"].reports_to == "1"
    assert result.org["2"].role == "gpm"


def test_a_file_that_is_not_utf8_is_read_as_windows_1252_with_a_warning():
    result, problems = imported("windows1252.csv")
    assert result.org["1"].name == "René Café"
    assert [p.severity for p in problems] == ["warning"]


def test_utf16_with_bom_is_decoded():
    text, problems = decode_csv("id,name\n1,Åsa\n".encode("utf-16"))
    assert problems == [] and import_csv(text).org["1"].name == "Åsa"


def test_an_unterminated_quote_is_an_error_at_its_row_and_does_not_swallow_the_rows_after_it():
    result = import_csv('id,name,manager\n1,Ann,\n2,"Bob,1\n3,Cy,1\n4,Dee,1\n')
    assert [(p.line, p.column, p.severity) for p in result.problems] == [(3, 2, "error")]
    assert "never closed" in result.problems[0].message
    assert list(result.org.ids()) == ["1"]


def test_a_quoted_cell_across_lines_is_still_one_cell():
    result = import_csv('id,name,manager\n1,"Ann\nLee",\n2,Bob,1')
    assert result.problems == []
    assert result.org["1"].name == "Ann Lee" and result.org["2"].reports_to == "1"


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (codecs.BOM_UTF16_LE + "id,name\n1,Åsa\n".encode("utf-16-le")[:-1], 2, 6),
        (codecs.BOM_UTF16_LE + "id,name\n1,".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"), 2, 3),
        (codecs.BOM_UTF16_BE + "id\n".encode("utf-16-be") + b"\xdc\x00", 2, 1),
    ],
    ids=["odd byte count", "lone high surrogate", "lone low surrogate"],
)
def test_utf16_that_does_not_decode_is_a_located_error(data, line, column):
    with pytest.raises(ImportFailed) as failure:
        decode_csv(data)
    [problem] = failure.value.problems
    assert (problem.line, problem.column, problem.severity) == (line, column, "error")
    assert "UTF-16" in problem.message


def test_a_file_without_an_id_column_cannot_be_imported():
    with pytest.raises(ImportFailed) as failure:
        imported("no_id_column.csv")
    assert "no id column found" in failure.value.problems[0].message


def test_explicit_column_options_override_the_guesses():
    text = "key,who,boss,job\na,Ann,,CEO\nb,Bob,a,Principal PM\n"
    result = import_csv(text, ColumnOptions(id="key", name="who", parent="boss", title="job"))
    assert result.problems == []
    assert result.org["b"].reports_to == "a" and result.org["b"].role == "principal_pm"


def test_a_named_column_that_does_not_exist_is_an_error_naming_the_columns():
    with pytest.raises(ImportFailed) as failure:
        import_csv("id,name\n1,Ann\n", ColumnOptions(parent="Boss"))
    assert failure.value.problems[0].message == "no column named 'Boss' (the columns are: id, name)"


def test_without_a_manager_column_everyone_is_a_top_and_a_warning_says_so():
    result = import_csv("id,name\n1,Ann\n2,Bob\n")
    assert len(result.org.tops()) == 2
    assert [p.severity for p in result.problems] == ["warning"]


def test_role_column_wins_over_the_title_and_bad_roles_fall_back_to_the_title():
    text = "id,name,title,role,manager\n1,Ann,Boss,ceo,\n2,Bob,Sr. PM,wizard,1\n3,Cy,Whatever,Group Product Manager,1\n"
    result = import_csv(text)
    assert [result.org[i].role for i in "123"] == ["ceo", "senior_pm", "gpm"]
    assert located(result.problems) == [
        "f.csv:3:4: warning: 'wizard' is not a role id; the role is guessed from the title"
    ]


def test_rows_with_the_wrong_number_of_fields_are_warned_about_and_still_used():
    result = import_csv("id,name,manager\n1,Ann\n2,Bob,1,extra\n")
    assert [p.line for p in result.problems] == [2, 3]
    assert result.org["2"].reports_to == "1"


def test_vacancies_are_recognised_by_column_or_by_name():
    result = import_csv("id,name,manager,vacancy\n1,Ann,,\n2,TBH,1,\n3,Someone,1,yes\n")
    assert [result.org[i].vacancy for i in "123"] == [False, True, True]


def test_empty_file_has_no_header():
    with pytest.raises(ImportFailed):
        import_csv("")


# -- properties --------------------------------------------------------------------------------

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, min_size=0, max_size=6), max_size=12), st.sampled_from([",", ";", "\t"]))
def test_importing_random_rows_never_raises_anything_but_import_failed(rows, delimiter):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([["id", "name", "manager", "title"], *rows])
    try:
        result = import_csv(buffer.getvalue())
    except ImportFailed:
        return
    ids = set(result.org.ids())
    assert all(p.reports_to in ids for p in result.org.people() if p.reports_to is not None)
    assert len(result.org.tree_order()) == len(result.org)
    assert all(p.line > 0 and p.column > 0 for p in result.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_and_importing_random_bytes_never_raises_anything_but_import_failed(data):
    text, _ = decode_csv(data)
    with suppress(ImportFailed):
        import_csv(text)


words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)


@st.composite
def orgs(draw) -> Org:
    count = draw(st.integers(1, 15))
    ids = draw(st.lists(words.filter(lambda w: ";" not in w), min_size=count, max_size=count, unique=True))
    people = []
    for index, pid in enumerate(ids):
        manager = draw(st.sampled_from([None, *ids[:index]]))
        title = draw(st.one_of(st.none(), names))
        people.append(Person(pid, draw(names), "other", title=title, reports_to=manager))
    return Org("Round trip", people)


@given(orgs())
def test_csv_export_then_import_keeps_ids_names_managers_and_titles(org):
    result = import_csv(export_csv(org, {}))
    assert [p for p in result.problems if p.severity == "error"] == []
    back = result.org
    assert sorted(back.ids()) == sorted(org.ids())
    for person in org.people():
        again = back[person.id]
        assert (again.name, again.reports_to, again.title) == (person.name, person.reports_to, person.title)


def test_a_ten_thousand_deep_chain_imports_in_linear_time():
    rows = ["id,name,manager", "p0,P0,"] + [f"p{i},P{i},p{i - 1}" for i in range(1, 10_000)]
    result = import_csv("\n".join(reversed(rows[1:])).join([rows[0] + "\n", "\n"]))
    assert result.problems == []
    assert result.org.layer("p9999") == 9_999
