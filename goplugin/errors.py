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

from collections.abc import Sequence

import grpc


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

    code: grpc.StatusCode = grpc.StatusCode.UNKNOWN

    def __init__(self, message: str = "", *, stderr_tail: Sequence[str] = ()) -> None:
        self.details = message
        super().__init__(message, stderr_tail=stderr_tail)


class CancelledError(RPCError):
    code = grpc.StatusCode.CANCELLED


class UnknownError(RPCError):
    code = grpc.StatusCode.UNKNOWN


class InvalidArgumentError(RPCError):
    code = grpc.StatusCode.INVALID_ARGUMENT


class DeadlineExceededError(RPCError):
    code = grpc.StatusCode.DEADLINE_EXCEEDED


class NotFoundError(RPCError):
    code = grpc.StatusCode.NOT_FOUND


class AlreadyExistsError(RPCError):
    code = grpc.StatusCode.ALREADY_EXISTS


class PermissionDeniedError(RPCError):
    code = grpc.StatusCode.PERMISSION_DENIED


class ResourceExhaustedError(RPCError):
    code = grpc.StatusCode.RESOURCE_EXHAUSTED


class FailedPreconditionError(RPCError):
    code = grpc.StatusCode.FAILED_PRECONDITION


class AbortedError(RPCError):
    code = grpc.StatusCode.ABORTED


class OutOfRangeError(RPCError):
    code = grpc.StatusCode.OUT_OF_RANGE


class UnimplementedError(RPCError):
    code = grpc.StatusCode.UNIMPLEMENTED


class InternalError(RPCError):
    code = grpc.StatusCode.INTERNAL


class UnavailableError(RPCError):
    code = grpc.StatusCode.UNAVAILABLE


class DataLossError(RPCError):
    code = grpc.StatusCode.DATA_LOSS


class UnauthenticatedError(RPCError):
    code = grpc.StatusCode.UNAUTHENTICATED


_BY_CODE: dict[grpc.StatusCode, type[RPCError]] = {
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


def rpc_error_for(
    code: grpc.StatusCode, details: str, *, stderr_tail: Sequence[str] = ()
) -> RPCError:
    """The typed exception for a gRPC status, as the host raises it."""
    return _BY_CODE.get(code, RPCError)(details, stderr_tail=stderr_tail)
