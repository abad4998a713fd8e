"""Mutations of layout files for fuzzing the loader: byte-level and YAML-level.

Used by the short fuzz test in the suite and by bench/fuzz_loader.py for the long run.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

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


def mutate(data: bytes, rng: random.Random) -> bytes:
    """`data` with one to three random mutations applied."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(_MUTATIONS)(data, rng)
    return data


def mutants(seed_files: list[bytes], count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for _ in range(count):
        yield mutate(rng.choice(seed_files), rng)


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


def _position(data: bytes, rng: random.Random) -> int:
    return rng.randint(0, len(data))


def _flip_bit(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def _random_byte(data: bytes, rng: random.Random) -> bytes:
    at = _position(data, rng)
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _insert_special(data: bytes, rng: random.Random) -> bytes:
    at = _position(data, rng)
    return data[:at] + rng.choice(SPECIAL_BYTES) + data[at:]


def _delete_range(data: bytes, rng: random.Random) -> bytes:
    at = _position(data, rng)
    return data[:at] + data[at + rng.randint(1, 40) :]


def _duplicate_range(data: bytes, rng: random.Random) -> bytes:
    at = _position(data, rng)
    end = min(len(data), at + rng.randint(1, 200))
    return data[:end] + data[at:end] + data[end:]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: _position(data, rng)]


# -- YAML-level (by lines) -------------------------------------------------------------


def _by_lines(change: Callable[[list[bytes], random.Random], None]) -> Callable[[bytes, random.Random], bytes]:
    def mutation(data: bytes, rng: random.Random) -> bytes:
        lines = data.split(b"\n")
        change(lines, rng)
        return b"\n".join(lines)

    return mutation


def _duplicate_line(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])


def _delete_line(lines: list[bytes], rng: random.Random) -> None:
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]


def _swap_lines(lines: list[bytes], rng: random.Random) -> None:
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]


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
    _flip_bit, _random_byte, _insert_special, _delete_range, _duplicate_range, _truncate,
    _by_lines(_duplicate_line), _by_lines(_delete_line), _by_lines(_swap_lines), _by_lines(_reindent),
    _by_lines(_swap_key_and_value), _by_lines(_replace_value), _by_lines(_replace_key),
    _by_lines(_append_document),
]  # fmt: skip
