import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Actor } from "./activity_pb.js";
import type { Snapshot } from "./snapshots_pb.js";
import type { Workspace } from "./workspaces_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/drift.proto.
 */
export declare const file_tessera_intelligence_v1_drift: GenFile;
/**
 * DriftSource names the tree a workspace is compared with.
 *
 * @generated from message tessera.intelligence.v1.DriftSource
 */
export type DriftSource = Message<"tessera.intelligence.v1.DriftSource"> & {
    /**
     * One of them is required.
     *
     * @generated from oneof tessera.intelligence.v1.DriftSource.source
     */
    source: {
        /**
         * Another workspace of the project (its current snapshot).
         *
         * @generated from field: string workspace_id = 1;
         */
        value: string;
        case: "workspaceId";
    } | {
        /**
         * The project's main workspace (its current snapshot).
         *
         * @generated from field: bool main_workspace = 2;
         */
        value: boolean;
        case: "mainWorkspace";
    } | {
        /**
         * A snapshot of the project.
         *
         * @generated from field: string snapshot_id = 3;
         */
        value: string;
        case: "snapshotId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.intelligence.v1.DriftSource.
 * Use `create(DriftSourceSchema)` to create a new message.
 */
export declare const DriftSourceSchema: GenMessage<DriftSource>;
/**
 * Rename is a path only the source has and a path only the workspace has with the same kind
 * and content.
 *
 * @generated from message tessera.intelligence.v1.Rename
 */
export type Rename = Message<"tessera.intelligence.v1.Rename"> & {
    /**
     * The source's path.
     *
     * @generated from field: string from = 1;
     */
    from: string;
    /**
     * The workspace's path.
     *
     * @generated from field: string to = 2;
     */
    to: string;
};
/**
 * Describes the message tessera.intelligence.v1.Rename.
 * Use `create(RenameSchema)` to create a new message.
 */
export declare const RenameSchema: GenMessage<Rename>;
/**
 * TwoWay is how the workspace's tree differs from the source's.
 *
 * @generated from message tessera.intelligence.v1.TwoWay
 */
export type TwoWay = Message<"tessera.intelligence.v1.TwoWay"> & {
    /**
     * Paths only the source has (deleted in the workspace), renames excluded.
     *
     * @generated from field: repeated string source_only = 1;
     */
    sourceOnly: string[];
    /**
     * Paths only the workspace has (added), renames excluded.
     *
     * @generated from field: repeated string workspace_only = 2;
     */
    workspaceOnly: string[];
    /**
     * Paths both have alike; filled only with `include_unchanged`.
     *
     * @generated from field: repeated string both_same = 3;
     */
    bothSame: string[];
    /**
     * Paths both have with another kind or content.
     *
     * @generated from field: repeated string both_different = 4;
     */
    bothDifferent: string[];
    /**
     * Paths matched by content instead of counting as added and deleted.
     *
     * @generated from field: repeated tessera.intelligence.v1.Rename renamed = 5;
     */
    renamed: Rename[];
    /**
     * Files added.
     *
     * @generated from field: int64 files_added = 6;
     */
    filesAdded: bigint;
    /**
     * Files deleted.
     *
     * @generated from field: int64 files_deleted = 7;
     */
    filesDeleted: bigint;
    /**
     * Files modified.
     *
     * @generated from field: int64 files_modified = 8;
     */
    filesModified: bigint;
    /**
     * Added and modified sizes on the workspace side, plus deleted sizes.
     *
     * @generated from field: int64 bytes_changed = 9;
     */
    bytesChanged: bigint;
};
/**
 * Describes the message tessera.intelligence.v1.TwoWay.
 * Use `create(TwoWaySchema)` to create a new message.
 */
export declare const TwoWaySchema: GenMessage<TwoWay>;
/**
 * ThreeWay is what each side changed since the merge base.
 *
 * @generated from message tessera.intelligence.v1.ThreeWay
 */
export type ThreeWay = Message<"tessera.intelligence.v1.ThreeWay"> & {
    /**
     * The merge base; empty when the two share no history.
     *
     * @generated from field: string merge_base_snapshot_id = 1;
     */
    mergeBaseSnapshotId: string;
    /**
     * True when there is no common ancestor: every path both have differently is a conflict.
     *
     * @generated from field: bool no_common_ancestor = 2;
     */
    noCommonAncestor: boolean;
    /**
     * Paths only the workspace changed.
     *
     * @generated from field: repeated string changed_in_workspace = 3;
     */
    changedInWorkspace: string[];
    /**
     * Paths only the source changed.
     *
     * @generated from field: repeated string changed_in_source = 4;
     */
    changedInSource: string[];
    /**
     * Paths both changed the same way.
     *
     * @generated from field: repeated string changed_alike = 5;
     */
    changedAlike: string[];
    /**
     * Paths both changed differently.
     *
     * @generated from field: repeated string conflicts = 6;
     */
    conflicts: string[];
};
/**
 * Describes the message tessera.intelligence.v1.ThreeWay.
 * Use `create(ThreeWaySchema)` to create a new message.
 */
export declare const ThreeWaySchema: GenMessage<ThreeWay>;
/**
 * ComputeDriftRequest is the input of DriftService.ComputeDrift.
 *
 * @generated from message tessera.intelligence.v1.ComputeDriftRequest
 */
export type ComputeDriftRequest = Message<"tessera.intelligence.v1.ComputeDriftRequest"> & {
    /**
     * Required. The workspace (its current snapshot is compared).
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Required. What it is compared with.
     *
     * @generated from field: tessera.intelligence.v1.DriftSource source = 2;
     */
    source?: DriftSource | undefined;
    /**
     * Also compare over the merge base.
     *
     * @generated from field: bool three_way = 3;
     */
    threeWay: boolean;
    /**
     * Store the two-way result as a drift report.
     *
     * @generated from field: bool persist = 4;
     */
    persist: boolean;
    /**
     * List the paths both have alike (a large tree's list can exceed the message limit).
     *
     * @generated from field: bool include_unchanged = 5;
     */
    includeUnchanged: boolean;
    /**
     * Who asks, for the activity log: ACTOR_CLI or ACTOR_WEB (the default).
     *
     * @generated from field: tessera.intelligence.v1.Actor actor = 6;
     */
    actor: Actor;
};
/**
 * Describes the message tessera.intelligence.v1.ComputeDriftRequest.
 * Use `create(ComputeDriftRequestSchema)` to create a new message.
 */
export declare const ComputeDriftRequestSchema: GenMessage<ComputeDriftRequest>;
/**
 * ComputeDriftResponse is the output of DriftService.ComputeDrift.
 *
 * @generated from message tessera.intelligence.v1.ComputeDriftResponse
 */
export type ComputeDriftResponse = Message<"tessera.intelligence.v1.ComputeDriftResponse"> & {
    /**
     * The workspace's snapshot compared.
     *
     * @generated from field: string workspace_snapshot_id = 1;
     */
    workspaceSnapshotId: string;
    /**
     * The source's snapshot compared.
     *
     * @generated from field: string source_snapshot_id = 2;
     */
    sourceSnapshotId: string;
    /**
     * The two-way comparison.
     *
     * @generated from field: tessera.intelligence.v1.TwoWay two_way = 3;
     */
    twoWay?: TwoWay | undefined;
    /**
     * The three-way comparison, when asked for.
     *
     * @generated from field: tessera.intelligence.v1.ThreeWay three_way = 4;
     */
    threeWay?: ThreeWay | undefined;
    /**
     * The stored report's id, with `persist`.
     *
     * @generated from field: string report_id = 5;
     */
    reportId: string;
};
/**
 * Describes the message tessera.intelligence.v1.ComputeDriftResponse.
 * Use `create(ComputeDriftResponseSchema)` to create a new message.
 */
export declare const ComputeDriftResponseSchema: GenMessage<ComputeDriftResponse>;
/**
 * DriftReport is a stored two-way comparison.
 *
 * @generated from message tessera.intelligence.v1.DriftReport
 */
export type DriftReport = Message<"tessera.intelligence.v1.DriftReport"> & {
    /**
     * UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The workspace compared.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * The workspace compared with; empty for a snapshot source.
     *
     * @generated from field: string source_workspace_id = 3;
     */
    sourceWorkspaceId: string;
    /**
     * The snapshots compared.
     *
     * @generated from field: string workspace_snapshot_id = 4;
     */
    workspaceSnapshotId: string;
    /**
     * The snapshots compared.
     *
     * @generated from field: string source_snapshot_id = 5;
     */
    sourceSnapshotId: string;
    /**
     * The comparison (path lists only in GetDriftReport).
     *
     * @generated from field: tessera.intelligence.v1.TwoWay two_way = 6;
     */
    twoWay?: TwoWay | undefined;
    /**
     * When it was computed.
     *
     * @generated from field: google.protobuf.Timestamp report_time = 7;
     */
    reportTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.DriftReport.
 * Use `create(DriftReportSchema)` to create a new message.
 */
export declare const DriftReportSchema: GenMessage<DriftReport>;
/**
 * GetDriftReportRequest is the input of DriftService.GetDriftReport.
 *
 * @generated from message tessera.intelligence.v1.GetDriftReportRequest
 */
export type GetDriftReportRequest = Message<"tessera.intelligence.v1.GetDriftReportRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string report_id = 1;
     */
    reportId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetDriftReportRequest.
 * Use `create(GetDriftReportRequestSchema)` to create a new message.
 */
export declare const GetDriftReportRequestSchema: GenMessage<GetDriftReportRequest>;
/**
 * GetDriftReportResponse is the output of DriftService.GetDriftReport.
 *
 * @generated from message tessera.intelligence.v1.GetDriftReportResponse
 */
export type GetDriftReportResponse = Message<"tessera.intelligence.v1.GetDriftReportResponse"> & {
    /**
     * The report with its path lists.
     *
     * @generated from field: tessera.intelligence.v1.DriftReport report = 1;
     */
    report?: DriftReport | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetDriftReportResponse.
 * Use `create(GetDriftReportResponseSchema)` to create a new message.
 */
export declare const GetDriftReportResponseSchema: GenMessage<GetDriftReportResponse>;
/**
 * ListDriftReportsRequest is the input of DriftService.ListDriftReports.
 *
 * @generated from message tessera.intelligence.v1.ListDriftReportsRequest
 */
export type ListDriftReportsRequest = Message<"tessera.intelligence.v1.ListDriftReportsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
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
 * Describes the message tessera.intelligence.v1.ListDriftReportsRequest.
 * Use `create(ListDriftReportsRequestSchema)` to create a new message.
 */
export declare const ListDriftReportsRequestSchema: GenMessage<ListDriftReportsRequest>;
/**
 * ListDriftReportsResponse is the output of DriftService.ListDriftReports.
 *
 * @generated from message tessera.intelligence.v1.ListDriftReportsResponse
 */
export type ListDriftReportsResponse = Message<"tessera.intelligence.v1.ListDriftReportsResponse"> & {
    /**
     * Newest first, counts only.
     *
     * @generated from field: repeated tessera.intelligence.v1.DriftReport reports = 1;
     */
    reports: DriftReport[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDriftReportsResponse.
 * Use `create(ListDriftReportsResponseSchema)` to create a new message.
 */
export declare const ListDriftReportsResponseSchema: GenMessage<ListDriftReportsResponse>;
/**
 * SyncPreview is what merging a source into a workspace would do.
 *
 * @generated from message tessera.intelligence.v1.SyncPreview
 */
export type SyncPreview = Message<"tessera.intelligence.v1.SyncPreview"> & {
    /**
     * UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The workspace merged into.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * The workspace's version when the preview was made: ApplySync needs it unchanged.
     *
     * @generated from field: int64 workspace_version = 3;
     */
    workspaceVersion: bigint;
    /**
     * The workspace's snapshot.
     *
     * @generated from field: string workspace_snapshot_id = 4;
     */
    workspaceSnapshotId: string;
    /**
     * The source's snapshot.
     *
     * @generated from field: string source_snapshot_id = 5;
     */
    sourceSnapshotId: string;
    /**
     * The source workspace; empty for a snapshot source.
     *
     * @generated from field: string source_workspace_id = 6;
     */
    sourceWorkspaceId: string;
    /**
     * The comparison over the merge base.
     *
     * @generated from field: tessera.intelligence.v1.ThreeWay three_way = 7;
     */
    threeWay?: ThreeWay | undefined;
    /**
     * When it was made.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 8;
     */
    createTime?: Timestamp | undefined;
    /**
     * When it stops being usable.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 9;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SyncPreview.
 * Use `create(SyncPreviewSchema)` to create a new message.
 */
export declare const SyncPreviewSchema: GenMessage<SyncPreview>;
/**
 * CreateSyncPreviewRequest is the input of DriftService.CreateSyncPreview.
 *
 * @generated from message tessera.intelligence.v1.CreateSyncPreviewRequest
 */
export type CreateSyncPreviewRequest = Message<"tessera.intelligence.v1.CreateSyncPreviewRequest"> & {
    /**
     * Required. The workspace to merge into.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Required. What to merge.
     *
     * @generated from field: tessera.intelligence.v1.DriftSource source = 2;
     */
    source?: DriftSource | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateSyncPreviewRequest.
 * Use `create(CreateSyncPreviewRequestSchema)` to create a new message.
 */
export declare const CreateSyncPreviewRequestSchema: GenMessage<CreateSyncPreviewRequest>;
/**
 * CreateSyncPreviewResponse is the output of DriftService.CreateSyncPreview.
 *
 * @generated from message tessera.intelligence.v1.CreateSyncPreviewResponse
 */
export type CreateSyncPreviewResponse = Message<"tessera.intelligence.v1.CreateSyncPreviewResponse"> & {
    /**
     * The preview.
     *
     * @generated from field: tessera.intelligence.v1.SyncPreview preview = 1;
     */
    preview?: SyncPreview | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateSyncPreviewResponse.
 * Use `create(CreateSyncPreviewResponseSchema)` to create a new message.
 */
export declare const CreateSyncPreviewResponseSchema: GenMessage<CreateSyncPreviewResponse>;
/**
 * GetSyncPreviewRequest is the input of DriftService.GetSyncPreview.
 *
 * @generated from message tessera.intelligence.v1.GetSyncPreviewRequest
 */
export type GetSyncPreviewRequest = Message<"tessera.intelligence.v1.GetSyncPreviewRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string preview_id = 1;
     */
    previewId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetSyncPreviewRequest.
 * Use `create(GetSyncPreviewRequestSchema)` to create a new message.
 */
export declare const GetSyncPreviewRequestSchema: GenMessage<GetSyncPreviewRequest>;
/**
 * GetSyncPreviewResponse is the output of DriftService.GetSyncPreview.
 *
 * @generated from message tessera.intelligence.v1.GetSyncPreviewResponse
 */
export type GetSyncPreviewResponse = Message<"tessera.intelligence.v1.GetSyncPreviewResponse"> & {
    /**
     * The preview.
     *
     * @generated from field: tessera.intelligence.v1.SyncPreview preview = 1;
     */
    preview?: SyncPreview | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetSyncPreviewResponse.
 * Use `create(GetSyncPreviewResponseSchema)` to create a new message.
 */
export declare const GetSyncPreviewResponseSchema: GenMessage<GetSyncPreviewResponse>;
/**
 * ApplySyncRequest is the input of DriftService.ApplySync.
 *
 * @generated from message tessera.intelligence.v1.ApplySyncRequest
 */
export type ApplySyncRequest = Message<"tessera.intelligence.v1.ApplySyncRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string preview_id = 1;
     */
    previewId: string;
    /**
     * Required. The workspace version the client read.
     *
     * @generated from field: int64 workspace_version = 2;
     */
    workspaceVersion: bigint;
    /**
     * Who asks, for the activity log: ACTOR_CLI or ACTOR_WEB (the default).
     *
     * @generated from field: tessera.intelligence.v1.Actor actor = 3;
     */
    actor: Actor;
};
/**
 * Describes the message tessera.intelligence.v1.ApplySyncRequest.
 * Use `create(ApplySyncRequestSchema)` to create a new message.
 */
export declare const ApplySyncRequestSchema: GenMessage<ApplySyncRequest>;
/**
 * ApplySyncResponse is the output of DriftService.ApplySync.
 *
 * @generated from message tessera.intelligence.v1.ApplySyncResponse
 */
export type ApplySyncResponse = Message<"tessera.intelligence.v1.ApplySyncResponse"> & {
    /**
     * The merge snapshot.
     *
     * @generated from field: tessera.intelligence.v1.Snapshot snapshot = 1;
     */
    snapshot?: Snapshot | undefined;
    /**
     * The workspace at it, with its new version.
     *
     * @generated from field: tessera.intelligence.v1.Workspace workspace = 2;
     */
    workspace?: Workspace | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ApplySyncResponse.
 * Use `create(ApplySyncResponseSchema)` to create a new message.
 */
export declare const ApplySyncResponseSchema: GenMessage<ApplySyncResponse>;
/**
 * DriftService compares a workspace's tree (its current snapshot) with another tree, and
 * merges one into the other. Comparisons run on the server over the stored manifests. Only
 * the project's owner may use them.
 *
 * @generated from service tessera.intelligence.v1.DriftService
 */
export declare const DriftService: GenService<{
    /**
     * ComputeDrift compares the workspace with a source: two-way (what was added, deleted,
     * modified, renamed), and with `three_way` also over their merge base (the latest lowest
     * common ancestor in the snapshot DAG): what each side changed, and the conflicts. With
     * `persist` the two-way result is stored as a drift report (activity `drift.reported`).
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.ComputeDrift
     */
    computeDrift: {
        methodKind: "unary";
        input: typeof ComputeDriftRequestSchema;
        output: typeof ComputeDriftResponseSchema;
    };
    /**
     * GetDriftReport returns a stored report with its path lists.
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.GetDriftReport
     */
    getDriftReport: {
        methodKind: "unary";
        input: typeof GetDriftReportRequestSchema;
        output: typeof GetDriftReportResponseSchema;
    };
    /**
     * ListDriftReports lists a workspace's reports newest first (counts only).
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.ListDriftReports
     */
    listDriftReports: {
        methodKind: "unary";
        input: typeof ListDriftReportsRequestSchema;
        output: typeof ListDriftReportsResponseSchema;
    };
    /**
     * CreateSyncPreview computes what merging a source into the workspace would do and keeps
     * it for 30 minutes (TESSERA_SYNC_PREVIEW_TTL).
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.CreateSyncPreview
     */
    createSyncPreview: {
        methodKind: "unary";
        input: typeof CreateSyncPreviewRequestSchema;
        output: typeof CreateSyncPreviewResponseSchema;
    };
    /**
     * GetSyncPreview returns a preview; an expired one is NOT_FOUND.
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.GetSyncPreview
     */
    getSyncPreview: {
        methodKind: "unary";
        input: typeof GetSyncPreviewRequestSchema;
        output: typeof GetSyncPreviewResponseSchema;
    };
    /**
     * ApplySync applies a preview without conflicts: the server builds the merged manifest,
     * stores it in vault-storage, creates a snapshot whose parents are the workspace's and the
     * source's snapshots, moves the workspace to it (version + 1), records the merge in
     * `merge_history` (for a workspace source) and in the activity (`merge.completed`). A
     * preview with conflicts is FAILED_PRECONDITION listing the paths; a workspace changed since
     * the preview (or another version than `workspace_version`) is ABORTED; nothing changes.
     *
     * @generated from rpc tessera.intelligence.v1.DriftService.ApplySync
     */
    applySync: {
        methodKind: "unary";
        input: typeof ApplySyncRequestSchema;
        output: typeof ApplySyncResponseSchema;
    };
}>;
