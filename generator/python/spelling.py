"""The model as one generated module spells it: its import lines and its type expressions.

The same message is ``greeter_pb2.GreetRequest`` inside the ``greeter`` package (imported
relatively) and may need a longer alias in ``main.py`` when two packages both have a
``greeter_pb2``. Each module context gets its own alias table, computed from only the modules it
needs, so a package's files never change because another package was generated in the same run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..core.model import Method, MethodKind, Service
from ..core.records import record
from . import naming
from .model import PyClass, PyModel, PyPackage, PyService, PyVersions
from .render.pytext import from_import


@record
class SpelledMethod:
    """A method with its annotations spelled for one module."""

    method: Method
    #: The method's name in the interface and the adapters.
    py_name: str
    request_message: str
    response_message: str
    #: The ``DeprecationWarning`` a host gets calling it: the RPC's or its service's ("" if none).
    deprecation_warning: str
    #: Its docstring's lines.
    doc: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.method.name

    @property
    def kind(self) -> MethodKind:
        return self.method.kind

    @property
    def deprecated(self) -> bool:
        """Whether calling it warns: the RPC or its service is deprecated."""
        return bool(self.deprecation_warning)

    @property
    def own_deprecation(self) -> str:
        """What the interface method's own ``@deprecated`` says ("" when only its service is)."""
        return self.method.deprecation

    @property
    def path(self) -> str:
        return self.method.path

    @property
    def grpc_name(self) -> str:
        """The method's name in grpcio-tools' ``_pb2_grpc`` stub and servicer."""
        return naming.grpc_attribute(self.method.name)

    @property
    def client_attribute(self) -> str:
        """The client adapter's attribute holding this RPC's gRPC callable."""
        return naming.client_attribute(self.py_name)

    @property
    def grpc_shape(self) -> str:
        """``unary_unary``...: how grpc spells the kind in its function and method names."""
        prefix = "stream" if self.kind.client_streaming else "unary"
        suffix = "stream" if self.kind.server_streaming else "unary"
        return f"{prefix}_{suffix}"

    @property
    def spec_factory(self) -> str:
        """The ``goplugin`` function declaring a method of this kind in a ``ServiceSpec``."""
        return f"goplugin.{self.grpc_shape}"

    @property
    def call_type(self) -> str:
        """The ``goplugin`` protocol a client adapter's callable of this kind satisfies."""
        return "goplugin." + self.grpc_shape.title().replace("_", "") + "Call"

    @property
    def async_call_type(self) -> str:
        """The ``goplugin`` protocol an async client adapter's callable of this kind satisfies."""
        return "goplugin.Async" + self.grpc_shape.title().replace("_", "") + "Call"

    @property
    def request_param(self) -> str:
        """``request``, or ``requests`` when the client streams."""
        return "requests" if self.kind.client_streaming else "request"

    @property
    def servicer_param(self) -> str:
        """The parameter name grpcio-tools gives the servicer method (overrides must match)."""
        return "request_iterator" if self.kind.client_streaming else "request"

    @property
    def request(self) -> str:
        """The request annotation: ``Iterator[...]`` when the client streams."""
        return _stream(self.request_message, self.kind.client_streaming)

    @property
    def response(self) -> str:
        """The return annotation: ``Iterator[...]`` when the server streams."""
        return _stream(self.response_message, self.kind.server_streaming)

    @property
    def async_request(self) -> str:
        """The request annotation in the async interface: ``AsyncIterator[...]`` for streams."""
        return _stream(self.request_message, self.kind.client_streaming, "AsyncIterator")

    @property
    def async_response(self) -> str:
        """The return annotation in the async interface: ``AsyncIterator[...]`` for streams."""
        return _stream(self.response_message, self.kind.server_streaming, "AsyncIterator")

    @property
    def async_params(self) -> tuple[str, ...]:
        """Parameters of the async interface's method."""
        return ("self", f"{self.request_param}: {self.async_request}")

    @property
    def interface_params(self) -> tuple[str, ...]:
        """Parameters of the interface method (and of the client adapter and the scaffold)."""
        return ("self", f"{self.request_param}: {self.request}")

    @property
    def request_class(self) -> str:
        """The request message class (also when the client streams): its ``FromString``."""
        return self.request_message

    @property
    def response_class(self) -> str:
        return self.response_message

    @property
    def todo_message(self) -> str:
        return f"{self.method.name} is not implemented yet"

    @property
    def multicallable_arguments(self) -> tuple[str, str]:
        """The type arguments of a callable's type: the request and response messages."""
        return (self.request_message, self.response_message)


