"""The Go target (issue 14): goldens, both front doors, shared handshake, clear errors.

What the generated Go does against go-plugin is tests/interop/matrix/test_generated_go.py's job (it
needs Go); here is what needs only Python: the committed golden-go/ is today's output, ``gen-plugin
--go-out`` and ``protoc --goplugin_out`` write the same bytes, the Go package carries the very
handshake the Python package does, and mistakes are explained.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pygoplugin_gen.core import settings
from pygoplugin_gen.go.naming import go_camel_case, plugin_package
from tests.generator.conftest import EXAMPLE_PROTOS, GenPlugin, snapshot
from tools import go_goldens, goldens

PLUGIN = Path(sys.executable).parent / "protoc-gen-goplugin"


def test_the_go_goldens_are_what_the_generator_writes() -> None:
    assert go_goldens.main([]) == 0


@pytest.mark.parametrize("case", sorted(go_goldens.GO_CASES))
def test_protoc_goplugin_writes_the_same_bytes_as_gen_plugin_go_out(
    gen_plugin: GenPlugin, tmp_path: Path, case: str
) -> None:
    options = go_goldens.settings(case)
    protos = go_goldens.protos(case)
    cli = gen_plugin(
        *protos, "-I", EXAMPLE_PROTOS, "--go-out", tmp_path / "cli", *settings.command_line(options)
    )
    assert cli.exit_code == 0, cli.stderr
    (tmp_path / "protoc").mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{EXAMPLE_PROTOS}",
            f"--plugin=protoc-gen-goplugin={PLUGIN}",
            f"--goplugin_out={tmp_path / 'protoc'}",
            f"--goplugin_opt={settings.parameter(options)}",
            *protos,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert snapshot(tmp_path / "protoc") == snapshot(tmp_path / "cli")
    golden = goldens.read_tree(os.path.join(go_goldens.GOLDEN_GO, case))
    assert goldens.read_tree(str(tmp_path / "cli")) == golden


def _go_handshake(text: str) -> tuple[int, str, str]:
    found = re.search(
        r'ProtocolVersion:\s+(\d+),\s+MagicCookieKey:\s+"([^"]*)",\s+MagicCookieValue:\s+"([^"]*)"',
        text,
    )
    assert found is not None
    return int(found[1]), found[2], found[3]


def _python_handshake(text: str) -> tuple[int, str, str]:
    found = re.search(
        r'protocol_version=(\d+),\s+magic_cookie_key="([^"]*)",\s+magic_cookie_value="([^"]*)"',
        text,
    )
    assert found is not None
    return int(found[1]), found[2], found[3]


@pytest.mark.parametrize(
    ("case", "go_file", "python_file"),
    [
        ("greeter", "proto/greeter/greeterplugin/plugin.go", "greeter/plugin.py"),
        ("kinds", "proto/kinds/v1/kindsv1plugin/plugin.go", "kinds/v1/plugin.py"),
        ("versioned", "proto/greeter/greeterversions/versions.go", "greeter/versions.py"),
        ("go-plugin-bidirectional", "proto/counter/protoplugin/plugin.go", "proto/plugin.py"),
    ],
)
def test_go_and_python_carry_the_same_handshake(case: str, go_file: str, python_file: str) -> None:
    go = go_goldens.generate(case)[go_file]
    python = goldens.generate_cached(case)[python_file]
    assert _go_handshake(go) == _python_handshake(python)


def test_go_and_python_name_the_plugins_alike() -> None:
    go = go_goldens.generate("kinds")["proto/kinds/v1/kindsv1plugin/plugin.go"]
    assert 'const InventoryPluginName = "inventory"' in go
    assert 'const AuditPluginName = "audit"' in go
    python = goldens.generate_cached("kinds")["kinds/v1/plugin.py"]
    assert '"inventory": InventoryGRPCPlugin' in python and '"audit": AuditGRPCPlugin' in python


def test_streams_have_one_shape_on_both_sides() -> None:
    interface = go_goldens.generate("kinds")["proto/kinds/v1/kindsv1plugin/interface.go"]
    assert (
        "List(ctx context.Context, req *kindsv1pb.ListRequest) "
        "iter.Seq2[*kindsv1pb.Item, error]" in interface
    )
    assert (
        "Put(ctx context.Context, reqs iter.Seq2[*kindsv1pb.Item, error]) "
        "(*kindsv1pb.PutSummary, error)" in interface
    )
    assert "// Deprecated: RPC kinds.v1.Audit.GetHTTPStatus is deprecated." in interface


def test_broker_services_get_serve_and_dial_helpers_and_no_plugin() -> None:
    files = go_goldens.generate("go-plugin-bidirectional")
    broker = files["proto/counter/protoplugin/broker.go"]
    assert "func ServeAddHelper(broker *plugin.GRPCBroker, impl AddHelper) (uint32, func())" in (
        broker
    )
    assert "func DialAddHelper(broker *plugin.GRPCBroker, id uint32) (AddHelper, func() error" in (
        broker
    )
    assert "AddHelperGRPCPlugin" not in files["proto/counter/protoplugin/grpc.go"]
    assert "AddHelper" not in files["proto/counter/protoplugin/plugin.go"].split("PluginMap")[-1]


def test_a_proto_without_go_package_is_explained(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    result = gen_plugin(EXAMPLE_PROTOS / "kinds.proto", "--go-out", tmp_path / "go")
    assert result.exit_code == 1
    assert "kinds.proto: no Go import path for its messages" in result.stderr
    assert "--go-import kinds.proto=" in result.stderr
    assert not (tmp_path / "go").exists()


def test_a_relative_go_package_is_explained(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    proto = EXAMPLE_PROTOS / "go-plugin-grpc" / "kv.proto"
    result = gen_plugin(proto, "-I", EXAMPLE_PROTOS, "--go-out", tmp_path / "go")
    assert result.exit_code == 1
    assert "its go_package './proto' is not a Go import path" in result.stderr
    assert "--go-import go-plugin-grpc/kv.proto=" in result.stderr


def test_a_package_outside_the_module_is_explained(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    proto = EXAMPLE_PROTOS / "greeter.proto"
    result = gen_plugin(proto, "--go-out", tmp_path / "go", "--go-module", "example.com/other")
    assert result.exit_code == 1
    assert "yourapp/proto/greeter/greeterplugin is not inside module example.com/other" in (
        result.stderr
    )


def test_no_output_folder_at_all_is_a_usage_error(gen_plugin: GenPlugin) -> None:
    result = gen_plugin(EXAMPLE_PROTOS / "greeter.proto")
    assert result.exit_code == 2
    assert "no output folder: give -o OUT" in result.stderr


def test_python_and_go_in_one_run(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    proto = EXAMPLE_PROTOS / "greeter.proto"
    result = gen_plugin(proto, "-o", tmp_path / "py", "--go-out", tmp_path / "go")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "py" / "greeter" / "plugin.py").is_file()
    assert (tmp_path / "go" / "yourapp/proto/greeter/greeterplugin/plugin.go").is_file()


@pytest.mark.parametrize(
    ("proto", "go"),
    [
        ("GetHTTPStatus", "GetHTTPStatus"),
        ("get_thing", "GetThing"),
        ("Item.Key", "Item_Key"),
        ("_private", "XPrivate"),
        ("v2_beta", "V2Beta"),
    ],
)
def test_go_names_follow_protoc_gen_go(proto: str, go: str) -> None:
    assert go_camel_case(proto) == go


@pytest.mark.parametrize(
    ("package", "name"),
    [
        ("greeter", "greeterplugin"),
        ("greeter.v1", "greeterv1plugin"),
        ("acme.kv_store", "kvstoreplugin"),
    ],
)
def test_plugin_package_names(package: str, name: str) -> None:
    assert plugin_package(package, "x.proto") == name
