"""``gen-plugin init`` as a new user meets it: fresh virtualenv, the README's commands, the new
repository's own tests and CI steps, then its console script under a Go go-plugin host.

Slow (a virtualenv and pip installs per test, about a minute each with a warm pip cache) and
Go-building: deselect with ``-m 'not slow'`` (or ``'not interop'``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import FreshShell
from .freshvenv import REPO, Shell
from .gohost import build_init_host

pytestmark = [pytest.mark.slow, pytest.mark.interop, pytest.mark.timeout(900)]

SHOP_PROTOS = Path(__file__).resolve().parent / "protos"


def ok(result: subprocess.CompletedProcess[str], what: str) -> str:
    assert (
        result.returncode == 0
    ), f"{what}: exit {result.returncode}\n{result.stdout}{result.stderr}"
    return result.stdout


def readme_commands() -> list[str]:
    """The shell block of README.md's "Start a new plugin", comments removed."""
    text = (REPO / "README.md").read_text()
    section = text.split("## Start a new plugin\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def ci_steps(repository: Path) -> list[str]:
    """Every ``run:`` of the repository's CI workflow, in order."""
    workflow = (repository / ".github" / "workflows" / "ci.yml").read_text()
    return re.findall(r"^\s*- run: (.+)$", workflow, flags=re.MULTILINE)


def release(shell: Shell, repository: Path) -> None:
    """Commit everything and tag it v0.1.0: the release compat.sh compares with."""
    for command in (
        "git init -q",
        "git add -A",
        "git -c user.name=t -c user.email=t@example.com commit -qm 'first release'",
        "git tag v0.1.0",
    ):
        ok(shell.run(command, repository), command)


def run_ci(shell: Shell, repository: Path) -> list[str]:
    """The workflow's steps, each as CI runs it; their outputs."""
    steps = ci_steps(repository)
    assert any("gen-plugin" in step and "--check" in step for step in steps)
    assert "sh scripts/compat.sh" in steps
    return [ok(shell.run(step, repository, timeout=600), step) for step in steps]


def bare_env() -> dict[str, str]:
    """What a Go host's process might have: no virtualenv on PATH, nothing Python-specific."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}


def run_host(host: Path, *plugin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(host), "--", *plugin], env=bare_env(), capture_output=True, text=True, timeout=120
    )


STARTER_ANSWERS = [
    "echo: hello",
    "countdown: 3 2 1",
    "sum: 6",
    "chat: you said: hi",
    "chat: you said: bye",
]


def test_readme_start_then_ci_then_a_go_host(
    fresh_shell: FreshShell, pygoplugin_wheel: Path, tmp_path: Path
) -> None:
    shell = fresh_shell()
    commands = readme_commands()
    assert commands[0] == 'pip install "pygoplugin[gen]"'  # fresh_shell did it from the checkout
    assert commands[1] == "gen-plugin init weather"
    work = tmp_path / "work"
    work.mkdir()
    # One shell, as the user types it: `cd weather` carries over to the next commands.
    out = ok(shell.run(" && ".join(commands[1:]), work, timeout=600), "README commands")
    repository = work / "weather"
    assert "4 passed" in out
    assert "weather.countdown: number: 1" in out
    assert 'weather.chat: text: "you said: message 2"' in out

    release(shell, repository)
    outputs = run_ci(shell, repository)
    assert any("compatible: 0 breaking" in output for output in outputs)

    # A change that breaks deployed peers fails the compat step.
    proto = repository / "proto" / "weather" / "v1" / "weather.proto"
    proto.write_text(proto.read_text().replace("int32 start = 1;", "string start = 1;"))
    broken = shell.run("sh scripts/compat.sh", repository)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "breaking" in broken.stdout
    proto.write_text(proto.read_text().replace("string start = 1;", "int32 start = 1;"))

    # The console script pins the virtualenv's interpreter: a Go host needs nothing else.
    script = shell.bin / "weather"
    assert script.read_text().splitlines()[0] == f"#!{shell.bin / 'python'}"
    host = build_init_host("starter-host", repository / "proto")
    result = run_host(host, str(script))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == STARTER_ANSWERS

    # A zipapp of the plugin's own code, run by the virtualenv's interpreter: one file to copy,
    # grpcio still from the virtualenv.
    ok(shell.run("pip install -q --no-deps --target zip/app .", repository), "target install")
    python = shell.bin / "python"
    zipapp = f"python -m zipapp zip/app -m weather.main:main -p {python} -o weather.pyz"
    ok(shell.run(zipapp, repository), "zipapp")
    result = run_host(host, str(repository / "weather.pyz"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == STARTER_ANSWERS

    # A zipapp of everything: grpcio's compiled extension cannot load from inside a zip, and a
    # plugin on the default (grpclib) core never imports it, so the plugin starts from the zip
    # alone; run by hand, it refuses without the host's cookie like every plugin.
    links = pygoplugin_wheel.parent
    ok(shell.run(f"pip install -q --target zip/all --find-links {links} .", repository), "all")
    ok(shell.run("python -m zipapp zip/all -m weather.main:main -o all.pyz", repository), "zip")
    alone = shell.run(f"{python} -I -S all.pyz", repository)  # -S: no site-packages to help
    assert alone.returncode == 1
    assert "This binary is a plugin." in alone.stderr, alone.stderr
    assert "ImportError" not in alone.stderr


def test_proto_with_imports_and_two_services(fresh_shell: FreshShell, tmp_path: Path) -> None:
    shell = fresh_shell()
    repository = tmp_path / "shop-plugin"
    proto = SHOP_PROTOS / "shop" / "v1" / "shop.proto"
    ok(
        shell.run(f"gen-plugin init {repository} --proto {proto} -I {SHOP_PROTOS}", tmp_path),
        "init",
    )
    assert (repository / "proto" / "shop" / "common" / "v1" / "money.proto").is_file()
    ok(shell.run("pip install -q -e '.[test,gen]'", repository, timeout=600), "install")
    tests = ok(shell.run("python -m pytest -q", repository), "the repository's tests")
    assert "4 passed" in tests  # catalog: unary, server stream; cart: client stream, bidi

    release(shell, repository)
    run_ci(shell, repository)

    host = build_init_host("shop-host", repository / "proto")
    result = run_host(host, str(shell.bin / "shop-plugin"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "catalog.GetProduct: ok",
        "catalog.ListProducts: 1 product(s)",
        "cart.AddItems: ok",
        "cart.Watch: 2 receipt(s)",
    ]
