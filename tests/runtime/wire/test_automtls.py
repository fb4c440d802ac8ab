"""AutoMTLS between a Python host and a Python plugin, and a user's own TLS configuration.

Every test runs real plugin processes. The ``go-like`` plugin makes P-521 certificates and does
its TLS through the ``ssl`` shim, as a Go peer needs it, so the shim's paths (host and plugin,
serving and dialling, broker included) are covered here without Go; tests/interop has Go.
"""

from __future__ import annotations

import glob
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator

import grpc
import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from goplugin.security import certs
from tests.runtime.conftest import PLUGINS, MakeClient
from tests.runtime.plugins.echo import HANDSHAKE, HOST_SERVICE, call_string
from tests.support.bare_plugin import host_env

TLS_PLUGIN = os.path.join(PLUGINS, "tls_plugin.py")


def tls_plugin(mode: str = "", **env: str) -> dict[str, object]:
    return {"cmd": [sys.executable, TLS_PLUGIN], "env": {"TLS_PLUGIN_MODE": mode, **env}}


def register_host_service(server: grpc.Server) -> None:
    def shout(request: StringValue, context: grpc.ServicerContext) -> StringValue:
        return StringValue(value=request.value.upper())

    handler = grpc.unary_unary_rpc_method_handler(
        shout,
        request_deserializer=StringValue.FromString,
        response_serializer=StringValue.SerializeToString,
    )
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler(HOST_SERVICE, {"Shout": handler}),)
    )


def plaintext_check(address: str) -> grpc.StatusCode | None:
    """Call the plugin's health service without TLS: the status code, None if it answered."""
    with grpc.insecure_channel(f"unix:{address}") as channel:
        try:
            call_string(channel, "/grpc.health.v1.Health/Check", "", timeout=5)
        except grpc.RpcError as error:
            return error.code()
    return None


@pytest.fixture
def no_leftovers() -> Iterator[None]:
    """After the test: no shim thread, no private TLS socket dir."""
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "goplugin-tls*")))
    yield
    assert not [t.name for t in threading.enumerate() if t.name == "goplugin-tls"]
    after = set(glob.glob(os.path.join(tempfile.gettempdir(), "goplugin-tls*")))
    assert after <= before


def test_auto_mtls_is_on_by_default(make_client: MakeClient, no_leftovers: None) -> None:
    client = make_client(**tls_plugin())
    echo = client.dispense("echo")
    assert echo.echo("hello") == "hello"
    assert list(echo.count(3)) == ["message 0", "message 1", "message 2"]
    # Nobody gets in without TLS and the host's certificate.
    address = client.address
    assert plaintext_check(address) is grpc.StatusCode.UNAVAILABLE
    client.kill()
    assert not os.path.exists(address)


def test_auto_mtls_false_talks_plaintext(make_client: MakeClient) -> None:
    client = make_client(auto_mtls=False, **tls_plugin())
    echo = client.dispense("echo")
    assert echo.echo("hello") == "hello"
    assert echo.echo("modules?") == "none"  # the plugin never loaded TLS code
    assert plaintext_check(client.address) is None


def test_plugin_imports_no_tls_code_without_a_client_certificate(make_client: MakeClient) -> None:
    with_tls = make_client(**tls_plugin()).dispense("echo")
    without = make_client(auto_mtls=False, **tls_plugin()).dispense("echo")
    assert "cryptography" in with_tls.echo("modules?")
    assert "goplugin.security.tls_shim" not in with_tls.echo("modules?")  # grpcio's TLS sufficed
    assert without.echo("modules?") == "none"


def test_plugin_that_ignores_auto_mtls_is_refused_not_downgraded(make_client: MakeClient) -> None:
    client = make_client(**tls_plugin("ignore"))
    with pytest.raises(goplugin.PluginStartError) as caught:
        client.dispense("echo")
    message = str(caught.value)
    assert "answered AutoMTLS without a certificate" in message
    assert "auto_mtls=False" in message
    assert client.exited
    # The same plugin runs when the host opts out.
    assert make_client(auto_mtls=False, **tls_plugin("ignore")).dispense("echo").echo("x") == "x"


@pytest.mark.parametrize("mode", ["lie", "go-like,lie"])
def test_plugin_serving_another_certificate_than_announced_is_refused(
    make_client: MakeClient, no_leftovers: None, mode: str
) -> None:
    client = make_client(**tls_plugin(mode))
    with pytest.raises(goplugin.PluginStartError) as caught:
        client.dispense("echo")
    message = str(caught.value)
    assert "TLS handshake failed" in message
    assert "certificate verify failed" in message.lower().replace("_", " ")
    assert client.exited


@pytest.mark.parametrize("mode", ["distrust", "go-like,distrust"])
def test_plugin_refusing_the_hosts_certificate_fails_start_and_says_why(
    make_client: MakeClient, no_leftovers: None, mode: str
) -> None:
    client = make_client(**tls_plugin(mode))
    with pytest.raises(goplugin.PluginStartError) as caught:
        client.dispense("echo")
    message = str(caught.value)
    assert "TLS handshake failed" in message
    assert "Certificates not accepted" in message
    # The plugin's own stderr names the certificate it refused.
    refusal = [line for line in caught.value.stderr_tail if "certificate" in line.lower()]
    assert refusal, caught.value.stderr_tail


