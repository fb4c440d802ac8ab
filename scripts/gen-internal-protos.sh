#!/usr/bin/env bash
# Regenerates goplugin/_proto/*_pb2.py(i) from go-plugin's internal protos (copied verbatim from
# hashicorp/go-plugin's internal/plugin/). Run after upgrading grpcio-tools; the modules are
# committed so that a deployed plugin needs only the runtime, not the generator.
# No _pb2_grpc modules: the runtime registers and calls these services through grpc's generic
# handlers, which are typed and keep the plugin's start-up imports small.
# The modules register into goplugin's own descriptor pool (_pool.py), not protobuf's default
# one, so a user's proto package "plugin" never clashes with go-plugin's.
set -euo pipefail
cd "$(dirname "$0")/../goplugin/_proto"
py="${PYTHON:-../../.venv/bin/python}"
"$py" -m grpc_tools.protoc -I. --python_out=. --pyi_out=. \
    grpc_broker.proto grpc_controller.proto grpc_stdio.proto
sed -i -e 's/_descriptor_pool\.Default()\.AddSerializedFile/_POOL.AddSerializedFile/' \
    -e 's/^from google\.protobuf\.internal import builder as _builder$/&\nfrom goplugin._proto._pool import POOL as _POOL/' \
    grpc_broker_pb2.py grpc_controller_pb2.py grpc_stdio_pb2.py
