"""Checking a plugin executable before running it, as go-plugin's ``SecureConfig``.

A host that knows which build of a plugin it means to run names its SHA-256; a file that hashes
differently (replaced, corrupted, a different version) is refused before anything is executed,
with both sums in the error so the operator can tell which is which.

What is hashed: like go-plugin, the program ``cmd[0]`` names (looked up on ``PATH``). For a
plugin run by an interpreter (``python plugin.py``) that is the interpreter, which says little
about the plugin, so ``SecureConfig(path=...)`` names the file to hash instead (the script).
Hashing a script vouches for that file only, not for the modules it imports; and the check,
as go-plugin's, happens before launch, so a file swapped between check and exec is not caught.
"""

from __future__ import annotations

import hashlib
import hmac
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from goplugin.errors import PluginStartError


class ChecksumMismatchError(PluginStartError):
    """The plugin executable's SHA-256 is not the one the host requires."""


@dataclass(frozen=True)
class SecureConfig:
    """The SHA-256 (hex, or 32 raw bytes) the plugin file must have; ``path``: which file."""

    checksum: str | bytes
    path: str | None = None

    def expected(self) -> bytes:
        checksum = self.checksum
        if isinstance(checksum, str):
            try:
                checksum = bytes.fromhex(checksum)
            except ValueError:
                raise ValueError(f"SecureConfig.checksum is not hex: {self.checksum!r}") from None
        if len(checksum) != hashlib.sha256().digest_size:
            raise ValueError(
                f"SecureConfig.checksum must be a SHA-256 (32 bytes), got {len(checksum)} bytes"
            )
        return checksum

    def check(self, cmd: Sequence[str]) -> None:
        """Raise :class:`ChecksumMismatchError` unless the file hashes to ``checksum``."""
        expected = self.expected()
        path = self.path or shutil.which(cmd[0]) or cmd[0]
        try:
            actual = file_sha256(path)
        except OSError as error:
            raise PluginStartError(f"SecureConfig: could not read {path}: {error}") from None
        if not hmac.compare_digest(actual, expected):
            raise ChecksumMismatchError(
                f"checksums did not match: {path} has SHA-256 {actual.hex()}, "
                f"the host requires {expected.hex()}; the plugin was not started"
            )


def file_sha256(path: str) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.digest()
