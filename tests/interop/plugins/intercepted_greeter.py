"""The example greeter served with goplugin interceptors, for a Go host (test_go_host_interceptors).

Every call the plugin serves is written to ``ICPT_LOG`` (method, then ``ok`` or the exception
type as the interceptor saw it); ``Greet`` is refused with UNAUTHENTICATED unless the caller
sent ``authorization: Bearer <ICPT_TOKEN>``. go-plugin's own services are let through, as a
plugin under a host that cannot add a token must. ``GOPLUGIN_CORE`` picks the core.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "greeter"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from greeter import plugin  # noqa: E402
from main import GreeterImpl  # noqa: E402  (examples/greeter/main.py)


def _log(line: str) -> None:
    with open(os.environ["ICPT_LOG"], "a") as file:
        file.write(line + "\n")


@contextlib.contextmanager
def record(call: goplugin.ServerCallDetails) -> Iterator[None]:
    try:
        yield
    except BaseException as error:
        _log(f"{call.method} {type(error).__name__}")
        raise
    _log(f"{call.method} ok")


@contextlib.contextmanager
def require_token(call: goplugin.ServerCallDetails) -> Iterator[None]:
    own = call.service.startswith("plugin.") or call.service == "grpc.health.v1.Health"
    if not own and call.metadata("authorization") != f"Bearer {os.environ['ICPT_TOKEN']}":
        raise goplugin.UnauthenticatedError(f"{call.method_name}: no valid token")
    yield


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"greeter": plugin.GreeterGRPCPlugin(GreeterImpl())},
        interceptors=[record, require_token],
    )
