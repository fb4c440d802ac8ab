"""A correct use of the generated ``names`` packages, both sides: it must type-check cleanly.

Keyword-named types are reached through their escaped aliases (``import_pb2.class_``), keyword
fields through ``getattr``, and every escaped or de-duplicated method name is implemented.
"""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import any_pb2, duration_pb2, empty_pb2, timestamp_pb2, wrappers_pb2
from match.case import import_pb2
from match.case import plugin as case_plugin
from match.case.interface import Lambda
from names.api import api_types_pb2
from names.api import plugin as api_plugin
from names.api.interface import (
    HANDSHAKEService,
    IteratorService,
    Lowercase,
    Nothing,
    Provider,
    Sum,
)
from names.class_.async_ import keyword_package_pb2
from names.class_.async_.interface import Await
from names.common import types_pb2
from names.nomad.base.proto import base_pb2
from names.nomad.base.proto.interface import BasePlugin
from nopackage import nopackage_pb2
from nopackage.interface import Orphan

import goplugin


class Keywords(Lambda):
    def lambda_(self, request: import_pb2.class_) -> import_pb2.class_:
        reply = import_pb2.class_(kind=import_pb2.def_.DEF_UNSPECIFIED)
        reply.nested.CopyFrom(import_pb2.class_.import_(**{"as": "alias"}))
        setattr(reply, "return", getattr(request, "return") + 1)
        return reply

    def import_(self, request: import_pb2.class_.import_) -> import_pb2.class_.import_:
        return request

    def match(self, request: import_pb2.class_) -> Iterator[import_pb2.class_]:
        yield request

    def case(self, requests: Iterator[import_pb2.class_]) -> import_pb2.class_:
        return next(requests)

    def type(self, requests: Iterator[import_pb2.class_]) -> Iterator[import_pb2.class_]:
        yield from requests

    def rpc(self, request: import_pb2.class_) -> import_pb2.class_:
        return request


class Terraformish(Provider):
    def read_resource(self, request: types_pb2.Read.Request) -> types_pb2.Read.Response:
        return types_pb2.Read.Response(new_state=request.current_state)

    def now(self, request: empty_pb2.Empty) -> timestamp_pb2.Timestamp:
        return timestamp_pb2.Timestamp(seconds=1)

    def pack(self, request: any_pb2.Any) -> any_pb2.Any:
        return request

    def wait(self, request: duration_pb2.Duration) -> wrappers_pb2.BoolValue:
        return wrappers_pb2.BoolValue(value=request.seconds > 0)

    def classify(self, request: import_pb2.class_) -> import_pb2.class_.import_:
        return request.nested


class Collisions(Lowercase):
    def do_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request

    def get_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request

    def get_thing_2(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request

    def get_thing_3(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request


class Adder(Sum):
    def sum(self, requests: Iterator[types_pb2.Sum]) -> types_pb2.Sum:
        return types_pb2.Sum(total=sum(request.total for request in requests))


class Empty(Nothing):
    pass


class Next(IteratorService):
    def next(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request


class Shake(HANDSHAKEService):
    def shake(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request


class Alone(Orphan):
    def ping(self, request: nopackage_pb2.Ping) -> nopackage_pb2.Ping:
        return request


class Nomad(BasePlugin):
    def plugin_info(self, request: base_pb2.PluginInfoRequest) -> base_pb2.PluginInfoResponse:
        return base_pb2.PluginInfoResponse(name="names", plugin_api_versions=["0.1.0"])


class Waiter(Await):
    def await_(self, request: keyword_package_pb2.Job) -> keyword_package_pb2.Job:
        return request


def serve() -> None:
    goplugin.serve(
        handshake_config=api_plugin.HANDSHAKE,
        plugins={
            "lambda": case_plugin.LambdaGRPCPlugin(Keywords()),
            "provider": api_plugin.ProviderGRPCPlugin(Terraformish()),
            "lowercase": api_plugin.LowercaseGRPCPlugin(Collisions()),
            "sum": api_plugin.SumGRPCPlugin(Adder()),
            "nothing": api_plugin.NothingGRPCPlugin(Empty()),
            "iterator": api_plugin.IteratorServiceGRPCPlugin(Next()),
        },
    )


def call(cmd: list[str]) -> tuple[int, str]:
    with goplugin.Client(
        handshake_config=api_plugin.HANDSHAKE, plugins=case_plugin.PLUGINS, cmd=cmd
    ) as client:
        keywords = client.dispense("lambda", Lambda)
        request = import_pb2.class_(nested=import_pb2.class_.import_())
        reply: import_pb2.class_ = keywords.lambda_(request)
        streamed = [item.kind for item in keywords.match(request)]
        return len(streamed), getattr(reply.nested, "as")
