"""The greeter on python-plugin 0.1.0 (PyPI ``python-plugin``, import name ``pyplugin``).

Runs in its own virtualenv (made by ``runtime_bench.py`` under the bench cache) so that package
never meets this repository's. python-plugin serves with grpclib on asyncio: servicers are
grpclib ``Base`` classes from grpclib's protoc plugin (``greeter_grpc``), handed over by a
``pyplugin.Plugin.servicers()``; ``pyplugin.serve`` does cookie, health, controller, stdio,
broker and reflection itself.
"""

from __future__ import annotations

from typing import Any

import pyplugin  # type: ignore[import-not-found, unused-ignore]
from bench_greeter import load_stub, stream_count

greeter_pb2 = load_stub("greeter_pb2")
greeter_grpc = load_stub("greeter_grpc")
GreeterBase: Any = greeter_grpc.GreeterBase  # generated at bench time: untyped here


class Greeter(GreeterBase):  # type: ignore[misc]
    async def Greet(self, stream: Any) -> None:  # noqa: N802
        request = await stream.recv_message()
        await stream.send_message(greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!"))

    async def GreetStream(self, stream: Any) -> None:  # noqa: N802
        request = await stream.recv_message()
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            await stream.send_message(response(greeting=f"Hello {request.name}, message {i}"))


class GreeterPlugin(pyplugin.Plugin):  # type: ignore[misc]
    def servicers(self, broker: Any) -> list[Any]:
        return [Greeter()]

    def stub(self, broker: Any, channel: Any) -> Any:
        return greeter_grpc.GreeterStub(channel)


if __name__ == "__main__":
    pyplugin.serve(
        pyplugin.ServeConfig(
            handshake_config=pyplugin.HandshakeConfig(
                protocol_version=1, magic_cookie_key="GREETER_PLUGIN", magic_cookie_value="hello"
            ),
            plugins={"greeter": GreeterPlugin()},
        )
    )
