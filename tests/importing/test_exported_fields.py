"""The exported-file reader follows the field table: every field of every kind comes back from both JSON exports."""

from __future__ import annotations

import pytest

from orgdesign.export.json import export_json
from orgdesign.export.json_tree import export_json_tree
from orgdesign.importing.json_import import import_json
from tests.layout.test_field_table import org_with_every_field_set


@pytest.mark.parametrize("export", [export_json, export_json_tree])
def test_every_field_survives_a_json_export_and_import(export):
    org, everything = org_with_every_field_set()
    result = import_json(export(org))
    assert result.problems == []
    assert result.org["everything"] == everything
