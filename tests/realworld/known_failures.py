"""Where the generator's output fails on a real proto today: (check, proto id) -> the error.

Each entry turns that case into ``xfail(strict=True)``: the day a fix makes it pass, the test
says XPASS and fails, and the entry goes. A failure not listed here fails its test.
"""

from __future__ import annotations

_RESERVED = (
    "go-plugin's own {service} is served by every plugin process for the host, so goplugin.serve "
    "refuses a plugin that serves it too (ValueError: a plugin cannot serve {service})"
)

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
}
