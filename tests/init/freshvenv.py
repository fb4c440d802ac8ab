"""A fresh virtualenv holding pygoplugin from this checkout, as a new user's machine has it.

pygoplugin is not on PyPI, so the wheel is built once per session from the checkout (``pip
wheel --no-deps``) and installed with ``[gen]`` into each new virtualenv; its dependencies
(grpcio, protobuf, black...) come from PyPI through pip's own cache, so only a cold cache
downloads them.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Generous: a cold pip cache downloads grpcio and grpcio-tools.
_INSTALL_TIMEOUT = 900.0


@dataclasses.dataclass(frozen=True)
class Shell:
    """Run commands as a user would in a shell with the virtualenv activated."""

    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
        }
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.venv)
        env.update(extra or {})
        return env

    def run(
        self, command: str, cwd: Path, timeout: float = 300.0
    ) -> subprocess.CompletedProcess[str]:
        """``command`` through ``sh -c``; fails the caller's assertion with its output."""
        return subprocess.run(
            ["sh", "-c", command],
            cwd=cwd,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def build_wheel(out: Path) -> Path:
    """pygoplugin's wheel, built from the checkout into ``out``."""
    _pip(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"],
        [str(REPO), "-w", str(out)],
    )
    (wheel,) = out.glob("pygoplugin-*.whl")
    return wheel


def fresh_venv(where: Path, wheel: Path) -> Shell:
    """A new virtualenv at ``where`` with ``pygoplugin[gen]`` installed from ``wheel``."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=120)
    _pip([str(where / "bin" / "python"), "-m", "pip", "install", "-q"], [f"{wheel}[gen]"])
    return Shell(where)


def _pip(pip: Sequence[str], arguments: Sequence[str]) -> None:
    result = subprocess.run(
        [*pip, "--disable-pip-version-check", *arguments],
        capture_output=True,
        text=True,
        timeout=_INSTALL_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(pip)} {' '.join(arguments)} failed:\n{result.stderr}")
