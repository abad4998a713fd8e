"""Deterministic generator of realistic product orgs for the benchmark.

`generate_org(size, seed)` builds an org of exactly `size` people: a CEO with a CTO, CMO,
COO and CPO; one unit per product line, each with a Head of Product over VPs, Directors and
Group PMs of product managers, a design group, and engineering, marketing and operations
branches under the matching executive. People have names, titles, products, years of product
management, a few vacancies and dotted lines, and a small, fixed sprinkling of rule
violations so that the rules have something to report.

Each branch is built bottom-up (individual contributors grouped into teams, teams into
groups, ...) so that every size gets realistic spans, then emitted top-down so the layout
reads in tree order. The org is built with `orgdesign.model` directly, not through edit
commands, so 100,000 people take a second or two.

Command line: `python bench/generate.py 10k -o org.yaml` (writes the layout with the
project's own `dump_layout`).
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from orgdesign.model import Org, Person, Unit

GENERATOR_VERSION = 1
"""Bump when the output changes, so that cached files in bench/out/ are regenerated."""

MIN_SIZE = 200
DEEP_CHAIN_LENGTH = 10_000

EXECUTIVES = (
    ("cto", "Chief Technology Officer"),
    ("cmo", "Chief Marketing Officer"),
    ("coo", "Chief Operating Officer"),
    ("cpo", None),
)

UNIT_NAMES = (
    "Payments",
    "Marketplace",
    "Search",
    "Identity",
    "Growth",
    "Logistics",
    "Messaging",
    "Analytics",
    "Ads",
    "Developer Platform",
    "Mobile",
    "Lending",
    "Insurance",
    "Travel",
    "Maps",
    "Commerce",
)
PRODUCT_SUFFIXES = ("Core", "API", "Mobile App", "Insights", "Admin Console", "Onboarding", "Billing", "Risk")

FIRST_NAMES = (
    "Dana",
    "Lee",
    "Priya",
    "Mateo",
    "Aisha",
    "Noah",
    "Mei",
    "Olu",
    "Sofia",
    "Lukas",
    "Yuki",
    "Amara",
    "Diego",
    "Hannah",
    "Ravi",
    "Chloe",
    "Kwame",
    "Elena",
    "Omar",
    "Ingrid",
    "Tariq",
    "Lucia",
    "Jonas",
    "Fatima",
    "Wei",
    "Grace",
    "Arjun",
    "Zoe",
    "Mikael",
    "Nadia",
    "Samuel",
    "Aiko",
    "Carlos",
    "Leila",
    "Finn",
    "Imani",
    "Pedro",
    "Sanna",
    "Hugo",
    "Renée",
    "José",
    "Zanele",
    "Tomás",
    "Björn",
    "Anaïs",
    "Chidi",
    "Marta",
    "Kenji",
    "Ava",
    "Iman",
)
LAST_NAMES = (
    "Reyes",
    "Okafor",
    "Nakamura",
    "Schmidt",
    "Patel",
    "García",
    "Kowalski",
    "Haddad",
    "Chen",
    "Johansson",
    "Mensah",
    "Rossi",
    "Dubois",
    "Kim",
    "Novak",
    "Silva",
    "Ivanova",
    "Brown",
    "Müller",
    "Singh",
    "Oyelaran",
    "Lindqvist",
    "Fernández",
    "Tanaka",
    "O'Connor",
    "Ahmed",
    "Petrov",
    "Nguyen",
    "Costa",
    "Larsen",
    "Abara",
    "Moreau",
    "Yilmaz",
    "Kaur",
    "Walsh",
    "Horvat",
    "Sato",
    "Mbeki",
    "Alvarez",
    "Berg",
)

# role -> (min, max) years of product management, for the product ladder
YEARS_PM = {
    "cpo": (14, 25),
    "head_of_product": (10, 20),
    "vp_product": (9, 18),
    "director_product": (7, 15),
    "gpm": (6, 12),
    "principal_pm": (8, 16),
    "senior_pm": (4, 9),
    "technical_pm": (2, 6),
    "pm": (1, 5),
    "associate_pm": (0, 1),
}

VACANCY_EVERY = 53
"""Every n-th individual contributor is an open role (about 2%)."""
DOTTED_EVERY = 37
"""Every n-th product manager also has a dotted line to their unit's engineering lead."""
SHORTCUT_SPAN = 10
"""Outside product, a level this small reports straight to the branch root (no 1-report chains)."""


