"""A proposed org compared with its baseline, kept current edit by edit.

`Comparison` holds a baseline (never changed) and the org being edited. It knows, per person,
whether they were added, removed, moved (from whom, to whom), reordered among the same colleagues
or changed (which fields, every field of the layout format), and it pairs a removed id with an
added one of the same name as "possibly renamed". It also keeps the findings delta (findings
introduced and resolved, matched per person: same code and message, else same code, since a
message that quotes a number may change while the problem stays) and the stats delta (positions,
vacancies, headcount by role, managers, spans of control, layers).

Everything is kept per person, so `refresh(touched, rechecked)` after an edit costs what the
edit touched: the designer calls it after every edit, and `diff_orgs` (the `diff` command)
builds one and reads its summary, `OrgDiff`, once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Protocol

from orgdesign.edits import (
    AddPerson,
    Batch,
    Edit,
    EditRefused,
    MovePerson,
    Patch,
    PlaceAmongSiblings,
    RemovePerson,
    SetOrgField,
    UpdatePerson,
)
from orgdesign.model import Org, Person, Settings, Unit, Waiver, discard_member
from orgdesign.roles import ROLES
from orgdesign.rules.finding import Finding
from orgdesign.stats import SPAN_GROUPS, span_group

COMPARED_FIELDS = tuple(f.name for f in fields(Person) if f.compare and f.name not in ("id", "reports_to"))
"""Every field of a person a layout can set, but the id (what people are matched by) and the
manager (a change there is a move)."""

SETTINGS_FIELDS = tuple(f.name for f in fields(Settings))


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Entry:
    """Someone added or removed, with their role and manager at the time."""

    person: PersonRef
    role: str
    manager: PersonRef | None


@dataclass(frozen=True, slots=True)
class Renamed:
    """A removed id and an added one with the same name: probably one person given a new id."""

    old: PersonRef
    new: PersonRef


@dataclass(frozen=True, slots=True)
class Move:
    person: PersonRef
    old_manager: PersonRef | None
    new_manager: PersonRef | None


@dataclass(frozen=True, slots=True)
class Reordered:
    """Someone under the same manager as before whose place among the colleagues who were there
    before too changed (JSON: `person`, `manager`, `old_position`, `new_position`, `among`).

    Order is compared relatively: the longest run of colleagues still in their baseline order
    stays put and everyone else is reordered, so one person added, removed or moved up does not
    reorder all who follow. Positions count from 1 among the `among` people under this manager
    (None: the tops) in both versions, so people added, removed or moved in between do not shift them.
    """

    person: PersonRef
    manager: PersonRef | None
    old_position: int
    new_position: int
    among: int


@dataclass(frozen=True, slots=True)
class FieldChange:
    person: PersonRef
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class OrgFieldChange:
    """A change to the layout itself: its name, profile, a setting, its units."""

    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class FindingRef:
    code: str
    severity: str
    person: PersonRef | None
    message: str


@dataclass(frozen=True, slots=True)
class StatChange:
    label: str
    old: int
    new: int

    @property
    def delta(self) -> str:
        return f"{self.new - self.old:+d}"


@dataclass(frozen=True, slots=True)
class OrgDiff:
    old_name: str
    new_name: str
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    renamed: tuple[Renamed, ...]
    moved: tuple[Move, ...]
    changed: tuple[FieldChange, ...]
    org_changed: tuple[OrgFieldChange, ...]
    reordered: tuple[Reordered, ...]
    findings_introduced: tuple[FindingRef, ...]
    findings_resolved: tuple[FindingRef, ...]
    stats: tuple[StatChange, ...]
    """Only the figures that differ."""

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.renamed
            or self.moved
            or self.reordered
            or self.changed
            or self.org_changed
            or self.findings_introduced
            or self.findings_resolved
        )


Change = Entry | Renamed | Move | Reordered | FieldChange | OrgFieldChange
"""One line of the Changes list; `kind_of` says which group it is in."""


class Findings(Protocol):
    """Findings by person: a `rules.Validator`, or `FixedFindings` for a list made elsewhere."""

    @property
    def findings(self) -> list[Finding]: ...

    def for_person(self, pid: str) -> list[Finding]: ...


class FixedFindings:
    """A list of findings, grouped by person (for a rules function that is not a Validator)."""

    def __init__(self, found: Iterable[Finding]) -> None:
        self.findings = list(found)
        self._by_person: dict[str, list[Finding]] = {}
        for finding in self.findings:
            self._by_person.setdefault(finding.person or "", []).append(finding)

    def for_person(self, pid: str) -> list[Finding]:
        return list(self._by_person.get(pid, ()))


# -- stats -----------------------------------------------------------------------------------


class Tally:
    """The figures the stats delta shows, kept per person so that an edit updates only what it touched."""

    def __init__(self, org: Org) -> None:
        self.org = org
        self._people = {person.id: person for person in org.people()}
        """Everyone as last counted, to take back what they counted for when they change."""
        self._span = {pid: span_group(org.report_count(pid)) for pid in org.managers()}
        self.roles: Counter[str] = Counter(person.role for person in self._people.values())
        self.spans: Counter[str] = Counter(self._span.values())
        self.vacancies = sum(person.vacancy for person in self._people.values())
        self.layers: Counter[int] = Counter()
        self._layer: dict[str, int] = {}
        self._place(org.top_ids(), 0)

    def update(self, touched: Iterable[str]) -> None:
        for pid in touched:
            self._uncount(pid)
            if pid in self.org:
                self._count(pid)
        for pid in touched:
            self._replace_layer(pid)

    def figures(self) -> dict[str, int]:
        """Figure label -> value, the roles in catalogue order, then spans in their order."""
        shown = {
            "positions": len(self._people),
            "vacancies": self.vacancies,
            "managers": sum(self.spans.values()),
            "layers": max(self.layers, default=-1) + 1,
        }
        shown.update((f"role: {ROLES[r].label}", n) for r, n in sorted(self.roles.items(), key=_catalogue_order) if n)
        shown.update((f"span {label}", n) for label, n in sorted(self.spans.items(), key=_span_order) if n)
        return shown

    def _count(self, pid: str) -> None:
        person = self._people[pid] = self.org[pid]
        self.roles[person.role] += 1
        self.vacancies += person.vacancy
        reports = self.org.report_count(pid)
        if reports:
            span = self._span[pid] = span_group(reports)
            self.spans[span] += 1

    def _uncount(self, pid: str) -> None:
        person = self._people.pop(pid, None)
        if person is None:
            return
        self.roles[person.role] -= 1
        self.vacancies -= person.vacancy
        span = self._span.pop(pid, None)
        if span is not None:
            self.spans[span] -= 1

    def _replace_layer(self, pid: str) -> None:
        """Re-place `pid` and everyone below when their layer changed (a move shifts a subtree)."""
        if pid not in self.org:
            self._unplace(pid)
            return
        manager = self.org.manager_id(pid)
        expected = 0 if manager is None else self._layer.get(manager, -2) + 1
        if self._layer.get(pid, -1) == expected:
            return
        region = self.org.below([pid])
        for member in region:
            self._unplace(member)
        if expected >= 0:
            self._place([pid], expected)

    def _place(self, roots: Iterable[str], layer: int) -> None:
        """Layers below `roots` (at `layer`); people on a reporting cycle reach no top and get none."""
        current = list(roots)
        while current:
            below: list[str] = []
            for pid in current:
                if pid not in self._layer:
                    self._layer[pid] = layer
                    self.layers[layer] += 1
                    below.extend(self.org.unordered_report_ids(pid))
            current, layer = below, layer + 1

    def _unplace(self, pid: str) -> None:
        layer = self._layer.pop(pid, None)
        if layer is not None:
            self.layers[layer] -= 1
            if not self.layers[layer]:
                del self.layers[layer]


def _catalogue_order(item: tuple[str, int]) -> int:
    return list(ROLES).index(item[0]) if item[0] in ROLES else len(ROLES)


def _span_order(item: tuple[str, int]) -> int:
    return next(n for n, (label, _, _) in enumerate(SPAN_GROUPS) if label == item[0])


def stat_changes(old: dict[str, int], new: dict[str, int]) -> list[StatChange]:
    """Every figure of either side (in `old`'s order, then `new`'s), with both values."""
    labels = list(old) + [label for label in new if label not in old]
    return [StatChange(label, old.get(label, 0), new.get(label, 0)) for label in labels]


# -- sibling order -----------------------------------------------------------------------------


class SiblingOrder:
    """Who is out of the baseline's order among colleagues under the same manager in both versions,
    kept per manager so that an edit re-sorts only the teams it touched."""

    def __init__(self, baseline: Org, current: Org) -> None:
        self.baseline, self.current = baseline, current
        self.ids: set[str] = set()
        """Everyone reordered."""
        self._team_of: dict[str, str | None] = {}
        """Id -> the manager (reports_to) they have in both versions."""
        self._teams: dict[str | None, set[str]] = {}
        self._out: dict[str | None, set[str]] = {}
        for pid in baseline.ids():
            self._join(pid)
        for manager in list(self._teams):
            self._sort_out(manager)

    def update(self, touched: Iterable[str]) -> set[str]:
        """Catch up after an edit; returns the ids reordered before or after but not both."""
        teams: set[str | None] = set()
        for pid in touched:
            if pid in self._team_of:
                manager = self._team_of.pop(pid)
                self._teams[manager].discard(pid)
                teams.add(manager)
            if self._join(pid):
                teams.add(self._team_of[pid])
        flipped: set[str] = set()
        for manager in teams:
            flipped |= self._sort_out(manager)
        return flipped

    def places(self, manager: str | None) -> tuple[dict[str, int], dict[str, int]]:
        """Each of the people under `manager` in both versions -> their place among them (from 1),
        in the baseline and now."""
        team = self._teams.get(manager, set())
        return _places(team, self.baseline.seq), _places(team, self.current.seq)

    def _join(self, pid: str) -> bool:
        old, new = self.baseline.get(pid), self.current.get(pid)
        if old is None or new is None or old.reports_to != new.reports_to:
            return False
        self._team_of[pid] = new.reports_to
        self._teams.setdefault(new.reports_to, set()).add(pid)
        return True

    def _sort_out(self, manager: str | None) -> set[str]:
        before = self._out.pop(manager, set())
        after = out_of_order(self.baseline, self.current, self._teams.get(manager, ()))
        if after:
            self._out[manager] = after
        self.ids -= before
        self.ids |= after
        return before ^ after


def _places(team: Collection[str], seq: Callable[[str], int]) -> dict[str, int]:
    return {pid: n for n, pid in enumerate(sorted(team, key=seq), 1)}


def out_of_order(baseline: Org, current: Org, colleagues: Collection[str]) -> set[str]:
    """Those of `colleagues` (under one manager in both versions) outside the longest run of them
    that is still in the baseline's order."""
    if len(colleagues) < 2:
        return set()
    rank = {pid: n for n, pid in enumerate(sorted(colleagues, key=baseline.seq))}
    now = sorted(colleagues, key=current.seq)
    return set(now) - _longest_increasing_run(now, rank)


