"""Keeping Python's garbage collector off the open layout.

A 100,000-person layout is a few million objects (people, graph edges, indexes, findings, tree
nodes) that live as long as the designer shows it. Every full collection walks all of them,
130 to 270 ms on a shared 2-core machine, and one lands in the middle of whichever edit
allocated the last straw: a bulk edit of 1,000 people allocates thousands of objects, so it
met one every few edits. Freezing what is alive once the layout is shown moves it out of the
collector's sight (`gc.freeze`); later collections walk only what edits made since.
"""

from __future__ import annotations

import gc


def exempt_live_objects_from_collection() -> None:
    """Freeze everything alive now; first let an earlier freeze go, so a layout closed since can be freed."""
    gc.unfreeze()
    gc.freeze()
