"""Text widths from the font's own metrics, and titles wrapped in two without losing a word."""

from __future__ import annotations

import pytest

from orgdesign.text_measure import text_width, two_lines


def test_widths_follow_the_glyphs_not_the_number_of_characters():
    assert text_width("WWWW", 12) > 2 * text_width("iiii", 12)
    assert text_width("Olivia", 12, bold=True) > text_width("Olivia", 12)
    assert text_width("abc", 24) == pytest.approx(2 * text_width("abc", 12))


def test_wide_scripts_count_a_full_em_and_marks_count_nothing():
    assert text_width("名前", 10) == pytest.approx(20)
    assert text_width("e\u0301", 10) == pytest.approx(text_width("e", 10))


def test_a_short_title_stays_on_one_line():
    assert two_lines("Product Manager", 11.5, 180) == ["Product Manager"]


@pytest.mark.parametrize(
    "title",
    [
        "Director of Product Operations, Enterprise Platform and Partnerships",
        "Head of Customer Success, Europe, Middle East and Africa",
        "VP of Product, Patient Experience",
    ],
)
def test_a_long_title_is_split_in_two_balanced_lines_that_keep_every_word(title):
    lines = two_lines(title, 11.5, 120)
    assert len(lines) == 2 and " ".join(lines) == title
    assert max(text_width(line, 11.5) for line in lines) < text_width(title, 11.5) * 0.7


def test_a_title_without_spaces_is_never_cut():
    title = "Supercalifragilisticexpialidocious-Engineering-Lead"
    assert two_lines(title, 11.5, 50) == [title]
