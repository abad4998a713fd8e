"""Reading a layout from libyaml's event stream straight into an `Org`.

Why events and not `yaml.safe_load`: PyYAML's constructor follows YAML 1.1 typing (`0123`
becomes 83, `No` becomes False), lets duplicate keys silently win, forgets where each value
was, and is 5-8 times slower than the C parser alone. Here every scalar is read by the
schema (its text exactly as written), every node keeps its line and column, and a
10,000-person file loads in under twice the time it takes libyaml just to parse it.

Nothing is ever constructed from a tag, so a layout can never run code. Tags, anchors and
aliases are all refused: a layout has no use for them, and refusing aliases outright is the
simplest rule that makes alias-expansion bombs harmless.

The layout's structure has a fixed, shallow depth; anything nested deeper is skipped with a
loop, never with recursion.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, TypeVar

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from orgdesign.layout.canonical import read_canonical_bytes
from orgdesign.layout.comments import END_OF_FILE, CommentWatch
from orgdesign.layout.conflicts import conflict_errors
from orgdesign.layout.errors import LayoutError, LoadError, LoadWarning, shown
from orgdesign.layout.nesting import MAX_NESTING, TOO_DEEP, excess_nesting
from orgdesign.layout.schema import (
    FORMAT_VERSION,
    PERSON_FIELDS,
    REQUIRED_PERSON_KEYS,
    WHOLE_NUMBER,
    catalogue_codes,
    retired_rule,
)
from orgdesign.layout.source import bytes_error, decode, refuse_foreign_encoding
from orgdesign.layout.syntax import syntax_error
from orgdesign.model import DEFAULT_PROFILE, PROFILES, Kind, Org, Person, Settings, Unit, Waiver
from orgdesign.roles import ROLE_ALIASES, ROLE_IDS, ROLES, role_meant_by

# The C parser when PyYAML was built with libyaml (every wheel is); same events either way.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PLAIN = ""
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_YAML_TRUE_WORDS = frozenset({"yes", "y", "on"})
_YAML_FALSE_WORDS = frozenset({"no", "n", "off"})
_CORE_TAG_PREFIX = "tag:yaml.org,2002:"

INVALID: Any = object()
"""A value that was present but wrong; its error is already reported."""


class _Abandoned(Exception):
    """Reading cannot go on past this error (like a syntax error)."""

    def __init__(self, error: LoadError) -> None:
        super().__init__(str(error))
        self.error = error


def read_layout(data: bytes, path: str, known_rules: Collection[str] | None) -> Org:
    """The org in the UTF-8 bytes `data`, or a `LayoutError` with every error found, in file order."""
    refuse_foreign_encoding(data, path)
    if conflicts := conflict_errors(data, path):
        raise LayoutError(conflicts)
    with _collector_paused():
        org = read_canonical_bytes(data, known_rules)  # None unless canonical and valid
        if org is not None:
            return org
        return _Reader(data, path, known_rules).read()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while a layout is read.

    The parser makes three objects per event and the org keeps many of them: with the
    collector on, it walks the growing heap again and again, which costs about a fifth of
    the load time of a large layout. Reading creates no reference cycles, so nothing is
    lost by collecting later.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Reader:
    def __init__(self, data: bytes, path: str, known_rules: Collection[str] | None) -> None:
        self.data = data
        self.path = path
        self.known_rules = known_rules
        self.next_event: Callable[[], Event] = _Parser(data).get_event
        self.comments: CommentWatch | None = None
        if b"#" in data:  # a file without one pays nothing for keeping comments
            self.comments = CommentWatch(data.decode("utf-8", "replace"), self.next_event)
            self.next_event = self.comments
        self.errors: list[LoadError] = []
        self.org_fields: dict[str, Any] = {}
        self.people: list[Person] = []
        self.line_of_id: dict[str, int] = {}
        self.unit_references: list[tuple[str, Event]] = []
        self.rule_references: list[tuple[str, Event]] = []
        self.warnings: list[LoadWarning] = []
        self.renamed_rules: dict[str, str] = {}
        """Retired rule codes named in the file -> the live codes they are read as."""

    # -- the whole file ---------------------------------------------------------------------

    def read(self) -> Org:
        try:
            self.read_stream()
        except yaml.reader.ReaderError as error:
            decode(self.data, self.path)  # raises, saying where and what the bad bytes are
            raise bytes_error(self.data, error.position, self.path, error.reason) from None
        except yaml.MarkedYAMLError as error:
            self.errors.append(self.refusal(error))
        except _Abandoned as abandoned:
            self.errors.append(abandoned.error)
        else:
            self.check_references()
        if self.errors:
            raise LayoutError(sorted(self.errors, key=lambda e: (e.line, e.column)))
        return self.build_org()

    def refusal(self, error: yaml.MarkedYAMLError) -> LoadError:
        """libyaml's error, unless the text nests too deeply: some libyaml releases stop there
        with their own words before the reader sees the level it refuses, so say it our way."""
        too_deep = excess_nesting(self.text())
        mark = error.problem_mark or error.context_mark
        if too_deep is not None and (mark is None or too_deep <= (mark.line, mark.column)):
            line, column = too_deep
            return LoadError(self.path, line + 1, column + 1, TOO_DEEP)
        return syntax_error(error, self.text(), self.path)

    def read_stream(self) -> None:
        self.next_event()  # stream start
        document = self.next_event()
        if isinstance(document, StreamEndEvent):
            what = "is empty" if not self.data.removeprefix(codecs.BOM_UTF8).strip() else "holds only comments"
            self.errors.append(LoadError(self.path, 1, 1, f"the file {what}: {_MINIMAL_LAYOUT}"))
            return
        self.read_top(self.next_event())
        self.next_event()  # document end
        following = self.next_event()
        if isinstance(following, DocumentStartEvent):
            self.error(
                following,
                "a second YAML document starts here: a layout is one document; "
                "remove this '---' and what follows, or move it to its own file",
            )

    def read_top(self, start: Event) -> None:
        if isinstance(start, ScalarEvent) and start.value == "" and start.style == _PLAIN and start.tag is None:
            self.error(start, f"the document is empty: {_MINIMAL_LAYOUT}")
            return
        if not isinstance(start, MappingStartEvent):
            if self.usable(start):
                self.error(start, f"a layout must be a mapping of keys, not {describe(start)}: {_MINIMAL_LAYOUT}")
            self.skip(start)
            return
        if not self.usable(start):
            self.skip(start)
            return
        values = self.read_mapping(start, _TOP_READERS, "the layout")
        if "orgdesign" not in values:
            self.error(start, "not an orgdesign layout: add 'orgdesign: 1' as the first line")
        self.require(start, values, ("name", "people"), "the layout")
        self.org_fields = values

    def build_org(self) -> Org:
        fields = self.org_fields
        people, settings = self.people, fields.get("settings") or Settings()
        if self.comments is not None:
            people = _with_comments(people, self.comments)
        if self.renamed_rules:
            people = [_with_waivers_renamed(person, self.renamed_rules) for person in people]
            settings = replace(settings, disable=_renamed(settings.disable, self.renamed_rules))
        org = Org(
            fields["name"],
            people,
            profile=fields.get("profile") or DEFAULT_PROFILE,
            settings=settings,
            units=fields.get("units") or (),
        )
        org.load_warnings = tuple(self.warnings)
        if self.comments is not None:
            org.comments = {key: tuple(lines) for key, lines in self.comments.by_key.items() if lines}
            if self.comments.at_end():
                org.comments[END_OF_FILE] = tuple(self.comments.at_end())
        return org

    # -- errors and generic nodes ------------------------------------------------------------

    def text(self) -> str:
        return self.data.decode("utf-8", "replace")

    def abandon(self, event: Event, message: str) -> None:
        raise _Abandoned(LoadError(self.path, *_place(event), message))

    def error(self, event: Event, message: str) -> None:
        self.errors.append(LoadError(self.path, *_place(event), message))

    def usable(self, event: Event) -> bool:
        """Report an alias, tag or anchor on this node; False when its value cannot be used."""
        if isinstance(event, AliasEvent):
            self.error(
                event,
                f"alias *{event.anchor} is not allowed: layouts do not use anchors and aliases; "
                "write the value out in full",
            )
            return False
        assert isinstance(event, (ScalarEvent, CollectionStartEvent)), "called only where a node starts"
        if event.anchor is not None:
            self.error(
                event,
                f"anchor &{event.anchor} is not allowed: layouts do not use anchors and aliases; remove it",
            )
        if event.tag is not None:
            self.error(
                event,
                f"tag {shown(_short_tag(event.tag))} is not allowed: a layout never uses YAML tags; remove it",
            )
            return False
        return True

    def skip(self, start: Event) -> None:
        """Consume the rest of the node that begins with `start` (iteratively, at any depth)."""
        if not isinstance(start, (MappingStartEvent, SequenceStartEvent)):
            return
        depth = 1
        while depth:
            event = self.next_event()
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    self.abandon(event, TOO_DEEP)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1

    def read_mapping(self, start: Event, readers: dict[str, FieldReader], where: str) -> dict[str, Any]:
        """Values of the keys of a mapping (INVALID where wrong), reporting bad keys."""
        values: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        while True:
            key = self.next_event()
            if isinstance(key, MappingEndEvent):
                return values
            value = self.take_key(key, key_lines, readers, where)
            if value is None:
                continue
            assert isinstance(key, ScalarEvent), "take_key gives a reader only for a scalar key"
            values[key.value] = value(self, key.value, self.next_event())

    def take_key(
        self, key: Event, key_lines: dict[str, int], readers: dict[str, FieldReader], where: str
    ) -> FieldReader | None:
        """The reader for this key's value; None (value skipped) for a bad or repeated key."""
        reader = None
        if not isinstance(key, ScalarEvent):
            if self.usable(key):
                self.error(key, f"a key in {where} must be a plain word, not {describe(key)}")
            self.skip(key)
        elif self.usable(key):
            name = key.value
            if name in key_lines:
                self.error(key, f"duplicate key {shown(name)} (first at line {key_lines[name]}): remove one of them")
            elif name == "<<":
                self.error(key, "merge keys ('<<') are not supported: write the fields out in full")
            elif name not in readers:
                self.error(key, f"unknown key {shown(name)} in {where}: {_suggest(name, readers)}")
            else:
                reader = readers[name]
            key_lines.setdefault(name, _place(key)[0])
        if reader is None:
            self.skip(self.next_event())
        return reader

    def require(self, start: Event, values: dict[str, Any], names: Iterable[str], where: str) -> None:
        missing = [name for name in names if name not in values]
        if missing:
            self.error(start, f"{where} has no {_listing(missing)}: add {'it' if len(missing) == 1 else 'them'}")

    def read_list(self, start: Event, field: str, read_item: Callable[[Event], Any]) -> Any:
        """A list field: a tuple of its items, () for an empty value, INVALID otherwise."""
        if isinstance(start, ScalarEvent) and start.value == "" and start.style == _PLAIN and self.usable(start):
            return ()
        if not isinstance(start, SequenceStartEvent):
            if self.usable(start):
                self.error(start, f"{field} must be a list, not {describe(start)}")
            self.skip(start)
            return INVALID
        if not self.usable(start):
            self.skip(start)
            return INVALID
        items: list[Any] = []
        valid = True
        while True:
            event = self.next_event()
            if isinstance(event, SequenceEndEvent):
                return tuple(items) if valid else INVALID
            item = read_item(event)
            if item is INVALID:
                valid = False
            else:
                items.append(item)

    def scalar(self, event: Event, field: str) -> ScalarEvent | None:
        """The scalar event of a single value, or None (reported) for anything else."""
        if isinstance(event, ScalarEvent):
            return event if self.usable(event) else None
        if self.usable(event):
            self.error(event, f"{field} must be a single value, not {describe(event)}")
        self.skip(event)
        return None

    # -- people: the hot path ----------------------------------------------------------------

    def read_people(self, field: str, start: Event) -> Any:
        if not isinstance(start, SequenceStartEvent):
            if self.usable(start):
                self.error(start, f"people must be a list of people ('- id: ...'), not {describe(start)}")
            self.skip(start)
            return INVALID
        if not self.usable(start):
            self.skip(start)
            return INVALID
        next_event = self.next_event
        event = next_event()
        while not isinstance(event, SequenceEndEvent):
            if event.__class__ is MappingStartEvent and (event.tag is event.anchor or self.usable(event)):
                event = self.read_person(event)
                continue
            if not isinstance(event, MappingStartEvent) and self.usable(event):
                self.error(
                    event, f"each person must be a mapping (id: ..., name: ..., role: ...), not {describe(event)}"
                )
            self.skip(event)
            event = next_event()
        return True

    def read_person(self, start: MappingStartEvent) -> Event:
        """One person; returns the event after it.

        The common case (plain keys, untagged scalar values) takes a short path: each value
        is converted as soon as it is read, by a converter that may trust it is a clean
        scalar. The person is checked for missing fields only once the next event parsed:
        after a misindented line libyaml closes the mapping before reporting the syntax
        error, and "this person has no 'role'" would send the user the wrong way.
        """
        errors_before = len(self.errors)
        fields: dict[str, Any] = {}
        next_event = self.next_event
        scalar_event, clean_values = ScalarEvent, _CLEAN_PERSON_VALUES  # locals: this loop is hot
        while True:
            key = next_event()
            # `tag is anchor` holds only when both are None: an anchor name never holds the '!'
            # every tag has. One test instead of two, on the path every field takes.
            if key.__class__ is scalar_event and key.tag is key.anchor:
                name = key.value
                convert = clean_values.get(name)
                if convert is not None and name not in fields:
                    value = next_event()
                    if value.__class__ is scalar_event and value.tag is value.anchor:
                        fields[name] = convert(self, name, value)
                    else:
                        fields[name] = _PERSON_VALUES[name](self, name, value)
                    continue
            elif key.__class__ is MappingEndEvent:
                break
            self.take_odd_person_key(key, fields)
        following = next_event()
        if not _REQUIRED_PERSON_KEYS.issubset(fields):
            self.require(start, fields, REQUIRED_PERSON_KEYS, "this person")
        elif len(self.errors) == errors_before:
            line, column = _place(start)
            self.people.append(Person(**fields, line=line, column=column))
        return following

    def take_odd_person_key(self, key: Event, fields: dict[str, Any]) -> None:
        """A repeated, unknown, tagged or non-text key of a person (read or skipped)."""
        if isinstance(key, ScalarEvent) and key.value in fields:
            self.error(key, f"duplicate key {shown(key.value)}: this person already has one; remove one of them")
            self.skip(self.next_event())
            return
        reader = self.take_key(key, {}, _PERSON_VALUES, "a person")
        if reader is not None:
            assert isinstance(key, ScalarEvent), "take_key gives a reader only for a scalar key"
            fields[key.value] = reader(self, key.value, self.next_event())

    # -- references checked once everything is read -----------------------------------------

    def check_references(self) -> None:
        units = self.org_fields.get("units")
        if units is not INVALID:
            declared = {unit.id for unit in units or ()}
            advice: dict[str, str] = {}  # many people may name the same missing unit
            for unit_id, event in self.unit_references:
                if unit_id not in declared:
                    if unit_id not in advice:
                        advice[unit_id] = _suggest(unit_id, declared, "declare it under units")
                    self.error(event, f"unknown unit {shown(unit_id)}: {advice[unit_id]}")
        if self.rule_references:
            known = self.known_rules if self.known_rules is not None else catalogue_codes()
            for code, event in self.rule_references:
                if code not in known:
                    self.check_retired(code, event, known)

    def check_retired(self, code: str, event: Event, known: Collection[str]) -> None:
        """A code not in the catalogue: a warning if it was retired (read as its replacement,
        if any), an error if it never existed."""
        retired = retired_rule(code)
        if retired is None:
            self.error(event, f"unknown rule {shown(code)}: {_suggest_rule(code, known)}")
            return
        replacement, notice = retired
        mark = event.start_mark
        line, column = (1, 1) if mark is None else (mark.line + 1, mark.column + 1)
        self.warnings.append(LoadWarning(self.path, line, column, notice))
        if replacement is not None:
            self.renamed_rules[code] = replacement


