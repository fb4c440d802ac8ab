"""Several versions of one protocol in one run: one package each, plus the versions module.

``gen-plugin greeter/v1/greeter.proto greeter/v2/greeter.proto`` writes ``greeter/v1/``,
``greeter/v2/``, ``greeter/versions.py`` (the shared ``HANDSHAKE`` and ``VERSIONED_PLUGINS``) and
a ``main.py`` serving both. The exact bytes are pinned by ``golden/versioned``; these tests pin
the properties behind them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.versioning.conftest import GenPlugin

REPO = Path(__file__).resolve().parents[2]
PROTOS = REPO / "example_protos"
V1 = PROTOS / "greeter" / "v1" / "greeter.proto"
V2 = PROTOS / "greeter" / "v2" / "greeter.proto"
SEED = PROTOS / "greeter.proto"
ACME = Path(__file__).resolve().parent / "protos"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_python(script: str, path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_each_version_is_generated_exactly_as_a_run_of_its_own(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    both, alone = tmp_path / "both", tmp_path / "alone"
    assert gen_plugin(V1, V2, "-I", PROTOS, "-o", both).exit_code == 0
    for proto, version in ((V1, "v1"), (V2, "v2")):
        assert gen_plugin(proto, "-I", PROTOS, "-o", alone / version).exit_code == 0
        assert not (alone / version / "greeter" / "versions.py").exists()
        assert "plugins={" in (alone / version / "main.py").read_text()
        assert tree(both / "greeter" / version) == tree(alone / version / "greeter" / version)
    assert sorted(tree(both)) == sorted(
        [
            "main.py",
            "greeter/__init__.py",  # a regular package above the versions (issue 12)
            "greeter/versions.py",
            *(f"greeter/{v}/{name}" for v in ("v1", "v2") for name in tree(both / "greeter" / v)),
        ]
    )


def test_the_versions_module_lists_each_versions_plugins_under_one_handshake(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    assert gen_plugin(V1, V2, "-I", PROTOS, "-o", tmp_path).exit_code == 0
    script = (
        "from greeter import versions\n"
        "from greeter.v1 import plugin as v1\n"
        "from greeter.v2 import plugin as v2\n"
        "sets = {v: {n: f'{c.__module__}.{c.__name__}' for n, c in s.items()}\n"
        "        for v, s in versions.VERSIONED_PLUGINS.items()}\n"
        "print(sets)\n"
        "cookie = lambda h: (h.magic_cookie_key, h.magic_cookie_value)\n"
        "print(versions.HANDSHAKE.protocol_version, v1.HANDSHAKE.protocol_version,"
        " v2.HANDSHAKE.protocol_version)\n"
        "print(cookie(versions.HANDSHAKE) == cookie(v1.HANDSHAKE) == cookie(v2.HANDSHAKE))\n"
    )
    lines = run_python(script, tmp_path).splitlines()
    assert lines == [
        "{1: {'greeter': 'greeter.v1.plugin.GreeterGRPCPlugin'}, "
        "2: {'greeter': 'greeter.v2.plugin.GreeterGRPCPlugin'}}",
        "2 1 2",
        "True",
    ]


def test_the_scaffold_serves_every_version_with_one_class_per_version(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    assert gen_plugin(V1, V2, "-I", PROTOS, "-o", tmp_path).exit_code == 0
    main = (tmp_path / "main.py").read_text()
    assert "class GreeterV1Impl(greeter_v1_interface.Greeter):" in main
    assert "class GreeterV2Impl(greeter_v2_interface.Greeter):" in main
    assert "        handshake_config=versions.HANDSHAKE,\n        versioned_plugins={\n" in main
    assert (
        '            2: {\n                "greeter": greeter_v2_plugin.GreeterGRPCPlugin(' in main
    )
    assert "It serves protocol versions 1 and 2" in main


def test_files_of_one_name_in_version_folders_need_no_include_folder(
    gen_plugin: GenPlugin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PROTOS)  # as in: gen-plugin greeter/v1/greeter.proto greeter/v2/...
    result = gen_plugin("greeter/v1/greeter.proto", "greeter/v2/greeter.proto", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "greeter" / "versions.py").is_file()
    assert (tmp_path / "greeter" / "v2" / "interface.py").is_file()


def test_the_unversioned_seed_package_can_be_version_1(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    """``greeter`` (the lesson's, deployed) and ``greeter.v2`` share ``greeter/versions.py``."""
    result = gen_plugin(SEED, V2, "-I", PROTOS, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    versions = (tmp_path / "greeter" / "versions.py").read_text()
    assert "from . import plugin\nfrom .v2 import plugin as v2_plugin\n" in versions
    assert '1: {\n        "greeter": plugin.GreeterGRPCPlugin,' in versions
    assert '2: {\n        "greeter": v2_plugin.GreeterGRPCPlugin,' in versions


def test_package_version_numbers_packages_that_name_no_version(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    protos = [ACME / "acme" / "greeter.proto", ACME / "acme" / "greeter_next.proto"]
    cookie = ["--magic-cookie-key", "ACME_PLUGIN", "--magic-cookie-value", "acme"]
    unnumbered = gen_plugin(*protos, "-I", ACME, "-o", tmp_path / "one", *cookie)
    assert unnumbered.exit_code == 1  # both version 1: one main.py, two plugins "greeter"
    assert "would both be served as plugin 'greeter'" in unnumbered.stderr
    # Unrelated packages by default (issue 12: a cookie per protocol package) ...
    apart = gen_plugin(*protos, "-I", ACME, "-o", tmp_path / "one")
    assert "cannot serve packages with different handshakes" in apart.stderr
    assert "ACME_GREETER_PLUGIN=" in apart.stderr and "ACME_GREETER_NEXT_PLUGIN=" in apart.stderr
    # ... and versions of one protocol once numbered: they share the cookie of "acme".
    numbered_only = ["--package-version", "acme.greeter=1", "--package-version"]
    shared = gen_plugin(
        *protos, "-I", ACME, "-o", tmp_path / "shared", *numbered_only, "acme.greeter_next=2"
    )
    assert shared.exit_code == 0, shared.stderr
    assert '"ACME_PLUGIN"' in (tmp_path / "shared" / "acme" / "versions.py").read_text()

    versions = ["--package-version", "acme.greeter=1", "--package-version", "acme.greeter_next=2"]
    numbered = gen_plugin(*protos, "-I", ACME, "-o", tmp_path / "two", *cookie, *versions)
    assert numbered.exit_code == 0, numbered.stderr
    module = (tmp_path / "two" / "acme" / "versions.py").read_text()
    assert "from .greeter import plugin as greeter_plugin\n" in module
    assert '2: {\n        "greeter": greeter_next_plugin.GreeterGRPCPlugin,' in module
    assert "protocol_version=2" in (tmp_path / "two/acme/greeter_next/plugin.py").read_text()

    typo = gen_plugin(*protos, "-I", ACME, "-o", tmp_path / "x", "--package-version", "acme=2")
    assert typo.exit_code == 1
    assert "package_version names acme, which no proto of this run declares" in typo.stderr


def test_versions_without_a_shared_package_are_refused(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    kinds = PROTOS / "kinds.proto"  # kinds.v1, made to share the greeter.v2 cookie
    cookie = ["--magic-cookie-key", "APP", "--magic-cookie-value", "shared"]
    result = gen_plugin(kinds, V2, "-I", PROTOS, "-o", tmp_path / "out", *cookie)
    assert result.exit_code == 1
    assert (
        "versions greeter.v2 (version 2), kinds.v1 (version 1) share no package to hold "
        "versions.py: name the packages of one protocol's versions NAME.v1, NAME.v2, ..."
    ) in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("parameter", ["force_main", "force_main,package_version=greeter.v1=1"])
def test_protoc_writes_the_same_bytes_as_gen_plugin(
    gen_plugin: GenPlugin, tmp_path: Path, parameter: str
) -> None:
    assert gen_plugin(V1, V2, "-I", PROTOS, "-o", tmp_path / "cli").exit_code == 0
    plugin = Path(sys.executable).parent / "protoc-gen-pyplugin"
    (tmp_path / "protoc").mkdir()
    protoc = [sys.executable, "-m", "grpc_tools.protoc", f"-I{PROTOS}"]
    protoc += [f"--plugin=protoc-gen-pyplugin={plugin}", f"--pyplugin_out={tmp_path / 'protoc'}"]
    done = subprocess.run(
        [*protoc, f"--pyplugin_opt={parameter}", os.fspath(V1), os.fspath(V2)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert tree(tmp_path / "protoc") == tree(tmp_path / "cli")
