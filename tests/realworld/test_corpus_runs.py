"""Every corpus proto generates and imports; every service is served by a real plugin process
and answers every RPC through the generated client (dummy implementations, built at run time).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.realworld import corpus
from tests.realworld.conftest import generated_ok
from tests.realworld.known_failures import KNOWN
from tests.support import shared_protos

shared_protos.require(bool(corpus.ALL), f"no protos in {corpus.SHARED_PROTOS}")

Reports = dict[str, dict[str, Any]]


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "generates", KNOWN))
def test_gen_plugin_generates_the_file_and_its_package(
    proto: corpus.CorpusProto, generated: dict[str, corpus.Generated]
) -> None:
    out = generated_ok(generated, proto)
    assert list(out.rglob("*_pb2.py")) and list(out.rglob("*_pb2.pyi")), proto.id
    if proto.has_service:
        interfaces = [path.parent for path in out.rglob("interface.py")]
        assert interfaces and all((folder / "plugin.py").is_file() for folder in interfaces)
        assert (out / "main.py").is_file()


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "imports", KNOWN))
def test_every_emitted_module_imports(
    proto: corpus.CorpusProto, generated: dict[str, corpus.Generated], probes: Reports
) -> None:
    generated_ok(generated, proto)
    report = probes[proto.id]
    assert "probe_error" not in report, report.get("probe_error")
    assert report["imports"], "no module found to import"
    failures = {module: error for module, error in report["imports"].items() if error}
    assert not failures, "\n\n".join(f"{name}:\n{error}" for name, error in failures.items())


@pytest.mark.parametrize("proto", corpus.cases(corpus.WITH_SERVICES, "serves", KNOWN))
def test_a_plugin_process_serves_every_service_and_every_rpc_answers_through_the_client(
    proto: corpus.CorpusProto, generated: dict[str, corpus.Generated], probes: Reports
) -> None:
    generated_ok(generated, proto)
    report = probes[proto.id]
    assert "probe_error" not in report, report.get("probe_error")
    assert report["packages"], "no generated package has a plugin.py"
    for package, entry in report["packages"].items():
        assert "describe_error" not in entry, entry["describe_error"]
        assert "run_error" not in entry, entry["run_error"]
        expected = sorted(
            (service["plugin_name"], name)
            for service in entry["services"]
            for name in ["(dispense)", *(rpc["name"] for rpc in service["rpcs"])]
        )
        called = sorted((call["plugin"], call["rpc"]) for call in entry["calls"])
        assert called == expected, package  # every plugin dispensed, every RPC called
        failed = [call for call in entry["calls"] if not call["ok"]]
        assert not failed, failed
        assert entry["returncode"] == 0, entry["stderr"]  # shut down on request, not killed


def test_the_corpus_has_all_four_kinds_of_rpc_and_every_kind_answers(probes: Reports) -> None:
    entries = [entry for report in probes.values() for entry in report["packages"].values()]
    described = {
        (rpc["client_streaming"], rpc["server_streaming"])
        for entry in entries
        for service in entry.get("services", [])
        for rpc in service["rpcs"]
    }
    calls = [call for entry in entries for call in entry.get("calls", []) if "kind" in call]
    answered = {call["kind"] for call in calls if call["ok"]}
    kinds = {
        (False, False): "unary",
        (False, True): "server-stream",
        (True, False): "client-stream",
        (True, True): "bidi",
    }
    if corpus.SHARED_PROTOS == corpus.DEFAULT_PROTOS:  # route_guide has all four
        assert described == set(kinds)
    assert answered >= {kinds[kind] for kind in described}
