"""Profiles, settings, messages, locations and the Validator's read API."""

from __future__ import annotations

import pytest
from orgspec import make_org

from orgdesign.edits import MovePerson, SetOrgField, UpdatePerson
from orgdesign.layout import loads_layout
from orgdesign.model import Settings
from orgdesign.rules import Severity, Validator, validate

HEAD_UNDER_VP = """
ana ceo
zoe cpo > ana years=10
vp vp_product > zoe years=8
maya head_of_product > vp years=9
pm1 pm > maya
pm2 pm > maya
x other > zoe
"""


def found(org, code):
    return [f.person for f in validate(org) if f.code == code]


def test_scaleup_keeps_the_strict_ladder_for_a_head_under_a_vp():
    org = make_org(HEAD_UNDER_VP, profile="scaleup")
    assert found(org, "PRD108") == ["maya"]
    assert found(org, "PRD103") == ["maya"]


def test_enterprise_lets_a_head_of_product_report_to_a_vp_or_director():
    org = make_org(HEAD_UNDER_VP, profile="enterprise")
    assert found(org, "PRD108") == []
    assert found(org, "PRD103") == []
    assert found(org, "PRD110") == []  # the VP above the only Head is not "outside" them


def test_enterprise_still_flags_a_director_under_a_group_pm():
    org = make_org("ana ceo\ng gpm > ana\nd director_product > g years=7\npm1 pm > d", profile="enterprise")
    assert found(org, "PRD108") == ["d"]


PM_UNDER_CEO_WITH_A_HEAD = """
ana ceo
maya head_of_product > ana years=9
pm1 pm > maya
lee pm > ana unit=web
"""


def test_startup_accepts_pms_reporting_to_the_ceo_beside_a_head():
    startup = make_org(PM_UNDER_CEO_WITH_A_HEAD, profile="startup", units="web")
    scaleup = make_org(PM_UNDER_CEO_WITH_A_HEAD, profile="scaleup", units="web")
    assert found(startup, "PRD110") == []
    assert found(scaleup, "PRD110") == ["lee"]


def test_startup_without_cpo_or_head_is_clean():
    org = make_org(
        "ana ceo\npm1 pm > ana\npm2 pm > ana\nsam cto > ana\ne1 other > sam\ne2 other > sam", profile="startup"
    )
    assert validate(org) == []


def test_a_pm_reporting_to_the_ceo_is_never_prd102_in_any_profile():
    for profile in ("startup", "scaleup", "enterprise"):
        assert found(make_org("ana ceo\npm1 pm > ana", profile=profile), "PRD102") == []


def test_switching_profile_refreshes_everything():
    org = make_org(HEAD_UNDER_VP, profile="scaleup")
    validator = Validator(org)
    SetOrgField("profile", "enterprise").apply(org)
    validator.refresh(set())
    assert validator.findings == validate(org)
    assert "PRD108" not in {f.code for f in validator.findings}


def test_disable_turns_a_rule_off_and_settings_change_limits():
    spec = "ana ceo\na other > ana\nb other > a"
    assert "SPN202" in {f.code for f in validate(make_org(spec))}
    assert "SPN202" not in {f.code for f in validate(make_org(spec, settings="disable: [SPN202]"))}
    org = make_org(spec)
    validator = Validator(org)
    SetOrgField("settings", Settings(max_layers=1)).apply(org)
    validator.refresh_all()
    assert [f.person for f in validator.findings if f.code == "SPN203"] == ["b"]


def test_messages_name_the_people_involved():
    org = make_org("ana ceo\nsam cto > ana\nmaya head_of_product > ana years=9\nlee pm > sam")
    (finding,) = [f for f in validate(org) if f.code == "PRD101"]
    assert finding.message == (
        "Lee Doe (Product Manager) reports to Sam Doe (CTO): "
        "a product manager's line should not run through engineering"
    )
    assert finding.fix == "move Lee Doe under Maya Doe (Head of Product)"


def test_a_title_is_shown_instead_of_the_role_label_and_markup_stays_literal():
    org = make_org("ana ceo title=[bold]Boss[/]\nsam cto > ana\nlee pm > sam")
    (finding,) = [f for f in validate(org) if f.code == "PRD101"]
    assert "Sam Doe (CTO)" in finding.message
    assert "[bold]Boss[/]" in next(f for f in validate(org) if f.code == "SPN202" and f.person == "ana").message


def test_the_cto_under_the_cpo_is_reported_too():
    org = make_org("ana ceo\nzoe cpo > ana years=10\nsam cto > zoe")
    (finding,) = [f for f in validate(org) if f.code == "PRD105"]
    assert finding.person == "sam"
    assert "are peers" in finding.message and finding.fix == "move Sam Doe under Ana Doe (CEO)"


def test_a_reference_to_nobody_in_reports_to_has_no_automatic_fix():
    org = make_org("ana ceo\nlee other > ghost")
    validator = Validator(org)
    (finding,) = [f for f in validator.findings if f.code == "ORG002"]
    assert "'ghost'" in finding.message and finding.fix is None
    assert validator.fix_for(finding) is None


def test_someone_reporting_to_themself_is_a_cycle():
    org = make_org("ana ceo\nme other > me")
    assert [f.message for f in validate(org) if f.code == "ORG001"] == ["Me Doe (Other) reports to themself"]


def test_findings_carry_the_line_and_column_of_the_person():
    text = """orgdesign: 1
name: Lines
people:
  - id: ana
    name: Ana
    role: ceo
  - id: sam
    name: Sam
    role: cto
    reports_to: ana
  - id: lee
    name: Lee
    role: pm
    reports_to: sam
"""
    org = loads_layout(text)
    (finding,) = [f for f in validate(org) if f.code == "PRD101"]
    assert (finding.line, finding.column) == (org["lee"].line, org["lee"].column)
    assert finding.line == 11


def test_validator_read_api():
    org = make_org("ana ceo\nsam cto > ana\nlee pm > sam allow=PRD101\nkim pm > sam")
    validator = Validator(org)
    assert validator.worst("kim") is Severity.ERROR
    assert validator.worst("lee") is None  # only a waived error
    assert [f.code for f in validator.for_person("lee")] == ["PRD101"]
    assert validator.counts()[Severity.ERROR] == 1
    assert len(validator.waived()) == 1
    assert validator.findings == sorted(validator.findings, key=lambda f: f.sort_key)
    assert validator.findings[0].severity is Severity.ERROR


def test_refresh_after_a_move_updates_the_moved_subtree_layers():
    org = make_org("ana ceo\na other > ana\nb other > a\nc other > b\nd other > ana", settings="max_layers: 2")
    validator = Validator(org)
    assert [f.person for f in validator.findings if f.code == "SPN203"] == ["c"]
    validator.refresh(MovePerson("b", "ana").apply(org))
    assert [f.person for f in validator.findings if f.code == "SPN203"] == []
    validator.refresh(MovePerson("a", "d").apply(org))
    assert validator.findings == validate(org)


@pytest.mark.parametrize("name", ["Lee [red]Park[/]", "R&D [/] team"])
def test_renaming_a_manager_updates_the_reports_messages(name):
    org = make_org("ana ceo\nsam cto > ana\nlee pm > sam")
    validator = Validator(org)
    validator.refresh(UpdatePerson("sam", name=name).apply(org))
    (finding,) = [f for f in validator.findings if f.code == "PRD101"]
    assert f"{name} (CTO)" in finding.message
