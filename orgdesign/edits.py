"""Edit commands on an `Org`, each undoable, and a `History` of them.

An edit first *plans* its change against the current org: a `Patch` listing, for every
person it touches, the exact record (and display position) before and after. Applying the
patch makes the change; reverting it puts the "before" records back, so undo restores the
earlier state exactly, including sibling order. Planning is where an edit is refused (a move
that would create a cycle, an id already taken, ...) with `EditRefused` and a reason, before
anything has changed.

The TUI and `validate --fix` call the same commands the tests call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

from orgdesign.layout.schema import catalogue_codes
from orgdesign.model import PROFILES, Org, Person, Settings, Unit, Waiver, climb, with_field
from orgdesign.roles import ROLES
from orgdesign.text import counted


class EditRefused(ValueError):
    """The edit cannot be made; the message says why, in words for the user."""


@dataclass(frozen=True, slots=True)
class Entry:
    person: Person
    seq: int


@dataclass(frozen=True, slots=True)
class Change:
    pid: str
    before: Entry | None
    after: Entry | None


@dataclass(slots=True)
class Patch:
    """Person-level changes plus optional org-level attribute changes."""

    changes: list[Change] = field(default_factory=list)
    org_before: dict[str, Any] = field(default_factory=dict)
    org_after: dict[str, Any] = field(default_factory=dict)

    def apply(self, org: Org) -> None:
        _write(org, [(c.pid, c.after) for c in self.changes])
        for name, value in self.org_after.items():
            setattr(org, name, value)

    def revert(self, org: Org) -> None:
        _write(org, [(c.pid, c.before) for c in reversed(self.changes)])
        for name, value in self.org_before.items():
            setattr(org, name, value)

    def touched(self) -> set[str]:
        """Ids an edit may have affected: changed people and every manager on either side.

        Rules use this to re-check only what the edit can affect. Managers named before or
        after are included because their span and their reports' lines changed too.
        """
        ids: set[str] = set()
        for change in self.changes:
            ids.add(change.pid)
            for entry in (change.before, change.after):
                if entry is not None:
                    if entry.person.reports_to is not None:
                        ids.add(entry.person.reports_to)
                    ids.update(entry.person.dotted_to)
        return ids


def _write(org: Org, entries: list[tuple[str, Entry | None]]) -> None:
    # Removals first so that re-adding in the same patch never collides.
    for pid, entry in entries:
        if entry is None and pid in org:
            org.pop(pid)
    for _, entry in entries:
        if entry is not None:
            org.put(entry.person, entry.seq)


class Edit:
    """Base of every edit: plan once, then apply/revert the same patch any number of times."""

    description = "edit"
    subject: str | None = None
    """Id of the person the edit is about (the designer selects them after undo and redo)."""

    def __init__(self) -> None:
        self._patch: Patch | None = None

    def plan(self, org: Org) -> Patch:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def patch(self) -> Patch:
        if self._patch is None:
            raise RuntimeError("edit has not been applied yet")
        return self._patch

    def apply(self, org: Org) -> set[str]:
        if self._patch is None:
            self._patch = self.plan(org)
        self._patch.apply(org)
        return self._patch.touched()

    def revert(self, org: Org) -> set[str]:
        self.patch.revert(org)
        return self.patch.touched()


def _people(count: int) -> str:
    return counted(count, "person", "people")


def _entry(org: Org, pid: str) -> Entry:
    return Entry(org[pid], org.seq(pid))


def _replacing(org: Org, person: Person) -> Change:
    return Change(person.id, _entry(org, person.id), Entry(person, org.seq(person.id)))


def _require(org: Org, pid: str) -> Person:
    person = org.get(pid)
    if person is None:
        raise EditRefused(f"there is nobody with id {pid!r}")
    return person


def _check_person_fields(org: Org, person: Person) -> None:
    if not person.id.strip():
        raise EditRefused("the id must not be empty")
    if not person.name.strip():
        raise EditRefused("the name must not be empty")
    if person.role not in ROLES:
        raise EditRefused(f"unknown role {person.role!r}")
    if person.years_pm is not None and person.years_pm < 0:
        raise EditRefused("years of product management cannot be negative")
    if person.unit is not None and org.unit(person.unit) is None:
        raise EditRefused(f"there is no unit with id {person.unit!r}")


def _check_manager(org: Org, pid: str, manager_id: str | None) -> None:
    if manager_id is None:
        return
    if manager_id == pid:
        raise EditRefused("a person cannot report to themself")
    if manager_id not in org:
        raise EditRefused(f"there is nobody with id {manager_id!r} to report to")
    if pid in org and org.is_in_subtree(manager_id, pid):
        who = org[manager_id].name
        raise EditRefused(f"{who} already reports to {org[pid].name} (directly or indirectly); that would make a cycle")


def free_id(org: Org, name: str, also_taken: AbstractSet[str] = frozenset()) -> str:
    """A new id derived from a name: lower-case words joined by '-', unique in `org` and not in `also_taken`."""
    return _unused(_slug(name) or "person", lambda candidate: candidate in org or candidate in also_taken)


def _slug(name: str) -> str:
    """'Lee  Park!' -> 'lee-park' (empty when the name has no letters or digits)."""
    words = ("".join(ch for ch in word if ch.isalnum()) for word in name.lower().split())
    return "-".join(word for word in words if word)


def _unused(base: str, taken: Callable[[str], bool]) -> str:
    """`base`, or `base-2`, `base-3`, ... : the first that is not taken."""
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class AddPerson(Edit):
    def __init__(self, person: Person) -> None:
        super().__init__()
        self.person = person
        self.subject = person.id
        self.description = f"add {person.name}"

    def plan(self, org: Org) -> Patch:
        if self.person.id in org:
            raise EditRefused(f"the id {self.person.id!r} is already taken by {org[self.person.id].name}")
        _check_person_fields(org, self.person)
        _check_manager(org, self.person.id, self.person.reports_to)
        return Patch([Change(self.person.id, None, Entry(self.person, org.allocate_seq()))])


class UpdatePerson(Edit):
    """Change any fields of one person except the id (a move goes through `reports_to`)."""

    _EDITABLE = frozenset(f.name for f in fields(Person)) - {"id", "line", "column"}

    def __init__(self, pid: str, **changes: Any) -> None:
        super().__init__()
        self.pid = pid
        self.subject = pid
        self.changes = changes
        self.description = f"edit {', '.join(sorted(changes))}"

    def plan(self, org: Org) -> Patch:
        unknown = set(self.changes) - self._EDITABLE
        if unknown:
            raise EditRefused(f"cannot edit {', '.join(sorted(unknown))}")
        person = _require(org, self.pid)
        self.description = self._described(person)
        updated = replace(person, **self.changes)
        _check_person_fields(org, updated)
        if updated.reports_to != person.reports_to:
            _check_manager(org, self.pid, updated.reports_to)
        return Patch([_replacing(org, updated)])

    def _described(self, person: Person) -> str:
        """What undo and redo call this edit, naming the person (as they were before it)."""
        return f"edit {person.name} ({', '.join(sorted(self.changes))})"


class ChangeRole(UpdatePerson):
    def __init__(self, pid: str, role_id: str) -> None:
        super().__init__(pid, role=role_id)
        self.description = f"change role to {self._role_label()}"

    def _role_label(self) -> str:
        role_id = self.changes["role"]
        return ROLES[role_id].label if role_id in ROLES else str(role_id)

    def _described(self, person: Person) -> str:
        return f"change {person.name}'s role to {self._role_label()}"


class MovePerson(UpdatePerson):
    """Re-parent a person (with their whole subtree) under a new manager, or make them a top."""

    def __init__(self, pid: str, new_manager: str | None) -> None:
        super().__init__(pid, reports_to=new_manager)
        self.description = "move"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        _check_manager(org, self.pid, self.changes["reports_to"])
        self.description = f"move {person.name}"
        return Patch([_replacing(org, replace(person, reports_to=self.changes["reports_to"]))])


class RemovePerson(Edit):
    """Remove a person; their reports either move up to the removed person's manager or go too.

    Dotted lines that pointed at anyone removed are dropped, so nothing is left dangling.
    """

    def __init__(self, pid: str, *, with_subtree: bool = False) -> None:
        super().__init__()
        self.pid = pid
        self.subject = pid
        self.with_subtree = with_subtree
        self.description = "remove with subtree" if with_subtree else "remove"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        removed = org.subtree_ids(self.pid) if self.with_subtree else [self.pid]
        self.description = f"remove {person.name}"
        if len(removed) > 1:
            self.description += f" and {_people(len(removed) - 1)} below"
        gone = set(removed)
        updated: dict[str, Person] = {}

        def current(pid: str) -> Person:
            return updated.get(pid) or org[pid]

        if not self.with_subtree:
            for report in org.reports(self.pid):
                if report.id != self.pid:  # someone reporting to themself is no report left behind
                    updated[report.id] = replace(current(report.id), reports_to=person.reports_to)
        for pid in removed:
            for follower in org.dotted_reports(pid):
                if follower.id not in gone:
                    kept = tuple(t for t in current(follower.id).dotted_to if t not in gone)
                    updated[follower.id] = replace(current(follower.id), dotted_to=kept)
        changes = [_replacing(org, p) for p in updated.values()]
        changes.extend(Change(pid, _entry(org, pid), None) for pid in reversed(removed))
        return Patch(changes)


PRODUCT_TOP_ROLES = ("cpo", "head_of_product")
"""Who can lead the product organisation, most senior first."""


class SetProductLineTo(Edit):
    """Point the product organisation's top (the CPO, else the Head of Product) at the CEO or the CTO."""

    def __init__(self, target_role: str) -> None:
        super().__init__()
        self.target_role = target_role
        self.description = f"product organisation reports to the {target_role.upper()}"

    def plan(self, org: Org) -> Patch:
        if self.target_role not in ("ceo", "cto"):
            raise EditRefused("the product organisation reports to the CEO or the CTO")
        top = product_top(org)
        if top is None:
            raise EditRefused("the org has no CPO or Head of Product")
        target = org.first_with_role(self.target_role)
        if target is None:
            raise EditRefused(f"the org has no {self.target_role.upper()}")
        return MovePerson(top.id, target.id).plan(org)


