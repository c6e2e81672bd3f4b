import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/handshakes.proto.
 */
export declare const file_tessera_messaging_v1_handshakes: GenFile;
/**
 * Handshake is an X3DH initial message.
 *
 * @generated from message tessera.messaging.v1.Handshake
 */
export type Handshake = Message<"tessera.messaging.v1.Handshake"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only. The initiating device.
     *
     * @generated from field: string sender_device_id = 2;
     */
    senderDeviceId: string;
    /**
     * The recipient device.
     *
     * @generated from field: string recipient_device_id = 3;
     */
    recipientDeviceId: string;
    /**
     * The initiator's ephemeral key EK_A (X25519, 32 bytes).
     *
     * @generated from field: bytes ephemeral_key = 4;
     */
    ephemeralKey: Uint8Array;
    /**
     * Output only. The initiator's identity key IK_A, from its device.
     *
     * @generated from field: bytes sender_identity_key = 5;
     */
    senderIdentityKey: Uint8Array;
    /**
     * The recipient prekey used (one-time or last-resort, 32 bytes).
     *
     * @generated from field: bytes prekey_used = 6;
     */
    prekeyUsed: Uint8Array;
    /**
     * The initial ciphertext (1 byte to 256 KiB).
     *
     * @generated from field: bytes ciphertext = 7;
     */
    ciphertext: Uint8Array;
    /**
     * Output only.
     *
     * @generated from field: tessera.messaging.v1.HandshakeState state = 8;
     */
    state: HandshakeState;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 9;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Handshake.
 * Use `create(HandshakeSchema)` to create a new message.
 */
export declare const HandshakeSchema: GenMessage<Handshake>;
/**
 * Session links two devices that share a Double Ratchet session.
 *
 * @generated from message tessera.messaging.v1.Session
 */
export type Session = Message<"tessera.messaging.v1.Session"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The chat it serves.
     *
     * @generated from field: string chat_id = 2;
     */
    chatId: string;
    /**
     * The device that created it.
     *
     * @generated from field: string sender_device_id = 3;
     */
    senderDeviceId: string;
    /**
     * The other device.
     *
     * @generated from field: string receiver_device_id = 4;
     */
    receiverDeviceId: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 5;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 6;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Session.
 * Use `create(SessionSchema)` to create a new message.
 */
export declare const SessionSchema: GenMessage<Session>;
/**
 * InitiateHandshakeRequest is the input of HandshakeService.InitiateHandshake.
 *
 * @generated from message tessera.messaging.v1.InitiateHandshakeRequest
 */
