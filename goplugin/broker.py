"""GRPCBroker: extra gRPC connections between host and plugin, as go-plugin's ``GRPCBroker``.

A plugin that must call back into its host (or the reverse) cannot reuse the main connection,
which only goes one way. The broker lets one side serve a service on a fresh socket under a
numeric id and tell the other side, over the long-lived ``plugin.GRPCBroker/StartStream``
stream, where to dial it. Both sides run the same code; only who opened the stream differs.
"""

from __future__ import annotations

import contextlib
import queue
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent import futures
from typing import Any

import grpc

from goplugin._proto.grpc_broker_pb2 import ConnInfo
from goplugin.constants import ENV_UNIX_SOCKET_DIR, GRPC_MESSAGE_OPTIONS
from goplugin.errors import PluginError
from goplugin.listener import default_network
from goplugin.transport import PLAINTEXT, Bound, Transport

#: How long ``dial`` waits for the other side to announce an id (go-plugin: 5 s).
DIAL_TIMEOUT_SECONDS = 5.0

_STREAM_END = None


class BrokerError(PluginError):
    """A broker connection could not be announced, found or dialled."""


class GRPCBroker:
    """One side of the broker stream: announces local servers, dials remote ones."""

    def __init__(self, *, transport: Transport = PLAINTEXT) -> None:
        # How this session's servers listen and channels connect: plaintext, or its TLS.
        self._transport = transport
        self._lock = threading.Lock()
        self._next_id = 0
        self._outgoing: queue.SimpleQueue[ConnInfo | None] = queue.SimpleQueue()
        self._announced: dict[int, ConnInfo] = {}
        self._arrived = threading.Condition(self._lock)
        self._servers: list[tuple[grpc.Server, Bound]] = []
        self._closed = False

    def next_id(self) -> int:
        """A fresh service id to pass to the other side in a request message."""
        with self._lock:
            self._next_id += 1
            return self._next_id

    def accept_and_serve(self, service_id: int, register: Callable[[grpc.Server], None]) -> None:
        """Serve the services ``register`` adds under ``service_id`` until the broker closes."""
        server = grpc.server(
            futures.ThreadPoolExecutor(thread_name_prefix=f"goplugin-broker-{service_id}"),
            options=GRPC_MESSAGE_OPTIONS,
        )
        register(server)
        listener = self._transport.listen(
            server, default_network(), {ENV_UNIX_SOCKET_DIR: tempfile.gettempdir()}
        )
        server.start()
        with self._lock:
            self._servers.append((server, listener))
        self._outgoing.put(
            ConnInfo(service_id=service_id, network=listener.network, address=listener.address)
        )

    def dial(self, service_id: int, timeout: float = DIAL_TIMEOUT_SECONDS) -> grpc.Channel:
        """A channel to the service the other side announced under ``service_id``."""
        with self._arrived:
            found = self._arrived.wait_for(
                lambda: service_id in self._announced or self._closed, timeout
            )
            info = self._announced.get(service_id)
        if not found or info is None:
            raise BrokerError(f"timeout waiting for broker connection info for id {service_id}")
        target = f"unix:{info.address}" if info.network == "unix" else info.address
        return self._transport.channel(target, GRPC_MESSAGE_OPTIONS)

    def receive(self, incoming: Iterable[ConnInfo]) -> None:
        """Record every announcement from the other side until its stream ends."""
        with contextlib.suppress(grpc.RpcError):
            for info in incoming:
                with self._arrived:
                    self._announced[info.service_id] = info
                    self._arrived.notify_all()

    def outgoing(self) -> Iterator[ConnInfo]:
        """Announcements to send to the other side, until :meth:`close`."""
        while (info := self._outgoing.get()) is not _STREAM_END:
            yield info

    def close(self) -> None:
        """End the stream and stop every server this side served through the broker."""
        with self._arrived:
            if self._closed:
                return
            self._closed = True
            servers, self._servers = self._servers, []
            self._arrived.notify_all()
        self._outgoing.put(_STREAM_END)
        for server, listener in servers:
            server.stop(grace=None)
            listener.remove()

    # Plugin side: the host opens the stream, the plugin serves it.
    def start_stream(
        self, request_iterator: Iterator[ConnInfo], context: grpc.ServicerContext
    ) -> Iterator[ConnInfo]:
        """The ``plugin.GRPCBroker/StartStream`` handler."""
        reader = threading.Thread(
            target=self.receive, args=(request_iterator,), name="goplugin-broker", daemon=True
        )
        reader.start()
        context.add_callback(lambda: self._outgoing.put(_STREAM_END))
        yield from self.outgoing()

    def generic_handler(self) -> grpc.GenericRpcHandler[Any, Any]:
        return grpc.method_handlers_generic_handler(
            "plugin.GRPCBroker",
            {
                "StartStream": grpc.stream_stream_rpc_method_handler(
                    self.start_stream,
                    request_deserializer=ConnInfo.FromString,
                    response_serializer=ConnInfo.SerializeToString,
                )
            },
        )

    # Host side: the host opens the stream on its connection to the plugin.
    def connect(self, channel: grpc.Channel) -> None:
        """Open the broker stream to the plugin and drain it in a background thread."""
        start_stream = channel.stream_stream(
            "/plugin.GRPCBroker/StartStream",
            request_serializer=ConnInfo.SerializeToString,
            response_deserializer=ConnInfo.FromString,
        )
        responses = start_stream(self.outgoing())
        threading.Thread(
            target=self.receive, args=(responses,), name="goplugin-broker", daemon=True
        ).start()
