"""Reading back the cells of a CSV that `orgdesign export` wrote (see orgdesign/export/csv.py).

Such a file is recognised by its header: every column the exporter writes, the `org` column
included (which no HR system has, and which older exports lacked). Its cells are read exactly:
no spaces trimmed, one leading apostrophe removed (the exporter's guard against spreadsheet
formulas), an empty cell meaning "unset". The structured cells (the organisation, and the
person fields of the kinds in `CELL_READERS`) are parsed here; each parser returns what it
could read and the messages about what it could not.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from orgdesign.export.csv import COLUMNS
from orgdesign.layout.schema import WHOLE_NUMBER, catalogue_codes
from orgdesign.model import PROFILES, Kind, Settings, Unit, Waiver
from orgdesign.roles import ROLE_ALIASES


@dataclass(frozen=True, slots=True)
class OrgCell:
    """What the `org` cell says about the organisation; None where it says nothing usable."""

    name: str | None = None
    profile: str | None = None
    settings: Settings = field(default_factory=Settings)
    units: tuple[Unit, ...] = ()


def written_by_orgdesign(header: Sequence[str]) -> bool:
    return set(COLUMNS) <= set(header)


def parse_json(text: str) -> tuple[Any, str | None]:
    """The JSON value of `text`, or None and why not (nesting too deep for Python included)."""
    try:
        return json.loads(text), None
    except RecursionError:
        return None, "nested too deeply"
    except ValueError as error:
        return None, f"not valid JSON ({error})"


def parse_org_cell(text: str) -> tuple[OrgCell, list[str]]:
    value, failure = parse_json(text)
    if failure is not None or not isinstance(value, dict):
        return OrgCell(), [f"the org cell is {failure or 'not a JSON object'}; the organisation's details are left out"]
    problems: list[str] = []
    unknown = sorted(set(value) - {"name", "profile", "settings", "units"})
    if unknown:
        problems.append(f"the org cell has unknown keys {', '.join(map(repr, unknown))}; they are ignored")
    name = _text_or_none(value.get("name"))
    if "name" in value and name is None:
        problems.append("the org's name must be a non-empty text; the default name is used")
    profile = value.get("profile")
    if profile is not None and profile not in PROFILES:
        problems.append(f"unknown profile {profile!r} (one of {', '.join(PROFILES)}); the default profile is used")
        profile = None
    settings = _settings(value.get("settings", {}), problems)
    units = _units(value.get("units", []), problems)
    return OrgCell(name, profile, settings, units), problems


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _settings(value: object, problems: list[str]) -> Settings:
    if not isinstance(value, dict):
        problems.append("the org's settings must be a JSON object; the defaults are used")
        return Settings()
    default = Settings()
    limits = {key: _limit(value.get(key, getattr(default, key)), key, problems) for key in ("max_span", "max_layers")}
    return Settings(
        max_span=limits["max_span"] or default.max_span,
        max_layers=limits["max_layers"] or default.max_layers,
        disable=_names(value.get("disable", []), catalogue_codes(), problems, "settings.disable", "a rule code"),
        aliases=_names(value.get("aliases", []), ROLE_ALIASES, problems, "settings.aliases", "an alias"),
    )


def _limit(value: object, key: str, problems: list[str]) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    problems.append(f"settings.{key} must be a whole number of at least 1, not {value!r}; the default is used")
    return None


def _units(value: object, problems: list[str]) -> tuple[Unit, ...]:
    if not isinstance(value, list):
        problems.append("the org's units must be a JSON list; none are read")
        return ()
    units: dict[str, Unit] = {}
    for item in value:
        unit_id = _text_or_none(item.get("id")) if isinstance(item, dict) else None
        unit_name = _text_or_none(item.get("name")) if isinstance(item, dict) else None
        if unit_id is None or unit_name is None:
            problems.append(
                f"each unit must be {{'id': ..., 'name': ...}} with non-empty texts, not {item!r}; left out"
            )
        elif unit_id in units:
            problems.append(f"duplicate unit id {unit_id!r}; the first one is kept")
        else:
            units[unit_id] = Unit(unit_id, unit_name)
    return tuple(units.values())


def _names(value: object, known: Collection[str], problems: list[str], where: str, what: str) -> tuple[str, ...]:
    """The items of a JSON list that are among `known`; a problem for each that is not."""
    if not isinstance(value, list):
        problems.append(f"{where} must be a JSON list; it is left empty")
        return ()
    names = []
    for item in value:
        if isinstance(item, str) and item in known:
            names.append(item)
        else:
            problems.append(f"{where}: {item!r} is not {what}; left out")
    return tuple(names)


def parse_waivers(text: str, field: str) -> tuple[tuple[Waiver, ...], list[str]]:
    value, failure = parse_json(text)
    if failure is not None or not isinstance(value, list):
        return (), [f"{field} is {failure or 'not a JSON list'}; the waivers are left out"]
    known = catalogue_codes()
    waivers: list[Waiver] = []
    problems: list[str] = []
    for item in value:
        waiver = _waiver(item, known)
        if waiver is None:
            problems.append(f"a waiver must be {{'rule': CODE, 'reason': why}}, not {item!r}; left out")
        else:
            waivers.append(waiver)
    return tuple(waivers), problems


def _waiver(item: object, known: Collection[str]) -> Waiver | None:
    if not isinstance(item, dict) or set(item) != {"rule", "reason"}:
        return None
    rule, reason = item["rule"], item["reason"]
    if not isinstance(rule, str) or rule not in known or not isinstance(reason, str) or not reason.strip():
        return None
    return Waiver(rule, reason)


def parse_id_list(text: str, field: str) -> tuple[tuple[str, ...], list[str]]:
    """Ids joined with ';', or a JSON list of ids when the cell starts with '['."""
    if not text.startswith("["):
        items: list[object] = list(text.split(";"))
    else:
        value, failure = parse_json(text)
        if failure is not None or not isinstance(value, list):
            return (), [f"{field} is {failure or 'not a JSON list'}; the ids are left out"]
        items = value
    ids = tuple(item for item in items if isinstance(item, str) and item)
    problems = [] if len(ids) == len(items) else [f"{field} has an empty or non-text id; it is left out"]
    return ids, problems


def parse_count(text: str, field: str) -> tuple[int | None, list[str]]:
    if WHOLE_NUMBER.fullmatch(text):
        try:
            return int(text), []
        except ValueError:  # more digits than Python converts
            pass
    return None, [f"{field} must be a whole number of at least 0, not {text!r}; left out"]


def parse_flag(text: str, field: str) -> tuple[bool, list[str]]:
    """'true' or 'false'; an empty text is false, as an empty cell is."""
    if text in ("", "false", "true"):
        return text == "true", []
    return False, [f"{field} must be true or false, not {text!r}; false is used"]


CELL_READERS: dict[Kind, Callable[[str, str], tuple[Any, list[str]]]] = {
    Kind.REFERENCES: parse_id_list,
    Kind.COUNT: parse_count,
    Kind.FLAG: parse_flag,
    Kind.WAIVERS: parse_waivers,
}
"""How a cell of each kind `export.csv.CELL_TEXTS` converts is read back: `reader(text, field)` gives
the value and the problems found (the cells of the other kinds hold their texts as they are)."""
