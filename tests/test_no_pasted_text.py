"""Paraphrase, never paste: no run of 8 consecutive words of a seed document appears in the
project's text (the code, README, layouts and tests), apart from the documents' titles, which
are quoted on purpose to cite them.

Words are compared lowercased with punctuation stripped, so changing case, quotes or commas
does not hide a pasted sentence.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

from orgdesign.rules.sources import ASK_HEAD, DOCUMENTS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8
CHECKED = ("orgdesign", "README.md", "layouts", "tests")
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(sequence: list[str]) -> Iterable[str]:
    return (" ".join(sequence[i : i + RUN]) for i in range(len(sequence) - RUN + 1))


def seed_runs() -> dict[str, str]:
    """Every run of the seeds -> the document it comes from, minus the runs of the cited titles."""
    found: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for run in runs(words(path.read_text(encoding="utf-8"))):
            found.setdefault(run, path.name)
    for document in DOCUMENTS.values():
        for run in runs(words(document.title)):
            found.pop(run, None)
    return found


def project_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *CHECKED],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [ROOT / name for name in listed.decode().split("\0") if name and (ROOT / name).is_file()]


def text_of(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def pasted(text: str, known: dict[str, str]) -> list[str]:
    return sorted({f"{known[run]}: {run}" for run in runs(words(text)) if run in known})


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not at {SEEDS}")


@needs_seeds
def test_the_check_catches_a_pasted_sentence_whatever_its_case_and_punctuation():
    known = seed_runs()
    sentence = (SEEDS / "004_eaf7f82e3fc8070d.txt").read_text(encoding="utf-8").splitlines()[-1]
    disguised = "Intro. " + ", ".join(sentence.upper().split()) + " outro"
    assert pasted(disguised, known)
    assert not pasted(" ".join(sentence.split()[: RUN - 1]), known)


@needs_seeds
def test_a_cited_title_is_allowed_but_not_the_text_that_follows_it():
    known = seed_runs()
    title = DOCUMENTS[ASK_HEAD].title
    assert not pasted(f"see “{title}” ({ASK_HEAD})", known)
    following = (SEEDS / ASK_HEAD).read_text(encoding="utf-8").splitlines()[2]
    assert pasted(f"{title} {following}", known)


@needs_seeds
def test_no_project_file_pastes_a_run_of_eight_words_from_a_seed():
    known = seed_runs()
    offenders = {}
    for path in project_files():
        text = text_of(path)
        found = [] if text is None else pasted(text, known)
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert not offenders, f"rewrite these in your own words: {offenders}"
