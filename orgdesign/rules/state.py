"""What the rules read: an indexed copy of the org's people, kept in step edit by edit.

`OrgState` holds, besides the people, the indexes the rules need so that no check walks the
org: the members of each role and unit, each person's `Position` (layer, nearest Head and
Director of Product above, reporting cycle), the products under each Director, and an
org-wide `Context` (the first top, CEO, CPO, the single Head of Product, ...). The reporting
lines themselves (reports, tops, roles of the reports, references to nobody) are the
`Org`'s: asked of it, never copied here. `people` is a copy on purpose: `sync` compares it
with the org to see what an edit changed.

`sync(touched)` brings it up to date after an edit and says who must be re-checked: the
people whose own records changed, their managers (when the change is one a manager's rules
see: `REPORT_FIELDS`) and reports, everyone whose position moved (a move shifts a whole
subtree), and, when the org-wide context changed, the few roles whose findings depend on it.
Every walk here is iterative and linear in what it visits.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Collection, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from orgdesign.edits import PRODUCT_TOP_ROLES, product_top
from orgdesign.model import Org, Person, climb, count_member, discard_member
from orgdesign.roles import PRODUCT_LEADER_IDS, ROLES, Family
from orgdesign.rules.registry import REPORT_FIELDS
from orgdesign.rules.text import who

PM_ROLES = frozenset(r.id for r in ROLES.values() if r.family is Family.PRODUCT_MANAGER)
LADDER_ROLES = frozenset(r.id for r in ROLES.values() if r.on_product_ladder)
PRODUCT_LEADERS = PRODUCT_LEADER_IDS
_POSITION_ROLES = frozenset({"head_of_product", "director_product"})
UNIT_LEADER_ROLES = frozenset({"cpo", "head_of_product"})
"""Roles that give a unit "its own head of product" (000_d015a0fb67236ba5.txt uses both names)."""
SCOPED_ROLES = frozenset({"ceo", "cpo", "head_of_product"})
"""Roles indexed per unit (and per "no unit"): each company inside the company has its own."""
_CONTEXT_AUDIENCE: dict[str, frozenset[str]] = {
    "first_ceo": frozenset({"cpo", "cto", "cmo"}),
    "first_cpo": frozenset({"cpo", "head_of_product"}),
    "cpo_count": frozenset({"cpo"}),
    "cpos": frozenset({"head_of_product"}),
    "single_heads": LADDER_ROLES,
    "led_units": LADDER_ROLES,
    "above_single_heads": LADDER_ROLES,
    "has_product_managers": frozenset({"cpo", "head_of_product"}),
    "product_top": frozenset(PRODUCT_TOP_ROLES),
}
"""For each `Context` field, the roles whose findings (or fix descriptions) depend on it.

`natural_top` concerns the tops. Fields that only change the fix a finding offers to many
people (`product_homes`, `ceos`) are handled by the Validator through `Rule.fix_depends_on`,
which re-checks just the people holding such a finding.
"""
_LADDER, _PASS_THROUGH, _OFF_LADDER = "ladder", "pass-through", "off"
_as_report = attrgetter(*sorted(REPORT_FIELDS))
"""What a manager's rules may read of a direct report (`REPORT_FIELDS`), as one tuple compared in C."""


@dataclass(frozen=True, slots=True)
class Position:
    layer: int | None
    """0 for a top, 1 below, ...; None when no top is above (a cycle is in the way)."""
    head: str | None = None
    """The nearest Head of Product at or above the person."""
    director: str | None = None
    """The nearest Director of Product at or above the person."""
    cycle: int = 0
    """Length of the reporting cycle the person is on; 0 when on none."""
    top: str | None = None
    """The top (or the first person below a missing manager) the person rolls up to."""
    ladder_above: str | None = None
    """The nearest person on the product ladder above, reached through `other` people only."""

    @property
    def reached(self) -> bool:
        return self.layer is not None


UNREACHED = Position(None)


