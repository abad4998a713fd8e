"""Three-way merge of layouts by person id, for `orgdesign merge` (a git merge driver).

Each person is merged field by field against the common ancestor: a field changed on one side
takes that side's value, a field changed the same way on both sides is taken once, and only a
field changed differently on both sides is a conflict. Lists that are sets in meaning
(`dotted_to`, `settings.disable`, `settings.aliases`) merge item by item and never conflict;
waivers merge by rule code. A person removed on one side and changed on the other is a
conflict; removed on one side and untouched on the other, they are gone. The org's own fields
(name, profile, settings field by field, units by id) merge the same way, and comments are
kept from both sides.

Order: people are written in tree order, and siblings keep the order of the side that
reordered anything (ours when both did); people only the other side added come after.

`merged_text` writes the result: the canonical layout, and for each conflict the block of just
that person (or top-level key) once as ours and once as theirs between standard conflict
markers, so that `git diff` shows them and the designer can offer to pick a side.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from orgdesign.layout.comments import TOP_KEY_ORDER
from orgdesign.layout.conflicts import marked
from orgdesign.layout.dumper import dump_layout, scalar
from orgdesign.model import Org, Person, Settings, Unit, Waiver

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
Side = Literal["ours", "theirs"]

_ABSENT: Any = object()
"""A value no side has: the base of a field when the person (or the whole file) is new."""

PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(Person) if f.compare and f.name != "id")
SETTINGS_FIELDS = tuple(f.name for f in dataclasses.fields(Settings))
ORG_KEYS = ("name", "profile", "settings", "units")
"""The top-level keys merged as a whole block each (people are merged one by one)."""
_SET_LIKE = frozenset({"dotted_to", "disable", "aliases"})


class _Conflicted(Exception):
    """Both sides changed a value differently."""


@dataclass(frozen=True, slots=True)
class PersonConflict:
    """Someone both sides changed differently: each side's version (None: removed) and the fields in question."""

    id: str
    ours: Person | None
    theirs: Person | None
    fields: tuple[str, ...]

    def describe(self) -> str:
        if self.ours is None or self.theirs is None:
            removed, kept = ("ours", self.theirs) if self.ours is None else ("theirs", self.ours)
            assert kept is not None
            return f"{kept.name} ({self.id}): removed on {removed}, changed on the other side"
        return f"{self.ours.name} ({self.id}): both sides changed {', '.join(self.fields)}"


@dataclass(frozen=True, slots=True)
class OrgConflict:
    """A top-level key (name, profile, settings, units) both sides changed differently."""

    key: str

    def describe(self) -> str:
        return f"the layout's {self.key}: both sides changed it"


@dataclass
class MergeResult:
    """The merge: with each conflict taken from ours in `ours_view`, and from theirs in `theirs_view`."""

    fields: dict[Side, dict[str, Any]]
    people: dict[Side, list[Person]]
    comments: dict[str, tuple[str, ...]]
    person_conflicts: list[PersonConflict]
    org_conflicts: list[OrgConflict]

    @property
    def clean(self) -> bool:
        return not self.person_conflicts and not self.org_conflicts

    @functools.cached_property
    def ours_view(self) -> Org:
        return self.view("ours")

    @functools.cached_property
    def theirs_view(self) -> Org:
        return self.view("theirs")

    @property
    def org(self) -> Org:
        """The merged org (when `clean`, both views are this one)."""
        return self.ours_view

    def view(self, side: Side) -> Org:
        fields = self.fields[side]
        org = Org(
            fields["name"],
            self.people[side],
            profile=fields["profile"],
            settings=fields["settings"],
            units=fields["units"],
        )
        org.comments = self.comments
        return org


def empty_base() -> Org:
    """The ancestor of a layout both sides added (git gives the driver an empty file)."""
    return Org("")


def merge_orgs(base: Org, ours: Org, theirs: Org) -> MergeResult:
    """Merge `ours` and `theirs`, both descended from `base`."""
    people_ours: list[Person] = []
    people_theirs: list[Person] = []
    person_conflicts: list[PersonConflict] = []
    for pid in _merged_order(base, ours, theirs):
        merged = _merge_person(base.get(pid), ours.get(pid), theirs.get(pid))
        if isinstance(merged, PersonConflict):
            person_conflicts.append(merged)
            mine, other = merged.ours, merged.theirs
        else:
            mine = other = merged
        if mine is not None:
            people_ours.append(mine)
        if other is not None:
            people_theirs.append(other)
    org_conflicts: list[OrgConflict] = []
    fields_ours: dict[str, Any] = {}
    fields_theirs: dict[str, Any] = {}
    for key, merge in _ORG_MERGERS.items():
        try:
            fields_ours[key] = fields_theirs[key] = merge(base, ours, theirs)
        except _Conflicted:
            org_conflicts.append(OrgConflict(key))
            fields_ours[key], fields_theirs[key] = getattr(ours, key), getattr(theirs, key)
    return MergeResult(
        {"ours": fields_ours, "theirs": fields_theirs},
        {"ours": people_ours, "theirs": people_theirs},
        _merged_comments(base.comments, ours.comments, theirs.comments),
        person_conflicts,
        org_conflicts,
    )


