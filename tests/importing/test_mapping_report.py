"""The mapping report after an import, and the user's own titles file (`import --titles`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.importing import import_csv
from orgdesign.importing.mapping import mapping_report, render_mapping_report
from orgdesign.importing.titles import TitleMap
from orgdesign.layout import load_layout

HR_EXPORT = """employee_id,first_name,last_name,job_title,manager_id
1,Ada,Byron,Chief Product Officer,
2,Bea,Cole,"Senior PM, Analytics",1
3,Cy,Dunn,"Product Manager - Sales Tools",1
4,Di,Eve,Product Lead,1
5,Ed,Fox,Product Lead,1
6,Flo,Gray,Product Designer,1
"""


def test_the_report_counts_each_role_with_example_titles_and_lists_the_titles_mapped_to_other() -> None:
    report = mapping_report(import_csv(HR_EXPORT).org)
    assert [(row.role, row.count) for row in report.rows] == [("cpo", 1), ("senior_pm", 1), ("pm", 1), ("other", 3)]
    assert report.rows[-1].examples == ("Product Lead", "Product Designer")
    assert report.other_titles == (("Product Lead", 2), ("Product Designer", 1))
    text = render_mapping_report(report, "titles.yaml")
    assert '  "Product Lead": other  # 2 people' in text.splitlines()
    assert "titles.yaml" in text


def test_a_title_map_wins_over_the_guess_whatever_the_case_and_spacing() -> None:
    titles = TitleMap({"product  LEAD": "pm", "Product Designer": "other"})
    org = import_csv(HR_EXPORT, titles=titles).org
    assert (org["4"].role, org["5"].role, org["6"].role, org["2"].role) == ("pm", "pm", "other", "senior_pm")
    assert org["4"].title == "Product Lead"


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_prints_the_report_and_a_titles_file_maps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "hr.csv", HR_EXPORT)
    out = tmp_path / "org.yaml"
    assert main(["import", source, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert '"Product Lead": other  # 2 people' in err and "Ada Byron" not in err
    titles = write(tmp_path / "titles.yaml", '"Product Lead": pm\nProduct Designer: other\n')
    assert main(["import", source, "-o", str(out), "--force", "--titles", titles]) == 0
    assert load_layout(out)["4"].role == "pm"
    assert '"Product Lead"' not in capsys.readouterr().err


def test_titles_the_user_mapped_to_other_are_not_asked_about_again() -> None:
    titles = TitleMap({"Product Designer": "other"})
    report = mapping_report(import_csv(HR_EXPORT, titles=titles).org, titles)
    assert report.other_titles == (("Product Lead", 2),)


@pytest.mark.parametrize(
    ("text", "location", "said"),
    [
        ("Product Lead: lead_pm\n", "1:15", "principal_pm"),
        ("a: pm\nProduct Lead: pm\nproduct lead: other\n", "3:1", "line 2"),
        ("- Product Lead\n", "1:1", "title"),
        ("a: [pm\n", "2:1", ""),
        ("a: pm\nb: [pm]\n", "2:4", "role id"),
    ],
)
def test_a_bad_titles_file_is_a_located_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, location: str, said: str
) -> None:
    source = write(tmp_path / "hr.csv", HR_EXPORT)
    titles = write(tmp_path / "titles.yaml", text)
    out = tmp_path / "org.yaml"
    assert main(["import", source, "-o", str(out), "--titles", titles]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{titles}:{location}: error: ") and said in line
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_titles_file_that_is_a_pipe_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "titles.yaml"
    os.mkfifo(fifo)
    assert main(["import", write(tmp_path / "hr.csv", HR_EXPORT), "--titles", str(fifo)]) == 2
    assert capsys.readouterr().err.startswith(f"{fifo}:1:1: error: ")


def test_a_titles_file_over_the_cap_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    titles = tmp_path / "titles.yaml"
    titles.write_bytes(b"#" * (1024 * 1024 + 1))
    assert main(["import", write(tmp_path / "hr.csv", HR_EXPORT), "--titles", str(titles)]) == 2
    assert capsys.readouterr().err.startswith(f"{titles}:1:1: error: ")
