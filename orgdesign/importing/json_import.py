"""Building an org from JSON: d3-org-chart's flat list and nested trees such as dabeng/OrgChart's.

Two shapes are read, and may be mixed:

- a flat list of objects, each with an id and its manager's id (`id`/`parentId`, as
  d3-org-chart and `orgdesign export --format json` write);
- a tree: an object whose `children` list holds its reports, each again with `children`
  (dabeng/OrgChart's `datasource`, `orgdesign export --format json-tree`). A tree's people
  report to the object they are nested in; without ids, each gets its path ("1", "1.2", ...).

A top-level object that is not a person but holds one list of people (`{"nodes": [...]}`) is
read as that list. Keys are matched like CSV columns (`--id`, `--name`, ... apply); every
problem is reported at the line and column of the object it is about. The virtual root
`orgdesign export` adds above several tops (`"virtual": true`) is left out.

JSON that `orgdesign export` wrote (recognised by its people having every field of the layout)
is read exactly, like an exported CSV: texts as written, and units, products, years, notes,
waivers and the organisation (its `org` object) included. There the chart decides who reports
to whom (the object a person is nested in, or `parentId`); a person at the top of the chart
reports to whom their `reports_to` names, which keeps a manager who is not in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from orgdesign.export.csv import COLUMNS
from orgdesign.export.json import JSON_VALUES
from orgdesign.importing.csv_import import (
    ERROR,
    GUESSES,
    ColumnOptions,
    ExportedRow,
    ImportFailed,
    ImportResult,
    Problem,
    import_exported_rows,
    import_table,
    normalise_header,
)
from orgdesign.importing.titles import TitleMap
from orgdesign.layout.schema import PERSON_FIELDS

CHILDREN = "children"
NESTED_PARENT = "parentId"
PATH_ID = "id"
LAYOUT_KEYS = frozenset(COLUMNS) - {"org"}
"""The keys every person object of an orgdesign export has (the nested export adds `job_title`)."""
LAYOUT_TITLE = "job_title"
"""The nested export's key for the title as the layout has it (its `title` is what a chart shows)."""
STRUCTURED_KEYS = frozenset({"org"} | {spec.name for spec in PERSON_FIELDS if spec.kind in JSON_VALUES})
"""The keys whose value an orgdesign export writes as a JSON list or object."""
READ_BACK_KEYS = LAYOUT_KEYS | {"org", "virtual"}
"""What is read from an object orgdesign exported; the rest (`positionName`, `severity`, ...) is for charts."""


class _Located(dict[str, Any]):
    """A JSON object that knows the line and column of its opening brace."""

    line = 1
    column = 1
    written: list[tuple[str, Any]] | None = None
    """Every key and value as written, kept only when a key repeats (the dict keeps the last value)."""


def _located_object(pairs: list[tuple[str, Any]]) -> _Located:
    located = _Located(pairs)
    if len(located) != len(pairs):
        located.written = pairs
    return located


_UP_TO_AN_OBJECT = re.compile(r'(?:[^"{]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+\{', re.DOTALL)
"""The text up to the next `{` outside strings: one match per JSON object, in the order they are written.
Possessive, so a match never backtracks; each match starts where the last ended, so the scan is linear."""


@dataclass(slots=True)
class _Node:
    item: _Located
    parent: _Located | None
    path: str


def parse_located_json(text: str) -> Any:
    """The JSON value of `text`, every object a `_Located`; `ImportFailed` at the error's line and column."""
    try:
        value = json.loads(text, object_pairs_hook=_located_object)
    except json.JSONDecodeError as error:
        raise ImportFailed([Problem(error.lineno, error.colno, ERROR, f"not valid JSON: {error.msg}")]) from None
    except RecursionError:
        raise ImportFailed([Problem(1, 1, ERROR, "the JSON is nested too deeply to read")]) from None
    _locate_objects(value, text)
    return value


def _locate_objects(value: Any, text: str) -> None:
    """Give each object of `value` the line and column of its brace in `text`, which it was read from.

    The C parser is five times faster than the Python one that can report positions; objects are
    matched afterwards with the braces outside strings, both in the order they are written.
    """
    line, line_start, position = 1, 0, 0
    for located in _objects_in_written_order(value):
        match = _UP_TO_AN_OBJECT.match(text, position)
        if match is None:
            return
        brace = match.end() - 1
        line += text.count("\n", position, brace)
        last_newline = text.rfind("\n", position, brace)
        if last_newline >= 0:
            line_start = last_newline + 1
        located.line, located.column = line, brace - line_start + 1
        position = match.end()


