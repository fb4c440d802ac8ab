"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from provider/provider.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import empty_pb2

# isort: split
import goplugin

# isort: split
from acme.provider.v6 import interface, plugin, provider_pb2


class ProviderImpl(interface.Provider):
    """This plugin's implementation of ``acme.provider.v6.Provider``."""

    def get_metadata(
        self, request: provider_pb2.GetMetadataRequest
    ) -> provider_pb2.GetMetadataResponse:
        # TODO: implement GetMetadata.
        raise NotImplementedError("GetMetadata is not implemented yet")

    def get_provider_schema(
        self, request: provider_pb2.GetProviderSchemaRequest
    ) -> provider_pb2.GetProviderSchemaResponse:
        # TODO: implement GetProviderSchema.
        raise NotImplementedError("GetProviderSchema is not implemented yet")

    def validate_provider_config(
        self, request: provider_pb2.ValidateProviderConfigRequest
    ) -> provider_pb2.ValidateProviderConfigResponse:
        # TODO: implement ValidateProviderConfig.
        raise NotImplementedError("ValidateProviderConfig is not implemented yet")

    def validate_resource_config(
        self, request: provider_pb2.ValidateResourceConfigRequest
    ) -> provider_pb2.ValidateResourceConfigResponse:
        # TODO: implement ValidateResourceConfig.
        raise NotImplementedError("ValidateResourceConfig is not implemented yet")

    def validate_data_resource_config(
        self, request: provider_pb2.ValidateDataResourceConfigRequest
    ) -> provider_pb2.ValidateDataResourceConfigResponse:
        # TODO: implement ValidateDataResourceConfig.
        raise NotImplementedError("ValidateDataResourceConfig is not implemented yet")

    def upgrade_resource_state(
        self, request: provider_pb2.UpgradeResourceStateRequest
    ) -> provider_pb2.UpgradeResourceStateResponse:
        # TODO: implement UpgradeResourceState.
        raise NotImplementedError("UpgradeResourceState is not implemented yet")

    def configure_provider(
        self, request: provider_pb2.ConfigureProviderRequest
    ) -> provider_pb2.ConfigureProviderResponse:
        # TODO: implement ConfigureProvider.
        raise NotImplementedError("ConfigureProvider is not implemented yet")

    def read_resource(
        self, request: provider_pb2.ReadResourceRequest
    ) -> provider_pb2.ReadResourceResponse:
        # TODO: implement ReadResource.
        raise NotImplementedError("ReadResource is not implemented yet")

    def plan_resource_change(
        self, request: provider_pb2.PlanResourceChangeRequest
    ) -> provider_pb2.PlanResourceChangeResponse:
        # TODO: implement PlanResourceChange.
        raise NotImplementedError("PlanResourceChange is not implemented yet")

    def apply_resource_change(
        self, request: provider_pb2.ApplyResourceChangeRequest
    ) -> provider_pb2.ApplyResourceChangeResponse:
        # TODO: implement ApplyResourceChange.
        raise NotImplementedError("ApplyResourceChange is not implemented yet")

    def import_resource_state(
        self, request: provider_pb2.ImportResourceStateRequest
    ) -> provider_pb2.ImportResourceStateResponse:
        # TODO: implement ImportResourceState.
        raise NotImplementedError("ImportResourceState is not implemented yet")

    def move_resource_state(
        self, request: provider_pb2.MoveResourceStateRequest
    ) -> provider_pb2.MoveResourceStateResponse:
        # TODO: implement MoveResourceState.
        raise NotImplementedError("MoveResourceState is not implemented yet")

    def read_data_source(
        self, request: provider_pb2.ReadDataSourceRequest
    ) -> provider_pb2.ReadDataSourceResponse:
        # TODO: implement ReadDataSource.
        raise NotImplementedError("ReadDataSource is not implemented yet")

    def get_functions(
        self, request: provider_pb2.GetFunctionsRequest
    ) -> provider_pb2.GetFunctionsResponse:
        # TODO: implement GetFunctions.
        raise NotImplementedError("GetFunctions is not implemented yet")

    def call_function(
        self, request: provider_pb2.CallFunctionRequest
    ) -> provider_pb2.CallFunctionResponse:
        # TODO: implement CallFunction.
        raise NotImplementedError("CallFunction is not implemented yet")

    def validate_ephemeral_resource_config(
        self, request: provider_pb2.ValidateEphemeralResourceConfigRequest
    ) -> provider_pb2.ValidateEphemeralResourceConfigResponse:
        # TODO: implement ValidateEphemeralResourceConfig.
        raise NotImplementedError("ValidateEphemeralResourceConfig is not implemented yet")

    def open_ephemeral_resource(
        self, request: provider_pb2.OpenEphemeralResourceRequest
    ) -> provider_pb2.OpenEphemeralResourceResponse:
        # TODO: implement OpenEphemeralResource.
        raise NotImplementedError("OpenEphemeralResource is not implemented yet")

    def renew_ephemeral_resource(
        self, request: provider_pb2.RenewEphemeralResourceRequest
    ) -> provider_pb2.RenewEphemeralResourceResponse:
        # TODO: implement RenewEphemeralResource.
        raise NotImplementedError("RenewEphemeralResource is not implemented yet")

    def close_ephemeral_resource(
        self, request: provider_pb2.CloseEphemeralResourceRequest
    ) -> provider_pb2.CloseEphemeralResourceResponse:
        # TODO: implement CloseEphemeralResource.
        raise NotImplementedError("CloseEphemeralResource is not implemented yet")

    def get_resource_identity_schemas(
        self, request: provider_pb2.GetResourceIdentitySchemasRequest
    ) -> provider_pb2.GetResourceIdentitySchemasResponse:
        # TODO: implement GetResourceIdentitySchemas.
        raise NotImplementedError("GetResourceIdentitySchemas is not implemented yet")

    def upgrade_resource_identity(
        self, request: provider_pb2.UpgradeResourceIdentityRequest
    ) -> provider_pb2.UpgradeResourceIdentityResponse:
        # TODO: implement UpgradeResourceIdentity.
        raise NotImplementedError("UpgradeResourceIdentity is not implemented yet")

    def list_resource(
        self, request: provider_pb2.ListResourceRequest
    ) -> Iterator[provider_pb2.ListResourceEvent]:
        # TODO: implement ListResource.
        raise NotImplementedError("ListResource is not implemented yet")

    def validate_action_config(
        self, request: provider_pb2.ValidateActionConfigRequest
    ) -> provider_pb2.ValidateActionConfigResponse:
        # TODO: implement ValidateActionConfig.
        raise NotImplementedError("ValidateActionConfig is not implemented yet")

    def plan_action(
        self, request: provider_pb2.PlanActionRequest
    ) -> provider_pb2.PlanActionResponse:
        # TODO: implement PlanAction.
        raise NotImplementedError("PlanAction is not implemented yet")

    def invoke_action(
        self, request: provider_pb2.InvokeActionRequest
    ) -> Iterator[provider_pb2.InvokeActionEvent]:
        # TODO: implement InvokeAction.
        raise NotImplementedError("InvokeAction is not implemented yet")

    def get_states(self, request: provider_pb2.GetStatesRequest) -> provider_pb2.GetStatesResponse:
        # TODO: implement GetStates.
        raise NotImplementedError("GetStates is not implemented yet")

    def lock_state(self, request: provider_pb2.LockStateRequest) -> provider_pb2.LockStateResponse:
        # TODO: implement LockState.
        raise NotImplementedError("LockState is not implemented yet")

    def unlock_state(
        self, request: provider_pb2.UnlockStateRequest
    ) -> provider_pb2.UnlockStateResponse:
        # TODO: implement UnlockState.
        raise NotImplementedError("UnlockState is not implemented yet")

    def read_state_bytes(
        self, request: provider_pb2.ReadStateBytesRequest
    ) -> Iterator[provider_pb2.StateBytesChunk]:
        # TODO: implement ReadStateBytes.
        raise NotImplementedError("ReadStateBytes is not implemented yet")

    def write_state_bytes(
        self, requests: Iterator[provider_pb2.UploadChunk]
    ) -> provider_pb2.UploadSummary:
        # TODO: implement WriteStateBytes.
        raise NotImplementedError("WriteStateBytes is not implemented yet")

    def upload_artifact(
        self, requests: Iterator[provider_pb2.UploadChunk]
    ) -> provider_pb2.UploadSummary:
        # TODO: implement UploadArtifact.
        raise NotImplementedError("UploadArtifact is not implemented yet")

    def stream_logs(
        self, request: provider_pb2.StreamLogsRequest
    ) -> Iterator[provider_pb2.LogLine]:
        # TODO: implement StreamLogs.
        raise NotImplementedError("StreamLogs is not implemented yet")

    def watch(self, request: provider_pb2.WatchRequest) -> Iterator[provider_pb2.ResourceEvent]:
        # TODO: implement Watch.
        raise NotImplementedError("Watch is not implemented yet")

    def exec(
        self, requests: Iterator[provider_pb2.ExecRequest]
    ) -> Iterator[provider_pb2.ExecResponse]:
        # TODO: implement Exec.
        raise NotImplementedError("Exec is not implemented yet")

    def ping(self, request: empty_pb2.Empty) -> empty_pb2.Empty:
        # TODO: implement Ping.
        raise NotImplementedError("Ping is not implemented yet")

    def stop_provider(self, request: empty_pb2.Empty) -> provider_pb2.StopProviderResponse:
        # TODO: implement StopProvider.
        raise NotImplementedError("StopProvider is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "provider": plugin.ProviderGRPCPlugin(ProviderImpl()),
        },
    )


if __name__ == "__main__":
    main()
