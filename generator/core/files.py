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
    #: Written only where no such file exists, whatever the options: an ``__init__.py`` that
    #: makes a folder above the generated packages a regular package, which may well be the
    #: user's own package already (``src/acme/__init__.py`` above the generated ``acme.svc``).
    keep: bool = False

    @property
    def scaffold(self) -> bool:
        """Scaffolding belongs to the user once written: never overwritten unless asked."""
        return self.path == MAIN
