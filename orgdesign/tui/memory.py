"""Keeping Python's garbage collector out of the way of edits.

A 100,000-person layout is a few million objects (people, graph edges, indexes, findings, tree
nodes) that live as long as the designer shows it. Every full collection walks all of them,
130 to 270 ms on a shared 2-core machine, and one lands in the middle of whichever edit
allocated the last straw. Two measures keep collections out of edits:

- Freezing what is alive once the layout is shown moves it out of the collector's sight
  (`gc.freeze`); later collections walk only what edits made since.
- The designer collects while the user is idle (`IdleCollection`), not whenever an allocation
  count crosses a threshold. A bulk edit of 1,000 people at 100,000 allocates tens of
  thousands of objects: automatic collection ran about 40 young collections inside each such
  edit (a tenth of its time) and, every third edit or so, a full one of 80 ms that freed the
  tree nodes earlier edits had dropped. Reference counting still frees everything that is not
  part of a cycle at once; only cyclic garbage waits for a pause in the typing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_AFTER = 0.4
"""Seconds without a key or mouse event after which the user counts as idle."""

CHECK_EVERY = 0.5
"""Seconds between looks at whether a collection is due."""

WORTH_COLLECTING = 10_000
"""Objects allocated since the last collection (net of those freed) that make one worthwhile."""

COLLECT_ANYWAY = 2_000_000
"""Allocations after which a collection runs even while the user keeps typing, so that memory
stays bounded through a long burst of edits (a held-down key)."""


def exempt_live_objects_from_collection() -> None:
    """Freeze everything alive now; first let an earlier freeze go, so a layout closed since can be freed."""
    gc.unfreeze()
    gc.freeze()


class IdleCollection:
    """Cyclic garbage collected in the pauses between the user's keys and clicks.

    `start` turns automatic collection off (`stop` restores it as it was); the owner calls
    `input_seen` on every input event and `tick` every `CHECK_EVERY` seconds.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._was_enabled: bool | None = None

    def start(self) -> None:
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def stop(self) -> None:
        if self._was_enabled is not None:
            if self._was_enabled:
                gc.enable()
            self._was_enabled = None

    def input_seen(self) -> None:
        self._last_input = self._clock()

    def due(self) -> bool:
        """Whether `tick` would collect now."""
        pending = gc.get_count()[0]
        idle = self._clock() - self._last_input >= IDLE_AFTER
        return pending >= COLLECT_ANYWAY or (idle and pending >= WORTH_COLLECTING)

    def tick(self) -> None:
        if self._was_enabled is not None and self.due():
            gc.collect()
