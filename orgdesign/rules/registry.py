"""The rule registry: what a rule is, and the catalogue every front end reads from.

A rule checks one person at a time. Its `check` yields `(message, fix description)` pairs;
the engine turns them into `Finding`s with the rule's code, severity, sources, the person's
location and any waiver. A rule with a `fix` can build the edit that resolves its finding
from the same state the check saw, so the TUI and `validate --fix` apply exactly what the
message promised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgdesign.model import PROFILES, Person
from orgdesign.rules.finding import Severity

if TYPE_CHECKING:
    from orgdesign.edits import Edit
    from orgdesign.rules.state import OrgState

ALL_PROFILES = frozenset(PROFILES)

Report = tuple[str, "str | None"]
"""What a check yields: the message and the one-line description of its fix (or None)."""

Check = Callable[["OrgState", Person], Iterable[Report]]
Candidates = Callable[["OrgState"], Iterable[str]]
Fixer = Callable[["OrgState", Person], "Edit | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    title: str
    severity: Severity
    sources: tuple[str, ...]
    """File names of the seed documents the rule rests on."""
    rationale: str
    profiles: frozenset[str]
    check: Check
    fix: Fixer | None = None
    fix_summary: str | None = None
    """What the fix does in general, for `explain` and the README."""
    safe_fix: bool = False
    """Whether `validate --fix` may apply the fix unattended."""
    roles: frozenset[str] | None = None
    """The roles of the people the rule looks at; None means everyone."""
    positional: bool = False
    """Whether the outcome depends on where the person sits (layer, cycle, subtree)."""
    candidates: Candidates | None = None
    """For a full check: ids that may have a finding (a superset); None means by `roles`."""
    fix_depends_on: frozenset[str] = frozenset()
    """`Context` fields the fix description reads (and nothing else about the finding does)."""

    def applies_to_profile(self, profile: str) -> bool:
        return profile in self.profiles

    def applies_to_role(self, role_id: str) -> bool:
        return self.roles is None or role_id in self.roles

    def candidate_ids(self, state: OrgState) -> Iterable[str]:
        """Who a full check runs this rule on: never fewer than those it can report."""
        if self.candidates is not None:
            return self.candidates(state)
        if self.roles is not None:
            return state.members(self.roles)
        return state.people.keys()


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    title: str,
    severity: Severity,
    *,
    sources: Iterable[str],
    rationale: str,
    profiles: Iterable[str] = ALL_PROFILES,
    roles: Iterable[str] | None = None,
    positional: bool = False,
    candidates: Candidates | None = None,
    fix_depends_on: Iterable[str] = (),
    fix: Fixer | None = None,
    fix_summary: str | None = None,
    safe_fix: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated check function as the rule `code`."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        RULES[code] = Rule(
            code=code,
            title=title,
            severity=severity,
            sources=tuple(sources),
            rationale=" ".join(rationale.split()),
            profiles=frozenset(profiles),
            check=check,
            fix=fix,
            fix_summary=fix_summary,
            safe_fix=safe_fix,
            roles=None if roles is None else frozenset(roles),
            positional=positional,
            candidates=candidates,
            fix_depends_on=frozenset(fix_depends_on),
        )
        return check

    return register
