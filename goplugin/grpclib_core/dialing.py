"""What a plugin's two grpclib channels share: the codec, opening a call, and its failures.

A plugin on the grpclib core dials its host's brokered services with grpclib, sync from an
implementation's thread (``loop_channel``) or async on the serving loop (``async_loop_channel``).
Both open calls under :func:`goplugin.call_options` and turn grpclib's failures into
:class:`goplugin.RPCError` subclasses the same way, which is this module.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from grpclib.client import Channel as GrpclibChannel
from grpclib.config import Configuration
from grpclib.const import Cardinality
from grpclib.encoding.base import CodecBase
from grpclib.exceptions import GRPCError, ProtocolError, StreamTerminatedError

from goplugin.calls import active_call_options
from goplugin.errors import DeadlineExceededError, UnavailableError, rpc_error_for
from goplugin.services import Kind, ServiceSpec

if TYPE_CHECKING:
    import ssl

    from grpclib.client import Stream

_CARDINALITY = {
    Kind.UNARY_UNARY: Cardinality.UNARY_UNARY,
    Kind.UNARY_STREAM: Cardinality.UNARY_STREAM,
    Kind.STREAM_UNARY: Cardinality.STREAM_UNARY,
    Kind.STREAM_STREAM: Cardinality.STREAM_STREAM,
}


class MessageType(NamedTuple):
    """A message type for the codec: how to turn it into bytes and back."""

    serialize: Callable[[Any], bytes]
    deserialize: Callable[[bytes], Any]


#: A method's request and response types.
Types = tuple[MessageType, MessageType]


class _Codec(CodecBase):
    __content_subtype__ = "proto"

    def encode(self, message: Any, message_type: Any) -> bytes:
        return bytes(message_type.serialize(message))

    def decode(self, data: bytes, message_type: Any) -> Any:
        return message_type.deserialize(data)


def spec_types(service: ServiceSpec, name: str) -> Types:
    """The request and response types of ``service``'s method ``name``."""
    spec = service.method(name)
    return (
        MessageType(spec.request.SerializeToString, lambda _: None),
        MessageType(lambda _: b"", spec.response.FromString),
    )


def grpcio_style_types(
    serialize: Callable[[Any], bytes] | None, deserialize: Callable[[bytes], Any] | None
) -> Types:
    """The types of a call made grpcio's way, by path and (de)serializers (raw bytes if none)."""
    return (
        MessageType(serialize or bytes, lambda _: None),
        MessageType(lambda _: b"", deserialize or bytes),
    )


class Target(NamedTuple):
    """Where a channel connects, and how."""

    network: str
    address: str
    tls: ssl.SSLContext | None = None
    server_name: str | None = None

    def describe(self) -> str:
        return f"connection to {self.network} {self.address}"

    def connect(self) -> GrpclibChannel:
        """The connection; made on the loop that will carry it (grpclib binds it there)."""
        config = Configuration(ssl_target_name_override=self.server_name)
        if self.network == "unix":
            return GrpclibChannel(path=self.address, codec=_Codec(), ssl=self.tls, config=config)
        host, _, port = self.address.rpartition(":")
        return GrpclibChannel(
            host.strip("[]"), int(port), codec=_Codec(), ssl=self.tls, config=config
        )


class CallSettings(NamedTuple):
    """A call's deadline and metadata, fixed where the call is made."""

    timeout: float | None
    metadata: list[tuple[str, str]]


def call_settings(
    timeout: float | None, metadata: Iterable[tuple[str, str]] | None = None
) -> CallSettings:
    """The settings of a call made now: its own, over :func:`goplugin.call_options`' in force."""
    options = active_call_options()
    return CallSettings(
        options.timeout if timeout is None else timeout, [*(metadata or ()), *options.metadata]
    )


def request(
    channel: GrpclibChannel, kind: Kind, path: str, types: Types, settings: CallSettings
) -> Stream[Any, Any]:
    """A call's stream, not yet opened (``async with`` it, or ``__aenter__`` it, on the loop)."""
    request_type: Any = types[0]
    reply_type: Any = types[1]
    return channel.request(
        path,
        _CARDINALITY[kind],
        request_type,
        reply_type,
        timeout=settings.timeout,
        metadata=settings.metadata,
    )


def typed_error(error: BaseException, target: Target) -> BaseException | None:
    """The :class:`goplugin.RPCError` a grpclib failure stands for, or None if it is not one."""
    if isinstance(error, GRPCError):
        return rpc_error_for(error.status, error.message or "")
    if isinstance(error, asyncio.TimeoutError):  # before OSError: it is one
        return DeadlineExceededError("Deadline Exceeded")
    if isinstance(error, (StreamTerminatedError, ProtocolError, OSError, EOFError)):
        return UnavailableError(f"{target.describe()}: {error}")
    return None


async def fail_call(stream: Stream[Any, Any], error: Exception) -> None:
    """End a call whose request iterator raised ``error``: reset its stream, so that the other
    side's implementation ends, and wake whatever waits for a response with ``error``. A reset
    stream gets no more events, so the wake-up is grpclib's own way of ending a call's waits at
    its deadline, with this error instead of a timeout."""
    with contextlib.suppress(Exception):  # already ended: the waits end by themselves
        await stream.cancel()
    stream._wrapper.cancel(error)
