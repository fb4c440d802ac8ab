"""Per-call plumbing shared by generated adapters: status mapping and the current call.

Generated interfaces take a request message and return a response message, nothing else, so
that adding a field never breaks an implementation. What a call carries besides its message
(deadline, metadata, cancellation) is reached through :func:`current_call` on the plugin side
and set through :func:`call_options` on the host side, without cluttering any signature.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import grpc

from goplugin.errors import RPCError

_log = logging.getLogger("goplugin.server")

_current_call: contextvars.ContextVar[grpc.ServicerContext] = contextvars.ContextVar(
    "goplugin_current_call"
)


def current_call() -> grpc.ServicerContext:
    """The gRPC context of the call this implementation method is serving.

    Use it for ``time_remaining()``, ``invocation_metadata()``, ``is_active()`` or
    ``add_callback()``. Raises :class:`LookupError` outside a call.
    """
    try:
        return _current_call.get()
    except LookupError:
        raise LookupError(
            "goplugin.current_call() was called outside a plugin call: it is only available "
            "while an implementation method is serving a request"
        ) from None


@contextlib.contextmanager
def serving(context: grpc.ServicerContext) -> Iterator[None]:
    """Serve one call: bind :func:`current_call` and turn exceptions into gRPC statuses.

    An :class:`~goplugin.RPCError` keeps its status code; ``NotImplementedError`` becomes
    UNIMPLEMENTED; any other exception becomes UNKNOWN with ``"Type: message"`` as details, the
    way a Go plugin's plain ``error`` reaches its host, and its traceback goes to the plugin's
    stderr (the host's log) rather than over the wire.
    """
    token = _current_call.set(context)
    try:
        yield
    except RPCError as error:
        context.abort(error.code, error.details)
    except NotImplementedError as error:
        context.abort(grpc.StatusCode.UNIMPLEMENTED, str(error) or "not implemented")
    except Exception as error:
        if _is_grpc_abort(error):
            raise
        _log.exception("plugin method raised")
        context.abort(grpc.StatusCode.UNKNOWN, f"{type(error).__name__}: {error}")
    finally:
        with contextlib.suppress(ValueError):  # a generator finished in another context
            _current_call.reset(token)


def _is_grpc_abort(error: Exception) -> bool:
    # context.abort() raises a bare Exception; an implementation calling it itself must not be
    # re-wrapped as UNKNOWN.
    return type(error) is Exception and not error.args


class CallOptions(NamedTuple):
    """Options the host applies to the calls it makes inside :func:`call_options`."""

    timeout: float | None = None
    metadata: tuple[tuple[str, str], ...] = ()


_NO_OPTIONS = CallOptions()
_call_options: contextvars.ContextVar[CallOptions] = contextvars.ContextVar(
    "goplugin_call_options", default=_NO_OPTIONS
)


@contextlib.contextmanager
def call_options(
    *, timeout: float | None = None, metadata: Sequence[tuple[str, str]] = ()
) -> Iterator[CallOptions]:
    """Give every plugin call made in this block a deadline (seconds) and/or metadata.

    >>> with goplugin.call_options(timeout=2.0):
    ...     greeter.greet(GreetRequest(name="world"))
    """
    options = CallOptions(timeout=timeout, metadata=tuple(metadata))
    token = _call_options.set(options)
    try:
        yield options
    finally:
        _call_options.reset(token)


def active_call_options() -> CallOptions:
    """The options set by the innermost :func:`call_options` block (defaults outside one)."""
    return _call_options.get()
