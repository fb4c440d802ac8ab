"""The names every target shares, derived from proto names alone.

Some names are facts of the plugin system rather than of one language, so a Python plugin and a
Go host (or the reverse) must derive them alike: the gRPC method path on the wire, the keys of
the plugin set that a host's ``Dispense`` names, and the handshake a host and its plugins must
agree on (cookie key and value, protocol version). Each rule is a pure function of the proto
names, stable across runs and generator versions: a changed default would lock every deployed
plugin out of its hosts. A target's own spellings (Python's in ``python/naming.py``) build on
these.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence

#: Proto files whose generated code ships with the protobuf runtime of every language
#: (well-known types): never generated.
WELL_KNOWN_PREFIX = "google/protobuf/"

_VERSION_COMPONENT = re.compile(r"^v(\d+)(?:(?:alpha|beta)\d*)?$")


def is_well_known(proto_file: str) -> bool:
    """True for well-known types, whose code comes with the protobuf runtime."""
    return proto_file.startswith(WELL_KNOWN_PREFIX)


def snake_case(name: str) -> str:
    """``GetHTTPResponse`` -> ``get_http_response``: acronyms stay together, digits stick left."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


def dedupe(names: Sequence[str], taken: Iterable[str] = ()) -> list[str]:
    """Make names unique in declaration order: the first keeps its name, later ones get ``_2``.

    Declaration order is part of the proto file, so the result is stable across runs.
    """
    used = set(taken)
    result = []
    for name in names:
        candidate, counter = name, 2
        while candidate in used:
            candidate = f"{name}_{counter}"
            counter += 1
        used.add(candidate)
        result.append(candidate)
    return result


def plugin_names(service_names: Sequence[str]) -> list[str]:
    """Plugin-set keys: the service name in snake_case (``Greeter`` -> ``greeter``), unique.

    They are what a host's ``Dispense`` names, in Python and in Go alike.
    """
    return dedupe([snake_case(name) for name in service_names])


def rpc_path(service_full_name: str, rpc_name: str) -> str:
    """The gRPC method path on the wire: ``/greeter.Greeter/Greet`` (proto names, never ours)."""
    return f"/{service_full_name}/{rpc_name}"


def file_stem(proto_file: str) -> str:
    """``a/b/greet-er.v1.proto`` -> ``greet_er_v1``: the last path part as an identifier part.

    What names a file without a package: its handshake defaults and, in a target, its package.
    """
    base = proto_file.rsplit("/", 1)[-1]
    if base.endswith(".proto"):
        base = base[: -len(".proto")]
    stem = re.sub(r"\W", "_", base)
    if stem[:1].isdigit():
        stem = "_" + stem
    return stem


# -- handshake defaults -----------------------------------------------------------------------


def version_of(proto_package: str) -> int | None:
    """The N of a trailing ``vN`` (or ``vNalphaM``/``vNbetaM``) package component, if any."""
    last = proto_package.rpartition(".")[2]
    match = _VERSION_COMPONENT.match(last)
    return int(match.group(1)) if match else None


def is_version_component(part: str) -> bool:
    """``v2``, ``v1beta1``: a package component that numbers a protocol version."""
    return _VERSION_COMPONENT.match(part) is not None


def base_package(proto_package: str, proto_file: str) -> str:
    """The package without its version component: what all versions of a protocol share."""
    if not proto_package:
        return file_stem(proto_file)
    head, _, last = proto_package.rpartition(".")
    return head if head and is_version_component(last) else proto_package


def default_cookie_key(proto_package: str, proto_file: str) -> str:
    """``ACME_GREETER_PLUGIN`` for ``acme.greeter`` and ``acme.greeter.v2``: the whole package.

    Every component counts, so unrelated protocols of one organisation (``acme.greeter``,
    ``acme.billing``) get keys of their own; the version component does not, so every version
    of a protocol shares one key (see :func:`base_package`). ``greeter.v1`` -> ``GREETER_PLUGIN``.
    """
    base = base_package(proto_package, proto_file)
    return re.sub(r"\W", "_", base).upper().strip("_") + "_PLUGIN"


def default_cookie_value(proto_package: str, proto_file: str) -> str:
    """A value chosen once for all time: a hash of the versionless package name.

    Deterministic, so regenerating never changes it and every version of a protocol shares it;
    not a secret (go-plugin's cookie is a UX feature, not a security measure). The ``pyplugin:``
    prefix is this project's first name, kept because deployed plugins carry the hash.
    """
    seed = "pyplugin:" + base_package(proto_package, proto_file)
    return _sha256_hex(seed.encode())


def _sha256_hex(data: bytes) -> str:
    """SHA-256 from CPython's own module when it has one (``_sha2``, ``_sha256`` before 3.12):
    importing ``hashlib`` loads OpenSSL, 2.5 ms of a cold run, for one short digest."""
    for name in ("_sha2", "_sha256", "hashlib"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return str(module.sha256(data).hexdigest())
    raise ImportError("no SHA-256 implementation")  # pragma: no cover (hashlib always exists)


def default_protocol_version(proto_package: str) -> int:
    """The app protocol version: from a ``vN`` package component, else 1."""
    return version_of(proto_package) or 1
