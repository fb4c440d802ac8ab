"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from names/import.proto, names/api.proto,
names/api_types.proto, names/keyword_package.proto, names/nomad/base.proto, names/nopackage.proto.
It is yours: gen-plugin never overwrites it unless you pass --force-main. A host
(``goplugin.Client`` or a Go go-plugin host) starts it with the magic cookie set; started by hand,
it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import (
    any_pb2,
    duration_pb2,
    empty_pb2,
    struct_pb2,
    timestamp_pb2,
    wrappers_pb2,
)

# isort: split
import goplugin

# isort: split
from match.case import import_pb2
from match.case import interface as match_case_interface
from match.case import plugin as match_case_plugin
from names.api import api_types_pb2
from names.api import interface as names_api_interface
from names.api import plugin as names_api_plugin
from names.class_.async_ import interface as names_class__async__interface
from names.class_.async_ import keyword_package_pb2
from names.class_.async_ import plugin as names_class__async__plugin
from names.common import types_pb2
from names.nomad.base.proto import base_pb2
from names.nomad.base.proto import interface as names_nomad_base_proto_interface
from names.nomad.base.proto import plugin as names_nomad_base_proto_plugin
from nopackage import interface as nopackage_interface
from nopackage import nopackage_pb2
from nopackage import plugin as nopackage_plugin


class LambdaImpl(match_case_interface.Lambda):
    """This plugin's implementation of ``match.case.lambda``."""

    def lambda_(self, request: import_pb2.class_) -> import_pb2.class_:
        # TODO: implement lambda.
        raise NotImplementedError("lambda is not implemented yet")

    def import_(self, request: import_pb2.class_.import_) -> import_pb2.class_.import_:
        # TODO: implement import.
        raise NotImplementedError("import is not implemented yet")

    def match(self, request: import_pb2.class_) -> Iterator[import_pb2.class_]:
        # TODO: implement match.
        raise NotImplementedError("match is not implemented yet")

    def case(self, requests: Iterator[import_pb2.class_]) -> import_pb2.class_:
        # TODO: implement case.
        raise NotImplementedError("case is not implemented yet")

    def type(self, requests: Iterator[import_pb2.class_]) -> Iterator[import_pb2.class_]:
        # TODO: implement type.
        raise NotImplementedError("type is not implemented yet")

    def rpc(self, request: import_pb2.class_) -> import_pb2.class_:
        # TODO: implement _.
        raise NotImplementedError("_ is not implemented yet")


class SumImpl(names_api_interface.Sum):
    """This plugin's implementation of ``names.api.Sum``."""

    def sum(self, requests: Iterator[types_pb2.Sum]) -> types_pb2.Sum:
        # TODO: implement Sum.
        raise NotImplementedError("Sum is not implemented yet")


class ListImpl(names_api_interface.List):
    """This plugin's implementation of ``names.api.List``."""

    def list(self, request: empty_pb2.Empty) -> Iterator[types_pb2.List]:
        # TODO: implement List.
        raise NotImplementedError("List is not implemented yet")


class TypeImpl(names_api_interface.Type):
    """This plugin's implementation of ``names.api.Type``."""

    def type(self, request: types_pb2.Type) -> types_pb2.Type:
        # TODO: implement Type.
        raise NotImplementedError("Type is not implemented yet")


class ExecImpl(names_api_interface.Exec):
    """This plugin's implementation of ``names.api.Exec``."""

    def exec(self, request: types_pb2.Exec) -> struct_pb2.Struct:
        # TODO: implement Exec.
        raise NotImplementedError("Exec is not implemented yet")


