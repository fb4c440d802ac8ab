"""A lean path for unary-unary calls on the grpclib core.

grpclib serves every call through ``request_handler``: a headers dict, metadata decoded up
front, a ``Stream`` object with its event dispatch, deadline and cancellation wrappers built
from context managers, and the reply sent as three separately dispatched steps. For a unary
call that is most of what the plugin spends outside h2 itself. Here a unary-unary method the
registry marked lean (no interceptors) is served by a ``UnaryCall``: the request handed over
whole by ``reads`` (or read from grpclib's stream when h2 read it), the method run, headers,
message and trailers written in one go (``whole_response``). A call starts at the end of the
read that brought its request (``UnaryCall.start``), and most end there: a sync method's
without a task, an async method's in its task's first step, taken at once.

Everything unusual takes grpclib's own path, chosen before any byte is read: a request whose
headers grpclib would refuse (method, content type, ``te``, a malformed ``grpc-timeout``), any
streaming method, any method under interceptors. What stays the same as grpclib: a call that
waits is a task registered with grpclib's handler, so an RST_STREAM from the host or the server
closing cancels it; the host's ``grpc-timeout`` cancels it and answers DEADLINE_EXCEEDED; flow
control is grpclib's (the request's bytes are acknowledged as read, the reply waits for window
and a paused transport); statuses and messages are those of ``registry``'s error mapping.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import struct
from collections.abc import Callable, Iterable, Mapping
from concurrent import futures
from typing import TYPE_CHECKING, Any, NamedTuple

from grpclib.const import Status
from grpclib.encoding.base import GRPC_CONTENT_TYPE
from grpclib.exceptions import GRPCError
from grpclib.metadata import Deadline, decode_metadata, decode_timeout, encode_grpc_message
from grpclib.protocol import AbstractHandler, Peer
from h2.exceptions import StreamClosedError

from goplugin.calls import _current_broker, _current_call
from goplugin.errors import RPCError
from goplugin.grpclib_core.bridge import ThreadJob, job_outcome, start_in_thread
from goplugin.grpclib_core.call import AioCall, grpc_error_for
from goplugin.grpclib_core.lean.first_step import FirstStepTaken, take_first_step
from goplugin.grpclib_core.lean.whole_response import OK_TRAILERS, send_whole_response

if TYPE_CHECKING:
    from grpclib.encoding.base import CodecBase
    from grpclib.protocol import Connection, EventsProcessor, Stream
    from grpclib.server import Handler

    from goplugin.broker import GRPCBroker

_log = logging.getLogger("goplugin.server")

#: A gRPC message's prefix on the stream: compressed flag, length.
MESSAGE_HEADER = struct.Struct(">BI")
_CONTENT_TYPE = GRPC_CONTENT_TYPE + "+proto"
_CONTENT_TYPES = frozenset((GRPC_CONTENT_TYPE, _CONTENT_TYPE))
#: What a method raises to answer with a status of its choosing, even past its deadline.
_ANSWERS = (GRPCError, RPCError, NotImplementedError)


class UnaryMethod(NamedTuple):
    """A unary-unary method served on the lean path."""

    handler: Callable[[Any], Any]
    is_async: bool
    request: Any
    response: Any


class UnaryMethods:
    """What the lean path needs from the registry: its methods and where sync ones run."""

    def __init__(self, pool: futures.Executor, broker: GRPCBroker | None) -> None:
        self.pool = pool
        self.broker = broker
        self.methods: dict[str, UnaryMethod] = {}


class LeanHandler(AbstractHandler):
    """grpclib's connection handler, serving the lean methods' calls itself."""

    def __init__(self, inner: Handler, unary: UnaryMethods, codec: CodecBase) -> None:
        self._inner = inner
        self._unary = unary
        self._methods: Mapping[str, UnaryMethod] = unary.methods
        self._codec = codec
        #: The connection's grpclib events processor (``server._Protocol``): calls that
        #: ``reads`` started get a grpclib stream from it when they need one.
        self.processor: EventsProcessor | None = None
        #: Calls whose headers the read being processed brought (``start_arrived``).
        self._arrived: list[UnaryCall] = []
        self._start_later: asyncio.Handle | None = None

    @property
    def closing(self) -> bool:
        return self._inner.closing

    def lean_method(
        self, headers: Iterable[tuple[str, str]]
    ) -> tuple[UnaryMethod, float | None] | None:
        """The lean method these request headers call, and the host's timeout; None when
        grpclib answers the call (not a lean method, or headers it would refuse)."""
        path = content_type = te = http_method = None
        timeout: float | None = None
        try:
            for key, value in headers:
                if key == ":path":
                    path = value
                elif key == "content-type":
                    content_type = value
                elif key == "te":
                    te = value
                elif key == ":method":
                    http_method = value
                elif key == "grpc-timeout":
                    seconds = decode_timeout(value)
                    timeout = seconds if timeout is None else min(timeout, seconds)
        except ValueError:  # grpclib answers a malformed grpc-timeout itself
            return None
        if (
            http_method != "POST"
            or te != "trailers"
            or content_type not in _CONTENT_TYPES
            or path is None
        ):
            return None
        method = self._methods.get(path)
        return None if method is None else (method, timeout)

    def accept(
        self, stream: Stream, headers: list[tuple[str, str]], release_stream: Callable[[], Any]
    ) -> None:
        chosen = self.lean_method(headers)
        if chosen is None:
            self._inner.accept(stream, headers, release_stream)
            return
        self._inner.__gc_step__()
        assert stream.id is not None
        method, timeout = chosen
        call = UnaryCall(self, stream.connection, stream.id, method, headers, timeout)
        call.stream, call.release = stream, release_stream
        # Its request usually came in the same read, and is processed next: the call starts
        # once it is (the connection calls start_arrived after each read; else a turn of the
        # loop does).
        self.arrived(call)

    def arrived(self, call: UnaryCall, start_later: bool = True) -> None:
        """``call`` starts at the end of the read that brought it (``start_arrived``), or
        on the loop's next turn if nothing calls that (``start_later``)."""
        self._arrived.append(call)
        if start_later and self._start_later is None:
            self._start_later = self._inner.loop.call_soon(self.start_arrived)

    def start_arrived(self) -> None:
        """Start the calls the last read brought: each runs at once when its whole request is
        here (:meth:`UnaryCall.start`)."""
        if self._start_later is not None:
            self._start_later.cancel()  # cancelled, it no longer keeps the loop from idling
            self._start_later = None
        calls, self._arrived = self._arrived, []
        last = len(calls) - 1
        for index, call in enumerate(calls):
            # Only the last may keep the loop waiting for a sync method: the others start
            # without waiting, so a burst of calls reaches the pool at once.
            call.start(may_wait=index == last)

    def open_stream(self, stream_id: int) -> tuple[Stream, Callable[[], Any]]:
        """A grpclib stream for a call ``reads`` started, whose request was read whole:
        registered with the connection, so a reset from the host or the server closing reaches
        the call's task as for any other."""
        processor = self.processor
        assert processor is not None
        stream = processor.connection.create_stream(stream_id=stream_id)
        stream.buffer.eof()
        return stream, processor.register(stream)

    def watch(self, stream: Stream, task: asyncio.Task[None]) -> None:
        """``task`` is cancelled when the host resets ``stream`` or the server closes."""
        self._inner.__gc_step__()
        self._inner._tasks[stream] = task

    def cancel(self, stream: Stream) -> None:
        self._inner.cancel(stream)

    def close(self) -> None:
        self._inner.close()


