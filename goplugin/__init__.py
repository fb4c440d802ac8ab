"""goplugin: hashicorp/go-plugin's gRPC plugin protocol, in Python.

A plugin calls :func:`serve`; a host creates a :class:`Client`, and both use the same
:class:`GRPCPlugin` subclasses. The wire protocol is go-plugin's, so a Go host built with
hashicorp/go-plugin runs Python plugins and a Python host runs Go plugins.
"""

import importlib
from typing import TYPE_CHECKING, Any

from goplugin.plugin_process.launch import hold_collections, launched_by_host
from goplugin.plugin_process.stdio import capture_process_stdout

if launched_by_host():
    hold_collections()  # until serve() starts its server: start-up time (plugin_process.launch)
    capture_process_stdout()  # before anything else can print onto the handshake channel

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
from goplugin.interceptors import AsyncServerInterceptor, ServerCallDetails, ServerInterceptor
from goplugin.plugin import GRPCPlugin, PluginSet
from goplugin.plugin_process.hclog import HCLogHandler
from goplugin.plugin_process.listener import UnixSocketConfig
from goplugin.plugin_process.server import serve
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

if TYPE_CHECKING:
    from typing_extensions import deprecated

    from goplugin.channel import AsyncChannel, Channel
    from goplugin.host.async_client import AsyncClient
    from goplugin.host.client import Client, HostPluginSet, cleanup_clients
    from goplugin.host.reattach import ReattachConfig
    from goplugin.host.secure_config import ChecksumMismatchError, SecureConfig
    from goplugin.security.tls import TLSConfig

#: Names loaded on first use, and their modules: a plugin process never needs the host side,
#: nor TLS settings without AutoMTLS or a TLS provider, nor ``deprecated`` unless a generated
#: interface is marked (start-up time is a product figure).
_LAZY = {
    "AsyncChannel": "goplugin.channel",
    "AsyncClient": "goplugin.host.async_client",
    "Channel": "goplugin.channel",
    "ChecksumMismatchError": "goplugin.host.secure_config",
    "Client": "goplugin.host.client",
    "HostPluginSet": "goplugin.host.client",
    "ReattachConfig": "goplugin.host.reattach",
    "SecureConfig": "goplugin.host.secure_config",
    "TLSConfig": "goplugin.security.tls",
    "cleanup_clients": "goplugin.host.client",
    "deprecated": "goplugin.deprecation",
}


def __getattr__(name: str) -> Any:
    """Load a name of ``_LAZY`` from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'goplugin' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


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
