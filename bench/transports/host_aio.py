"""Bench host on grpc.aio's channel: one event loop, tasks for concurrency.

See ``host_common.py`` for the phases; usage ``host_aio.py CONFIG.json > RESULTS.json``.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from typing import Any

import grpc
import grpc.aio
import host_async
from host_common import Launched, launch, load_config, load_stub

greeter_pb2 = load_stub("greeter_pb2")
greeter_pb2_grpc = load_stub("greeter_pb2_grpc")
stdio_pb2 = load_stub("grpc_stdio_pb2")
broker_pb2 = load_stub("grpc_broker_pb2")
controller_pb2 = load_stub("grpc_controller_pb2")
from google.protobuf import empty_pb2  # noqa: E402


class Session:
    def __init__(self, plugin: Launched, timeout: float) -> None:
        self.plugin = plugin
        self.name = plugin.name
        self.timeout = timeout
        self.channel = grpc.aio.insecure_channel(plugin.target)
        self.stub = greeter_pb2_grpc.GreeterStub(self.channel)
        stdio = self.channel.unary_stream(
            "/plugin.GRPCStdio/StreamStdio",
            request_serializer=empty_pb2.Empty.SerializeToString,
            response_deserializer=stdio_pb2.StdioData.FromString,
        )
        broker = self.channel.stream_stream(
            "/plugin.GRPCBroker/StartStream",
            request_serializer=broker_pb2.ConnInfo.SerializeToString,
            response_deserializer=broker_pb2.ConnInfo.FromString,
        )
        self._broker_done = asyncio.Event()
        self._side = [
            asyncio.ensure_future(_drain(stdio(empty_pb2.Empty()))),
            asyncio.ensure_future(_drain(broker(self._outgoing()))),
        ]

    async def _outgoing(self) -> Any:
        await self._broker_done.wait()
        return
        yield

    def rss_kb(self) -> int:
        return self.plugin.rss_kb()

    async def greet(self) -> None:
        reply = await self.stub.Greet(greeter_pb2.GreetRequest(name="bench"), timeout=self.timeout)
        if not reply.greeting:
            raise RuntimeError("empty greeting")

    async def stream(self, count: int) -> int:
        request = greeter_pb2.GreetRequest(name="bench", locale=f"count={count}")
        n = 0
        async for reply in self.stub.GreetStream(request, timeout=self.timeout):
            if not reply.greeting:
                raise RuntimeError("empty greeting")
            n += 1
        if n != count:
            raise RuntimeError(f"{self.name}: {n} messages, asked for {count}")
        return n

    async def kill(self) -> None:
        shutdown = self.channel.unary_unary(
            "/plugin.GRPCController/Shutdown",
            request_serializer=controller_pb2.Empty.SerializeToString,
            response_deserializer=controller_pb2.Empty.FromString,
        )
        with contextlib.suppress(grpc.RpcError):
            await shutdown(controller_pb2.Empty(), timeout=2.0)
        self._broker_done.set()
        for task in self._side:
            task.cancel()
        await self.channel.close()
        self.plugin.wait_exit()


async def _drain(call: Any) -> None:
    with contextlib.suppress(grpc.RpcError, asyncio.CancelledError):
        async for _ in call:
            pass


async def open_session(name: str, cmd: list[str], timeout: float) -> Session:
    return Session(launch(name, cmd), timeout)


if __name__ == "__main__":
    asyncio.run(host_async.run(load_config(sys.argv), open_session)).dump()
