"""The user's keymap: their own keys for the designer's actions, by binding id.

`keys.yaml` in `$ORGDESIGN_CONFIG_DIR`, else in the platform's config folder (platformdirs:
`$XDG_CONFIG_HOME/orgdesign/` or `~/.config/orgdesign/` on Linux), maps binding ids (listed in
the README and on the help screen) to keys. A missing file means the default keys; a broken
one is refused with located errors, like a layout, because silently ignoring it would leave the
user with keys they did not ask for.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection
from pathlib import Path

import yaml

from orgdesign.layout.errors import FileErrors, LayoutError, LoadError, shown
from orgdesign.layout.source import MEBIBYTE, FileKind, decode, read_bytes
from orgdesign.layout.syntax import syntax_error
from orgdesign.places import config_dir

_KEY = r"[^\s,]+"
_KEYS = re.compile(rf"\s*{_KEY}\s*(,\s*{_KEY}\s*)*")
_EXAMPLE = "save: ctrl+s,f2"
KEYMAP_FILE = FileKind("keymap", ".yaml", MEBIBYTE)


class KeymapError(FileErrors):
    """The keymap could not be used; carries every error found, in file order."""


def keymap_path() -> Path:
    return config_dir() / "keys.yaml"


def keymap_help() -> str:
    """How to remap keys, for the README (below the generated key table)."""
    return (
        "To use other keys, map binding ids to keys in `keys.yaml` in your config folder "
        "(`~/.config/orgdesign/` or `$XDG_CONFIG_HOME/orgdesign/` on Linux, "
        "`~/Library/Application Support/orgdesign/` on macOS, `%LOCALAPPDATA%\\orgdesign\\` on Windows; "
        "`$ORGDESIGN_CONFIG_DIR` overrides them all), "
        "several keys separated by commas:\n\n"
        "```yaml\nadd: n\nsave: ctrl+s,f2\nquit: ctrl+q\n```\n\n"
        "A keymap naming an unknown binding id, or that is not such a mapping, is refused "
        "with `PATH:LINE:COLUMN: error: ...` before the designer starts (exit status 2)."
    )


def read_keymap(path: Path, known_ids: Collection[str]) -> dict[str, str]:
    """The keymap at `path` ({} when there is none); `KeymapError` with every problem found."""
    if not path.exists():
        return {}
    shown_path = os.fspath(path)
    try:
        text = decode(read_bytes(shown_path, KEYMAP_FILE), shown_path)
    except LayoutError as error:  # the file reader is the layouts'; its errors are this file's
        raise KeymapError(error.errors) from None
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        raise KeymapError([syntax_error(error, text, shown_path)]) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise KeymapError(
            [_error(shown_path, root, f"a keymap is a mapping of binding ids to keys, like '{_EXAMPLE}'")]
        )
    keymap: dict[str, str] = {}
    errors = [
        problem for key, value in root.value if (problem := _entry_error(shown_path, key, value, known_ids, keymap))
    ]
    if errors:
        raise KeymapError(errors)
    return keymap


def _entry_error(
    path: str, key: yaml.Node, value: yaml.Node, known_ids: Collection[str], keymap: dict[str, str]
) -> LoadError | None:
    """The problem with one `binding id: keys` line, or None after adding it to `keymap`."""
    if not isinstance(key, yaml.ScalarNode):
        return _error(path, key, f"each entry is 'binding id: keys', like '{_EXAMPLE}'")
    if key.value not in known_ids:
        close = difflib.get_close_matches(key.value, sorted(known_ids), n=1)
        advice = f"did you mean '{close[0]}'?" if close else "the README and the help screen (?) list the ids"
        return _error(path, key, f"unknown binding id {shown(key.value)}: {advice}")
    if key.value in keymap:
        return _error(path, key, f"duplicate binding id {shown(key.value)}: keep one of them")
    if not isinstance(value, yaml.ScalarNode) or not _KEYS.fullmatch(value.value):
        return _error(
            path, value, f"the keys for {shown(key.value)} must be key names separated by commas, like 'ctrl+s,f2'"
        )
    keymap[key.value] = ",".join(part.strip() for part in value.value.split(","))
    return None


def _error(path: str, node: yaml.Node, message: str) -> LoadError:
    mark = node.start_mark
    return LoadError(path, mark.line + 1, mark.column + 1, message)
