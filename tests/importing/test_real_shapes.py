"""`orgdesign import` on files shaped like real exports (tests/data/import): an Oracle-HR-like CSV with
first and last names, d3-org-chart's flat data (JSON and CSV), dabeng/OrgChart's nested tree without ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.importing.json_import import import_json
from orgdesign.importing.titles import role_for_title
from orgdesign.layout import load_layout
from orgdesign.model import Org

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "import"


def imported(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[Org, str]:
    """The layout the import wrote, and what it printed on stderr."""
    target = tmp_path / "org.yaml"
    assert main(["import", str(SAMPLES / name), "-o", str(target), *options]) == 0
    return load_layout(target), capsys.readouterr().err


def test_an_oracle_hr_export_joins_names_and_maps_titles_on_their_role_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org, _ = imported("oracle_hr.csv", tmp_path, capsys)
    people = {p.id: p for p in org.people()}
    assert (people["100"].name, people["102"].name, people["112"].name) == (
        "Steven King",
        "Lex De Haan",
        "Jose Manuel Urman",
    )
    assert {pid: people[pid].role for pid in people} == {
        "100": "ceo",  # President
        "101": "vp_product",  # VP, Product
        "102": "cpo",
        "103": "director_product",  # Director, Product Management
        "104": "gpm",  # Group Product Manager, Engineering Productivity
        "105": "pm",  # Product Manager, Design Systems
        "106": "senior_pm",  # Senior PM, Analytics
        "107": "pm",  # Product Manager - Sales Tools
        "108": "pm",  # Product Manager II
        "109": "senior_pm",  # Sr. PM | Payments
        "110": "principal_pm",  # Staff Product Manager (Search)
        "111": "other",  # Product Designer
        "112": "other",  # Product Marketing Manager
        "113": "other",  # Engineering Manager
        "114": "pm",  # Product Owner
        "115": "associate_pm",
        "116": "gpm",  # GPM
        "117": "senior_pm",  # Lead Product Manager
        "118": "head_of_product",
    }
    assert people["105"].title == "Product Manager, Design Systems"
    assert (people["104"].reports_to, people["100"].reports_to) == ("103", None)


def test_the_oracle_import_reports_the_mapping_and_the_duplicate_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, err = imported("oracle_hr.csv", tmp_path, capsys)
    [hint] = [line for line in err.splitlines() if ": warning: " in line]
    assert hint.startswith(f"{SAMPLES / 'oracle_hr.csv'}:17:") and "'110'" in hint and "John Chen" in hint
    mapped_to_other = [line.strip() for line in err.splitlines() if line.rstrip().endswith("# 1 person")]
    assert mapped_to_other == [
        '"Product Designer": other  # 1 person',
        '"Product Marketing Manager": other  # 1 person',
        '"Engineering Manager": other  # 1 person',
    ]
    assert "imported 19 people" in err and "1 warning" in err


def test_a_titles_file_maps_what_the_report_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    titles = tmp_path / "titles.yaml"
    titles.write_text('"Product Owner": other\n"Engineering Manager": cto\n', encoding="utf-8")
    org, err = imported("oracle_hr.csv", tmp_path, capsys, "--titles", str(titles))
    assert (org["114"].role, org["113"].role) == ("other", "cto")
    assert '"Product Owner"' not in err and '"Product Designer": other' in err


@pytest.mark.parametrize("name", ["d3_org_chart.json", "d3_org_chart.csv"])
def test_d3_org_chart_data_is_read_as_json_or_csv(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org, err = imported(name, tmp_path, capsys)
    shape = [(p.id, p.name, p.role, p.reports_to) for p in org.people()]
    assert shape[:3] == [
        ("O-6066", "Ian Devling", "ceo", None),
        ("O-6067", "Nancy Davolio", "cpo", "O-6066"),
        ("O-6068", "Janet Leverling", "vp_product", "O-6067"),
    ]
    assert {p.id: p.role for p in org.people()}["O-6075"] == "associate_pm"
    [hint] = [line for line in err.splitlines() if ": warning: " in line]
    assert "'O-6071'" in hint and "Michael Suyama" in hint and hint.startswith(f"{SAMPLES / name}:11:")


def test_a_dabeng_tree_without_ids_is_nested_by_path_and_a_vacant_name_is_a_vacancy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org, _ = imported("dabeng_orgchart.json", tmp_path, capsys)
    people = {p.name: p for p in org.people()}
    assert (people["Lao Lao"].id, people["Bo Miao"].reports_to, people["Li Xin"].reports_to) == ("1", "1", "1.1")
    assert (people["To To"].id, people["To To"].role, people["Fei Fei"].role) == ("1.1.2.1", "associate_pm", "pm")
    assert people["Vacant"].vacancy and people["Vacant"].role == "pm"
    assert (people["Hei Hei"].role, people["Hong Miao"].role) == ("other", "other")


def test_counts_read_as_sentences_for_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "one.csv", tmp_path / "one.yaml"
    source.write_text("id,name,manager\n1,Ann,\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(target)]) == 0
    assert "imported 1 person from" in capsys.readouterr().err
    assert main(["stats", str(target)]) == 0
    assert "1 position: 1 filled, 0 vacant; 0 managers; 1 layer" in capsys.readouterr().out
    assert main(["show", str(target)]) == 0
    assert "1 person)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("title", "role"),
    [("President", "ceo"), ("President & CEO", "ceo"), ("President, EMEA", "other"), ("President of Sales", "other")],
)
def test_a_president_alone_is_the_ceo(title: str, role: str) -> None:
    assert role_for_title(title) == role


def test_json_problems_point_at_their_object_past_braces_in_strings_and_repeated_keys() -> None:
    text = (
        '[{"id": "a", "name": "{Ann}", "tags": {"x": "}{"}},\n'
        ' {"id": "b", "id": "c", "name": "B", "extra": {"k": {}}}, {"id": "a", "name": "Again"}]'
    )
    [problem] = [problem for problem in import_json(text).problems if problem.severity == "error"]
    assert (problem.line, problem.column, problem.severity) == (2, 59, "error") and "'a'" in problem.message
