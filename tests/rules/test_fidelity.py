"""Every finding faithful to its sources: each rule's basis, the documents it cites, their
titles, and one finding (at a matching severity) for one cause."""

from __future__ import annotations

from pathlib import Path

import pytest
from orgspec import make_org

from orgdesign.rules import RULES, Severity, Validator, validate
from orgdesign.rules.registry import Basis, rule
from orgdesign.rules.sources import (
    ASK_HEAD,
    CPO_DEFINITION,
    DIRECTOR_GUIDE,
    DOCUMENTS,
    HEAD_GUIDE,
    TITLES_GUIDE,
    cite,
)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

D, P, S = Basis.DOCUMENTS, Basis.PRACTICE, Basis.STRUCTURE
GROUNDS: dict[str, tuple[Basis, set[str]]] = {
    "ORG001": (S, set()),
    "ORG002": (S, set()),
    "ORG003": (S, set()),
    "PRD101": (D, {ASK_HEAD}),
    "PRD102": (D, {ASK_HEAD, DIRECTOR_GUIDE, HEAD_GUIDE}),
    "PRD103": (D, {DIRECTOR_GUIDE, TITLES_GUIDE}),
    "PRD104": (D, {CPO_DEFINITION, TITLES_GUIDE}),
    "PRD105": (D, {DIRECTOR_GUIDE, TITLES_GUIDE}),
    "PRD106": (D, {TITLES_GUIDE}),
    "PRD107": (D, {DIRECTOR_GUIDE, HEAD_GUIDE}),
    "PRD108": (D, {TITLES_GUIDE, DIRECTOR_GUIDE, CPO_DEFINITION}),
    "PRD109": (D, {DIRECTOR_GUIDE}),
    "PRD110": (D, {TITLES_GUIDE}),
    "PRD111": (D, {CPO_DEFINITION}),
    "PRD112": (D, {DIRECTOR_GUIDE, HEAD_GUIDE}),
    "PRD113": (D, {ASK_HEAD}),
    "PRD114": (D, {TITLES_GUIDE}),
    "PRD115": (D, {TITLES_GUIDE, HEAD_GUIDE}),
    "SPN201": (P, set()),
    "SPN202": (P, set()),
    "SPN203": (P, set()),
}
"""What each rule rests on, checked claim by claim against the five documents."""


@pytest.mark.parametrize("code", sorted(GROUNDS))
def test_each_rule_states_its_basis_and_cites_exactly_the_documents_that_make_its_claim(code):
    basis, sources = GROUNDS[code]
    assert RULES[code].basis is basis
    assert set(RULES[code].sources) == sources


@pytest.mark.parametrize(("code", "setting"), [("SPN201", "max_span"), ("SPN203", "max_layers")])
def test_a_practice_limit_says_it_is_a_setting_no_document_gives(code, setting):
    rationale = RULES[code].rationale
    assert f"`{setting}`" in rationale and "No document gives" in rationale


def test_a_rule_citing_documents_must_be_a_documents_rule_and_the_reverse():
    def check(state, person):
        return ()

    with pytest.raises(ValueError, match="cites at least one document"):
        rule("TST901", "t", Severity.INFO, basis=Basis.DOCUMENTS, rationale="r")(check)
    with pytest.raises(ValueError, match="cites no document"):
        rule("TST902", "t", Severity.INFO, basis=Basis.PRACTICE, sources=(ASK_HEAD,), rationale="r")(check)
    assert "TST901" not in RULES and "TST902" not in RULES


CPO_UNDER_CTO = (
    "ana ceo\nsam cto > ana\ne1 other > sam\ne2 other > sam\nzoe cpo > sam years=10\n"
    "maya head_of_product > zoe years=9\npm1 pm > maya\npm2 pm > maya"
)


def about_zoe(findings):
    """The CPO's findings from the product rules (the span rules judge other things)."""
    return [f for f in findings if f.person == "zoe" and f.code.startswith("PRD")]


def test_a_cpo_under_the_cto_gets_one_warning_about_it():
    assert [(f.code, f.severity) for f in about_zoe(validate(make_org(CPO_UNDER_CTO)))] == [
        ("PRD105", Severity.WARNING)
    ]


def test_waiving_that_finding_leaves_no_second_finding_for_the_same_cause():
    org = make_org(CPO_UNDER_CTO.replace("years=10", "years=10 allow=PRD105"))
    validator = Validator(org)
    assert not about_zoe(validator.active())
    assert [f.code for f in validator.waived()] == ["PRD105"]


def test_the_fix_puts_the_cpo_beside_the_cto():
    org = make_org(CPO_UNDER_CTO)
    validator = Validator(org)
    (finding,) = about_zoe(validator.findings)
    validator.refresh(validator.fix_for(finding).apply(org))
    assert org["zoe"].reports_to == "ana"
    assert not about_zoe(validate(org))


def test_a_cpo_under_another_executive_gets_prd104_alone():
    org = make_org(CPO_UNDER_CTO.replace("zoe cpo > sam", "zoe cpo > e1"))
    assert [f.code for f in about_zoe(validate(org))] == ["PRD104"]


def test_a_source_is_cited_by_title_and_file_name():
    assert cite(HEAD_GUIDE) == "“What Should a Head of Product Do?” (002_cfaadbc18d6280c4.txt)"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not at {SEEDS}")
@pytest.mark.parametrize("file", sorted(DOCUMENTS))
def test_each_title_is_the_documents_first_line_or_its_start(file):
    first_line = (SEEDS / file).read_text(encoding="utf-8").splitlines()[0].strip()
    title = DOCUMENTS[file].title
    if title.endswith("…"):
        start = title.removesuffix("…")
        assert first_line.startswith(start) and first_line[len(start)] == " " and len(start) <= 60
    else:
        assert title == first_line
