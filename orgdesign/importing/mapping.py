"""The mapping report printed after an import: which titles became which role.

A title mapped to the wrong role skews every rule about spans and ratios without a word, so
the importer shows, per role, how many people got it and a few of their titles, then every
distinct title that became `other`, and the lines to add to a titles file to map them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from orgdesign.importing.titles import TitleMap
from orgdesign.model import Org
from orgdesign.roles import ROLE_IDS
from orgdesign.text import counted

EXAMPLES_PER_ROLE = 3
OTHER_TITLES_SHOWN = 40


@dataclass(frozen=True, slots=True)
class RoleRow:
    role: str
    count: int
    examples: tuple[str, ...]
    """The role's most common titles, most common first."""


@dataclass(frozen=True, slots=True)
class MappingReport:
    rows: tuple[RoleRow, ...]
    other_titles: tuple[tuple[str, int], ...]
    """Each distinct title mapped to `other`, with how many people have it, most common first."""


def mapping_report(org: Org, titles: TitleMap | None = None) -> MappingReport:
    """Roles with their counts and titles; the titles mapped to `other` that the user has not chosen themself."""
    titles_by_role: dict[str, Counter[str]] = {}
    people_by_role: Counter[str] = Counter()
    for person in org.people():
        people_by_role[person.role] += 1
        if person.title:
            titles_by_role.setdefault(person.role, Counter())[person.title] += 1
    rows = tuple(
        RoleRow(
            role_id,
            people_by_role[role_id],
            tuple(title for title, _ in titles_by_role.get(role_id, Counter()).most_common(EXAMPLES_PER_ROLE)),
        )
        for role_id in ROLE_IDS
        if people_by_role[role_id]
    )
    unchosen = [
        (title, count)
        for title, count in titles_by_role.get("other", Counter()).most_common()
        if titles is None or not titles.is_chosen(title)
    ]
    return MappingReport(rows, tuple(unchosen))


def render_mapping_report(report: MappingReport, titles_file: str | None) -> str:
    """The report as lines of text: the role table, then the titles mapped to `other` and how to map them."""
    role_width = max([len("role"), *(len(row.role) for row in report.rows)])
    count_width = max([len("people"), *(len(str(row.count)) for row in report.rows)])
    lines = [f"{'role':<{role_width}}  {'people':>{count_width}}  example titles"]
    lines += [
        f"{row.role:<{role_width}}  {row.count:>{count_width}}  {'; '.join(row.examples) or '-'}".rstrip()
        for row in report.rows
    ]
    if report.other_titles:
        lines += ["", *_other_titles_section(report.other_titles, titles_file)]
    return "\n".join(lines)


def _other_titles_section(other_titles: tuple[tuple[str, int], ...], titles_file: str | None) -> list[str]:
    shown = other_titles[:OTHER_TITLES_SHOWN]
    target = titles_file or "a titles file (e.g. titles.yaml)"
    lines = [
        f"{_titles(len(other_titles))} mapped to other. Copy these lines into {target}, put a role id",
        "in place of 'other' where one fits, and import again with --titles (titles kept as 'other' are",
        f"not listed again). Role ids: {', '.join(ROLE_IDS)}.",
    ]
    lines += [f"  {json.dumps(title, ensure_ascii=False)}: other  # {_people(count)}" for title, count in shown]
    if len(other_titles) > len(shown):
        lines.append(f"  # ... and {len(other_titles) - len(shown)} more titles")
    return lines


def _titles(count: int) -> str:
    return "1 distinct title was" if count == 1 else f"{count} distinct titles were"


def _people(count: int) -> str:
    return counted(count, "person", "people")
