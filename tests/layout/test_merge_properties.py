"""Properties of the three-way merge: a side merged with the unchanged ancestor is that side; conflicts resolve."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_helpers import load_text
from layout_strategies import hostile_text, orgs

from orgdesign.layout import dump_layout
from orgdesign.layout.conflicts import find_conflicts, resolve
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


def edited(org: Org, data: st.DataObject, side: str) -> Org:
    """A copy of `org` with some people retitled, renamed or removed, and the org perhaps renamed."""
    copy = load_text(dump_layout(org))
    ids = sorted(copy.ids())
    for pid in data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True) if ids else st.just([]), label=side):
        change = data.draw(st.sampled_from(["title", "name", "remove"]), label=f"{side} {pid!r}")
        if change == "remove":
            copy.pop(pid)
        else:
            copy.put(replace(copy[pid], **{change: data.draw(hostile_text, label=change)}))
    if data.draw(st.booleans(), label=f"{side} renames the org"):
        copy.name = data.draw(hostile_text, label="org name")
    return copy


@SLOW_DATA
@given(base=orgs(max_people=6), data=st.data())
def test_picking_either_side_of_every_conflict_gives_a_layout_that_loads(base: Org, data: st.DataObject):
    ours, theirs = edited(base, data, "ours"), edited(base, data, "theirs")
    result = merge_orgs(base, ours, theirs)
    merged = merged_text(result)
    written = merged.text
    conflicts = find_conflicts(written.split("\n"))
    assert [c.line for c in conflicts] == [line for line, _ in merged.conflicts]
    for side in ("ours", "theirs"):
        resolved = load_text(resolve(written, [side] * len(conflicts)))
        for conflict in result.person_conflicts:
            kept = conflict.ours if side == "ours" else conflict.theirs
            assert resolved.get(conflict.id) == kept