@pytest.mark.parametrize("mode", ["", "go-like"], ids=["grpcio-tls", "ssl-shim"])
def test_tcp_plugin_under_auto_mtls(make_client: MakeClient, mode: str) -> None:
    client = make_client(**tls_plugin(mode, TLS_PLUGIN_NETWORK="tcp"))
    echo = client.dispense("echo")
    assert client.address.startswith("127.0.0.1:")
    assert echo.echo("hello") == "hello"
    assert echo.call_back(register_host_service) == "host says HI"


@pytest.mark.parametrize("core", ["grpclib", "grpcio"])
def test_go_like_plugin_speaks_p521_both_ways(
    make_client: MakeClient, no_leftovers: None, core: str
) -> None:
    """P-521 certificates, as a Go peer has them. grpcio's TLS cannot verify them, so the host
    (grpcio) goes through the ``ssl`` shim, and so does a plugin on the grpcio core, serving
    and dialling the host's broker; the grpclib core (the default) does its TLS with the stdlib
    ``ssl`` module itself and loads no shim."""
    client = make_client(**tls_plugin("go-like", GOPLUGIN_CORE=core))
    echo = client.dispense("echo")
    assert echo.echo("hello") == "hello"
    assert list(echo.count(3)) == ["message 0", "message 1", "message 2"]
    plugin_modules = echo.echo("modules?").split(",")
    assert ("goplugin.security.tls_shim" in plugin_modules) is (core == "grpcio")
    address = client.address
    assert plaintext_check(address) is grpc.StatusCode.UNAVAILABLE
    # The plugin dials the host's broker server: TLS served by the host's shim, P-521 client.
    assert echo.call_back(register_host_service) == "host says HI"
    client.kill()
    assert not os.path.exists(address)


def test_broker_callback_under_auto_mtls(make_client: MakeClient, no_leftovers: None) -> None:
    echo = make_client(**tls_plugin()).dispense("echo")
    assert echo.call_back(register_host_service) == "host says HI"


def test_user_tls_config_on_both_sides(
    make_client: MakeClient, tmp_path: object, no_leftovers: None
) -> None:
    host, plugin = certs.generate(), certs.generate()
    folder = str(tmp_path)
    files = {}
    for name, data in (
        ("cert", plugin.cert_pem),
        ("key", plugin.key_pem),
        ("roots", host.cert_pem),
    ):
        files[f"TLS_PLUGIN_{name.upper()}"] = path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write(data)
    config = goplugin.TLSConfig(host.cert_pem, host.key_pem, plugin.cert_pem)
    client = make_client(tls_config=config, **tls_plugin("provider", **files))
    echo = client.dispense("echo")
    assert echo.echo("hello") == "hello"
    assert echo.call_back(register_host_service) == "host says HI"

    stranger = certs.generate()
    wrong = goplugin.TLSConfig(stranger.cert_pem, stranger.key_pem, plugin.cert_pem)
    refused = make_client(tls_config=wrong, **tls_plugin("provider", **files))
    with pytest.raises(goplugin.PluginStartError, match="TLS handshake failed"):
        refused.dispense("echo")


def test_tls_config_is_checked_up_front() -> None:
    with pytest.raises(ValueError, match="cert_chain and private_key together"):
        goplugin.Client(
            handshake_config=HANDSHAKE,
            plugins={},
            cmd=["plugin"],
            tls_config=goplugin.TLSConfig(cert_chain=b"pem"),
        )


def tls_exchange(
    address: str, plugin_pem: bytes, identity: certs.Certificate | None, folder: str
) -> None:
    """Connect as a host would, presenting ``identity`` (or no certificate), and read."""
    context = ssl.create_default_context(cadata=plugin_pem.decode())
    context.set_alpn_protocols(["h2"])
    if identity is not None:
        cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
        for path, data in ((cert, identity.cert_pem), (key, identity.key_pem)):
            with open(path, "wb") as file:
                file.write(data)
        context.load_cert_chain(cert, key)
    with socket.socket(socket.AF_UNIX) as raw:
        raw.settimeout(10)
        raw.connect(address)
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            tls.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
            if not tls.recv(1):  # TLS 1.3: the server's verdict arrives after the handshake
                raise ConnectionError("closed")


@pytest.mark.parametrize("go_like", [False, True], ids=["grpcio-tls", "ssl-shim"])
def test_plugin_logs_the_certificate_it_refused(go_like: bool, tmp_path: object) -> None:
    """Act as a host whose connection presents the wrong certificate, or none."""
    host = certs.generate()
    env = host_env(
        HANDSHAKE,
        PLUGIN_CLIENT_CERT=host.cert_pem.decode(),
        TLS_PLUGIN_MODE="go-like" if go_like else "",
    )
    proc = subprocess.Popen(
        [sys.executable, TLS_PLUGIN],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip().split("|")
        plugin_pem = certs.pem_from_handshake_field(line[5])
        stranger = certs.generate()
        for identity in (stranger, None):
            with pytest.raises((ssl.SSLError, ConnectionError)):
                tls_exchange(line[3], plugin_pem, identity, str(tmp_path))
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    if go_like:
        assert "refused the client's TLS certificate; the only one trusted is " in stderr
        assert certs.describe(certs.load_pem(host.cert_pem, "host")[0]) in stderr
        assert "self-signed certificate" in stderr
        assert "peer did not return a certificate" in stderr
    else:  # grpcio's own log line
        assert "CERTIFICATE_VERIFY_FAILED" in stderr
        assert "PEER_DID_NOT_RETURN_A_CERTIFICATE" in stderr
