"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from stub_names.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from stub_names import interface, plugin, stub_names_pb2


class MirrorImpl(interface.Mirror):
    """This plugin's implementation of ``stub_names.Mirror``."""

    def reflect(self, request: stub_names_pb2.Response) -> stub_names_pb2.Response:
        # TODO: implement Reflect.
        raise NotImplementedError("Reflect is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "mirror": plugin.MirrorGRPCPlugin(MirrorImpl()),
        },
    )


if __name__ == "__main__":
    main()
