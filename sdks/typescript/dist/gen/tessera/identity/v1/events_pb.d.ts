import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/events.proto.
 */
export declare const file_tessera_identity_v1_events: GenFile;
/**
 * StreamEventsRequest is the input of EventService.StreamEvents.
 *
 * @generated from message tessera.identity.v1.StreamEventsRequest
 */
export type StreamEventsRequest = Message<"tessera.identity.v1.StreamEventsRequest"> & {
    /**
     * Resume after this cursor (0: from the first event still kept).
     *
     * @generated from field: int64 after_cursor = 1;
     */
    afterCursor: bigint;
    /**
     * Ignore `after_cursor` and send only events that happen from now on (caches need no
     * history).
     *
     * @generated from field: bool from_now = 2;
     */
    fromNow: boolean;
};
/**
 * Describes the message tessera.identity.v1.StreamEventsRequest.
 * Use `create(StreamEventsRequestSchema)` to create a new message.
 */
export declare const StreamEventsRequestSchema: GenMessage<StreamEventsRequest>;
/**
 * StreamEventsResponse is one item of the stream: an event or a heartbeat.
 *
 * @generated from message tessera.identity.v1.StreamEventsResponse
 */
export type StreamEventsResponse = Message<"tessera.identity.v1.StreamEventsResponse"> & {
    /**
     * The item.
     *
     * @generated from oneof tessera.identity.v1.StreamEventsResponse.item
     */
    item: {
        /**
         * An event.
         *
         * @generated from field: tessera.identity.v1.Event event = 1;
         */
        value: Event;
        case: "event";
    } | {
        /**
         * Sent while idle, so consumers can tell a quiet stream from a dead one.
         *
         * @generated from field: tessera.identity.v1.Heartbeat heartbeat = 2;
         */
        value: Heartbeat;
        case: "heartbeat";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.identity.v1.StreamEventsResponse.
 * Use `create(StreamEventsResponseSchema)` to create a new message.
 */
export declare const StreamEventsResponseSchema: GenMessage<StreamEventsResponse>;
/**
 * Event is one account lifecycle event.
 *
 * @generated from message tessera.identity.v1.Event
 */
export type Event = Message<"tessera.identity.v1.Event"> & {
    /**
     * Position in the stream; strictly increasing. Resume after it.
     *
     * @generated from field: int64 cursor = 1;
     */
    cursor: bigint;
    /**
     * What happened.
     *
     * @generated from field: tessera.identity.v1.EventKind kind = 2;
     */
    kind: EventKind;
    /**
     * The user concerned.
     *
     * @generated from field: string user_id = 3;
     */
    userId: string;
    /**
     * The session concerned (session events only).
     *
     * @generated from field: string session_id = 4;
     */
    sessionId: string;
    /**
     * When it happened.
     *
     * @generated from field: google.protobuf.Timestamp occur_time = 5;
     */
    occurTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.Event.
 * Use `create(EventSchema)` to create a new message.
 */
export declare const EventSchema: GenMessage<Event>;
/**
 * Heartbeat says the stream is alive.
 *
 * @generated from message tessera.identity.v1.Heartbeat
 */
export type Heartbeat = Message<"tessera.identity.v1.Heartbeat"> & {
    /**
     * The cursor of the last event sent (or the starting point).
     *
     * @generated from field: int64 cursor = 1;
     */
    cursor: bigint;
};
/**
 * Describes the message tessera.identity.v1.Heartbeat.
 * Use `create(HeartbeatSchema)` to create a new message.
 */
export declare const HeartbeatSchema: GenMessage<Heartbeat>;
/**
 * EventKind says what happened.
 *
 * @generated from enum tessera.identity.v1.EventKind
 */
export declare enum EventKind {
    /**
     * Not set.
     *
     * @generated from enum value: EVENT_KIND_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * An account and its identity data were deleted; delete what you hold for `user_id`.
     *
     * @generated from enum value: EVENT_KIND_ACCOUNT_DELETED = 1;
     */
    ACCOUNT_DELETED = 1,
    /**
     * A session was revoked (sign-out, revocation, account deletion); drop cached principals.
     *
     * @generated from enum value: EVENT_KIND_SESSION_REVOKED = 2;
     */
    SESSION_REVOKED = 2
}
/**
 * Describes the enum tessera.identity.v1.EventKind.
 */
export declare const EventKindSchema: GenEnum<EventKind>;
/**
 * EventService streams account lifecycle events (account deletions, session revocations) to
 * the other services, at least once, from a durable outbox. Internal: it requires a service
 * credential.
 *
 * @generated from service tessera.identity.v1.EventService
 */
export declare const EventService: GenService<{
    /**
     * StreamEvents sends every event after the request's cursor, then new ones as they happen,
     * with a heartbeat every 500 ms while idle. Consumers store the cursor of the last event
     * they handled and resume from it; they must tolerate duplicates. Events are kept 30 days:
     * a consumer away longer must resynchronise.
     *
     * @generated from rpc tessera.identity.v1.EventService.StreamEvents
     */
    streamEvents: {
        methodKind: "server_streaming";
        input: typeof StreamEventsRequestSchema;
        output: typeof StreamEventsResponseSchema;
    };
}>;
