"""Candidate serving core: grpc.aio, grpcio's asyncio server (same C core, no thread pool).

Every call is a coroutine on one event loop, so an open stream costs a suspended task, not a
worker. ``--sync-handlers N`` serves a plain (sync) Greeter instead, as existing sync plugin
code would be served on grpc.aio: grpc.aio runs sync handlers in a ``migration_thread_pool`` of
N threads (a sync stream's generator holds one of them while it runs).

Serves what a go-plugin host needs: health, ``GRPCController/Shutdown``, ``GRPCStdio`` and
``GRPCBroker`` streams held open until shutdown, and the Greeter.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from concurrent import futures
from typing import Any

import grpc
import grpc.aio
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
greeter_pb2_grpc = load_stub("greeter_pb2_grpc")
stdio_pb2 = load_stub("grpc_stdio_pb2")
broker_pb2 = load_stub("grpc_broker_pb2")
controller_pb2 = load_stub("grpc_controller_pb2")
from google.protobuf import empty_pb2  # noqa: E402
from grpc_health.v1 import health_pb2  # noqa: E402


class SyncGreeter(greeter_pb2_grpc.GreeterServicer):  # type: ignore[misc]
    def Greet(self, request: Any, context: Any) -> Any:  # noqa: N802
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def GreetStream(self, request: Any, context: Any) -> Iterator[Any]:  # noqa: N802
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


class Greeter(greeter_pb2_grpc.GreeterServicer):  # type: ignore[misc]
    async def Greet(self, request: Any, context: Any) -> Any:  # noqa: N802
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    async def GreetStream(self, request: Any, context: Any) -> AsyncIterator[Any]:  # noqa: N802
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


async def serve(sync_handlers: int) -> None:
    stop = asyncio.Event()
    closing = asyncio.Event()
    loop = asyncio.get_running_loop()

    async def shutdown(request: Any, context: Any) -> Any:
        loop.call_soon(stop.set)  # reply first, then stop
        return controller_pb2.Empty()

    async def check(request: Any, context: Any) -> Any:
        return health_pb2.HealthCheckResponse(status=SERVING)

    async def stream_stdio(request: Any, context: Any) -> AsyncIterator[Any]:
        await closing.wait()  # a suspended task, no thread, until shutdown or cancellation
        return
        yield

    async def drain(requests: AsyncIterator[Any]) -> None:
        async for _ in requests:
            pass

    async def start_stream(requests: AsyncIterator[Any], context: Any) -> AsyncIterator[Any]:
        reader = asyncio.ensure_future(drain(requests))
        try:
            await closing.wait()
        finally:
            reader.cancel()
        return
        yield

    if sync_handlers:
        pool = futures.ThreadPoolExecutor(max_workers=sync_handlers)
        server = grpc.aio.server(migration_thread_pool=pool)
        greeter_pb2_grpc.add_GreeterServicer_to_server(SyncGreeter(), server)
    else:
        server = grpc.aio.server()
        greeter_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "plugin.GRPCController",
                {
                    "Shutdown": grpc.unary_unary_rpc_method_handler(
                        shutdown,
                        controller_pb2.Empty.FromString,
                        controller_pb2.Empty.SerializeToString,
                    )
                },
            ),
            grpc.method_handlers_generic_handler(
                "grpc.health.v1.Health",
                {
                    "Check": grpc.unary_unary_rpc_method_handler(
                        check,
                        health_pb2.HealthCheckRequest.FromString,
                        health_pb2.HealthCheckResponse.SerializeToString,
                    )
                },
            ),
            grpc.method_handlers_generic_handler(
                "plugin.GRPCStdio",
                {
                    "StreamStdio": grpc.unary_stream_rpc_method_handler(
                        stream_stdio,
                        empty_pb2.Empty.FromString,
                        stdio_pb2.StdioData.SerializeToString,
                    )
                },
            ),
            grpc.method_handlers_generic_handler(
                "plugin.GRPCBroker",
                {
                    "StartStream": grpc.stream_stream_rpc_method_handler(
                        start_stream,
                        broker_pb2.ConnInfo.FromString,
                        broker_pb2.ConnInfo.SerializeToString,
                    )
                },
            ),
        )
    )
    path = new_socket_path()
    server.add_insecure_port(f"unix:{path}")
    await server.start()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout.write(handshake_line(path))
    sys.stdout.flush()
    await stop.wait()
    remove(path)
    closing.set()
    await server.stop(0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sync-handlers", type=int, default=0, metavar="THREADS")
    args = parser.parse_args()
    check_cookie()
    asyncio.run(serve(args.sync_handlers))
    os._exit(0)


if __name__ == "__main__":
    main()
