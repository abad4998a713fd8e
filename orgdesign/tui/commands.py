"""Command palette: every action bound on the current screen (and the app), by its description."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from orgdesign.tui.text import markup_literal


@dataclass(frozen=True, slots=True)
class Command:
    description: str
    action: str
    keys: str
    node: DOMNode


class DesignerCommands(Provider):
    def commands(self) -> list[Command]:
        """Every enabled binding that has an id, once per action, sorted by description."""
        found: dict[str, Command] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.id is None or not active.enabled or binding.action in found:
                continue
            keys = self.app.get_key_display(binding) or key
            found[binding.action] = Command(binding.description, binding.action, keys, active.node)
        return sorted(found.values(), key=lambda command: command.description)

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
