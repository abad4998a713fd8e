"""Shapes the seed documents describe stay clean, and the claims the newer rules check.

Each block: a layout that triggers, one that must not, the waiver where the rule is new or
changed, and the fix where there is one. Incremental re-checks must agree with a full check.
"""

from __future__ import annotations

from orgspec import make_org

from orgdesign.edits import ChangeRole, MovePerson, UpdatePerson
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.layout.canonical import read_canonical
from orgdesign.rules import Validator, validate


def found(org, code):
    return [f.person for f in validate(org) if f.code == code]


def waived(org, code):
    return [f.person for f in validate(org) if f.code == code and f.waived is not None]


# -- companies within a company (000) -------------------------------------------------------

GROUP = """
boss ceo
ca ceo > boss unit=a
ha head_of_product > ca unit=a years=8
fa other > ca unit=a
pa1 pm > ha unit=a product=Pay
pa2 pm > ha unit=a product=Pay
cb ceo > boss unit=b
pb1 pm > cb unit=b product=Lend
pb2 pm > cb unit=b product=Lend
"""


def group(extra: str = "", profile: str = "scaleup"):
    return make_org(GROUP + extra, profile=profile, units="a b c")


def test_pms_of_a_unit_reporting_to_their_own_ceo_are_not_outside_another_units_head():
    org = group()
    assert validate(org) == []


def test_a_second_unit_with_its_own_head_is_its_own_scope_for_prd110():
    org = group("hb head_of_product > cb unit=b years=8\nd director_product > cb unit=b years=7\npb3 pm > d unit=b")
    assert "d" in found(org, "PRD110")
    assert not {"ha", "pa1", "pa2"} & set(found(org, "PRD110"))
    assert "Hb Doe" in next(f for f in validate(org) if f.code == "PRD110" and f.person == "d").message


def test_a_group_level_head_still_covers_units_without_a_head_of_their_own():
    org = make_org("ana ceo\nmaya head_of_product > ana years=9\npm1 pm > maya\nlee pm > ana unit=web", units="web")
    assert found(org, "PRD110") == ["lee"]


def test_prd103_looks_for_the_cpo_of_the_heads_own_unit():
    clean = group("zoe cpo > ca unit=b years=10\nhb head_of_product > zoe unit=b years=8\npb3 pm > hb unit=b")
    assert found(clean, "PRD103") == []
    other_units_cpo = group("zoe cpo > ca unit=a years=10")
    assert found(other_units_cpo, "PRD103") == ["ha"]
    fixed = Validator(other_units_cpo)
    finding = next(f for f in fixed.findings if f.code == "PRD103")
    fixed.refresh(fixed.fix_for(finding).apply(other_units_cpo))
    assert other_units_cpo["ha"].reports_to == "zoe"
    assert fixed.findings == validate(other_units_cpo)


def test_a_pm_reporting_to_another_units_ceo_is_flagged():
    org = group("pb3 pm > ca unit=b product=Lend")
    (finding,) = [f for f in validate(org) if f.code == "PRD113"]
    assert finding.person == "pb3"
    assert "unit A unit" in finding.message and "Ca Doe" in finding.message


def test_a_pm_reporting_to_another_units_head_is_flagged_even_when_their_unit_has_one():
    org = group("hb head_of_product > cb unit=b years=8\npb3 pm > hb unit=b\npa3 pm > hb unit=a product=Pay")
    assert found(org, "PRD113") == ["pa3"]


def test_a_pm_reporting_to_the_group_ceo_while_their_unit_has_a_ceo_is_flagged():
    org = group("pb3 pm > boss unit=b product=Lend")
    assert found(org, "PRD113") == ["pb3"]
    assert found(group("pc pm > boss unit=c product=Lend"), "PRD113") == []  # unit c has no CEO of its own


def test_prd113_waiver_and_incremental_agreement():
    org = group("pb3 pm > ca unit=b product=Lend allow=PRD113")
    assert waived(org, "PRD113") == ["pb3"]
    validator = Validator(org)
    validator.refresh(UpdatePerson("ca", unit="b").apply(org))
    assert validator.findings == validate(org)
    assert "PRD113" not in {f.code for f in validator.findings}


