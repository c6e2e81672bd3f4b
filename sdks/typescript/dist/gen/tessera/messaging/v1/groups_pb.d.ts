import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/groups.proto.
 */
export declare const file_tessera_messaging_v1_groups: GenFile;
/**
 * Group is a forum group.
 *
 * @generated from message tessera.messaging.v1.Group
 */
export type Group = Message<"tessera.messaging.v1.Group"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Required. The name encrypted with the group key, 1 to 1024 bytes.
     *
     * @generated from field: bytes encrypted_name = 2;
     */
    encryptedName: Uint8Array;
    /**
     * Output only. The creator.
     *
     * @generated from field: string created_by = 3;
     */
    createdBy: string;
    /**
     * Output only. 8 letters and digits; whoever has it may join.
     *
     * @generated from field: string invite_code = 4;
     */
    inviteCode: string;
    /**
     * Output only. The current group key's epoch (1 for a new group).
     *
     * @generated from field: int64 key_epoch = 5;
     */
    keyEpoch: bigint;
    /**
     * Output only. A member left without a rotation: posting is refused until one.
     *
     * @generated from field: bool rotation_required = 6;
     */
    rotationRequired: boolean;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 7;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Group.
 * Use `create(GroupSchema)` to create a new message.
 */
export declare const GroupSchema: GenMessage<Group>;
/**
 * Member is someone in a group.
 *
 * @generated from message tessera.messaging.v1.Member
 */
