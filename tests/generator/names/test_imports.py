"""Imports as users bring them (issue 12): emitted as message modules, or mapped to code that
exists; every emitted folder a regular package; the runtime's own symbols refused up front.

The emitted case itself is ``example_protos/imports`` (only ``driver.proto`` generated; its golden
output imports and serves, see test_every_case_runs.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pygoplugin_gen.python import imports
from tests.generator.conftest import EXAMPLE_PROTOS, GenPlugin, python

DRIVER = EXAMPLE_PROTOS / "imports" / "driver.proto"
COOKIE = ["--magic-cookie-value", "hello"]

USE_DRIVER = """
import sys
sys.path[:0] = sys.argv[1:]
from acme.driver.v1 import driver_pb2, plugin
request = driver_pb2.StartTaskRequest(config={"name": "web", "resources": {"memory_mb": 64}})
print(type(request.config).__module__, request.config.resources.memory_mb, plugin.PLUGINS)
"""


def vendor_sdk(folder: Path) -> Path:
    """The imported files' modules as grpcio-tools writes them: an SDK that already exists."""
    folder.mkdir()
    shared = EXAMPLE_PROTOS / "imports" / "shared"
    protos = [shared / name for name in ("types.proto", "units.proto")]
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{EXAMPLE_PROTOS}", f"--python_out={folder}"]
        + [str(proto) for proto in protos],
        check=True,
    )
    return folder


def test_an_import_is_emitted_as_a_message_module_never_a_plugin(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert gen_plugin(DRIVER, "-I", EXAMPLE_PROTOS, "-o", out, *COOKIE).exit_code == 0
    shared = sorted(path.name for path in (out / "acme" / "shared").iterdir())
    assert shared == ["__init__.py", "types_pb2.py", "types_pb2.pyi", "units"]
    assert "SomebodyElses" not in (out / "main.py").read_text()
    printed = python("-c", USE_DRIVER, str(out), cwd=tmp_path).split()
    assert printed[:2] == ["acme.shared.types_pb2", "64"]


@pytest.mark.parametrize(
    "mapping",
    [
        [
            "imports/shared/types.proto=imports.shared.types_pb2",
            "imports/shared/units.proto=imports.shared.units_pb2",
        ],
        ["acme.shared=imports.shared", "acme.shared.units=imports.shared"],
    ],
    ids=["files", "packages"],
)
def test_a_mapped_import_is_imported_from_where_it_lives(
    gen_plugin: GenPlugin, tmp_path: Path, mapping: list[str]
) -> None:
    sdk = vendor_sdk(tmp_path / "sdk")
    out = tmp_path / "out"
    options = [word for pair in mapping for word in ("--python-module", pair)]
    result = gen_plugin(DRIVER, "-I", EXAMPLE_PROTOS, "-o", out, *COOKIE, *options)
    assert result.exit_code == 0, result.stderr
    assert not (out / "acme" / "shared").exists()
    assert (
        "from imports.shared import types_pb2"
        in (out / "acme" / "driver" / "v1" / "driver_pb2.py").read_text()
    )
    printed = python("-c", USE_DRIVER, str(out), str(sdk), cwd=tmp_path).split()
    assert printed[:2] == ["imports.shared.types_pb2", "64"]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("nowhere/x.proto=x_pb2", "python_module maps nowhere/x.proto, which no proto of this"),
        ("imports/driver.proto=x_pb2", "python_module maps imports/driver.proto, which this run"),
        ("acme.shared=acme.sdk", "inside the package acme that this run writes"),
    ],
)
def test_a_mapping_that_cannot_work_is_refused(
    gen_plugin: GenPlugin, tmp_path: Path, mapping: str, message: str
) -> None:
    result = gen_plugin(DRIVER, "-I", EXAMPLE_PROTOS, "-o", tmp_path, "--python-module", mapping)
    assert result.exit_code == 1
    assert message in result.stderr


def test_a_proto_redeclaring_the_runtimes_symbols_is_refused_with_the_fix(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    proto = tmp_path / "grpc" / "health" / "v1" / "health.proto"
    proto.parent.mkdir(parents=True)
    proto.write_text(
        'syntax = "proto3";\npackage grpc.health.v1;\n'
        "message HealthCheckRequest { string service = 1; }\n"
        "service Checker { rpc Check(HealthCheckRequest) returns (HealthCheckRequest); }\n"
    )
    result = gen_plugin(proto, "-I", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        "grpc/health/v1/health.proto: grpc.health.v1.HealthCheckRequest is already registered "
        "by goplugin" in result.stderr
    )
    assert "'duplicate symbol'" in result.stderr
    assert "Put this file in a package of your own" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_runtime_symbols_are_those_the_runtime_registers() -> None:
    from grpc_health.v1 import health_pb2
    from grpc_reflection.v1alpha import reflection_pb2

    registered = {}
    for module in (health_pb2, reflection_pb2):
        file = module.DESCRIPTOR
        for name in [*file.message_types_by_name, *file.enum_types_by_name, *file.services_by_name]:
            registered[f"{file.package}.{name}"] = file.name
        assert imports.RUNTIME_MODULES[file.name] == module.__name__
    assert registered == imports.RUNTIME_SYMBOLS


def test_a_folder_above_the_packages_keeps_the_users_own_init(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    out = tmp_path / "src"
    (out / "acme").mkdir(parents=True)
    (out / "acme" / "__init__.py").write_text("VERSION = 'mine'\n")
    assert gen_plugin(DRIVER, "-I", EXAMPLE_PROTOS, "-o", out, *COOKIE).exit_code == 0
    assert (out / "acme" / "__init__.py").read_text() == "VERSION = 'mine'\n"
    assert (out / "acme" / "driver" / "__init__.py").read_text().startswith("# Code generated")
    again = gen_plugin(DRIVER, "-I", EXAMPLE_PROTOS, "-o", out, *COOKIE, "--check")
    assert again.exit_code == 0, again.stdout


def test_passing_an_import_too_says_it_need_not_be_passed(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    shared = EXAMPLE_PROTOS / "imports" / "shared" / "types.proto"
    result = gen_plugin(DRIVER, shared, "-I", EXAMPLE_PROTOS, "-o", tmp_path)
    assert result.exit_code == 1
    assert "A file the others only import need not be passed" in result.stderr
