"""The canonical text of an org: the same org always gives the same bytes.

Fixed key order, people in tree order, one line per field, no line wrapping, optional fields
left out when unset. A string is written plain only when it reads back as exactly that
string under both YAML 1.1 (this loader, `yaml.safe_load`) and the YAML 1.2 core schema
(most other tools, where `1e3` is a number); otherwise it is double-quoted, with escapes for
everything that is not plainly printable. Bidi overrides and other invisible format characters
are escaped too, so what a reviewer sees in a diff is what the file holds.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import yaml
from yaml.nodes import ScalarNode

from orgdesign.layout.schema import FORMAT_VERSION
from orgdesign.model import Org, Person, Settings, Unit, Waiver

_DEFAULT_SETTINGS = Settings()
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_YAML12_NON_STRING = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)

# Characters that may not start a plain scalar (YAML indicators, reserved, or risky).
_LEADING_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Characters that end a plain scalar inside [...] or {...} for at least one YAML reader.
_FLOW_STOPPERS = frozenset(",[]{}:#?")
NAMED_ESCAPES = {
    "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
    "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L",
    "\u2029": "\\P",
}  # fmt: skip


def dump_layout(org: Org) -> str:
    """The canonical YAML text of `org` (ends with a newline)."""
    lines = [f"orgdesign: {FORMAT_VERSION}", f"name: {scalar(org.name)}", f"profile: {scalar(org.profile)}"]
    lines.extend(_settings_lines(org.settings))
    lines.extend(_unit_lines(org.units))
    people = org.tree_order()
    if not people:
        lines.append("people: []")
    else:
        lines.append("people:")
        for person in people:
            lines.extend(_person_lines(person))
    return "\n".join(lines) + "\n"


def _settings_lines(settings: Settings) -> list[str]:
    lines = []
    if settings.max_span != _DEFAULT_SETTINGS.max_span:
        lines.append(f"  max_span: {settings.max_span}")
    if settings.max_layers != _DEFAULT_SETTINGS.max_layers:
        lines.append(f"  max_layers: {settings.max_layers}")
    if settings.disable:
        lines.append(f"  disable: {flow_list(settings.disable)}")
    if settings.aliases:
        lines.append(f"  aliases: {flow_list(settings.aliases)}")
    return ["settings:", *lines] if lines else []


def _unit_lines(units: tuple[Unit, ...]) -> list[str]:
    if not units:
        return []
    return ["units:", *(f"  - {{id: {scalar(u.id, flow=True)}, name: {scalar(u.name, flow=True)}}}" for u in units)]


def _person_lines(person: Person) -> list[str]:
    lines = [
        f"  - id: {scalar(person.id)}",
        f"    name: {scalar(person.name)}",
        f"    role: {scalar(person.role)}",
    ]
    if person.title is not None:
        lines.append(f"    title: {scalar(person.title)}")
    if person.reports_to is not None:
        lines.append(f"    reports_to: {scalar(person.reports_to)}")
    if person.dotted_to:
        lines.append(f"    dotted_to: {flow_list(person.dotted_to)}")
    if person.unit is not None:
        lines.append(f"    unit: {scalar(person.unit)}")
    if person.product is not None:
        lines.append(f"    product: {scalar(person.product)}")
    if person.years_pm is not None:
        lines.append(f"    years_pm: {person.years_pm}")
    if person.vacancy:
        lines.append("    vacancy: true")
    if person.notes is not None:
        lines.append(f"    notes: {scalar(person.notes)}")
    if person.allow:
        lines.append("    allow:")
        lines.extend(f"      - {_waiver(waiver)}" for waiver in person.allow)
    return lines


def _waiver(waiver: Waiver) -> str:
    return f"{{rule: {scalar(waiver.rule, flow=True)}, reason: {scalar(waiver.reason, flow=True)}}}"


def flow_list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(item, flow=True) for item in items) + "]"


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same string, else quoted."""
    return text if reads_back_plain(text, flow) else double_quoted(text)


def double_quoted(text: str) -> str:
    return '"' + "".join(_escaped(ch) for ch in text) + '"'


def _escaped(ch: str) -> str:
    named = NAMED_ESCAPES.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if not _needs_escape(ch) or 0xD800 <= code <= 0xDFFF:
        return ch  # a lone surrogate has no YAML escape: saving refuses it (see saving.py)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(ch: str) -> bool:
    """Whether `ch` must be written as an escape: controls, and anything invisible in a diff."""
    if " " <= ch <= "~":
        return False
    return not ch.isprintable() or unicodedata.category(ch) in ("Cf", "Zl", "Zp")


@functools.lru_cache(maxsize=1 << 16)
def reads_back_plain(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted (remembered: titles, roles and managers repeat across people)."""
    if not text or text[0] in _LEADING_INDICATORS or text[0] == " " or text[-1] == " ":
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and not _FLOW_STOPPERS.isdisjoint(text):
        return False
    if not text.isascii() and any(_needs_escape(ch) for ch in text):
        return False
    if not text.isprintable():  # tabs, newlines and other ASCII controls
        return False
    if _YAML12_NON_STRING.fullmatch(text):
        return False
    tag: str = _RESOLVER.resolve(ScalarNode, text, (True, False))
    return tag == _STR_TAG
