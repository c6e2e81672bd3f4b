import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/threads.proto.
 */
export declare const file_tessera_messaging_v1_threads: GenFile;
/**
 * Thread is a discussion in a group.
 *
 * @generated from message tessera.messaging.v1.Thread
 */
export type Thread = Message<"tessera.messaging.v1.Thread"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string group_id = 2;
     */
    groupId: string;
    /**
     * Output only. Empty once the author's account is deleted.
     *
     * @generated from field: string author_id = 3;
     */
    authorId: string;
    /**
     * Required. 1 to 4096 bytes of ciphertext.
     *
     * @generated from field: bytes encrypted_title = 4;
     */
    encryptedTitle: Uint8Array;
    /**
     * Required. 1 to 65536 bytes of ciphertext.
     *
     * @generated from field: bytes encrypted_body = 5;
     */
    encryptedBody: Uint8Array;
    /**
     * Required. The key epoch it is encrypted under: the group's current one.
     *
     * @generated from field: int64 key_epoch = 6;
     */
    keyEpoch: bigint;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 7;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Thread.
 * Use `create(ThreadSchema)` to create a new message.
 */
export declare const ThreadSchema: GenMessage<Thread>;
/**
 * Reply is an answer in a thread.
 *
 * @generated from message tessera.messaging.v1.Reply
 */
export type Reply = Message<"tessera.messaging.v1.Reply"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string thread_id = 2;
     */
    threadId: string;
    /**
     * Output only. Empty once the author's account is deleted.
     *
     * @generated from field: string author_id = 3;
     */
    authorId: string;
    /**
     * Required. 1 to 65536 bytes of ciphertext.
     *
     * @generated from field: bytes encrypted_body = 4;
     */
    encryptedBody: Uint8Array;
    /**
     * Required. See Thread.key_epoch.
     *
     * @generated from field: int64 key_epoch = 5;
     */
    keyEpoch: bigint;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 6;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Reply.
 * Use `create(ReplySchema)` to create a new message.
 */
export declare const ReplySchema: GenMessage<Reply>;
/**
 * CreateThreadRequest is the input of ThreadService.CreateThread.
 *
 * @generated from message tessera.messaging.v1.CreateThreadRequest
 */
export type CreateThreadRequest = Message<"tessera.messaging.v1.CreateThreadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
    /**
     * Required. See Thread.
     *
     * @generated from field: bytes encrypted_title = 2;
     */
    encryptedTitle: Uint8Array;
    /**
     * Required. See Thread.
     *
     * @generated from field: bytes encrypted_body = 3;
     */
    encryptedBody: Uint8Array;
    /**
     * Required. See Thread.
     *
     * @generated from field: int64 key_epoch = 4;
     */
    keyEpoch: bigint;
};
/**
 * Describes the message tessera.messaging.v1.CreateThreadRequest.
 * Use `create(CreateThreadRequestSchema)` to create a new message.
 */
export declare const CreateThreadRequestSchema: GenMessage<CreateThreadRequest>;
/**
 * CreateThreadResponse is the output of ThreadService.CreateThread.
 *
 * @generated from message tessera.messaging.v1.CreateThreadResponse
 */
export type CreateThreadResponse = Message<"tessera.messaging.v1.CreateThreadResponse"> & {
    /**
     * The new thread.
     *
     * @generated from field: tessera.messaging.v1.Thread thread = 1;
     */
    thread?: Thread | undefined;
};
/**
 * Describes the message tessera.messaging.v1.CreateThreadResponse.
 * Use `create(CreateThreadResponseSchema)` to create a new message.
 */
export declare const CreateThreadResponseSchema: GenMessage<CreateThreadResponse>;
/**
 * GetThreadRequest is the input of ThreadService.GetThread.
 *
 * @generated from message tessera.messaging.v1.GetThreadRequest
 */
export type GetThreadRequest = Message<"tessera.messaging.v1.GetThreadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string thread_id = 1;
     */
    threadId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetThreadRequest.
 * Use `create(GetThreadRequestSchema)` to create a new message.
 */
export declare const GetThreadRequestSchema: GenMessage<GetThreadRequest>;
/**
 * GetThreadResponse is the output of ThreadService.GetThread.
 *
 * @generated from message tessera.messaging.v1.GetThreadResponse
 */
export type GetThreadResponse = Message<"tessera.messaging.v1.GetThreadResponse"> & {
    /**
     * The thread.
     *
     * @generated from field: tessera.messaging.v1.Thread thread = 1;
     */
    thread?: Thread | undefined;
};
/**
 * Describes the message tessera.messaging.v1.GetThreadResponse.
 * Use `create(GetThreadResponseSchema)` to create a new message.
 */
