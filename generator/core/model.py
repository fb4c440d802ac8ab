"""Descriptors in, plain frozen records out: what the templates render.

The model is built from ``FileDescriptorProto``s alone and never touches them again (nothing is
mutated while walking). It resolves every message type to the Python module and attribute that
define it, takes names from :mod:`generator.naming` and comments from
:mod:`generator.locations`, and groups the files to generate into Python packages: one package
per proto package, so ``greeter.v1`` and ``greeter.v2`` sit side by side and several files of
one package share one ``interface.py`` and ``plugin.py`` instead of overwriting each other.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence

from google.protobuf import descriptor_pb2

from ..python import naming
from .errors import GeneratorError, Location
from .locations import PACKAGE_PATH, SYNTAX_PATH, SourceIndex, method_path, service_path
from .records import record
from .settings import Settings


class MethodKind(enum.Enum):
    """The four RPC shapes; each maps to one grpc multi-callable and one Python signature."""

    UNARY = "unary"
    SERVER_STREAM = "server-stream"
    CLIENT_STREAM = "client-stream"
    BIDI = "bidi"

    @property
    def client_streaming(self) -> bool:
        return self in (MethodKind.CLIENT_STREAM, MethodKind.BIDI)

    @property
    def server_streaming(self) -> bool:
        return self in (MethodKind.SERVER_STREAM, MethodKind.BIDI)

    @property
    def grpc_shape(self) -> str:
        """``unary_unary``...: how grpc spells the kind in its function and method names."""
        prefix = "stream" if self.client_streaming else "unary"
        suffix = "stream" if self.server_streaming else "unary"
        return f"{prefix}_{suffix}"

    @property
    def multicallable(self) -> str:
        """The grpc class a client-side callable of this kind is an instance of."""
        prefix = "Stream" if self.client_streaming else "Unary"
        suffix = "Stream" if self.server_streaming else "Unary"
        return f"grpc.{prefix}{suffix}MultiCallable"

    @property
    def channel_method(self) -> str:
        """The ``grpc.Channel`` method that makes a callable of this kind."""
        return self.grpc_shape

    @property
    def handler_factory(self) -> str:
        """The grpc function that wraps a server method of this kind for registration."""
        return f"grpc.{self.grpc_shape}_rpc_method_handler"


@record
class TypeRef:
    """A message type as Python reaches it: ``module.attr`` (``attr`` may be ``Outer.Inner``).

    ``attr`` is spelled with :func:`naming.type_attribute`: ``class_.import_`` for
    ``class.import``.
    """

    proto_name: str
    module: str
    attr: str


@record
class Method:
    """One RPC."""

    name: str
    py_name: str
    kind: MethodKind
    request: TypeRef
    response: TypeRef
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

    @property
    def grpc_name(self) -> str:
        """The method's name in grpcio-tools' ``_pb2_grpc`` stub and servicer."""
        return naming.grpc_attribute(self.name)

    @property
    def client_attribute(self) -> str:
        """The client adapter's attribute holding this RPC's gRPC callable."""
        return naming.client_attribute(self.py_name)


@record
class Service:
    """One service: one interface class, one plugin."""

    name: str
    full_name: str
    class_name: str
    plugin_name: str
    proto_file: str
    methods: tuple[Method, ...]
    doc: tuple[str, ...]
    #: Why the service is deprecated (``"service a.B is deprecated"``), or ``""``.
    deprecation: str
    #: Served through the GRPCBroker (``--broker-service``), not dispensed as a plugin: no
    #: GRPCPlugin, no plugin-set entry, ``serve_``/``dial_`` helpers instead.
    broker: bool = False

    @property
    def deprecated(self) -> bool:
        return bool(self.deprecation)

    @property
    def serve_function(self) -> str:
        """The helper serving an implementation through the broker (broker services)."""
        return naming.broker_helper_names(self.plugin_name)[0]

    @property
    def dial_function(self) -> str:
        """The helper dialling the other side's implementation (broker services)."""
        return naming.broker_helper_names(self.plugin_name)[1]

    @property
    def server_class(self) -> str:
        return naming.adapter_class_names(self.class_name)[0]

    @property
    def client_class(self) -> str:
        return naming.adapter_class_names(self.class_name)[1]

    @property
    def plugin_class(self) -> str:
        return naming.adapter_class_names(self.class_name)[2]

    @property
    def impl_class(self) -> str:
        return naming.adapter_class_names(self.class_name)[3]

    @property
    def stub_class(self) -> str:
        return naming.grpc_stub_names(self.name)[0]

    @property
    def servicer_class(self) -> str:
        return naming.grpc_stub_names(self.name)[1]

    @property
    def add_function(self) -> str:
        return naming.grpc_stub_names(self.name)[2]


