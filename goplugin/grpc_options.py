"""grpcio channel arguments given by users on top of the runtime's own (both sides).

A grpcio channel or server given the same argument twice keeps the first value, so a user's
option appended after the runtime's defaults would silently do nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def channel_options(
    defaults: Sequence[tuple[str, Any]], options: Sequence[tuple[str, Any]]
) -> tuple[tuple[str, Any], ...]:
    """``defaults`` with ``options`` replacing those they name, ``options`` first."""
    named = {name for name, _ in options}
    return (*options, *(option for option in defaults if option[0] not in named))
