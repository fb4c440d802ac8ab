"""protoc-gen-pyplugin: the same bytes as gen-plugin, errors in the response, features declared."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from pygoplugin_gen.core import settings
from pygoplugin_gen.front import protoc_plugin
from pygoplugin_gen.schema import load
from tests.generator.conftest import EXAMPLE_PROTOS, TEST_PROTOS, GenPlugin, snapshot
from tools import goldens

PLUGIN = Path(sys.executable).parent / "protoc-gen-pyplugin"
SYSTEM_PROTOC = shutil.which("protoc")

PROTOCS = {
    "grpc_tools": [sys.executable, "-m", "grpc_tools.protoc"],
    "system": [SYSTEM_PROTOC] if SYSTEM_PROTOC else None,
}


def run_protoc(
    which: str, include: Path, proto: Path | list[Path], out: Path, options: str
) -> subprocess.CompletedProcess[str]:
    protos = proto if isinstance(proto, list) else [proto]
    command = PROTOCS[which]
    if command is None:
        pytest.skip("no system protoc installed")
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [
            *command,
            f"-I{include}",
            f"--plugin=protoc-gen-pyplugin={PLUGIN}",
            f"--pyplugin_out={out}",
            f"--pyplugin_opt={options}",
            *map(str, protos),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("which", ["grpc_tools", "system"])
@pytest.mark.parametrize("case", goldens.cases(), ids=lambda case: case.name)
def test_protoc_writes_the_same_bytes_as_gen_plugin(
    gen_plugin: GenPlugin, tmp_path: Path, which: str, case: goldens.Case
) -> None:
    protos = [Path(proto) for proto in case.protos]
    if which == "system" and any("\nedition = " in proto.read_text() for proto in protos):
        pytest.skip("Debian's protoc (3.21) predates editions")
    flags = settings.command_line(case.settings)
    options = ",".join(filter(None, ["force_main", settings.parameter(case.settings)]))
    cli = gen_plugin(*protos, "-I", EXAMPLE_PROTOS, "-o", tmp_path / "cli", *flags)
    assert cli.exit_code == 0, cli.stderr
    done = run_protoc(which, EXAMPLE_PROTOS, protos, tmp_path / "protoc", options)
    assert done.returncode == 0, done.stderr
    assert snapshot(tmp_path / "protoc") == snapshot(tmp_path / "cli")


def test_protoc_leaves_main_py_out_unless_asked(tmp_path: Path) -> None:
    done = run_protoc("grpc_tools", EXAMPLE_PROTOS, EXAMPLE_PROTOS / "greeter.proto", tmp_path, "")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "main.py").exists()
    assert (tmp_path / "greeter" / "plugin.py").is_file()


def test_unknown_protoc_options_fail_the_run_with_the_known_ones_listed(tmp_path: Path) -> None:
    done = run_protoc(
        "grpc_tools", EXAMPLE_PROTOS, EXAMPLE_PROTOS / "greeter.proto", tmp_path, "magic_cookie=x"
    )
    assert done.returncode == 1
    assert (
        "--pyplugin_out: unknown option 'magic_cookie'; known options: broker_service, force_main, "
        in (done.stderr)
    )
    assert list(tmp_path.iterdir()) == []


def request_for(
    protos: list[Path], include: Path, generate: list[str], parameter: str = ""
) -> plugin_pb2.CodeGeneratorRequest:
    data, _ = load.compile_protos([str(p) for p in protos], [str(include)])
    files = descriptor_pb2.FileDescriptorSet.FromString(data).file
    return plugin_pb2.CodeGeneratorRequest(
        file_to_generate=generate, parameter=parameter, proto_file=files
    )


def test_the_response_declares_proto3_optional_and_editions_up_to_2024() -> None:
    request = request_for([EXAMPLE_PROTOS / "greeter.proto"], EXAMPLE_PROTOS, ["greeter.proto"])
    response = protoc_plugin.respond(request)
    assert not response.error
    features = plugin_pb2.CodeGeneratorResponse
    assert response.supported_features == (
        features.FEATURE_PROTO3_OPTIONAL | features.FEATURE_SUPPORTS_EDITIONS
    )
    assert response.minimum_edition == descriptor_pb2.EDITION_PROTO2
    assert response.maximum_edition == descriptor_pb2.EDITION_2024


def test_only_the_files_to_generate_are_plugins_and_their_imports_message_modules() -> None:
    layout = TEST_PROTOS / "layout"
    request = request_for([layout / "multi/v1/second.proto"], layout, ["multi/v1/second.proto"])
    response = protoc_plugin.respond(request)
    names = {file.name for file in response.file}
    assert {"multi/v1/second_pb2.py", "multi/v1/second_pb2_grpc.py"} <= names
    # imported, not asked for: messages only (issue 12), so the output imports and runs
    assert {"multi/v1/first_pb2.py", "common/common_pb2.py", "common/__init__.py"} <= names
    assert "multi/v1/first_pb2_grpc.py" not in names
    interface = next(file.content for file in response.file if file.name.endswith("interface.py"))
    assert "class Second(" in interface and "class First(" not in interface


def test_an_edition_2023_file_generates_through_protoc(tmp_path: Path) -> None:
    include = TEST_PROTOS / "editions"
    done = run_protoc("grpc_tools", include, include / "edition.proto", tmp_path, "")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "editions" / "plugin.py").is_file()