@record
class Handshake:
    """The values that go into ``goplugin.HandshakeConfig``."""

    protocol_version: int
    magic_cookie_key: str
    magic_cookie_value: str


@record
class ProtoFile:
    """A file to generate: its ``_pb2`` modules and its services."""

    name: str
    proto_package: str
    module: str
    grpc_module: str
    services: tuple[Service, ...]


@record
class Package:
    """One emitted Python package: the files of one proto package generated in this run."""

    proto_package: str
    module: str
    files: tuple[ProtoFile, ...]
    handshake: Handshake

    @property
    def services(self) -> tuple[Service, ...]:
        return tuple(service for file in self.files for service in file.services)

    @property
    def plugin_services(self) -> tuple[Service, ...]:
        """The services dispensed as plugins: in ``PLUGINS``, served by ``main.py``."""
        return tuple(service for service in self.services if not service.broker)

    @property
    def broker_services(self) -> tuple[Service, ...]:
        """The services served through the GRPCBroker, with ``serve_``/``dial_`` helpers."""
        return tuple(service for service in self.services if service.broker)


@record
class Model:
    """Everything one run generates."""

    packages: tuple[Package, ...]
    #: protoc's module name -> our module path, for every file the run knows (imports included).
    modules: Mapping[str, str]

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
    files: Sequence[descriptor_pb2.FileDescriptorProto],
    to_generate: Sequence[str],
    settings: Settings,
) -> Model:
    """Build the model for ``to_generate`` out of ``files`` (which must include all imports)."""
    by_name = {file.name: file for file in files}
    missing = [name for name in to_generate if name not in by_name]
    if missing:
        raise GeneratorError(f"no descriptor for {', '.join(missing)} (internal error)")
    modules = _module_layout(files, to_generate)
    types = dict(_type_index(files))
    wanted = sorted(
        (by_name[name] for name in set(to_generate) if not naming.is_runtime_proto(name)),
        key=lambda file: (naming.python_package(file.package, file.name), file.name),
    )
    grouped: dict[str, list[descriptor_pb2.FileDescriptorProto]] = {}
    for file in wanted:
        grouped.setdefault(naming.python_package(file.package, file.name), []).append(file)
    _check_package_versions(settings, wanted)
    _check_broker_services(settings, wanted)
    packages = tuple(_package(module, group, types, settings) for module, group in grouped.items())
    model = Model(packages=packages, modules=modules)
    if not model.services:
        raise _no_service_error(wanted or [by_name[name] for name in to_generate])
    return model


def _check_broker_services(
    settings: Settings, files: Sequence[descriptor_pb2.FileDescriptorProto]
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
    settings: Settings, files: Sequence[descriptor_pb2.FileDescriptorProto]
) -> None:
    """A ``package_version`` for a package this run does not generate is a typo: say so."""
    generated = sorted({file.package for file in files})
    for package, _ in settings.package_version:
        if package not in generated:
            raise GeneratorError(
                f"package_version names {package}, which no proto of this run declares; "
                f"their packages: {', '.join(generated) or '(none)'}"
            )


def _module_layout(
    files: Sequence[descriptor_pb2.FileDescriptorProto], to_generate: Sequence[str]
) -> dict[str, str]:
    """protoc module -> our module for every file; two files mapping to one module is an error."""
    modules: dict[str, str] = {}
    owners: dict[str, str] = {}
    for file in files:
        module = naming.pb2_module(file.package, file.name)
        other = owners.setdefault(module, file.name)
        if other != file.name and (file.name in to_generate or other in to_generate):
            raise GeneratorError(
                f"{other} and {file.name} would both be generated as "
                f"{naming.module_path(module)}: files of one package need different names; "
                "rename one of them",
                file.name,
            )
        modules[naming.protoc_module(file.name)] = module
    return modules


def _type_index(
    files: Sequence[descriptor_pb2.FileDescriptorProto],
) -> Iterator[tuple[str, TypeRef]]:
    """Every message type of every file, by fully-qualified name (``.greeter.GreetRequest``)."""
    for file in files:
        module = naming.pb2_module(file.package, file.name)
        scope = f".{file.package}" if file.package else ""
        yield from _messages(file.message_type, module, scope, "")


def _messages(
    messages: Sequence[descriptor_pb2.DescriptorProto], module: str, scope: str, attr: str
) -> Iterator[tuple[str, TypeRef]]:
    for message in messages:
        full = f"{scope}.{message.name}"
        name = naming.type_attribute(message.name)
        path = f"{attr}.{name}" if attr else name
        yield full, TypeRef(full.lstrip("."), module, path)
        yield from _messages(message.nested_type, module, full, path)


