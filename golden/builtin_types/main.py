"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from builtin_types.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from builtin_types import builtin_types_pb2, interface, plugin


class ConvertImpl(interface.Convert):
    """This plugin's implementation of ``builtin_types.Convert``."""

    def parse(self, request: builtin_types_pb2.str) -> builtin_types_pb2.int:
        # TODO: implement Parse.
        raise NotImplementedError("Parse is not implemented yet")

    def describe(self, request: builtin_types_pb2.object) -> builtin_types_pb2.object:
        # TODO: implement Describe.
        raise NotImplementedError("Describe is not implemented yet")

    def measure(self, request: builtin_types_pb2.Before) -> builtin_types_pb2.len:
        # TODO: implement Measure.
        raise NotImplementedError("Measure is not implemented yet")

    def split(self, request: builtin_types_pb2.type) -> builtin_types_pb2.Before:
        # TODO: implement Split.
        raise NotImplementedError("Split is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "convert": plugin.ConvertGRPCPlugin(ConvertImpl()),
        },
    )


if __name__ == "__main__":
    main()
