"""Issue 16's measure: grow the startup template into a 24-person scale-up with a dotted line, a unit
and a waiver, in the real designer through tmux, counting every key; then `orgdesign validate`
must report what the designer's header showed."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from orgdesign.layout import load_layout

from .test_designer_tmux import Terminal, orgdesign_command, pytestmark, wait_until  # noqa: F401  (marks apply here)

ENGINEERS = ("Eli Stone", "Ivo Horak", "Jon Berg", "Noa Levi", "Una Moss", "Tao Wu")


class CountingTerminal(Terminal):
    """Counts keystrokes: each key sent, and each character typed."""

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(tmp_path)
        self.strokes = 0

    def keys(self, *keys: str) -> None:
        self.strokes += len(keys)
        super().keys(*keys)

    def text(self, *keys: str) -> None:
        self.strokes += sum(len(text) for text in keys)
        super().text(*keys)

    def ask(self, key: str, heading: str, typed: str = "", *more: str) -> None:
        """Press `key`, wait for the dialog titled `heading`, type `typed`, then press `more` keys."""
        self.keys(key)
        self.wait_for(heading)
        if typed:
            self.type_into_field(typed)
        if more:
            self.keys(*more)

    def type_into_field(self, typed: str) -> None:
        """Type into the dialog just opened, once it has settled: keys that tmux delivers while a
        dialog is still being mounted can miss its field (a person types slower than that)."""
        self.settle()
        self.text(typed)

    def settle(self) -> None:
        """Wait until two captures of the screen a moment apart are the same."""
        previous = ""
        for _ in range(50):
            current = self.screen()
            if current == previous:
                return
            previous = current
            time.sleep(0.3)

    def add(self, name: str, role_start: str = "") -> None:
        """Add a report to the selected person (and set their role by typing its first letters)."""
        self.ask("a", "Add a report", name, "Enter")
        self.wait_for(f"{name}  Product Manager")
        if role_start:
            self.ask("r", "Role of", role_start, "Enter")
            self.wait_for_gone("Role of")

    def pick(self, key: str, heading: str, typed: str, offered: str) -> None:
        """Press `key`, type `typed` into the person picker titled `heading`, and once it offers
        `offered` (a line only the picker shows: name, role and 'under' their manager) take it."""
        self.ask(key, heading, typed)
        self.wait_for(offered)
        self.keys("Enter")
        self.wait_for_gone(heading)

    def jump(self, typed: str, offered: str) -> None:
        self.pick("/", "Jump to", typed, offered)

    def wait_for_gone(self, text: str) -> None:
        """Until two captures in a row leave `text` out (one capture may catch a repaint)."""
        wait_until(lambda: text not in self.screen() and text not in self.screen())


@pytest.fixture
def terminal(tmp_path: Path):
    session = CountingTerminal(tmp_path)
    yield session
    session.kill()


def header_counts(screen: str) -> tuple[int, int, int]:
    header = screen.splitlines()[0]
    numbers = [int(re.search(rf"{glyph} (\d+)", header).group(1)) for glyph in ("✖", "▲", "●")]
    return numbers[0], numbers[1], numbers[2]


def validate_counts(path: Path) -> tuple[int, int, int]:
    done = subprocess.run(
        [str(orgdesign_command()), "validate", str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    summary = done.stdout.strip().splitlines()[-1]
    found = {word: int(number) for number, word in re.findall(r"(\d+) (error|warning|info)", summary)}
    return found.get("error", 0), found.get("warning", 0), found.get("info", 0)


def test_grow_startup_into_a_24_person_scale_up(terminal: CountingTerminal, tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    terminal.start(f"cd {work} &&", str(orgdesign_command()))
    terminal.wait_for("New from a template")
    terminal.ask("C-n", "New from a template", "", "Enter")
    terminal.wait_for("Name of the new org")
    terminal.type_into_field("Tessellate")
    terminal.keys("Enter")
    terminal.wait_for("Noor Haddad")

    terminal.add("Priya Shah", "ch")  # the CEO is selected: a CPO under them
    terminal.add("Lena Vogel", "he")  # Head of Product under the CPO
    terminal.add("Dev Patel", "g")  # two Group PMs under her
    terminal.keys("Left")
    terminal.add("Sara Lind", "g")
    for name in ("Ana Ruiz", "Ben Okoro", "Zoe Park"):
        terminal.add(name)
        terminal.keys("Left")
    terminal.jump("Dev", "Dev Patel  Group Product Manager  under")
    for name in ("Kai Ito", "Mei Chen"):
        terminal.add(name)
        terminal.keys("Left")
    moves = (
        ("Carv", "Inês Carvalho  Senior Product Manager  under", "Dev", "Dev Patel  Group Product Manager  under"),
        ("Raj", "Raj Malhotra  Product Manager  under", "Dev", "Dev Patel  Group Product Manager  under"),
        ("Hana", "Hana Sato  Product Manager  under", "Sara", "Sara Lind  Group Product Manager  under"),
    )
    for who, person, manager, offered in moves:
        terminal.jump(who, person)
        terminal.pick("m", "Move", manager, offered)
    terminal.jump("Felix", "Felix Brandt  Co-founder & CTO  under")
    for name in ENGINEERS:
        terminal.add(name, "o")
        terminal.keys("Left")

    terminal.jump("Olu", "Olu Adeyemi  Product Designer  under")
    terminal.pick("l", "Dotted line from", "Priya", "Priya Shah  Chief Product Officer  under")
    terminal.jump("Sara", "Sara Lind  Group Product Manager  under")
    terminal.ask("u", "Unit of", "", "+")
    terminal.wait_for("New unit for")
    terminal.type_into_field("Payments")
    terminal.keys("Enter")
    terminal.wait_for("Payments (")

    before = header_counts(terminal.screen())
    terminal.jump("Dev", "Dev Patel  Group Product Manager  under")  # leads PMs on two products: accepted
    terminal.ask("w", "Waive", "accepted while we hire", "Enter")
    terminal.wait_for_gone("Waive")
    shown = header_counts(terminal.screen())
    assert sum(shown) == sum(before) - 1, "the waived finding left the counts"

    terminal.ask("C-s", "Save as", "scaleup.yaml", "Enter")
    layout = work / "scaleup.yaml"
    wait_until(layout.exists)
    terminal.wait_for("Saved")
    strokes = terminal.strokes

    org = load_layout(layout)
    assert org.name == "Tessellate" and len(org) == 24
    assert [p.id for p in org.dotted_managers("olu")] == ["priya-shah"]
    assert [u.name for u in org.units] == ["Payments"] and org["sara-lind"].unit == "payments"
    assert sum(len(p.allow) for p in org.people()) == 1
    assert validate_counts(layout) == shown
    print(f"\nkeystrokes to grow startup into a 24-person scale-up: {strokes}")  # 330 (issue 16: ~580 before)