FieldReader = Callable[[_Reader, str, Event], Any]
CleanFieldReader = Callable[[_Reader, str, ScalarEvent], Any]
"""A converter that may trust its value is an untagged scalar without an anchor."""


def _place(event: Event) -> tuple[int, int]:
    """The 1-based line and column where `event` starts (the parser marks every event)."""
    mark = event.start_mark
    assert mark is not None, "the parser marks every event"
    return mark.line + 1, mark.column + 1


def _renamed(codes: tuple[str, ...], renamed: Mapping[str, str]) -> tuple[str, ...]:
    """`codes` with each renamed one replaced by its new code, every code once."""
    return tuple(dict.fromkeys(renamed.get(code, code) for code in codes))


def _with_waivers_renamed(person: Person, renamed: Mapping[str, str]) -> Person:
    """`person` with waivers of renamed codes moved to the new codes (the first waiver of a code wins)."""
    if not any(waiver.rule in renamed for waiver in person.allow):
        return person
    reasons: dict[str, str] = {}
    for waiver in person.allow:
        reasons.setdefault(renamed.get(waiver.rule, waiver.rule), waiver.reason)
    return replace(person, allow=tuple(Waiver(code, reason) for code, reason in reasons.items()))


def _with_comments(people: list[Person], comments: CommentWatch) -> list[Person]:
    """`people`, each with the comments that belong to them (found by where each person starts)."""
    by_position = comments.by_person_position
    return [
        dataclasses.replace(person, comments=tuple(lines))
        if (lines := by_position.get((person.line, person.column)))
        else person
        for person in people
    ]


