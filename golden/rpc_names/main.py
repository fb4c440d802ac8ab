"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from rpc_names.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

import goplugin

# isort: split
from rpc_names import interface, plugin, rpc_names_pb2


class NamesImpl(interface.Names):
    """This plugin's implementation of ``rpc_names.Names``."""

    def iterator(self, request: rpc_names_pb2.Item) -> Iterator[rpc_names_pb2.Item]:
        # TODO: implement Iterator.
        raise NotImplementedError("Iterator is not implemented yet")

    def grpc_(self, requests: Iterator[rpc_names_pb2.Item]) -> rpc_names_pb2.Item:
        # TODO: implement grpc.
        raise NotImplementedError("grpc is not implemented yet")

    def rpc_names_pb2_(
        self, requests: Iterator[rpc_names_pb2.Item]
    ) -> Iterator[rpc_names_pb2.Item]:
        # TODO: implement rpc_names_pb2.
        raise NotImplementedError("rpc_names_pb2 is not implemented yet")

    def goplugin_(self, request: rpc_names_pb2.Item) -> rpc_names_pb2.Item:
        # TODO: implement goplugin.
        raise NotImplementedError("goplugin is not implemented yet")

    def abc_(self, request: rpc_names_pb2.Item) -> rpc_names_pb2.Item:
        # TODO: implement abc.
        raise NotImplementedError("abc is not implemented yet")


class AsyncIteratorServiceImpl(interface.AsyncIteratorService):
    """This plugin's implementation of ``rpc_names.AsyncIterator``."""

    def next(self, request: rpc_names_pb2.Item) -> Iterator[rpc_names_pb2.Item]:
        # TODO: implement Next.
        raise NotImplementedError("Next is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "names": plugin.NamesGRPCPlugin(NamesImpl()),
            "async_iterator": plugin.AsyncIteratorServiceGRPCPlugin(AsyncIteratorServiceImpl()),
        },
    )


if __name__ == "__main__":
    main()
