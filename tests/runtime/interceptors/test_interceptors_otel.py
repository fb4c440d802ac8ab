"""One OpenTelemetry trace across a host's call and the plugin's handling of it (issue 10, item 9).

The host traces with OpenTelemetry's own grpc client instrumentation
(``opentelemetry.instrumentation.grpc.client_interceptor()``, passed as a ``Client``
interceptor); the plugin (``intercepted_plugin.py``, a real subprocess) exports its spans to a
file, traced by OpenTelemetry's ``server_interceptor()`` on the grpcio core and by
``goplugin.tracing.server_tracing`` on grpclib. The host's span, its client span, the
plugin's server span and the span the implementation opens must form one chain in one trace.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("opentelemetry.sdk")

from opentelemetry.instrumentation.grpc import client_interceptor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

import goplugin
from tests.runtime.conftest import PLUGINS
from tests.runtime.plugins.kinds import HANDSHAKE, KindsClient, KindsPlugin

PLUGIN = os.path.join(PLUGINS, "intercepted_plugin.py")


def _plugin_spans(path: Path, name: str) -> list[dict[str, Any]]:
    spans = [json.loads(line) for line in path.read_text().splitlines()]
    return [span for span in spans if span["name"] == name]


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
@pytest.mark.parametrize("auto_mtls", [True, False], ids=["automtls", "plaintext"])
def test_one_trace_spans_the_host_call_and_the_plugins_handling(
    tmp_path: Path, core: str, auto_mtls: bool
) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("host")
    plugin_spans = tmp_path / "plugin-spans.jsonl"
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"kinds": KindsPlugin},
        cmd=[sys.executable, PLUGIN],
        env={"GOPLUGIN_CORE": core, "ICPT_TRACE": str(plugin_spans)},
        auto_mtls=auto_mtls,
        start_timeout=30.0,
        interceptors=[client_interceptor(tracer_provider=provider)],
    )
    try:
        kinds = client.dispense("kinds", KindsClient)
        with tracer.start_as_current_span("host-operation") as operation:
            assert kinds.upper("hi") == "none|HI"
            streamed = [m.value for m in kinds.repeat("2")]
        assert streamed == ["message 0|none", "message 1|none"]
    finally:
        client.kill()  # the plugin has exported every span once it has exited

    trace_id = f"{operation.get_span_context().trace_id:032x}"
    host = {span.name: span for span in exporter.get_finished_spans()}
    for method in ("/pyplugintest.Kinds/Upper", "/pyplugintest.Kinds/Repeat"):
        client_span = host[method]
        assert client_span.kind is SpanKind.CLIENT
        assert client_span.parent is not None
        assert client_span.parent.span_id == operation.get_span_context().span_id
        (server_span,) = _plugin_spans(plugin_spans, method)
        assert server_span["kind"] == "SERVER"
        assert server_span["trace_id"] == trace_id
        assert server_span["parent_id"] == f"{client_span.get_span_context().span_id:016x}"
        assert server_span["attributes"]["rpc.system"] == "grpc"
        assert server_span["attributes"]["rpc.method"] == method.rpartition("/")[2]
    # The implementation ran inside the plugin's server span (in the bridge's thread on grpclib).
    (upper_server,) = _plugin_spans(plugin_spans, "/pyplugintest.Kinds/Upper")
    (work,) = _plugin_spans(plugin_spans, "work")
    assert work["trace_id"] == trace_id
    assert work["parent_id"] == upper_server["span_id"]


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_a_failed_call_is_an_error_on_both_sides_of_the_trace(tmp_path: Path, core: str) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    plugin_spans = tmp_path / "plugin-spans.jsonl"
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"kinds": KindsPlugin},
        cmd=[sys.executable, PLUGIN],
        env={"GOPLUGIN_CORE": core, "ICPT_TRACE": str(plugin_spans)},
        start_timeout=30.0,
        interceptors=[client_interceptor(tracer_provider=provider)],
    )
    try:
        kinds = client.dispense("kinds", KindsClient)
        with pytest.raises(goplugin.UnknownError):
            kinds.upper("boom")
    finally:
        client.kill()

    (client_span,) = [s for s in exporter.get_finished_spans() if s.name.endswith("/Upper")]
    assert client_span.attributes is not None
    assert client_span.attributes["rpc.grpc.status_code"] == 2  # UNKNOWN
    (server_span,) = _plugin_spans(plugin_spans, "/pyplugintest.Kinds/Upper")
    assert server_span["parent_id"] == f"{client_span.get_span_context().span_id:016x}"
    assert server_span["attributes"]["rpc.grpc.status_code"] == 2
