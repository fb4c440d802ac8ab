"""``deprecated``: PEP 702's decorator for the generated interfaces, free at run time.

A proto marks a service or RPC ``deprecated``; the generated interface says so with
``@goplugin.deprecated("...")``. Type checkers read it as ``warnings.deprecated`` (Python 3.13)
and ``typing_extensions.deprecated`` (``goplugin/__init__.py`` imports that name for them), so
editors strike the names through and ``mypy --enable-error-code deprecated`` or pyright's
``reportDeprecated`` flag their use, with no new dependency on Python 3.10 to 3.12.

At run time it only records the message: the real decorator would warn whenever a class
subclasses a deprecated interface, which every generated adapter and every plugin that still
serves the service does at import. The warning that matters is raised where the deprecated call
is made, by the generated host-side client.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


def deprecated(message: str, /) -> Callable[[_T], _T]:
    """Mark a class or function deprecated for type checkers; ``__deprecated__`` keeps why."""

    def mark(thing: _T) -> _T:
        thing.__deprecated__ = message  # type: ignore[attr-defined]
        return thing

    return mark
