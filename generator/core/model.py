"""Descriptors in, plain frozen records out: what every target renders, in proto terms only.

The model is built from ``FileDescriptorProto``\\ s alone and never touches them again (nothing is
mutated while walking). It holds what does not depend on a target language: proto names, RPC
kinds, comments, wire paths, plugin-set keys and handshake facts. It groups the files to
generate by proto package, so ``greeter.v1`` and ``greeter.v2`` are two packages and several
files of one package share one plugin protocol. A target (``python/``) adds its own names.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence

from ..schema import descriptors
from ..schema.locations import PACKAGE_PATH, SYNTAX_PATH, SourceIndex, method_path, service_path
from . import naming
from .errors import GeneratorError, Location
from .records import record
from .settings import Settings


class MethodKind(enum.Enum):
    """The four RPC shapes: who streams."""

    UNARY = "unary"
    SERVER_STREAM = "server-stream"
    CLIENT_STREAM = "client-stream"
    BIDI = "bidi"

    @classmethod
    def of(cls, client_streaming: bool, server_streaming: bool) -> MethodKind:
        """The kind of an RPC with these streaming flags."""
        if client_streaming:
            return cls.BIDI if server_streaming else cls.CLIENT_STREAM
        return cls.SERVER_STREAM if server_streaming else cls.UNARY

    @property
    def client_streaming(self) -> bool:
        return self in (MethodKind.CLIENT_STREAM, MethodKind.BIDI)

    @property
    def server_streaming(self) -> bool:
        return self in (MethodKind.SERVER_STREAM, MethodKind.BIDI)


@record
class TypeRef:
    """A type as a proto names it: a scalar (``int32``), or ``message``, ``enum`` or ``group``
    and the type's full name without the leading dot (``greeter.GreetRequest``)."""

    kind: str
    name: str = ""

    def __str__(self) -> str:
        return self.name or self.kind


@record
class Method:
    """One RPC."""

    name: str
    kind: MethodKind
    request: TypeRef
    response: TypeRef
    #: The proto comment's lines (empty when it has none).
    doc: tuple[str, ...]
    #: ``"RPC a.B.C is deprecated"`` when the RPC has the ``deprecated`` option, else ``""``
    #: (a deprecated service's RPCs are deprecated through their service).
    deprecation: str
    #: The gRPC method path: ``/greeter.Greeter/Greet``.
    path: str
    location: Location

    @property
    def deprecated(self) -> bool:
        return bool(self.deprecation)


@record
class Service:
    """One service: one plugin (or one broker service)."""

    name: str
    full_name: str
    #: Its key in the plugin set, what a host's ``Dispense`` names: ``greeter``.
    plugin_name: str
    proto_file: str
    methods: tuple[Method, ...]
    #: The proto comment's lines (empty when it has none).
    doc: tuple[str, ...]
    #: Why the service is deprecated (``"service a.B is deprecated"``), or ``""``.
    deprecation: str
    #: Served through the GRPCBroker (``--broker-service``), not dispensed as a plugin: no
    #: plugin-set entry; one side serves it to the other.
    broker: bool = False

    @property
    def deprecated(self) -> bool:
        return bool(self.deprecation)


@record
class Handshake:
    """What host and plugin check before they talk (go-plugin's ``HandshakeConfig``)."""

    protocol_version: int
    magic_cookie_key: str
    magic_cookie_value: str


@record
class ProtoFile:
    """A file to generate and its services."""

    name: str
    proto_package: str
    services: tuple[Service, ...]


@record
class Package:
    """The files of one proto package generated in this run: one plugin protocol.

    A file without a package is a package of its own.
    """

    proto_package: str
    files: tuple[ProtoFile, ...]
    handshake: Handshake

    @property
    def services(self) -> tuple[Service, ...]:
        return tuple(service for file in self.files for service in file.services)

    @property
    def plugin_services(self) -> tuple[Service, ...]:
        """The services dispensed as plugins: in the plugin set, served by a plugin program."""
        return tuple(service for service in self.services if not service.broker)

    @property
    def broker_services(self) -> tuple[Service, ...]:
        """The services served through the GRPCBroker."""
        return tuple(service for service in self.services if service.broker)


