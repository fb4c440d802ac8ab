"""A descriptor pool of goplugin's own, for go-plugin's internal protos.

go-plugin's services live in proto package ``plugin`` (``plugin.Empty``, ``plugin.ConnInfo``,
...). In protobuf's default pool those names would clash with any user proto that picks the
same, very natural, package name, and a plugin generated from go-plugin's own protos could not
even be imported beside the runtime. Keeping the runtime's copies here leaves the default pool
to the user.
"""

from google.protobuf import descriptor_pool, empty_pb2

POOL = descriptor_pool.DescriptorPool()
POOL.AddSerializedFile(empty_pb2.DESCRIPTOR.serialized_pb)
