"""The host's hooks on its connection to a plugin: go-plugin's ``ClientConfig.GRPCDialOptions``.

A Go host passes ``grpc.DialOption`` values, which carry both channel settings and interceptors;
grpcio keeps the two apart, so ``Client`` takes ``grpc_dial_options`` (channel arguments,
``("grpc.max_receive_message_length", n)`` and the like) and ``interceptors`` (grpcio client
interceptors, or OpenTelemetry's ``client_interceptor()``, which has an interface of its own).
Both apply to the plugin's main connection, whatever its transport (plaintext, AutoMTLS, a TLS
config, the ``ssl`` shim for Go peers), and to every call on it, go-plugin's own included; not to
connections the broker opens, as in go-plugin.

``goplugin.AsyncClient`` takes grpc.aio's interceptors instead: :func:`check_interceptors` with
``aio=True`` checks them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import grpc
import grpc.aio

_SYNC_KINDS = (
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
)
#: Where OpenTelemetry's grpc instrumentation keeps its own client interceptor interface.
_OTEL_GRPCEXT = "opentelemetry.instrumentation.grpc.grpcext"


def check_dial_options(
    options: Sequence[tuple[str, Any]], owner: str
) -> tuple[tuple[str, Any], ...]:
    """``options`` as channel arguments, or a ``TypeError`` naming the first that is not one."""
    checked = []
    for position, option in enumerate(options):
        if not (isinstance(option, tuple) and len(option) == 2 and isinstance(option[0], str)):
            raise TypeError(
                f"{owner}(grpc_dial_options=...)[{position}] is {option!r}: each option is a "
                '(name, value) pair of grpcio channel arguments, e.g. ("grpc.primary_user_agent", '
                '"my-host/1.0")'
            )
        checked.append(option)
    return tuple(checked)


def check_interceptors(interceptors: Sequence[Any], owner: str, *, aio: bool) -> tuple[Any, ...]:
    """``interceptors`` if ``owner``'s channel can run them all, else a ``TypeError`` naming
    the first it cannot and where it belongs."""
    for position, interceptor in enumerate(interceptors):
        where = f"{owner}(interceptors=...)[{position}] ({type(interceptor).__qualname__})"
        is_aio = isinstance(interceptor, grpc.aio.ClientInterceptor)
        if aio and not is_aio:
            raise TypeError(
                f"{where} is not a grpc.aio client interceptor: an AsyncClient calls over "
                "grpc.aio (OpenTelemetry: aio_client_interceptors()); sync interceptors go to "
                "goplugin.Client"
            )
        if not aio and is_aio:
            raise TypeError(
                f"{where} is a grpc.aio interceptor, which a goplugin.Client's grpcio channel "
                "cannot run: pass it to goplugin.AsyncClient"
            )
        if not aio and not (isinstance(interceptor, _SYNC_KINDS) or _is_otel(interceptor)):
            raise TypeError(
                f"{where} is not a grpcio client interceptor (grpc.UnaryUnaryClientInterceptor "
                "and the like, or OpenTelemetry's client_interceptor())"
            )
    return tuple(interceptors)


def intercept(channel: grpc.Channel, interceptors: Sequence[Any]) -> grpc.Channel:
    """``channel`` with ``interceptors`` applied, the first outermost (it sees a call first)."""
    for interceptor in reversed(interceptors):
        if _is_otel(interceptor):
            grpcext: Any = importlib.import_module(_OTEL_GRPCEXT)
            channel = grpcext.intercept_channel(channel, interceptor)
        else:
            channel = grpc.intercept_channel(channel, interceptor)
    return channel


def _is_otel(interceptor: object) -> bool:
    """OpenTelemetry's ``client_interceptor()``: its own interface, not grpcio's."""
    return any(cls.__module__ == _OTEL_GRPCEXT for cls in type(interceptor).__mro__)
