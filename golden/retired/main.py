"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from retired.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from retired import interface, plugin, retired_pb2


class RetiredImpl(interface.Retired):  # pyright: ignore[reportDeprecated]
    """This plugin's implementation of ``retired.Retired``, which the proto deprecates."""


class CurrentImpl(interface.Current):
    """This plugin's implementation of ``retired.Current``."""

    def echo(self, request: retired_pb2.Note) -> retired_pb2.Note:
        # TODO: implement Echo.
        raise NotImplementedError("Echo is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "retired": plugin.RetiredGRPCPlugin(RetiredImpl()),
            "current": plugin.CurrentGRPCPlugin(CurrentImpl()),
        },
    )


if __name__ == "__main__":
    main()
