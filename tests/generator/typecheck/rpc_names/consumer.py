"""RPCs named like the stub's imports, through grpcio-tools' own stub and servicer.

``Iterator`` and ``grpc`` are methods of the servicer and attributes of the stub; their
annotations must still mean ``collections.abc.Iterator`` and the ``grpc`` module. A servicer
written by hand has the stub's problem too, and the stub's answer (private aliases). It must
type-check under mypy --strict and pyright --strict.
"""

from __future__ import annotations

from collections.abc import Iterator as _Iterator

import grpc as _grpc
from rpc_names import rpc_names_pb2, rpc_names_pb2_grpc
from rpc_names.rpc_names_pb2 import Item


class Servicer(rpc_names_pb2_grpc.NamesServicer):
    def Iterator(  # noqa: N802
        self, request: Item, context: _grpc.ServicerContext
    ) -> _Iterator[Item]:
        yield request

    def grpc(self, request_iterator: _Iterator[Item], context: _grpc.ServicerContext) -> Item:
        return Item(name="".join(item.name for item in request_iterator))

    def rpc_names_pb2(
        self, request_iterator: _Iterator[Item], context: _grpc.ServicerContext
    ) -> _Iterator[Item]:
        yield from request_iterator

    def goplugin(self, request: Item, context: _grpc.ServicerContext) -> Item:
        return request

    def abc(self, request: Item, context: _grpc.ServicerContext) -> Item:
        return request


def call(channel: _grpc.Channel) -> list[str]:
    stub = rpc_names_pb2_grpc.NamesStub(channel)
    names = [reply.name for reply in stub.Iterator(rpc_names_pb2.Item(name="a"))]
    joined: Item = stub.grpc(iter([Item(name="b"), Item(name="c")]))
    names.append(joined.name)
    names += [reply.name for reply in stub.rpc_names_pb2(iter([Item(name="d")]))]
    return names


def serve(server: _grpc.Server) -> None:
    rpc_names_pb2_grpc.add_NamesServicer_to_server(Servicer(), server)
