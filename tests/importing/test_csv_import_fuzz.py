"""`orgdesign import` never fails in a way the user did not deserve: mutated CSV files either
import into a layout that loads, or give located, one-line errors; no other exception escapes.

This is the short run; bench/fuzz_csv_import.py runs the same mutations for as long as you like.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

from csv_mutations import check_import, mutants, seeds

SHORT_RUN = 400
SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "fuzz_csv_import.py"


def test_mutated_csv_files_import_or_report_located_errors():
    outcomes = Counter(check_import(data) for data in mutants(seeds(), SHORT_RUN, seed=20261130))
    assert sum(outcomes.values()) == SHORT_RUN
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0  # the mutations reach both outcomes


def test_the_bench_script_runs_and_reports_what_it_tried(capsys):
    spec = importlib.util.spec_from_file_location("fuzz_csv_import", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--count", "30", "--seed", "7"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("tried 30 mutated CSV inputs") and "(seed 7)" in report and "0 failures" in report
