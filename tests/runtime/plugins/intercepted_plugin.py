"""The kinds plugin (``tests/runtime/plugins/kinds.py``) served with interceptors, for
``test_interceptors*.py``. The environment says which, ``GOPLUGIN_CORE`` picks the core:

- ``ICPT_LOG=<file>``: a recording interceptor writes one JSON line as it enters each call
  (method, kind, the caller's ``x-user``) and one as it leaves (the exception it saw, by type),
  and sets a context variable the implementation echoes (``Upper`` answers ``<seen>|TEXT``,
  each ``Repeat`` message ends ``|<seen>``): the interceptor's context reached the handling.
  ``ICPT_ASYNC=1``: the interceptor is an async context manager and the implementation async.
- ``ICPT_TOKEN=<token>``: an auth interceptor refuses every call whose ``authorization``
  metadata is not ``Bearer <token>`` (UNAUTHENTICATED), go-plugin's own calls included.
- ``ICPT_TRACE=<file>``: OpenTelemetry's SDK exports the plugin's spans there as JSON lines;
  calls are traced by OpenTelemetry's own grpcio interceptor on the grpcio core and by
  ``goplugin.tracing.server_tracing`` on grpclib, and ``Upper`` opens a child span "work".
- ``ICPT_SERVER_OPTIONS=1``: ``serve(grpc_server_options=[max receive 64 bytes])``;
  ``ICPT_NATIVE=1``: a grpcio-native interceptor (both refused by the grpclib core).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import sys
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from tests.runtime.plugins.kinds import HANDSHAKE, AsyncKindsImpl, KindsImpl, KindsPlugin

#: Set by the recording interceptor, read by the implementation.
seen: contextvars.ContextVar[str] = contextvars.ContextVar("seen", default="none")


class EchoingImpl(KindsImpl):
    """Sync methods that show what the interceptor set; ``Upper("boom")`` raises ValueError."""

    def upper(self, request: StringValue) -> StringValue:
        if request.value == "boom":
            raise ValueError("boom")
        _work_span()
        return StringValue(value=f"{seen.get()}|{request.value.upper()}")

    def repeat(self, request: StringValue) -> Iterator[StringValue]:
        for message in super().repeat(request):
            yield StringValue(value=f"{message.value}|{seen.get()}")


class AsyncEchoingImpl(AsyncKindsImpl):
    async def upper(self, request: StringValue) -> StringValue:
        if request.value == "boom":
            raise ValueError("boom")
        _work_span()
        return StringValue(value=f"{seen.get()}|{request.value.upper()}")

    async def repeat(self, request: StringValue) -> AsyncIterator[StringValue]:
        async for message in super().repeat(request):
            yield StringValue(value=f"{message.value}|{seen.get()}")


def _write(path: str, record: dict[str, Any]) -> None:
    with open(path, "a") as file:
        file.write(json.dumps(record) + "\n")


def recording(path: str) -> goplugin.ServerInterceptor:
    @contextlib.contextmanager
    def record(call: goplugin.ServerCallDetails) -> Iterator[None]:
        _write(path, _entered(call))
        token = seen.set(f"seen:{call.method_name}")
        try:
            yield
        except BaseException as error:
            _write(path, {"left": call.method, "error": type(error).__name__})
            raise
        else:
            _write(path, {"left": call.method, "error": None})
        finally:
            with contextlib.suppress(ValueError):
                seen.reset(token)

    return record


def recording_async(path: str) -> goplugin.AsyncServerInterceptor:
    @contextlib.asynccontextmanager
    async def record(call: goplugin.ServerCallDetails) -> AsyncIterator[None]:
        _write(path, _entered(call))
        token = seen.set(f"seen-async:{call.method_name}")
        try:
            yield
        except BaseException as error:
            _write(path, {"left": call.method, "error": type(error).__name__})
            raise
        else:
            _write(path, {"left": call.method, "error": None})
        finally:
            seen.reset(token)

    return record


def _entered(call: goplugin.ServerCallDetails) -> dict[str, Any]:
    return {
        "entered": call.method,
        "service": call.service,
        "name": call.method_name,
        "kind": call.kind.value,
        "user": call.metadata("X-User"),
    }


def require_token(token: str) -> goplugin.ServerInterceptor:
    @contextlib.contextmanager
    def check(call: goplugin.ServerCallDetails) -> Iterator[None]:
        if call.metadata("authorization") != f"Bearer {token}":
            raise goplugin.UnauthenticatedError(f"{call.method}: no valid token")
        yield

    return check


_tracer: Any = None


def _work_span() -> None:
    if _tracer is not None:
        with _tracer.start_as_current_span("work"):
            pass


def tracing(path: str, core: str) -> list[Any]:
    """The plugin's OpenTelemetry SDK, exporting to ``path``, and the interceptor for ``core``."""
    global _tracer
    from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
    from opentelemetry.sdk.trace.export import (
        SimpleSpanProcessor,
        SpanExporter,
        SpanExportResult,
    )

    class JSONLinesExporter(SpanExporter):
        def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
            for span in spans:
                context = span.get_span_context()
                assert context is not None
                _write(
                    path,
                    {
                        "name": span.name,
                        "kind": span.kind.name,
                        "trace_id": f"{context.trace_id:032x}",
                        "span_id": f"{context.span_id:016x}",
                        "parent_id": f"{span.parent.span_id:016x}" if span.parent else None,
                        "attributes": dict(span.attributes or {}),
                    },
                )
            return SpanExportResult.SUCCESS

    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(JSONLinesExporter()))
    _tracer = provider.get_tracer("intercepted_plugin")
    if core == "grpcio":
        from opentelemetry.instrumentation.grpc import server_interceptor

        return [server_interceptor(tracer_provider=provider)]
    from goplugin.tracing import server_tracing

    return [server_tracing(provider)]


class _NativeInterceptor:
    """What grpcio's ``grpc.ServerInterceptor`` looks like (a grpclib core must refuse it)."""

    def intercept_service(self, continuation: Any, details: Any) -> Any:
        return continuation(details)


def main() -> None:
    core = os.environ.get("GOPLUGIN_CORE", "grpclib")
    async_mode = bool(os.environ.get("ICPT_ASYNC"))
    interceptors: list[Any] = []
    options: list[tuple[str, Any]] = []
    if "ICPT_TRACE" in os.environ:
        interceptors += tracing(os.environ["ICPT_TRACE"], core)
    if "ICPT_TOKEN" in os.environ:
        interceptors.append(require_token(os.environ["ICPT_TOKEN"]))
    if "ICPT_LOG" in os.environ:
        log = os.environ["ICPT_LOG"]
        interceptors.append(recording_async(log) if async_mode else recording(log))
    if os.environ.get("ICPT_SERVER_OPTIONS"):
        options.append(("grpc.max_receive_message_length", 64))
    if os.environ.get("ICPT_NATIVE"):
        interceptors.append(_NativeInterceptor())
    impl = AsyncEchoingImpl() if async_mode else EchoingImpl()
    goplugin.serve(
        handshake_config=HANDSHAKE,
        plugins={"kinds": KindsPlugin(impl)},
        interceptors=interceptors,
        grpc_server_options=options,
    )


if __name__ == "__main__":
    main()