class RoleIndex(Protocol):
    def first_with_role(self, role_id: str) -> Person | None:
        """The earliest-added person with `role_id`."""


def product_top(people: RoleIndex) -> Person | None:
    """The product organisation's top: the first CPO, else the first Head of Product.

    The one definition: the designer and the edits ask the `Org`, the rules their own
    incremental index of roles, so they always agree."""
    return next((top for top in map(people.first_with_role, PRODUCT_TOP_ROLES) if top is not None), None)


class SetOrgField(Edit):
    """Change an org-level attribute: name, profile, settings or units."""

    _ALLOWED = ("name", "profile", "settings", "units")

    def __init__(self, name: str, value: Any) -> None:
        super().__init__()
        self.name, self.value = name, value
        self.description = f"set {name}"

    def plan(self, org: Org) -> Patch:
        if self.name not in self._ALLOWED:
            raise EditRefused(f"cannot edit the org's {self.name}")
        if self.name == "profile" and self.value not in PROFILES:
            raise EditRefused(f"unknown profile {self.value!r}; choose one of {', '.join(PROFILES)}")
        return Patch(org_before={self.name: getattr(org, self.name)}, org_after={self.name: self.value})


class Batch(Edit):
    """Several edits undone and redone as one (e.g. `validate --fix`)."""

    def __init__(self, edits: list[Edit], description: str = "several edits") -> None:
        super().__init__()
        self.edits = edits
        self.description = description
        self.subject = next((edit.subject for edit in edits if edit.subject is not None), None)

    def apply(self, org: Org) -> set[str]:
        touched: set[str] = set()
        done: list[Edit] = []
        try:
            for edit in self.edits:
                touched |= edit.apply(org)
                done.append(edit)
        except EditRefused:
            for edit in reversed(done):
                edit.revert(org)
            raise
        self._patch = Patch()
        return touched

    def revert(self, org: Org) -> set[str]:
        touched: set[str] = set()
        for edit in reversed(self.edits):
            touched |= edit.revert(org)
        return touched


