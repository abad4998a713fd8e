"""The org model: people, units and the reporting graph.

`Org` keeps each `Person` (an immutable record) and two `networkx.DiGraph`s with edges
manager -> report: one for solid reporting lines, one for dotted lines. A `reports_to` that
names nobody is kept on the person (the rules report it) but has no edge. Display order
among siblings is the order people were added, kept as a sequence number so that undoing
a removal puts a person back exactly where they were.

Every traversal here is iterative: a 10,000-deep chain must not hit the recursion limit.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields
from enum import Enum
from itertools import count, repeat
from operator import attrgetter, call
from typing import TYPE_CHECKING, Any

import networkx as nx

from orgdesign.roles import ROLES, Role

if TYPE_CHECKING:
    from orgdesign.layout.errors import LoadWarning

PROFILES = ("startup", "scaleup", "enterprise")
DEFAULT_PROFILE = "scaleup"


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted exception to a rule for one person, with the reason it is accepted."""

    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A product-oriented sub-organisation (a "company" inside the company)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Settings:
    max_span: int = 12
    max_layers: int = 8
    disable: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Names from `roles.ROLE_ALIASES`: pairs of titles the layout treats as one role."""


class Kind(Enum):
    """What a person field holds, which decides how a layout writes it, reads it back and checks it.

    Each kind has one writer and one reader in each format (see `layout/schema.py`), so a new
    field of an existing kind is one line in `Person`.
    """

    ID = "id"
    """The person's own id: unique in the layout."""
    TEXT = "text"
    ROLE = "role"
    """A role id from the catalogue."""
    REFERENCE = "reference"
    """The id of another person (who may be missing: the rules report it)."""
    REFERENCES = "references"
    """Ids of other people, in order."""
    UNIT = "unit"
    """The id of one of the layout's units."""
    COUNT = "count"
    """A whole number, 0 or more."""
    FLAG = "flag"
    WAIVERS = "waivers"


def _layout(kind: Kind, *, required: bool = False) -> dict[str, Any]:
    """The metadata that makes a `Person` field part of the layout format (see `layout.schema`)."""
    return {"kind": kind, "required": required}


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the org. The fields tagged with a `Kind` are the layout's person fields, written
    in this order; `layout.schema.PERSON_FIELDS` derives every format's handling from them."""

    id: str = field(metadata=_layout(Kind.ID, required=True))
    name: str = field(metadata=_layout(Kind.TEXT, required=True))
    role: str = field(metadata=_layout(Kind.ROLE, required=True))
    title: str | None = field(default=None, metadata=_layout(Kind.TEXT))
    reports_to: str | None = field(default=None, metadata=_layout(Kind.REFERENCE))
    dotted_to: tuple[str, ...] = field(default=(), metadata=_layout(Kind.REFERENCES))
    unit: str | None = field(default=None, metadata=_layout(Kind.UNIT))
    product: str | None = field(default=None, metadata=_layout(Kind.TEXT))
    years_pm: int | None = field(default=None, metadata=_layout(Kind.COUNT))
    vacancy: bool = field(default=False, metadata=_layout(Kind.FLAG))
    notes: str | None = field(default=None, metadata=_layout(Kind.TEXT))
    allow: tuple[Waiver, ...] = field(default=(), metadata=_layout(Kind.WAIVERS))
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    comments: tuple[str, ...] = field(default=(), compare=False)
    """The layout file's comment lines that belong to this person (each without its '#')."""

    @property
    def role_info(self) -> Role:
        return ROLES[self.role]

    @property
    def display_role(self) -> str:
        """The title when one is set, else the role's label."""
        return self.title or ROLES[self.role].label

    def waives(self, rule_code: str) -> Waiver | None:
        return next((w for w in self.allow if w.rule == rule_code), None)


_FIELD_NAMES = tuple(f.name for f in fields(Person))
_field_values = attrgetter(*_FIELD_NAMES)
_FIELD_INDEX = {name: index for index, name in enumerate(_FIELD_NAMES)}
_FIELD_SETTERS = tuple(getattr(Person, name).__set__ for name in _FIELD_NAMES)
"""Each slot's own setter: what the frozen `__init__` reaches through `object.__setattr__`, one call less."""