# -- field readers: (reader, field name, first event of the value) -> value or INVALID ------


def _text(reader: _Reader, field: str, event: Event, *, required: bool) -> Any:
    scalar = reader.scalar(event, field)
    if scalar is None:
        return INVALID
    if scalar.value == "":
        if not required and scalar.style == _PLAIN:
            return None
        if required:
            reader.error(scalar, f"{field} is empty: write a value")
            return INVALID
    return scalar.value


def _required_text(reader: _Reader, field: str, event: Event) -> Any:
    return _text(reader, field, event, required=True)


def _optional_text(reader: _Reader, field: str, event: Event) -> Any:
    return _text(reader, field, event, required=False)


def _reference(reader: _Reader, field: str, event: Event) -> Any:
    """An id naming someone or something; plain null, ~ or nothing means none."""
    scalar = reader.scalar(event, field)
    if scalar is None:
        return INVALID
    if scalar.style == _PLAIN and scalar.value in _NULLS:
        return None
    if scalar.value == "":
        reader.error(scalar, f"{field} is empty: write an id, or null for none")
        return INVALID
    return scalar.value


def _person_id(reader: _Reader, field: str, event: Event) -> Any:
    pid = _required_text(reader, field, event)
    if pid is INVALID:
        return INVALID
    first_line = reader.line_of_id.get(pid)
    if first_line is not None:
        reader.error(
            event, f"duplicate id {shown(pid)}: the person at line {first_line} already has it; ids must be unique"
        )
        return INVALID
    reader.line_of_id[pid] = _place(event)[0]
    return pid


