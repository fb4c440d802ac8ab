"""A KV plugin for go-plugin's ``examples/grpc`` host, written in Python on the generated package.

Scaffolded by ``gen-plugin example_protos/go-plugin-grpc/kv.proto -o examples/kv
--magic-cookie-key BASIC_PLUGIN --magic-cookie-value hello`` (the example's own proto and
handshake) and filled in by hand. Like the example's Go plugin it keeps each value in a file
``kv_<key>`` in the current folder. Run it under the unmodified Go host::

    KV_PLUGIN="python examples/kv/main.py" KV_PROTO=grpc ./kv put hello world
    KV_PLUGIN="python examples/kv/main.py" KV_PROTO=grpc ./kv get hello    # prints: world

or under the Python host beside it (``python examples/kv/host.py get hello``).
"""

from __future__ import annotations

from pathlib import Path

import goplugin

# isort: split
from proto import interface, kv_pb2, plugin


class KVImpl(interface.KV):
    """Stores each value in the file ``kv_<key>``, as go-plugin's example plugins do."""

    def get(self, request: kv_pb2.GetRequest) -> kv_pb2.GetResponse:
        try:
            return kv_pb2.GetResponse(value=_path(request.key).read_bytes())
        except FileNotFoundError:
            raise goplugin.NotFoundError(f"no value for key {request.key!r}") from None

    def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        _path(request.key).write_bytes(request.value)
        return kv_pb2.Empty()


def _path(key: str) -> Path:
    return Path(f"kv_{key}")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "kv": plugin.KVGRPCPlugin(KVImpl()),
        },
    )


if __name__ == "__main__":
    main()