def _objects_in_written_order(value: Any) -> Iterator[_Located]:
    """Every object in `value`, outer before inner, in the order they are written (without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Located):
            yield item
            values = [value for _, value in item.written] if item.written is not None else list(item.values())
        else:
            values = item
        stack.extend(value for value in reversed(values) if isinstance(value, (list, dict)))


def import_json(
    text: str,
    options: ColumnOptions | None = None,
    *,
    layout_name: str | None = None,
    profile: str | None = None,
    default_name: str = "Imported organisation",
    titles: TitleMap | None = None,
) -> ImportResult:
    """Read an org from JSON text; raises `ImportFailed` when it holds no people at all."""
    people = _people_list(parse_located_json(text.removeprefix("\ufeff")))
    nodes = list(_walk(people))
    if not nodes:
        raise ImportFailed([Problem(1, 1, ERROR, "the JSON holds no people (objects with an id or a name)")])
    header = _header(nodes)
    virtual = {_scalar(node.item.get("id")) for node in nodes if node.item.get("virtual") is True}
    if (options is None or options == ColumnOptions()) and _written_by_orgdesign(nodes):
        return _import_exported(nodes, header, virtual, layout_name, profile, default_name)
    nested = any(node.parent is not None for node in nodes) and not _has_guessed(header, "parent")
    with_paths = not _has_guessed(header, "id")
    if nested:
        header.append(NESTED_PARENT)
    if with_paths:
        header.append(PATH_ID)
    parent_keys = {key for key in header if normalise_header(key) in GUESSES["parent"]}
    records = [
        (node.item.line, _cells(node, header, nested, with_paths, virtual, parent_keys))
        for node in nodes
        if node.item.get("virtual") is not True
    ]
    return import_table(
        header,
        records,
        options or ColumnOptions(),
        layout_name=layout_name,
        profile=profile,
        default_name=default_name,
        titles=titles,
        object_columns={node.item.line: node.item.column for node in nodes},
    )


def _people_list(value: Any) -> list[Any]:
    """The top-level people: a list, a tree's root, or the one list of objects a wrapper holds."""
    if isinstance(value, list):
        return value
    if isinstance(value, _Located):
        lists = [item for item in value.values() if isinstance(item, list) and any(isinstance(i, dict) for i in item)]
        looks_like_a_person = CHILDREN in value or _has_guessed(list(value), "id") or _has_guessed(list(value), "name")
        if not looks_like_a_person and len(lists) == 1:
            return lists[0]
        return [value]
    raise ImportFailed([Problem(1, 1, ERROR, "the JSON must be a list of people or a tree of people (an object)")])


def _walk(people: list[Any]) -> Iterator[_Node]:
    """Every person object, parents before their children, without recursion (trees can be deep)."""
    stack: list[tuple[Any, _Located | None, str]] = [
        (item, None, str(index)) for index, item in reversed(list(enumerate(people, start=1)))
    ]
    while stack:
        item, parent, path = stack.pop()
        if not isinstance(item, _Located):
            continue
        yield _Node(item, parent, path)
        children = item.get(CHILDREN)
        if isinstance(children, list):
            stack.extend(
                (child, item, f"{path}.{index}") for index, child in reversed(list(enumerate(children, start=1)))
            )


def _header(nodes: list[_Node]) -> list[str]:
    keys: dict[str, None] = {}
    for node in nodes:
        keys.update(dict.fromkeys(key for key in node.item if key != CHILDREN))
    return list(keys)


def _has_guessed(keys: list[str], field_name: str) -> bool:
    return any(normalise_header(key) in GUESSES[field_name] for key in keys)


def _cells(
    node: _Node, header: list[str], nested: bool, with_paths: bool, virtual: set[str], parent_keys: set[str]
) -> list[str]:
    """The object's values in header order; a manager that is the virtual root is no manager."""
    values = {key: _scalar(value) for key, value in node.item.items() if key != CHILDREN}
    if nested and node.parent is not None:
        values[NESTED_PARENT] = _scalar(node.parent.get("id")) if not with_paths else _parent_path(node.path)
    if with_paths:
        values[PATH_ID] = node.path
    for key in parent_keys:
        if values.get(key) in virtual:
            values[key] = ""
    return [values.get(key, "") for key in header]


def _parent_path(path: str) -> str:
    return path.rsplit(".", 1)[0]


def _scalar(value: Any) -> str:
    """A JSON value as the text a CSV cell would hold: numbers as written, lists of ids joined with ';'."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ";".join(_scalar(item) for item in value if not isinstance(item, (list, dict)))
    return str(value)


def _written_by_orgdesign(nodes: list[_Node]) -> bool:
    person = next((node.item for node in nodes if node.item.get("virtual") is not True), None)
    return person is not None and person.keys() >= LAYOUT_KEYS


def _import_exported(
    nodes: list[_Node],
    header: list[str],
    virtual: set[str],
    layout_name: str | None,
    profile: str | None,
    default_name: str,
) -> ImportResult:
    problems: list[Problem] = []
    rows = [(node.item.line, _exported_row(node, virtual, problems)) for node in nodes]
    return import_exported_rows(
        rows,
        header,
        problems=problems,
        layout_name=layout_name,
        profile=profile,
        default_name=default_name,
        object_columns={node.item.line: node.item.column for node in nodes},
    )


def _exported_row(node: _Node, virtual: set[str], problems: list[Problem]) -> ExportedRow:
    """The object's fields as the texts an exported CSV row holds (lists and objects as JSON)."""
    item = node.item
    cells = {key: _exported_cell(item, key, problems) for key in READ_BACK_KEYS.intersection(item)}
    if LAYOUT_TITLE in item:
        cells["title"] = _exported_cell(item, LAYOUT_TITLE, problems)
    manager = _chart_manager(node, virtual)
    if manager is not None:
        cells["reports_to"] = manager
    return cells.get


def _exported_cell(item: _Located, key: str, problems: list[Problem]) -> str | None:
    value = item[key]
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        if key in STRUCTURED_KEYS:  # an empty list or object says nothing: no dotted lines, no waivers
            return json.dumps(value, ensure_ascii=False) if value else None
        problems.append(
            Problem(item.line, item.column, ERROR, f"{key} must be a text, not a JSON {_kind(value)}; left out")
        )
        return None
    return _scalar(value)


def _kind(value: list[Any] | dict[str, Any]) -> str:
    return "list" if isinstance(value, list) else "object"


def _chart_manager(node: _Node, virtual: set[str]) -> str | None:
    """The id of the person above `node` in the chart; None at the top (or under the virtual root)."""
    manager = node.parent.get("id") if node.parent is not None else node.item.get(NESTED_PARENT)
    if manager is None or isinstance(manager, (list, dict)):
        return None
    text = _scalar(manager)
    return None if text in virtual else text
