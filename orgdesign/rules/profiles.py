"""The three profiles and how they differ, for `explain`, the README and the TUI.

The documents disagree about where a Head of Product sits. 004 ranks CPO > Head of Product >
VP of Product and 001 puts the Head one level below the CPO; 003 has the Head over the
Director of Product in larger enterprises that have both; yet 002 and 004 say that some large
companies place the Head of Product under the product director or the VP of Product.
`scaleup` keeps the strict ladder; `enterprise` allows that one inversion. 004 and 002 note
that smaller companies may lack most of these roles (the Head of Product may be the top of
product, or in a start-up the most experienced PM), and 000 has PMs reporting to the CEO:
`startup` treats both as normal. (Numbers are the seed documents' file-name prefixes, see
`orgdesign.rules.sources`.)
"""

from __future__ import annotations

from orgdesign.rules.sources import ASK_HEAD, CPO_DEFINITION, DIRECTOR_GUIDE, HEAD_GUIDE, TITLES_GUIDE

PROFILE_SUMMARIES: dict[str, str] = {
    "startup": (
        "Few product roles yet: product managers reporting straight to the CEO, no CPO, and a "
        "Head of Product who is the top of product or its most experienced PM are normal; rules "
        "that expect a product leadership layer are off."
    ),
    "scaleup": (
        "The default. The strict product ladder, CPO > Head of Product > VP as the documents rank "
        "it, then Director > Group PM > product managers, with everyone in product under the Head "
        "of Product."
    ),
    "enterprise": (
        "As scaleup, except that a Head of Product may report to a VP or Director of Product, "
        "which two documents say some large companies do."
    ),
}

PROFILE_SOURCES: dict[str, tuple[str, ...]] = {
    "startup": (TITLES_GUIDE, HEAD_GUIDE, ASK_HEAD),
    "scaleup": (TITLES_GUIDE, DIRECTOR_GUIDE, CPO_DEFINITION),
    "enterprise": (TITLES_GUIDE, HEAD_GUIDE),
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
