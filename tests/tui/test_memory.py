"""Garbage collection waits for the user's pauses: never in the middle of an edit, never unbounded."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from orgdesign.tui import memory
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.memory import IDLE_AFTER, IdleCollection

from .conftest import SIZE


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


class Node:
    """Something that lives in a reference cycle, so only the collector can free it."""

    def __init__(self) -> None:
        self.me = self


def cyclic_garbage(count: int) -> list[weakref.ref[Node]]:
    """`count` objects in cycles, already unreachable; weak references tell when they are freed."""
    nodes = [Node() for _ in range(count)]
    refs = [weakref.ref(node) for node in nodes]
    del nodes
    return refs


def alive(refs: list[weakref.ref[Node]]) -> int:
    return sum(ref() is not None for ref in refs)


@pytest.fixture
def collection() -> Iterator[tuple[IdleCollection, Clock]]:
    clock = Clock()
    idle = IdleCollection(clock)
    gc.collect()
    idle.start()
    try:
        yield idle, clock
    finally:
        idle.stop()


def test_start_stops_automatic_collection_and_stop_restores_it():
    assert gc.isenabled()
    idle = IdleCollection()
    idle.start()
    idle.start()  # a second start must not record "disabled" as the state to restore
    assert not gc.isenabled()
    idle.stop()
    assert gc.isenabled()


def test_stop_leaves_collection_off_when_it_was_off_before():
    gc.disable()
    try:
        idle = IdleCollection()
        idle.start()
        idle.stop()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_garbage_waits_while_the_user_types_and_goes_once_they_pause(collection):
    idle, clock = collection
    refs = cyclic_garbage(memory.WORTH_COLLECTING * 2)
    idle.input_seen()
    clock.now += IDLE_AFTER / 2
    idle.tick()
    assert alive(refs) == len(refs)
    clock.now += IDLE_AFTER
    idle.tick()
    assert alive(refs) == 0


def test_a_little_garbage_is_not_worth_a_collection(collection):
    idle, clock = collection
    refs = cyclic_garbage(10)
    clock.now += IDLE_AFTER * 2
    idle.tick()
    assert alive(refs) == len(refs)


def test_a_long_burst_of_typing_still_collects_once_enough_piled_up(collection, monkeypatch):
    idle, _clock = collection
    monkeypatch.setattr(memory, "COLLECT_ANYWAY", 5_000)
    refs = cyclic_garbage(6_000)
    idle.input_seen()
    idle.tick()
    assert alive(refs) == 0


def test_no_collection_after_stop(collection):
    idle, clock = collection
    idle.stop()
    gc.disable()  # only to keep the automatic collector from freeing the garbage itself
    try:
        refs = cyclic_garbage(memory.WORTH_COLLECTING * 2)
        clock.now += IDLE_AFTER * 2
        idle.tick()
        assert alive(refs) == len(refs)
    finally:
        gc.enable()


async def test_the_designer_collects_in_its_pauses_and_gives_collection_back_when_it_closes(layout_copy):
    app = OrgDesignApp(layout_copy())
    clock = Clock()
    app.idle_collection = IdleCollection(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not gc.isenabled()
        refs = cyclic_garbage(memory.WORTH_COLLECTING * 2)
        clock.now += IDLE_AFTER * 2
        await pilot.press("down")  # a key: the user is busy again
        app.idle_collection.tick()
        assert alive(refs) == len(refs)
        clock.now += IDLE_AFTER * 2
        await pilot.pause(memory.CHECK_EVERY * 2)  # the designer's own timer looks again
        assert alive(refs) == 0
    assert gc.isenabled()
