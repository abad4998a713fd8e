"""The bad-input corpus (tests/data/bad) and the valid-but-hostile layouts (tests/data/good).

Each bad file NAME.yaml comes with NAME.expected: every error line the loader must report,
in order, with the file's path written as PATH.
"""

from __future__ import annotations

import pytest
import yaml
from layout_helpers import BAD, GOOD, KNOWN_RULES, load_text

from orgdesign.layout import LayoutError, dump_layout, load_layout
from orgdesign.model import Org, Person

BAD_FILES = sorted(BAD.glob("*.yaml"))
GOOD_FILES = sorted(GOOD.glob("*.yaml"))


def test_the_corpus_has_at_least_forty_bad_files_each_with_its_expected_errors():
    assert len(BAD_FILES) >= 40
    assert {p.with_suffix(".expected") for p in BAD_FILES} == set(BAD.glob("*.expected"))


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.stem)
def test_a_bad_file_reports_exactly_its_expected_errors_and_stays_untouched(path):
    before = path.read_bytes()
    with pytest.raises(LayoutError) as raised:
        load_layout(path, known_rules=KNOWN_RULES)
    reported = [str(error).replace(str(path), "PATH", 1) for error in raised.value.errors]
    assert reported == path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert all(error.path == str(path) and error.line >= 1 and error.column >= 1 for error in raised.value.errors)
    assert path.read_bytes() == before


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.stem)
def test_a_good_file_loads_and_survives_the_round_trip(path):
    before = path.read_bytes()
    org = load_layout(path, known_rules=KNOWN_RULES)
    text = dump_layout(org)
    assert load_text(text) == org
    assert dump_layout(load_text(text)) == text
    assert path.read_bytes() == before


def test_hostile_names_load_exactly_as_written():
    org = load_layout(GOOD / "hostile_names.yaml")
    assert org.name == "R&D [/] team \x1b[2J"
    assert org["boss"].name == "[bold red]Boss[/bold red]"
    assert org["esc"].name == "\x1b[31mRed\x1b[0m \x1b]8;;http://x\x07 link \x1b]8;;\x07"
    assert org["rtl"].name == "\u202eevil.exe\u202c txt"
    assert org["emoji"].name == "👩\u200d💻 Zoë 🚀"
    assert org["李"].product == "支付"
    assert org["quotes"].name == 'It\'s "quoted" : # [x] {y}'
    assert org["control"].name == "tab\there, bell\x07, nul\x00, del\x7f"


def test_yaml_lookalikes_stay_strings():
    org = load_layout(GOOD / "yaml_lookalikes.yaml")
    assert org.name == "No"
    assert [(p.id, p.name) for p in org.tree_order()] == [("0123", "No"), ("12", "yes"), ("null", "On"), ("~", "Off")]
    assert (org["0123"].title, org["0123"].product, org["0123"].notes) == ("1e3", "2024-01-01", "null")
    assert org["12"].title == "~"
    assert org["~"].dotted_to == ("0123", "12", "null")
    assert (org["null"].years_pm, org["null"].vacancy, org["~"].vacancy) == (0, False, True)


def test_a_utf8_bom_and_crlf_line_ends_are_accepted():
    org = load_layout(GOOD / "bom_and_crlf.yaml")
    assert org.name == "BOM and CRLF"
    assert org.manager("b").id == "a"
    assert (org["b"].line, org["b"].column) == (7, 5)


def test_a_ten_thousand_deep_chain_loads_and_round_trips():
    lines = ["  - {id: p0, name: P0, role: ceo}"]
    lines += [f"  - {{id: p{n}, name: P{n}, role: pm, reports_to: p{n - 1}}}" for n in range(1, 10_000)]
    org = load_text("orgdesign: 1\nname: Deep\npeople:\n" + "\n".join(lines) + "\n")
    assert org.layer("p9999") == 9_999
    assert load_text(dump_layout(org)) == org


def test_a_manager_with_twenty_thousand_reports_loads_and_round_trips():
    reports = [f"  - {{id: r{n}, name: R{n}, role: pm, reports_to: boss}}" for n in range(20_000)]
    org = load_text(
        "orgdesign: 1\nname: Wide\npeople:\n  - {id: boss, name: Boss, role: ceo}\n" + "\n".join(reports) + "\n"
    )
    assert org.report_count("boss") == 20_000
    assert load_text(dump_layout(org)) == org


def test_twenty_thousand_character_names_and_very_long_lines_load():
    name = "Ω" * 20_000
    notes = "word " * 100_000
    org = load_text(f"orgdesign: 1\nname: {name}\npeople:\n  - {{id: a, name: {name}, role: pm, notes: '{notes}'}}\n")
    assert org.name == org["a"].name == name
    assert org["a"].notes == notes
    assert load_text(dump_layout(org)) == org


def test_the_dump_of_hostile_names_is_safe_to_show_and_readable_by_yaml_safe_load():
    org = load_layout(GOOD / "hostile_names.yaml")
    text = dump_layout(org)
    assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text
    data = yaml.safe_load(text)
    assert [p["name"] for p in data["people"]] == [p.name for p in org.tree_order()]


def test_an_org_built_in_code_round_trips_with_a_cycle_and_a_dangling_manager():
    org = Org(
        "x",
        [
            Person("a", "A", "pm", reports_to="b"),
            Person("b", "B", "pm", reports_to="a"),
            Person("c", "C", "pm", reports_to="zz"),
        ],
    )
    assert load_text(dump_layout(org)) == org
