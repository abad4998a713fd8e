"""The compact org notation of the rule tests: one person per line, turned into a real layout.

    ana ceo
    lee pm > sam  product=Pay unit=web years=3 dotted=x,y allow=PRD101 vacancy

becomes a YAML layout loaded with `loads_layout`, so findings carry real line numbers.
"""

from __future__ import annotations

import json
import textwrap

from orgdesign.layout import loads_layout
from orgdesign.model import Org
from orgdesign.rules import validate

_FIELDS = {"product": "product", "unit": "unit", "title": "title"}


def layout_text(spec: str, *, profile: str = "scaleup", settings: str = "", units: str = "") -> str:
    lines = ["orgdesign: 1", "name: Test org", f"profile: {profile}"]
    if settings:
        lines += ["settings:", *("  " + s.strip() for s in settings.split(";"))]
    if units:
        lines.append("units:")
        lines += [f"  - {{id: {u}, name: {u.title()} unit}}" for u in units.split()]
    lines.append("people:")
    for row in textwrap.dedent(spec).strip().splitlines():
        lines += _person(row.split())
    return "\n".join(lines) + "\n"


def _person(words: list[str]) -> list[str]:
    pid, role, *rest = words
    out = [f"  - id: {pid}", f"    name: {pid.title()} Doe", f"    role: {role}"]
    if rest[:1] == [">"]:
        out.append(f"    reports_to: {rest[1]}")
        rest = rest[2:]
    for word in rest:
        key, _, value = word.partition("=")
        if key == "dotted":
            out.append(f"    dotted_to: [{value}]")
        elif key == "allow":
            out += ["    allow:", f"      - {{rule: {value}, reason: accepted on purpose}}"]
        elif key == "vacancy":
            out.append("    vacancy: true")
        elif key == "years":
            out.append(f"    years_pm: {value}")
        else:
            out.append(f"    {_FIELDS[key]}: {json.dumps(value.replace('_', ' '))}")
    return out


def make_org(spec: str, **options: str) -> Org:
    return loads_layout(layout_text(spec, **options))


def codes(org: Org, *, waived: bool = False) -> list[str]:
    """Codes of the unwaived findings (or of the waived ones)."""
    return [f.code for f in validate(org) if (f.waived is not None) == waived]
