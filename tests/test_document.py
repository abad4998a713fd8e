"""The core `Document` decides what saving and autosaving come to; the designer only shows it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgdesign.document import Document
from orgdesign.edits import UpdatePerson
from orgdesign.layout import load_layout
from orgdesign.recent import read_recent

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path / "state"
    monkeypatch.setenv("ORGDESIGN_STATE_DIR", str(state))
    return state


def edited_copy(tmp_path: Path) -> tuple[Document, Path]:
    layout = Path(shutil.copy(LAYOUTS / "startup.yaml", tmp_path / "team.yaml"))
    document = Document.open(layout)
    first = next(document.org.people())
    document.do(UpdatePerson(first.id, name="Renamed Person"))
    return document, layout


def test_a_save_writes_the_edits_and_puts_the_file_first_in_the_recent_list(tmp_path: Path):
    document, layout = edited_copy(tmp_path)
    outcome = document.attempt_save()
    assert outcome.saved == layout and not outcome.conflict and outcome.failure is None
    assert any(person.name == "Renamed Person" for person in load_layout(layout).people())
    assert read_recent().layouts[0] == layout.resolve()
    assert not document.dirty and not document.autosave_due


def test_a_file_changed_on_disk_is_a_conflict_and_is_left_as_it_is(tmp_path: Path):
    document, layout = edited_copy(tmp_path)
    layout.write_text(layout.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
    outcome = document.attempt_save()
    assert outcome.conflict and outcome.saved is None
    assert layout.read_text(encoding="utf-8").endswith("# edited elsewhere\n")
    assert document.dirty, "the edits are still unsaved"
    assert document.attempt_save(overwrite=True).saved == layout


def test_a_failed_save_says_why_in_one_line_and_keeps_the_edits(tmp_path: Path):
    document, _ = edited_copy(tmp_path)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    outcome = document.attempt_save(folder)
    assert outcome.saved is None and not outcome.conflict
    assert outcome.failure is not None and "\n" not in outcome.failure and str(folder) in outcome.failure
    assert document.dirty


def test_saving_as_asks_before_replacing_another_file_but_not_its_own(tmp_path: Path):
    document, layout = edited_copy(tmp_path)
    other = tmp_path / "other.yaml"
    assert not document.would_replace_another_file(other)
    other.write_text("keep me\n", encoding="utf-8")
    assert document.would_replace_another_file(other)
    assert not document.would_replace_another_file(layout)
    assert not document.untitled
    assert Document(document.org).untitled


def test_autosave_is_due_only_with_unsaved_edits_and_a_failure_is_told_not_raised(
    tmp_path: Path, private_state_dir: Path
):
    document = Document(load_layout(LAYOUTS / "startup.yaml"))
    assert not document.autosave_due and document.attempt_autosave() is None
    private_state_dir.write_text("a file where the state folder should be\n", encoding="utf-8")
    first = next(document.org.people())
    document.do(UpdatePerson(first.id, name="Renamed Person"))
    assert document.autosave_due
    problem = document.attempt_autosave()
    assert problem is not None and "recovery file" in problem