# -- one value, three versions -----------------------------------------------------------


def three_way(base: T, ours: T, theirs: T) -> T:
    """The merged value; raises `_Conflicted` when both sides changed it differently."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    raise _Conflicted


def merged_set(base: Iterable[T], ours: Sequence[T], theirs: Sequence[T]) -> tuple[T, ...]:
    """Items in the order of ours, then theirs: each kept unless a side that changed it removed it."""
    in_base = set(base)
    in_ours = set(ours)
    in_theirs = set(theirs)
    kept: dict[T, None] = {}
    for item in (*ours, *theirs):
        present = in_theirs if (item in in_ours) == (item in in_base) else in_ours
        if item in present:
            kept[item] = None
    return tuple(kept)


def merged_by_key(
    base: Sequence[T], ours: Sequence[T], theirs: Sequence[T], key: Callable[[T], Hashable]
) -> tuple[T, ...]:
    """Items matched by `key` and merged three-way each, in the order of the side that reordered or inserted (ours
    if both), then the other side's additions."""
    by_base = {key(item): item for item in base}
    by_ours = {key(item): item for item in ours}
    by_theirs = {key(item): item for item in theirs}
    first, second = (by_theirs, by_ours) if list(by_ours) == list(by_base) else (by_ours, by_theirs)
    kept = []
    for name in dict.fromkeys([*first, *second]):
        item = three_way(by_base.get(name), by_ours.get(name), by_theirs.get(name))
        if item is not None:
            kept.append(item)
    return tuple(kept)


def _field(base: Any, ours: Any, theirs: Any, name: str) -> Any:
    """One field merged: as a whole when at most one side changed it (kept exactly), else by its kind."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if name in _SET_LIKE:
        return merged_set(() if base is _ABSENT else base, ours, theirs)
    if name == "allow":
        return merged_by_key(() if base is _ABSENT else base, ours, theirs, _waiver_rule)
    return three_way(base, ours, theirs)


def _waiver_rule(waiver: Waiver) -> str:
    return waiver.rule


# -- people ------------------------------------------------------------------------------


def _merge_person(base: Person | None, ours: Person | None, theirs: Person | None) -> Person | PersonConflict | None:
    if ours == theirs or theirs == base:
        return _with_comments(ours, base, theirs)
    if ours == base:
        return _with_comments(theirs, base, ours)
    if ours is None or theirs is None:
        changed = ours if theirs is None else theirs  # the side that kept them changed them
        assert changed is not None, "ours and theirs differ, so not both are None"
        return PersonConflict(changed.id, ours, theirs, ())
    values: dict[str, Any] = {}
    ours_values: dict[str, Any] = {}
    theirs_values: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        mine, other = getattr(ours, name), getattr(theirs, name)
        try:
            values[name] = _field(_ABSENT if base is None else getattr(base, name), mine, other, name)
        except _Conflicted:
            ours_values[name], theirs_values[name] = mine, other
    merged = _with_comments(replace(ours, **values), base, theirs)
    assert merged is not None
    if not ours_values:
        return merged
    return PersonConflict(ours.id, replace(merged, **ours_values), replace(merged, **theirs_values), tuple(ours_values))


def _with_comments(kept: Person | None, base: Person | None, other: Person | None) -> Person | None:
    """`kept`, carrying the comments the other side added too."""
    if kept is None or other is None or other.comments == kept.comments:
        return kept
    comments = merged_set(() if base is None else base.comments, kept.comments, other.comments)
    return replace(kept, comments=comments)


def _merged_order(base: Org, ours: Org, theirs: Org) -> list[str]:
    """Everyone in any version: in the order of the side that reordered (ours if both), then the rest."""
    base_order = list(base.ids())
    ours_order = list(ours.ids())
    theirs_order = list(theirs.ids())
    first, second = (theirs_order, ours_order) if ours_order == base_order else (ours_order, theirs_order)
    return list(dict.fromkeys([*first, *second, *base_order]))


# -- the org's own fields ----------------------------------------------------------------


def _merge_settings(base: Org, ours: Org, theirs: Org) -> Settings:
    values = {
        name: _field(getattr(base.settings, name), getattr(ours.settings, name), getattr(theirs.settings, name), name)
        for name in SETTINGS_FIELDS
    }
    return Settings(**values)


def _merge_units(base: Org, ours: Org, theirs: Org) -> tuple[Unit, ...]:
    return merged_by_key(base.units, ours.units, theirs.units, _unit_id)


def _unit_id(unit: Unit) -> str:
    return unit.id


def _merge_attribute(key: str) -> Callable[[Org, Org, Org], Any]:
    def merge(base: Org, ours: Org, theirs: Org) -> Any:
        return three_way(getattr(base, key), getattr(ours, key), getattr(theirs, key))

    return merge


_ORG_MERGERS: dict[str, Callable[[Org, Org, Org], Any]] = {
    "name": _merge_attribute("name"),
    "profile": _merge_attribute("profile"),
    "settings": _merge_settings,
    "units": _merge_units,
}
"""How each of `ORG_KEYS` merges; a `_Conflicted` from one marks that key as a conflict."""


def _merged_comments(
    base: dict[str, tuple[str, ...]], ours: dict[str, tuple[str, ...]], theirs: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    keys = dict.fromkeys([*ours, *theirs])
    merged = {key: merged_set(base.get(key, ()), ours.get(key, ()), theirs.get(key, ())) for key in keys}
    return {key: lines for key, lines in merged.items() if lines}


# -- writing the result ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergedText:
    """The text to write, and each conflict's description at the 1-based line of its `<<<<<<<` marker."""

    text: str
    conflicts: list[tuple[int, str]]


