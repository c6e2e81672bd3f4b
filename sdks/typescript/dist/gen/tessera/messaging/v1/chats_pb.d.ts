import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { IdentityKeyType } from "./devices_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/chats.proto.
 */
export declare const file_tessera_messaging_v1_chats: GenFile;
/**
 * Chat is a conversation.
 *
 * @generated from message tessera.messaging.v1.Chat
 */
export type Chat = Message<"tessera.messaging.v1.Chat"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: tessera.messaging.v1.ChatType type = 2;
     */
    type: ChatType;
    /**
     * A group chat's name (1 to 128 characters); empty for direct chats.
     *
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * Output only. A group chat's owner; empty for direct chats and ownerless groups.
     *
     * @generated from field: string owner_id = 4;
     */
    ownerId: string;
    /**
     * Output only. Everyone in the chat (both users of a direct chat).
     *
     * @generated from field: repeated tessera.messaging.v1.ChatMember members = 5;
     */
    members: ChatMember[];
    /**
     * Output only. The latest message row (one recipient's copy); empty before the first.
     *
     * @generated from field: string last_message_id = 6;
     */
    lastMessageId: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 7;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only. The latest activity (a message, a membership change).
     *
     * @generated from field: google.protobuf.Timestamp update_time = 8;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Chat.
 * Use `create(ChatSchema)` to create a new message.
 */
export declare const ChatSchema: GenMessage<Chat>;
/**
 * ChatMember is someone in a chat.
 *
 * @generated from message tessera.messaging.v1.ChatMember
 */
