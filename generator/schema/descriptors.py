"""descriptor.proto's and plugin.proto's messages as ``schema/wire.py`` reads them.

Written by ``python -m tools.descriptors`` from protobuf's ``descriptor_pb2`` and
``plugin_pb2``: do not edit. Field names, defaults, numbers and enum values are theirs; a nested
message ``A.B`` is the class ``AB``, also reachable as ``A.B``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeAlias

from .wire import BOOL, BYTES, DOUBLE, INT, MESSAGE, STRING, UINT, Message

EDITION_UNKNOWN: Final = 0
EDITION_LEGACY: Final = 900
EDITION_PROTO2: Final = 998
EDITION_PROTO3: Final = 999
EDITION_2023: Final = 1000
EDITION_2024: Final = 1001
EDITION_2026: Final = 1002
EDITION_UNSTABLE: Final = 9999
EDITION_1_TEST_ONLY: Final = 1
EDITION_2_TEST_ONLY: Final = 2
EDITION_99997_TEST_ONLY: Final = 99997
EDITION_99998_TEST_ONLY: Final = 99998
EDITION_99999_TEST_ONLY: Final = 99999
EDITION_MAX: Final = 2147483647
VISIBILITY_UNSET: Final = 0
VISIBILITY_LOCAL: Final = 1
VISIBILITY_EXPORT: Final = 2


class FileDescriptorSet(Message):
    """``google.protobuf.FileDescriptorSet``."""

    FILE_FIELD_NUMBER: Final = 1
    file: Sequence[FileDescriptorProto] = ()


class FeatureSetVisibilityFeature(Message):
    """``google.protobuf.FeatureSet.VisibilityFeature``."""

    DEFAULT_SYMBOL_VISIBILITY_UNKNOWN: Final = 0
    EXPORT_ALL: Final = 1
    EXPORT_TOP_LEVEL: Final = 2
    LOCAL_ALL: Final = 3
    STRICT: Final = 4


class FeatureSetProtoLimitsFeature(Message):
    """``google.protobuf.FeatureSet.ProtoLimitsFeature``."""

    PROTO_LIMITS_UNKNOWN: Final = 0
    LEGACY_NO_EXPLICIT_LIMITS: Final = 1
    PROTO_LIMITS2026: Final = 2


class FeatureSet(Message):
    """``google.protobuf.FeatureSet``."""

    VisibilityFeature: TypeAlias = FeatureSetVisibilityFeature
    ProtoLimitsFeature: TypeAlias = FeatureSetProtoLimitsFeature
    FIELD_PRESENCE_UNKNOWN: Final = 0
    EXPLICIT: Final = 1
    IMPLICIT: Final = 2
    LEGACY_REQUIRED: Final = 3
    ENUM_TYPE_UNKNOWN: Final = 0
    OPEN: Final = 1
    CLOSED: Final = 2
    REPEATED_FIELD_ENCODING_UNKNOWN: Final = 0
    PACKED: Final = 1
    EXPANDED: Final = 2
    UTF8_VALIDATION_UNKNOWN: Final = 0
    VERIFY: Final = 2
    NONE: Final = 3
    MESSAGE_ENCODING_UNKNOWN: Final = 0
    LENGTH_PREFIXED: Final = 1
    DELIMITED: Final = 2
    JSON_FORMAT_UNKNOWN: Final = 0
    ALLOW: Final = 1
    LEGACY_BEST_EFFORT: Final = 2
    ENFORCE_NAMING_STYLE_UNKNOWN: Final = 0
    STYLE2024: Final = 1
    STYLE_LEGACY: Final = 2
    STYLE2026: Final = 3
    FIELD_PRESENCE_FIELD_NUMBER: Final = 1
    ENUM_TYPE_FIELD_NUMBER: Final = 2
    REPEATED_FIELD_ENCODING_FIELD_NUMBER: Final = 3
    UTF8_VALIDATION_FIELD_NUMBER: Final = 4
    MESSAGE_ENCODING_FIELD_NUMBER: Final = 5
    JSON_FORMAT_FIELD_NUMBER: Final = 6
    ENFORCE_NAMING_STYLE_FIELD_NUMBER: Final = 7
    DEFAULT_SYMBOL_VISIBILITY_FIELD_NUMBER: Final = 8
    ENFORCE_PROTO_LIMITS_FIELD_NUMBER: Final = 9
    field_presence: int = 0
    enum_type: int = 0
    repeated_field_encoding: int = 0
    utf8_validation: int = 0
    message_encoding: int = 0
    json_format: int = 0
    enforce_naming_style: int = 0
    default_symbol_visibility: int = 0
    enforce_proto_limits: int = 0


class FileOptions(Message):
    """``google.protobuf.FileOptions``."""

    SPEED: Final = 1
    CODE_SIZE: Final = 2
    LITE_RUNTIME: Final = 3
    JAVA_PACKAGE_FIELD_NUMBER: Final = 1
    JAVA_OUTER_CLASSNAME_FIELD_NUMBER: Final = 8
    JAVA_MULTIPLE_FILES_FIELD_NUMBER: Final = 10
    JAVA_GENERATE_EQUALS_AND_HASH_FIELD_NUMBER: Final = 20
    JAVA_STRING_CHECK_UTF8_FIELD_NUMBER: Final = 27
    OPTIMIZE_FOR_FIELD_NUMBER: Final = 9
    GO_PACKAGE_FIELD_NUMBER: Final = 11
    CC_GENERIC_SERVICES_FIELD_NUMBER: Final = 16
    JAVA_GENERIC_SERVICES_FIELD_NUMBER: Final = 17
    PY_GENERIC_SERVICES_FIELD_NUMBER: Final = 18
    DEPRECATED_FIELD_NUMBER: Final = 23
    CC_ENABLE_ARENAS_FIELD_NUMBER: Final = 31
    OBJC_CLASS_PREFIX_FIELD_NUMBER: Final = 36
    CSHARP_NAMESPACE_FIELD_NUMBER: Final = 37
    SWIFT_PREFIX_FIELD_NUMBER: Final = 39
    PHP_CLASS_PREFIX_FIELD_NUMBER: Final = 40
    PHP_NAMESPACE_FIELD_NUMBER: Final = 41
    PHP_METADATA_NAMESPACE_FIELD_NUMBER: Final = 44
    RUBY_PACKAGE_FIELD_NUMBER: Final = 45
    FEATURES_FIELD_NUMBER: Final = 50
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    java_package: str = ""
    java_outer_classname: str = ""
    java_multiple_files: bool = False
    java_generate_equals_and_hash: bool = False
    java_string_check_utf8: bool = False
    optimize_for: int = 1
    go_package: str = ""
    cc_generic_services: bool = False
    java_generic_services: bool = False
    py_generic_services: bool = False
    deprecated: bool = False
    cc_enable_arenas: bool = True
    objc_class_prefix: str = ""
    csharp_namespace: str = ""
    swift_prefix: str = ""
    php_class_prefix: str = ""
    php_namespace: str = ""
    php_metadata_namespace: str = ""
    ruby_package: str = ""
    features: FeatureSet = FeatureSet()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class UninterpretedOptionNamePart(Message):
    """``google.protobuf.UninterpretedOption.NamePart``."""

    NAME_PART_FIELD_NUMBER: Final = 1
    IS_EXTENSION_FIELD_NUMBER: Final = 2
    name_part: str = ""
    is_extension: bool = False


class UninterpretedOption(Message):
    """``google.protobuf.UninterpretedOption``."""

    NamePart: TypeAlias = UninterpretedOptionNamePart
    NAME_FIELD_NUMBER: Final = 2
    IDENTIFIER_VALUE_FIELD_NUMBER: Final = 3
    POSITIVE_INT_VALUE_FIELD_NUMBER: Final = 4
    NEGATIVE_INT_VALUE_FIELD_NUMBER: Final = 5
    DOUBLE_VALUE_FIELD_NUMBER: Final = 6
    STRING_VALUE_FIELD_NUMBER: Final = 7
    AGGREGATE_VALUE_FIELD_NUMBER: Final = 8
    name: Sequence[UninterpretedOptionNamePart] = ()
    identifier_value: str = ""
    positive_int_value: int = 0
    negative_int_value: int = 0
    double_value: float = 0.0
    string_value: bytes = b""
    aggregate_value: str = ""


class SourceCodeInfoLocation(Message):
    """``google.protobuf.SourceCodeInfo.Location``."""

    PATH_FIELD_NUMBER: Final = 1
    SPAN_FIELD_NUMBER: Final = 2
    LEADING_COMMENTS_FIELD_NUMBER: Final = 3
    TRAILING_COMMENTS_FIELD_NUMBER: Final = 4
    LEADING_DETACHED_COMMENTS_FIELD_NUMBER: Final = 6
    path: Sequence[int] = ()
    span: Sequence[int] = ()
    leading_comments: str = ""
    trailing_comments: str = ""
    leading_detached_comments: Sequence[str] = ()


class SourceCodeInfo(Message):
    """``google.protobuf.SourceCodeInfo``."""

    Location: TypeAlias = SourceCodeInfoLocation
    LOCATION_FIELD_NUMBER: Final = 1
    location: Sequence[SourceCodeInfoLocation] = ()


class FileDescriptorProto(Message):
    """``google.protobuf.FileDescriptorProto``."""

    NAME_FIELD_NUMBER: Final = 1
    PACKAGE_FIELD_NUMBER: Final = 2
    DEPENDENCY_FIELD_NUMBER: Final = 3
    PUBLIC_DEPENDENCY_FIELD_NUMBER: Final = 10
    WEAK_DEPENDENCY_FIELD_NUMBER: Final = 11
    OPTION_DEPENDENCY_FIELD_NUMBER: Final = 15
    MESSAGE_TYPE_FIELD_NUMBER: Final = 4
    ENUM_TYPE_FIELD_NUMBER: Final = 5
    SERVICE_FIELD_NUMBER: Final = 6
    EXTENSION_FIELD_NUMBER: Final = 7
    OPTIONS_FIELD_NUMBER: Final = 8
    SOURCE_CODE_INFO_FIELD_NUMBER: Final = 9
    SYNTAX_FIELD_NUMBER: Final = 12
    EDITION_FIELD_NUMBER: Final = 14
    name: str = ""
    package: str = ""
    dependency: Sequence[str] = ()
    public_dependency: Sequence[int] = ()
    weak_dependency: Sequence[int] = ()
    option_dependency: Sequence[str] = ()
    message_type: Sequence[DescriptorProto] = ()
    enum_type: Sequence[EnumDescriptorProto] = ()
    service: Sequence[ServiceDescriptorProto] = ()
    extension: Sequence[FieldDescriptorProto] = ()
    options: FileOptions = FileOptions()
    source_code_info: SourceCodeInfo = SourceCodeInfo()
    syntax: str = ""
    edition: int = 0


class ExtensionRangeOptionsDeclaration(Message):
    """``google.protobuf.ExtensionRangeOptions.Declaration``."""

    NUMBER_FIELD_NUMBER: Final = 1
    FULL_NAME_FIELD_NUMBER: Final = 2
    TYPE_FIELD_NUMBER: Final = 3
    RESERVED_FIELD_NUMBER: Final = 5
    REPEATED_FIELD_NUMBER: Final = 6
    number: int = 0
    full_name: str = ""
    type: str = ""
    reserved: bool = False
    repeated: bool = False


class ExtensionRangeOptions(Message):
    """``google.protobuf.ExtensionRangeOptions``."""

    Declaration: TypeAlias = ExtensionRangeOptionsDeclaration
    DECLARATION: Final = 0
    UNVERIFIED: Final = 1
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    DECLARATION_FIELD_NUMBER: Final = 2
    FEATURES_FIELD_NUMBER: Final = 50
    VERIFICATION_FIELD_NUMBER: Final = 3
    uninterpreted_option: Sequence[UninterpretedOption] = ()
    declaration: Sequence[ExtensionRangeOptionsDeclaration] = ()
    features: FeatureSet = FeatureSet()
    verification: int = 1


class DescriptorProtoExtensionRange(Message):
    """``google.protobuf.DescriptorProto.ExtensionRange``."""

    START_FIELD_NUMBER: Final = 1
    END_FIELD_NUMBER: Final = 2
    OPTIONS_FIELD_NUMBER: Final = 3
    start: int = 0
    end: int = 0
    options: ExtensionRangeOptions = ExtensionRangeOptions()


class DescriptorProtoReservedRange(Message):
    """``google.protobuf.DescriptorProto.ReservedRange``."""

    START_FIELD_NUMBER: Final = 1
    END_FIELD_NUMBER: Final = 2
    start: int = 0
    end: int = 0


class MessageOptions(Message):
    """``google.protobuf.MessageOptions``."""

    MESSAGE_SET_WIRE_FORMAT_FIELD_NUMBER: Final = 1
    NO_STANDARD_DESCRIPTOR_ACCESSOR_FIELD_NUMBER: Final = 2
    DEPRECATED_FIELD_NUMBER: Final = 3
    MAP_ENTRY_FIELD_NUMBER: Final = 7
    DEPRECATED_LEGACY_JSON_FIELD_CONFLICTS_FIELD_NUMBER: Final = 11
    FEATURES_FIELD_NUMBER: Final = 12
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    message_set_wire_format: bool = False
    no_standard_descriptor_accessor: bool = False
    deprecated: bool = False
    map_entry: bool = False
    deprecated_legacy_json_field_conflicts: bool = False
    features: FeatureSet = FeatureSet()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class DescriptorProto(Message):
    """``google.protobuf.DescriptorProto``."""

    ExtensionRange: TypeAlias = DescriptorProtoExtensionRange
    ReservedRange: TypeAlias = DescriptorProtoReservedRange
    NAME_FIELD_NUMBER: Final = 1
    FIELD_FIELD_NUMBER: Final = 2
    EXTENSION_FIELD_NUMBER: Final = 6
    NESTED_TYPE_FIELD_NUMBER: Final = 3
    ENUM_TYPE_FIELD_NUMBER: Final = 4
    EXTENSION_RANGE_FIELD_NUMBER: Final = 5
    ONEOF_DECL_FIELD_NUMBER: Final = 8
    OPTIONS_FIELD_NUMBER: Final = 7
    RESERVED_RANGE_FIELD_NUMBER: Final = 9
    RESERVED_NAME_FIELD_NUMBER: Final = 10
    VISIBILITY_FIELD_NUMBER: Final = 11
    name: str = ""
    field: Sequence[FieldDescriptorProto] = ()
    extension: Sequence[FieldDescriptorProto] = ()
    nested_type: Sequence[DescriptorProto] = ()
    enum_type: Sequence[EnumDescriptorProto] = ()
    extension_range: Sequence[DescriptorProtoExtensionRange] = ()
    oneof_decl: Sequence[OneofDescriptorProto] = ()
    options: MessageOptions = MessageOptions()
    reserved_range: Sequence[DescriptorProtoReservedRange] = ()
    reserved_name: Sequence[str] = ()
    visibility: int = 0


class FieldOptionsEditionDefault(Message):
    """``google.protobuf.FieldOptions.EditionDefault``."""

    EDITION_FIELD_NUMBER: Final = 3
    VALUE_FIELD_NUMBER: Final = 2
    edition: int = 0
    value: str = ""


class FieldOptionsFeatureSupport(Message):
    """``google.protobuf.FieldOptions.FeatureSupport``."""

    EDITION_INTRODUCED_FIELD_NUMBER: Final = 1
    EDITION_DEPRECATED_FIELD_NUMBER: Final = 2
    DEPRECATION_WARNING_FIELD_NUMBER: Final = 3
    EDITION_REMOVED_FIELD_NUMBER: Final = 4
    REMOVAL_ERROR_FIELD_NUMBER: Final = 5
    edition_introduced: int = 0
    edition_deprecated: int = 0
    deprecation_warning: str = ""
    edition_removed: int = 0
    removal_error: str = ""


class FieldOptions(Message):
    """``google.protobuf.FieldOptions``."""

    EditionDefault: TypeAlias = FieldOptionsEditionDefault
    FeatureSupport: TypeAlias = FieldOptionsFeatureSupport
    STRING: Final = 0
    CORD: Final = 1
    STRING_PIECE: Final = 2
    JS_NORMAL: Final = 0
    JS_STRING: Final = 1
    JS_NUMBER: Final = 2
    RETENTION_UNKNOWN: Final = 0
    RETENTION_RUNTIME: Final = 1
    RETENTION_SOURCE: Final = 2
    TARGET_TYPE_UNKNOWN: Final = 0
    TARGET_TYPE_FILE: Final = 1
    TARGET_TYPE_EXTENSION_RANGE: Final = 2
    TARGET_TYPE_MESSAGE: Final = 3
    TARGET_TYPE_FIELD: Final = 4
    TARGET_TYPE_ONEOF: Final = 5
    TARGET_TYPE_ENUM: Final = 6
    TARGET_TYPE_ENUM_ENTRY: Final = 7
    TARGET_TYPE_SERVICE: Final = 8
    TARGET_TYPE_METHOD: Final = 9
    CTYPE_FIELD_NUMBER: Final = 1
    PACKED_FIELD_NUMBER: Final = 2
    JSTYPE_FIELD_NUMBER: Final = 6
    LAZY_FIELD_NUMBER: Final = 5
    UNVERIFIED_LAZY_FIELD_NUMBER: Final = 15
    DEPRECATED_FIELD_NUMBER: Final = 3
    WEAK_FIELD_NUMBER: Final = 10
    DEBUG_REDACT_FIELD_NUMBER: Final = 16
    RETENTION_FIELD_NUMBER: Final = 17
    TARGETS_FIELD_NUMBER: Final = 19
    EDITION_DEFAULTS_FIELD_NUMBER: Final = 20
    FEATURES_FIELD_NUMBER: Final = 21
    FEATURE_SUPPORT_FIELD_NUMBER: Final = 22
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    ctype: int = 0
    packed: bool = False
    jstype: int = 0
    lazy: bool = False
    unverified_lazy: bool = False
    deprecated: bool = False
    weak: bool = False
    debug_redact: bool = False
    retention: int = 0
    targets: Sequence[int] = ()
    edition_defaults: Sequence[FieldOptionsEditionDefault] = ()
    features: FeatureSet = FeatureSet()
    feature_support: FieldOptionsFeatureSupport = FieldOptionsFeatureSupport()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class FieldDescriptorProto(Message):
    """``google.protobuf.FieldDescriptorProto``."""

    TYPE_DOUBLE: Final = 1
    TYPE_FLOAT: Final = 2
    TYPE_INT64: Final = 3
    TYPE_UINT64: Final = 4
    TYPE_INT32: Final = 5
    TYPE_FIXED64: Final = 6
    TYPE_FIXED32: Final = 7
    TYPE_BOOL: Final = 8
    TYPE_STRING: Final = 9
    TYPE_GROUP: Final = 10
    TYPE_MESSAGE: Final = 11
    TYPE_BYTES: Final = 12
    TYPE_UINT32: Final = 13
    TYPE_ENUM: Final = 14
    TYPE_SFIXED32: Final = 15
    TYPE_SFIXED64: Final = 16
    TYPE_SINT32: Final = 17
    TYPE_SINT64: Final = 18
    LABEL_OPTIONAL: Final = 1
    LABEL_REPEATED: Final = 3
    LABEL_REQUIRED: Final = 2
    NAME_FIELD_NUMBER: Final = 1
    NUMBER_FIELD_NUMBER: Final = 3
    LABEL_FIELD_NUMBER: Final = 4
    TYPE_FIELD_NUMBER: Final = 5
    TYPE_NAME_FIELD_NUMBER: Final = 6
    EXTENDEE_FIELD_NUMBER: Final = 2
    DEFAULT_VALUE_FIELD_NUMBER: Final = 7
    ONEOF_INDEX_FIELD_NUMBER: Final = 9
    JSON_NAME_FIELD_NUMBER: Final = 10
    OPTIONS_FIELD_NUMBER: Final = 8
    PROTO3_OPTIONAL_FIELD_NUMBER: Final = 17
    name: str = ""
    number: int = 0
    label: int = 1
    type: int = 1
    type_name: str = ""
    extendee: str = ""
    default_value: str = ""
    oneof_index: int = 0
    json_name: str = ""
    options: FieldOptions = FieldOptions()
    proto3_optional: bool = False


class EnumDescriptorProtoEnumReservedRange(Message):
    """``google.protobuf.EnumDescriptorProto.EnumReservedRange``."""

    START_FIELD_NUMBER: Final = 1
    END_FIELD_NUMBER: Final = 2
    start: int = 0
    end: int = 0


class EnumOptions(Message):
    """``google.protobuf.EnumOptions``."""

    ALLOW_ALIAS_FIELD_NUMBER: Final = 2
    DEPRECATED_FIELD_NUMBER: Final = 3
    DEPRECATED_LEGACY_JSON_FIELD_CONFLICTS_FIELD_NUMBER: Final = 6
    FEATURES_FIELD_NUMBER: Final = 7
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    allow_alias: bool = False
    deprecated: bool = False
    deprecated_legacy_json_field_conflicts: bool = False
    features: FeatureSet = FeatureSet()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class EnumDescriptorProto(Message):
    """``google.protobuf.EnumDescriptorProto``."""

    EnumReservedRange: TypeAlias = EnumDescriptorProtoEnumReservedRange
    NAME_FIELD_NUMBER: Final = 1
    VALUE_FIELD_NUMBER: Final = 2
    OPTIONS_FIELD_NUMBER: Final = 3
    RESERVED_RANGE_FIELD_NUMBER: Final = 4
    RESERVED_NAME_FIELD_NUMBER: Final = 5
    VISIBILITY_FIELD_NUMBER: Final = 6
    name: str = ""
    value: Sequence[EnumValueDescriptorProto] = ()
    options: EnumOptions = EnumOptions()
    reserved_range: Sequence[EnumDescriptorProtoEnumReservedRange] = ()
    reserved_name: Sequence[str] = ()
    visibility: int = 0


class EnumValueOptions(Message):
    """``google.protobuf.EnumValueOptions``."""

    DEPRECATED_FIELD_NUMBER: Final = 1
    FEATURES_FIELD_NUMBER: Final = 2
    DEBUG_REDACT_FIELD_NUMBER: Final = 3
    FEATURE_SUPPORT_FIELD_NUMBER: Final = 4
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    deprecated: bool = False
    features: FeatureSet = FeatureSet()
    debug_redact: bool = False
    feature_support: FieldOptionsFeatureSupport = FieldOptionsFeatureSupport()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class EnumValueDescriptorProto(Message):
    """``google.protobuf.EnumValueDescriptorProto``."""

    NAME_FIELD_NUMBER: Final = 1
    NUMBER_FIELD_NUMBER: Final = 2
    OPTIONS_FIELD_NUMBER: Final = 3
    name: str = ""
    number: int = 0
    options: EnumValueOptions = EnumValueOptions()


class OneofOptions(Message):
    """``google.protobuf.OneofOptions``."""

    FEATURES_FIELD_NUMBER: Final = 1
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    features: FeatureSet = FeatureSet()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class OneofDescriptorProto(Message):
    """``google.protobuf.OneofDescriptorProto``."""

    NAME_FIELD_NUMBER: Final = 1
    OPTIONS_FIELD_NUMBER: Final = 2
    name: str = ""
    options: OneofOptions = OneofOptions()


class ServiceOptions(Message):
    """``google.protobuf.ServiceOptions``."""

    FEATURES_FIELD_NUMBER: Final = 34
    DEPRECATED_FIELD_NUMBER: Final = 33
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    features: FeatureSet = FeatureSet()
    deprecated: bool = False
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class ServiceDescriptorProto(Message):
    """``google.protobuf.ServiceDescriptorProto``."""

    NAME_FIELD_NUMBER: Final = 1
    METHOD_FIELD_NUMBER: Final = 2
    OPTIONS_FIELD_NUMBER: Final = 3
    name: str = ""
    method: Sequence[MethodDescriptorProto] = ()
    options: ServiceOptions = ServiceOptions()


class MethodOptions(Message):
    """``google.protobuf.MethodOptions``."""

    IDEMPOTENCY_UNKNOWN: Final = 0
    NO_SIDE_EFFECTS: Final = 1
    IDEMPOTENT: Final = 2
    DEPRECATED_FIELD_NUMBER: Final = 33
    IDEMPOTENCY_LEVEL_FIELD_NUMBER: Final = 34
    FEATURES_FIELD_NUMBER: Final = 35
    UNINTERPRETED_OPTION_FIELD_NUMBER: Final = 999
    deprecated: bool = False
    idempotency_level: int = 0
    features: FeatureSet = FeatureSet()
    uninterpreted_option: Sequence[UninterpretedOption] = ()


class MethodDescriptorProto(Message):
    """``google.protobuf.MethodDescriptorProto``."""

    NAME_FIELD_NUMBER: Final = 1
    INPUT_TYPE_FIELD_NUMBER: Final = 2
    OUTPUT_TYPE_FIELD_NUMBER: Final = 3
    OPTIONS_FIELD_NUMBER: Final = 4
    CLIENT_STREAMING_FIELD_NUMBER: Final = 5
    SERVER_STREAMING_FIELD_NUMBER: Final = 6
    name: str = ""
    input_type: str = ""
    output_type: str = ""
    options: MethodOptions = MethodOptions()
    client_streaming: bool = False
    server_streaming: bool = False


class Version(Message):
    """``google.protobuf.compiler.Version``."""

    MAJOR_FIELD_NUMBER: Final = 1
    MINOR_FIELD_NUMBER: Final = 2
    PATCH_FIELD_NUMBER: Final = 3
    SUFFIX_FIELD_NUMBER: Final = 4
    major: int = 0
    minor: int = 0
    patch: int = 0
    suffix: str = ""


class CodeGeneratorRequest(Message):
    """``google.protobuf.compiler.CodeGeneratorRequest``."""

    FILE_TO_GENERATE_FIELD_NUMBER: Final = 1
    PARAMETER_FIELD_NUMBER: Final = 2
    PROTO_FILE_FIELD_NUMBER: Final = 15
    SOURCE_FILE_DESCRIPTORS_FIELD_NUMBER: Final = 17
    COMPILER_VERSION_FIELD_NUMBER: Final = 3
    file_to_generate: Sequence[str] = ()
    parameter: str = ""
    proto_file: Sequence[FileDescriptorProto] = ()
    source_file_descriptors: Sequence[FileDescriptorProto] = ()
    compiler_version: Version = Version()


FileDescriptorSet.SCHEMA = {
    1: ("file", MESSAGE, True, FileDescriptorProto),
}
FeatureSetVisibilityFeature.SCHEMA = {}
FeatureSetProtoLimitsFeature.SCHEMA = {}
FeatureSet.SCHEMA = {
    1: ("field_presence", INT, False, None),
    2: ("enum_type", INT, False, None),
    3: ("repeated_field_encoding", INT, False, None),
    4: ("utf8_validation", INT, False, None),
    5: ("message_encoding", INT, False, None),
    6: ("json_format", INT, False, None),
    7: ("enforce_naming_style", INT, False, None),
    8: ("default_symbol_visibility", INT, False, None),
    9: ("enforce_proto_limits", INT, False, None),
}
FileOptions.SCHEMA = {
    1: ("java_package", STRING, False, None),
    8: ("java_outer_classname", STRING, False, None),
    10: ("java_multiple_files", BOOL, False, None),
    20: ("java_generate_equals_and_hash", BOOL, False, None),
    27: ("java_string_check_utf8", BOOL, False, None),
    9: ("optimize_for", INT, False, None),
    11: ("go_package", STRING, False, None),
    16: ("cc_generic_services", BOOL, False, None),
    17: ("java_generic_services", BOOL, False, None),
    18: ("py_generic_services", BOOL, False, None),
    23: ("deprecated", BOOL, False, None),
    31: ("cc_enable_arenas", BOOL, False, None),
    36: ("objc_class_prefix", STRING, False, None),
    37: ("csharp_namespace", STRING, False, None),
    39: ("swift_prefix", STRING, False, None),
    40: ("php_class_prefix", STRING, False, None),
    41: ("php_namespace", STRING, False, None),
    44: ("php_metadata_namespace", STRING, False, None),
    45: ("ruby_package", STRING, False, None),
    50: ("features", MESSAGE, False, FeatureSet),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
UninterpretedOptionNamePart.SCHEMA = {
    1: ("name_part", STRING, False, None),
    2: ("is_extension", BOOL, False, None),
}
UninterpretedOption.SCHEMA = {
    2: ("name", MESSAGE, True, UninterpretedOptionNamePart),
    3: ("identifier_value", STRING, False, None),
    4: ("positive_int_value", UINT, False, None),
    5: ("negative_int_value", INT, False, None),
    6: ("double_value", DOUBLE, False, None),
    7: ("string_value", BYTES, False, None),
    8: ("aggregate_value", STRING, False, None),
}
SourceCodeInfoLocation.SCHEMA = {
    1: ("path", INT, True, None),
    2: ("span", INT, True, None),
    3: ("leading_comments", STRING, False, None),
    4: ("trailing_comments", STRING, False, None),
    6: ("leading_detached_comments", STRING, True, None),
}
SourceCodeInfo.SCHEMA = {
    1: ("location", MESSAGE, True, SourceCodeInfoLocation),
}
FileDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("package", STRING, False, None),
    3: ("dependency", STRING, True, None),
    10: ("public_dependency", INT, True, None),
    11: ("weak_dependency", INT, True, None),
    15: ("option_dependency", STRING, True, None),
    4: ("message_type", MESSAGE, True, DescriptorProto),
    5: ("enum_type", MESSAGE, True, EnumDescriptorProto),
    6: ("service", MESSAGE, True, ServiceDescriptorProto),
    7: ("extension", MESSAGE, True, FieldDescriptorProto),
    8: ("options", MESSAGE, False, FileOptions),
    9: ("source_code_info", MESSAGE, False, SourceCodeInfo),
    12: ("syntax", STRING, False, None),
    14: ("edition", INT, False, None),
}
ExtensionRangeOptionsDeclaration.SCHEMA = {
    1: ("number", INT, False, None),
    2: ("full_name", STRING, False, None),
    3: ("type", STRING, False, None),
    5: ("reserved", BOOL, False, None),
    6: ("repeated", BOOL, False, None),
}
ExtensionRangeOptions.SCHEMA = {
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
    2: ("declaration", MESSAGE, True, ExtensionRangeOptionsDeclaration),
    50: ("features", MESSAGE, False, FeatureSet),
    3: ("verification", INT, False, None),
}
DescriptorProtoExtensionRange.SCHEMA = {
    1: ("start", INT, False, None),
    2: ("end", INT, False, None),
    3: ("options", MESSAGE, False, ExtensionRangeOptions),
}
DescriptorProtoReservedRange.SCHEMA = {
    1: ("start", INT, False, None),
    2: ("end", INT, False, None),
}
MessageOptions.SCHEMA = {
    1: ("message_set_wire_format", BOOL, False, None),
    2: ("no_standard_descriptor_accessor", BOOL, False, None),
    3: ("deprecated", BOOL, False, None),
    7: ("map_entry", BOOL, False, None),
    11: ("deprecated_legacy_json_field_conflicts", BOOL, False, None),
    12: ("features", MESSAGE, False, FeatureSet),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
DescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("field", MESSAGE, True, FieldDescriptorProto),
    6: ("extension", MESSAGE, True, FieldDescriptorProto),
    3: ("nested_type", MESSAGE, True, DescriptorProto),
    4: ("enum_type", MESSAGE, True, EnumDescriptorProto),
    5: ("extension_range", MESSAGE, True, DescriptorProtoExtensionRange),
    8: ("oneof_decl", MESSAGE, True, OneofDescriptorProto),
    7: ("options", MESSAGE, False, MessageOptions),
    9: ("reserved_range", MESSAGE, True, DescriptorProtoReservedRange),
    10: ("reserved_name", STRING, True, None),
    11: ("visibility", INT, False, None),
}
FieldOptionsEditionDefault.SCHEMA = {
    3: ("edition", INT, False, None),
    2: ("value", STRING, False, None),
}
FieldOptionsFeatureSupport.SCHEMA = {
    1: ("edition_introduced", INT, False, None),
    2: ("edition_deprecated", INT, False, None),
    3: ("deprecation_warning", STRING, False, None),
    4: ("edition_removed", INT, False, None),
    5: ("removal_error", STRING, False, None),
}
FieldOptions.SCHEMA = {
    1: ("ctype", INT, False, None),
    2: ("packed", BOOL, False, None),
    6: ("jstype", INT, False, None),
    5: ("lazy", BOOL, False, None),
    15: ("unverified_lazy", BOOL, False, None),
    3: ("deprecated", BOOL, False, None),
    10: ("weak", BOOL, False, None),
    16: ("debug_redact", BOOL, False, None),
    17: ("retention", INT, False, None),
    19: ("targets", INT, True, None),
    20: ("edition_defaults", MESSAGE, True, FieldOptionsEditionDefault),
    21: ("features", MESSAGE, False, FeatureSet),
    22: ("feature_support", MESSAGE, False, FieldOptionsFeatureSupport),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
FieldDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    3: ("number", INT, False, None),
    4: ("label", INT, False, None),
    5: ("type", INT, False, None),
    6: ("type_name", STRING, False, None),
    2: ("extendee", STRING, False, None),
    7: ("default_value", STRING, False, None),
    9: ("oneof_index", INT, False, None),
    10: ("json_name", STRING, False, None),
    8: ("options", MESSAGE, False, FieldOptions),
    17: ("proto3_optional", BOOL, False, None),
}
EnumDescriptorProtoEnumReservedRange.SCHEMA = {
    1: ("start", INT, False, None),
    2: ("end", INT, False, None),
}
EnumOptions.SCHEMA = {
    2: ("allow_alias", BOOL, False, None),
    3: ("deprecated", BOOL, False, None),
    6: ("deprecated_legacy_json_field_conflicts", BOOL, False, None),
    7: ("features", MESSAGE, False, FeatureSet),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
EnumDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("value", MESSAGE, True, EnumValueDescriptorProto),
    3: ("options", MESSAGE, False, EnumOptions),
    4: ("reserved_range", MESSAGE, True, EnumDescriptorProtoEnumReservedRange),
    5: ("reserved_name", STRING, True, None),
    6: ("visibility", INT, False, None),
}
EnumValueOptions.SCHEMA = {
    1: ("deprecated", BOOL, False, None),
    2: ("features", MESSAGE, False, FeatureSet),
    3: ("debug_redact", BOOL, False, None),
    4: ("feature_support", MESSAGE, False, FieldOptionsFeatureSupport),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
EnumValueDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("number", INT, False, None),
    3: ("options", MESSAGE, False, EnumValueOptions),
}
OneofOptions.SCHEMA = {
    1: ("features", MESSAGE, False, FeatureSet),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
OneofDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("options", MESSAGE, False, OneofOptions),
}
ServiceOptions.SCHEMA = {
    34: ("features", MESSAGE, False, FeatureSet),
    33: ("deprecated", BOOL, False, None),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
ServiceDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("method", MESSAGE, True, MethodDescriptorProto),
    3: ("options", MESSAGE, False, ServiceOptions),
}
MethodOptions.SCHEMA = {
    33: ("deprecated", BOOL, False, None),
    34: ("idempotency_level", INT, False, None),
    35: ("features", MESSAGE, False, FeatureSet),
    999: ("uninterpreted_option", MESSAGE, True, UninterpretedOption),
}
MethodDescriptorProto.SCHEMA = {
    1: ("name", STRING, False, None),
    2: ("input_type", STRING, False, None),
    3: ("output_type", STRING, False, None),
    4: ("options", MESSAGE, False, MethodOptions),
    5: ("client_streaming", BOOL, False, None),
    6: ("server_streaming", BOOL, False, None),
}
Version.SCHEMA = {
    1: ("major", INT, False, None),
    2: ("minor", INT, False, None),
    3: ("patch", INT, False, None),
    4: ("suffix", STRING, False, None),
}
CodeGeneratorRequest.SCHEMA = {
    1: ("file_to_generate", STRING, True, None),
    2: ("parameter", STRING, False, None),
    15: ("proto_file", MESSAGE, True, FileDescriptorProto),
    17: ("source_file_descriptors", MESSAGE, True, FileDescriptorProto),
    3: ("compiler_version", MESSAGE, False, Version),
}
