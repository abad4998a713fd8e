"""Snapshots of the chart pane at each zoom level and colour mode, and of the designer's chart at 80x24.

Review the SVGs in __snapshots__/ (render them with rsvg-convert) before accepting changes.
"""

from __future__ import annotations

import pytest

from orgdesign.document import Document
from orgdesign.tui.app import OrgDesignApp

from .conftest import small_org as designer_org
from .test_chart import FINDINGS, small_org
from .test_chart_views import PaneApp, units_org

SIZE = (100, 34)


@pytest.mark.parametrize(
    "keys",
    [(), ("minus",), ("minus", "minus"), ("down", "i")],
    ids=["boxes", "names", "dots", "focus"],
)
def test_chart_pane(snap_compare, keys):
    assert snap_compare(PaneApp(small_org(), FINDINGS), terminal_size=SIZE, press=list(keys))


@pytest.mark.parametrize("keys", [("C",), ("C", "minus")], ids=["boxes", "names"])
def test_chart_coloured_by_unit(snap_compare, keys):
    assert snap_compare(PaneApp(units_org()), terminal_size=SIZE, press=list(keys))


@pytest.mark.parametrize(
    "keys",
    [("v",), ("v", "minus"), ("v", "minus", "minus"), ("c",)],
    ids=["full-width-boxes", "full-width-names", "full-width-dots", "beside-the-side-panels"],
)
def test_designer_chart_at_80x24(snap_compare, keys):
    app = OrgDesignApp(document=Document(designer_org()))
    assert snap_compare(app, terminal_size=(80, 24), press=list(keys))
