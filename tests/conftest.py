"""Hypothesis profiles for the whole suite.

`make test` uses `ci`: every property test runs Hypothesis's default budget of examples with no
deadline (xdist workers share the cores, so a deadline would only measure the machine's load).
`make fuzz` (ORGDESIGN_HYPOTHESIS=thorough) runs the same properties with ten times the examples:
run it after changing the loader, the dumper, the rules' incremental refresh or the importers.
A property test that needs a budget of its own states `max_examples` in its `@settings`; the others
take the profile's, so `thorough` reaches them all.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("ORGDESIGN_HYPOTHESIS", "ci"))