def _role(reader: _Reader, field: str, event: Event) -> Any:
    role = _required_text(reader, field, event)
    if role is INVALID or role in ROLES:
        return role
    meant = role_meant_by(role)
    advice = f"did you mean {shown(meant)}?" if meant is not None else _suggest(role, ROLE_IDS)
    reader.error(event, f"unknown role {shown(role)}: {advice}")
    return INVALID


def _unit_reference(reader: _Reader, field: str, event: Event) -> Any:
    unit_id = _reference(reader, field, event)
    if unit_id is not INVALID and unit_id is not None:
        reader.unit_references.append((unit_id, event))
    return unit_id


def _whole_number(reader: _Reader, field: str, event: Event, minimum: int) -> Any:
    scalar = reader.scalar(event, field)
    if scalar is None:
        return INVALID
    text = scalar.value
    if scalar.style == _PLAIN and WHOLE_NUMBER.fullmatch(text):
        try:
            number = int(text)
        except ValueError:  # more digits than Python converts
            reader.error(scalar, f"{field} is far too large")
            return INVALID
        if number >= minimum:
            return number
    reader.error(scalar, f"{field} must be a whole number of at least {minimum}{_number_hint(scalar)}")
    return INVALID


def _number_hint(scalar: ScalarEvent) -> str:
    text = scalar.value
    if text.isdecimal() and text.isascii():
        if scalar.style != _PLAIN:
            return f": write {text} without quotes"
        if text.startswith("0"):
            return f": write {text.lstrip('0') or '0'} without leading zeros"
    return f", not {describe(scalar)}"


