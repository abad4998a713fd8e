"""Mutations of CSV files for fuzzing `orgdesign import`: byte-level and CSV-level.

Used by the short fuzz test in the suite and by bench/fuzz_csv_import.py for the long run.
Every input must either import (and then make a layout the loader reads back) or be refused
with located errors; no other exception may escape.
"""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import mutations
from mutations import by_lines, delete_line, delete_range, duplicate_line, flip_bit, inserting, swap_lines, truncate

from orgdesign.export.csv import export_csv
from orgdesign.importing import ImportFailed, ImportResult, Problem, decode_csv, import_csv
from orgdesign.layout import LayoutError, dump_layout, load_layout
from orgdesign.layout.reader import read_layout
from orgdesign.text import printable

ROOT = Path(__file__).resolve().parents[2]
SPECIAL_BYTES = [
    b'"', b'""', b",", b";", b"\t", b"|", b"\n", b"\r", b"\r\n", b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"'", b"=", b"@", b"-", b"+", b"[", b"{", b"\\", b"\xe2\x80\xae",
    b"\x1b[2K",
]  # fmt: skip
TRAP_CELLS = [
    "", "'", "''", "=1+1", "'=1+1", "-", "true", "maybe", "-1", "007", "9" * 5000, "[", "[[[[", "[" * 3000,
    '["a", 1]', "{}", '{"name": ""}', '{"profile": "huge"}', '{"units": [{"id": "u"}]}',
    '{"settings": {"max_span": 0, "disable": ["NOPE"]}}', '[{"rule": "PRD101", "reason": " "}]',
    '[{"rule": "PRD101", "reason": "ok"}]', '[{"rule": [], "reason": "x"}]', "ceo", "wizard", "a;b;;c", '"open',
    "x\ny", "\u202e", "😀",
]  # fmt: skip


def seeds() -> list[bytes]:
    """The CSV test files, the export of every shipped layout, and one of them as UTF-16."""
    files = [path.read_bytes() for path in sorted((ROOT / "tests" / "data" / "csv").glob("*.csv"))]
    exports = [export_csv(load_layout(path), {}).encode("utf-8") for path in sorted((ROOT / "layouts").glob("*.yaml"))]
    return [*files, *exports, exports[0].decode("utf-8").encode("utf-16")]


def check_import(data: bytes, read: Callable[[str], ImportResult] = import_csv) -> str:
    """'imported' or 'refused'; raises AssertionError when the importer (`read`) misbehaves.

    An import must give a layout that the loader reads back as the same org; every problem
    must have a line and column and print as one line.
    """
    problems: list[Problem] = []
    try:
        text, problems = decode_csv(data)
        result = read(text)
    except ImportFailed as failure:
        assert failure.problems, "an ImportFailed without problems"
        _check_located(problems + failure.problems)
        return "refused"
    _check_located(problems + result.problems)
    dumped = dump_layout(result.org)
    try:
        again = read_layout(dumped.encode("utf-8"), "<fuzz>", None)
    except LayoutError as error:
        raise AssertionError(f"the imported layout does not load: {error}\n{dumped}") from None
    assert dump_layout(again) == dumped, "the imported layout reads back differently"
    return "imported"


def _check_located(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        shown = printable(problem.located("<fuzz>"))
        assert "\n" not in shown and "\r" not in shown, repr(shown)


# -- byte-level --------------------------------------------------------------------------


def _as_utf16(data: bytes, rng: random.Random) -> bytes:
    """The text re-encoded as UTF-16 with a BOM, sometimes cut at an odd byte."""
    encoded = codecs.BOM_UTF16_LE + data.decode("utf-8", errors="surrogateescape").encode(
        "utf-16-le", errors="surrogatepass"
    )
    return encoded[: -1 if rng.random() < 0.3 else None]


# -- CSV-level (by lines and cells) ------------------------------------------------------


def _replace_cell(lines: list[bytes], rng: random.Random) -> None:
    at = rng.randrange(len(lines))
    cells = lines[at].split(b",")
    cell = rng.choice(TRAP_CELLS)
    quoted = '"' + cell.replace('"', '""') + '"' if rng.random() < 0.7 else cell
    cells[rng.randrange(len(cells))] = quoted.encode("utf-8")
    lines[at] = b",".join(cells)


def _copy_cell_to_another_row(lines: list[bytes], rng: random.Random) -> None:
    source, target = rng.randrange(len(lines)), rng.randrange(len(lines))
    cells, others = lines[source].split(b","), lines[target].split(b",")
    column = rng.randrange(min(len(cells), len(others)))
    others[column] = cells[column]
    lines[target] = b",".join(others)


_MUTATIONS = [
    flip_bit, inserting(SPECIAL_BYTES), delete_range, truncate, _as_utf16, by_lines(duplicate_line),
    by_lines(delete_line), by_lines(swap_lines), by_lines(_replace_cell), by_lines(_replace_cell),
    by_lines(_copy_cell_to_another_row),
]  # fmt: skip


def mutants(seed_files: list[bytes], count: int, seed: int) -> Iterator[bytes]:
    """Mutated CSV files, the same ones for the same `seed`."""
    return mutations.mutants(seed_files, count, seed, _MUTATIONS)
