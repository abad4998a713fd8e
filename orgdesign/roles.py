"""The role catalogue: the ids a layout may use, their labels, families and product ranks.

The ids are a contract with every layout on disk; never rename one. The product ladder is
CPO > Head of Product > VP > Director > Group PM > Principal > Senior > Technical PM = PM >
Associate PM. Its top follows the documents: 004_eaf7f82e3fc8070d.txt ranks CPO > Head of
Product > VP of Product, 001_746824118fe9bc85.txt puts the Head one level below the CPO, and
003_fa15676f7b4b3234.txt has careers climb from PM through director and VP to CPO. The rest
(the Group PM below the Director, which 001 only calls similar but more hands-on, and the
grades of product managers) is common practice, not a claim of the documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    EXECUTIVE = "executive"
    PRODUCT_LEADER = "product leader"
    PRODUCT_MANAGER = "product manager"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    label: str
    family: Family
    rank: int | None
    """Position on the product ladder (higher is more senior); None for roles off the ladder."""

    @property
    def on_product_ladder(self) -> bool:
        return self.rank is not None

    @property
    def is_product_manager(self) -> bool:
        return self.family is Family.PRODUCT_MANAGER

    @property
    def is_product_leader(self) -> bool:
        """CPO, Head, VP and Director of Product, Group PM: the people PMs should report to."""
        return self.id in PRODUCT_LEADER_IDS


PRODUCT_LEADER_IDS = frozenset({"cpo", "head_of_product", "vp_product", "director_product", "gpm"})

_CATALOGUE = (
    Role("ceo", "CEO", Family.EXECUTIVE, None),
    Role("cto", "CTO", Family.EXECUTIVE, None),
    Role("cmo", "CMO", Family.EXECUTIVE, None),
    Role("coo", "COO", Family.EXECUTIVE, None),
    Role("cpo", "Chief Product Officer", Family.EXECUTIVE, 100),
    Role("head_of_product", "Head of Product", Family.PRODUCT_LEADER, 90),
    Role("vp_product", "VP of Product", Family.PRODUCT_LEADER, 80),
    Role("director_product", "Director of Product", Family.PRODUCT_LEADER, 70),
    Role("gpm", "Group Product Manager", Family.PRODUCT_LEADER, 60),
    Role("principal_pm", "Principal Product Manager", Family.PRODUCT_MANAGER, 50),
    Role("senior_pm", "Senior Product Manager", Family.PRODUCT_MANAGER, 40),
    Role("technical_pm", "Technical Product Manager", Family.PRODUCT_MANAGER, 30),
    Role("pm", "Product Manager", Family.PRODUCT_MANAGER, 30),
    Role("associate_pm", "Associate Product Manager", Family.PRODUCT_MANAGER, 20),
    Role("other", "Other", Family.OTHER, None),
)

ROLES: dict[str, Role] = {role.id: role for role in _CATALOGUE}
ROLE_IDS: tuple[str, ...] = tuple(ROLES)


def role(role_id: str) -> Role:
    """The catalogue entry for `role_id`; raises KeyError for ids outside the catalogue."""
    return ROLES[role_id]


ROLE_ALIASES: dict[str, frozenset[str]] = {
    "cpo_is_head": frozenset({"cpo", "head_of_product"}),
    "vp_is_head": frozenset({"head_of_product", "vp_product"}),
}
"""Pairs of titles some documents call one role, which a layout may declare the same.

000_d015a0fb67236ba5.txt gives Head of Product as another name for the CPO;
004_eaf7f82e3fc8070d.txt says a VP of Product and a Head of Product are often
interchangeable. With an alias set in `settings.aliases`, the rules stop reporting rank
problems between the two titles.
"""


def are_aliases(aliases: tuple[str, ...], first: str, second: str) -> bool:
    """Whether the layout's `aliases` make roles `first` and `second` one role."""
    pair = {first, second}
    return any(ROLE_ALIASES[name] == pair for name in aliases if name in ROLE_ALIASES)


_SYNONYMS = {
    "apm": "associate_pm",
    "tpm": "technical_pm",
    "sr_pm": "senior_pm",
    "senior_product_manager": "senior_pm",
    "lead_pm": "gpm",
    "group_pm": "gpm",
    "product_director": "director_product",
    "director_of_product_management": "director_product",
    "vp_product_management": "vp_product",
    "vice_president_of_product": "vp_product",
    "product_vp": "vp_product",
    "head_product": "head_of_product",
    "product_lead": "head_of_product",
    "chief_executive": "ceo",
    "chief_executive_officer": "ceo",
    "chief_technology_officer": "cto",
    "chief_technical_officer": "cto",
    "chief_marketing_officer": "cmo",
    "chief_operating_officer": "coo",
    "product_owner": "pm",
    "pdm": "pm",
}
"""Abbreviations and other names people write for a role (the labels themselves are known too)."""


def _as_key(word: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", word.casefold()).strip("_")


_BY_MEANING: dict[str, str] = {_as_key(r.label): r.id for r in _CATALOGUE} | _SYNONYMS


def role_meant_by(word: str) -> str | None:
    """The role id that `word` names by meaning ('product_manager', 'Product Manager', 'APM'), if any."""
    key = _as_key(word)
    return key if key in ROLES else _BY_MEANING.get(key)
