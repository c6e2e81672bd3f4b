import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/sessions.proto.
 */
export declare const file_tessera_identity_v1_sessions: GenFile;
/**
 * Session is one signed-in client. The token itself is never shown again.
 *
 * @generated from message tessera.identity.v1.Session
 */
export type Session = Message<"tessera.identity.v1.Session"> & {
    /**
     * The session's id.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * What the client said it is when the session was created.
     *
     * @generated from field: string client_description = 2;
     */
    clientDescription: string;
    /**
     * Whether this is the session making the call.
     *
     * @generated from field: bool current = 3;
     */
    current: boolean;
    /**
     * When the session was created.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 4;
     */
    createTime?: Timestamp | undefined;
    /**
     * When the session was last used (updated at most once a minute).
     *
     * @generated from field: google.protobuf.Timestamp last_use_time = 5;
     */
    lastUseTime?: Timestamp | undefined;
    /**
     * When the session expires.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 6;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.Session.
 * Use `create(SessionSchema)` to create a new message.
 */
export declare const SessionSchema: GenMessage<Session>;
/**
 * ListSessionsRequest is the input of SessionService.ListSessions.
 *
 * @generated from message tessera.identity.v1.ListSessionsRequest
 */
export type ListSessionsRequest = Message<"tessera.identity.v1.ListSessionsRequest"> & {
    /**
     * Page size: default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 1;
     */
    pageSize: number;
    /**
     * The `next_page_token` of the previous page, or empty for the first.
     *
     * @generated from field: string page_token = 2;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.identity.v1.ListSessionsRequest.
 * Use `create(ListSessionsRequestSchema)` to create a new message.
 */
export declare const ListSessionsRequestSchema: GenMessage<ListSessionsRequest>;
/**
 * ListSessionsResponse is the output of SessionService.ListSessions.
 *
 * @generated from message tessera.identity.v1.ListSessionsResponse
 */
export type ListSessionsResponse = Message<"tessera.identity.v1.ListSessionsResponse"> & {
    /**
     * The sessions on this page.
     *
     * @generated from field: repeated tessera.identity.v1.Session sessions = 1;
     */
    sessions: Session[];
    /**
     * Token for the next page; empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.identity.v1.ListSessionsResponse.
 * Use `create(ListSessionsResponseSchema)` to create a new message.
 */
export declare const ListSessionsResponseSchema: GenMessage<ListSessionsResponse>;
/**
 * RevokeSessionRequest is the input of SessionService.RevokeSession.
 *
 * @generated from message tessera.identity.v1.RevokeSessionRequest
 */
export type RevokeSessionRequest = Message<"tessera.identity.v1.RevokeSessionRequest"> & {
    /**
     * Required. The id of one of the caller's sessions.
     *
     * @generated from field: string session_id = 1;
     */
    sessionId: string;
};
/**
 * Describes the message tessera.identity.v1.RevokeSessionRequest.
 * Use `create(RevokeSessionRequestSchema)` to create a new message.
 */
export declare const RevokeSessionRequestSchema: GenMessage<RevokeSessionRequest>;
/**
 * RevokeSessionResponse is the output of SessionService.RevokeSession.
 *
 * @generated from message tessera.identity.v1.RevokeSessionResponse
 */
export type RevokeSessionResponse = Message<"tessera.identity.v1.RevokeSessionResponse"> & {};
/**
 * Describes the message tessera.identity.v1.RevokeSessionResponse.
 * Use `create(RevokeSessionResponseSchema)` to create a new message.
 */
export declare const RevokeSessionResponseSchema: GenMessage<RevokeSessionResponse>;
/**
 * RevokeOtherSessionsRequest is the input of SessionService.RevokeOtherSessions.
 *
 * @generated from message tessera.identity.v1.RevokeOtherSessionsRequest
 */
export type RevokeOtherSessionsRequest = Message<"tessera.identity.v1.RevokeOtherSessionsRequest"> & {};
/**
 * Describes the message tessera.identity.v1.RevokeOtherSessionsRequest.
 * Use `create(RevokeOtherSessionsRequestSchema)` to create a new message.
 */
export declare const RevokeOtherSessionsRequestSchema: GenMessage<RevokeOtherSessionsRequest>;
/**
 * RevokeOtherSessionsResponse is the output of SessionService.RevokeOtherSessions.
 *
 * @generated from message tessera.identity.v1.RevokeOtherSessionsResponse
 */
export type RevokeOtherSessionsResponse = Message<"tessera.identity.v1.RevokeOtherSessionsResponse"> & {
    /**
     * How many sessions were ended.
     *
     * @generated from field: int32 revoked_count = 1;
     */
    revokedCount: number;
};
/**
 * Describes the message tessera.identity.v1.RevokeOtherSessionsResponse.
 * Use `create(RevokeOtherSessionsResponseSchema)` to create a new message.
 */
export declare const RevokeOtherSessionsResponseSchema: GenMessage<RevokeOtherSessionsResponse>;
/**
 * RevokeAllSessionsRequest is the input of SessionService.RevokeAllSessions.
 *
 * @generated from message tessera.identity.v1.RevokeAllSessionsRequest
 */
export type RevokeAllSessionsRequest = Message<"tessera.identity.v1.RevokeAllSessionsRequest"> & {};
/**
 * Describes the message tessera.identity.v1.RevokeAllSessionsRequest.
 * Use `create(RevokeAllSessionsRequestSchema)` to create a new message.
 */
export declare const RevokeAllSessionsRequestSchema: GenMessage<RevokeAllSessionsRequest>;
/**
 * RevokeAllSessionsResponse is the output of SessionService.RevokeAllSessions.
 *
 * @generated from message tessera.identity.v1.RevokeAllSessionsResponse
 */
export type RevokeAllSessionsResponse = Message<"tessera.identity.v1.RevokeAllSessionsResponse"> & {
    /**
     * How many sessions were ended.
     *
     * @generated from field: int32 revoked_count = 1;
     */
    revokedCount: number;
};
/**
 * Describes the message tessera.identity.v1.RevokeAllSessionsResponse.
 * Use `create(RevokeAllSessionsResponseSchema)` to create a new message.
 */
export declare const RevokeAllSessionsResponseSchema: GenMessage<RevokeAllSessionsResponse>;
/**
 * SignOutRequest is the input of SessionService.SignOut.
 *
 * @generated from message tessera.identity.v1.SignOutRequest
 */
export type SignOutRequest = Message<"tessera.identity.v1.SignOutRequest"> & {};
/**
 * Describes the message tessera.identity.v1.SignOutRequest.
 * Use `create(SignOutRequestSchema)` to create a new message.
 */
export declare const SignOutRequestSchema: GenMessage<SignOutRequest>;
/**
 * SignOutResponse is the output of SessionService.SignOut.
 *
 * @generated from message tessera.identity.v1.SignOutResponse
 */
export type SignOutResponse = Message<"tessera.identity.v1.SignOutResponse"> & {};
/**
 * Describes the message tessera.identity.v1.SignOutResponse.
 * Use `create(SignOutResponseSchema)` to create a new message.
 */
export declare const SignOutResponseSchema: GenMessage<SignOutResponse>;
/**
 * SessionService lists and ends the caller's own sessions. Requires a session token.
 *
 * @generated from service tessera.identity.v1.SessionService
 */
export declare const SessionService: GenService<{
    /**
     * ListSessions lists the caller's active sessions, newest first.
     *
     * @generated from rpc tessera.identity.v1.SessionService.ListSessions
     */
    listSessions: {
        methodKind: "unary";
        input: typeof ListSessionsRequestSchema;
        output: typeof ListSessionsResponseSchema;
    };
    /**
     * RevokeSession ends one of the caller's sessions. Revoking an already ended session is not
     * an error.
     *
     * @generated from rpc tessera.identity.v1.SessionService.RevokeSession
     */
    revokeSession: {
        methodKind: "unary";
        input: typeof RevokeSessionRequestSchema;
        output: typeof RevokeSessionResponseSchema;
    };
    /**
     * RevokeOtherSessions ends every session of the caller except the one making the call.
     *
     * @generated from rpc tessera.identity.v1.SessionService.RevokeOtherSessions
     */
    revokeOtherSessions: {
        methodKind: "unary";
        input: typeof RevokeOtherSessionsRequestSchema;
        output: typeof RevokeOtherSessionsResponseSchema;
    };
    /**
     * RevokeAllSessions ends every session of the caller, the calling one included.
     *
     * @generated from rpc tessera.identity.v1.SessionService.RevokeAllSessions
     */
    revokeAllSessions: {
        methodKind: "unary";
        input: typeof RevokeAllSessionsRequestSchema;
        output: typeof RevokeAllSessionsResponseSchema;
    };
    /**
     * SignOut ends the session making the call.
     *
     * @generated from rpc tessera.identity.v1.SessionService.SignOut
     */
    signOut: {
        methodKind: "unary";
        input: typeof SignOutRequestSchema;
        output: typeof SignOutResponseSchema;
    };
}>;
