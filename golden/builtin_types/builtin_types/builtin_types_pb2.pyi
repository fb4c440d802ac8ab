import builtins as _builtins_
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional_, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Kind(_builtins_.int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    KIND_UNSPECIFIED: _ClassVar[Kind]
    bytes: _ClassVar[Kind]
KIND_UNSPECIFIED: Kind
bytes: Kind

class int(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.int
    def __init__(self, value: _Optional_[_builtins_.int] = ...) -> None: ...

class str(_message.Message):
    __slots__ = ("value", "length")
    VALUE_FIELD_NUMBER: _ClassVar[_builtins_.int]
    LENGTH_FIELD_NUMBER: _ClassVar[_builtins_.int]
    value: _builtins_.str
    length: int
    def __init__(self, value: _Optional_[_builtins_.str] = ..., length: _Optional_[_Union[int, _Mapping[_builtins_.str, _Any]]] = ...) -> None: ...

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
    nested: object.str
    top: _shadowed_str
    floats: _containers.RepeatedScalarFieldContainer[_builtins_.float]
    flags: _containers.ScalarMap[_builtins_.str, _builtins_.bool]
    kind: Kind
    _builtins: _builtins_.str
    _Optional: _builtins_.int
    def __init__(self, int: _Optional_[_Union[_shadowed_int, _Mapping[_builtins_.str, _Any]]] = ..., nested: _Optional_[_Union[object.str, _Mapping[_builtins_.str, _Any]]] = ..., top: _Optional_[_Union[_shadowed_str, _Mapping[_builtins_.str, _Any]]] = ..., floats: _Optional_[_Iterable[_builtins_.float]] = ..., flags: _Optional_[_Mapping[_builtins_.str, _builtins_.bool]] = ..., kind: _Optional_[_Union[Kind, _builtins_.str]] = ..., _builtins: _Optional_[_builtins_.str] = ..., _Optional: _Optional_[_builtins_.int] = ...) -> None: ...

_shadowed_int = int
_shadowed_str = str
