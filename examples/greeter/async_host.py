"""An asyncio host for the greeter plugin: ``python examples/greeter/async_host.py NAME``.

It starts the plugin with ``goplugin.AsyncClient``, greets NAME, then greets three other names at
once (three calls in flight on one event loop), reads the plugin's stream of five greetings,
and finally asks for one with a deadline. Everything it knows about the plugin comes from the
generated package: ``HANDSHAKE``, ``PLUGINS`` and the ``AsyncGreeter`` interface.
"""

from __future__ import annotations

import asyncio
import os
import sys

import goplugin

# isort: split
from greeter import greeter_pb2
from greeter.interface import AsyncGreeter
from greeter.plugin import HANDSHAKE, PLUGINS

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "main.py")


async def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "world"
    async with goplugin.AsyncClient(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[sys.executable, PLUGIN]
    ) as client:
        greeter = await client.dispense("greeter", AsyncGreeter)
        request = greeter_pb2.GreetRequest(name=name)
        print((await greeter.greet(request)).greeting)

        others = [greeter_pb2.GreetRequest(name=other) for other in ("Ada", "Grace", "Linus")]
        for reply in await asyncio.gather(*(greeter.greet(other) for other in others)):
            print(reply.greeting)

        async for reply in greeter.greet_stream(request):
            print(reply.greeting)

        # A deadline the plugin sees (goplugin.current_call().time_remaining()); past it the
        # call fails with goplugin.DeadlineExceededError.
        with goplugin.call_options(timeout=5.0):
            print((await greeter.greet(request)).greeting)


if __name__ == "__main__":
    asyncio.run(main())
