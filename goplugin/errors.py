"""The exceptions a host sees when a plugin misbehaves, all under one base class.

A host embeds plugins written by other teams; it must be able to survive any of them with a
single ``except goplugin.PluginError``. Start-up problems, crashes and RPC failures each get
their own subclass so a host can still tell them apart, and every message names the cause and
carries the tail of the plugin's stderr, because that is where a crashing plugin explains itself.

:class:`RPCError` and its per-status subclasses also travel the other way: a plugin
implementation raises ``goplugin.NotFoundError("no such key")`` and the host catches the same
class, with the gRPC status code in between.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any


class StatusCode(enum.IntEnum):
    """gRPC's status codes, numbered as on the wire and named as grpcio names them.

    The runtime's own, so that raising and mapping errors in a plugin needs no gRPC library:
    a plugin served on the grpclib core never imports grpcio. grpcio's ``StatusCode`` is
    accepted wherever a code is taken (:func:`rpc_error_for`, ``current_call().abort``).
    """

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


def status_code(code: Any) -> StatusCode:
    """:class:`StatusCode` for grpcio's ``StatusCode`` (value ``(number, name)``), grpclib's
    ``Status``, this enum or a plain number; UNKNOWN for anything else."""
    value = getattr(code, "value", code)
    if isinstance(value, tuple):
        value = value[0]
    try:
        return StatusCode(int(value))
    except (TypeError, ValueError):
        return StatusCode.UNKNOWN


class PluginError(Exception):
    """Base class of every error the runtime raises for a plugin problem."""

    def __init__(self, message: str, *, stderr_tail: Sequence[str] = ()) -> None:
        self.message = message
        self.stderr_tail = tuple(stderr_tail)
        super().__init__(_with_tail(message, self.stderr_tail))


def _with_tail(message: str, tail: Sequence[str]) -> str:
    if not tail:
        return message
    lines = "\n".join(f"  {line}" for line in tail)
    return f"{message}\nlast lines of the plugin's stderr:\n{lines}"


class PluginStartError(PluginError):
    """The plugin process could not be launched, or failed before it was usable."""


class HandshakeError(PluginStartError):
    """The plugin's handshake line was missing, malformed or unacceptable."""


class IncompatibleVersionError(HandshakeError):
    """Host and plugin share no app protocol version (or core protocol version)."""


class StartTimeoutError(PluginStartError):
    """The plugin did not complete its handshake within ``start_timeout``."""


class PluginExitedError(PluginError):
    """The plugin process exited: before its handshake, or during a call or stream."""

    def __init__(
        self, message: str, *, returncode: int | None, stderr_tail: Sequence[str] = ()
    ) -> None:
        self.returncode = returncode
        super().__init__(message, stderr_tail=stderr_tail)


class UnknownPluginError(PluginError):
    """``dispense`` was asked for a plugin name the negotiated plugin set does not have."""


class RPCError(PluginError):
    """A call returned a non-OK gRPC status. Subclasses name the status code.

    Raise one (or a subclass) from a plugin implementation to choose the status the host sees.
    """

    code: StatusCode = StatusCode.UNKNOWN

    def __init__(self, message: str = "", *, stderr_tail: Sequence[str] = ()) -> None:
        self.details = message
        super().__init__(message, stderr_tail=stderr_tail)


class CancelledError(RPCError):
    code = StatusCode.CANCELLED


class UnknownError(RPCError):
    code = StatusCode.UNKNOWN


class InvalidArgumentError(RPCError):
    code = StatusCode.INVALID_ARGUMENT


class DeadlineExceededError(RPCError):
    code = StatusCode.DEADLINE_EXCEEDED


class NotFoundError(RPCError):
    code = StatusCode.NOT_FOUND


class AlreadyExistsError(RPCError):
    code = StatusCode.ALREADY_EXISTS


class PermissionDeniedError(RPCError):
    code = StatusCode.PERMISSION_DENIED


class ResourceExhaustedError(RPCError):
    code = StatusCode.RESOURCE_EXHAUSTED


class FailedPreconditionError(RPCError):
    code = StatusCode.FAILED_PRECONDITION


class AbortedError(RPCError):
    code = StatusCode.ABORTED


class OutOfRangeError(RPCError):
    code = StatusCode.OUT_OF_RANGE


class UnimplementedError(RPCError):
    code = StatusCode.UNIMPLEMENTED


class InternalError(RPCError):
    code = StatusCode.INTERNAL


class UnavailableError(RPCError):
    code = StatusCode.UNAVAILABLE


class DataLossError(RPCError):
    code = StatusCode.DATA_LOSS


class UnauthenticatedError(RPCError):
    code = StatusCode.UNAUTHENTICATED


_BY_CODE: dict[StatusCode, type[RPCError]] = {
    cls.code: cls
    for cls in (
        CancelledError,
        UnknownError,
        InvalidArgumentError,
        DeadlineExceededError,
        NotFoundError,
        AlreadyExistsError,
        PermissionDeniedError,
        ResourceExhaustedError,
        FailedPreconditionError,
        AbortedError,
        OutOfRangeError,
        UnimplementedError,
        InternalError,
        UnavailableError,
        DataLossError,
        UnauthenticatedError,
    )
}


def rpc_error_for(code: Any, details: str, *, stderr_tail: Sequence[str] = ()) -> RPCError:
    """The typed exception for a gRPC status (any form :func:`status_code` takes)."""
    return _BY_CODE.get(status_code(code), RPCError)(details, stderr_tail=stderr_tail)
