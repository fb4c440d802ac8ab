"""One side of a compatibility check: descriptors indexed by full name, semantics resolved.

`compat_rules` compares two of these. Indexing is kept apart so the rules read as policy
rather than as descriptor plumbing.

Structure (names, numbers, reserved ranges, declaration paths) is read from the
`FileDescriptorProto`s, because only they carry reserved ranges and SourceCodeInfo paths.
Semantics (is a field repeated, required, does it track presence, is it delimited) comes from
a `DescriptorPool` built from the same files, because in editions those are *features*
inherited from file, message and field options; the pool resolves them exactly as the
runtime will, so proto3 ``optional`` and ``features.field_presence = IMPLICIT`` compare equal
when they mean the same thing.

SourceCodeInfo paths are built from the descriptor classes' ``*_FIELD_NUMBER`` constants, and
each file's locations are indexed once, by path tuple, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from google.protobuf import descriptor, descriptor_pb2, descriptor_pool

from ..core.errors import Location
from ..core.model import TypeRef
from ..core.records import record
from ..schema.locations import Path, SourceIndex

_FILE = descriptor_pb2.FileDescriptorProto
_MESSAGE = descriptor_pb2.DescriptorProto
_FIELD = descriptor_pb2.FieldDescriptorProto
_ENUM = descriptor_pb2.EnumDescriptorProto
_SERVICE = descriptor_pb2.ServiceDescriptorProto

#: The whole file (its first statement), the enclosing element of top-level declarations.
ROOT: Path = ()


@record
class ProtoSet:
    """One side of a comparison: compiled files, the ones the user named, and their paths.

    ``files`` must include every import (protoc ``--include_imports``) and carry SourceCodeInfo
    (``--include_source_info``). ``targets`` are the `FileDescriptorProto.name`s of the files
    the user named; only their declarations are compared (plus every type they reach).
    ``paths`` maps a descriptor name to the path to show the user, because descriptor names
    are relative to an include root and both sides' files are often both called
    ``greeter.proto``.
    """

    files: tuple[descriptor_pb2.FileDescriptorProto, ...]
    targets: tuple[str, ...]
    paths: Mapping[str, str]

    @classmethod
    def of(
        cls,
        files: descriptor_pb2.FileDescriptorSet | Iterable[descriptor_pb2.FileDescriptorProto],
        targets: Iterable[str] | None = None,
        paths: Mapping[str, str] | None = None,
    ) -> ProtoSet:
        """A side from a descriptor set; without ``targets``, its last file (what protoc
        ``--include_imports`` writes last is the file named on its command line)."""
        protos = tuple(files.file if isinstance(files, descriptor_pb2.FileDescriptorSet) else files)
        if not protos:
            raise ValueError("no files to compare: the descriptor set is empty")
        names = tuple(targets) if targets is not None else (protos[-1].name,)
        known = {proto.name for proto in protos}
        missing = [name for name in names if name not in known]
        if missing or not names:
            raise ValueError(f"not in the descriptor set: {', '.join(missing) or '(no targets)'}")
        return cls(protos, names, dict(paths or {}))


@record
class Decl:
    """Where an element is declared: file (descriptor name) and SourceCodeInfo path."""

    file: str
    path: Path

    def child(self, *parts: int) -> Decl:
        """A declaration nested in this one."""
        return Decl(self.file, (*self.path, *parts))


@record
class FieldInfo:
    """A field with its semantics resolved (see the module docstring)."""

    name: str
    number: int
    decl: Decl
    type: TypeRef
    #: The key type of a map field (``type`` is then the value type), else None.
    map_key: TypeRef | None
    repeated: bool
    required: bool
    presence: bool
    #: The real (not proto3-optional synthetic) oneof the field belongs to.
    oneof: str | None

    @property
    def type_text(self) -> str:
        """The type as written in a .proto file, without the label."""
        if self.map_key is not None:
            return f"map<{self.map_key}, {self.type}>"
        return str(self.type)

    @property
    def cardinality(self) -> str:
        """repeated, required or singular: what decides how many values the wire carries."""
        if self.repeated:
            return "repeated"
        return "required" if self.required else "singular"


@record
class Reserved:
    """A message's or enum's reserved numbers (half-open ranges) and names, with locations."""

    ranges: tuple[tuple[int, int, Decl], ...]
    names: Mapping[str, Decl]

    def number(self, number: int) -> Decl | None:
        """Where ``number`` is reserved, if it is."""
        for start, end, decl in self.ranges:
            if start <= number < end:
                return decl
        return None


@record
class MessageInfo:
    """A message: its fields in declaration order and what it reserves."""

    full_name: str
    decl: Decl
    parent: str | None
    fields: tuple[FieldInfo, ...]
    oneofs: Mapping[str, Decl]
    reserved: Reserved
    map_entry: bool


@record
class EnumValueInfo:
    """One enum value."""

    name: str
    number: int
    decl: Decl


@record
class EnumInfo:
    """An enum: its values in declaration order and what it reserves."""

    full_name: str
    decl: Decl
    parent: str | None
    values: tuple[EnumValueInfo, ...]
    reserved: Reserved


@record
class MethodInfo:
    """An RPC: its message types (full names, no leading dot) and streaming flags."""

    name: str
    decl: Decl
    input: str
    output: str
    client_streaming: bool
    server_streaming: bool


@record
class ServiceInfo:
    """A service and its RPCs in declaration order."""

    full_name: str
    decl: Decl
    methods: tuple[MethodInfo, ...]


def _join(scope: str, name: str) -> str:
    return f"{scope}.{name}" if scope else name


def _scalar_name(field_type: int) -> str:
    return _FIELD.Type.Name(_FIELD.Type.ValueType(field_type)).removeprefix("TYPE_").lower()


def _type_ref(field_descriptor: descriptor.FieldDescriptor) -> TypeRef:
    """The field's own type; for a map field, the entry message (unwrapped by the caller)."""
    kind = _scalar_name(field_descriptor.type)
    if field_descriptor.enum_type is not None:
        return TypeRef(kind, field_descriptor.enum_type.full_name)
    if field_descriptor.message_type is not None:
        return TypeRef(kind, field_descriptor.message_type.full_name)
    return TypeRef(kind)


