"""The org model: queries a designer and the rules rely on."""

from dataclasses import fields, replace

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from orgdesign.model import Org, Person, Unit, Waiver, climb, with_field


def person(pid, role="pm", to=None, **fields):
    return Person(pid, pid.title(), role, reports_to=to, **fields)


def small_org():
    return Org(
        "Acme",
        [
            person("ceo", "ceo"),
            person("cpo", "cpo", "ceo"),
            person("hop", "head_of_product", "cpo"),
            person("pm1", "pm", "hop"),
            person("pm2", "pm", "hop", dotted_to=("cpo",)),
            person("cto", "cto", "ceo"),
        ],
        units=[Unit("pay", "Payments")],
    )


def test_edges_run_from_manager_to_report():
    org = small_org()
    assert org.graph.has_edge("hop", "pm1")
    assert not org.graph.has_edge("pm1", "hop")
    assert org.dotted.has_edge("cpo", "pm2")
    assert not org.graph.has_edge("cpo", "pm2")


def test_queries_answer_in_display_order():
    org = small_org()
    assert [p.id for p in org.reports("ceo")] == ["cpo", "cto"]
    assert org.manager("pm1").id == "hop"
    assert [p.id for p in org.chain_of_command("pm1")] == ["hop", "cpo", "ceo"]
    assert org.layer("pm1") == 3
    assert org.subtree_ids("cpo") == ["cpo", "hop", "pm1", "pm2"]
    assert [p.id for p in org.tops()] == ["ceo"]
    assert [p.id for p in org.dotted_reports("cpo")] == ["pm2"]
    assert [p.id for p in org.dotted_managers("pm2")] == ["cpo"]
    assert [p.id for p in org.people_with_role("pm")] == ["pm1", "pm2"]
    assert org.unit("pay").name == "Payments"
    assert org.unit("nope") is None


def test_tree_order_lists_everyone_once_even_with_a_cycle_and_a_dangling_manager():
    org = Org(
        "Loops",
        [person("a", "ceo"), person("b", to="c"), person("c", to="b"), person("d", to="ghost"), person("e", to="a")],
    )
    order = [p.id for p in org.tree_order()]
    assert sorted(order) == ["a", "b", "c", "d", "e"]
    assert order[:2] == ["a", "e"]
    assert org.manager("d") is None
    assert org.chain_of_command("b") == [org["c"]]


def test_a_report_waiting_for_a_manager_is_connected_when_the_manager_arrives():
    org = Org("Late", [person("pm", to="boss")])
    assert org.manager("pm") is None
    org.put(person("boss", "gpm"))
    assert org.manager("pm").id == "boss"
    org.pop("boss")
    assert org.manager("pm") is None and org["pm"].reports_to == "boss"
    org.put(person("boss", "gpm"))
    assert org.graph.has_edge("boss", "pm")


def test_a_ten_thousand_deep_chain_needs_no_recursion():
    people = [person("p0", "ceo")] + [person(f"p{i}", "other", f"p{i - 1}") for i in range(1, 10_000)]
    org = Org("Deep", people)
    assert org.layer("p9999") == 9999
    assert len(org.tree_order()) == 10_000
    assert len(org.subtree_ids("p0")) == 10_000
    assert nx.is_arborescence(org.graph)


def test_equality_ignores_file_positions_but_not_sibling_order():
    a = Org("X", [person("ceo", "ceo"), person("x", to="ceo"), person("y", to="ceo")])
    b = Org("X", [Person("ceo", "Ceo", "ceo", line=9), person("x", to="ceo"), person("y", to="ceo")])
    c = Org("X", [person("ceo", "ceo"), person("y", to="ceo"), person("x", to="ceo")])
    assert a == b
    assert a != c


def test_the_climb_up_names_the_cycle_it_runs_into_and_stops_at_people_dealt_with():
    managers = {"a": "b", "b": "c", "c": "b", "top": None, "x": "top"}
    assert climb("a", managers.get) == (["a", "b", "c"], ["b", "c"])
    assert climb("x", managers.get) == (["x", "top"], [])
    assert climb("a", managers.get, stop={"c"}) == (["a", "b"], [])
    assert climb("self", {"self": "self"}.get) == (["self"], ["self"])


def test_the_reporting_index_follows_each_change():
    org = small_org()
    assert dict(org.report_roles("hop")) == {"pm": 2}
    org.put(person("pm1", "senior_pm", "hop"))
    assert dict(org.report_roles("hop")) == {"pm": 1, "senior_pm": 1}
    org.put(person("pm2", "pm", "ghost", dotted_to=("nobody",)))
    assert org.naming_nobody() == {"pm2"} and org.naming("ghost") == {"pm2"}
    assert org.declared_top_ids() == {"ceo"} and org.top_ids() == ["ceo", "pm2"]
    org.pop("hop")
    assert org.naming("hop") == {"pm1"} and org.naming_nobody() == {"pm1", "pm2"}
    assert "hop" not in set(org.managers()) and "cpo" not in set(org.managers())


