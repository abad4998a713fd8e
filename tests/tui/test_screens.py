"""Help, command palette, hostile text, and large orgs."""

from __future__ import annotations

from textual.command import CommandPalette

from orgdesign.document import Document
from orgdesign.edits import AddPerson, ChangeRole
from orgdesign.model import Org, Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.commands import DesignerCommands
from orgdesign.tui.screens.help import HelpScreen
from orgdesign.tui.screens.main import MainScreen

from .conftest import SIZE, screen_text, small_org

MAIN_ACTIONS = {
    "add",
    "edit",
    "role",
    "move",
    "delete",
    "reporting",
    "fix",
    "undo",
    "redo",
    "search",
    "profile",
    "save",
    "save_as",
}


async def test_help_lists_every_binding_with_its_id():
    app = OrgDesignApp(document=Document(small_org()))
    async with app.run_test(size=(120, 100)) as pilot:
        await pilot.pause()
        main = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for binding in MainScreen.BINDINGS + OrgDesignApp.BINDINGS:
            if main.check_action(binding.action, ()) is not True:
                continue  # offered only while it applies (clearing marks, reverting a compared change)
            assert binding.id in text, binding.id
            assert binding.description in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_every_main_action_is_in_the_command_palette_and_runs():
    app = OrgDesignApp(document=Document(small_org()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        provider = DesignerCommands(main)
        actions = {command.action for command in provider.commands()}
        assert MAIN_ACTIONS | {"open", "new", "help", "quit"} <= actions
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"add report")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "PersonForm"


HOSTILE = [
    "[bold]x[/]",
    "[link=https://example.com]Eve",
    "R&D [/] team",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07",
    "\u202eevil",
    "emoji 🧑‍💻 漢字",
]


async def test_hostile_names_are_shown_literally_and_never_crash():
    people = [Person("ceo", "Ada", "ceo")]
    people += [Person(f"p{i}", name, "pm", reports_to="ceo", title=name, notes=name) for i, name in enumerate(HOSTILE)]
    org = Org("[red]Org[/] \x1b[2J", people)
    app = OrgDesignApp(document=Document(org))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/]" in text
        assert "[link=https://example.com]Eve" in text
        assert "R&D [/] team" in text
        assert "\x1b" not in text and "\u202e" not in text
        assert "\\x1b[31mred" in text
        main = app.screen
        for i in range(len(HOSTILE)):
            main.org_tree.select_person(f"p{i}")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("slash", "r", "escape")
            await pilot.pause()
        assert "https://example.com" not in app.export_screenshot().split("[link=")[0], "no live link"
        assert 'href="https://example.com"' not in app.export_screenshot()


def big_org(people: int, fan_out: int = 10) -> Org:
    members = [Person("p0", "Person 0", "ceo")]
    members += [
        Person(f"p{i}", f"Person {i}", "pm" if i % 7 else "gpm", reports_to=f"p{(i - 1) // fan_out}")
        for i in range(1, people)
    ]
    return Org("Big", members)


async def test_a_large_org_opens_with_only_the_top_layers_and_edits_touch_few_nodes():
    """Five layers are enough to tell lazy building from building everything; bench/run.py times 100k people."""
    org = big_org(10_000)
    document = Document(org)
    app = OrgDesignApp(document=document)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        shown = len(main.org_tree._person_nodes)
        assert shown <= 1 + 10, "only the top and its reports are built"
        target = "p9999"
        main.jump_to(target)
        await pilot.pause()
        assert main.org_tree.selected_id == target
        nodes_before = dict(main.org_tree._person_nodes)
        main.perform(ChangeRole(target, "senior_pm"), select=target)
        main.perform(AddPerson(Person("new", "New Person", "pm", reports_to=target)), select="new")
        await pilot.pause()
        unchanged = [pid for pid, node in nodes_before.items() if main.org_tree._person_nodes.get(pid) is node]
        assert len(unchanged) == len(nodes_before), "no node was rebuilt"
        assert main.org_tree.node_for("new").parent is main.org_tree.node_for(target)
        assert "New Person" in screen_text(app)


async def test_a_manager_with_2000_reports_and_a_20000_character_name():
    long_name = "Wolfeschlegelsteinhausenberger " * 645  # 20,000 characters
    members = [Person("boss", long_name.strip(), "ceo", notes=long_name)]
    members += [Person(f"r{i}", f"Report {i}", "pm", reports_to="boss") for i in range(2_000)]
    app = OrgDesignApp(document=Document(Org("Wide", members)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        assert "Wolfeschlegelsteinhausenberger" in screen_text(app)
        assert "SPN201" in screen_text(app), "the span finding is listed"
        main.jump_to("r1999")
        await pilot.pause()
        assert main.org_tree.selected_id == "r1999"
        assert "Report 1999" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert main.org_tree.selected_id == "r1999"


async def test_a_10000_deep_chain_does_not_crash():
    members = [Person("p0", "Top", "ceo")] + [
        Person(f"p{i}", f"Person {i}", "pm", reports_to=f"p{i - 1}") for i in range(1, 10_000)
    ]
    app = OrgDesignApp(document=Document(Org("Deep", members)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.jump_to("p9999")
        await pilot.pause()
        assert app.screen.org_tree.selected_id is not None
        assert "Person" in screen_text(app)