@record
class Model:
    """Everything one run generates."""

    packages: tuple[Package, ...]
    #: The files the generated ones import, directly or not, that are neither generated in this
    #: run nor well-known types, in dependency order: their messages must exist in the target
    #: language too (emitted as message modules, or found where the settings say they live).
    imports: tuple[str, ...] = ()
    #: The options of the run, for what a target decides alone (``python_module``).
    settings: Settings = Settings()

    @property
    def files(self) -> Iterator[ProtoFile]:
        for package in self.packages:
            yield from package.files

    @property
    def services(self) -> tuple[Service, ...]:
        return tuple(service for package in self.packages for service in package.services)

    @property
    def plugin_services(self) -> tuple[Service, ...]:
        return tuple(service for service in self.services if not service.broker)


def build(
    files: Sequence[descriptors.FileDescriptorProto],
    to_generate: Sequence[str],
    settings: Settings,
) -> Model:
    """Build the model for ``to_generate`` out of ``files`` (which must include all imports)."""
    by_name = {file.name: file for file in files}
    missing = [name for name in to_generate if name not in by_name]
    if missing:
        raise GeneratorError(f"no descriptor for {', '.join(missing)} (internal error)")
    messages = frozenset(_message_names(files))
    wanted = sorted(
        (by_name[name] for name in set(to_generate) if not naming.is_well_known(name)),
        key=lambda file: file.name,
    )
    grouped: dict[str, list[descriptors.FileDescriptorProto]] = {}
    for file in wanted:  # a file without a package is a package of its own
        grouped.setdefault(file.package or f"/{file.name}", []).append(file)
    _check_package_versions(settings, wanted)
    _check_broker_services(settings, wanted)
    packages = tuple(_package(group, messages, settings) for group in grouped.values())
    model = Model(
        packages=packages,
        imports=_imports(files, [file.name for file in wanted]),
        settings=settings,
    )
    if not model.services:
        raise _no_service_error(wanted or [by_name[name] for name in to_generate])
    return model


def _imports(
    files: Sequence[descriptors.FileDescriptorProto], generated: Sequence[str]
) -> tuple[str, ...]:
    """Every file ``generated`` imports, directly or not, that is neither generated nor
    well-known, in the order of ``files`` (dependencies first)."""
    by_name = {file.name: file for file in files}
    needed: set[str] = set()
    pending = list(generated)
    while pending:
        for dependency in by_name[pending.pop()].dependency:
            if dependency not in needed and dependency in by_name:
                needed.add(dependency)
                pending.append(dependency)
    return tuple(
        file.name
        for file in files
        if file.name in needed
        and file.name not in generated
        and not naming.is_well_known(file.name)
    )


def _check_broker_services(
    settings: Settings, files: Sequence[descriptors.FileDescriptorProto]
) -> None:
    """A ``broker_service`` that names no service of this run is a typo: say which exist."""
    declared = {
        f"{file.package}.{service.name}" if file.package else service.name: file.name
        for file in files
        for service in file.service
    }
    for name in settings.broker_service:
        if name in declared:
            continue
        short = name.rpartition(".")[2]
        like = sorted(full for full in declared if full.rpartition(".")[2] == short)
        hint = f"did you mean {' or '.join(like)}? " if like else ""
        listed = ", ".join(f"{full} ({file})" for full, file in sorted(declared.items()))
        raise GeneratorError(
            f"broker_service names {name}, which no proto of this run declares; {hint}give "
            f"the full name of one of its services: {listed or '(none)'}",
            files[0].name if files else None,
        )


def _check_package_versions(
    settings: Settings, files: Sequence[descriptors.FileDescriptorProto]
) -> None:
    """A ``package_version`` for a package this run does not generate is a typo: say so."""
    generated = sorted({file.package for file in files})
    for package, _ in settings.package_version:
        if package not in generated:
            raise GeneratorError(
                f"package_version names {package}, which no proto of this run declares; "
                f"their packages: {', '.join(generated) or '(none)'}"
            )


def _message_names(files: Sequence[descriptors.FileDescriptorProto]) -> Iterator[str]:
    """The full name of every message of every file, as descriptors refer to them (``.a.B``)."""
    for file in files:
        yield from _nested(file.message_type, f".{file.package}" if file.package else "")


