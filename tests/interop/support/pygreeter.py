"""The Python side of the Greeter for tests that host a Go plugin: stubs and a host-only plugin.

The modules come straight from grpcio-tools, generated at test time from
``example_protos/greeter.proto``, not from our own generator: when a Python host talks to a Go
plugin, the test should depend on the runtime alone, so a generator bug cannot hide (or fake)
an interop failure.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import grpc
from grpc_tools import protoc

import goplugin

from .gobuild import GREETER_PROTO

#: The lesson's handshake, as the Go plugin serves it.
HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="GREETER_PLUGIN", magic_cookie_value="hello"
)


@dataclasses.dataclass(frozen=True)
class GreeterModules:
    """``greeter_pb2`` and ``greeter_pb2_grpc``, as grpcio-tools writes them."""

    pb2: ModuleType
    pb2_grpc: ModuleType


def generate_greeter_modules(out_dir: Path) -> GreeterModules:
    """Run grpcio-tools' protoc on greeter.proto into ``out_dir`` and import the result.

    The modules are imported under their plain names (``greeter_pb2``): that is how
    grpcio-tools' ``_pb2_grpc`` module imports its ``_pb2``, so ``out_dir`` goes on sys.path.
    """
    include = Path(protoc.__file__).parent / "_proto"  # the well-known types
    status = protoc.main(
        [
            "grpc_tools.protoc",
            f"-I{GREETER_PROTO.parent}",
            f"-I{include}",
            f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            str(GREETER_PROTO),
        ]
    )
    if status != 0:
        raise RuntimeError(f"grpc_tools.protoc failed on {GREETER_PROTO} (status {status})")
    sys.path.insert(0, str(out_dir))
    importlib.invalidate_caches()
    return GreeterModules(
        pb2=importlib.import_module("greeter_pb2"),
        pb2_grpc=importlib.import_module("greeter_pb2_grpc"),
    )


class GreeterHostPlugin(goplugin.GRPCPlugin):
    """The host half of a Greeter plugin: ``dispense`` returns the bare grpcio stub.

    The stub is all a test needs: the channel ``goplugin.Client`` hands over already turns gRPC
    errors into ``goplugin`` exceptions, and that translation is what these tests check.
    """

    def __init__(self, modules: GreeterModules) -> None:
        self._modules = modules

    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:
        raise NotImplementedError("GreeterHostPlugin is for hosts; the plugin here is Go")

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: grpc.Channel) -> Any:
        return self._modules.pb2_grpc.GreeterStub(channel)