def _longest_increasing_run(items: list[str], rank: dict[str, int]) -> set[str]:
    """The items of a longest subsequence with increasing `rank` (patience sorting, n log n)."""
    tails: list[int] = []
    """The smallest rank ending an increasing run of each length so far."""
    tail_at: list[int] = []
    previous: list[int] = []
    for index, pid in enumerate(items):
        length = bisect_left(tails, rank[pid])
        if length == len(tails):
            tails.append(rank[pid])
            tail_at.append(index)
        else:
            tails[length], tail_at[length] = rank[pid], index
        previous.append(tail_at[length - 1] if length else -1)
    kept: set[str] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(items[index])
        index = previous[index]
    return kept


def siblings(org: Org, manager: str | None) -> list[str]:
    """The reports of `manager` in display order; the tops when `manager` is nobody in `org`."""
    return org.report_ids(manager) if manager is not None and manager in org else org.top_ids()


# -- the comparison ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonStatus:
    """How one person differs from the baseline (the designer's per-person mark)."""

    added: bool = False
    removed: bool = False
    moved_from: str | None = None
    """The baseline manager's id, when moved ('' for "was a top")."""
    changed: tuple[str, ...] = ()
    """The fields that differ, in `COMPARED_FIELDS` order."""
    reordered: bool = False
    """Under the same manager, but out of the baseline's order among the same colleagues."""
    renamed_from: str | None = None
    """For an added id: the removed id with the same name."""
    renamed_to: str | None = None
    """For a removed id: the added id with the same name."""