class _View:
    """What ``AioCall`` reads of a call: its deadline, metadata and peer (decoded on demand)."""

    def __init__(self, transport: Any, headers: list[tuple[str, str]], timeout: float | None):
        self._transport = transport
        self._headers = headers
        self._metadata: Any = None
        self.deadline: Deadline | None = None
        if timeout is not None:
            self.deadline = Deadline.from_timeout(timeout)

    @property
    def metadata(self) -> Any:
        if self._metadata is None:
            self._metadata = decode_metadata(self._headers)
        return self._metadata

    @property
    def peer(self) -> Peer:
        return Peer(self._transport)


class UnaryCall:
    """One lean unary call: read, run, reply.

    A call whose request is all here when it starts runs at once (:meth:`start`). A sync
    method's call then usually ends with the method's thread sending the reply while the loop
    waits: no task made, no extra turn of the loop (about 30 µs of each call); anything else is
    the call's task (:meth:`serve`), taking over where the start stopped. An async method's
    call is its task, whose first step (usually the whole call) is taken at once
    (``first_step``).

    A call ``reads`` started has no grpclib stream until it needs one (``wire``): a reply
    that leaves at once is written on its HTTP/2 stream id alone.
    """

    __slots__ = (
        "_connection",
        "_handler",
        "_headers",
        "_method",
        "_stream_id",
        "_timeout",
        "release",
        "request",
        "stream",
        "task",
    )

    def __init__(
        self,
        handler: LeanHandler,
        connection: Connection,
        stream_id: int,
        method: UnaryMethod,
        headers: list[tuple[str, str]],
        timeout: float | None,
        request: bytes | None = None,
    ) -> None:
        self._handler = handler
        self._connection = connection
        self._stream_id = stream_id
        self._method = method
        self._headers = headers
        self._timeout = timeout
        #: The request's message, when the read that opened the call brought it whole.
        self.request = request
        #: grpclib's stream and its release; None until the call needs them (``wire``).
        self.stream: Stream | None = None
        self.release: Callable[[], Any] | None = None
        self.task: asyncio.Task[None] | None = None

    @property
    def wire(self) -> Stream:
        """The call's grpclib stream, opened now if it has none yet."""
        if self.stream is None:
            self.stream, self.release = self._handler.open_stream(self._stream_id)
        return self.stream

    def _released(self) -> None:
        if self.release is not None:
            self.release()

    def start(self, may_wait: bool = True) -> None:
        """Run the method now if the request has ended and its message is here: a sync one in
        its thread, what is left (waiting for a slow method, a reply the thread could not send,
        an error to answer) going to the call's task; an async one as its task's first step.
        ``may_wait``: the loop may wait for a sync method, blocked, if it has nothing else to
        run (``bridge.start_in_thread``)."""
        message = self.request
        if message is None:
            assert self.stream is not None
            message = take_whole_message(self.stream)
        if message is None:
            self.start_task()
            return
        if self._method.is_async:
            self._start_stepped(message)
            return
        try:
            request = self._handler._codec.decode(message, self._method.request)
        except GRPCError:  # (``registry.Codec``: INTERNAL) the task meets it again, answers it
            self.start_task(message=message)
            return
        context = self._context()
        job = self._start_job(request, context, may_wait)
        if job.answered:
            context.finish()
            self._released()
            return
        self.start_task(job=job, context=context)

    def start_task(
        self,
        message: bytes | None = None,
        job: ThreadJob | None = None,
        context: AioCall | None = None,
    ) -> None:
        task = self._handler._inner.loop.create_task(self.serve(message, job, context))
        self.task = task
        self._handler.watch(self.wire, task)

    def _start_stepped(self, message: bytes) -> None:
        """The call's task, its first step taken now (the reply usually leaves in it)."""
        loop = self._handler._inner.loop
        variables = contextvars.copy_context()
        coroutine = FirstStepTaken(self.serve(message))
        task = loop.create_task(coroutine, context=variables)
        self.task = task
        watched = self.stream is not None
        if watched:
            self._handler.watch(self.wire, task)
        take_first_step(loop, task, variables, coroutine)
        if not watched and coroutine.waiting:  # a reset from the host must reach it
            self._handler.watch(self.wire, task)

    def _context(self) -> AioCall:
        view = _View(self._connection._transport, self._headers, self._timeout)
        return AioCall(view)  # type: ignore[arg-type]

    def _start_job(self, request: Any, context: AioCall, may_wait: bool = True) -> ThreadJob:
        """The sync method started in a pool thread, inside a copy of this context with the
        call's ``current_call()`` and ``current_broker()``."""
        unary = self._handler._unary
        variables = contextvars.copy_context()
        variables.run(_enter, context, unary.broker)
        return start_in_thread(
            self._handler._inner.loop,
            unary.pool,
            variables,
            self._method.handler,
            request,
            getattr(self._connection._transport, "flush", None),
            self._reply_from_thread,
            may_wait,
        )

    def _reply_from_thread(self, response: Any) -> bool:
        # Runs in the method's thread while the loop is blocked waiting for it.
        reply = self._handler._codec.encode(response, self._method.response)
        return self.reply_now(reply)

    def reply_now(self, reply: bytes) -> bool:
        """The reply in one write, if it can leave at once."""
        return send_whole_response(self._connection, self._stream_id, framed(reply), _CONTENT_TYPE)

    async def serve(
        self,
        message: bytes | None = None,
        job: ThreadJob | None = None,
        context: AioCall | None = None,
    ) -> None:
        """The call as a task: from the start, or from ``message`` read, or from ``job``
        started (with ``context``, the call's ``current_call()``)."""
        if context is None:
            context = self._context()
        expired: list[bool] = []
        timer = None
        if self._timeout is not None:
            timer = asyncio.get_running_loop().call_later(self._timeout, self._expire, expired)
        try:
            try:
                _enter(context, self._handler._unary.broker)
                reply = await self._run(message, job, context)
            except asyncio.CancelledError:
                if not expired:  # the host reset the stream, or the server is closing
                    raise
                await _fail(self.wire, Status.DEADLINE_EXCEEDED, None)
                return
            except Exception as error:
                if expired and not isinstance(error, _ANSWERS):
                    await _fail(self.wire, Status.DEADLINE_EXCEEDED, None)
                    return
                failure = grpc_error_for(error)
                await _fail(self.wire, failure.status, failure.message)
                return
            if timer is not None:
                timer.cancel()
            if reply is not None:  # else the method's thread has sent it
                await self._reply(reply)
        except StreamClosedError:  # the host is gone: nobody to tell
            pass
        except asyncio.CancelledError:
            raise
        except Exception:
            _log.exception("a unary call's reply failed")
        finally:
            if timer is not None:
                timer.cancel()
            context.finish()
            self._released()

    async def _run(
        self, message: bytes | None, job: ThreadJob | None, context: AioCall
    ) -> bytes | None:
        """The request read, the method run, the reply encoded (None: already sent)."""
        codec, method = self._handler._codec, self._method
        if job is None:
            if message is None:
                message = await _read_message(self.wire)
            request = codec.decode(message, method.request)
            if method.is_async:
                return codec.encode(await method.handler(request), method.response)
            job = self._start_job(request, context)
        response, replied = await job_outcome(job)
        return None if replied else codec.encode(response, method.response)

    async def _reply(self, reply: bytes) -> None:
        """Headers, message and trailers; in one write when the window and the transport
        allow, else through grpclib's own steps (which wait for both)."""
        if not self.reply_now(reply):
            stream = self.wire
            await stream.send_headers(_OK_HEADERS)
            await stream.send_data(framed(reply))
            await stream.send_headers(OK_TRAILERS, end_stream=True)
        _flush(self._connection._transport)

    def _expire(self, expired: list[bool]) -> None:
        expired.append(True)
        if self.task is not None:
            self.task.cancel()


