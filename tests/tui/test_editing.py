"""Every editing action, driven by keys, checked on the model and on the screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from orgdesign.document import Document
from orgdesign.edits import UpdatePerson
from orgdesign.model import Org, Person, Unit
from orgdesign.rules.finding import Severity
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_form import PersonForm
from orgdesign.tui.screens.person_picker import PersonPicker

from .conftest import SIZE, screen_text, small_org


def designer(org: Org | None = None, path: Path | None = None) -> OrgDesignApp:
    return OrgDesignApp(document=Document(org or small_org(), path))


async def select(pilot, pid: str) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    assert screen.org_tree.select_person(pid)
    await pilot.pause()
    return screen


async def test_opens_with_tops_and_their_reports_shown():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Ada Park  CEO" in text
        assert "Cy Diaz  Chief Product Officer" in text
        assert "Eve Ford" in text, "the product organisation opens on load"
        assert "Gus Hill  VP Engineering" not in text, "other deeper layers wait for an expand"
        assert "Small Co" in text and "(not saved yet)" in text


async def test_add_report_enter_submits_a_pm_under_the_selected_person():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert app.focused.id == "name"
        await pilot.press(*"Zoe Quinn", "enter")
        await pilot.pause()
        org = screen.document.org
        assert org["zoe-quinn"].role == "pm"
        assert org["zoe-quinn"].reports_to == "hop"
        assert screen.org_tree.selected_id == "zoe-quinn"
        assert "Zoe Quinn  Product Manager" in screen_text(app)
        assert "● unsaved" in screen_text(app)


async def test_add_form_reaches_every_field_with_tab():
    org = small_org()
    org.units = (Unit("pay", "Payments"),)
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "hop")
        await pilot.press("a")
        await pilot.pause()
        seen = []
        for _ in range(8):
            seen.append(app.focused.id)
            await pilot.press("tab")
        assert seen == ["name", "role", "title", "product", "unit", "years", "vacancy", "notes"]


async def test_add_form_shows_invalid_input_inline_and_keeps_it():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#years", Input).value = "many"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert "a name is required" in screen_text(app)
        assert "whole number" in screen_text(app)
        await pilot.press(*"Kim")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm), "still invalid years: the form stays"
        assert form.query_one("#name", Input).value == "Kim"
        assert form.query_one("#years", Input).value == "many"
        form.query_one("#years", Input).value = "3"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.document.org["kim"].years_pm == 3


async def test_add_form_escape_cancels_without_change():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("a", *"Nobody", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(screen.document.org) == 7
        assert not screen.document.history.can_undo


async def test_edit_with_e_and_with_enter():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("e")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        assert name.value == "Eve Ford"
        name.value = "Eve Fordham"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.document.org["pm1"].name == "Eve Fordham"
        assert screen.document.org["pm1"].product == "Payments", "untouched fields are kept"
        assert "Eve Fordham" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)


async def test_quick_role_change():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        app.screen.dismiss("associate_pm")
        await pilot.pause()
        assert screen.document.org["pm1"].role == "associate_pm"
        assert "Eve Ford  Associate Product Manager" in screen_text(app)


async def test_move_with_fuzzy_search():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "eng")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"headprod")
        await pilot.pause()
        assert app.screen.matches("headprod")[0] == "hop"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.document.org["eng"].reports_to == "hop"
        assert screen.org_tree.selected_id == "eng"
        assert screen.org_tree.node_for("eng").parent is screen.org_tree.node_for("hop")


async def test_move_under_ones_own_report_is_not_offered():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "cpo")
        await pilot.press("m", *"Eve Ford", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker), "the picker stays open"
        offered = {option.id for option in app.screen.query_one("#matches", OptionList).options}
        assert "pm1" not in offered
        assert screen.document.org["cpo"].reports_to == "ceo"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_delete_reattaches_reports_to_the_manager():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("d")
        await pilot.pause()
        assert "move up to Cy Diaz" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        org = screen.document.org
        assert "hop" not in org
        assert org["pm1"].reports_to == "cpo" and org["pm2"].reports_to == "cpo"
        assert screen.org_tree.selected_id == "cpo"
        text = screen_text(app)
        assert "Di Evans" not in text and "Eve Ford" in text


async def test_delete_subtree_removes_everyone_below():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("d", "s")
        await pilot.pause()
        assert not {"hop", "pm1", "pm2"} & set(screen.document.org.ids())
        assert "Eve Ford" not in screen_text(app)


async def test_reporting_option_moves_the_product_top_to_the_cto_and_back():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "cpo")
        before = screen.document.validator.counts()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Report to the CEO  (now)" in screen_text(app) and "CTO  (now)" not in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert screen.document.org["cpo"].reports_to == "cto"
        assert screen.document.validator.counts() != before, "the findings show the consequence"
        assert screen.document.validator.worst("cpo") is not None
        await pilot.press("o", "1")
        await pilot.pause()
        assert screen.document.org["cpo"].reports_to == "ceo"


async def test_reporting_option_for_a_pm_between_their_leader_and_the_ceo():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("o")
        await pilot.pause()
        assert "Report to the CEO: Ada Park" in screen_text(app)
        assert "Report to their product leader: Di Evans  (now)" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert screen.document.org["pm1"].reports_to == "ceo"
        await pilot.press("o", "1")
        await pilot.pause()
        assert screen.document.org["pm1"].reports_to == "hop"


async def test_reporting_option_for_a_pm_offers_their_own_units_ceo():
    people = [
        Person("group", "Gil Group", "ceo"),
        Person("ceo_a", "Ann Able", "ceo", reports_to="group", unit="a"),
        Person("hop_a", "Hal Able", "head_of_product", reports_to="ceo_a", unit="a"),
        Person("pm_a", "Pia Able", "pm", reports_to="hop_a", unit="a"),
        Person("ceo_b", "Bea Bond", "ceo", reports_to="group", unit="b"),
        Person("pm_b", "Pat Bond", "pm", reports_to="ceo_a", unit="b"),
    ]
    org = Org("Group", people, units=[Unit("a", "Able"), Unit("b", "Bond")])
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm_b")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert [choice.value for choice in app.screen.choices] == ["ceo_b"]
        assert "Report to the CEO: Bea Bond" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert screen.document.org["pm_b"].reports_to == "ceo_b"


async def test_fix_applies_the_selected_findings_fix():
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm3")
        assert any(f.fix for f in screen.document.validator.for_person("pm3"))
        await pilot.press("f")
        await pilot.pause()
        assert screen.document.org["pm3"].reports_to == "hop"
        assert not screen.document.validator.for_person("pm3")


async def test_findings_list_jumps_to_the_person_and_explains_the_rule():
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "cto")
        screen.findings.focus()
        await pilot.pause()
        finding = screen.findings.highlighted_finding
        assert finding is not None and finding.person == "pm3"
        text = screen_text(app)
        assert "Sources:" in text and finding.code in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.org_tree.selected_id == "pm3"
        assert app.focused is screen.org_tree
        assert "Hal Ives" in str(screen.details.render())


async def test_undo_and_redo_restore_model_and_tree():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        original = Org("copy", small_org().people())
        await pilot.press("d", "s")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert list(screen.document.org.tree_order()) == list(original.tree_order())
        assert screen.org_tree.node_for("hop") is not None
        assert not screen.document.dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "hop" not in screen.document.org
        assert screen.org_tree.node_for("hop") is None


async def test_search_jumps_to_a_person_in_a_collapsed_branch():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "ceo")
        assert screen.org_tree.node_for("eng") is None
        await pilot.press("slash", *"gus", "enter")
        await pilot.pause()
        assert screen.org_tree.selected_id == "eng"
        assert "Gus Hill  VP Engineering" in screen_text(app)


async def test_profile_switch_rechecks_rules():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "ceo")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert screen.document.org.profile == "enterprise"
        assert "profile enterprise" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.document.org.profile == "scaleup"


async def test_badges_show_the_worst_severity():
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm3")
        worst = screen.document.validator.worst("pm3")
        glyph = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}[worst]
        assert screen.org_tree.node_for("pm3").label.plain.endswith(glyph)
        assert not screen.org_tree.node_for("cto").label.plain.endswith(glyph)


async def test_the_person_pane_follows_every_change_and_describes_each_person_once_per_change(monkeypatch):
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        described: list[str] = []
        original = type(screen.details).describe
        monkeypatch.setattr(
            type(screen.details), "describe", lambda pane, person: described.append(person.id) or original(pane, person)
        )
        screen.perform(UpdatePerson("pm2", name="Fay Golding"), select="pm2")
        await pilot.pause()
        assert "Fay Golding" in str(screen.details.render())
        assert described == ["pm2"], "once, though the cursor landing on them asks again"
        screen.action_undo()
        await pilot.pause()
        assert "Fay Gold\n" in str(screen.details.render()) and "Golding" not in str(screen.details.render())
        screen.perform(UpdatePerson("pm1", title="Payments lead"), select="pm2")
        await pilot.pause()
        assert described == ["pm2", "pm2", "pm2"], "each change describes the selected person again"
