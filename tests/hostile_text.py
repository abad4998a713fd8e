"""Text that tries to drive a terminal, and a layout where every user-controlled field holds it.

Shared by the terminal-safety tests of the CLI and the designer: whatever a user, a colleague
or a CSV export wrote must reach the terminal only as visible escapes.
"""

from __future__ import annotations

import re
from pathlib import Path

from orgdesign.layout import save_layout
from orgdesign.model import Org, Person, Unit, Waiver

HOSTILE = "\x1b[1A\x1b[2K\x1b]0;pwned\x07\u009b31m\u202e"
"""Erase the line above, retitle the window, an 8-bit CSI and a right-to-left override."""

SHOWN = "\\x1b[1A\\x1b[2K\\x1b]0;pwned\\x07\\x9b31m\\u202e"
"""How the gate shows HOSTILE: every character that could act is written out."""

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Anything but a line break that must never reach the terminal raw."""


def raw_control(text: str) -> list[str]:
    """The unsafe characters in `text` (empty when it is safe to print)."""
    return UNSAFE.findall(text)


def hostile(word: str) -> str:
    """`word` (so the text stays recognisable) followed by the hostile sequence."""
    return word + HOSTILE


def hostile_org() -> Org:
    """A product org with findings about hostile names, a waiver with a hostile reason, hostile units and notes.

    Lee (a PM) reports to the CTO: PRD101 names Lee and has a safe fix naming Maya; the second PM
    under the CTO waives it with a hostile reason.
    """
    people = [
        Person(hostile("ana"), hostile("Ana"), "ceo", title=hostile("Founder"), notes=hostile("Note") + "\nline 2"),
        Person("sam", hostile("Sam"), "cto", reports_to=hostile("ana"), unit="eng"),
        Person("e1", hostile("Eng"), "other", reports_to="sam", product=hostile("Payments"), unit="eng"),
        Person("maya", hostile("Maya"), "head_of_product", reports_to=hostile("ana"), years_pm=9),
        Person("pm1", hostile("Pia"), "pm", reports_to="maya"),
        Person("lee", hostile("Lee"), "pm", reports_to="sam"),
        Person(
            "kai",
            hostile("Kai"),
            "pm",
            reports_to="sam",
            allow=(Waiver("PRD101", hostile("interim")), Waiver("PRD110", hostile("interim"))),
        ),
    ]
    return Org(hostile("Org"), people, profile="scaleup", units=[Unit("eng", hostile("Engineering"))])


def write_hostile_layout(folder: Path, stem: str = "org") -> Path:
    """The hostile org saved under a hostile file name in `folder`."""
    path = folder / f"{hostile(stem)}.yaml"
    save_layout(hostile_org(), path, backup=False)
    return path
