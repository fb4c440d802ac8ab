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


#: grpcio's Python-only channel option that lets a thread reading a server stream take each
#: message off the call itself; without it every message is handed over by the channel's spin
#: thread, a thread wake-up per message that held a host to 10-13k messages/s from any plugin
#: (Go's included) where the option reads 120-130k (docs/transport.md). grpcio turns it on for
#: any value, so the runtime drops it when a user's dial options set it false.
SINGLE_THREADED_UNARY_STREAM = "SingleThreadedUnaryStream"


def sync_channel_options(options: Sequence[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """``options`` for a sync grpcio channel to a plugin: server streams read on the caller's
    thread unless ``options`` turn :data:`SINGLE_THREADED_UNARY_STREAM` off."""
    chosen = channel_options(((SINGLE_THREADED_UNARY_STREAM, 1),), options)
    return tuple(
        option for option in chosen if option[0] != SINGLE_THREADED_UNARY_STREAM or option[1]
    )


def aio_channel_options(options: Sequence[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """``options`` for a grpc.aio channel, which reads streams on its loop already and hands
    the sync channel's Python-only option to the C core as an unknown argument."""
    return tuple(option for option in options if option[0] != SINGLE_THREADED_UNARY_STREAM)
