import builtins as _builtins
import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StringKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STRING_KIND_PLAIN: _ClassVar[StringKind]
    STRING_KIND_MARKDOWN: _ClassVar[StringKind]
STRING_KIND_PLAIN: StringKind
STRING_KIND_MARKDOWN: StringKind

class DynamicValue(_message.Message):
    __slots__ = ("msgpack", "json", "structured")
    MSGPACK_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    STRUCTURED_FIELD_NUMBER: _ClassVar[int]
    msgpack: bytes
    json: bytes
    structured: _struct_pb2.Struct
    def __init__(self, msgpack: _Optional[bytes] = ..., json: _Optional[bytes] = ..., structured: _Optional[_Union[_struct_pb2.Struct, _Mapping[str, _Any]]] = ...) -> None: ...

class Diagnostic(_message.Message):
    __slots__ = ("severity", "summary", "detail", "attribute")
    class Severity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SEVERITY_UNSPECIFIED: _ClassVar[Diagnostic.Severity]
        SEVERITY_ERROR: _ClassVar[Diagnostic.Severity]
        SEVERITY_WARNING: _ClassVar[Diagnostic.Severity]
    SEVERITY_UNSPECIFIED: Diagnostic.Severity
    SEVERITY_ERROR: Diagnostic.Severity
    SEVERITY_WARNING: Diagnostic.Severity
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    severity: Diagnostic.Severity
    summary: str
    detail: str
    attribute: AttributePath
    def __init__(self, severity: _Optional[_Union[Diagnostic.Severity, str]] = ..., summary: _Optional[str] = ..., detail: _Optional[str] = ..., attribute: _Optional[_Union[AttributePath, _Mapping[str, _Any]]] = ...) -> None: ...

class AttributePath(_message.Message):
    __slots__ = ("steps",)
    class Step(_message.Message):
        __slots__ = ("attribute_name", "element_key_string", "element_key_int")
        ATTRIBUTE_NAME_FIELD_NUMBER: _ClassVar[int]
        ELEMENT_KEY_STRING_FIELD_NUMBER: _ClassVar[int]
        ELEMENT_KEY_INT_FIELD_NUMBER: _ClassVar[int]
        attribute_name: str
        element_key_string: str
        element_key_int: int
        def __init__(self, attribute_name: _Optional[str] = ..., element_key_string: _Optional[str] = ..., element_key_int: _Optional[int] = ...) -> None: ...
    STEPS_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedCompositeFieldContainer[AttributePath.Step]
    def __init__(self, steps: _Optional[_Iterable[_Union[AttributePath.Step, _Mapping[str, _Any]]]] = ...) -> None: ...

