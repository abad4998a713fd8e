"""Snapshots of bulk editing at 80x24: marks in the tree with the count in the header, the same
marks drawn in the chart, and the dialog that deletes everyone marked."""

from __future__ import annotations

import pytest

from .test_snapshots import designer, selecting


@pytest.mark.parametrize(
    "keys",
    [
        ("x", "shift+down", "shift+down"),
        ("x", "shift+down", "shift+down", "c"),
        ("x", "shift+down", "shift+down", "c", "minus"),
        ("x", "shift+down", "shift+down", "d"),
    ],
    ids=["marks", "marks-in-chart", "marks-in-chart-names", "delete-marked"],
)
def test_marks_at_80x24(snap_compare, keys):
    assert snap_compare(designer(), terminal_size=(80, 24), run_before=selecting("hop", *keys))
