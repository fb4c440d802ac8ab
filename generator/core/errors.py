"""The one exception the generator raises for a problem the user can fix.

Both front doors turn it into the same text: the CLI prints it and exits non-zero, the protoc
plugin puts it in ``CodeGeneratorResponse.error``. Each message says where (``file:line:column``
when there is a place to point at) and what to do, because "generation failed" helps nobody.
"""

from __future__ import annotations

from typing import NamedTuple


class Location(NamedTuple):
    """A place in a proto file, 1-based as editors and protoc's own messages count."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class GeneratorError(Exception):
    """A user-fixable problem; ``str()`` is the complete message, location first."""

    def __init__(self, message: str, location: Location | str | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)