class Schema(_message.Message):
    __slots__ = ("version", "block")
    class Block(_message.Message):
        __slots__ = ("version", "attributes", "block_types", "description", "description_kind", "deprecated")
        VERSION_FIELD_NUMBER: _ClassVar[int]
        ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
        BLOCK_TYPES_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_KIND_FIELD_NUMBER: _ClassVar[int]
        DEPRECATED_FIELD_NUMBER: _ClassVar[int]
        version: int
        attributes: _containers.RepeatedCompositeFieldContainer[Schema.Attribute]
        block_types: _containers.RepeatedCompositeFieldContainer[Schema.NestedBlock]
        description: str
        description_kind: StringKind
        deprecated: bool
        def __init__(self, version: _Optional[int] = ..., attributes: _Optional[_Iterable[_Union[Schema.Attribute, _Mapping[str, _Any]]]] = ..., block_types: _Optional[_Iterable[_Union[Schema.NestedBlock, _Mapping[str, _Any]]]] = ..., description: _Optional[str] = ..., description_kind: _Optional[_Union[StringKind, str]] = ..., deprecated: _Optional[bool] = ...) -> None: ...
    class Attribute(_message.Message):
        __slots__ = ("name", "type", "description", "required", "optional", "computed", "sensitive", "description_kind", "deprecated")
        NAME_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        REQUIRED_FIELD_NUMBER: _ClassVar[int]
        OPTIONAL_FIELD_NUMBER: _ClassVar[int]
        COMPUTED_FIELD_NUMBER: _ClassVar[int]
        SENSITIVE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_KIND_FIELD_NUMBER: _ClassVar[int]
        DEPRECATED_FIELD_NUMBER: _ClassVar[int]
        name: str
        type: bytes
        description: str
        required: bool
        optional: bool
        computed: bool
        sensitive: bool
        description_kind: StringKind
        deprecated: bool
        def __init__(self, name: _Optional[str] = ..., type: _Optional[bytes] = ..., description: _Optional[str] = ..., required: _Optional[bool] = ..., optional: _Optional[bool] = ..., computed: _Optional[bool] = ..., sensitive: _Optional[bool] = ..., description_kind: _Optional[_Union[StringKind, str]] = ..., deprecated: _Optional[bool] = ...) -> None: ...
    class NestedBlock(_message.Message):
        __slots__ = ("type_name", "block", "nesting", "min_items", "max_items")
        class NestingMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            NESTING_MODE_INVALID: _ClassVar[Schema.NestedBlock.NestingMode]
            NESTING_MODE_SINGLE: _ClassVar[Schema.NestedBlock.NestingMode]
            NESTING_MODE_LIST: _ClassVar[Schema.NestedBlock.NestingMode]
            NESTING_MODE_SET: _ClassVar[Schema.NestedBlock.NestingMode]
            NESTING_MODE_MAP: _ClassVar[Schema.NestedBlock.NestingMode]
        NESTING_MODE_INVALID: Schema.NestedBlock.NestingMode
        NESTING_MODE_SINGLE: Schema.NestedBlock.NestingMode
        NESTING_MODE_LIST: Schema.NestedBlock.NestingMode
        NESTING_MODE_SET: Schema.NestedBlock.NestingMode
        NESTING_MODE_MAP: Schema.NestedBlock.NestingMode
        TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
        BLOCK_FIELD_NUMBER: _ClassVar[int]
        NESTING_FIELD_NUMBER: _ClassVar[int]
        MIN_ITEMS_FIELD_NUMBER: _ClassVar[int]
        MAX_ITEMS_FIELD_NUMBER: _ClassVar[int]
        type_name: str
        block: Schema.Block
        nesting: Schema.NestedBlock.NestingMode
        min_items: int
        max_items: int
        def __init__(self, type_name: _Optional[str] = ..., block: _Optional[_Union[Schema.Block, _Mapping[str, _Any]]] = ..., nesting: _Optional[_Union[Schema.NestedBlock.NestingMode, str]] = ..., min_items: _Optional[int] = ..., max_items: _Optional[int] = ...) -> None: ...
    VERSION_FIELD_NUMBER: _ClassVar[int]
    BLOCK_FIELD_NUMBER: _ClassVar[int]
    version: int
    block: Schema.Block
    def __init__(self, version: _Optional[int] = ..., block: _Optional[_Union[Schema.Block, _Mapping[str, _Any]]] = ...) -> None: ...

class ServerCapabilities(_message.Message):
    __slots__ = ("plan_destroy", "get_provider_schema_optional", "move_resource_state")
    PLAN_DESTROY_FIELD_NUMBER: _ClassVar[int]
    GET_PROVIDER_SCHEMA_OPTIONAL_FIELD_NUMBER: _ClassVar[int]
    MOVE_RESOURCE_STATE_FIELD_NUMBER: _ClassVar[int]
    plan_destroy: bool
    get_provider_schema_optional: bool
    move_resource_state: bool
    def __init__(self, plan_destroy: _Optional[bool] = ..., get_provider_schema_optional: _Optional[bool] = ..., move_resource_state: _Optional[bool] = ...) -> None: ...

class ClientCapabilities(_message.Message):
    __slots__ = ("deferral_allowed", "write_only_attributes_allowed")
    DEFERRAL_ALLOWED_FIELD_NUMBER: _ClassVar[int]
    WRITE_ONLY_ATTRIBUTES_ALLOWED_FIELD_NUMBER: _ClassVar[int]
    deferral_allowed: bool
    write_only_attributes_allowed: bool
    def __init__(self, deferral_allowed: _Optional[bool] = ..., write_only_attributes_allowed: _Optional[bool] = ...) -> None: ...

class Deferred(_message.Message):
    __slots__ = ("reason",)
    class Reason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REASON_UNKNOWN: _ClassVar[Deferred.Reason]
        REASON_RESOURCE_CONFIG_UNKNOWN: _ClassVar[Deferred.Reason]
        REASON_PROVIDER_CONFIG_UNKNOWN: _ClassVar[Deferred.Reason]
        REASON_ABSENT_PREREQ: _ClassVar[Deferred.Reason]
    REASON_UNKNOWN: Deferred.Reason
    REASON_RESOURCE_CONFIG_UNKNOWN: Deferred.Reason
    REASON_PROVIDER_CONFIG_UNKNOWN: Deferred.Reason
    REASON_ABSENT_PREREQ: Deferred.Reason
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: Deferred.Reason
    def __init__(self, reason: _Optional[_Union[Deferred.Reason, str]] = ...) -> None: ...

