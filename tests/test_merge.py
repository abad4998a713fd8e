"""Three-way merge of layouts by person id (orgdesign.merge) and resolving its conflict markers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from orgdesign.layout import LayoutError, dump_layout, load_layout, loads_layout
from orgdesign.layout.conflicts import find_conflicts, resolve
from orgdesign.merge import MergeResult, empty_base, merge_orgs, merged_text
from orgdesign.model import Org, Settings, Unit, Waiver

STARTUP = Path(__file__).resolve().parents[1] / "layouts" / "startup.yaml"


def base() -> Org:
    return load_layout(STARTUP)


def changed(org: Org, pid: str, **fields: object) -> Org:
    org.put(replace(org[pid], **fields))  # type: ignore[arg-type]
    return org


def reload(org: Org) -> Org:
    return loads_layout(dump_layout(org))


def merged(result: MergeResult) -> Org:
    """The clean merge as the driver writes it and the loader reads it back."""
    assert result.clean
    return loads_layout(merged_text(result).text)


def test_a_move_on_one_side_and_an_addition_and_a_new_title_on_the_other_all_land():
    ours = changed(base(), "raj", reports_to="felix")
    theirs = changed(base(), "mira", title="Staff Engineer")
    theirs.put(replace(theirs["hana"], id="lena", name="Lena Park", vacancy=False, notes=None))
    result = merge_orgs(base(), reload(ours), reload(theirs))
    org = merged(result)
    assert org["raj"].reports_to == "felix"
    assert org["mira"].title == "Staff Engineer"
    assert org["lena"].name == "Lena Park"
    assert len(org) == len(base()) + 1


def test_the_same_change_on_both_sides_is_no_conflict():
    ours = changed(base(), "mira", title="Staff Engineer")
    theirs = changed(base(), "mira", title="Staff Engineer")
    assert merged(merge_orgs(base(), ours, theirs))["mira"].title == "Staff Engineer"


def test_different_fields_of_the_same_person_both_land():
    ours = changed(base(), "mira", title="Staff Engineer")
    theirs = changed(base(), "mira", notes="Leads the pricing rewrite")
    person = merged(merge_orgs(base(), ours, theirs))["mira"]
    assert (person.title, person.notes) == ("Staff Engineer", "Leads the pricing rewrite")


def test_the_same_field_changed_differently_marks_just_that_person():
    ours = changed(base(), "mira", title="Staff Engineer")
    theirs = changed(base(), "mira", title="Principal Engineer", notes="Moved to platform")
    result = merge_orgs(base(), ours, theirs)
    assert [(c.id, c.fields) for c in result.person_conflicts] == [("mira", ("title",))]
    written = merged_text(result)
    lines = written.text.split("\n")
    (conflict,) = find_conflicts(lines)
    assert conflict.ours[0] == conflict.theirs[0] == "  - id: mira"
    assert "    title: Staff Engineer" in conflict.ours
    assert "    title: Principal Engineer" in conflict.theirs
    assert "    notes: Moved to platform" in conflict.ours  # the change only theirs made is on both sides
    assert written.conflicts == [(conflict.line, "Mira Kovač (mira): both sides changed title")]
    assert sum(line.startswith("  - id: ") for line in lines) == len(base()) + 1  # only mira twice


@pytest.mark.parametrize(("side", "title"), [("ours", "Staff Engineer"), ("theirs", "Principal Engineer")])
def test_picking_a_side_gives_a_layout_with_that_sides_value(side, title):
    ours = changed(base(), "mira", title="Staff Engineer")
    theirs = changed(base(), "mira", title="Principal Engineer")
    text = merged_text(merge_orgs(base(), ours, theirs)).text
    with pytest.raises(LayoutError, match="unresolved merge conflict"):
        loads_layout(text)
    assert loads_layout(resolve(text, [side]))["mira"].title == title


def test_a_person_removed_on_one_side_and_untouched_on_the_other_is_gone():
    ours = base()
    ours.pop("olu")
    assert "olu" not in merged(merge_orgs(base(), ours, base()))


@pytest.mark.parametrize(("side", "kept"), [("ours", False), ("theirs", True)])
def test_a_person_removed_on_one_side_and_changed_on_the_other_is_a_conflict(side, kept):
    ours = base()
    ours.pop("olu")
    theirs = changed(base(), "olu", title="Design Lead")
    result = merge_orgs(base(), ours, theirs)
    assert "removed on ours" in result.person_conflicts[0].describe()
    text = merged_text(result).text
    (conflict,) = find_conflicts(text.split("\n"))
    assert conflict.ours == ()
    resolved = loads_layout(resolve(text, [side]))
    assert ("olu" in resolved) is kept
    assert len(resolved) == len(base()) - (not kept)


def test_dotted_lines_and_waivers_added_on_both_sides_are_all_kept():
    ours = changed(base(), "raj", dotted_to=("felix",), allow=(Waiver("PRD101", "ours"),))
    theirs = changed(base(), "raj", dotted_to=("olu",), allow=(Waiver("SPN202", "theirs"),))
    person = merged(merge_orgs(base(), ours, theirs))["raj"]
    assert person.dotted_to == ("felix", "olu")
    assert [w.rule for w in person.allow] == ["PRD101", "SPN202"]


def test_the_same_waiver_given_different_reasons_is_a_conflict():
    ours = changed(base(), "raj", allow=(Waiver("PRD101", "ours"),))
    theirs = changed(base(), "raj", allow=(Waiver("PRD101", "theirs"),))
    assert [c.fields for c in merge_orgs(base(), ours, theirs).person_conflicts] == [("allow",)]


def test_org_fields_merge_field_by_field():
    ours = base()
    ours.name = "Tessellate"
    ours.units = (Unit("floor", "Floor"),)
    theirs = base()
    theirs.settings = Settings(max_span=6, disable=("SPN202",))
    theirs.units = (Unit("quote", "Quotes"),)
    org = merged(merge_orgs(base(), ours, theirs))
    assert org.name == "Tessellate"
    assert org.settings == Settings(max_span=6, disable=("SPN202",))
    assert [u.id for u in org.units] == ["floor", "quote"]


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_an_org_field_changed_differently_on_both_sides_is_marked_and_resolvable(side):
    ours, theirs = base(), base()
    ours.name, theirs.name = "Tessellate", "Tessellate Inc."
    theirs.settings = Settings(max_span=6)  # absent from ours' text, so its block goes where it would be
    ours.settings = Settings(max_span=9)
    result = merge_orgs(base(), ours, theirs)
    assert [c.key for c in result.org_conflicts] == ["name", "settings"]
    text = merged_text(result).text
    assert [c.ours[0] for c in find_conflicts(text.split("\n"))] == ["name: Tessellate", "settings:"]
    expected = ours if side == "ours" else theirs
    resolved = loads_layout(resolve(text, [side, side]))
    assert (resolved.name, resolved.settings) == (expected.name, expected.settings)


def test_a_settings_block_only_theirs_has_is_inserted_in_its_place():
    the_base = base()
    the_base.settings = Settings(max_span=8)
    ours, theirs = reload(the_base), reload(the_base)
    ours.settings = Settings()
    theirs.settings = Settings(max_span=10)
    text = merged_text(merge_orgs(the_base, ours, theirs)).text
    (conflict,) = find_conflicts(text.split("\n"))
    assert conflict.ours == ()
    assert loads_layout(resolve(text, ["theirs"])).settings.max_span == 10
    assert loads_layout(resolve(text, ["ours"])).settings.max_span == Settings().max_span


def test_a_layout_both_sides_added_merges_against_an_empty_ancestor():
    ours = base()
    theirs = changed(base(), "mira", notes="Joined in May")
    result = merge_orgs(empty_base(), ours, theirs)
    assert [c.fields for c in result.person_conflicts] == [("notes",)]
    assert merge_orgs(empty_base(), ours, base()).clean


def test_comments_from_both_sides_are_kept():
    text = STARTUP.read_text(encoding="utf-8")
    ours = loads_layout(text.replace("  - id: mira\n", "  # ours: promote in Q3\n  - id: mira\n"))
    theirs = loads_layout(text.replace("  - id: mira\n", "  # theirs: mentor for Tom\n  - id: mira\n"))
    assert merged(merge_orgs(base(), ours, theirs))["mira"].comments == (
        " ours: promote in Q3",
        " theirs: mentor for Tom",
    )


def test_siblings_keep_the_order_of_the_side_that_reordered_them():
    ours = base()
    person, _ = ours.pop("mira")
    ours.put(person)  # now last among felix's reports
    assert [p.id for p in merged(merge_orgs(base(), base(), ours)).reports("felix")] == ["tom", "ada", "mira"]


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_units_keep_the_order_of_the_side_that_inserted_one_before_the_others(side):
    old = base()
    old.units = (Unit("floor", "Floor"),)
    new = reload(old)
    new.units = (Unit("quote", "Quotes"), Unit("floor", "Floor"))
    result = merge_orgs(old, new, old) if side == "ours" else merge_orgs(old, old, new)
    assert [u.id for u in merged(result).units] == ["quote", "floor"]


def test_resolve_reads_git_diff3_conflicts_too():
    text = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> topic\nb\n"
    assert resolve(text, ["ours"]) == "a\nours\nb\n"
    assert resolve(text, ["theirs"]) == "a\ntheirs\nb\n"


def test_an_unclosed_conflict_is_not_offered_for_resolution():
    assert find_conflicts(["<<<<<<< ours", "x", "=======", "y"]) == []


def test_someone_removed_on_our_side_is_placed_for_theirs_without_losing_the_closing_comments():
    text = STARTUP.read_text(encoding="utf-8") + "# closing words\n"
    ours = loads_layout(text)
    ours.pop("olu")
    theirs = changed(loads_layout(text), "olu", title="Design Lead")
    written = merged_text(merge_orgs(loads_layout(text), ours, theirs)).text
    assert written.endswith("# closing words\n")
    assert "olu" not in loads_layout(resolve(written, ["ours"]))
    assert loads_layout(resolve(written, ["theirs"]))["olu"].title == "Design Lead"


def test_everyone_removed_on_one_side_while_the_other_changed_someone_makes_the_whole_list_the_conflict():
    ours = base()
    for pid in list(ours.ids()):
        ours.pop(pid)
    theirs = changed(base(), "olu", title="Design Lead")
    written = merged_text(merge_orgs(base(), ours, theirs)).text
    (conflict,) = find_conflicts(written.split("\n"))
    assert conflict.ours == ("people: []",)
    assert len(loads_layout(resolve(written, ["ours"]))) == 0
    assert loads_layout(resolve(written, ["theirs"]))["olu"].title == "Design Lead"