class History:
    """Unlimited undo/redo of edits on one org."""

    def __init__(self, org: Org) -> None:
        self.org = org
        self._done: list[Edit] = []
        self._undone: list[Edit] = []

    def do(self, edit: Edit) -> set[str]:
        """Apply `edit`; raises EditRefused (leaving the org unchanged) when it cannot be made."""
        touched = edit.apply(self.org)
        self._done.append(edit)
        self._undone.clear()
        return touched

    def undo(self) -> set[str] | None:
        if not self._done:
            return None
        edit = self._done.pop()
        touched = edit.revert(self.org)
        self._undone.append(edit)
        return touched

    def redo(self) -> set[str] | None:
        if not self._undone:
            return None
        edit = self._undone.pop()
        touched = edit.apply(self.org)
        self._done.append(edit)
        return touched

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def next_undo(self) -> Edit | None:
        """The edit that undo would revert."""
        return self._done[-1] if self._done else None

    @property
    def next_redo(self) -> Edit | None:
        """The edit that redo would apply again."""
        return self._undone[-1] if self._undone else None

    @property
    def undo_description(self) -> str | None:
        return self._done[-1].description if self._done else None

    @property
    def redo_description(self) -> str | None:
        return self._undone[-1].description if self._undone else None

    @property
    def depth(self) -> int:
        """How many edits are applied; with a saved depth it tells whether there are unsaved changes."""
        return len(self._done)


