"""Diffs between layouts: people, moves, field changes and findings, in three renderings."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from orgdesign.diff import diff_orgs, render_diff_json, render_diff_markdown, render_diff_text
from orgdesign.edits import AddPerson, ChangeRole, MovePerson, RemovePerson
from orgdesign.layout import load_layout
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Finding, Severity

LAYOUTS = Path(__file__).resolve().parents[1] / "layouts"


def base() -> Org:
    return Org(
        "Base",
        [
            Person("ceo", "Ceo", "ceo"),
            Person("cpo", "Cpo", "cpo", reports_to="ceo"),
            Person("gpm", "Gpm", "gpm", reports_to="cpo"),
            Person("pm", "Pat | PM", "pm", reports_to="gpm", title="PM, Search"),
            Person("old", "Old <timer>", "pm", reports_to="gpm"),
        ],
    )


def changed() -> Org:
    org = base()
    org.pop("old")
    org.put(Person("new", "New *hire*", "associate_pm", reports_to="cpo"))
    org.put(replace(org["pm"], reports_to="cpo", role="senior_pm", title="Senior PM, Search"))
    return org


def no_findings(_org: Org) -> list[Finding]:
    return []


def test_added_removed_moved_and_changed_people():
    diff = diff_orgs(base(), changed(), no_findings)
    assert [e.person.id for e in diff.added] == ["new"]
    assert diff.added[0].manager.name == "Cpo"
    assert [e.person.id for e in diff.removed] == ["old"]
    assert diff.removed[0].manager.id == "gpm"
    assert [(m.person.id, m.old_manager.id, m.new_manager.id) for m in diff.moved] == [("pm", "gpm", "cpo")]
    assert [(c.field, c.old, c.new) for c in diff.changed] == [
        ("role", "pm", "senior_pm"),
        ("title", "PM, Search", "Senior PM, Search"),
    ]


def test_identical_orgs_have_no_changes():
    diff = diff_orgs(base(), base(), no_findings)
    assert diff.is_empty
    assert render_diff_text(diff) == "No changes.\n"
    assert "No changes." in render_diff_markdown(diff)


def fake_rules(org: Org) -> list[Finding]:
    findings = []
    if "old" in org:
        findings.append(Finding("SPN201", Severity.WARNING, "gpm", "gpm has 2 reports", ()))
        findings.append(Finding("PRD999", Severity.ERROR, "old", "gone soon", ()))
    else:
        findings.append(Finding("SPN201", Severity.WARNING, "gpm", "gpm has 1 report", ()))
    if "new" in org:
        findings.append(Finding("PRD102", Severity.ERROR, "new", "APM | without mentor", ()))
    return findings


def test_findings_introduced_and_resolved_match_by_code_and_person():
    diff = diff_orgs(base(), changed(), fake_rules)
    assert [(f.code, f.person.id) for f in diff.findings_introduced] == [("PRD102", "new")]
    assert [(f.code, f.person.id, f.person.name) for f in diff.findings_resolved] == [("PRD999", "old", "Old <timer>")]


def test_markdown_is_a_pull_request_comment_with_escaped_cells():
    text = render_diff_markdown(diff_orgs(base(), changed(), fake_rules))
    assert text.startswith("### Org changes\n")
    assert "| Pat \\| PM (pm) | Gpm (gpm) | Cpo (cpo) |" in text
    assert "| New \\*hire\\* (new) | Associate Product Manager | Cpo (cpo) |" in text
    assert "| `PRD102` | error | New \\*hire\\* (new) | APM \\| without mentor |" in text
    for line in text.splitlines():
        if line.startswith("| "):
            assert line.replace("\\|", "").count("|") in (4, 5)


def test_text_and_json_renderings():
    diff = diff_orgs(base(), changed(), fake_rules)
    text = render_diff_text(diff)
    assert "~ Pat | PM (pm): Gpm (gpm) -> Cpo (cpo)" in text
    assert "Findings introduced (1)" in text
    document = json.loads(render_diff_json(diff))
    assert document["moved"][0]["new_manager"] == {"id": "cpo", "name": "Cpo"}


def test_diff_of_a_template_edited_with_edit_commands():
    old = load_layout(LAYOUTS / "scaleup.yaml")
    new = load_layout(LAYOUTS / "scaleup.yaml")
    pms = new.people_with_role("pm")
    leaders = new.people_with_role("gpm", "director_product")
    MovePerson(pms[0].id, next(p.id for p in leaders if p.id != pms[0].reports_to)).apply(new)
    ChangeRole(pms[1].id, "senior_pm").apply(new)
    RemovePerson(pms[2].id).apply(new)
    AddPerson(Person("hire", "New Hire", "associate_pm", reports_to=leaders[0].id)).apply(new)
    diff = diff_orgs(old, new)
    assert [e.person.id for e in diff.added] == ["hire"]
    assert [e.person.id for e in diff.removed] == [pms[2].id]
    assert [m.person.id for m in diff.moved] == [pms[0].id]
    assert any(c.person.id == pms[1].id and c.field == "role" for c in diff.changed)