def with_field(person: Person, name: str, value: Any) -> Person:
    """`dataclasses.replace(person, **{name: value})` in a third of the time: a bulk edit makes a
    thousand at once. `Person` checks nothing on creation, so filling its slots directly is the same."""
    values = list(_field_values(person))
    values[_FIELD_INDEX[name]] = value
    updated = object.__new__(Person)
    for _ in map(call, _FIELD_SETTERS, repeat(updated), values):  # each slot set from C, not a Python loop
        pass
    return updated


class Org:
    """A product organisation: metadata, people and their reporting lines."""

    def __init__(
        self,
        name: str,
        people: Iterable[Person] = (),
        *,
        profile: str = DEFAULT_PROFILE,
        settings: Settings | None = None,
        units: Iterable[Unit] = (),
    ) -> None:
        self.name = name
        self.profile = profile
        self.settings = settings or Settings()
        self.units = tuple(units)
        self.comments: dict[str, tuple[str, ...]] = {}
        """The layout file's comment lines above each top-level key, by key ('' for the end of the file)."""
        self.graph: nx.DiGraph[str] = nx.DiGraph()
        self.dotted: nx.DiGraph[str] = nx.DiGraph()
        """The dotted lines; only the people at either end of one are its nodes (`_dotted_reports_of`):
        most people have none, and a node costs three dictionary entries to add and remove."""
        self._out_degree = self.graph.out_degree  # a live view: made once, it answers in a third of the time
        self._people: dict[str, Person] = {}
        self._seq: dict[str, int] = {}
        self._counter = count()
        # reports_to / dotted_to values that name nobody yet -> the people naming them.
        self._waiting_solid: dict[str, set[str]] = {}
        self._waiting_dotted: dict[str, set[str]] = {}
        self._declared_tops: set[str] = set()
        # reports_to value -> the roles of the people naming it, counted.
        self._report_roles: dict[str, dict[str, int]] = {}
        self.load_warnings: tuple[LoadWarning, ...] = ()
        """What reading the layout file warned about (retired rule codes); not part of the org."""
        self.reshapes = 0
        """How many changes so far could have changed the org's shape: someone added or removed, a
        reporting line (solid or dotted) or a display position changed. Views that follow the shape
        compare it with the count they last saw, to skip the structural work after an edit of fields
        alone (a product or role set on 1,000 people)."""
        self.renames = 0
        """How many changes so far could have changed how a person is named where others name them
        (a dotted line names its manager): a name changed, or someone arrived or left. Views that
        show those names skip looking for who names the people an edit touched while it stands still
        (a bulk move or a product set on 1,000 people renames nobody)."""
        self._relinked: dict[str, int] = {}
        """Person id -> `reshapes` when their manager last changed: their `reports_to`, or that
        manager's arriving or leaving (added people count as changed)."""
        self._last_relinked: tuple[tuple[int, int], Iterable[str], tuple[str, ...]] | None = None
        """The last question to `relinked_since` (its counts and the very `pids` asked about) and its answer."""
        self._put_all(list(people))

    @property
    def units(self) -> tuple[Unit, ...]:
        return self._units

    @units.setter
    def units(self, units: tuple[Unit, ...]) -> None:
        self._units = units
        self._unit_by_id: dict[str, Unit] = {}
        for unit in units:
            self._unit_by_id.setdefault(unit.id, unit)  # the first of an id wins, as `unit` always answered

    # -- primitive mutations (edits in orgdesign.edits are built from these) --------------

    def put(self, person: Person, seq: int | None = None) -> None:
        """Insert `person`, or replace the person with the same id, keeping graph edges right."""
        pid = person.id
        old = self._people.get(pid)
        if old is None:
            self._reshaped(pid, relinked=True)
            self.renames += 1
            self.graph.add_node(pid)
            self._seq[pid] = self.allocate_seq() if seq is None else seq
            self._connect_waiting(pid)
            self._people[pid] = person
            self._link_lines(person)
            return
        if old.name != person.name:
            self.renames += 1
        same_lines = _same_lines(old, person)
        if not same_lines or (seq is not None and seq != self._seq[pid]):
            self._reshaped(pid, relinked=old.reports_to != person.reports_to)
        if seq is not None:
            self._seq[pid] = seq
        if same_lines:
            if old.role != person.role and old.reports_to is not None:
                count_member(self._report_roles, old.reports_to, old.role, -1)
                count_member(self._report_roles, old.reports_to, person.role)
            self._people[pid] = person  # a field edit (role, product, unit, name, ...): the lines stay
            return
        self._unlink_lines(old)
        self._people[pid] = person
        self._link_lines(person)

    def _reshaped(self, pid: str, *, relinked: bool) -> None:
        """Count a change of shape about `pid`; `relinked`: their manager changed too."""
        self.reshapes += 1
        if relinked:
            self._relinked[pid] = self.reshapes

    def _put_all(self, people: list[Person]) -> None:
        """`put` each of `people`, in bulk when their ids are unique (a loaded layout).

        Adding every node first means no line has to wait for its manager, and NetworkX
        adds nodes in bulk several times faster than one by one: a quarter of the time it
        takes to open a 100,000-person layout.
        """
        ids = [person.id for person in people]
        if len(set(ids)) != len(ids):
            for person in people:
                self.put(person)
            return
        self._people = {person.id: person for person in people}
        self._seq = {pid: self.allocate_seq() for pid in ids}
        self.graph.add_nodes_from(ids)
        for person in people:
            self._link_lines(person)

    def pop(self, pid: str) -> tuple[Person, int]:
        """Remove a person; returns them with their sequence number for an exact restore.

        People who reported to them keep their `reports_to` (it now names nobody), so the
        caller decides what happens to them before or after.
        """
        person = self._people.pop(pid)
        seq = self._seq.pop(pid)
        self.reshapes += 1
        self.renames += 1
        self._relinked.pop(pid, None)
        for report in self.graph.successors(pid):
            self._waiting_solid.setdefault(pid, set()).add(report)
            self._relinked[report] = self.reshapes
        for report in self._dotted_reports_of(pid):
            self._waiting_dotted.setdefault(pid, set()).add(report)
        self.graph.remove_node(pid)
        if pid in self.dotted:
            self.dotted.remove_node(pid)
        # Unlinked after the node went with its edges, so no edge is removed twice (a bulk removal
        # pops 1,000 people); a line to themself is back out of the waiting lists it just joined.
        self._unlink_lines(person)
        return person, seq

    def seq(self, pid: str) -> int:
        return self._seq[pid]

    def allocate_seq(self) -> int:
        """A display position after everyone added so far."""
        return next(self._counter)

    def _link_lines(self, person: Person) -> None:
        pid = person.id
        manager = person.reports_to
        if manager is None:
            self._declared_tops.add(pid)
        else:
            count_member(self._report_roles, manager, person.role)
            if manager in self._people:
                self.graph.add_edge(manager, pid)
            else:
                self._waiting_solid.setdefault(manager, set()).add(pid)
        for target in person.dotted_to:
            if target in self._people:
                self.dotted.add_edge(target, pid)
            else:
                self._waiting_dotted.setdefault(target, set()).add(pid)

    def _unlink_lines(self, person: Person) -> None:
        """Take `person`'s lines out: a solid line is an edge exactly while both ends are in the org
        (`pop` has already taken `person` out, and their edges with their node), else it waits."""
        pid, people = person.id, self._people
        manager = person.reports_to
        if manager is None:
            self._declared_tops.discard(pid)
        else:
            count_member(self._report_roles, manager, person.role, -1)
            if manager in people and pid in people:
                self.graph.remove_edge(manager, pid)
            else:
                discard_member(self._waiting_solid, manager, pid)
        for target in person.dotted_to:  # the same target may be named twice
            if self.dotted.has_edge(target, pid):
                self.dotted.remove_edge(target, pid)
            discard_member(self._waiting_dotted, target, pid)

    def _connect_waiting(self, pid: str) -> None:
        for report in self._waiting_solid.pop(pid, ()):
            self.graph.add_edge(pid, report)
            self._relinked[report] = self.reshapes
        for report in self._waiting_dotted.pop(pid, ()):
            self.dotted.add_edge(pid, report)

    # -- queries ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._people)

    def __contains__(self, pid: object) -> bool:
        return pid in self._people

    def __getitem__(self, pid: str) -> Person:
        return self._people[pid]

    def get(self, pid: str | None) -> Person | None:
        return None if pid is None else self._people.get(pid)

    def people(self) -> Iterator[Person]:
        """Everyone, in no guaranteed order (display order is `tree_order`)."""
        return iter(self._people.values())

    def ids(self) -> Iterator[str]:
        return iter(self._people)

    def manager(self, pid: str) -> Person | None:
        """The solid-line manager, or None for a top or a `reports_to` that names nobody."""
        return self.get(self._people[pid].reports_to)

    def reports(self, pid: str) -> list[Person]:
        """Direct reports in display order."""
        return [self._people[r] for r in self.report_ids(pid)]

    def report_ids(self, pid: str) -> list[str]:
        return sorted(self.graph.successors(pid), key=self._seq.__getitem__)

    def unordered_report_ids(self, pid: str) -> Iterator[str]:
        """Direct reports' ids in no order: cheaper than `report_ids` where order does not matter
        (and than the graph's, for the many people nobody reports to)."""
        return self.graph.successors(pid) if pid in self._report_roles else iter(())

    def report_count(self, pid: str) -> int:
        return self._out_degree[pid]

    def report_roles(self, pid: str) -> Mapping[str, int]:
        """The roles of `pid`'s direct reports, counted."""
        return self._report_roles.get(pid, {})

    def naming(self, pid: str) -> set[str]:
        """Whoever has `pid` as `reports_to`, whether or not anyone in the org has that id."""
        if pid not in self._report_roles:  # nobody names them: most people a bulk edit touches
            return set()
        return set(self.graph.successors(pid)) if pid in self._people else set(self._waiting_solid.get(pid, ()))

    def dotted_naming(self, pid: str) -> set[str]:
        """Whoever has `pid` in `dotted_to`, whether or not anyone in the org has that id."""
        return set(self._dotted_reports_of(pid)) if pid in self._people else set(self._waiting_dotted.get(pid, ()))

    def managers(self) -> Iterator[str]:
        """Everyone with at least one direct report, in no guaranteed order."""
        people = self._people
        return (pid for pid in self._report_roles if pid in people)

    def naming_nobody(self) -> set[str]:
        """Everyone whose `reports_to` or a `dotted_to` names an id nobody in the org has."""
        found: set[str] = set()
        for waiting in (self._waiting_solid, self._waiting_dotted):
            for referrers in waiting.values():
                found |= referrers
        return found

    def dotted_report_ids(self, pid: str) -> list[str]:
        """The people with a dotted line to `pid`, in display order."""
        return sorted(self._dotted_reports_of(pid), key=self._seq.__getitem__)

    def dotted_report_ids_of(self, pids: Iterable[str]) -> set[str]:
        """Everyone with a dotted line to anyone in `pids`, in no order: the people a view names
        them on (`dotted_report_ids` of each, without sorting 2,000 lists after a bulk edit)."""
        return {report for pid in pids for report in self._dotted_reports_of(pid)}

    def _dotted_reports_of(self, pid: str) -> Iterable[str]:
        """The people with a dotted line to `pid`, who is in the org, in no order."""
        return self.dotted.successors(pid) if pid in self.dotted else ()

    def dotted_reports(self, pid: str) -> list[Person]:
        return [self._people[r] for r in self.dotted_report_ids(pid)]

    def dotted_lines(self) -> Iterator[tuple[str, str]]:
        """Every dotted line between two people in the org, as (manager, report)."""
        return iter(self.dotted.edges())

    def dotted_managers(self, pid: str) -> list[Person]:
        return [self._people[m] for m in self._people[pid].dotted_to if m in self._people]

    def manager_id(self, pid: str) -> str | None:
        """The id of `pid`'s solid-line manager, or None for a top or a `reports_to` naming nobody."""
        manager = self._people[pid].reports_to
        return manager if manager in self._people else None

    def relinked_since(self, reshapes: int, pids: Iterable[str]) -> tuple[str, ...]:
        """The people of `pids` whose manager changed (or who arrived) since the org's `reshapes`
        count was `reshapes`: the only ones a view may have to hang elsewhere, or a cycle may run
        through. A bulk move touches 1,000 people and their 1,000 old managers.

        Asked again about the very same `pids` at the same counts (the cycle watch and then the
        tree follow one edit), it answers as it did, without looking at the 2,000 again.
        """
        asked = (reshapes, self.reshapes)
        last = self._last_relinked
        if last is not None and last[0] == asked and last[1] is pids:
            return last[2]
        people, relinked = self._people, self._relinked
        answer = tuple([pid for pid in pids if pid in people and relinked.get(pid, -1) > reshapes])
        self._last_relinked = (asked, pids, answer)
        return answer

    def any_chain_loops(self, pids: Iterable[str]) -> bool:
        """Whether the chain of command above anyone in `pids` runs into a reporting cycle.

        Climbs share what they learn (whoever a climb passed reaches a top), so a bulk edit of
        1,000 people under one manager costs one climb and 999 steps, not 1,000 climbs to the top.
        """
        people = self._people
        reaching: set[str] = set()
        for pid in pids:
            person = people.get(pid)
            if person is None:
                continue
            manager = person.reports_to
            if manager is None or manager in reaching or manager not in people:
                reaching.add(pid)
                continue
            path, cycle = climb(pid, self.manager_id, stop=reaching)
            if cycle:
                return True
            reaching.update(path)
        return False

    def chain_of_command(self, pid: str) -> list[Person]:
        """The managers above `pid`, nearest first; stops at a top or on a cycle."""
        path, _ = climb(pid, self.manager_id)
        return [self._people[manager] for manager in path[1:]]

    def layer(self, pid: str) -> int:
        """0 for a top, 1 for their reports, and so on (cycles count each person once)."""
        return len(self.chain_of_command(pid))

    def is_in_subtree(self, candidate: str, root: str) -> bool:
        """Whether `candidate` is `root` or sits somewhere below it."""
        if candidate == root:
            return True
        return any(p.id == root for p in self.chain_of_command(candidate))

    def subtree_ids(self, root: str) -> list[str]:
        """`root` and everyone below it, in tree (pre-)order."""
        return list(self._preorder([root], set()))

    def below(self, roots: Iterable[str]) -> set[str]:
        """`roots` (those in the org) and everyone below them, in no order: cheaper than `subtree_ids`."""
        reports_of = self.unordered_report_ids
        seen = {pid for pid in roots if pid in self._people}
        stack = list(seen)
        while stack:
            for report in reports_of(stack.pop()):
                if report not in seen:
                    seen.add(report)
                    stack.append(report)
        return seen

    def tops(self) -> list[Person]:
        """People with no solid-line manager in the org, in display order."""
        return [self._people[pid] for pid in self.top_ids()]

    def top_ids(self) -> list[str]:
        return sorted(self._top_set(), key=self._seq.__getitem__)

    def declared_top_ids(self) -> AbstractSet[str]:
        """The people with no `reports_to` at all (`top_ids` adds those whose manager is missing);
        a live, read-only view, kept current by every change."""
        return self._declared_tops

    def _top_set(self) -> set[str]:
        orphans = (report for reports in self._waiting_solid.values() for report in reports)
        return self._declared_tops.union(orphans)

    def people_with_role(self, *role_ids: str) -> list[Person]:
        wanted = set(role_ids)
        return [p for p in self._people.values() if p.role in wanted]

    def first_with_role(self, role_id: str) -> Person | None:
        """The earliest-added person with `role_id` (the first in the file)."""
        return min(self.people_with_role(role_id), key=lambda person: self._seq[person.id], default=None)

    def unit(self, unit_id: str | None) -> Unit | None:
        """The unit with `unit_id` (asked once for each person a bulk edit changes: a dict, not a search)."""
        return None if unit_id is None else self._unit_by_id.get(unit_id)

    def tree_order(self) -> list[Person]:
        """Everyone in tree pre-order: each top, then its reports in display order.

        People caught in a reporting cycle (reachable from no top) come last, each cycle
        entered at its earliest-added member, so every person appears exactly once.
        """
        seen: set[str] = set()
        order = list(self._preorder(self.top_ids(), seen))
        for entry in self._cycle_entries(seen):
            order.extend(self._preorder([entry], seen))
        return [self._people[pid] for pid in order]

    def cycle_entries(self) -> list[str]:
        """One person per reporting cycle, its earliest-added member: where a view that
        starts from the tops can show the cycle and everyone hanging below it."""
        seen = self._reachable_from_tops()
        return list(self._cycle_entries(seen))

    def _reachable_from_tops(self) -> set[str]:
        """Everyone with a top above them (order does not matter here, so nothing is sorted)."""
        return self.below(self._top_set())

    def _cycle_entries(self, seen: set[str]) -> Iterator[str]:
        """With `seen` holding everyone reachable from the tops: each cycle's entry, in turn
        (adding the cycle and everything hanging below it to `seen`)."""
        if len(seen) == len(self._people):
            return
        for pid in sorted((pid for pid in self._people if pid not in seen), key=self._seq.__getitem__):
            if pid not in seen:
                entry = min(self._cycle_above(pid), key=self._seq.__getitem__)
                yield entry
                for _ in self._preorder([entry], seen):
                    pass

    def _cycle_above(self, pid: str) -> list[str]:
        """The members of the cycle that `pid` (reachable from no top) is on or below."""
        _, cycle = climb(pid, self.manager_id)
        assert cycle, "called only for people reachable from no top"
        return cycle

    def reaches_a_top(self, pid: str) -> bool:
        """Whether the chain of command above `pid` ends at a top (not in a cycle)."""
        chain = self.chain_of_command(pid)
        return self.manager(chain[-1].id if chain else pid) is None

    def _preorder(self, roots: list[str], seen: set[str]) -> Iterator[str]:
        stack = list(reversed(roots))
        while stack:
            pid = stack.pop()
            if pid in seen:
                continue
            seen.add(pid)
            yield pid
            stack.extend(reversed(self.report_ids(pid)))

    # -- identity --------------------------------------------------------------------------

    def canonical(self) -> tuple:
        """What makes two orgs equal: metadata and people in tree order (locations ignored)."""
        return (self.name, self.profile, self.settings, self.units, tuple(self.tree_order()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Org):
            return NotImplemented
        return self.canonical() == other.canonical()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"Org({self.name!r}, {len(self)} people, profile={self.profile!r})"


def climb(
    start: str, manager_of: Callable[[str], str | None], stop: Container[str] = ()
) -> tuple[list[str], list[str]]:
    """Walk up the reporting lines from `start`: the one walk that finds chains of command and cycles.

    Returns (path, cycle): everyone walked through (the start, then each manager in turn), and
    the reporting cycle the walk ran into (the tail of the path from where it closes; empty when
    none). A plain tuple, not a named one: the rules climb on every edit, and building a named
    tuple costs as much as a short climb.

    `manager_of` gives each id's manager (None at a top); the walk stops there, before anyone
    in `stop` (people already dealt with, so that walking from everyone stays linear), or on
    meeting someone a second time, which closes a cycle. It is iterative: a 10,000-deep chain
    is fine.
    """
    walked: dict[str, None] = {}  # an ordered set: the path, with `in` in constant time
    current: str | None = start
    while current is not None and current not in walked and current not in stop:
        walked[current] = None
        current = manager_of(current)
    path = list(walked)
    return path, path[path.index(current) :] if current is not None and current in walked else []


def count_member(index: dict[str, dict[str, int]], key: str, member: str, step: int = 1) -> None:
    """Add `step` (1 or -1) to the count of `member` at `key` of a dict-of-counts index, dropping
    emptied counts, so a key's counts list only what is there (plain dicts: a `Counter` costs a
    Python-level call for each member it has not seen, and a bulk edit counts thousands)."""
    counts = index.get(key)
    if counts is None:
        index[key] = {member: step}
        return
    left = counts.get(member, 0) + step
    if left:
        counts[member] = left
        return
    del counts[member]
    if not counts:
        del index[key]


def discard_member(index: dict[str, set[str]], key: str, member: str) -> None:
    """Take `member` out of the set at `key` of a dict-of-sets index, dropping emptied sets."""
    members = index.get(key)
    if members is not None:
        members.discard(member)
        if not members:
            del index[key]


def _same_lines(old: Person, new: Person) -> bool:
    """Whether `new` keeps every line `old` had (a solid one and the dotted ones)."""
    return old.reports_to == new.reports_to and old.dotted_to == new.dotted_to
