"""What both readers (the full one and the canonical fast path) and the dumper agree on."""

from __future__ import annotations

import re
from collections.abc import Collection

FORMAT_VERSION = "1"
WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]*")
"""How a whole number is written: no sign, no leading zeros, no underscores."""


def catalogue_codes() -> Collection[str]:
    """The rule codes waivers and `settings.disable` may name."""
    from orgdesign.rules import known_codes  # imported late: the rules import the model

    return known_codes()


def retired_rule(code: str) -> tuple[str | None, str] | None:
    """For a retired rule code: the live code it now goes by (None when its rule was removed)
    and what to tell the user; None for a code that never existed."""
    from orgdesign.rules.registry import retirement_notice, successor  # imported late, as above

    notice = retirement_notice(code)
    return None if notice is None else (successor(code), notice)
