"""The comparison engine: grouping, every field, renames, findings and stats deltas, live updates, reverts."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesign.compare import (
    COMPARED_FIELDS,
    Comparison,
    Entry,
    FieldChange,
    Move,
    OrgFieldChange,
    Renamed,
    diff_orgs,
)
from orgdesign.edits import AddPerson, EditRefused, History, MovePerson, RemovePerson, SetOrgField, UpdatePerson
from orgdesign.layout import load_layout
from orgdesign.model import Org, Person, Settings, Unit, Waiver
from orgdesign.rules import Validator

LAYOUTS = Path(__file__).resolve().parents[1] / "layouts"


ROWS = (("ceo", "Ceo", "ceo", None), ("cpo", "Cpo", "cpo", "ceo"), ("gpm", "Gpm", "gpm", "cpo"))


def base() -> Org:
    """CEO over CPO over a GPM with two PMs: Pat (unit Payments) and Olive."""
    people = [Person(pid, name, role, reports_to=manager) for pid, name, role, manager in ROWS]
    people += [Person("pm", "Pat", "pm", reports_to="gpm", unit="pay"), Person("old", "Olive", "pm", reports_to="gpm")]
    return Org("Base", people, units=[Unit("pay", "Payments")])


def comparing(old: Org, new: Org) -> Comparison:
    return Comparison(old, new, Validator(old), Validator(new))


def test_every_field_of_a_person_is_compared():
    changes = {
        "name": "Patricia",
        "role": "senior_pm",
        "title": "PM, Search",
        "dotted_to": ("ceo",),
        "unit": None,
        "product": "Search",
        "years_pm": 4,
        "vacancy": True,
        "notes": "moving teams",
        "allow": (Waiver("SPN201", "interim"),),
    }
    assert set(changes) == set(COMPARED_FIELDS)
    new = base()
    UpdatePerson("pm", **changes).apply(new)
    diff = diff_orgs(base(), new, lambda _org: [])
    assert {c.field for c in diff.changed} == set(changes)
    shown = {c.field: (c.old, c.new) for c in diff.changed}
    assert shown["allow"] == ("(none)", "SPN201 (interim)")
    assert shown["vacancy"] == ("no", "yes")


def test_layout_fields_are_compared():
    new = base()
    new.name = "Target"
    new.profile = "enterprise"
    new.settings = Settings(max_span=7, disable=("SPN201",))
    new.units = (Unit("pay", "Payments"), Unit("id", "Identity"))
    diff = diff_orgs(base(), new, lambda _org: [])
    assert [c.field for c in diff.org_changed] == [
        "name",
        "profile",
        "settings.max_span",
        "settings.disable",
        "units",
    ]


def test_same_name_under_a_new_id_is_possibly_renamed():
    new = base()
    RemovePerson("old").apply(new)
    AddPerson(Person("olive-2", "Olive", "pm", reports_to="cpo")).apply(new)
    diff = diff_orgs(base(), new, lambda _org: [])
    assert diff.added == diff.removed == ()
    assert diff.renamed == (Renamed(diff.renamed[0].old, diff.renamed[0].new),)
    assert (diff.renamed[0].old.id, diff.renamed[0].new.id) == ("old", "olive-2")


def test_two_people_of_one_name_are_not_paired():
    new = base()
    RemovePerson("old").apply(new)
    AddPerson(Person("olive-2", "Olive", "pm", reports_to="cpo")).apply(new)
    AddPerson(Person("olive-3", "Olive", "pm", reports_to="cpo")).apply(new)
    diff = diff_orgs(base(), new, lambda _org: [])
    assert diff.renamed == ()
    assert [e.person.id for e in diff.added] == ["olive-2", "olive-3"]
    assert [e.person.id for e in diff.removed] == ["old"]


def test_stats_delta_counts_roles_managers_layers_and_vacancies():
    new = base()
    AddPerson(Person("apm", "Ann", "associate_pm", reports_to="pm", vacancy=True)).apply(new)
    stats = {c.label: (c.old, c.new) for c in diff_orgs(base(), new, lambda _org: []).stats}
    assert stats["positions"] == (5, 6)
    assert stats["vacancies"] == (0, 1)
    assert stats["managers"] == (3, 4)
    assert stats["layers"] == (4, 5)
    assert stats["role: Associate Product Manager"] == (0, 1)


def test_findings_introduced_and_resolved_by_the_rules():
    new = base()
    MovePerson("pm", "ceo").apply(new)
    diff = diff_orgs(base(), new)
    assert [(f.code, f.person.id) for f in diff.findings_introduced if f.person] == [("SPN202", "gpm")]
    assert {(f.code, f.person.id) for f in diff.findings_resolved if f.person} == {("PRD113", "pm"), ("SPN202", "ceo")}
    assert diff_orgs(new, base()).findings_resolved == diff.findings_introduced


def random_edit(org: Org, rng: random.Random, serial: int):
    ids = sorted(org.ids())
    pid = rng.choice(ids)
    choice = rng.randrange(5)
    if choice == 0:
        return AddPerson(Person(f"new{serial}", rng.choice(["Olive", f"N{serial}"]), "pm", reports_to=pid))
    if choice == 1 and len(ids) > 2:
        return RemovePerson(pid, with_subtree=rng.random() < 0.3)
    if choice == 2:
        return MovePerson(pid, rng.choice(ids))
    if choice == 3:
        return UpdatePerson(pid, role=rng.choice(["pm", "senior_pm", "gpm", "other"]), vacancy=rng.random() < 0.5)
    return UpdatePerson(pid, name=rng.choice(["Olive", "Pat", f"X{serial}"]), years_pm=rng.randrange(9))


@pytest.mark.parametrize("seed", range(6))
def test_live_comparison_matches_a_fresh_one_after_every_edit(seed):
    rng = random.Random(seed)
    baseline = load_layout(LAYOUTS / "scaleup.yaml")
    current = load_layout(LAYOUTS / "scaleup.yaml")
    validator = Validator(current)
    live = Comparison(baseline, current, Validator(baseline), validator)
    history = History(current)
    for serial in range(40):
        if history.can_undo and rng.random() < 0.2:
            touched = history.undo()
        else:
            try:
                touched = history.do(random_edit(current, rng, serial))
            except EditRefused:
                continue
        assert touched is not None
        validator.refresh(touched)
        live.refresh(touched, validator.last_rechecked)
        assert live.summary() == comparing(baseline, current).summary()


def test_refresh_says_whose_marks_changed():
    old, new = base(), base()
    validator = Validator(new)
    live = Comparison(old, new, Validator(old), validator)
    touched = MovePerson("pm", "cpo").apply(new)
    validator.refresh(touched)
    assert "pm" in live.refresh(touched, validator.last_rechecked)
    status = live.status("pm")
    assert status is not None and status.moved_from == "gpm"
    touched = RemovePerson("old").apply(new)
    validator.refresh(touched)
    live.refresh(touched, validator.last_rechecked)
    touched = AddPerson(Person("olive-2", "Olive", "pm", reports_to="cpo")).apply(new)
    validator.refresh(touched)
    changed = live.refresh(touched, validator.last_rechecked)
    assert {"old", "olive-2"} <= changed
    assert live.status("old").renamed_to == "olive-2"
    assert live.removed_ids() == ["old"]


def every_change(comparison: Comparison) -> list:
    diff = comparison.summary()
    return [*diff.added, *diff.removed, *diff.renamed, *diff.moved, *diff.reordered, *diff.changed, *diff.org_changed]


def test_reverting_every_change_gives_back_the_baseline():
    old = base()
    new = base()
    MovePerson("pm", "cpo").apply(new)
    UpdatePerson("pm", title="Lead", years_pm=3).apply(new)
    RemovePerson("old").apply(new)
    AddPerson(Person("olive-2", "Olive", "pm", reports_to="gpm")).apply(new)
    AddPerson(Person("hire", "Hira", "associate_pm", reports_to="olive-2")).apply(new)
    AddPerson(Person("newbie", "Nia", "pm", reports_to="cpo")).apply(new)
    SetOrgField("settings", replace(new.settings, max_span=5)).apply(new)
    SetOrgField("name", "Target").apply(new)
    history = History(new)
    comparison = comparing(old, new)
    kinds = {type(change) for change in every_change(comparison)}
    assert kinds == {Entry, Renamed, Move, FieldChange, OrgFieldChange}
    for _ in range(20):
        changes = every_change(comparison)
        if not changes:
            break
        touched = history.do(comparison.revert(changes[0]))
        comparison.refresh(touched)
    assert every_change(comparison) == []
    assert new == old
    while history.can_undo:
        history.undo()
    assert new.name == "Target" and "olive-2" in new


def test_restoring_someone_whose_manager_is_gone_is_refused_with_a_reason():
    old, new = base(), base()
    RemovePerson("gpm", with_subtree=True).apply(new)
    comparison = comparing(old, new)
    removed = {e.person.id: e for e in comparison.summary().removed}
    with pytest.raises(EditRefused, match="not in this layout"):
        comparison.revert(removed["pm"])
    History(new).do(comparison.revert(removed["gpm"]))
    assert new["gpm"] == old["gpm"]
