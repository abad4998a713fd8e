"""The shipped layouts in `layouts/`, offered as templates by `orgdesign new` and the designer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LAYOUTS_DIR = Path(__file__).resolve().parent.parent / "layouts"

DESCRIPTIONS = {
    "startup": "CEO and CTO with a few PMs reporting to the CEO (profile startup)",
    "scaleup": "CPO and Head of Product over Directors, Group PMs and PMs (profile scaleup)",
    "enterprise": "about 60 people with every role of the product ladder (profile enterprise)",
    "companies": "a group of product-oriented companies, each with its own product lead",
    "blank": "just a CEO, to build the org from nothing (profile startup)",
}


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    path: Path
    description: str


def list_templates() -> list[Template]:
    """Every shipped layout, the four documented ones first."""
    found = {p.stem: p for p in sorted(LAYOUTS_DIR.glob("*.yaml"))}
    ordered = [name for name in DESCRIPTIONS if name in found] + [n for n in found if n not in DESCRIPTIONS]
    return [Template(name, found[name], DESCRIPTIONS.get(name, "")) for name in ordered]


def template_path(name: str) -> Path:
    """The file of template `name`; raises KeyError naming the templates that exist."""
    for template in list_templates():
        if template.name == name:
            return template.path
    raise KeyError(f"no template named {name!r}; choose one of {', '.join(t.name for t in list_templates())}")
