"""Saving never loses work: atomic replace, FILE.bak, faults at every step, conflicts."""

from __future__ import annotations

import errno
import os
import stat
import sys

import pytest
from layout_helpers import load_text

from orgdesign.edits import UpdatePerson
from orgdesign.layout import FileStamp, SaveConflict, SaveError, dump_layout, open_layout, save_layout
from orgdesign.model import Org, Person

ORIGINAL = "orgdesign: 1\nname: Acme  # hand-written\npeople:\n  - {id: dana, name: Dana, role: ceo}\n"


def edited_org() -> Org:
    org = load_text(ORIGINAL)
    UpdatePerson("dana", title="Founder").apply(org)
    return org


@pytest.fixture
def layout_file(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def test_saving_writes_the_canonical_text_and_returns_its_stamp(layout_file):
    org = edited_org()
    stamp = save_layout(org, layout_file)
    assert layout_file.read_text(encoding="utf-8") == dump_layout(org)
    assert stamp == FileStamp.of(layout_file)


def test_the_previous_version_is_kept_as_bak(layout_file):
    save_layout(edited_org(), layout_file)
    assert (layout_file.parent / "org.yaml.bak").read_text(encoding="utf-8") == ORIGINAL


def test_without_backup_no_bak_is_written(layout_file):
    save_layout(edited_org(), layout_file, backup=False)
    assert not (layout_file.parent / "org.yaml.bak").exists()


def test_saving_a_new_file_creates_it_without_a_bak(tmp_path):
    path = tmp_path / "new.yaml"
    save_layout(Org("New", [Person("a", "A", "ceo")]), path)
    assert load_text(path.read_text(encoding="utf-8")) == Org("New", [Person("a", "A", "ceo")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_file_keeps_its_permissions(layout_file):
    layout_file.chmod(0o640)
    save_layout(edited_org(), layout_file)
    assert stat.S_IMODE(layout_file.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(layout_file):
    link = layout_file.parent / "link.yaml"
    link.symlink_to(layout_file)
    save_layout(edited_org(), link)
    assert link.is_symlink()
    assert layout_file.read_text(encoding="utf-8") == dump_layout(edited_org())


# -- faults at every step ------------------------------------------------------------------


class _Faults:
    """Makes the `occurrence`-th call of one step fail with "disk full"."""

    def __init__(self, step: str, occurrence: int) -> None:
        self.step = step
        self.occurrence = occurrence
        self.calls = 0

    def hit(self, step: str) -> None:
        if step == self.step:
            self.calls += 1
            if self.calls == self.occurrence:
                raise OSError(errno.ENOSPC, "No space left on device")


class _FaultyStream:
    def __init__(self, stream, faults: _Faults) -> None:
        self._stream = stream
        self._faults = faults

    def write(self, data):
        self._faults.hit("write")
        return self._stream.write(data)

    def flush(self):
        self._faults.hit("flush")
        return self._stream.flush()

    def fileno(self):
        return self._stream.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._stream.close()


@pytest.fixture
def inject(monkeypatch):
    def install(step: str, occurrence: int) -> _Faults:
        faults = _Faults(step, occurrence)
        real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace

        def fdopen(fd, *args, **kwargs):
            return _FaultyStream(real_fdopen(fd, *args, **kwargs), faults)

        def fsync(fd):
            if stat.S_ISREG(os.fstat(fd).st_mode):  # the file's fsync, not the folder's
                faults.hit("fsync")
            return real_fsync(fd)

        def replace(source, target):
            faults.hit("rename")
            return real_replace(source, target)

        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        return faults

    return install


@pytest.mark.parametrize("step", ["write", "flush", "fsync", "rename"])
@pytest.mark.parametrize("occurrence", [1, 2], ids=["while-writing-the-bak", "while-writing-the-layout"])
def test_a_fault_at_any_step_leaves_the_original_intact_and_no_temporary_file(layout_file, inject, step, occurrence):
    faults = inject(step, occurrence)
    with pytest.raises(SaveError) as raised:
        save_layout(edited_org(), layout_file)
    assert faults.calls == occurrence
    assert layout_file.read_text(encoding="utf-8") == ORIGINAL
    leftovers = sorted(p.name for p in layout_file.parent.iterdir())
    assert leftovers == (["org.yaml"] if occurrence == 1 else ["org.yaml", "org.yaml.bak"])
    reason = (
        "the disk is full" if occurrence == 2 else f"its backup {layout_file}.bak cannot be written (the disk is full)"
    )
    assert (
        str(raised.value)
        == f"cannot save {layout_file}: {reason}; free some space and save again, or save it elsewhere (save as)"
    )


@pytest.mark.parametrize("step", ["write", "flush", "fsync", "rename"])
def test_a_fault_while_creating_a_new_file_leaves_nothing_behind(tmp_path, inject, step):
    inject(step, 1)
    with pytest.raises(SaveError):
        save_layout(edited_org(), tmp_path / "new.yaml")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_gives_a_clear_one_line_error(layout_file, monkeypatch):
    real_open = os.open

    def refuse_creation(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse_creation)
    with pytest.raises(SaveError) as raised:
        save_layout(edited_org(), layout_file)
    assert (
        str(raised.value)
        == f"cannot save {layout_file}: its backup {layout_file}.bak cannot be written (permission denied); "
        "save it in a folder you can write to (save as)"
    )
    assert layout_file.read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_a_really_read_only_folder_gives_a_save_error(layout_file):
    layout_file.parent.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="permission denied"):
            save_layout(edited_org(), layout_file)
    finally:
        layout_file.parent.chmod(0o755)
    assert layout_file.read_text(encoding="utf-8") == ORIGINAL


def test_text_that_utf8_cannot_store_is_refused_before_anything_is_written(layout_file):
    org = Org("bad \ud800 name")
    with pytest.raises(SaveError, match="U\\+D800"):
        save_layout(org, layout_file)
    assert layout_file.read_text(encoding="utf-8") == ORIGINAL


# -- someone else changed the file ---------------------------------------------------------


def test_saving_over_an_unchanged_file_succeeds_and_the_new_stamp_chains(layout_file):
    org, stamp = open_layout(layout_file)
    UpdatePerson("dana", title="Founder").apply(org)
    stamp = save_layout(org, layout_file, expected=stamp)
    UpdatePerson("dana", title="CEO").apply(org)
    save_layout(org, layout_file, expected=stamp)
    assert load_text(layout_file.read_text(encoding="utf-8"))["dana"].title == "CEO"


def test_a_file_changed_since_it_was_opened_is_a_conflict_and_nothing_is_written(layout_file):
    org, stamp = open_layout(layout_file)
    someone_else = ORIGINAL.replace("Acme", "Acme (edited by Sam)")
    layout_file.write_text(someone_else, encoding="utf-8")
    with pytest.raises(SaveConflict) as raised:
        save_layout(org, layout_file, expected=stamp)
    assert raised.value.expected == stamp
    assert raised.value.actual == FileStamp.of(layout_file)
    assert (
        str(raised.value)
        == f"{layout_file} was changed by someone else since it was opened; overwrite it, reload it, or save as"
    )
    assert layout_file.read_text(encoding="utf-8") == someone_else
    assert sorted(p.name for p in layout_file.parent.iterdir()) == ["org.yaml"]


def test_overwriting_after_a_conflict_means_saving_without_expected(layout_file):
    org, _ = open_layout(layout_file)
    layout_file.write_text(ORIGINAL + "# edited\n", encoding="utf-8")
    save_layout(org, layout_file)
    assert layout_file.read_text(encoding="utf-8") == dump_layout(org)
    assert (layout_file.parent / "org.yaml.bak").read_text(encoding="utf-8") == ORIGINAL + "# edited\n"


def test_a_file_deleted_since_it_was_opened_is_a_conflict(layout_file):
    org, stamp = open_layout(layout_file)
    layout_file.unlink()
    with pytest.raises(SaveConflict) as raised:
        save_layout(org, layout_file, expected=stamp)
    assert raised.value.actual is None
    assert "was deleted" in str(raised.value)
    assert not layout_file.exists()


def test_a_stamp_depends_on_content_only(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_bytes(b"same")
    b.write_bytes(b"same")
    assert FileStamp.of(a) == FileStamp.of(b) == FileStamp.of_bytes(b"same")
    assert FileStamp.of(tmp_path / "missing.yaml") is None
