"""`import --titles FILE.yaml`: the user's own job titles mapped to role ids.

The file is a YAML mapping of titles to role ids, one per line:

    "Product Lead": pm
    "Staff Product Manager": senior_pm
    "Product Owner": other

A title matches whatever its case and spacing; titles are read as written (YAML 1.1 would turn
`No` into false and `0123` into 83, so the raw scalar text is used). Every problem (not a
mapping, an unknown role id, a title given twice) is reported at its line and column.
"""

from __future__ import annotations

import difflib

import yaml

from orgdesign.importing.titles import title_key
from orgdesign.layout.errors import LayoutError, LoadError, shown
from orgdesign.layout.source import MEBIBYTE, FileKind, decode, read_bytes
from orgdesign.layout.syntax import syntax_error
from orgdesign.roles import ROLE_IDS

TITLES_FILE = FileKind("titles file", ".yaml", MEBIBYTE)
_EXAMPLE = '"Product Lead": pm'


def read_title_file(path: str) -> dict[str, str]:
    """Title -> role id from the file at `path`; `LayoutError` with every problem found."""
    text = decode(read_bytes(path, TITLES_FILE), path)
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        raise LayoutError([syntax_error(error, text, path)]) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise LayoutError([_error(path, root, f"a titles file maps job titles to role ids, like '{_EXAMPLE}'")])
    chosen: dict[str, str] = {}
    lines: dict[str, int] = {}
    errors = [
        problem for key, value in root.value if (problem := _entry_error(path, key, value, chosen, lines)) is not None
    ]
    if errors:
        raise LayoutError(errors)
    return chosen


def _entry_error(
    path: str, key: yaml.Node, value: yaml.Node, chosen: dict[str, str], lines: dict[str, int]
) -> LoadError | None:
    """The problem with one `title: role` line, or None after adding it to `chosen`."""
    if not isinstance(key, yaml.ScalarNode) or not key.value.strip():
        return _error(path, key, f"each entry is 'job title: role id', like '{_EXAMPLE}'")
    if not isinstance(value, yaml.ScalarNode) or value.value not in ROLE_IDS:
        written = value.value if isinstance(value, yaml.ScalarNode) else ""
        close = difflib.get_close_matches(written, ROLE_IDS, n=1)
        advice = f"did you mean '{close[0]}'?" if close else f"one of {', '.join(ROLE_IDS)}"
        return _error(path, value, f"the role for {shown(key.value)} must be a role id: {advice}")
    match = title_key(key.value)
    if match in lines:
        return _error(path, key, f"{shown(key.value)} is already mapped on line {lines[match]}: keep one of them")
    lines[match] = key.start_mark.line + 1
    chosen[key.value] = value.value
    return None


def _error(path: str, node: yaml.Node, message: str) -> LoadError:
    mark = node.start_mark
    return LoadError(path, mark.line + 1, mark.column + 1, message)