# -- bulk edits: several people changed, undone and redone as one step --------------------

BULK_FIELDS = ("role", "product")
"""The fields one bulk edit sets to the same value for every marked person."""


class Bulk(Batch):
    """A batch over several people, refused (with the reason) when it would change nobody."""

    def __init__(self, edits: list[Edit], description: str, *, unchanged: str) -> None:
        super().__init__(edits, description)
        self.unchanged = unchanged

    def apply(self, org: Org) -> set[str]:
        if not self.edits:
            raise EditRefused(self.unchanged)
        return super().apply(org)


class Several(Edit):
    """One edit over several people, planned as ONE patch, refused (with the reason) when it would change nobody.

    A `Bulk` plans one edit per person, each with its own patch: a thousand marked people in a
    100,000-person org cost a thousand plans. A subclass gives each person's new record with
    `plan_person`, or plans the whole patch itself.
    """

    def __init__(self, pids: list[str], description: str, *, unchanged: str) -> None:
        super().__init__()
        self.pids = pids
        self.subject = pids[0] if pids else None
        self.description = description
        self.unchanged = unchanged

    def apply(self, org: Org) -> set[str]:
        if not self.pids:
            raise EditRefused(self.unchanged)
        return super().apply(org)

    def plan(self, org: Org) -> Patch:
        changes: list[Change] = []
        for pid in self.pids:
            person = _require(org, pid)
            seq = org.seq(pid)
            changes.append(Change(pid, Entry(person, seq), Entry(self.plan_person(org, person), seq)))
        return Patch(changes)

    def plan_person(self, org: Org, person: Person) -> Person:  # pragma: no cover - abstract
        """`person` as the edit leaves them; raises EditRefused when they cannot be changed so."""
        raise NotImplementedError


class SetForAll(Several):
    """The same role or product for several people (None clears a product)."""

    def __init__(self, pids: list[str], field_name: str, value: str | None) -> None:
        super().__init__(
            pids,
            f"set the {field_name} of {_people(len(pids))}",
            unchanged=f"nothing to change: every one of them has that {field_name} already",
        )
        self.field_name, self.value = field_name, value

    def plan_person(self, org: Org, person: Person) -> Person:
        updated = with_field(person, self.field_name, self.value)
        _check_person_fields(org, updated)
        return updated


class MoveAll(Several):
    """Several people (each with the people below them) under one manager (None: made tops)."""

    def __init__(self, pids: list[str], manager: str | None, where: str) -> None:
        super().__init__(
            pids, f"move {_people(len(pids))} {where}", unchanged=f"nobody to move: they all report {where}"
        )
        self.manager = manager
        self._above_manager: set[str] = set()

    def plan(self, org: Org) -> Patch:
        manager = self.manager
        if manager is not None and manager in org:
            self._above_manager = {manager, *(boss.id for boss in org.chain_of_command(manager))}
        return super().plan(org)

    def plan_person(self, org: Org, person: Person) -> Person:
        """Moving the others first changes nobody above the manager (a move from above them is refused),
        so whether this move makes a cycle can be asked of the org as it was."""
        if self.manager is not None and (self.manager not in org or person.id in self._above_manager):
            _check_manager(org, person.id, self.manager)
        return with_field(person, "reports_to", self.manager)


def set_for_all(org: Org, pids: Iterable[str], field_name: str, value: str | None) -> SetForAll:
    """Give everyone in `pids` the same role or product (None clears a product); units: `AssignUnit`.

    People who have that value already are left alone, so undo names only real changes.
    """
    if field_name not in BULK_FIELDS:
        raise EditRefused(f"cannot set the {field_name} of several people at once")
    changing = [pid for pid in dict.fromkeys(pids) if getattr(_require(org, pid), field_name) != value]
    return SetForAll(changing, field_name, value)


