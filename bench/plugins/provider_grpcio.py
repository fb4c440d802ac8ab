"""The smallest grpcio provider plugin a go-plugin host can launch, call and kill cleanly.

``bench/provider_bench.py``'s baseline, built like ``grpcio_greeter.py``: the handshake line,
the ``acme.provider.v6.Provider`` servicer from grpcio-tools' stubs (generated into the bench
cache, imported with ``bench_greeter.load_stub``), and ``plugin.GRPCController/Shutdown``.
Nothing else: no cookie check, no health, stdio, broker or reflection service.

What the bench calls behaves as in the other provider plugins: ReadResource answers the
request's ``current_state`` as ``new_state``; ReadStateBytes streams ``state_id="count=N"``
chunks of 100 bytes (default 5). grpcio's servicer answers UNIMPLEMENTED for what a subclass
leaves out; the other 34 RPCs answer empty messages instead, as in the other plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import grpc
from bench_greeter import load_stub, stream_count
from google.protobuf import message_factory
from minimal_grpcio import serve

provider_pb2 = load_stub("provider_pb2")
provider_pb2_grpc = load_stub("provider_pb2_grpc")
ProviderServicer: Any = provider_pb2_grpc.ProviderServicer  # generated at bench time: untyped

#: The app protocol version of ``acme.provider.v6`` (gen-plugin's, from the package's v6).
PROTOCOL_VERSION = 6
#: One ReadStateBytes chunk's payload (the same 100 bytes in every provider plugin).
CHUNK = bytes(range(100))


class Provider(ProviderServicer):  # type: ignore[misc]
    def ReadResource(self, request: Any, context: grpc.ServicerContext) -> Any:  # noqa: N802
        return provider_pb2.ReadResourceResponse(new_state=request.current_state)

    def ReadStateBytes(  # noqa: N802
        self, request: Any, context: grpc.ServicerContext
    ) -> Iterator[Any]:
        count = stream_count(request.state_id)
        chunk = provider_pb2.StateBytesChunk
        for _ in range(count):
            yield chunk(bytes=CHUNK, total_length=count * len(CHUNK))


def _empty_answer(method: Any) -> Callable[..., Any]:
    """A servicer method answering ``method`` (a MethodDescriptor) with empty messages."""
    response = message_factory.GetMessageClass(method.output_type)
    if method.server_streaming:
        return lambda self, request, context: iter(())

    def empty(self: Any, request: Any, context: grpc.ServicerContext) -> Any:
        if method.client_streaming:
            for _ in request:
                pass
        return response()

    return empty


for _method in provider_pb2.DESCRIPTOR.services_by_name["Provider"].methods:
    if _method.name not in vars(Provider):
        setattr(Provider, _method.name, _empty_answer(_method))


def main() -> None:
    serve(
        lambda server: provider_pb2_grpc.add_ProviderServicer_to_server(Provider(), server),
        PROTOCOL_VERSION,
    )


if __name__ == "__main__":
    main()
