"""Job titles from HR systems -> role ids of the catalogue.

Titles are messy ("Sr. PM", "VP, Product", "Director of Product Management", "CPO",
"Product Manager, Design Systems"), so a title is read in two steps:

1. Its role part is what comes before the first ",", " - ", " | " or "(": the rest names a
   team or an area ("Design Systems", "Sales Tools") and must not veto the role. When the role
   part is only a rank ("VP", "Director", "Senior Director"), the next part completes it:
   "VP, Product" reads as "VP Product", "VP, Engineering" as "VP Engineering".
2. The role part is normalised into words (lower case, punctuation dropped, abbreviations
   spelled out: PM, Sr., GPM, CPO, VP, ...) and matched from the most senior roles down.

Levels: "Senior", "Sr." and "Lead" make a senior PM, "Staff" and "Principal" a principal PM
(the catalogue has no staff rung; staff sits above senior), numbered grades ("Product Manager
II") stay a PM. Titles of another discipline that merely contain "product" (Product Designer,
Product Marketing Manager, Product Analyst, Technical Program Manager) and managers of other
disciplines (Engineering Manager) map to `other`, as does anything unrecognised.

A title that is only "President" is the CEO (HR samples such as Oracle's have no other top);
"President, EMEA" and "President of Sales" are not.

Product Owner is mapped to `pm` (and Senior Product Owner to `senior_pm`): in the HR exports
of companies that use Scrum or SAFe it is the title of the person who owns a team's product
backlog, the job a PM does at team level, and leaving them out would hide product people from
every span and ratio rule. A company where product owners are not product managers maps the
title to `other` with `import --titles`. The importer keeps the original title either way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
    "po": "product owner",
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
        "sales",
        "support",
        "intern",
        "internship",
        "specialist",
        "coordinator",
        "architect",
        "counsel",
        "scientist",
        "science",
        "researcher",
        "research",
        "writer",
        "recruiter",
    }
)

_ROLE_PART_ENDS = re.compile(r",| [-\u2013\u2014] | ?\| ?|\(|:")
"""Where the role part of a title ends: a comma, a spaced dash, a bar, a parenthesis, a colon."""

_RANK_WORDS = frozenset(
    {"vice", "president", "director", "head", "senior", "executive", "group", "associate", "assistant", "lead"}
    | {"global", "regional", "deputy", "managing", "of", "and", "the", "staff", "principal", "chief", "officer"}
)
"""Words of a role part that is only a rank, which the title's next part completes ("VP, Product")."""


def title_words(title: str) -> list[str]:
    """Lower-case words of a title with abbreviations spelled out ("Sr. PM" -> senior product manager)."""
    words = re.sub(r"[^0-9a-z]+", " ", title.lower().replace("&", " and ").replace(".", " ")).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words).split()


def role_part(title: str) -> str:
    """The words of the title that say the role: "Senior PM, Analytics" -> "Senior PM"; "VP, Product" whole."""
    parts = [part.strip() for part in _ROLE_PART_ENDS.split(title)]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    words = title_words(parts[0])
    if len(parts) > 1 and words and _RANK_WORDS.issuperset(words):
        return f"{parts[0]} {parts[1]}"
    return parts[0]


def role_for_title(title: str) -> str:
    """The catalogue role a job title most likely means; `other` when unsure."""
    words = title_words(role_part(title))
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
    if words == ["president"]:  # the company's president, as in Oracle's HR sample; "President, EMEA" is not
        return "ceo"
    return None


def _product_role(words: list[str], text: str) -> str:
    if "head" in words:
        return "head_of_product"
    if " vice president " in text:
        return "vp_product"
    if "director" in words:
        return "director_product"
    if " product manager " not in text and " product management " not in text and " product owner " not in text:
        return "other"
    for word, role_id in (
        ("group", "gpm"),
        ("principal", "principal_pm"),
        ("staff", "principal_pm"),
        ("senior", "senior_pm"),
        ("lead", "senior_pm"),
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


def title_key(title: str) -> str:
    """How a user's title list matches a title: case and runs of spaces do not matter."""
    return " ".join(title.casefold().split())


class TitleMap:
    """Titles the user mapped to roles (`import --titles`), then the built-in guess for the rest."""

    def __init__(self, chosen: Mapping[str, str] | None = None) -> None:
        self._chosen = {title_key(title): role_id for title, role_id in (chosen or {}).items()}
        self._known: dict[str, str] = {}
        """Title -> role, remembered: an export of 100,000 people has a few hundred distinct titles."""

    def role(self, title: str) -> str:
        known = self._known.get(title)
        if known is None:
            known = self._known[title] = self._chosen.get(title_key(title)) or role_for_title(title)
        return known

    def is_chosen(self, title: str) -> bool:
        return title_key(title) in self._chosen
