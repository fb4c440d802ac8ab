"""The provider protocol's generated package served by goplugin, for ``bench/provider_bench.py``.

gen-plugin's output for ``example_protos/provider/provider.proto`` (package ``acme.provider.v6``,
36 RPCs) lives in the bench cache, not in ``bench/``: ``provider_bench.py`` generates it into the
directory ``PYPLUGIN_BENCH_STUBS`` names, and ``bench_greeter.load_stub`` imports it from there,
as the greeter plugins import their stubs. Served the way a generated ``main.py`` serves it:
``goplugin.serve`` with the default core (grpclib); ``--async`` serves the generated
``AsyncProvider`` interface instead of the sync ``Provider``.

What the bench calls behaves as in the other two provider plugins: ReadResource answers the
request's ``current_state`` as ``new_state``; ReadStateBytes streams ``state_id="count=N"``
chunks of 100 bytes (5 when the state id says nothing: ``bench_greeter.stream_count``). The
interfaces are abstract and a real provider implements all 36 methods, so the other 34 answer
empty messages, filled in from the generated service spec rather than written out by hand.
"""

from __future__ import annotations

import abc
import re
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from bench_greeter import load_stub, stream_count

# goplugin before the generated modules, as a generated main.py imports it: its start-up
# settings (the held-back cyclic collections) then cover the protobuf imports too.
import goplugin

plugin = load_stub("acme.provider.v6.plugin")
interface = load_stub("acme.provider.v6.interface")
provider_pb2 = load_stub("acme.provider.v6.provider_pb2")
Provider: Any = interface.Provider  # generated at bench time: untyped here
AsyncProvider: Any = interface.AsyncProvider

#: One ReadStateBytes chunk's payload (the same 100 bytes in every provider plugin).
CHUNK = bytes(range(100))


class SyncImpl(Provider):  # type: ignore[misc]
    """The sync ``Provider``: what most plugin authors write."""

    def read_resource(self, request: Any) -> Any:
        return provider_pb2.ReadResourceResponse(new_state=request.current_state)

    def read_state_bytes(self, request: Any) -> Iterator[Any]:
        count = stream_count(request.state_id)
        chunk = provider_pb2.StateBytesChunk
        for _ in range(count):
            yield chunk(bytes=CHUNK, total_length=count * len(CHUNK))


class AsyncImpl(AsyncProvider):  # type: ignore[misc]
    """The generated ``AsyncProvider``: ``async def`` methods on the core's event loop."""

    async def read_resource(self, request: Any) -> Any:
        return provider_pb2.ReadResourceResponse(new_state=request.current_state)

    async def read_state_bytes(self, request: Any) -> AsyncIterator[Any]:
        count = stream_count(request.state_id)
        chunk = provider_pb2.StateBytesChunk
        for _ in range(count):
            yield chunk(bytes=CHUNK, total_length=count * len(CHUNK))


def _method_name(rpc: str) -> str:
    """The interface's method for an RPC, as gen-plugin names it (``GetMetadata``: get_metadata)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", rpc).lower()


def _empty_answer(spec: Any, asynchronous: bool) -> Callable[..., Any]:
    """A method answering ``spec``'s RPC with an empty response, or an empty stream."""
    response = spec.response
    if asynchronous:
        if spec.kind.server_streaming:

            async def empty_stream(self: Any, request: Any) -> AsyncIterator[Any]:
                return
                yield  # an async generator, which sends nothing

            return empty_stream

        async def empty(self: Any, request: Any) -> Any:
            if spec.kind.client_streaming:
                async for _ in request:
                    pass
            return response()

        return empty

    if spec.kind.server_streaming:
        return lambda self, request: iter(())

    def empty_sync(self: Any, request: Any) -> Any:
        if spec.kind.client_streaming:
            for _ in request:
                pass
        return response()

    return empty_sync


def with_empty_answers(cls: type, asynchronous: bool) -> type:
    """``cls`` with every interface method it leaves abstract answering empty messages."""
    for spec in plugin.ProviderGRPCServer.SERVICE.methods:
        name = _method_name(spec.name)
        if name in cls.__abstractmethods__:  # type: ignore[attr-defined]
            setattr(cls, name, _empty_answer(spec, asynchronous))
    return abc.update_abstractmethods(cls)  # still abstract: a name above was not the method's


def main(argv: list[str]) -> None:
    # Plain argv, not argparse: the minimal plugins it is timed against import no parser.
    asynchronous = "--async" in argv
    impl_class = with_empty_answers(AsyncImpl if asynchronous else SyncImpl, asynchronous)
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"provider": plugin.ProviderGRPCPlugin(impl_class())},
    )


if __name__ == "__main__":
    main(sys.argv[1:])
