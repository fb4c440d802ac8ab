"""What a process a host launched does before the rest of the runtime loads.

Start-up time is a product figure. Importing the runtime, asyncio, grpclib, h2 and protobuf
makes tens of thousands of objects that live as long as the process; with CPython's default
thresholds the cyclic collector walks them about fifty times before the handshake (6-8 ms of a
100 ms start) and frees nothing. So ``import goplugin`` in a launched process raises the first
collection threshold (:func:`hold_collections`), and ``serve()``, just before its server starts,
hands what starting made straight to the oldest generation and puts the threshold back
(:func:`release_collections`). Nothing is exempt from collection afterwards: the next full
collection looks at those objects, as it would have.
"""

from __future__ import annotations

import gc
import os

from goplugin.constants import ENV_MIN_PORT, ENV_PROTOCOL_VERSIONS

#: The first threshold while starting: above what starting allocates, so no collection runs.
_STARTING_THRESHOLD = 250_000

_saved: tuple[int, ...] | None = None


def launched_by_host() -> bool:
    """Whether a go-plugin host started this process (every host version sets both)."""
    return ENV_PROTOCOL_VERSIONS in os.environ and ENV_MIN_PORT in os.environ


def hold_collections() -> None:
    """Hold the cyclic collector back until :func:`release_collections` (once)."""
    global _saved
    current = gc.get_threshold()
    if _saved is not None or current[0] == 0:  # already held, or automatic collection is off
        return
    _saved = current
    gc.set_threshold(_STARTING_THRESHOLD, *current[1:])


def release_collections() -> None:
    """End :func:`hold_collections`: the objects made so far join the oldest generation unwalked
    (``gc.freeze()`` then ``gc.unfreeze()``, unless the plugin froze some itself), and the
    thresholds are restored unless the plugin set its own since."""
    global _saved
    if _saved is None:
        return
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    if gc.get_threshold() == (_STARTING_THRESHOLD, *_saved[1:]):
        gc.set_threshold(*_saved)
    _saved = None
