import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/infrastructure.proto.
 */
export declare const file_tessera_intelligence_v1_infrastructure: GenFile;
/**
 * ProviderCredential is a user's API token for a provider (the token itself is never shown).
 *
 * @generated from message tessera.intelligence.v1.ProviderCredential
 */
export type ProviderCredential = Message<"tessera.intelligence.v1.ProviderCredential"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The provider.
     *
     * @generated from field: tessera.intelligence.v1.Provider provider = 2;
     */
    provider: Provider;
    /**
     * Account details (account_id, team_id, ...): a JSON object of at most 16 KiB.
     *
     * @generated from field: google.protobuf.Struct metadata = 3;
     */
    metadata?: JsonObject | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 4;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 5;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ProviderCredential.
 * Use `create(ProviderCredentialSchema)` to create a new message.
 */
export declare const ProviderCredentialSchema: GenMessage<ProviderCredential>;
/**
 * SetProviderCredentialRequest is the input of InfrastructureService.SetProviderCredential.
 *
 * @generated from message tessera.intelligence.v1.SetProviderCredentialRequest
 */
export type SetProviderCredentialRequest = Message<"tessera.intelligence.v1.SetProviderCredentialRequest"> & {
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.Provider provider = 1;
     */
    provider: Provider;
    /**
     * Required, 1 to 4,096 characters; sealed at rest, never returned.
     *
     * @generated from field: string api_token = 2;
     */
    apiToken: string;
    /**
     * Optional account details.
     *
     * @generated from field: google.protobuf.Struct metadata = 3;
     */
    metadata?: JsonObject | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetProviderCredentialRequest.
 * Use `create(SetProviderCredentialRequestSchema)` to create a new message.
 */
export declare const SetProviderCredentialRequestSchema: GenMessage<SetProviderCredentialRequest>;
/**
 * SetProviderCredentialResponse is the output of InfrastructureService.SetProviderCredential.
 *
 * @generated from message tessera.intelligence.v1.SetProviderCredentialResponse
 */
export type SetProviderCredentialResponse = Message<"tessera.intelligence.v1.SetProviderCredentialResponse"> & {
    /**
     * The credential, without its token.
     *
     * @generated from field: tessera.intelligence.v1.ProviderCredential credential = 1;
     */
    credential?: ProviderCredential | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetProviderCredentialResponse.
 * Use `create(SetProviderCredentialResponseSchema)` to create a new message.
 */
export declare const SetProviderCredentialResponseSchema: GenMessage<SetProviderCredentialResponse>;
/**
 * ListProviderCredentialsRequest is the input of InfrastructureService.ListProviderCredentials.
 *
 * @generated from message tessera.intelligence.v1.ListProviderCredentialsRequest
 */
export type ListProviderCredentialsRequest = Message<"tessera.intelligence.v1.ListProviderCredentialsRequest"> & {};
/**
 * Describes the message tessera.intelligence.v1.ListProviderCredentialsRequest.
 * Use `create(ListProviderCredentialsRequestSchema)` to create a new message.
 */
export declare const ListProviderCredentialsRequestSchema: GenMessage<ListProviderCredentialsRequest>;
/**
 * ListProviderCredentialsResponse is the output of InfrastructureService.ListProviderCredentials.
 *
 * @generated from message tessera.intelligence.v1.ListProviderCredentialsResponse
 */
export type ListProviderCredentialsResponse = Message<"tessera.intelligence.v1.ListProviderCredentialsResponse"> & {
    /**
     * By provider.
     *
     * @generated from field: repeated tessera.intelligence.v1.ProviderCredential credentials = 1;
     */
    credentials: ProviderCredential[];
};
/**
 * Describes the message tessera.intelligence.v1.ListProviderCredentialsResponse.
 * Use `create(ListProviderCredentialsResponseSchema)` to create a new message.
 */
export declare const ListProviderCredentialsResponseSchema: GenMessage<ListProviderCredentialsResponse>;
/**
 * DeleteProviderCredentialRequest is the input of InfrastructureService.DeleteProviderCredential.
 *
 * @generated from message tessera.intelligence.v1.DeleteProviderCredentialRequest
 */
export type DeleteProviderCredentialRequest = Message<"tessera.intelligence.v1.DeleteProviderCredentialRequest"> & {
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.Provider provider = 1;
     */
    provider: Provider;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteProviderCredentialRequest.
 * Use `create(DeleteProviderCredentialRequestSchema)` to create a new message.
 */
export declare const DeleteProviderCredentialRequestSchema: GenMessage<DeleteProviderCredentialRequest>;
/**
 * DeleteProviderCredentialResponse is the output of InfrastructureService.DeleteProviderCredential.
 *
 * @generated from message tessera.intelligence.v1.DeleteProviderCredentialResponse
 */
export type DeleteProviderCredentialResponse = Message<"tessera.intelligence.v1.DeleteProviderCredentialResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteProviderCredentialResponse.
 * Use `create(DeleteProviderCredentialResponseSchema)` to create a new message.
 */
export declare const DeleteProviderCredentialResponseSchema: GenMessage<DeleteProviderCredentialResponse>;
/**
 * Resource is provisioned infrastructure of a project.
 *
 * @generated from message tessera.intelligence.v1.Resource
 */
export type Resource = Message<"tessera.intelligence.v1.Resource"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.ResourceType type = 3;
     */
    type: ResourceType;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.Provider provider = 4;
     */
    provider: Provider;
    /**
     * The provider's id for it, at most 500 characters; empty until known.
     *
     * @generated from field: string provider_resource_id = 5;
     */
    providerResourceId: string;
    /**
     * Required, 1 to 200 characters.
     *
     * @generated from field: string name = 6;
     */
    name: string;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.ResourceStatus status = 7;
     */
    status: ResourceStatus;
    /**
     * Output only. The last provisioning error.
     *
     * @generated from field: string error = 8;
     */
    error: string;
    /**
     * Output only. Whether connection details are stored (RevealConnectionInfo shows them).
     *
     * @generated from field: bool has_connection_info = 9;
     */
    hasConnectionInfo: boolean;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 10;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 11;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Resource.
 * Use `create(ResourceSchema)` to create a new message.
 */
export declare const ResourceSchema: GenMessage<Resource>;
/**
 * CreateResourceRequest is the input of InfrastructureService.CreateResource.
 *
 * @generated from message tessera.intelligence.v1.CreateResourceRequest
 */
export type CreateResourceRequest = Message<"tessera.intelligence.v1.CreateResourceRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: type, provider, name; optional provider_resource_id.
     *
     * @generated from field: tessera.intelligence.v1.Resource resource = 2;
     */
    resource?: Resource | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateResourceRequest.
 * Use `create(CreateResourceRequestSchema)` to create a new message.
 */
export declare const CreateResourceRequestSchema: GenMessage<CreateResourceRequest>;
/**
 * CreateResourceResponse is the output of InfrastructureService.CreateResource.
 *
 * @generated from message tessera.intelligence.v1.CreateResourceResponse
 */
export type CreateResourceResponse = Message<"tessera.intelligence.v1.CreateResourceResponse"> & {
    /**
     * The new resource.
     *
     * @generated from field: tessera.intelligence.v1.Resource resource = 1;
     */
    resource?: Resource | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateResourceResponse.
 * Use `create(CreateResourceResponseSchema)` to create a new message.
 */
export declare const CreateResourceResponseSchema: GenMessage<CreateResourceResponse>;
/**
 * GetResourceRequest is the input of InfrastructureService.GetResource.
 *
 * @generated from message tessera.intelligence.v1.GetResourceRequest
 */
export type GetResourceRequest = Message<"tessera.intelligence.v1.GetResourceRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string resource_id = 1;
     */
    resourceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetResourceRequest.
 * Use `create(GetResourceRequestSchema)` to create a new message.
 */
export declare const GetResourceRequestSchema: GenMessage<GetResourceRequest>;
/**
 * GetResourceResponse is the output of InfrastructureService.GetResource.
 *
 * @generated from message tessera.intelligence.v1.GetResourceResponse
 */
export type GetResourceResponse = Message<"tessera.intelligence.v1.GetResourceResponse"> & {
    /**
     * The resource.
     *
     * @generated from field: tessera.intelligence.v1.Resource resource = 1;
     */
    resource?: Resource | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetResourceResponse.
 * Use `create(GetResourceResponseSchema)` to create a new message.
 */
export declare const GetResourceResponseSchema: GenMessage<GetResourceResponse>;
/**
 * ListResourcesRequest is the input of InfrastructureService.ListResources.
 *
 * @generated from message tessera.intelligence.v1.ListResourcesRequest
 */
export type ListResourcesRequest = Message<"tessera.intelligence.v1.ListResourcesRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only this type (unspecified: all).
     *
     * @generated from field: tessera.intelligence.v1.ResourceType type = 2;
     */
    type: ResourceType;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 3;
     */
    pageSize: number;
    /**
     * From a previous response (with the same filter).
     *
     * @generated from field: string page_token = 4;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListResourcesRequest.
 * Use `create(ListResourcesRequestSchema)` to create a new message.
 */
export declare const ListResourcesRequestSchema: GenMessage<ListResourcesRequest>;
/**
 * ListResourcesResponse is the output of InfrastructureService.ListResources.
 *
 * @generated from message tessera.intelligence.v1.ListResourcesResponse
 */
export type ListResourcesResponse = Message<"tessera.intelligence.v1.ListResourcesResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Resource resources = 1;
     */
    resources: Resource[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListResourcesResponse.
 * Use `create(ListResourcesResponseSchema)` to create a new message.
 */
export declare const ListResourcesResponseSchema: GenMessage<ListResourcesResponse>;
/**
 * SetResourceStatusRequest is the input of InfrastructureService.SetResourceStatus.
 *
 * @generated from message tessera.intelligence.v1.SetResourceStatusRequest
 */
export type SetResourceStatusRequest = Message<"tessera.intelligence.v1.SetResourceStatusRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string resource_id = 1;
     */
    resourceId: string;
    /**
     * Required: the new status.
     *
     * @generated from field: tessera.intelligence.v1.ResourceStatus status = 2;
     */
    status: ResourceStatus;
    /**
     * With error: why, 1 to 10,000 characters (required then).
     *
     * @generated from field: string error = 3;
     */
    error: string;
    /**
     * The provider's id, once known.
     *
     * @generated from field: string provider_resource_id = 4;
     */
    providerResourceId: string;
    /**
     * With ready: the connection details (url, host, port, username, password), a JSON
     * object of at most 16 KiB, sealed at rest.
     *
     * @generated from field: google.protobuf.Struct connection_info = 5;
     */
    connectionInfo?: JsonObject | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetResourceStatusRequest.
 * Use `create(SetResourceStatusRequestSchema)` to create a new message.
 */
export declare const SetResourceStatusRequestSchema: GenMessage<SetResourceStatusRequest>;
/**
 * SetResourceStatusResponse is the output of InfrastructureService.SetResourceStatus.
 *
 * @generated from message tessera.intelligence.v1.SetResourceStatusResponse
 */
export type SetResourceStatusResponse = Message<"tessera.intelligence.v1.SetResourceStatusResponse"> & {
    /**
     * The resource after the move.
     *
     * @generated from field: tessera.intelligence.v1.Resource resource = 1;
     */
    resource?: Resource | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetResourceStatusResponse.
 * Use `create(SetResourceStatusResponseSchema)` to create a new message.
 */
export declare const SetResourceStatusResponseSchema: GenMessage<SetResourceStatusResponse>;
/**
 * RevealConnectionInfoRequest is the input of InfrastructureService.RevealConnectionInfo.
 *
 * @generated from message tessera.intelligence.v1.RevealConnectionInfoRequest
 */
export type RevealConnectionInfoRequest = Message<"tessera.intelligence.v1.RevealConnectionInfoRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string resource_id = 1;
     */
    resourceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.RevealConnectionInfoRequest.
 * Use `create(RevealConnectionInfoRequestSchema)` to create a new message.
 */
export declare const RevealConnectionInfoRequestSchema: GenMessage<RevealConnectionInfoRequest>;
/**
 * RevealConnectionInfoResponse is the output of InfrastructureService.RevealConnectionInfo.
 *
 * @generated from message tessera.intelligence.v1.RevealConnectionInfoResponse
 */
export type RevealConnectionInfoResponse = Message<"tessera.intelligence.v1.RevealConnectionInfoResponse"> & {
    /**
     * The connection details; unset when none are stored.
     *
     * @generated from field: google.protobuf.Struct connection_info = 1;
     */
    connectionInfo?: JsonObject | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.RevealConnectionInfoResponse.
 * Use `create(RevealConnectionInfoResponseSchema)` to create a new message.
 */
export declare const RevealConnectionInfoResponseSchema: GenMessage<RevealConnectionInfoResponse>;
/**
 * DeploymentSettings configure a workspace's deployments.
 *
 * @generated from message tessera.intelligence.v1.DeploymentSettings
 */
export type DeploymentSettings = Message<"tessera.intelligence.v1.DeploymentSettings"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Deploy each new snapshot.
     *
     * @generated from field: bool auto_deploy = 2;
     */
    autoDeploy: boolean;
    /**
     * A runtime to use instead of the detected one, at most 100 characters.
     *
     * @generated from field: string runtime_override = 3;
     */
    runtimeOverride: string;
    /**
     * At most 2,000 characters.
     *
     * @generated from field: string build_command = 4;
     */
    buildCommand: string;
    /**
     * At most 2,000 characters.
     *
     * @generated from field: string start_command = 5;
     */
    startCommand: string;
    /**
     * Output only; unset for defaults never saved.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 6;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.DeploymentSettings.
 * Use `create(DeploymentSettingsSchema)` to create a new message.
 */
export declare const DeploymentSettingsSchema: GenMessage<DeploymentSettings>;
/**
 * GetDeploymentSettingsRequest is the input of DeploymentService.GetDeploymentSettings.
 *
 * @generated from message tessera.intelligence.v1.GetDeploymentSettingsRequest
 */
export type GetDeploymentSettingsRequest = Message<"tessera.intelligence.v1.GetDeploymentSettingsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetDeploymentSettingsRequest.
 * Use `create(GetDeploymentSettingsRequestSchema)` to create a new message.
 */
export declare const GetDeploymentSettingsRequestSchema: GenMessage<GetDeploymentSettingsRequest>;
/**
 * GetDeploymentSettingsResponse is the output of DeploymentService.GetDeploymentSettings.
 *
 * @generated from message tessera.intelligence.v1.GetDeploymentSettingsResponse
 */
export type GetDeploymentSettingsResponse = Message<"tessera.intelligence.v1.GetDeploymentSettingsResponse"> & {
    /**
     * The settings.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentSettings settings = 1;
     */
    settings?: DeploymentSettings | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetDeploymentSettingsResponse.
 * Use `create(GetDeploymentSettingsResponseSchema)` to create a new message.
 */
export declare const GetDeploymentSettingsResponseSchema: GenMessage<GetDeploymentSettingsResponse>;
/**
 * PutDeploymentSettingsRequest is the input of DeploymentService.PutDeploymentSettings.
 *
 * @generated from message tessera.intelligence.v1.PutDeploymentSettingsRequest
 */
export type PutDeploymentSettingsRequest = Message<"tessera.intelligence.v1.PutDeploymentSettingsRequest"> & {
    /**
     * Required: workspace_id; the rest replaces what is stored.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentSettings settings = 1;
     */
    settings?: DeploymentSettings | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.PutDeploymentSettingsRequest.
 * Use `create(PutDeploymentSettingsRequestSchema)` to create a new message.
 */
export declare const PutDeploymentSettingsRequestSchema: GenMessage<PutDeploymentSettingsRequest>;
/**
 * PutDeploymentSettingsResponse is the output of DeploymentService.PutDeploymentSettings.
 *
 * @generated from message tessera.intelligence.v1.PutDeploymentSettingsResponse
 */
export type PutDeploymentSettingsResponse = Message<"tessera.intelligence.v1.PutDeploymentSettingsResponse"> & {
    /**
     * The stored settings.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentSettings settings = 1;
     */
    settings?: DeploymentSettings | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.PutDeploymentSettingsResponse.
 * Use `create(PutDeploymentSettingsResponseSchema)` to create a new message.
 */
export declare const PutDeploymentSettingsResponseSchema: GenMessage<PutDeploymentSettingsResponse>;
/**
 * Deployment is one deployment of a snapshot.
 *
 * @generated from message tessera.intelligence.v1.Deployment
 */
export type Deployment = Message<"tessera.intelligence.v1.Deployment"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only; empty once the workspace is deleted.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * Output only.
     *
     * @generated from field: string project_id = 3;
     */
    projectId: string;
    /**
     * Output only; empty once the snapshot is deleted.
     *
     * @generated from field: string snapshot_id = 4;
     */
    snapshotId: string;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentStatus status = 5;
     */
    status: DeploymentStatus;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentTrigger trigger = 6;
     */
    trigger: DeploymentTrigger;
    /**
     * Output only. Where it runs (success).
     *
     * @generated from field: string url = 7;
     */
    url: string;
    /**
     * Output only. Why it failed.
     *
     * @generated from field: string error = 8;
     */
    error: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp start_time = 9;
     */
    startTime?: Timestamp | undefined;
    /**
     * Output only. When it ended.
     *
     * @generated from field: google.protobuf.Timestamp complete_time = 10;
     */
    completeTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Deployment.
 * Use `create(DeploymentSchema)` to create a new message.
 */
export declare const DeploymentSchema: GenMessage<Deployment>;
/**
 * StartDeploymentRequest is the input of DeploymentService.StartDeployment.
 *
 * @generated from message tessera.intelligence.v1.StartDeploymentRequest
 */
export type StartDeploymentRequest = Message<"tessera.intelligence.v1.StartDeploymentRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * A snapshot of the workspace's project; empty: the workspace's current snapshot.
     *
     * @generated from field: string snapshot_id = 2;
     */
    snapshotId: string;
    /**
     * Manual when unspecified.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentTrigger trigger = 3;
     */
    trigger: DeploymentTrigger;
};
/**
 * Describes the message tessera.intelligence.v1.StartDeploymentRequest.
 * Use `create(StartDeploymentRequestSchema)` to create a new message.
 */
export declare const StartDeploymentRequestSchema: GenMessage<StartDeploymentRequest>;
/**
 * StartDeploymentResponse is the output of DeploymentService.StartDeployment.
 *
 * @generated from message tessera.intelligence.v1.StartDeploymentResponse
 */
export type StartDeploymentResponse = Message<"tessera.intelligence.v1.StartDeploymentResponse"> & {
    /**
     * The deployment, deploying.
     *
     * @generated from field: tessera.intelligence.v1.Deployment deployment = 1;
     */
    deployment?: Deployment | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.StartDeploymentResponse.
 * Use `create(StartDeploymentResponseSchema)` to create a new message.
 */
export declare const StartDeploymentResponseSchema: GenMessage<StartDeploymentResponse>;
/**
 * FinishDeploymentRequest is the input of DeploymentService.FinishDeployment.
 *
 * @generated from message tessera.intelligence.v1.FinishDeploymentRequest
 */
export type FinishDeploymentRequest = Message<"tessera.intelligence.v1.FinishDeploymentRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string deployment_id = 1;
     */
    deploymentId: string;
    /**
     * Required: success or failed.
     *
     * @generated from field: tessera.intelligence.v1.DeploymentStatus status = 2;
     */
    status: DeploymentStatus;
    /**
     * With success: the URL (http or https, at most 2,048 characters).
     *
     * @generated from field: string url = 3;
     */
    url: string;
    /**
     * With failed: why, 1 to 10,000 characters.
     *
     * @generated from field: string error = 4;
     */
    error: string;
};
/**
 * Describes the message tessera.intelligence.v1.FinishDeploymentRequest.
 * Use `create(FinishDeploymentRequestSchema)` to create a new message.
 */
export declare const FinishDeploymentRequestSchema: GenMessage<FinishDeploymentRequest>;
/**
 * FinishDeploymentResponse is the output of DeploymentService.FinishDeployment.
 *
 * @generated from message tessera.intelligence.v1.FinishDeploymentResponse
 */
export type FinishDeploymentResponse = Message<"tessera.intelligence.v1.FinishDeploymentResponse"> & {
    /**
     * The ended deployment.
     *
     * @generated from field: tessera.intelligence.v1.Deployment deployment = 1;
     */
    deployment?: Deployment | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.FinishDeploymentResponse.
 * Use `create(FinishDeploymentResponseSchema)` to create a new message.
 */
export declare const FinishDeploymentResponseSchema: GenMessage<FinishDeploymentResponse>;
/**
 * GetDeploymentRequest is the input of DeploymentService.GetDeployment.
 *
 * @generated from message tessera.intelligence.v1.GetDeploymentRequest
 */
export type GetDeploymentRequest = Message<"tessera.intelligence.v1.GetDeploymentRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string deployment_id = 1;
     */
    deploymentId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetDeploymentRequest.
 * Use `create(GetDeploymentRequestSchema)` to create a new message.
 */
export declare const GetDeploymentRequestSchema: GenMessage<GetDeploymentRequest>;
/**
 * GetDeploymentResponse is the output of DeploymentService.GetDeployment.
 *
 * @generated from message tessera.intelligence.v1.GetDeploymentResponse
 */
export type GetDeploymentResponse = Message<"tessera.intelligence.v1.GetDeploymentResponse"> & {
    /**
     * The deployment.
     *
     * @generated from field: tessera.intelligence.v1.Deployment deployment = 1;
     */
    deployment?: Deployment | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetDeploymentResponse.
 * Use `create(GetDeploymentResponseSchema)` to create a new message.
 */
export declare const GetDeploymentResponseSchema: GenMessage<GetDeploymentResponse>;
/**
 * ListDeploymentsRequest is the input of DeploymentService.ListDeployments.
 *
 * @generated from message tessera.intelligence.v1.ListDeploymentsRequest
 */
export type ListDeploymentsRequest = Message<"tessera.intelligence.v1.ListDeploymentsRequest"> & {
    /**
     * Exactly one of workspace_id and project_id.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Exactly one of workspace_id and project_id.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 3;
     */
    pageSize: number;
    /**
     * From a previous response (with the same filter).
     *
     * @generated from field: string page_token = 4;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDeploymentsRequest.
 * Use `create(ListDeploymentsRequestSchema)` to create a new message.
 */
export declare const ListDeploymentsRequestSchema: GenMessage<ListDeploymentsRequest>;
/**
 * ListDeploymentsResponse is the output of DeploymentService.ListDeployments.
 *
 * @generated from message tessera.intelligence.v1.ListDeploymentsResponse
 */
export type ListDeploymentsResponse = Message<"tessera.intelligence.v1.ListDeploymentsResponse"> & {
    /**
     * Most recent first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Deployment deployments = 1;
     */
    deployments: Deployment[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDeploymentsResponse.
 * Use `create(ListDeploymentsResponseSchema)` to create a new message.
 */
export declare const ListDeploymentsResponseSchema: GenMessage<ListDeploymentsResponse>;
/**
 * Provider is an infrastructure provider.
 *
 * @generated from enum tessera.intelligence.v1.Provider
 */
export declare enum Provider {
    /**
     * Not set.
     *
     * @generated from enum value: PROVIDER_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Railway.
     *
     * @generated from enum value: PROVIDER_RAILWAY = 1;
     */
    RAILWAY = 1,
    /**
     * Cloudflare.
     *
     * @generated from enum value: PROVIDER_CLOUDFLARE = 2;
     */
    CLOUDFLARE = 2
}
/**
 * Describes the enum tessera.intelligence.v1.Provider.
 */
export declare const ProviderSchema: GenEnum<Provider>;
/**
 * ResourceType is what a resource is.
 *
 * @generated from enum tessera.intelligence.v1.ResourceType
 */
export declare enum ResourceType {
    /**
     * Not set.
     *
     * @generated from enum value: RESOURCE_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A server (`compute`).
     *
     * @generated from enum value: RESOURCE_TYPE_COMPUTE = 1;
     */
    COMPUTE = 1,
    /**
     * An edge function (`compute:edge`).
     *
     * @generated from enum value: RESOURCE_TYPE_COMPUTE_EDGE = 2;
     */
    COMPUTE_EDGE = 2,
    /**
     * PostgreSQL (`database:postgres`).
     *
     * @generated from enum value: RESOURCE_TYPE_DATABASE_POSTGRES = 3;
     */
    DATABASE_POSTGRES = 3,
    /**
     * Redis (`database:redis`).
     *
     * @generated from enum value: RESOURCE_TYPE_DATABASE_REDIS = 4;
     */
    DATABASE_REDIS = 4,
    /**
     * Blob storage (`storage:blob`).
     *
     * @generated from enum value: RESOURCE_TYPE_STORAGE_BLOB = 5;
     */
    STORAGE_BLOB = 5
}
/**
 * Describes the enum tessera.intelligence.v1.ResourceType.
 */
export declare const ResourceTypeSchema: GenEnum<ResourceType>;
/**
 * ResourceStatus is where provisioning stands.
 *
 * @generated from enum tessera.intelligence.v1.ResourceStatus
 */
export declare enum ResourceStatus {
    /**
     * Not set: as a filter, any.
     *
     * @generated from enum value: RESOURCE_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Recorded, not started.
     *
     * @generated from enum value: RESOURCE_STATUS_PENDING = 1;
     */
    PENDING = 1,
    /**
     * Being provisioned.
     *
     * @generated from enum value: RESOURCE_STATUS_PROVISIONING = 2;
     */
    PROVISIONING = 2,
    /**
     * Usable.
     *
     * @generated from enum value: RESOURCE_STATUS_READY = 3;
     */
    READY = 3,
    /**
     * Provisioning failed (error says why).
     *
     * @generated from enum value: RESOURCE_STATUS_ERROR = 4;
     */
    ERROR = 4,
    /**
     * Removed.
     *
     * @generated from enum value: RESOURCE_STATUS_DELETED = 5;
     */
    DELETED = 5
}
/**
 * Describes the enum tessera.intelligence.v1.ResourceStatus.
 */
export declare const ResourceStatusSchema: GenEnum<ResourceStatus>;
/**
 * DeploymentStatus is where a deployment stands.
 *
 * @generated from enum tessera.intelligence.v1.DeploymentStatus
 */
export declare enum DeploymentStatus {
    /**
     * Not set.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * In progress.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_DEPLOYING = 1;
     */
    DEPLOYING = 1,
    /**
     * Deployed (url set).
     *
     * @generated from enum value: DEPLOYMENT_STATUS_SUCCESS = 2;
     */
    SUCCESS = 2,
    /**
     * Failed (error set).
     *
     * @generated from enum value: DEPLOYMENT_STATUS_FAILED = 3;
     */
    FAILED = 3
}
/**
 * Describes the enum tessera.intelligence.v1.DeploymentStatus.
 */
export declare const DeploymentStatusSchema: GenEnum<DeploymentStatus>;
/**
 * DeploymentTrigger is what started a deployment.
 *
 * @generated from enum tessera.intelligence.v1.DeploymentTrigger
 */
export declare enum DeploymentTrigger {
    /**
     * Not set: manual.
     *
     * @generated from enum value: DEPLOYMENT_TRIGGER_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A person.
     *
     * @generated from enum value: DEPLOYMENT_TRIGGER_MANUAL = 1;
     */
    MANUAL = 1,
    /**
     * A chat.
     *
     * @generated from enum value: DEPLOYMENT_TRIGGER_CHAT = 2;
     */
    CHAT = 2,
    /**
     * Auto-deploy on a new snapshot.
     *
     * @generated from enum value: DEPLOYMENT_TRIGGER_AUTO = 3;
     */
    AUTO = 3
}
/**
 * Describes the enum tessera.intelligence.v1.DeploymentTrigger.
 */
export declare const DeploymentTriggerSchema: GenEnum<DeploymentTrigger>;
/**
 * InfrastructureService holds a user's provider credentials and their projects' provisioned
 * resources. Tokens are write-only: no RPC returns them. A resource's connection details are
 * sealed and shown only by RevealConnectionInfo.
 *
 * @generated from service tessera.intelligence.v1.InfrastructureService
 */
export declare const InfrastructureService: GenService<{
    /**
     * SetProviderCredential stores (or replaces) the caller's API token for a provider.
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.SetProviderCredential
     */
    setProviderCredential: {
        methodKind: "unary";
        input: typeof SetProviderCredentialRequestSchema;
        output: typeof SetProviderCredentialResponseSchema;
    };
    /**
     * ListProviderCredentials lists the caller's credentials (never their tokens).
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.ListProviderCredentials
     */
    listProviderCredentials: {
        methodKind: "unary";
        input: typeof ListProviderCredentialsRequestSchema;
        output: typeof ListProviderCredentialsResponseSchema;
    };
    /**
     * DeleteProviderCredential deletes the caller's credential for a provider.
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.DeleteProviderCredential
     */
    deleteProviderCredential: {
        methodKind: "unary";
        input: typeof DeleteProviderCredentialRequestSchema;
        output: typeof DeleteProviderCredentialResponseSchema;
    };
    /**
     * CreateResource records a resource to provision for a project (status pending).
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.CreateResource
     */
    createResource: {
        methodKind: "unary";
        input: typeof CreateResourceRequestSchema;
        output: typeof CreateResourceResponseSchema;
    };
    /**
     * GetResource returns a resource (without its connection details).
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.GetResource
     */
    getResource: {
        methodKind: "unary";
        input: typeof GetResourceRequestSchema;
        output: typeof GetResourceResponseSchema;
    };
    /**
     * ListResources lists a project's resources, newest first, optionally of one type.
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.ListResources
     */
    listResources: {
        methodKind: "unary";
        input: typeof ListResourcesRequestSchema;
        output: typeof ListResourcesResponseSchema;
    };
    /**
     * SetResourceStatus moves a resource: pending -> provisioning -> ready or error,
     * error -> provisioning, any -> deleted (FAILED_PRECONDITION with ErrorInfo
     * INVALID_TRANSITION otherwise). Moving to ready may set the connection details.
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.SetResourceStatus
     */
    setResourceStatus: {
        methodKind: "unary";
        input: typeof SetResourceStatusRequestSchema;
        output: typeof SetResourceStatusResponseSchema;
    };
    /**
     * RevealConnectionInfo returns a resource's connection details (the owner's explicit read).
     *
     * @generated from rpc tessera.intelligence.v1.InfrastructureService.RevealConnectionInfo
     */
    revealConnectionInfo: {
        methodKind: "unary";
        input: typeof RevealConnectionInfoRequestSchema;
        output: typeof RevealConnectionInfoResponseSchema;
    };
}>;
/**
 * DeploymentService holds each workspace's deployment settings and its deployments.
 *
 * @generated from service tessera.intelligence.v1.DeploymentService
 */
export declare const DeploymentService: GenService<{
    /**
     * GetDeploymentSettings returns a workspace's settings (the defaults when never set).
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.GetDeploymentSettings
     */
    getDeploymentSettings: {
        methodKind: "unary";
        input: typeof GetDeploymentSettingsRequestSchema;
        output: typeof GetDeploymentSettingsResponseSchema;
    };
    /**
     * PutDeploymentSettings replaces a workspace's settings.
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.PutDeploymentSettings
     */
    putDeploymentSettings: {
        methodKind: "unary";
        input: typeof PutDeploymentSettingsRequestSchema;
        output: typeof PutDeploymentSettingsResponseSchema;
    };
    /**
     * StartDeployment starts deploying a snapshot of the workspace's project (by default the
     * workspace's current one). A workspace has at most one deployment in progress:
     * FAILED_PRECONDITION otherwise.
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.StartDeployment
     */
    startDeployment: {
        methodKind: "unary";
        input: typeof StartDeploymentRequestSchema;
        output: typeof StartDeploymentResponseSchema;
    };
    /**
     * FinishDeployment ends a deployment in progress: success with its URL, or failed with an
     * error (FAILED_PRECONDITION if it already ended).
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.FinishDeployment
     */
    finishDeployment: {
        methodKind: "unary";
        input: typeof FinishDeploymentRequestSchema;
        output: typeof FinishDeploymentResponseSchema;
    };
    /**
     * GetDeployment returns a deployment.
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.GetDeployment
     */
    getDeployment: {
        methodKind: "unary";
        input: typeof GetDeploymentRequestSchema;
        output: typeof GetDeploymentResponseSchema;
    };
    /**
     * ListDeployments lists a workspace's or a project's deployments, most recent first.
     *
     * @generated from rpc tessera.intelligence.v1.DeploymentService.ListDeployments
     */
    listDeployments: {
        methodKind: "unary";
        input: typeof ListDeploymentsRequestSchema;
        output: typeof ListDeploymentsResponseSchema;
    };
}>;