@dataclass(frozen=True, slots=True)
class Level:
    """One layer of managers in a branch: who they are and how many people each one leads."""

    role: str
    title: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Branch:
    """A part of a unit: the individual contributors, the manager levels above them, the root."""

    name: str
    share: float
    leaves: tuple[tuple[str, str | None, int], ...]
    """(role, title, weight) of the individual contributors."""
    levels: tuple[Level, ...]
    """Manager levels from the lowest up."""
    root: tuple[str, str | None]
    shortcut: bool


PRODUCT = Branch(
    name="product",
    share=0.12,
    leaves=(
        ("pm", None, 40),
        ("senior_pm", None, 28),
        ("technical_pm", None, 10),
        ("associate_pm", None, 14),
        ("principal_pm", None, 8),
    ),
    levels=(
        Level("gpm", None, (6, 9)),
        Level("director_product", None, (4, 6)),
        Level("vp_product", None, (3, 5)),
    ),
    root=("head_of_product", "Head of Product, {unit}"),
    shortcut=False,
)
DESIGN = Branch(
    name="design",
    share=0.07,
    leaves=(
        ("other", "Product Designer", 50),
        ("other", "Senior Product Designer", 25),
        ("other", "UX Researcher", 15),
        ("other", "Content Designer", 10),
    ),
    levels=(
        Level("other", "Design Manager", (5, 8)),
        Level("other", "Senior Design Manager", (3, 5)),
        Level("other", "Design Director", (3, 5)),
    ),
    root=("other", "VP Design, {unit}"),
    shortcut=True,
)
ENGINEERING = Branch(
    name="engineering",
    share=0.60,
    leaves=(
        ("other", "Software Engineer", 40),
        ("other", "Senior Software Engineer", 30),
        ("other", "Staff Engineer", 6),
        ("other", "QA Engineer", 8),
        ("other", "Site Reliability Engineer", 8),
        ("other", "Data Engineer", 8),
    ),
    levels=(
        Level("other", "Engineering Manager", (6, 9)),
        Level("other", "Director of Engineering", (4, 7)),
        Level("other", "Senior Director of Engineering", (3, 6)),
        Level("other", "VP Engineering", (3, 5)),
    ),
    root=("other", "SVP Engineering, {unit}"),
    shortcut=True,
)
MARKETING = Branch(
    name="marketing",
    share=0.11,
    leaves=(
        ("other", "Product Marketing Manager", 40),
        ("other", "Content Strategist", 25),
        ("other", "Growth Marketer", 25),
        ("other", "Marketing Analyst", 10),
    ),
    levels=(
        Level("other", "Marketing Manager", (5, 8)),
        Level("other", "Senior Marketing Manager", (3, 5)),
        Level("other", "Marketing Director", (3, 6)),
    ),
    root=("other", "Head of Marketing, {unit}"),
    shortcut=True,
)
OPERATIONS = Branch(
    name="operations",
    share=0.10,
    leaves=(
        ("other", "Operations Specialist", 50),
        ("other", "Customer Success Manager", 30),
        ("other", "Business Analyst", 20),
    ),
    levels=(
        Level("other", "Operations Manager", (6, 9)),
        Level("other", "Senior Operations Manager", (3, 5)),
        Level("other", "Director of Operations", (3, 6)),
    ),
    root=("other", "Head of Operations, {unit}"),
    shortcut=True,
)
BRANCHES = (PRODUCT, DESIGN, ENGINEERING, MARKETING, OPERATIONS)

VIOLATION_PEOPLE = 26
"""People each sprinkle of rule violations adds (see `_sprinkle_violations`)."""


@dataclass(slots=True)
class Node:
    """A person-to-be while the tree is shaped; ids and names are given when it is emitted."""

    role: str
    title: str | None
    children: list[Node] = field(default_factory=list)
    product: str | None = None
    years_pm: int | None = None
    id: str = ""


@dataclass(slots=True)
class UnitTree:
    unit: Unit
    products: tuple[str, ...]
    branches: dict[str, Node]
    """Branch root per branch name (see `BRANCHES`)."""


