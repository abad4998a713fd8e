"""The designer's rule pane: what a finding rests on, with its sources by title."""

from __future__ import annotations

from textual.app import App, ComposeResult

from orgdesign.rules import Finding, Severity
from orgdesign.tui.widgets.rule_info import RuleInfo

from .conftest import screen_text


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RuleInfo(id="pane")


async def shown(finding: Finding) -> str:
    app = PaneApp()
    async with app.run_test(size=(160, 24)) as pilot:
        app.query_one(RuleInfo).explain(finding)
        await pilot.pause()
        return " ".join(screen_text(app).split())


async def test_a_documents_rule_shows_its_basis_and_each_source_by_title_and_file():
    finding = Finding(
        "PRD112", Severity.INFO, "d", "two products", ("001_746824118fe9bc85.txt", "002_cfaadbc18d6280c4.txt")
    )
    text = await shown(finding)
    assert "Basis: documents (a claim the cited documents make)" in text
    assert (
        "Sources: “What Is a Director of Product Management? How to Become One, Salary, Skills” "
        "(001_746824118fe9bc85.txt); “What Should a Head of Product Do?” (002_cfaadbc18d6280c4.txt)"
    ) in text


async def test_a_practice_rule_shows_its_basis_and_no_sources():
    text = await shown(Finding("SPN201", Severity.WARNING, "a", "wide", ()))
    assert "Basis: practice" in text and "Sources:" not in text
