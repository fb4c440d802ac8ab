"""``OutputFile``: one file a run emits, as every stage after rendering sees it."""

from __future__ import annotations

from .records import record

#: The scaffold's path in the output folder; the only file a user is meant to edit.
MAIN = "main.py"


@record
class OutputFile:
    """One file to emit: a POSIX path relative to the output folder, and its text."""

    path: str
    content: str

    @property
    def scaffold(self) -> bool:
        """Scaffolding belongs to the user once written: never overwritten unless asked."""
        return self.path == MAIN