def _stream(message: str, streaming: bool, iterator: str = "Iterator") -> str:
    return f"{iterator}[{message}]" if streaming else message


@record
class SpelledService:
    """A service whose methods are spelled for one module."""

    service: PyService
    methods: tuple[SpelledMethod, ...]

    @property
    def proto(self) -> Service:
        """The service as the proto declares it."""
        return self.service.service

    @property
    def grpc_methods(self) -> tuple[SpelledMethod, ...]:
        """The methods grpcio-tools' stub and servicer have that a ``.pyi`` can declare.

        An RPC named like a dunder (``__init__``) would redefine the class's own method there.
        """
        return tuple(m for m in self.methods if not naming.is_dunder(m.name))

    @property
    def interface_doc(self) -> tuple[str, ...]:
        """The proto's comment, then how the interface is used (the same for every service)."""
        name = self.proto.plugin_name
        if self.proto.broker:
            return (
                *service_doc(self.proto),
                "",
                "Served through go-plugin's GRPCBroker rather than dispensed as a plugin: one "
                "side serves an implementation with ``plugin."
                f"{self.service.serve_function}(broker, impl)`` and sends the returned id in a "
                f"request; the other side calls ``plugin.{self.service.dial_function}(broker, "
                f"id)`` (``await plugin.{self.service.adial_function}(broker, id)`` in ``async "
                "def`` code) and gets a client with these methods. Each method takes the request "
                "message and returns the response message (iterators for streams). Inside a "
                "method, ``goplugin.current_call()`` gives the call's deadline, metadata and "
                "cancellation.",
            )
        return (
            *service_doc(self.proto),
            "",
            f"A plugin implements these methods and serves them with ``{self.service.plugin_class}"
            f'(impl)``; a host calls them on what ``client.dispense("{name}", '
            f"{self.service.class_name})`` returns. Each method takes the request message and "
            "returns the response message (iterators for streams), so adding a field never "
            "breaks an implementation. Inside a method, ``goplugin.current_call()`` gives the "
            "call's deadline, metadata and cancellation.",
        )


@record
class ModuleSpelling:
    """Import lines and spelled services for one generated module."""

    imports: tuple[str, ...]
    services: tuple[SpelledService, ...]

    @property
    def absolute_imports(self) -> tuple[str, ...]:
        """Imports of other packages' modules (the protobuf runtime's, other proto packages')."""
        return tuple(line for line in self.imports if not line.startswith("from ."))

    @property
    def relative_imports(self) -> tuple[str, ...]:
        """Imports from this package and its relatives."""
        return tuple(line for line in self.imports if line.startswith("from ."))

    @property
    def plugin_services(self) -> tuple[SpelledService, ...]:
        """The services dispensed as plugins (a GRPCPlugin and a ``PLUGINS`` entry each)."""
        return tuple(s for s in self.services if not s.proto.broker)

    @property
    def broker_services(self) -> tuple[SpelledService, ...]:
        """The services served through the broker (``serve_``/``dial_`` helpers each)."""
        return tuple(s for s in self.services if s.proto.broker)

    @property
    def class_names(self) -> list[str]:
        """The interface classes (sync and async), sorted, as ``from .interface import`` lists
        them."""
        return sorted(
            name for s in self.services for name in (s.service.class_name, s.service.async_class)
        )

    @property
    def uses_iterator(self) -> bool:
        return any(m.kind is not MethodKind.UNARY for s in self.services for m in s.methods)

    @property
    def async_client_streams(self) -> bool:
        """Whether an async client adapter has a streaming RPC."""
        return any(m.kind is not MethodKind.UNARY for s in self.services for m in s.methods)

    @property
    def warns(self) -> bool:
        """Whether a client method warns (a deprecated RPC, or an RPC of a deprecated service)."""
        return any(m.deprecated for s in self.services for m in s.methods)

    @property
    def any_deprecated(self) -> bool:
        """Whether a service or RPC is deprecated (the module needs ``goplugin.deprecated``)."""
        return any(s.proto.deprecated for s in self.services) or any(
            m.deprecated for s in self.services for m in s.methods
        )

    @property
    def stub_lint_exemptions(self) -> str:
        """The ruff codes grpcio-tools' own names break in a ``_pb2_grpc.pyi`` ("" if none).

        grpc names servicer methods after the RPCs and registration functions
        ``add_<Service>Servicer_to_server``; a lowercase service also makes lowercase classes.
        """
        if not self.services:
            return ""
        if all(naming.is_cap_words(s.proto.name) for s in self.services):
            return "N802"
        return "N801, N802"


