"""Job titles from HR systems -> role ids of the catalogue.

Titles are messy ("Sr. PM", "VP, Product", "Director of Product Management", "CPO"), so a
title is first normalised into words (lower case, punctuation dropped, common
abbreviations spelled out) and then matched from the most senior roles down. Titles that
merely contain the word "product" but belong to another discipline (product marketing,
product design, program management, ...) are not product-management roles and map to
`other`, as does anything unrecognised; the importer keeps the original title either way.
"""

from __future__ import annotations

import re

from orgdesign.roles import ROLES

_ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "dir": "director",
    "assoc": "associate",
    "tech": "technical",
    "mgmt": "management",
    "grp": "group",
    "prod": "product",
    "pm": "product manager",
    "apm": "associate product manager",
    "gpm": "group product manager",
    "vp": "vice president",
    "svp": "vice president",
    "evp": "vice president",
    "avp": "vice president",
    "hd": "head",
}

_EXECUTIVES = (
    ("ceo", ("chief executive",)),
    ("cpo", ("chief product",)),
    ("cto", ("chief technology", "chief technical", "chief technologist")),
    ("coo", ("chief operating", "chief operations")),
    ("cmo", ("chief marketing",)),
)

_NOT_THE_ROLE_ITSELF = frozenset({"assistant", "deputy", "to", "staff", "office", "intern", "advisor", "adviser"})
"""Words that make "CEO" mean someone near the CEO ("Assistant to the CEO", "Chief of Staff")."""

_OTHER_DISCIPLINES = frozenset(
    {
        "marketing",
        "marketer",
        "design",
        "designer",
        "ux",
        "ui",
        "operations",
        "ops",
        "analyst",
        "analytics",
        "engineer",
        "engineering",
        "program",
        "programme",
        "project",
        "owner",
        "sales",
        "support",
        "intern",
        "internship",
        "specialist",
        "coordinator",
        "architect",
        "counsel",
    }
)


def title_words(title: str) -> list[str]:
    """Lower-case words of a title with abbreviations spelled out ("Sr. PM" -> senior product manager)."""
    words = re.sub(r"[^0-9a-z]+", " ", title.lower().replace("&", " and ").replace(".", " ")).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words).split()


def role_for_title(title: str) -> str:
    """The catalogue role a job title most likely means; `other` when unsure."""
    words = title_words(title)
    text = " " + " ".join(words) + " "
    executive = _executive(words, text)
    if executive is not None:
        return executive
    if "product" not in words or _OTHER_DISCIPLINES.intersection(words):
        return "other"
    return _product_role(words, text)


def _executive(words: list[str], text: str) -> str | None:
    if _NOT_THE_ROLE_ITSELF.intersection(words):
        return None
    for role_id, phrases in _EXECUTIVES:
        if role_id in words or any(f" {phrase} " in text for phrase in phrases):
            return role_id
    return None


def _product_role(words: list[str], text: str) -> str:
    if "head" in words:
        return "head_of_product"
    if " vice president " in text:
        return "vp_product"
    if "director" in words:
        return "director_product"
    if " product manager " not in text and " product management " not in text:
        return "other"
    for word, role_id in (
        ("group", "gpm"),
        ("principal", "principal_pm"),
        ("senior", "senior_pm"),
        ("technical", "technical_pm"),
        ("associate", "associate_pm"),
        ("junior", "associate_pm"),
    ):
        if word in words:
            return role_id
    return "pm"


def role_from_column(value: str) -> str | None:
    """A role id written in a role column ("senior_pm", "Senior PM" is not one), or None."""
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    return key if key in ROLES else None
