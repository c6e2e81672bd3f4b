import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Actor } from "./activity_pb.js";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/workspaces.proto.
 */
export declare const file_tessera_intelligence_v1_workspaces: GenFile;
/**
 * Workspace is a working copy of a project on one machine.
 *
 * @generated from message tessera.intelligence.v1.Workspace
 */
export type Workspace = Message<"tessera.intelligence.v1.Workspace"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only (immutable).
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * Required. 1 to 200 characters.
     *
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * The machine, 1 to 200 characters; empty when not set.
     *
     * @generated from field: string machine_id = 4;
     */
    machineId: string;
    /**
     * Immutable. The snapshot the workspace was forked from; empty when none.
     *
     * @generated from field: string base_snapshot_id = 5;
     */
    baseSnapshotId: string;
    /**
     * Output only. The latest snapshot pushed from or merged into it.
     *
     * @generated from field: string current_snapshot_id = 6;
     */
    currentSnapshotId: string;
    /**
     * The manifest hash of the uncommitted tree (32 bytes); empty when clean or unknown.
     *
     * @generated from field: bytes current_manifest_hash = 7;
     */
    currentManifestHash: Uint8Array;
    /**
     * The absolute path on the machine, at most 4096 bytes; empty when not set.
     *
     * @generated from field: string local_path = 8;
     */
    localPath: string;
    /**
     * Output only. The last heartbeat.
     *
     * @generated from field: google.protobuf.Timestamp last_seen_time = 9;
     */
    lastSeenTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 10;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only. Starts at 1, adds 1 per update.
     *
     * @generated from field: int64 version = 11;
     */
    version: bigint;
    /**
     * Output only. Per source workspace id: {"last_merged_snapshot": id, "merged_at": time}.
     *
     * @generated from field: google.protobuf.Struct merge_history = 12;
     */
    mergeHistory?: JsonObject | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Workspace.
 * Use `create(WorkspaceSchema)` to create a new message.
 */
export declare const WorkspaceSchema: GenMessage<Workspace>;
/**
 * CreateWorkspaceRequest is the input of WorkspaceService.CreateWorkspace.
 *
 * @generated from message tessera.intelligence.v1.CreateWorkspaceRequest
 */
export type CreateWorkspaceRequest = Message<"tessera.intelligence.v1.CreateWorkspaceRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: name; optional: machine_id, base_snapshot_id, local_path.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 2;
     */
    workspace?: Workspace | undefined;
    /**
     * Who asks, for the activity log: ACTOR_CLI or ACTOR_WEB (the default).
     *
     * @generated from field: tessera.intelligence.v1.Actor actor = 3;
     */
    actor: Actor;
};
/**
 * Describes the message tessera.intelligence.v1.CreateWorkspaceRequest.
 * Use `create(CreateWorkspaceRequestSchema)` to create a new message.
 */
export declare const CreateWorkspaceRequestSchema: GenMessage<CreateWorkspaceRequest>;
/**
 * CreateWorkspaceResponse is the output of WorkspaceService.CreateWorkspace.
 *
 * @generated from message tessera.intelligence.v1.CreateWorkspaceResponse
 */
