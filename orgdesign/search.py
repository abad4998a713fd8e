"""Finding people by what a user types: names first, then titles and roles.

The designer's search and move pickers ask `PeopleIndex.search` on every keystroke, so the
index does its work once, when it is built: names are kept sorted (a name prefix is a
binary search), every word that starts inside a name is kept sorted too (a word prefix is
another binary search), and the names and the other searchable text are each joined into one
string that a compiled pattern scans in C. A keystroke then costs a few binary searches plus
a scan that stops as soon as enough people are found, even with 100,000 people.

Matches are ranked, best first:

1. the whole name, exactly;
2. the start of the name;
3. the start of a later word in the name ("car" finds "Ana Carvalho");
4. anywhere in the name;
5. anywhere in the title or the role;
6. the letters in order in the name ("jdo" finds "Jane Doe"), then in the title or role
   ("headprod" finds the Head of Product).

Within a rank, people come in name order (then id order).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import accumulate
from operator import attrgetter

from orgdesign.model import Org, Person

_WORD_START = re.compile(r"(?<=[^\w\n])\w")
"""A letter or digit after a space or punctuation: the start of a later word (never a line's first)."""


class PeopleIndex:
    """Everyone's searchable text, prepared once for ranked searches."""

    def __init__(self, people: Iterable[Person]) -> None:
        ordered = sorted((_folded(person.name), person.id, person) for person in people)
        self._names = [name for name, _, _ in ordered]
        self._ids = [pid for _, pid, _ in ordered]
        self._name_text = _Lines(self._names)
        words = sorted(self._name_text.word_starts())
        self._words = [word for word, _ in words]
        self._word_owners = [index for _, index in words]
        self._name_counts = Counter(self._names)
        self._id_names = dict(zip(self._ids, self._names, strict=True))
        others = [_other_text(person) for _, _, person in ordered]
        self._other_text = _Lines(others)
        self._id_others = dict(zip(self._ids, others, strict=True))
        self._records = {person.id: person for _, _, person in ordered}
        """Each person's record the index was built from: an edit's touched people are mostly the same
        record still (managers) or one with the same `_searched_by` (a move), told apart without folding."""

    def __len__(self) -> int:
        return len(self._ids)

    def describes(self, org: Org, pids: Iterable[str]) -> bool:
        """Whether the index still holds what these people are searched by (an edit that only moved
        someone leaves it right, so a 100,000-person index is not rebuilt for it)."""
        for pid in pids:
            person = org.get(pid)
            if person is None:
                if pid in self._id_names:
                    return False
                continue
            indexed = self._records.get(pid)
            if indexed is None or (indexed is not person and _searched_by(indexed) != _searched_by(person)):
                return False
        return True

    def shares_name(self, pid: str) -> bool:
        """Whether someone else has the same name (then a list must tell them apart)."""
        return self._name_counts[self._id_names[pid]] > 1

    def search(self, query: str, limit: int, *, exclude: Collection[str] = ()) -> list[str]:
        """Ids of up to `limit` people matching `query`, best first (everyone in name order for no
        query), never one in `exclude` (a move does not offer the person or anyone below them)."""
        wanted = _folded(query)
        candidates = range(len(self._ids)) if not wanted else self._ranked(wanted)
        found: dict[int, None] = {}
        for index in candidates:
            if self._ids[index] in exclude:
                continue
            found.setdefault(index)
            if len(found) >= limit:
                break
        return [self._ids[index] for index in found]

    def _ranked(self, wanted: str) -> Iterator[int]:
        yield from self._exact_names(wanted)
        yield from self._name_prefixes(wanted)
        yield from self._word_prefixes(wanted)
        yield from self._name_text.holding(wanted)
        yield from self._other_text.holding(wanted)
        letters = _letters_in_order(wanted)
        yield from self._name_text.matching(letters)
        yield from self._other_text.matching(letters)

    def _exact_names(self, wanted: str) -> Iterator[int]:
        yield from range(bisect_left(self._names, wanted), bisect_right(self._names, wanted))

    def _name_prefixes(self, wanted: str) -> Iterator[int]:
        yield from _prefixed(self._names, wanted, range(len(self._names)))

    def _word_prefixes(self, wanted: str) -> Iterator[int]:
        yield from _prefixed(self._words, wanted, self._word_owners)


class _Lines:
    """Lines of text joined into one string, scanned by a pattern that stops when the caller stops."""

    def __init__(self, lines: list[str]) -> None:
        text = "\n".join(lines)
        if text.count("\n") != max(len(lines) - 1, 0):  # a line break inside a line would shift the rest
            text = "\n".join(line.replace("\n", " ") for line in lines)
        self._text = text
        self._starts = [0, *accumulate(len(line) + 1 for line in lines[:-1])]

    def word_starts(self) -> Iterator[tuple[str, int]]:
        """(the rest of the line from each word that starts inside it, line index): 'ana carvalho' -> 'carvalho'."""
        for match in _WORD_START.finditer(self._text):
            index = bisect_right(self._starts, match.start()) - 1
            end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._text)
            yield self._text[match.start() : end], index

    def holding(self, wanted: str) -> Iterator[int]:
        """Indexes of the lines that contain `wanted`, in order (a plain find: the fastest scan)."""
        position = self._text.find(wanted)
        while position != -1:
            index = bisect_right(self._starts, position) - 1
            yield index
            if index + 1 == len(self._starts):
                return
            position = self._text.find(wanted, self._starts[index + 1])

    def matching(self, pattern: str) -> Iterator[int]:
        """Indexes of the lines where `pattern` matches, in order, each once."""
        previous = -1
        for match in re.finditer(pattern, self._text):
            index = bisect_right(self._starts, match.start()) - 1
            if index != previous:
                previous = index
                yield index


def _prefixed(keys: list[str], wanted: str, owners: list[int] | range) -> Iterator[int]:
    """The owners of the sorted `keys` that start with `wanted`."""
    position = bisect_left(keys, wanted)
    while position < len(keys) and keys[position].startswith(wanted):
        yield owners[position]
        position += 1


def _letters_in_order(wanted: str) -> str:
    """A pattern for the letters of `wanted` in order within one line: 'abc' -> 'a[^\\nb]*b[^\\nc]*c'.

    Each gap skips only what cannot be the next letter, so the pattern never backtracks.
    """
    letters = [letter for letter in wanted if not letter.isspace()]
    gaps = [f"[^\\n{re.escape(letter)}]*{re.escape(letter)}" for letter in letters[1:]]
    return re.escape(letters[0]) + "".join(gaps)


_searched_by = attrgetter("name", "title", "role")
"""The fields `_folded` names and `_other_text` are made of: equal ones index a person alike."""


def _other_text(person: Person) -> str:
    """What a person is found by besides their name: the title (else the role's label) and the role id."""
    return f"{person.display_role} {person.role}".casefold()


def _folded(text: str) -> str:
    """Case-folded, with runs of white space as single spaces (so 'anna  k' finds 'Anna K')."""
    folded = text.casefold()
    if folded.isprintable() and "  " not in folded and folded == folded.strip():
        return folded  # the common case, quicker than splitting (Python counts no other spaces as printable)
    return " ".join(folded.split())
