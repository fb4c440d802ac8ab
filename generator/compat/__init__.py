"""`gen-plugin compat OLD NEW`: what breaks when a plugin and a host disagree on the proto.

A go-plugin host and its plugins are deployed separately, so at any time one may run the old
contract and the other the new one. `compare` lists every difference between two versions of
the contract and sorts each into one of three severities (`Severity`):

**breaking** — a deployed plugin or host of the other version stops working or silently
misreads data. The wire identity of an RPC is its path ``/package.Service/Method`` and its
request and response bytes; the wire identity of a field is its number and encoding. So:
a removed or renamed service or RPC, a changed package, a changed streaming kind, a changed
request or response *type name* (matched by full name: a message moved or renamed is another
contract even if its bytes happen to match), a removed, renumbered or retyped field (any type
change, even int32 -> int64, which truncates, or between message types), a field number
reused for another field or taken from a ``reserved`` range, a changed cardinality
(singular <-> repeated: a singular reader keeps only the last of a repeated writer's values;
optional <-> required: proto2 readers reject messages lacking a required field), a new
required field, fields joining or leaving a oneof together (a reader keeps only the last
member it sees, so data is lost), and a removed or renumbered enum value. Messages reached by
RPCs are compared transitively (fields of fields), wherever they are declared.

**source-breaking** — the binary wire is unchanged, so deployed peers keep working, but code
written against the generated Python API (or JSON) does not: a renamed field, enum value or
oneof (generated attribute and ``WhichOneof`` names follow names; the wire only carries
numbers); proto3 ``optional`` added or removed (same bytes; ``HasField`` and whether a zero
value is sent change); a single field moving into or out of a oneof; a name reused from
``reserved``; a message or enum removed (its class disappears; any wire use of it is reported
on the field or RPC that used it). These do not fail the exit code unless ``strict``.

**safe** — an added service, RPC, message, enum, enum value or field with a fresh number
(old readers skip unknown fields; new readers see defaults), a comment change, and a removed
field or enum value whose number *and* name became ``reserved``: old peers' values are skipped
as unknown, and reserving both guarantees neither is reused with another meaning. Reserving
only one of them is still reported as a breaking removal, with a hint naming what to reserve.

Matching is by full name. When the package of the named files changed (``greeter.v1`` ->
``greeter.v2``), that one change is reported as breaking and everything declared in those
files is then matched as if renamed with the package, so the rest of the report stays useful
when comparing two versioned packages served side by side.

Not covered: extensions, service and method options, json_name, custom options, and wire-
compatible type families (int32/uint32/int64/bool) which are reported as breaking anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from google.protobuf import descriptor_pb2

from ..core.errors import Location
from .index import ProtoSet, Side
from .report import (
    SEVERITY,
    Change,
    CompatReport,
    Kind,
    Severity,
    exit_code,
    render,
    render_change,
    summary,
)
from .rules import diff

__all__ = [
    "SEVERITY",
    "Change",
    "CompatReport",
    "Kind",
    "Location",
    "ProtoSet",
    "Severity",
    "compare",
    "exit_code",
    "render",
    "render_change",
    "summary",
]

#: What `compare` accepts for a side: a `ProtoSet`, or a descriptor set whose last file is
#: the one to compare (what protoc ``--include_imports`` writes for one named file).
SideInput = (
    ProtoSet | descriptor_pb2.FileDescriptorSet | Sequence[descriptor_pb2.FileDescriptorProto]
)


def compare(old: SideInput, new: SideInput) -> CompatReport:
    """Every change from ``old`` to ``new``, by severity. Pure: no I/O, inputs untouched.

    Raises ValueError when a side is empty or lacks an imported file.
    """
    old_side = Side(old if isinstance(old, ProtoSet) else ProtoSet.of(old))
    new_side = Side(new if isinstance(new, ProtoSet) else ProtoSet.of(new))
    return CompatReport.of(diff(old_side, new_side))
