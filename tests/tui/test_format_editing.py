"""The designer edits every part of the layout format: dotted lines, waivers, units, the org's
name and settings, and sibling order. Each action is checked on the model and on the screen."""

from __future__ import annotations

from textual.widgets import Input, SelectionList

from orgdesign.document import Document
from orgdesign.edits import AddPerson, RemovePerson, UpdatePerson, move_all, set_for_all
from orgdesign.model import Person, Waiver
from orgdesign.rules import RULES
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.commands import available_commands
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_picker import PersonPicker
from orgdesign.tui.screens.settings import SettingsScreen
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.screens.units import UnitsScreen

from .conftest import SIZE, notices, screen_text, small_org


def designer() -> OrgDesignApp:
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))
    return OrgDesignApp(document=Document(org))


async def on(pilot, pid: str) -> MainScreen:
    await pilot.pause()
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    main.org_tree.select_person(pid)
    main.org_tree.focus()
    await pilot.pause()
    return main


def tree_line(app: OrgDesignApp, name: str) -> str:
    """The tree's line of `name` (the tree is the left half; the details pane names them too)."""
    lines = [line[: SIZE[0] // 2] for line in screen_text(app).splitlines()]
    return next(line for line in lines[1:] if name in line)


async def test_a_dotted_line_is_drawn_from_a_picker_and_shown_in_tree_details_and_chart():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm2")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"Ben Cole", "enter")
        await pilot.pause()
        assert main.document.org["pm2"].dotted_to == ("cto",)
        assert "┄ Ben Cole" in tree_line(app, "Fay Gold")
        assert "dotted to  Ben Cole" in screen_text(app)
        assert "┄ Ben Cole" in main.chart.chart_layout.boxes["pm2"].face.lines
        await pilot.press("L")
        await pilot.pause()
        assert main.document.org["pm2"].dotted_to == ()
        assert "┄" not in tree_line(app, "Fay Gold")


async def test_a_dotted_line_names_its_manager_through_renames_arrivals_and_departures_and_other_edits_skip_the_lookup(
    monkeypatch,
):
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="hop", dotted_to=("cto", "new")))
    app = OrgDesignApp(document=Document(org))
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm3")
        assert "┄ Ben Cole" in tree_line(app, "Hal Ives")
        main.perform(UpdatePerson("cto", name="Ben Coles"))
        await pilot.pause()
        assert "┄ Ben Coles" in tree_line(app, "Hal Ives"), "the dotted line follows a rename"
        main.perform(AddPerson(Person("new", "Ida Jung", "other", reports_to="ceo")))
        await pilot.pause()
        assert "┄ Ben Coles, Ida Jung" in tree_line(app, "Hal Ives"), "and the arrival of its manager"
        main.perform(RemovePerson("new"))
        await pilot.pause()
        assert "Ida Jung" not in tree_line(app, "Hal Ives"), "and their leaving"
        looked_up: list[set[str]] = []
        monkeypatch.setattr(org, "dotted_report_ids_of", lambda pids: looked_up.append(set(pids)) or set())
        main.perform(move_all(org, ["pm1", "pm2"], "cpo"))
        main.perform(set_for_all(org, ["pm1", "cto"], "product", "Search"))
        await pilot.pause()
        assert looked_up == [], "edits that rename nobody do not look for whose line names whom"


async def test_a_dotted_line_to_oneself_or_to_nobody_is_refused_with_the_reason():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm2")
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Fay Gold", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        assert "cannot have a dotted line to themself" in screen_text(app)
        app.screen.query_one(Input).value = "zzzz nobody"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        assert "nobody matches" in screen_text(app).lower()
        await pilot.press("escape")
        await pilot.pause()
        assert main.document.org["pm2"].dotted_to == ()


async def test_removing_one_of_several_dotted_lines_asks_which():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm2")
        for name in ("Ben Cole", "Cy Diaz"):
            await pilot.press("l", *name, "enter")
            await pilot.pause()
        assert main.document.org["pm2"].dotted_to == ("cto", "cpo")
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("2")
        await pilot.pause()
        assert main.document.org["pm2"].dotted_to == ("cto",)


def person_with_one_finding(main: MainScreen) -> str:
    validator = main.document.validator
    return next(p.id for p in main.document.org.tree_order() if len(validator.for_person(p.id)) == 1)


