"""Rule codes are a contract: a retired code in a waiver or `disable` warns and names its
replacement instead of breaking the layout; a code that never existed is still an error.

The shipped table of retired codes is empty (no code has been retired yet), so these tests
retire codes in a test-only entry of the registry.
"""

from __future__ import annotations

import pytest

from orgdesign.cli import main
from orgdesign.layout import LayoutError, dump_layout, loads_layout
from orgdesign.model import Org, Person, Settings, Waiver
from orgdesign.rules import RULES, Severity, validate
from orgdesign.rules.registry import RETIRED, RetiredCode, retirement_notice, rule, successor

CPO_UNDER_CTO = """\
orgdesign: 1
name: Acme
people:
  - id: ana
    name: Ana
    role: ceo
  - id: sam
    name: Sam
    role: cto
    reports_to: ana
  - id: zoe
    name: Zoe
    role: cpo
    reports_to: sam
    allow:
      - {rule: PRD199, reason: interim arrangement}
"""


@pytest.fixture
def retired(monkeypatch):
    """PRD199 was renamed PRD198, which was renamed PRD105; SPN299 was removed."""
    monkeypatch.setitem(RETIRED, "PRD199", RetiredCode("PRD199", "PRD198", "renumbered"))
    monkeypatch.setitem(RETIRED, "PRD198", RetiredCode("PRD198", "PRD105", "merged into the CPO/CTO rule"))
    monkeypatch.setitem(RETIRED, "SPN299", RetiredCode("SPN299", None, "no document supports it"))


def test_a_renamed_code_in_a_waiver_loads_with_a_warning_and_waives_its_replacement(retired):
    org = loads_layout(CPO_UNDER_CTO, "org.yaml")
    (warning,) = org.load_warnings
    assert (warning.line, warning.column) == (16, 16)
    assert str(warning).startswith("org.yaml:16:16: warning: rule PRD199 was retired (renumbered)")
    assert "write PRD105 instead" in warning.message
    assert org["zoe"].allow == (Waiver("PRD105", "interim arrangement"),)
    (finding,) = [f for f in validate(org) if f.code == "PRD105"]
    assert finding.waived is not None


def test_a_removed_code_in_disable_warns_that_it_has_no_effect(retired):
    org = loads_layout(CPO_UNDER_CTO.replace("people:", "settings:\n  disable: [SPN299]\npeople:"), "org.yaml")
    removed = [w for w in org.load_warnings if "SPN299" in w.message]
    assert [(w.line, w.column) for w in removed] == [(4, 13)]
    assert "was removed (no document supports it)" in removed[0].message and "delete it" in removed[0].message
    assert org.settings.disable == ("SPN299",)


def test_a_renamed_code_beside_its_replacement_waives_once(retired):
    text = CPO_UNDER_CTO + "      - {rule: PRD105, reason: second}\n"
    assert loads_layout(text)["zoe"].allow == (Waiver("PRD105", "interim arrangement"),)


def test_a_code_that_never_existed_is_still_an_error(retired):
    with pytest.raises(LayoutError) as caught:
        loads_layout(CPO_UNDER_CTO.replace("PRD199", "PRD197"), "org.yaml")
    (error,) = caught.value.errors
    assert "unknown rule 'PRD197'" in str(error) and str(error).startswith("org.yaml:16:16: error:")


def test_the_canonical_fast_path_warns_too(retired):
    org = Org(
        "Acme",
        [Person("ana", "Ana", "ceo", allow=(Waiver("PRD199", "kept"),))],
        settings=Settings(disable=("PRD199",)),
    )
    loaded = loads_layout(dump_layout(org))
    assert len(loaded.load_warnings) == 2
    assert loaded["ana"].allow == (Waiver("PRD105", "kept"),) and loaded.settings.disable == ("PRD105",)


def test_a_layout_naming_only_live_codes_has_no_warnings():
    assert loads_layout(CPO_UNDER_CTO.replace("PRD199", "PRD105")).load_warnings == ()


def test_validate_prints_the_warning_and_keeps_its_exit_status(retired, tmp_path, capsys):
    path, renamed = tmp_path / "org.yaml", tmp_path / "renamed.yaml"
    path.write_text(CPO_UNDER_CTO, encoding="utf-8")
    renamed.write_text(CPO_UNDER_CTO.replace("PRD199", "PRD105"), encoding="utf-8")
    status = main(["validate", str(path)])
    captured = capsys.readouterr()
    assert f"{path}:16:16: warning: rule PRD199 was retired" in captured.err
    assert "PRD105" not in captured.out
    assert status == main(["validate", str(renamed)])
    assert capsys.readouterr().err == ""


def test_other_commands_print_the_warning_too(retired, tmp_path, capsys):
    path = tmp_path / "org.yaml"
    path.write_text(CPO_UNDER_CTO, encoding="utf-8")
    assert main(["stats", str(path)]) == 0
    assert "warning: rule PRD199 was retired" in capsys.readouterr().err


def test_explain_of_a_retired_code_names_its_replacement_and_explains_it(retired, capsys):
    assert main(["explain", "prd199"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("rule PRD199 was retired (renumbered) and is now PRD105")
    assert "\nPRD105: CPO and CTO in one reporting line\n" in out


def test_explain_of_a_removed_code_says_so(retired, capsys):
    assert main(["explain", "SPN299"]) == 0
    assert "rule SPN299 was removed (no document supports it)" in capsys.readouterr().out


def test_renames_are_followed_to_the_live_code(retired):
    assert successor("PRD199") == "PRD105" and successor("SPN299") is None
    assert retirement_notice("PRD105") is None


def test_a_retired_code_cannot_be_given_to_a_new_rule(retired):
    with pytest.raises(ValueError, match="retired"):
        rule("PRD199", "t", Severity.INFO, basis=RULES["SPN201"].basis, rationale="r")(lambda state, person: ())


def test_the_shipped_table_retires_no_live_code_and_every_replacement_resolves():
    for code, retired_code in RETIRED.items():
        assert code == retired_code.code and code not in RULES
        assert retired_code.replacement is None or successor(code) in RULES