class Comparison:
    """`current` (the org being edited) against `baseline` (read once, never changed)."""

    def __init__(self, baseline: Org, current: Org, baseline_findings: Findings, current_findings: Findings) -> None:
        self.baseline = baseline
        self.current = current
        self.baseline_findings = baseline_findings
        self.current_findings = current_findings
        self.accepted: set[Change] = set()
        """Changes the user marked as reviewed (kept in memory only)."""
        self._status: dict[str, PersonStatus] = {}
        self._names: dict[str, set[str]] = {}
        """'+' or '-' and a name -> the ids added (+) or removed (-) under that name."""
        self._named: dict[str, str] = {}
        self._pairs: dict[str, str] | None = None
        """Removed id -> added id of the same name, both ways; None until asked for after a change."""
        self._introduced: dict[str, list[Finding]] = {}
        self._resolved: dict[str, list[Finding]] = {}
        self._old_figures = Tally(baseline).figures()
        self._tally = Tally(current)
        self._order = SiblingOrder(baseline, current)
        for pid in {*_differing(baseline, current), *self._order.ids}:
            self._restate(pid)
        self._refresh_findings(
            {f.person or "" for f in baseline_findings.findings} | {f.person or "" for f in current_findings.findings}
        )

    # -- keeping current ---------------------------------------------------------------------

    def refresh(self, touched: Collection[str], rechecked: Collection[str] | None = None) -> set[str]:
        """Catch up after an edit touching `touched`; `rechecked`: whose findings the rules re-checked
        (None: everyone's). Returns the ids whose mark changed, renamed partners included."""
        pairs_before = dict(self._rename_pairs())
        restated = set(touched) | self._order.update(touched)
        marks_before = {pid: self._status.get(pid) for pid in restated}
        for pid in restated:
            self._restate(pid)
        self._tally.update(touched)
        if rechecked is None:
            rechecked = {f.person or "" for f in self.current_findings.findings} | set(self._introduced)
            rechecked |= set(self._resolved)
        self._refresh_findings(set(touched) | set(rechecked))
        changed = {pid for pid, mark in marks_before.items() if self._status.get(pid) != mark}
        changed.update(pid for pair in pairs_before.items() ^ self._rename_pairs().items() for pid in pair)
        return changed

    def _restate(self, pid: str) -> None:
        old, new = self.baseline.get(pid), self.current.get(pid)
        named = self._named.pop(pid, None)
        if named is not None:
            discard_member(self._names, named, pid)
        status = _status(old, new, reordered=pid in self._order.ids)
        if status is None:
            self._status.pop(pid, None)
        else:
            self._status[pid] = status
            person = new if status.added else old if status.removed else None
            if person is not None:
                key = ("+" if status.added else "-") + person.name
                self._named[pid] = key
                self._names.setdefault(key, set()).add(pid)
        if named is not None or pid in self._named:
            self._pairs = None

    def _rename_pairs(self) -> dict[str, str]:
        """Removed id -> added id and back, for each name held by exactly one removed and one added id."""
        if self._pairs is None:
            self._pairs = {}
            for key, ids in self._names.items():
                removed = self._names.get("-" + key[1:]) if key.startswith("+") else None
                if removed is not None and len(removed) == 1 and len(ids) == 1:
                    old, new = next(iter(removed)), next(iter(ids))
                    self._pairs[old], self._pairs[new] = new, old
        return self._pairs

    def _refresh_findings(self, pids: Iterable[str]) -> None:
        for pid in pids:
            old = self.baseline_findings.for_person(pid)
            new = self.current_findings.for_person(pid)
            introduced, resolved = _unmatched(new, old), _unmatched(old, new)
            _set_or_drop(self._introduced, pid, introduced)
            _set_or_drop(self._resolved, pid, resolved)

    # -- reading -----------------------------------------------------------------------------

    def status(self, pid: str) -> PersonStatus | None:
        """How `pid` differs from the baseline (None: not at all), renames paired."""
        status = self._status.get(pid)
        partner = self._rename_pairs().get(pid) if status is not None else None
        if status is None or partner is None:
            return status
        return replace(status, renamed_from=partner) if status.added else replace(status, renamed_to=partner)

    def removed_ids(self) -> list[str]:
        """Everyone removed (renamed ones included), in baseline order."""
        return sorted((pid for pid, status in self._status.items() if status.removed), key=self.baseline.seq)

    def summary(self) -> OrgDiff:
        """Every change, grouped by kind; people in display order."""
        return OrgDiff(
            old_name=self.baseline.name,
            new_name=self.current.name,
            added=tuple(self._entries(self.current, self._ids(lambda s: s.added and not s.renamed_from))),
            removed=tuple(self._entries(self.baseline, self._ids(lambda s: s.removed and not s.renamed_to, old=True))),
            renamed=tuple(self._renames()),
            moved=tuple(self._moves()),
            changed=tuple(self._field_changes()),
            org_changed=tuple(_org_changes(self.baseline, self.current)),
            reordered=tuple(self._reorders()),
            findings_introduced=self._finding_refs(self.current, self._introduced),
            findings_resolved=self._finding_refs(self.baseline, self._resolved),
            stats=tuple(c for c in self.stats() if c.old != c.new),
        )

    def stats(self) -> list[StatChange]:
        return stat_changes(self._old_figures, self._tally.figures())

    def _ids(self, wanted: Callable[[PersonStatus], bool], *, old: bool = False) -> list[str]:
        org = self.baseline if old else self.current
        pairs = self._rename_pairs()
        found = []
        for pid, kept in self._status.items():
            # only the possibly renamed need their status made again, with their partner
            status = (self.status(pid) or kept) if pid in pairs else kept
            if wanted(status):
                found.append(pid)
        return sorted(found, key=org.seq)

    def _entries(self, org: Org, pids: list[str]) -> Iterator[Entry]:
        for pid in pids:
            person = org[pid]
            yield Entry(PersonRef(pid, person.name), person.display_role, _ref(org, person.reports_to))

    def _renames(self) -> Iterator[Renamed]:
        pairs = self._rename_pairs()
        for pid in self._ids(lambda s: s.renamed_from is not None):
            old = self.baseline[pairs[pid]]
            yield Renamed(PersonRef(old.id, old.name), PersonRef(pid, self.current[pid].name))

    def _moves(self) -> Iterator[Move]:
        for pid in self._ids(lambda s: s.moved_from is not None):
            new = self.current[pid]
            yield Move(
                PersonRef(pid, new.name),
                _ref(self.baseline, self.baseline[pid].reports_to),
                _ref(self.current, new.reports_to),
            )

    def _reorders(self) -> Iterator[Reordered]:
        places: dict[str | None, tuple[dict[str, int], dict[str, int]]] = {}
        for pid in self._ids(lambda s: s.reordered):
            person = self.current[pid]
            manager = person.reports_to
            if manager not in places:
                places[manager] = self._order.places(manager)
            old, new = places[manager]
            ref = PersonRef(pid, person.name)
            yield Reordered(ref, _ref(self.current, manager), old[pid], new[pid], len(old))

    def _field_changes(self) -> Iterator[FieldChange]:
        for pid in self._ids(lambda s: bool(s.changed)):
            before, after = self.baseline[pid], self.current[pid]
            for name in self._status[pid].changed:
                ref = PersonRef(pid, after.name)
                yield FieldChange(ref, name, shown(getattr(before, name)), shown(getattr(after, name)))

    @staticmethod
    def _finding_refs(org: Org, found: dict[str, list[Finding]]) -> tuple[FindingRef, ...]:
        ordered = sorted((f for findings in found.values() for f in findings), key=lambda f: f.sort_key)
        return tuple(FindingRef(f.code, f.severity.label, _ref(org, f.person), f.message) for f in ordered)

    # -- acting on a change ------------------------------------------------------------------

    def revert(self, change: Change) -> Edit:
        """The edit that puts the baseline's value back (raises EditRefused when it cannot)."""
        return revert_edit(change, self.baseline, self.current)