def test_a_change_of_role_keeps_every_line_and_counts_the_new_role_among_the_managers_reports():
    org = small_org()
    edges, dotted = sorted(org.graph.edges), sorted(org.dotted.edges)
    org.put(with_field(org["pm2"], "role", "senior_pm"))
    assert dict(org.report_roles("hop")) == {"pm": 1, "senior_pm": 1}
    org.put(with_field(org["pm1"], "role", "senior_pm"))
    assert dict(org.report_roles("hop")) == {"senior_pm": 2}, "a role nobody holds any more is not counted as 0"
    assert sorted(org.graph.edges) == edges and sorted(org.dotted.edges) == dotted
    assert org.reports("hop")[1].role == "senior_pm" and org.dotted_reports("cpo")[0].role == "senior_pm"
    org.put(with_field(org["cpo"], "role", "head_of_product"))
    assert dict(org.report_roles("ceo")) == {"head_of_product": 1, "cto": 1}


def test_with_field_changes_one_field_and_keeps_the_others_as_replace_does():
    someone = Person(
        "ann", "Ann", "pm", "Lead", "hop", ("cpo",), "pay", "Pay", 3, True, "n", (Waiver("SPN201", "ok"),), 4, 5, ("c",)
    )
    for name, value in (("role", "gpm"), ("reports_to", None), ("product", None), ("unit", "web"), ("line", 9)):
        changed = with_field(someone, name, value)
        assert changed == replace(someone, **{name: value})
        assert [getattr(changed, f.name) for f in fields(Person)] == [
            getattr(replace(someone, **{name: value}), f.name) for f in fields(Person)
        ]


def shape(org: Org) -> tuple:
    """What views that follow the org's shape depend on: who is in it, their lines and positions."""
    return tuple(sorted((p.id, p.reports_to, p.dotted_to, org.seq(p.id)) for p in org.people()))


IDS = ["a", "b", "c", "d"]
operations = st.one_of(
    st.tuples(
        st.just("put"),
        st.sampled_from(IDS),
        st.sampled_from([None, *IDS, "nobody"]),  # manager
        st.sampled_from([(), ("a",), ("b", "nobody"), ("a", "a")]),  # dotted lines (a layout may name one twice)
        st.sampled_from(["pm", "senior_pm"]),
        st.sampled_from([None, "Payments"]),  # product
        st.sampled_from([None, 0, 7]),  # position
        st.booleans(),  # named in capitals
    ),
    st.tuples(st.just("pop"), st.sampled_from(IDS)),
)


def names_of(org: Org) -> dict[str, str]:
    """What views naming people depend on: who is in the org, and their names."""
    return {p.id: p.name for p in org.people()}


@given(st.lists(operations, max_size=25))
def test_reshapes_and_dotted_reports_follow_every_change(steps):
    """Views skip their structural work when the count stands still (a bulk change of product):
    it must move on every change of who is in the org, of a line or of a position, and only then.
    The count of renames moves on every change of who is in the org or of a name, and only then.
    Whose manager changed since a count is known (`relinked_since`: a reports_to changed, their
    manager came or went, or they arrived), and so are the people dotted to anyone asked about."""
    org = Org("Shapes", [person("a")])
    everyone = [*IDS, "nobody"]  # one list throughout: `relinked_since` answers the same question from memory
    for step in steps:
        before, count = shape(org), org.reshapes
        names, renames = names_of(org), org.renames
        managers = {pid: (org.manager_id(pid), org[pid].reports_to) for pid in IDS if pid in org}
        if step[0] == "pop":
            if step[1] not in org:
                continue
            org.pop(step[1])
        else:
            _, pid, manager, dotted, role, product, seq, capitals = step
            name = pid.upper() if capitals else pid
            org.put(Person(pid, name, role, reports_to=manager, dotted_to=dotted, product=product), seq)
        assert (org.reshapes != count) == (shape(org) != before), step
        assert (org.renames != renames) == (names_of(org) != names), step
        now = {pid: (org.manager_id(pid), org[pid].reports_to) for pid in IDS if pid in org}
        relinked = {pid for pid, manager in now.items() if managers.get(pid) != manager}
        assert set(org.relinked_since(count, everyone)) == relinked, step
        assert set(org.relinked_since(count, everyone)) == relinked, step
        assert set(org.dotted) <= {p.id for p in org.people()}, "the dotted lines' graph holds people of the org only"
        for pid in IDS:
            if pid in org:  # reports are looked up only for people someone names as their manager
                assert set(org.unordered_report_ids(pid)) == set(org.graph.successors(pid)), step
                below = {p.id for p in org.people() if pid in [m.id for m in org.chain_of_command(p.id)]}
                assert org.below([pid]) == {pid} | below, step
        for asked in ({"a"}, {"b", "nobody"}, set(IDS)):
            present = {pid for pid in asked if pid in org}
            dotted_to_them = {p.id for p in org.people() if present & set(p.dotted_to)}
            assert org.dotted_report_ids_of(asked) == dotted_to_them, step
