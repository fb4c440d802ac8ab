"""A Python host for ``gated_greeter.py`` (run as its own process: it imports the example's
``greeter`` package, which other tests' ``greeter`` packages would shadow in theirs).

python gated_host.py STREAMS: opens STREAMS GreetStreams through ``goplugin.Client`` and the
generated client, reads each one's first message, makes a unary call while all are open, then
reads the rest; prints "ok" when every message arrived.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "examples" / "greeter"))
sys.path.insert(1, str(HERE.parents[2]))

from greeter import greeter_pb2  # noqa: E402
from greeter.plugin import HANDSHAKE, PLUGINS  # noqa: E402

import goplugin  # noqa: E402


def main(streams: int) -> None:
    with goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, str(HERE.parent / "plugins" / "gated_greeter.py")],
        plugins=PLUGINS,
        start_timeout=30,
    ) as client:
        greeter = client.dispense("greeter")
        request = greeter_pb2.GreetRequest(name="many", locale="count=3")
        with goplugin.call_options(timeout=90):
            opened = [greeter.greet_stream(request) for _ in range(streams)]
            assert {next(stream).greeting for stream in opened} == {"message 0"}
            assert greeter.greet(greeter_pb2.GreetRequest(name="x")).greeting == "Hello, x!"
            for stream in opened:
                assert [m.greeting for m in stream] == ["message 1", "message 2"]
    print("ok")


if __name__ == "__main__":
    main(int(sys.argv[1]))
