from org_samples import chain_org, cyclic_org

from orgdesign.export.forest import spanning_forest


def test_every_person_in_a_reporting_cycle_is_placed_exactly_once():
    org = cyclic_org()
    forest = spanning_forest(org)
    assert sorted(forest.order) == sorted(org.ids())
    assert forest.roots[0] == "top"
    assert len(forest.roots) == 2
    assert forest.depth["x"] == forest.depth["b"] + 1


def test_cycle_is_cut_once_so_the_forest_has_one_parent_per_person():
    forest = spanning_forest(cyclic_org())
    parents = forest.parent()
    assert set(parents) | set(forest.roots) == set(forest.order)
    assert not set(parents) & set(forest.roots)


def test_a_ten_thousand_deep_chain_walks_without_recursion():
    forest = spanning_forest(chain_org(10_000))
    assert forest.depth["p9999"] == 9999
    assert forest.order[-1] == "p9999"
