"""Mutations of layout files for fuzzing the loader: byte-level and YAML-level.

Used by the short fuzz test in the suite and by bench/fuzz_loader.py for the long run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import mutations
from mutations import (
    by_lines,
    delete_line,
    delete_range,
    duplicate_line,
    duplicate_range,
    flip_bit,
    inserting,
    random_byte,
    swap_lines,
    truncate,
)

from orgdesign.layout import LayoutError
from orgdesign.layout.reader import read_layout

SPECIAL_BYTES = [
    b"\t", b"\x00", b"\xff", b"\xc3", b"\xe2\x80\xae", b"\x1b[31m", b":", b": ", b"- ", b"&a ", b"*a",
    b"!!python/object:os.system ", b"!x ", b"[", b"]", b"{", b"}", b"'", b'"', b"\n", b"\r", b"#", b"? ",
    b"---\n", b"...\n", b"%YAML 1.1\n", b"\xef\xbb\xbf", b"\xff\xfe", b"|", b">", b"\\", b",", b"<<: ",
]  # fmt: skip
TRAP_VALUES = [
    "No", "~", "null", "", "[a, b]", "{a: b}", "*x", "&x y", "!!python/object/apply:os.system [ls]",
    "|", ">-", '"unterminated', "'also", "- x", "0123", "1e3", "-1", "yes", "TRUE", "[[[[[[", "x" * 3000,
    "\u202e", "😀", "a: b: c", "{id: a, name: b, role: pm}",
]  # fmt: skip
KEYS = ["orgdesign", "name", "profile", "settings", "units", "people", "id", "role", "title", "reports_to",
        "dotted_to", "unit", "product", "years_pm", "vacancy", "notes", "allow", "rule", "reason", "max_span",
        "disable", "nmae", "<<", "? x", "- id"]  # fmt: skip


def seeds(folders: list[Path]) -> list[bytes]:
    return [path.read_bytes() for folder in folders for path in sorted(folder.glob("*.yaml"))]


def check_loader(data: bytes) -> str:
    """'loaded' or 'refused'; raises AssertionError when the loader misbehaves."""
    try:
        read_layout(data, "<fuzz>", frozenset({"PRD101", "PRD102", "SPN202"}))
    except LayoutError as error:
        assert error.errors, "a LayoutError without errors"
        for item in error.errors:
            assert item.line >= 1 and item.column >= 1, item
            assert str(item).isprintable(), repr(str(item))
        return "refused"
    return "loaded"


# -- byte-level --------------------------------------------------------------------------


# -- YAML-level (by lines) -------------------------------------------------------------


def _reindent(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    body = lines[at].lstrip(b" ")
    indent = len(lines[at]) - len(body) + rng.choice([-4, -2, -1, 1, 2, 4])
    lines[at] = (b"\t" if rng.random() < 0.2 else b"") + b" " * max(indent, 0) + body


def _swap_key_and_value(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    head, colon, tail = lines[at].partition(b": ")
    if colon:
        indent = len(head) - len(head.lstrip(b" -"))
        lines[at] = head[:indent] + tail.strip() + b": " + head[indent:].strip()


def _replace_value(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    head, colon, _ = lines[at].partition(b": ")
    if colon:
        lines[at] = head + b": " + rng.choice(TRAP_VALUES).encode()


def _replace_key(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    head, colon, tail = lines[at].partition(b": ")
    if colon:
        indent = len(head) - len(head.lstrip(b" -"))
        lines[at] = head[:indent] + rng.choice(KEYS).encode() + b": " + tail


def _append_document(lines: list[bytes], rng: random.Random) -> None:
    lines.append(rng.choice([b"---", b"...", b"--- x", b"%TAG ! tag:x,2024:"]))


_MUTATIONS = [
    flip_bit, random_byte, inserting(SPECIAL_BYTES), delete_range, duplicate_range, truncate,
    by_lines(duplicate_line), by_lines(delete_line), by_lines(swap_lines), by_lines(_reindent),
    by_lines(_swap_key_and_value), by_lines(_replace_value), by_lines(_replace_key),
    by_lines(_append_document),
]  # fmt: skip


def mutants(seed_files: list[bytes], count: int, seed: int) -> Iterator[bytes]:
    """Mutated layouts, the same ones for the same `seed`."""
    return mutations.mutants(seed_files, count, seed, _MUTATIONS)
