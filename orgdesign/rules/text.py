"""How findings name people: plain text, never markup (names are user text)."""

from __future__ import annotations

from orgdesign.model import Person


def who(person: Person) -> str:
    """'Lee Park (Product Manager)': the name and the title or role label."""
    return f"{person.name} ({person.display_role})"
