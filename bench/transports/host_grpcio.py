"""Bench host on grpcio's sync channel as ``goplugin.Client`` holds it: threads for concurrency.

The greeter's calls go through Client's own channel stack (its channel arguments, and the
interceptor giving typed errors, call options and the stream reader's fairness yield), so the
figures are what a goplugin host pays; the stdio and broker streams are drained as go-plugin's
host drains them.

See ``host_common.py`` for the phases; usage ``host_grpcio.py CONFIG.json > RESULTS.json``.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
from typing import Any

import grpc
from host_common import Config, Launched, Results, launch, load_config, load_stub, now, rotated

from goplugin.channels.client_channel import intercepted
from goplugin.channels.grpc_options import sync_channel_options
from goplugin.constants import GRPC_MESSAGE_OPTIONS
from goplugin.errors import PluginError, rpc_error_for

greeter_pb2 = load_stub("greeter_pb2")
greeter_pb2_grpc = load_stub("greeter_pb2_grpc")
stdio_pb2 = load_stub("grpc_stdio_pb2")
broker_pb2 = load_stub("grpc_broker_pb2")
controller_pb2 = load_stub("grpc_controller_pb2")
from google.protobuf import empty_pb2  # noqa: E402

_END = None

#: The channel arguments goplugin.Client's sync channel carries (server streams read on the
#: calling thread).
CHANNEL_OPTIONS = sync_channel_options(GRPC_MESSAGE_OPTIONS)


def _typed(error: grpc.RpcError, method: str) -> PluginError:
    return rpc_error_for(error.code(), error.details() or "")


class Session:
    """One plugin as a go-plugin host holds it: channel, stdio and broker streams drained."""

    def __init__(self, name: str, cmd: list[str], timeout: float) -> None:
        self.plugin: Launched = launch(name, cmd)
        self.timeout = timeout
        self.channel = grpc.insecure_channel(self.plugin.target, options=CHANNEL_OPTIONS)
        self.stub = greeter_pb2_grpc.GreeterStub(intercepted(self.channel, _typed))
        stdio = self.channel.unary_stream(
            "/plugin.GRPCStdio/StreamStdio",
            request_serializer=empty_pb2.Empty.SerializeToString,
            response_deserializer=stdio_pb2.StdioData.FromString,
        )
        broker = self.channel.stream_stream(
            "/plugin.GRPCBroker/StartStream",
            request_serializer=broker_pb2.ConnInfo.SerializeToString,
            response_deserializer=broker_pb2.ConnInfo.FromString,
        )
        self._outgoing: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._side = [stdio(empty_pb2.Empty()), broker(iter(self._outgoing.get, _END))]
        for call in self._side:
            threading.Thread(target=_drain, args=(call,), daemon=True).start()

    def greet(self) -> None:
        reply = self.stub.Greet(greeter_pb2.GreetRequest(name="bench"), timeout=self.timeout)
        if not reply.greeting:
            raise RuntimeError("empty greeting")

    def stream(self, count: int) -> int:
        request = greeter_pb2.GreetRequest(name="bench", locale=f"count={count}")
        n = 0
        for reply in self.stub.GreetStream(request, timeout=self.timeout):
            if not reply.greeting:
                raise RuntimeError("empty greeting")
            n += 1
        if n != count:
            raise RuntimeError(f"{self.plugin.name}: {n} messages, asked for {count}")
        return n

    def kill(self) -> None:
        shutdown = self.channel.unary_unary(
            "/plugin.GRPCController/Shutdown",
            request_serializer=controller_pb2.Empty.SerializeToString,
            response_deserializer=controller_pb2.Empty.FromString,
        )
        with contextlib.suppress(grpc.RpcError):  # go-plugin ignores Shutdown's error too
            shutdown(controller_pb2.Empty(), timeout=KILL_TIMEOUT)
        self._outgoing.put(_END)
        for call in self._side:
            call.cancel()
        self.channel.close()
        self.plugin.wait_exit()


KILL_TIMEOUT = 2.0


def _drain(call: Any) -> None:
    try:
        for _ in call:
            pass
    except grpc.RpcError:
        pass


def mixed(session: Any, cfg: Config) -> dict[str, Any]:
    """Long streams and unary workers, all released at once by one barrier."""
    parties = cfg.mixed_streams + cfg.mixed_workers
    barrier = threading.Barrier(parties + 1)
    latencies: list[list[float]] = [[] for _ in range(cfg.mixed_workers)]
    finished: list[float] = [0.0] * cfg.mixed_streams
    errors: list[BaseException] = []
    start = [0.0]

    def streamer(i: int) -> None:
        barrier.wait()
        try:
            session.stream(cfg.mixed_stream_count)
        except BaseException as error:
            errors.append(error)
        finished[i] = now() - start[0]

    def worker(i: int) -> None:
        own = latencies[i]
        barrier.wait()
        try:
            for _ in range(cfg.mixed_calls):
                t0 = now()
                session.greet()
                own.append(now() - t0)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=streamer, args=(i,)) for i in range(cfg.mixed_streams)]
    threads += [threading.Thread(target=worker, args=(i,)) for i in range(cfg.mixed_workers)]
    for thread in threads:
        thread.start()
    start[0] = now()
    barrier.wait()
    for thread in threads:
        thread.join()
    wall = now() - start[0]
    if errors:
        raise RuntimeError(f"{session.plugin.name} mixed load: {errors[0]!r}")
    return {
        "unary": [x for own in latencies for x in own],
        "stream_finish": sorted(finished),
        "wall": wall,
    }


def run(cfg: Config, open_session: Any = None) -> Results:
    """The phases; ``open_session(name, cmd, timeout)`` (default ``Session``) gives a session."""
    open_session = open_session or Session
    res = Results()
    names = [v["name"] for v in cfg.variants]
    cmds = {v["name"]: v["cmd"] for v in cfg.variants}
    timeout = cfg.call_timeout_seconds
    for round_ in range(cfg.startup_warmup + cfg.startup_rounds):
        for i in rotated(len(names), round_):
            t0 = now()
            session = open_session(names[i], cmds[names[i]], timeout)
            session.greet()
            elapsed = now() - t0
            session.kill()
            if round_ >= cfg.startup_warmup:
                res.startup.setdefault(names[i], []).append(elapsed)

    sessions = {name: open_session(name, cmds[name], timeout) for name in names}
    try:
        for session in sessions.values():
            session.greet()
        threading.Event().wait(cfg.idle_settle_seconds)
        for name, session in sessions.items():
            res.idle_rss_kb[name] = session.plugin.rss_kb()

        for call in range(cfg.warmup + cfg.unary_calls):
            for i in rotated(len(names), call):
                t0 = now()
                sessions[names[i]].greet()
                if call >= cfg.warmup:
                    res.unary.setdefault(names[i], []).append(now() - t0)

        for session in sessions.values():
            session.stream(100)  # the first stream pays for lazy setup everywhere
        for rep in range(cfg.stream_reps):
            for i in rotated(len(names), rep):
                t0 = now()
                n = sessions[names[i]].stream(cfg.stream_count)
                res.stream.setdefault(names[i], []).append({"seconds": now() - t0, "messages": n})

        for rep in range(cfg.short_reps):
            for i in rotated(len(names), rep):
                t0 = now()
                sessions[names[i]].stream(cfg.short_count)
                res.short.setdefault(names[i], []).append(now() - t0)

        for rep in range(cfg.mixed_reps):
            for i in rotated(len(names), rep):
                res.mixed.setdefault(names[i], []).append(mixed(sessions[names[i]], cfg))
    finally:
        for session in sessions.values():
            session.kill()
    return res


if __name__ == "__main__":
    run(load_config(sys.argv)).dump()