def _nested(messages: Sequence[descriptors.DescriptorProto], scope: str) -> Iterator[str]:
    for message in messages:
        yield f"{scope}.{message.name}"
        yield from _nested(message.nested_type, f"{scope}.{message.name}")


def _package(
    files: Sequence[descriptors.FileDescriptorProto],
    messages: frozenset[str],
    settings: Settings,
) -> Package:
    first = files[0]
    protocol = _protocol_package(first.package, settings)
    handshake = Handshake(
        protocol_version=settings.version_of(first.package)
        or naming.default_protocol_version(first.package),
        magic_cookie_key=settings.magic_cookie_key
        or naming.default_cookie_key(protocol, first.name),
        magic_cookie_value=settings.magic_cookie_value
        or naming.default_cookie_value(protocol, first.name),
    )
    plugin_names = iter(
        naming.plugin_names([service.name for file in files for service in file.service])
    )
    proto_files = []
    for file in files:
        index = SourceIndex(file)
        services = tuple(
            _service(file, number, index, messages, next(plugin_names), settings)
            for number in range(len(file.service))
        )
        proto_files.append(ProtoFile(name=file.name, proto_package=file.package, services=services))
    return Package(proto_package=first.package, files=tuple(proto_files), handshake=handshake)


def _protocol_package(package: str, settings: Settings) -> str:
    """The package the handshake defaults of ``package`` are derived from: its own, or, for
    packages numbered as versions of one protocol with ``--package-version`` (``acme.greeter``,
    ``acme.greeter_next``), the dotted prefix they share (``acme``), so they share a cookie."""
    numbered = [name for name, _ in settings.package_version]
    if package not in numbered or len(numbered) < 2:
        return package
    shared: list[str] = []
    for parts in zip(*(name.split(".") for name in numbered), strict=False):
        if len(set(parts)) != 1:
            break
        shared.append(parts[0])
    return ".".join(shared) or package


def _service(
    file: descriptors.FileDescriptorProto,
    number: int,
    index: SourceIndex,
    messages: frozenset[str],
    plugin_name: str,
    settings: Settings,
) -> Service:
    proto = file.service[number]
    full_name = f"{file.package}.{proto.name}" if file.package else proto.name
    methods = []
    for method_number, method in enumerate(proto.method):
        path = method_path(number, method_number)
        deprecated = method.options.deprecated
        methods.append(
            Method(
                name=method.name,
                kind=MethodKind.of(method.client_streaming, method.server_streaming),
                request=_resolve(messages, method.input_type, index, path),
                response=_resolve(messages, method.output_type, index, path),
                doc=tuple(index.comment(path)),
                deprecation=f"RPC {full_name}.{method.name} is deprecated" if deprecated else "",
                path=naming.rpc_path(full_name, method.name),
                location=index.location(path),
            )
        )
    return Service(
        name=proto.name,
        full_name=full_name,
        plugin_name=plugin_name,
        proto_file=file.name,
        methods=tuple(methods),
        doc=tuple(index.comment(service_path(number))),
        deprecation=f"service {full_name} is deprecated" if proto.options.deprecated else "",
        broker=full_name in settings.broker_service,
    )


def _resolve(
    messages: frozenset[str], type_name: str, index: SourceIndex, path: tuple[int, ...]
) -> TypeRef:
    if type_name not in messages:  # protoc resolves types before we run: a broken descriptor set
        raise GeneratorError(f"unknown message type {type_name}", index.location(path))
    return TypeRef("message", type_name.lstrip("."))


def _no_service_error(files: Sequence[descriptors.FileDescriptorProto]) -> GeneratorError:
    first = files[0]
    where = SourceIndex(first).location(PACKAGE_PATH, SYNTAX_PATH)
    names = ", ".join(file.name for file in files)
    return GeneratorError(
        f"no service to generate a plugin from in {names}: a plugin is a gRPC service, so add "
        "`service Name { rpc Method(Request) returns (Response); }` to the proto, or pass the "
        "file that declares the service (files it imports are found through -I)",
        where,
    )
