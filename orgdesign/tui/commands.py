"""The one list of actions a screen offers, shown by both the help screen and the command palette.

`available_commands` reads the bindings active on a screen (its own, its focused widget's and
the app's) and merges the bindings that do the same thing ("q" and "ctrl+q" both quit) into
one entry with all their keys. Help and palette are generated from it, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from orgdesign.tui.text import markup_literal


@dataclass(frozen=True, slots=True)
class Command:
    description: str
    action: str
    keys: str
    """Every key that runs it, as shown ("q, ^q")."""
    binding_ids: str
    """The ids a keymap remaps it by ("quit, quit-now")."""
    node: DOMNode


def available_commands(screen: Screen[Any]) -> list[Command]:
    """Every enabled binding with an id on `screen`, one entry per description.

    Ordinary bindings come before priority ones, so an entry runs the everyday key's action
    ("q" quits from the main screen) and lists that key first.
    """
    found: dict[str, Command] = {}
    for key, active in sorted(screen.active_bindings.items(), key=lambda item: item[1].binding.priority):
        binding = active.binding
        if binding.id is None or not active.enabled:
            continue
        keys = screen.app.get_key_display(binding) or key
        earlier = found.get(binding.description)
        if earlier is None:
            found[binding.description] = Command(binding.description, binding.action, keys, binding.id, active.node)
        elif keys not in earlier.keys.split(", "):
            found[binding.description] = Command(
                earlier.description,
                earlier.action,
                f"{earlier.keys}, {keys}",
                _joined(earlier.binding_ids, binding.id),
                earlier.node,
            )
    return list(found.values())


def _joined(ids: str, more: str) -> str:
    return ids if more in ids.split(", ") else f"{ids}, {more}"


class DesignerCommands(Provider):
    def commands(self) -> list[Command]:
        return sorted(available_commands(self.screen), key=lambda command: command.description)

    def _run(self, command: Command) -> None:
        self.app.call_later(self.app.run_action, command.action, command.node)

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(
                Text(command.description), partial(self._run, command), help=markup_literal(f"key: {command.keys}")
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.description),
                    partial(self._run, command),
                    text=command.description,
                    help=markup_literal(f"key: {command.keys}"),
                )
