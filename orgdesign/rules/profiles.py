"""The three profiles and how they differ, for `explain`, the README and the TUI.

The documents disagree about where a Head of Product sits. 004_eaf7f82e3fc8070d.txt ranks
CPO > Head of Product > VP of Product and 001_746824118fe9bc85.txt puts the Head one level
below the CPO, while 002_cfaadbc18d6280c4.txt and 003_fa15676f7b4b3234.txt have the Head
oversee the Director of Product in larger enterprises. Yet 004_eaf7f82e3fc8070d.txt also
says that in some larger companies the Head of Product sits below the Director or the VP of
Product. `scaleup` keeps the strict ladder; `enterprise` allows that one inversion.
004_eaf7f82e3fc8070d.txt notes that smaller companies lack most of these roles (the Head of
Product may be the top of product, or the most experienced PM), and 000_d015a0fb67236ba5.txt
has PMs reporting to the CEO: `startup` treats both as normal.
"""

from __future__ import annotations

PROFILE_SUMMARIES: dict[str, str] = {
    "startup": (
        "Few product roles yet: product managers reporting straight to the CEO, and no CPO or "
        "Head of Product, are normal; rules that expect a product leadership layer are off."
    ),
    "scaleup": (
        "The default. The strict product ladder: CPO > Head of Product > VP > Director > "
        "Group PM > product managers, with everyone in product under the Head of Product."
    ),
    "enterprise": (
        "As scaleup, except that a Head of Product may report to a VP or Director of Product, "
        "as some large companies arrange it."
    ),
}

PROFILE_SOURCES: dict[str, tuple[str, ...]] = {
    "startup": ("004_eaf7f82e3fc8070d.txt", "000_d015a0fb67236ba5.txt"),
    "scaleup": ("004_eaf7f82e3fc8070d.txt", "001_746824118fe9bc85.txt", "002_cfaadbc18d6280c4.txt"),
    "enterprise": ("004_eaf7f82e3fc8070d.txt",),
}

RELAXATIONS: dict[str, dict[str, str]] = {
    "startup": {
        "PRD111": "a Head of Product with few recorded years is accepted: a young firm's Head is often its senior PM",
        "PRD115": "a Head of Product with no product people below is accepted: the Head may be the only PM",
        "PRD119": "a Head of Product in an org with no other PMs is accepted (a CPO is still reported)",
    },
    "enterprise": {
        "PRD103": "a Head of Product reporting to a VP or Director of Product is accepted",
        "PRD108": "a Head of Product reporting to a VP or Director of Product is accepted",
        "SPN202": "a VP or Director of Product whose one report is the Head of Product is accepted",
    },
}
"""Rules that run in a profile but accept more there: profile -> code -> what is accepted."""
