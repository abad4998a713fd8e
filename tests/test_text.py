"""The terminal gate itself: what it escapes, how it writes escapes, and what it leaves alone."""

from __future__ import annotations

import json
import sys

import pytest

from orgdesign.text import cell_width, clip, clip_start, counted, is_unsafe, json_text, printable, revealed


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[1A\x1b[2K", "\\x1b[1A\\x1b[2K"),
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
        ("\u009b31m", "\\x9b31m"),
        ("\x7f", "\\x7f"),
        ("a\u202eb\u2066c\u200fd\u061ce", "a\\u202eb\\u2066c\\u200fd\\u061ce"),
        ("one\ntwo\r\tthree", "one\\ntwo\\r\\tthree"),
        ("line\u2028break", "line\\u2028break"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ],
)
def test_unsafe_characters_are_shown_as_python_style_escapes(raw, shown):
    assert printable(raw) == shown


@pytest.mark.parametrize(
    "text", ["Zoë Ünal", "漢字 名前", "مرحبا بالعالم", "family 👩\u200d👩\u200d👧", "Jean\u00a0Dupont", "[bold]x[/]"]
)
def test_ordinary_text_of_every_script_passes_unchanged(text):
    assert printable(text) == text


def test_line_breaks_stay_only_when_asked():
    assert printable("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"
    assert printable("a\nb") == "a\\nb"


def test_the_gate_is_idempotent():
    text = "\x1b[31m\u202e\n\u009b"
    assert printable(printable(text)) == printable(text)


def test_diagnostics_also_reveal_invisible_characters():
    assert revealed("name\u200b") == "name\\u200b"
    assert revealed("a\u00a0b") == "a\\xa0b"
    assert revealed("\U000e0041") == "\\U000e0041"
    assert printable("name\u200b") == "name\u200b", "shown text keeps zero-width characters (emoji need them)"


def test_json_carries_the_exact_text_in_ascii_safe_escapes():
    document = {"name": "\x1b[1A\u009b31m\u202e\ud800 Zoë \x7f\u2029"}
    encoded = json_text(document)
    assert json.loads(encoded) == document
    assert not any(is_unsafe(ch) for ch in encoded.replace("\n", ""))
    assert "Zoë" in encoded


def test_json_escapes_every_character_the_gate_escapes():
    """The two lists cannot drift: JSON output passes through the gate unchanged."""
    unsafe = [chr(code) for code in range(sys.maxunicode + 1) if is_unsafe(chr(code))]
    encoded = json_text(unsafe)
    assert printable(encoded, keep_newlines=True) == encoded
    assert json.loads(encoded) == unsafe


class _Stdout:
    """A stand-in stdout that says whether it is a terminal."""

    def __init__(self, is_terminal: bool) -> None:
        self.is_terminal = is_terminal
        self.written = ""

    def isatty(self) -> bool:
        return self.is_terminal

    def write(self, text: str) -> int:
        self.written += text
        return len(text)


@pytest.mark.parametrize("is_terminal", [True, False], ids=["terminal", "pipe"])
def test_a_data_document_is_exact_in_a_pipe_and_gated_on_a_terminal(monkeypatch, is_terminal):
    from orgdesign.text import write_document

    stdout = _Stdout(is_terminal)
    monkeypatch.setattr(sys, "stdout", stdout)
    document = '"id","name"\n"b","Bob \x1b[1A\x1b[2K\u202e"\n'
    write_document(document)
    if is_terminal:
        assert stdout.written == '"id","name"\n"b","Bob \\x1b[1A\\x1b[2K\\u202e"\n'
    else:
        assert stdout.written == document


def test_counts_take_the_plural_unless_they_are_one():
    assert [counted(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]


def test_clipping_measures_terminal_cells_and_drops_the_space_at_the_cut():
    assert clip("Ada Lovelace", 20) == "Ada Lovelace"
    assert clip("Ada Lovelace", 5) == "Ada…"
    assert clip("山田太郎さん", 5) == "山田…" and cell_width(clip("山田太郎さん", 5)) <= 5
    assert clip_start("/home/ada/layouts/acme.yaml", 10) == "…acme.yaml"
    assert cell_width(clip_start("/組織/設計図.yaml", 8)) <= 8
