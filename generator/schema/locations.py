"""Comments and positions from a file's SourceCodeInfo, indexed once by path.

SourceCodeInfo is a flat list of locations, each keyed by a path of field numbers and indexes
(service 0, method 2 is ``(6, 0, 2, 2)``). Scanning that list per lookup is what made one
betterproto run take minutes (betterproto#682), so it is turned into a dict once per file. Paths
are built from the descriptor classes' ``*_FIELD_NUMBER`` constants, never from bare numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from ..core.errors import Location
from ..python.render.pytext import clean_comment
from . import descriptors

if TYPE_CHECKING:
    from google.protobuf import descriptor_pb2

    #: A file as the generator reads it (``schema/wire.py``) or as protobuf does (compat).
    _AnyFile: TypeAlias = descriptors.FileDescriptorProto | descriptor_pb2.FileDescriptorProto
    _AnyLocation: TypeAlias = (
        descriptors.SourceCodeInfo.Location | descriptor_pb2.SourceCodeInfo.Location
    )

_FILE = descriptors.FileDescriptorProto
_SERVICE = descriptors.ServiceDescriptorProto

Path = tuple[int, ...]


def service_path(service_index: int) -> Path:
    """The SourceCodeInfo path of a file's ``service_index``-th service."""
    return (_FILE.SERVICE_FIELD_NUMBER, service_index)


def method_path(service_index: int, method_index: int) -> Path:
    """The SourceCodeInfo path of one RPC."""
    return (*service_path(service_index), _SERVICE.METHOD_FIELD_NUMBER, method_index)


PACKAGE_PATH: Path = (_FILE.PACKAGE_FIELD_NUMBER,)
SYNTAX_PATH: Path = (_FILE.SYNTAX_FIELD_NUMBER,)
EDITION_PATH: Path = (_FILE.EDITION_FIELD_NUMBER,)


class SourceIndex:
    """One file's locations by path: comments for docstrings, positions for error messages."""

    def __init__(self, file: _AnyFile) -> None:
        self.file_name = file.name
        self._by_path: dict[Path, _AnyLocation] = {}
        for location in file.source_code_info.location:
            # The first location for a path is the declaration itself; later ones are parts.
            self._by_path.setdefault(tuple(location.path), location)

    def find(self, path: Path) -> _AnyLocation | None:
        """The declaration's own location (not one of its parts), if the file has it."""
        return self._by_path.get(path)

    def comment(self, path: Path) -> list[str]:
        """Leading and trailing comments of a declaration, cleaned, as lines (maybe empty).

        Detached comments are left out: they are separated from the declaration by a blank
        line, which is how proto authors write licence headers and section banners.
        """
        location = self._by_path.get(path)
        if location is None:
            return []
        parts = [
            clean_comment(text)
            for text in (location.leading_comments, location.trailing_comments)
            if text.strip()
        ]
        lines: list[str] = []
        for part in parts:
            if lines:
                lines.append("")
            lines.extend(part)
        return lines

    def location(self, *paths: Path) -> Location:
        """Where the first of ``paths`` that has a location starts (the file's start if none)."""
        for path in paths:
            found = self._by_path.get(path)
            if found is not None and len(found.span) >= 2:
                return Location(self.file_name, found.span[0] + 1, found.span[1] + 1)
        return Location(self.file_name, 1, 1)