class Rechecks(NamedTuple):
    """Who an edit obliges to re-check, and with which rules (`OrgState.sync`); the last three hold
    nobody of the first, and the third nobody of the second."""

    everyone: set[str]
    """People to re-check with every rule: their own records, or what the rules see of them, changed."""
    report_readers: set[str]
    """Managers to re-check with the rules that read their reports: a report came, went or changed."""
    product_readers: set[str]
    """Directors to re-check with the rules that read products: only the products of the product
    managers below them changed (a bulk move takes 1,000 PMs away from some 250 Directors)."""
    positional: set[str]
    """People to re-check with the rules that depend on position only: their place moved."""


@dataclass(frozen=True, slots=True)
class Context:
    """Org-wide facts some findings depend on; a change re-checks its `_CONTEXT_AUDIENCE`."""

    natural_top: Person | None
    """The top the others are measured against: a CEO, else the one with the most people below."""
    first_ceo: Person | None
    first_cpo: Person | None
    cpo_count: int
    ceos: dict[str | None, Person]
    """The first CEO of each unit, and under None the first CEO with no unit."""
    cpos: dict[str | None, Person]
    """The first CPO of each unit, and under None the first CPO with no unit."""
    led_units: frozenset[str]
    """Units with a Head of Product or CPO of their own (each is its own scope)."""
    single_heads: dict[str | None, Person]
    """For each scope (see `OrgState.scope_of`) with exactly one Head of Product, that Head."""
    above_single_heads: dict[str | None, frozenset[str]]
    """For the same scopes, the ids in that Head's chain of command."""
    product_homes: dict[str | None, Person]
    """For each scope, where a misplaced product person belongs: its first Head, else its first CPO."""
    has_product_managers: bool
    product_top: Person | None
    """The first CPO, else the first Head of Product."""


