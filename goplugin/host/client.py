"""Client: the host's handle on one plugin process, as go-plugin's ``plugin.Client``.

It launches the plugin with the environment go-plugin sets, reads and checks the handshake line,
connects, keeps go-plugin's side channels (stdio, broker) drained, and hands out plugin clients
through ``dispense``. Whatever the plugin does (exits early, prints garbage, hangs, dies in a
call) the host gets a :class:`goplugin.PluginError` that says what happened and quotes the
plugin's stderr, and keeps running; no process, socket or temp dir outlives ``kill()``.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import queue
import shutil
import stat
import tempfile
import threading
import time
import weakref
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

import grpc
from google.protobuf import empty_pb2
from grpc_health.v1 import health_pb2

from goplugin._proto.grpc_controller_pb2 import Empty as ControllerEmpty
from goplugin._proto.grpc_stdio_pb2 import StdioData
from goplugin.broker import BrokerCore, GRPCBroker
from goplugin.channels.client_channel import intercepted
from goplugin.channels.client_interceptors import check_dial_options, check_interceptors, intercept
from goplugin.channels.dial import dial_error
from goplugin.channels.grpc_options import channel_options, sync_channel_options
from goplugin.constants import (
    DEFAULT_MAX_PORT,
    DEFAULT_MIN_PORT,
    ENV_CLIENT_CERT,
    ENV_MAX_PORT,
    ENV_MIN_PORT,
    ENV_PROTOCOL_VERSIONS,
    ENV_UNIX_SOCKET_DIR,
    ENV_UNIX_SOCKET_GROUP,
    GRPC_MESSAGE_OPTIONS,
    HEALTH_SERVICE,
    KILL_GRACE_SECONDS,
)
from goplugin.errors import (
    HandshakeError,
    PluginError,
    PluginExitedError,
    PluginStartError,
    StartTimeoutError,
    UnknownPluginError,
    rpc_error_for,
)
from goplugin.handshake import (
    HandshakeConfig,
    HandshakeLine,
    parse_handshake_line,
    versioned_sets,
)
from goplugin.host.janitor import janitor
from goplugin.host.plugin_log import StderrReader, read_lines
from goplugin.host.process import PluginProcess, launch
from goplugin.host.reattach import ReattachConfig, check_reattach_options, reattach_handshake
from goplugin.host.secure_config import SecureConfig
from goplugin.plugin import GRPCPlugin
from goplugin.plugin_process.environment import plugin_environment
from goplugin.plugin_process.listener import ListenError, UnixSocketConfig, hand_to_group
from goplugin.security.tls import TLSConfig, validate_tls_config
from goplugin.security.transport import PLAINTEXT, Transport

if TYPE_CHECKING:
    from goplugin.channel import Channel
    from goplugin.security.certs import Certificate

#: Plugin sets as a host declares them: instances, or classes instantiated with no arguments.
HostPluginSet = Mapping[str, GRPCPlugin | type[GRPCPlugin]]

_Interface = TypeVar("_Interface")

#: Status codes a dying plugin produces; after one, look whether the process is still there.
_CRASH_CODES = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.CANCELLED,
        grpc.StatusCode.UNKNOWN,
    }
)
_EXIT_SETTLE_SECONDS = 1.0
#: After the plugin's process tree is dead, how long its output may take to drain.
_DRAIN_SECONDS = 0.5

_live_clients: weakref.WeakSet[Client] = weakref.WeakSet()


def cleanup_clients() -> None:
    """Kill every plugin this process started and has not killed yet.

    Registered with :mod:`atexit`, so a host that exits normally leaves no plugin behind; call
    it yourself from signal handlers or other exit paths.
    """
    for client in list(_live_clients):
        with contextlib.suppress(Exception):
            client.kill()


atexit.register(cleanup_clients)


class Client:
    """Launches and talks to one plugin process. Single use: after ``kill()``, make a new one.

    ``plugins`` is the host's plugin set for ``handshake_config.protocol_version``;
    ``versioned_plugins`` offers more app versions, and the plugin picks one
    (``negotiated_version``). ``env`` adds variables to the host's environment for the plugin;
    with ``skip_host_env`` (go-plugin's ``SkipHostEnv``) it replaces it: the plugin sees ``env``
    and the protocol's variables only. ``secure_config`` checks the plugin file's SHA-256
    before anything runs (go-plugin's ``SecureConfig``).

    The plugin runs in a process group of its own; ``kill()`` ends the whole group within
    ``kill_grace`` plus a second, whatever the plugin's children do with its pipes. Should the
    host die without killing it, a watcher process ends the group and removes its socket folder.
    Plugin stderr goes to ``logger`` line by line (hclog JSON and ``[LEVEL]`` prefixes set the
    level) and, raw, to ``stderr`` if given; what the plugin prints to stdout arrives over
    go-plugin's stdio stream and goes to ``sync_stdout`` (default: ``logger`` at INFO).

    Every connection to the plugin (the broker's too) is mutual TLS by default: ``auto_mtls``
    is go-plugin's AutoMTLS, which a plugin that ignores it fails rather than falling back to
    plaintext; ``auto_mtls=False`` talks plaintext, as go-plugin hosts do unless they opt in.
    ``tls_config`` is the host's own TLS instead, like go-plugin's ``ClientConfig.TLSConfig``
    (AutoMTLS is then not used).

    ``reattach`` (instead of ``cmd``) connects to a plugin already running, as go-plugin's
    ``ClientConfig.Reattach``: typically one started by hand in debug mode, which printed the
    :class:`goplugin.ReattachConfig`. Nothing is launched, and ``kill()`` never signals that
    process: it disconnects, and without ``test`` first asks the plugin to shut down.

    The plugin's unix sockets, and the host's broker sockets, go in a private directory made
    for this plugin (mode 0700) and removed by ``kill()``; ``unix_socket_config`` gives them
    to a group (go-plugin's ``UnixSocketConfig``) or makes the directory elsewhere.

    ``grpc_dial_options`` (grpcio channel arguments) and ``interceptors`` (grpcio client
    interceptors, or OpenTelemetry's ``client_interceptor()``; the first sees a call first) are
    go-plugin's ``GRPCDialOptions``: they apply to every call on the plugin connection, over
    any transport (docs/interceptors.md).
    """

    def __init__(
        self,
        *,
        handshake_config: HandshakeConfig,
        cmd: Sequence[str] = (),
        plugins: HostPluginSet | None = None,
        versioned_plugins: Mapping[int, HostPluginSet] | None = None,
        start_timeout: float = 60.0,
        env: Mapping[str, str] | None = None,
        logger: logging.Logger | None = None,
        stderr: IO[str] | None = None,
        sync_stdout: IO[str] | None = None,
        sync_stderr: IO[str] | None = None,
        kill_grace: float = KILL_GRACE_SECONDS,
        unix_socket_config: UnixSocketConfig | None = None,
        auto_mtls: bool = True,
        tls_config: TLSConfig | None = None,
        skip_host_env: bool = False,
        secure_config: SecureConfig | None = None,
        reattach: ReattachConfig | None = None,
        grpc_dial_options: Sequence[tuple[str, Any]] = (),
        interceptors: Sequence[Any] = (),
    ) -> None:
        check_reattach_options(cmd, reattach, secure_config)
        #: Channel arguments for the plugin connection (go-plugin's GRPCDialOptions; the
        #: AsyncClient's grpc.aio channel takes them too).
        self._channel_options = channel_options(
            GRPC_MESSAGE_OPTIONS, check_dial_options(grpc_dial_options, "Client")
        )
        self._interceptors = check_interceptors(interceptors, "Client", aio=False)
        self._reattach = reattach
        if tls_config is not None:
            validate_tls_config(tls_config, "Client(tls_config=...)")
        self._auto_mtls = auto_mtls and tls_config is None
        self._tls_config = tls_config
        self._host_cert: Certificate | None = None
        self._transport: Transport = PLAINTEXT
        self._config = handshake_config
        self._cmd = list(cmd)
        self._plugin_sets = versioned_sets(handshake_config, plugins, versioned_plugins, "Client")
        self._start_timeout = start_timeout
        self._env = dict(env or {})
        self._skip_host_env = skip_host_env
        self._secure_config = secure_config
        if secure_config is not None:
            secure_config.expected()  # a malformed checksum fails here, not at start()
        label = _plugin_label(self._cmd) if self._cmd else "reattached"
        self._logger = logger or logging.getLogger(f"goplugin.plugin.{label}")
        self._stderr_copy = stderr
        self._sync_stdout = sync_stdout
        self._sync_stderr = sync_stderr
        self._kill_grace = kill_grace
        self._unix_socket_config = unix_socket_config or UnixSocketConfig()
        self._socket_env: dict[str, str] = {}

        self._lock = threading.RLock()
        self._started = False
        self._killed = False
        self._start_error: PluginError | None = None
        self._process: PluginProcess | None = None
        self._host_killed = False  # the host ended the plugin itself: not an error to log
        self._socket_dir: str | None = None
        self._stderr_reader: StderrReader | None = None
        self._stdout_thread: threading.Thread | None = None
        self._exited = threading.Event()
        self._handshake: HandshakeLine | None = None
        self._raw_channel: grpc.Channel | None = None
        self._stdio_thread: threading.Thread | None = None
        self._channel: Channel | None = None
        #: How the broker serves and dials: grpcio's unless set (``AsyncClient`` serves on its
        #: event loop, so a host's async implementations can serve the plugin).
        self._broker_core: BrokerCore | None = None
        self._broker = GRPCBroker()

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.kill()

    def start(self) -> None:
        """Launch the plugin and complete the handshake; a no-op once started."""
        with self._lock:
            if self._start_error is not None:
                raise self._start_error
            if self._killed:
                raise PluginError("this plugin client was killed; create a new Client to restart")
            if self._started:
                self._raise_if_exited()
                return
            self._started = True
            _live_clients.add(self)
            deadline = time.monotonic() + self._start_timeout
            try:
                if self._reattach is not None:
                    self._handshake = reattach_handshake(self._reattach, self._plugin_sets)
                else:
                    self._launch()
                    self._handshake = self._read_handshake(deadline)
                    self._tell_janitor_of_a_stray_socket(self._handshake)
                self._connect(self._handshake, deadline)
            except BaseException as error:
                self._killed = True
                self._terminate(graceful=False)
                _live_clients.discard(self)
                if isinstance(error, PluginError):
                    self._start_error = error
                raise

    def kill(self) -> None:
        """Ask the plugin to shut down, wait ``kill_grace`` seconds, then SIGKILL it.

        Idempotent, and blocks until the process is gone and its socket and temp dir removed.
        """
        with self._lock:
            if self._killed:
                return
            self._killed = True
            self._terminate(graceful=True)
        _live_clients.discard(self)

    # -- what hosts use ----------------------------------------------------------------------

    @overload
    def dispense(self, name: str) -> Any: ...

    # ``| None`` because mypy refuses an abstract class where a bare ``type[T]`` is expected
    # (python/mypy#4717), and a generated interface is an ``abc.ABC``.
    @overload
    def dispense(self, name: str, interface: type[_Interface] | None) -> _Interface: ...

    def dispense(self, name: str, interface: type[Any] | None = None) -> Any:
        """The named plugin's client object, for the negotiated version (starts the plugin).

        ``dispense("greeter", Greeter)`` is typed ``Greeter`` for type checkers, so host code
        needs no cast, and raises a ``TypeError`` at once if the plugin set gives anything else.
        """
        self.start()
        assert self._channel is not None
        instance = self._plugin_named(name)
        dispensed = instance.grpc_client(self._broker, self._channel)
        check_dispensed(name, instance, "grpc_client", dispensed, interface)
        return dispensed

    def _plugin_named(self, name: str) -> GRPCPlugin:
        """The plugin set's entry ``name`` for the negotiated version, as an instance (the
        plugin is running: ``dispense`` and ``AsyncClient.dispense`` share this)."""
        self._raise_if_exited()
        assert self._handshake is not None
        plugin_set = self._plugin_sets[self._handshake.app_version]
        plugin = plugin_set.get(name)
        if plugin is None:
            known = ", ".join(sorted(plugin_set)) or "none"
            raise UnknownPluginError(
                f"unknown plugin type: {name!r} (version {self._handshake.app_version} "
                f"plugins: {known})"
            )
        return plugin() if isinstance(plugin, type) else plugin

    def ping(self) -> None:
        """Check the plugin's health service; raises a :class:`PluginError` if it is not serving."""
        self.start()
        assert self._channel is not None
        check = self._channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
            response_deserializer=health_pb2.HealthCheckResponse.FromString,
        )
        reply = check(health_pb2.HealthCheckRequest(service=HEALTH_SERVICE), timeout=10.0)
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            raise PluginError(f"plugin health check: {status}")

    @property
    def broker(self) -> GRPCBroker:
        """The GRPCBroker to this plugin: serve it host services, dial its own (starts it)."""
        self.start()
        return self._broker

    @property
    def negotiated_version(self) -> int:
        """The app protocol version the plugin chose (starts the plugin)."""
        self.start()
        assert self._handshake is not None
        return self._handshake.app_version

    @property
    def address(self) -> str:
        """Where the plugin listens: a unix socket path or ``127.0.0.1:port`` (starts it)."""
        self.start()
        assert self._handshake is not None
        return self._handshake.address

    @property
    def exited(self) -> bool:
        """Whether the plugin process has exited (and been reaped)."""
        return self._exited.is_set()

    @property
    def pid(self) -> int | None:
        if self._reattach is not None:
            return self._reattach.pid
        return self._process.pid if self._process is not None else None

    @property
    def returncode(self) -> int | None:
        if self._process is None or not self.exited:
            return None
        return self._process.proc.returncode

    def stderr_tail(self) -> tuple[str, ...]:
        """The plugin's last stderr lines, as quoted in error messages."""
        return self._stderr_reader.tail() if self._stderr_reader is not None else ()

    # -- start-up ----------------------------------------------------------------------------

    def _make_socket_dir(self) -> dict[str, str]:
        """The plugin's private socket dir (0700, or 0770 for a group) and the env naming it."""
        config = self._unix_socket_config
        self._socket_dir = tempfile.mkdtemp(prefix="plugin-dir", dir=config.temp_dir)
        env = {ENV_UNIX_SOCKET_DIR: self._socket_dir}
        if config.group:
            try:
                hand_to_group(self._socket_dir, config.group, 0o770)
            except ListenError as error:
                raise PluginStartError(f"unix_socket_config: {error}") from None
            env[ENV_UNIX_SOCKET_GROUP] = config.group
        return env

    def _launch(self) -> None:
        if self._secure_config is not None:
            self._secure_config.check(self._cmd)
        self._socket_env = socket_env = self._make_socket_dir()
        protocol = {
            self._config.magic_cookie_key: self._config.magic_cookie_value,
            ENV_MIN_PORT: str(DEFAULT_MIN_PORT),
            ENV_MAX_PORT: str(DEFAULT_MAX_PORT),
            ENV_PROTOCOL_VERSIONS: ",".join(str(v) for v in sorted(self._plugin_sets)),
            **socket_env,
        }
        if self._auto_mtls:
            from goplugin.security.automtls import host_certificate

            self._host_cert = host_certificate()
            protocol[ENV_CLIENT_CERT] = self._host_cert.cert_pem.decode("ascii")
        env = plugin_environment(self._env, protocol, skip_host_env=self._skip_host_env)
        try:
            self._process = process = launch(self._cmd, env)
        except OSError as error:
            raise PluginStartError(f"could not launch plugin {self._cmd[0]!r}: {error}") from None
        janitor().add(process.pid, self._socket_dir)
        self._stderr_reader = StderrReader(process.stderr, self._logger, self._stderr_copy)
        self._stderr_reader.start()
        threading.Thread(
            target=self._watch_exit, args=(process,), name="goplugin-wait", daemon=True
        ).start()

    def _watch_exit(self, process: PluginProcess) -> None:
        """Reap the plugin the moment it exits, so it never lingers as a zombie."""
        returncode = process.proc.wait()
        self._exited.set()
        expected = returncode == 0 or self._killed or self._host_killed
        level = logging.INFO if expected else logging.ERROR
        self._logger.log(level, "plugin process exited: pid=%s status=%s", process.pid, returncode)

    def _read_handshake(self, deadline: float) -> HandshakeLine:
        assert self._process is not None
        lines: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._stdout_thread = threading.Thread(
            target=_read_stdout,
            args=(self._process.stdout, lines, self._logger),
            name="goplugin-stdout",
            daemon=True,
        )
        self._stdout_thread.start()
        exited_at: float | None = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._kill_process()
                raise StartTimeoutError(
                    f"timeout while waiting for plugin to start: no handshake line after "
                    f"{self._start_timeout:g}s from {self._cmd_text()}",
                    stderr_tail=self._settled_tail(),
                )
            try:
                line = lines.get(timeout=min(remaining, 0.1))
            except queue.Empty:
                # The plugin exited, but a child it left keeps stdout open: like go-plugin,
                # fail now rather than when that child is done.
                if not self._exited.is_set():
                    continue
                exited_at = exited_at or time.monotonic()
                if time.monotonic() - exited_at < _DRAIN_SECONDS:
                    continue
                line = None
            if line is None:
                returncode = self._wait_exited(_EXIT_SETTLE_SECONDS)
                if self._process is not None:
                    self._process.kill_tree()  # what it left behind, holding the pipes
                if returncode is None:
                    self._kill_process()
                    raise HandshakeError(
                        "plugin closed its stdout without a handshake line and kept running "
                        f"(the host killed it): {self._cmd_text()}",
                        stderr_tail=self._settled_tail(),
                    )
                raise PluginExitedError(
                    f"plugin exited before completing the handshake "
                    f"({_status_text(returncode)}): {self._cmd_text()}",
                    returncode=returncode,
                    stderr_tail=self._settled_tail(),
                )
            try:
                return parse_handshake_line(line, self._plugin_sets)
            except HandshakeError as error:
                self._kill_process()  # so its stderr reaches EOF and the tail is complete
                raise type(error)(error.message, stderr_tail=self._settled_tail()) from None

    def _tell_janitor_of_a_stray_socket(self, handshake: HandshakeLine) -> None:
        """A socket outside the plugin's folder (go-plugin < 1.5 ignores it) is removed too."""
        if self._process is None or handshake.network != "unix":
            return
        if os.path.dirname(handshake.address) != self._socket_dir:
            janitor().socket(self._process.pid, handshake.address)

    def _connect(self, handshake: HandshakeLine, deadline: float) -> None:
        try:
            self._transport = self._choose_transport(handshake)
        except PluginStartError as error:
            self._kill_process()
            raise type(error)(error.message, stderr_tail=self._settled_tail()) from None
        where = f"{handshake.network}:{handshake.address}"
        reason = dial_error(handshake.network, handshake.address, deadline - time.monotonic())
        if reason is not None:
            self._kill_process()
            raise PluginStartError(
                f"could not connect to the plugin at {where}: {reason}",
                stderr_tail=self._settled_tail(),
            )
        channel = self._transport.channel(
            handshake.target, sync_channel_options(self._channel_options)
        )
        try:
            self._wait_ready(channel, deadline)
        except PluginExitedError:
            channel.close()
            raise
        except PluginStartError as error:
            channel.close()
            self._kill_process()
            raise PluginStartError(
                f"could not connect to the plugin at {where}{error.message}",
                stderr_tail=self._settled_tail(),
            ) from None
        if self._interceptors:  # every call on the connection, go-plugin's own included
            channel = intercept(channel, self._interceptors)
        self._raw_channel = channel
        self._channel = intercepted(channel, self._diagnose)
        # Like go-plugin's host, the broker listens in the plugin's private socket folder.
        self._broker = GRPCBroker(
            listen_env=self._socket_env, transport=self._transport, core=self._broker_core
        )
        self._broker.connect(channel)
        self._stdio_thread = threading.Thread(
            target=self._drain_stdio, args=(channel,), name="goplugin-stdio", daemon=True
        )
        self._stdio_thread.start()

    def _choose_transport(self, handshake: HandshakeLine) -> Transport:
        """Plaintext or TLS, from our settings and the plugin's handshake certificate."""
        if self._tls_config is not None:
            from goplugin.security.automtls import user_host_transport

            return user_host_transport(self._tls_config, self._socket_dir)
        if self._host_cert is not None:
            from goplugin.security.automtls import host_transport

            return host_transport(self._host_cert, handshake.server_cert, self._socket_dir)
        if len(handshake.server_cert) > 50:
            raise PluginStartError(
                "the plugin announced a TLS certificate in its handshake line, but this host "
                f"has auto_mtls=False and no tls_config (was {ENV_CLIENT_CERT} in the plugin's "
                "environment?): the plugin serves TLS and the host would talk plaintext"
            )
        return PLAINTEXT

    def _wait_ready(self, channel: grpc.Channel, deadline: float) -> None:
        """Wait for the connection; under TLS, fail at once when the handshake fails.

        grpcio retries a failed TLS handshake forever, so waiting for readiness alone would
        turn a refused certificate into a timeout a minute later. Raises PluginStartError with
        the part of the message after "could not connect to the plugin at <address>".
        """
        if not self._transport.tls:
            ready = grpc.channel_ready_future(channel)
            while (remaining := deadline - time.monotonic()) > 0:
                try:
                    ready.result(timeout=min(remaining, 0.05))
                except grpc.FutureTimeoutError:
                    self._raise_if_exited_while_connecting()
                else:
                    return
            ready.cancel()
            raise PluginStartError("")
        states: queue.SimpleQueue[grpc.ChannelConnectivity] = queue.SimpleQueue()
        on_change = states.put
        channel.subscribe(on_change, try_to_connect=True)
        try:
            while (remaining := deadline - time.monotonic()) > 0:
                try:
                    state = states.get(timeout=min(remaining, 0.05))
                except queue.Empty:
                    self._raise_if_exited_while_connecting()
                    continue
                if state is grpc.ChannelConnectivity.READY:
                    return
                if state is grpc.ChannelConnectivity.TRANSIENT_FAILURE:
                    failure = self._tls_failure(channel)
                    if failure is None:
                        return  # the probe got through: the connection recovered
                    raise PluginStartError(failure)
        finally:
            channel.unsubscribe(on_change)
        raise PluginStartError(" (TLS): the connection was not ready in time")

    def _raise_if_exited_while_connecting(self) -> None:
        if self._exited.is_set():
            returncode = self.returncode
            raise PluginExitedError(
                f"plugin exited ({_status_text(returncode)}) while the host was connecting: "
                f"{self._cmd_text()}",
                returncode=returncode,
                stderr_tail=self._settled_tail(),
            )

    def _tls_failure(self, channel: grpc.Channel) -> str | None:
        """Why the TLS connection failed, in grpcio's words or the ``ssl`` shim's."""
        detail = self._transport.failure()
        if detail is None:
            check = channel.unary_unary(
                "/grpc.health.v1.Health/Check",
                request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                response_deserializer=health_pb2.HealthCheckResponse.FromString,
            )
            try:
                check(health_pb2.HealthCheckRequest(service=HEALTH_SERVICE), timeout=5.0)
            except grpc.RpcError as error:
                detail = error.details()
            else:
                return None
            detail = self._transport.failure() or detail or "the connection closed"
        if self._auto_mtls:
            trust = (
                "under AutoMTLS the host trusts only the certificate in the plugin's handshake "
                f"line, and the plugin only the host's from {ENV_CLIENT_CERT}"
            )
        else:
            trust = "the host trusts only tls_config.root_certificates"
        return (
            f": the TLS handshake failed: {detail}. Certificates not accepted: {trust}; a "
            "plugin that refuses the host's certificate just closes the connection (its stderr "
            "says why)"
        )

    def _drain_stdio(self, channel: grpc.Channel) -> None:
        """Copy the plugin's streamed stdout/stderr; go-plugin < 1.1 plugins lack the service."""
        stream_stdio = channel.unary_stream(
            "/plugin.GRPCStdio/StreamStdio",
            request_serializer=empty_pb2.Empty.SerializeToString,
            response_deserializer=StdioData.FromString,
        )
        with contextlib.suppress(grpc.RpcError, ValueError):
            for item in stream_stdio(empty_pb2.Empty()):
                text = item.data.decode("utf-8", "replace")
                if item.channel == StdioData.STDOUT:
                    if self._sync_stdout is not None:
                        self._sync_stdout.write(text)
                        self._sync_stdout.flush()
                    elif self._logger.isEnabledFor(logging.INFO):
                        for line in text.splitlines():
                            self._logger.info("%s", line)
                elif item.channel == StdioData.STDERR and self._sync_stderr is not None:
                    self._sync_stderr.write(text)
                    self._sync_stderr.flush()

    # -- failure -----------------------------------------------------------------------------

    def _diagnose(self, error: grpc.RpcError, method: str) -> PluginError:
        code: grpc.StatusCode = error.code()
        details: str = error.details() or ""
        if code in _CRASH_CODES and not self._killed:
            returncode = self._wait_exited(_EXIT_SETTLE_SECONDS)
            if returncode is not None:
                return PluginExitedError(
                    f"plugin exited ({_status_text(returncode)}) during {method}: "
                    f"{code.name}: {details}",
                    returncode=returncode,
                    stderr_tail=self._settled_tail(),
                )
        return rpc_error_for(code, details)

    def _raise_if_exited(self) -> None:
        if self._exited.is_set():
            raise PluginExitedError(
                f"plugin has exited ({_status_text(self.returncode)}): {self._cmd_text()}",
                returncode=self.returncode,
                stderr_tail=self._settled_tail(),
            )

    def _wait_exited(self, timeout: float) -> int | None:
        if self._process is None:
            return None  # reattached (or never launched): no exit to wait for
        if self._exited.wait(timeout) and self._process is not None:
            return self._process.proc.returncode
        return None

    def _kill_process(self) -> None:
        """SIGKILL the plugin's whole process tree and reap it."""
        if self._process is not None:
            self._host_killed = True
            self._process.kill_tree()
        self._wait_exited(_EXIT_SETTLE_SECONDS)

    def _settled_tail(self) -> tuple[str, ...]:
        """The stderr tail once the reader has caught up with a process that has exited.

        A descendant that left the plugin's process group may still hold stderr open; the
        reader is given a moment, then stopped, so the error comes now, not when it exits.
        """
        if self._stderr_reader is None:
            return ()
        if self._exited.is_set():
            self._stderr_reader.join(timeout=_DRAIN_SECONDS)
            if self._process is not None and self._stderr_reader.is_alive():
                self._process.stderr_pipe.interrupt()
                self._stderr_reader.join(timeout=_DRAIN_SECONDS)
        return self._stderr_reader.tail()

    # -- shutdown ----------------------------------------------------------------------------

    def _terminate(self, *, graceful: bool) -> None:
        """End the plugin: ask (within ``kill_grace`` in all), then SIGKILL its process group."""
        deadline = time.monotonic() + self._kill_grace
        if self._reattach is not None:
            # Not our process: ask it to stop only when its config allows, never signal it.
            if graceful and not self._reattach.test:
                self._request_shutdown(deadline)
            graceful = False
        if graceful and self._request_shutdown(deadline):
            # Let the plugin end its stdio stream itself, so its last output is not lost, then
            # give it what is left of go-plugin's grace period to exit.
            if self._stdio_thread is not None:
                self._stdio_thread.join(max(deadline - time.monotonic(), 0))
            if not self._exited.wait(max(deadline - time.monotonic(), 0)):
                self._logger.warning("plugin failed to exit gracefully")
        self._host_killed = True
        self._broker.close()
        if self._raw_channel is not None:
            self._raw_channel.close()
        self._transport.close()
        process = self._process
        if process is not None:
            process.kill_tree()  # the rest of the tree too, even when the plugin itself exited
            process.proc.wait()
            self._exited.set()
            self._stop_readers(process)
            janitor().done(process.pid)
        if self._reattach is None:  # a reattached plugin's socket is its own
            self._remove_leftovers()

    def _stop_readers(self, process: PluginProcess) -> None:
        """Let the readers drain the dead tree's output, then stop them and close the pipes."""
        readers = [
            thread for thread in (self._stderr_reader, self._stdout_thread) if thread is not None
        ]
        drain_until = time.monotonic() + _DRAIN_SECONDS
        for thread in readers:
            thread.join(timeout=max(drain_until - time.monotonic(), 0))
        process.stop_reading()
        for thread in readers:
            thread.join(timeout=_DRAIN_SECONDS)
        if not any(thread.is_alive() for thread in readers):
            process.close()

    def _request_shutdown(self, deadline: float) -> bool:
        """Send ``GRPCController/Shutdown``; True when the plugin took it (or already left)."""
        if self._raw_channel is None or self._exited.is_set():
            return False
        shutdown = self._raw_channel.unary_unary(
            "/plugin.GRPCController/Shutdown",
            request_serializer=ControllerEmpty.SerializeToString,
            response_deserializer=ControllerEmpty.FromString,
        )
        try:
            shutdown(ControllerEmpty(), timeout=max(deadline - time.monotonic(), 0.01))
        except grpc.RpcError as error:
            # The connection dropping as the plugin exits is a successful shutdown.
            return error.code() == grpc.StatusCode.UNAVAILABLE
        return True

    def _remove_leftovers(self) -> None:
        # A plugin killed with SIGKILL cannot remove its socket; Go plugins put theirs in TMPDIR.
        handshake = self._handshake
        if handshake is not None and handshake.network == "unix":
            with contextlib.suppress(OSError):
                if stat.S_ISSOCK(os.lstat(handshake.address).st_mode):
                    os.unlink(handshake.address)
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    def _cmd_text(self) -> str:
        return " ".join(self._cmd)


def check_dispensed(
    name: str, plugin: GRPCPlugin, method: str, dispensed: object, interface: type[Any] | None
) -> None:
    """Refuse, by name, a plugin client that is not the interface the host asked for."""
    if interface is not None and not isinstance(dispensed, interface):
        raise TypeError(
            f"plugin {name!r}: {type(plugin).__qualname__}.{method} returned a "
            f"{type(dispensed).__qualname__}, not an instance of {interface.__qualname__}"
        )


def _read_stdout(
    stream: IO[bytes], lines: queue.SimpleQueue[str | None], logger: logging.Logger
) -> None:
    """First line to the handshake; later lines logged at DEBUG so the pipe never fills.

    Lines are read at most 64 KiB at a time, like stderr: a plugin printing without newlines
    costs the host bounded memory.
    """
    first = True
    with contextlib.suppress(OSError, ValueError):
        for raw in read_lines(stream):
            line = raw.decode("utf-8", "replace")
            if first:
                lines.put(line)
                first = False
            else:
                logger.debug("plugin stdout: %s", line.rstrip("\n"))
    if first:
        lines.put(None)


def _plugin_label(cmd: Sequence[str]) -> str:
    """A logger name for the plugin: the script for ``python x.py``, else the executable."""
    program = os.path.basename(cmd[0])
    if program.startswith("python") and len(cmd) > 1:
        program = os.path.basename(cmd[1])
    return program.removesuffix(".py").replace(".", "_") or "plugin"


def _status_text(returncode: int | None) -> str:
    if returncode is None:
        return "still running"
    if returncode < 0:
        return f"killed by signal {-returncode}"
    return f"exit status {returncode}"


__all__ = ["Client", "HostPluginSet", "cleanup_clients"]