export declare const GetThreadResponseSchema: GenMessage<GetThreadResponse>;
/**
 * ListThreadsRequest is the input of ThreadService.ListThreads.
 *
 * @generated from message tessera.messaging.v1.ListThreadsRequest
 */
export type ListThreadsRequest = Message<"tessera.messaging.v1.ListThreadsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
    /**
     * Default 50, at most 100.
     *
     * @generated from field: int32 page_size = 2;
     */
    pageSize: number;
    /**
     * From a previous response (same group).
     *
     * @generated from field: string page_token = 3;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListThreadsRequest.
 * Use `create(ListThreadsRequestSchema)` to create a new message.
 */
export declare const ListThreadsRequestSchema: GenMessage<ListThreadsRequest>;
/**
 * ListThreadsResponse is the output of ThreadService.ListThreads.
 *
 * @generated from message tessera.messaging.v1.ListThreadsResponse
 */
export type ListThreadsResponse = Message<"tessera.messaging.v1.ListThreadsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Thread threads = 1;
     */
    threads: Thread[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListThreadsResponse.
 * Use `create(ListThreadsResponseSchema)` to create a new message.
 */
export declare const ListThreadsResponseSchema: GenMessage<ListThreadsResponse>;
/**
 * DeleteThreadRequest is the input of ThreadService.DeleteThread.
 *
 * @generated from message tessera.messaging.v1.DeleteThreadRequest
 */
export type DeleteThreadRequest = Message<"tessera.messaging.v1.DeleteThreadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string thread_id = 1;
     */
    threadId: string;
};
/**
 * Describes the message tessera.messaging.v1.DeleteThreadRequest.
 * Use `create(DeleteThreadRequestSchema)` to create a new message.
 */
export declare const DeleteThreadRequestSchema: GenMessage<DeleteThreadRequest>;
/**
 * DeleteThreadResponse is the output of ThreadService.DeleteThread.
 *
 * @generated from message tessera.messaging.v1.DeleteThreadResponse
 */
export type DeleteThreadResponse = Message<"tessera.messaging.v1.DeleteThreadResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.DeleteThreadResponse.
 * Use `create(DeleteThreadResponseSchema)` to create a new message.
 */
export declare const DeleteThreadResponseSchema: GenMessage<DeleteThreadResponse>;
/**
 * CreateReplyRequest is the input of ThreadService.CreateReply.
 *
 * @generated from message tessera.messaging.v1.CreateReplyRequest
 */
export type CreateReplyRequest = Message<"tessera.messaging.v1.CreateReplyRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string thread_id = 1;
     */
    threadId: string;
    /**
     * Required. See Reply.
     *
     * @generated from field: bytes encrypted_body = 2;
     */
    encryptedBody: Uint8Array;
    /**
     * Required. See Reply.
     *
     * @generated from field: int64 key_epoch = 3;
     */
    keyEpoch: bigint;
};
/**
 * Describes the message tessera.messaging.v1.CreateReplyRequest.
 * Use `create(CreateReplyRequestSchema)` to create a new message.
 */
export declare const CreateReplyRequestSchema: GenMessage<CreateReplyRequest>;
/**
 * CreateReplyResponse is the output of ThreadService.CreateReply.
 *
 * @generated from message tessera.messaging.v1.CreateReplyResponse
 */
export type CreateReplyResponse = Message<"tessera.messaging.v1.CreateReplyResponse"> & {
    /**
     * The new reply.
     *
     * @generated from field: tessera.messaging.v1.Reply reply = 1;
     */
    reply?: Reply | undefined;
};
/**
 * Describes the message tessera.messaging.v1.CreateReplyResponse.
 * Use `create(CreateReplyResponseSchema)` to create a new message.
 */
export declare const CreateReplyResponseSchema: GenMessage<CreateReplyResponse>;
/**
 * GetReplyRequest is the input of ThreadService.GetReply.
 *
 * @generated from message tessera.messaging.v1.GetReplyRequest
 */
export type GetReplyRequest = Message<"tessera.messaging.v1.GetReplyRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string reply_id = 1;
     */
    replyId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetReplyRequest.
 * Use `create(GetReplyRequestSchema)` to create a new message.
 */
export declare const GetReplyRequestSchema: GenMessage<GetReplyRequest>;
/**
 * GetReplyResponse is the output of ThreadService.GetReply.
 *
 * @generated from message tessera.messaging.v1.GetReplyResponse
 */
export type GetReplyResponse = Message<"tessera.messaging.v1.GetReplyResponse"> & {
    /**
     * The reply.
     *
     * @generated from field: tessera.messaging.v1.Reply reply = 1;
     */
    reply?: Reply | undefined;
};
/**
 * Describes the message tessera.messaging.v1.GetReplyResponse.
 * Use `create(GetReplyResponseSchema)` to create a new message.
 */
