"""The channel a host's plugin clients call through: typed errors and per-call options.

Generated client adapters call their gRPC stub directly and stay as plain as hand-written code;
this interceptor, installed once on the host's channel, does the rest for every call and
stream: it applies :func:`goplugin.call_options` and turns a failed call into a
:class:`goplugin.PluginError` — :class:`~goplugin.PluginExitedError` with the plugin's last
stderr lines when the plugin died under the call, otherwise the :class:`~goplugin.RPCError`
subclass for the status code.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import grpc

from goplugin.calls import active_call_options
from goplugin.constants import YIELD_EVERY_MESSAGES
from goplugin.errors import PluginError
from goplugin.grpcio_core.channel import GrpcioChannel

#: Turns a failed call into the error the host should see; the client knows whether the
#: plugin process is still alive. It may wait a moment for a dying plugin to exit (to say so),
#: so async hosts run it in a worker thread, never on the event loop.
Diagnose = Callable[[grpc.RpcError, str], PluginError]


@dataclasses.dataclass(frozen=True)
class _CallDetails(grpc.ClientCallDetails):
    method: str
    timeout: float | None
    metadata: Any
    credentials: grpc.CallCredentials | None
    wait_for_ready: bool | None
    compression: grpc.Compression | None


if TYPE_CHECKING:  # grpc-stubs makes these generic; grpc's runtime classes are not
    _UnaryUnary = grpc.UnaryUnaryClientInterceptor[Any, Any]
    _UnaryStream = grpc.UnaryStreamClientInterceptor[Any, Any]
    _StreamUnary = grpc.StreamUnaryClientInterceptor[Any, Any]
    _StreamStream = grpc.StreamStreamClientInterceptor[Any, Any]
else:
    _UnaryUnary = grpc.UnaryUnaryClientInterceptor
    _UnaryStream = grpc.UnaryStreamClientInterceptor
    _StreamUnary = grpc.StreamUnaryClientInterceptor
    _StreamStream = grpc.StreamStreamClientInterceptor


class _ErrorTranslatingInterceptor(_UnaryUnary, _UnaryStream, _StreamUnary, _StreamStream):
    def __init__(self, diagnose: Diagnose) -> None:
        self._diagnose = diagnose

    def intercept_unary_unary(
        self, continuation: Any, client_call_details: grpc.ClientCallDetails, request: Any
    ) -> Any:
        return self._single(continuation, client_call_details, request)

    def intercept_stream_unary(
        self, continuation: Any, client_call_details: grpc.ClientCallDetails, request_iterator: Any
    ) -> Any:
        return self._single(continuation, client_call_details, request_iterator)

    def intercept_unary_stream(
        self, continuation: Any, client_call_details: grpc.ClientCallDetails, request: Any
    ) -> Any:
        details = _with_call_options(client_call_details)
        return _TranslatedStream(
            continuation(details, request), _method_name(details), self._diagnose
        )

    def intercept_stream_stream(
        self, continuation: Any, client_call_details: grpc.ClientCallDetails, request_iterator: Any
    ) -> Any:
        details = _with_call_options(client_call_details)
        return _TranslatedStream(
            continuation(details, request_iterator), _method_name(details), self._diagnose
        )

    def _single(
        self, continuation: Any, client_call_details: grpc.ClientCallDetails, request: Any
    ) -> Any:
        details = _with_call_options(client_call_details)
        outcome = continuation(details, request)
        error = outcome.exception()
        if isinstance(error, grpc.RpcError):
            raise self._diagnose(error, _method_name(details)) from None
        return outcome


def _with_call_options(details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
    """``details`` with the active :func:`call_options` applied (itself when there are none)."""
    options = active_call_options()
    if options.timeout is None and not options.metadata:  # the common case: nothing to add
        return details
    timeout = details.timeout if details.timeout is not None else options.timeout
    metadata = details.metadata
    if options.metadata:
        metadata = (*(metadata or ()), *options.metadata)
    return _CallDetails(
        details.method,
        timeout,
        metadata,
        details.credentials,
        getattr(details, "wait_for_ready", None),
        getattr(details, "compression", None),
    )


def _method_name(details: grpc.ClientCallDetails) -> str:
    method = details.method
    return method.decode() if isinstance(method, bytes) else method


class _TranslatedStream:
    """A response stream whose failure surfaces as a typed goplugin error."""

    def __init__(self, call: Any, method: str, diagnose: Diagnose) -> None:
        self._call = call
        self._method = method
        self._diagnose = diagnose
        self._read = 0

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        self._read += 1
        if self._read % YIELD_EVERY_MESSAGES == 0:
            time.sleep(0)  # the GIL to the host's other threads (see YIELD_EVERY_MESSAGES)
        try:
            return next(self._call)
        except grpc.RpcError as error:
            raise self._diagnose(error, self._method) from None

    def cancel(self) -> bool:
        return bool(self._call.cancel())

    def __getattr__(self, name: str) -> Any:  # code(), details(), trailing_metadata(), ...
        return getattr(self._call, name)


def intercepted(channel: grpc.Channel, diagnose: Diagnose) -> GrpcioChannel:
    """``channel`` with typed errors and call options applied to every call."""
    return GrpcioChannel(grpc.intercept_channel(channel, _ErrorTranslatingInterceptor(diagnose)))