def test_reporting_options_offer_the_pms_own_unit_leaders():
    org = group("hb head_of_product > cb unit=b years=8\npb3 pm > hb unit=b")
    validator = Validator(org)
    assert [(p.id, label) for p, label in validator.reporting_options("pb1")] == [
        ("hb", "their product leader"),
        ("cb", "the CEO"),
    ]
    assert [p.id for p, _ in validator.reporting_options("pa1")] == ["ha", "ca"]
    assert validator.reporting_options("ha") == []


def test_reporting_options_without_a_unit_head_offer_the_units_ceo_only():
    validator = Validator(group())
    assert [p.id for p, _ in validator.reporting_options("pb1")] == ["cb"]


# -- enterprise: a Director over the Head of Product (002, 004) ---------------------------

DIRECTOR_OVER_HEAD = """
ana ceo
x other > ana
d director_product > ana years=9
maya head_of_product > d years=8
pm1 pm > maya
pm2 pm > maya
"""


def test_a_director_over_the_head_of_product_leads_product_people_through_them():
    org = make_org(DIRECTOR_OVER_HEAD, profile="enterprise")
    assert validate(org) == []
    assert found(make_org(DIRECTOR_OVER_HEAD, profile="scaleup"), "SPN202") == ["d"]
    assert found(make_org("ana ceo\nd director_product > ana years=9\nx other > d\ny other > d"), "PRD107") == ["d"]


# -- a CPO whose only report is the Head of Product (001, 004) ------------------------------


def test_a_cpo_with_only_the_head_of_product_below_is_not_a_manager_of_one():
    org = make_org("ana ceo\nsam cto > ana\nzoe cpo > ana years=10\nmaya head_of_product > zoe years=9\npm1 pm > maya")
    assert "zoe" not in found(org, "SPN202")
    lone = make_org("ana ceo\nsam cto > ana\nzoe cpo > ana years=10\nx other > zoe")
    assert "zoe" in found(lone, "SPN202")


# -- startup: a young company's Head of Product is often its senior PM (004) ----------------------


def test_startup_accepts_a_lone_or_junior_head_of_product():
    lone = "ana ceo\nmaya head_of_product > ana years=2\nx other > ana"
    assert found(make_org(lone, profile="startup"), "PRD115") == []
    assert found(make_org(lone, profile="startup"), "PRD111") == []
    assert found(make_org(lone, profile="scaleup"), "PRD115") == ["maya"]
    assert found(make_org(lone, profile="scaleup"), "PRD111") == ["maya"]
    junior_director = "ana ceo\nd director_product > ana years=2\npm1 pm > d\npm2 pm > d"
    assert found(make_org(junior_director, profile="startup"), "PRD111") == ["d"]


# -- several tops --------------------------------------------------------------------------


def test_org003_lands_on_the_stray_top_not_on_the_ceo_listed_after_it():
    org = make_org("lee pm\nana ceo\nx other > ana")
    assert found(org, "ORG003") == ["lee"]
    assert "Ana Doe (CEO) is already the top" in next(f for f in validate(org) if f.code == "ORG003").message


def test_without_a_ceo_the_top_with_the_most_people_below_is_the_org_top():
    org = make_org("a other\nb other\nc other > b\nd other > b")
    assert found(org, "ORG003") == ["a"]
    validator = Validator(org)
    validator.refresh(MovePerson("c", "a").apply(org))
    validator.refresh(MovePerson("d", "a").apply(org))
    assert validator.findings == validate(org)
    assert found(org, "ORG003") == ["b"]


def test_org003_waiver():
    assert waived(make_org("lee pm allow=ORG003\nana ceo\nx other > ana"), "ORG003") == ["lee"]


# -- product names (PRD112) ----------------------------------------------------------------


