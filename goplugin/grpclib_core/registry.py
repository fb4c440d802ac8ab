"""The registry plugins register on, served by grpclib on one asyncio event loop.

Every call is a task on the loop. ``register(spec, handlers)`` looks at each implementation
callable once: ``async def`` methods (and async generators) run on the loop; sync ones run
through the thread bridge (``bridge``). The runtime, not the implementation, sends a
response stream's messages, several per HTTP/2 write, and gives the loop a turn after each full
batch (``BATCH_MESSAGES``): grpclib's ``send_message`` does not yield while the flow-control
window has room, so without it one stream would starve every other call.

grpcio's generic handlers (``server.add_generic_rpc_handlers``) are accepted too, so
hand-written plugins and the runtime's own services written for grpcio (health, stdio, broker,
reflection) run unchanged: their behaviours are sync functions of ``(request, context)``, and the
context they get is a ``call.AioCall``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import time
import types
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Mapping,
)
from concurrent import futures
from typing import TYPE_CHECKING, Any, NamedTuple

from grpclib.const import Cardinality, Status
from grpclib.const import Handler as GrpclibHandler
from grpclib.encoding.base import CodecBase
from grpclib.exceptions import GRPCError
from h2.exceptions import StreamClosedError

from goplugin.calls import _current_broker, _current_call
from goplugin.grpclib_core.bridge import Handoff, SyncRequests, call_in_thread
from goplugin.grpclib_core.call import AioCall, grpc_error_for
from goplugin.grpclib_core.lean.unary import MESSAGE_HEADER, UnaryMethod, UnaryMethods, framed
from goplugin.grpclib_core.lean.whole_response import send_whole_response
from goplugin.interceptors import AnyServerInterceptor, ServerCallDetails, intercepting_async
from goplugin.services import Handler, Kind, MethodSpec, ServiceSpec, check_handlers

if TYPE_CHECKING:
    from grpclib.server import Stream

    from goplugin.broker import GRPCBroker


#: A response stream's messages go out this many per HTTP/2 write (fewer if the implementation
#: has fewer ready, or they reach ``BATCH_BYTES``), and the stream gives the event loop a turn
#: after each full batch. Framed in one write, 64 messages cost about what 16 did one write
#: each, which kept a mixed load fair (docs/transport.md).
BATCH_MESSAGES = 64
BATCH_BYTES = 64 * 1024

_CARDINALITY = {
    Kind.UNARY_UNARY: Cardinality.UNARY_UNARY,
    Kind.UNARY_STREAM: Cardinality.UNARY_STREAM,
    Kind.STREAM_UNARY: Cardinality.STREAM_UNARY,
    Kind.STREAM_STREAM: Cardinality.STREAM_STREAM,
}


class _Functions(NamedTuple):
    """A grpcio handler's (de)serializers, in place of a message class for the codec."""

    serialize: Callable[[Any], bytes] | None
    deserialize: Callable[[bytes], Any] | None


class Codec(CodecBase):
    """Protobuf messages, or a grpcio handler's own (de)serializers."""

    __content_subtype__ = "proto"

    def encode(self, message: Any, message_type: Any) -> bytes:
        if isinstance(message_type, _Functions):
            if message_type.serialize is None:
                return bytes(message)
            return message_type.serialize(message)
        return bytes(message.SerializeToString())

    def decode(self, data: bytes, message_type: Any) -> Any:
        """A request message; INTERNAL when it does not decode, as grpcio and grpc-go answer
        (the host sent it: not the method's error, and not logged as one)."""
        try:
            if isinstance(message_type, _Functions):
                if message_type.deserialize is None:
                    return data
                return message_type.deserialize(data)
            return message_type.FromString(data)
        except Exception as error:
            raise GRPCError(Status.INTERNAL, f"the request could not be decoded: {error}") from None


