"""Every key binding of the designer in one place: the README's key table and the keymap.

The README table is generated from the bindings themselves, so it cannot drift:

    python -m orgdesign.tui.keys README.md

rewrites the text between `<!-- keys:start -->` and `<!-- keys:end -->`. The binding ids in
the last column are what a user's keymap file remaps (see `orgdesign.keymap`).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from textual.binding import Binding
from textual.dom import DOMNode

from orgdesign.keymap import keymap_help
from orgdesign.readme_sections import rewrite_readme
from orgdesign.tui import textual_private
from orgdesign.tui.app import NAVIGATION, OrgDesignApp
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.help import HelpScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.screens.person_form import PersonForm
from orgdesign.tui.screens.person_picker import PersonPicker
from orgdesign.tui.screens.stats import StatsScreen
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.org_tree import OrgTree

PLACES: tuple[tuple[str, tuple[type[DOMNode], ...]], ...] = (
    ("everywhere", (OrgDesignApp,)),
    ("main screen", (MainScreen,)),
    ("tree", (OrgTree,)),
    ("chart view", (OrgChart,)),
    (
        "dialogs and the error screen",
        (PersonForm, PersonPicker, ChoiceScreen, PathPrompt, HelpScreen, StatsScreen, LoadErrorScreen, TextPrompt),
    ),
)


def bindings_of(owner: type[DOMNode]) -> list[Binding]:
    return [item for item in owner.BINDINGS if isinstance(item, Binding)]


# Bindings active at the same time: a key given to two of them in one group is a clash.
_TOGETHER: tuple[tuple[type, ...], ...] = (
    (OrgDesignApp, MainScreen),
    (OrgDesignApp, MainScreen, OrgTree),
    (OrgDesignApp, MainScreen, OrgChart),
    *((OrgDesignApp, dialog) for dialog in PLACES[-1][1]),
)


def keymap_clashes(keymap: Mapping[str, str]) -> list[str]:
    """One message per key that `keymap` gives to two actions active at the same time."""
    messages: dict[str, None] = {}
    for owners in _TOGETHER:
        claims: dict[str, dict[str, str]] = {}
        for owner in owners:
            for binding in bindings_of(owner):
                keys = keymap.get(binding.id or "", binding.key)
                for key in textual_private.normalize_key_list(keys).split(","):
                    claims.setdefault(key, {})[binding.id or binding.action] = binding.description
        for key, described in claims.items():
            ids = set(described)
            # Clashes of the defaults are by design; two bindings of one command ("Quit") never clash.
            if len(set(described.values())) > 1 and not ids.isdisjoint(keymap):
                names = " and ".join(f"'{name}'" for name in sorted(ids))
                messages[f"Your keymap gives {names} the same key ({shown_keys(key)}); change one in keys.yaml"] = None
    return list(messages)


def known_binding_ids() -> frozenset[str]:
    """The ids a keymap may remap."""
    return frozenset(
        binding.id for _, owners in PLACES for owner in owners for binding in bindings_of(owner) if binding.id
    )


_SYMBOLS = {
    "question_mark": "?",
    "slash": "/",
    "asterisk": "*",
    "colon": ":",
    "comma": ",",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def shown_keys(keys: str) -> str:
    """'question_mark' -> '?', 'space,enter' -> 'space, enter'; other key names as they are."""
    return ", ".join(_SYMBOLS.get(key.strip(), key.strip()) for key in keys.split(","))


def keys_markdown() -> str:
    lines = ["| Where | Keys | Action | Binding id |", "| --- | --- | --- | --- |"]
    seen: set[tuple[str | None, str]] = set()
    for place, owners in PLACES:
        for owner in owners:
            for binding in bindings_of(owner):
                if (binding.id, binding.description) in seen:
                    continue  # one "Cancel" row for every dialog
                seen.add((binding.id, binding.description))
                action = binding.tooltip or binding.description
                lines.append(f"| {place} | {_code(shown_keys(binding.key))} | {action} | `{binding.id}` |")
    for entry in NAVIGATION:
        lines.append(f"| {entry.binding_id} | {_code(entry.keys)} | {entry.description} | (fixed) |")
    return "\n".join(lines) + "\n\n" + keymap_help()


def _code(keys: str) -> str:
    return ", ".join(f"`{key}`" for key in keys.split(", "))


def main(argv: list[str]) -> int:
    return rewrite_readme(argv, "orgdesign.tui.keys", {"keys": keys_markdown})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