def _count(reader: _Reader, field: str, event: Event) -> Any:
    if isinstance(event, ScalarEvent) and event.style == _PLAIN and event.value == "":
        return None
    return _whole_number(reader, field, event, minimum=0)


def _limit(reader: _Reader, field: str, event: Event) -> Any:
    return _whole_number(reader, field, event, minimum=1)


def _flag(reader: _Reader, field: str, event: Event) -> Any:
    scalar = reader.scalar(event, field)
    if scalar is None:
        return INVALID
    word = scalar.value.lower()
    if scalar.style == _PLAIN:
        if word in ("true", "false"):
            return word == "true"
        if word in _YAML_TRUE_WORDS or word in _YAML_FALSE_WORDS:
            meant = "true" if word in _YAML_TRUE_WORDS else "false"
            reader.error(scalar, f"{field} must be true or false: write {meant} instead of {shown(scalar.value)}")
            return INVALID
    if word in ("true", "false"):
        reader.error(scalar, f"{field} must be true or false: write {word} without quotes")
    else:
        reader.error(scalar, f"{field} must be true or false, not {describe(scalar)}")
    return INVALID


def _id_list(reader: _Reader, field: str, event: Event) -> Any:
    return reader.read_list(event, field, lambda item: _required_text(reader, f"an entry of {field}", item))


