"""Org statistics on hand-built orgs and on the shipped templates, and their bar charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesign.layout import load_layout
from orgdesign.model import Org, Person, Unit
from orgdesign.stats import SPAN_GROUPS, org_stats, span_group
from orgdesign.stats_text import bar, render_stats_json, render_stats_text

LAYOUTS = sorted((Path(__file__).resolve().parents[1] / "layouts").glob("*.yaml"))


def fan(manager: str, count: int, prefix: str) -> list[Person]:
    return [Person(f"{prefix}{i}", f"{prefix} {i}", "pm", reports_to=manager) for i in range(count)]


def small_org() -> Org:
    people = [
        Person("ceo", "Ceo", "ceo"),
        Person("cpo", "Cpo", "cpo", reports_to="ceo", unit="pay"),
        Person("gpm", "Gpm", "gpm", reports_to="cpo", unit="pay"),
        Person("open", "Open", "pm", reports_to="gpm", vacancy=True, unit="ghost"),
        *fan("cpo", 3, "a"),
        *fan("gpm", 12, "b"),
    ]
    return Org("Small", people, units=[Unit("pay", "Payments"), Unit("empty", "Empty unit")])


def counts(tallies) -> dict:
    return {t.label: t.count for t in tallies}


def test_headcount_by_role_and_unit_and_vacancies():
    stats = org_stats(small_org())
    assert (stats.positions, stats.vacancies, stats.filled) == (19, 1, 18)
    assert counts(stats.by_role) == {
        "CEO": 1,
        "Chief Product Officer": 1,
        "Group Product Manager": 1,
        "Product Manager": 16,
    }
    assert counts(stats.by_unit) == {"Payments": 2, "ghost": 1, "(no unit)": 16}


def test_managers_are_grouped_by_span_including_empty_groups():
    stats = org_stats(small_org())
    assert counts(stats.managers_by_span) == {"1": 1, "2-3": 0, "4-7": 1, "8-12": 0, "13-16": 1, "17+": 0}
    assert stats.managers == 3


@pytest.mark.parametrize(
    ("reports", "group"),
    [
        (1, "1"),
        (2, "2-3"),
        (3, "2-3"),
        (4, "4-7"),
        (7, "4-7"),
        (8, "8-12"),
        (12, "8-12"),
        (13, "13-16"),
        (16, "13-16"),
        (17, "17+"),
        (500, "17+"),
    ],
)
def test_span_group_boundaries(reports, group):
    assert span_group(reports) == group


def test_layers_and_people_per_layer():
    stats = org_stats(small_org())
    assert stats.layers == 4
    assert [t.count for t in stats.people_per_layer] == [1, 1, 4, 13]


def test_a_ten_thousand_deep_chain_has_ten_thousand_layers():
    people = [Person("p0", "P0", "ceo")] + [
        Person(f"p{i}", f"P{i}", "pm", reports_to=f"p{i - 1}") for i in range(1, 10_000)
    ]
    stats = org_stats(Org("Chain", people))
    assert stats.layers == 10_000
    assert counts(stats.managers_by_span)["1"] == 9_999


def test_an_empty_org_has_no_layers():
    stats = org_stats(Org("Empty"))
    assert (stats.positions, stats.layers, stats.managers) == (0, 0, 0)
    assert "0 positions" in render_stats_text(stats)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_stats_of_each_template_add_up(path):
    org = load_layout(path)
    stats = org_stats(org)
    assert sum(t.count for t in stats.by_role) == len(org)
    assert sum(t.count for t in stats.by_unit) == len(org)
    assert sum(t.count for t in stats.people_per_layer) == len(org)
    assert stats.managers == sum(1 for pid in org.ids() if org.report_count(pid))
    assert [t.label for t in stats.managers_by_span] == [label for label, _, _ in SPAN_GROUPS]


def test_bars_are_proportional_in_eighths_and_never_vanish():
    assert bar(10, 10, 5) == "█████"
    assert bar(5, 10, 5) == "██▌"
    assert bar(1, 1000, 5) == "▏"
    assert bar(0, 10, 5) == ""


def test_text_report_draws_a_bar_per_tally_within_the_width():
    text = render_stats_text(org_stats(small_org()), width=60)
    assert "Headcount by role" in text and "Managers by span of control" in text
    assert "  Product Manager" in text and "16 " + "█" in text
    assert max(len(line) for line in text.splitlines()) <= 60


def test_control_characters_in_unit_names_are_shown_escaped():
    org = Org("Evil\x1b[2J", [Person("a", "A", "ceo", unit="u")], units=[Unit("u", "Unit\x1b]0;title\x07")])
    text = render_stats_text(org_stats(org))
    assert "\x1b" not in text and "\\x1b" in text


def test_json_report_has_every_number():
    document = json.loads(render_stats_json(org_stats(small_org())))
    assert document["positions"] == 19 and document["layers"] == 4 and document["managers"] == 3
    assert document["managers_by_span"][4] == {"key": "13-16", "label": "13-16", "count": 1}


def test_the_summary_says_one_manager_and_one_layer_in_the_singular() -> None:
    org = Org("Pair", [Person("1", "Ann", "cpo"), Person("2", "Bo", "pm", reports_to="1")])
    summary = render_stats_text(org_stats(org)).splitlines()[1]
    assert "1 manager;" in summary and "2 layers" in summary and "2 positions" in summary
    alone = render_stats_text(org_stats(Org("One", [Person("1", "Ann", "cpo")]))).splitlines()[1]
    assert "1 position:" in alone and "0 managers" in alone and alone.endswith("1 layer")