def generate_org(size: int, seed: int = 1) -> Org:
    """A realistic org of exactly `size` people; the same size and seed give the same org."""
    if size < MIN_SIZE:
        raise ValueError(f"the generator needs at least {MIN_SIZE} people, got {size}")
    rng = random.Random(f"orgdesign-bench-{seed}-{size}")
    sprinkles = 1 + size // 25_000
    unit_count = unit_count_for(size)
    budget = size - 1 - len(EXECUTIVES) - sprinkles * VIOLATION_PEOPLE
    ceo = Node("ceo", "Founder & CEO")
    executives = {role: Node(role, title) for role, title in EXECUTIVES}
    ceo.children.extend(executives.values())
    units = [_unit_tree(i, budget_share, rng) for i, budget_share in enumerate(_split(budget, unit_count))]
    for tree in units:
        _attach_unit(tree, executives)
    _sprinkle_violations(units, executives, sprinkles)
    people = list(_emit(ceo, units, rng))
    org = Org(
        f"Generated product org ({size} people, seed {seed})",
        people,
        profile="enterprise",
        units=[tree.unit for tree in units],
    )
    assert len(org) == size, (len(org), size)
    return org


MAX_UNITS = 12
"""Each executive leads one branch per unit: 12 keeps their spans near the default limit."""


def unit_count_for(size: int) -> int:
    """2 units at 1k, 4 at 10k, 12 at 100k: roughly the square root, as real groups grow."""
    return max(2, min(MAX_UNITS, round(size**0.5 / 25)))


def deep_chain(length: int = DEEP_CHAIN_LENGTH) -> Org:
    """A CEO over a single chain of `length` managers: the worst case for anything recursive."""
    people = [Person("chain-0", "Chain Top", "ceo")]
    for depth in range(1, length + 1):
        people.append(
            Person(
                f"chain-{depth}",
                f"Chain Person {depth}",
                "other",
                title=f"Layer {depth}",
                reports_to=f"chain-{depth - 1}",
            )
        )
    return Org(f"Deep chain of {length + 1} people", people)


def hr_export_csv(org: Org) -> str:
    """The org as an HR system would export it: first and last name apart, titles only, no roles."""
    lines = ["Employee ID,First Name,Last Name,Job Title,Manager ID,Department"]
    for person in org.people():
        first, _, last = person.name.partition(" ")
        cells = (person.id, first, last, person.display_role, person.reports_to or "", person.unit or "")
        lines.append(",".join(_csv_cell(cell) for cell in cells))
    return "\n".join(lines) + "\n"


def _csv_cell(text: str) -> str:
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(ch in text for ch in ',"\n\r') else text


def _split(total: int, parts: int) -> list[int]:
    quotient, remainder = divmod(total, parts)
    return [quotient + (1 if i < remainder else 0) for i in range(parts)]


def _unit_tree(index: int, budget: int, rng: random.Random) -> UnitTree:
    name = UNIT_NAMES[index % len(UNIT_NAMES)]
    unit = Unit(_slug(name), name)
    products = tuple(f"{name} {suffix}" for suffix in rng.sample(PRODUCT_SUFFIXES, rng.randint(3, 6)))
    shares = [int(budget * branch.share) for branch in BRANCHES]
    shares[BRANCHES.index(ENGINEERING)] += budget - sum(shares)
    branches = {
        branch.name: _build_branch(branch, share, name, products, rng)
        for branch, share in zip(BRANCHES, shares, strict=True)
    }
    return UnitTree(unit, products, branches)


def _build_branch(branch: Branch, budget: int, unit_name: str, products: tuple[str, ...], rng: random.Random) -> Node:
    """A branch of exactly `budget` people with realistic spans at every level."""
    spans = [rng.randint(*level.span) for level in branch.levels]
    leaves = _leaf_count_for(budget, spans, branch.shortcut)
    role, title = branch.root
    root = Node(role, title.format(unit=unit_name) if title else None)
    layer = [_leaf(branch, rng) for _ in range(leaves)]
    for level, span in zip(branch.levels, spans, strict=True):
        if branch.shortcut and len(layer) <= SHORTCUT_SPAN:
            break
        layer = _group(layer, level, span)
    root.children = layer
    padding = budget - _count_tree(root)
    lowest_manager = _first_manager(root)
    lowest_manager.children.extend(_leaf(branch, rng) for _ in range(padding))
    _assign_products(root, products)
    return root