class FunctionSpec(_message.Message):
    __slots__ = ("parameters", "variadic_parameter", "return_type", "summary", "deprecation_message")
    class Parameter(_message.Message):
        __slots__ = ("name", "type", "allow_null_value", "description")
        NAME_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        ALLOW_NULL_VALUE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        name: str
        type: bytes
        allow_null_value: bool
        description: str
        def __init__(self, name: _Optional[str] = ..., type: _Optional[bytes] = ..., allow_null_value: _Optional[bool] = ..., description: _Optional[str] = ...) -> None: ...
    PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    VARIADIC_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RETURN_TYPE_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DEPRECATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    parameters: _containers.RepeatedCompositeFieldContainer[FunctionSpec.Parameter]
    variadic_parameter: FunctionSpec.Parameter
    return_type: bytes
    summary: str
    deprecation_message: str
    def __init__(self, parameters: _Optional[_Iterable[_Union[FunctionSpec.Parameter, _Mapping[str, _Any]]]] = ..., variadic_parameter: _Optional[_Union[FunctionSpec.Parameter, _Mapping[str, _Any]]] = ..., return_type: _Optional[bytes] = ..., summary: _Optional[str] = ..., deprecation_message: _Optional[str] = ...) -> None: ...

class GetMetadataRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetMetadataResponse(_message.Message):
    __slots__ = ("server_capabilities", "diagnostics", "data_sources", "resources", "functions")
    class ResourceMetadata(_message.Message):
        __slots__ = ("type_name",)
        TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
        type_name: str
        def __init__(self, type_name: _Optional[str] = ...) -> None: ...
    class FunctionMetadata(_message.Message):
        __slots__ = ("name",)
        NAME_FIELD_NUMBER: _ClassVar[int]
        name: str
        def __init__(self, name: _Optional[str] = ...) -> None: ...
    SERVER_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    DATA_SOURCES_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    FUNCTIONS_FIELD_NUMBER: _ClassVar[int]
    server_capabilities: ServerCapabilities
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    data_sources: _containers.RepeatedCompositeFieldContainer[GetMetadataResponse.ResourceMetadata]
    resources: _containers.RepeatedCompositeFieldContainer[GetMetadataResponse.ResourceMetadata]
    functions: _containers.RepeatedCompositeFieldContainer[GetMetadataResponse.FunctionMetadata]
    def __init__(self, server_capabilities: _Optional[_Union[ServerCapabilities, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., data_sources: _Optional[_Iterable[_Union[GetMetadataResponse.ResourceMetadata, _Mapping[str, _Any]]]] = ..., resources: _Optional[_Iterable[_Union[GetMetadataResponse.ResourceMetadata, _Mapping[str, _Any]]]] = ..., functions: _Optional[_Iterable[_Union[GetMetadataResponse.FunctionMetadata, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetProviderSchemaRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetProviderSchemaResponse(_message.Message):
    __slots__ = ("provider", "resource_schemas", "data_source_schemas", "functions", "diagnostics", "provider_meta", "server_capabilities")
    class ResourceSchemasEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Schema
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Schema, _Mapping[str, _Any]]] = ...) -> None: ...
    class DataSourceSchemasEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Schema
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Schema, _Mapping[str, _Any]]] = ...) -> None: ...
    class FunctionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: FunctionSpec
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[FunctionSpec, _Mapping[str, _Any]]] = ...) -> None: ...
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_SCHEMAS_FIELD_NUMBER: _ClassVar[int]
    DATA_SOURCE_SCHEMAS_FIELD_NUMBER: _ClassVar[int]
    FUNCTIONS_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_META_FIELD_NUMBER: _ClassVar[int]
    SERVER_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    provider: Schema
    resource_schemas: _containers.MessageMap[str, Schema]
    data_source_schemas: _containers.MessageMap[str, Schema]
    functions: _containers.MessageMap[str, FunctionSpec]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    provider_meta: Schema
    server_capabilities: ServerCapabilities
    def __init__(self, provider: _Optional[_Union[Schema, _Mapping[str, _Any]]] = ..., resource_schemas: _Optional[_Mapping[str, Schema]] = ..., data_source_schemas: _Optional[_Mapping[str, Schema]] = ..., functions: _Optional[_Mapping[str, FunctionSpec]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., provider_meta: _Optional[_Union[Schema, _Mapping[str, _Any]]] = ..., server_capabilities: _Optional[_Union[ServerCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateProviderConfigRequest(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: DynamicValue
    def __init__(self, config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateProviderConfigResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class UpgradeResourceStateRequest(_message.Message):
    __slots__ = ("type_name", "version", "raw_state_json", "raw_state_flatmap")
    class RawStateFlatmapEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RAW_STATE_JSON_FIELD_NUMBER: _ClassVar[int]
    RAW_STATE_FLATMAP_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    version: int
    raw_state_json: bytes
    raw_state_flatmap: _containers.ScalarMap[str, str]
    def __init__(self, type_name: _Optional[str] = ..., version: _Optional[int] = ..., raw_state_json: _Optional[bytes] = ..., raw_state_flatmap: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UpgradeResourceStateResponse(_message.Message):
    __slots__ = ("upgraded_state", "diagnostics")
    UPGRADED_STATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    upgraded_state: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, upgraded_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ValidateResourceConfigRequest(_message.Message):
    __slots__ = ("type_name", "config", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateResourceConfigResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ValidateDataResourceConfigRequest(_message.Message):
    __slots__ = ("type_name", "config")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateDataResourceConfigResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ConfigureProviderRequest(_message.Message):
    __slots__ = ("terraform_version", "config", "client_capabilities")
    TERRAFORM_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    terraform_version: str
    config: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, terraform_version: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ConfigureProviderResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ReadResourceRequest(_message.Message):
    __slots__ = ("type_name", "current_state", "private", "provider_meta", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STATE_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_META_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    current_state: DynamicValue
    private: bytes
    provider_meta: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., current_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., private: _Optional[bytes] = ..., provider_meta: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ReadResourceResponse(_message.Message):
    __slots__ = ("new_state", "diagnostics", "private", "deferred")
    NEW_STATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    new_state: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    private: bytes
    deferred: Deferred
    def __init__(self, new_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., private: _Optional[bytes] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class PlanResourceChangeRequest(_message.Message):
    __slots__ = ("type_name", "prior_state", "proposed_new_state", "config", "prior_private", "provider_meta", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    PRIOR_STATE_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_NEW_STATE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PRIOR_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_META_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    prior_state: DynamicValue
    proposed_new_state: DynamicValue
    config: DynamicValue
    prior_private: bytes
    provider_meta: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., prior_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., proposed_new_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., prior_private: _Optional[bytes] = ..., provider_meta: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class PlanResourceChangeResponse(_message.Message):
    __slots__ = ("planned_state", "requires_replace", "planned_private", "diagnostics", "deferred")
    PLANNED_STATE_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_REPLACE_FIELD_NUMBER: _ClassVar[int]
    PLANNED_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    planned_state: DynamicValue
    requires_replace: _containers.RepeatedCompositeFieldContainer[AttributePath]
    planned_private: bytes
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    deferred: Deferred
    def __init__(self, planned_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., requires_replace: _Optional[_Iterable[_Union[AttributePath, _Mapping[str, _Any]]]] = ..., planned_private: _Optional[bytes] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class ApplyResourceChangeRequest(_message.Message):
    __slots__ = ("type_name", "prior_state", "planned_state", "config", "planned_private", "provider_meta")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    PRIOR_STATE_FIELD_NUMBER: _ClassVar[int]
    PLANNED_STATE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PLANNED_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_META_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    prior_state: DynamicValue
    planned_state: DynamicValue
    config: DynamicValue
    planned_private: bytes
    provider_meta: DynamicValue
    def __init__(self, type_name: _Optional[str] = ..., prior_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., planned_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., planned_private: _Optional[bytes] = ..., provider_meta: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class ApplyResourceChangeResponse(_message.Message):
    __slots__ = ("new_state", "private", "diagnostics")
    NEW_STATE_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    new_state: DynamicValue
    private: bytes
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, new_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., private: _Optional[bytes] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ImportResourceStateRequest(_message.Message):
    __slots__ = ("type_name", "id", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    id: str
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., id: _Optional[str] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ImportResourceStateResponse(_message.Message):
    __slots__ = ("imported_resources", "diagnostics", "deferred")
    class ImportedResource(_message.Message):
        __slots__ = ("type_name", "state", "private")
        TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
        STATE_FIELD_NUMBER: _ClassVar[int]
        PRIVATE_FIELD_NUMBER: _ClassVar[int]
        type_name: str
        state: DynamicValue
        private: bytes
        def __init__(self, type_name: _Optional[str] = ..., state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., private: _Optional[bytes] = ...) -> None: ...
    IMPORTED_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    imported_resources: _containers.RepeatedCompositeFieldContainer[ImportResourceStateResponse.ImportedResource]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    deferred: Deferred
    def __init__(self, imported_resources: _Optional[_Iterable[_Union[ImportResourceStateResponse.ImportedResource, _Mapping[str, _Any]]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class MoveResourceStateRequest(_message.Message):
    __slots__ = ("source_provider_address", "source_type_name", "source_schema_version", "source_state", "target_type_name", "source_private")
    SOURCE_PROVIDER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_STATE_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    source_provider_address: str
    source_type_name: str
    source_schema_version: int
    source_state: bytes
    target_type_name: str
    source_private: bytes
    def __init__(self, source_provider_address: _Optional[str] = ..., source_type_name: _Optional[str] = ..., source_schema_version: _Optional[int] = ..., source_state: _Optional[bytes] = ..., target_type_name: _Optional[str] = ..., source_private: _Optional[bytes] = ...) -> None: ...

class MoveResourceStateResponse(_message.Message):
    __slots__ = ("target_state", "diagnostics", "target_private")
    TARGET_STATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    TARGET_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    target_state: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    target_private: bytes
    def __init__(self, target_state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., target_private: _Optional[bytes] = ...) -> None: ...

class ReadDataSourceRequest(_message.Message):
    __slots__ = ("type_name", "config", "provider_meta", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_META_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    provider_meta: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., provider_meta: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class ReadDataSourceResponse(_message.Message):
    __slots__ = ("state", "diagnostics", "deferred")
    STATE_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    state: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    deferred: Deferred
    def __init__(self, state: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class GetFunctionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetFunctionsResponse(_message.Message):
    __slots__ = ("functions", "diagnostics")
    class FunctionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: FunctionSpec
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[FunctionSpec, _Mapping[str, _Any]]] = ...) -> None: ...
    FUNCTIONS_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    functions: _containers.MessageMap[str, FunctionSpec]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, functions: _Optional[_Mapping[str, FunctionSpec]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class CallFunctionRequest(_message.Message):
    __slots__ = ("name", "arguments")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ARGUMENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    arguments: _containers.RepeatedCompositeFieldContainer[DynamicValue]
    def __init__(self, name: _Optional[str] = ..., arguments: _Optional[_Iterable[_Union[DynamicValue, _Mapping[str, _Any]]]] = ...) -> None: ...

class CallFunctionResponse(_message.Message):
    __slots__ = ("result", "error")
    class Error(_message.Message):
        __slots__ = ("text", "function_argument")
        TEXT_FIELD_NUMBER: _ClassVar[int]
        FUNCTION_ARGUMENT_FIELD_NUMBER: _ClassVar[int]
        text: str
        function_argument: int
        def __init__(self, text: _Optional[str] = ..., function_argument: _Optional[int] = ...) -> None: ...
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    result: DynamicValue
    error: CallFunctionResponse.Error
    def __init__(self, result: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., error: _Optional[_Union[CallFunctionResponse.Error, _Mapping[str, _Any]]] = ...) -> None: ...

class StopProviderResponse(_message.Message):
    __slots__ = ("error",)
    ERROR_FIELD_NUMBER: _ClassVar[int]
    error: str
    def __init__(self, error: _Optional[str] = ...) -> None: ...

class LogLine(_message.Message):
    __slots__ = ("level", "message", "fields", "time")
    class Level(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        LEVEL_UNSPECIFIED: _ClassVar[LogLine.Level]
        LEVEL_TRACE: _ClassVar[LogLine.Level]
        LEVEL_DEBUG: _ClassVar[LogLine.Level]
        LEVEL_INFO: _ClassVar[LogLine.Level]
        LEVEL_WARN: _ClassVar[LogLine.Level]
        LEVEL_ERROR: _ClassVar[LogLine.Level]
    LEVEL_UNSPECIFIED: LogLine.Level
    LEVEL_TRACE: LogLine.Level
    LEVEL_DEBUG: LogLine.Level
    LEVEL_INFO: LogLine.Level
    LEVEL_WARN: LogLine.Level
    LEVEL_ERROR: LogLine.Level
    class FieldsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Value, _Mapping[str, _Any]]] = ...) -> None: ...
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    level: LogLine.Level
    message: str
    fields: _containers.MessageMap[str, _struct_pb2.Value]
    time: _timestamp_pb2.Timestamp
    def __init__(self, level: _Optional[_Union[LogLine.Level, str]] = ..., message: _Optional[str] = ..., fields: _Optional[_Mapping[str, _struct_pb2.Value]] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping[str, _Any]]] = ...) -> None: ...

class StreamLogsRequest(_message.Message):
    __slots__ = ("min_level",)
    MIN_LEVEL_FIELD_NUMBER: _ClassVar[int]
    min_level: LogLine.Level
    def __init__(self, min_level: _Optional[_Union[LogLine.Level, str]] = ...) -> None: ...

class UploadChunk(_message.Message):
    __slots__ = ("name", "data", "last")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    LAST_FIELD_NUMBER: _ClassVar[int]
    name: str
    data: bytes
    last: bool
    def __init__(self, name: _Optional[str] = ..., data: _Optional[bytes] = ..., last: _Optional[bool] = ...) -> None: ...

class UploadSummary(_message.Message):
    __slots__ = ("bytes_received", "took")
    BYTES_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    TOOK_FIELD_NUMBER: _ClassVar[int]
    bytes_received: int
    took: _duration_pb2.Duration
    def __init__(self, bytes_received: _Optional[int] = ..., took: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping[str, _Any]]] = ...) -> None: ...

class WatchRequest(_message.Message):
    __slots__ = ("type_names", "interval")
    TYPE_NAMES_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_FIELD_NUMBER: _ClassVar[int]
    type_names: _containers.RepeatedScalarFieldContainer[str]
    interval: _duration_pb2.Duration
    def __init__(self, type_names: _Optional[_Iterable[str]] = ..., interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping[str, _Any]]] = ...) -> None: ...

class ResourceEvent(_message.Message):
    __slots__ = ("kind", "type_name", "id", "at")
    class Kind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        KIND_UNSPECIFIED: _ClassVar[ResourceEvent.Kind]
        KIND_CREATED: _ClassVar[ResourceEvent.Kind]
        KIND_UPDATED: _ClassVar[ResourceEvent.Kind]
        KIND_DELETED: _ClassVar[ResourceEvent.Kind]
    KIND_UNSPECIFIED: ResourceEvent.Kind
    KIND_CREATED: ResourceEvent.Kind
    KIND_UPDATED: ResourceEvent.Kind
    KIND_DELETED: ResourceEvent.Kind
    KIND_FIELD_NUMBER: _ClassVar[int]
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    kind: ResourceEvent.Kind
    type_name: str
    id: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, kind: _Optional[_Union[ResourceEvent.Kind, str]] = ..., type_name: _Optional[str] = ..., id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping[str, _Any]]] = ...) -> None: ...

class ExecRequest(_message.Message):
    __slots__ = ("command", "stdin", "resize")
    class WindowSize(_message.Message):
        __slots__ = ("rows", "columns")
        ROWS_FIELD_NUMBER: _ClassVar[int]
        COLUMNS_FIELD_NUMBER: _ClassVar[int]
        rows: int
        columns: int
        def __init__(self, rows: _Optional[int] = ..., columns: _Optional[int] = ...) -> None: ...
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    STDIN_FIELD_NUMBER: _ClassVar[int]
    RESIZE_FIELD_NUMBER: _ClassVar[int]
    command: str
    stdin: bytes
    resize: ExecRequest.WindowSize
    def __init__(self, command: _Optional[str] = ..., stdin: _Optional[bytes] = ..., resize: _Optional[_Union[ExecRequest.WindowSize, _Mapping[str, _Any]]] = ...) -> None: ...

class ExecResponse(_message.Message):
    __slots__ = ("stdout", "stderr", "exit_code")
    STDOUT_FIELD_NUMBER: _ClassVar[int]
    STDERR_FIELD_NUMBER: _ClassVar[int]
    EXIT_CODE_FIELD_NUMBER: _ClassVar[int]
    stdout: bytes
    stderr: bytes
    exit_code: int
    def __init__(self, stdout: _Optional[bytes] = ..., stderr: _Optional[bytes] = ..., exit_code: _Optional[int] = ...) -> None: ...

class ListResourceRequest(_message.Message):
    __slots__ = ("type_name", "config", "limit")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    limit: int
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., limit: _Optional[int] = ...) -> None: ...

class ListResourceEvent(_message.Message):
    __slots__ = ("display_name", "identity", "resource_object", "diagnostics")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_OBJECT_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    identity: DynamicValue
    resource_object: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, display_name: _Optional[str] = ..., identity: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., resource_object: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ValidateEphemeralResourceConfigRequest(_message.Message):
    __slots__ = ("type_name", "config")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateEphemeralResourceConfigResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class OpenEphemeralResourceRequest(_message.Message):
    __slots__ = ("type_name", "config", "client_capabilities")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    config: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, type_name: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class OpenEphemeralResourceResponse(_message.Message):
    __slots__ = ("diagnostics", "result", "renew_at", "private", "deferred")
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    RENEW_AT_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    result: DynamicValue
    renew_at: _timestamp_pb2.Timestamp
    private: bytes
    deferred: Deferred
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., result: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., renew_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping[str, _Any]]] = ..., private: _Optional[bytes] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class RenewEphemeralResourceRequest(_message.Message):
    __slots__ = ("type_name", "private")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    private: bytes
    def __init__(self, type_name: _Optional[str] = ..., private: _Optional[bytes] = ...) -> None: ...

class RenewEphemeralResourceResponse(_message.Message):
    __slots__ = ("diagnostics", "renew_at", "private")
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    RENEW_AT_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    renew_at: _timestamp_pb2.Timestamp
    private: bytes
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., renew_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping[str, _Any]]] = ..., private: _Optional[bytes] = ...) -> None: ...

class CloseEphemeralResourceRequest(_message.Message):
    __slots__ = ("type_name", "private")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    private: bytes
    def __init__(self, type_name: _Optional[str] = ..., private: _Optional[bytes] = ...) -> None: ...

class CloseEphemeralResourceResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetResourceIdentitySchemasRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetResourceIdentitySchemasResponse(_message.Message):
    __slots__ = ("identity_schemas", "diagnostics")
    class IdentitySchema(_message.Message):
        __slots__ = ("version", "identity_attributes")
        class IdentityAttribute(_message.Message):
            __slots__ = ("name", "type", "required_for_import", "optional_for_import", "description")
            NAME_FIELD_NUMBER: _ClassVar[int]
            TYPE_FIELD_NUMBER: _ClassVar[int]
            REQUIRED_FOR_IMPORT_FIELD_NUMBER: _ClassVar[int]
            OPTIONAL_FOR_IMPORT_FIELD_NUMBER: _ClassVar[int]
            DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
            name: str
            type: bytes
            required_for_import: bool
            optional_for_import: bool
            description: str
            def __init__(self, name: _Optional[str] = ..., type: _Optional[bytes] = ..., required_for_import: _Optional[bool] = ..., optional_for_import: _Optional[bool] = ..., description: _Optional[str] = ...) -> None: ...
        VERSION_FIELD_NUMBER: _ClassVar[int]
        IDENTITY_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
        version: int
        identity_attributes: _containers.RepeatedCompositeFieldContainer[GetResourceIdentitySchemasResponse.IdentitySchema.IdentityAttribute]
        def __init__(self, version: _Optional[int] = ..., identity_attributes: _Optional[_Iterable[_Union[GetResourceIdentitySchemasResponse.IdentitySchema.IdentityAttribute, _Mapping[str, _Any]]]] = ...) -> None: ...
    class IdentitySchemasEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: GetResourceIdentitySchemasResponse.IdentitySchema
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[GetResourceIdentitySchemasResponse.IdentitySchema, _Mapping[str, _Any]]] = ...) -> None: ...
    IDENTITY_SCHEMAS_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    identity_schemas: _containers.MessageMap[str, GetResourceIdentitySchemasResponse.IdentitySchema]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, identity_schemas: _Optional[_Mapping[str, GetResourceIdentitySchemasResponse.IdentitySchema]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class UpgradeResourceIdentityRequest(_message.Message):
    __slots__ = ("type_name", "version", "raw_identity_json")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RAW_IDENTITY_JSON_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    version: int
    raw_identity_json: bytes
    def __init__(self, type_name: _Optional[str] = ..., version: _Optional[int] = ..., raw_identity_json: _Optional[bytes] = ...) -> None: ...

class UpgradeResourceIdentityResponse(_message.Message):
    __slots__ = ("upgraded_identity", "diagnostics")
    UPGRADED_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    upgraded_identity: DynamicValue
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, upgraded_identity: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ValidateActionConfigRequest(_message.Message):
    __slots__ = ("action_type", "config")
    ACTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    action_type: str
    config: DynamicValue
    def __init__(self, action_type: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class ValidateActionConfigResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class PlanActionRequest(_message.Message):
    __slots__ = ("action_type", "config", "client_capabilities")
    ACTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    action_type: str
    config: DynamicValue
    client_capabilities: ClientCapabilities
    def __init__(self, action_type: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ..., client_capabilities: _Optional[_Union[ClientCapabilities, _Mapping[str, _Any]]] = ...) -> None: ...

class PlanActionResponse(_message.Message):
    __slots__ = ("diagnostics", "deferred")
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    DEFERRED_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    deferred: Deferred
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ..., deferred: _Optional[_Union[Deferred, _Mapping[str, _Any]]] = ...) -> None: ...

class InvokeActionRequest(_message.Message):
    __slots__ = ("action_type", "config")
    ACTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    action_type: str
    config: DynamicValue
    def __init__(self, action_type: _Optional[str] = ..., config: _Optional[_Union[DynamicValue, _Mapping[str, _Any]]] = ...) -> None: ...

class InvokeActionEvent(_message.Message):
    __slots__ = ("progress", "completed")
    class Progress(_message.Message):
        __slots__ = ("message",)
        MESSAGE_FIELD_NUMBER: _ClassVar[int]
        message: str
        def __init__(self, message: _Optional[str] = ...) -> None: ...
    class Completed(_message.Message):
        __slots__ = ("diagnostics",)
        DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
        diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
        def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    progress: InvokeActionEvent.Progress
    completed: InvokeActionEvent.Completed
    def __init__(self, progress: _Optional[_Union[InvokeActionEvent.Progress, _Mapping[str, _Any]]] = ..., completed: _Optional[_Union[InvokeActionEvent.Completed, _Mapping[str, _Any]]] = ...) -> None: ...

class GetStatesRequest(_message.Message):
    __slots__ = ("type_name",)
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    def __init__(self, type_name: _Optional[str] = ...) -> None: ...

class GetStatesResponse(_message.Message):
    __slots__ = ("state_ids", "diagnostics")
    STATE_IDS_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    state_ids: _containers.RepeatedScalarFieldContainer[str]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, state_ids: _Optional[_Iterable[str]] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class LockStateRequest(_message.Message):
    __slots__ = ("type_name", "state_id", "operation")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    state_id: str
    operation: str
    def __init__(self, type_name: _Optional[str] = ..., state_id: _Optional[str] = ..., operation: _Optional[str] = ...) -> None: ...

class LockStateResponse(_message.Message):
    __slots__ = ("lock_id", "diagnostics")
    LOCK_ID_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    lock_id: str
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, lock_id: _Optional[str] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class UnlockStateRequest(_message.Message):
    __slots__ = ("type_name", "state_id", "lock_id")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCK_ID_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    state_id: str
    lock_id: str
    def __init__(self, type_name: _Optional[str] = ..., state_id: _Optional[str] = ..., lock_id: _Optional[str] = ...) -> None: ...

class UnlockStateResponse(_message.Message):
    __slots__ = ("diagnostics",)
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...

class ReadStateBytesRequest(_message.Message):
    __slots__ = ("type_name", "state_id")
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_ID_FIELD_NUMBER: _ClassVar[int]
    type_name: str
    state_id: str
    def __init__(self, type_name: _Optional[str] = ..., state_id: _Optional[str] = ...) -> None: ...

class StateBytesChunk(_message.Message):
    __slots__ = ("bytes", "total_length", "diagnostics")
    BYTES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_LENGTH_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    bytes: _builtins.bytes
    total_length: int
    diagnostics: _containers.RepeatedCompositeFieldContainer[Diagnostic]
    def __init__(self, bytes: _Optional[_builtins.bytes] = ..., total_length: _Optional[int] = ..., diagnostics: _Optional[_Iterable[_Union[Diagnostic, _Mapping[str, _Any]]]] = ...) -> None: ...