def test_product_names_differing_in_case_or_spaces_are_one_product():
    spec = "ana ceo\nd director_product > ana years=7\npm1 pm > d product=Pay\npm2 pm > d product=_pay_"
    assert found(make_org(spec), "PRD112") == []
    several = make_org(spec + "\npm3 pm > d product=Search")
    (finding,) = [f for f in validate(several) if f.code == "PRD112"]
    assert "2 products" in finding.message and "Search" in finding.message


# -- product leaders under the CTO (000) ---------------------------------------------------

ENGINEERING = "ana ceo\nsam cto > ana\ne1 other > sam\ne2 other > sam\n"


def test_a_director_or_head_under_the_cto_without_a_cpo_is_flagged():
    org = make_org(ENGINEERING + "d director_product > sam years=7\npm1 pm > d\npm2 pm > d")
    assert found(org, "PRD116") == ["d"]
    head = make_org(ENGINEERING + "maya head_of_product > sam years=9\npm1 pm > maya\npm2 pm > maya")
    assert found(head, "PRD116") == ["maya"]
    validator = Validator(head)
    finding = next(f for f in validator.findings if f.code == "PRD116")
    assert finding.fix == "move Maya Doe under Ana Doe (CEO)"
    validator.refresh(validator.fix_for(finding).apply(head))
    assert found(head, "PRD116") == [] and validator.findings == validate(head)


def test_a_head_under_the_cto_with_a_cpo_gets_one_finding_prd103():
    org = make_org(
        ENGINEERING + "zoe cpo > ana years=10\nx other > zoe\nmaya head_of_product > sam years=9\npm1 pm > maya"
    )
    assert found(org, "PRD103") == ["maya"]
    assert found(org, "PRD116") == []


def test_the_fix_takes_a_leader_out_of_engineering_beside_the_cto():
    org = make_org(ENGINEERING + "d director_product > sam years=7\nmaya head_of_product > d years=9\npm1 pm > maya")
    validator = Validator(org)
    finding = next(f for f in validator.findings if f.code == "PRD116" and f.person == "d")
    assert finding.fix == "move D Doe under Ana Doe (CEO)"


# -- PRD108 looks past non-product people ---------------------------------------------------

THROUGH_OTHER = """
ana ceo
d director_product > ana years=9
ops other > d
vp vp_product > ops years=8
pm1 pm > vp
pm2 pm > vp
"""


def test_prd108_compares_with_the_nearest_product_leader_past_other_people():
    org = make_org(THROUGH_OTHER)
    (finding,) = [f for f in validate(org) if f.code == "PRD108"]
    assert finding.person == "vp"
    assert "D Doe (Director of Product) through Ops Doe (Other)" in finding.message
    assert waived(make_org(THROUGH_OTHER.replace("ops years=8", "ops years=8 allow=PRD108")), "PRD108") == ["vp"]
    validator = Validator(org)
    validator.refresh(validator.fix_for(finding).apply(org))
    assert org["vp"].reports_to == "ana"
    assert found(org, "PRD108") == [] and validator.findings == validate(org)


def test_prd108_stops_at_an_executive():
    org = make_org("ana ceo\nd director_product > ana years=9\nsam cto > d\nvp vp_product > sam years=8\npm1 pm > vp")
    assert found(org, "PRD108") == []


def test_prd108_follows_edits_to_the_leader_far_above():
    org = make_org(THROUGH_OTHER)
    validator = Validator(org)
    validator.refresh(UpdatePerson("d", name="Dee Renamed").apply(org))
    assert validator.findings == validate(org)
    assert "Dee Renamed" in next(f for f in validator.findings if f.code == "PRD108").message
    validator.refresh(ChangeRole("d", "cpo").apply(org))
    assert validator.findings == validate(org)
    assert "PRD108" not in {f.code for f in validator.findings}
    validator.refresh(ChangeRole("ops", "cmo").apply(org))
    validator.refresh(ChangeRole("d", "gpm").apply(org))
    assert validator.findings == validate(org)


# -- units built around one product (000) and Group PMs (001) ------------------------------