class AioRegistry:
    """Collects handlers before the grpclib server starts; the server serves :meth:`mapping`."""

    def __init__(
        self,
        pool: futures.Executor,
        broker: GRPCBroker | None,
        reserved: frozenset[str] = frozenset(),
        interceptors: tuple[AnyServerInterceptor, ...] = (),
    ) -> None:
        self._pool = pool
        self._broker = broker
        #: goplugin interceptors run around every call (``serve(interceptors=...)``).
        self._interceptors = interceptors
        #: Services plugins may not register (the runtime registers them before it sets this).
        self.reserved = reserved
        self._mapping: dict[str, GrpclibHandler] = {}
        #: Service names registered, in order (reflection lists them).
        self.names: list[str] = []
        #: Unary-unary methods the server serves on its lean path (``unary``).
        self.unary = UnaryMethods(pool, broker)

    def register(self, spec: ServiceSpec, handlers: Mapping[str, Handler]) -> None:
        """Serve ``spec`` with one implementation callable per method (sync or async)."""
        check_handlers(spec, handlers)
        self._note(spec.name)
        for method in spec.methods:
            handler = handlers[method.name]
            path = spec.path(method.name)
            self._mapping[path] = GrpclibHandler(
                self._spec_func(method, handler),
                _CARDINALITY[method.kind],
                method.request,
                method.response,
            )
            if method.kind is Kind.UNARY_UNARY and not self._interceptors:
                self.unary.methods[path] = UnaryMethod(
                    handler, _is_async(handler), method.request, method.response
                )

    def _note(self, service_name: str) -> None:
        if service_name in self.reserved:
            raise ValueError(
                f"a plugin cannot serve {service_name}: every go-plugin plugin process already "
                "serves it for the host; give the plugin's proto a package of its own"
            )
        if service_name not in self.names:
            self.names.append(service_name)

    def __mapping__(self) -> dict[str, GrpclibHandler]:
        return self._mapping

    # -- grpcio's registration, for hand-written plugins and the runtime's own services ---------

    def add_generic_rpc_handlers(self, generic_rpc_handlers: Iterable[Any]) -> None:
        """Serve grpcio handlers (``grpc.method_handlers_generic_handler`` objects)."""
        for generic in generic_rpc_handlers:
            method_handlers = getattr(generic, "_method_handlers", None)
            if method_handlers is None:
                self._add_probed(generic)
                continue
            name = getattr(generic, "service_name", None)
            if callable(name):
                self._note(str(name()))
            for path, handler in method_handlers.items():
                self._mapping[path] = self._grpcio_entry(handler)

    def add_registered_method_handlers(
        self, service_name: str, method_handlers: Mapping[str, Any]
    ) -> None:
        self._note(service_name)
        for method, handler in method_handlers.items():
            self._mapping[f"/{service_name}/{method}"] = self._grpcio_entry(handler)

    def add_lazy_stream_stream(self, path: str, generic: Any) -> None:
        """A grpcio generic handler that makes its (bidirectional) handler at the first call."""

        def resolve() -> Any:
            handler = generic.service(_Details(path))
            return None if handler is None else _Serialized(handler)

        self._mapping[path] = GrpclibHandler(
            self._grpcio_func(Kind.STREAM_STREAM, resolve),
            Cardinality.STREAM_STREAM,
            _Functions(None, None),
            _Functions(None, None),
        )

    def _add_probed(self, generic: Any) -> None:
        raise TypeError(
            f"{type(generic).__name__}: only grpc.method_handlers_generic_handler(...) objects "
            "can be registered on this server; use server.register(ServiceSpec, handlers)"
        )

    def _grpcio_entry(self, handler: Any) -> GrpclibHandler:
        kind = _kind_of(handler.request_streaming, handler.response_streaming)
        return GrpclibHandler(
            self._grpcio_func(kind, lambda: handler),
            _CARDINALITY[kind],
            _Functions(None, handler.request_deserializer),
            _Functions(handler.response_serializer, None),
        )

    def _grpcio_func(
        self, kind: Kind, resolve: Callable[[], Any]
    ) -> Callable[[Stream[Any, Any]], Awaitable[None]]:
        attribute = kind.value

        async def serve(stream: Stream[Any, Any]) -> None:
            handler = resolve()
            if handler is None:
                raise GRPCError(Status.UNIMPLEMENTED, "Method not found")
            behaviour = getattr(handler, attribute)
            call = AioCall(stream)
            await self._serve(stream, call, kind, False, lambda request: behaviour(request, call))

        return serve

    # -- serving one call -----------------------------------------------------------------------

    def _spec_func(
        self, method: MethodSpec, handler: Handler
    ) -> Callable[[Stream[Any, Any]], Awaitable[None]]:
        is_async = _is_async(handler)
        kind = method.kind

        async def serve(stream: Stream[Any, Any]) -> None:
            await self._serve(stream, AioCall(stream), kind, is_async, handler)

        return serve

    async def _serve(
        self,
        stream: Stream[Any, Any],
        call: AioCall,
        kind: Kind,
        is_async: bool,
        handler: Handler,
    ) -> None:
        _current_call.set(call)  # type: ignore[arg-type]
        _current_broker.set(self._broker)
        try:
            if self._interceptors:
                await self._intercepted(stream, call, kind, is_async, handler)
            elif is_async:
                await _serve_async(stream, kind, handler, finish=True)
            else:
                await _serve_sync(stream, kind, handler, self._pool, finish=True)
        except GRPCError:
            raise
        except Exception as error:
            raise grpc_error_for(error) from None
        finally:
            call.finish()

    async def _intercepted(
        self, stream: Stream[Any, Any], call: AioCall, kind: Kind, is_async: bool, handler: Handler
    ) -> None:
        """The call inside the interceptors' contexts: they see its exceptions as raised, and
        the sync bridge copies the ``contextvars`` they set into its thread."""
        details = ServerCallDetails(stream._method_name, kind, call.invocation_metadata())
        async with intercepting_async(self._interceptors, details):
            if is_async:
                await _serve_async(stream, kind, handler)
            else:
                await _serve_sync(stream, kind, handler, self._pool)


