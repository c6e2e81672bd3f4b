import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/security_events.proto.
 */
export declare const file_tessera_identity_v1_security_events: GenFile;
/**
 * SecurityEvent is one entry of the log.
 *
 * @generated from message tessera.identity.v1.SecurityEvent
 */
export type SecurityEvent = Message<"tessera.identity.v1.SecurityEvent"> & {
    /**
     * The event's id.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * What happened: `sign_in`, `sign_in_failed`, `lockout`, `session_revoked`, `api_key_set`,
     * `api_key_deleted`, `magic_link_sign_in`, `device_authorized`, `device_denied`,
     * `account_updated`.
     *
     * @generated from field: string kind = 2;
     */
    kind: string;
    /**
     * The client address the request came from, when known.
     *
     * @generated from field: string client_address = 3;
     */
    clientAddress: string;
    /**
     * Extra detail (never a secret), e.g. the provider of an API key.
     *
     * @generated from field: string detail = 4;
     */
    detail: string;
    /**
     * When it happened.
     *
     * @generated from field: google.protobuf.Timestamp occur_time = 5;
     */
    occurTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.SecurityEvent.
 * Use `create(SecurityEventSchema)` to create a new message.
 */
export declare const SecurityEventSchema: GenMessage<SecurityEvent>;
/**
 * ListSecurityEventsRequest is the input of SecurityEventService.ListSecurityEvents.
 *
 * @generated from message tessera.identity.v1.ListSecurityEventsRequest
 */
export type ListSecurityEventsRequest = Message<"tessera.identity.v1.ListSecurityEventsRequest"> & {
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
 * Describes the message tessera.identity.v1.ListSecurityEventsRequest.
 * Use `create(ListSecurityEventsRequestSchema)` to create a new message.
 */
export declare const ListSecurityEventsRequestSchema: GenMessage<ListSecurityEventsRequest>;
/**
 * ListSecurityEventsResponse is the output of SecurityEventService.ListSecurityEvents.
 *
 * @generated from message tessera.identity.v1.ListSecurityEventsResponse
 */
export type ListSecurityEventsResponse = Message<"tessera.identity.v1.ListSecurityEventsResponse"> & {
    /**
     * The events on this page.
     *
     * @generated from field: repeated tessera.identity.v1.SecurityEvent security_events = 1;
     */
    securityEvents: SecurityEvent[];
    /**
     * Token for the next page; empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.identity.v1.ListSecurityEventsResponse.
 * Use `create(ListSecurityEventsResponseSchema)` to create a new message.
 */
export declare const ListSecurityEventsResponseSchema: GenMessage<ListSecurityEventsResponse>;
/**
 * SecurityEventService shows the caller their account's security log: sign-ins, failed
 * attempts, lockouts, session and API key changes. Kept for a configurable period
 * (TESSERA_SECURITY_EVENT_RETENTION). Requires a session token.
 *
 * @generated from service tessera.identity.v1.SecurityEventService
 */
export declare const SecurityEventService: GenService<{
    /**
     * ListSecurityEvents lists the caller's security events, newest first.
     *
     * @generated from rpc tessera.identity.v1.SecurityEventService.ListSecurityEvents
     */
    listSecurityEvents: {
        methodKind: "unary";
        input: typeof ListSecurityEventsRequestSchema;
        output: typeof ListSecurityEventsResponseSchema;
    };
}>;