def test_a_unit_over_several_products_is_reported_once_on_its_head():
    org = group("pa3 pm > ha unit=a product=Loans")
    assert found(org, "PRD118") == ["ha"]
    assert found(group("pa3 pm > ha unit=a product=_PAY_"), "PRD118") == []
    validator = Validator(group())
    org2 = validator.org
    validator.refresh(UpdatePerson("pb1", product="Cards").apply(org2))
    assert validator.findings == validate(org2)
    assert [f.person for f in validator.findings if f.code == "PRD118"] == ["cb"]


def test_a_group_pm_over_several_products_is_reported_and_can_be_waived():
    spec = "ana ceo\nmaya head_of_product > ana years=9\ng gpm > maya\npm1 pm > g product=Pay\npm2 pm > g product=Loans"
    assert found(make_org(spec), "PRD117") == ["g"]
    assert waived(make_org(spec.replace("g gpm > maya", "g gpm > maya allow=PRD117")), "PRD117") == ["g"]


# -- titles the documents call one role -----------------------------------------------------

CPO_UNDER_HEAD = "ana ceo\nmaya head_of_product > ana years=9\nzoe cpo > maya years=10\npm1 pm > zoe\npm2 pm > maya"
HEAD_UNDER_VP = "ana ceo\nvp vp_product > ana years=8\nmaya head_of_product > vp years=9\npm1 pm > maya\npm2 pm > vp"
HEAD_BESIDE_CPO = "ana ceo\nzoe cpo > ana years=10\nx other > zoe\nmaya head_of_product > ana years=9\npm1 pm > maya"


def test_without_aliases_rank_problems_between_the_titles_are_reported():
    assert "zoe" in found(make_org(CPO_UNDER_HEAD), "PRD108")
    assert found(make_org(HEAD_UNDER_VP), "PRD108") == ["maya"]
    assert found(make_org(HEAD_BESIDE_CPO), "PRD103") == ["maya"]


def test_aliases_make_the_titles_one_role():
    cpo_is_head = "aliases: [cpo_is_head]"
    assert found(make_org(CPO_UNDER_HEAD, settings=cpo_is_head), "PRD108") == []
    assert found(make_org(CPO_UNDER_HEAD, settings=cpo_is_head), "PRD104") == []
    assert found(make_org(HEAD_BESIDE_CPO, settings=cpo_is_head), "PRD103") == []
    assert found(make_org(HEAD_UNDER_VP, settings="aliases: [vp_is_head]"), "PRD108") == []
    assert found(make_org(HEAD_UNDER_VP, settings=cpo_is_head), "PRD108") == ["maya"]  # only the named pair


def test_aliases_round_trip_through_both_readers():
    org = make_org(HEAD_UNDER_VP, settings="aliases: [vp_is_head, cpo_is_head]")
    text = dump_layout(org)
    assert "  aliases: [vp_is_head, cpo_is_head]\n" in text
    assert loads_layout(text) == org
    fast = read_canonical(text, None)
    assert fast is not None and fast.settings.aliases == ("vp_is_head", "cpo_is_head")
    assert read_canonical(text.replace("vp_is_head,", "vp_is_hed,"), None) is None


# -- product leadership with no product managers -------------------------------------------


def test_product_leadership_without_pms_in_startup():
    assert found(make_org("ana ceo\nmaya head_of_product > ana years=9", profile="startup"), "PRD119") == []
    assert found(make_org("ana ceo\nzoe cpo > ana years=9", profile="startup"), "PRD119") == ["zoe"]
    assert found(make_org("ana ceo\nmaya head_of_product > ana years=9"), "PRD119") == ["maya"]


def test_adding_the_first_pm_clears_prd119_incrementally():
    org = make_org("ana ceo\nzoe cpo > ana years=10\nx other > zoe\ny other > zoe")
    validator = Validator(org)
    assert "PRD119" in {f.code for f in validator.findings}
    validator.refresh(ChangeRole("y", "pm").apply(org))
    assert validator.findings == validate(org)
    assert "PRD119" not in {f.code for f in validator.findings}