def _is_async(handler: Handler) -> bool:
    return inspect.iscoroutinefunction(handler) or inspect.isasyncgenfunction(handler)


class _Serialized:
    """A grpcio bidirectional handler seen through a bytes codec: (de)serializes itself."""

    def __init__(self, handler: Any) -> None:
        self._handler = handler

    def stream_stream(self, requests: Iterable[bytes], context: Any) -> Iterable[bytes]:
        deserialize = self._handler.request_deserializer
        serialize = self._handler.response_serializer
        incoming = (deserialize(request) for request in requests)
        for response in self._handler.stream_stream(incoming, context):
            yield serialize(response)


class _Details(NamedTuple):
    """grpcio's ``HandlerCallDetails``, for a generic handler asked for one method."""

    method: str
    invocation_metadata: tuple[tuple[str, str], ...] = ()


def _kind_of(request_streaming: bool, response_streaming: bool) -> Kind:
    if request_streaming:
        return Kind.STREAM_STREAM if response_streaming else Kind.STREAM_UNARY
    return Kind.UNARY_STREAM if response_streaming else Kind.UNARY_UNARY


async def _requests(stream: Stream[Any, Any]) -> AsyncIterator[Any]:
    while (message := await stream.recv_message()) is not None:
        yield message


async def _serve_async(
    stream: Stream[Any, Any], kind: Kind, handler: Handler, *, finish: bool = False
) -> None:
    """``finish``: send the trailers here (see :func:`_finish`); else grpclib sends them."""
    if kind.client_streaming:
        argument: Any = _requests(stream)
    else:
        argument = await stream.recv_message()
    if not kind.server_streaming:
        await stream.send_message(await handler(argument))
    else:
        await _send_async_stream(stream, handler(argument))
    if finish:
        await _finish(stream)


