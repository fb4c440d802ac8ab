"""What ``_pb2_grpc.pyi`` declares, spelled so no RPC name hides a name the stub imports.

The stub and servicer classes have one member per RPC, and their annotations are read in the
class body first: an RPC named ``Iterator`` or ``grpc`` would turn ``Iterator[Reply]`` or
``grpc.ServicerContext`` into that method. Such a stub imports the name under a private alias
(``import grpc as _grpc``) instead; the ``_pb2`` modules' aliases avoid the RPC names the same
way (``spelling.in_package``'s ``taken``). A stub whose RPCs take no such name reads as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...core.model import MethodKind
from ...core.records import record
from ..spelling import ModuleSpelling


@record
class StubMethod:
    """One RPC as the stub class (a typed callable) and the servicer (a method) declare it."""

    name: str
    multicallable: str
    arguments: tuple[str, str]
    servicer_params: tuple[str, ...]
    response: str


@record
class StubService:
    stub_class: str
    servicer_class: str
    add_function: str
    add_params: tuple[str, ...]
    channel_param: str
    methods: tuple[StubMethod, ...]


@record
class StubNames:
    """The spelling of ``grpc`` and ``Iterator`` in one stub, and its services."""

    grpc: str
    iterator: str
    services: tuple[StubService, ...]

    @property
    def grpc_import(self) -> str:
        return "import grpc" if self.grpc == "grpc" else f"import grpc as {self.grpc}"

    @property
    def iterator_import(self) -> str:
        alias = "" if self.iterator == "Iterator" else f" as {self.iterator}"
        return f"from collections.abc import Iterator{alias}"


def rpc_names(spelled: ModuleSpelling) -> set[str]:
    """The names the stub's class bodies bind: one per RPC."""
    return {m.grpc_name for s in spelled.services for m in s.grpc_methods}


def _free(name: str, taken: Iterable[str]) -> str:
    """``name`` if no class body binds it, else a private alias none does."""
    taken = set(taken)
    if name not in taken:
        return name
    alias = f"_{name}"
    while alias in taken:
        alias += "_"
    return alias


def names(spelled: ModuleSpelling) -> StubNames:
    taken = rpc_names(spelled)
    grpc, iterator = _free("grpc", taken), _free("Iterator", taken)

    def stream(message: str, streaming: bool) -> str:
        return f"{iterator}[{message}]" if streaming else message

    services = []
    for s in spelled.services:
        methods = []
        for m in s.grpc_methods:
            kind: MethodKind = m.kind
            shape = m.grpc_shape.title().replace("_", "")
            request = f"{m.servicer_param}: {stream(m.request_message, kind.client_streaming)}"
            methods.append(
                StubMethod(
                    name=m.grpc_name,
                    multicallable=f"{grpc}.{shape}MultiCallable",
                    arguments=m.multicallable_arguments,
                    servicer_params=("self", request, f"context: {grpc}.ServicerContext"),
                    response=stream(m.response_message, kind.server_streaming),
                )
            )
        service = s.service
        services.append(
            StubService(
                stub_class=service.stub_class,
                servicer_class=service.servicer_class,
                add_function=service.add_function,
                add_params=(f"servicer: {service.servicer_class}", f"server: {grpc}.Server"),
                channel_param=f"channel: {grpc}.Channel",
                methods=tuple(methods),
            )
        )
    return StubNames(grpc=grpc, iterator=iterator, services=tuple(services))
