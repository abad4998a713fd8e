"""A layout with a reporting cycle loads, shows the cycle in the tree, and can be repaired."""

from __future__ import annotations

from orgdesign.document import Document
from orgdesign.edits import History, MovePerson
from orgdesign.model import Org, Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.widgets.chart import OrgChart

from .conftest import SIZE, screen_text
from .test_chart import ChartApp


def cyclic_org() -> Org:
    """Ada at the top; Bo, Cy and Di report round in a circle; Ed hangs below Cy."""
    return Org(
        "Loop Co",
        [
            Person("ed", "Ed Fox", "pm", reports_to="cy"),
            Person("ada", "Ada Park", "ceo"),
            Person("bo", "Bo Lee", "cpo", reports_to="di"),
            Person("cy", "Cy Diaz", "head_of_product", reports_to="bo"),
            Person("di", "Di Evans", "gpm", reports_to="cy"),
        ],
    )


def test_the_model_enters_each_cycle_at_its_earliest_added_member():
    org = cyclic_org()
    assert org.cycle_entries() == ["bo"], "Ed was added first, but he hangs below the cycle, not on it"
    assert [p.id for p in org.tree_order()] == ["ada", "bo", "cy", "ed", "di"]
    assert not org.reaches_a_top("ed") and org.reaches_a_top("ada")


async def test_the_cycle_is_shown_beside_the_tops_and_everyone_can_be_reached():
    app = OrgDesignApp(document=Document(cyclic_org()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        text = screen_text(app)
        assert "Bo Lee  Chief Product Officer  ↻ reporting cycle" in text
        screen.jump_to("ed")
        await pilot.pause()
        assert screen.org_tree.selected_id == "ed"
        assert screen.org_tree.node_for("ed").parent.data == "cy"
        assert "Ed Fox  Product Manager" in screen_text(app)


async def test_moving_a_member_out_repairs_the_cycle_and_undo_brings_it_back():
    app = OrgDesignApp(document=Document(cyclic_org()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.perform(MovePerson("cy", "ada"))
        await pilot.pause()
        assert screen.org_tree.select_person("bo")
        assert screen.org_tree.node_for("bo").parent.data == "di"
        assert "reporting cycle" not in screen_text(app)
        assert "ORG001" not in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.org_tree.node_for("bo").parent.data is None
        assert "↻ reporting cycle" in screen_text(app)
        assert screen.org_tree.select_person("di")


async def test_the_chart_draws_the_cycle_beside_the_tops_and_follows_its_repair():
    org = cyclic_org()
    history = History(org)
    app = ChartApp(org)
    async with app.run_test(size=(120, 40)) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        boxes = chart.chart_layout.boxes
        assert set(boxes) == {"ada", "bo", "cy", "di", "ed"}, "everyone is drawn once"
        assert boxes["bo"].parent is None and boxes["cy"].parent == "bo" and boxes["di"].parent == "cy"
        assert boxes["di"].children == (), "the line that closes the loop is left out"
        chart.select("ed")
        await pilot.pause()
        assert chart.selected == "ed"
        chart.refresh_people(history.do(MovePerson("cy", "ada")))
        await pilot.pause()
        boxes = chart.chart_layout.boxes
        assert boxes["cy"].parent == "ada" and boxes["di"].parent == "cy" and boxes["bo"].parent == "di"
        chart.refresh_people(history.undo())
        await pilot.pause()
        assert chart.chart_layout.boxes["bo"].parent is None
