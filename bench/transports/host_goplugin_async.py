"""Bench host on ``goplugin.AsyncClient``: the async host API as a user writes it.

The generated ``examples/greeter`` package, ``await client.dispense("greeter", AsyncGreeter)``,
tasks for concurrency (``host_async.py`` runs the phases). Plaintext (``auto_mtls=False``), like
the other hosts. Unlike them it pays for the whole runtime: ``Client``'s launch, handshake, stdio
and broker streams, then a grpc.aio channel for the calls. Usage:
``host_goplugin_async.py CONFIG.json > RESULTS.json``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import host_async
from host_common import load_config

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "greeter"))

from greeter import greeter_pb2
from greeter.interface import AsyncGreeter
from greeter.plugin import HANDSHAKE, PLUGINS

import goplugin


class Session:
    def __init__(
        self, name: str, client: goplugin.AsyncClient, greeter: AsyncGreeter, timeout: float
    ) -> None:
        self.name = name
        self.client = client
        self.greeter = greeter
        self.timeout = timeout

    def rss_kb(self) -> int:
        with open(f"/proc/{self.client.pid}/status") as handle:
            for row in handle:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1])
        return -1

    async def greet(self) -> None:
        with goplugin.call_options(timeout=self.timeout):
            reply = await self.greeter.greet(greeter_pb2.GreetRequest(name="bench"))
        if not reply.greeting:
            raise RuntimeError("empty greeting")

    async def stream(self, count: int) -> int:
        request = greeter_pb2.GreetRequest(name="bench", locale=f"count={count}")
        n = 0
        with goplugin.call_options(timeout=self.timeout):
            async for reply in self.greeter.greet_stream(request):
                if not reply.greeting:
                    raise RuntimeError("empty greeting")
                n += 1
        if n != count:
            raise RuntimeError(f"{self.name}: {n} messages, asked for {count}")
        return n

    async def kill(self) -> None:
        await self.client.kill()


async def open_session(name: str, cmd: list[str], timeout: float) -> Session:
    client = goplugin.AsyncClient(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=cmd, auto_mtls=False
    )
    await client.start()
    return Session(name, client, await client.dispense("greeter", AsyncGreeter), timeout)


if __name__ == "__main__":
    asyncio.run(host_async.run(load_config(sys.argv), open_session)).dump()
