"""The loader never fails in a way the user did not deserve: mutated and random input either
loads or gives located, one-line errors; no other exception ever escapes.

This is the short run; bench/fuzz_loader.py runs the same mutations for as long as you like.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from layout_helpers import BAD, GOOD
from layout_mutations import check_loader, mutants, seeds

SHORT_RUN = 600


def test_mutated_layouts_load_or_report_located_errors():
    outcomes = Counter(check_loader(data) for data in mutants(seeds([GOOD, BAD]), SHORT_RUN, seed=20240601))
    assert sum(outcomes.values()) == SHORT_RUN
    assert outcomes["loaded"] > 0 and outcomes["refused"] > 0  # the mutations reach both outcomes


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_load_or_report_located_errors(data):
    check_loader(data)


YAMLISH = st.text(
    alphabet=st.sampled_from(list("orgdesign: 1\nname-peoplid,rl[]{}'\"&*!|>#?%@`~\t\\ \x00é😀\u202e")), max_size=300
)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_loads_or_reports_located_errors(text):
    check_loader(("orgdesign: 1\nname: x\npeople:\n" + text).encode("utf-8"))