def move_all(org: Org, pids: Iterable[str], manager: str | None) -> MoveAll:
    """Move everyone in `pids` (each with the people below them) under `manager` (None: make them tops)."""
    moving = [pid for pid in dict.fromkeys(pids) if _require(org, pid).reports_to != manager]
    where = "to the top of the org" if manager is None else f"under {_require(org, manager).name}"
    return MoveAll(moving, manager, where)


class RemoveAll(Several):
    """Remove several people as one patch: their reports move up past every removed manager, or
    (`with_subtree`) everyone below goes too; dotted lines to anyone removed are dropped.

    The outcome is the one removing them one by one (`RemovePerson`, in the order given) had; a
    report whose managers up to a reporting cycle are all removed ends under the member of that
    cycle removed last, as one by one it did.
    """

    def __init__(self, pids: list[str], description: str, *, with_subtree: bool) -> None:
        super().__init__(pids, description, unchanged="nobody to remove")
        self.with_subtree = with_subtree

    def plan(self, org: Org) -> Patch:
        for pid in self.pids:
            _require(org, pid)
        gone = org.below(self.pids) if self.with_subtree else set(self.pids)
        updated: dict[str, Person] = {}
        if not self.with_subtree:
            order = {pid: index for index, pid in enumerate(self.pids)}
            for pid in self.pids:
                for report in org.unordered_report_ids(pid):
                    if report not in gone:
                        updated[report] = with_field(org[report], "reports_to", _staying_manager(org, pid, order))
        for follower in {follower for pid in gone for follower in org.dotted_naming(pid) if follower not in gone}:
            person = updated.get(follower) or org[follower]
            kept = tuple(target for target in person.dotted_to if target not in gone)
            updated[follower] = with_field(person, "dotted_to", kept)
        changes = [_replacing(org, person) for person in updated.values()]
        changes.extend(Change(pid, _entry(org, pid), None) for pid in gone)
        return Patch(changes)


def _staying_manager(org: Org, pid: str, removed: Mapping[str, int]) -> str | None:
    """Where the reports of `pid` (one of the `removed`, each with its place in the order of removal)
    end up: the first `reports_to` above `pid` that is not removed, or the last removed of a cycle
    of removed people the climb runs into."""

    def removed_manager(above: str) -> str | None:
        manager = org[above].reports_to
        return manager if manager in removed else None

    path, cycle = climb(pid, removed_manager)
    if not cycle:
        return org[path[-1]].reports_to
    return max(cycle, key=removed.__getitem__)


def remove_all(org: Org, pids: Iterable[str], *, with_subtree: bool = False) -> RemoveAll:
    """Remove everyone in `pids`; their reports move up (to the nearest manager who stays), or go too.

    With `with_subtree`, someone below another removed person goes with them and is not removed twice.
    """
    chosen = [_require(org, pid).id for pid in dict.fromkeys(pids)]
    if with_subtree:
        marked = set(chosen)
        chosen = [pid for pid in chosen if not any(boss.id in marked for boss in org.chain_of_command(pid))]
    gone = len(org.below(chosen)) if with_subtree else len(chosen)
    return RemoveAll(chosen, f"remove {_people(gone)}", with_subtree=with_subtree)


def add_named(org: Org, names: Sequence[str], template: Person) -> Bulk:
    """Add one person per name, each a copy of `template` (role, manager, ...) under a fresh id from their name."""
    taken: set[str] = set()
    edits: list[Edit] = []
    for name in (name.strip() for name in names):
        if name:
            pid = free_id(org, name, taken)
            taken.add(pid)
            edits.append(AddPerson(replace(template, id=pid, name=name)))
    return Bulk(edits, f"add {_people(len(edits))}", unchanged="no names to add")


@dataclass(frozen=True, slots=True)
class Imported:
    """The edit that brings an imported org into the open one, and the ids it had to rename."""

    edit: Bulk
    renamed: dict[str, str]
    """Imported id -> the id it got, for every id the open layout already used."""


