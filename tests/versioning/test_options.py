"""The version options and naming rules behind several versions in one run."""

from __future__ import annotations

import pytest

from pygoplugin_gen.core.errors import GeneratorError
from pygoplugin_gen.core.settings import Settings, parse_parameter
from pygoplugin_gen.python import naming


def test_package_version_repeats_in_a_protoc_parameter() -> None:
    settings = parse_parameter("package_version=acme.greeter=1, package_version=acme.next=2")
    assert settings.package_version == (("acme.greeter", 1), ("acme.next", 2))
    assert settings.version_of("acme.next") == 2
    assert settings.version_of("acme.other") is None


def test_package_version_wins_over_protocol_version_for_its_package() -> None:
    settings = Settings(protocol_version=3, package_version=(("acme.greeter", 1),))
    assert (settings.version_of("acme.greeter"), settings.version_of("acme.x")) == (1, 3)


@pytest.mark.parametrize(
    ("parameter", "message"),
    [
        ("package_version=acme.greeter", "is not PACKAGE=N"),
        ("package_version=acme.greeter=0", "is not PACKAGE=N"),
        ("package_version=acme greeter=1", "is not PACKAGE=N"),
        ("package_version=a=1,package_version=a=2", "gives a a version twice"),
        ("protocol_version=1,protocol_version=2", "is given twice"),
    ],
)
def test_malformed_package_versions_are_errors(parameter: str, message: str) -> None:
    with pytest.raises(GeneratorError, match=message):
        parse_parameter(parameter)


@pytest.mark.parametrize(
    ("packages", "home"),
    [
        (["greeter.v1", "greeter.v2"], "greeter"),
        (["greeter", "greeter.v2"], "greeter"),
        (["acme.greeter.v1", "acme.greeter.v2beta1"], "acme.greeter"),
        (["acme.greeter", "acme.greeter_next"], "acme"),
        (["greeter.v1", "kinds.v1"], ""),
    ],
)
def test_the_versions_module_goes_where_the_versions_meet(packages: list[str], home: str) -> None:
    assert naming.versions_home(packages) == home


def test_names_that_carry_the_version() -> None:
    assert naming.versioned_impl_class("Greeter", 2) == "GreeterV2Impl"
    assert naming.relative_alias("greeter", "greeter.v1.plugin") == "v1_plugin"
    assert naming.relative_alias("greeter", "greeter.plugin") == "plugin"
