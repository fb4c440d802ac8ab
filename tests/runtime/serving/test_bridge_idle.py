"""The thread bridge's look at the event loop's ready queue (``grpclib_core.bridge._idle``)
while pool threads schedule callbacks on the loop, as sync generators' producers do under load."""

from __future__ import annotations

import asyncio
import threading
import time

from goplugin.grpclib_core.bridge import _idle


def test_idle_check_survives_threads_scheduling_callbacks_meanwhile() -> None:
    async def check_while_threads_schedule() -> int:
        loop = asyncio.get_running_loop()
        stop = threading.Event()

        def schedule() -> None:
            while not stop.is_set():
                loop.call_soon_threadsafe(lambda: None)

        threads = [threading.Thread(target=schedule) for _ in range(2)]
        for thread in threads:
            thread.start()
        checks = 0
        try:
            deadline = time.monotonic() + 0.5
            while time.monotonic() < deadline:
                _idle(loop)  # raised "deque mutated during iteration" before it copied
                checks += 1
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        return checks

    assert asyncio.run(check_while_threads_schedule()) > 0
