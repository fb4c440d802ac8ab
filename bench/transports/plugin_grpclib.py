"""Candidate serving core: grpclib, pure-Python HTTP/2 (h2) on asyncio (python-plugin's core).

Every call is a coroutine on one event loop; an open stream is a suspended task. Serves what a
go-plugin host needs: health, ``GRPCController/Shutdown``, ``GRPCStdio`` and ``GRPCBroker``
streams held open until shutdown, and the Greeter (grpclib's own protoc plugin's base class).

``--yield-every N``: GreetStream gives the event loop a turn after every N messages. grpclib's
``send_message`` returns without yielding while the flow-control window and the socket buffer
have room, so one stream can send thousands of messages while every other call on the loop
waits; a runtime that iterates the implementation's messages can yield for it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
from typing import Any

from grpclib.const import Cardinality, Handler
from grpclib.health.v1 import health_pb2
from grpclib.server import Server, Stream
from plugin_common import (
    SERVING,
    check_cookie,
    handshake_line,
    load_stub,
    new_socket_path,
    remove,
    stream_count,
)

greeter_pb2 = load_stub("greeter_pb2")
greeter_grpc = load_stub("greeter_grpc")
stdio_pb2 = load_stub("grpc_stdio_pb2")
broker_pb2 = load_stub("grpc_broker_pb2")
controller_pb2 = load_stub("grpc_controller_pb2")
from google.protobuf import empty_pb2  # noqa: E402


class Greeter(greeter_grpc.GreeterBase):  # type: ignore[misc]
    def __init__(self, yield_every: int) -> None:
        self._yield_every = yield_every

    async def Greet(self, stream: Stream[Any, Any]) -> None:  # noqa: N802
        request = await stream.recv_message()
        await stream.send_message(greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!"))

    async def GreetStream(self, stream: Stream[Any, Any]) -> None:  # noqa: N802
        request = await stream.recv_message()
        response = greeter_pb2.GreetResponse
        every = self._yield_every
        for i in range(stream_count(request.locale)):
            await stream.send_message(response(greeting=f"Hello {request.name}, message {i}"))
            if every and i % every == every - 1:
                await asyncio.sleep(0)


class GoPluginServices:
    """Health, controller, stdio and broker: go-plugin's side of every plugin process."""

    def __init__(self, stop: asyncio.Event, closing: asyncio.Event) -> None:
        self._stop = stop
        self._closing = closing

    async def shutdown(self, stream: Stream[Any, Any]) -> None:
        await stream.recv_message()
        await stream.send_message(controller_pb2.Empty())
        asyncio.get_running_loop().call_soon(self._stop.set)  # reply first, then stop

    async def check(self, stream: Stream[Any, Any]) -> None:
        await stream.recv_message()
        await stream.send_message(health_pb2.HealthCheckResponse(status=SERVING))

    async def stream_stdio(self, stream: Stream[Any, Any]) -> None:
        await stream.recv_message()
        await self._closing.wait()  # a suspended task, no thread, until shutdown or cancellation

    async def start_stream(self, stream: Stream[Any, Any]) -> None:
        async def drain() -> None:
            async for _ in stream:
                pass

        reader = asyncio.ensure_future(drain())
        try:
            await self._closing.wait()
        finally:
            reader.cancel()

    def __mapping__(self) -> dict[str, Handler]:
        return {
            "/plugin.GRPCController/Shutdown": Handler(
                self.shutdown, Cardinality.UNARY_UNARY, controller_pb2.Empty, controller_pb2.Empty
            ),
            "/grpc.health.v1.Health/Check": Handler(
                self.check,
                Cardinality.UNARY_UNARY,
                health_pb2.HealthCheckRequest,
                health_pb2.HealthCheckResponse,
            ),
            "/plugin.GRPCStdio/StreamStdio": Handler(
                self.stream_stdio, Cardinality.UNARY_STREAM, empty_pb2.Empty, stdio_pb2.StdioData
            ),
            "/plugin.GRPCBroker/StartStream": Handler(
                self.start_stream,
                Cardinality.STREAM_STREAM,
                broker_pb2.ConnInfo,
                broker_pb2.ConnInfo,
            ),
        }


async def serve(yield_every: int) -> None:
    stop = asyncio.Event()
    closing = asyncio.Event()
    server = Server([Greeter(yield_every), GoPluginServices(stop, closing)])
    path = new_socket_path()
    await server.start(path=path)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout.write(handshake_line(path))
    sys.stdout.flush()
    await stop.wait()
    remove(path)
    closing.set()
    await asyncio.sleep(0.01)  # let the Shutdown reply and the side streams' ends go out
    server.close()
    await asyncio.wait_for(server.wait_closed(), 0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--yield-every", type=int, default=0, metavar="MESSAGES")
    args = parser.parse_args()
    check_cookie()
    with contextlib.suppress(asyncio.TimeoutError):
        asyncio.run(serve(args.yield_every))
    os._exit(0)


if __name__ == "__main__":
    main()