export type CreateWorkspaceResponse = Message<"tessera.intelligence.v1.CreateWorkspaceResponse"> & {
    /**
     * The new workspace.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 1;
     */
    workspace?: Workspace | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateWorkspaceResponse.
 * Use `create(CreateWorkspaceResponseSchema)` to create a new message.
 */
export declare const CreateWorkspaceResponseSchema: GenMessage<CreateWorkspaceResponse>;
/**
 * GetWorkspaceRequest is the input of WorkspaceService.GetWorkspace.
 *
 * @generated from message tessera.intelligence.v1.GetWorkspaceRequest
 */
export type GetWorkspaceRequest = Message<"tessera.intelligence.v1.GetWorkspaceRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetWorkspaceRequest.
 * Use `create(GetWorkspaceRequestSchema)` to create a new message.
 */
export declare const GetWorkspaceRequestSchema: GenMessage<GetWorkspaceRequest>;
/**
 * GetWorkspaceResponse is the output of WorkspaceService.GetWorkspace.
 *
 * @generated from message tessera.intelligence.v1.GetWorkspaceResponse
 */
export type GetWorkspaceResponse = Message<"tessera.intelligence.v1.GetWorkspaceResponse"> & {
    /**
     * The workspace.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 1;
     */
    workspace?: Workspace | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetWorkspaceResponse.
 * Use `create(GetWorkspaceResponseSchema)` to create a new message.
 */
export declare const GetWorkspaceResponseSchema: GenMessage<GetWorkspaceResponse>;
/**
 * ListWorkspacesRequest is the input of WorkspaceService.ListWorkspaces.
 *
 * @generated from message tessera.intelligence.v1.ListWorkspacesRequest
 */
export type ListWorkspacesRequest = Message<"tessera.intelligence.v1.ListWorkspacesRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 2;
     */
    pageSize: number;
    /**
     * From a previous response.
     *
     * @generated from field: string page_token = 3;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListWorkspacesRequest.
 * Use `create(ListWorkspacesRequestSchema)` to create a new message.
 */
export declare const ListWorkspacesRequestSchema: GenMessage<ListWorkspacesRequest>;
/**
 * ListWorkspacesResponse is the output of WorkspaceService.ListWorkspaces.
 *
 * @generated from message tessera.intelligence.v1.ListWorkspacesResponse
 */
export type ListWorkspacesResponse = Message<"tessera.intelligence.v1.ListWorkspacesResponse"> & {
    /**
     * Oldest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Workspace workspaces = 1;
     */
    workspaces: Workspace[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListWorkspacesResponse.
 * Use `create(ListWorkspacesResponseSchema)` to create a new message.
 */
export declare const ListWorkspacesResponseSchema: GenMessage<ListWorkspacesResponse>;
/**
 * UpdateWorkspaceRequest is the input of WorkspaceService.UpdateWorkspace.
 *
 * @generated from message tessera.intelligence.v1.UpdateWorkspaceRequest
 */
export type UpdateWorkspaceRequest = Message<"tessera.intelligence.v1.UpdateWorkspaceRequest"> & {
    /**
     * Required: id, version (the one read) and the fields named in `update_mask`.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 1;
     */
    workspace?: Workspace | undefined;
    /**
     * Required. Any of name, machine_id, local_path, current_manifest_hash.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateWorkspaceRequest.
 * Use `create(UpdateWorkspaceRequestSchema)` to create a new message.
 */
export declare const UpdateWorkspaceRequestSchema: GenMessage<UpdateWorkspaceRequest>;
/**
 * UpdateWorkspaceResponse is the output of WorkspaceService.UpdateWorkspace.
 *
 * @generated from message tessera.intelligence.v1.UpdateWorkspaceResponse
 */
export type UpdateWorkspaceResponse = Message<"tessera.intelligence.v1.UpdateWorkspaceResponse"> & {
    /**
     * The workspace as stored, with its new version.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 1;
     */
    workspace?: Workspace | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateWorkspaceResponse.
 * Use `create(UpdateWorkspaceResponseSchema)` to create a new message.
 */
export declare const UpdateWorkspaceResponseSchema: GenMessage<UpdateWorkspaceResponse>;
/**
 * HeartbeatRequest is the input of WorkspaceService.Heartbeat.
 *
 * @generated from message tessera.intelligence.v1.HeartbeatRequest
 */
export type HeartbeatRequest = Message<"tessera.intelligence.v1.HeartbeatRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.HeartbeatRequest.
 * Use `create(HeartbeatRequestSchema)` to create a new message.
 */
export declare const HeartbeatRequestSchema: GenMessage<HeartbeatRequest>;
/**
 * HeartbeatResponse is the output of WorkspaceService.Heartbeat.
 *
 * @generated from message tessera.intelligence.v1.HeartbeatResponse
 */
export type HeartbeatResponse = Message<"tessera.intelligence.v1.HeartbeatResponse"> & {
    /**
     * When it was recorded.
     *
     * @generated from field: google.protobuf.Timestamp last_seen_time = 1;
     */
    lastSeenTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.HeartbeatResponse.
 * Use `create(HeartbeatResponseSchema)` to create a new message.
 */
export declare const HeartbeatResponseSchema: GenMessage<HeartbeatResponse>;
/**
 * DeleteWorkspaceRequest is the input of WorkspaceService.DeleteWorkspace.
 *
 * @generated from message tessera.intelligence.v1.DeleteWorkspaceRequest
 */
export type DeleteWorkspaceRequest = Message<"tessera.intelligence.v1.DeleteWorkspaceRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteWorkspaceRequest.
 * Use `create(DeleteWorkspaceRequestSchema)` to create a new message.
 */
export declare const DeleteWorkspaceRequestSchema: GenMessage<DeleteWorkspaceRequest>;
/**
 * DeleteWorkspaceResponse is the output of WorkspaceService.DeleteWorkspace.
 *
 * @generated from message tessera.intelligence.v1.DeleteWorkspaceResponse
 */
export type DeleteWorkspaceResponse = Message<"tessera.intelligence.v1.DeleteWorkspaceResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteWorkspaceResponse.
 * Use `create(DeleteWorkspaceResponseSchema)` to create a new message.
 */
export declare const DeleteWorkspaceResponseSchema: GenMessage<DeleteWorkspaceResponse>;
/**
 * WorkspaceService holds a project's workspaces: working copies of it on machines. Only the
 * project's owner sees them (else NOT_FOUND). Updates are optimistic: each names the
 * `version` it read; another version is ABORTED (nothing changes), success adds 1.
 *
 * @generated from service tessera.intelligence.v1.WorkspaceService
 */
export declare const WorkspaceService: GenService<{
    /**
     * CreateWorkspace creates a workspace (activity `workspace.created`). A base snapshot, if
     * named, must be of the project; the workspace starts at it.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.CreateWorkspace
     */
    createWorkspace: {
        methodKind: "unary";
        input: typeof CreateWorkspaceRequestSchema;
        output: typeof CreateWorkspaceResponseSchema;
    };
    /**
     * GetWorkspace returns a workspace.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.GetWorkspace
     */
    getWorkspace: {
        methodKind: "unary";
        input: typeof GetWorkspaceRequestSchema;
        output: typeof GetWorkspaceResponseSchema;
    };
    /**
     * ListWorkspaces lists a project's workspaces, oldest first.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.ListWorkspaces
     */
    listWorkspaces: {
        methodKind: "unary";
        input: typeof ListWorkspacesRequestSchema;
        output: typeof ListWorkspacesResponseSchema;
    };
    /**
     * UpdateWorkspace changes the fields named in `update_mask` (name, machine_id, local_path,
     * current_manifest_hash) at `version`.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.UpdateWorkspace
     */
    updateWorkspace: {
        methodKind: "unary";
        input: typeof UpdateWorkspaceRequestSchema;
        output: typeof UpdateWorkspaceResponseSchema;
    };
    /**
     * Heartbeat records that the workspace's machine is alive (last_seen_at); no version bump.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.Heartbeat
     */
    heartbeat: {
        methodKind: "unary";
        input: typeof HeartbeatRequestSchema;
        output: typeof HeartbeatResponseSchema;
    };
    /**
     * DeleteWorkspace deletes a workspace with its drift reports, previews and conversations;
     * its snapshots stay in the project (unattributed), as does its activity.
     *
     * @generated from rpc tessera.intelligence.v1.WorkspaceService.DeleteWorkspace
     */
    deleteWorkspace: {
        methodKind: "unary";
        input: typeof DeleteWorkspaceRequestSchema;
        output: typeof DeleteWorkspaceResponseSchema;
    };
}>;