def _leaf_count_for(budget: int, spans: list[int], shortcut: bool) -> int:
    """The most individual contributors whose managers still fit in `budget` people."""
    leaves = max(1, budget)
    while leaves > 1 and _branch_size(leaves, spans, shortcut) > budget:
        leaves -= max(1, _branch_size(leaves, spans, shortcut) - budget)
    while _branch_size(leaves + 1, spans, shortcut) <= budget:
        leaves += 1
    return leaves


def _branch_size(leaves: int, spans: list[int], shortcut: bool) -> int:
    total, layer = leaves + 1, leaves
    for span in spans:
        if shortcut and layer <= SHORTCUT_SPAN:
            break
        layer = max(1, round(layer / span))
        total += layer
    return total


def _group(layer: list[Node], level: Level, span: int) -> list[Node]:
    """Spread `layer` evenly over as many managers as `span` asks for."""
    groups = max(1, round(len(layer) / span))
    quotient, remainder = divmod(len(layer), groups)
    managers, start = [], 0
    for i in range(groups):
        end = start + quotient + (1 if i < remainder else 0)
        managers.append(Node(level.role, level.title, layer[start:end]))
        start = end
    return managers


def _leaf(branch: Branch, rng: random.Random) -> Node:
    role, title, _ = rng.choices(branch.leaves, weights=[w for _, _, w in branch.leaves])[0]
    return Node(role, title)


def _count_tree(root: Node) -> int:
    total, stack = 0, [root]
    while stack:
        node = stack.pop()
        total += 1
        stack.extend(node.children)
    return total


def _first_manager(root: Node) -> Node:
    """The first manager of individual contributors, following first children down."""
    node = root
    while node.children and node.children[0].children:
        node = node.children[0]
    return node


