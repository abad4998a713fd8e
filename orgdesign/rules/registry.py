"""The rule registry: what a rule is, the catalogue every front end reads from, and the codes
that were retired from it.

A rule checks one person at a time. Its `check` yields `Diagnosis`es: a message and, where
the rule can resolve it, a `Fix` (the edit and its one-line description), worked out once
from the state the check saw, as ruff attaches fixes to its diagnostics. The engine turns
each into a `Finding` with the rule's code, severity, sources, the person's location and
any waiver, so the TUI and `validate --fix` apply exactly what the message promised.

Rule codes are a contract with every layout that waives or disables them. A code is never
reused: when a rule is renamed or removed, its code goes into `RETIRED`, and a layout still
naming it loads with a warning instead of an error (a renamed code keeps working as its
replacement), as ruff treats its redirected and removed rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from orgdesign.model import PROFILES, Person
from orgdesign.rules.finding import Severity

if TYPE_CHECKING:
    from orgdesign.edits import Edit
    from orgdesign.rules.state import OrgState

ALL_PROFILES = frozenset(PROFILES)

NARROW_FIELDS = frozenset({"product"})
"""Person fields that only the rules naming them in `reads` look at (of anyone: the person,
their reports, their unit). An edit that changes nothing else re-checks only those rules, so
setting the product of 1,000 people re-checks one rule of their managers, not every rule of
2,000 people. A rule that starts reading one of these fields must say so in `reads`; the
property that an incremental check equals a full one (tests/rules/test_incremental.py) holds
the declarations to account."""

REPORT_FIELDS = frozenset({"id", "name", "title", "role", "reports_to", "product"})
"""The fields of a direct report that a manager's rules reading their reports (`reads_reports`)
may look at: who they are (`who` shows the name, title and role), how many there are and of
which roles, and the products of the product managers among them. An edit that changes only
other fields of a report (their unit, years, dotted lines, waivers, ...) leaves their manager's
findings as they were, so assigning 1,000 people to a unit re-checks none of their managers.
A rule that starts reading another field of a report must add it here; the property that an
incremental check equals a full one (tests/rules/test_incremental.py) holds this to account."""


@dataclass(frozen=True, slots=True)
class Fix:
    """An edit that resolves a finding, with how the finding describes it to the user."""

    edit: Edit
    description: str


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """What a check yields: the message, and the fix when the check found one."""

    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class FixPolicy:
    """What a rule's fixes do in general (for `explain` and the README), and whether
    `validate --fix` may apply them unattended."""

    summary: str
    safe: bool = False


Check = Callable[["OrgState", Person], Iterable[Diagnosis]]
Candidates = Callable[["OrgState"], Iterable[str]]


class Basis(StrEnum):
    """What a rule rests on, so a user knows how much weight a finding carries."""

    DOCUMENTS = "documents"
    PRACTICE = "practice"
    STRUCTURE = "structure"

    @property
    def meaning(self) -> str:
        return BASIS_MEANINGS[self]


BASIS_MEANINGS = {
    Basis.DOCUMENTS: "a claim the cited documents make",
    Basis.PRACTICE: "a common org-design convention, not a claim of the documents; its limit is a setting you choose",
    Basis.STRUCTURE: "data integrity: the layout must describe one well-formed tree",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    title: str
    severity: Severity
    basis: Basis
    sources: tuple[str, ...]
    """File names of the seed documents that make the rule's claim (none unless `basis` is documents)."""
    rationale: str
    profiles: frozenset[str]
    check: Check
    fix: FixPolicy | None = None
    """None when the rule's findings never carry a fix."""
    roles: frozenset[str] | None = None
    """The roles of the people the rule looks at; None means everyone."""
    positional: bool = False
    """Whether the outcome depends on where the person sits (layer, cycle, subtree)."""
    candidates: Candidates | None = None
    """For a full check: ids that may have a finding (a superset); None means by `roles`."""
    managers_only: bool = False
    """Whether only someone with a direct report can have this finding: a full check runs it on
    managers alone, and a re-check skips it for anyone without reports (a bulk move re-checks
    1,000 product managers, none of whom manages anyone)."""
    fix_depends_on: frozenset[str] = frozenset()
    """`Context` fields the fix description reads (and nothing else about the finding does)."""
    reads: frozenset[str] = frozenset()
    """The `NARROW_FIELDS` the check reads, of anyone (every other field it may read freely)."""
    reads_reports: bool = False
    """Whether the check of a manager reads anything about their direct reports (how many there
    are, their records, counts kept of them) or the products of the product managers below them.
    A manager re-checked only because of such a change below them is re-checked with these rules
    alone: a bulk edit of 1,000 people touches about as many managers. Reading anything about a
    report without saying so here, or a field of a report outside `REPORT_FIELDS`, breaks the
    property that an incremental check equals a full one (tests/rules/test_incremental.py)."""

    @property
    def fix_summary(self) -> str | None:
        return None if self.fix is None else self.fix.summary

    @property
    def safe_fix(self) -> bool:
        return self.fix is not None and self.fix.safe

    def applies_to_profile(self, profile: str) -> bool:
        return profile in self.profiles

    def applies_to_role(self, role_id: str) -> bool:
        return self.roles is None or role_id in self.roles

    def candidate_ids(self, state: OrgState) -> Iterable[str]:
        """Who a full check runs this rule on: never fewer than those it can report."""
        if self.candidates is not None:
            return self.candidates(state)
        if self.managers_only:
            return [pid for pid in state.managers() if self.applies_to_role(state.people[pid].role)]
        if self.roles is not None:
            return state.members(self.roles)
        return state.people.keys()


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    title: str,
    severity: Severity,
    *,
    basis: Basis,
    sources: Iterable[str] = (),
    rationale: str,
    profiles: Iterable[str] = ALL_PROFILES,
    roles: Iterable[str] | None = None,
    positional: bool = False,
    candidates: Candidates | None = None,
    managers_only: bool = False,
    fix_depends_on: Iterable[str] = (),
    reads: Iterable[str] = (),
    reads_reports: bool = False,
    fix_summary: str | None = None,
    safe_fix: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated check function as the rule `code`.

    A rule with a documents basis cites the documents that make its claim; a practice or
    structure rule cites none, since no document gives what it checks. A rule whose checks
    attach fixes says what they do in general with `fix_summary`.
    """
    cited = tuple(sources)
    if bool(cited) != (basis is Basis.DOCUMENTS):
        raise ValueError(f"rule {code}: a {basis} rule cites {'no' if cited else 'at least one'} document")
    if safe_fix and fix_summary is None:
        raise ValueError(f"rule {code}: a safe fix needs a fix_summary")
    if not NARROW_FIELDS.issuperset(reads):
        raise ValueError(f"rule {code}: only narrow fields are declared in reads")

    def register(check: Check) -> Check:
        if code in RULES or code in RETIRED:
            raise ValueError(f"rule {code} is registered twice, or reuses a retired code")
        RULES[code] = Rule(
            code=code,
            title=title,
            severity=severity,
            basis=basis,
            sources=cited,
            rationale=" ".join(rationale.split()),
            profiles=frozenset(profiles),
            check=check,
            fix=None if fix_summary is None else FixPolicy(fix_summary, safe_fix),
            roles=None if roles is None else frozenset(roles),
            positional=positional,
            candidates=candidates,
            managers_only=managers_only,
            fix_depends_on=frozenset(fix_depends_on),
            reads=frozenset(reads),
            reads_reports=reads_reports,
        )
        return check

    return register


@dataclass(frozen=True, slots=True)
class RetiredCode:
    code: str
    replacement: str | None
    """The code that took over the rule's check, or None when the check was dropped."""
    why: str
    """Why it was retired, in a few words: 'split into PRD120 and PRD121', 'no document supports it'."""


RETIRED: dict[str, RetiredCode] = {}
"""Every code that was ever retired. None has been yet; add one here whenever a rule is
renamed or removed, and never take one out (layouts in the wild may still name it)."""


def successor(code: str) -> str | None:
    """The live code a retired `code` now goes by (following renames of renames), or None."""
    seen: set[str] = set()
    while code in RETIRED and code not in seen:
        seen.add(code)
        replacement = RETIRED[code].replacement
        if replacement is None:
            return None
        code = replacement
    return code if code in RULES else None


def retirement_notice(code: str) -> str | None:
    """What a layout naming the retired `code` is told; None when `code` was never retired."""
    retired = RETIRED.get(code)
    if retired is None:
        return None
    live = successor(code)
    if live is None:
        return f"rule {code} was removed ({retired.why}): naming it has no effect; delete it"
    return f"rule {code} was retired ({retired.why}) and is now {live}: write {live} instead (it counts as {live})"