def _differing(old: Org, new: Org) -> Iterator[str]:
    """The ids whose records differ (one equality test each: most people are the same)."""
    for pid in old.ids():
        if old[pid] != new.get(pid):
            yield pid
    yield from (pid for pid in new.ids() if pid not in old)


def _status(old: Person | None, new: Person | None, *, reordered: bool) -> PersonStatus | None:
    if old is None and new is None:
        return None
    if old is None:
        return PersonStatus(added=True)
    if new is None:
        return PersonStatus(removed=True)
    if old == new and not reordered:
        return None
    moved = None if old.reports_to == new.reports_to else (old.reports_to or "")
    changed = tuple(name for name in COMPARED_FIELDS if getattr(old, name) != getattr(new, name))
    if moved is None and not changed and not reordered:
        return None
    return PersonStatus(moved_from=moved, changed=changed, reordered=reordered)


def _set_or_drop(index: dict[str, list[Finding]], pid: str, found: list[Finding]) -> None:
    if found:
        index[pid] = found
    else:
        index.pop(pid, None)


def _ref(org: Org, pid: str | None) -> PersonRef | None:
    if pid is None:
        return None
    person = org.get(pid)
    return PersonRef(pid, person.name if person is not None else pid)


def shown(value: object) -> str:
    """A field's value as a reader sees it."""
    if value is None or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(_item(item) for item in value)
    return str(value)


