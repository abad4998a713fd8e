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
