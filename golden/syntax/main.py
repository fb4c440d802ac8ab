"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from syntax/edition2024.proto, syntax/editions.proto,
syntax/legacy.proto, syntax/presence.proto. It is yours: gen-plugin never overwrites it unless you
pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host) starts it with the magic
cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

import goplugin

# isort: split
from syntax.editions import edition2024_pb2, editions_pb2
from syntax.editions import interface as syntax_editions_interface
from syntax.editions import plugin as syntax_editions_plugin
from syntax.legacy import interface as syntax_legacy_interface
from syntax.legacy import legacy_pb2
from syntax.legacy import plugin as syntax_legacy_plugin
from syntax.presence import interface as syntax_presence_interface
from syntax.presence import plugin as syntax_presence_plugin
from syntax.presence import presence_pb2


class PongerImpl(syntax_editions_interface.Ponger):
    """This plugin's implementation of ``syntax.editions.Ponger``."""

    def reply(self, request: editions_pb2.Ping) -> edition2024_pb2.Pong:
        # TODO: implement Reply.
        raise NotImplementedError("Reply is not implemented yet")


class PingerImpl(syntax_editions_interface.Pinger):
    """This plugin's implementation of ``syntax.editions.Pinger``."""

    def send(self, request: editions_pb2.Ping) -> editions_pb2.Ping:
        # TODO: implement Send.
        raise NotImplementedError("Send is not implemented yet")

    def echo(self, requests: Iterator[editions_pb2.Ping]) -> Iterator[editions_pb2.Ping]:
        # TODO: implement Echo.
        raise NotImplementedError("Echo is not implemented yet")

    def count(self, request: editions_pb2.Ping) -> editions_pb2.Ping:
        # TODO: implement Count.
        raise NotImplementedError("Count is not implemented yet")


class LegacyImpl(syntax_legacy_interface.Legacy):
    """This plugin's implementation of ``syntax.legacy.Legacy``."""

    def store(self, request: legacy_pb2.Record) -> legacy_pb2.Ack:
        # TODO: implement Store.
        raise NotImplementedError("Store is not implemented yet")

    def store_all(self, requests: Iterator[legacy_pb2.Record]) -> legacy_pb2.Ack:
        # TODO: implement StoreAll.
        raise NotImplementedError("StoreAll is not implemented yet")


class ConfigureImpl(syntax_presence_interface.Configure):  # pyright: ignore[reportDeprecated]
    """This plugin's implementation of ``syntax.presence.Configure``, which the proto deprecates."""

    def apply(self, request: presence_pb2.Settings) -> presence_pb2.Settings:
        # TODO: implement Apply.
        raise NotImplementedError("Apply is not implemented yet")

    def watch(self, request: presence_pb2.Settings) -> Iterator[presence_pb2.Settings]:
        # TODO: implement Watch.
        raise NotImplementedError("Watch is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=syntax_editions_plugin.HANDSHAKE,
        plugins={
            "ponger": syntax_editions_plugin.PongerGRPCPlugin(PongerImpl()),
            "pinger": syntax_editions_plugin.PingerGRPCPlugin(PingerImpl()),
            "legacy": syntax_legacy_plugin.LegacyGRPCPlugin(LegacyImpl()),
            "configure": syntax_presence_plugin.ConfigureGRPCPlugin(ConfigureImpl()),
        },
    )


if __name__ == "__main__":
    main()
