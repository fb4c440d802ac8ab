"""What a host controls about the launch: the plugin's environment (issue 10, item 6) and the
executable it is willing to run (item 8, go-plugin's SecureConfig)."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

import goplugin
from goplugin import ChecksumMismatchError, SecureConfig
from tests.runtime.conftest import ECHO_PLUGIN, MakeClient

_ENV_REPORTER = """
import os, sys
print("env:", " ".join(sorted(os.environ)), file=sys.stderr, flush=True)
sys.exit(5)
"""


def _plugin_env(make_client: MakeClient, tmp_path: Path, **options: object) -> set[str]:
    """The names in the plugin's environment (it reports them on stderr, then exits)."""
    script = tmp_path / "env_plugin.py"
    script.write_text(_ENV_REPORTER)
    with pytest.raises(goplugin.PluginExitedError) as caught:
        make_client(cmd=[sys.executable, str(script)], **options).start()
    line = next(line for line in caught.value.stderr_tail if line.startswith("env:"))
    return set(line.split()[1:])


def test_plugins_inherit_the_hosts_environment_by_default(
    make_client: MakeClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "hunter2")
    names = _plugin_env(make_client, tmp_path, env={"GREETING": "hi"})
    assert {"AWS_SECRET_ACCESS_KEY", "GREETING", "ECHO_PLUGIN", "PATH"} <= names


def test_skip_host_env_passes_only_what_the_host_names(
    make_client: MakeClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "hunter2")
    names = _plugin_env(make_client, tmp_path, env={"GREETING": "hi"}, skip_host_env=True)
    assert "AWS_SECRET_ACCESS_KEY" not in names
    assert "PATH" not in names
    protocol = {
        "ECHO_PLUGIN",
        "PLUGIN_MIN_PORT",
        "PLUGIN_MAX_PORT",
        "PLUGIN_PROTOCOL_VERSIONS",
        "PLUGIN_UNIX_SOCKET_DIR",
        "PLUGIN_CLIENT_CERT",
    }
    # What Python itself adds to a process's environment (LC_CTYPE coercion) may appear too.
    assert names - {"LC_CTYPE"} == protocol | {"GREETING"}


def test_a_plugin_without_the_hosts_environment_still_serves(make_client: MakeClient) -> None:
    client = make_client(skip_host_env=True)
    assert client.dispense("echo").echo("bare") == "bare"


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_the_right_checksum_starts_the_plugin(make_client: MakeClient) -> None:
    config = SecureConfig(checksum=_sha256(ECHO_PLUGIN), path=ECHO_PLUGIN)
    assert make_client(secure_config=config).dispense("echo").echo("verified") == "verified"


def test_without_path_the_executable_is_hashed_as_go_plugin_does(make_client: MakeClient) -> None:
    config = SecureConfig(checksum=bytes.fromhex(_sha256(sys.executable)))
    assert make_client(secure_config=config).dispense("echo").echo("ok") == "ok"


def test_a_wrong_checksum_is_refused_before_anything_runs(
    make_client: MakeClient, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    script = tmp_path / "tampered.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    expected = "00" * 32
    client = make_client(
        cmd=[sys.executable, str(script)],
        secure_config=SecureConfig(checksum=expected, path=str(script)),
    )
    with pytest.raises(ChecksumMismatchError) as caught:
        client.start()
    message = str(caught.value)
    assert f"{script} has SHA-256 {_sha256(str(script))}" in message
    assert f"the host requires {expected}" in message
    assert isinstance(caught.value, goplugin.PluginStartError)
    assert not marker.exists()
    assert client.pid is None


@pytest.mark.parametrize(
    ("checksum", "complaint"),
    [("not hex", "is not hex"), ("abcd", "must be a SHA-256 (32 bytes), got 2 bytes")],
)
def test_a_malformed_checksum_is_refused_when_the_client_is_made(
    make_client: MakeClient, checksum: str, complaint: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(complaint)):
        make_client(secure_config=SecureConfig(checksum=checksum))


def test_an_unreadable_file_to_hash_is_a_start_error(
    make_client: MakeClient, tmp_path: Path
) -> None:
    config = SecureConfig(checksum="00" * 32, path=str(tmp_path / "missing"))
    with pytest.raises(goplugin.PluginStartError, match="SecureConfig: could not read"):
        make_client(secure_config=config).start()
