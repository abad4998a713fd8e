"""The README's key table is generated from the bindings; a user's keymap remaps them."""

from __future__ import annotations

import re
from pathlib import Path

from textual.containers import VerticalScroll

from orgdesign.document import Document
from orgdesign.readme_sections import rewrite_sections
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.keys import keymap_clashes, keys_markdown, known_binding_ids
from orgdesign.tui.screens.help import HelpScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_form import PersonForm

from .conftest import SIZE, notices, screen_text, small_org

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_key_table_matches_the_bindings():
    text = README.read_text(encoding="utf-8")
    assert rewrite_sections(text, {"keys": keys_markdown}) == text, "run: python -m orgdesign.tui.keys README.md"


def test_every_binding_of_the_main_screen_is_documented_with_its_id():
    table = keys_markdown()
    for binding in MainScreen.BINDINGS:
        assert f"| `{binding.id}` |" in table
    assert "| main screen | `/` | Search people by name or role and jump | `search` |" in table


def test_binding_ids_are_unique_within_each_screen():
    for owner in (OrgDesignApp, MainScreen, PersonForm):
        ids = [binding.id for binding in owner.BINDINGS]
        assert len(ids) == len(set(ids)), owner.__name__
    assert {"add", "save", "toggle-chart", "chart.toggle", "quit"} <= known_binding_ids()


TALL_ENOUGH_FOR_ALL_HELP = (120, 100)


async def test_a_keymap_moves_an_action_to_another_key():
    app = OrgDesignApp(document=Document(small_org(), None), keymap={"add": "n"})
    async with app.run_test(size=TALL_ENOUGH_FOR_ALL_HELP) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "a no longer adds"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.screen.query_one(VerticalScroll).scroll_end(animate=False)  # the remapped key is listed last
        await pilot.pause()
        assert re.search(r"█\s+n  Add report\s+add\s", screen_text(app)), "the help screen shows the new key"


def test_the_default_keys_do_not_clash():
    assert keymap_clashes({}) == []


def test_a_key_given_to_two_actions_on_one_screen_is_a_clash():
    assert keymap_clashes({"add": "e"}) == [
        "Your keymap gives 'add' and 'edit' the same key (e); change one in keys.yaml"
    ]
    assert keymap_clashes({"add": "e", "edit": "E"}) == []
    assert keymap_clashes({"form-submit": "ctrl+q"}) == [
        "Your keymap gives 'form-submit' and 'quit-now' the same key (ctrl+q); change one in keys.yaml"
    ]


async def test_the_designer_warns_about_a_clash_when_it_opens():
    app = OrgDesignApp(document=Document(small_org(), None), keymap={"add": "e"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "'add' and 'edit' the same key" in notices(app)


def test_giving_both_quit_bindings_the_same_key_is_no_clash():
    assert keymap_clashes({"quit": "ctrl+q"}) == []
    assert keymap_clashes({"quit": "ctrl+q", "add": "ctrl+q"}) != []