export type ChatMember = Message<"tessera.messaging.v1.ChatMember"> & {
    /**
     * The user.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Their role (MEMBER in direct chats).
     *
     * @generated from field: tessera.messaging.v1.ChatRole role = 2;
     */
    role: ChatRole;
    /**
     * When they joined.
     *
     * @generated from field: google.protobuf.Timestamp join_time = 3;
     */
    joinTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.ChatMember.
 * Use `create(ChatMemberSchema)` to create a new message.
 */
export declare const ChatMemberSchema: GenMessage<ChatMember>;
/**
 * GetOrCreateDirectChatRequest is the input of ChatService.GetOrCreateDirectChat.
 *
 * @generated from message tessera.messaging.v1.GetOrCreateDirectChatRequest
 */
export type GetOrCreateDirectChatRequest = Message<"tessera.messaging.v1.GetOrCreateDirectChatRequest"> & {
    /**
     * Required. The other user.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetOrCreateDirectChatRequest.
 * Use `create(GetOrCreateDirectChatRequestSchema)` to create a new message.
 */
export declare const GetOrCreateDirectChatRequestSchema: GenMessage<GetOrCreateDirectChatRequest>;
/**
 * GetOrCreateDirectChatResponse is the output of ChatService.GetOrCreateDirectChat.
 *
 * @generated from message tessera.messaging.v1.GetOrCreateDirectChatResponse
 */
export type GetOrCreateDirectChatResponse = Message<"tessera.messaging.v1.GetOrCreateDirectChatResponse"> & {
    /**
     * The chat.
     *
     * @generated from field: tessera.messaging.v1.Chat chat = 1;
     */
    chat?: Chat | undefined;
    /**
     * Whether this call created it.
     *
     * @generated from field: bool created = 2;
     */
    created: boolean;
};
/**
 * Describes the message tessera.messaging.v1.GetOrCreateDirectChatResponse.
 * Use `create(GetOrCreateDirectChatResponseSchema)` to create a new message.
 */
export declare const GetOrCreateDirectChatResponseSchema: GenMessage<GetOrCreateDirectChatResponse>;
/**
 * CreateGroupChatRequest is the input of ChatService.CreateGroupChat.
 *
 * @generated from message tessera.messaging.v1.CreateGroupChatRequest
 */
export type CreateGroupChatRequest = Message<"tessera.messaging.v1.CreateGroupChatRequest"> & {
    /**
     * Required. 1 to 128 characters.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * Users to add besides the caller (the owner); at most 255, each known to identity.
     *
     * @generated from field: repeated string member_user_ids = 2;
     */
    memberUserIds: string[];
};
/**
 * Describes the message tessera.messaging.v1.CreateGroupChatRequest.
 * Use `create(CreateGroupChatRequestSchema)` to create a new message.
 */
export declare const CreateGroupChatRequestSchema: GenMessage<CreateGroupChatRequest>;
/**
 * CreateGroupChatResponse is the output of ChatService.CreateGroupChat.
 *
 * @generated from message tessera.messaging.v1.CreateGroupChatResponse
 */
export type CreateGroupChatResponse = Message<"tessera.messaging.v1.CreateGroupChatResponse"> & {
    /**
     * The new chat.
     *
     * @generated from field: tessera.messaging.v1.Chat chat = 1;
     */
    chat?: Chat | undefined;
};
/**
 * Describes the message tessera.messaging.v1.CreateGroupChatResponse.
 * Use `create(CreateGroupChatResponseSchema)` to create a new message.
 */
export declare const CreateGroupChatResponseSchema: GenMessage<CreateGroupChatResponse>;
/**
 * GetChatRequest is the input of ChatService.GetChat.
 *
 * @generated from message tessera.messaging.v1.GetChatRequest
 */
export type GetChatRequest = Message<"tessera.messaging.v1.GetChatRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetChatRequest.
 * Use `create(GetChatRequestSchema)` to create a new message.
 */
export declare const GetChatRequestSchema: GenMessage<GetChatRequest>;
/**
 * GetChatResponse is the output of ChatService.GetChat.
 *
 * @generated from message tessera.messaging.v1.GetChatResponse
 */
export type GetChatResponse = Message<"tessera.messaging.v1.GetChatResponse"> & {
    /**
     * The chat.
     *
     * @generated from field: tessera.messaging.v1.Chat chat = 1;
     */
    chat?: Chat | undefined;
};
/**
 * Describes the message tessera.messaging.v1.GetChatResponse.
 * Use `create(GetChatResponseSchema)` to create a new message.
 */
export declare const GetChatResponseSchema: GenMessage<GetChatResponse>;
/**
 * ListChatsRequest is the input of ChatService.ListChats.
 *
 * @generated from message tessera.messaging.v1.ListChatsRequest
 */
export type ListChatsRequest = Message<"tessera.messaging.v1.ListChatsRequest"> & {
    /**
     * Default 50, at most 1000.
     *
     * @generated from field: int32 page_size = 1;
     */
    pageSize: number;
    /**
     * From a previous response.
     *
     * @generated from field: string page_token = 2;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListChatsRequest.
 * Use `create(ListChatsRequestSchema)` to create a new message.
 */
export declare const ListChatsRequestSchema: GenMessage<ListChatsRequest>;
/**
 * ListChatsResponse is the output of ChatService.ListChats.
 *
 * @generated from message tessera.messaging.v1.ListChatsResponse
 */
export type ListChatsResponse = Message<"tessera.messaging.v1.ListChatsResponse"> & {
    /**
     * The caller's chats, most recent activity first.
     *
     * @generated from field: repeated tessera.messaging.v1.Chat chats = 1;
     */
    chats: Chat[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListChatsResponse.
 * Use `create(ListChatsResponseSchema)` to create a new message.
 */
export declare const ListChatsResponseSchema: GenMessage<ListChatsResponse>;
/**
 * AddChatMembersRequest is the input of ChatService.AddChatMembers.
 *
 * @generated from message tessera.messaging.v1.AddChatMembersRequest
 */
export type AddChatMembersRequest = Message<"tessera.messaging.v1.AddChatMembersRequest"> & {
    /**
     * Required. A group chat the caller owns.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
    /**
     * Required. Users to add, each known to identity.
     *
     * @generated from field: repeated string user_ids = 2;
     */
    userIds: string[];
};
/**
 * Describes the message tessera.messaging.v1.AddChatMembersRequest.
 * Use `create(AddChatMembersRequestSchema)` to create a new message.
 */
export declare const AddChatMembersRequestSchema: GenMessage<AddChatMembersRequest>;
/**
 * AddChatMembersResponse is the output of ChatService.AddChatMembers.
 *
 * @generated from message tessera.messaging.v1.AddChatMembersResponse
 */
export type AddChatMembersResponse = Message<"tessera.messaging.v1.AddChatMembersResponse"> & {
    /**
     * The chat as it is now.
     *
     * @generated from field: tessera.messaging.v1.Chat chat = 1;
     */
    chat?: Chat | undefined;
};
/**
 * Describes the message tessera.messaging.v1.AddChatMembersResponse.
 * Use `create(AddChatMembersResponseSchema)` to create a new message.
 */
export declare const AddChatMembersResponseSchema: GenMessage<AddChatMembersResponse>;
/**
 * RemoveChatMemberRequest is the input of ChatService.RemoveChatMember.
 *
 * @generated from message tessera.messaging.v1.RemoveChatMemberRequest
 */
export type RemoveChatMemberRequest = Message<"tessera.messaging.v1.RemoveChatMemberRequest"> & {
    /**
     * Required. A group chat the caller owns.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
    /**
     * Required. A member other than the caller.
     *
     * @generated from field: string user_id = 2;
     */
    userId: string;
};
/**
 * Describes the message tessera.messaging.v1.RemoveChatMemberRequest.
 * Use `create(RemoveChatMemberRequestSchema)` to create a new message.
 */
export declare const RemoveChatMemberRequestSchema: GenMessage<RemoveChatMemberRequest>;
/**
 * RemoveChatMemberResponse is the output of ChatService.RemoveChatMember.
 *
 * @generated from message tessera.messaging.v1.RemoveChatMemberResponse
 */
export type RemoveChatMemberResponse = Message<"tessera.messaging.v1.RemoveChatMemberResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.RemoveChatMemberResponse.
 * Use `create(RemoveChatMemberResponseSchema)` to create a new message.
 */
export declare const RemoveChatMemberResponseSchema: GenMessage<RemoveChatMemberResponse>;
/**
 * LeaveChatRequest is the input of ChatService.LeaveChat.
 *
 * @generated from message tessera.messaging.v1.LeaveChatRequest
 */
export type LeaveChatRequest = Message<"tessera.messaging.v1.LeaveChatRequest"> & {
    /**
     * Required. A group chat the caller is in.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
};
/**
 * Describes the message tessera.messaging.v1.LeaveChatRequest.
 * Use `create(LeaveChatRequestSchema)` to create a new message.
 */
export declare const LeaveChatRequestSchema: GenMessage<LeaveChatRequest>;
/**
 * LeaveChatResponse is the output of ChatService.LeaveChat.
 *
 * @generated from message tessera.messaging.v1.LeaveChatResponse
 */
export type LeaveChatResponse = Message<"tessera.messaging.v1.LeaveChatResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.LeaveChatResponse.
 * Use `create(LeaveChatResponseSchema)` to create a new message.
 */
export declare const LeaveChatResponseSchema: GenMessage<LeaveChatResponse>;
/**
 * ListChatDevicesRequest is the input of ChatService.ListChatDevices.
 *
 * @generated from message tessera.messaging.v1.ListChatDevicesRequest
 */
export type ListChatDevicesRequest = Message<"tessera.messaging.v1.ListChatDevicesRequest"> & {
    /**
     * Required. A chat the caller is in.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
};
/**
 * Describes the message tessera.messaging.v1.ListChatDevicesRequest.
 * Use `create(ListChatDevicesRequestSchema)` to create a new message.
 */
export declare const ListChatDevicesRequestSchema: GenMessage<ListChatDevicesRequest>;
/**
 * ListChatDevicesResponse is the output of ChatService.ListChatDevices.
 *
 * @generated from message tessera.messaging.v1.ListChatDevicesResponse
 */
export type ListChatDevicesResponse = Message<"tessera.messaging.v1.ListChatDevicesResponse"> & {
    /**
     * Every member's devices (at most 256 members x 16 devices).
     *
     * @generated from field: repeated tessera.messaging.v1.ChatDevice devices = 1;
     */
    devices: ChatDevice[];
};
/**
 * Describes the message tessera.messaging.v1.ListChatDevicesResponse.
 * Use `create(ListChatDevicesResponseSchema)` to create a new message.
 */
export declare const ListChatDevicesResponseSchema: GenMessage<ListChatDevicesResponse>;
/**
 * ChatDevice is a device a chat's messages are encrypted for.
 *
 * @generated from message tessera.messaging.v1.ChatDevice
 */
export type ChatDevice = Message<"tessera.messaging.v1.ChatDevice"> & {
    /**
     * The member.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * The device.
     *
     * @generated from field: string device_id = 2;
     */
    deviceId: string;
    /**
     * How its identity key signs.
     *
     * @generated from field: tessera.messaging.v1.IdentityKeyType identity_key_type = 3;
     */
    identityKeyType: IdentityKeyType;
    /**
     * Its identity key: a send names it per envelope, so a changed key is caught (stale).
     *
     * @generated from field: bytes identity_key = 4;
     */
    identityKey: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.ChatDevice.
 * Use `create(ChatDeviceSchema)` to create a new message.
 */
export declare const ChatDeviceSchema: GenMessage<ChatDevice>;
/**
 * ChatType says whether a chat has two fixed users or a membership list.
 *
 * @generated from enum tessera.messaging.v1.ChatType
 */
export declare enum ChatType {
    /**
     * Not set.
     *
     * @generated from enum value: CHAT_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Two users, fixed.
     *
     * @generated from enum value: CHAT_TYPE_DIRECT = 1;
     */
    DIRECT = 1,
    /**
     * An owner and members.
     *
     * @generated from enum value: CHAT_TYPE_GROUP = 2;
     */
    GROUP = 2
}
/**
 * Describes the enum tessera.messaging.v1.ChatType.
 */
export declare const ChatTypeSchema: GenEnum<ChatType>;
/**
 * ChatRole is a member's role in a group chat.
 *
 * @generated from enum tessera.messaging.v1.ChatRole
 */
export declare enum ChatRole {
    /**
     * Not set.
     *
     * @generated from enum value: CHAT_ROLE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * May add and remove members.
     *
     * @generated from enum value: CHAT_ROLE_OWNER = 1;
     */
    OWNER = 1,
    /**
     * A member.
     *
     * @generated from enum value: CHAT_ROLE_MEMBER = 2;
     */
    MEMBER = 2
}
/**
 * Describes the enum tessera.messaging.v1.ChatRole.
 */
export declare const ChatRoleSchema: GenEnum<ChatRole>;
/**
 * ChatService holds conversations: direct chats between two users and group chats with an
 * owner. Callers are users (session token) and see only chats they are in: any other chat id
 * is NOT_FOUND. A group has at most 256 members.
 *
 * @generated from service tessera.messaging.v1.ChatService
 */
export declare const ChatService: GenService<{
    /**
     * GetOrCreateDirectChat returns the caller's direct chat with `user_id` (a user identity
     * knows, not the caller), creating it once: two callers racing get the same chat.
     *
     * @generated from rpc tessera.messaging.v1.ChatService.GetOrCreateDirectChat
     */
    getOrCreateDirectChat: {
        methodKind: "unary";
        input: typeof GetOrCreateDirectChatRequestSchema;
        output: typeof GetOrCreateDirectChatResponseSchema;
    };
    /**
     * CreateGroupChat creates a group chat owned by the caller with the named members.
     *
     * @generated from rpc tessera.messaging.v1.ChatService.CreateGroupChat
     */
    createGroupChat: {
        methodKind: "unary";
        input: typeof CreateGroupChatRequestSchema;
        output: typeof CreateGroupChatResponseSchema;
    };
    /**
     * GetChat returns one of the caller's chats.
     *
     * @generated from rpc tessera.messaging.v1.ChatService.GetChat
     */
    getChat: {
        methodKind: "unary";
        input: typeof GetChatRequestSchema;
        output: typeof GetChatResponseSchema;
    };
    /**
     * ListChats lists the caller's chats, most recent activity first.
     *
     * @generated from rpc tessera.messaging.v1.ChatService.ListChats
     */
    listChats: {
        methodKind: "unary";
        input: typeof ListChatsRequestSchema;
        output: typeof ListChatsResponseSchema;
    };
    /**
     * AddChatMembers adds users to a group chat (owner only; users already in are kept).
     *
     * @generated from rpc tessera.messaging.v1.ChatService.AddChatMembers
     */
    addChatMembers: {
        methodKind: "unary";
        input: typeof AddChatMembersRequestSchema;
        output: typeof AddChatMembersResponseSchema;
    };
    /**
     * RemoveChatMember removes a member from a group chat (owner only; not the owner).
     *
     * @generated from rpc tessera.messaging.v1.ChatService.RemoveChatMember
     */
    removeChatMember: {
        methodKind: "unary";
        input: typeof RemoveChatMemberRequestSchema;
        output: typeof RemoveChatMemberResponseSchema;
    };
    /**
     * LeaveChat removes the caller from a group chat; an owner who leaves leaves it ownerless.
     *
     * @generated from rpc tessera.messaging.v1.ChatService.LeaveChat
     */
    leaveChat: {
        methodKind: "unary";
        input: typeof LeaveChatRequestSchema;
        output: typeof LeaveChatResponseSchema;
    };
    /**
     * ListChatDevices returns every device of every member with its identity key: the set a
     * message to the chat must be encrypted for (minus the sending device).
     *
     * @generated from rpc tessera.messaging.v1.ChatService.ListChatDevices
     */
    listChatDevices: {
        methodKind: "unary";
        input: typeof ListChatDevicesRequestSchema;
        output: typeof ListChatDevicesResponseSchema;
    };
}>;
