from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
NOTE_FIELD_NUMBER: int
note: _descriptor.FieldDescriptor

class Record(_message.Message):
    __slots__ = ("id", "count", "label", "values", "meta", "level")
    class Level(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        LOW: _ClassVar[Record.Level]
        HIGH: _ClassVar[Record.Level]
    LOW: Record.Level
    HIGH: Record.Level
    class Meta(_message.Message):
        __slots__ = ("author",)
        AUTHOR_FIELD_NUMBER: _ClassVar[int]
        author: str
        def __init__(self, author: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    id: str
    count: int
    label: str
    values: _containers.RepeatedScalarFieldContainer[int]
    meta: Record.Meta
    level: Record.Level
    def __init__(self, id: _Optional[str] = ..., count: _Optional[int] = ..., label: _Optional[str] = ..., values: _Optional[_Iterable[int]] = ..., meta: _Optional[_Union[Record.Meta, _Mapping[str, _Any]]] = ..., level: _Optional[_Union[Record.Level, str]] = ...) -> None: ...

class Ack(_message.Message):
    __slots__ = ("stored",)
    STORED_FIELD_NUMBER: _ClassVar[int]
    stored: bool
    def __init__(self, stored: _Optional[bool] = ...) -> None: ...
