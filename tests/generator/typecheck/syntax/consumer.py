"""A correct use of the generated ``syntax`` packages: proto2, proto3 ``optional``, editions.

Field presence shows in the types (``HasField`` on explicit-presence fields), and the deprecated
service is still implemented. (protoc's stub types a proto2 extension as a plain
``FieldDescriptor``, which ``Extensions[...]`` does not accept under mypy: not used here.)
"""

from __future__ import annotations

from collections.abc import Iterator

from syntax.editions import edition2024_pb2, editions_pb2
from syntax.editions import plugin as editions_plugin
from syntax.editions.interface import Pinger, Ponger
from syntax.legacy import legacy_pb2
from syntax.legacy.interface import Legacy
from syntax.presence import presence_pb2
from syntax.presence.interface import Configure  # pyright: ignore[reportDeprecated]

import goplugin


class Store(Legacy):
    def store(self, request: legacy_pb2.Record) -> legacy_pb2.Ack:
        stored = request.HasField("count") and request.level == legacy_pb2.Record.HIGH
        return legacy_pb2.Ack(stored=stored and bool(request.meta.author))

    def store_all(self, requests: Iterator[legacy_pb2.Record]) -> legacy_pb2.Ack:
        return legacy_pb2.Ack(stored=all(request.id for request in requests))


class Settings(Configure):  # pyright: ignore[reportDeprecated]
    def apply(self, request: presence_pb2.Settings) -> presence_pb2.Settings:
        if not request.HasField("limit"):
            request.limit = 10
        return request

    def watch(self, request: presence_pb2.Settings) -> Iterator[presence_pb2.Settings]:
        yield request


class Ping(Pinger):
    def send(self, request: editions_pb2.Ping) -> editions_pb2.Ping:
        return editions_pb2.Ping(note=request.note, count=request.count + 1)

    def echo(self, requests: Iterator[editions_pb2.Ping]) -> Iterator[editions_pb2.Ping]:
        yield from requests

    def count(self, request: editions_pb2.Ping) -> editions_pb2.Ping:
        return editions_pb2.Ping(count=len(request.samples))


class Pong(Ponger):
    def reply(self, request: editions_pb2.Ping) -> edition2024_pb2.Pong:
        return edition2024_pb2.Pong(reply=request.note)


def serve() -> None:
    goplugin.serve(
        handshake_config=editions_plugin.HANDSHAKE,
        plugins={
            "pinger": editions_plugin.PingerGRPCPlugin(Ping()),
            "ponger": editions_plugin.PongerGRPCPlugin(Pong()),
        },
    )


def call(cmd: list[str]) -> list[int]:
    with goplugin.Client(
        handshake_config=editions_plugin.HANDSHAKE, plugins=editions_plugin.PLUGINS, cmd=cmd
    ) as client:
        pinger = client.dispense("pinger", Pinger)
        ping = editions_pb2.Ping(note="hi", samples=[1, 2])
        has_count = ping.HasField("count")
        return [pinger.send(ping).count, int(has_count)]