def import_under(org: Org, imported: Org, manager: str | None) -> Imported:
    """Everyone in `imported`, its tops placed under `manager` (None: as tops), as one edit.

    An imported id the open layout already uses gets a free one (`ann` -> `ann-2`), and every
    reporting and dotted line inside the import follows the new id. The import's units that the
    open layout lacks are added; units with the same id are taken to be the same unit.
    """
    if manager is not None:
        _require(org, manager)
    people = imported.tree_order()
    renamed: dict[str, str] = {}
    given: set[str] = set()
    for person in people:
        if person.id in org:
            renamed[person.id] = _unused(person.id, lambda pid: pid in org or pid in imported or pid in given)
            given.add(renamed[person.id])

    def new_id(pid: str) -> str:
        return renamed.get(pid, pid)

    edits: list[Edit] = []
    new_units = [unit for unit in imported.units if org.unit(unit.id) is None]
    if new_units:
        edits.append(SetOrgField("units", (*org.units, *new_units)))
    for person in people:
        edits.append(AddPerson(_placed(person, new_id, manager, imported)))
    return Imported(Bulk(edits, f"import {_people(len(people))}", unchanged="the file has nobody to import"), renamed)


def _placed(person: Person, new_id: Callable[[str], str], manager: str | None, imported: Org) -> Person:
    """`person` as the open layout takes them in: new ids, the tops under `manager`, no file position."""
    boss = person.reports_to if person.reports_to in imported else None
    return replace(
        person,
        id=new_id(person.id),
        reports_to=manager if boss is None else new_id(boss),
        dotted_to=tuple(new_id(pid) for pid in person.dotted_to if pid in imported),
        line=0,
        column=0,
        comments=(),
    )


# -- the rest of the layout format: dotted lines, waivers, units, the org's name and settings, order --


def _named(org: Org, pid: str) -> str:
    """A person's name for a message, or their id when nobody in the org has it."""
    person = org.get(pid)
    return person.name if person is not None else repr(pid)


class AddDottedLine(Edit):
    """Give a person a dotted-line manager (besides their solid-line one)."""

    def __init__(self, pid: str, manager: str) -> None:
        super().__init__()
        self.pid, self.manager = pid, manager
        self.subject = pid
        self.description = "add a dotted line"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        if self.manager == self.pid:
            raise EditRefused(f"{person.name} cannot have a dotted line to themself")
        if self.manager not in org:
            raise EditRefused(f"there is nobody with id {self.manager!r} to draw a dotted line to")
        target = org[self.manager]
        if self.manager in person.dotted_to:
            raise EditRefused(f"{person.name} already has a dotted line to {target.name}")
        if self.manager == person.reports_to:
            raise EditRefused(f"{target.name} is already {person.name}'s solid-line manager")
        self.description = f"dotted line from {person.name} to {target.name}"
        return Patch([_replacing(org, replace(person, dotted_to=(*person.dotted_to, self.manager)))])


class RemoveDottedLine(Edit):
    """Take one dotted line off a person (also one naming nobody in the org)."""

    def __init__(self, pid: str, manager: str) -> None:
        super().__init__()
        self.pid, self.manager = pid, manager
        self.subject = pid
        self.description = "remove a dotted line"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        if self.manager not in person.dotted_to:
            raise EditRefused(f"{person.name} has no dotted line to {_named(org, self.manager)}")
        self.description = f"remove the dotted line from {person.name} to {_named(org, self.manager)}"
        kept = tuple(target for target in person.dotted_to if target != self.manager)
        return Patch([_replacing(org, replace(person, dotted_to=kept))])


class Waive(Edit):
    """Accept a rule's finding about one person, with the reason (`allow: {rule, reason}`)."""

    def __init__(self, pid: str, rule: str, reason: str) -> None:
        super().__init__()
        self.pid, self.rule, self.reason = pid, rule, reason.strip()
        self.subject = pid
        self.description = f"waive {rule}"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        if not self.reason:
            raise EditRefused("a waiver needs a reason: say why this exception is accepted")
        if self.rule not in catalogue_codes():
            raise EditRefused(f"there is no rule {self.rule!r} to waive")
        if person.waives(self.rule) is not None:
            raise EditRefused(f"{person.name} already waives {self.rule}")
        self.description = f"waive {self.rule} for {person.name}"
        allow = (*person.allow, Waiver(self.rule, self.reason))
        return Patch([_replacing(org, replace(person, allow=allow))])


