"""The model as Python names it: classes, methods, modules and packages of the output.

The core model speaks proto; this layer adds what only Python needs, computed once per run from
``python/naming.py``: where each proto file's ``_pb2`` module goes and which Python package holds
a proto package, the class and method names of each service, and each message class as Python
reaches it. Every record keeps the core record it spells (``service``, ``file``, ``package``),
so templates read proto facts there and Python names here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ..core.errors import GeneratorError
from ..core.model import Handshake, Model, Package, ProtoFile, Service, TypeRef
from ..core.records import record
from ..core.versioning import VersionedSet
from ..schema import descriptors
from . import imports, naming


@record
class PyClass:
    """A message class as Python reaches it: ``module.attr`` (``attr`` may be ``Outer.Inner``).

    ``attr`` is spelled with :func:`naming.type_attribute`: ``class_.import_`` for
    ``class.import``.
    """

    module: str
    attr: str


@record
class PyService:
    """A service's Python names: its interface class and the methods of its RPCs."""

    service: Service
    class_name: str
    #: One per RPC, in declaration order.
    method_names: tuple[str, ...]

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
    def async_class(self) -> str:
        """The interface with ``async def`` methods (served on goplugin's grpclib core)."""
        return naming.adapter_class_names(self.class_name)[4]

    @property
    def async_client_class(self) -> str:
        """The client adapter an async host (``goplugin.AsyncClient``) dispenses."""
        return naming.adapter_class_names(self.class_name)[5]

    @property
    def stub_class(self) -> str:
        return naming.grpc_stub_names(self.service.name)[0]

    @property
    def servicer_class(self) -> str:
        return naming.grpc_stub_names(self.service.name)[1]

    @property
    def add_function(self) -> str:
        return naming.grpc_stub_names(self.service.name)[2]

    @property
    def serve_function(self) -> str:
        """The helper serving an implementation through the broker (broker services)."""
        return naming.broker_helper_names(self.service.plugin_name)[0]

    @property
    def dial_function(self) -> str:
        """The helper dialling the other side's implementation (broker services)."""
        return naming.broker_helper_names(self.service.plugin_name)[1]

    @property
    def adial_function(self) -> str:
        """The helper dialling it from an event loop, for an async client (broker services)."""
        return naming.broker_helper_names(self.service.plugin_name)[2]


@record
class PyFile:
    """A proto file's Python modules: its ``_pb2`` (``module``) and ``_pb2_grpc``."""

    file: ProtoFile
    module: str
    services: tuple[PyService, ...]

    @property
    def grpc_module(self) -> str:
        return self.module + "_grpc"


@record
class PyPackage:
    """One emitted Python package: one proto package's files."""

    package: Package
    module: str
    files: tuple[PyFile, ...]

    @property
    def handshake(self) -> Handshake:
        return self.package.handshake

    @property
    def services(self) -> tuple[PyService, ...]:
        return tuple(service for file in self.files for service in file.services)

    @property
    def plugin_services(self) -> tuple[PyService, ...]:
        return tuple(s for s in self.services if not s.service.broker)

    @property
    def broker_services(self) -> tuple[PyService, ...]:
        return tuple(s for s in self.services if s.service.broker)


@record
class PyModel:
    """Everything one run generates, with Python names."""

    packages: tuple[PyPackage, ...]
    #: protoc's module name -> our module path, for every file the run knows (imports included).
    modules: Mapping[str, str]
    #: Every message class by its full proto name (``greeter.GreetRequest``).
    classes: Mapping[str, PyClass]
    #: Imported files emitted as message modules (``_pb2`` and its stub, no plugin):
    #: ``(proto file, module)``, dependencies first.
    message_files: tuple[tuple[str, str], ...] = ()

    @property
    def files(self) -> Iterator[PyFile]:
        for package in self.packages:
            yield from package.files

    @property
    def services(self) -> tuple[PyService, ...]:
        return tuple(service for package in self.packages for service in package.services)

    def class_of(self, ref: TypeRef) -> PyClass:
        """The Python class of a message the model refers to."""
        return self.classes[ref.name]


@record
class PyVersion:
    """One protocol version's packages."""

    number: int
    packages: tuple[PyPackage, ...]


@record
class PyVersions:
    """The module listing every version of a versioned run (``greeter.versions``)."""

    module: str
    handshake: Handshake
    #: Oldest first.
    versions: tuple[PyVersion, ...]

    @property
    def home(self) -> str:
        """The package the versions module sits in (``greeter``)."""
        return self.module.rpartition(".")[0]

    @property
    def files(self) -> Iterator[ProtoFile]:
        """Every proto file of every version, for the ``# source:`` header."""
        for version in self.versions:
            for package in version.packages:
                for file in package.files:
                    yield file.file