def _enter(context: AioCall, broker: GRPCBroker | None) -> None:
    _current_call.set(context)  # type: ignore[arg-type]
    _current_broker.set(broker)


def take_whole_message(stream: Stream) -> bytes | None:
    """The request's one message, taken from grpclib's buffer without waiting, when the request
    has ended and is exactly one uncompressed message; None, the buffer left as it was,
    otherwise (the task reads it, and answers what is wrong with it).

    Acknowledges the bytes to flow control as grpclib's own read does (pinned grpclib 0.4.x:
    the buffer's queue of unacknowledged chunks, its end mark and its acknowledgement).
    """
    buffer = stream.buffer
    if not buffer._eof or buffer._acked:  # not ended yet, or a read has begun
        return None
    queue = buffer._unacked
    chunks = [queue.get_nowait() for _ in range(queue.qsize())]
    message = one_message(b"".join(chunk.data for chunk in chunks))
    if message is not None:
        for chunk in chunks:
            if chunk.ack_size:
                buffer._ack_callback(chunk.ack_size)
        return message
    for chunk in chunks:
        queue.put_nowait(chunk)
    return None


def one_message(data: bytes) -> bytes | None:
    """The message ``data`` frames, when it is exactly one uncompressed gRPC message."""
    if len(data) < 5 or data[0] != 0 or int.from_bytes(data[1:5], "big") != len(data) - 5:
        return None
    return data[5:]


