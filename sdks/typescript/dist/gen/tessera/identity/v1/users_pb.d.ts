import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/users.proto.
 */
export declare const file_tessera_identity_v1_users: GenFile;
/**
 * User is an account as its owner sees it.
 *
 * @generated from message tessera.identity.v1.User
 */
export type User = Message<"tessera.identity.v1.User"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Email address, stored lowercase; unique. Either this or `username` is set, or both.
     *
     * @generated from field: string email = 2;
     */
    email: string;
    /**
     * 3 to 50 of [A-Za-z0-9_]; unique regardless of case.
     *
     * @generated from field: string username = 3;
     */
    username: string;
    /**
     * Free text, at most 100 characters.
     *
     * @generated from field: string display_name = 4;
     */
    displayName: string;
    /**
     * An https URL of at most 2048 characters.
     *
     * @generated from field: string picture_url = 5;
     */
    pictureUrl: string;
    /**
     * The user's public key as a JWK (RSA, EC or OKP; private members are rejected).
     *
     * @generated from field: google.protobuf.Struct public_key = 6;
     */
    publicKey?: JsonObject | undefined;
    /**
     * Output only. The user's plan.
     *
     * @generated from field: tessera.identity.v1.SubscriptionTier subscription_tier = 7;
     */
    subscriptionTier: SubscriptionTier;
    /**
     * Output only. Whether the account has a password (magic-link accounts have none).
     *
     * @generated from field: bool has_password = 8;
     */
    hasPassword: boolean;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 9;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 10;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.User.
 * Use `create(UserSchema)` to create a new message.
 */
export declare const UserSchema: GenMessage<User>;
/**
 * PublicProfile is what anyone signed in may see of another user.
 *
 * @generated from message tessera.identity.v1.PublicProfile
 */
export type PublicProfile = Message<"tessera.identity.v1.PublicProfile"> & {
    /**
     * The user's id.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The user's username, if any.
     *
     * @generated from field: string username = 2;
     */
    username: string;
    /**
     * The user's display name.
     *
     * @generated from field: string display_name = 3;
     */
    displayName: string;
    /**
     * The user's picture URL.
     *
     * @generated from field: string picture_url = 4;
     */
    pictureUrl: string;
    /**
     * The user's public key as a JWK, if registered.
     *
     * @generated from field: google.protobuf.Struct public_key = 5;
     */
    publicKey?: JsonObject | undefined;
};
/**
 * Describes the message tessera.identity.v1.PublicProfile.
 * Use `create(PublicProfileSchema)` to create a new message.
 */
export declare const PublicProfileSchema: GenMessage<PublicProfile>;
/**
 * KdfParams are the Argon2id parameters a zero-knowledge client uses to derive its AuthHash
 * from the password. The server stores them at sign-up and returns them through Prelogin.
 *
 * @generated from message tessera.identity.v1.KdfParams
 */
export type KdfParams = Message<"tessera.identity.v1.KdfParams"> & {
    /**
     * 16 to 64 random bytes.
     *
     * @generated from field: bytes salt = 1;
     */
    salt: Uint8Array;
    /**
     * Memory cost in KiB, 19456 to 1048576.
     *
     * @generated from field: uint32 memory_kib = 2;
     */
    memoryKib: number;
    /**
     * Iterations, 2 to 10.
     *
     * @generated from field: uint32 iterations = 3;
     */
    iterations: number;
    /**
     * Lanes, 1 to 16.
     *
     * @generated from field: uint32 parallelism = 4;
     */
    parallelism: number;
};
/**
 * Describes the message tessera.identity.v1.KdfParams.
 * Use `create(KdfParamsSchema)` to create a new message.
 */
export declare const KdfParamsSchema: GenMessage<KdfParams>;
/**
 * CreateAccountRequest is the input of AccountService.CreateAccount.
 *
 * @generated from message tessera.identity.v1.CreateAccountRequest
 */
export type CreateAccountRequest = Message<"tessera.identity.v1.CreateAccountRequest"> & {
    /**
     * Email address. Required unless `username` is set.
     *
     * @generated from field: string email = 1;
     */
    email: string;
    /**
     * Username. Required unless `email` is set.
     *
     * @generated from field: string username = 2;
     */
    username: string;
    /**
     * Required. The password, or the AuthHash a zero-knowledge client derived from it: an
     * opaque secret of 8 to 1024 bytes that the server only ever stores hashed.
     *
     * @generated from field: string password = 3;
     */
    password: string;
    /**
     * Optional display name.
     *
     * @generated from field: string display_name = 4;
     */
    displayName: string;
    /**
     * Optional https picture URL.
     *
     * @generated from field: string picture_url = 5;
     */
    pictureUrl: string;
    /**
     * Optional public key (JWK).
     *
     * @generated from field: google.protobuf.Struct public_key = 6;
     */
    publicKey?: JsonObject | undefined;
    /**
     * Optional: the key-derivation parameters of a zero-knowledge client.
     *
     * @generated from field: tessera.identity.v1.KdfParams kdf_params = 7;
     */
    kdfParams?: KdfParams | undefined;
    /**
     * Optional: describes the client for the session list, e.g. "tessera-cli 1.2 on linux".
     *
     * @generated from field: string client_description = 8;
     */
    clientDescription: string;
};
/**
 * Describes the message tessera.identity.v1.CreateAccountRequest.
 * Use `create(CreateAccountRequestSchema)` to create a new message.
 */
