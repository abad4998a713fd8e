"""Importing orgs from other tools' files (CSV exports of HR systems)."""

from orgdesign.importing.csv_import import (
    ColumnOptions,
    ImportFailed,
    ImportResult,
    Problem,
    decode_csv,
    import_csv,
)
from orgdesign.importing.titles import role_for_title

__all__ = ["ColumnOptions", "ImportFailed", "ImportResult", "Problem", "decode_csv", "import_csv", "role_for_title"]
