"""The phases of ``host_common.py`` on asyncio, shared by the grpc.aio and grpclib hosts.

Concurrency is tasks on one event loop: the mixed load is ``mixed_streams`` stream tasks and
``mixed_workers`` unary tasks started together. Launching a plugin and waiting for its exit are
blocking calls; they happen only while nothing else runs (startup, teardown), so they block no
measured call.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from host_common import Config, Results, now, rotated


class AsyncSession(Protocol):
    name: str

    def rss_kb(self) -> int: ...

    async def greet(self) -> None: ...

    async def stream(self, count: int) -> int: ...

    async def kill(self) -> None: ...


async def mixed(session: AsyncSession, cfg: Config) -> dict[str, Any]:
    go = asyncio.Event()
    latencies: list[float] = []
    finished: list[float] = []
    start = 0.0

    async def streamer() -> None:
        await go.wait()
        await session.stream(cfg.mixed_stream_count)
        finished.append(now() - start)

    async def worker() -> None:
        await go.wait()
        for _ in range(cfg.mixed_calls):
            t0 = now()
            await session.greet()
            latencies.append(now() - t0)

    tasks = [asyncio.ensure_future(streamer()) for _ in range(cfg.mixed_streams)]
    tasks += [asyncio.ensure_future(worker()) for _ in range(cfg.mixed_workers)]
    await asyncio.sleep(0)  # every task parked on the event
    start = now()
    go.set()
    await asyncio.gather(*tasks)
    return {"unary": latencies, "stream_finish": sorted(finished), "wall": now() - start}


async def run(cfg: Config, open_session: Any) -> Results:
    res = Results()
    names = [v["name"] for v in cfg.variants]
    cmds = {v["name"]: v["cmd"] for v in cfg.variants}
    timeout = cfg.call_timeout_seconds
    for round_ in range(cfg.startup_warmup + cfg.startup_rounds):
        for i in rotated(len(names), round_):
            t0 = now()
            session = await open_session(names[i], cmds[names[i]], timeout)
            await session.greet()
            elapsed = now() - t0
            await session.kill()
            if round_ >= cfg.startup_warmup:
                res.startup.setdefault(names[i], []).append(elapsed)

    sessions: dict[str, AsyncSession] = {}
    try:
        for name in names:
            sessions[name] = await open_session(name, cmds[name], timeout)
        for session in sessions.values():
            await session.greet()
        await asyncio.sleep(cfg.idle_settle_seconds)
        for name, session in sessions.items():
            res.idle_rss_kb[name] = session.rss_kb()

        for call in range(cfg.warmup + cfg.unary_calls):
            for i in rotated(len(names), call):
                t0 = now()
                await sessions[names[i]].greet()
                if call >= cfg.warmup:
                    res.unary.setdefault(names[i], []).append(now() - t0)

        for session in sessions.values():
            await session.stream(100)
        for rep in range(cfg.stream_reps):
            for i in rotated(len(names), rep):
                t0 = now()
                n = await sessions[names[i]].stream(cfg.stream_count)
                res.stream.setdefault(names[i], []).append({"seconds": now() - t0, "messages": n})

        for rep in range(cfg.short_reps):
            for i in rotated(len(names), rep):
                t0 = now()
                await sessions[names[i]].stream(cfg.short_count)
                res.short.setdefault(names[i], []).append(now() - t0)

        for rep in range(cfg.mixed_reps):
            for i in rotated(len(names), rep):
                res.mixed.setdefault(names[i], []).append(await mixed(sessions[names[i]], cfg))
    finally:
        for session in sessions.values():
            await session.kill()
    return res
