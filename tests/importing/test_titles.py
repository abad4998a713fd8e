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
    ],
)
def test_known_titles_map_to_their_role(title, role):
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
    ],
)
def test_other_disciplines_and_unknown_titles_map_to_other(title):
    assert role_for_title(title) == "other"
