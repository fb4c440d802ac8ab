"""What `gen-plugin compat` finds, and how it is shown: changes, their severity, the report.

Every kind of change has exactly one severity (`SEVERITY`), so a CI log reader who learns
that ``field-removed`` is breaking can rely on it. When a change is breaking in one shape and
safe in another (a removed field that was reserved), the two shapes are two kinds. Why each
kind sits where it does is argued in the compat package's docstring.

Nothing here reads files or prints: `render` returns text and `exit_code` returns a number,
so the CLI stays a thin door and tests compare strings.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from ..core.errors import Location
from ..core.records import record


class Severity(str, enum.Enum):
    """Whose world breaks: a deployed peer's (wire), a user's code on regeneration, nobody's."""

    BREAKING = "breaking"
    SOURCE_BREAKING = "source-breaking"
    SAFE = "safe"


class Kind(str, enum.Enum):
    """One kind of change; the value is what users read and grep for."""

    PACKAGE_CHANGED = "package-changed"
    SERVICE_REMOVED = "service-removed"
    SERVICE_RENAMED = "service-renamed"
    RPC_REMOVED = "rpc-removed"
    RPC_RENAMED = "rpc-renamed"
    REQUEST_TYPE_CHANGED = "request-type-changed"
    RESPONSE_TYPE_CHANGED = "response-type-changed"
    STREAMING_CHANGED = "streaming-changed"
    FIELD_REMOVED = "field-removed"
    FIELD_RENUMBERED = "field-renumbered"
    FIELD_NUMBER_REUSED = "field-number-reused"
    FIELD_TYPE_CHANGED = "field-type-changed"
    FIELD_CARDINALITY_CHANGED = "field-cardinality-changed"
    ONEOF_CHANGED = "oneof-changed"
    REQUIRED_FIELD_ADDED = "required-field-added"
    RESERVED_NUMBER_REUSED = "reserved-number-reused"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    ENUM_VALUE_RENUMBERED = "enum-value-renumbered"

    FIELD_RENAMED = "field-renamed"
    FIELD_PRESENCE_CHANGED = "field-presence-changed"
    FIELD_ONEOF_CHANGED = "field-oneof-changed"
    ONEOF_RENAMED = "oneof-renamed"
    RESERVED_NAME_REUSED = "reserved-name-reused"
    MESSAGE_REMOVED = "message-removed"
    ENUM_REMOVED = "enum-removed"
    ENUM_VALUE_RENAMED = "enum-value-renamed"

    SERVICE_ADDED = "service-added"
    RPC_ADDED = "rpc-added"
    MESSAGE_ADDED = "message-added"
    ENUM_ADDED = "enum-added"
    FIELD_ADDED = "field-added"
    FIELD_REMOVED_RESERVED = "field-removed-reserved"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED_RESERVED = "enum-value-removed-reserved"
    COMMENT_CHANGED = "comment-changed"

    @property
    def severity(self) -> Severity:
        """The one severity of this kind."""
        return SEVERITY[self]


_BREAKING = (
    Kind.PACKAGE_CHANGED,
    Kind.SERVICE_REMOVED,
    Kind.SERVICE_RENAMED,
    Kind.RPC_REMOVED,
    Kind.RPC_RENAMED,
    Kind.REQUEST_TYPE_CHANGED,
    Kind.RESPONSE_TYPE_CHANGED,
    Kind.STREAMING_CHANGED,
    Kind.FIELD_REMOVED,
    Kind.FIELD_RENUMBERED,
    Kind.FIELD_NUMBER_REUSED,
    Kind.FIELD_TYPE_CHANGED,
    Kind.FIELD_CARDINALITY_CHANGED,
    Kind.ONEOF_CHANGED,
    Kind.REQUIRED_FIELD_ADDED,
    Kind.RESERVED_NUMBER_REUSED,
    Kind.ENUM_VALUE_REMOVED,
    Kind.ENUM_VALUE_RENUMBERED,
)
_SOURCE_BREAKING = (
    Kind.FIELD_RENAMED,
    Kind.FIELD_PRESENCE_CHANGED,
    Kind.FIELD_ONEOF_CHANGED,
    Kind.ONEOF_RENAMED,
    Kind.RESERVED_NAME_REUSED,
    Kind.MESSAGE_REMOVED,
    Kind.ENUM_REMOVED,
    Kind.ENUM_VALUE_RENAMED,
)

#: The severity of every kind; a kind missing here is a bug caught at import.
SEVERITY: Mapping[Kind, Severity] = {
    kind: (
        Severity.BREAKING
        if kind in _BREAKING
        else Severity.SOURCE_BREAKING if kind in _SOURCE_BREAKING else Severity.SAFE
    )
    for kind in Kind
}


@record
class Change:
    """One difference between the old and the new contract.

    Both sides always have a location: when the element exists on one side only (an addition
    or a removal), the other side points at the nearest enclosing element that exists there
    (the message that lost a field, the service that gained an RPC, the file).
    """

    kind: Kind
    message: str
    old: Location
    new: Location

    @property
    def severity(self) -> Severity:
        """The severity of this change's kind."""
        return self.kind.severity


@record
class CompatReport:
    """Every change between two contracts, by severity, each list in source order."""

    breaking: tuple[Change, ...]
    source_breaking: tuple[Change, ...]
    safe: tuple[Change, ...]

    @classmethod
    def of(cls, changes: Iterable[Change]) -> CompatReport:
        """Sort ``changes`` into the three lists, ordered by where they are in the new file."""
        ordered = sorted(set(changes), key=lambda c: (c.new, c.old, c.kind.value, c.message))
        return cls(
            breaking=tuple(c for c in ordered if c.severity is Severity.BREAKING),
            source_breaking=tuple(c for c in ordered if c.severity is Severity.SOURCE_BREAKING),
            safe=tuple(c for c in ordered if c.severity is Severity.SAFE),
        )

    @property
    def compatible(self) -> bool:
        """True when peers built from the old and new contract still work together."""
        return not self.breaking


def exit_code(report: CompatReport, *, strict: bool = False) -> int:
    """The CLI's exit status: 1 on any breaking change, else 0.

    Source-breaking changes leave deployed plugins and hosts working, so they do not fail a
    CI gate unless ``strict`` asks for it (a team publishing an SDK may want that).
    """
    if report.breaking or (strict and report.source_breaking):
        return 1
    return 0


def render_change(change: Change) -> str:
    """One change as a compiler-style line: new position first, old position after ``was``."""
    return f"{change.new}: {change.kind.value}: {change.message} (was {change.old})"


def render(report: CompatReport) -> str:
    """The report for a terminal: breaking changes first, then the rest, then a summary line.

    Change lines start with ``path:line:col:`` so editors and CI annotators jump to them;
    section headers and the summary do not, so they are never mistaken for positions.
    """
    sections = (
        (
            "breaking changes (a deployed plugin or host of the other version fails):",
            report.breaking,
        ),
        (
            "source-breaking changes (the wire still works; code using the generated API may not):",
            report.source_breaking,
        ),
        ("safe changes:", report.safe),
    )
    lines: list[str] = []
    for header, changes in sections:
        if changes:
            lines.append(header)
            lines.extend(render_change(change) for change in changes)
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: CompatReport) -> str:
    """One line: the counts and the verdict a CI log reader looks for."""
    counts = (
        f"{len(report.breaking)} breaking, {len(report.source_breaking)} source-breaking, "
        f"{len(report.safe)} safe"
    )
    if report.breaking:
        return f"NOT compatible: {counts}"
    return f"compatible: {counts}"
