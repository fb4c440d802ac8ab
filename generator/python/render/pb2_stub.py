"""``_pb2.pyi`` written from the descriptors, in protoc's layout, every name resolved in its scope.

protoc's stub generator writes a type by its bare name wherever it is read: a message named
``int`` turns every ``x: int`` of the stub into that message (protoc cannot tell them apart in
its output, and neither can a repair of the text), a field named ``bytes`` or ``Attr`` turns its
class's ``bytes`` or ``Attr`` annotations into the field itself, and a nested type hides a
top-level type of the same name. A type checker resolves an annotation in a class body first in
that body, then in the module, then in builtins; so each annotation here is spelled for the
scope it is read in:

* a builtin (``int``, ``str``, ``object``) bare, unless the class body or the module binds that
  name: then ``_builtins.int`` (``import builtins as _builtins``);
* a type of this file by its module-level path (``Outer.Inner``), unless the class body reading
  it binds the path's first name: then through a module-level alias (``_shadowed_Outer``);
* a type of this file named like a builtin (``len``, ``type.kind``) always through its alias,
  bound right after its class: mypy reads a bare ``len`` above ``class len`` as the builtin;
* everything imported (``_message``, ``_Optional``, another file's ``_types_pb2``) under a
  private alias that no name of the file takes.

A file without such names reads exactly as protoc writes it, with the repairs its text needed
for strict checkers: an extension's module-level number is an ``int`` (``ClassVar`` is a class
thing); ``Extensions`` is left to ``Message``, which types it; a message given as a dict is a
``_Mapping[str, _Any]``; only what is used is imported; a keyword-named type is spelled by its
escape (``class_``, bound so by ``keywords.repair_pb2``), keyword-named fields and values are
left out (Python cannot declare them; protoc leaves the fields to ``**kwargs``), as are dunder
values and a value where its message or module binds the name already (protobuf keeps ``Clear``
the method); a value named like ``int``'s members (``real``) carries an ignore; the constructor's
first parameter is ``_self`` when a field is named ``self``, and fields are keyword-only when
one (``__2x``) would read as position-only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ...core.records import record
from ...schema import descriptors
from .. import naming

_Field = descriptors.FieldDescriptorProto
_Message = descriptors.DescriptorProto
_Enum = descriptors.EnumDescriptorProto
_File = descriptors.FileDescriptorProto

#: The names protoc leaves out of a stub: Python cannot declare them.
_PROTOC_KEYWORDS = naming.HARD_KEYWORDS
_INTS = {
    _Field.TYPE_INT32,
    _Field.TYPE_INT64,
    _Field.TYPE_UINT32,
    _Field.TYPE_UINT64,
    _Field.TYPE_SINT32,
    _Field.TYPE_SINT64,
    _Field.TYPE_FIXED32,
    _Field.TYPE_FIXED64,
    _Field.TYPE_SFIXED32,
    _Field.TYPE_SFIXED64,
}
_FLOATS = {_Field.TYPE_DOUBLE, _Field.TYPE_FLOAT}
_COMPOSITE = {_Field.TYPE_MESSAGE, _Field.TYPE_GROUP}
#: What ``Message`` declares (types-protobuf's stub): a field so named overrides it, as protobuf's
#: runtime lets it (``m.Clear`` is the field), which checkers report unless told it is meant.
_MESSAGE_MEMBER_NAMES = (
    "ByteSize Clear ClearExtension ClearField CopyFrom DESCRIPTOR DiscardUnknownFields Extensions "
    "FromString HasExtension HasField IsInitialized ListFields MergeFrom MergeFromString "
    "ParseFromString SerializePartialToString SerializeToString SetInParent UnknownFields "
    "WhichOneof"
)
_MESSAGE_MEMBERS = frozenset(_MESSAGE_MEMBER_NAMES.split())
#: What a stub binds at module level whatever the proto says.
_MODULE_NAMES = frozenset({"DESCRIPTOR"})
#: What ``int`` declares (typeshed's, every version): an enum's class derives from ``int``, so a
#: value so named overrides it (at run time an enum is an ``EnumTypeWrapper`` and ``E.real`` is
#: the value). Not every checker or version reports each (mypy lets ``real`` pass), so the
#: comment may be unused.
_INT_MEMBER_NAMES = (
    "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag is_integer "
    "numerator real to_bytes"
)
_INT_MEMBERS = frozenset(_INT_MEMBER_NAMES.split())
_INT_OVERRIDE = "  # type: ignore[assignment, unused-ignore]"
_OVERRIDE = "  # type: ignore[assignment]"  # mypy reports the declaration, pyright the slot
_SLOT_OVERRIDE = (
    "  # pyright: ignore[reportIncompatibleVariableOverride, reportIncompatibleMethodOverride]"
)
#: Names a type checker finds in builtins: Python 3.11's (``naming.BUILTINS``) and the dunders it
#: binds, and what typeshed's ``builtins.pyi`` declares for other versions and platforms. mypy
#: reads such a bare name above the module-level class of that name as the builtin, so a type
#: so named is read through an alias bound right after its class (mypy-protobuf's ``global___``).
_OTHER_BUILTIN_NAMES = (
    "ImportCycleError PythonFinalizationError WindowsError ellipsis frozendict function "
    "sentinel __build_class__ __debug__ __doc__ __import__ __lazy_import__ __loader__ "
    "__name__ __package__ __spec__"
)
_BUILTIN_NAMES = naming.BUILTINS | frozenset(_OTHER_BUILTIN_NAMES.split())
_WELL_KNOWN_BASES = {"Any", "Duration", "FieldMask", "ListValue", "Struct", "Timestamp"}
_DATETIME = {".google.protobuf.Timestamp": "datetime", ".google.protobuf.Duration": "timedelta"}

#: Imports in protoc's order: key -> (statement with ``{}`` for the alias, preferred alias).
_RUNTIME = {
    "containers": "from google.protobuf.internal import containers as {}",
    "enum_type_wrapper": "from google.protobuf.internal import enum_type_wrapper as {}",
    "well_known_types": "from google.protobuf.internal import well_known_types as {}",
    "descriptor": "from google.protobuf import descriptor as {}",
    "message": "from google.protobuf import message as {}",
    "service": "from google.protobuf import service as {}",
}
_ABC = ("Iterable", "Mapping")
_TYPING = ("Any", "ClassVar", "Optional", "Union")


@record
class _Type:
    """A message or enum as the stub names it: its file and its path of class names."""

    file: str
    path: tuple[str, ...]
    #: The message (``None`` for an enum): a map field's entry says what the map holds.
    message: _Message | None


def write(file: _File, module: str, files: Mapping[str, _File], modules: Mapping[str, str]) -> str:
    """The stub of ``file``, now the module ``module``.

    ``files`` holds (at least) ``file``'s dependencies by name; ``modules`` maps protoc's module
    names to where they live now (others, the well-known types', stay where protoc puts them).
    """
    return _Writer(file, module, files, modules).text()


def _index(file: _File, files: Mapping[str, _File]) -> dict[str, _Type]:
    """Every type ``file`` can name (its own, its dependencies', their public imports') by full
    name (``.pkg.Outer.Inner``)."""
    types: dict[str, _Type] = {}
    pending = [file, *(files[name] for name in file.dependency if name in files)]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        pending.extend(files[current.dependency[i]] for i in current.public_dependency)
        prefix = f".{current.package}" if current.package else ""
        stack: list[tuple[str, tuple[str, ...], _Message]] = []
        for enum in current.enum_type:
            types[f"{prefix}.{enum.name}"] = _Type(current.name, (_escape(enum.name),), None)
        for message in current.message_type:
            stack.append((prefix, (), message))
        while stack:
            scope, path, message = stack.pop()
            full = f"{scope}.{message.name}"
            inner = (*path, _escape(message.name))
            types[full] = _Type(current.name, inner, message)
            for enum in message.enum_type:
                enum_path = (*inner, _escape(enum.name))
                types[f"{full}.{enum.name}"] = _Type(current.name, enum_path, None)
            stack.extend((full, inner, nested) for nested in message.nested_type)
    return types


def _escape(name: str) -> str:
    return naming.type_attribute(name)


def _values(enum: _Enum) -> list[str]:
    """The values the enum's class declares: not keywords (Python cannot declare them) nor
    dunders (``__slots__``, ``__doc__``: Python's own, which the value would not replace)."""
    return [
        value.name
        for value in enum.value
        if value.name not in _PROTOC_KEYWORDS
        and not (value.name.startswith("__") and value.name.endswith("__"))
    ]


def _declared(fields: Sequence[_Field]) -> list[_Field]:
    return [field for field in fields if field.name not in _PROTOC_KEYWORDS]


def _message_scope(message: _Message) -> set[str]:
    """The names a message's class body binds."""
    bound = {"__slots__", "__init__"}
    bound.update(_escape(nested.name) for nested in message.nested_type)
    for enum in message.enum_type:
        bound.add(_escape(enum.name))
        bound.update(_values(enum))
    for field in [*message.field, *message.extension]:
        bound.add(field.name.upper() + "_FIELD_NUMBER")
    bound.update(field.name for field in _declared([*message.field, *message.extension]))
    return bound


def _every_name(file: _File) -> set[str]:
    """Every name declared anywhere in ``file``: no import alias may be one of them."""
    names = {"DESCRIPTOR"}
    names.update(_escape(enum.name) for enum in file.enum_type)
    names.update(value.name for enum in file.enum_type for value in enum.value)
    for extension in file.extension:
        names.update((extension.name, extension.name.upper() + "_FIELD_NUMBER"))
    messages = list(file.message_type)
    while messages:
        message = messages.pop()
        messages.extend(message.nested_type)
        names.update((message.name, _escape(message.name)))
        names |= _message_scope(message)
        names.update(field.name for field in message.field)
    return names


class _Writer:
    """One stub's text and the imports and aliases it turned out to need."""

    def __init__(
        self, file: _File, module: str, files: Mapping[str, _File], modules: Mapping[str, str]
    ) -> None:
        self.file, self.module, self.files, self.modules = file, module, files, modules
        self.types = _index(file, files)
        self.taken = _every_name(file)
        self.module_scope = {"DESCRIPTOR"}
        self.module_scope.update(_escape(message.name) for message in file.message_type)
        for enum in file.enum_type:
            self.module_scope.add(_escape(enum.name))
            self.module_scope.update(_values(enum))
        for extension in file.extension:
            self.module_scope.add(extension.name.upper() + "_FIELD_NUMBER")
            if extension.name not in _PROTOC_KEYWORDS:
                self.module_scope.add(extension.name)
        self.public_lines = list(self._public_imports())
        self.used: set[str] = set()
        self.aliases: dict[str, str] = {}
        self.shadowed: dict[str, str] = {}  # top-level name -> its alias
        #: Module-level types named like a builtin: always read through their alias.
        top_level = [message.name for message in file.message_type]
        top_level += [enum.name for enum in file.enum_type]
        self.builtin_named = {_escape(name) for name in top_level} & _BUILTIN_NAMES
        self.dependencies = self._dependency_aliases()
        self.used_dependencies: set[str] = set()

    # -- names --------------------------------------------------------------------------------

    def _free(self, preferred: str, suffix: str = "_", seen: set[str] | None = None) -> str:
        name = preferred
        while name in self.taken or name in self.module_scope or (seen and name in seen):
            name += suffix
        return name

    def alias(self, key: str) -> str:
        """The name an import (``Optional``, ``message``, ``builtins``) goes by; marks it used."""
        alias = self.aliases.get(key)
        if alias is None:
            self.used.add(key)
            preferred = "datetime" if key == "datetime" else f"_{key}"
            alias = self.aliases[key] = self._free(preferred)
        return alias

    def builtin(self, name: str, scope: set[str]) -> str:
        if name in scope or name in self.module_scope:
            return f"{self.alias('builtins')}.{name}"
        return name

    def type_name(self, full_name: str, scope: set[str]) -> str:
        target = self.types[full_name]
        if target.file != self.file.name:
            self.used_dependencies.add(target.file)
            return ".".join((self.dependencies[target.file], *target.path))
        root, *rest = target.path
        if root in scope or root in self.builtin_named:
            if root not in self.shadowed:
                self.shadowed[root] = self._free(f"_shadowed_{root}")
            root = self.shadowed[root]
        return ".".join((root, *rest))

    def _dependency_aliases(self) -> dict[str, str]:
        """protoc's alias for each imported file (``_types_pb2``; ``_1`` added on a repeat)."""
        aliases: dict[str, str] = {}
        seen: set[str] = set()
        for name in self.file.dependency:
            dependency = self.files.get(name)
            public = [] if dependency is None else dependency.public_dependency
            chain = [name, *(dependency.dependency[i] for i in public if dependency is not None)]
            for file_name in chain:
                stem = naming.protoc_module(file_name).rpartition(".")[2]
                alias = self._free(f"_{stem}", "_1", seen)
                seen.add(alias)
                aliases.setdefault(file_name, alias)
        return aliases

    def _public_imports(self) -> Iterator[str]:
        """``from m import T as T`` for each top-level type of a public import (re-exported)."""
        package = self.module.rpartition(".")[0]
        for index in self.file.public_dependency:
            dependency = self.files.get(self.file.dependency[index])
            if dependency is None:
                continue
            source = self._import_source(package, dependency.name)
            for name in [
                *(message.name for message in dependency.message_type),
                *(enum.name for enum in dependency.enum_type),
            ]:
                self.module_scope.add(_escape(name))
                yield f"from {source} import {_escape(name)} as {_escape(name)}"

    def _import_source(self, package: str, file_name: str) -> str:
        protoc_name = naming.protoc_module(file_name)
        source, name = naming.import_from(package, self.modules.get(protoc_name, protoc_name))
        return f"{source}{name}" if source.endswith(".") else f"{source}.{name}"

    # -- text ---------------------------------------------------------------------------------

    def text(self) -> str:
        body = [f"DESCRIPTOR: {self.alias('descriptor')}.FileDescriptor"]
        for index in self.file.public_dependency:
            dependency = self.files.get(self.file.dependency[index])
            if dependency is None:
                continue
            body += self._extensions(dependency.extension, set(), module_level=True)
            prefix = f".{dependency.package}" if dependency.package else ""
            for enum in dependency.enum_type:
                body += self._enum_values(enum, f"{prefix}.{enum.name}", set(), _MODULE_NAMES)
        prefix = f".{self.file.package}" if self.file.package else ""
        after: dict[str, int] = {}  # builtin-named type -> where its alias would go
        for enum in self.file.enum_type:
            body += ["", *self._enum(enum, f"{prefix}.{enum.name}", set())]
            after[_escape(enum.name)] = len(body)
        for enum in self.file.enum_type:
            body += self._enum_values(enum, f"{prefix}.{enum.name}", set(), _MODULE_NAMES)
        body += self._extensions(self.file.extension, set(), module_level=True)
        for message in self.file.message_type:
            body += ["", *self._message(message, f"{prefix}.{message.name}")]
            after[_escape(message.name)] = len(body)
        if self.file.service and self.file.options.py_generic_services:
            service = self.alias("service")
            for each in self.file.service:
                name = _escape(each.name)
                body += ["", f"class {name}({service}.service): ...", ""]
                body.append(f"class {name}_Stub({name}): ...")
        for name, index in sorted(after.items(), key=lambda item: -item[1]):
            if name in self.builtin_named and name in self.shadowed:
                body[index:index] = ["", f"{self.shadowed.pop(name)} = {name}"]
        if self.shadowed:
            body.append("")
            body += [f"{alias} = {name}" for name, alias in sorted(self.shadowed.items())]
        return "\n".join([*self._imports(), *body]) + "\n"

    def _imports(self) -> list[str]:
        lines = []
        if "builtins" in self.used:
            lines.append(f"import builtins as {self.alias('builtins')}")
        if "datetime" in self.used:
            alias = self.alias("datetime")
            lines += [f"import datetime{'' if alias == 'datetime' else f' as {alias}'}", ""]
        package = self.module.rpartition(".")[0]
        for file_name, alias in self.dependencies.items():
            if file_name in self.used_dependencies:
                protoc_name = naming.protoc_module(file_name)
                target = self.modules.get(protoc_name, protoc_name)
                if "." not in target:
                    lines.append(f"import {target} as {alias}")
                else:
                    source, name = naming.import_from(package, target)
                    lines.append(f"from {source} import {name} as {alias}")
        lines += [_RUNTIME[key].format(self.alias(key)) for key in _RUNTIME if key in self.used]
        for module, names in (("collections.abc", _ABC), ("typing", _TYPING)):
            used = [f"{name} as {self.alias(name)}" for name in names if name in self.used]
            if used:
                lines.append(f"from {module} import {', '.join(used)}")
        return [*lines, *self.public_lines, ""]

    def _enum(self, enum: _Enum, full_name: str, outer: set[str]) -> list[str]:
        """The enum's class; its base is read in the enclosing scope ``outer``."""
        base = self.builtin("int", outer)
        wrapper = self.alias("enum_type_wrapper")
        lines = [f"class {_escape(enum.name)}({base}, metaclass={wrapper}.EnumTypeWrapper):"]
        lines.append("    __slots__ = ()")
        scope = {"__slots__", *_values(enum)}
        class_var = self.alias("ClassVar") if _values(enum) else ""
        spelled = self.type_name(full_name, scope) if _values(enum) else ""
        lines += [
            f"    {value}: {class_var}[{spelled}]"
            + (_INT_OVERRIDE if value in _INT_MEMBERS else "")
            for value in _values(enum)
        ]
        return lines

    def _enum_values(
        self, enum: _Enum, full_name: str, scope: set[str], kept: frozenset[str] = frozenset()
    ) -> list[str]:
        """The enum's values where protobuf binds them too (its module, its message), except
        those ``kept`` by what that scope already binds: protobuf leaves a message's ``Clear``
        the method; a module's ``DESCRIPTOR`` value it does bind, breaking the module."""
        values = [value for value in _values(enum) if value not in kept]
        if not values:
            return []
        spelled = self.type_name(full_name, scope)
        return [f"{value}: {spelled}" for value in values]

    def _extensions(
        self, extensions: Sequence[_Field], scope: set[str], *, module_level: bool = False
    ) -> list[str]:
        lines = []
        for extension in extensions:
            number = self.builtin("int", scope)
            if not module_level:
                number = f"{self.alias('ClassVar')}[{number}]"
            lines.append(f"{extension.name.upper()}_FIELD_NUMBER: {number}")
            if extension.name not in _PROTOC_KEYWORDS:
                descriptor = self.alias("descriptor")
                lines.append(f"{extension.name}: {descriptor}.FieldDescriptor")
        return lines

    def _message(self, message: _Message, full_name: str) -> list[str]:
        scope = _message_scope(message)
        bases = f"{self.alias('message')}.Message"
        if full_name.startswith(".google.protobuf.") and message.name in _WELL_KNOWN_BASES:
            bases += f", {self.alias('well_known_types')}.{message.name}"
        fields = _declared(message.field)
        slots = ", ".join(f'"{field.name}"' for field in fields)
        lines = [f"class {_escape(message.name)}({bases}):"]
        lines.append(f"    __slots__ = ({slots}{',' if len(fields) == 1 else ''})")
        if any(field.name in _MESSAGE_MEMBERS for field in fields):
            lines[-1] += _SLOT_OVERRIDE
        body: list[str] = []
        for enum in message.enum_type:
            body += self._enum(enum, f"{full_name}.{enum.name}", scope)
            body += self._enum_values(enum, f"{full_name}.{enum.name}", scope, _MESSAGE_MEMBERS)
        for nested in message.nested_type:
            body += self._message(nested, f"{full_name}.{nested.name}")
        body += self._extensions(message.extension, scope)
        for field in message.field:
            number = f"{self.alias('ClassVar')}[{self.builtin('int', scope)}]"
            body.append(f"{field.name.upper()}_FIELD_NUMBER: {number}")
        body += [
            f"{field.name}: {self._attribute(field, scope)}"
            + (_OVERRIDE if field.name in _MESSAGE_MEMBERS else "")
            for field in fields
        ]
        body.append(self._constructor(message, fields, scope))
        return lines + ["    " + line for line in body]

    def _constructor(self, message: _Message, fields: list[_Field], scope: set[str]) -> str:
        names = {field.name for field in message.field}
        first = "self"
        if "self" in names:
            first = "_self"
            while first in names:
                first += "_"
        parameters = [first]
        if any(f.name.startswith("__") and not f.name.endswith("__") for f in fields):
            parameters.append("*")
        optional = self.alias("Optional") if fields else ""
        for field in fields:
            parameters.append(f"{field.name}: {optional}[{self._parameter(field, scope)}] = ...")
        if len(fields) < len(message.field):
            parameters.append(f"**kwargs: {self.builtin('object', scope)}")
        return f"def __init__({', '.join(parameters)}) -> None: ..."

    def _map_entry(self, field: _Field) -> _Message | None:
        if field.label != _Field.LABEL_REPEATED or field.type != _Field.TYPE_MESSAGE:
            return None
        message = self.types[field.type_name].message
        return message if message is not None and message.options.map_entry else None

    def _scalar(self, field: _Field, scope: set[str]) -> str:
        """The Python type of one value of ``field``."""
        if field.type in _INTS:
            return self.builtin("int", scope)
        if field.type in _FLOATS:
            return self.builtin("float", scope)
        if field.type == _Field.TYPE_BOOL:
            return self.builtin("bool", scope)
        if field.type == _Field.TYPE_STRING:
            return self.builtin("str", scope)
        if field.type == _Field.TYPE_BYTES:
            return self.builtin("bytes", scope)
        return self.type_name(field.type_name, scope)

    def _attribute(self, field: _Field, scope: set[str]) -> str:
        entry = self._map_entry(field)
        containers = self.alias("containers") if field.label == _Field.LABEL_REPEATED else ""
        if entry is not None:
            key, value = (self._scalar(part, scope) for part in entry.field[:2])
            kind = "MessageMap" if entry.field[1].type in _COMPOSITE else "ScalarMap"
            return f"{containers}.{kind}[{key}, {value}]"
        spelled = self._scalar(field, scope)
        if field.label != _Field.LABEL_REPEATED:
            return spelled
        composite = field.type in _COMPOSITE
        kind = "RepeatedCompositeFieldContainer" if composite else "RepeatedScalarFieldContainer"
        return f"{containers}.{kind}[{spelled}]"

    def _parameter(self, field: _Field, scope: set[str]) -> str:
        entry = self._map_entry(field)
        if entry is not None:
            key, value = (self._scalar(part, scope) for part in entry.field[:2])
            return f"{self.alias('Mapping')}[{key}, {value}]"
        spelled = self._scalar(field, scope)
        if field.type in _COMPOSITE:
            extra = ""
            if field.type_name in _DATETIME:
                extra = f"{self.alias('datetime')}.{_DATETIME[field.type_name]}, "
            mapping = f"{self.alias('Mapping')}[{self.builtin('str', scope)}, {self.alias('Any')}]"
            spelled = f"{self.alias('Union')}[{extra}{spelled}, {mapping}]"
        elif field.type == _Field.TYPE_ENUM:
            spelled = f"{self.alias('Union')}[{spelled}, {self.builtin('str', scope)}]"
        if field.label == _Field.LABEL_REPEATED:
            spelled = f"{self.alias('Iterable')}[{spelled}]"
        return spelled
