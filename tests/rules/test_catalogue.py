"""Every rule: a layout that triggers it, one that does not, a waiver, and its fix."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from orgspec import make_org

from orgdesign.rules import RULES, Severity, Validator, known_codes, validate
from orgdesign.rules.registry import Basis
from orgdesign.rules.sources import DOCUMENTS


@dataclass(frozen=True)
class Case:
    code: str
    triggers: str
    clean: str
    person: str
    """Who the finding is about in `triggers`."""
    options: tuple[tuple[str, str], ...] = ()


LEADER = "maya head_of_product > ana years=9"
ENGINEERING = "ana ceo\nsam cto > ana\ne1 other > sam\ne2 other > sam"

CASES = [
    Case("ORG001", "ana ceo\na other > b\nb other > a", "ana ceo\na other > ana\nb other > ana", "a"),
    Case("ORG002", "ana ceo\nlee pm > ana dotted=ghost", "ana ceo\nlee pm > ana dotted=ana", "lee"),
    Case("ORG003", "ana ceo\nbo cto", "ana ceo\nbo cto > ana", "bo"),
    Case(
        "PRD101",
        f"ana ceo\nsam cto > ana\ne1 other > sam\ne2 other > sam\n{LEADER}\npm1 pm > maya\nlee pm > sam",
        f"ana ceo\nsam cto > ana\ne1 other > sam\ne2 other > sam\n{LEADER}\npm1 pm > maya\nlee pm > maya",
        "lee",
    ),
    Case(
        "PRD102",
        f"ana ceo\ng cmo > ana\nx other > g\nx2 other > g\n{LEADER}\npm1 pm > maya\nlee pm > g",
        f"ana ceo\ng cmo > ana\nx other > g\nx2 other > g\n{LEADER}\npm1 pm > maya\nlee pm > maya",
        "lee",
    ),
    Case(
        "PRD103",
        "ana ceo\nsam cto > ana\nzoe cpo > ana years=10\nd other > zoe\nd2 other > zoe\n"
        f"{LEADER}\npm1 pm > maya\npm2 pm > maya",
        "ana ceo\nsam cto > ana\nzoe cpo > ana years=10\nd other > zoe\nd2 other > zoe\n"
        "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya",
        "maya",
    ),
    Case(
        "PRD104",
        "ana ceo\nsam cto > ana\nop coo > ana\nx other > op\nx2 other > op\nzoe cpo > op years=10\n"
        "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya",
        "ana ceo\nsam cto > ana\nop coo > ana\nx other > op\nx2 other > op\nzoe cpo > ana years=10\n"
        "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya",
        "zoe",
    ),
    Case(
        "PRD105",
        "ana ceo\ng cmo > ana\nsam cto > ana\ne1 other > sam\ne2 other > sam\nzoe cpo > sam years=10\n"
        "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya",
        "ana ceo\ng cmo > ana\nsam cto > ana\ne1 other > sam\ne2 other > sam\nzoe cpo > ana years=10\n"
        "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya",
        "zoe",
    ),
    Case(
        "PRD106",
        f"ana ceo\n{LEADER}\npp principal_pm > maya\npm1 pm > pp\npm2 pm > pp\npm3 pm > maya",
        f"ana ceo\n{LEADER}\npp principal_pm > maya\npm1 pm > maya\npm2 pm > maya\npm3 pm > maya",
        "pp",
    ),
    Case(
        "PRD107",
        f"ana ceo\n{LEADER}\nd director_product > maya years=7\nx other > d\nx2 other > d\npm1 pm > maya",
        f"ana ceo\n{LEADER}\nd director_product > maya years=7\npm2 pm > d\nx2 other > d\npm1 pm > maya",
        "d",
    ),
    Case(
        "PRD108",
        f"ana ceo\n{LEADER}\ng1 gpm > maya\ng2 gpm > g1\npm1 pm > g1\npm4 pm > g1\npm2 pm > g2\npm3 pm > g2",
        f"ana ceo\n{LEADER}\ng1 gpm > maya\ng2 gpm > maya\npm1 pm > g1\npm4 pm > g1\npm2 pm > g2\npm3 pm > g2",
        "g2",
    ),
    Case(
        "PRD109",
        "ana ceo\nzoe cpo > ana years=10\nzed cpo > ana years=10",
        "ana ceo\nzoe cpo > ana years=10\nzed other > ana",
        "zed",
    ),
    Case(
        "PRD110",
        f"ana ceo\nsam cto > ana\n{LEADER}\npm1 pm > maya\npm2 pm > maya\nd director_product > ana years=7\n"
        "pm3 pm > d\npm4 pm > d",
        f"ana ceo\nsam cto > ana\n{LEADER}\npm1 pm > maya\npm2 pm > maya\nd director_product > maya years=7\n"
        "pm3 pm > d\npm4 pm > d",
        "d",
    ),
    Case(
        "PRD111",
        "ana ceo\nd director_product > ana years=3\npm1 pm > d\npm2 pm > d",
        "ana ceo\nd director_product > ana years=5\npm1 pm > d\npm2 pm > d",
        "d",
    ),
    Case(
        "PRD112",
        "ana ceo\nd director_product > ana years=7\npm1 pm > d product=Pay\npm2 pm > d product=Search",
        "ana ceo\nd director_product > ana years=7\npm1 pm > d product=Pay\npm2 pm > d product=Pay",
        "d",
    ),
    Case(
        "PRD113",
        "ana ceo\nd director_product > ana years=7 unit=web\npm1 pm > d unit=web\npm2 pm > d unit=web",
        "ana ceo\nd director_product > ana years=7 unit=web\npm1 pm > ana unit=web\npm2 pm > ana unit=web",
        "pm1",
        (("units", "web"),),
    ),
    Case(
        "PRD114",
        "ana ceo\ng cmo > ana\nx other > g\nx2 other > g\nzoe cpo > g years=10",
        "ana ceo\ng cmo > ana\nx other > g\nx2 other > g\nzoe cpo > ana years=10",
        "zoe",
    ),
    Case(
        "PRD115",
        f"ana ceo\n{LEADER}\nx other > maya\nx2 other > maya",
        f"ana ceo\n{LEADER}\npm1 pm > maya\nx2 other > maya",
        "maya",
    ),
    Case(
        "PRD116",
        f"{ENGINEERING}\n{LEADER}\npm3 pm > maya\ng gpm > sam\npm1 pm > g\npm2 pm > g",
        f"{ENGINEERING}\n{LEADER}\npm3 pm > maya\ng gpm > maya\npm1 pm > g\npm2 pm > g",
        "g",
    ),
    Case(
        "PRD117",
        f"ana ceo\n{LEADER}\ng gpm > maya\npm1 pm > g product=Pay\npm2 pm > g product=Search",
        f"ana ceo\n{LEADER}\ng gpm > maya\npm1 pm > g product=Pay\npm2 pm > g product=_pay_",
        "g",
    ),
    Case(
        "PRD118",
        "ana ceo unit=web\npm1 pm > ana unit=web product=Pay\npm2 pm > ana unit=web product=Search",
        "ana ceo unit=web\npm1 pm > ana unit=web product=Pay\npm2 pm > ana unit=web product=PAY",
        "ana",
        (("units", "web"),),
    ),
    Case(
        "PRD119",
        "ana ceo\nzoe cpo > ana years=10\nx other > zoe\nx2 other > zoe",
        "ana ceo\nzoe cpo > ana years=10\nx other > zoe\npm1 pm > zoe",
        "zoe",
    ),
    Case(
        "SPN201",
        "ana ceo\na other > ana\nb other > ana\nc other > ana",
        "ana ceo\na other > ana\nb other > ana",
        "ana",
        (("settings", "max_span: 2"),),
    ),
    Case("SPN202", "ana ceo\na other > ana", "ana ceo\na other > ana\nb other > ana", "ana"),
    Case(
        "SPN203",
        "ana ceo\na other > ana\nb other > a",
        "ana ceo\na other > ana\nb other > ana",
        "b",
        (("settings", "max_layers: 1"),),
    ),
]
BY_CODE = {case.code: case for case in CASES}
FIXABLE = [case for case in CASES if RULES[case.code].fix is not None]


def build(case: Case, spec: str):
    return make_org(spec, **dict(case.options))


def with_waiver(spec: str, pid: str, code: str) -> str:
    return "\n".join(f"{line} allow={code}" if line.split()[0] == pid else line for line in spec.splitlines())


def test_every_rule_in_the_catalogue_has_a_case():
    assert set(BY_CODE) == set(RULES) == known_codes()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.code)
def test_rule_triggers_on_the_person_it_is_about(case):
    found = [f for f in validate(build(case, case.triggers)) if f.code == case.code]
    assert [f.person for f in found][:1] == [case.person]
    finding = found[0]
    assert finding.severity is RULES[case.code].severity
    assert finding.sources == RULES[case.code].sources
    assert finding.waived is None
    assert finding.line > 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.code)
def test_rule_stays_quiet_on_the_clean_layout(case):
    assert case.code not in {f.code for f in validate(build(case, case.clean))}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.code)
def test_a_waiver_marks_the_finding_and_keeps_it_out_of_the_counts(case):
    org = build(case, with_waiver(case.triggers, case.person, case.code))
    validator = Validator(org)
    waived = [f for f in validator.waived() if f.code == case.code and f.person == case.person]
    assert waived and waived[0].waived.reason == "accepted on purpose"
    assert not [f for f in validator.active() if f.code == case.code and f.person == case.person]
    unwaived = Validator(build(case, case.triggers)).counts()
    assert validator.counts()[RULES[case.code].severity] == unwaived[RULES[case.code].severity] - len(waived)


@pytest.mark.parametrize("case", FIXABLE, ids=lambda c: c.code)
def test_the_fix_resolves_the_finding_and_adds_nothing(case):
    org = build(case, case.triggers)
    validator = Validator(org)
    finding = next(f for f in validator.findings if f.code == case.code and f.person == case.person)
    assert finding.fix
    before = {(f.code, f.person) for f in validator.findings}
    validator.refresh(validator.fix_for(finding).apply(org))
    after = {(f.code, f.person) for f in validate(org)}
    assert (case.code, case.person) not in after
    assert after <= before
    assert validator.findings == validate(org)


def test_rules_without_a_fix_offer_none():
    case = BY_CODE["PRD109"]
    validator = Validator(build(case, case.triggers))
    finding = next(f for f in validator.findings if f.code == "PRD109")
    assert finding.fix is None and validator.fix_for(finding) is None


def test_every_rule_is_documented():
    for rule in RULES.values():
        assert rule.title and rule.rationale and rule.profiles
        assert all(source in DOCUMENTS for source in rule.sources)
        assert bool(rule.sources) == (rule.basis is Basis.DOCUMENTS), rule.code
        assert (rule.fix is None) == (rule.fix_summary is None)
        assert not rule.safe_fix or rule.fix is not None


def test_severities_match_the_issue():
    errors = {"ORG001", "ORG002", "PRD101", "PRD106"}
    infos = {"PRD111", "PRD112", "PRD115", "PRD117", "PRD118", "PRD119", "SPN202"}
    for code, rule in RULES.items():
        expected = Severity.ERROR if code in errors else Severity.INFO if code in infos else Severity.WARNING
        assert rule.severity is expected, code
