"""The generator reads descriptors without protobuf's runtime, and reads them as protobuf does.

``schema/wire.py`` and ``schema/descriptors.py`` (written by ``python -m tools.descriptors``)
stand in for ``descriptor_pb2`` on every front door. Here every golden case's descriptor set,
and requests holding the awkward encodings (negative numbers, long varints, floats, unknown
fields), are read both ways and compared field by field; bad bytes are refused by name; a
cold gen-plugin run is shown not to import protobuf, nor the other modules it avoids.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from google.protobuf import descriptor_pb2, message
from google.protobuf.compiler import plugin_pb2

from pygoplugin_gen.python.protoc import modules
from pygoplugin_gen.schema import descriptors, load, wire
from tools import descriptors as tools_descriptors
from tools import goldens


def test_the_descriptor_classes_are_written_from_the_installed_protobuf() -> None:
    assert tools_descriptors.main([]) == 0, "run .venv/bin/python -m tools.descriptors --update"


def _assert_same(real: message.Message, light: Any, path: str) -> None:
    """Every field of ``real`` (protobuf's) equals ``light``'s, presence included."""
    for field in real.DESCRIPTOR.fields:
        here = f"{path}.{field.name}"
        expected = getattr(real, field.name)
        actual = getattr(light, field.name)
        if field.is_repeated:
            assert len(actual) == len(expected), here
            for index, (one, other) in enumerate(zip(expected, actual, strict=True)):
                if field.message_type is not None:
                    _assert_same(one, other, f"{here}[{index}]")
                else:
                    assert (type(other), other) == (type(one), one), f"{here}[{index}]"
            continue
        if field.has_presence:
            assert light.HasField(field.name) == real.HasField(field.name), here
        if field.message_type is not None:
            _assert_same(expected, actual, here)
        else:
            assert (type(actual), actual) == (type(expected), expected), here


def _descriptor_set(protos: tuple[str, ...]) -> bytes:
    data, _ = load.compile_protos(protos, [goldens.PROTOS])
    return data


@pytest.mark.parametrize("case", goldens.cases(), ids=lambda case: case.name)
def test_every_golden_case_reads_as_protobuf_reads_it(case: goldens.Case) -> None:
    data = _descriptor_set(case.protos)
    light = descriptors.FileDescriptorSet.FromString(data)
    _assert_same(descriptor_pb2.FileDescriptorSet.FromString(data), light, case.name)
    assert light.SerializeToString() == data
    for file in light.file:
        real = descriptor_pb2.FileDescriptorProto.FromString(file.SerializeToString())
        assert real.name == file.name


def test_awkward_encodings_read_as_protobuf_reads_them() -> None:
    """Negative int32s (ten-byte varints), numbers past one byte in packed fields, doubles,
    bytes, booleans, enums with proto2 defaults, unset sub-messages and unknown fields."""
    request = plugin_pb2.CodeGeneratorRequest(file_to_generate=["a.proto"], parameter="x=1")
    request.compiler_version.major = 33
    file = request.proto_file.add(name="a.proto", package="p", syntax="proto3")
    file.options.go_package = "example.com/p"
    file.options.optimize_for = descriptor_pb2.FileOptions.LITE_RUNTIME
    option = file.options.uninterpreted_option.add(
        negative_int_value=-5, double_value=2.5, string_value=b"\xff\x00", positive_int_value=2**63
    )
    option.name.add(name_part="n", is_extension=True)
    message_type = file.message_type.add(name="M")
    message_type.field.add(name="f", number=536870911, json_name="f", default_value="-1")
    message_type.reserved_range.add(start=-3, end=1000)
    location = file.source_code_info.location.add(path=[4, 0, 2, 0], span=[200, 3, 70000])
    location.leading_comments = " ünïcode\n"
    data = request.SerializeToString() + bytes([0xF8, 0x07, 0x01])  # unknown field 127 = 1
    light = descriptors.CodeGeneratorRequest.FromString(data)
    _assert_same(plugin_pb2.CodeGeneratorRequest.FromString(data), light, "request")
    assert light.proto_file[0].message_type[0].field[0].label == 1  # LABEL_OPTIONAL, unset
    assert not light.proto_file[0].message_type[0].HasField("options")


def test_packed_and_unpacked_repeated_numbers_both_read() -> None:
    unpacked = bytes([0x08, 0x04, 0x08, 0x96, 0x01])  # path: 4, 150 as two varint fields
    packed = bytes([0x0A, 0x03, 0x04, 0x96, 0x01])
    for data in (unpacked, packed):
        assert list(descriptors.SourceCodeInfo.Location.FromString(data).path) == [4, 150]


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"\x0a\x05ab", "truncated"),  # name: 5 bytes announced, 2 there
        (b"\x0a\x02\xff\xfe", "not UTF-8"),
        (b"\xa7\x06", "invalid wire type 7"),  # an unknown field 100
        (b"\x08\x01", "wrong wire type 0"),  # name as a varint
        (b"\x00", "numbered 0"),
        (b"\x0a", "truncated"),
        (b"\x70" + b"\xff" * 11, "longer than ten bytes"),  # edition
    ],
)
def test_bad_bytes_are_refused_with_the_cause(data: bytes, cause: str) -> None:
    with pytest.raises(wire.DecodeError, match=cause):
        descriptors.FileDescriptorProto.FromString(data)


def test_has_field_names_only_singular_fields() -> None:
    file = descriptors.FileDescriptorProto.FromString(b"\x0a\x01a")
    assert file.HasField("name") and not file.HasField("package")
    with pytest.raises(ValueError, match="no singular field 'message_type'"):
        file.HasField("message_type")


def test_default_json_names_are_dropped_and_chosen_ones_kept() -> None:
    file = descriptor_pb2.FileDescriptorProto(name="j.proto")
    outer = file.message_type.add(name="Outer")
    outer.field.add(name="snake_case_name", number=1, json_name="snakeCaseName")
    outer.field.add(name="chosen", number=2, json_name="somethingElse")
    outer.nested_type.add(name="Inner").field.add(name="a_b", number=1, json_name="aB")
    file.extension.add(name="ext_field", number=100, json_name="extField", extendee=".Outer")
    light = descriptors.FileDescriptorProto.FromString(file.SerializeToString())
    stripped = descriptor_pb2.FileDescriptorProto.FromString(modules.normalized(light))
    fields = stripped.message_type[0].field
    assert not fields[0].HasField("json_name")
    assert fields[1].json_name == "somethingElse"
    assert not stripped.message_type[0].nested_type[0].field[0].HasField("json_name")
    assert not stripped.extension[0].HasField("json_name")
    for field in (file.message_type[0].field[0], file.message_type[0].nested_type[0].field[0]):
        field.ClearField("json_name")
    file.extension[0].ClearField("json_name")
    assert stripped == file


COSTLY = ("google", "jinja2", "hashlib", "tokenize", "click", "black")


def test_a_cold_run_imports_nothing_it_can_do_without(tmp_path: str) -> None:
    """A full run with the cache off reads its descriptors without protobuf, renders without
    jinja2 and hashes nothing: each of these imports costs a cold run milliseconds."""
    script = (
        "import sys\n"
        "from pygoplugin_gen.front import gen_plugin\n"
        f"gen_plugin.main([{os.path.join(goldens.PROTOS, 'greeter.proto')!r}, "
        f"'-I', {goldens.PROTOS!r}, '-o', {str(tmp_path)!r}])\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    environment = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=120
    )
    assert done.returncode == 0, done.stderr
    imported = set(done.stdout.split())
    assert "pygoplugin_gen" in imported
    assert imported.isdisjoint(COSTLY), imported & set(COSTLY)
    assert os.path.isfile(os.path.join(tmp_path, "greeter", "plugin.py"))
