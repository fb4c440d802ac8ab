"""goplugin: hashicorp/go-plugin's gRPC plugin protocol, in Python.

A plugin calls :func:`serve`; a host creates a :class:`Client`, and both use the same
:class:`GRPCPlugin` subclasses. The wire protocol is go-plugin's, so a Go host built with
hashicorp/go-plugin runs Python plugins and a Python host runs Go plugins.
"""

from typing import TYPE_CHECKING, Any

from goplugin.stdio import capture_process_stdout, launched_by_host

if launched_by_host():  # before anything else can print onto the handshake channel
    capture_process_stdout()

from goplugin.broker import BrokerError, GRPCBroker
from goplugin.calls import CallOptions, call_options, current_broker, current_call, serving
from goplugin.errors import (
    AbortedError,
    AlreadyExistsError,
    CancelledError,
    DataLossError,
    DeadlineExceededError,
    FailedPreconditionError,
    HandshakeError,
    IncompatibleVersionError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OutOfRangeError,
    PermissionDeniedError,
    PluginError,
    PluginExitedError,
    PluginStartError,
    ResourceExhaustedError,
    RPCError,
    StartTimeoutError,
    StatusCode,
    UnauthenticatedError,
    UnavailableError,
    UnimplementedError,
    UnknownError,
    UnknownPluginError,
)
from goplugin.handshake import HandshakeConfig
from goplugin.hclog import HCLogHandler
from goplugin.interceptors import AsyncServerInterceptor, ServerCallDetails, ServerInterceptor
from goplugin.listener import UnixSocketConfig
from goplugin.plugin import GRPCPlugin, PluginSet
from goplugin.server import serve
from goplugin.services import (
    AsyncStreamStreamCall,
    AsyncStreamUnaryCall,
    AsyncUnaryStreamCall,
    AsyncUnaryUnaryCall,
    Kind,
    MethodSpec,
    ServiceRegistry,
    ServiceSpec,
    StreamStreamCall,
    StreamUnaryCall,
    UnaryStreamCall,
    UnaryUnaryCall,
    stream_stream,
    stream_unary,
    unary_stream,
    unary_unary,
)
from goplugin.tls import TLSConfig

if TYPE_CHECKING:
    from typing_extensions import deprecated

    from goplugin.async_channel import AsyncChannel
    from goplugin.async_client import AsyncClient
    from goplugin.channel import Channel
    from goplugin.client import Client, HostPluginSet, cleanup_clients
    from goplugin.reattach import ReattachConfig
    from goplugin.secure_config import ChecksumMismatchError, SecureConfig
else:
    from goplugin.deprecation import deprecated

_HOST_NAMES = ("Client", "HostPluginSet", "cleanup_clients")


def __getattr__(name: str) -> Any:
    """Load the host side on first use: a plugin process never imports it (start-up time)."""
    if name in _HOST_NAMES:
        from goplugin import client

        return getattr(client, name)
    if name in ("SecureConfig", "ChecksumMismatchError"):
        from goplugin import secure_config

        return getattr(secure_config, name)
    if name == "ReattachConfig":
        from goplugin import reattach

        return reattach.ReattachConfig
    if name == "AsyncClient":
        from goplugin import async_client

        return async_client.AsyncClient
    if name == "AsyncChannel":
        from goplugin import async_channel

        return async_channel.AsyncChannel
    if name == "Channel":
        from goplugin import channel

        return channel.Channel
    raise AttributeError(f"module 'goplugin' has no attribute {name!r}")


__all__ = [
    "AbortedError",
    "AlreadyExistsError",
    "AsyncChannel",
    "AsyncClient",
    "AsyncServerInterceptor",
    "AsyncStreamStreamCall",
    "AsyncStreamUnaryCall",
    "AsyncUnaryStreamCall",
    "AsyncUnaryUnaryCall",
    "BrokerError",
    "CallOptions",
    "CancelledError",
    "Channel",
    "ChecksumMismatchError",
    "Client",
    "DataLossError",
    "DeadlineExceededError",
    "FailedPreconditionError",
    "GRPCBroker",
    "GRPCPlugin",
    "HCLogHandler",
    "HandshakeConfig",
    "HandshakeError",
    "HostPluginSet",
    "IncompatibleVersionError",
    "InternalError",
    "InvalidArgumentError",
    "Kind",
    "MethodSpec",
    "NotFoundError",
    "OutOfRangeError",
    "PermissionDeniedError",
    "PluginError",
    "PluginExitedError",
    "PluginSet",
    "PluginStartError",
    "RPCError",
    "ReattachConfig",
    "ResourceExhaustedError",
    "SecureConfig",
    "ServerCallDetails",
    "ServerInterceptor",
    "ServiceRegistry",
    "ServiceSpec",
    "StartTimeoutError",
    "StatusCode",
    "StreamStreamCall",
    "StreamUnaryCall",
    "TLSConfig",
    "UnaryStreamCall",
    "UnaryUnaryCall",
    "UnauthenticatedError",
    "UnavailableError",
    "UnimplementedError",
    "UnixSocketConfig",
    "UnknownError",
    "UnknownPluginError",
    "call_options",
    "cleanup_clients",
    "current_broker",
    "current_call",
    "deprecated",
    "serve",
    "serving",
    "stream_stream",
    "stream_unary",
    "unary_stream",
    "unary_unary",
]
