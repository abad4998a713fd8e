"""Properties across the core: whatever edits a user makes, saving and loading give back the
same org and validation never fails. The edits move people between units (the starting org has
one, `pay`, and the edits add `web`) so the unit-scoped rules are kept in step too."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_edits import org as starting_org

from orgdesign.edits import (
    AddPerson,
    ChangeRole,
    EditRefused,
    History,
    MovePerson,
    RemovePerson,
    SetOrgField,
    SetProductLineTo,
    UpdatePerson,
)
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.model import PROFILES, Person, Settings, Unit
from orgdesign.roles import ROLE_ALIASES, ROLE_IDS
from orgdesign.rules import Validator, validate

hostile_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())
ids = st.sampled_from(["ceo", "cto", "cpo", "hop", "dir", "pm1", "pm2", "eng", "n1", "n2", "n3"])

edits = st.one_of(
    st.builds(
        lambda pid, boss, role, name, title: AddPerson(Person(pid, name, role, title=title, reports_to=boss)),
        ids,
        ids,
        st.sampled_from(ROLE_IDS),
        hostile_text,
        st.one_of(st.none(), hostile_text),
    ),
    st.builds(MovePerson, ids, st.one_of(st.none(), ids)),
    st.builds(ChangeRole, ids, st.sampled_from(ROLE_IDS)),
    st.builds(lambda pid, notes: UpdatePerson(pid, notes=notes), ids, hostile_text),
    st.builds(lambda pid, years: UpdatePerson(pid, years_pm=years), ids, st.integers(0, 40)),
    st.builds(lambda pid, v: UpdatePerson(pid, vacancy=v), ids, st.booleans()),
    st.builds(
        lambda pid, product: UpdatePerson(pid, product=product), ids, hostile_text | st.sampled_from(["Pay", " pay"])
    ),
    st.builds(lambda pid, unit: UpdatePerson(pid, unit=unit), ids, st.sampled_from([None, "pay", "web"])),
    st.builds(SetOrgField, st.just("units"), st.just((Unit("pay", "Payments"), Unit("web", "Web")))),
    st.builds(
        SetOrgField,
        st.just("settings"),
        st.lists(st.sampled_from(sorted(ROLE_ALIASES)), max_size=2, unique=True).map(
            lambda aliases: Settings(aliases=tuple(aliases))
        ),
    ),
    st.builds(lambda pid, sub: RemovePerson(pid, with_subtree=sub), ids, st.booleans()),
    st.builds(SetProductLineTo, st.sampled_from(["ceo", "cto"])),
    st.builds(SetOrgField, st.just("profile"), st.sampled_from(PROFILES)),
    st.builds(SetOrgField, st.just("name"), hostile_text),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, max_size=15))
def test_after_any_edits_save_then_load_is_the_identity_and_live_findings_match_a_fresh_check(sequence):
    org = starting_org()
    history = History(org)
    live = Validator(org)
    for edit in sequence:
        try:
            touched = history.do(edit)
        except EditRefused:
            continue
        if isinstance(edit, SetOrgField):
            live.refresh_all()
        else:
            live.refresh(touched)
    assert loads_layout(dump_layout(org)) == org
    assert live.findings == validate(org)