def merged_text(result: MergeResult, labels: tuple[str, str] = ("ours", "theirs")) -> MergedText:
    """The merged layout's text: canonical, with each conflict's two versions between conflict markers."""
    ours_lines = dump_layout(result.ours_view).split("\n")
    if result.clean:
        return MergedText("\n".join(ours_lines), [])
    theirs_lines = dump_layout(result.theirs_view).split("\n")
    layout_lines = ours_lines
    keyed = [(c.key, c.describe()) for c in result.org_conflicts]
    if result.person_conflicts and not (len(result.ours_view) and len(result.theirs_view)):
        # One side kept nobody: its side of a person's block would leave 'people:' empty, which is no
        # list, so the whole list is the conflict ('people: []' against the other side's people).
        keyed.append(("people", "; ".join(c.describe() for c in result.person_conflicts)))
    else:
        keyed += [(_person_key(c.id), c.describe()) for c in result.person_conflicts]
        removed_by_ours = [c.theirs for c in result.person_conflicts if c.ours is None and c.theirs is not None]
        if removed_by_ours:  # they need a place in the text: where theirs would have them under ours' merge
            shown = Org("", [*result.ours_view.people(), *removed_by_ours])
            shown.comments = result.comments
            layout_lines = _people_section_of(dump_layout(shown), ours_lines)
    ours_blocks, theirs_blocks, layout_blocks = _blocks(ours_lines), _blocks(theirs_lines), _blocks(layout_lines)
    replacements = []
    for key, description in keyed:
        start, end = layout_blocks.get(key) or _insertion_point(key, layout_blocks)
        lines = marked(
            _block_lines(ours_lines, ours_blocks.get(key)), _block_lines(theirs_lines, theirs_blocks.get(key)), labels
        )
        replacements.append((start, end, lines, description))
    replacements.sort(key=lambda r: r[0])
    written: list[str] = []
    conflicts: list[tuple[int, str]] = []
    done = 0
    for start, end, lines, description in replacements:
        written.extend(layout_lines[done:start])
        conflicts.append((len(written) + 1, description))
        written.extend(lines)
        done = end
    written.extend(layout_lines[done:])
    return MergedText("\n".join(written), conflicts)


def _people_section_of(shown_text: str, layout_lines: list[str]) -> list[str]:
    """`layout_lines` with its people section taken from `shown_text` (a dump that has more people)."""
    shown = shown_text.split("\n")
    return layout_lines[: _people_key_line(layout_lines)] + shown[_people_key_line(shown) :]


def _people_key_line(lines: Sequence[str]) -> int:
    return next(index for index, line in enumerate(lines) if line.startswith("people:"))


def _person_key(pid: str) -> str:
    return f"  - id: {scalar(pid)}"


def _blocks(lines: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Where each top-level key's block and each person's block is in canonical layout lines.

    A person's block is its `  - id:` line and the field lines under it; a key's block is its
    line and the lines indented under it (for `people`, everyone). Comment lines above a person
    or a key stay outside its block.
    """
    blocks: dict[str, tuple[int, int]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("  - id: "):
            end = _end_of_block(lines, index, "    ")
            blocks[line] = (index, end)
        elif line and line[0].isalpha():
            key = line.split(":", 1)[0]
            blocks[key] = (index, _end_of_block(lines, index, " "))
            end = index + 1 if key == "people" else blocks[key][1]  # the people's own blocks are inside
        else:
            end = index + 1
        index = end
    return blocks


def _end_of_block(lines: Sequence[str], start: int, indent: str) -> int:
    end = start + 1
    while end < len(lines) and lines[end].startswith(indent):
        end += 1
    return end


def _block_lines(lines: Sequence[str], span: tuple[int, int] | None) -> list[str]:
    return [] if span is None else list(lines[span[0] : span[1]])


def _insertion_point(key: str, blocks: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """An empty span where the top-level `key`, absent from the text, would go: before the next key present."""
    later = TOP_KEY_ORDER[TOP_KEY_ORDER.index(key) + 1 :]
    start = next(blocks[name][0] for name in later if name in blocks)
    return start, start
