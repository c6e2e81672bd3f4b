import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/activity.proto.
 */
export declare const file_tessera_intelligence_v1_activity: GenFile;
/**
 * ActivityEvent is one entry of a project's log.
 *
 * @generated from message tessera.intelligence.v1.ActivityEvent
 */
export type ActivityEvent = Message<"tessera.intelligence.v1.ActivityEvent"> & {
    /**
     * UUIDv7.
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
     * The workspace, empty when none (or deleted since).
     *
     * @generated from field: string workspace_id = 3;
     */
    workspaceId: string;
    /**
     * Who caused it.
     *
     * @generated from field: tessera.intelligence.v1.Actor actor = 4;
     */
    actor: Actor;
    /**
     * Dotted type, e.g. `snapshot.pushed`.
     *
     * @generated from field: string type = 5;
     */
    type: string;
    /**
     * The snapshot, empty when none.
     *
     * @generated from field: string snapshot_id = 6;
     */
    snapshotId: string;
    /**
     * A human-readable description.
     *
     * @generated from field: string message = 7;
     */
    message: string;
    /**
     * When it happened.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 8;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.ActivityEvent.
 * Use `create(ActivityEventSchema)` to create a new message.
 */
export declare const ActivityEventSchema: GenMessage<ActivityEvent>;
/**
 * ListActivityRequest is the input of ActivityService.ListActivity.
 *
 * @generated from message tessera.intelligence.v1.ListActivityRequest
 */
export type ListActivityRequest = Message<"tessera.intelligence.v1.ListActivityRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only this workspace's events.
     *
     * @generated from field: string workspace_id = 2;
     */
    workspaceId: string;
    /**
     * Only events of this type.
     *
     * @generated from field: string type = 3;
     */
    type: string;
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
 * Describes the message tessera.intelligence.v1.ListActivityRequest.
 * Use `create(ListActivityRequestSchema)` to create a new message.
 */
export declare const ListActivityRequestSchema: GenMessage<ListActivityRequest>;
/**
 * ListActivityResponse is the output of ActivityService.ListActivity.
 *
 * @generated from message tessera.intelligence.v1.ListActivityResponse
 */
export type ListActivityResponse = Message<"tessera.intelligence.v1.ListActivityResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.ActivityEvent events = 1;
     */
    events: ActivityEvent[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListActivityResponse.
 * Use `create(ListActivityResponseSchema)` to create a new message.
 */
export declare const ListActivityResponseSchema: GenMessage<ListActivityResponse>;
/**
 * Conversation is a chat session within a workspace.
 *
 * @generated from message tessera.intelligence.v1.Conversation
 */
export type Conversation = Message<"tessera.intelligence.v1.Conversation"> & {
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
     * 1 to 200 characters; empty when not set.
     *
     * @generated from field: string title = 3;
     */
    title: string;
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
 * Describes the message tessera.intelligence.v1.Conversation.
 * Use `create(ConversationSchema)` to create a new message.
 */
export declare const ConversationSchema: GenMessage<Conversation>;
/**
 * CreateConversationRequest is the input of ConversationService.CreateConversation.
 *
 * @generated from message tessera.intelligence.v1.CreateConversationRequest
 */
export type CreateConversationRequest = Message<"tessera.intelligence.v1.CreateConversationRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string workspace_id = 1;
     */
    workspaceId: string;
    /**
     * Optional title, 1 to 200 characters.
     *
     * @generated from field: string title = 2;
     */
    title: string;
};
/**
 * Describes the message tessera.intelligence.v1.CreateConversationRequest.
 * Use `create(CreateConversationRequestSchema)` to create a new message.
 */
export declare const CreateConversationRequestSchema: GenMessage<CreateConversationRequest>;
/**
 * CreateConversationResponse is the output of ConversationService.CreateConversation.
 *
 * @generated from message tessera.intelligence.v1.CreateConversationResponse
 */
export type CreateConversationResponse = Message<"tessera.intelligence.v1.CreateConversationResponse"> & {
    /**
     * The new conversation.
     *
     * @generated from field: tessera.intelligence.v1.Conversation conversation = 1;
     */
    conversation?: Conversation | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateConversationResponse.
 * Use `create(CreateConversationResponseSchema)` to create a new message.
 */
export declare const CreateConversationResponseSchema: GenMessage<CreateConversationResponse>;
/**
 * GetConversationRequest is the input of ConversationService.GetConversation.
 *
 * @generated from message tessera.intelligence.v1.GetConversationRequest
 */
export type GetConversationRequest = Message<"tessera.intelligence.v1.GetConversationRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string conversation_id = 1;
     */
    conversationId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetConversationRequest.
 * Use `create(GetConversationRequestSchema)` to create a new message.
 */
export declare const GetConversationRequestSchema: GenMessage<GetConversationRequest>;
/**
 * GetConversationResponse is the output of ConversationService.GetConversation.
 *
 * @generated from message tessera.intelligence.v1.GetConversationResponse
 */
export type GetConversationResponse = Message<"tessera.intelligence.v1.GetConversationResponse"> & {
    /**
     * The conversation.
     *
     * @generated from field: tessera.intelligence.v1.Conversation conversation = 1;
     */
    conversation?: Conversation | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetConversationResponse.
 * Use `create(GetConversationResponseSchema)` to create a new message.
 */
export declare const GetConversationResponseSchema: GenMessage<GetConversationResponse>;
/**
 * ListConversationsRequest is the input of ConversationService.ListConversations.
 *
 * @generated from message tessera.intelligence.v1.ListConversationsRequest
 */
export type ListConversationsRequest = Message<"tessera.intelligence.v1.ListConversationsRequest"> & {
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
 * Describes the message tessera.intelligence.v1.ListConversationsRequest.
 * Use `create(ListConversationsRequestSchema)` to create a new message.
 */
export declare const ListConversationsRequestSchema: GenMessage<ListConversationsRequest>;
/**
 * ListConversationsResponse is the output of ConversationService.ListConversations.
 *
 * @generated from message tessera.intelligence.v1.ListConversationsResponse
 */
export type ListConversationsResponse = Message<"tessera.intelligence.v1.ListConversationsResponse"> & {
    /**
     * Most recently updated first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Conversation conversations = 1;
     */
    conversations: Conversation[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListConversationsResponse.
 * Use `create(ListConversationsResponseSchema)` to create a new message.
 */
export declare const ListConversationsResponseSchema: GenMessage<ListConversationsResponse>;
/**
 * UpdateConversationRequest is the input of ConversationService.UpdateConversation.
 *
 * @generated from message tessera.intelligence.v1.UpdateConversationRequest
 */
export type UpdateConversationRequest = Message<"tessera.intelligence.v1.UpdateConversationRequest"> & {
    /**
     * Required: id and title.
     *
     * @generated from field: tessera.intelligence.v1.Conversation conversation = 1;
     */
    conversation?: Conversation | undefined;
    /**
     * Required: title.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateConversationRequest.
 * Use `create(UpdateConversationRequestSchema)` to create a new message.
 */
export declare const UpdateConversationRequestSchema: GenMessage<UpdateConversationRequest>;
/**
 * UpdateConversationResponse is the output of ConversationService.UpdateConversation.
 *
 * @generated from message tessera.intelligence.v1.UpdateConversationResponse
 */
export type UpdateConversationResponse = Message<"tessera.intelligence.v1.UpdateConversationResponse"> & {
    /**
     * The conversation as stored.
     *
     * @generated from field: tessera.intelligence.v1.Conversation conversation = 1;
     */
    conversation?: Conversation | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateConversationResponse.
 * Use `create(UpdateConversationResponseSchema)` to create a new message.
 */
export declare const UpdateConversationResponseSchema: GenMessage<UpdateConversationResponse>;
/**
 * DeleteConversationRequest is the input of ConversationService.DeleteConversation.
 *
 * @generated from message tessera.intelligence.v1.DeleteConversationRequest
 */
export type DeleteConversationRequest = Message<"tessera.intelligence.v1.DeleteConversationRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string conversation_id = 1;
     */
    conversationId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteConversationRequest.
 * Use `create(DeleteConversationRequestSchema)` to create a new message.
 */
export declare const DeleteConversationRequestSchema: GenMessage<DeleteConversationRequest>;
/**
 * DeleteConversationResponse is the output of ConversationService.DeleteConversation.
 *
 * @generated from message tessera.intelligence.v1.DeleteConversationResponse
 */
export type DeleteConversationResponse = Message<"tessera.intelligence.v1.DeleteConversationResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteConversationResponse.
 * Use `create(DeleteConversationResponseSchema)` to create a new message.
 */
export declare const DeleteConversationResponseSchema: GenMessage<DeleteConversationResponse>;
/**
 * Actor says who caused an event.
 *
 * @generated from enum tessera.intelligence.v1.Actor
 */
export declare enum Actor {
    /**
     * Not set (never stored).
     *
     * @generated from enum value: ACTOR_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * The command-line client.
     *
     * @generated from enum value: ACTOR_CLI = 1;
     */
    CLI = 1,
    /**
     * The web client.
     *
     * @generated from enum value: ACTOR_WEB = 2;
     */
    WEB = 2,
    /**
     * The service itself.
     *
     * @generated from enum value: ACTOR_SYSTEM = 3;
     */
    SYSTEM = 3
}
/**
 * Describes the enum tessera.intelligence.v1.Actor.
 */
export declare const ActorSchema: GenEnum<Actor>;
/**
 * ActivityService reads a project's activity log, written in the transaction of each change
 * (project.created, workspace.created, snapshot.pushed, drift.reported, merge.completed, ...).
 *
 * @generated from service tessera.intelligence.v1.ActivityService
 */
export declare const ActivityService: GenService<{
    /**
     * ListActivity lists a project's events newest first, optionally of one workspace or type.
     *
     * @generated from rpc tessera.intelligence.v1.ActivityService.ListActivity
     */
    listActivity: {
        methodKind: "unary";
        input: typeof ListActivityRequestSchema;
        output: typeof ListActivityResponseSchema;
    };
}>;
/**
 * ConversationService holds a workspace's conversations (titles only: their messages are not
 * kept by this service). Only the project's owner sees them.
 *
 * @generated from service tessera.intelligence.v1.ConversationService
 */
export declare const ConversationService: GenService<{
    /**
     * CreateConversation starts a conversation in a workspace.
     *
     * @generated from rpc tessera.intelligence.v1.ConversationService.CreateConversation
     */
    createConversation: {
        methodKind: "unary";
        input: typeof CreateConversationRequestSchema;
        output: typeof CreateConversationResponseSchema;
    };
    /**
     * GetConversation returns a conversation.
     *
     * @generated from rpc tessera.intelligence.v1.ConversationService.GetConversation
     */
    getConversation: {
        methodKind: "unary";
        input: typeof GetConversationRequestSchema;
        output: typeof GetConversationResponseSchema;
    };
    /**
     * ListConversations lists a workspace's conversations, most recently updated first.
     *
     * @generated from rpc tessera.intelligence.v1.ConversationService.ListConversations
     */
    listConversations: {
        methodKind: "unary";
        input: typeof ListConversationsRequestSchema;
        output: typeof ListConversationsResponseSchema;
    };
    /**
     * UpdateConversation changes the title (`update_mask`: title).
     *
     * @generated from rpc tessera.intelligence.v1.ConversationService.UpdateConversation
     */
    updateConversation: {
        methodKind: "unary";
        input: typeof UpdateConversationRequestSchema;
        output: typeof UpdateConversationResponseSchema;
    };
    /**
     * DeleteConversation deletes a conversation.
     *
     * @generated from rpc tessera.intelligence.v1.ConversationService.DeleteConversation
     */
    deleteConversation: {
        methodKind: "unary";
        input: typeof DeleteConversationRequestSchema;
        output: typeof DeleteConversationResponseSchema;
    };
}>;