def _waivers(reader: _Reader, field: str, event: Event) -> Any:
    return reader.read_list(event, field, lambda item: _waiver(reader, item))


def _waiver(reader: _Reader, event: Event) -> Any:
    start = _mapping_start(reader, event, "each entry of allow", "{rule: CODE, reason: why}")
    if start is None:
        return INVALID
    values = reader.read_mapping(start, _WAIVER_READERS, "a waiver")
    reader.require(start, values, WAIVER_KEYS, "this waiver")
    if len(values) < len(WAIVER_KEYS) or INVALID in values.values():
        return INVALID
    return Waiver(values["rule"], values["reason"])


def _rule_code(reader: _Reader, field: str, event: Event) -> Any:
    code = _required_text(reader, field, event)
    if code is not INVALID:
        reader.rule_references.append((code, event))
    return code


def _reason(reader: _Reader, field: str, event: Event) -> Any:
    reason = _optional_text(reader, field, event)
    if reason is not INVALID and not (reason or "").strip():
        reader.error(event, "a waiver needs a reason: say why this exception is accepted")
        return INVALID
    return reason


def _mapping_start(reader: _Reader, event: Event, what: str, example: str) -> Event | None:
    if isinstance(event, MappingStartEvent) and reader.usable(event):
        return event
    if not isinstance(event, MappingStartEvent) and reader.usable(event):
        reader.error(event, f"{what} must be a mapping like {example}, not {describe(event)}")
    reader.skip(event)
    return None


