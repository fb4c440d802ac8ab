"""gRPC server reflection, loaded on the first reflection call rather than at start-up.

Reflection lets ``grpcurl`` and friends explore a running plugin, which is handy when debugging
and never needed otherwise; importing the reflection messages (and with them
``descriptor_pb2``) up front would slow every plugin's start. :class:`LazyReflection` answers
for the reflection services and builds its servicer the first time one of their methods is
called.

The servicer is the runtime's own, on the plain-protobuf messages of ``grpc_reflection``: the
package's servicer imports grpcio, which a plugin on the grpclib core never loads. The handler
it hands out has the shape of grpcio's ``RpcMethodHandler``, which both serving cores take.

Like a Go plugin (grpc-go registers both), it answers ``grpc.reflection.v1`` as well as
``v1alpha``: grpcurl asks v1 first. The two protos differ only in their package, so their
messages are the same bytes on the wire and one servicer serves both paths. It lists every
service the process serves, go-plugin's own included, and describes them from whichever
descriptor pool holds them (go-plugin's internal protos live in a pool of their own).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from google.protobuf import descriptor_pool

from goplugin._proto._pool import POOL as GOPLUGIN_POOL

V1ALPHA_SERVICE = "grpc.reflection.v1alpha.ServerReflection"
V1_SERVICE = "grpc.reflection.v1.ServerReflection"
METHODS = tuple(f"/{name}/ServerReflectionInfo" for name in (V1ALPHA_SERVICE, V1_SERVICE))
_METHODS = METHODS  # the name the grpclib core imported first

#: go-plugin's services, served by every plugin process beside the plugin's own.
GO_PLUGIN_SERVICES = ("plugin.GRPCBroker", "plugin.GRPCController", "plugin.GRPCStdio")

#: gRPC's NOT_FOUND and INVALID_ARGUMENT, as reflection's error responses carry them.
_NOT_FOUND = 5
_INVALID_ARGUMENT = 3


class MethodHandler(NamedTuple):
    """A bidirectional method in the shape of grpcio's ``RpcMethodHandler`` (either core
    serves it: grpcio's server reads these attributes, the grpclib core's registry too)."""

    stream_stream: Callable[[Iterable[Any], Any], Iterator[Any]]
    request_deserializer: Callable[[bytes], Any]
    response_serializer: Callable[[Any], bytes]
    request_streaming: bool = True
    response_streaming: bool = True
    unary_unary: None = None
    unary_stream: None = None
    stream_unary: None = None


class LazyReflection:
    """Serves reflection for ``service_names`` (read at the first call, so it can still grow).

    A grpcio generic handler by shape (``service(handler_call_details)``), so both serving
    cores take it without this module importing either.
    """

    def __init__(self, service_names: Sequence[str]) -> None:
        self._service_names = service_names
        self._lock = threading.Lock()
        self._handler: MethodHandler | None = None
        self._loaded = False

    def service(self, handler_call_details: Any) -> MethodHandler | None:
        if handler_call_details.method not in METHODS:
            return None
        with self._lock:
            if not self._loaded:
                self._handler = _reflection_handler(self._service_names)
                self._loaded = True
            return self._handler


def _reflection_handler(service_names: Sequence[str]) -> MethodHandler | None:
    try:
        from grpc_health.v1 import health_pb2  # noqa: F401  (puts Health's descriptor in the pool)
        from grpc_reflection.v1alpha import reflection_pb2
    except ImportError:  # a convenience for grpcurl users, never required
        return None
    names = (*service_names, *GO_PLUGIN_SERVICES, V1ALPHA_SERVICE, V1_SERVICE)
    servicer = _Reflection(names, _Pools(descriptor_pool.Default()), reflection_pb2)
    return MethodHandler(
        servicer.server_reflection_info,
        reflection_pb2.ServerReflectionRequest.FromString,
        reflection_pb2.ServerReflectionResponse.SerializeToString,
    )


class _Reflection:
    """The ``ServerReflectionInfo`` stream: one response per request, as grpc-go answers."""

    def __init__(self, service_names: Sequence[str], pool: _Pools, messages: Any) -> None:
        self._names = sorted(set(service_names))
        self._pool = pool
        self._pb = messages

    def server_reflection_info(self, requests: Iterable[Any], context: Any) -> Iterator[Any]:
        for request in requests:
            response = self._answer(request)
            response.valid_host = request.host
            response.original_request.CopyFrom(request)
            yield response

    def _answer(self, request: Any) -> Any:
        pb = self._pb
        which = request.WhichOneof("message_request")
        try:
            if which == "file_by_filename":
                return self._file(self._pool.FindFileByName(request.file_by_filename))
            if which == "file_containing_symbol":
                symbol = request.file_containing_symbol
                return self._file(self._pool.FindFileContainingSymbol(symbol))
            if which == "file_containing_extension":
                asked = request.file_containing_extension
                message = self._pool.FindMessageTypeByName(asked.containing_type)
                extension = self._pool.FindExtensionByNumber(message, asked.extension_number)
                return self._file(self._pool.FindFileContainingSymbol(extension.full_name))
            if which == "all_extension_numbers_of_type":
                message = self._pool.FindMessageTypeByName(request.all_extension_numbers_of_type)
                numbers = [ext.number for ext in self._pool.FindAllExtensions(message)]
                return pb.ServerReflectionResponse(
                    all_extension_numbers_response=pb.ExtensionNumberResponse(
                        base_type_name=message.full_name, extension_number=numbers
                    )
                )
            if which == "list_services":
                services = [pb.ServiceResponse(name=name) for name in self._names]
                return pb.ServerReflectionResponse(
                    list_services_response=pb.ListServiceResponse(service=services)
                )
        except KeyError:
            return self._error(_NOT_FOUND, "not found")
        return self._error(_INVALID_ARGUMENT, f"unsupported reflection request: {which}")

    def _file(self, file: Any) -> Any:
        from google.protobuf import descriptor_pb2

        proto = descriptor_pb2.FileDescriptorProto()
        file.CopyToProto(proto)
        return self._pb.ServerReflectionResponse(
            file_descriptor_response=self._pb.FileDescriptorResponse(
                file_descriptor_proto=[proto.SerializeToString()]
            )
        )

    def _error(self, code: int, message: str) -> Any:
        return self._pb.ServerReflectionResponse(
            error_response=self._pb.ErrorResponse(error_code=code, error_message=message)
        )


class _Pools:
    """The default pool, then goplugin's own: every lookup tries both."""

    def __init__(self, default: descriptor_pool.DescriptorPool) -> None:
        self._pools = (default, GOPLUGIN_POOL)

    def _first(self, method: str, *args: Any) -> Any:
        error: KeyError | None = None
        for pool in self._pools:
            try:
                return getattr(pool, method)(*args)
            except KeyError as missing:
                error = missing
        assert error is not None
        raise error

    def FindFileByName(self, name: str) -> Any:  # noqa: N802  (protobuf's names)
        return self._first("FindFileByName", name)

    def FindFileContainingSymbol(self, symbol: str) -> Any:  # noqa: N802
        return self._first("FindFileContainingSymbol", symbol)

    def FindMessageTypeByName(self, name: str) -> Any:  # noqa: N802
        return self._first("FindMessageTypeByName", name)

    def FindExtensionByNumber(self, message: Any, number: int) -> Any:  # noqa: N802
        return self._first("FindExtensionByNumber", message, number)

    def FindAllExtensions(self, message: Any) -> Any:  # noqa: N802
        return self._first("FindAllExtensions", message)
