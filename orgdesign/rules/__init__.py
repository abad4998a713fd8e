"""The rules engine: a registry of documented rules, profiles, and incremental validation.

`validate(org)` checks an org once; a `Validator` keeps the findings of an org that is
being edited current, re-checking only what each edit can affect. `RULES` is the catalogue
every front end (CLI, TUI, README) reads from.
"""

from __future__ import annotations

from orgdesign.rules import product, spans, structure  # noqa: F401  (registers the rules)
from orgdesign.rules.finding import Finding, Severity
from orgdesign.rules.registry import RULES, Rule
from orgdesign.rules.validator import Validator, validate


def known_codes() -> frozenset[str]:
    """Every live rule code (a waiver or `disable` naming a retired code warns; any other code is an error)."""
    return frozenset(RULES)


__all__ = ["RULES", "Finding", "Rule", "Severity", "Validator", "known_codes", "validate"]
