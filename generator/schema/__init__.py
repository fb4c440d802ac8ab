"""The schema as protoc describes it: protoc run in-process (``load``), the descriptor set read
from protobuf's wire format without protobuf's runtime (``wire``, into the classes of
``descriptors``), and SourceCodeInfo's comments and positions (``locations``)."""
