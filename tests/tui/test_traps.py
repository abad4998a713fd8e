"""Traps a new user fell into (issue 15): keys, dialogs, palette and help, mouse, focus, search, texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser  # the parser Textual reads the terminal's bytes with
from textual.command import CommandPalette
from textual.widgets import OptionList

from orgdesign.document import Document
from orgdesign.edits import MovePerson
from orgdesign.keymap import keymap_path, read_keymap
from orgdesign.layout.errors import LoadError
from orgdesign.model import Org, Person
from orgdesign.tui.app import NAVIGATION, OrgDesignApp
from orgdesign.tui.commands import DesignerCommands
from orgdesign.tui.keys import PLACES, bindings_of, known_binding_ids
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.help import HelpScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.screens.person_form import PersonForm
from orgdesign.tui.screens.person_picker import PersonPicker
from orgdesign.tui.widgets.findings import FindingsList
from orgdesign.tui.widgets.org_tree import OrgTree

from .conftest import SIZE, notices, screen_text, small_org


def designer(org: Org | None = None) -> OrgDesignApp:
    return OrgDesignApp(document=Document(org or small_org()))


def with_misplaced_pm() -> Org:
    """small_org plus a PM reporting to the CEO: a finding with a one-key fix."""
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))
    return org


# -- 1. a keymap clash warns, and the designer runs ------------------------------------------


async def test_a_clashing_keys_yaml_shows_the_warning_and_the_designer_keeps_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout_copy
):
    monkeypatch.setenv("ORGDESIGN_CONFIG_DIR", str(tmp_path / "config"))
    keymap_path().parent.mkdir(parents=True)
    keymap_path().write_text("add: s\n", encoding="utf-8")
    app = OrgDesignApp(layout_copy(), keymap=read_keymap(keymap_path(), known_binding_ids()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "'add' and 'stats' the same key (s)" in notices(app)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm), "the user's key wins over the default it clashes with"
        assert app.return_code is None, "still running"


# -- 2. every default key is one that common terminals send as that key ------------------------

_NAMED = {
    "escape": "\x1b",
    "enter": "\r",
    "tab": "\t",
    "space": " ",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "asterisk": "*",
    "comma": ",",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "shift+up": "\x1b[1;2A",
    "shift+down": "\x1b[1;2B",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "underscore": "_",
    "backspace": "\x7f",
}


def legacy_bytes(key: str) -> str | None:
    """What xterm, tmux, VS Code, Windows Terminal and macOS Terminal send for `key` without any
    keyboard-protocol extension, or None when they cannot send it as a key of its own (ctrl+shift+s
    arrives as ctrl+s, alt+x as escape then x)."""
    if key in _NAMED:
        return _NAMED[key]
    if len(key) == 1 and key.isprintable():
        return key  # letters, digits and shifted letters ('S') are just the character
    modifier, _, letter = key.rpartition("+")
    if modifier == "ctrl" and len(letter) == 1 and letter.islower():
        return chr(ord(letter) - ord("a") + 1)
    return None


def default_keys() -> list[tuple[str, str]]:
    return [
        (binding.id or binding.action, key.strip())
        for _, owners in PLACES
        for owner in owners
        for binding in bindings_of(owner)
        for key in binding.key.split(",")
    ]


@pytest.mark.parametrize(("binding_id", "key"), default_keys())
def test_every_default_key_arrives_as_that_key_from_a_plain_terminal(binding_id: str, key: str):
    sent = legacy_bytes(key)
    assert sent is not None, f"{binding_id}: common terminals cannot send {key} as a key of its own"
    parser = XTermParser()
    events = [*parser.feed(sent), *parser.feed("")]
    assert [event.key for event in events] == [key], binding_id


def test_save_as_is_not_a_key_that_arrives_as_save():
    keys = {binding_id: key for binding_id, key in default_keys()}
    sent = legacy_bytes(keys["save-as"])
    assert sent is not None and sent != legacy_bytes(keys["save"]), "ctrl+shift+s arrived as ctrl+s: it saved"


# -- 3. ctrl+q quits from inside a dialog ------------------------------------------------------


async def test_ctrl_q_quits_from_inside_a_dialog():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_ctrl_q_inside_a_dialog_asks_about_unsaved_work_first():
    document = Document(small_org())
    document.do(MovePerson("pm1", "cpo"))
    app = OrgDesignApp(document=document)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "not saved" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ChoiceScreen)]) == 1, "asked once"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker) and app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.return_code == 0


# -- 4. help and palette: one list ---------------------------------------------------------------


def palette_commands(app: OrgDesignApp) -> dict[str, str]:
    """Description -> keys of what our palette provider offers, asked while the palette is open."""
    assert isinstance(app.screen, CommandPalette)
    return {c.description: c.keys for c in DesignerCommands(app.screen_stack[-2]).commands()}


async def test_the_open_palette_offers_open_new_help_and_quit():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        offered = palette_commands(app)
        assert {"Open", "New", "Help", "Quit", "Add report", "Save as"} <= set(offered)
        assert offered["Quit"] == "q, ^q"


async def test_typing_quit_in_the_palette_finds_ours_and_it_asks_about_unsaved_work():
    document = Document(small_org())
    document.do(MovePerson("pm1", "cpo"))
    app = OrgDesignApp(document=document)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette), "':' opens the palette where ctrl+p is taken (VS Code)"
        await pilot.press(*"quit")
        await pilot.pause(0.5)
        assert "key: q, ^q" in screen_text(app)


@pytest.mark.parametrize("where", ["tree", "chart", "dialog"])
async def test_everything_the_help_lists_is_in_the_palette(where: str):
    app = designer()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        if where == "chart":
            await pilot.press("c")
        elif where == "dialog":
            await pilot.press("slash")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        offered = palette_commands(app)
        await pilot.press("escape")
        await pilot.pause()
        if where == "dialog":
            app.action_help()  # '?' is a letter for the search field there
        else:
            await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        widget_keys = {entry.description for entry in NAVIGATION}
        listed = {entry.description: entry.keys for entry in app.screen.entries if entry.description not in widget_keys}
        assert listed and listed.items() <= offered.items()


# -- 5. click selects, double-click edits -------------------------------------------------------


async def click_on_person(pilot, pid: str, times: int) -> None:
    tree = pilot.app.screen.query_one(OrgTree)
    node = tree.node_for(pid)
    assert node is not None
    await pilot.click(OrgTree, offset=(8, node.line + 1), times=times)  # +1: the tree's border
    await pilot.pause()


async def test_a_single_click_on_a_tree_row_selects_it_and_a_double_click_edits():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await click_on_person(pilot, "cpo", times=1)
        assert isinstance(app.screen, MainScreen), "a click does not open the form"
        assert app.screen.org_tree.selected_id == "cpo"
        await click_on_person(pilot, "cto", times=2)
        assert isinstance(app.screen, PersonForm)
        assert "Edit Ben Cole" in screen_text(app)


# -- 6. tab order: tree, then findings ----------------------------------------------------------


async def test_tab_goes_from_the_tree_to_the_findings_and_f_fixes_the_highlighted_one():
    app = designer(with_misplaced_pm())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and app.focused is screen.org_tree
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, FindingsList)
        assert screen.findings.highlighted_finding is not None
        assert screen.findings.highlighted_finding.person == "pm3"
        await pilot.press("f")
        await pilot.pause()
        assert screen.document.org["pm3"].reports_to == "hop"


async def test_panes_with_nothing_to_act_on_are_not_in_the_tab_order():
    org = Org("Calm", [Person("ceo", "Ada Park", "ceo")], profile="startup")
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert not screen.document.validator.findings
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is screen.org_tree


# -- 7. after a search or a jump, the tree has the focus on the person ------------------------------


async def test_search_from_the_findings_moves_focus_to_the_tree_on_the_person():
    app = designer(with_misplaced_pm())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.findings.focus()
        await pilot.press("slash", *"fay", "enter")
        await pilot.pause()
        assert app.focused is screen.org_tree
        assert screen.org_tree.selected_id == "pm2"
        await pilot.press("a")
        await pilot.pause()
        assert "Add a report to Fay Gold" in screen_text(app)


async def test_a_search_in_the_chart_view_focuses_the_chart_on_the_person():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("c", "slash", *"gus", "enter")
        await pilot.pause()
        assert app.focused is screen.chart
        assert screen.org_tree.selected_id == "eng"


# -- 8. search ranking --------------------------------------------------------------------------------


async def test_search_prefers_a_name_prefix_to_a_later_word():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"di", "enter")
        await pilot.pause()
        assert app.screen.org_tree.selected_id == "hop", "Di Evans before Cy Diaz"


async def test_people_with_the_same_name_are_listed_with_manager_and_id():
    org = small_org()
    org.put(Person("lars-1", "Lars Peterson", "pm", reports_to="hop"))
    org.put(Person("lars-2", "Lars Peterson", "pm", reports_to="cpo"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"lars")
        await pilot.pause()
        text = screen_text(app)
        assert "under Di Evans  id lars-1" in text
        assert "under Cy Diaz  id lars-2" in text
        assert "id pm1" not in text


# -- 14. texts ----------------------------------------------------------------------------------------


async def test_the_load_error_screen_shows_each_error_once():
    error = LoadError("team.yaml", 3, 7, "unknown role 'boss': did you mean 'ceo'?")
    app = OrgDesignApp(document=Document(small_org()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_base(LoadErrorScreen(Path("team.yaml"), [error]))
        await pilot.pause()
        assert screen_text(app).count("unknown role 'boss'") == 1


async def test_delete_counts_reports_and_people_and_the_subtree_toast_says_how_many_went():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.org_tree.select_person("hop")
        await pilot.press("d")
        await pilot.pause()
        text = screen_text(app)
        assert "their 2 reports move up to Cy Diaz" in text
        assert "(3 people in all)" in text
        await pilot.press("s")
        await pilot.pause()
        assert "Removed Di Evans and 2 people below" in notices(app)
        screen.org_tree.select_person("cto")
        await pilot.press("d")
        await pilot.pause()
        assert "their 1 report moves up to Ada Park" in screen_text(app)


async def test_undo_names_the_person_moved():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.perform(MovePerson("pm1", "cpo"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Undone: move Eve Ford" in notices(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Redone: move Eve Ford" in notices(app)


async def test_help_lists_quit_once_and_only_what_applies_on_the_chart_and_start_screen():
    app = designer()
    async with app.run_test(size=(120, 100)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        above_the_footer = screen_text(app).splitlines()[:-1]
        quits = [line for line in above_the_footer if "Quit" in line]
        assert len(quits) == 1 and "q, ^q" in quits[0]
        assert "Previous / next person" in screen_text(app)
        await pilot.press("escape", "c", "question_mark")
        await pilot.pause()
        assert "Previous / next person" not in screen_text(app), "tree keys do not apply on the chart"
    start = OrgDesignApp()
    async with start.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(start)
        assert "Expand / collapse" not in text and "Add report" not in text
        assert "Open" in text


async def test_template_descriptions_wrap_under_themselves():
    app = OrgDesignApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#start-list", OptionList)
        lines = [line for line in screen_text(app).splitlines()[3:] if line.strip()]
        template_rows = [line for line in lines if "startup" in line or "scaleup" in line]
        assert template_rows and options.option_count
        name_column = template_rows[0].index("startup") if "startup" in template_rows[0] else None
        assert name_column is not None
        continuation = lines[lines.index(template_rows[0]) + 1]
        assert continuation[: name_column + 12].strip() in ("", "▊", "▎", "▌", "│"), continuation


async def test_save_as_key_opens_the_save_as_prompt():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)


async def test_three_findings_are_fixed_with_tab_and_f_three_times():
    org = small_org()
    for n in (3, 4, 5):
        org.put(Person(f"pm{n}", f"Hal Ives {n}", "pm", reports_to="ceo"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("tab", "f", "f", "f")
        await pilot.pause()
        assert [screen.document.org[f"pm{n}"].reports_to for n in (3, 4, 5)] == ["hop", "hop", "hop"]
