import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from ...shared import types_pb2 as _types_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StartTaskRequest(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _types_pb2.TaskConfig
    def __init__(self, config: _Optional[_Union[_types_pb2.TaskConfig, _Mapping[str, _Any]]] = ...) -> None: ...

class StartTaskResponse(_message.Message):
    __slots__ = ("handle", "started_at")
    HANDLE_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    handle: _types_pb2.TaskHandle
    started_at: _timestamp_pb2.Timestamp
    def __init__(self, handle: _Optional[_Union[_types_pb2.TaskHandle, _Mapping[str, _Any]]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping[str, _Any]]] = ...) -> None: ...
