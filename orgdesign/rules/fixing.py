"""Fix all: every safe fix of the unwaived findings, applied as one edit (`validate --fix`, the designer)."""

from __future__ import annotations

from orgdesign.edits import Batch, Edit, EditRefused, Patch
from orgdesign.model import Org
from orgdesign.rules.finding import Finding
from orgdesign.rules.registry import RULES
from orgdesign.rules.validator import Validator

MAX_FIX_ROUNDS = 10
"""A fix can uncover another finding with a safe fix; stop after this many rounds."""


class SafeFixes(Batch):
    """Every safe fix of an unwaived finding, round after round, undone and redone as one step.

    The fixes are found while they are first applied (each fix is checked against the findings
    as the fixes before it left them), using `validator`, which they keep current; undo and redo
    replay the same fixes. Refused when there is nothing to fix safely.
    """

    def __init__(self, validator: Validator) -> None:
        super().__init__([], "fix all")
        self.validator = validator
        self.fixed: list[str] = []
        """What each fix did, as '<code>: <fix>'."""

    def apply(self, org: Org) -> set[str]:
        if self._patch is not None:
            return super().apply(org)
        touched: set[str] = set()
        for _ in range(MAX_FIX_ROUNDS):
            applied = [finding for finding in self.validator.active() if self._fixed(org, finding, touched)]
            if not applied:
                break
        if not self.edits:
            raise EditRefused("there is no finding with a safe fix")
        self.description = f"fix all ({len(self.edits)} fixes)" if len(self.edits) != 1 else "fix all (1 fix)"
        self.subject = next((edit.subject for edit in self.edits if edit.subject is not None), None)
        self._patch = Patch()
        return touched

    def _fixed(self, org: Org, finding: Finding, touched: set[str]) -> bool:
        edit = _safe_fix(self.validator, finding)
        if edit is None:
            return False
        try:
            changed = edit.apply(org)
        except EditRefused:
            return False
        self.validator.refresh(changed)
        touched |= changed
        self.edits.append(edit)
        self.fixed.append(f"{finding.code}: {finding.fix}")
        return True


def _safe_fix(validator: Validator, finding: Finding) -> Edit | None:
    """The fix of `finding` when its rule marks fixes safe and it is still current (an earlier
    fix in this round may have resolved or changed it)."""
    if not RULES[finding.code].safe_fix or finding.fix is None:
        return None
    if finding not in validator.for_person(finding.person or ""):
        return None
    return validator.fix_for(finding)


def apply_safe_fixes(org: Org, validator: Validator) -> list[str]:
    """Apply every safe fix (see `SafeFixes`) outside any history; describe each one."""
    fixes = SafeFixes(validator)
    try:
        fixes.apply(org)
    except EditRefused:
        return []
    return fixes.fixed
