from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class def_(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEF_UNSPECIFIED: _ClassVar[def_]
DEF_UNSPECIFIED: def_

class class_(_message.Message):
    __slots__ = ("nested", "kind")
    class import_(_message.Message):
        __slots__ = ()
        AS_FIELD_NUMBER: _ClassVar[int]
        def __init__(self, **kwargs: object) -> None: ...
    RETURN_FIELD_NUMBER: _ClassVar[int]
    LAMBDA_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    NESTED_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    nested: class_.import_
    kind: def_
    def __init__(self, nested: _Optional[_Union[class_.import_, _Mapping[str, _Any]]] = ..., kind: _Optional[_Union[def_, str]] = ..., **kwargs: object) -> None: ...
