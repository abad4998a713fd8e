"""What both readers (the full one and the canonical fast path) and the dumper agree on.

`PERSON_FIELDS` is the table of a person's layout fields, in the order a layout writes them.
It is derived from `model.Person`, where each layout field is declared once with its `Kind`:
every format maps kinds (not field names) to its writer and reader, so a new field of an
existing kind needs no change here or in any format.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from operator import attrgetter
from typing import Any

from orgdesign.model import Kind, Person

FORMAT_VERSION = "1"
WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]*")
"""How a whole number is written: no sign, no leading zeros, no underscores."""


@dataclasses.dataclass(frozen=True, slots=True)
class PersonField:
    """One layout field of a person."""

    name: str
    """The `Person` attribute and the field's key in the layout (the exports use it too)."""
    kind: Kind
    required: bool
    default: object
    """The value of an unset optional field, which the layout leaves out (unused when required)."""


PERSON_FIELDS: tuple[PersonField, ...] = tuple(
    PersonField(spec.name, spec.metadata["kind"], spec.metadata["required"], spec.default)
    for spec in dataclasses.fields(Person)
    if "kind" in spec.metadata
)
PERSON_KEYS: tuple[str, ...] = tuple(spec.name for spec in PERSON_FIELDS)
REQUIRED_PERSON_KEYS: tuple[str, ...] = tuple(spec.name for spec in PERSON_FIELDS if spec.required)


def field_values(
    fields: Sequence[PersonField], convert: Mapping[Kind, Callable[[Any], object]]
) -> Callable[[Person], list[Any]]:
    """A function giving a person's values of `fields`, in order, each of a kind in `convert` converted.

    For the exports, which call it once per person: the values are read in one call and only the
    kinds that need it are converted, which runs as fast as code written out field by field.
    """
    read = attrgetter(*(spec.name for spec in fields))
    values = read if len(fields) > 1 else lambda person: (read(person),)  # one name gives the value, not a tuple
    conversions = [(index, convert[spec.kind]) for index, spec in enumerate(fields) if spec.kind in convert]

    def person_values(person: Person) -> list[Any]:
        row = list(values(person))
        for index, conversion in conversions:
            row[index] = conversion(row[index])
        return row

    return person_values


def field_by_field(name: str, lines: Iterable[str], namespace: dict[str, Any]) -> Any:
    """The function `name` defined by the source `lines`, with `namespace` as its globals.

    For the two hot loops (dumping a person, the canonical reader's common person): written out
    field by field from `PERSON_FIELDS`, they run as fast as hand-written code, where a loop over
    the table costs half as much again. The source is made from the table alone (field names
    are identifiers), never from input; the dataclasses module builds `__init__` the same way.
    """
    exec("\n".join(lines), namespace)
    return namespace[name]


def catalogue_codes() -> Collection[str]:
    """The rule codes waivers and `settings.disable` may name."""
    from orgdesign.rules import known_codes  # imported late: the rules import the model

    return known_codes()


def retired_rule(code: str) -> tuple[str | None, str] | None:
    """For a retired rule code: the live code it now goes by (None when its rule was removed)
    and what to tell the user; None for a code that never existed."""
    from orgdesign.rules.registry import retirement_notice, successor  # imported late, as above

    notice = retirement_notice(code)
    return None if notice is None else (successor(code), notice)
