"""The one exception the generator raises for a problem the user can fix, and where it is.

Both front doors turn it into the same text: the CLI prints it and exits non-zero, the protoc
plugin puts it in ``CodeGeneratorResponse.error``. Each message says where (``file:line:column``
when there is a place to point at) and what to do, because "generation failed" helps nobody.
``gen-plugin compat`` points at its findings with the same :class:`Location`.
"""

from __future__ import annotations

from .records import record


@record
class Location:
    """A place in a proto file, 1-based as editors, CI annotators and protoc count.

    ``line`` 0 means the descriptor carried no source info for the element: it is shown as the
    bare file rather than as a made-up position. Locations sort by file, line and column.
    """

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def __lt__(self, other: Location) -> bool:
        return (self.file, self.line, self.column) < (other.file, other.line, other.column)


class GeneratorError(Exception):
    """A user-fixable problem; ``str()`` is the complete message, location first."""

    def __init__(self, message: str, location: Location | str | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)