class OrgState:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.people: dict[str, Person] = {}
        self.role_members: dict[str, set[str]] = {}
        self.unit_heads: dict[str, set[str]] = {}
        self.unit_pms: dict[str, set[str]] = {}
        self.unit_products: dict[str, dict[str, int]] = {}
        """Product names (as spelled) of the product managers in each unit, counted."""
        self.report_products: dict[str, dict[str, int]] = {}
        """`reports_to` value -> product names (as spelled) of the product managers naming it, counted."""
        self.scoped: dict[tuple[str | None, str], set[str]] = {}
        """(unit or None, role) -> ids, for the `SCOPED_ROLES`."""
        self.top_sizes: Counter[str] = Counter()
        """How many people roll up to each top (the top included)."""
        self.ladder_watchers: dict[str, set[str]] = {}
        """Ladder person -> the ladder people below who reach them through `other` people only."""
        self._watching: dict[str, str] = {}
        self.position: dict[str, Position] = {}
        self.membership: dict[str, tuple[str, str]] = {}
        self.director_products: dict[str, dict[str, int]] = {}
        self.unit_names = {unit.id: unit.name for unit in org.units}
        self._index_everyone(org)
        self.position = self._place(self.people.keys())
        self.top_sizes = Counter([pos.top for pos in self.position.values() if pos.top is not None])
        for pid in self.members(LADDER_ROLES):
            self._update_watch(pid)
        for role_id in PM_ROLES:
            for pid in self.role_members.get(role_id, ()):
                self._update_membership(pid, set())
        self.context = self._context()

    # -- queries used by the rules -----------------------------------------------------------

    def manager(self, person: Person) -> Person | None:
        return None if person.reports_to is None else self.people.get(person.reports_to)

    def report_total(self, pid: str) -> int:
        return self.org.report_count(pid)

    def has_reports_in(self, pid: str, roles: frozenset[str]) -> bool:
        """Whether anyone with one of `roles` reports to `pid` (the roles counted list only roles held)."""
        return not roles.isdisjoint(self.org.report_roles(pid))

    def tops(self) -> AbstractSet[str]:
        """The people with no `reports_to`."""
        return self.org.declared_top_ids()

    def unit_has_head(self, unit: str) -> bool:
        return bool(self.unit_heads.get(unit))

    def scope_of(self, person: Person) -> str | None:
        """The unit whose product leadership `person` answers to: theirs when it has a Head
        of Product or CPO of its own, else None (the leadership of people with no unit)."""
        unit = person.unit
        return unit if unit is not None and unit in self.unit_heads else None

    def own_ceo(self, unit: str | None) -> Person | None:
        """The CEO of `unit` (its company's own), else the CEO with no unit, else the first CEO."""
        ceos = self.context.ceos
        return ceos.get(unit) or ceos.get(None) or self.context.first_ceo

    def unit_has_ceo(self, unit: str) -> bool:
        return bool(self.scoped.get((unit, "ceo")))

    def unit_holder(self, unit: str) -> str | None:
        """Who holds a finding about the unit as a whole: its first product leader, else its first CEO."""
        candidates = self.unit_heads.get(unit) or self.scoped.get((unit, "ceo"))
        return min(candidates, key=self.org.seq) if candidates else None

    def unit_label(self, unit: str) -> str:
        return self.unit_names.get(unit, unit)

    def first_with_role(self, role_id: str) -> Person | None:
        members = self.role_members.get(role_id)
        if not members:
            return None
        return self.people[min(members, key=self.org.seq)]

    def members(self, roles: Iterable[str]) -> Iterator[str]:
        for role_id in roles:
            yield from self.role_members.get(role_id, ())

    def managers(self) -> Iterator[str]:
        """Everyone with at least one report."""
        return self.org.managers()

    def naming_nobody(self) -> set[str]:
        """Everyone whose `reports_to` or `dotted_to` names an id nobody has."""
        return self.org.naming_nobody()

    # -- keeping in step -------------------------------------------------------------------

    def sync(self, touched: Iterable[str]) -> Rechecks:
        """Catch up with the org after an edit that touched `touched`, and say who must be re-checked."""
        recheck: set[str] = set()
        managers: set[str] = set()
        roots: set[str] = set()
        changed: set[str] = set()
        dirty_units: set[str] = set()
        product_units: set[str] = set()
        for pid in touched:
            old, new = self.people.get(pid), self.org.get(pid)
            if old is new:
                continue
            changed.add(pid)
            watchers = self.ladder_watchers.get(pid)
            if watchers:
                recheck |= watchers
            self._note_change(pid, old, new, recheck, managers, roots, dirty_units)
            for person in (old, new):
                if person is not None and person.unit is not None:
                    product_units.add(person.unit)
        moved = self._replace_positions(roots)
        dirty_directors: set[str] = set()
        for pid in changed | moved:
            self._update_membership(pid, dirty_directors)
            self._update_watch(pid)
        for unit in dirty_units:
            recheck |= self.unit_pms.get(unit, set())
        for unit in dirty_units | product_units:
            recheck |= self.unit_heads.get(unit, set()) | self.scoped.get((unit, "ceo"), set())
        context = self._context()
        if context != self.context:
            recheck |= self._audience(self.context, context)
            self.context = context
        people = self.people
        recheck = {pid for pid in recheck if pid in people}
        managers = {pid for pid in managers if pid in people and pid not in recheck}
        return Rechecks(
            recheck,
            managers,
            {pid for pid in dirty_directors if pid in people and pid not in recheck and pid not in managers},
            {pid for pid in moved if pid in people and pid not in recheck},
        )

    def _note_change(
        self,
        pid: str,
        old: Person | None,
        new: Person | None,
        recheck: set[str],
        managers: set[str],
        roots: set[str],
        dirty_units: set[str],
    ) -> None:
        if old is not None and new is not None:
            self._reindex(old, new)
        elif old is not None:
            self._unindex(old)
        elif new is not None:
            self._index(new)
        seen_by_managers = (
            old is None or new is None or old.reports_to != new.reports_to or _as_report(old) != _as_report(new)
        )
        for person in (old, new):
            if person is not None:
                recheck.add(person.id)
                if seen_by_managers and person.reports_to is not None:
                    managers.add(person.reports_to)
                if person.role in SCOPED_ROLES and person.unit is not None:
                    dirty_units.add(person.unit)
        reports = self.org.naming(pid)
        recheck |= reports
        if reports and old is not None and new is not None and who(old) != who(new):
            for report in reports:  # a remedy can name a manager's manager: PRD116 offers "move X beside the CTO"
                recheck |= self.org.naming(report)
        if old is None or new is None:
            recheck |= self.org.dotted_naming(pid)
            roots |= reports
            roots.add(pid)
            if new is None:
                self._forget_position(pid)
        elif old.reports_to != new.reports_to or _repositions(old.role, new.role):
            roots.add(pid)

    def _index_everyone(self, org: Org) -> None:
        """`_index` for every person at once (the same indexes, built with fewer lookups)."""
        people, members = self.people, self.role_members
        for person in org.people():
            pid, role = person.id, person.role
            people[pid] = person
            if role in members:
                members[role].add(pid)
            else:
                members[role] = {pid}
            if person.unit is not None or role in SCOPED_ROLES:
                self._index_unit(person)
            if counted := _product_under_manager(person):
                count_member(self.report_products, *counted)

    def _index_unit(self, person: Person) -> None:
        pid = person.id
        if person.role in SCOPED_ROLES:
            self.scoped.setdefault((person.unit, person.role), set()).add(pid)
        if person.unit is not None:
            if person.role in UNIT_LEADER_ROLES:
                self.unit_heads.setdefault(person.unit, set()).add(pid)
            elif person.role in PM_ROLES:
                self.unit_pms.setdefault(person.unit, set()).add(pid)
                if person.product:
                    count_member(self.unit_products, person.unit, person.product)

    def _index(self, person: Person) -> None:
        self.people[person.id] = person
        self.role_members.setdefault(person.role, set()).add(person.id)
        self._index_unit(person)
        if counted := _product_under_manager(person):
            count_member(self.report_products, *counted)

    def _reindex(self, old: Person, new: Person) -> None:
        """`_unindex(old)` then `_index(new)`, touching only the product counts (and the role's members)
        when the unit stays and the role keeps its place in the unit indexes: a bulk move, a change of
        product, or one from PM to Senior PM leaves every other index as it was."""
        if old.unit != new.unit or (
            old.role != new.role and _unit_index_class(old.role) != _unit_index_class(new.role)
        ):
            self._unindex(old)
            self._index(new)
            return
        self.people[new.id] = new
        if old.role != new.role:
            discard_member(self.role_members, old.role, new.id)
            self.role_members.setdefault(new.role, set()).add(new.id)
        if new.role not in PM_ROLES:
            return
        if old.product != new.product and new.unit is not None:
            if old.product:
                count_member(self.unit_products, new.unit, old.product, -1)
            if new.product:
                count_member(self.unit_products, new.unit, new.product)
        before, after = _product_under_manager(old), _product_under_manager(new)
        if before != after:
            if before:
                count_member(self.report_products, *before, -1)
            if after:
                count_member(self.report_products, *after)

    def _unindex(self, person: Person) -> None:
        pid = person.id
        del self.people[pid]
        discard_member(self.role_members, person.role, pid)
        if person.role in SCOPED_ROLES:
            scope = self.scoped[(person.unit, person.role)]
            scope.discard(pid)
            if not scope:
                del self.scoped[(person.unit, person.role)]
        if person.unit is not None:
            discard_member(self.unit_heads, person.unit, pid)
            discard_member(self.unit_pms, person.unit, pid)
            if person.role in PM_ROLES and person.product:
                count_member(self.unit_products, person.unit, person.product, -1)
        if counted := _product_under_manager(person):
            count_member(self.report_products, *counted, -1)

    # -- positions -------------------------------------------------------------------------

    def _replace_positions(self, roots: set[str]) -> set[str]:
        """Recompute positions below `roots`; returns the ids whose position changed."""
        region = self.org.below(roots)
        placed = self._place(region)
        known = self.position
        moved = {pid for pid, pos in placed.items() if known.get(pid) != pos}
        sizes = self.top_sizes
        for pid in moved:
            old, new = known.get(pid), placed[pid]
            if old is not None and old.top == new.top:
                continue  # still under the same top: its count stays
            if old is not None and old.top is not None:
                sizes[old.top] -= 1
                if not sizes[old.top]:
                    del sizes[old.top]
            if new.top is not None:
                sizes[new.top] += 1
        self.position.update(placed)
        return moved

    def _forget_position(self, pid: str) -> None:
        old = self.position.pop(pid, None)
        if old is not None and old.top is not None:
            self.top_sizes[old.top] -= 1
            if not self.top_sizes[old.top]:
                del self.top_sizes[old.top]

    def _update_watch(self, pid: str) -> None:
        """Keep `ladder_watchers` right for `pid` (after its record or position changed)."""
        old = self._watching.pop(pid, None)
        if old is not None:
            discard_member(self.ladder_watchers, old, pid)
        person = self.people.get(pid)
        position = self.position.get(pid)
        if person is None or position is None or person.role not in LADDER_ROLES:
            return
        above = position.ladder_above
        if above is not None and above != person.reports_to:
            self._watching[pid] = above
            self.ladder_watchers.setdefault(above, set()).add(pid)

    def _place(self, region: Collection[str]) -> dict[str, Position]:
        """Positions of everyone in `region` (closed under "reports of", with fast `in`).

        A breadth-first pass from the region's entry points (tops, or people whose manager
        lies outside the region and keeps their position), then the people left over, who
        sit on or below a reporting cycle.
        """
        people, known = self.people, self.position
        placed: dict[str, Position] = {}
        queue: deque[str] = deque()
        everyone = region is people.keys()
        plain_below: dict[str, Position] = {}  # per manager outside the region: a bulk move brings many under one
        for pid in self.org.top_ids() if everyone else region:
            person = people[pid]
            manager = person.reports_to
            if manager is None or manager not in people:
                placed[pid] = _below(None, None, person)
                queue.append(pid)
            elif manager not in region:
                if person.role in _POSITION_ROLES:
                    placed[pid] = _below(known[manager], people[manager], person)
                else:
                    shared = plain_below.get(manager)
                    if shared is None:
                        shared = plain_below[manager] = _below(known[manager], people[manager], None)
                    placed[pid] = shared
                queue.append(pid)
        reports_of = self.org.unordered_report_ids
        while queue:
            pid = queue.popleft()
            above, boss = placed[pid], people[pid]
            plain: Position | None = None  # shared by every report who is no Head or Director
            for report in reports_of(pid):
                if report not in placed:
                    person = people[report]
                    if person.role in _POSITION_ROLES:
                        placed[report] = _below(above, boss, person)
                    else:
                        plain = plain or _below(above, boss, None)
                        placed[report] = plain
                    queue.append(report)
        if len(placed) < len(region):
            self._place_cycles(region, placed)
        return placed

    def _place_cycles(self, region: Iterable[str], placed: dict[str, Position]) -> None:
        """Place everyone the walk down from the region's entry points missed: they sit on a
        reporting cycle or below one, so walking up from each ends on a cycle or on someone placed."""
        people = self.people
        for start in region:
            path, cycle = climb(start, lambda pid: people[pid].reports_to, placed)
            for member in cycle:
                placed[member] = Position(None, cycle=len(cycle))
            for member in path:
                placed.setdefault(member, UNREACHED)

    # -- products under each director -------------------------------------------------------

    def _update_membership(self, pid: str, dirty_directors: set[str]) -> None:
        old = self.membership.get(pid)
        new = self._membership(pid)
        if old == new:
            return
        if old is not None:
            director, product = old
            count_member(self.director_products, director, product, -1)
            dirty_directors.add(director)
            del self.membership[pid]
        if new is not None:
            director, product = new
            count_member(self.director_products, director, product)
            dirty_directors.add(director)
            self.membership[pid] = new

    def _membership(self, pid: str) -> tuple[str, str] | None:
        person = self.people.get(pid)
        if person is None or person.role not in PM_ROLES or not person.product:
            return None
        director = self.position[pid].director
        return None if director is None else (director, person.product)

    # -- org-wide context ------------------------------------------------------------------

    def _audience(self, old: Context, new: Context) -> set[str]:
        """Who must be re-checked because the context changed from `old` to `new`."""
        roles: set[str] = set()
        for name, audience in _CONTEXT_AUDIENCE.items():
            if getattr(old, name) != getattr(new, name):
                roles |= audience
        people = set(self.tops()) if old.natural_top != new.natural_top else set()
        for role_id in roles:
            people |= self.role_members.get(role_id, set())
        return people

    def _context(self) -> Context:
        single_heads = {
            unit: self.people[next(iter(ids))]
            for (unit, role), ids in self.scoped.items()
            if role == "head_of_product" and len(ids) == 1
        }
        heads, cpos = self._firsts("head_of_product"), self._firsts("cpo")
        return Context(
            natural_top=self._natural_top(),
            first_ceo=self.first_with_role("ceo"),
            first_cpo=self.first_with_role("cpo"),
            cpo_count=len(self.role_members.get("cpo", ())),
            ceos=self._firsts("ceo"),
            cpos=cpos,
            led_units=frozenset(self.unit_heads),
            single_heads=single_heads,
            above_single_heads={unit: frozenset(self.chain_ids(head)) for unit, head in single_heads.items()},
            product_homes={**cpos, **heads},
            has_product_managers=any(self.role_members.get(role_id) for role_id in PM_ROLES),
            product_top=product_top(self),
        )

    def _firsts(self, role_id: str) -> dict[str | None, Person]:
        """The first person (in file order) with `role_id` in each unit, and with no unit."""
        seq = self.org.seq
        return {unit: self.people[min(ids, key=seq)] for (unit, role), ids in self.scoped.items() if role == role_id}

    def _natural_top(self) -> Person | None:
        """A CEO before anyone else, then the top with the most people below, then file order."""
        tops = self.org.declared_top_ids()
        if not tops:
            return None
        people, sizes, seq = self.people, self.top_sizes, self.org.seq
        best = max(tops, key=lambda pid: (people[pid].role == "ceo", sizes[pid], -seq(pid)))
        return people[best]

    def manager_id(self, pid: str) -> str | None:
        people = self.people
        manager = people[pid].reports_to
        return manager if manager in people else None

    def chain_ids(self, person: Person) -> list[str]:
        """The ids above `person`, nearest first; stops at a top or on a cycle."""
        path, _ = climb(person.id, self.manager_id)
        return path[1:]


