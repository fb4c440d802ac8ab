"""Per-call plumbing shared by generated adapters: status mapping and the current call.

Generated interfaces take a request message and return a response message, nothing else, so
that adding a field never breaks an implementation. What a call carries besides its message
(deadline, metadata, cancellation) is reached through :func:`current_call` on the plugin side
and set through :func:`call_options` on the host side, without cluttering any signature; the
broker of the connection serving the call (to dial back, or serve something to the caller)
through :func:`current_broker`.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from goplugin.errors import RPCError, StatusCode

if TYPE_CHECKING:  # grpcio is loaded only by the grpcio serving core and hosts
    import grpc

    from goplugin.broker import GRPCBroker

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


_current_broker: contextvars.ContextVar[GRPCBroker | None] = contextvars.ContextVar(
    "goplugin_current_broker", default=None
)


def current_broker() -> GRPCBroker:
    """The broker of the connection this implementation method is serving a call on.

    In a plugin it is the plugin's broker to its host; in a host serving a service through the
    broker, that host's broker to the plugin. Pass it to the generated ``dial_<service>`` and
    ``serve_<service>`` helpers. Raises :class:`LookupError` outside a call.

    A function rather than an attribute of :func:`current_call`, so that the call's context
    stays grpc's own ``ServicerContext`` instead of a wrapper that every grpcio release must
    keep up with.
    """
    broker = _current_broker.get()
    if broker is None:
        raise LookupError(
            "goplugin.current_broker() was called outside a call served with a broker: it is "
            "only available while an implementation method of a generated adapter is serving "
            "a request"
        )
    return broker


@contextlib.contextmanager
def serving(context: grpc.ServicerContext, broker: GRPCBroker | None = None) -> Iterator[None]:
    """Serve one call: bind :func:`current_call` and turn exceptions into gRPC statuses.

    ``broker`` is what :func:`current_broker` returns during the call.

    An :class:`~goplugin.RPCError` keeps its status code; ``NotImplementedError`` becomes
    UNIMPLEMENTED; any other exception becomes UNKNOWN with ``"Type: message"`` as details, the
    way a Go plugin's plain ``error`` reaches its host, and its traceback goes to the plugin's
    stderr (the host's log) rather than over the wire.
    """
    token = _current_call.set(context)
    broker_token = _current_broker.set(broker)
    try:
        yield
    except RPCError as error:
        context.abort(_grpcio_code(error.code), error.details)
    except NotImplementedError as error:
        context.abort(_grpcio_code(StatusCode.UNIMPLEMENTED), str(error) or "not implemented")
    except Exception as error:
        if _is_grpc_abort(error):
            raise
        if not context.is_active():  # the host cancelled or went away: not the plugin's error
            _log.debug("plugin method ended by its cancelled call: %r", error)
            raise
        _log.exception("plugin method raised")
        context.abort(_grpcio_code(StatusCode.UNKNOWN), f"{type(error).__name__}: {error}")
    finally:
        with contextlib.suppress(ValueError):  # a generator finished in another context
            _current_broker.reset(broker_token)
        with contextlib.suppress(ValueError):
            _current_call.reset(token)


def _grpcio_code(code: object) -> grpc.StatusCode:
    """grpcio's ``StatusCode`` for a code in any form (a grpcio ``context.abort`` takes only its
    own); ``serving`` runs under grpcio contexts only, so grpc is already loaded here."""
    import grpc

    if isinstance(code, grpc.StatusCode):
        return code
    number = int(getattr(code, "value", code))  # type: ignore[call-overload]
    for candidate in grpc.StatusCode:
        if candidate.value[0] == number:
            return candidate
    return grpc.StatusCode.UNKNOWN


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
