"""A tiny plugin kind for runtime tests, built on well-known types so it needs no codegen.

``Echo`` answers with its request, ``Count`` streams N numbered messages, ``Fail`` raises the
exception its request names, ``Whoami`` reports what ``goplugin.current_call()`` saw. The plugin
process (``echo_plugin.py``) misbehaves on request through the ``ECHO_*`` environment variables.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from typing import Any

import grpc
from google.protobuf.wrappers_pb2 import StringValue

import goplugin

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="ECHO_PLUGIN", magic_cookie_value="echo"
)
SERVICE = "pyplugintest.Echo"

_FAILURES: dict[str, type[BaseException]] = {
    "not_found": goplugin.NotFoundError,
    "value": ValueError,
    "not_implemented": NotImplementedError,
}


HOST_SERVICE = "pyplugintest.Host"


class EchoImpl:
    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.broker: goplugin.GRPCBroker | None = None

    def echo(self, text: str) -> str:
        crash_if("echo")
        if text.startswith("print:"):
            print(text.removeprefix("print:"), flush=True)
        if text.startswith("sleep:"):
            time.sleep(float(text.removeprefix("sleep:")))
        return self.prefix + text

    def count(self, n: int) -> Iterator[str]:
        for i in range(n):
            if i == 2:
                crash_if("stream")
            yield f"{self.prefix}message {i}"

    def fail(self, kind: str) -> str:
        raise _FAILURES[kind](f"failing with {kind}")

    def call_host(self, service_id: str) -> str:
        """Dial the service the host announced through the broker and relay its answer."""
        assert self.broker is not None
        channel = self.broker.dial(int(service_id))
        return f"host says {call_string(channel, f'/{HOST_SERVICE}/Shout', 'hi', timeout=10)}"

    def whoami(self) -> str:
        metadata = dict(goplugin.current_call().invocation_metadata())
        return f"user={metadata.get('x-user', '')}"


def crash_if(where: str) -> None:
    if os.environ.get("ECHO_CRASH_ON") == where:
        print(f"echo plugin crashing in {where}", file=sys.stderr, flush=True)
        os._exit(3)


def call_string(channel: grpc.Channel, path: str, text: str, timeout: float | None = None) -> str:
    """One unary call of a StringValue -> StringValue method."""
    call = channel.unary_unary(
        path,
        request_serializer=StringValue.SerializeToString,
        response_deserializer=StringValue.FromString,
    )
    return str(call(StringValue(value=text), timeout=timeout).value)


def _unary(fn: Any) -> grpc.RpcMethodHandler[Any, Any]:
    def handle(request: StringValue, context: grpc.ServicerContext) -> StringValue:
        with goplugin.serving(context):
            return StringValue(value=fn(request.value))

    return grpc.unary_unary_rpc_method_handler(
        handle,
        request_deserializer=StringValue.FromString,
        response_serializer=StringValue.SerializeToString,
    )


class EchoClient:
    """The host-side object ``dispense("echo")`` returns."""

    def __init__(self, channel: grpc.Channel, broker: goplugin.GRPCBroker) -> None:
        self._channel = channel
        self._broker = broker

    def _call(self, method: str, text: str) -> str:
        return call_string(self._channel, f"/{SERVICE}/{method}", text)

    def echo(self, text: str) -> str:
        return self._call("Echo", text)

    def fail(self, kind: str) -> str:
        return self._call("Fail", kind)

    def whoami(self) -> str:
        return self._call("Whoami", "")

    def call_back(self, register: Any) -> str:
        """Serve ``register``'s services through the broker and have the plugin call them."""
        service_id = self._broker.next_id()
        self._broker.accept_and_serve(service_id, register)
        return self._call("CallHost", str(service_id))

    def count(self, n: int) -> Iterator[str]:
        call = self._channel.unary_stream(
            f"/{SERVICE}/Count",
            request_serializer=StringValue.SerializeToString,
            response_deserializer=StringValue.FromString,
        )
        for reply in call(StringValue(value=str(n))):
            yield reply.value


class EchoPlugin(goplugin.GRPCPlugin):
    def __init__(self, impl: EchoImpl | None = None) -> None:
        self.impl = impl

    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:
        assert self.impl is not None
        impl = self.impl
        impl.broker = broker

        def count(request: StringValue, context: grpc.ServicerContext) -> Iterator[StringValue]:
            with goplugin.serving(context):
                for text in impl.count(int(request.value)):
                    yield StringValue(value=text)

        handlers = {
            "Echo": _unary(impl.echo),
            "Fail": _unary(impl.fail),
            "Whoami": _unary(lambda _text: impl.whoami()),
            "CallHost": _unary(impl.call_host),
            "Count": grpc.unary_stream_rpc_method_handler(
                count,
                request_deserializer=StringValue.FromString,
                response_serializer=StringValue.SerializeToString,
            ),
        }
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, handlers),))

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: grpc.Channel) -> EchoClient:
        return EchoClient(channel, broker)