def _item(value: object) -> str:
    if isinstance(value, Waiver):
        return f"{value.rule} ({value.reason})"
    if isinstance(value, Unit):
        return f"{value.id} ({value.name})"
    return str(value)


def _org_changes(old: Org, new: Org) -> Iterator[OrgFieldChange]:
    for name in ("name", "profile"):
        if getattr(old, name) != getattr(new, name):
            yield OrgFieldChange(name, shown(getattr(old, name)), shown(getattr(new, name)))
    for name in SETTINGS_FIELDS:
        before, after = getattr(old.settings, name), getattr(new.settings, name)
        if before != after:
            yield OrgFieldChange(f"settings.{name}", shown(before), shown(after))
    if old.units != new.units:
        yield OrgFieldChange("units", shown(old.units), shown(new.units))


def _unmatched(ours: list[Finding], theirs: list[Finding]) -> list[Finding]:
    """Findings in `ours` with no counterpart in `theirs` (waived ones left out): same code and
    message first, then same code, each matched once."""
    exact = Counter((f.code, f.message) for f in theirs if f.waived is None)
    leftovers = []
    for finding in ours:
        if finding.waived is not None:
            continue
        key = (finding.code, finding.message)
        if exact[key]:
            exact[key] -= 1
        else:
            leftovers.append(finding)
    loose = Counter(code for (code, _), count in exact.items() for _ in range(count))
    unmatched = []
    for finding in leftovers:
        if loose[finding.code]:
            loose[finding.code] -= 1
        else:
            unmatched.append(finding)
    return unmatched


