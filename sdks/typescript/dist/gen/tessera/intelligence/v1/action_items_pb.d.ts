import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/action_items.proto.
 */
export declare const file_tessera_intelligence_v1_action_items: GenFile;
/**
 * ActionItem is one issue in a workspace.
 *
 * @generated from message tessera.intelligence.v1.ActionItem
 */
export type ActionItem = Message<"tessera.intelligence.v1.ActionItem"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
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
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.ActionItemType type = 4;
     */
    type: ActionItemType;
    /**
     * Info when unspecified.
     *
     * @generated from field: tessera.intelligence.v1.Severity severity = 5;
     */
    severity: Severity;
    /**
     * 1 to 200 characters.
     *
     * @generated from field: string title = 6;
     */
    title: string;
    /**
     * At most 10,000 characters; empty when none.
     *
     * @generated from field: string description = 7;
     */
    description: string;
    /**
     * Relative paths (manifest rules), at most 1,000.
     *
     * @generated from field: repeated string affected_files = 8;
     */
    affectedFiles: string[];
    /**
     * A prompt to fix it, at most 10,000 characters; empty when none.
     *
     * @generated from field: string suggested_prompt = 9;
     */
    suggestedPrompt: string;
    /**
     * Free JSON object, at most 64 KiB; unset when none.
     *
     * @generated from field: google.protobuf.Struct metadata = 10;
     */
    metadata?: JsonObject | undefined;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.ActionItemStatus status = 11;
     */
    status: ActionItemStatus;
    /**
     * Analysis when unspecified; import is output only.
     *
     * @generated from field: tessera.intelligence.v1.ActionItemSource source = 12;
     */
    source: ActionItemSource;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 13;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 14;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ActionItem.
 * Use `create(ActionItemSchema)` to create a new message.
 */
export declare const ActionItemSchema: GenMessage<ActionItem>;
/**
 * Run is one execution of patch generation and verification for an item.
 *
 * @generated from message tessera.intelligence.v1.Run
 */
export type Run = Message<"tessera.intelligence.v1.Run"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string action_item_id = 2;
     */
    actionItemId: string;
    /**
     * Output only.
     *
     * @generated from field: string workspace_id = 3;
     */
    workspaceId: string;
    /**
     * Output only.
     *
     * @generated from field: string project_id = 4;
     */
    projectId: string;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.RunStatus status = 5;
     */
    status: RunStatus;
    /**
     * Output only. Attempts claimed so far; the current holder's fencing token.
     *
     * @generated from field: int32 attempt_count = 6;
     */
    attemptCount: number;
    /**
     * 1 to 10; 3 when 0 is sent.
     *
     * @generated from field: int32 max_attempts = 7;
     */
    maxAttempts: number;
    /**
     * Output only. The workspace's manifest when the run was started (SHA-256); empty if none.
     *
     * @generated from field: bytes base_manifest_hash = 8;
     */
    baseManifestHash: Uint8Array;
    /**
     * Output only. Set when ready.
     *
     * @generated from field: string summary = 9;
     */
    summary: string;
    /**
     * Output only. Set when ready.
     *
     * @generated from field: string report = 10;
     */
    report: string;
    /**
     * Output only. The patch, set when ready.
     *
     * @generated from field: string patch = 11;
     */
    patch: string;
    /**
     * Output only. Verification results, set when ready.
     *
     * @generated from field: google.protobuf.Struct checks = 12;
     */
    checks?: JsonObject | undefined;
    /**
     * Output only. The last failure.
     *
     * @generated from field: string error = 13;
     */
    error: string;
    /**
     * Output only. When the latest attempt was claimed.
     *
     * @generated from field: google.protobuf.Timestamp start_time = 14;
     */
    startTime?: Timestamp | undefined;
    /**
     * Output only. When it became ready or failed.
     *
     * @generated from field: google.protobuf.Timestamp complete_time = 15;
     */
    completeTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 16;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 17;
     */
    updateTime?: Timestamp | undefined;
    /**
     * Output only. When a queued run is due.
     *
     * @generated from field: google.protobuf.Timestamp run_after_time = 18;
     */
    runAfterTime?: Timestamp | undefined;
    /**
     * Output only. The worker holding a running run.
     *
     * @generated from field: string worker_id = 19;
     */
    workerId: string;
    /**
     * Output only. When a running run's lease ends.
     *
     * @generated from field: google.protobuf.Timestamp lease_expire_time = 20;
     */
    leaseExpireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Run.
 * Use `create(RunSchema)` to create a new message.
 */
