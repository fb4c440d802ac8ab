"""Candidate serving core: grpcio's sync server on a thread pool (what goplugin serves on today).

``--workers N`` sizes the pool; without it the pool has ``ThreadPoolExecutor``'s default size,
min(32, cores + 4): 6 workers on 2 cores, today's ``goplugin.serve()``. Every open stream holds
a worker for its whole life, the host's stdio and broker streams included, which is what the
mixed load shows.

Serves what a go-plugin host needs: health, ``GRPCController/Shutdown``, ``GRPCStdio`` and
``GRPCBroker`` streams held open until shutdown (the broker with a reader thread draining the
host's side, as goplugin does), and the Greeter.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
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


class Greeter(greeter_pb2_grpc.GreeterServicer):  # type: ignore[misc]
    def Greet(self, request: Any, context: grpc.ServicerContext) -> Any:  # noqa: N802
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def GreetStream(  # noqa: N802
        self, request: Any, context: grpc.ServicerContext
    ) -> Iterator[Any]:
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


class SideStreams:
    """go-plugin's stdio and broker streams: open until the host leaves or we shut down."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: list[threading.Event] = []
        self._closed = False

    def _hold(self, context: grpc.ServicerContext) -> None:
        ended = threading.Event()
        context.add_callback(ended.set)
        with self._lock:
            if self._closed:
                return
            self._open.append(ended)
        ended.wait()  # this worker is taken for the stream's lifetime

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for ended in self._open:
                ended.set()

    def stream_stdio(self, request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
        self._hold(context)
        yield from ()

    def start_stream(self, requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
        threading.Thread(target=_drain, args=(requests,), daemon=True).start()
        self._hold(context)
        yield from ()


def _drain(requests: Iterator[Any]) -> None:
    try:
        for _ in requests:
            pass
    except grpc.RpcError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    check_cookie()
    stop = threading.Event()
    side = SideStreams()

    def shutdown(request: Any, context: grpc.ServicerContext) -> Any:
        context.add_callback(stop.set)  # reply first, then stop
        return controller_pb2.Empty()

    def check(request: Any, context: grpc.ServicerContext) -> Any:
        return health_pb2.HealthCheckResponse(status=SERVING)

    executor = futures.ThreadPoolExecutor(max_workers=args.workers)
    server = grpc.server(executor)
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
                        side.stream_stdio,
                        empty_pb2.Empty.FromString,
                        stdio_pb2.StdioData.SerializeToString,
                    )
                },
            ),
            grpc.method_handlers_generic_handler(
                "plugin.GRPCBroker",
                {
                    "StartStream": grpc.stream_stream_rpc_method_handler(
                        side.start_stream,
                        broker_pb2.ConnInfo.FromString,
                        broker_pb2.ConnInfo.SerializeToString,
                    )
                },
            ),
        )
    )
    path = new_socket_path()
    server.add_insecure_port(f"unix:{path}")
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout.write(handshake_line(path))
    sys.stdout.flush()
    stop.wait()
    remove(path)
    side.close()
    server.stop(0.5).wait()
    executor.shutdown(wait=False, cancel_futures=True)
    os._exit(0)


if __name__ == "__main__":
    main()
