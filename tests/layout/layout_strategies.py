"""Hypothesis strategies: valid orgs full of hostile text.

Hostile text: YAML 1.1 look-alikes (No, 0123, null, 1e3), indicators, quotes, brackets,
colons, #, newlines, tabs, control characters, escape sequences, Rich markup, bidi
overrides, emoji, CJK and a 20,000-character string. Lone surrogates are excluded: they
cannot be stored in a UTF-8 file at all (saving refuses them with a clear error).
"""

from __future__ import annotations

from hypothesis import strategies as st
from layout_helpers import KNOWN_RULES

from orgdesign.model import PROFILES, Org, Person, Settings, Unit, Waiver
from orgdesign.roles import ROLE_ALIASES, ROLE_IDS

TRAPS = (
    "No", "no", "yes", "Yes", "on", "OFF", "y", "n", "Y", "N", "yEs", "oN", "true", "False", "null", "Null", "~",
    "0123", "0x1F", "0o17", "1e3", "1_000", "12", "-1", "+1", ".5", ".inf", "-.INF", ".NaN",
    "2024-01-01", "2001-12-14t21:59:43.10-05:00", "12:30", "190:20:30", "1:20", "0:20", "<<", "=",
    "- a", "-a", "? a", "?a", ": a", ":a", "a: b", "a:b", "a:", "a #b", "a#b", "#x", "[a]",
    "{a: b}", "a, b", "a,b", "'q'", '"q"', "O'Brien", "&a", "*a", "!tag", "!!str", "%x",
    "@x", "`x", "|", ">", "---", "...", "--- a", "a\nb", "a\r\nb", "\ttab", "a\tb", " lead",
    "trail ", "a  b", "\u202eRTL override", "a\u200fb", "\u2066isolate\u2069", "😀👩‍👩‍👧",
    "日本語の名前", "Ünïcödé", "R&D [/] team", "[link=https://example.com]Eve[/link]",
    "[bold red]x[/]", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "zero\u200bwidth", "\ufeffbom", "\x85nel", "line\u2028sep", "para\u2029sep", "nbsp\xa0x",
    "\x00nul", "\x7fdel", "\\", "a\\nb", '\\"', "x" * 20_000,
)  # fmt: skip

any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
hostile_text = st.one_of(any_text, st.sampled_from(TRAPS))
optional_text = st.one_of(st.none(), st.just(""), hostile_text)
reason_text = hostile_text.filter(lambda text: text.strip() != "")


@st.composite
def orgs(draw: st.DrawFn, max_people: int = 12) -> Org:
    """A valid org: anything the loader accepts, graph problems (cycles, dangling managers,
    several tops) included, since those are the rules' business."""
    units = draw(st.lists(st.builds(Unit, hostile_text, hostile_text), max_size=3, unique_by=lambda u: u.id))
    ids = draw(st.lists(hostile_text, max_size=max_people, unique=True))
    reference = st.one_of(st.sampled_from(ids), hostile_text) if ids else hostile_text
    people = [draw(_person(pid, reference, units)) for pid in ids]
    settings = draw(
        st.builds(
            Settings,
            max_span=st.integers(1, 10**6),
            max_layers=st.integers(1, 10**6),
            disable=st.lists(st.sampled_from(sorted(KNOWN_RULES)), max_size=3).map(tuple),
            aliases=st.lists(st.sampled_from(sorted(ROLE_ALIASES)), max_size=2, unique=True).map(tuple),
        )
    )
    return Org(draw(hostile_text), people, profile=draw(st.sampled_from(PROFILES)), settings=settings, units=units)


def _person(pid: str, reference: st.SearchStrategy[str], units: list[Unit]) -> st.SearchStrategy[Person]:
    unit = st.one_of(st.none(), st.sampled_from([u.id for u in units])) if units else st.none()
    return st.builds(
        Person,
        id=st.just(pid),
        name=hostile_text,
        role=st.sampled_from(ROLE_IDS),
        title=optional_text,
        reports_to=st.one_of(st.none(), reference),
        dotted_to=st.lists(reference, max_size=3).map(tuple),
        unit=unit,
        product=optional_text,
        years_pm=st.one_of(st.none(), st.integers(0, 60), st.integers(0, 10**30)),
        vacancy=st.booleans(),
        notes=optional_text,
        allow=st.lists(st.builds(Waiver, st.sampled_from(sorted(KNOWN_RULES)), reason_text), max_size=2).map(tuple),
    )