export declare const RunSchema: GenMessage<Run>;
/**
 * CreateActionItemRequest is the input of ActionItemService.CreateActionItem.
 *
 * @generated from message tessera.intelligence.v1.CreateActionItemRequest
 */
export type CreateActionItemRequest = Message<"tessera.intelligence.v1.CreateActionItemRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Required: type, title; the other writable fields are optional.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 2;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateActionItemRequest.
 * Use `create(CreateActionItemRequestSchema)` to create a new message.
 */
export declare const CreateActionItemRequestSchema: GenMessage<CreateActionItemRequest>;
/**
 * CreateActionItemResponse is the output of ActionItemService.CreateActionItem.
 *
 * @generated from message tessera.intelligence.v1.CreateActionItemResponse
 */
export type CreateActionItemResponse = Message<"tessera.intelligence.v1.CreateActionItemResponse"> & {
    /**
     * The new item.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 1;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateActionItemResponse.
 * Use `create(CreateActionItemResponseSchema)` to create a new message.
 */
export declare const CreateActionItemResponseSchema: GenMessage<CreateActionItemResponse>;
/**
 * GetActionItemRequest is the input of ActionItemService.GetActionItem.
 *
 * @generated from message tessera.intelligence.v1.GetActionItemRequest
 */
export type GetActionItemRequest = Message<"tessera.intelligence.v1.GetActionItemRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string action_item_id = 1;
     */
    actionItemId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetActionItemRequest.
 * Use `create(GetActionItemRequestSchema)` to create a new message.
 */
export declare const GetActionItemRequestSchema: GenMessage<GetActionItemRequest>;
/**
 * GetActionItemResponse is the output of ActionItemService.GetActionItem.
 *
 * @generated from message tessera.intelligence.v1.GetActionItemResponse
 */
export type GetActionItemResponse = Message<"tessera.intelligence.v1.GetActionItemResponse"> & {
    /**
     * The item.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 1;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetActionItemResponse.
 * Use `create(GetActionItemResponseSchema)` to create a new message.
 */
export declare const GetActionItemResponseSchema: GenMessage<GetActionItemResponse>;
/**
 * ListActionItemsRequest is the input of ActionItemService.ListActionItems.
 *
 * @generated from message tessera.intelligence.v1.ListActionItemsRequest
 */
export type ListActionItemsRequest = Message<"tessera.intelligence.v1.ListActionItemsRequest"> & {
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
     * Only items in this status (unspecified: all).
     *
     * @generated from field: tessera.intelligence.v1.ActionItemStatus status = 3;
     */
    status: ActionItemStatus;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 4;
     */
    pageSize: number;
    /**
     * From a previous response (with the same filters).
     *
     * @generated from field: string page_token = 5;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListActionItemsRequest.
 * Use `create(ListActionItemsRequestSchema)` to create a new message.
 */
export declare const ListActionItemsRequestSchema: GenMessage<ListActionItemsRequest>;
/**
 * ListActionItemsResponse is the output of ActionItemService.ListActionItems.
 *
 * @generated from message tessera.intelligence.v1.ListActionItemsResponse
 */
export type ListActionItemsResponse = Message<"tessera.intelligence.v1.ListActionItemsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.ActionItem action_items = 1;
     */
    actionItems: ActionItem[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListActionItemsResponse.
 * Use `create(ListActionItemsResponseSchema)` to create a new message.
 */
export declare const ListActionItemsResponseSchema: GenMessage<ListActionItemsResponse>;
/**
 * DismissActionItemRequest is the input of ActionItemService.DismissActionItem.
 *
 * @generated from message tessera.intelligence.v1.DismissActionItemRequest
 */
export type DismissActionItemRequest = Message<"tessera.intelligence.v1.DismissActionItemRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string action_item_id = 1;
     */
    actionItemId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DismissActionItemRequest.
 * Use `create(DismissActionItemRequestSchema)` to create a new message.
 */
export declare const DismissActionItemRequestSchema: GenMessage<DismissActionItemRequest>;
/**
 * DismissActionItemResponse is the output of ActionItemService.DismissActionItem.
 *
 * @generated from message tessera.intelligence.v1.DismissActionItemResponse
 */
export type DismissActionItemResponse = Message<"tessera.intelligence.v1.DismissActionItemResponse"> & {
    /**
     * The dismissed item.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 1;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.DismissActionItemResponse.
 * Use `create(DismissActionItemResponseSchema)` to create a new message.
 */
export declare const DismissActionItemResponseSchema: GenMessage<DismissActionItemResponse>;
/**
 * StartRunRequest is the input of ActionItemService.StartRun.
 *
 * @generated from message tessera.intelligence.v1.StartRunRequest
 */
export type StartRunRequest = Message<"tessera.intelligence.v1.StartRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string action_item_id = 1;
     */
    actionItemId: string;
    /**
     * 1 to 10; 3 when 0.
     *
     * @generated from field: int32 max_attempts = 2;
     */
    maxAttempts: number;
};
/**
 * Describes the message tessera.intelligence.v1.StartRunRequest.
 * Use `create(StartRunRequestSchema)` to create a new message.
 */
export declare const StartRunRequestSchema: GenMessage<StartRunRequest>;
/**
 * StartRunResponse is the output of ActionItemService.StartRun.
 *
 * @generated from message tessera.intelligence.v1.StartRunResponse
 */
export type StartRunResponse = Message<"tessera.intelligence.v1.StartRunResponse"> & {
    /**
     * The queued run.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.StartRunResponse.
 * Use `create(StartRunResponseSchema)` to create a new message.
 */
export declare const StartRunResponseSchema: GenMessage<StartRunResponse>;
/**
 * GetRunRequest is the input of ActionItemService.GetRun.
 *
 * @generated from message tessera.intelligence.v1.GetRunRequest
 */
export type GetRunRequest = Message<"tessera.intelligence.v1.GetRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string run_id = 1;
     */
    runId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetRunRequest.
 * Use `create(GetRunRequestSchema)` to create a new message.
 */
export declare const GetRunRequestSchema: GenMessage<GetRunRequest>;
/**
 * GetRunResponse is the output of ActionItemService.GetRun.
 *
 * @generated from message tessera.intelligence.v1.GetRunResponse
 */
export type GetRunResponse = Message<"tessera.intelligence.v1.GetRunResponse"> & {
    /**
     * The run.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetRunResponse.
 * Use `create(GetRunResponseSchema)` to create a new message.
 */
export declare const GetRunResponseSchema: GenMessage<GetRunResponse>;
/**
 * ListRunsRequest is the input of ActionItemService.ListRuns.
 *
 * @generated from message tessera.intelligence.v1.ListRunsRequest
 */
export type ListRunsRequest = Message<"tessera.intelligence.v1.ListRunsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string action_item_id = 1;
     */
    actionItemId: string;
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
 * Describes the message tessera.intelligence.v1.ListRunsRequest.
 * Use `create(ListRunsRequestSchema)` to create a new message.
 */
export declare const ListRunsRequestSchema: GenMessage<ListRunsRequest>;
/**
 * ListRunsResponse is the output of ActionItemService.ListRuns.
 *
 * @generated from message tessera.intelligence.v1.ListRunsResponse
 */
export type ListRunsResponse = Message<"tessera.intelligence.v1.ListRunsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Run runs = 1;
     */
    runs: Run[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListRunsResponse.
 * Use `create(ListRunsResponseSchema)` to create a new message.
 */
export declare const ListRunsResponseSchema: GenMessage<ListRunsResponse>;
/**
 * ApplyRunRequest is the input of ActionItemService.ApplyRun.
 *
 * @generated from message tessera.intelligence.v1.ApplyRunRequest
 */
export type ApplyRunRequest = Message<"tessera.intelligence.v1.ApplyRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string run_id = 1;
     */
    runId: string;
};
/**
 * Describes the message tessera.intelligence.v1.ApplyRunRequest.
 * Use `create(ApplyRunRequestSchema)` to create a new message.
 */
export declare const ApplyRunRequestSchema: GenMessage<ApplyRunRequest>;
/**
 * ApplyRunResponse is the output of ActionItemService.ApplyRun.
 *
 * @generated from message tessera.intelligence.v1.ApplyRunResponse
 */
export type ApplyRunResponse = Message<"tessera.intelligence.v1.ApplyRunResponse"> & {
    /**
     * The applied run.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
    /**
     * Its item, now applied.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 2;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ApplyRunResponse.
 * Use `create(ApplyRunResponseSchema)` to create a new message.
 */
export declare const ApplyRunResponseSchema: GenMessage<ApplyRunResponse>;
/**
 * RefactoringSuggestion is a legacy suggestion (superseded by action items).
 *
 * @generated from message tessera.intelligence.v1.RefactoringSuggestion
 */
export type RefactoringSuggestion = Message<"tessera.intelligence.v1.RefactoringSuggestion"> & {
    /**
     * UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The workspace.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * The snapshot it was found in; empty when none.
     *
     * @generated from field: string snapshot_id = 3;
     */
    snapshotId: string;
    /**
     * security, duplication, performance, naming, structure or test_coverage.
     *
     * @generated from field: string type = 4;
     */
    type: string;
    /**
     * The severity.
     *
     * @generated from field: tessera.intelligence.v1.Severity severity = 5;
     */
    severity: Severity;
    /**
     * The title.
     *
     * @generated from field: string title = 6;
     */
    title: string;
    /**
     * Empty when none.
     *
     * @generated from field: string description = 7;
     */
    description: string;
    /**
     * The files concerned.
     *
     * @generated from field: repeated string affected_files = 8;
     */
    affectedFiles: string[];
    /**
     * Empty when none.
     *
     * @generated from field: string suggested_prompt = 9;
     */
    suggestedPrompt: string;
    /**
     * pending, applied or dismissed.
     *
     * @generated from field: string status = 10;
     */
    status: string;
    /**
     * When it was found.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 11;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.RefactoringSuggestion.
 * Use `create(RefactoringSuggestionSchema)` to create a new message.
 */
export declare const RefactoringSuggestionSchema: GenMessage<RefactoringSuggestion>;
/**
 * ListRefactoringSuggestionsRequest is the input of ActionItemService.ListRefactoringSuggestions.
 *
 * @generated from message tessera.intelligence.v1.ListRefactoringSuggestionsRequest
 */
export type ListRefactoringSuggestionsRequest = Message<"tessera.intelligence.v1.ListRefactoringSuggestionsRequest"> & {
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
 * Describes the message tessera.intelligence.v1.ListRefactoringSuggestionsRequest.
 * Use `create(ListRefactoringSuggestionsRequestSchema)` to create a new message.
 */
export declare const ListRefactoringSuggestionsRequestSchema: GenMessage<ListRefactoringSuggestionsRequest>;
/**
 * ListRefactoringSuggestionsResponse is the output of ActionItemService.ListRefactoringSuggestions.
 *
 * @generated from message tessera.intelligence.v1.ListRefactoringSuggestionsResponse
 */
export type ListRefactoringSuggestionsResponse = Message<"tessera.intelligence.v1.ListRefactoringSuggestionsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.RefactoringSuggestion suggestions = 1;
     */
    suggestions: RefactoringSuggestion[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListRefactoringSuggestionsResponse.
 * Use `create(ListRefactoringSuggestionsResponseSchema)` to create a new message.
 */
export declare const ListRefactoringSuggestionsResponseSchema: GenMessage<ListRefactoringSuggestionsResponse>;
/**
 * MigrateSuggestionsRequest is the input of ActionItemService.MigrateSuggestions.
 *
 * @generated from message tessera.intelligence.v1.MigrateSuggestionsRequest
 */
export type MigrateSuggestionsRequest = Message<"tessera.intelligence.v1.MigrateSuggestionsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
};
/**
 * Describes the message tessera.intelligence.v1.MigrateSuggestionsRequest.
 * Use `create(MigrateSuggestionsRequestSchema)` to create a new message.
 */
export declare const MigrateSuggestionsRequestSchema: GenMessage<MigrateSuggestionsRequest>;
/**
 * MigrateSuggestionsResponse is the output of ActionItemService.MigrateSuggestions.
 *
 * @generated from message tessera.intelligence.v1.MigrateSuggestionsResponse
 */
export type MigrateSuggestionsResponse = Message<"tessera.intelligence.v1.MigrateSuggestionsResponse"> & {
    /**
     * Action items created by this call.
     *
     * @generated from field: int32 imported = 1;
     */
    imported: number;
    /**
     * Suggestions skipped because an earlier call imported them.
     *
     * @generated from field: int32 already_imported = 2;
     */
    alreadyImported: number;
};
/**
 * Describes the message tessera.intelligence.v1.MigrateSuggestionsResponse.
 * Use `create(MigrateSuggestionsResponseSchema)` to create a new message.
 */
export declare const MigrateSuggestionsResponseSchema: GenMessage<MigrateSuggestionsResponse>;
/**
 * ClaimRunsRequest is the input of ActionRunService.ClaimRuns.
 *
 * @generated from message tessera.intelligence.v1.ClaimRunsRequest
 */
export type ClaimRunsRequest = Message<"tessera.intelligence.v1.ClaimRunsRequest"> & {
    /**
     * Required: the worker's name, 1 to 200 characters, unique among live workers.
     *
     * @generated from field: string worker_id = 1;
     */
    workerId: string;
    /**
     * 1 to 100; 1 when 0.
     *
     * @generated from field: int32 max_runs = 2;
     */
    maxRuns: number;
    /**
     * How long the claimed runs are held without a heartbeat: 1 s to 1 h; 5 min when unset.
     *
     * @generated from field: google.protobuf.Duration lease = 3;
     */
    lease?: Duration | undefined;
    /**
     * How long to wait for a due run when none is: 0 to 60 s; 0 (answer at once) when unset.
     *
     * @generated from field: google.protobuf.Duration wait = 4;
     */
    wait?: Duration | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ClaimRunsRequest.
 * Use `create(ClaimRunsRequestSchema)` to create a new message.
 */
export declare const ClaimRunsRequestSchema: GenMessage<ClaimRunsRequest>;
/**
 * ClaimedRun is a run a worker now holds, with what it needs to do it.
 *
 * @generated from message tessera.intelligence.v1.ClaimedRun
 */
export type ClaimedRun = Message<"tessera.intelligence.v1.ClaimedRun"> & {
    /**
     * The run, status running; run.attempt_count is the fencing token.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
    /**
     * Its item.
     *
     * @generated from field: tessera.intelligence.v1.ActionItem action_item = 2;
     */
    actionItem?: ActionItem | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ClaimedRun.
 * Use `create(ClaimedRunSchema)` to create a new message.
 */
export declare const ClaimedRunSchema: GenMessage<ClaimedRun>;
/**
 * ClaimRunsResponse is the output of ActionRunService.ClaimRuns.
 *
 * @generated from message tessera.intelligence.v1.ClaimRunsResponse
 */
export type ClaimRunsResponse = Message<"tessera.intelligence.v1.ClaimRunsResponse"> & {
    /**
     * Oldest due first; empty when the wait ended with nothing due.
     *
     * @generated from field: repeated tessera.intelligence.v1.ClaimedRun runs = 1;
     */
    runs: ClaimedRun[];
};
/**
 * Describes the message tessera.intelligence.v1.ClaimRunsResponse.
 * Use `create(ClaimRunsResponseSchema)` to create a new message.
 */
export declare const ClaimRunsResponseSchema: GenMessage<ClaimRunsResponse>;
/**
 * HeartbeatRunRequest is the input of ActionRunService.HeartbeatRun.
 *
 * @generated from message tessera.intelligence.v1.HeartbeatRunRequest
 */
export type HeartbeatRunRequest = Message<"tessera.intelligence.v1.HeartbeatRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string run_id = 1;
     */
    runId: string;
    /**
     * Required: the worker that claimed it.
     *
     * @generated from field: string worker_id = 2;
     */
    workerId: string;
    /**
     * Required: the attempt_count the claim returned.
     *
     * @generated from field: int32 attempt = 3;
     */
    attempt: number;
    /**
     * The new lease from now: 1 s to 1 h; 5 min when unset.
     *
     * @generated from field: google.protobuf.Duration lease = 4;
     */
    lease?: Duration | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.HeartbeatRunRequest.
 * Use `create(HeartbeatRunRequestSchema)` to create a new message.
 */
export declare const HeartbeatRunRequestSchema: GenMessage<HeartbeatRunRequest>;
/**
 * HeartbeatRunResponse is the output of ActionRunService.HeartbeatRun.
 *
 * @generated from message tessera.intelligence.v1.HeartbeatRunResponse
 */
export type HeartbeatRunResponse = Message<"tessera.intelligence.v1.HeartbeatRunResponse"> & {
    /**
     * When the lease now ends.
     *
     * @generated from field: google.protobuf.Timestamp lease_expire_time = 1;
     */
    leaseExpireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.HeartbeatRunResponse.
 * Use `create(HeartbeatRunResponseSchema)` to create a new message.
 */
export declare const HeartbeatRunResponseSchema: GenMessage<HeartbeatRunResponse>;
/**
 * CompleteRunRequest is the input of ActionRunService.CompleteRun.
 *
 * @generated from message tessera.intelligence.v1.CompleteRunRequest
 */
export type CompleteRunRequest = Message<"tessera.intelligence.v1.CompleteRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string run_id = 1;
     */
    runId: string;
    /**
     * Required: the worker that claimed it.
     *
     * @generated from field: string worker_id = 2;
     */
    workerId: string;
    /**
     * Required: the attempt_count the claim returned.
     *
     * @generated from field: int32 attempt = 3;
     */
    attempt: number;
    /**
     * At most 10,000 characters.
     *
     * @generated from field: string summary = 4;
     */
    summary: string;
    /**
     * At most 1,000,000 characters.
     *
     * @generated from field: string report = 5;
     */
    report: string;
    /**
     * At most 8 MiB.
     *
     * @generated from field: string patch = 6;
     */
    patch: string;
    /**
     * Verification results: a JSON object of at most 64 KiB.
     *
     * @generated from field: google.protobuf.Struct checks = 7;
     */
    checks?: JsonObject | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CompleteRunRequest.
 * Use `create(CompleteRunRequestSchema)` to create a new message.
 */
export declare const CompleteRunRequestSchema: GenMessage<CompleteRunRequest>;
/**
 * CompleteRunResponse is the output of ActionRunService.CompleteRun.
 *
 * @generated from message tessera.intelligence.v1.CompleteRunResponse
 */
export type CompleteRunResponse = Message<"tessera.intelligence.v1.CompleteRunResponse"> & {
    /**
     * The run, now ready.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CompleteRunResponse.
 * Use `create(CompleteRunResponseSchema)` to create a new message.
 */
export declare const CompleteRunResponseSchema: GenMessage<CompleteRunResponse>;
/**
 * FailRunRequest is the input of ActionRunService.FailRun.
 *
 * @generated from message tessera.intelligence.v1.FailRunRequest
 */
export type FailRunRequest = Message<"tessera.intelligence.v1.FailRunRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string run_id = 1;
     */
    runId: string;
    /**
     * Required: the worker that claimed it.
     *
     * @generated from field: string worker_id = 2;
     */
    workerId: string;
    /**
     * Required: the attempt_count the claim returned.
     *
     * @generated from field: int32 attempt = 3;
     */
    attempt: number;
    /**
     * Required: what went wrong, 1 to 10,000 characters.
     *
     * @generated from field: string error = 4;
     */
    error: string;
    /**
     * Whether another attempt may succeed.
     *
     * @generated from field: bool retryable = 5;
     */
    retryable: boolean;
};
/**
 * Describes the message tessera.intelligence.v1.FailRunRequest.
 * Use `create(FailRunRequestSchema)` to create a new message.
 */
export declare const FailRunRequestSchema: GenMessage<FailRunRequest>;
/**
 * FailRunResponse is the output of ActionRunService.FailRun.
 *
 * @generated from message tessera.intelligence.v1.FailRunResponse
 */
export type FailRunResponse = Message<"tessera.intelligence.v1.FailRunResponse"> & {
    /**
     * The run: queued again (with run_after_time) or failed.
     *
     * @generated from field: tessera.intelligence.v1.Run run = 1;
     */
    run?: Run | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.FailRunResponse.
 * Use `create(FailRunResponseSchema)` to create a new message.
 */
export declare const FailRunResponseSchema: GenMessage<FailRunResponse>;
/**
 * ActionItemType is the kind of issue.
 *
 * @generated from enum tessera.intelligence.v1.ActionItemType
 */
export declare enum ActionItemType {
    /**
     * Not set: invalid.
     *
     * @generated from enum value: ACTION_ITEM_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Code to restructure.
     *
     * @generated from enum value: ACTION_ITEM_TYPE_REFACTORING = 1;
     */
    REFACTORING = 1,
    /**
     * A security issue.
     *
     * @generated from enum value: ACTION_ITEM_TYPE_SECURITY = 2;
     */
    SECURITY = 2,
    /**
     * Missing tests.
     *
     * @generated from enum value: ACTION_ITEM_TYPE_TEST_COVERAGE = 3;
     */
    TEST_COVERAGE = 3,
    /**
     * The build fails.
     *
     * @generated from enum value: ACTION_ITEM_TYPE_BUILD_FAILURE = 4;
     */
    BUILD_FAILURE = 4
}
/**
 * Describes the enum tessera.intelligence.v1.ActionItemType.
 */
export declare const ActionItemTypeSchema: GenEnum<ActionItemType>;
/**
 * Severity is how much an issue matters.
 *
 * @generated from enum tessera.intelligence.v1.Severity
 */
export declare enum Severity {
    /**
     * Not set: info when creating.
     *
     * @generated from enum value: SEVERITY_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Worth knowing.
     *
     * @generated from enum value: SEVERITY_INFO = 1;
     */
    INFO = 1,
    /**
     * Should be fixed.
     *
     * @generated from enum value: SEVERITY_WARNING = 2;
     */
    WARNING = 2,
    /**
     * Must be fixed.
     *
     * @generated from enum value: SEVERITY_CRITICAL = 3;
     */
    CRITICAL = 3
}
/**
 * Describes the enum tessera.intelligence.v1.Severity.
 */
export declare const SeveritySchema: GenEnum<Severity>;
/**
 * ActionItemStatus follows the item's latest run.
 *
 * @generated from enum tessera.intelligence.v1.ActionItemStatus
 */
export declare enum ActionItemStatus {
    /**
     * Not set: as a filter, any status.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * No run, or the latest is queued or failed.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_PENDING = 1;
     */
    PENDING = 1,
    /**
     * The latest run is running.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_RUNNING = 2;
     */
    RUNNING = 2,
    /**
     * The latest run is ready to apply.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_READY = 3;
     */
    READY = 3,
    /**
     * A run was applied.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_APPLIED = 4;
     */
    APPLIED = 4,
    /**
     * Put aside by the owner.
     *
     * @generated from enum value: ACTION_ITEM_STATUS_DISMISSED = 5;
     */
    DISMISSED = 5
}
/**
 * Describes the enum tessera.intelligence.v1.ActionItemStatus.
 */
export declare const ActionItemStatusSchema: GenEnum<ActionItemStatus>;
/**
 * ActionItemSource says where an item came from.
 *
 * @generated from enum tessera.intelligence.v1.ActionItemSource
 */
export declare enum ActionItemSource {
    /**
     * Not set: analysis when creating.
     *
     * @generated from enum value: ACTION_ITEM_SOURCE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Background analysis.
     *
     * @generated from enum value: ACTION_ITEM_SOURCE_ANALYSIS = 1;
     */
    ANALYSIS = 1,
    /**
     * Imported from a legacy refactoring suggestion (only MigrateSuggestions sets it).
     *
     * @generated from enum value: ACTION_ITEM_SOURCE_IMPORT = 2;
     */
    IMPORT = 2,
    /**
     * Written by a person.
     *
     * @generated from enum value: ACTION_ITEM_SOURCE_MANUAL = 3;
     */
    MANUAL = 3
}
/**
 * Describes the enum tessera.intelligence.v1.ActionItemSource.
 */
export declare const ActionItemSourceSchema: GenEnum<ActionItemSource>;
/**
 * RunStatus is where a run stands.
 *
 * @generated from enum tessera.intelligence.v1.RunStatus
 */
export declare enum RunStatus {
    /**
     * Not set.
     *
     * @generated from enum value: RUN_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Waiting for a worker (possibly a retry, due at run_after_time).
     *
     * @generated from enum value: RUN_STATUS_QUEUED = 1;
     */
    QUEUED = 1,
    /**
     * Held by a worker under a lease.
     *
     * @generated from enum value: RUN_STATUS_RUNNING = 2;
     */
    RUNNING = 2,
    /**
     * Done: summary, report, patch and checks are set.
     *
     * @generated from enum value: RUN_STATUS_READY = 3;
     */
    READY = 3,
    /**
     * Gave up: error says why.
     *
     * @generated from enum value: RUN_STATUS_FAILED = 4;
     */
    FAILED = 4,
    /**
     * Its patch was applied.
     *
     * @generated from enum value: RUN_STATUS_APPLIED = 5;
     */
    APPLIED = 5
}
/**
 * Describes the enum tessera.intelligence.v1.RunStatus.
 */
export declare const RunStatusSchema: GenEnum<RunStatus>;
/**
 * ActionItemService holds the code-level issues found in a workspace (security, test coverage,
 * refactoring, build failures) and the runs that generate and verify a patch for one. The
 * owner starts a run, a worker (ActionRunService) does it, and the owner applies the result or
 * dismisses the item. Only the project's owner sees them.
 *
 * @generated from service tessera.intelligence.v1.ActionItemService
 */
export declare const ActionItemService: GenService<{
    /**
     * CreateActionItem records an issue in a workspace (status pending).
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.CreateActionItem
     */
    createActionItem: {
        methodKind: "unary";
        input: typeof CreateActionItemRequestSchema;
        output: typeof CreateActionItemResponseSchema;
    };
    /**
     * GetActionItem returns an item.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.GetActionItem
     */
    getActionItem: {
        methodKind: "unary";
        input: typeof GetActionItemRequestSchema;
        output: typeof GetActionItemResponseSchema;
    };
    /**
     * ListActionItems lists a workspace's or a project's items, newest first.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.ListActionItems
     */
    listActionItems: {
        methodKind: "unary";
        input: typeof ListActionItemsRequestSchema;
        output: typeof ListActionItemsResponseSchema;
    };
    /**
     * DismissActionItem puts an item aside; a queued or running run of it fails (error
     * "dismissed") and its worker's later writes are ABORTED. Dismissing twice is a no-op;
     * an applied item cannot be dismissed (FAILED_PRECONDITION).
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.DismissActionItem
     */
    dismissActionItem: {
        methodKind: "unary";
        input: typeof DismissActionItemRequestSchema;
        output: typeof DismissActionItemResponseSchema;
    };
    /**
     * StartRun queues a run for an item. An item has at most one queued or running run, and a
     * dismissed or applied item none: otherwise FAILED_PRECONDITION.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.StartRun
     */
    startRun: {
        methodKind: "unary";
        input: typeof StartRunRequestSchema;
        output: typeof StartRunResponseSchema;
    };
    /**
     * GetRun returns a run.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.GetRun
     */
    getRun: {
        methodKind: "unary";
        input: typeof GetRunRequestSchema;
        output: typeof GetRunResponseSchema;
    };
    /**
     * ListRuns lists an item's runs, newest first.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.ListRuns
     */
    listRuns: {
        methodKind: "unary";
        input: typeof ListRunsRequestSchema;
        output: typeof ListRunsResponseSchema;
    };
    /**
     * ApplyRun marks an item's latest run, which must be ready, as applied (the client applied
     * its patch); the item becomes applied.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.ApplyRun
     */
    applyRun: {
        methodKind: "unary";
        input: typeof ApplyRunRequestSchema;
        output: typeof ApplyRunResponseSchema;
    };
    /**
     * ListRefactoringSuggestions lists a workspace's legacy suggestions, newest first.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.ListRefactoringSuggestions
     */
    listRefactoringSuggestions: {
        methodKind: "unary";
        input: typeof ListRefactoringSuggestionsRequestSchema;
        output: typeof ListRefactoringSuggestionsResponseSchema;
    };
    /**
     * MigrateSuggestions turns each legacy suggestion of a workspace into an action item
     * (source import; security and test_coverage kept, other types become refactoring with the
     * old type in metadata.legacy_type; status kept). Suggestions imported before are skipped,
     * so calling it again creates nothing.
     *
     * @generated from rpc tessera.intelligence.v1.ActionItemService.MigrateSuggestions
     */
    migrateSuggestions: {
        methodKind: "unary";
        input: typeof MigrateSuggestionsRequestSchema;
        output: typeof MigrateSuggestionsResponseSchema;
    };
}>;
/**
 * ActionRunService is the run queue's worker side, for Tessera services with a service
 * credential. A claimed run is held under a lease: the worker extends it with HeartbeatRun and
 * ends it with CompleteRun or FailRun, naming the attempt it was given (its fencing token).
 * Once the lease has expired, or the run was requeued or ended by anyone else, those writes are
 * ABORTED and change nothing. Expired leases are requeued (or failed at max_attempts).
 *
 * @generated from service tessera.intelligence.v1.ActionRunService
 */
export declare const ActionRunService: GenService<{
    /**
     * ClaimRuns takes up to max_runs of the oldest due queued runs (each once, whatever the
     * number of workers), sets them running under a lease and returns them. With nothing due it
     * waits up to `wait` for a run to be queued, then returns what it has (possibly nothing).
     *
     * @generated from rpc tessera.intelligence.v1.ActionRunService.ClaimRuns
     */
    claimRuns: {
        methodKind: "unary";
        input: typeof ClaimRunsRequestSchema;
        output: typeof ClaimRunsResponseSchema;
    };
    /**
     * HeartbeatRun extends the lease of a run the worker holds.
     *
     * @generated from rpc tessera.intelligence.v1.ActionRunService.HeartbeatRun
     */
    heartbeatRun: {
        methodKind: "unary";
        input: typeof HeartbeatRunRequestSchema;
        output: typeof HeartbeatRunResponseSchema;
    };
    /**
     * CompleteRun ends a held run as ready, with its results; the item becomes ready.
     *
     * @generated from rpc tessera.intelligence.v1.ActionRunService.CompleteRun
     */
    completeRun: {
        methodKind: "unary";
        input: typeof CompleteRunRequestSchema;
        output: typeof CompleteRunResponseSchema;
    };
    /**
     * FailRun ends a held attempt. A retryable failure with attempts left is queued again after
     * min(2^attempt s, 1 h) +-10%; otherwise the run fails. The item is pending either way.
     *
     * @generated from rpc tessera.intelligence.v1.ActionRunService.FailRun
     */
    failRun: {
        methodKind: "unary";
        input: typeof FailRunRequestSchema;
        output: typeof FailRunResponseSchema;
    };
}>;
