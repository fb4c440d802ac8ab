"""What the three bench plugins share: the generated stubs and the bench-only stream length.

The stubs are generated at bench time (``runtime_bench.py``) into a cache directory named by
``PYPLUGIN_BENCH_STUBS``, so no generated code lives in ``bench/`` and all three plugins import
the very same ``greeter_pb2``. This module imports nothing heavy itself, so it costs every
variant the same at startup.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

STUBS_ENV = "PYPLUGIN_BENCH_STUBS"

#: What the example's GreetStream sends; a request asks for more with locale "count=N".
DEFAULT_STREAM_COUNT = 5
_COUNT_PREFIX = "count="


def load_stub(name: str) -> ModuleType:
    """Import a generated module (``greeter_pb2``, ``greeter_pb2_grpc``, ``greeter_grpc``)."""
    directory = os.environ.get(STUBS_ENV)
    if not directory:
        raise SystemExit(f"{STUBS_ENV} is not set: run the plugins through bench/runtime_bench.py")
    if directory not in sys.path:
        sys.path.insert(0, directory)
    return importlib.import_module(name)


def stream_count(locale: str) -> int:
    """How many GreetStream messages a request asks for: ``locale="count=20000"`` or the default.

    A bench-only convention, so the example plugin keeps its 5-message contract untouched.
    """
    if locale.startswith(_COUNT_PREFIX):
        return int(locale[len(_COUNT_PREFIX) :])
    return DEFAULT_STREAM_COUNT