def service_doc(service: Service) -> tuple[str, ...]:
    """A service's docstring: its proto comment (or a line naming it), and a deprecation note."""
    doc = service.doc or (f"The ``{service.full_name}`` service.",)
    if service.deprecated:
        return (*doc, "", _deprecation_note(f"``{service.name}``", service.proto_file))
    return doc


def method_doc(method: Method, service: Service) -> tuple[str, ...]:
    """An RPC's docstring: its proto comment (or a line naming it), and a deprecation note."""
    doc = method.doc or (f"The ``{method.name}`` RPC ({method.kind.value}).",)
    if method.deprecated:
        return (*doc, "", _deprecation_note(f"``{method.name}``", service.proto_file))
    return doc


def _deprecation_note(what: str, proto_file: str) -> str:
    """The docstring's last paragraph for a deprecated RPC or service."""
    return (
        f"Deprecated: {what} is marked deprecated in {proto_file}. Type checkers flag its use; "
        "a host that calls it gets a ``DeprecationWarning``."
    )


def _classes(model: PyModel, services: Iterable[PyService]) -> list[PyClass]:
    """The message classes the services' methods take and return."""
    return [
        model.class_of(ref)
        for s in services
        for m in s.service.methods
        for ref in (m.request, m.response)
    ]


def _spell(
    model: PyModel,
    services: Sequence[PyService],
    aliases: Mapping[str, str],
    imports: Sequence[str],
) -> ModuleSpelling:
    def message(ref_class: PyClass) -> str:
        return f"{aliases[ref_class.module]}.{ref_class.attr}"

    spelled = tuple(
        SpelledService(
            service=service,
            methods=tuple(
                SpelledMethod(
                    method=method,
                    py_name=py_name,
                    request_message=message(model.class_of(method.request)),
                    response_message=message(model.class_of(method.response)),
                    deprecation_warning=method.deprecation or service.service.deprecation,
                    doc=method_doc(method, service.service),
                )
                for method, py_name in zip(
                    service.service.methods, service.method_names, strict=True
                )
            ),
        )
        for service in services
    )
    return ModuleSpelling(imports=tuple(imports), services=spelled)


def _import_lines(importer_package: str | None, aliases: Mapping[str, str]) -> list[str]:
    """Import lines as isort writes them: one per source, ``as`` imports on lines of their own.

    Absolute sources first, then relative ones, each sorted, so the output is stable.
    """
    plain: dict[str, list[str]] = {}
    lines = []
    for module, alias in aliases.items():
        if importer_package is None:
            source, _, name = module.rpartition(".")
        else:
            source, name = naming.import_from(importer_package, module)
        if alias == name:
            plain.setdefault(source, []).append(name)
        else:
            lines.append(from_import(source, [f"{name} as {alias}"]))
    lines.extend(from_import(source, sorted(names)) for source, names in plain.items())
    return sorted(lines, key=lambda line: (line.startswith("from ."), line))


def in_package(
    model: PyModel,
    package: PyPackage,
    services: Sequence[PyService],
    taken: Iterable[str] = (),
) -> ModuleSpelling:
    """Spelling for a module inside ``package`` (interface.py, plugin.py, a _pb2_grpc stub).

    They import the ``_pb2`` modules of the messages they name, never a ``_pb2_grpc``: the
    adapters describe their services to goplugin (see ``templates/plugin.py.j2``). ``taken``:
    names the module binds where a module alias would be read (a stub's RPC methods).
    """
    modules = {ref.module for ref in _classes(model, services)}
    aliases = naming.module_aliases(modules, naming.GENERATED_MODULE_NAMES | set(taken))
    return _spell(model, services, aliases, _import_lines(package.module, aliases))


@record
class MainService:
    """A service as ``main.py`` implements it: its spelled methods and its implementation class."""

    service: PyService
    methods: tuple[SpelledMethod, ...]
    impl_class: str

    @property
    def proto(self) -> Service:
        """The service as the proto declares it."""
        return self.service.service


@record
class MainPackage:
    """One package as ``main.py`` reaches it."""

    package: PyPackage
    interface_alias: str
    plugin_alias: str
    services: tuple[MainService, ...]


@record
class MainVersion:
    """One protocol version ``main.py`` serves (versioned runs only)."""

    number: int
    packages: tuple[MainPackage, ...]