export type Member = Message<"tessera.messaging.v1.Member"> & {
    /**
     * The user.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * The epoch of the key they hold.
     *
     * @generated from field: int64 key_epoch = 2;
     */
    keyEpoch: bigint;
    /**
     * When they joined.
     *
     * @generated from field: google.protobuf.Timestamp join_time = 3;
     */
    joinTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Member.
 * Use `create(MemberSchema)` to create a new message.
 */
export declare const MemberSchema: GenMessage<Member>;
/**
 * MemberKey is one member's wrapped copy of a group key.
 *
 * @generated from message tessera.messaging.v1.MemberKey
 */
export type MemberKey = Message<"tessera.messaging.v1.MemberKey"> & {
    /**
     * Required. The member.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The group key encrypted with the member's public key, 1 to 2048 bytes.
     *
     * @generated from field: bytes encrypted_group_key = 2;
     */
    encryptedGroupKey: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.MemberKey.
 * Use `create(MemberKeySchema)` to create a new message.
 */
export declare const MemberKeySchema: GenMessage<MemberKey>;
/**
 * Rotation moves a group to its next key.
 *
 * @generated from message tessera.messaging.v1.Rotation
 */
export type Rotation = Message<"tessera.messaging.v1.Rotation"> & {
    /**
     * Required. The current epoch + 1.
     *
     * @generated from field: int64 new_epoch = 1;
     */
    newEpoch: bigint;
    /**
     * Required. One key per current member (after a removal: per remaining member).
     *
     * @generated from field: repeated tessera.messaging.v1.MemberKey keys = 2;
     */
    keys: MemberKey[];
};
/**
 * Describes the message tessera.messaging.v1.Rotation.
 * Use `create(RotationSchema)` to create a new message.
 */
export declare const RotationSchema: GenMessage<Rotation>;
/**
 * CreateGroupRequest is the input of GroupService.CreateGroup.
 *
 * @generated from message tessera.messaging.v1.CreateGroupRequest
 */
export type CreateGroupRequest = Message<"tessera.messaging.v1.CreateGroupRequest"> & {
    /**
     * Required. See Group.encrypted_name.
     *
     * @generated from field: bytes encrypted_name = 1;
     */
    encryptedName: Uint8Array;
    /**
     * Required. The caller's wrapped copy of the first group key, 1 to 2048 bytes.
     *
     * @generated from field: bytes encrypted_group_key = 2;
     */
    encryptedGroupKey: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.CreateGroupRequest.
 * Use `create(CreateGroupRequestSchema)` to create a new message.
 */
export declare const CreateGroupRequestSchema: GenMessage<CreateGroupRequest>;
/**
 * CreateGroupResponse is the output of GroupService.CreateGroup.
 *
 * @generated from message tessera.messaging.v1.CreateGroupResponse
 */
export type CreateGroupResponse = Message<"tessera.messaging.v1.CreateGroupResponse"> & {
    /**
     * The new group.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.CreateGroupResponse.
 * Use `create(CreateGroupResponseSchema)` to create a new message.
 */
export declare const CreateGroupResponseSchema: GenMessage<CreateGroupResponse>;
/**
 * GetGroupRequest is the input of GroupService.GetGroup.
 *
 * @generated from message tessera.messaging.v1.GetGroupRequest
 */
export type GetGroupRequest = Message<"tessera.messaging.v1.GetGroupRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetGroupRequest.
 * Use `create(GetGroupRequestSchema)` to create a new message.
 */
export declare const GetGroupRequestSchema: GenMessage<GetGroupRequest>;
/**
 * GetGroupResponse is the output of GroupService.GetGroup.
 *
 * @generated from message tessera.messaging.v1.GetGroupResponse
 */
export type GetGroupResponse = Message<"tessera.messaging.v1.GetGroupResponse"> & {
    /**
     * The group.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.GetGroupResponse.
 * Use `create(GetGroupResponseSchema)` to create a new message.
 */
export declare const GetGroupResponseSchema: GenMessage<GetGroupResponse>;
/**
 * ListGroupsRequest is the input of GroupService.ListGroups.
 *
 * @generated from message tessera.messaging.v1.ListGroupsRequest
 */
export type ListGroupsRequest = Message<"tessera.messaging.v1.ListGroupsRequest"> & {
    /**
     * Default 50, at most 100.
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
 * Describes the message tessera.messaging.v1.ListGroupsRequest.
 * Use `create(ListGroupsRequestSchema)` to create a new message.
 */
export declare const ListGroupsRequestSchema: GenMessage<ListGroupsRequest>;
/**
 * ListGroupsResponse is the output of GroupService.ListGroups.
 *
 * @generated from message tessera.messaging.v1.ListGroupsResponse
 */
export type ListGroupsResponse = Message<"tessera.messaging.v1.ListGroupsResponse"> & {
    /**
     * The caller's groups.
     *
     * @generated from field: repeated tessera.messaging.v1.Group groups = 1;
     */
    groups: Group[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListGroupsResponse.
 * Use `create(ListGroupsResponseSchema)` to create a new message.
 */
export declare const ListGroupsResponseSchema: GenMessage<ListGroupsResponse>;
/**
 * ReplaceInviteCodeRequest is the input of GroupService.ReplaceInviteCode.
 *
 * @generated from message tessera.messaging.v1.ReplaceInviteCodeRequest
 */
export type ReplaceInviteCodeRequest = Message<"tessera.messaging.v1.ReplaceInviteCodeRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.ReplaceInviteCodeRequest.
 * Use `create(ReplaceInviteCodeRequestSchema)` to create a new message.
 */
export declare const ReplaceInviteCodeRequestSchema: GenMessage<ReplaceInviteCodeRequest>;
/**
 * ReplaceInviteCodeResponse is the output of GroupService.ReplaceInviteCode.
 *
 * @generated from message tessera.messaging.v1.ReplaceInviteCodeResponse
 */
export type ReplaceInviteCodeResponse = Message<"tessera.messaging.v1.ReplaceInviteCodeResponse"> & {
    /**
     * The group with its new code.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.ReplaceInviteCodeResponse.
 * Use `create(ReplaceInviteCodeResponseSchema)` to create a new message.
 */
export declare const ReplaceInviteCodeResponseSchema: GenMessage<ReplaceInviteCodeResponse>;
/**
 * DeleteGroupRequest is the input of GroupService.DeleteGroup.
 *
 * @generated from message tessera.messaging.v1.DeleteGroupRequest
 */
export type DeleteGroupRequest = Message<"tessera.messaging.v1.DeleteGroupRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.DeleteGroupRequest.
 * Use `create(DeleteGroupRequestSchema)` to create a new message.
 */
export declare const DeleteGroupRequestSchema: GenMessage<DeleteGroupRequest>;
/**
 * DeleteGroupResponse is the output of GroupService.DeleteGroup.
 *
 * @generated from message tessera.messaging.v1.DeleteGroupResponse
 */
export type DeleteGroupResponse = Message<"tessera.messaging.v1.DeleteGroupResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.DeleteGroupResponse.
 * Use `create(DeleteGroupResponseSchema)` to create a new message.
 */
export declare const DeleteGroupResponseSchema: GenMessage<DeleteGroupResponse>;
/**
 * JoinGroupRequest is the input of GroupService.JoinGroup.
 *
 * @generated from message tessera.messaging.v1.JoinGroupRequest
 */
export type JoinGroupRequest = Message<"tessera.messaging.v1.JoinGroupRequest"> & {
    /**
     * Required. 8 letters and digits.
     *
     * @generated from field: string invite_code = 1;
     */
    inviteCode: string;
    /**
     * Required. The caller's wrapped copy of the current group key, 1 to 2048 bytes.
     *
     * @generated from field: bytes encrypted_group_key = 2;
     */
    encryptedGroupKey: Uint8Array;
    /**
     * Required. The epoch of that key: the group's current one.
     *
     * @generated from field: int64 key_epoch = 3;
     */
    keyEpoch: bigint;
};
/**
 * Describes the message tessera.messaging.v1.JoinGroupRequest.
 * Use `create(JoinGroupRequestSchema)` to create a new message.
 */
export declare const JoinGroupRequestSchema: GenMessage<JoinGroupRequest>;
/**
 * JoinGroupResponse is the output of GroupService.JoinGroup.
 *
 * @generated from message tessera.messaging.v1.JoinGroupResponse
 */
export type JoinGroupResponse = Message<"tessera.messaging.v1.JoinGroupResponse"> & {
    /**
     * The group joined.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.JoinGroupResponse.
 * Use `create(JoinGroupResponseSchema)` to create a new message.
 */
export declare const JoinGroupResponseSchema: GenMessage<JoinGroupResponse>;
/**
 * ListMembersRequest is the input of GroupService.ListMembers.
 *
 * @generated from message tessera.messaging.v1.ListMembersRequest
 */
export type ListMembersRequest = Message<"tessera.messaging.v1.ListMembersRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.ListMembersRequest.
 * Use `create(ListMembersRequestSchema)` to create a new message.
 */
export declare const ListMembersRequestSchema: GenMessage<ListMembersRequest>;
/**
 * ListMembersResponse is the output of GroupService.ListMembers.
 *
 * @generated from message tessera.messaging.v1.ListMembersResponse
 */
export type ListMembersResponse = Message<"tessera.messaging.v1.ListMembersResponse"> & {
    /**
     * Every member, oldest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Member members = 1;
     */
    members: Member[];
};
/**
 * Describes the message tessera.messaging.v1.ListMembersResponse.
 * Use `create(ListMembersResponseSchema)` to create a new message.
 */
export declare const ListMembersResponseSchema: GenMessage<ListMembersResponse>;
/**
 * LeaveGroupRequest is the input of GroupService.LeaveGroup.
 *
 * @generated from message tessera.messaging.v1.LeaveGroupRequest
 */
export type LeaveGroupRequest = Message<"tessera.messaging.v1.LeaveGroupRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.LeaveGroupRequest.
 * Use `create(LeaveGroupRequestSchema)` to create a new message.
 */
export declare const LeaveGroupRequestSchema: GenMessage<LeaveGroupRequest>;
/**
 * LeaveGroupResponse is the output of GroupService.LeaveGroup.
 *
 * @generated from message tessera.messaging.v1.LeaveGroupResponse
 */
export type LeaveGroupResponse = Message<"tessera.messaging.v1.LeaveGroupResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.LeaveGroupResponse.
 * Use `create(LeaveGroupResponseSchema)` to create a new message.
 */
export declare const LeaveGroupResponseSchema: GenMessage<LeaveGroupResponse>;
/**
 * RemoveMemberRequest is the input of GroupService.RemoveMember.
 *
 * @generated from message tessera.messaging.v1.RemoveMemberRequest
 */
export type RemoveMemberRequest = Message<"tessera.messaging.v1.RemoveMemberRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
    /**
     * Required. A member other than the creator.
     *
     * @generated from field: string user_id = 2;
     */
    userId: string;
    /**
     * Required. The rotation to the next key for the members who remain.
     *
     * @generated from field: tessera.messaging.v1.Rotation rotation = 3;
     */
    rotation?: Rotation | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RemoveMemberRequest.
 * Use `create(RemoveMemberRequestSchema)` to create a new message.
 */
export declare const RemoveMemberRequestSchema: GenMessage<RemoveMemberRequest>;
/**
 * RemoveMemberResponse is the output of GroupService.RemoveMember.
 *
 * @generated from message tessera.messaging.v1.RemoveMemberResponse
 */
export type RemoveMemberResponse = Message<"tessera.messaging.v1.RemoveMemberResponse"> & {
    /**
     * The group at its new epoch.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RemoveMemberResponse.
 * Use `create(RemoveMemberResponseSchema)` to create a new message.
 */
export declare const RemoveMemberResponseSchema: GenMessage<RemoveMemberResponse>;
/**
 * RotateGroupKeyRequest is the input of GroupService.RotateGroupKey.
 *
 * @generated from message tessera.messaging.v1.RotateGroupKeyRequest
 */
export type RotateGroupKeyRequest = Message<"tessera.messaging.v1.RotateGroupKeyRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.messaging.v1.Rotation rotation = 2;
     */
    rotation?: Rotation | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RotateGroupKeyRequest.
 * Use `create(RotateGroupKeyRequestSchema)` to create a new message.
 */
export declare const RotateGroupKeyRequestSchema: GenMessage<RotateGroupKeyRequest>;
/**
 * RotateGroupKeyResponse is the output of GroupService.RotateGroupKey.
 *
 * @generated from message tessera.messaging.v1.RotateGroupKeyResponse
 */
export type RotateGroupKeyResponse = Message<"tessera.messaging.v1.RotateGroupKeyResponse"> & {
    /**
     * The group at its new epoch.
     *
     * @generated from field: tessera.messaging.v1.Group group = 1;
     */
    group?: Group | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RotateGroupKeyResponse.
 * Use `create(RotateGroupKeyResponseSchema)` to create a new message.
 */
export declare const RotateGroupKeyResponseSchema: GenMessage<RotateGroupKeyResponse>;
/**
 * ListGroupKeysRequest is the input of GroupService.ListGroupKeys.
 *
 * @generated from message tessera.messaging.v1.ListGroupKeysRequest
 */
export type ListGroupKeysRequest = Message<"tessera.messaging.v1.ListGroupKeysRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.ListGroupKeysRequest.
 * Use `create(ListGroupKeysRequestSchema)` to create a new message.
 */
export declare const ListGroupKeysRequestSchema: GenMessage<ListGroupKeysRequest>;
/**
 * ListGroupKeysResponse is the output of GroupService.ListGroupKeys.
 *
 * @generated from message tessera.messaging.v1.ListGroupKeysResponse
 */
export type ListGroupKeysResponse = Message<"tessera.messaging.v1.ListGroupKeysResponse"> & {
    /**
     * The caller's keys, newest epoch first.
     *
     * @generated from field: repeated tessera.messaging.v1.EpochKey keys = 1;
     */
    keys: EpochKey[];
};
/**
 * Describes the message tessera.messaging.v1.ListGroupKeysResponse.
 * Use `create(ListGroupKeysResponseSchema)` to create a new message.
 */
export declare const ListGroupKeysResponseSchema: GenMessage<ListGroupKeysResponse>;
/**
 * EpochKey is the caller's wrapped group key of one epoch.
 *
 * @generated from message tessera.messaging.v1.EpochKey
 */
export type EpochKey = Message<"tessera.messaging.v1.EpochKey"> & {
    /**
     * The epoch.
     *
     * @generated from field: int64 key_epoch = 1;
     */
    keyEpoch: bigint;
    /**
     * The wrapped key.
     *
     * @generated from field: bytes encrypted_group_key = 2;
     */
    encryptedGroupKey: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.EpochKey.
 * Use `create(EpochKeySchema)` to create a new message.
 */
export declare const EpochKeySchema: GenMessage<EpochKey>;
/**
 * GroupService holds the forum's groups and who is in them. Callers are users (session token)
 * and see only groups they are members of: any other group id is NOT_FOUND.
 *
 * Everything readable is ciphertext made with the group key, which never reaches the server:
 * each member holds a copy wrapped with their own public key, per key epoch. When someone
 * leaves (or is deleted) the remaining members must rotate the key before anyone posts again.
 *
 * @generated from service tessera.messaging.v1.GroupService
 */
export declare const GroupService: GenService<{
    /**
     * CreateGroup creates a group with the caller as its creator and first member.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.CreateGroup
     */
    createGroup: {
        methodKind: "unary";
        input: typeof CreateGroupRequestSchema;
        output: typeof CreateGroupResponseSchema;
    };
    /**
     * GetGroup returns a group the caller is a member of.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.GetGroup
     */
    getGroup: {
        methodKind: "unary";
        input: typeof GetGroupRequestSchema;
        output: typeof GetGroupResponseSchema;
    };
    /**
     * ListGroups lists the caller's groups, most recently joined first.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.ListGroups
     */
    listGroups: {
        methodKind: "unary";
        input: typeof ListGroupsRequestSchema;
        output: typeof ListGroupsResponseSchema;
    };
    /**
     * ReplaceInviteCode gives the group a new invite code; the old one stops working. Creator only.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.ReplaceInviteCode
     */
    replaceInviteCode: {
        methodKind: "unary";
        input: typeof ReplaceInviteCodeRequestSchema;
        output: typeof ReplaceInviteCodeResponseSchema;
    };
    /**
     * DeleteGroup deletes a group with its threads, replies and media. Creator only.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.DeleteGroup
     */
    deleteGroup: {
        methodKind: "unary";
        input: typeof DeleteGroupRequestSchema;
        output: typeof DeleteGroupResponseSchema;
    };
    /**
     * JoinGroup joins the group an invite code names, with the caller's wrapped copy of the
     * current group key. A wrong code is NOT_FOUND (failed attempts are rate limited); a key for
     * another epoch is FAILED_PRECONDITION naming the current one.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.JoinGroup
     */
    joinGroup: {
        methodKind: "unary";
        input: typeof JoinGroupRequestSchema;
        output: typeof JoinGroupResponseSchema;
    };
    /**
     * ListMembers lists a group's members.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.ListMembers
     */
    listMembers: {
        methodKind: "unary";
        input: typeof ListMembersRequestSchema;
        output: typeof ListMembersResponseSchema;
    };
    /**
     * LeaveGroup ends the caller's membership; the group then needs a key rotation. The creator
     * deletes the group instead (FAILED_PRECONDITION).
     *
     * @generated from rpc tessera.messaging.v1.GroupService.LeaveGroup
     */
    leaveGroup: {
        methodKind: "unary";
        input: typeof LeaveGroupRequestSchema;
        output: typeof LeaveGroupResponseSchema;
    };
    /**
     * RemoveMember removes a member and rotates the key in the same transaction. Creator only.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.RemoveMember
     */
    removeMember: {
        methodKind: "unary";
        input: typeof RemoveMemberRequestSchema;
        output: typeof RemoveMemberResponseSchema;
    };
    /**
     * RotateGroupKey moves the group to the next key epoch: `new_epoch` must be the current epoch
     * + 1 (else ABORTED: another rotation won) and the keys must cover exactly the current
     * members (else FAILED_PRECONDITION listing who is missing or extra). Any member.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.RotateGroupKey
     */
    rotateGroupKey: {
        methodKind: "unary";
        input: typeof RotateGroupKeyRequestSchema;
        output: typeof RotateGroupKeyResponseSchema;
    };
    /**
     * ListGroupKeys returns the caller's wrapped group keys, one per epoch they held.
     *
     * @generated from rpc tessera.messaging.v1.GroupService.ListGroupKeys
     */
    listGroupKeys: {
        methodKind: "unary";
        input: typeof ListGroupKeysRequestSchema;
        output: typeof ListGroupKeysResponseSchema;
    };
}>;
