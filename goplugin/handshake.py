"""The handshake: the magic cookie, the one stdout line, and app-version negotiation.

A go-plugin plugin announces itself with a single line on stdout,
``CORE|APPVER|NETWORK|ADDR|PROTOCOL|CERT``; everything the host learns about where and how to
connect comes from it. Both sides of this runtime format and parse that line here, with the
same checks and error texts as go-plugin's ``client.go``, so a Go host and a Python host judge a
plugin alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple, TypeVar

from goplugin.constants import CORE_PROTOCOL_VERSION, PROTOCOL_GRPC, PROTOCOL_NETRPC
from goplugin.errors import HandshakeError, IncompatibleVersionError


class HandshakeConfig(NamedTuple):
    """What host and plugin must agree on before they talk.

    ``protocol_version`` is the app protocol version a plugin set speaks when the plugin is not
    versioned. The magic cookie is not a security measure, just a UX feature: a plugin run by
    hand sees no cookie and says so, instead of printing a handshake line at a confused user.

    (A named tuple rather than a dataclass: ``dataclasses`` costs a plugin measurable start-up
    time, and start-up is a product figure. :func:`validate_handshake_config` checks it.)
    """

    protocol_version: int
    magic_cookie_key: str
    magic_cookie_value: str


def validate_handshake_config(config: HandshakeConfig) -> None:
    """Refuse a config that could never complete a handshake, naming what is missing."""
    if not config.magic_cookie_key or not config.magic_cookie_value:
        raise ValueError(
            "HandshakeConfig needs a magic_cookie_key and a magic_cookie_value: "
            "the plugin refuses to start without the cookie, so both sides must set one"
        )


class HandshakeLine(NamedTuple):
    """One parsed handshake line: where the plugin listens and what it negotiated."""

    app_version: int
    network: str
    address: str
    protocol: str = PROTOCOL_GRPC
    server_cert: str = ""
    #: The 7th field: whether the plugin multiplexes broker connections over one connection
    #: (go-plugin >= 1.6). ``None`` leaves the field out, as a plugin must unless the host set
    #: ``PLUGIN_MULTIPLEX_GRPC``: hosts before 1.6 split the line into at most 6 fields and
    #: would glue a 7th onto the certificate.
    multiplex: bool | None = None

    def format(self) -> str:
        """The line a plugin prints, newline included; the cert field is empty without mTLS."""
        fields = [
            str(CORE_PROTOCOL_VERSION),
            str(self.app_version),
            self.network,
            self.address,
            self.protocol,
            self.server_cert,
        ]
        if self.multiplex is not None:
            fields.append("true" if self.multiplex else "false")
        return "|".join(fields) + "\n"

    @property
    def target(self) -> str:
        """The gRPC target for this address: ``unix:/path`` or ``host:port``."""
        return f"unix:{self.address}" if self.network == "unix" else self.address


def parse_handshake_line(line: str, host_versions: Iterable[int]) -> HandshakeLine:
    """Validate a plugin's first stdout line the way go-plugin's host does.

    Raises :class:`HandshakeError` (or :class:`IncompatibleVersionError`) with go-plugin's own
    wording, so a message searched for on the web finds go-plugin's answers.
    """
    line = line.strip()
    parts = line.split("|")
    if len(parts) < 4:
        raise HandshakeError(f"Unrecognized remote plugin message: {line}")
    try:
        core = int(parts[0])
    except ValueError:
        raise HandshakeError(f"Error parsing core protocol version: {parts[0]!r}") from None
    if core != CORE_PROTOCOL_VERSION:
        raise IncompatibleVersionError(
            f"Incompatible core API version with plugin. Plugin version: {parts[0]}, "
            f"Core version: {CORE_PROTOCOL_VERSION}\n\n"
            "To fix this, the plugin usually only needs to be recompiled against a matching "
            "version of the plugin runtime."
        )
    try:
        app_version = int(parts[1])
    except ValueError:
        raise HandshakeError(f"Error parsing protocol version: {parts[1]!r}") from None
    versions = sorted(set(host_versions))
    if app_version not in versions:
        raise IncompatibleVersionError(
            f"Incompatible API version with plugin. Plugin version: {app_version}, "
            f"Client versions: {versions}"
        )
    network, address = parts[2], parts[3]
    if network not in ("unix", "tcp"):
        raise HandshakeError(f"Unknown address type: {network}")
    if network == "tcp" and not _is_host_port(address):
        raise HandshakeError(f"Invalid tcp address in plugin handshake: {address!r}")
    protocol = parts[4] if len(parts) > 4 and parts[4] else PROTOCOL_NETRPC
    if protocol != PROTOCOL_GRPC:
        hint = (
            " (a net/rpc plugin: goplugin hosts speak only gRPC; serve the plugin with "
            "GRPCServer / goplugin.serve)"
            if protocol == PROTOCOL_NETRPC
            else ""
        )
        raise HandshakeError(f"Unsupported plugin protocol {protocol!r}{hint}")
    cert = parts[5] if len(parts) > 5 else ""
    multiplex = _parse_bool(parts[6]) if len(parts) > 6 else None
    return HandshakeLine(app_version, network, address, protocol, cert, multiplex)


def _parse_bool(text: str) -> bool:
    """The 7th field, read as Go's ``strconv.ParseBool`` reads it."""
    if text in ("1", "t", "T", "true", "TRUE", "True"):
        return True
    if text in ("0", "f", "F", "false", "FALSE", "False"):
        return False
    raise HandshakeError(f"Error parsing multiplexing support from plugin handshake: {text!r}")


def _is_host_port(address: str) -> bool:
    host, sep, port = address.rpartition(":")
    return bool(sep and host and port.isdigit())


_Set = TypeVar("_Set")


def versioned_sets(
    config: HandshakeConfig,
    plugins: _Set | None,
    versioned_plugins: Mapping[int, _Set] | None,
    caller: str,
) -> dict[int, _Set]:
    """All plugin sets by app version, as go-plugin merges ``Plugins`` into ``VersionedPlugins``.

    The unversioned ``plugins`` speak ``config.protocol_version``, so older code that never
    heard of versions keeps working beside versioned code.
    """
    validate_handshake_config(config)
    sets = dict(versioned_plugins or {})
    if plugins is not None:
        sets[config.protocol_version] = plugins
    if not sets:
        raise ValueError(f"{caller} needs plugins= or versioned_plugins=, with at least one plugin")
    return sets


def parse_protocol_versions(raw: str) -> list[int]:
    """Parse ``PLUGIN_PROTOCOL_VERSIONS`` (``"3,1"``); go-plugin skips entries it cannot read."""
    versions = []
    for item in raw.split(","):
        item = item.strip()
        if item:
            try:
                versions.append(int(item))
            except ValueError:
                continue
    return versions


def negotiate_version(
    host_versions: Iterable[int],
    plugin_sets: Mapping[int, object],
    default_version: int,
) -> int:
    """Pick the app version a plugin serves, exactly as go-plugin's ``protocolVersion`` does.

    The highest version both sides have wins. With no common version the plugin falls back to
    the lowest one it has (or ``default_version`` when it has none), and the *host* reports the
    mismatch, naming both sides: that keeps the error where the user is looking.
    """
    offered = set(host_versions)
    common = [version for version in plugin_sets if version in offered]
    if common:
        return max(common)
    return min(plugin_sets, default=default_version)
