"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from long_deprecated.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from long_deprecated import interface, long_deprecated_pb2, plugin


class RetiringServiceWithALongerNameImpl(
    interface.RetiringServiceWithALongerName  # pyright: ignore[reportDeprecated]
):
    """This plugin's implementation of ``long_deprecated.RetiringServiceWithALongerName``, which the
    proto deprecates.
    """

    def ping(self, request: long_deprecated_pb2.PingMessage) -> long_deprecated_pb2.PingMessage:
        # TODO: implement Ping.
        raise NotImplementedError("Ping is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "retiring_service_with_a_longer_name": plugin.RetiringServiceWithALongerNameGRPCPlugin(
                RetiringServiceWithALongerNameImpl()
            ),
        },
    )


if __name__ == "__main__":
    main()
