"""At 80x24 every screen stays usable; the footer, header, rule pane and form hint say the right thing."""

from __future__ import annotations

import re

from textual.widgets import Static

from orgdesign.document import Document
from orgdesign.model import Person
from orgdesign.rules import RULES
from orgdesign.rules.finding import Severity
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_form import PersonForm
from orgdesign.tui.widgets.badges import STYLES
from orgdesign.tui.widgets.designer_footer import DesignerFooter
from orgdesign.tui.widgets.rule_info import explanation

from .conftest import screen_text, small_org

SMALL = (80, 24)
WIDE = (150, 45)


def designer() -> OrgDesignApp:
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo"))  # one finding with a fix
    return OrgDesignApp(document=Document(org))


def footer_line(app: OrgDesignApp) -> str:
    return screen_text(app).splitlines()[-1]


def header_line(app: OrgDesignApp) -> str:
    return screen_text(app).splitlines()[0]


async def test_footer_at_80_columns_keeps_save_undo_search_help_and_quit():
    app = designer()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = footer_line(app)
        for shown in ("^s Save", "^z Undo", "/ Search", "? Help", "q Quit", "^p Palette"):
            assert shown in footer, footer


async def test_footer_keeps_its_keys_while_moving_and_changes_them_when_the_bindings_change():
    app = designer()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(DesignerFooter)
        keys_before = list(footer.children)
        for keys in (["down"], ["e"], ["escape"], ["question_mark"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
        assert list(footer.children) == keys_before, "nothing the footer shows changed, so it was not rebuilt"
        assert "esc Clear marks" not in footer_line(app)
        await pilot.press("x")
        await pilot.pause()
        assert "esc Clear marks" in footer_line(app), "marking someone binds esc, and the footer shows it"
        await pilot.press("escape")
        await pilot.pause()
        assert "esc Clear marks" not in footer_line(app)


async def test_footer_at_150_columns_shows_every_chosen_key_uncut():
    app = designer()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = footer_line(app)
        for shown in ("a Add", "e Edit", "f Fix", "^z Undo", "/ Search", "^s Save", "c Chart", "s Stats", "? Help"):
            assert shown in footer, footer
        assert "q Quit" in footer, footer


async def test_keys_left_out_of_the_footer_are_still_in_help():
    app = designer()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        footer = footer_line(app)
        assert "Move" not in footer and "Redo" not in footer
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Move" in help_text and "Redo" in help_text and "Save as" in help_text


def counts_of(app: OrgDesignApp) -> tuple[int, int, int]:
    document = app.document
    assert document is not None
    counts = document.validator.counts()
    return counts.get(Severity.ERROR, 0), counts.get(Severity.WARNING, 0), counts.get(Severity.INFO, 0)


async def test_header_at_80_columns_shortens_words_and_keeps_every_count():
    org = small_org()
    org.name = "Fernhill Payments product org"
    app = OrgDesignApp(document=Document(org))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        errors, warnings, infos = counts_of(app)
        assert f"Fernhill Payments product org  ✖ {errors}  ▲ {warnings}  ● {infos}  scaleup" in header_line(app)


async def test_header_at_150_columns_separates_every_part():
    app = designer()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        errors, warnings, infos = counts_of(app)
        expected = f"✖ {errors} errors  ▲ {warnings} warning  ● {infos} info  profile scaleup"
        assert expected in header_line(app)


async def test_header_keeps_the_counts_when_the_name_is_long():
    org = small_org()
    org.name = "A product organisation with a very long name indeed, longer than the terminal"
    app = OrgDesignApp(document=Document(org))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        errors, warnings, infos = counts_of(app)
        header = header_line(app)
        assert f"…  ✖ {errors}  ▲ {warnings}  ● {infos}  scaleup" in header, header
        assert header.strip().startswith("A product organisation"), header


def test_rule_pane_colours_the_badge_not_the_prose():
    document = Document(designer().start_document.org)  # type: ignore[union-attr]
    finding = next(f for f in document.validator.findings if f.severity is Severity.WARNING)
    text = explanation(finding)
    rule = RULES[finding.code]
    rationale_start = text.plain.index(rule.rationale)
    assert STYLES[Severity.WARNING] not in str(text.style)
    coloured = [span for span in text.spans if str(span.style) == STYLES[Severity.WARNING]]
    assert coloured and all(span.end <= rationale_start for span in coloured)


async def test_add_form_at_80x24_scrolls_to_notes_and_buttons():
    app = designer()
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.org_tree.select_person("hop")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        for expected in ("role", "title", "product", "years", "vacancy", "notes", "save", "cancel"):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not None and app.focused.id == expected
            region = app.focused.region
            assert region.height > 0 and 0 <= region.y < SMALL[1] - 1, f"{expected} is not on screen"
        assert "Enter presses Cancel" in screen_text(app)


async def test_form_hint_follows_the_focused_field():
    app = designer()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        hint = app.screen.query_one("#form-hint", Static)
        assert "Enter saves" in str(hint.render())
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "role"
        shown = str(hint.render())
        assert "Enter saves" not in shown and "Enter opens the list" in shown
        assert "ctrl+s saves" in shown or "^s saves" in shown


async def test_stats_bars_do_not_wrap_at_80x24(layout_copy):
    app = OrgDesignApp(layout_copy("scaleup"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"Director of Product +2 █", text), text
        assert re.search(r"Senior Product Manager +2 █", text), text
