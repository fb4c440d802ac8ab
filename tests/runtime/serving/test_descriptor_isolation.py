"""goplugin's copies of go-plugin's protos must not take names from the user's protos."""

from __future__ import annotations

import subprocess
import sys


def test_user_proto_package_plugin_imports_beside_the_runtime() -> None:
    # A user's own "package plugin; message Empty {}" (go-plugin's internal names) in the
    # default descriptor pool, after and before goplugin is imported.
    script = """
import goplugin, goplugin.host.client
from google.protobuf import descriptor_pb2, descriptor_pool
from goplugin._proto import grpc_controller_pb2
file = descriptor_pb2.FileDescriptorProto(name="mine/plugin.proto", package="plugin")
file.message_type.add(name="Empty")
file.message_type.add(name="ConnInfo")
descriptor_pool.Default().Add(file)
print(descriptor_pool.Default().FindMessageTypeByName("plugin.Empty").file.name)
print(grpc_controller_pb2.Empty.DESCRIPTOR.file.name)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["mine/plugin.proto", "grpc_controller.proto"]