class LowercaseImpl(names_api_interface.Lowercase):
    """This plugin's implementation of ``names.api.lowercase``."""

    def do_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement do_thing.
        raise NotImplementedError("do_thing is not implemented yet")

    def get_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement GetThing.
        raise NotImplementedError("GetThing is not implemented yet")

    def get_thing_2(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement get_thing.
        raise NotImplementedError("get_thing is not implemented yet")

    def get_thing_3(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Get_Thing.
        raise NotImplementedError("Get_Thing is not implemented yet")


class HelpersImpl(names_api_interface.Helpers):
    """This plugin's implementation of ``names.api.Helpers``."""

    def impl(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Impl.
        raise NotImplementedError("Impl is not implemented yet")

    def init(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Init.
        raise NotImplementedError("Init is not implemented yet")

    def self(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Self.
        raise NotImplementedError("Self is not implemented yet")

    def request(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Request.
        raise NotImplementedError("Request is not implemented yet")

    def context(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Context.
        raise NotImplementedError("Context is not implemented yet")

    def channel(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Channel.
        raise NotImplementedError("Channel is not implemented yet")

    def server(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Server.
        raise NotImplementedError("Server is not implemented yet")

    def adapter(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Adapter.
        raise NotImplementedError("Adapter is not implemented yet")

    def service(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Service.
        raise NotImplementedError("Service is not implemented yet")

    def grpc_server(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement GrpcServer.
        raise NotImplementedError("GrpcServer is not implemented yet")

    def grpc_client(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement GrpcClient.
        raise NotImplementedError("GrpcClient is not implemented yet")

    def grpc_(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Grpc.
        raise NotImplementedError("Grpc is not implemented yet")

    def goplugin_(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Goplugin.
        raise NotImplementedError("Goplugin is not implemented yet")

    def abc_(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Abc.
        raise NotImplementedError("Abc is not implemented yet")

    def iter(self, request: api_types_pb2.Thing) -> Iterator[api_types_pb2.Thing]:
        # TODO: implement Iter.
        raise NotImplementedError("Iter is not implemented yet")

    def warnings(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Warnings.
        raise NotImplementedError("Warnings is not implemented yet")

    def deprecated(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Deprecated.
        raise NotImplementedError("Deprecated is not implemented yet")

    def api_types_pb2_(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement ApiTypesPb2.
        raise NotImplementedError("ApiTypesPb2 is not implemented yet")

    def private(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement _Private.
        raise NotImplementedError("_Private is not implemented yet")

    def init__(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement __init__.
        raise NotImplementedError("__init__ is not implemented yet")


class ProviderImpl(names_api_interface.Provider):
    """This plugin's implementation of ``names.api.Provider``."""

    def read_resource(self, request: types_pb2.Read.Request) -> types_pb2.Read.Response:
        # TODO: implement ReadResource.
        raise NotImplementedError("ReadResource is not implemented yet")

    def now(self, request: empty_pb2.Empty) -> timestamp_pb2.Timestamp:
        # TODO: implement Now.
        raise NotImplementedError("Now is not implemented yet")

    def pack(self, request: any_pb2.Any) -> any_pb2.Any:
        # TODO: implement Pack.
        raise NotImplementedError("Pack is not implemented yet")

    def wait(self, request: duration_pb2.Duration) -> wrappers_pb2.BoolValue:
        # TODO: implement Wait.
        raise NotImplementedError("Wait is not implemented yet")

    def classify(self, request: import_pb2.class_) -> import_pb2.class_.import_:
        # TODO: implement Classify.
        raise NotImplementedError("Classify is not implemented yet")


class NothingImpl(names_api_interface.Nothing):
    """This plugin's implementation of ``names.api.Nothing``."""


class GreeterImpl(names_api_interface.Greeter):
    """This plugin's implementation of ``names.api.Greeter``."""

    def greet(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Greet.
        raise NotImplementedError("Greet is not implemented yet")


class Greeter2Impl(names_api_interface.Greeter2):
    """This plugin's implementation of ``names.api.greeter``."""

    def greet(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Greet.
        raise NotImplementedError("Greet is not implemented yet")


class IteratorServiceImpl(names_api_interface.IteratorService):
    """This plugin's implementation of ``names.api.Iterator``."""

    def next(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Next.
        raise NotImplementedError("Next is not implemented yet")


class HANDSHAKEServiceImpl(names_api_interface.HANDSHAKEService):
    """This plugin's implementation of ``names.api.HANDSHAKE``."""

    def shake(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        # TODO: implement Shake.
        raise NotImplementedError("Shake is not implemented yet")


class AwaitImpl(names_class__async__interface.Await):
    """This plugin's implementation of ``names.class.async.Await``."""

    def await_(self, request: keyword_package_pb2.Job) -> keyword_package_pb2.Job:
        # TODO: implement Await.
        raise NotImplementedError("Await is not implemented yet")


class BasePluginImpl(names_nomad_base_proto_interface.BasePlugin):
    """This plugin's implementation of ``names.nomad.base.proto.BasePlugin``."""

    def plugin_info(self, request: base_pb2.PluginInfoRequest) -> base_pb2.PluginInfoResponse:
        # TODO: implement PluginInfo.
        raise NotImplementedError("PluginInfo is not implemented yet")


class OrphanImpl(nopackage_interface.Orphan):
    """This plugin's implementation of ``Orphan``."""

    def ping(self, request: nopackage_pb2.Ping) -> nopackage_pb2.Ping:
        # TODO: implement Ping.
        raise NotImplementedError("Ping is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=match_case_plugin.HANDSHAKE,
        plugins={
            "lambda": match_case_plugin.LambdaGRPCPlugin(LambdaImpl()),
            "sum": names_api_plugin.SumGRPCPlugin(SumImpl()),
            "list": names_api_plugin.ListGRPCPlugin(ListImpl()),
            "type": names_api_plugin.TypeGRPCPlugin(TypeImpl()),
            "exec": names_api_plugin.ExecGRPCPlugin(ExecImpl()),
            "lowercase": names_api_plugin.LowercaseGRPCPlugin(LowercaseImpl()),
            "helpers": names_api_plugin.HelpersGRPCPlugin(HelpersImpl()),
            "provider": names_api_plugin.ProviderGRPCPlugin(ProviderImpl()),
            "nothing": names_api_plugin.NothingGRPCPlugin(NothingImpl()),
            "greeter": names_api_plugin.GreeterGRPCPlugin(GreeterImpl()),
            "greeter_2": names_api_plugin.Greeter2GRPCPlugin(Greeter2Impl()),
            "iterator": names_api_plugin.IteratorServiceGRPCPlugin(IteratorServiceImpl()),
            "handshake": names_api_plugin.HANDSHAKEServiceGRPCPlugin(HANDSHAKEServiceImpl()),
            "await": names_class__async__plugin.AwaitGRPCPlugin(AwaitImpl()),
            "base_plugin": names_nomad_base_proto_plugin.BasePluginGRPCPlugin(BasePluginImpl()),
            "orphan": nopackage_plugin.OrphanGRPCPlugin(OrphanImpl()),
        },
    )


if __name__ == "__main__":
    main()
