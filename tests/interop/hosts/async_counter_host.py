"""examples/bidirectional/host.py as an ``AsyncClient`` host serving an ``async def`` AddHelper.

    COUNTER_PLUGIN=./counter-go-grpc python async_counter_host.py put KEY N
    COUNTER_PLUGIN=./counter-go-grpc python async_counter_host.py get KEY   # prints the count

Each ``put`` serves the plugin an ``AsyncAddHelper`` on this host's event loop and prints how
many sums it did (``sums: 1``), so a test sees that the callback, not the plugin, added.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "bidirectional"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from proto import interface, kv_pb2, plugin  # noqa: E402


class AsyncAdder(interface.AsyncAddHelper):
    def __init__(self) -> None:
        self.sums = 0

    async def sum(self, request: kv_pb2.SumRequest) -> kv_pb2.SumResponse:
        self.sums += 1
        await asyncio.sleep(0)  # it runs on the host's loop, which goes on running
        return kv_pb2.SumResponse(r=request.a + request.b)


async def run(args: list[str]) -> None:
    command = shlex.split(os.environ["COUNTER_PLUGIN"])
    async with goplugin.AsyncClient(
        handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=command
    ) as client:
        counter = await client.dispense("counter")
        if args[0] == "get":
            print((await counter.get(kv_pb2.GetRequest(key=args[1]))).value)
            return
        adder = AsyncAdder()
        add_server = plugin.serve_add_helper(client.broker, adder)
        await counter.put(kv_pb2.PutRequest(key=args[1], value=int(args[2]), add_server=add_server))
        client.broker.stop_serving(add_server)
        print(f"sums: {adder.sums}")


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1:]))
