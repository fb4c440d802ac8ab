"""Python hosts for issue 14's cases, printing what the Go hosts of tests/go/gencmd print.

    python gen_hosts.py CASE [ARGS...] -- PLUGIN-COMMAND [ARGS...]

CASE is a golden case (``greeter``, ``versioned``, ``kinds``, ``go-plugin-grpc``,
``go-plugin-bidirectional``); its generated Python packages are imported from ``golden/CASE``,
nothing else. Each host uses ``goplugin.Client`` as it comes (AutoMTLS on) and prints the lines
its Go twin prints for the same plugin, so a test can hold both to one expectation. Failures
print ``gen_hosts: ERROR`` on stderr and exit with status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]


def _code(error: Any) -> str:
    """``NOT_FOUND`` -> ``NotFound``: a status code as Go's codes.Code prints it."""
    return "".join(word.capitalize() for word in error.code.name.split("_"))


def greeter(args: Sequence[str], command: list[str]) -> None:
    from greeter import greeter_pb2, plugin  # type: ignore[import-not-found]

    import goplugin

    with goplugin.Client(
        handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=command
    ) as client:
        service = client.dispense("greeter")
        request = greeter_pb2.GreetRequest(name=args[0] if args else "world")
        print(f"greet: {service.greet(request).greeting}")
        for reply in service.greet_stream(request):
            print(f"stream: {reply.greeting}")


def versioned(args: Sequence[str], command: list[str]) -> None:
    from greeter import versions  # type: ignore[import-not-found]
    from greeter.v1 import greeter_pb2 as v1  # type: ignore[import-not-found]
    from greeter.v2 import greeter_pb2 as v2  # type: ignore[import-not-found]

    import goplugin

    name, title = [*args, "world", ""][:2]
    with goplugin.Client(
        handshake_config=versions.HANDSHAKE,
        versioned_plugins=versions.VERSIONED_PLUGINS,
        cmd=command,
    ) as client:
        print(f"negotiated: {client.negotiated_version}")
        service = client.dispense("greeter")
        if client.negotiated_version == 2:
            request: Any = v2.GreetRequest(name=name, title=title)
        else:
            request = v1.GreetRequest(name=name)
        print(f"greet: {service.greet(request).greeting}")
        for reply in service.greet_stream(request):
            print(f"stream: {reply.greeting}")
        if client.negotiated_version == 2:
            print(f"farewell: {service.farewell(v2.FarewellRequest(name=name)).farewell}")


def kinds(args: Sequence[str], command: list[str]) -> None:
    from google.protobuf import empty_pb2
    from kinds.v1 import kinds_pb2, plugin  # type: ignore[import-not-found]

    import goplugin

    def item(name: str, count: int) -> Any:
        return kinds_pb2.Item(key=kinds_pb2.Item.Key(name=name), count=count)

    def show(label: str, one: Any) -> None:
        print(f"{label}: {one.key.name} {one.count}")

    with goplugin.Client(
        handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=command
    ) as client:
        inventory = client.dispense("inventory")
        audit = client.dispense("audit")
        show("get", inventory.get(kinds_pb2.Item.Key(name="apple")))
        try:
            inventory.get(kinds_pb2.Item.Key(name="kiwi"))
            raise SystemExit("get kiwi: no error for a missing item")
        except goplugin.RPCError as error:
            print(f"get kiwi: {_code(error)}")
        for one in inventory.list(kinds_pb2.ListRequest(prefix="ap")):
            show("list", one)
        summary = inventory.put(iter([item("cherry", 1), item("date", 2)]))
        print(f"put: stored {summary.stored}")
        for one in inventory.sync(iter([item("elder", 4), item("fig", 6)])):
            show("sync", one)
        print(f"all: {sum(1 for _ in inventory.list(kinds_pb2.ListRequest()))} items")
        stream: Iterator[Any] = inventory.list(kinds_pb2.ListRequest())
        show("first", next(stream))
        close: Callable[[], object] | None = getattr(stream, "cancel", None)
        if close is not None:
            close()
        show("get", inventory.get(kinds_pb2.Item.Key(name="banana")))
        audit.record(item("note", 1))
        print("record: ok")
        show("status", audit.get_http_status(empty_pb2.Empty()))


HOSTS = {"greeter": greeter, "versioned": versioned, "kinds": kinds}


def main(argv: Sequence[str]) -> None:
    if "--" not in argv or not argv or argv[0] not in HOSTS:
        raise SystemExit(f"usage: gen_hosts.py {{{','.join(HOSTS)}}} [ARGS...] -- PLUGIN...")
    split = list(argv).index("--")
    case, args, command = argv[0], argv[1:split], list(argv[split + 1 :])
    sys.path.insert(0, str(REPO / "golden" / case))
    import goplugin

    try:
        HOSTS[case](args, command)
    except goplugin.PluginError as error:
        print(f"gen_hosts: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
