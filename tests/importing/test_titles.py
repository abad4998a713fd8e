import pytest

from orgdesign.importing.titles import role_for_title


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Chief Product Officer", "cpo"),
        ("CPO", "cpo"),
        ("Chief Executive Officer", "ceo"),
        ("Founder & CEO", "ceo"),
        ("CTO", "cto"),
        ("Chief Technology Officer", "cto"),
        ("COO", "coo"),
        ("Chief Marketing Officer", "cmo"),
        ("Sr. Product Manager", "senior_pm"),
        ("Sr PM", "senior_pm"),
        ("Senior Product Manager", "senior_pm"),
        ("Group Product Manager", "gpm"),
        ("GPM", "gpm"),
        ("VP Product", "vp_product"),
        ("Vice President of Product", "vp_product"),
        ("SVP, Product Management", "vp_product"),
        ("Head of Product", "head_of_product"),
        ("Director of Product Management", "director_product"),
        ("Product Director", "director_product"),
        ("Principal PM", "principal_pm"),
        ("Principal Product Manager", "principal_pm"),
        ("Technical Product Manager", "technical_pm"),
        ("APM", "associate_pm"),
        ("Associate Product Manager", "associate_pm"),
        ("Jr. Product Manager", "associate_pm"),
        ("Product Manager", "pm"),
        ("PM", "pm"),
        ("Product Manager II", "pm"),
        ("Product Manager, Design Systems", "pm"),
        ("Senior PM, Analytics", "senior_pm"),
        ("Product Manager - Sales Tools", "pm"),
        ("Group Product Manager, Engineering Productivity", "gpm"),
        ("Sr. Product Manager | Payments", "senior_pm"),
        ("Product Manager (Marketing Platform)", "pm"),
        ("Staff Product Manager", "principal_pm"),
        ("Lead Product Manager, Search", "senior_pm"),
        ("Senior Product Manager II", "senior_pm"),
        ("VP, Product", "vp_product"),
        ("SVP, Product", "vp_product"),
        ("Senior Director, Product", "director_product"),
        ("Director, Product Management", "director_product"),
        ("Head of Product, EMEA", "head_of_product"),
        ("CPO, Acme Corp", "cpo"),
        ("Product Owner", "pm"),
        ("Senior Product Owner - Checkout", "senior_pm"),
    ],
)
def test_known_titles_map_to_their_role(title: str, role: str) -> None:
    assert role_for_title(title) == role


@pytest.mark.parametrize(
    "title",
    [
        "Software Engineer",
        "Product Marketing Manager",
        "Product Designer",
        "Technical Program Manager",
        "VP of Engineering",
        "Head of Product Design",
        "Assistant to the CEO",
        "Chief of Staff",
        "Product Management Intern",
        "Wizard",
        "",
        "Engineering Manager",
        "Engineering Manager, Product Infrastructure",
        "Senior Product Designer, Design Systems",
        "Product Marketing Manager - Sales",
        "Manager, Product Marketing",
        "VP, Engineering",
        "Director, Design",
        "Software Engineer - Product",
        "Chief of Staff, Product",
        "Product Analyst",
        "Product Data Scientist",
        " , - ",
    ],
)
def test_other_disciplines_and_unknown_titles_map_to_other(title: str) -> None:
    assert role_for_title(title) == "other"


def test_the_importer_maps_the_role_part_and_keeps_the_whole_title() -> None:
    from orgdesign.importing import import_csv

    person = import_csv('id,name,title\n1,Ada,"Product Manager, Design Systems"\n').org["1"]
    assert (person.role, person.title) == ("pm", "Product Manager, Design Systems")
