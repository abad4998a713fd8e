"""`import --update LAYOUT`: a new HR export applied to a layout the designer has worked on."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.importing import import_csv
from orgdesign.importing.titles import TitleMap
from orgdesign.importing.update import updated_org
from orgdesign.layout import dump_layout, load_layout, save_layout
from orgdesign.model import Org, Person, Unit, Waiver

FIRST_EXPORT = """id,name,title,manager
1,Ada Byron,Chief Product Officer,
2,Bea Cole,Group Product Manager,1
3,Cy Dunn,Product Manager,2
4,Di Eve,Product Manager,2
5,Ed Fox,Software Engineer,1
"""

NEXT_EXPORT = """id,name,title,manager
1,Ada Byron,Chief Product Officer,
2,Bea Cole-Smith,Group Product Manager,1
3,Cy Dunn,Senior Product Manager,1
5,Ed Fox,Software Engineer,1
6,Flo Gray,Product Manager,2
"""


def designed_layout() -> Org:
    """The first export as the designer left it: a hand-chosen role, a waiver, a note, a unit, a vacancy."""
    org = import_csv(FIRST_EXPORT, layout_name="Acme").org
    people = {p.id: p for p in org.people()}
    people["5"] = Person("5", "Ed Fox", "technical_pm", "Software Engineer", reports_to="1", unit="core")
    people["2"] = Person(
        "2",
        "Bea Cole",
        "gpm",
        "Group Product Manager",
        reports_to="1",
        notes="moving to EMEA in Q3",
        allow=(Waiver("PRD102", "interim arrangement"),),
        dotted_to=("4",),
        years_pm=9,
    )
    people["v1"] = Person("v1", "Open role", "pm", reports_to="4", vacancy=True)
    return Org("Acme", people.values(), profile="enterprise", units=[Unit("core", "Core platform")])


def test_hires_leavers_moves_and_title_changes_come_from_the_export_and_the_design_stays() -> None:
    current = designed_layout()
    updated = updated_org(current, import_csv(NEXT_EXPORT).org, TitleMap())
    people = {p.id: p for p in updated.people()}
    assert set(people) == {"1", "2", "3", "5", "6", "v1"}
    assert people["6"].reports_to == "2" and people["6"].role == "pm"
    assert (people["3"].reports_to, people["3"].role, people["3"].title) == ("1", "senior_pm", "Senior Product Manager")
    assert people["2"].name == "Bea Cole-Smith"
    assert people["2"].notes == "moving to EMEA in Q3" and people["2"].allow == (
        Waiver("PRD102", "interim arrangement"),
    )
    assert people["2"].years_pm == 9 and people["2"].dotted_to == ()
    assert people["5"].role == "technical_pm" and people["5"].unit == "core"
    assert people["v1"].vacancy and people["v1"].reports_to == "2"
    assert (updated.name, updated.profile, updated.units) == ("Acme", "enterprise", (Unit("core", "Core platform"),))


def test_applying_the_same_export_again_changes_nothing() -> None:
    current = designed_layout()
    once = updated_org(current, import_csv(NEXT_EXPORT).org, TitleMap())
    twice = updated_org(once, import_csv(NEXT_EXPORT).org, TitleMap())
    assert dump_layout(twice) == dump_layout(once)


def test_update_prints_the_diff_and_saves_the_layout_with_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = tmp_path / "acme.yaml"
    save_layout(designed_layout(), layout)
    before = layout.read_bytes()
    export = tmp_path / "hr.csv"
    export.write_text(NEXT_EXPORT, encoding="utf-8")
    assert main(["import", str(export), "--update", str(layout)]) == 0
    out = capsys.readouterr().out
    assert "Flo Gray" in out and "Di Eve" in out and "Senior Product Manager" in out
    assert load_layout(layout)["2"].notes == "moving to EMEA in Q3"
    assert (tmp_path / "acme.yaml.bak").read_bytes() == before


def test_a_broken_layout_or_export_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = tmp_path / "acme.yaml"
    layout.write_text("name: [unclosed\n", encoding="utf-8")
    export = tmp_path / "hr.csv"
    export.write_text(NEXT_EXPORT, encoding="utf-8")
    assert main(["import", str(export), "--update", str(layout)]) == 2
    assert capsys.readouterr().err.startswith(f"{layout}:")
    save_layout(designed_layout(), layout)
    before = layout.read_bytes()
    export.write_text("who,what\nx,y\n", encoding="utf-8")
    assert main(["import", str(export), "--update", str(layout)]) == 2
    assert capsys.readouterr().err.startswith(f"{export}:1:1: error: ")
    assert layout.read_bytes() == before


def test_update_with_output_writes_there_and_leaves_the_layout_alone(tmp_path: Path) -> None:
    layout = tmp_path / "acme.yaml"
    save_layout(designed_layout(), layout)
    before = layout.read_bytes()
    export = tmp_path / "hr.csv"
    export.write_text(NEXT_EXPORT, encoding="utf-8")
    out = tmp_path / "acme-next.yaml"
    assert main(["import", str(export), "--update", str(layout), "-o", str(out)]) == 0
    assert layout.read_bytes() == before
    assert "6" in load_layout(out) and "4" not in load_layout(out)


def test_dotted_lines_come_from_the_export_when_it_has_them() -> None:
    export = NEXT_EXPORT.replace("id,name,title,manager\n", "id,name,title,manager,dotted line\n").replace(
        "Group Product Manager,1\n", "Group Product Manager,1,5\n"
    )
    updated = updated_org(designed_layout(), import_csv(export).org, TitleMap(), dotted_from_export=True)
    assert updated["2"].dotted_to == ("5",)
