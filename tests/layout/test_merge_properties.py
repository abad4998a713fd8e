"""Properties of the three-way merge: a side merged with the unchanged ancestor is that side."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from layout_helpers import load_text
from layout_strategies import orgs

from orgdesign.layout import dump_layout
from orgdesign.merge import merge_orgs, merged_text
from orgdesign.model import Org

SLOW_DATA = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def written(org: Org) -> str:
    """What the driver would write for a clean merge, read back and written again."""
    return dump_layout(load_text(dump_layout(org)))


@SLOW_DATA
@given(orgs())
def test_a_layout_merged_with_itself_is_itself(org: Org):
    result = merge_orgs(org, org, org)
    assert result.clean
    assert merged_text(result).text == dump_layout(org)


@pytest.mark.parametrize("side", ["ours", "theirs"])
@SLOW_DATA
@given(base=orgs(), changed=orgs())
def test_only_one_side_changed_gives_that_side(side: str, base: Org, changed: Org):
    result = merge_orgs(base, changed, base) if side == "ours" else merge_orgs(base, base, changed)
    assert result.clean
    assert result.org == changed
    assert merged_text(result).text == written(changed)
