"""Small traps removed: tree keys, the product org open on load, undo selection, dialog defaults."""

from __future__ import annotations

from textual.widgets import OptionList

from orgdesign.document import Document
from orgdesign.model import Org, Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.keys import known_binding_ids
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_picker import PersonPicker

from .conftest import SIZE, screen_text, small_org


def designer(org: Org | None = None) -> OrgDesignApp:
    return OrgDesignApp(document=Document(org or small_org()))


async def main_screen(pilot, pid: str | None = None) -> MainScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    if pid is not None:
        assert screen.org_tree.select_person(pid)
        await pilot.pause()
    return screen


async def test_the_product_org_is_open_on_load_and_other_branches_wait():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot)
        text = screen_text(app)
        assert "Eve Ford" in text and "Fay Gold" in text, "the PMs under the CPO show at once"
        assert screen.org_tree.node_for("eng") is None, "the CTO's branch waits for an expand"
        assert screen.org_tree.selected_id == "ceo"


async def test_the_product_org_opens_lazily_in_a_large_org():
    people = [Person("ceo", "Chief", "ceo"), Person("cpo", "Product Top", "cpo", reports_to="ceo")]
    for d in range(40):
        people.append(Person(f"dir{d}", f"Director {d}", "director_product", reports_to="cpo"))
        people.extend(Person(f"pm{d}-{n}", f"PM {d}-{n}", "pm", reports_to=f"dir{d}") for n in range(30))
    app = designer(Org("Big", people))
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot)
        assert screen.org_tree.node_for("dir0") is not None, "the product top's reports show"
        assert screen.org_tree.node_for("pm0-0") is None, "layers beyond the opening budget wait for an expand"


async def test_left_and_right_collapse_expand_and_move_between_manager_and_report():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "cto")
        node = screen.org_tree.cursor_node
        assert node is not None and not node.is_expanded
        await pilot.press("right")
        assert node.is_expanded
        await pilot.press("right")
        assert screen.org_tree.selected_id == "eng"
        await pilot.press("left")
        assert screen.org_tree.selected_id == "cto"
        await pilot.press("left")
        assert not node.is_expanded
        await pilot.press("left")
        assert screen.org_tree.selected_id == "ceo"


async def test_asterisk_expands_the_whole_subtree():
    people = [Person("ceo", "Chief", "ceo"), Person("cto", "Tech", "cto", reports_to="ceo")]
    people += [Person(f"l{n}", f"Layer {n}", "other", reports_to=f"l{n - 1}" if n else "cto") for n in range(6)]
    app = designer(Org("Deep", people))
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "cto")
        assert screen.org_tree.node_for("l5") is None
        await pilot.press("asterisk")
        await pilot.pause()
        assert screen.org_tree.node_for("l5") is not None
        assert "Layer 5" in screen_text(app)


async def test_undo_and_redo_select_the_person_they_changed():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "pm1")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"senior", "enter")
        await pilot.pause()
        assert screen.document.org["pm1"].role == "senior_pm"
        assert screen.org_tree.select_person("cto")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.org_tree.selected_id == "pm1"
        assert screen.org_tree.select_person("cto")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert screen.org_tree.selected_id == "pm1"


async def test_undoing_an_add_selects_the_manager():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "hop")
        await pilot.press("a", *"Zoe Quinn", "enter")
        await pilot.pause()
        assert screen.org_tree.select_person("cto")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "zoe-quinn" not in screen.document.org
        assert screen.org_tree.selected_id == "hop"


async def test_role_dialog_accepts_type_ahead():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "pm1")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press(*"dir", "enter")
        await pilot.pause()
        assert screen.document.org["pm1"].role == "director_product"


async def test_move_picker_leaves_out_the_person_and_their_reports():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await main_screen(pilot, "hop")
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        offered = {option.id for option in picker.query_one("#matches", OptionList).options}
        assert not offered & {"hop", "pm1", "pm2"}
        assert {"ceo", "cpo", "cto"} <= offered


async def test_move_picker_is_as_tall_as_its_matches():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await main_screen(pilot, "pm1")
        await pilot.press("m", *"Gus")
        await pilot.pause()
        matches = app.screen.query_one("#matches", OptionList)
        assert 0 < matches.option_count < 5
        assert matches.outer_size.height <= matches.option_count + 2, "no empty rows under the matches"


async def test_delete_dialog_defaults_to_cancel():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_screen(pilot, "hop")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)
        assert "hop" in screen.document.org and "pm1" in screen.document.org


def test_the_tree_keys_can_be_remapped():
    assert {"tree-collapse", "tree-expand", "tree-expand-subtree"} <= known_binding_ids()
