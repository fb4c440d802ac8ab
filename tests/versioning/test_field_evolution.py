"""Field evolution across deployed peers: a plugin and a host built from two editions of a proto.

The seed's ``GreetRequest`` has two fields; ``protos/evolved/greeter.proto`` adds three more
(and one to ``GreetResponse``) without touching the old ones. Each side is generated from its
own edition into its own folder and runs in its own process, as separately deployed binaries
do (both editions are package ``greeter``: one process could not load both). Whichever side is
older, calls succeed, the older side ignores what it does not know, and the newer side reads
what the older one never sends as the field's default.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED = REPO / "example_protos" / "greeter.proto"
EVOLVED = HERE / "protos" / "evolved" / "greeter.proto"
COOKIE = ("--magic-cookie-value", "hello")


def generate(proto: Path, out: Path) -> Path:
    """``gen-plugin PROTO -o OUT`` with the lesson's cookie, in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "pygoplugin_gen", str(proto), "-o", str(out), *COOKIE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"},
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("editions")
    return {"seed": generate(SEED, root / "seed"), "evolved": generate(EVOLVED, root / "evolved")}


def call(host_out: Path, plugin_out: Path) -> dict[str, object]:
    """Run the host built from ``host_out`` against the plugin built from ``plugin_out``."""
    plugin = [sys.executable, str(HERE / "evolution_plugin.py"), str(plugin_out)]
    done = subprocess.run(
        [sys.executable, str(HERE / "evolution_host.py"), str(host_out), *plugin],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


def test_a_newer_host_calls_an_older_plugin(editions: dict[str, Path]) -> None:
    report = call(host_out=editions["evolved"], plugin_out=editions["seed"])

    assert report["sent"] == {
        "name": "Ada",
        "locale": "fr",
        "title": "Dr",
        "times": 3,
        "nicknames": ["Countess", "Enchantress of Numbers"],
    }
    # The old plugin read the fields it knows and skipped the rest (which it kept as unknown).
    assert report["plugin"] == {"seen": {"name": "Ada", "locale": "fr"}, "unknown": True}
    # The new host reads the response field the old plugin never sets as its default.
    assert report["response"] == {"language": ""}
    assert report["response_unknown"] is False


def test_an_older_host_calls_a_newer_plugin(editions: dict[str, Path]) -> None:
    report = call(host_out=editions["seed"], plugin_out=editions["evolved"])

    assert report["sent"] == {"name": "Ada", "locale": "fr"}
    # The new plugin reads the fields the old host never sends as their defaults.
    assert report["plugin"] == {
        "seen": {"name": "Ada", "locale": "fr", "title": "", "times": 0, "nicknames": []},
        "unknown": False,
    }
    # The old host ignores the response field it does not know; the bytes did arrive.
    assert report["response"] == {}
    assert report["response_unknown"] is True


def test_adding_fields_changes_the_messages_and_nothing_else(editions: dict[str, Path]) -> None:
    """Same handshake, same adapters, same interface: only the ``_pb2`` modules differ."""
    seed, evolved = (out / "greeter" for out in (editions["seed"], editions["evolved"]))
    changed = sorted(
        path.name
        for path in seed.iterdir()
        if path.is_file() and path.read_bytes() != (evolved / path.name).read_bytes()
    )
    assert changed == ["greeter_pb2.py", "greeter_pb2.pyi"]