# -- reverting ---------------------------------------------------------------------------------


def revert_edit(change: Change, baseline: Org, current: Org) -> Edit:
    """The edit (from `orgdesign.edits`, so undoable) that gives `current` the baseline's value back."""
    if isinstance(change, Entry):
        if change.person.id in current:
            return RemovePerson(change.person.id)
        return _restore(baseline[change.person.id], baseline, current)
    if isinstance(change, Renamed):
        return _undo_rename(baseline[change.old.id], current[change.new.id], baseline, current)
    if isinstance(change, Move):
        person = baseline[change.person.id]
        back = MovePerson(person.id, person.reports_to)
        return Batch([back, BackInOrder(person.id, baseline, required=False)], f"move {person.name} back")
    if isinstance(change, Reordered):
        return BackInOrder(change.person.id, baseline)
    if isinstance(change, FieldChange):
        return UpdatePerson(change.person.id, **{change.field: getattr(baseline[change.person.id], change.field)})
    return _org_field_back(change, baseline, current)


class BackInOrder(Edit):
    """Put a person back in the baseline's order among their colleagues (a `PlaceAmongSiblings`
    worked out when applied, so that it can follow the edit putting them back under their manager).

    `required`: refuse when they are in order already (else do nothing).
    """

    def __init__(self, pid: str, baseline: Org, *, required: bool = True) -> None:
        super().__init__()
        self.pid = self.subject = pid
        self.baseline, self.required = baseline, required
        self.description = "reorder"

    def plan(self, org: Org) -> Patch:
        index = place_in_baseline_order(self.pid, self.baseline, org)
        if index is None and self.required:
            raise EditRefused(f"{org[self.pid].name} is already in the baseline's order")
        if index is None:
            return Patch()
        place = PlaceAmongSiblings(self.pid, index)
        patch = place.plan(org)
        self.description = place.description
        return patch


