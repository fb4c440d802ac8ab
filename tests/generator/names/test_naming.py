"""Python names for proto names: readable, valid, stable, and decided in one module."""

from __future__ import annotations

import keyword

import pytest

from pygoplugin_gen.core import naming as core_naming
from pygoplugin_gen.python import naming


@pytest.mark.parametrize(
    ("proto", "python"),
    [
        ("Greet", "greet"),
        ("GreetStream", "greet_stream"),
        ("GetHTTPResponse", "get_http_response"),
        ("HTTP", "http"),
        ("getUser", "get_user"),
        ("V2Greet", "v2_greet"),
        ("greetV2", "greet_v2"),
        ("already_snake", "already_snake"),
        ("ListenAndServeTLS", "listen_and_serve_tls"),
    ],
)
def test_rpc_names_become_snake_case_with_acronyms_kept_together(proto: str, python: str) -> None:
    assert naming.method_names([proto]) == [python]


def test_keyword_rpc_names_get_a_trailing_underscore_and_soft_keywords_stay() -> None:
    names = naming.method_names(["Lambda", "Class", "Return", "Import", "Match", "Type", "Sum"])
    assert names == ["lambda_", "class_", "return_", "import_", "match", "type", "sum"]
    assert all(not keyword.iskeyword(name) for name in names)


def test_names_that_collide_once_snake_cased_are_told_apart_by_declaration_order() -> None:
    assert naming.method_names(["GetHTTP", "GetHttp", "Get_Http"]) == [
        "get_http",
        "get_http_2",
        "get_http_3",
    ]
    assert core_naming.plugin_names(["FooBar", "foo_bar"]) == ["foo_bar", "foo_bar_2"]


def test_service_classes_never_shadow_builtins_or_the_generated_modules_names() -> None:
    assert naming.service_class_names(["TypeError", "List", "greeter", "HANDSHAKE", "None"]) == [
        "TypeErrorService",
        "List",
        "Greeter",
        "HANDSHAKEService",
        "NoneService",
    ]
    # A service named like another one's adapter class ("FooGRPCServer") must not take it.
    first, second = naming.service_class_names(["Foo", "FooGRPCServer"])
    assert first == "Foo"
    assert second not in naming.adapter_class_names(first)


@pytest.mark.parametrize(
    ("package", "file", "module"),
    [
        ("greeter", "greeter.proto", "greeter.greeter_pb2"),
        ("greeter.v1", "greeter/v1/greeter.proto", "greeter.v1.greeter_pb2"),
        ("a.b.v1", "x/y-z.proto", "a.b.v1.y_z_pb2"),
        ("import.v1", "import.proto", "import_.v1.import_pb2"),  # as protoc names it
        ("", "import.proto", "import_.import_pb2"),
        ("hashicorp.nomad.base.proto", "base.proto", "hashicorp.nomad.base.proto.base_pb2"),
        ("logging", "log.proto", "logging_.log_pb2"),
        (
            "grpc.examples.helloworld",
            "helloworld.proto",
            "grpc_.examples.helloworld.helloworld_pb2",
        ),
        ("", "top.proto", "top.top_pb2"),
        ("", "google/protobuf/empty.proto", "google.protobuf.empty_pb2"),
    ],
)
def test_modules_are_placed_by_proto_package_and_never_shadow_real_modules(
    package: str, file: str, module: str
) -> None:
    assert naming.pb2_module(package, file) == module


@pytest.mark.parametrize(
    ("importer", "module", "spelled"),
    [
        ("greeter", "greeter.greeter_pb2", (".", "greeter_pb2")),
        ("greeter.v2", "greeter.v1.common_pb2", ("..v1", "common_pb2")),
        ("a", "a.b.x_pb2", (".b", "x_pb2")),
        ("a.b", "c.d.x_pb2", ("c.d", "x_pb2")),
        ("a", "google.protobuf.empty_pb2", ("google.protobuf", "empty_pb2")),
    ],
)
def test_imports_are_relative_within_a_top_level_package_and_absolute_across(
    importer: str, module: str, spelled: tuple[str, str]
) -> None:
    assert naming.import_from(importer, module) == spelled


def test_colliding_module_aliases_are_all_spelled_out_whatever_their_order() -> None:
    modules = ["greeter.v2.greeter_pb2", "greeter.v1.greeter_pb2", "google.protobuf.empty_pb2"]
    expected = {
        "greeter.v1.greeter_pb2": "greeter_v1_greeter_pb2",
        "greeter.v2.greeter_pb2": "greeter_v2_greeter_pb2",
        "google.protobuf.empty_pb2": "empty_pb2",
    }
    assert naming.module_aliases(modules) == expected
    assert naming.module_aliases(reversed(modules)) == expected


def test_default_handshake_is_shared_by_every_version_of_a_package_and_never_changes() -> None:
    assert core_naming.default_cookie_key("greeter", "greeter.proto") == "GREETER_PLUGIN"
    assert core_naming.default_cookie_key("greeter.v2", "g.proto") == "GREETER_PLUGIN"
    # Unique per protocol package (issue 12: every acme.* protocol shared ACME_PLUGIN), the
    # version suffix aside.
    assert core_naming.default_cookie_key("acme.greeter", "g.proto") == "ACME_GREETER_PLUGIN"
    assert core_naming.default_cookie_key("acme.greeter.v2", "g.proto") == "ACME_GREETER_PLUGIN"
    assert core_naming.default_cookie_key("acme.billing.v1", "b.proto") == "ACME_BILLING_PLUGIN"
    assert core_naming.default_cookie_key("", "my-api.proto") == "MY_API_PLUGIN"
    value = core_naming.default_cookie_value("greeter", "greeter.proto")
    assert value == core_naming.default_cookie_value("greeter.v1", "v1/greeter.proto")
    assert value == core_naming.default_cookie_value("greeter.v2", "v2/greeter.proto")
    # Pinned: a generator change that altered it would break every deployed plugin.
    assert value == "9c523c74b4a843355f0f916e55092eeddc2076f592b76193adc6dd740d0829a8"
    assert core_naming.default_cookie_value("other", "other.proto") != value


def test_protocol_version_comes_from_a_trailing_version_component() -> None:
    assert core_naming.default_protocol_version("greeter") == 1
    assert core_naming.default_protocol_version("greeter.v2") == 2
    assert core_naming.default_protocol_version("greeter.v3beta1") == 3
    assert core_naming.default_protocol_version("v2.greeter") == 1
