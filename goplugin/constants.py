"""Every name and number go-plugin's wire protocol fixes, in one place.

Mirrors go-plugin's ``constants.go``: host and plugin must agree on these byte for byte, so
nothing else in the runtime spells them out.
"""

from __future__ import annotations

#: CoreProtocolVersion: the first handshake field. go-plugin has never changed it.
CORE_PROTOCOL_VERSION = 1

#: The only transport this runtime speaks; net/rpc plugins are refused by name.
PROTOCOL_GRPC = "grpc"
PROTOCOL_NETRPC = "netrpc"

ENV_MIN_PORT = "PLUGIN_MIN_PORT"
ENV_MAX_PORT = "PLUGIN_MAX_PORT"
ENV_PROTOCOL_VERSIONS = "PLUGIN_PROTOCOL_VERSIONS"
ENV_CLIENT_CERT = "PLUGIN_CLIENT_CERT"
ENV_MULTIPLEX_GRPC = "PLUGIN_MULTIPLEX_GRPC"
ENV_UNIX_SOCKET_DIR = "PLUGIN_UNIX_SOCKET_DIR"
ENV_UNIX_SOCKET_GROUP = "PLUGIN_UNIX_SOCKET_GROUP"

#: The port range a go-plugin host hands out when its config leaves both bounds at zero.
DEFAULT_MIN_PORT = 10000
DEFAULT_MAX_PORT = 25000

#: The health-check service name go-plugin hosts ping.
HEALTH_SERVICE = "plugin"

#: go-plugin's Kill() waits this long after Shutdown before it SIGKILLs the plugin.
KILL_GRACE_SECONDS = 2.0

#: Go hosts raise both gRPC message limits to MaxInt32; a plugin must accept the same sizes.
MAX_MESSAGE_BYTES = 2**31 - 1
GRPC_MESSAGE_OPTIONS = (
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
)

#: What a Go plugin prints when it is run by hand instead of by its host (exit status 1).
NOT_A_HOST_MESSAGE = (
    "This binary is a plugin. These are not meant to be executed directly.\n"
    "Please execute the program that consumes these plugins, which will\n"
    "load any plugins automatically\n"
)

#: A thread moving a stream's messages (a host reading a server stream, a plugin's sync
#: generator) lets the process's other threads take the GIL after this many messages. Reading
#: on the calling thread (``grpc_options.SINGLE_THREADED_UNARY_STREAM``) never waits while
#: messages are buffered, so without it 8 streams read in one host finished up to 19 % apart
#: and unary calls waited behind them; with it, within 1-5 % (16 messages: 1-3 %, but a single
#: stream at 70k instead of 100k messages/s).
YIELD_EVERY_MESSAGES = 64