async def test_waiving_asks_for_a_reason_takes_the_finding_out_of_the_counts_and_can_be_undone():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "ceo")
        pid = person_with_one_finding(main)
        main = await on(pilot, pid)
        finding = main.document.validator.for_person(pid)[0]
        counted = main.document.validator.counts()[finding.severity]
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")
        await pilot.pause()
        assert "needs a reason" in screen_text(app)
        await pilot.press(*"agreed with the board", "enter")
        await pilot.pause()
        person = main.document.org[pid]
        assert person.allow == (Waiver(finding.code, "agreed with the board"),)
        assert main.document.validator.counts()[finding.severity] == counted - 1
        assert finding.message not in screen_text(app).split("Findings")[-1]
        await pilot.press("V")
        await pilot.pause()
        assert f"{finding.code} " in screen_text(app) and "(waived)" in screen_text(app)
        await pilot.press("W")
        await pilot.pause()
        assert main.document.org[pid].allow == ()
        assert main.document.validator.counts()[finding.severity] == counted


async def test_waive_acts_on_the_highlighted_finding_when_the_list_has_focus():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "ceo")
        main.findings.focus()
        await pilot.pause()
        finding = main.findings.highlighted_finding
        assert finding is not None and finding.person is not None
        await pilot.press("w", *"known", "enter")
        await pilot.pause()
        assert main.document.org[finding.person].waives(finding.code) is not None


async def test_units_are_created_assigned_shown_in_the_tree_and_deleted_asking_about_members():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm1")
        await pilot.press("U")
        await pilot.pause()
        assert isinstance(app.screen, UnitsScreen)
        await pilot.press("n", *"Payments", "enter")
        await pilot.pause()
        assert [u.name for u in main.document.org.units] == ["Payments"]
        assert "Payments  0 people" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = "Payments & Cards"
        await pilot.press("enter", "escape")
        await pilot.pause()
        await pilot.press("u", "1")
        await pilot.pause()
        assert main.document.org["pm1"].unit == "payments"
        await pilot.press("t")
        await pilot.pause()
        assert "▣ Payments & Cards" in tree_line(app, "Eve Ford")
        await pilot.press("U", "d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "1 person belongs to Payments & Cards" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert main.document.org.units == () and main.document.org["pm1"].unit is None
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert main.document.org["pm1"].unit == "payments"


async def test_a_new_unit_can_be_made_while_assigning_in_one_undoable_step():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm1")
        await pilot.press("u", "plus")
        await pilot.pause()
        await pilot.press(*"Growth", "enter")
        await pilot.pause()
        assert main.document.org["pm1"].unit == "growth"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert main.document.org.units == () and main.document.org["pm1"].unit is None


async def test_several_people_are_assigned_at_once_for_bulk_editing():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm1")
        await pilot.press("u", "plus", *"Search", "enter")
        await pilot.pause()
        main.format_editing.assign_unit(["pm2", "pm3"])
        await pilot.pause()
        assert "Unit of 2 people" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert {main.document.org[pid].unit for pid in ("pm1", "pm2", "pm3")} == {"search"}
        assert main.document.history.undo_description == "move 2 people to Search"


async def test_renaming_the_org_shows_in_the_header_and_an_empty_name_is_refused():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "ceo")
        await pilot.press("N")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = "  "
        await pilot.press("enter")
        await pilot.pause()
        assert "needs a name" in screen_text(app)
        field.value = "Small Co Group"
        await pilot.press("enter")
        await pilot.pause()
        assert main.document.org.name == "Small Co Group"
        assert "Small Co Group" in screen_text(app).splitlines()[0]


async def test_settings_change_the_findings_live_and_are_one_undo_step():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "ceo")
        before = main.document.validator.counts()
        depth = main.document.history.depth
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        span = app.screen.query_one("#max_span", Input)
        span.value = "1"
        await pilot.pause()
        assert main.document.org.settings.max_span == 1
        assert main.document.validator.counts() != before, "a span of 1 makes findings at once"
        span.value = "0"
        await pilot.pause()
        assert "max_span must be" in screen_text(app)
        rules = app.screen.query_one(SelectionList)
        rules.focus()
        await pilot.press("space")
        await pilot.pause()
        first = sorted(RULES)[0]
        assert main.document.org.settings.disable == (first,)
        assert RULES[first].title in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert main.document.history.depth == depth + 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert main.document.org.settings == small_org().settings
        assert main.document.validator.counts() == before


async def test_reorder_moves_the_person_among_siblings_in_the_tree_and_refuses_past_the_end():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "pm2")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert [p.id for p in main.document.org.reports("hop")] == ["pm2", "pm1"]
        text = screen_text(app)
        assert text.index("Fay Gold") < text.index("Eve Ford")
        assert main.org_tree.selected_id == "pm2"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "already first among Di Evans's reports" in notices(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert [p.id for p in main.document.org.reports("hop")] == ["pm1", "pm2"]


async def test_every_format_action_is_in_the_palette_under_the_words_users_search_for():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        main = await on(pilot, "ceo")
        names = " | ".join(c.description.lower() for c in available_commands(main))
        for word in ("dotted", "waive", "unit", "rename", "settings", "reorder"):
            assert word in names, word