@record
class MainSpelling:
    """Everything ``main.py`` needs: imports, packages and services, spelled absolutely."""

    #: Imports of modules the protobuf runtime ships (well-known types).
    runtime_imports: tuple[str, ...]
    #: Imports of the generated packages.
    imports: tuple[str, ...]
    packages: tuple[MainPackage, ...]
    spelling: ModuleSpelling
    #: Where ``HANDSHAKE`` comes from: a package's ``plugin`` or the versions module.
    handshake_alias: str
    #: The versions served, oldest first; empty for a one-version run (served with plugins=).
    versions: tuple[MainVersion, ...]
    #: The broker services' helpers as ``main.py`` reaches them: ``(serve, dial, adial)``, such
    #: as ``("plugin.serve_add_helper", "plugin.dial_add_helper", "plugin.adial_add_helper")``.
    broker_helpers: tuple[tuple[str, str, str], ...] = ()

    @property
    def version_list(self) -> str:
        """``1 and 2``, ``1, 2 and 3``: the versions served, as a sentence names them."""
        numbers = [str(version.number) for version in self.versions]
        return " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)


def for_main(model: PyModel, versioned: PyVersions | None = None) -> MainSpelling:
    """Spelling for ``main.py``, which lives outside every package and imports absolutely."""
    packages = [package for package in model.packages if package.plugin_services]
    services = [service for package in packages for service in package.plugin_services]
    wiring = {f"{p.module}.{name}" for p in packages for name in ("interface", "plugin")}
    modules = {ref.module for ref in _classes(model, services)} | wiring
    if versioned is not None:
        modules.add(versioned.module)
    aliases = naming.module_aliases(modules, {"main", "goplugin", "Iterator", "annotations"})
    spelling = _spell(model, services, aliases, ())
    by_service = {spelled.service: spelled for spelled in spelling.services}

    def impl_class(package: PyPackage, service: PyService) -> str:
        if versioned is None:
            return service.impl_class
        return naming.versioned_impl_class(service.class_name, package.handshake.protocol_version)

    main_packages = tuple(
        MainPackage(
            package=package,
            interface_alias=aliases[f"{package.module}.interface"],
            plugin_alias=aliases[f"{package.module}.plugin"],
            services=tuple(
                MainService(
                    service=service,
                    methods=by_service[service].methods,
                    impl_class=impl_class(package, service),
                )
                for service in package.plugin_services
            ),
        )
        for package in packages
    )
    versions: tuple[MainVersion, ...] = ()
    if versioned is not None:
        versions = tuple(
            MainVersion(
                number=version.number,
                packages=tuple(p for p in main_packages if p.package in version.packages),
            )
            for version in versioned.versions
        )
    broker_helpers = tuple(
        _helpers(aliases.get(f"{package.module}.plugin", f"{package.module}.plugin"), service)
        for package in model.packages
        for service in package.broker_services
    )
    lines = _import_lines(None, aliases)
    runtime = tuple(line for line in lines if line.startswith("from google.protobuf"))
    return MainSpelling(
        runtime_imports=runtime,
        imports=tuple(line for line in lines if line not in runtime),
        packages=main_packages,
        spelling=spelling,
        handshake_alias=(
            aliases[versioned.module] if versioned is not None else main_packages[0].plugin_alias
        ),
        versions=versions,
        broker_helpers=broker_helpers,
    )


def _helpers(plugin_module: str, service: PyService) -> tuple[str, str, str]:
    return (
        f"{plugin_module}.{service.serve_function}",
        f"{plugin_module}.{service.dial_function}",
        f"{plugin_module}.{service.adial_function}",
    )


@record
class VersionsPlugin:
    """One entry of a version's plugin set, as the versions module spells it."""

    name: str
    plugin_class: str


@record
class VersionsEntry:
    """One version's plugin set in the versions module."""

    number: int
    plugins: tuple[VersionsPlugin, ...]


@record
class VersionsSpelling:
    """The versions module: its relative imports and its plugin sets."""

    imports: tuple[str, ...]
    entries: tuple[VersionsEntry, ...]


def for_versions(versioned: PyVersions) -> VersionsSpelling:
    """Spelling for the versions module: each version's ``plugin`` module under its own alias.

    Every version defines the same class names (``GreeterGRPCPlugin``), so classes are reached
    through their module, and the module's alias says its version (``v1_plugin``).
    """
    home = versioned.home
    aliases = {
        f"{package.module}.plugin": naming.relative_alias(home, f"{package.module}.plugin")
        for version in versioned.versions
        for package in version.packages
    }
    entries = tuple(
        VersionsEntry(
            number=version.number,
            plugins=tuple(
                VersionsPlugin(
                    name=service.service.plugin_name,
                    plugin_class=f"{aliases[package.module + '.plugin']}.{service.plugin_class}",
                )
                for package in version.packages
                for service in package.plugin_services
            ),
        )
        for version in versioned.versions
    )
    return VersionsSpelling(imports=tuple(_import_lines(home, aliases)), entries=entries)
