"""Where `Document` lived before it moved to the core (orgdesign/document.py): kept only so that
branches written against the old path still import; remove once they are merged."""

from orgdesign.document import Document, SaveOutcome

__all__ = ["Document", "SaveOutcome"]
