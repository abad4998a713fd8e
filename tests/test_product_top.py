"""The product organisation's top has one definition: the rules and the designer agree on it."""

from __future__ import annotations

from orgdesign.document import Document
from orgdesign.edits import RemovePerson, SetProductLineTo, product_top
from orgdesign.model import Org, Person


def two_cpos_and_no_pms() -> Org:
    return Org(
        "Acme",
        [
            Person("ceo", "Casey", "ceo"),
            Person("cto", "Tao", "cto", reports_to="ceo"),
            Person("cpo-a", "Ada", "cpo", reports_to="ceo"),
            Person("head", "Hal", "head_of_product", reports_to="ceo"),
            Person("cpo-b", "Bea", "cpo", reports_to="ceo"),
        ],
    )


def leading_without_pms(document: Document) -> list[str]:
    """Who PRD119 (product leadership without product managers) sits on: the product top, per the rules."""
    return [finding.person for finding in document.validator.findings if finding.code == "PRD119"]


def test_the_first_cpo_in_the_file_is_the_top_for_the_rules_and_the_designer():
    document = Document(two_cpos_and_no_pms())
    top = product_top(document.org)
    assert top is not None and top.id == "cpo-a"
    assert leading_without_pms(document) == ["cpo-a"]


def test_they_still_agree_after_the_first_cpo_is_removed_and_put_back():
    document = Document(two_cpos_and_no_pms())
    document.do(RemovePerson("cpo-a"))
    assert product_top(document.org) == document.org["cpo-b"]
    assert leading_without_pms(document) == ["cpo-b"]
    document.undo()
    assert product_top(document.org) == document.org["cpo-a"]
    assert leading_without_pms(document) == ["cpo-a"]
    document.do(SetProductLineTo("cto"))
    assert document.org["cpo-a"].reports_to == "cto" and document.org["cpo-b"].reports_to == "ceo"


def test_without_a_cpo_the_head_of_product_is_the_top():
    org = Org("Acme", [Person("ceo", "Casey", "ceo"), Person("head", "Hal", "head_of_product", reports_to="ceo")])
    assert product_top(org) == org["head"]
    assert leading_without_pms(Document(org)) == ["head"]
