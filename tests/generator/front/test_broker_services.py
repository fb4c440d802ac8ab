"""Marking broker services without touching the proto: ``--broker-service`` / ``broker_service=``.

go-plugin's bidirectional example is used as its users have it (example_protos/, unmodified):
AddHelper is what the host serves its plugin through the GRPCBroker, so it must not become a
plugin, and a name that matches no service must stop the run with the services it could mean.
"""

from __future__ import annotations

from pathlib import Path

from tests.generator.conftest import EXAMPLE_PROTOS, GenPlugin
from tests.generator.front.test_protoc_plugin import run_protoc

BIDIRECTIONAL = EXAMPLE_PROTOS / "go-plugin-bidirectional" / "kv.proto"


def test_a_broker_service_gets_helpers_and_no_plugin(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    done = gen_plugin(BIDIRECTIONAL, "-o", tmp_path, "--broker-service", "proto.AddHelper")

    assert done.exit_code == 0, done.stderr
    plugin = (tmp_path / "proto" / "plugin.py").read_text()
    assert (
        "def serve_add_helper(broker: goplugin.GRPCBroker, impl: AddHelper | AsyncAddHelper)"
        " -> int:" in plugin
    )
    assert "def dial_add_helper(broker: goplugin.GRPCBroker, service_id: int) -> AddHelper:" in (
        plugin
    )
    assert "class AddHelperGRPCPlugin" not in plugin
    assert '    "counter": CounterGRPCPlugin,\n}' in plugin
    main = (tmp_path / "main.py").read_text()
    assert "class AddHelperImpl" not in main
    assert "plugin.dial_add_helper(goplugin.current_broker(), request.<id field>)" in main


def test_without_the_option_every_service_is_a_plugin(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    done = gen_plugin(BIDIRECTIONAL, "-o", tmp_path)

    assert done.exit_code == 0, done.stderr
    plugin = (tmp_path / "proto" / "plugin.py").read_text()
    assert "class AddHelperGRPCPlugin" in plugin
    assert "serve_add_helper" not in plugin


def test_a_short_name_is_refused_with_the_full_one_suggested(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    done = gen_plugin(BIDIRECTIONAL, "-o", tmp_path, "--broker-service", "AddHelper")

    assert done.exit_code == 1
    assert "broker_service names AddHelper, which no proto of this run declares" in done.stderr
    assert "did you mean proto.AddHelper?" in done.stderr
    assert "proto.AddHelper (kv.proto), proto.Counter (kv.proto)" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_misspelt_name_lists_the_services_there_are(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    done = gen_plugin(BIDIRECTIONAL, "-o", tmp_path, "--broker-service", "proto.AddHelpr")

    assert done.exit_code == 1
    assert done.stderr.startswith("gen-plugin: error: kv.proto: broker_service names ")
    assert "did you mean" not in done.stderr
    assert "give the full name of one of its services: proto.AddHelper (kv.proto)" in done.stderr


def test_marking_every_service_leaves_main_py_nothing_to_serve(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    done = gen_plugin(
        BIDIRECTIONAL,
        "-o",
        tmp_path,
        "--broker-service",
        "proto.AddHelper",
        "--broker-service=proto.Counter",
    )

    assert done.exit_code == 1
    assert "every service of this run is a broker service" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_protoc_takes_the_same_option_as_a_parameter(tmp_path: Path) -> None:
    done = run_protoc(
        "grpc_tools",
        BIDIRECTIONAL.parent,
        [BIDIRECTIONAL],
        tmp_path,
        "broker_service=proto.AddHelper,broker_service=proto.Nope",
    )

    assert done.returncode == 1
    assert "broker_service names proto.Nope" in done.stderr
    done = run_protoc(
        "grpc_tools",
        BIDIRECTIONAL.parent,
        [BIDIRECTIONAL],
        tmp_path,
        "broker_service=proto.AddHelper",
    )
    assert done.returncode == 0, done.stderr
    assert "def serve_add_helper(" in (tmp_path / "proto" / "plugin.py").read_text()