export type InitiateHandshakeRequest = Message<"tessera.messaging.v1.InitiateHandshakeRequest"> & {
    /**
     * Required. The caller's initiating device.
     *
     * @generated from field: string sender_device_id = 1;
     */
    senderDeviceId: string;
    /**
     * Required. The recipient device.
     *
     * @generated from field: string recipient_device_id = 2;
     */
    recipientDeviceId: string;
    /**
     * Required. EK_A, 32 bytes.
     *
     * @generated from field: bytes ephemeral_key = 3;
     */
    ephemeralKey: Uint8Array;
    /**
     * Required. The recipient prekey used, 32 bytes.
     *
     * @generated from field: bytes prekey_used = 4;
     */
    prekeyUsed: Uint8Array;
    /**
     * Required. 1 byte to 256 KiB.
     *
     * @generated from field: bytes ciphertext = 5;
     */
    ciphertext: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.InitiateHandshakeRequest.
 * Use `create(InitiateHandshakeRequestSchema)` to create a new message.
 */
export declare const InitiateHandshakeRequestSchema: GenMessage<InitiateHandshakeRequest>;
/**
 * InitiateHandshakeResponse is the output of HandshakeService.InitiateHandshake.
 *
 * @generated from message tessera.messaging.v1.InitiateHandshakeResponse
 */
export type InitiateHandshakeResponse = Message<"tessera.messaging.v1.InitiateHandshakeResponse"> & {
    /**
     * The new handshake.
     *
     * @generated from field: tessera.messaging.v1.Handshake handshake = 1;
     */
    handshake?: Handshake | undefined;
};
/**
 * Describes the message tessera.messaging.v1.InitiateHandshakeResponse.
 * Use `create(InitiateHandshakeResponseSchema)` to create a new message.
 */
export declare const InitiateHandshakeResponseSchema: GenMessage<InitiateHandshakeResponse>;
/**
 * ListHandshakesRequest is the input of HandshakeService.ListHandshakes.
 *
 * @generated from message tessera.messaging.v1.ListHandshakesRequest
 */
export type ListHandshakesRequest = Message<"tessera.messaging.v1.ListHandshakesRequest"> & {
    /**
     * Required. An own device (the recipient).
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Default 50, at most 1000.
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
 * Describes the message tessera.messaging.v1.ListHandshakesRequest.
 * Use `create(ListHandshakesRequestSchema)` to create a new message.
 */
export declare const ListHandshakesRequestSchema: GenMessage<ListHandshakesRequest>;
/**
 * ListHandshakesResponse is the output of HandshakeService.ListHandshakes.
 *
 * @generated from message tessera.messaging.v1.ListHandshakesResponse
 */
export type ListHandshakesResponse = Message<"tessera.messaging.v1.ListHandshakesResponse"> & {
    /**
     * Oldest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Handshake handshakes = 1;
     */
    handshakes: Handshake[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListHandshakesResponse.
 * Use `create(ListHandshakesResponseSchema)` to create a new message.
 */
export declare const ListHandshakesResponseSchema: GenMessage<ListHandshakesResponse>;
/**
 * RespondHandshakeRequest is the input of HandshakeService.RespondHandshake.
 *
 * @generated from message tessera.messaging.v1.RespondHandshakeRequest
 */
export type RespondHandshakeRequest = Message<"tessera.messaging.v1.RespondHandshakeRequest"> & {
    /**
     * Required. A handshake sent to an own device.
     *
     * @generated from field: string handshake_id = 1;
     */
    handshakeId: string;
};
/**
 * Describes the message tessera.messaging.v1.RespondHandshakeRequest.
 * Use `create(RespondHandshakeRequestSchema)` to create a new message.
 */
export declare const RespondHandshakeRequestSchema: GenMessage<RespondHandshakeRequest>;
/**
 * RespondHandshakeResponse is the output of HandshakeService.RespondHandshake.
 *
 * @generated from message tessera.messaging.v1.RespondHandshakeResponse
 */
export type RespondHandshakeResponse = Message<"tessera.messaging.v1.RespondHandshakeResponse"> & {
    /**
     * The handshake as it is now.
     *
     * @generated from field: tessera.messaging.v1.Handshake handshake = 1;
     */
    handshake?: Handshake | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RespondHandshakeResponse.
 * Use `create(RespondHandshakeResponseSchema)` to create a new message.
 */
export declare const RespondHandshakeResponseSchema: GenMessage<RespondHandshakeResponse>;
/**
 * CompleteHandshakeRequest is the input of HandshakeService.CompleteHandshake.
 *
 * @generated from message tessera.messaging.v1.CompleteHandshakeRequest
 */
export type CompleteHandshakeRequest = Message<"tessera.messaging.v1.CompleteHandshakeRequest"> & {
    /**
     * Required. A handshake sent to an own device.
     *
     * @generated from field: string handshake_id = 1;
     */
    handshakeId: string;
};
/**
 * Describes the message tessera.messaging.v1.CompleteHandshakeRequest.
 * Use `create(CompleteHandshakeRequestSchema)` to create a new message.
 */
export declare const CompleteHandshakeRequestSchema: GenMessage<CompleteHandshakeRequest>;
/**
 * CompleteHandshakeResponse is the output of HandshakeService.CompleteHandshake.
 *
 * @generated from message tessera.messaging.v1.CompleteHandshakeResponse
 */
export type CompleteHandshakeResponse = Message<"tessera.messaging.v1.CompleteHandshakeResponse"> & {
    /**
     * The handshake as it is now.
     *
     * @generated from field: tessera.messaging.v1.Handshake handshake = 1;
     */
    handshake?: Handshake | undefined;
};
/**
 * Describes the message tessera.messaging.v1.CompleteHandshakeResponse.
 * Use `create(CompleteHandshakeResponseSchema)` to create a new message.
 */
export declare const CompleteHandshakeResponseSchema: GenMessage<CompleteHandshakeResponse>;
/**
 * CreateSessionRequest is the input of HandshakeService.CreateSession.
 *
 * @generated from message tessera.messaging.v1.CreateSessionRequest
 */
export type CreateSessionRequest = Message<"tessera.messaging.v1.CreateSessionRequest"> & {
    /**
     * Required. A chat the caller is in.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 2;
     */
    deviceId: string;
    /**
     * Required. A device of another member of the chat.
     *
     * @generated from field: string peer_device_id = 3;
     */
    peerDeviceId: string;
};
/**
 * Describes the message tessera.messaging.v1.CreateSessionRequest.
 * Use `create(CreateSessionRequestSchema)` to create a new message.
 */
export declare const CreateSessionRequestSchema: GenMessage<CreateSessionRequest>;
/**
 * CreateSessionResponse is the output of HandshakeService.CreateSession.
 *
 * @generated from message tessera.messaging.v1.CreateSessionResponse
 */
export type CreateSessionResponse = Message<"tessera.messaging.v1.CreateSessionResponse"> & {
    /**
     * The session.
     *
     * @generated from field: tessera.messaging.v1.Session session = 1;
     */
    session?: Session | undefined;
    /**
     * Whether this call created it.
     *
     * @generated from field: bool created = 2;
     */
    created: boolean;
};
/**
 * Describes the message tessera.messaging.v1.CreateSessionResponse.
 * Use `create(CreateSessionResponseSchema)` to create a new message.
 */
export declare const CreateSessionResponseSchema: GenMessage<CreateSessionResponse>;
/**
 * ListSessionsRequest is the input of HandshakeService.ListSessions.
 *
 * @generated from message tessera.messaging.v1.ListSessionsRequest
 */
export type ListSessionsRequest = Message<"tessera.messaging.v1.ListSessionsRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Default 50, at most 1000.
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
 * Describes the message tessera.messaging.v1.ListSessionsRequest.
 * Use `create(ListSessionsRequestSchema)` to create a new message.
 */
export declare const ListSessionsRequestSchema: GenMessage<ListSessionsRequest>;
/**
 * ListSessionsResponse is the output of HandshakeService.ListSessions.
 *
 * @generated from message tessera.messaging.v1.ListSessionsResponse
 */
export type ListSessionsResponse = Message<"tessera.messaging.v1.ListSessionsResponse"> & {
    /**
     * Oldest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Session sessions = 1;
     */
    sessions: Session[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListSessionsResponse.
 * Use `create(ListSessionsResponseSchema)` to create a new message.
 */
export declare const ListSessionsResponseSchema: GenMessage<ListSessionsResponse>;
/**
 * HandshakeState is how far a handshake got; it only advances.
 *
 * @generated from enum tessera.messaging.v1.HandshakeState
 */
export declare enum HandshakeState {
    /**
     * Not set.
     *
     * @generated from enum value: HANDSHAKE_STATE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Sent by the initiator.
     *
     * @generated from enum value: HANDSHAKE_STATE_INITIATED = 1;
     */
    INITIATED = 1,
    /**
     * The recipient acknowledged it.
     *
     * @generated from enum value: HANDSHAKE_STATE_RESPONDED = 2;
     */
    RESPONDED = 2,
    /**
     * The session is established.
     *
     * @generated from enum value: HANDSHAKE_STATE_COMPLETED = 3;
     */
    COMPLETED = 3
}
/**
 * Describes the enum tessera.messaging.v1.HandshakeState.
 */
export declare const HandshakeStateSchema: GenEnum<HandshakeState>;
/**
 * HandshakeService relays X3DH handshakes and records the sessions they establish (metadata
 * only: ratchet keys never reach the server). Callers are users (session token). The parties
 * come from the caller and stored rows: an initiator names its own device, only the recipient
 * device's owner lists, responds to and completes a handshake, and a session links an own
 * device to a device of another member of the chat.
 *
 * @generated from service tessera.messaging.v1.HandshakeService
 */
export declare const HandshakeService: GenService<{
    /**
     * InitiateHandshake starts a handshake from an own device to `recipient_device_id`. The
     * initiator's identity key is taken from its device, never from the request.
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.InitiateHandshake
     */
    initiateHandshake: {
        methodKind: "unary";
        input: typeof InitiateHandshakeRequestSchema;
        output: typeof InitiateHandshakeResponseSchema;
    };
    /**
     * ListHandshakes lists the handshakes sent to an own device, oldest first.
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.ListHandshakes
     */
    listHandshakes: {
        methodKind: "unary";
        input: typeof ListHandshakesRequestSchema;
        output: typeof ListHandshakesResponseSchema;
    };
    /**
     * RespondHandshake moves a handshake from INITIATED to RESPONDED (else FAILED_PRECONDITION).
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.RespondHandshake
     */
    respondHandshake: {
        methodKind: "unary";
        input: typeof RespondHandshakeRequestSchema;
        output: typeof RespondHandshakeResponseSchema;
    };
    /**
     * CompleteHandshake moves a handshake from RESPONDED to COMPLETED (else FAILED_PRECONDITION).
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.CompleteHandshake
     */
    completeHandshake: {
        methodKind: "unary";
        input: typeof CompleteHandshakeRequestSchema;
        output: typeof CompleteHandshakeResponseSchema;
    };
    /**
     * CreateSession records a session from an own device to a device of another member of the
     * chat, once per pair (again: the existing session, moved to this chat). Both users'
     * streams hear of it.
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.CreateSession
     */
    createSession: {
        methodKind: "unary";
        input: typeof CreateSessionRequestSchema;
        output: typeof CreateSessionResponseSchema;
    };
    /**
     * ListSessions lists the sessions an own device takes part in, oldest first.
     *
     * @generated from rpc tessera.messaging.v1.HandshakeService.ListSessions
     */
    listSessions: {
        methodKind: "unary";
        input: typeof ListSessionsRequestSchema;
        output: typeof ListSessionsResponseSchema;
    };
}>;
