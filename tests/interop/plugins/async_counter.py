"""go-plugin's bidirectional Counter as ``async def`` methods, for Go hosts.

``put`` awaits the host's AddHelper through ``plugin.adial_add_helper``: the async twin of
examples/bidirectional/main.py, on that example's generated package. It keeps counts the same
way (the file ``kv_<key>`` holding ``{"Value":N}``, the Go plugin's format), so the Go plugin
and the example read what it wrote.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "bidirectional"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from proto import interface, kv_pb2, plugin  # noqa: E402


class AsyncCounterImpl(interface.AsyncCounter):
    async def get(self, request: kv_pb2.GetRequest) -> kv_pb2.GetResponse:
        try:
            stored = json.loads(Path(f"kv_{request.key}").read_text())
        except FileNotFoundError:
            raise goplugin.NotFoundError(f"no value for key {request.key!r}") from None
        return kv_pb2.GetResponse(value=stored["Value"])

    async def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        path = Path(f"kv_{request.key}")
        current = json.loads(path.read_text())["Value"] if path.exists() else 0
        adder = await plugin.adial_add_helper(goplugin.current_broker(), request.add_server)
        total = (await adder.sum(kv_pb2.SumRequest(a=current, b=request.value))).r
        path.write_text(json.dumps({"Value": total}, separators=(",", ":")))
        return kv_pb2.Empty()


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"counter": plugin.CounterGRPCPlugin(AsyncCounterImpl())},
    )