export declare const CreateAccountRequestSchema: GenMessage<CreateAccountRequest>;
/**
 * CreateAccountResponse is the output of AccountService.CreateAccount.
 *
 * @generated from message tessera.identity.v1.CreateAccountResponse
 */
export type CreateAccountResponse = Message<"tessera.identity.v1.CreateAccountResponse"> & {
    /**
     * The new account.
     *
     * @generated from field: tessera.identity.v1.User user = 1;
     */
    user?: User | undefined;
    /**
     * A session for the new account.
     *
     * @generated from field: tessera.identity.v1.IssuedSession session = 2;
     */
    session?: IssuedSession | undefined;
};
/**
 * Describes the message tessera.identity.v1.CreateAccountResponse.
 * Use `create(CreateAccountResponseSchema)` to create a new message.
 */
export declare const CreateAccountResponseSchema: GenMessage<CreateAccountResponse>;
/**
 * IssuedSession is a freshly created session. The token is shown only here, once.
 *
 * @generated from message tessera.identity.v1.IssuedSession
 */
export type IssuedSession = Message<"tessera.identity.v1.IssuedSession"> & {
    /**
     * The session's id.
     *
     * @generated from field: string session_id = 1;
     */
    sessionId: string;
    /**
     * The bearer token (prefix `tsess_`). Secret: store it safely; it is never shown again.
     *
     * @generated from field: string token = 2;
     */
    token: string;
    /**
     * When the session expires (30 days after creation).
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 3;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.IssuedSession.
 * Use `create(IssuedSessionSchema)` to create a new message.
 */
export declare const IssuedSessionSchema: GenMessage<IssuedSession>;
/**
 * GetAccountRequest is the input of AccountService.GetAccount.
 *
 * @generated from message tessera.identity.v1.GetAccountRequest
 */
export type GetAccountRequest = Message<"tessera.identity.v1.GetAccountRequest"> & {};
/**
 * Describes the message tessera.identity.v1.GetAccountRequest.
 * Use `create(GetAccountRequestSchema)` to create a new message.
 */
export declare const GetAccountRequestSchema: GenMessage<GetAccountRequest>;
/**
 * GetAccountResponse is the output of AccountService.GetAccount.
 *
 * @generated from message tessera.identity.v1.GetAccountResponse
 */
export type GetAccountResponse = Message<"tessera.identity.v1.GetAccountResponse"> & {
    /**
     * The caller's account.
     *
     * @generated from field: tessera.identity.v1.User user = 1;
     */
    user?: User | undefined;
};
/**
 * Describes the message tessera.identity.v1.GetAccountResponse.
 * Use `create(GetAccountResponseSchema)` to create a new message.
 */
export declare const GetAccountResponseSchema: GenMessage<GetAccountResponse>;
/**
 * UpdateAccountRequest is the input of AccountService.UpdateAccount.
 *
 * @generated from message tessera.identity.v1.UpdateAccountRequest
 */
export type UpdateAccountRequest = Message<"tessera.identity.v1.UpdateAccountRequest"> & {
    /**
     * The new values; only the fields named in `update_mask` are read.
     *
     * @generated from field: tessera.identity.v1.User user = 1;
     */
    user?: User | undefined;
    /**
     * Required. Updatable: `display_name`, `picture_url`, `public_key`, `username`, `email`.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.identity.v1.UpdateAccountRequest.
 * Use `create(UpdateAccountRequestSchema)` to create a new message.
 */
export declare const UpdateAccountRequestSchema: GenMessage<UpdateAccountRequest>;
/**
 * UpdateAccountResponse is the output of AccountService.UpdateAccount.
 *
 * @generated from message tessera.identity.v1.UpdateAccountResponse
 */
export type UpdateAccountResponse = Message<"tessera.identity.v1.UpdateAccountResponse"> & {
    /**
     * The account after the update.
     *
     * @generated from field: tessera.identity.v1.User user = 1;
     */
    user?: User | undefined;
};
/**
 * Describes the message tessera.identity.v1.UpdateAccountResponse.
 * Use `create(UpdateAccountResponseSchema)` to create a new message.
 */
export declare const UpdateAccountResponseSchema: GenMessage<UpdateAccountResponse>;
/**
 * LookupUserRequest is the input of AccountService.LookupUser.
 *
 * @generated from message tessera.identity.v1.LookupUserRequest
 */
export type LookupUserRequest = Message<"tessera.identity.v1.LookupUserRequest"> & {
    /**
     * Exactly one of these is required.
     *
     * @generated from oneof tessera.identity.v1.LookupUserRequest.key
     */
    key: {
        /**
         * The user's id.
         *
         * @generated from field: string id = 1;
         */
        value: string;
        case: "id";
    } | {
        /**
         * The user's username (any case).
         *
         * @generated from field: string username = 2;
         */
        value: string;
        case: "username";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.identity.v1.LookupUserRequest.
 * Use `create(LookupUserRequestSchema)` to create a new message.
 */
export declare const LookupUserRequestSchema: GenMessage<LookupUserRequest>;
/**
 * LookupUserResponse is the output of AccountService.LookupUser.
 *
 * @generated from message tessera.identity.v1.LookupUserResponse
 */
export type LookupUserResponse = Message<"tessera.identity.v1.LookupUserResponse"> & {
    /**
     * The user's public profile.
     *
     * @generated from field: tessera.identity.v1.PublicProfile profile = 1;
     */
    profile?: PublicProfile | undefined;
};
/**
 * Describes the message tessera.identity.v1.LookupUserResponse.
 * Use `create(LookupUserResponseSchema)` to create a new message.
 */
export declare const LookupUserResponseSchema: GenMessage<LookupUserResponse>;
/**
 * DeleteAccountRequest is the input of AccountService.DeleteAccount.
 *
 * @generated from message tessera.identity.v1.DeleteAccountRequest
 */
export type DeleteAccountRequest = Message<"tessera.identity.v1.DeleteAccountRequest"> & {
    /**
     * Required for accounts with a password: the password (or AuthHash) again.
     *
     * @generated from field: string password = 1;
     */
    password: string;
};
/**
 * Describes the message tessera.identity.v1.DeleteAccountRequest.
 * Use `create(DeleteAccountRequestSchema)` to create a new message.
 */
export declare const DeleteAccountRequestSchema: GenMessage<DeleteAccountRequest>;
/**
 * DeleteAccountResponse is the output of AccountService.DeleteAccount.
 *
 * @generated from message tessera.identity.v1.DeleteAccountResponse
 */
export type DeleteAccountResponse = Message<"tessera.identity.v1.DeleteAccountResponse"> & {};
/**
 * Describes the message tessera.identity.v1.DeleteAccountResponse.
 * Use `create(DeleteAccountResponseSchema)` to create a new message.
 */
export declare const DeleteAccountResponseSchema: GenMessage<DeleteAccountResponse>;
/**
 * SubscriptionTier is the user's plan.
 *
 * @generated from enum tessera.identity.v1.SubscriptionTier
 */
export declare enum SubscriptionTier {
    /**
     * Not set.
     *
     * @generated from enum value: SUBSCRIPTION_TIER_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * The free plan (the default).
     *
     * @generated from enum value: SUBSCRIPTION_TIER_FREE = 1;
     */
    FREE = 1,
    /**
     * The paid individual plan.
     *
     * @generated from enum value: SUBSCRIPTION_TIER_PRO = 2;
     */
    PRO = 2,
    /**
     * The paid team plan.
     *
     * @generated from enum value: SUBSCRIPTION_TIER_TEAM = 3;
     */
    TEAM = 3
}
/**
 * Describes the enum tessera.identity.v1.SubscriptionTier.
 */
export declare const SubscriptionTierSchema: GenEnum<SubscriptionTier>;
/**
 * AccountService manages the caller's own account and looks up other users' public profiles.
 * Every RPC except CreateAccount requires `authorization: Bearer <session token>`.
 *
 * @generated from service tessera.identity.v1.AccountService
 */
export declare const AccountService: GenService<{
    /**
     * CreateAccount signs a new user up and returns a first session. Unauthenticated.
     *
     * @generated from rpc tessera.identity.v1.AccountService.CreateAccount
     */
    createAccount: {
        methodKind: "unary";
        input: typeof CreateAccountRequestSchema;
        output: typeof CreateAccountResponseSchema;
    };
    /**
     * GetAccount returns the caller's own account.
     *
     * @generated from rpc tessera.identity.v1.AccountService.GetAccount
     */
    getAccount: {
        methodKind: "unary";
        input: typeof GetAccountRequestSchema;
        output: typeof GetAccountResponseSchema;
    };
    /**
     * UpdateAccount changes the fields named in `update_mask` of the caller's own account.
     *
     * @generated from rpc tessera.identity.v1.AccountService.UpdateAccount
     */
    updateAccount: {
        methodKind: "unary";
        input: typeof UpdateAccountRequestSchema;
        output: typeof UpdateAccountResponseSchema;
    };
    /**
     * LookupUser returns another user's public profile (and public key, for E2EE clients).
     *
     * @generated from rpc tessera.identity.v1.AccountService.LookupUser
     */
    lookupUser: {
        methodKind: "unary";
        input: typeof LookupUserRequestSchema;
        output: typeof LookupUserResponseSchema;
    };
    /**
     * DeleteAccount deletes the caller's account, its sessions and its identity data. The
     * deletion is announced to the other services. Requires the password again.
     *
     * @generated from rpc tessera.identity.v1.AccountService.DeleteAccount
     */
    deleteAccount: {
        methodKind: "unary";
        input: typeof DeleteAccountRequestSchema;
        output: typeof DeleteAccountResponseSchema;
    };
}>;
