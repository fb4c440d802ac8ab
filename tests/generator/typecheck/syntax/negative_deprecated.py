"""Deprecation surfaces where a host or plugin uses a deprecated service or RPC (checked with
mypy's ``deprecated`` error code enabled)."""

from __future__ import annotations

from syntax.legacy import legacy_pb2
from syntax.legacy.interface import Legacy
from syntax.presence.interface import Configure


def old_call(legacy: Legacy) -> legacy_pb2.Ack:
    return legacy.store_all(iter([legacy_pb2.Record(id="a")]))


def old_service(configure: Configure) -> None:
    print(configure)
