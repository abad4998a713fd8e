"""A CSV shaped like d3-org-chart's 1,516-person sample: 1 CEO, 130 managers, 1,385 ICs, depth 8."""

from __future__ import annotations

import csv
import io
import random

MANAGERS_PER_LEVEL = (1, 5, 12, 22, 30, 30, 20, 10)
"""Managers at depths 0..7; their individual contributors sit one level below (depth 8 at most)."""
PEOPLE = 1516
MANAGER_TITLES = (
    "Chief Executive Officer",
    "Vice President of Engineering and Platform Services",
    "Director of Product Operations",
    "Senior Engineering Manager, Payments Infrastructure",
    "Engineering Manager",
    "Head of Customer Success, Europe, Middle East and Africa",
    "Group Product Manager",
    "Design Manager",
)
IC_TITLES = (
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Software Engineer, Developer Experience",
    "Product Designer",
    "Senior Product Manager",
    "Data Analyst",
    "Customer Success Manager, Strategic Accounts",
    "Quality Assurance Engineer",
    "Site Reliability Engineer",
    "Technical Writer",
)
FIRST = ("Ada", "Bartholomew", "Chen", "Dolores", "Eun-ji", "Fatima", "Guillermo", "Hiroshi", "Ingrid", "Jean-Baptiste")
LAST = ("Okonkwo", "Lindqvist", "Nakamura", "Fitzgerald-Hughes", "Popescu", "Haddad", "Van der Berg", "Kowalczyk")


def sample_csv(seed: int = 1516) -> str:
    """The CSV text: id, name, title, manager."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str, str]] = []
    levels: list[list[str]] = []
    for depth, count in enumerate(MANAGERS_PER_LEVEL):
        level = []
        for _ in range(count):
            manager = rng.choice(levels[-1]) if levels else ""
            pid = f"m{len(rows)}"
            rows.append((pid, _name(rng), MANAGER_TITLES[min(depth, len(MANAGER_TITLES) - 1)], manager))
            level.append(pid)
        levels.append(level)
    managers = [pid for level in levels[1:] for pid in level]
    while len(rows) < PEOPLE:
        rows.append((f"i{len(rows)}", _name(rng), rng.choice(IC_TITLES), rng.choice(managers)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("Employee ID", "Name", "Job Title", "Manager ID"))
    writer.writerows(rows)
    return out.getvalue()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
