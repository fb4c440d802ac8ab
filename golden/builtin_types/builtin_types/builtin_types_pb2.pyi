import builtins as _builtins_
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional_, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Part(_builtins_.int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PART_UNSPECIFIED: _ClassVar[Part]
    real: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    numerator: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    denominator: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    imag: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    bit_length: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    to_bytes: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]
    conjugate: _ClassVar[Part]  # type: ignore[assignment, unused-ignore]

class Kind(_builtins_.int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    KIND_UNSPECIFIED: _ClassVar[Kind]
    bytes: _ClassVar[Kind]
PART_UNSPECIFIED: Part
real: Part
numerator: Part
denominator: Part
imag: Part
bit_length: Part
to_bytes: Part
conjugate: Part
KIND_UNSPECIFIED: Kind
bytes: Kind

class Before(_message.Message):
    __slots__ = ("size", "kind", "types", "part")
    SIZE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    KIND_FIELD_NUMBER: _ClassVar[_builtins_.int]
    TYPES_FIELD_NUMBER: _ClassVar[_builtins_.int]
    PART_FIELD_NUMBER: _ClassVar[_builtins_.int]
    size: _shadowed_len
    kind: _shadowed_type.kind
    types: _containers.RepeatedCompositeFieldContainer[_shadowed_type]
    part: Part
    def __init__(self, size: _Optional_[_Union[_shadowed_len, _Mapping[_builtins_.str, _Any]]] = ..., kind: _Optional_[_Union[_shadowed_type.kind, _builtins_.str]] = ..., types: _Optional_[_Iterable[_Union[_shadowed_type, _Mapping[_builtins_.str, _Any]]]] = ..., part: _Optional_[_Union[Part, _builtins_.str]] = ...) -> None: ...

class int(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.int
    def __init__(self, value: _Optional_[_builtins_.int] = ...) -> None: ...

_shadowed_int = int

class str(_message.Message):
    __slots__ = ("value", "length")
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    LENGTH_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.str
    length: _shadowed_int
    def __init__(self, value: _Optional_[_builtins_.str] = ..., length: _Optional_[_Union[_shadowed_int, _Mapping[_builtins_.str, _Any]]] = ...) -> None: ...

_shadowed_str = str

class float(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.float
    def __init__(self, value: _Optional_[_builtins_.float] = ...) -> None: ...

class bool(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.bool
    def __init__(self, value: _Optional_[_builtins_.bool] = ...) -> None: ...

class object(_message.Message):
    __slots__ = ("int", "nested", "top", "floats", "flags", "kind", "_builtins", "_Optional")
    class str(_message.Message):
        __slots__ = ("raw",)
        RAW_FIELD_NUMBER: _ClassVar[_builtins_.int]
        raw: _builtins_.bytes
        def __init__(self, raw: _Optional_[_builtins_.bytes] = ...) -> None: ...
    class FlagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[_builtins_.int]
        VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
        key: _builtins_.str
        value: _builtins_.bool
        def __init__(self, key: _Optional_[_builtins_.str] = ..., value: _Optional_[_builtins_.bool] = ...) -> None: ...
    INT_FIELD_NUMBER: _ClassVar[_builtins_.int]
    NESTED_FIELD_NUMBER: _ClassVar[_builtins_.int]
    TOP_FIELD_NUMBER: _ClassVar[_builtins_.int]
    FLOATS_FIELD_NUMBER: _ClassVar[_builtins_.int]
    FLAGS_FIELD_NUMBER: _ClassVar[_builtins_.int]
    KIND_FIELD_NUMBER: _ClassVar[_builtins_.int]
    _BUILTINS_FIELD_NUMBER: _ClassVar[_builtins_.int]
    _OPTIONAL_FIELD_NUMBER: _ClassVar[_builtins_.int]
    int: _shadowed_int
    nested: _shadowed_object.str
    top: _shadowed_str
    floats: _containers.RepeatedScalarFieldContainer[_builtins_.float]
    flags: _containers.ScalarMap[_builtins_.str, _builtins_.bool]
    kind: Kind
    _builtins: _builtins_.str
    _Optional: _builtins_.int
    def __init__(self, int: _Optional_[_Union[_shadowed_int, _Mapping[_builtins_.str, _Any]]] = ..., nested: _Optional_[_Union[_shadowed_object.str, _Mapping[_builtins_.str, _Any]]] = ..., top: _Optional_[_Union[_shadowed_str, _Mapping[_builtins_.str, _Any]]] = ..., floats: _Optional_[_Iterable[_builtins_.float]] = ..., flags: _Optional_[_Mapping[_builtins_.str, _builtins_.bool]] = ..., kind: _Optional_[_Union[Kind, _builtins_.str]] = ..., _builtins: _Optional_[_builtins_.str] = ..., _Optional: _Optional_[_builtins_.int] = ...) -> None: ...

_shadowed_object = object

class len(_message.Message):
    __slots__ = ("parts", "parent")
    PARTS_FIELD_NUMBER: _ClassVar[_builtins_.int]
    PARENT_FIELD_NUMBER: _ClassVar[_builtins_.int]
    parts: _containers.RepeatedCompositeFieldContainer[_shadowed_len]
    parent: _shadowed_len
    def __init__(self, parts: _Optional_[_Iterable[_Union[_shadowed_len, _Mapping[_builtins_.str, _Any]]]] = ..., parent: _Optional_[_Union[_shadowed_len, _Mapping[_builtins_.str, _Any]]] = ...) -> None: ...

_shadowed_len = len

class type(_message.Message):
    __slots__ = ("base", "flavour", "members")
    class kind(_builtins_.int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        kind_unspecified: _ClassVar[_shadowed_type.kind]
        real: _ClassVar[_shadowed_type.kind]  # type: ignore[assignment, unused-ignore]
    kind_unspecified: _shadowed_type.kind
    real: _shadowed_type.kind
    class MembersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[_builtins_.int]
        VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
        key: _builtins_.str
        value: _shadowed_type
        def __init__(self, key: _Optional_[_builtins_.str] = ..., value: _Optional_[_Union[_shadowed_type, _Mapping[_builtins_.str, _Any]]] = ...) -> None: ...
    BASE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    FLAVOUR_FIELD_NUMBER: _ClassVar[_builtins_.int]
    MEMBERS_FIELD_NUMBER: _ClassVar[_builtins_.int]
    base: _shadowed_type
    flavour: _shadowed_type.kind
    members: _containers.MessageMap[_builtins_.str, _shadowed_type]
    def __init__(self, base: _Optional_[_Union[_shadowed_type, _Mapping[_builtins_.str, _Any]]] = ..., flavour: _Optional_[_Union[_shadowed_type.kind, _builtins_.str]] = ..., members: _Optional_[_Mapping[_builtins_.str, _shadowed_type]] = ...) -> None: ...

_shadowed_type = type