# -- top-level fields ------------------------------------------------------------------------


def _version(reader: _Reader, field: str, event: Event) -> Any:
    scalar = reader.scalar(event, field)
    if scalar is None:
        return INVALID
    if scalar.style != _PLAIN or scalar.value != FORMAT_VERSION:
        reader.error(
            scalar,
            f"unsupported format version {shown(scalar.value)}: this orgdesign reads "
            f"version {FORMAT_VERSION}; write 'orgdesign: {FORMAT_VERSION}'",
        )
        return INVALID
    return int(FORMAT_VERSION)


def _profile(reader: _Reader, field: str, event: Event) -> Any:
    profile = _optional_text(reader, field, event)
    if profile is INVALID or profile is None or profile in PROFILES:
        return profile
    reader.error(event, f"unknown profile {shown(profile)}: {_suggest(profile, PROFILES)}")
    return INVALID


def _settings(reader: _Reader, field: str, event: Event) -> Any:
    if isinstance(event, ScalarEvent) and event.style == _PLAIN and event.value == "" and reader.usable(event):
        return None
    start = _mapping_start(reader, event, "settings", "{max_span: 12}")
    if start is None:
        return INVALID
    values = reader.read_mapping(start, _SETTINGS_READERS, "settings")
    if INVALID in values.values():
        return INVALID
    return Settings(**values)


def _codes(reader: _Reader, field: str, event: Event) -> Any:
    return reader.read_list(event, field, lambda item: _rule_code(reader, "a rule code", item))


def _aliases(reader: _Reader, field: str, event: Event) -> Any:
    return reader.read_list(event, field, lambda item: _alias(reader, "an alias", item))


def _alias(reader: _Reader, field: str, event: Event) -> Any:
    name = _required_text(reader, field, event)
    if name is INVALID or name in ROLE_ALIASES:
        return name
    reader.error(event, f"unknown alias {shown(name)}: {_suggest(name, tuple(ROLE_ALIASES))}")
    return INVALID


def _units(reader: _Reader, field: str, event: Event) -> Any:
    first_place: dict[str, tuple[int, int]] = {}
    return reader.read_list(event, field, lambda item: _unit(reader, item, first_place))


def _unit(reader: _Reader, event: Event, first_place: dict[str, tuple[int, int]]) -> Any:
    start = _mapping_start(reader, event, "each unit", "{id: payments, name: Payments}")
    if start is None:
        return INVALID
    values = reader.read_mapping(start, _UNIT_READERS, "a unit")
    reader.require(start, values, UNIT_KEYS, "this unit")
    if len(values) < len(UNIT_KEYS) or INVALID in values.values():
        return INVALID
    unit_id = values["id"]
    place = _place(start)
    if first_place.setdefault(unit_id, place) != place:
        reader.error(
            start, f"duplicate unit id {shown(unit_id)}: the unit at line {first_place[unit_id][0]} already has it"
        )
        return INVALID
    return Unit(unit_id, values["name"])


# Converters for a value known to be an untagged scalar: the common case, kept short.


