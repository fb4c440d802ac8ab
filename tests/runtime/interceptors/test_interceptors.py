"""Interceptors and gRPC options on both sides (issue 10, item 9; docs/interceptors.md).

A real host (``goplugin.Client`` with grpcio client interceptors and dial options) calls a real
subprocess plugin (``intercepted_plugin.py``) served with goplugin interceptors on each core.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

import goplugin
from tests.runtime.conftest import PLUGINS
from tests.runtime.plugins.kinds import HANDSHAKE, KindsClient, KindsPlugin

PLUGIN = os.path.join(PLUGINS, "intercepted_plugin.py")

_Details = collections.namedtuple(
    "_Details",
    ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression"),
)


class AddMetadata(
    grpc.UnaryUnaryClientInterceptor,  # type: ignore[type-arg]
    grpc.UnaryStreamClientInterceptor,  # type: ignore[type-arg]
    grpc.StreamUnaryClientInterceptor,  # type: ignore[type-arg]
    grpc.StreamStreamClientInterceptor,  # type: ignore[type-arg]
):
    """A host interceptor adding metadata to every call, as an auth token would be."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self.pairs = pairs
        self.methods: list[str] = []

    def _add(self, continuation: Any, details: Any, request: Any) -> Any:
        self.methods.append(details.method)
        metadata = (*(details.metadata or ()), *self.pairs)
        return continuation(_Details(*details[:2], metadata, *details[3:]), request)

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return self._add(continuation, _as_tuple(details), request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return self._add(continuation, _as_tuple(details), request)

    def intercept_stream_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return self._add(continuation, _as_tuple(details), request)

    def intercept_stream_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return self._add(continuation, _as_tuple(details), request)


def _as_tuple(details: Any) -> _Details:
    return _Details(
        details.method,
        details.timeout,
        details.metadata,
        details.credentials,
        getattr(details, "wait_for_ready", None),
        getattr(details, "compression", None),
    )


MakeClient = Callable[..., goplugin.Client]


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    clients: list[goplugin.Client] = []

    def make(env: dict[str, str], **options: Any) -> goplugin.Client:
        client = goplugin.Client(
            handshake_config=HANDSHAKE,
            plugins={"kinds": KindsPlugin},
            cmd=[sys.executable, PLUGIN],
            env=env,
            start_timeout=30.0,
            **options,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.kill()


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


# (core, async interceptor and implementation)
MODES = [("grpcio", False), ("grpclib", False), ("grpclib", True)]
MODE_IDS = ["grpcio", "grpclib", "grpclib-async"]


@pytest.mark.parametrize(("core", "is_async"), MODES, ids=MODE_IDS)
def test_interceptor_wraps_all_four_kinds(
    make_client: MakeClient, tmp_path: Path, core: str, is_async: bool
) -> None:
    log = tmp_path / "calls.jsonl"
    env = {"GOPLUGIN_CORE": core, "ICPT_LOG": str(log)}
    if is_async:
        env["ICPT_ASYNC"] = "1"
    client = make_client(env, interceptors=[AddMetadata(("x-user", "ada"))])
    kinds = client.dispense("kinds", KindsClient)
    tag = "seen-async" if is_async else "seen"

    assert kinds.upper("hi") == f"{tag}:Upper|HI"
    assert [m.value for m in kinds.repeat("2")] == [
        f"message 0|{tag}:Repeat",
        f"message 1|{tag}:Repeat",
    ]
    assert kinds.join(["a", "b"]) == "a+b"
    assert kinds.shout(["x", "y"]) == ["X!", "Y!"]
    client.kill()

    records = _records(log)
    entered = {r["entered"]: r for r in records if "entered" in r}
    left = {r["left"]: r for r in records if "left" in r}
    for name, kind in [
        ("Upper", "unary_unary"),
        ("Repeat", "unary_stream"),
        ("Join", "stream_unary"),
        ("Shout", "stream_stream"),
    ]:
        method = f"/pyplugintest.Kinds/{name}"
        assert entered[method] == {
            "entered": method,
            "service": "pyplugintest.Kinds",
            "name": name,
            "kind": kind,
            "user": "ada",
        }
        assert left[method] == {"left": method, "error": None}
    # go-plugin's own services are served through the interceptors too, as in Go.
    assert "/plugin.GRPCStdio/StreamStdio" in entered
    assert "/plugin.GRPCController/Shutdown" in entered


@pytest.mark.parametrize(("core", "is_async"), MODES, ids=MODE_IDS)
def test_interceptor_sees_the_implementations_exception_as_raised(
    make_client: MakeClient, tmp_path: Path, core: str, is_async: bool
) -> None:
    log = tmp_path / "calls.jsonl"
    env = {"GOPLUGIN_CORE": core, "ICPT_LOG": str(log)}
    if is_async:
        env["ICPT_ASYNC"] = "1"
    kinds = make_client(env).dispense("kinds", KindsClient)

    with pytest.raises(goplugin.UnknownError) as caught:
        kinds.upper("boom")

    assert caught.value.details == "ValueError: boom"
    left = [r for r in _records(log) if r.get("left") == "/pyplugintest.Kinds/Upper"]
    assert left == [{"left": "/pyplugintest.Kinds/Upper", "error": "ValueError"}]


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_auth_interceptor_refuses_a_host_without_the_token(
    make_client: MakeClient, core: str
) -> None:
    env = {"GOPLUGIN_CORE": core, "ICPT_TOKEN": "s3cret"}
    stranger = make_client(env, interceptors=[AddMetadata(("authorization", "Bearer guess"))])
    kinds = stranger.dispense("kinds", KindsClient)

    with pytest.raises(goplugin.UnauthenticatedError) as caught:
        kinds.upper("hi")
    assert caught.value.details == "/pyplugintest.Kinds/Upper: no valid token"
    with pytest.raises(goplugin.UnauthenticatedError):
        list(kinds.repeat("2"))


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_host_interceptors_carry_the_token_on_every_call(
    make_client: MakeClient, core: str
) -> None:
    env = {"GOPLUGIN_CORE": core, "ICPT_TOKEN": "s3cret"}
    token = AddMetadata(("authorization", "Bearer s3cret"))
    client = make_client(env, interceptors=[token])
    kinds = client.dispense("kinds", KindsClient)

    assert kinds.upper("hi") == "none|HI"
    assert kinds.join(["a", "b"]) == "a+b"
    assert kinds.shout(["x"]) == ["X!"]
    client.ping()
    client.kill()

    # go-plugin's own calls carried it too: the plugin took Shutdown and exited by itself,
    # rather than being killed when the host's Shutdown was refused.
    assert client.returncode == 0
    assert "/plugin.GRPCController/Shutdown" in token.methods
    assert "/plugin.GRPCStdio/StreamStdio" in token.methods


@pytest.mark.parametrize(
    ("option", "cause"),
    [
        ("ICPT_SERVER_OPTIONS", "serve(grpc_server_options=...) configures a grpcio server"),
        (
            "ICPT_NATIVE",
            "serve(interceptors=...)[0] (<__main__._NativeInterceptor object at 0x",
        ),
    ],
)
def test_grpclib_core_refuses_grpcio_only_settings_by_name(
    make_client: MakeClient, option: str, cause: str
) -> None:
    client = make_client({"GOPLUGIN_CORE": "grpclib", option: "1"})

    with pytest.raises(goplugin.PluginExitedError) as caught:
        client.start()

    assert f"plugin failed to start: {cause}" in str(caught.value)
    if option == "ICPT_NATIVE":
        assert "is a grpc.ServerInterceptor, which only the grpcio core runs" in str(caught.value)


def test_grpc_server_options_reach_the_grpcio_server(make_client: MakeClient) -> None:
    env = {"GOPLUGIN_CORE": "grpcio", "ICPT_SERVER_OPTIONS": "1", "ICPT_NATIVE": "1"}
    kinds = make_client(env).dispense("kinds", KindsClient)

    assert kinds.upper("short") == "none|SHORT"
    with pytest.raises(goplugin.ResourceExhaustedError):
        kinds.upper("x" * 200)  # over the plugin's 64-byte receive limit


@pytest.mark.parametrize("auto_mtls", [True, False], ids=["automtls", "plaintext"])
@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_dial_options_reach_the_host_channel(
    make_client: MakeClient, core: str, auto_mtls: bool
) -> None:
    client = make_client(
        {"GOPLUGIN_CORE": core},
        auto_mtls=auto_mtls,
        grpc_dial_options=[("grpc.max_receive_message_length", 64)],
    )
    kinds = client.dispense("kinds", KindsClient)

    assert kinds.upper("short") == "none|SHORT"
    with pytest.raises(goplugin.ResourceExhaustedError):
        kinds.upper("x" * 200)  # the reply is over the host's 64-byte receive limit


def test_client_refuses_what_its_channel_cannot_take() -> None:
    def make(**options: Any) -> goplugin.Client:
        return goplugin.Client(
            handshake_config=HANDSHAKE, plugins={"kinds": KindsPlugin}, cmd=["true"], **options
        )

    with pytest.raises(TypeError, match=r"grpc_dial_options=\.\.\.\)\[0\] is 'grpc.x'"):
        make(grpc_dial_options=["grpc.x"])
    with pytest.raises(TypeError, match=r"\[0\] \(object\) is not a grpcio client interceptor"):
        make(interceptors=[object()])

    class AioInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
        async def intercept_unary_unary(self, *args: Any) -> Any:
            raise AssertionError

    with pytest.raises(TypeError, match=r"pass it to goplugin\.AsyncClient"):
        make(interceptors=[AioInterceptor()])


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_a_plugin_in_debug_mode_runs_its_interceptors(
    monkeypatch: pytest.MonkeyPatch, core: str
) -> None:
    from tests.testing.test_reattach import reattach_config, start_debug_plugin

    monkeypatch.setenv("GOPLUGIN_CORE", core)
    monkeypatch.setenv("ICPT_TOKEN", "s3cret")
    proc, output = start_debug_plugin(PLUGIN)
    try:
        config = reattach_config(output)
        for pairs, answer in [((), None), ((("authorization", "Bearer s3cret"),), "none|HI")]:
            with goplugin.Client(
                handshake_config=HANDSHAKE,
                plugins={"kinds": KindsPlugin},
                reattach=config,
                interceptors=[AddMetadata(*pairs)],
            ) as client:
                kinds = client.dispense("kinds", KindsClient)
                if answer is None:
                    with pytest.raises(goplugin.UnauthenticatedError):
                        kinds.upper("hi")
                else:
                    assert kinds.upper("hi") == answer
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()
        proc.stdout.close()


def _aio_details(client_call_details: Any, pairs: tuple[tuple[str, str], ...]) -> Any:
    metadata = grpc.aio.Metadata(*(client_call_details.metadata or ()), *pairs)
    return client_call_details._replace(metadata=metadata)


class AioAddMetadata(grpc.aio.UnaryUnaryClientInterceptor):
    """An async host's interceptor adding metadata (grpc.aio's own interface)."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self.pairs = pairs

    async def intercept_unary_unary(
        self, continuation: Any, client_call_details: Any, request: Any
    ) -> Any:
        return await continuation(_aio_details(client_call_details, self.pairs), request)


class AioStreamAddMetadata(grpc.aio.UnaryStreamClientInterceptor):
    """The same for server streams: grpc.aio files an interceptor under one kind only."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self.pairs = pairs

    async def intercept_unary_stream(
        self, continuation: Any, client_call_details: Any, request: Any
    ) -> Any:
        return await continuation(_aio_details(client_call_details, self.pairs), request)


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_async_client_takes_aio_interceptors_and_dial_options(tmp_path: Path, core: str) -> None:
    from google.protobuf.wrappers_pb2 import StringValue

    from tests.runtime.plugins.kinds import SERVICE

    log = tmp_path / "calls.jsonl"

    async def run() -> None:
        async with goplugin.AsyncClient(
            handshake_config=HANDSHAKE,
            plugins={"kinds": KindsPlugin},
            cmd=[sys.executable, PLUGIN],
            env={"GOPLUGIN_CORE": core, "ICPT_LOG": str(log)},
            start_timeout=30.0,
            interceptors=[
                AioAddMetadata(("x-user", "grace")),
                AioStreamAddMetadata(("x-user", "grace")),
            ],
            grpc_dial_options=[("grpc.max_receive_message_length", 64)],
        ) as client:
            upper = client.channel.method(SERVICE, "Upper")
            reply = await upper(StringValue(value="short"))
            assert reply.value == "seen:Upper|SHORT"
            with pytest.raises(goplugin.ResourceExhaustedError):
                await upper(StringValue(value="x" * 200))  # over the host's 64-byte limit
            # A server stream passes through the interceptors too (it stays on grpc.aio).
            repeat = client.channel.method(SERVICE, "Repeat")
            assert [reply.value async for reply in repeat(StringValue(value="2"))] == [
                "message 0|seen:Repeat",
                "message 1|seen:Repeat",
            ]

    asyncio.run(run())
    for method in ("Upper", "Repeat"):
        entered = f"/pyplugintest.Kinds/{method}"
        users = {r["user"] for r in _records(log) if r.get("entered") == entered}
        assert users == {"grace"}, method


def test_async_client_refuses_sync_interceptors() -> None:
    with pytest.raises(TypeError, match=r"\[0\] \(AddMetadata\) is not a grpc\.aio client"):
        goplugin.AsyncClient(
            handshake_config=HANDSHAKE,
            plugins={"kinds": KindsPlugin},
            cmd=["true"],
            interceptors=[AddMetadata()],
        )
