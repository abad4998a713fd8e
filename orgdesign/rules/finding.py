"""Findings: what a rule reports about the org, worst first."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

from orgdesign.model import Waiver

if TYPE_CHECKING:
    from orgdesign.edits import Edit


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    person: str | None
    """Id of the person the finding is about; None for org-wide findings."""
    message: str
    sources: tuple[str, ...]
    fix: str | None = None
    """One-line description of the suggested fix, if the rule has one for this finding."""
    line: int = 0
    column: int = 0
    waived: Waiver | None = None
    fix_edit: Edit | None = field(default=None, compare=False, repr=False)
    """The edit `fix` describes, as the check built it; not part of what the finding says."""

    @property
    def sort_key(self) -> tuple:
        """Worst first, then by position in the file, then by code."""
        return (-self.severity, self.line, self.column, self.code, self.person or "")
