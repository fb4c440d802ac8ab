from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Ping(_message.Message):
    __slots__ = ("note", "count", "samples")
    NOTE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    note: str
    count: int
    samples: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, note: _Optional[str] = ..., count: _Optional[int] = ..., samples: _Optional[_Iterable[int]] = ...) -> None: ...
