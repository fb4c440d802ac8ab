"""Bench host on grpclib's Channel (pure-Python h2 on asyncio): tasks for concurrency.

See ``host_common.py`` for the phases; usage
``host_grpclib.py [--yield-every N] [--window BYTES] CONFIG.json > RESULTS.json``.

``--yield-every N``: a stream's reader gives the event loop a turn after every N messages
(grpclib hands out buffered messages without yielding). ``--window BYTES``: the HTTP/2
connection and stream receive windows (grpclib's default is 4 MiB each): a fast server can
have that much stream data queued ahead of a unary reply, which the pure-Python h2 parser must
get through first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from typing import Any

import host_async
from grpclib.client import Channel, Stream, UnaryUnaryMethod
from grpclib.config import Configuration
from grpclib.const import Cardinality
from grpclib.exceptions import GRPCError, StreamTerminatedError
from host_common import Launched, launch, load_config, load_stub

greeter_pb2 = load_stub("greeter_pb2")
greeter_grpc = load_stub("greeter_grpc")
stdio_pb2 = load_stub("grpc_stdio_pb2")
broker_pb2 = load_stub("grpc_broker_pb2")
controller_pb2 = load_stub("grpc_controller_pb2")
from google.protobuf import empty_pb2  # noqa: E402

_ENDED = (
    GRPCError,
    StreamTerminatedError,
    ConnectionError,
    asyncio.CancelledError,
    asyncio.TimeoutError,
)


class Session:
    yield_every = 0
    config: Configuration | None = None

    def __init__(self, plugin: Launched, timeout: float) -> None:
        self.plugin = plugin
        self.name = plugin.name
        self.timeout = timeout
        self.channel = Channel(path=plugin.path, config=self.config)
        self.stub = greeter_grpc.GreeterStub(self.channel)
        self._side = [
            asyncio.ensure_future(self._side_stream(
                "/plugin.GRPCStdio/StreamStdio", empty_pb2.Empty, stdio_pb2.StdioData, True
            )),
            asyncio.ensure_future(self._side_stream(
                "/plugin.GRPCBroker/StartStream", broker_pb2.ConnInfo, broker_pb2.ConnInfo, False
            )),
        ]  # fmt: skip

    async def _side_stream(self, path: str, request: Any, reply: Any, unary_request: bool) -> None:
        with contextlib.suppress(*_ENDED):
            cardinality = Cardinality.UNARY_STREAM if unary_request else Cardinality.STREAM_STREAM
            async with self.channel.request(path, cardinality, request, reply) as stream:
                if unary_request:
                    await stream.send_message(request(), end=True)
                else:
                    await stream.send_request()
                async for _ in stream:
                    pass

    def rss_kb(self) -> int:
        return self.plugin.rss_kb()

    async def greet(self) -> None:
        reply = await self.stub.Greet(greeter_pb2.GreetRequest(name="bench"), timeout=self.timeout)
        if not reply.greeting:
            raise RuntimeError("empty greeting")

    async def stream(self, count: int) -> int:
        request = greeter_pb2.GreetRequest(name="bench", locale=f"count={count}")
        n = 0
        stream: Stream[Any, Any]
        async with self.stub.GreetStream.open(timeout=self.timeout) as stream:
            await stream.send_message(request, end=True)
            async for reply in stream:
                if not reply.greeting:
                    raise RuntimeError("empty greeting")
                n += 1
                if self.yield_every and n % self.yield_every == 0:
                    await asyncio.sleep(0)
        if n != count:
            raise RuntimeError(f"{self.name}: {n} messages, asked for {count}")
        return n

    async def kill(self) -> None:
        shutdown = UnaryUnaryMethod(
            self.channel,
            "/plugin.GRPCController/Shutdown",
            controller_pb2.Empty,
            controller_pb2.Empty,
        )
        with contextlib.suppress(*_ENDED):
            await shutdown(controller_pb2.Empty(), timeout=2.0)
        for task in self._side:
            task.cancel()
        self.channel.close()
        self.plugin.wait_exit()


async def open_session(name: str, cmd: list[str], timeout: float) -> Session:
    return Session(launch(name, cmd), timeout)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--yield-every", type=int, default=0)
    parser.add_argument("--window", type=int, default=0)
    parser.add_argument("config")
    args = parser.parse_args(argv[1:])
    Session.yield_every = args.yield_every
    if args.window:
        Session.config = Configuration(
            http2_connection_window_size=args.window, http2_stream_window_size=args.window
        )
    asyncio.run(host_async.run(load_config([argv[0], args.config]), open_session)).dump()


if __name__ == "__main__":
    main(sys.argv)
