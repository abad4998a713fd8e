"""The designer's import of the core `Document` (orgdesign/document.py), which it moved to: the
screens and the branches in flight import it from here; after the merge, import it from
`orgdesign.document` and delete this module."""

from orgdesign.document import Document, SaveOutcome

__all__ = ["Document", "SaveOutcome"]
