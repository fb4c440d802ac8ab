"""The bidirectional example's Counter plugin, reporting at exit which gRPC modules it loaded.

Served as a user serves it (``goplugin.serve`` with no core named, unless ``FIXTURE_CORE``
names one), so the test sees what a real plugin process loads after the host has used every
service the runtime serves: health, stdio, the broker (the plugin dials its host's AddHelper),
reflection, error mapping and Shutdown.
"""

from __future__ import annotations

import atexit
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "examples", "bidirectional"))

import goplugin  # noqa: E402

# isort: split
from main import CounterImpl  # noqa: E402
from proto import kv_pb2, plugin  # noqa: E402

REPORT = os.environ["GRPC_FREE_REPORT"]


def loaded_grpc_modules() -> list[str]:
    """grpcio's modules (``grpc`` and ``grpc.*``) in this process."""
    return sorted(name for name in sys.modules if name == "grpc" or name.startswith("grpc."))


def report() -> None:
    with open(REPORT, "w") as file:
        file.write("loaded:" + ",".join(loaded_grpc_modules()) + "\n")


class ReportingCounter(CounterImpl):
    def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        print(f"put {request.key}")  # through the stdio stream
        return super().put(request)


if __name__ == "__main__":
    atexit.register(report)
    core = os.environ.get("FIXTURE_CORE") or None
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"counter": plugin.CounterGRPCPlugin(ReportingCounter())},
        core=core,
    )
