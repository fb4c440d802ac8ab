"""``OutputFile``: one file a run emits, as every stage after rendering sees it."""

from __future__ import annotations

from typing import NamedTuple

#: The scaffold's path in the output folder; the only file a user is meant to edit.
MAIN = "main.py"


class OutputFile(NamedTuple):
    """One file to emit: a POSIX path relative to the output folder, and its text.

    A named tuple rather than a dataclass: this module is on the replay path, where importing
    ``dataclasses`` alone would cost a fifth of the run.
    """

    path: str
    content: str

    @property
    def scaffold(self) -> bool:
        """Scaffolding belongs to the user once written: never overwritten unless asked."""
        return self.path == MAIN
