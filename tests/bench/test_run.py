"""The benchmark script runs end to end (its figures are reviewed by hand, never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from orgdesign.readme_sections import replace_section

ROOT = Path(__file__).resolve().parents[2]


def test_a_quick_run_measures_without_failures():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--chain", "300",
         "--only", "load,full_validation_time,incremental_edits,save,depth"],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith(("| 1k", "| chain"))]
    measures = [row.split(" | ")[1] for row in rows]
    assert measures[:2] == ["load: load_layout", "load: yaml.load CSafeLoader"]
    assert "rules: move + refresh" in measures and "save: save_layout (atomic, fsync)" in measures
    assert [m for m in measures if m.startswith("depth:")] == [
        "depth: load",
        "depth: validate",
        "depth: designer opens",
        "depth: export svg",
    ]
    assert not [row for row in rows if "FAILED" in row or "skipped" in row or "MISS" in row]


def test_the_readme_quotes_the_recorded_results():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "bench"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert replace_section(readme, "bench", run.results_quote()) == readme, "run: python bench/run.py --quote"
    assert "| 10k | load: load_layout |" in run.results_quote()
