"""Each format's output for an org full of hostile names, compared with a reviewed file.

Regenerate after an intended change with ORGDESIGN_UPDATE_GOLDEN=1, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from org_samples import HOSTILE_SEVERITY, hostile_org

from orgdesign.export import EXPORTERS

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export"
SUFFIX = {
    "svg": "svg",
    "mermaid": "mmd",
    "dot": "dot",
    "csv": "csv",
    "json": "json",
    "json-tree": "tree.json",
    "markdown": "md",
}


@pytest.mark.parametrize("export_format", sorted(EXPORTERS))
def test_export_matches_the_golden_file(export_format):
    produced = EXPORTERS[export_format](hostile_org(), HOSTILE_SEVERITY)
    golden = GOLDEN / f"hostile.{SUFFIX[export_format]}"
    if os.environ.get("ORGDESIGN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced.encode("utf-8"))
    assert produced == golden.read_bytes().decode("utf-8")


def test_every_format_has_a_golden_file():
    assert {f"hostile.{SUFFIX[name]}" for name in EXPORTERS} <= {p.name for p in GOLDEN.iterdir()}