async def _finish(stream: Stream[Any, Any]) -> None:
    """End a call that succeeded: trailers now, and what the call wrote leaves at once.

    grpclib would send the trailers once the handler returns, and the connection's writes
    leave at the end of the loop's turn (``server._CoalescedWrites``): done here, a unary
    reply's headers, message and trailers leave in one write before anything else runs.
    """
    try:
        await stream.send_trailing_metadata()
    except StreamClosedError:  # the host is gone: nobody to tell
        return
    flush = getattr(stream._stream._transport, "flush", None)
    if flush is not None:
        flush()


async def _send_async_stream(stream: Stream[Any, Any], responses: AsyncIterator[Any]) -> None:
    """Send an async generator's messages, as many per HTTP/2 write as it has ready.

    Each ``__anext__`` is stepped by hand: a message the generator produces without waiting
    joins the batch at no cost of a loop turn; when it waits for something (an event, I/O, a
    sleep), the batch goes out first, so a message is never held back behind the next one. A
    full batch goes out and gives the loop a turn (the fairness yield).
    """
    anext = type(responses).__anext__
    frames = Frames(stream)
    step: Any = None
    try:
        while True:
            step = anext(responses)
            try:
                yielded = step.send(None)
            except StopIteration as ready:
                step = None
                if frames.add(ready.value):
                    await frames.flush()
                    await asyncio.sleep(0)
                continue
            except StopAsyncIteration:
                step = None
                break
            except BaseException:  # the generator raised: what it made first goes out first
                step = None
                await frames.flush()
                raise
            if frames.count:  # it waits: what it made so far goes out first
                await frames.flush()
            try:
                message = await _resume(step, yielded)
            except StopAsyncIteration:
                break
            finally:
                step = None  # finished, whatever way
            frames.add(message)
        await frames.flush()
    finally:
        if step is not None:  # stopped (cancelled, host gone) while the generator was waiting
            await _abandon(step)
        await responses.aclose()  # type: ignore[attr-defined]


@types.coroutine
def _resume(step: Any, yielded: Any) -> Generator[Any, Any, Any]:
    """Finish a step that suspended when started by hand: what ``await step`` would have done
    from there (``yielded`` is what it handed the task; what the task sends or throws goes
    on to it)."""
    while True:
        try:
            sent = yield yielded
        except GeneratorExit:
            step.close()
            raise
        except BaseException as error:  # cancellation delivered by the task
            try:
                yielded = step.throw(error)
            except StopIteration as done:
                return done.value
            continue
        try:
            yielded = step.send(sent)
        except StopIteration as done:
            return done.value


async def _abandon(step: Any) -> None:
    """Cancel a suspended step, letting the generator's own cleanup run to its end."""
    try:
        yielded = step.throw(asyncio.CancelledError())
    except (StopIteration, StopAsyncIteration, asyncio.CancelledError):
        return
    with contextlib.suppress(StopAsyncIteration, asyncio.CancelledError):
        await _resume(step, yielded)


async def _serve_sync(
    stream: Stream[Any, Any],
    kind: Kind,
    handler: Handler,
    pool: futures.Executor,
    *,
    finish: bool = False,
) -> None:
    """``finish``: send the trailers here (see :func:`_finish`); else grpclib sends them."""
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()
    if kind.client_streaming:
        argument: Any = SyncRequests(stream.recv_message, loop)
    else:
        argument = await stream.recv_message()
    if not kind.server_streaming:
        flush = getattr(stream._stream._transport, "flush", None)
        response = await call_in_thread(pool, context, handler, argument, flush)
        await stream.send_message(response)
        if finish:
            await _finish(stream)
        return
    # With the trailers ours to send, a short stream made at once may leave from the thread.
    handoff = Handoff(loop, send_now=functools.partial(_send_all_now, stream) if finish else None)
    # A plain pool job: nothing on the loop waits for its end (the END message says it).
    producer = pool.submit(handoff.produce, context, _LazyIterator(handler, argument))
    flush = getattr(stream._stream._transport, "flush", None)
    if flush is not None:  # the request's flow-control update: out before the loop may block
        flush()
    frames = Frames(stream)
    unyielded = 0
    try:
        while True:
            batch = await handoff.take(BATCH_MESSAGES)
            if batch[0] is Handoff.SENT:
                return  # messages and trailers are out: nothing left to send or to finish
            done = batch[-1] is Handoff.END
            if done:
                batch.pop()
            for message in batch:
                if frames.add(message):
                    await frames.flush()
            await frames.flush()
            if done:
                break
            unyielded += len(batch)
            if unyielded >= BATCH_MESSAGES:  # a turn for the other calls
                unyielded = 0
                await asyncio.sleep(0)
    finally:
        handoff.close()
        if producer.done():
            producer.result()
    if finish:
        await _finish(stream)


