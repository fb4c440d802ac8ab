"""Repairs of protoc's and grpcio-tools' modules: keywords as names, comments as docstrings."""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from pygoplugin_gen.python.protoc import grpc_docstrings, keywords
from pygoplugin_gen.python.render import pb2_stub


def test_keyword_names_are_escaped_where_they_name_things_and_strings_are_left_alone() -> None:
    source = (
        "class lambdaStub:\n"
        "    def __init__(self, channel):\n"
        "        self.lambda = channel.unary_unary(\n"
        "                '/match.case.lambda/lambda',\n"
        "                request_serializer=kw__pb2.class.import.SerializeToString)\n"
        "class lambda:\n"
        "    def lambda(request):\n"
        "        return None\n"
        "from . import kw_pb2 as kw__pb2\n"
    )
    repaired = keywords.repair_grpc(source)
    compile(repaired, "repaired", "exec")
    assert "self.lambda_ = " in repaired
    assert "'/match.case.lambda/lambda'" in repaired  # the wire name is the proto's
    assert "kw__pb2.class_.import_.SerializeToString" in repaired
    assert "class lambda_:" in repaired and "def lambda_(request)" in repaired
    assert "from . import kw_pb2" in repaired


def test_keyword_types_get_an_alias_in_the_module_and_their_stub_declares_it() -> None:
    file = descriptor_pb2.FileDescriptorProto(name="kw.proto")
    outer = file.message_type.add(name="class")
    outer.nested_type.add(name="import")
    file.message_type.add(name="Normal").nested_type.add(name="def")
    assert keywords.type_aliases(file) == [
        ("", "class_", "class"),
        ("class_", "import_", "import"),
        ("Normal", "def_", "def"),
    ]
    stub = pb2_stub.write(file, "kw_pb2", {file.name: file}, {})
    assert "\nclass class_(_message.Message):\n" in stub
    assert "\n    class import_(_message.Message):\n" in stub
    assert "\n    class def_(_message.Message):\n" in stub


def test_comment_docstrings_in_the_grpc_module_are_escaped_and_compile() -> None:
    source = (
        "class Servicer:\n"
        '    """Say """hi""" with a \\x backslash.\n'
        '    """\n'
        "\n"
        "    def Greet(self, request, context):\n"
        '        """Missing associated documentation comment in .proto file."""\n'
    )
    repaired = grpc_docstrings.repair(source)
    namespace: dict[str, object] = {}
    exec(compile(repaired, "repaired", "exec"), namespace)
    doc = getattr(namespace["Servicer"], "__doc__", "")
    assert isinstance(doc, str)
    assert doc.startswith('Say """hi""" with a \\x backslash.')
