"""Where generated modules go and how they import each other, from any folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.generator.conftest import GREETER_PROTO, TEST_PROTOS, GenPlugin, python, snapshot

LAYOUT = TEST_PROTOS / "layout"


def test_several_files_of_one_package_share_its_interface_and_keep_their_modules(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    protos = [LAYOUT / "multi/v1/first.proto", LAYOUT / "multi/v1/second.proto"]
    assert gen_plugin(*protos, "-I", LAYOUT, "-o", tmp_path).exit_code == 0
    package = tmp_path / "multi" / "v1"
    assert {path.name for path in package.iterdir()} == {
        "__init__.py",
        "first_pb2.py",
        "first_pb2.pyi",
        "first_pb2_grpc.py",
        "first_pb2_grpc.pyi",
        "second_pb2.py",
        "second_pb2.pyi",
        "second_pb2_grpc.py",
        "second_pb2_grpc.pyi",
        "interface.py",
        "plugin.py",
    }
    # Parents are regular packages too (issue 12: a namespace ``test`` lost to the stdlib's).
    assert (tmp_path / "multi" / "__init__.py").read_text().startswith("# Code generated")
    interface = (package / "interface.py").read_text()
    assert "class First(abc.ABC):" in interface
    assert "class Second(abc.ABC):" in interface
    plugin = (package / "plugin.py").read_text()
    assert '"first": FirstGRPCPlugin,\n    "second": SecondGRPCPlugin,' in plugin


def test_generated_modules_import_each_other_from_any_working_directory(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert gen_plugin(LAYOUT / "common/common.proto", "-I", LAYOUT, "-o", out).exit_code == 1
    # common.proto has no service of its own; generated with a file that has one, it is fine.
    protos = [LAYOUT / "multi/v1/second.proto", LAYOUT / "multi/v1/first.proto"]
    assert (
        gen_plugin(*protos, LAYOUT / "common/common.proto", "-I", LAYOUT, "-o", out).exit_code == 0
    )
    second = (out / "multi" / "v1" / "second_pb2.py").read_text()
    assert "from . import first_pb2 as multi_dot_v1_dot_first__pb2" in second
    assert "from common import common_pb2 as common_dot_common__pb2" in second
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from multi.v1 import plugin, second_pb2\n"
        "batch = second_pb2.Batch(things=[{'name': 'a'}], stamp={'seconds': 3})\n"
        "print(sorted(plugin.PLUGINS), batch.stamp.seconds, second_pb2.Batch.__module__)\n"
    )
    output = python("-c", script, str(out), cwd="/")
    assert output.split() == ["['first',", "'second']", "3", "multi.v1.second_pb2"]


def test_the_package_still_works_moved_inside_another_package(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    assert gen_plugin(GREETER_PROTO, "-o", tmp_path / "out").exit_code == 0
    app = tmp_path / "app" / "generated"
    app.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (app / "__init__.py").write_text("")
    shutil.copytree(tmp_path / "out" / "greeter", app / "greeter")
    script = (
        "from app.generated.greeter import plugin, greeter_pb2\n"
        "print(plugin.HANDSHAKE.magic_cookie_key, greeter_pb2.GreetRequest(name='x').name)\n"
    )
    assert python("-c", script, cwd=tmp_path).split() == ["GREETER_PLUGIN", "x"]


def test_generating_one_package_leaves_another_packages_files_alone(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    assert gen_plugin(GREETER_PROTO, "-o", tmp_path).exit_code == 0
    greeter = snapshot(tmp_path / "greeter")
    protos = [LAYOUT / "multi/v1/first.proto", LAYOUT / "multi/v1/second.proto"]
    assert gen_plugin(*protos, "-I", LAYOUT, "-o", tmp_path).exit_code == 0
    assert snapshot(tmp_path / "greeter") == greeter


def test_one_main_py_cannot_serve_protocols_with_different_handshakes(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    kinds = GREETER_PROTO.parent / "kinds.proto"
    result = gen_plugin(GREETER_PROTO, kinds, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "one main.py cannot serve packages with different handshakes: " in result.stderr
    assert "greeter (GREETER_PLUGIN=9c523c74..., version 1), kinds.v1 (KINDS_PLUGIN=" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()
    shared = gen_plugin(
        GREETER_PROTO,
        kinds,
        "-o",
        tmp_path / "out",
        "--magic-cookie-key",
        "APP",
        "--magic-cookie-value",
        "shared",
    )
    assert shared.exit_code == 0, shared.stderr
    main = (tmp_path / "out" / "main.py").read_text()
    assert '"greeter": greeter_plugin.GreeterGRPCPlugin(GreeterImpl()),' in main
    assert '"inventory": kinds_v1_plugin.InventoryGRPCPlugin(InventoryImpl()),' in main
