"""ReattachConfig: how a host connects to a plugin it did not start, as go-plugin's.

A plugin started by hand in debug mode (``GOPLUGIN_DEBUG=1`` or ``serve(debug=True)``) prints
one of these; a host given it (``goplugin.Client(reattach=...)``, or a Go host's
``ClientConfig.Reattach``) connects to that process instead of launching one, so a debugger
attached to the plugin stops the host's calls at its breakpoints. The JSON form is the one
Terraform's ``TF_REATTACH_PROVIDERS`` uses for go-plugin's struct (``Addr`` as
``{"Network", "String"}``), which Go hosts can decode into a ``net.Addr`` in a few lines.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from goplugin.constants import PROTOCOL_GRPC
from goplugin.errors import IncompatibleVersionError
from goplugin.handshake import HandshakeLine

#: The environment variable a debug-mode plugin tells the human to set for the host.
ENV_REATTACH = "GOPLUGIN_REATTACH"


@dataclass(frozen=True)
class ReattachConfig:
    """go-plugin's ``ReattachConfig``: protocol, app protocol version, address and pid.

    ``test`` is go-plugin's ``Test``: the host leaves the plugin running when it is done
    (kill() only disconnects); without it, the host's kill() asks the plugin to shut down.
    A host never signals a process it reattached to.
    """

    protocol_version: int
    network: str
    address: str
    pid: int
    protocol: str = PROTOCOL_GRPC
    test: bool = True

    def __post_init__(self) -> None:
        if self.protocol != PROTOCOL_GRPC:
            raise ValueError(f"reattach: protocol {self.protocol!r}: only 'grpc' is supported")
        if self.network not in ("unix", "tcp"):
            raise ValueError(f"reattach: network {self.network!r}: use 'unix' or 'tcp'")
        if not self.address:
            raise ValueError("reattach: the address is empty")

    def to_json(self) -> str:
        """One line of JSON in go-plugin's field names, for a human to copy or an env var."""
        return json.dumps(
            {
                "Protocol": self.protocol,
                "ProtocolVersion": self.protocol_version,
                "Addr": {"Network": self.network, "String": self.address},
                "Pid": self.pid,
                "Test": self.test,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> ReattachConfig:
        """Parse :meth:`to_json`'s form; a malformed value raises ValueError naming the cause."""
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"reattach config is not JSON: {error}: {text!r}") from None
        if not isinstance(data, dict):
            raise ValueError(f"reattach config must be a JSON object, not {text!r}")
        addr = data.get("Addr")
        if not isinstance(addr, dict):
            raise ValueError(
                'reattach config needs "Addr": {"Network": "unix", "String": "/path"}: ' f"{text!r}"
            )
        try:
            return cls(
                protocol=str(data.get("Protocol", PROTOCOL_GRPC)),
                protocol_version=_int(data, "ProtocolVersion"),
                network=str(addr.get("Network", "")),
                address=str(addr.get("String", "")),
                pid=_int(data, "Pid"),
                test=bool(data.get("Test", False)),
            )
        except ValueError as error:
            raise ValueError(f"{error}: {text!r}") from None

    @classmethod
    def from_env(cls, name: str = ENV_REATTACH) -> ReattachConfig | None:
        """The config in environment variable ``name``, or None when it is unset or empty."""
        text = os.environ.get(name, "").strip()
        if not text:
            return None
        try:
            return cls.from_json(text)
        except ValueError as error:
            raise ValueError(f"${name}: {error}") from None

    @property
    def target(self) -> str:
        """The gRPC target: ``unix:/path`` or ``host:port``."""
        return f"unix:{self.address}" if self.network == "unix" else self.address


def check_reattach_options(cmd: Sequence[str], reattach: object, secure_config: object) -> None:
    """``Client``'s rules, as go-plugin's ``NewClient``: exactly one of cmd and reattach."""
    if reattach is None and not cmd:
        raise ValueError(
            "Client needs cmd (the command that starts the plugin) or reattach (a running one)"
        )
    if reattach is not None and cmd:
        raise ValueError("Client takes cmd or reattach, not both: a reattached plugin is running")
    if reattach is not None and secure_config is not None:
        raise ValueError(
            "Client takes secure_config or reattach, not both: there is no file to check"
        )


def reattach_handshake(config: ReattachConfig, plugin_sets: Mapping[int, object]) -> HandshakeLine:
    """What the handshake line would have said, for a plugin the host did not launch."""
    if config.protocol_version not in plugin_sets:
        host = ", ".join(str(version) for version in sorted(plugin_sets))
        raise IncompatibleVersionError(
            f"reattach: the plugin serves app protocol version {config.protocol_version}, and "
            f"this host has plugins for versions {host}"
        )
    return HandshakeLine(config.protocol_version, config.network, config.address)


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"reattach config needs an integer {key!r}, not {value!r}")
    return value


__all__ = ["ENV_REATTACH", "ReattachConfig"]
