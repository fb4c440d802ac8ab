"""The provider protocol on python-plugin 0.1.0 (PyPI ``python-plugin``, import name ``pyplugin``).

``bench/provider_bench.py``'s peer, built like ``pyplugin_greeter.py`` and run in python-plugin's
own virtualenv (``runtime_bench.pyplugin_python``): the servicer is the grpclib ``ProviderBase``
from grpclib's protoc plugin (``provider_grpc``, generated into the bench cache and imported with
``bench_greeter.load_stub``); ``pyplugin.serve`` does cookie, health, controller, stdio, broker
and reflection itself.

What the bench calls behaves as in the other provider plugins: ReadResource answers the
request's ``current_state`` as ``new_state``; ReadStateBytes streams ``state_id="count=N"``
chunks of 100 bytes (default 5). grpclib's ``ProviderBase`` is abstract in all 36 RPCs, so the
other 34 are filled in from the service descriptor, answering empty messages as in the others.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import Any

import pyplugin  # type: ignore[import-not-found, unused-ignore]
from bench_greeter import load_stub, stream_count
from google.protobuf import message_factory

provider_pb2 = load_stub("provider_pb2")
provider_grpc = load_stub("provider_grpc")
ProviderBase: Any = provider_grpc.ProviderBase  # generated at bench time: untyped here

#: The app protocol version and cookie of ``acme.provider.v6``; ``provider_bench.py`` generates
#: our package with the same cookie and the host sets it.
PROTOCOL_VERSION = 6
COOKIE_KEY = "ACME_PROVIDER_PLUGIN"
COOKIE_VALUE = "provider-bench"
#: One ReadStateBytes chunk's payload (the same 100 bytes in every provider plugin).
CHUNK = bytes(range(100))


class Provider(ProviderBase):  # type: ignore[misc]
    async def ReadResource(self, stream: Any) -> None:  # noqa: N802
        request = await stream.recv_message()
        await stream.send_message(
            provider_pb2.ReadResourceResponse(new_state=request.current_state)
        )

    async def ReadStateBytes(self, stream: Any) -> None:  # noqa: N802
        request = await stream.recv_message()
        count = stream_count(request.state_id)
        chunk = provider_pb2.StateBytesChunk
        for _ in range(count):
            await stream.send_message(chunk(bytes=CHUNK, total_length=count * len(CHUNK)))


def _empty_answer(method: Any) -> Callable[..., Any]:
    """A grpclib handler answering ``method`` (a MethodDescriptor) with empty messages."""
    response = message_factory.GetMessageClass(method.output_type)

    async def empty(self: Any, stream: Any) -> None:
        if method.client_streaming:
            async for _ in stream:
                pass
        else:
            await stream.recv_message()
        if not method.server_streaming:
            await stream.send_message(response())

    return empty


for _method in provider_pb2.DESCRIPTOR.services_by_name["Provider"].methods:
    if _method.name in Provider.__abstractmethods__:
        setattr(Provider, _method.name, _empty_answer(_method))
abc.update_abstractmethods(Provider)


class ProviderPlugin(pyplugin.Plugin):  # type: ignore[misc]
    def servicers(self, broker: Any) -> list[Any]:
        return [Provider()]

    def stub(self, broker: Any, channel: Any) -> Any:
        return provider_grpc.ProviderStub(channel)


if __name__ == "__main__":
    pyplugin.serve(
        pyplugin.ServeConfig(
            handshake_config=pyplugin.HandshakeConfig(
                protocol_version=PROTOCOL_VERSION,
                magic_cookie_key=COOKIE_KEY,
                magic_cookie_value=COOKIE_VALUE,
            ),
            plugins={"provider": ProviderPlugin()},
        )
    )
