import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Actor } from "./activity_pb.js";
import type { Workspace } from "./workspaces_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/snapshots.proto.
 */
export declare const file_tessera_intelligence_v1_snapshots: GenFile;
/**
 * Snapshot is an immutable capture of a file tree.
 *
 * @generated from message tessera.intelligence.v1.Snapshot
 */
export type Snapshot = Message<"tessera.intelligence.v1.Snapshot"> & {
    /**
     * `snap-` and a ULID.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The project.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * The workspace that pushed it; empty when none (or deleted since).
     *
     * @generated from field: string workspace_id = 3;
     */
    workspaceId: string;
    /**
     * SHA-256 of the manifest bytes (32 bytes).
     *
     * @generated from field: bytes manifest_hash = 4;
     */
    manifestHash: Uint8Array;
    /**
     * The snapshots it descends from (none for a first push, two for a merge).
     *
     * @generated from field: repeated string parent_snapshot_ids = 5;
     */
    parentSnapshotIds: string[];
    /**
     * Who made it.
     *
     * @generated from field: tessera.intelligence.v1.Actor source = 6;
     */
    source: Actor;
    /**
     * A description of the changes; empty until set.
     *
     * @generated from field: string summary = 7;
     */
    summary: string;
    /**
     * Files in the tree.
     *
     * @generated from field: int64 entry_count = 8;
     */
    entryCount: bigint;
    /**
     * Bytes of all files in the tree.
     *
     * @generated from field: int64 total_size = 9;
     */
    totalSize: bigint;
    /**
     * When it was made.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 10;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Snapshot.
 * Use `create(SnapshotSchema)` to create a new message.
 */
export declare const SnapshotSchema: GenMessage<Snapshot>;
/**
 * SnapshotSpec opens a CreateSnapshot stream.
 *
 * @generated from message tessera.intelligence.v1.SnapshotSpec
 */
export type SnapshotSpec = Message<"tessera.intelligence.v1.SnapshotSpec"> & {
    /**
     * Required. A client-chosen UUID: a retry with the same id returns the original snapshot
     * (another manifest under it is ALREADY_EXISTS).
     *
     * @generated from field: string request_id = 1;
     */
    requestId: string;
    /**
     * Required. The workspace pushing.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * Required. The workspace version the client read.
     *
     * @generated from field: int64 workspace_version = 3;
     */
    workspaceVersion: bigint;
    /**
     * The parents, at most 16, each a snapshot of the project; empty: the workspace's current
     * snapshot (none for a first push).
     *
     * @generated from field: repeated string parent_snapshot_ids = 4;
     */
    parentSnapshotIds: string[];
    /**
     * ACTOR_CLI (the default), ACTOR_WEB.
     *
     * @generated from field: tessera.intelligence.v1.Actor source = 5;
     */
    source: Actor;
    /**
     * Required. SHA-256 of the manifest bytes to come (32 bytes).
     *
     * @generated from field: bytes manifest_sha256 = 6;
     */
    manifestSha256: Uint8Array;
    /**
     * Required. Their size: 1 byte to 256 MiB.
     *
     * @generated from field: int64 manifest_size = 7;
     */
    manifestSize: bigint;
};
/**
 * Describes the message tessera.intelligence.v1.SnapshotSpec.
 * Use `create(SnapshotSpecSchema)` to create a new message.
 */
export declare const SnapshotSpecSchema: GenMessage<SnapshotSpec>;
/**
 * CreateSnapshotRequest is one message of SnapshotService.CreateSnapshot: `spec` first, then
 * the manifest in chunks.
 *
 * @generated from message tessera.intelligence.v1.CreateSnapshotRequest
 */
export type CreateSnapshotRequest = Message<"tessera.intelligence.v1.CreateSnapshotRequest"> & {
    /**
     * The spec or a chunk of the manifest.
     *
     * @generated from oneof tessera.intelligence.v1.CreateSnapshotRequest.message
     */
    message: {
        /**
         * The first message.
         *
         * @generated from field: tessera.intelligence.v1.SnapshotSpec spec = 1;
         */
        value: SnapshotSpec;
        case: "spec";
    } | {
        /**
         * Manifest bytes, at most 2 MiB per message.
         *
         * @generated from field: bytes chunk = 2;
         */
        value: Uint8Array;
        case: "chunk";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.intelligence.v1.CreateSnapshotRequest.
 * Use `create(CreateSnapshotRequestSchema)` to create a new message.
 */
export declare const CreateSnapshotRequestSchema: GenMessage<CreateSnapshotRequest>;
/**
 * CreateSnapshotResponse is the output of SnapshotService.CreateSnapshot.
 *
 * @generated from message tessera.intelligence.v1.CreateSnapshotResponse
 */
export type CreateSnapshotResponse = Message<"tessera.intelligence.v1.CreateSnapshotResponse"> & {
    /**
     * The snapshot (the original one for a retried request_id).
     *
     * @generated from field: tessera.intelligence.v1.Snapshot snapshot = 1;
     */
    snapshot?: Snapshot | undefined;
    /**
     * The workspace as it is now (its new version).
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 2;
     */
    workspace?: Workspace | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateSnapshotResponse.
 * Use `create(CreateSnapshotResponseSchema)` to create a new message.
 */
export declare const CreateSnapshotResponseSchema: GenMessage<CreateSnapshotResponse>;
/**
 * GetSnapshotRequest is the input of SnapshotService.GetSnapshot.
 *
 * @generated from message tessera.intelligence.v1.GetSnapshotRequest
 */
export type GetSnapshotRequest = Message<"tessera.intelligence.v1.GetSnapshotRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string snapshot_id = 1;
     */
    snapshotId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetSnapshotRequest.
 * Use `create(GetSnapshotRequestSchema)` to create a new message.
 */
export declare const GetSnapshotRequestSchema: GenMessage<GetSnapshotRequest>;
/**
 * GetSnapshotResponse is the output of SnapshotService.GetSnapshot.
 *
 * @generated from message tessera.intelligence.v1.GetSnapshotResponse
 */
export type GetSnapshotResponse = Message<"tessera.intelligence.v1.GetSnapshotResponse"> & {
    /**
     * The snapshot.
     *
     * @generated from field: tessera.intelligence.v1.Snapshot snapshot = 1;
     */
    snapshot?: Snapshot | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetSnapshotResponse.
 * Use `create(GetSnapshotResponseSchema)` to create a new message.
 */
export declare const GetSnapshotResponseSchema: GenMessage<GetSnapshotResponse>;
/**
 * ListSnapshotsRequest is the input of SnapshotService.ListSnapshots.
 *
 * @generated from message tessera.intelligence.v1.ListSnapshotsRequest
 */
export type ListSnapshotsRequest = Message<"tessera.intelligence.v1.ListSnapshotsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only this workspace's snapshots.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 3;
     */
    pageSize: number;
    /**
     * From a previous response (with the same filters).
     *
     * @generated from field: string page_token = 4;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListSnapshotsRequest.
 * Use `create(ListSnapshotsRequestSchema)` to create a new message.
 */
export declare const ListSnapshotsRequestSchema: GenMessage<ListSnapshotsRequest>;
/**
 * ListSnapshotsResponse is the output of SnapshotService.ListSnapshots.
 *
 * @generated from message tessera.intelligence.v1.ListSnapshotsResponse
 */
export type ListSnapshotsResponse = Message<"tessera.intelligence.v1.ListSnapshotsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Snapshot snapshots = 1;
     */
    snapshots: Snapshot[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListSnapshotsResponse.
 * Use `create(ListSnapshotsResponseSchema)` to create a new message.
 */
export declare const ListSnapshotsResponseSchema: GenMessage<ListSnapshotsResponse>;
/**
 * GetManifestRequest is the input of SnapshotService.GetManifest.
 *
 * @generated from message tessera.intelligence.v1.GetManifestRequest
 */
export type GetManifestRequest = Message<"tessera.intelligence.v1.GetManifestRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string snapshot_id = 1;
     */
    snapshotId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetManifestRequest.
 * Use `create(GetManifestRequestSchema)` to create a new message.
 */
export declare const GetManifestRequestSchema: GenMessage<GetManifestRequest>;
/**
 * GetManifestResponse is one message of SnapshotService.GetManifest.
 *
 * @generated from message tessera.intelligence.v1.GetManifestResponse
 */
export type GetManifestResponse = Message<"tessera.intelligence.v1.GetManifestResponse"> & {
    /**
     * The next manifest bytes, at most 1 MiB.
     *
     * @generated from field: bytes chunk = 1;
     */
    chunk: Uint8Array;
};
/**
 * Describes the message tessera.intelligence.v1.GetManifestResponse.
 * Use `create(GetManifestResponseSchema)` to create a new message.
 */
export declare const GetManifestResponseSchema: GenMessage<GetManifestResponse>;
/**
 * SetSnapshotSummaryRequest is the input of SnapshotService.SetSnapshotSummary.
 *
 * @generated from message tessera.intelligence.v1.SetSnapshotSummaryRequest
 */
export type SetSnapshotSummaryRequest = Message<"tessera.intelligence.v1.SetSnapshotSummaryRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string snapshot_id = 1;
     */
    snapshotId: string;
    /**
     * Required. 1 to 10,000 characters.
     *
     * @generated from field: string summary = 2;
     */
    summary: string;
};
/**
 * Describes the message tessera.intelligence.v1.SetSnapshotSummaryRequest.
 * Use `create(SetSnapshotSummaryRequestSchema)` to create a new message.
 */
export declare const SetSnapshotSummaryRequestSchema: GenMessage<SetSnapshotSummaryRequest>;
/**
 * SetSnapshotSummaryResponse is the output of SnapshotService.SetSnapshotSummary.
 *
 * @generated from message tessera.intelligence.v1.SetSnapshotSummaryResponse
 */
export type SetSnapshotSummaryResponse = Message<"tessera.intelligence.v1.SetSnapshotSummaryResponse"> & {
    /**
     * The snapshot with its summary.
     *
     * @generated from field: tessera.intelligence.v1.Snapshot snapshot = 1;
     */
    snapshot?: Snapshot | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetSnapshotSummaryResponse.
 * Use `create(SetSnapshotSummaryResponseSchema)` to create a new message.
 */
export declare const SetSnapshotSummaryResponseSchema: GenMessage<SetSnapshotSummaryResponse>;
/**
 * SnapshotService holds a project's snapshots: immutable captures of a workspace's file tree,
 * forming a DAG through their parents. The tree is a manifest (canonical JSON, RFC 8785, of
 * {"entries":[{"kind","path","sha256","size"}...],"version":1}, sorted by path bytes), stored
 * with the file blobs in vault-storage for the project's owner. Only the owner sees them.
 *
 * @generated from service tessera.intelligence.v1.SnapshotService
 */
export declare const SnapshotService: GenService<{
    /**
     * CreateSnapshot pushes a workspace's tree: `spec` (with the workspace version read and the
     * manifest's SHA-256 and size), then the manifest in chunks. Bytes that are not a canonical
     * manifest are INVALID_ARGUMENT naming the first bad entry; blobs the owner does not hold in
     * vault-storage are FAILED_PRECONDITION, one violation per missing digest (the first 20),
     * and nothing is stored; another workspace version is ABORTED. On success the snapshot is
     * stored, the workspace moves to it (version + 1) and so does the project's
     * last_snapshot_id (activity `snapshot.pushed`). The same request_id returns the original
     * snapshot.
     *
     * @generated from rpc tessera.intelligence.v1.SnapshotService.CreateSnapshot
     */
    createSnapshot: {
        methodKind: "client_streaming";
        input: typeof CreateSnapshotRequestSchema;
        output: typeof CreateSnapshotResponseSchema;
    };
    /**
     * GetSnapshot returns a snapshot.
     *
     * @generated from rpc tessera.intelligence.v1.SnapshotService.GetSnapshot
     */
    getSnapshot: {
        methodKind: "unary";
        input: typeof GetSnapshotRequestSchema;
        output: typeof GetSnapshotResponseSchema;
    };
    /**
     * ListSnapshots lists a project's snapshots newest first, optionally one workspace's.
     *
     * @generated from rpc tessera.intelligence.v1.SnapshotService.ListSnapshots
     */
    listSnapshots: {
        methodKind: "unary";
        input: typeof ListSnapshotsRequestSchema;
        output: typeof ListSnapshotsResponseSchema;
    };
    /**
     * GetManifest streams a snapshot's manifest bytes (canonical JSON) in chunks of 1 MiB.
     *
     * @generated from rpc tessera.intelligence.v1.SnapshotService.GetManifest
     */
    getManifest: {
        methodKind: "server_streaming";
        input: typeof GetManifestRequestSchema;
        output: typeof GetManifestResponseSchema;
    };
    /**
     * SetSnapshotSummary fills a snapshot's summary, once: a snapshot that has one is
     * FAILED_PRECONDITION (snapshots are immutable but for this).
     *
     * @generated from rpc tessera.intelligence.v1.SnapshotService.SetSnapshotSummary
     */
    setSnapshotSummary: {
        methodKind: "unary";
        input: typeof SetSnapshotSummaryRequestSchema;
        output: typeof SetSnapshotSummaryResponseSchema;
    };
}>;