class Frames:
    """Response messages framed for gRPC, going out together in one HTTP/2 write.

    What ``Stream.send_message`` does per message, once per batch: grpclib's event dispatch
    (which the runtime does not use) and a write per message are most of a stream's cost.
    Reaches into grpclib's stream (pinned to 0.4.x in pyproject).
    """

    __slots__ = ("_chunks", "_encode", "_size", "_stream", "_type", "count")

    def __init__(self, stream: Stream[Any, Any]) -> None:
        self._stream = stream
        self._encode = stream._codec.encode
        self._type = stream._send_type
        self._chunks: list[bytes] = []
        self.count = 0
        self._size = 0

    def add(self, message: Any) -> bool:
        """Frame ``message``; True once the batch is full (time to flush)."""
        data = self._encode(message, self._type)
        self._chunks.append(MESSAGE_HEADER.pack(0, len(data)))
        self._chunks.append(data)
        self.count += 1
        self._size += len(data)
        return self.count >= BATCH_MESSAGES or self._size >= BATCH_BYTES

    async def flush(self) -> None:
        """Send the batch (nothing if it is empty)."""
        count = self.count
        if not count:
            return
        stream = self._stream
        data = b"".join(self._chunks)
        self._chunks = []
        self.count = self._size = 0
        if not stream._send_initial_metadata_done:
            await stream.send_initial_metadata()
        await stream._stream.send_data(data, end_stream=False)
        stream._send_message_done = True
        stream._messages_sent += count
        connection = stream._stream.connection
        connection.messages_sent += count
        connection.last_message_sent = time.monotonic()


def _send_all_now(stream: Stream[Any, Any], messages: list[Any]) -> bool:
    """A whole response stream (headers, ``messages``, trailers) in one write, from the
    producer's thread while the loop is blocked waiting for it (``Handoff._end``); False, with
    nothing sent, when the window, the transport or the stream say wait: the loop sends then.

    Marks grpclib's stream done as ``Frames`` and ``_finish`` would (pinned grpclib 0.4.x).
    """
    if stream._send_initial_metadata_done:
        return False
    encode, send_type = stream._codec.encode, stream._send_type
    payload = b"".join(framed(encode(message, send_type)) for message in messages)
    wire = stream._stream  # grpclib.protocol.Stream
    assert wire.id is not None
    if not send_whole_response(wire.connection, wire.id, payload, stream._content_type):
        return False
    stream._send_initial_metadata_done = True
    stream._send_message_done = bool(messages)
    stream._send_trailing_metadata_done = True
    stream._messages_sent += len(messages)
    connection = wire.connection
    connection.messages_sent += len(messages)
    connection.last_message_sent = time.monotonic()
    return True


class _LazyIterator:
    """Calls the sync method on the first ``next`` (in the producer's thread, not the loop)."""

    def __init__(self, handler: Handler, argument: Any) -> None:
        self._handler = handler
        self._argument = argument
        self._iterator: Any = None

    def __iter__(self) -> _LazyIterator:
        return self

    def __next__(self) -> Any:
        if self._iterator is None:
            self._iterator = iter(self._handler(self._argument))
        return next(self._iterator)

    def close(self) -> None:
        close = getattr(self._iterator, "close", None)
        if close is not None:
            close()
