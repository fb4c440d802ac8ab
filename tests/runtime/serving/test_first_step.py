"""A task whose first step its maker took at once (``goplugin.grpclib_core.lean.first_step``, how an
``async def`` unary method's call runs) behaves as any task: what the step returned, raised or
waited for, its cancellation, ``current_task()``, ``asyncio.timeout()`` and context variables."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import pytest

from goplugin.grpclib_core.lean.first_step import FirstStepTaken, take_first_step

LOG: contextvars.ContextVar[list[str]] = contextvars.ContextVar("LOG")


async def stepped(
    coroutine: Coroutine[Any, Any, Any], seen_at_once: Callable[[], Any] | None = None
) -> asyncio.Task[Any]:
    """``coroutine``'s task, its first step taken at once from a loop callback (as the end of
    a read is); ``seen_at_once()`` is called right after that step, before the loop turns."""
    loop = asyncio.get_running_loop()
    made: asyncio.Future[asyncio.Task[Any]] = loop.create_future()

    def from_a_callback() -> None:
        context = contextvars.copy_context()
        first = FirstStepTaken(coroutine)
        task = loop.create_task(first, context=context)
        take_first_step(loop, task, context, first)
        if seen_at_once is not None:
            seen_at_once()
        made.set_result(task)

    loop.call_soon(from_a_callback)
    return await made


def run(body: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(body())  # type: ignore[arg-type]


def test_a_step_that_returns_ends_the_task_before_the_loop_turns() -> None:
    steps: list[str] = []

    async def answer() -> str:
        steps.append("ran")
        return "done"

    at_once: list[list[str]] = []

    async def body() -> None:
        task = await stepped(answer(), lambda: at_once.append(list(steps)))
        assert await task == "done"
        assert at_once == [["ran"]]

    run(body)


def test_a_step_that_raises_fails_the_task_with_its_error() -> None:
    async def fail() -> None:
        raise ValueError("bad request")

    async def body() -> None:
        task = await stepped(fail())
        with pytest.raises(ValueError, match="bad request"):
            await task

    run(body)


def test_a_step_that_waits_carries_on_in_the_task_as_the_task() -> None:
    async def wait_twice(gate: asyncio.Future[str]) -> tuple[bool, bool, str]:
        first_is_task = asyncio.current_task() is not None
        await asyncio.sleep(0)  # a bare yield
        value = await gate  # a future
        return first_is_task, asyncio.current_task() is not None, value

    async def body() -> None:
        gate = asyncio.get_running_loop().create_future()
        task = await stepped(wait_twice(gate))
        gate.set_result("opened")
        assert await task == (True, True, "opened")

    run(body)


def test_current_task_in_the_first_step_is_the_task_that_carries_on() -> None:
    seen: list[asyncio.Task[Any] | None] = []

    async def look() -> None:
        seen.append(asyncio.current_task())
        await asyncio.sleep(0)
        seen.append(asyncio.current_task())

    async def body() -> None:
        task = await stepped(look())
        await task
        assert seen == [task, task]

    run(body)


def test_asyncio_timeout_in_the_first_step_cancels_the_wait_it_bounds() -> None:
    async def bounded() -> str:
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(10)
        except TimeoutError:
            return "timed out"
        return "slept"

    async def body() -> None:
        task = await stepped(bounded())
        assert await asyncio.wait_for(task, 5) == "timed out"

    run(body)


def test_cancelling_the_task_before_its_own_first_step_reaches_the_coroutine() -> None:
    ends: list[str] = []

    async def wait_forever() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            ends.append("cancelled where it waited")
            raise

    async def body() -> None:
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        first = FirstStepTaken(wait_forever())
        task = loop.create_task(first, context=context)
        loop.call_soon(take_first_step, loop, task, context, first)
        loop.call_soon(task.cancel)  # after the step taken at once, before the task's own
        with pytest.raises(asyncio.CancelledError):
            await task
        assert ends == ["cancelled where it waited"]

    run(body)


def test_context_variables_set_in_the_first_step_are_there_in_later_ones() -> None:
    async def remember() -> list[str]:
        LOG.set(["first step"])
        await asyncio.sleep(0)
        return LOG.get()

    async def body() -> None:
        task = await stepped(remember())
        assert await task == ["first step"]
        assert LOG.get(None) is None  # the task's own context, not the caller's

    run(body)