class RemoveWaiver(Edit):
    def __init__(self, pid: str, rule: str) -> None:
        super().__init__()
        self.pid, self.rule = pid, rule
        self.subject = pid
        self.description = f"remove the waiver of {rule}"

    def plan(self, org: Org) -> Patch:
        person = _require(org, self.pid)
        if person.waives(self.rule) is None:
            raise EditRefused(f"{person.name} has no waiver of {self.rule}")
        self.description = f"remove {person.name}'s waiver of {self.rule}"
        allow = tuple(waiver for waiver in person.allow if waiver.rule != self.rule)
        return Patch([_replacing(org, replace(person, allow=allow))])


def free_unit_id(org: Org, name: str) -> str:
    """A new unit id derived from a name, as `free_id` makes person ids, unique among the units."""
    return _unused(_slug(name) or "unit", {unit.id for unit in org.units}.__contains__)


def _check_unit_name(org: Org, name: str, *, renaming: str | None = None) -> None:
    if not name.strip():
        raise EditRefused("a unit needs a name")
    same = next((unit for unit in org.units if unit.name == name and unit.id != renaming), None)
    if same is not None:
        raise EditRefused(f"there already is a unit named {name!r} (id {same.id!r})")


def _require_unit(org: Org, unit_id: str) -> Unit:
    unit = org.unit(unit_id)
    if unit is None:
        raise EditRefused(f"there is no unit with id {unit_id!r}")
    return unit


def _units_patch(org: Org, units: tuple[Unit, ...], changes: list[Change] | None = None) -> Patch:
    return Patch(changes or [], org_before={"units": org.units}, org_after={"units": units})


class AddUnit(Edit):
    """Declare a new unit; its id is made from the name unless one is given."""

    def __init__(self, name: str, unit_id: str | None = None) -> None:
        super().__init__()
        self.name, self.unit_id = name.strip(), unit_id
        self.description = f"add the unit {self.name}"

    def plan(self, org: Org) -> Patch:
        _check_unit_name(org, self.name)
        unit_id = self.unit_id or free_unit_id(org, self.name)
        if org.unit(unit_id) is not None:
            raise EditRefused(f"the unit id {unit_id!r} is already taken")
        self.unit_id = unit_id
        return _units_patch(org, (*org.units, Unit(unit_id, self.name)))


class RenameUnit(Edit):
    def __init__(self, unit_id: str, name: str) -> None:
        super().__init__()
        self.unit_id, self.name = unit_id, name.strip()
        self.description = f"rename the unit {unit_id}"

    def plan(self, org: Org) -> Patch:
        old = _require_unit(org, self.unit_id)
        _check_unit_name(org, self.name, renaming=self.unit_id)
        self.description = f"rename the unit {old.name} to {self.name}"
        units = tuple(Unit(unit.id, self.name) if unit.id == self.unit_id else unit for unit in org.units)
        return _units_patch(org, units)


class DeleteUnit(Edit):
    """Remove a unit; its members move to `members_to` (another unit, or None: no unit)."""

    def __init__(self, unit_id: str, members_to: str | None = None) -> None:
        super().__init__()
        self.unit_id, self.members_to = unit_id, members_to
        self.description = f"delete the unit {unit_id}"

    def plan(self, org: Org) -> Patch:
        old = _require_unit(org, self.unit_id)
        if self.members_to == self.unit_id:
            raise EditRefused(f"the members of {old.name} cannot stay in the unit being deleted")
        if self.members_to is not None:
            _require_unit(org, self.members_to)
        members = unit_members(org, self.unit_id)
        self.description = f"delete the unit {old.name}"
        if members:
            self.description += f" ({_people(len(members))} moved out)"
        changes = [_replacing(org, replace(person, unit=self.members_to)) for person in members]
        return _units_patch(org, tuple(unit for unit in org.units if unit.id != self.unit_id), changes)


def unit_members(org: Org, unit_id: str) -> list[Person]:
    """Everyone in the unit `unit_id`, in no guaranteed order."""
    return [person for person in org.people() if person.unit == unit_id]


