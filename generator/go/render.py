"""The Go model to source text: the files of one generated plugin package, and the versions one.

A plugin package holds what the seed lesson's hand-written ``shared/`` package held, in the
files a reader expects it in:

* ``interface.go``: one interface per service, the shape both sides share (``context.Context``
  first, the request message in, the response message out; streams as ``iter.Seq2`` sequences);
* ``grpc.go``: each service's gRPC server and client adapters and, for a plugin service, its
  ``GRPCPlugin``;
* ``plugin.go``: the package doc, ``Handshake``, the plugin names and ``PluginMap``;
* ``broker.go``: the broker in a call's context, and ``Serve``/``Dial`` helpers for broker
  services;
* ``stream.go``: the few generic functions that turn gRPC streams into sequences and back
  (only when the protocol has streams).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Handshake, MethodKind
from . import source
from .model import GoMethod, GoPackage, GoService, GoType, GoVersions

GO_PLUGIN = "github.com/hashicorp/go-plugin"
GRPC = "google.golang.org/grpc"

_KIND_WORDS = {
    MethodKind.UNARY: "unary",
    MethodKind.SERVER_STREAM: "server stream",
    MethodKind.CLIENT_STREAM: "client stream",
    MethodKind.BIDI: "bidirectional stream",
}


def files(package: GoPackage) -> Iterator[tuple[str, str]]:
    """(file name, text) of every file of ``package``."""
    yield "plugin.go", plugin_file(package)
    yield "interface.go", interface_file(package)
    yield "grpc.go", grpc_file(package)
    yield "broker.go", broker_file(package)
    if _has_streams(package):
        yield "stream.go", stream_file(package)


def _text(lines: list[str]) -> str:
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _type(package: GoPackage, go: GoType) -> str:
    return f"{package.aliases[go.import_path]}.{go.name}"


def _pb(package: GoPackage) -> str:
    """The import name of the package's own messages (and protoc-gen-go-grpc's stubs)."""
    return package.aliases[package.messages_path]


def _has_streams(package: GoPackage) -> bool:
    return any(m.method.kind != MethodKind.UNARY for s in package.services for m in s.methods)


def _proto_name(package: GoPackage) -> str:
    return package.package.proto_package or package.sources[0]


# -- plugin.go ---------------------------------------------------------------------------------


def plugin_file(package: GoPackage) -> str:
    proto = _proto_name(package)
    lines = source.header(package.sources)
    lines += source.prose(
        f"Package {package.name} is the go-plugin wiring of the {proto} plugin protocol, "
        f"generated from {', '.join(package.sources)}: the service interfaces, their "
        "GRPCPlugin implementations and gRPC adapters, the Handshake and the PluginMap that "
        "Go hosts and plugins share, with each other and with the Python hosts and plugins "
        "pygoplugin generates from the same proto. Only the implementations are left to write.",
        f"The messages are protoc-gen-go's, in {package.messages_path}; the gRPC stubs the "
        "adapters use are protoc-gen-go-grpc's, in the same package.",
    )
    lines += [f"package {package.name}", ""]
    lines += source.imports([], {GO_PLUGIN: "plugin"})
    lines += handshake(
        "Handshake",
        package.package.handshake,
        "Handshake is what host and plugin check before they talk (go-plugin's "
        "HandshakeConfig): a host refuses a plugin whose cookie or protocol version differs. The "
        "values are those the Python target derives from the same proto, so Go and Python hosts "
        "and plugins of this protocol accept each other.",
    )
    for service in package.plugin_services:
        lines += source.prose(
            f"{service.name}PluginName is the {service.service.full_name} plugin's key in "
            "the plugin set: what a host's Dispense names, and the key a plugin program serves "
            f"its {service.name} under. It is the same in Python."
        )
        lines += [f"const {service.name}PluginName = {source.quoted(service.service.plugin_name)}"]
        lines.append("")
    if package.plugin_services:
        lines += source.prose(
            "PluginMap is the plugin set a host gives go-plugin (ClientConfig.Plugins): every "
            "plugin of the protocol, without implementations. A plugin program serves its own "
            "set, with each GRPCPlugin's Impl set."
        )
        lines.append("var PluginMap = map[string]plugin.Plugin{")
        lines += source.aligned(
            [
                (f"{service.name}PluginName", f"&{service.name}GRPCPlugin{{}}")
                for service in package.plugin_services
            ],
            1,
        )
        lines += ["}", ""]
    return _text(lines)


def handshake(name: str, value: Handshake, doc: str) -> list[str]:
    lines = source.prose(doc)
    lines.append(f"var {name} = plugin.HandshakeConfig{{")
    lines += source.aligned(
        [
            ("ProtocolVersion", str(value.protocol_version)),
            ("MagicCookieKey", source.quoted(value.magic_cookie_key)),
            ("MagicCookieValue", source.quoted(value.magic_cookie_value)),
        ],
        1,
    )
    return [*lines, "}", ""]


# -- interface.go ------------------------------------------------------------------------------


def _request_param(package: GoPackage, method: GoMethod) -> str:
    request = _type(package, method.request)
    if method.method.kind.client_streaming:
        return f"reqs iter.Seq2[*{request}, error]"
    return f"req *{request}"


def _results(package: GoPackage, method: GoMethod) -> str:
    response = _type(package, method.response)
    if method.method.kind.server_streaming:
        return f"iter.Seq2[*{response}, error]"
    return f"(*{response}, error)"


def signature(package: GoPackage, method: GoMethod) -> str:
    """``Name(ctx context.Context, req *pb.Req) (*pb.Res, error)``: one shape for the
    interface, the client adapter and what the server adapter calls."""
    params = f"ctx context.Context, {_request_param(package, method)}"
    return f"{method.name}({params}) {_results(package, method)}"


def interface_file(package: GoPackage) -> str:
    streams = _has_streams(package)
    lines = source.header(package.sources)
    lines += [f"package {package.name}", ""]
    used = {
        go.import_path: package.aliases[go.import_path]
        for service in package.services
        for method in service.methods
        for go in (method.request, method.response)
    }
    lines += source.imports(["context", *(["iter"] if streams else [])], used)
    for service in package.services:
        lines += _interface(package, service)
    return _text(lines)


def _interface(package: GoPackage, service: GoService) -> list[str]:
    full = service.service.full_name
    doc = list(service.service.doc) or [f"{service.name} is the {full} service."]
    if service.service.broker:
        how = (
            f"It is served through go-plugin's GRPCBroker rather than dispensed as a plugin: "
            f"one side serves an implementation with Serve{service.name}(broker, impl) and sends "
            f"the returned id in a request; the other side calls Dial{service.name}(broker, id) "
            "and gets a client with these methods."
        )
    else:
        how = (
            f"A plugin program implements it and serves it with "
            f"&{service.name}GRPCPlugin{{Impl: impl}}; a host calls the same methods on what "
            f"Dispense({service.name}PluginName) returns."
        )
    lines = source.comment(doc)
    lines += [
        "//",
        *source.prose(
            how + " Each method takes the request message and returns the response message, "
            "so a field added to either never breaks an implementation. A stream is an "
            "iter.Seq2 of messages and a final error on both sides, as it is an iterator in "
            "Python; ranging over a returned stream starts the call, and stopping early "
            "cancels it."
        ),
    ]
    if service.service.deprecated:
        lines += ["//", f"// Deprecated: {service.service.deprecation}."]
    lines.append(f"type {service.name} interface {{")
    for method in service.methods:
        rpc = method.method
        lines += source.comment(
            list(rpc.doc) or [f"{method.name} is the RPC {rpc.path} ({_KIND_WORDS[rpc.kind]})."],
            1,
        )
        if rpc.deprecated:
            lines += ["\t//", f"\t// Deprecated: {rpc.deprecation}."]
        lines.append(f"\t{signature(package, method)}")
    return [*lines, "}", ""]


# -- grpc.go -----------------------------------------------------------------------------------


def grpc_file(package: GoPackage) -> str:
    streams = _has_streams(package)
    client_streams = any(
        m.method.kind == MethodKind.CLIENT_STREAM for s in package.services for m in s.methods
    )
    standard = ["context"]
    if streams:
        standard.append("iter")
    if client_streams:
        standard += ["errors", "io"]
    if package.plugin_services:
        standard.append("errors")
    used = {
        go.import_path: package.aliases[go.import_path]
        for service in package.services
        for method in service.methods
        for go in (method.request, method.response)
    }
    lines = source.header(package.sources)
    lines += [f"package {package.name}", ""]
    lines += source.imports(
        standard,
        {GO_PLUGIN: "plugin", GRPC: "grpc", package.messages_path: _pb(package), **used},
    )
    for service in package.services:
        if not service.service.broker:
            lines += _grpc_plugin(package, service)
        lines += _server(package, service)
        lines += _client(package, service)
    return _text(lines)


def _grpc_plugin(package: GoPackage, service: GoService) -> list[str]:
    name, pb = service.name, _pb(package)
    plugin_type = f"{name}GRPCPlugin"
    lines = source.prose(
        f"{plugin_type} is go-plugin's GRPCPlugin for {name}, the "
        f'"{service.service.plugin_name}" plugin: in a plugin program it serves Impl, in a '
        f"host (Impl nil, as in PluginMap) it makes the {name} that Dispense returns."
    )
    lines += [
        f"type {plugin_type} struct {{",
        *source.prose(
            "NetRPCUnsupportedPlugin completes plugin.Plugin: the protocol is gRPC only, so "
            "net/rpc is refused.",
            indent=1,
        ),
        "\tplugin.NetRPCUnsupportedPlugin",
        *source.prose(
            "Impl is the implementation a plugin program serves; nil in a host.", indent=1
        ),
        f"\tImpl {name}",
        "}",
        "",
    ]
    lines += source.prose(
        f"GRPCServer registers Impl on the plugin's gRPC server as the service "
        f"{service.service.full_name}; go-plugin calls it in the plugin program."
    )
    missing = (
        f"{package.name}: {plugin_type} has no Impl to serve: set it to the implementation "
        "in the plugin set given to plugin.Serve"
    )
    lines += [
        f"func (p *{plugin_type}) GRPCServer("
        "broker *plugin.GRPCBroker, server *grpc.Server) error {",
        "\tif p.Impl == nil {",
        f"\t\treturn errors.New({source.quoted(missing)})",
        "\t}",
        f"\t{pb}.Register{service.grpc_name}Server(server, New{name}GRPCServer(p.Impl, broker))",
        "\treturn nil",
        "}",
        "",
    ]
    lines += source.prose(
        f"GRPCClient returns the host's {name}, whose calls go to the plugin over conn; "
        "go-plugin calls it for Dispense."
    )
    lines += [
        f"func (p *{plugin_type}) GRPCClient(ctx context.Context, broker *plugin.GRPCBroker, "
        "conn *grpc.ClientConn) (any, error) {",
        f"\treturn New{name}GRPCClient(conn, broker), nil",
        "}",
        "",
        f"var _ plugin.GRPCPlugin = (*{plugin_type})(nil)",
        "",
    ]
    return lines


def _server(package: GoPackage, service: GoService) -> list[str]:
    name, pb = service.name, _pb(package)
    server = f"{name}GRPCServer"
    lines = source.prose(
        f"{server} serves an implementation of {name} as the gRPC service "
        f"{service.service.full_name}, turning each call into a call of the implementation: "
        "streams become sequences, and the call's context carries the broker for "
        "BrokerFromContext."
    )
    lines += [
        f"type {server} struct {{",
        f"\t{pb}.Unimplemented{service.grpc_name}Server",
        f"\timpl   {name}",
        "\tbroker *plugin.GRPCBroker",
        "}",
        "",
    ]
    lines += source.prose(
        f"New{server} returns the gRPC server of impl; broker, which may be nil, is what "
        "its calls find with BrokerFromContext."
    )
    lines += [
        f"func New{server}(impl {name}, broker *plugin.GRPCBroker) *{server} {{",
        f"\treturn &{server}{{impl: impl, broker: broker}}",
        "}",
        "",
    ]
    for method in service.methods:
        lines += _server_method(package, service, method)
    return lines


def _server_method(package: GoPackage, service: GoService, method: GoMethod) -> list[str]:
    pb, kind = _pb(package), method.method.kind
    receiver = f"func (s *{service.name}GRPCServer) {method.name}"
    request = _type(package, method.request)
    response = _type(package, method.response)
    stream_type = f"{pb}.{service.grpc_name}_{method.name}Server"
    if kind == MethodKind.UNARY:
        doc = f"{method.name} serves the unary RPC {method.name} with the implementation's."
        body = [
            f"{receiver}(ctx context.Context, req *{request}) (*{response}, error) {{",
            f"\treturn s.impl.{method.name}(withBroker(ctx, s.broker), req)",
        ]
    elif kind == MethodKind.SERVER_STREAM:
        doc = (
            f"{method.name} serves the server stream {method.name}: each message the "
            "implementation yields is sent at once, and its error ends the call."
        )
        body = [
            f"{receiver}(req *{request}, stream {stream_type}) error {{",
            "\tctx := withBroker(stream.Context(), s.broker)",
            f"\treturn sendAll(stream, s.impl.{method.name}(ctx, req))",
        ]
    elif kind == MethodKind.CLIENT_STREAM:
        doc = (
            f"{method.name} serves the client stream {method.name}: the implementation ranges "
            "over what the client sends, and its response closes the call."
        )
        body = [
            f"{receiver}(stream {stream_type}) error {{",
            "\tctx := withBroker(stream.Context(), s.broker)",
            f"\tresp, err := s.impl.{method.name}(ctx, received[{request}](stream))",
            "\tif err != nil {",
            "\t\treturn err",
            "\t}",
            "\treturn stream.SendAndClose(resp)",
        ]
    else:
        doc = (
            f"{method.name} serves the bidirectional stream {method.name}: the implementation "
            "ranges over what the client sends and yields what is sent back."
        )
        body = [
            f"{receiver}(stream {stream_type}) error {{",
            "\tctx := withBroker(stream.Context(), s.broker)",
            f"\treturn sendAll(stream, s.impl.{method.name}(ctx, received[{request}](stream)))",
        ]
    return [*source.prose(doc), *body, "}", ""]


def _client(package: GoPackage, service: GoService) -> list[str]:
    name, pb = service.name, _pb(package)
    client = f"{name}GRPCClient"
    where = (
        f"what Dial{name} returns"
        if service.service.broker
        else f"what Dispense({name}PluginName) returns"
    )
    lines = source.prose(
        f"{client} is a {name} whose methods call the RPCs of {service.service.full_name} "
        f"over gRPC: {where}."
    )
    lines += [
        f"type {client} struct {{",
        f"\tclient {pb}.{service.grpc_name}Client",
        "\tbroker *plugin.GRPCBroker",
        "}",
        "",
        f"var _ {name} = (*{client})(nil)",
        "",
    ]
    lines += source.prose(
        f"New{client} returns a {name} calling over conn; broker, which may be nil, is what "
        "Broker returns for it."
    )
    lines += [
        f"func New{client}(conn grpc.ClientConnInterface, broker *plugin.GRPCBroker) *{client} {{",
        f"\treturn &{client}{{client: {pb}.New{service.grpc_name}Client(conn), broker: broker}}",
        "}",
        "",
    ]
    for method in service.methods:
        lines += _client_method(package, service, method)
    lines += [
        "// grpcBroker is how Broker finds the broker of a client.",
        f"func (c *{client}) grpcBroker() *plugin.GRPCBroker {{",
        "\treturn c.broker",
        "}",
        "",
    ]
    return lines


def _client_method(package: GoPackage, service: GoService, method: GoMethod) -> list[str]:
    pb, kind = _pb(package), method.method.kind
    head = f"func (c *{service.name}GRPCClient) {signature(package, method)} {{"
    response = _type(package, method.response)
    stream_type = f"{pb}.{service.grpc_name}_{method.name}Client"
    opener = f"func(ctx context.Context) ({stream_type}, error) {{"
    if kind == MethodKind.UNARY:
        doc = f"{method.name} calls the unary RPC {method.name}."
        body = [f"\treturn c.client.{method.name}(ctx, req)"]
    elif kind == MethodKind.SERVER_STREAM:
        doc = (
            f"{method.name} calls the server stream {method.name} when the sequence is ranged "
            "over and yields each message as it arrives."
        )
        body = [
            f"\treturn receiving[{response}](ctx, {opener}",
            f"\t\treturn c.client.{method.name}(ctx, req)",
            "\t})",
        ]
    elif kind == MethodKind.CLIENT_STREAM:
        doc = (
            f"{method.name} calls the client stream {method.name}, sending each message of "
            "reqs, and returns the plugin's response; an error in reqs cancels the call."
        )
        body = [
            "\tctx, cancel := context.WithCancel(ctx)",
            "\tdefer cancel()",
            f"\tstream, err := c.client.{method.name}(ctx)",
            "\tif err != nil {",
            "\t\treturn nil, err",
            "\t}",
            "\t// io.EOF: the plugin ended the call early; CloseAndRecv says how.",
            "\tif err := sendAll(stream, reqs); err != nil && !errors.Is(err, io.EOF) {",
            "\t\treturn nil, err",
            "\t}",
            "\treturn stream.CloseAndRecv()",
        ]
    else:
        doc = (
            f"{method.name} calls the bidirectional stream {method.name} when the sequence is "
            "ranged over: reqs is sent from another goroutine while the responses are yielded."
        )
        body = [
            f"\treturn exchanging[{response}](ctx, reqs, {opener}",
            f"\t\treturn c.client.{method.name}(ctx)",
            "\t})",
        ]
    return [*source.prose(doc), head, *body, "}", ""]


# -- broker.go ---------------------------------------------------------------------------------


def broker_file(package: GoPackage) -> str:
    brokered = package.broker_services
    lines = source.header(package.sources)
    lines += [f"package {package.name}", ""]
    standard = ["context", *(["errors", "sync"] if brokered else [])]
    others = {GO_PLUGIN: "plugin"}
    if brokered:
        others[GRPC] = "grpc"
        others[package.messages_path] = _pb(package)
    lines += source.imports(standard, others)
    lines += [
        "// brokerKey is the context key under which a served call carries its broker.",
        "type brokerKey struct{}",
        "",
        "// withBroker is ctx carrying broker, for BrokerFromContext.",
        "func withBroker(ctx context.Context, broker *plugin.GRPCBroker) context.Context {",
        "\tif broker == nil {",
        "\t\treturn ctx",
        "\t}",
        "\treturn context.WithValue(ctx, brokerKey{}, broker)",
        "}",
        "",
    ]
    lines += source.prose(
        "BrokerFromContext returns the GRPCBroker of the connection a call arrived on, or nil "
        "outside a call served by this package: an implementation serves or dials callback "
        "services through it, as Python's goplugin.current_broker() does."
    )
    lines += [
        "func BrokerFromContext(ctx context.Context) *plugin.GRPCBroker {",
        "\tbroker, _ := ctx.Value(brokerKey{}).(*plugin.GRPCBroker)",
        "\treturn broker",
        "}",
        "",
    ]
    lines += source.prose(
        "Broker returns the GRPCBroker of a client this package made (what Dispense returns), "
        "or nil for any other value: a host serves callback services to its plugin through "
        "it, as a Python host uses client.broker."
    )
    lines += [
        "func Broker(client any) *plugin.GRPCBroker {",
        "\tif c, ok := client.(interface{ grpcBroker() *plugin.GRPCBroker }); ok {",
        "\t\treturn c.grpcBroker()",
        "\t}",
        "\treturn nil",
        "}",
        "",
    ]
    if brokered:
        lines += _broker_plumbing(package)
        for service in brokered:
            lines += _broker_helpers(package, service)
    return _text(lines)


def _broker_plumbing(package: GoPackage) -> list[str]:
    no_broker = (
        f"{package.name}: no broker to dial through: pass the one from BrokerFromContext "
        "(inside a call) or Broker (a host's client)"
    )
    lines = source.prose(
        "serve runs AcceptAndServe for a new broker id in the background (it blocks until the "
        "server stops) and returns the id and a function stopping the server, which is safe "
        "to call before the server exists."
    )
    lines += [
        "func serve(broker *plugin.GRPCBroker, register func(*grpc.Server)) (uint32, func()) {",
        "\tid := broker.NextId()",
        "\tvar mu sync.Mutex",
        "\tvar server *grpc.Server",
        "\tstopped := false",
        "\tgo broker.AcceptAndServe(id, func(opts []grpc.ServerOption) *grpc.Server {",
        "\t\tmu.Lock()",
        "\t\tdefer mu.Unlock()",
        "\t\tserver = grpc.NewServer(opts...)",
        "\t\tregister(server)",
        "\t\tif stopped {",
        "\t\t\tserver.Stop()",
        "\t\t}",
        "\t\treturn server",
        "\t})",
        "\treturn id, func() {",
        "\t\tmu.Lock()",
        "\t\tdefer mu.Unlock()",
        "\t\tstopped = true",
        "\t\tif server != nil {",
        "\t\t\tserver.Stop()",
        "\t\t}",
        "\t}",
        "}",
        "",
        "// dial connects to what the other side serves under id, through broker.",
        "func dial(broker *plugin.GRPCBroker, id uint32) (*grpc.ClientConn, error) {",
        "\tif broker == nil {",
        f"\t\treturn nil, errors.New({source.quoted(no_broker)})",
        "\t}",
        "\treturn broker.Dial(id)",
        "}",
        "",
    ]
    return lines


def _broker_helpers(package: GoPackage, service: GoService) -> list[str]:
    name, pb = service.name, _pb(package)
    lines = source.prose(
        f"Serve{name} serves impl through broker under a new id and returns the id, which the "
        f"other side passes to Dial{name} (send it in the request field the protocol has for "
        "it), and a function that stops serving; otherwise it serves until the broker closes."
    )
    lines += [
        f"func Serve{name}(broker *plugin.GRPCBroker, impl {name}) (uint32, func()) {{",
        "\treturn serve(broker, func(server *grpc.Server) {",
        f"\t\t{pb}.Register{service.grpc_name}Server(server, New{name}GRPCServer(impl, broker))",
        "\t})",
        "}",
        "",
    ]
    lines += source.prose(
        f"Dial{name} connects to the {name} the other side serves under id (waiting for its "
        "announcement, as go-plugin's Dial does) and returns it with a function that closes "
        "the connection when done."
    )
    lines += [
        f"func Dial{name}(broker *plugin.GRPCBroker, id uint32) ({name}, func() error, error) {{",
        "\tconn, err := dial(broker, id)",
        "\tif err != nil {",
        "\t\treturn nil, nil, err",
        "\t}",
        f"\treturn New{name}GRPCClient(conn, broker), conn.Close, nil",
        "}",
        "",
    ]
    return lines


# -- stream.go ---------------------------------------------------------------------------------


def stream_file(package: GoPackage) -> str:
    kinds = {m.method.kind for s in package.services for m in s.methods}
    lines = source.header(package.sources)
    lines += [f"package {package.name}", ""]
    opens = kinds & {MethodKind.SERVER_STREAM, MethodKind.BIDI}
    lines += source.imports([*(["context"] if opens else []), "io", "iter"], {})
    lines += [
        "// receiver is the receiving half of a gRPC stream.",
        "type receiver[T any] interface {",
        "\tRecv() (*T, error)",
        "}",
        "",
        "// sender is the sending half of a gRPC stream.",
        "type sender[T any] interface {",
        "\tSend(*T) error",
        "}",
        "",
    ]
    lines += source.prose(
        "received is what a stream receives until the other side closes it, as a sequence an "
        "implementation ranges over; a failed receive ends it with that error."
    )
    lines += [
        "func received[T any](stream receiver[T]) iter.Seq2[*T, error] {",
        "\treturn func(yield func(*T, error) bool) {",
        "\t\tfor {",
        "\t\t\tmsg, err := stream.Recv()",
        "\t\t\tif err == io.EOF {",
        "\t\t\t\treturn",
        "\t\t\t}",
        "\t\t\tif err != nil {",
        "\t\t\t\tyield(nil, err)",
        "\t\t\t\treturn",
        "\t\t\t}",
        "\t\t\tif !yield(msg, nil) {",
        "\t\t\t\treturn",
        "\t\t\t}",
        "\t\t}",
        "\t}",
        "}",
        "",
    ]
    lines += source.prose(
        "sendAll sends each message of a sequence in turn; the sequence's error, or the first "
        "failed send, ends it."
    )
    lines += [
        "func sendAll[T any](stream sender[T], messages iter.Seq2[*T, error]) error {",
        "\tfor msg, err := range messages {",
        "\t\tif err != nil {",
        "\t\t\treturn err",
        "\t\t}",
        "\t\tif err := stream.Send(msg); err != nil {",
        "\t\t\treturn err",
        "\t\t}",
        "\t}",
        "\treturn nil",
        "}",
        "",
    ]
    if MethodKind.SERVER_STREAM in kinds:
        lines += source.prose(
            "receiving opens a server stream when the sequence is ranged over and yields what "
            "arrives; stopping early cancels the call, so no stream is left open."
        )
        lines += [
            "func receiving[T any, S receiver[T]](ctx context.Context, "
            "open func(context.Context) (S, error)) iter.Seq2[*T, error] {",
            "\treturn func(yield func(*T, error) bool) {",
            "\t\tctx, cancel := context.WithCancel(ctx)",
            "\t\tdefer cancel()",
            "\t\tstream, err := open(ctx)",
            "\t\tif err != nil {",
            "\t\t\tyield(nil, err)",
            "\t\t\treturn",
            "\t\t}",
            "\t\tfor msg, err := range received[T](stream) {",
            "\t\t\tif !yield(msg, err) {",
            "\t\t\t\treturn",
            "\t\t\t}",
            "\t\t}",
            "\t}",
            "}",
            "",
        ]
    if MethodKind.BIDI in kinds:
        lines += [
            "// exchange is a bidirectional gRPC stream as its client sees it.",
            "type exchange[Req, Res any] interface {",
            "\tsender[Req]",
            "\treceiver[Res]",
            "\tCloseSend() error",
            "}",
            "",
        ]
        lines += source.prose(
            "exchanging opens a bidirectional stream when the sequence is ranged over, sends "
            "reqs from another goroutine (so neither side waits for the other's whole stream) "
            "and yields what arrives. An error in reqs cancels the call and is the error "
            "yielded; stopping early cancels the call too."
        )
        lines += [
            "func exchanging[Res, Req any, S exchange[Req, Res]](ctx context.Context, "
            "reqs iter.Seq2[*Req, error], open func(context.Context) (S, error)) "
            "iter.Seq2[*Res, error] {",
            "\treturn func(yield func(*Res, error) bool) {",
            "\t\tctx, cancel := context.WithCancel(ctx)",
            "\t\tdefer cancel()",
            "\t\tstream, err := open(ctx)",
            "\t\tif err != nil {",
            "\t\t\tyield(nil, err)",
            "\t\t\treturn",
            "\t\t}",
            "\t\tfailed := make(chan error, 1)",
            "\t\tgo func() {",
            "\t\t\terr := sendAll[Req](stream, reqs)",
            "\t\t\tif err == nil || err == io.EOF { // io.EOF: the plugin ended the call",
            "\t\t\t\tfailed <- stream.CloseSend()",
            "\t\t\t\treturn",
            "\t\t\t}",
            "\t\t\tfailed <- err",
            "\t\t\tcancel()",
            "\t\t}()",
            "\t\tfor msg, err := range received[Res](stream) {",
            "\t\t\tif err != nil {",
            "\t\t\t\tselect {",
            "\t\t\t\tcase sendErr := <-failed:",
            "\t\t\t\t\tif sendErr != nil {",
            "\t\t\t\t\t\terr = sendErr",
            "\t\t\t\t\t}",
            "\t\t\t\tdefault:",
            "\t\t\t\t}",
            "\t\t\t\tyield(nil, err)",
            "\t\t\t\treturn",
            "\t\t\t}",
            "\t\t\tif !yield(msg, nil) {",
            "\t\t\t\treturn",
            "\t\t\t}",
            "\t\t}",
            "\t}",
            "}",
            "",
        ]
    return _text(lines)


# -- versions ----------------------------------------------------------------------------------


def versions_file(versions: GoVersions) -> str:
    sources = [
        name
        for _, packages in versions.versions
        for package in packages
        for name in package.sources
    ]
    newest = versions.handshake.protocol_version
    lines = source.header(sources)
    lines += source.prose(
        f"Package {versions.name} lists every version of a plugin protocol generated together "
        f"({', '.join(str(number) for number, _ in versions.versions)}), for go-plugin's "
        "version negotiation: a host offers VersionedPlugins, a plugin program serves the "
        "versions it has, and the handshake picks the newest one both know "
        "(Client.NegotiatedVersion). Each version's own package stays usable alone, and a "
        "host or plugin built from it meets this one at that version."
    )
    lines += [f"package {versions.name}", ""]
    lines += source.imports([], {GO_PLUGIN: "plugin", **versions.aliases})
    lines += handshake(
        "Handshake",
        versions.handshake,
        "Handshake is the cookie all versions share; with VersionedPlugins (a host's "
        "ClientConfig, a plugin program's ServeConfig) the versions come from the sets and "
        f"ProtocolVersion, the newest ({newest}), applies only to a plain Plugins set.",
    )
    lines += source.prose(
        "VersionedPlugins is every version's plugin set, by protocol version, without "
        "implementations: a host's ClientConfig.VersionedPlugins. Dispense then returns the "
        "negotiated version's interface."
    )
    lines.append("var VersionedPlugins = map[int]plugin.PluginSet{")
    for number, packages in versions.versions:
        lines.append(f"\t{number}: {{")
        pairs = [
            (
                f"{versions.aliases[p.import_path]}.{s.name}PluginName",
                f"&{versions.aliases[p.import_path]}.{s.name}GRPCPlugin{{}}",
            )
            for p in packages
            for s in p.plugin_services
        ]
        lines += source.aligned(pairs, 2)
        lines.append("\t},")
    lines += ["}", ""]
    return _text(lines)