def _assign_products(root: Node, products: tuple[str, ...]) -> None:
    """One product per group of teams (a Director's GPMs, say); every seventh group has two.

    The mixed groups make the "PMs under one Director work on several products" rule speak
    now and then, as in real orgs.
    """
    leads = _group_leads(root)
    if not leads:
        _set_product(root, products[0])
    for index, lead in enumerate(leads):
        own, next_one = products[index % len(products)], products[(index + 1) % len(products)]
        lead.product = own
        for position, team in enumerate(lead.children):
            mixed = index % 7 == 6 and position >= max(1, len(lead.children) // 2)
            _set_product(team, next_one if mixed else own)


def _group_leads(root: Node) -> list[Node]:
    """Managers of team leads (team lead: a manager of individual contributors), in tree order."""
    leads, stack = [], [root]
    while stack:
        node = stack.pop()
        if not node.children or not node.children[0].children:
            continue
        if not node.children[0].children[0].children:
            leads.append(node)
        else:
            stack.extend(reversed(node.children))
    return leads


def _set_product(root: Node, product: str) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        node.product = product
        stack.extend(node.children)


def _attach_unit(tree: UnitTree, executives: dict[str, Node]) -> None:
    branches = tree.branches
    branches["product"].children.append(branches["design"])
    executives["cpo"].children.append(branches["product"])
    executives["cto"].children.append(branches["engineering"])
    executives["cmo"].children.append(branches["marketing"])
    executives["coo"].children.append(branches["operations"])


def _sprinkle_violations(units: list[UnitTree], executives: dict[str, Node], sprinkles: int) -> None:
    """A few classic mistakes, `VIOLATION_PEOPLE` people each time, spread over the units.

    A PM reporting to the CTO, an engineering manager with 20 reports, a Principal PM with a
    report, a design manager with a single report, and a Director of Product with too little
    product experience.
    """
    for i in range(sprinkles):
        tree = units[i % len(units)]
        product = tree.products[0]
        executives["cto"].children.append(Node("pm", None, product=product))
        big_team = [Node("other", "Software Engineer", product=product) for _ in range(20)]
        tree.branches["engineering"].children.append(Node("other", "Engineering Manager", big_team, product=product))
        principal = Node("principal_pm", None, [Node("associate_pm", None, product=product)], product=product)
        tree.branches["product"].children.append(principal)
        lone_report = [Node("other", "Product Designer", product=product)]
        tree.branches["design"].children.append(Node("other", "Design Manager", lone_report, product=product))
        director = _first_with_role(tree.branches["product"], "director_product")
        if director is not None:
            director.years_pm = 3


def _first_with_role(root: Node, role: str) -> Node | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.role == role:
            return node
        stack.extend(reversed(node.children))
    return None


def _emit(ceo: Node, units: list[UnitTree], rng: random.Random):
    """People in tree pre-order, each with an id, a name and the fields a real layout has."""
    ids = _IdMaker()
    unit_of: dict[int, UnitTree] = {}
    for tree in units:
        for root in tree.branches.values():
            unit_of[id(root)] = tree
    ceo.id = ids.new("Dana", "Reyes")
    stack: list[tuple[Node, str | None, UnitTree | None]] = [(ceo, None, None)]
    pm_count = leaf_count = 0
    cto_id = ""
    while stack:
        node, manager, tree = stack.pop()
        tree = unit_of.get(id(node), tree)
        is_leaf = not node.children
        leaf_count += is_leaf
        vacancy = is_leaf and node.role != "ceo" and leaf_count % VACANCY_EVERY == 0
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        node.id = node.id or (ids.new("open", "role") if vacancy else ids.new(first, last))
        if node.role == "cto":
            cto_id = node.id
        if node.role in YEARS_PM:
            pm_count += 1
        dotted = _dotted_lines(node, tree, cto_id, pm_count)
        yield Person(
            id=node.id,
            name="Open role" if vacancy else f"{first} {last}",
            role=node.role,
            title=node.title,
            reports_to=manager,
            dotted_to=dotted,
            unit=tree.unit.id if tree else None,
            product=node.product,
            years_pm=_years_pm(node, rng),
            vacancy=vacancy,
        )
        stack.extend((child, node.id, tree) for child in reversed(node.children))


def _dotted_lines(node: Node, tree: UnitTree | None, cto_id: str, pm_count: int) -> tuple[str, ...]:
    """Some PMs have a dotted line to their unit's engineering lead, some Directors to the CTO."""
    if tree is None or node.role not in YEARS_PM:
        return ()
    engineering_lead = tree.branches["engineering"].id
    if node.role in ("pm", "senior_pm", "technical_pm") and pm_count % DOTTED_EVERY == 0 and engineering_lead:
        return (engineering_lead,)
    if node.role == "director_product" and pm_count % 5 == 0 and cto_id:
        return (cto_id,)
    return ()


def _years_pm(node: Node, rng: random.Random) -> int | None:
    if node.years_pm is not None:
        return node.years_pm
    if node.role not in YEARS_PM:
        return None
    low, high = YEARS_PM[node.role]
    return rng.randint(low, high)


class _IdMaker:
    """Readable ids from names ("priya-patel", "priya-patel-2", ...), unique within the org."""

    def __init__(self) -> None:
        self._used: dict[str, int] = {}

    def new(self, first: str, last: str) -> str:
        base = f"{_slug(first)}-{_slug(last)}"
        count = self._used.get(base, 0) + 1
        self._used[base] = count
        return base if count == 1 else f"{base}-{count}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(ch for ch in word if ch.isalnum()) for word in ascii_text.lower().split())


def parse_size(text: str) -> int:
    """'1k' -> 1000, '100k' -> 100000, '3000' -> 3000."""
    text = text.strip().lower().replace("_", "")
    if text.endswith("k"):
        return int(float(text[:-1]) * 1000)
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated product org as a layout file.")
    parser.add_argument("size", type=parse_size, help="number of people, e.g. 1000, 10k, 100k")
    parser.add_argument("-o", "--output", type=Path, required=True, help="layout file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--deep-chain", action="store_true", help="write a single chain of SIZE people instead")
    args = parser.parse_args(argv)
    from orgdesign.layout import dump_layout

    org = deep_chain(args.size) if args.deep_chain else generate_org(args.size, args.seed)
    args.output.write_text(dump_layout(org), encoding="utf-8")
    print(f"wrote {len(org)} people to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
