"""Repairs of protoc's and grpcio-tools' modules: keywords as names, comments as docstrings."""

from __future__ import annotations

from google.protobuf import descriptor_pb2

from pygoplugin_gen.python.protoc import grpc_docstrings, keywords, stubs


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
    stub = (
        "class class(_message.Message):\n"
        "    class import(_message.Message): ...\n"
        "    None: _ClassVar[Mode]\n"
        "    nested: getattr(globals()['class'], 'import')\n"
        "    def __init__(self, nested: _kw_pb2.globals()['class'] = ..., **kwargs) -> None: ...\n"
    )
    assert keywords.repair_pyi(stub) == (
        "class class_(_message.Message):\n"
        "    class import_(_message.Message): ...\n"
        "    nested: class_.import_\n"
        "    def __init__(self, nested: _kw_pb2.class_ = ..., **kwargs: object) -> None: ...\n"
    )


def test_proto2_extensions_in_a_stub_are_typed_as_mypy_accepts() -> None:
    stub = (
        "NOTE_FIELD_NUMBER: _ClassVar[int]\n"
        "class R:\n"
        "    Extensions: _python_message._ExtensionDict\n"
    )
    assert stubs.repair(stub) == "NOTE_FIELD_NUMBER: int\nclass R:\n"


def test_a_stubs_dict_initializers_are_typed_and_its_unused_imports_go() -> None:
    stub = (
        "from google.protobuf import empty_pb2 as _empty_pb2\n"
        "from collections.abc import Mapping as _Mapping\n"
        "from typing import ClassVar as _ClassVar, Union as _Union\n"
        "\n"
        "class R:\n"
        "    def __init__(self, p: _Union[P, _Mapping] = ..., m: _Mapping[str, int] = ...): ...\n"
    )
    assert stubs.repair(stub) == (
        "from collections.abc import Mapping as _Mapping\n"
        "from typing import Any as _Any, Union as _Union\n"
        "\n"
        "class R:\n"
        "    def __init__(self, p: _Union[P, _Mapping[str, _Any]] = ..., "
        "m: _Mapping[str, int] = ...): ...\n"
    )


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
