"""OpenTelemetry server spans for a plugin's calls, on either serving core.

OpenTelemetry's grpc instrumentation has a server interceptor for grpcio only; a plugin on
the grpclib core (the default) gets the same spans from this goplugin interceptor::

    from goplugin.tracing import server_tracing

    goplugin.serve(..., interceptors=[server_tracing()])

It continues the trace the host started: the W3C ``traceparent`` (and whatever else the
globally configured propagator reads) comes from the call's metadata, where a host's
OpenTelemetry client interceptor put it, so the host's client span is the parent of the
plugin's server span, and the span is current while the implementation runs (sync methods in
the bridge's threads too). Span name and attributes follow OpenTelemetry's grpc instrumentation
(name ``/package.Service/Method``, kind SERVER, ``rpc.system``, ``rpc.service``,
``rpc.method``, ``rpc.grpc.status_code``), so both cores' spans look alike.

Needs ``opentelemetry-api`` (and an SDK configured by the plugin to export anything); goplugin
itself does not depend on it: only importing this module does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from opentelemetry import propagate, trace

from goplugin.errors import RPCError, StatusCode
from goplugin.interceptors import ServerCallDetails, ServerInterceptor


def server_tracing(
    tracer_provider: trace.TracerProvider | None = None,
    *,
    skip_go_plugin_services: bool = False,
) -> ServerInterceptor:
    """A goplugin interceptor that serves each call inside an OpenTelemetry SERVER span.

    ``tracer_provider`` defaults to the global one. ``skip_go_plugin_services`` leaves
    go-plugin's own calls (``plugin.*``: stdio, broker, Shutdown; and health) untraced.
    """
    tracer = trace.get_tracer("goplugin.tracing", tracer_provider=tracer_provider)

    @contextlib.contextmanager
    def traced(call: ServerCallDetails) -> Iterator[None]:
        if skip_go_plugin_services and _is_go_plugin_service(call.service):
            yield
            return
        carrier = {key: value for key, value in call.invocation_metadata if isinstance(value, str)}
        attributes: dict[str, Any] = {
            "rpc.system": "grpc",
            "rpc.service": call.service,
            "rpc.method": call.method_name,
        }
        with tracer.start_as_current_span(
            call.method,
            context=propagate.extract(carrier),
            kind=trace.SpanKind.SERVER,
            attributes=attributes,
        ) as span:
            try:
                yield
            except RPCError as error:
                _failed(span, error.code, error.details)
                raise
            except NotImplementedError as error:
                _failed(span, StatusCode.UNIMPLEMENTED, str(error))
                raise
            except Exception as error:
                # grpclib's GRPCError (current_call().abort) carries its status; else UNKNOWN.
                status = getattr(error, "status", StatusCode.UNKNOWN)
                _failed(span, status, f"{type(error).__name__}: {error}")
                raise
            span.set_attribute("rpc.grpc.status_code", int(StatusCode.OK))

    return traced


def _failed(span: trace.Span, code: object, details: str) -> None:
    number = int(getattr(code, "value", code))  # type: ignore[call-overload]
    span.set_attribute("rpc.grpc.status_code", number)
    span.set_status(trace.Status(trace.StatusCode.ERROR, details or None))


def _is_go_plugin_service(service: str) -> bool:
    return service.startswith("plugin.") or service == "grpc.health.v1.Health"


__all__ = ["server_tracing"]