def _product_under_manager(person: Person) -> tuple[str, str] | None:
    """(manager, product) when `person` is a product manager naming both: what `report_products` counts."""
    if person.product and person.reports_to is not None and person.role in PM_ROLES:
        return person.reports_to, person.product
    return None


def _unit_index_class(role_id: str) -> str:
    """Where `_index_unit` files someone with `role_id`: each scoped role on its own, every product
    manager alike, everyone else nowhere. Two roles of one class index a person the same way."""
    if role_id in SCOPED_ROLES:
        return role_id
    return "pm" if role_id in PM_ROLES else ""


def _ladder_class(role_id: str) -> str:
    """How a manager with `role_id` passes the product ladder on to the people below."""
    if role_id in LADDER_ROLES:
        return _LADDER
    return _PASS_THROUGH if role_id == "other" else _OFF_LADDER


def _repositions(old_role: str, new_role: str) -> bool:
    """Whether a change of role moves the positions of the people below."""
    if old_role == new_role:
        return False
    return bool({old_role, new_role} & _POSITION_ROLES) or _ladder_class(old_role) != _ladder_class(new_role)


def _below(above: Position | None, manager: Person | None, person: Person | None) -> Position:
    """The position of `person` whose `manager` holds `above` (both None for a top).

    With `person` None: the position of any report who is neither a Head nor a Director.
    """
    if above is None or manager is None:
        assert person is not None  # a top is always placed on its own
        return Position(0, _own(person, "head_of_product"), _own(person, "director_product"), top=person.id)
    if above.layer is None:
        return UNREACHED
    head, director = above.head, above.director
    if person is not None and person.role == "head_of_product":
        head = person.id
    elif person is not None and person.role == "director_product":
        director = person.id
    passed_on = _ladder_class(manager.role)
    ladder_above = manager.id if passed_on == _LADDER else above.ladder_above if passed_on == _PASS_THROUGH else None
    return Position(above.layer + 1, head, director, top=above.top, ladder_above=ladder_above)


def _own(person: Person, role_id: str) -> str | None:
    return person.id if person.role == role_id else None
