"""Where the generator's output fails on a real proto today: (check, proto id) -> the error.

Each entry turns that case into ``xfail(strict=True)``: the day a fix makes it pass, the test
says XPASS and fails, and the entry goes. A failure not listed here fails its test.
"""

from __future__ import annotations

_RESERVED = (
    "go-plugin's own {service} is served by every plugin process for the host, so goplugin.serve "
    "refuses a plugin that serves it too (ValueError: a plugin cannot serve {service})"
)

_STRICT_STUB = (
    "protoc's --pyi_out stub {stub} fails pyright --strict (pyright's standard mode and mypy "
    "--strict accept it): {errors}"
)
_BARE_MAPPING = (
    'reportMissingTypeArgument "Expected type arguments for generic class "Mapping"" and '
    'reportUnknownParameterType "Parameter type is "{message} | Mapping[Unknown, Unknown] | '
    'None"" on the constructor of every message with a message field'
)
_UNUSED = 'reportUnusedImport "Import "{name}" is not accessed"'

KNOWN: dict[tuple[str, str], str] = {
    ("serves", "go-plugin/internal/plugin/grpc_broker.proto"): _RESERVED.format(
        service="plugin.GRPCBroker"
    ),
    ("serves", "go-plugin/internal/plugin/grpc_controller.proto"): _RESERVED.format(
        service="plugin.GRPCController"
    ),
    ("serves", "go-plugin/internal/plugin/grpc_stdio.proto"): _RESERVED.format(
        service="plugin.GRPCStdio"
    ),
    ("pyright-strict-stubs", "go-plugin/internal/plugin/grpc_broker.proto"): _STRICT_STUB.format(
        stub="grpc_broker_pb2.pyi", errors=_BARE_MAPPING.format(message="Knock")
    ),
    ("pyright-strict-stubs", "go-plugin/internal/plugin/grpc_controller.proto"): (
        _STRICT_STUB.format(stub="grpc_controller_pb2.pyi", errors=_UNUSED.format(name="_ClassVar"))
    ),
    ("pyright-strict-stubs", "go-plugin/internal/plugin/grpc_stdio.proto"): _STRICT_STUB.format(
        stub="grpc_stdio_pb2.pyi", errors=_UNUSED.format(name="_empty_pb2")
    ),
    ("pyright-strict-stubs", "go-plugin-test-grpc/test.proto"): _STRICT_STUB.format(
        stub="test_pb2.pyi", errors=_UNUSED.format(name="_empty_pb2")
    ),
    ("pyright-strict-stubs", "grpc-go/examples/route_guide/routeguide/route_guide.proto"): (
        _STRICT_STUB.format(
            stub="route_guide_pb2.pyi", errors=_BARE_MAPPING.format(message="Point")
        )
    ),
    ("pyright-strict-stubs", "grpc-java/route_guide.proto"): _STRICT_STUB.format(
        stub="route_guide_pb2.pyi", errors=_BARE_MAPPING.format(message="Point")
    ),
}