def _build_pool(
    files: Mapping[str, descriptor_pb2.FileDescriptorProto],
) -> descriptor_pool.DescriptorPool:
    """A pool holding ``files``, each added after its imports (the pool insists)."""
    pool = descriptor_pool.DescriptorPool()
    added: set[str] = set()

    def add(name: str, importer: str) -> None:
        if name in added:
            return
        proto = files.get(name)
        if proto is None:
            raise ValueError(
                f"{importer} imports {name}, which is not in the descriptor set "
                "(compile with --include_imports)"
            )
        for dependency in proto.dependency:
            add(dependency, name)
        pool.AddSerializedFile(proto.SerializeToString())
        added.add(name)

    for name in files:
        add(name, name)
    return pool


class Side:
    """Every message, enum and service of one `ProtoSet`, by full name, plus locations."""

    def __init__(self, protos: ProtoSet) -> None:
        self.files = {proto.name: proto for proto in protos.files}
        self.targets = protos.targets
        self._paths = protos.paths
        self._pool = _build_pool(self.files)
        self._sources: dict[str, SourceIndex] = {}
        self.messages: dict[str, MessageInfo] = {}
        self.enums: dict[str, EnumInfo] = {}
        self.services: dict[str, ServiceInfo] = {}
        for proto in protos.files:
            self._index_file(proto)
        #: Full names of the messages, enums and services declared in the target files.
        self.declared = {
            name
            for declarations in (self.messages, self.enums, self.services)
            for name, info in declarations.items()
            if info.decl.file in self.targets
        }
        self.packages = tuple(sorted({self.files[name].package for name in self.targets}))

    def root(self) -> Decl:
        """The first target file: the enclosing element of everything top-level."""
        return Decl(self.targets[0], ROOT)

    def location(self, decl: Decl) -> Location:
        """Where ``decl`` starts, as the user's path and 1-based line and column."""
        found = self._source(decl.file).find(decl.path)
        shown = self._paths.get(decl.file, decl.file)
        if found is None or len(found.span) < 2:
            return Location(shown, 0, 0)
        return Location(shown, found.span[0] + 1, found.span[1] + 1)

    def comment(self, decl: Decl) -> str:
        """The leading and trailing comments of ``decl``, whitespace-normalised."""
        found = self._source(decl.file).find(decl.path)
        if found is None:
            return ""
        return " ".join(f"{found.leading_comments} {found.trailing_comments}".split())

    def _source(self, file: str) -> SourceIndex:
        index = self._sources.get(file)
        if index is None:
            index = self._sources[file] = SourceIndex(self.files[file])
        return index

    def _index_file(self, proto: descriptor_pb2.FileDescriptorProto) -> None:
        root = Decl(proto.name, ROOT)
        for i, message in enumerate(proto.message_type):
            self._index_message(
                message, proto.package, None, root.child(_FILE.MESSAGE_TYPE_FIELD_NUMBER, i)
            )
        for i, enum in enumerate(proto.enum_type):
            self._index_enum(enum, proto.package, None, root.child(_FILE.ENUM_TYPE_FIELD_NUMBER, i))
        for i, service in enumerate(proto.service):
            self._index_service(service, proto.package, root.child(_FILE.SERVICE_FIELD_NUMBER, i))

    def _index_message(
        self, message: descriptor_pb2.DescriptorProto, scope: str, parent: str | None, decl: Decl
    ) -> None:
        full_name = _join(scope, message.name)
        resolved = self._pool.FindMessageTypeByName(full_name)
        fields = tuple(
            self._field(
                resolved.fields_by_name[proto.name],
                proto,
                message,
                decl.child(_MESSAGE.FIELD_FIELD_NUMBER, i),
            )
            for i, proto in enumerate(message.field)
        )
        reserved = Reserved(
            ranges=tuple(
                (r.start, r.end, decl.child(_MESSAGE.RESERVED_RANGE_FIELD_NUMBER, i))
                for i, r in enumerate(message.reserved_range)
            ),
            names={
                name: decl.child(_MESSAGE.RESERVED_NAME_FIELD_NUMBER, i)
                for i, name in enumerate(message.reserved_name)
            },
        )
        oneofs = {
            oneof.name: decl.child(_MESSAGE.ONEOF_DECL_FIELD_NUMBER, i)
            for i, oneof in enumerate(message.oneof_decl)
        }
        self.messages[full_name] = MessageInfo(
            full_name, decl, parent, fields, oneofs, reserved, message.options.map_entry
        )
        for i, nested in enumerate(message.nested_type):
            self._index_message(
                nested, full_name, full_name, decl.child(_MESSAGE.NESTED_TYPE_FIELD_NUMBER, i)
            )
        for i, enum in enumerate(message.enum_type):
            self._index_enum(
                enum, full_name, full_name, decl.child(_MESSAGE.ENUM_TYPE_FIELD_NUMBER, i)
            )

    def _field(
        self,
        resolved: descriptor.FieldDescriptor,
        proto: descriptor_pb2.FieldDescriptorProto,
        message: descriptor_pb2.DescriptorProto,
        decl: Decl,
    ) -> FieldInfo:
        value_type, map_key = _type_ref(resolved), None
        entry = resolved.message_type
        if entry is not None and entry.GetOptions().map_entry:
            map_key = _type_ref(entry.fields_by_name["key"])
            value_type = _type_ref(entry.fields_by_name["value"])
        real_oneof = proto.HasField("oneof_index") and not proto.proto3_optional
        return FieldInfo(
            name=proto.name,
            number=proto.number,
            decl=decl,
            type=value_type,
            map_key=map_key,
            repeated=resolved.is_repeated,
            required=resolved.is_required,
            presence=resolved.has_presence,
            oneof=message.oneof_decl[proto.oneof_index].name if real_oneof else None,
        )

    def _index_enum(
        self, enum: descriptor_pb2.EnumDescriptorProto, scope: str, parent: str | None, decl: Decl
    ) -> None:
        full_name = _join(scope, enum.name)
        values = tuple(
            EnumValueInfo(value.name, value.number, decl.child(_ENUM.VALUE_FIELD_NUMBER, i))
            for i, value in enumerate(enum.value)
        )
        reserved = Reserved(
            # Enum reserved ranges are inclusive, unlike message ones: made half-open here.
            ranges=tuple(
                (r.start, r.end + 1, decl.child(_ENUM.RESERVED_RANGE_FIELD_NUMBER, i))
                for i, r in enumerate(enum.reserved_range)
            ),
            names={
                name: decl.child(_ENUM.RESERVED_NAME_FIELD_NUMBER, i)
                for i, name in enumerate(enum.reserved_name)
            },
        )
        self.enums[full_name] = EnumInfo(full_name, decl, parent, values, reserved)

    def _index_service(
        self, service: descriptor_pb2.ServiceDescriptorProto, scope: str, decl: Decl
    ) -> None:
        full_name = _join(scope, service.name)
        methods = tuple(
            MethodInfo(
                name=method.name,
                decl=decl.child(_SERVICE.METHOD_FIELD_NUMBER, i),
                input=method.input_type.removeprefix("."),
                output=method.output_type.removeprefix("."),
                client_streaming=method.client_streaming,
                server_streaming=method.server_streaming,
            )
            for i, method in enumerate(service.method)
        )
        self.services[full_name] = ServiceInfo(full_name, decl, methods)
