import builtins as _builtins
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Color(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COLOR_UNSPECIFIED: _ClassVar[Color]
    RED: _ClassVar[Color]
COLOR_UNSPECIFIED: Color
RED: Color

class Attr(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...

class Response(_message.Message):
    __slots__ = ("bytes", "float", "str", "int", "bool", "self", "__2conflict", "Attr", "Color", "inner", "mode", "type", "object", "list", "complex", "dict")
    class Mode(_builtins.int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        MODE_UNSPECIFIED: _ClassVar[Response.Mode]
        FAST: _ClassVar[Response.Mode]
    MODE_UNSPECIFIED: Response.Mode
    FAST: Response.Mode
    class Inner(_message.Message):
        __slots__ = ("x", "float")
        X_FIELD_NUMBER: _ClassVar[int]
        FLOAT_FIELD_NUMBER: _ClassVar[int]
        x: int
        float: _builtins.float
        def __init__(self, x: _Optional[int] = ..., float: _Optional[_builtins.float] = ...) -> None: ...
    class ObjectEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Attr
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Attr, _Mapping[str, _Any]]] = ...) -> None: ...
    BYTES_FIELD_NUMBER: _ClassVar[_builtins.int]
    FLOAT_FIELD_NUMBER: _ClassVar[_builtins.int]
    STR_FIELD_NUMBER: _ClassVar[_builtins.int]
    INT_FIELD_NUMBER: _ClassVar[_builtins.int]
    BOOL_FIELD_NUMBER: _ClassVar[_builtins.int]
    SELF_FIELD_NUMBER: _ClassVar[_builtins.int]
    __2CONFLICT_FIELD_NUMBER: _ClassVar[_builtins.int]
    ATTR_FIELD_NUMBER: _ClassVar[_builtins.int]
    COLOR_FIELD_NUMBER: _ClassVar[_builtins.int]
    INNER_FIELD_NUMBER: _ClassVar[_builtins.int]
    MODE_FIELD_NUMBER: _ClassVar[_builtins.int]
    TYPE_FIELD_NUMBER: _ClassVar[_builtins.int]
    OBJECT_FIELD_NUMBER: _ClassVar[_builtins.int]
    LIST_FIELD_NUMBER: _ClassVar[_builtins.int]
    COMPLEX_FIELD_NUMBER: _ClassVar[_builtins.int]
    DICT_FIELD_NUMBER: _ClassVar[_builtins.int]
    bytes: _builtins.bytes
    float: _builtins.float
    str: _builtins.str
    int: _containers.RepeatedScalarFieldContainer[_builtins.int]
    bool: _builtins.bool
    self: _builtins.str
    __2conflict: _builtins.int
    Attr: _shadowed_Attr
    Color: _shadowed_Color
    inner: Response.Inner
    mode: Response.Mode
    type: _builtins.str
    object: _containers.MessageMap[_builtins.str, _shadowed_Attr]
    list: _containers.RepeatedCompositeFieldContainer[_shadowed_Attr]
    complex: _builtins.float
    dict: _shadowed_Attr
    def __init__(_self, *, bytes: _Optional[_builtins.bytes] = ..., float: _Optional[_builtins.float] = ..., str: _Optional[_builtins.str] = ..., int: _Optional[_Iterable[_builtins.int]] = ..., bool: _Optional[_builtins.bool] = ..., self: _Optional[_builtins.str] = ..., __2conflict: _Optional[_builtins.int] = ..., Attr: _Optional[_Union[_shadowed_Attr, _Mapping[_builtins.str, _Any]]] = ..., Color: _Optional[_Union[_shadowed_Color, _builtins.str]] = ..., inner: _Optional[_Union[Response.Inner, _Mapping[_builtins.str, _Any]]] = ..., mode: _Optional[_Union[Response.Mode, _builtins.str]] = ..., type: _Optional[_builtins.str] = ..., object: _Optional[_Mapping[_builtins.str, _shadowed_Attr]] = ..., list: _Optional[_Iterable[_Union[_shadowed_Attr, _Mapping[_builtins.str, _Any]]]] = ..., complex: _Optional[_builtins.float] = ..., dict: _Optional[_Union[_shadowed_Attr, _Mapping[_builtins.str, _Any]]] = ...) -> None: ...

class Members(_message.Message):
    __slots__ = ("Clear", "DESCRIPTOR", "HasField", "Extensions")  # pyright: ignore[reportIncompatibleVariableOverride, reportIncompatibleMethodOverride]
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    HASFIELD_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    Clear: str  # type: ignore[assignment]
    DESCRIPTOR: int  # type: ignore[assignment]
    HasField: bool  # type: ignore[assignment]
    Extensions: str  # type: ignore[assignment]
    def __init__(self, Clear: _Optional[str] = ..., DESCRIPTOR: _Optional[int] = ..., HasField: _Optional[bool] = ..., Extensions: _Optional[str] = ...) -> None: ...

_shadowed_Attr = Attr
_shadowed_Color = Color