class AssignUnit(Edit):
    """Put one or several people into a unit (None: out of any unit), as one step.

    People already there are left alone; when that is everyone, the edit is refused so the
    user hears that nothing changed.
    """

    def __init__(self, pids: Iterable[str], unit_id: str | None) -> None:
        super().__init__()
        self.pids, self.unit_id = list(dict.fromkeys(pids)), unit_id
        self.subject = self.pids[0] if self.pids else None
        self.description = "assign a unit"

    def plan(self, org: Org) -> Patch:
        if not self.pids:
            raise EditRefused("nobody is selected to assign")
        target = None if self.unit_id is None else _require_unit(org, self.unit_id)
        people = [_require(org, pid) for pid in self.pids]
        moving = [person for person in people if person.unit != self.unit_id]
        where = "no unit" if target is None else target.name
        if not moving:
            raise EditRefused(f"{_everyone(people)} already in {where}")
        who = moving[0].name if len(moving) == 1 else _people(len(moving))
        self.description = f"move {who} to {where}" if target is not None else f"take {who} out of their unit"
        return Patch([_replacing(org, with_field(person, "unit", self.unit_id)) for person in moving])


def _everyone(people: list[Person]) -> str:
    return f"{people[0].name} is" if len(people) == 1 else f"all {len(people)} are"


class RenameOrg(SetOrgField):
    """Rename the layout (its `name`)."""

    def __init__(self, name: str) -> None:
        super().__init__("name", name.strip())
        self.description = f"rename the org to {self.value}"

    def plan(self, org: Org) -> Patch:
        if not self.value:
            raise EditRefused("the org needs a name")
        return super().plan(org)


class ChangeSettings(SetOrgField):
    """Replace the rule settings (limits and disabled rules), refusing what a layout could not hold."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("settings", settings)
        self.description = "change the settings"

    def plan(self, org: Org) -> Patch:
        settings: Settings = self.value
        for name in ("max_span", "max_layers"):
            if getattr(settings, name) < 1:
                raise EditRefused(f"{name} must be a whole number of at least 1")
        unknown = sorted(set(settings.disable) - set(catalogue_codes()))
        if unknown:
            raise EditRefused(f"there is no rule {', '.join(unknown)} to disable")
        return super().plan(org)


class Reorder(Edit):
    """An edit of one person's place among their manager's reports (or the tops)."""

    def __init__(self, pid: str) -> None:
        super().__init__()
        self.pid = self.subject = pid
        self.description = "reorder"

    def siblings(self, org: Org) -> tuple[Person, str | None, list[str]]:
        """The person, their manager (None: a top) and everyone beside them in display order, them included."""
        person = _require(org, self.pid)
        manager = org.manager_id(self.pid)
        return person, manager, org.report_ids(manager) if manager is not None else org.top_ids()


class MoveAmongSiblings(Reorder):
    """Move a person one place up (`step` -1) or down (+1) among their manager's reports.

    The layout lists people in display order, so this is also their order in the file.
    """

    def __init__(self, pid: str, step: int) -> None:
        super().__init__(pid)
        self.step = step

    def plan(self, org: Org) -> Patch:
        person, manager, siblings = self.siblings(org)
        index = siblings.index(self.pid) + self.step
        if not 0 <= index < len(siblings):
            where = "first" if self.step < 0 else "last"
            among = f"{org[manager].name}'s reports" if manager is not None else "the tops of the org"
            raise EditRefused(f"{person.name} is already {where} among {among}")
        other = org[siblings[index]]
        mine, theirs = org.seq(self.pid), org.seq(other.id)
        self.description = f"move {person.name} {'up' if self.step < 0 else 'down'}"
        return Patch(
            [
                Change(person.id, Entry(person, mine), Entry(person, theirs)),
                Change(other.id, Entry(other, theirs), Entry(other, mine)),
            ]
        )


class PlaceAmongSiblings(Reorder):
    """Put a person at `index` among their manager's other reports (0: first), keeping everyone
    else's relative order; the compare view's revert of a reorder.

    Display order is each person's sequence number, so the siblings from the old place to the new
    one pass their numbers along by one; undo gives every number back.
    """

    def __init__(self, pid: str, index: int) -> None:
        super().__init__(pid)
        self.index = index

    def plan(self, org: Org) -> Patch:
        person, _, siblings = self.siblings(org)
        others = [pid for pid in siblings if pid != self.pid]
        if not 0 <= self.index <= len(others):
            raise EditRefused(f"{person.name} has no place {self.index + 1} among {len(siblings)} colleagues")
        wanted = [*others[: self.index], self.pid, *others[self.index :]]
        seqs = [org.seq(pid) for pid in siblings]
        self.description = f"put {person.name} back in place {self.index + 1}"
        return Patch(
            [
                Change(pid, _entry(org, pid), Entry(org[pid], seq))
                for pid, seq in zip(wanted, seqs, strict=True)
                if org.seq(pid) != seq
            ]
        )