def _package(
    module: str,
    files: Sequence[descriptor_pb2.FileDescriptorProto],
    types: Mapping[str, TypeRef],
    settings: Settings,
) -> Package:
    first = files[0]
    handshake = Handshake(
        protocol_version=settings.version_of(first.package)
        or naming.default_protocol_version(first.package),
        magic_cookie_key=settings.magic_cookie_key
        or naming.default_cookie_key(first.package, first.name),
        magic_cookie_value=settings.magic_cookie_value
        or naming.default_cookie_value(first.package, first.name),
    )
    all_services = [service.name for file in files for service in file.service]
    class_names = iter(naming.service_class_names(all_services))
    plugin_names = iter(naming.plugin_names(all_services))
    proto_files = []
    for file in files:
        index = SourceIndex(file)
        pb2 = naming.pb2_module(file.package, file.name)
        services = tuple(
            _service(
                file,
                number,
                index,
                types,
                next(class_names),
                next(plugin_names),
                settings.broker_service,
            )
            for number in range(len(file.service))
        )
        proto_files.append(
            ProtoFile(
                name=file.name,
                proto_package=file.package,
                module=pb2,
                grpc_module=pb2 + "_grpc",
                services=services,
            )
        )
    return Package(
        proto_package=first.package, module=module, files=tuple(proto_files), handshake=handshake
    )


def _service(
    file: descriptor_pb2.FileDescriptorProto,
    number: int,
    index: SourceIndex,
    types: Mapping[str, TypeRef],
    class_name: str,
    plugin_name: str,
    broker_services: Sequence[str],
) -> Service:
    proto = file.service[number]
    full_name = f"{file.package}.{proto.name}" if file.package else proto.name
    py_names = naming.method_names([method.name for method in proto.method])
    service_deprecation = f"service {full_name} is deprecated" if proto.options.deprecated else ""
    methods = []
    for method_number, (method, py_name) in enumerate(zip(proto.method, py_names, strict=True)):
        path = method_path(number, method_number)
        kind = {
            (False, False): MethodKind.UNARY,
            (False, True): MethodKind.SERVER_STREAM,
            (True, False): MethodKind.CLIENT_STREAM,
            (True, True): MethodKind.BIDI,
        }[(method.client_streaming, method.server_streaming)]
        doc = index.comment(path) or [f"The ``{method.name}`` RPC ({kind.value})."]
        deprecation = ""
        if method.options.deprecated:
            deprecation = f"RPC {full_name}.{method.name} is deprecated"
            doc = [*doc, "", _deprecation_note(f"``{method.name}``", file.name)]
        methods.append(
            Method(
                name=method.name,
                py_name=py_name,
                kind=kind,
                request=_resolve(types, method.input_type, index, path),
                response=_resolve(types, method.output_type, index, path),
                doc=tuple(doc),
                deprecation=deprecation,
                path=naming.rpc_path(full_name, method.name),
                location=index.location(path),
            )
        )
    doc = index.comment(service_path(number)) or [f"The ``{full_name}`` service."]
    if service_deprecation:
        doc = [*doc, "", _deprecation_note(f"``{proto.name}``", file.name)]
    return Service(
        name=proto.name,
        full_name=full_name,
        class_name=class_name,
        plugin_name=plugin_name,
        proto_file=file.name,
        methods=tuple(methods),
        doc=tuple(doc),
        deprecation=service_deprecation,
        broker=full_name in broker_services,
    )


def _deprecation_note(what: str, proto_file: str) -> str:
    """The docstring's last paragraph for a deprecated RPC or service."""
    return (
        f"Deprecated: {what} is marked deprecated in {proto_file}. Type checkers flag its use; "
        "a host that calls it gets a ``DeprecationWarning``."
    )


def _resolve(
    types: Mapping[str, TypeRef], type_name: str, index: SourceIndex, path: tuple[int, ...]
) -> TypeRef:
    ref = types.get(type_name)
    if ref is None:  # protoc resolves types before we run; this is a broken descriptor set
        raise GeneratorError(f"unknown message type {type_name}", index.location(path))
    return ref


def _no_service_error(files: Sequence[descriptor_pb2.FileDescriptorProto]) -> GeneratorError:
    first = files[0]
    where = SourceIndex(first).location(PACKAGE_PATH, SYNTAX_PATH)
    names = ", ".join(file.name for file in files)
    return GeneratorError(
        f"no service to generate a plugin from in {names}: a plugin is a gRPC service, so add "
        "`service Name { rpc Method(Request) returns (Response); }` to the proto, or pass the "
        "file that declares the service (files it imports are found through -I)",
        where,
    )