def place_in_baseline_order(pid: str, baseline: Org, current: Org) -> int | None:
    """Where among their colleagues (the others, 0: first) `pid` goes to be in the baseline's order
    again, or None when they are in it already.

    The colleagues who are in order among themselves stay put; `pid` moves the least that puts them
    between the nearest of those before them in the baseline and the nearest after, so the longest
    run in order grows by one and nobody else moves.
    """
    person, old = current.get(pid), baseline.get(pid)
    if person is None:
        raise EditRefused(f"there is nobody with id {pid!r} any more")
    manager = person.reports_to
    if old is None or old.reports_to != manager:
        return None  # not among the same colleagues as in the baseline: no order to go back to
    shown = siblings(current, manager)
    others = [s for s in shown if s != pid]
    rest = [s for s in others if s in baseline and current[s].reports_to == baseline[s].reports_to == manager]
    out = out_of_order(baseline, current, rest)
    kept = [s for s in rest if s not in out]
    before = [s for s in kept if baseline.seq(s) < baseline.seq(pid)]
    after = [s for s in kept if baseline.seq(s) > baseline.seq(pid)]
    lowest = others.index(before[-1]) + 1 if before else 0
    highest = others.index(after[0]) if after else len(others)
    now = shown.index(pid)
    if lowest <= now <= highest:
        return None
    return lowest if now < lowest else highest


def _restore(person: Person, baseline: Org, current: Org) -> Edit:
    manager = person.reports_to
    if manager is not None and manager not in current:
        raise EditRefused(f"{person.name} reported to {manager!r}, who is not in this layout any more")
    back = AddPerson(replace(person, dotted_to=tuple(t for t in person.dotted_to if t in current)))
    return Batch([back, BackInOrder(person.id, baseline, required=False)], back.description)


def _undo_rename(old: Person, new: Person, baseline: Org, current: Org) -> Edit:
    """Add the old id back where the new one sits, move the new one's reports to it, remove the new one."""
    if old.id in current:
        raise EditRefused(f"the id {old.id!r} is taken again")
    back = replace(new, id=old.id)
    edits: list[Edit] = [AddPerson(back)]
    edits.extend(MovePerson(report, old.id) for report in current.report_ids(new.id))
    edits.append(RemovePerson(new.id))
    edits.append(BackInOrder(old.id, baseline, required=False))
    return Batch(edits, f"give {new.name} the id {old.id} again")


def _org_field_back(change: OrgFieldChange, baseline: Org, current: Org) -> Edit:
    if change.field.startswith("settings."):
        name = change.field.removeprefix("settings.")
        return SetOrgField("settings", replace(current.settings, **{name: getattr(baseline.settings, name)}))
    return SetOrgField(change.field, getattr(baseline, change.field))


def subject_of(change: Change) -> str | None:
    """The person a change is about (to jump to), None for a change to the layout itself."""
    if isinstance(change, Renamed):
        return change.new.id
    if isinstance(change, OrgFieldChange):
        return None
    return change.person.id


# -- one-off comparison (the diff command) -------------------------------------------------------


Rules = Callable[[Org], Iterable[Finding]]


def diff_orgs(old: Org, new: Org, validate: Rules | None = None) -> OrgDiff:
    """The differences from `old` to `new`; `validate` defaults to the rules engine."""
    if validate is None:
        from orgdesign.rules import Validator

        return Comparison(old, new, Validator(old), Validator(new)).summary()
    return Comparison(old, new, FixedFindings(validate(old)), FixedFindings(validate(new))).summary()