def build(model: Model, files: Sequence[descriptors.FileDescriptorProto]) -> PyModel:
    """Python names for ``model``; ``files`` holds every file it involves, imports included.

    Raises :class:`GeneratorError` when two files (or two proto packages) would land in one
    Python module (or package): one would silently replace or absorb the other.
    """
    wanted = [file.name for file in model.files]
    by_name = {file.name: file for file in files}
    existing = {
        file.name: module
        for file in files
        if file.name in model.imports
        and (module := imports.existing_module(file, model.settings)) is not None
    }
    emitted = [name for name in model.imports if name not in existing]
    for name in [*wanted, *emitted]:
        imports.check_runtime_clash(by_name[name])
    modules = _module_layout(files, [*wanted, *emitted], existing)
    imports.check_mappings(
        model.settings,
        files,
        wanted,
        [naming.python_package(by_name[name].package, name) for name in [*wanted, *emitted]],
    )
    by_module: dict[str, Package] = {}
    for package in model.packages:
        first = package.files[0]
        module = naming.python_package(package.proto_package, first.name)
        other = by_module.setdefault(module, package)
        if other is not package:
            raise GeneratorError(
                f"{_label(other)} and {_label(package)} would both be generated as the Python "
                f"package {naming.module_path(module, '/')}: rename one of them",
                first.name,
            )
    packages = tuple(_package(by_module[module], module) for module in sorted(by_module))
    return PyModel(
        packages=packages,
        modules=modules,
        classes=dict(_classes(files, existing)),
        message_files=tuple(
            (name, naming.pb2_module(by_name[name].package, name)) for name in emitted
        ),
    )


def _label(package: Package) -> str:
    return f"package {package.proto_package}" if package.proto_package else package.files[0].name


def _package(package: Package, module: str) -> PyPackage:
    class_names = iter(naming.service_class_names([s.name for s in package.services]))
    return PyPackage(
        package=package,
        module=module,
        files=tuple(
            PyFile(
                file=file,
                module=naming.pb2_module(file.proto_package, file.name),
                services=tuple(
                    PyService(
                        service=service,
                        class_name=next(class_names),
                        method_names=tuple(naming.method_names([m.name for m in service.methods])),
                    )
                    for service in file.services
                ),
            )
            for file in package.files
        ),
    )


def _module_layout(
    files: Sequence[descriptors.FileDescriptorProto],
    to_generate: Sequence[str],
    existing: Mapping[str, str],
) -> dict[str, str]:
    """protoc module -> our module for every file; two files mapping to one module is an error.

    ``to_generate`` are the files emitted (plugins and message modules); ``existing`` maps the
    files whose Python code already exists to their modules.
    """
    modules: dict[str, str] = {}
    owners: dict[str, str] = {}
    for file in files:
        if file.name in existing:
            modules[naming.protoc_module(file.name)] = existing[file.name]
            continue
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


def _classes(
    files: Sequence[descriptors.FileDescriptorProto], existing: Mapping[str, str]
) -> Iterator[tuple[str, PyClass]]:
    """Every message class of every file, by full proto name (``greeter.GreetRequest``)."""
    for file in files:
        module = existing.get(file.name) or naming.pb2_module(file.package, file.name)
        yield from _nested(file.message_type, module, file.package, "")


def _nested(
    messages: Sequence[descriptors.DescriptorProto], module: str, scope: str, attr: str
) -> Iterator[tuple[str, PyClass]]:
    for message in messages:
        full = f"{scope}.{message.name}" if scope else message.name
        name = naming.type_attribute(message.name)
        path = f"{attr}.{name}" if attr else name
        yield full, PyClass(module, path)
        yield from _nested(message.nested_type, module, full, path)


def versions(py_model: PyModel, versioned: VersionedSet) -> PyVersions:
    """Where the versions module of ``versioned`` goes: in the package its versions share.

    Raises :class:`GeneratorError` when they share no package, or when the module's name is
    taken by a generated package.
    """
    by_package = {package.package: package for package in py_model.packages}
    py_versions = tuple(
        PyVersion(
            number=version.number,
            packages=tuple(by_package[package] for package in version.packages),
        )
        for version in versioned.versions
    )
    packages = [package for version in py_versions for package in version.packages]
    home = naming.versions_home([package.module for package in packages])
    if not home:
        listed = ", ".join(
            f"{package.package.proto_package or package.module} (version "
            f"{package.handshake.protocol_version})"
            for package in sorted(packages, key=lambda package: package.module)
        )
        raise GeneratorError(
            f"versions {listed} share no package to hold {naming.VERSIONS_MODULE}.py: name "
            "the packages of one protocol's versions NAME.v1, NAME.v2, ..."
        )
    module = f"{home}.{naming.VERSIONS_MODULE}"
    for package in py_model.packages:
        if package.module == module or package.module.startswith(module + "."):
            raise GeneratorError(
                f"package {package.package.proto_package} would be generated where the versions "
                f"module {naming.module_path(module)} goes: rename that package"
            )
    return PyVersions(module=module, handshake=versioned.handshake, versions=py_versions)
