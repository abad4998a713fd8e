"""The benchmark's generator produces valid, realistic, reproducible layouts."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from orgdesign.layout import dump_layout, loads_layout
from orgdesign.model import Org
from orgdesign.roles import ROLE_IDS

GENERATE_PY = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


@pytest.fixture(scope="module")
def org() -> Org:
    return generate.generate_org(1000, seed=3)


def test_has_exactly_the_requested_number_of_people(org):
    assert len(org) == 1000


def test_round_trips_through_the_layout_format(org, tmp_path):
    text = dump_layout(org)
    loaded = loads_layout(text, str(tmp_path / "generated.yaml"))
    assert loaded == org


def test_uses_every_role_of_the_catalogue(org):
    assert {p.role for p in org.people()} == set(ROLE_IDS)


def test_is_one_tree_under_the_ceo(org):
    tops = org.tops()
    assert [p.role for p in tops] == ["ceo"]
    assert len(org.subtree_ids(tops[0].id)) == len(org)


def test_declares_units_and_places_people_in_them(org):
    unit_ids = {unit.id for unit in org.units}
    assert len(unit_ids) >= 2
    used = {p.unit for p in org.people() if p.unit is not None}
    assert used == unit_ids
    heads = [p for p in org.people() if p.role == "head_of_product"]
    assert {p.unit for p in heads} == unit_ids


def test_people_have_products_titles_experience_vacancies_and_dotted_lines(org):
    people = list(org.people())
    assert len({p.product for p in people if p.product}) >= 3
    assert all(p.title for p in people if p.role == "other")
    assert all(p.years_pm is not None for p in people if p.role_info.on_product_ladder)
    assert any(p.vacancy for p in people)
    assert all(org.get(target) is not None for p in people for target in p.dotted_to)
    assert any(p.dotted_to for p in people)


def test_group_pms_lead_teams_of_product_managers(org):
    gpms = [p for p in org.people() if p.role == "gpm"]
    assert gpms
    assert all(5 <= org.report_count(g.id) <= 12 for g in gpms)


def test_sprinkles_the_classic_rule_violations(org):
    def manager_role(pid):
        return org.manager(pid).role if org.manager(pid) else None

    people = list(org.people())
    assert any(p.role_info.is_product_manager and manager_role(p.id) == "cto" for p in people)
    assert any(org.report_count(p.id) == 20 for p in people)
    assert any(p.role == "principal_pm" and org.report_count(p.id) > 0 for p in people)
    assert any(org.report_count(p.id) == 1 for p in people)
    assert any(p.role == "director_product" and p.years_pm < 5 for p in people)


def test_same_seed_gives_identical_output():
    assert dump_layout(generate.generate_org(500, seed=7)) == dump_layout(generate.generate_org(500, seed=7))


def test_another_seed_gives_another_org():
    assert dump_layout(generate.generate_org(500, seed=1)) != dump_layout(generate.generate_org(500, seed=2))


def test_spans_stay_realistic_as_the_org_grows():
    big = generate.generate_org(20_000)
    spans = Counter(big.report_count(p.id) for p in big.people())
    assert max(spans) <= 24


def test_deep_chain_is_a_single_line_of_command():
    chain = generate.deep_chain(300)
    assert len(chain) == 301
    bottom = chain["chain-300"]
    assert chain.layer(bottom.id) == 300


def test_cli_writes_a_layout_that_loads(tmp_path):
    out = tmp_path / "org.yaml"
    assert generate.main(["300", "-o", str(out)]) == 0
    loaded = loads_layout(out.read_text(encoding="utf-8"), str(out))
    assert len(loaded) == 300


def test_sizes_read_like_the_benchmark_options():
    assert generate.parse_size("1k") == 1000
    assert generate.parse_size("100k") == 100_000
    assert generate.parse_size("3000") == 3000
