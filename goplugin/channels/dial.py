"""One plain dial of the plugin's address before gRPC takes over, for a precise error.

grpcio retries a refused or missing address until the deadline and then says only that the
channel was not ready; go-plugin's host dials once and reports the operating system's reason
at once (``dial unix /nonexistent: connect: no such file or directory``). The plugin announces
its address only once it listens, so a failed dial is final: the host says so, in go-plugin's
words, without waiting out ``start_timeout``.
"""

from __future__ import annotations

import os
import socket

#: A listening plugin accepts at once; this only bounds a dial to an address that drops packets.
DIAL_TIMEOUT_SECONDS = 2.0


def dial_error(network: str, address: str, timeout: float = DIAL_TIMEOUT_SECONDS) -> str | None:
    """Why a connection to ``address`` fails, as Go words it; None when it connects."""
    timeout = max(min(timeout, DIAL_TIMEOUT_SECONDS), 0.01)
    try:
        if network == "unix":
            family, target = socket.AF_UNIX, address
            sock = socket.socket(family, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            try:
                sock.connect(target)
            finally:
                sock.close()
        else:
            host, _, port = address.rpartition(":")
            socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as error:
        reason = os.strerror(error.errno).lower() if error.errno else str(error)
        return f"dial {network} {address}: connect: {reason}"
    except ValueError as error:
        return f"dial {network} {address}: {error}"
    return None
