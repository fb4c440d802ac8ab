"""Server interceptors: code that runs around every call a plugin serves, on either core.

go-plugin lets a plugin build its own ``grpc.Server`` (``ServeConfig.GRPCServer``), which is how
Go plugins add auth, metrics and tracing interceptors. A Python plugin may be served by grpcio
or by grpclib, whose interceptor APIs have nothing in common, so goplugin has one of its own,
the same on both cores: an interceptor is a callable that takes the call's
:class:`ServerCallDetails` and returns a context manager (sync or async) that the runtime holds
open around the call's whole handling, streams included::

    @contextlib.contextmanager
    def require_token(call: goplugin.ServerCallDetails) -> Iterator[None]:
        if call.metadata("authorization") != "Bearer s3cret":
            raise goplugin.UnauthenticatedError("no valid token")
        yield

    goplugin.serve(..., interceptors=[require_token])

Entering it may refuse the call (raise an :class:`goplugin.RPCError`); the implementation's
own exception passes through it as raised (a span can record it) before it becomes a status;
``contextvars`` it sets (an OpenTelemetry span, say) are seen by the implementation, in the
bridge's threads too. Interceptors run for every call on the plugin's main connection,
go-plugin's own services (health, stdio, broker, Shutdown) included, as a Go plugin's
``grpc.Server`` options do.

This module imports no gRPC library (the grpclib core must not load grpcio).
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from dataclasses import dataclass
from typing import Any

from goplugin.services import Kind

#: Metadata as both cores hand it over: ``(key, value)`` pairs, keys in lower case, values
#: ``str`` (``bytes`` for keys ending in ``-bin``).
Metadata = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class ServerCallDetails:
    """What an interceptor knows of a call before it is handled."""

    #: The full method name, ``/package.Service/Method``.
    method: str
    #: Whether each side streams.
    kind: Kind
    #: The request metadata (headers) the caller sent.
    invocation_metadata: Metadata

    @property
    def service(self) -> str:
        """The service's full name (``package.Service``)."""
        return self.method.lstrip("/").partition("/")[0]

    @property
    def method_name(self) -> str:
        """The method's own name (``Method``)."""
        return self.method.rpartition("/")[2]

    def metadata(self, key: str) -> Any:
        """The first value the caller sent under ``key`` (case-insensitive), else None."""
        wanted = key.lower()
        for name, value in self.invocation_metadata:
            if name == wanted:
                return value
        return None


#: A goplugin server interceptor whose context manager is sync: it runs on either core (on
#: grpclib, on the event loop: it must not block).
ServerInterceptor = Callable[[ServerCallDetails], AbstractContextManager[Any]]
#: One whose context manager is async (``contextlib.asynccontextmanager``): grpclib core only.
AsyncServerInterceptor = Callable[[ServerCallDetails], AbstractAsyncContextManager[Any]]
#: What ``serve(interceptors=...)`` runs for goplugin's own interceptors.
AnyServerInterceptor = ServerInterceptor | AsyncServerInterceptor


def is_grpcio_interceptor(interceptor: object) -> bool:
    """Whether ``interceptor`` is grpcio's own kind (``grpc.ServerInterceptor``), told apart
    without importing grpcio."""
    return callable(getattr(interceptor, "intercept_service", None))


def is_async_interceptor(interceptor: object) -> bool:
    """Whether ``interceptor`` is known, before any call, to return an async context manager."""
    call_method = vars(type(interceptor)).get("__call__")  # an instance's, if a class has one
    for candidate in (interceptor, call_method):
        if inspect.isasyncgenfunction(getattr(candidate, "__wrapped__", None)):
            return True  # an @contextlib.asynccontextmanager function (or __call__)
    return False


def split_interceptors(
    interceptors: Sequence[object], core: str
) -> tuple[tuple[AnyServerInterceptor, ...], tuple[Any, ...]]:
    """``serve(interceptors=...)`` split into goplugin's own and grpcio's, in their order.

    Raises ``ValueError`` naming the cause for what ``core`` cannot run: grpcio's interceptors
    and async ones on the other core, and anything that is no interceptor at all.
    """
    own: list[AnyServerInterceptor] = []
    grpcio: list[Any] = []
    for position, interceptor in enumerate(interceptors):
        where = f"serve(interceptors=...)[{position}] ({interceptor!r})"
        if is_grpcio_interceptor(interceptor):
            if core != "grpcio":
                raise ValueError(
                    f"{where} is a grpc.ServerInterceptor, which only the grpcio core runs: serve "
                    'with core="grpcio", or write it as a goplugin interceptor (a callable '
                    "returning a context manager, docs/interceptors.md), which runs on both"
                )
            grpcio.append(interceptor)
        elif callable(interceptor):
            if core == "grpcio" and is_async_interceptor(interceptor):
                raise ValueError(
                    f"{where} is async, and the grpcio core has no event loop to run it on: "
                    'serve with core="grpclib", or make it a sync context manager'
                )
            own.append(interceptor)
        else:
            raise ValueError(
                f"{where} is not an interceptor: pass callables taking goplugin."
                "ServerCallDetails and returning a context manager (or, on the grpcio core, "
                "grpc.ServerInterceptor objects)"
            )
    return tuple(own), tuple(grpcio)


def grpcio_chain(own: tuple[AnyServerInterceptor, ...], grpcio: tuple[Any, ...]) -> tuple[Any, ...]:
    """What a grpcio server runs: grpcio's interceptors, then (inside) goplugin's as one
    (the grpcio core loads only if there are goplugin interceptors to run on it)."""
    if not own:
        return grpcio
    from goplugin.grpcio_core.interception import GrpcioInterception

    return (*grpcio, GrpcioInterception(own))


@contextlib.contextmanager
def intercepting(
    interceptors: Sequence[AnyServerInterceptor], details: ServerCallDetails
) -> Iterator[None]:
    """Hold every interceptor's context open, the first outermost (the grpcio core's way)."""
    with contextlib.ExitStack() as stack:
        for interceptor in interceptors:
            manager: Any = interceptor(details)
            if not hasattr(manager, "__enter__"):
                raise TypeError(
                    f"interceptor {interceptor!r} returned {type(manager).__name__}, not a sync "
                    'context manager (async interceptors need core="grpclib")'
                )
            stack.enter_context(manager)
        yield


@contextlib.asynccontextmanager
async def intercepting_async(
    interceptors: Sequence[AnyServerInterceptor], details: ServerCallDetails
) -> AsyncIterator[None]:
    """The same on the grpclib core's event loop, where async interceptors run too."""
    async with contextlib.AsyncExitStack() as stack:
        for interceptor in interceptors:
            manager: Any = interceptor(details)
            if hasattr(manager, "__aenter__"):
                await stack.enter_async_context(manager)
            elif hasattr(manager, "__enter__"):
                stack.enter_context(manager)
            else:
                raise TypeError(
                    f"interceptor {interceptor!r} returned {type(manager).__name__}, not a "
                    "context manager"
                )
        yield


__all__ = [
    "AnyServerInterceptor",
    "AsyncServerInterceptor",
    "ServerCallDetails",
    "ServerInterceptor",
]