def _clean_id(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    pid = event.value
    if pid and pid not in reader.line_of_id:
        reader.line_of_id[pid] = _place(event)[0]
        return pid
    return _person_id(reader, field, event)


def _clean_count(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    text = event.value
    if not event.style and len(text) < 10 and WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return _count(reader, field, event)


def _clean_required_text(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    return event.value or _required_text(reader, field, event)


def _clean_optional_text(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    return event.value if event.value or event.style else None


def _clean_role(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    return event.value if event.value in ROLES else _role(reader, field, event)


def _clean_reference(reader: _Reader, field: str, event: ScalarEvent) -> Any:
    value = event.value
    if value and (event.style or value not in _NULLS):
        return value
    return _reference(reader, field, event)


_TOP_READERS: dict[str, FieldReader] = {
    "orgdesign": _version,
    "name": _required_text,
    "profile": _profile,
    "settings": _settings,
    "units": _units,
    "people": _Reader.read_people,
}
_SETTINGS_READERS: dict[str, FieldReader] = {
    "max_span": _limit,
    "max_layers": _limit,
    "disable": _codes,
    "aliases": _aliases,
}
_UNIT_READERS: dict[str, FieldReader] = {"id": _required_text, "name": _required_text}
_WAIVER_READERS: dict[str, FieldReader] = {"rule": _rule_code, "reason": _reason}
_READERS_BY_KIND: dict[Kind, FieldReader] = {
    Kind.ID: _person_id,
    Kind.TEXT: _optional_text,
    Kind.ROLE: _role,
    Kind.REFERENCE: _reference,
    Kind.REFERENCES: _id_list,
    Kind.UNIT: _unit_reference,
    Kind.COUNT: _count,
    Kind.FLAG: _flag,
    Kind.WAIVERS: _waivers,
}
R = TypeVar("R", FieldReader, CleanFieldReader)

_CLEAN_READERS_BY_KIND: dict[Kind, CleanFieldReader] = {
    **_READERS_BY_KIND,
    Kind.ID: _clean_id,
    Kind.TEXT: _clean_optional_text,
    Kind.ROLE: _clean_role,
    Kind.REFERENCE: _clean_reference,
    Kind.COUNT: _clean_count,
}


def _person_readers(by_kind: Mapping[Kind, R], required_text: R) -> dict[str, R]:
    """Each person field's reader: its kind's, or `required_text` for a required text."""
    return {
        spec.name: required_text if spec.kind is Kind.TEXT and spec.required else by_kind[spec.kind]
        for spec in PERSON_FIELDS
    }


_PERSON_VALUES: dict[str, FieldReader] = _person_readers(_READERS_BY_KIND, _required_text)
_CLEAN_PERSON_VALUES: dict[str, CleanFieldReader] = _person_readers(_CLEAN_READERS_BY_KIND, _clean_required_text)
_REQUIRED_PERSON_KEYS = frozenset(REQUIRED_PERSON_KEYS)

UNIT_KEYS = tuple(_UNIT_READERS)
WAIVER_KEYS = tuple(_WAIVER_READERS)

_MINIMAL_LAYOUT = "a layout needs at least 'orgdesign: 1', 'name: ...' and 'people:'"


# -- wording -------------------------------------------------------------------------------


def describe(event: Event) -> str:
    """What a node is, in words for an error message."""
    if isinstance(event, MappingStartEvent):
        return "a mapping"
    if isinstance(event, SequenceStartEvent):
        return "a list"
    if isinstance(event, ScalarEvent):
        return "an empty value" if event.value == "" and event.style == _PLAIN else shown(event.value)
    return "an alias"


def _listing(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE_TAG_PREFIX) :] if tag.startswith(_CORE_TAG_PREFIX) else tag


def _suggest(word: str, choices: Iterable[str], otherwise: str | None = None) -> str:
    choices = sorted(choices)
    if word.lower() in choices:
        return f"did you mean {shown(word.lower())}?"
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    if close:
        return f"did you mean {shown(close[0])}?"
    if otherwise is not None:
        return otherwise
    return "expected one of " + ", ".join(choices)


def _suggest_rule(code: str, known: Collection[str]) -> str:
    if code.upper() in known:
        return f"did you mean {shown(code.upper())}?"
    return _suggest(code, known, "run 'orgdesign rules' to list the rule codes")
