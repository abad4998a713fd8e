"""Mutations shared by the fuzzers of the layout loader and of the CSV import: bytes and lines.

Each fuzzer lists its own mix (`tests/layout/layout_mutations.py`, `tests/importing/csv_mutations.py`);
the long runs in bench/ use the same modules.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence

Mutation = Callable[[bytes, random.Random], bytes]
LineChange = Callable[[list[bytes], random.Random], None]


def mutants(seed_files: list[bytes], count: int, seed: int, mutations: Sequence[Mutation]) -> Iterator[bytes]:
    """`count` mutants of the seed files, the same ones for the same `seed`."""
    rng = random.Random(seed)
    for _ in range(count):
        yield mutate(rng.choice(seed_files), rng, mutations)


def mutate(data: bytes, rng: random.Random, mutations: Sequence[Mutation]) -> bytes:
    """`data` with one to three random mutations applied."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(mutations)(data, rng)
    return data


# -- bytes -----------------------------------------------------------------------------------


def position(data: bytes, rng: random.Random) -> int:
    return rng.randint(0, len(data))


def flip_bit(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def random_byte(data: bytes, rng: random.Random) -> bytes:
    at = position(data, rng)
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def inserting(choices: Sequence[bytes]) -> Mutation:
    """A mutation that inserts one of `choices` somewhere."""

    def insert(data: bytes, rng: random.Random) -> bytes:
        at = position(data, rng)
        return data[:at] + rng.choice(choices) + data[at:]

    return insert


def delete_range(data: bytes, rng: random.Random) -> bytes:
    at = position(data, rng)
    return data[:at] + data[at + rng.randint(1, 40) :]


def duplicate_range(data: bytes, rng: random.Random) -> bytes:
    at = position(data, rng)
    end = min(len(data), at + rng.randint(1, 200))
    return data[:end] + data[at:end] + data[end:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: position(data, rng)]


# -- lines -----------------------------------------------------------------------------------


def by_lines(change: LineChange) -> Mutation:
    def mutation(data: bytes, rng: random.Random) -> bytes:
        lines = data.split(b"\n")
        change(lines, rng)
        return b"\n".join(lines)

    return mutation


def duplicate_line(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])


def delete_line(lines: list[bytes], rng: random.Random) -> None:
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]


def swap_lines(lines: list[bytes], rng: random.Random) -> None:
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