async def _read_message(stream: Stream) -> bytes:
    """The request's one message (grpclib acknowledges its bytes to flow control as read)."""
    meta = await stream.recv_data(5)
    if len(meta) < 5:
        raise GRPCError(Status.INTERNAL, "the request has no message")
    flag, size = MESSAGE_HEADER.unpack(meta)
    if flag:
        raise GRPCError(Status.UNIMPLEMENTED, "compressed messages are not supported")
    try:
        data = await stream.recv_data(size)
    except AssertionError:  # grpclib's buffer: the stream ended first
        data = b""
    if len(data) != size:
        raise GRPCError(Status.INTERNAL, "the request's message is cut short")
    return data


_OK_HEADERS = [(":status", "200"), ("content-type", _CONTENT_TYPE)]


def framed(message: bytes) -> bytes:
    """``message`` as gRPC puts it on a stream: uncompressed flag, length, bytes."""
    return MESSAGE_HEADER.pack(0, len(message)) + message


async def _fail(stream: Stream, status: Status, message: str | None) -> None:
    """A trailers-only answer with ``status``, then the stream reset (as grpclib does)."""
    headers = [
        (":status", "200"),
        ("content-type", _CONTENT_TYPE),
        ("grpc-status", str(status.value)),
    ]
    if message is not None:
        headers.append(("grpc-message", encode_grpc_message(message)))
    try:
        await stream.send_headers(headers, end_stream=True)
    except StreamClosedError:
        return
    if stream.closable:
        stream.reset_nowait()
    _flush(stream._transport)


def _flush(transport: Any) -> None:
    """What the call wrote leaves now (``server._CoalescedWrites``), not after the turn."""
    flush = getattr(transport, "flush", None)
    if flush is not None:
        flush()
