"""A task whose first step is taken at once, by the code that makes it.

An ``async def`` unary method usually answers without ever waiting: the whole call (decode, run,
reply) is one step of its task. A task's first step normally runs on the loop's next turn, a
turn of the loop between the request arriving and the reply leaving; taken at once, at the end
of the read that brought the request, the reply leaves before that turn (Python 3.12 calls this
an eager task; 3.11 has none).

The step runs as the task: ``asyncio.current_task()`` is the task and the task's context is
the one used, so ``asyncio.timeout()``, ``TaskGroup`` and context variables behave as they would
in any step. What the step ends with (a yielded future, a return, an exception) is handed to
the task's own first step, which then carries on exactly as if it had taken the step itself;
a cancellation arriving before that is thrown in where the coroutine waits.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Coroutine, Generator
from typing import Any

#: asyncio's bookkeeping of the current task (None on an asyncio without it: tasks then take
#: their first step on the next turn, as usual).
_ENTER: Callable[[asyncio.AbstractEventLoop, asyncio.Task[Any]], None] | None = getattr(
    asyncio.tasks, "_enter_task", None
)
_LEAVE: Callable[[asyncio.AbstractEventLoop, asyncio.Task[Any]], None] | None = getattr(
    asyncio.tasks, "_leave_task", None
)


class FirstStepTaken(Coroutine[Any, Any, Any]):
    """``coroutine`` for a task, its first step taken by :func:`take_first_step`."""

    __slots__ = ("_coroutine", "_first")

    def __init__(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        self._coroutine = coroutine
        #: How the step taken at once ended: ("yield", value), ("return", value), ("raise", error).
        self._first: tuple[str, Any] | None = None

    def take(self) -> None:
        try:
            self._first = ("yield", self._coroutine.send(None))
        except StopIteration as done:
            self._first = ("return", done.value)
        except BaseException as error:  # the task raises it, as from its own step
            self._first = ("raise", error)

    @property
    def waiting(self) -> bool:
        """Whether the coroutine has not ended: its first step yet to be taken, or taken and
        ended waiting for something."""
        return self._first is None or self._first[0] == "yield"

    def send(self, value: Any) -> Any:
        first, self._first = self._first, None
        if first is None:
            return self._coroutine.send(value)
        kind, outcome = first
        if kind == "yield":  # what the coroutine waits for: the task waits for it now
            return outcome
        if kind == "return":
            raise StopIteration(outcome)
        raise outcome

    def throw(self, *error: Any) -> Any:
        if self._first is not None and self._first[0] != "yield":
            return self.send(None)  # it has ended already: the task ends as the step did
        self._first = None
        return self._coroutine.throw(*error)

    def close(self) -> None:
        self._coroutine.close()

    def __await__(self) -> Generator[Any, None, Any]:
        return self._coroutine.__await__()


def take_first_step(
    loop: asyncio.AbstractEventLoop,
    task: asyncio.Task[Any],
    context: contextvars.Context,
    coroutine: FirstStepTaken,
) -> None:
    """Take ``task``'s first step now, as ``task`` and in ``context`` (the task's).

    Only outside any task (a protocol's callback): inside one, or without asyncio's task
    bookkeeping, the task takes the step itself on the next turn.
    """
    if _ENTER is None or _LEAVE is None or asyncio.current_task(loop) is not None:
        return
    _ENTER(loop, task)
    try:
        context.run(coroutine.take)
    finally:
        _LEAVE(loop, task)
