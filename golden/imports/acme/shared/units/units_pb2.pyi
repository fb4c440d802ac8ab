from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Resources(_message.Message):
    __slots__ = ("memory_mb", "cpu_shares")
    MEMORY_MB_FIELD_NUMBER: _ClassVar[int]
    CPU_SHARES_FIELD_NUMBER: _ClassVar[int]
    memory_mb: int
    cpu_shares: int
    def __init__(self, memory_mb: _Optional[int] = ..., cpu_shares: _Optional[int] = ...) -> None: ...