export declare const GetReplyResponseSchema: GenMessage<GetReplyResponse>;
/**
 * ListRepliesRequest is the input of ThreadService.ListReplies.
 *
 * @generated from message tessera.messaging.v1.ListRepliesRequest
 */
export type ListRepliesRequest = Message<"tessera.messaging.v1.ListRepliesRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string thread_id = 1;
     */
    threadId: string;
    /**
     * Default 100, at most 500.
     *
     * @generated from field: int32 page_size = 2;
     */
    pageSize: number;
    /**
     * From a previous response (same thread).
     *
     * @generated from field: string page_token = 3;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListRepliesRequest.
 * Use `create(ListRepliesRequestSchema)` to create a new message.
 */
export declare const ListRepliesRequestSchema: GenMessage<ListRepliesRequest>;
/**
 * ListRepliesResponse is the output of ThreadService.ListReplies.
 *
 * @generated from message tessera.messaging.v1.ListRepliesResponse
 */
export type ListRepliesResponse = Message<"tessera.messaging.v1.ListRepliesResponse"> & {
    /**
     * Oldest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Reply replies = 1;
     */
    replies: Reply[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListRepliesResponse.
 * Use `create(ListRepliesResponseSchema)` to create a new message.
 */
export declare const ListRepliesResponseSchema: GenMessage<ListRepliesResponse>;
/**
 * DeleteReplyRequest is the input of ThreadService.DeleteReply.
 *
 * @generated from message tessera.messaging.v1.DeleteReplyRequest
 */
export type DeleteReplyRequest = Message<"tessera.messaging.v1.DeleteReplyRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string reply_id = 1;
     */
    replyId: string;
};
/**
 * Describes the message tessera.messaging.v1.DeleteReplyRequest.
 * Use `create(DeleteReplyRequestSchema)` to create a new message.
 */
export declare const DeleteReplyRequestSchema: GenMessage<DeleteReplyRequest>;
/**
 * DeleteReplyResponse is the output of ThreadService.DeleteReply.
 *
 * @generated from message tessera.messaging.v1.DeleteReplyResponse
 */
export type DeleteReplyResponse = Message<"tessera.messaging.v1.DeleteReplyResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.DeleteReplyResponse.
 * Use `create(DeleteReplyResponseSchema)` to create a new message.
 */
export declare const DeleteReplyResponseSchema: GenMessage<DeleteReplyResponse>;
/**
 * ThreadService holds a group's threads and their replies. Callers are members of the group
 * (session token); anything in another group is NOT_FOUND. Posts are ciphertext made with the
 * group key of the current epoch: a post naming another epoch is FAILED_PRECONDITION, and so is
 * any post while the group waits for a key rotation (ErrorInfo reason KEY_ROTATION_REQUIRED).
 *
 * @generated from service tessera.messaging.v1.ThreadService
 */
export declare const ThreadService: GenService<{
    /**
     * CreateThread starts a thread in a group.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.CreateThread
     */
    createThread: {
        methodKind: "unary";
        input: typeof CreateThreadRequestSchema;
        output: typeof CreateThreadResponseSchema;
    };
    /**
     * GetThread returns a thread.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.GetThread
     */
    getThread: {
        methodKind: "unary";
        input: typeof GetThreadRequestSchema;
        output: typeof GetThreadResponseSchema;
    };
    /**
     * ListThreads lists a group's threads, newest first.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.ListThreads
     */
    listThreads: {
        methodKind: "unary";
        input: typeof ListThreadsRequestSchema;
        output: typeof ListThreadsResponseSchema;
    };
    /**
     * DeleteThread deletes a thread with its replies and media: its author or the group's creator.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.DeleteThread
     */
    deleteThread: {
        methodKind: "unary";
        input: typeof DeleteThreadRequestSchema;
        output: typeof DeleteThreadResponseSchema;
    };
    /**
     * CreateReply replies to a thread.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.CreateReply
     */
    createReply: {
        methodKind: "unary";
        input: typeof CreateReplyRequestSchema;
        output: typeof CreateReplyResponseSchema;
    };
    /**
     * GetReply returns a reply.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.GetReply
     */
    getReply: {
        methodKind: "unary";
        input: typeof GetReplyRequestSchema;
        output: typeof GetReplyResponseSchema;
    };
    /**
     * ListReplies lists a thread's replies, oldest first.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.ListReplies
     */
    listReplies: {
        methodKind: "unary";
        input: typeof ListRepliesRequestSchema;
        output: typeof ListRepliesResponseSchema;
    };
    /**
     * DeleteReply deletes a reply: its author or the group's creator.
     *
     * @generated from rpc tessera.messaging.v1.ThreadService.DeleteReply
     */
    deleteReply: {
        methodKind: "unary";
        input: typeof DeleteReplyRequestSchema;
        output: typeof DeleteReplyResponseSchema;
    };
}>;
