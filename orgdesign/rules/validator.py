"""Running the rules: a full check, and re-checks after edits that touch only what changed.

Findings are kept per person, so an edit replaces the findings of the people it can affect
and nothing else; the counts of unwaived findings are kept up to date alongside. Every
finding is attached to a person (the "second" top, the "second" CPO, ...), so each one has
a line in the layout and can be waived there; a finding with no person would be placed at
line 1, column 1.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter

from orgdesign.edits import Edit
from orgdesign.model import Org, Person
from orgdesign.roles import ROLE_IDS
from orgdesign.rules.finding import Finding, Severity
from orgdesign.rules.product import pm_reporting_options
from orgdesign.rules.registry import NARROW_FIELDS, RULES, Rule
from orgdesign.rules.state import Context, OrgState


class Validator:
    """The findings of one org, kept current with `refresh` after each edit."""

    def __init__(self, org: Org) -> None:
        self.org = org
        self.last_rechecked: set[str] | None = None
        """Whose findings the last check could have changed: None after a full check (everyone's).
        A comparison with a baseline (`orgdesign.compare`) reads it to update only those people."""
        self.last_changed: set[str] | None = None
        """Whose findings the last check did change (a few of `last_rechecked`): None after a full
        check. A view showing each person's worst finding redraws only these; a bulk move of 1,000
        re-checks 2,000 people, most of whom had no finding before and have none after."""
        self.refresh_all()

    # -- checking --------------------------------------------------------------------------

    def refresh_all(self) -> None:
        """Check everything again (after a change of profile, settings or units)."""
        org = self.org
        self.last_rechecked = self.last_changed = None
        self._org_fields = _org_fields(org)
        self._state = OrgState(org)
        rules = [r for r in RULES.values() if _active(r, org)]
        self._rules = {role: tuple(r for r in rules if r.applies_to_role(role)) for role in ROLE_IDS}
        self._positional = {role: tuple(r for r in plan if r.positional) for role, plan in self._rules.items()}
        self._report_readers = {role: tuple(r for r in plan if r.reads_reports) for role, plan in self._rules.items()}
        self._readers: dict[frozenset[str], dict[str, tuple[Rule, ...]]] = {}
        self._by_person: dict[str, list[Finding]] = {}
        self._counts = {severity: 0 for severity in Severity}
        found: dict[str, list[Finding]] = {}
        people = self._state.people
        for rule in rules:
            for pid in rule.candidate_ids(self._state):
                more = self._run((rule,), people[pid])
                if more:
                    found.setdefault(pid, []).extend(more)
        self._keys: list[tuple] = []
        self._ordered: list[Finding] = []
        for pid, findings in found.items():
            self._store(pid, findings, keep_order=False)
        pairs = sorted((_sort_key(f), f) for findings in self._by_person.values() for f in findings)
        self._keys = [key for key, _ in pairs]
        self._ordered = [finding for _, finding in pairs]

    def refresh(self, touched: Iterable[str] | None) -> None:
        """Re-check what an edit touching `touched` can affect (None, as from an empty undo, is a no-op)."""
        if _org_fields(self.org) != self._org_fields:
            self.refresh_all()
            return
        if not touched:
            return
        before = self._state.context
        narrow = self._narrow_change(touched)
        recheck, managers, directors, repositioned = self._state.sync(touched)
        recheck |= self._holding_stale_fixes(before, self._state.context)
        managers -= recheck
        directors -= recheck
        self.last_rechecked = set(touched) | recheck | managers | directors | repositioned
        self.last_changed = set()
        people = self._state.people
        for pid in [pid for pid in touched if pid in self._by_person and pid not in people]:
            self._store(pid, [])
        if narrow and before == self._state.context:
            readers = self._readers_of(narrow)
            for pid in recheck | managers | directors:
                person = people[pid]
                self._recheck_with(person, readers[person.role])
        else:
            for pid in recheck:
                person = people[pid]
                self._store(pid, self._run(self._rules[person.role], person))
            for pid in managers:
                person = people[pid]
                self._recheck_with(person, self._report_readers[person.role])
            product_readers = self._readers_of(PRODUCT)
            for pid in directors:
                person = people[pid]
                self._recheck_with(person, product_readers[person.role])
        for pid in repositioned:
            person = people[pid]
            self._recheck_with(person, self._positional[person.role])

    def _narrow_change(self, touched: Iterable[str]) -> frozenset[str]:
        """The fields an edit changed, when they are all `NARROW_FIELDS` and nobody came or went; else none."""
        before, org = self._state.people, self.org
        changed: set[str] = set()
        for pid in touched:
            old, new = before.get(pid), org.get(pid)
            if old is None or new is None:
                return frozenset()
            if old is not new:
                if _broad_values(old) != _broad_values(new):
                    return frozenset()
                changed.update(name for name in _NARROW_ORDER if getattr(old, name) != getattr(new, name))
        return frozenset(changed)

    def _readers_of(self, narrow: frozenset[str]) -> dict[str, tuple[Rule, ...]]:
        """For each role, its rules that read any of the `narrow` fields."""
        readers = self._readers.get(narrow)
        if readers is None:
            readers = {role: tuple(r for r in plan if r.reads & narrow) for role, plan in self._rules.items()}
            self._readers[narrow] = readers
        return readers

    def _holding_stale_fixes(self, before: Context, after: Context) -> set[str]:
        """People with a finding whose fix description reads a context field that changed."""
        if before == after:
            return set()
        changed = {name for name in Context.__slots__ if getattr(before, name) != getattr(after, name)}
        codes = {code for code, rule in RULES.items() if rule.fix_depends_on & changed}
        people = self._state.people
        return {pid for pid, found in self._by_person.items() if pid in people and any(f.code in codes for f in found)}

    def _recheck_with(self, person: Person, plan: tuple[Rule, ...]) -> None:
        """Re-check `person` with the rules of `plan` only, keeping the findings of their other rules."""
        if not plan:
            return
        found = self._run(plan, person)
        old = self._by_person.get(person.id)
        if old:
            codes = {r.code for r in plan}
            found = [f for f in old if f.code not in codes] + found
        elif not found:
            return  # nothing before, nothing now: most managers a bulk edit touches
        self._store(person.id, found)

    def _run(self, plan: tuple[Rule, ...], person: Person) -> list[Finding]:
        """The findings of `plan`'s rules about `person` (rules for managers skipped for anyone
        without reports: they find nothing there, so a re-check replaces their findings with none)."""
        state = self._state
        found: list[Finding] = []
        manages: bool | None = None
        for rule in plan:
            if rule.managers_only:
                if manages is None:
                    manages = state.report_total(person.id) > 0
                if not manages:
                    continue
            for diagnosis in rule.check(state, person):
                fix = diagnosis.fix
                found.append(
                    Finding(
                        code=rule.code,
                        severity=rule.severity,
                        person=person.id,
                        message=diagnosis.message,
                        sources=rule.sources,
                        fix=None if fix is None else fix.description,
                        line=person.line,
                        column=person.column,
                        waived=person.waives(rule.code),
                        fix_edit=None if fix is None else fix.edit,
                    )
                )
        return found

    def _store(self, pid: str, found: list[Finding], *, keep_order: bool = True) -> None:
        """Replace `pid`'s findings; with `keep_order`, also in the worst-first list.

        The worst-first list is kept sorted by bisection, so an edit costs a few list moves
        rather than a sort of every finding (87,000 of them in a messy 100k org).
        """
        old = self._by_person.pop(pid, None)
        if not old and not found:
            return
        if keep_order and self.last_changed is not None:
            self.last_changed.add(pid)
        for finding in old or ():
            if finding.waived is None:
                self._counts[finding.severity] -= 1
            if keep_order:
                self._unlist(finding)
        if found:
            found.sort(key=_sort_key)
            self._by_person[pid] = found
            for finding in found:
                if finding.waived is None:
                    self._counts[finding.severity] += 1
                if keep_order:
                    self._list(finding)

    def _list(self, finding: Finding) -> None:
        key = _sort_key(finding)
        index = bisect_right(self._keys, key)
        self._keys.insert(index, key)
        self._ordered.insert(index, finding)

    def _unlist(self, finding: Finding) -> None:
        index = bisect_left(self._keys, _sort_key(finding))
        while self._ordered[index] is not finding:
            index += 1
        del self._keys[index]
        del self._ordered[index]

    # -- reading ---------------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        """Every finding, waived ones included, worst first."""
        return list(self._ordered)

    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.waived is None]

    def waived(self) -> list[Finding]:
        return [f for f in self.findings if f.waived is not None]

    def for_person(self, pid: str) -> list[Finding]:
        return list(self._by_person.get(pid, ()))

    def worst(self, pid: str) -> Severity | None:
        """The most severe unwaived finding about `pid`, or None."""
        return max((f.severity for f in self._by_person.get(pid, ()) if f.waived is None), default=None)

    def counts(self) -> dict[Severity, int]:
        """Unwaived findings by severity."""
        return dict(self._counts)

    def reporting_options(self, pid: str) -> list[tuple[Person, str]]:
        """Whom the product manager `pid` may report to, each with its description (see
        `rules.product.pm_reporting_options`); empty for anyone else."""
        person = self._state.people.get(pid)
        if person is None or not person.role_info.is_product_manager:
            return []
        return pm_reporting_options(self._state, person)

    def fix_for(self, finding: Finding) -> Edit | None:
        """The edit that resolves `finding`, as its check attached it; None when the rule offered
        none or `finding` is no longer current (an edit since resolved or changed it).

        Every fix touches the person its finding is about, so applying it re-checks them and
        replaces the finding: a current finding's edit has never been applied.
        """
        current = self._by_person.get(finding.person or "", ())
        return next((f.fix_edit for f in current if f == finding), None)


def validate(org: Org) -> list[Finding]:
    """Every finding about `org` (waived ones included, with `waived` set), worst first."""
    return Validator(org).findings


def _active(rule: Rule, org: Org) -> bool:
    return rule.applies_to_profile(org.profile) and rule.code not in org.settings.disable


_NARROW_ORDER = tuple(sorted(NARROW_FIELDS))
PRODUCT = frozenset({"product"})
"""The narrow field whose readers re-check a Director when only the products below them changed."""
_broad_values = attrgetter(*(f.name for f in fields(Person) if f.name not in NARROW_FIELDS))
"""A person's fields other than the `NARROW_FIELDS`, as one tuple: compared at once, in C."""


def _org_fields(org: Org) -> tuple:
    return (org.profile, org.settings, org.units)


def _sort_key(finding: Finding) -> tuple:
    """Worst first, then file position; the message breaks ties so the order is total."""
    return (*finding.sort_key, finding.message)
