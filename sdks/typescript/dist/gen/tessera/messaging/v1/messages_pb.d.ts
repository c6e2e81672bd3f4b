import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message as Message$1 } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/messages.proto.
 */
export declare const file_tessera_messaging_v1_messages: GenFile;
/**
 * RatchetHeader is the Double Ratchet header sent in the clear next to the ciphertext.
 *
 * @generated from message tessera.messaging.v1.RatchetHeader
 */
export type RatchetHeader = Message$1<"tessera.messaging.v1.RatchetHeader"> & {
    /**
     * Required. The sender's current ratchet public key (X25519, 32 bytes).
     *
     * @generated from field: bytes dh_pubkey = 1;
     */
    dhPubkey: Uint8Array;
    /**
     * The previous sending chain's length.
     *
     * @generated from field: uint32 pn = 2;
     */
    pn: number;
    /**
     * The message number in the current chain.
     *
     * @generated from field: uint32 n = 3;
     */
    n: number;
};
/**
 * Describes the message tessera.messaging.v1.RatchetHeader.
 * Use `create(RatchetHeaderSchema)` to create a new message.
 */
export declare const RatchetHeaderSchema: GenMessage<RatchetHeader>;
/**
 * Envelope is a message encrypted for one recipient device.
 *
 * @generated from message tessera.messaging.v1.Envelope
 */
export type Envelope = Message$1<"tessera.messaging.v1.Envelope"> & {
    /**
     * Required. The recipient device.
     *
     * @generated from field: string to_device_id = 1;
     */
    toDeviceId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.messaging.v1.RatchetHeader header = 2;
     */
    header?: RatchetHeader | undefined;
    /**
     * Required. 1 byte to 256 KiB.
     *
     * @generated from field: bytes ciphertext = 3;
     */
    ciphertext: Uint8Array;
    /**
     * Required. The recipient's identity key this was encrypted for (32 bytes).
     *
     * @generated from field: bytes identity_key = 4;
     */
    identityKey: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.Envelope.
 * Use `create(EnvelopeSchema)` to create a new message.
 */
export declare const EnvelopeSchema: GenMessage<Envelope>;
/**
 * SendMessageRequest is the input of MessageService.SendMessage.
 *
 * @generated from message tessera.messaging.v1.SendMessageRequest
 */
export type SendMessageRequest = Message$1<"tessera.messaging.v1.SendMessageRequest"> & {
    /**
     * Required. A chat the caller is in.
     *
     * @generated from field: string chat_id = 1;
     */
    chatId: string;
    /**
     * Required. The caller's sending device.
     *
     * @generated from field: string device_id = 2;
     */
    deviceId: string;
    /**
     * Required. The client's id for this message (1 to 128 printable ASCII characters), shared by
     * all its envelopes; the idempotency key.
     *
     * @generated from field: string logical_msg_id = 3;
     */
    logicalMsgId: string;
    /**
     * Required. One per recipient device.
     *
     * @generated from field: repeated tessera.messaging.v1.Envelope envelopes = 4;
     */
    envelopes: Envelope[];
};
/**
 * Describes the message tessera.messaging.v1.SendMessageRequest.
 * Use `create(SendMessageRequestSchema)` to create a new message.
 */
export declare const SendMessageRequestSchema: GenMessage<SendMessageRequest>;
/**
 * SendMessageResponse is the output of MessageService.SendMessage.
 *
 * @generated from message tessera.messaging.v1.SendMessageResponse
 */
export type SendMessageResponse = Message$1<"tessera.messaging.v1.SendMessageResponse"> & {
    /**
     * The message's logical id.
     *
     * @generated from field: string logical_msg_id = 1;
     */
    logicalMsgId: string;
    /**
     * One per envelope.
     *
     * @generated from field: repeated tessera.messaging.v1.Delivery deliveries = 2;
     */
    deliveries: Delivery[];
    /**
     * When it was stored.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 3;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.SendMessageResponse.
 * Use `create(SendMessageResponseSchema)` to create a new message.
 */
export declare const SendMessageResponseSchema: GenMessage<SendMessageResponse>;
/**
 * Delivery is where one envelope went.
 *
 * @generated from message tessera.messaging.v1.Delivery
 */
export type Delivery = Message$1<"tessera.messaging.v1.Delivery"> & {
    /**
     * The recipient device.
     *
     * @generated from field: string to_device_id = 1;
     */
    toDeviceId: string;
    /**
     * The stored copy's id.
     *
     * @generated from field: string message_id = 2;
     */
    messageId: string;
};
/**
 * Describes the message tessera.messaging.v1.Delivery.
 * Use `create(DeliverySchema)` to create a new message.
 */
export declare const DeliverySchema: GenMessage<Delivery>;
/**
 * Message is a stored envelope as its recipient device receives it.
 *
 * @generated from message tessera.messaging.v1.Message
 */
export type Message = Message$1<"tessera.messaging.v1.Message"> & {
    /**
     * The copy's id.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * The recipient device's sequence number: increasing in commit order, never reused.
     *
     * @generated from field: uint64 sequence = 2;
     */
    sequence: bigint;
    /**
     * The chat.
     *
     * @generated from field: string chat_id = 3;
     */
    chatId: string;
    /**
     * The sender's id for the message.
     *
     * @generated from field: string logical_msg_id = 4;
     */
    logicalMsgId: string;
    /**
     * The sender.
     *
     * @generated from field: string from_user_id = 5;
     */
    fromUserId: string;
    /**
     * The sending device.
     *
     * @generated from field: string from_device_id = 6;
     */
    fromDeviceId: string;
    /**
     * The ratchet header.
     *
     * @generated from field: tessera.messaging.v1.RatchetHeader header = 7;
     */
    header?: RatchetHeader | undefined;
    /**
     * The ciphertext.
     *
     * @generated from field: bytes ciphertext = 8;
     */
    ciphertext: Uint8Array;
    /**
     * When it was stored.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 9;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Message.
 * Use `create(MessageSchema)` to create a new message.
 */
export declare const MessageSchema: GenMessage<Message>;
/**
 * SubscribeRequest is the input of MessageService.Subscribe.
 *
 * @generated from message tessera.messaging.v1.SubscribeRequest
 */
export type SubscribeRequest = Message$1<"tessera.messaging.v1.SubscribeRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Resume after this sequence; unset: after the device's acknowledged sequence.
     *
     * @generated from field: optional uint64 after_sequence = 2;
     */
    afterSequence?: bigint | undefined;
};
/**
 * Describes the message tessera.messaging.v1.SubscribeRequest.
 * Use `create(SubscribeRequestSchema)` to create a new message.
 */
export declare const SubscribeRequestSchema: GenMessage<SubscribeRequest>;
/**
 * SubscribeResponse is one item of a delivery stream.
 *
 * @generated from message tessera.messaging.v1.SubscribeResponse
 */
export type SubscribeResponse = Message$1<"tessera.messaging.v1.SubscribeResponse"> & {
    /**
     * What it is.
     *
     * @generated from oneof tessera.messaging.v1.SubscribeResponse.item
     */
    item: {
        /**
         * A message (its sequence is its cursor).
         *
         * @generated from field: tessera.messaging.v1.Message message = 1;
         */
        value: Message;
        case: "message";
    } | {
        /**
         * Everything stored before the stream opened has been sent.
         *
         * @generated from field: tessera.messaging.v1.CaughtUp caught_up = 2;
         */
        value: CaughtUp;
        case: "caughtUp";
    } | {
        /**
         * Sent while idle.
         *
         * @generated from field: tessera.messaging.v1.Heartbeat heartbeat = 3;
         */
        value: Heartbeat;
        case: "heartbeat";
    } | {
        /**
         * One of the caller's devices was enrolled, changed or removed (live only).
         *
         * @generated from field: tessera.messaging.v1.DeviceEvent device_event = 4;
         */
        value: DeviceEvent;
        case: "deviceEvent";
    } | {
        /**
         * A session involving one of the caller's devices was established (live only).
         *
         * @generated from field: tessera.messaging.v1.SessionEvent session_event = 5;
         */
        value: SessionEvent;
        case: "sessionEvent";
    } | {
        /**
         * This device is running out of one-time prekeys (live only).
         *
         * @generated from field: tessera.messaging.v1.KeysLow keys_low = 6;
         */
        value: KeysLow;
        case: "keysLow";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.messaging.v1.SubscribeResponse.
 * Use `create(SubscribeResponseSchema)` to create a new message.
 */
export declare const SubscribeResponseSchema: GenMessage<SubscribeResponse>;
/**
 * CaughtUp ends the catch-up part of a stream.
 *
 * @generated from message tessera.messaging.v1.CaughtUp
 */
export type CaughtUp = Message$1<"tessera.messaging.v1.CaughtUp"> & {
    /**
     * The last sequence sent (or the cursor, if there was nothing).
     *
     * @generated from field: uint64 sequence = 1;
     */
    sequence: bigint;
};
/**
 * Describes the message tessera.messaging.v1.CaughtUp.
 * Use `create(CaughtUpSchema)` to create a new message.
 */
export declare const CaughtUpSchema: GenMessage<CaughtUp>;
/**
 * Heartbeat keeps an idle stream alive.
 *
 * @generated from message tessera.messaging.v1.Heartbeat
 */
export type Heartbeat = Message$1<"tessera.messaging.v1.Heartbeat"> & {
    /**
     * The server's time.
     *
     * @generated from field: google.protobuf.Timestamp time = 1;
     */
    time?: Timestamp | undefined;
    /**
     * The last sequence sent.
     *
     * @generated from field: uint64 sequence = 2;
     */
    sequence: bigint;
};
/**
 * Describes the message tessera.messaging.v1.Heartbeat.
 * Use `create(HeartbeatSchema)` to create a new message.
 */
export declare const HeartbeatSchema: GenMessage<Heartbeat>;
/**
 * DeviceEvent tells a user's devices about a change to one of them.
 *
 * @generated from message tessera.messaging.v1.DeviceEvent
 */
export type DeviceEvent = Message$1<"tessera.messaging.v1.DeviceEvent"> & {
    /**
     * The user.
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
     * What happened.
     *
     * @generated from field: tessera.messaging.v1.DeviceChange change = 3;
     */
    change: DeviceChange;
};
/**
 * Describes the message tessera.messaging.v1.DeviceEvent.
 * Use `create(DeviceEventSchema)` to create a new message.
 */
export declare const DeviceEventSchema: GenMessage<DeviceEvent>;
/**
 * SessionEvent tells both users' devices that a session was established.
 *
 * @generated from message tessera.messaging.v1.SessionEvent
 */
export type SessionEvent = Message$1<"tessera.messaging.v1.SessionEvent"> & {
    /**
     * The session.
     *
     * @generated from field: string session_id = 1;
     */
    sessionId: string;
    /**
     * Its chat.
     *
     * @generated from field: string chat_id = 2;
     */
    chatId: string;
    /**
     * The initiating device.
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
};
/**
 * Describes the message tessera.messaging.v1.SessionEvent.
 * Use `create(SessionEventSchema)` to create a new message.
 */
export declare const SessionEventSchema: GenMessage<SessionEvent>;
/**
 * KeysLow asks a device to upload one-time prekeys.
 *
 * @generated from message tessera.messaging.v1.KeysLow
 */
export type KeysLow = Message$1<"tessera.messaging.v1.KeysLow"> & {
    /**
     * The device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * One-time prekeys left.
     *
     * @generated from field: int32 remaining = 2;
     */
    remaining: number;
};
/**
 * Describes the message tessera.messaging.v1.KeysLow.
 * Use `create(KeysLowSchema)` to create a new message.
 */
export declare const KeysLowSchema: GenMessage<KeysLow>;
/**
 * PullMessagesRequest is the input of MessageService.PullMessages.
 *
 * @generated from message tessera.messaging.v1.PullMessagesRequest
 */
export type PullMessagesRequest = Message$1<"tessera.messaging.v1.PullMessagesRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Messages after this sequence (0: from the start).
     *
     * @generated from field: uint64 after_sequence = 2;
     */
    afterSequence: bigint;
    /**
     * Default 50, at most 1000.
     *
     * @generated from field: int32 page_size = 3;
     */
    pageSize: number;
};
/**
 * Describes the message tessera.messaging.v1.PullMessagesRequest.
 * Use `create(PullMessagesRequestSchema)` to create a new message.
 */
export declare const PullMessagesRequestSchema: GenMessage<PullMessagesRequest>;
/**
 * PullMessagesResponse is the output of MessageService.PullMessages.
 *
 * @generated from message tessera.messaging.v1.PullMessagesResponse
 */
export type PullMessagesResponse = Message$1<"tessera.messaging.v1.PullMessagesResponse"> & {
    /**
     * In sequence order.
     *
     * @generated from field: repeated tessera.messaging.v1.Message messages = 1;
     */
    messages: Message[];
    /**
     * The device's highest sequence so far: more to pull while above the last returned.
     *
     * @generated from field: uint64 last_sequence = 2;
     */
    lastSequence: bigint;
};
/**
 * Describes the message tessera.messaging.v1.PullMessagesResponse.
 * Use `create(PullMessagesResponseSchema)` to create a new message.
 */
export declare const PullMessagesResponseSchema: GenMessage<PullMessagesResponse>;
/**
 * AckMessagesRequest is the input of MessageService.AckMessages.
 *
 * @generated from message tessera.messaging.v1.AckMessagesRequest
 */
export type AckMessagesRequest = Message$1<"tessera.messaging.v1.AckMessagesRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Required. Up to and including this sequence (at most the device's last).
     *
     * @generated from field: uint64 up_to_sequence = 2;
     */
    upToSequence: bigint;
};
/**
 * Describes the message tessera.messaging.v1.AckMessagesRequest.
 * Use `create(AckMessagesRequestSchema)` to create a new message.
 */
export declare const AckMessagesRequestSchema: GenMessage<AckMessagesRequest>;
/**
 * AckMessagesResponse is the output of MessageService.AckMessages.
 *
 * @generated from message tessera.messaging.v1.AckMessagesResponse
 */
export type AckMessagesResponse = Message$1<"tessera.messaging.v1.AckMessagesResponse"> & {
    /**
     * The device's acknowledged sequence now.
     *
     * @generated from field: uint64 acked_sequence = 1;
     */
    ackedSequence: bigint;
};
/**
 * Describes the message tessera.messaging.v1.AckMessagesResponse.
 * Use `create(AckMessagesResponseSchema)` to create a new message.
 */
export declare const AckMessagesResponseSchema: GenMessage<AckMessagesResponse>;
/**
 * MarkReadRequest is the input of MessageService.MarkRead.
 *
 * @generated from message tessera.messaging.v1.MarkReadRequest
 */
export type MarkReadRequest = Message$1<"tessera.messaging.v1.MarkReadRequest"> & {
    /**
     * Required. The own device the messages were sent to.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Required. 1 to 1000 message ids (copies to that device); others are ignored.
     *
     * @generated from field: repeated string message_ids = 2;
     */
    messageIds: string[];
};
/**
 * Describes the message tessera.messaging.v1.MarkReadRequest.
 * Use `create(MarkReadRequestSchema)` to create a new message.
 */
export declare const MarkReadRequestSchema: GenMessage<MarkReadRequest>;
/**
 * MarkReadResponse is the output of MessageService.MarkRead.
 *
 * @generated from message tessera.messaging.v1.MarkReadResponse
 */
export type MarkReadResponse = Message$1<"tessera.messaging.v1.MarkReadResponse"> & {
    /**
     * How many were newly marked read.
     *
     * @generated from field: int32 marked = 1;
     */
    marked: number;
};
/**
 * Describes the message tessera.messaging.v1.MarkReadResponse.
 * Use `create(MarkReadResponseSchema)` to create a new message.
 */
export declare const MarkReadResponseSchema: GenMessage<MarkReadResponse>;
/**
 * ListReceiptsRequest is the input of MessageService.ListReceipts.
 *
 * @generated from message tessera.messaging.v1.ListReceiptsRequest
 */
export type ListReceiptsRequest = Message$1<"tessera.messaging.v1.ListReceiptsRequest"> & {
    /**
     * Required. The own device that sent the message.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Required. The message's logical id.
     *
     * @generated from field: string logical_msg_id = 2;
     */
    logicalMsgId: string;
};
/**
 * Describes the message tessera.messaging.v1.ListReceiptsRequest.
 * Use `create(ListReceiptsRequestSchema)` to create a new message.
 */
export declare const ListReceiptsRequestSchema: GenMessage<ListReceiptsRequest>;
/**
 * ListReceiptsResponse is the output of MessageService.ListReceipts.
 *
 * @generated from message tessera.messaging.v1.ListReceiptsResponse
 */
export type ListReceiptsResponse = Message$1<"tessera.messaging.v1.ListReceiptsResponse"> & {
    /**
     * One per recipient device.
     *
     * @generated from field: repeated tessera.messaging.v1.Receipt receipts = 1;
     */
    receipts: Receipt[];
};
/**
 * Describes the message tessera.messaging.v1.ListReceiptsResponse.
 * Use `create(ListReceiptsResponseSchema)` to create a new message.
 */
export declare const ListReceiptsResponseSchema: GenMessage<ListReceiptsResponse>;
/**
 * Receipt is one recipient device's view of a message.
 *
 * @generated from message tessera.messaging.v1.Receipt
 */
export type Receipt = Message$1<"tessera.messaging.v1.Receipt"> & {
    /**
     * The recipient.
     *
     * @generated from field: string to_user_id = 1;
     */
    toUserId: string;
    /**
     * The recipient device.
     *
     * @generated from field: string to_device_id = 2;
     */
    toDeviceId: string;
    /**
     * The stored copy's id.
     *
     * @generated from field: string message_id = 3;
     */
    messageId: string;
    /**
     * When the device acknowledged it; unset before.
     *
     * @generated from field: google.protobuf.Timestamp deliver_time = 4;
     */
    deliverTime?: Timestamp | undefined;
    /**
     * When it was marked read; unset before.
     *
     * @generated from field: google.protobuf.Timestamp read_time = 5;
     */
    readTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Receipt.
 * Use `create(ReceiptSchema)` to create a new message.
 */
export declare const ReceiptSchema: GenMessage<Receipt>;
/**
 * DeviceChange says what happened to a device.
 *
 * @generated from enum tessera.messaging.v1.DeviceChange
 */
export declare enum DeviceChange {
    /**
     * Not set.
     *
     * @generated from enum value: DEVICE_CHANGE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Enrolled.
     *
     * @generated from enum value: DEVICE_CHANGE_ENROLLED = 1;
     */
    ENROLLED = 1,
    /**
     * Keys, label or push token changed.
     *
     * @generated from enum value: DEVICE_CHANGE_UPDATED = 2;
     */
    UPDATED = 2,
    /**
     * Removed.
     *
     * @generated from enum value: DEVICE_CHANGE_REMOVED = 3;
     */
    REMOVED = 3
}
/**
 * Describes the enum tessera.messaging.v1.DeviceChange.
 */
export declare const DeviceChangeSchema: GenEnum<DeviceChange>;
/**
 * MessageService sends end-to-end encrypted messages (one envelope per recipient device) and
 * delivers them: a live stream per device, or pulls, both from the device's sequence. Callers
 * are users (session token) acting through their own devices; another user's device is
 * NOT_FOUND.
 *
 * @generated from service tessera.messaging.v1.MessageService
 */
export declare const MessageService: GenService<{
    /**
     * SendMessage stores one envelope per device of the chat's members except the sending
     * device, all or nothing, and wakes their streams. The envelopes must name exactly that set
     * with the identity keys they were encrypted for, else FAILED_PRECONDITION with a
     * PreconditionFailure naming each MISSING_DEVICE, EXTRA_DEVICE and STALE_DEVICE (at most
     * 20), and nothing is stored. Idempotent by (device_id, logical_msg_id): a retry of the
     * same message returns the original result; the id reused for other content is
     * ALREADY_EXISTS. Limited per device and chat (default a burst of 60, then 1 a second):
     * RESOURCE_EXHAUSTED with RetryInfo.
     *
     * @generated from rpc tessera.messaging.v1.MessageService.SendMessage
     */
    sendMessage: {
        methodKind: "unary";
        input: typeof SendMessageRequestSchema;
        output: typeof SendMessageResponseSchema;
    };
    /**
     * Subscribe streams an own device's messages: first those after the cursor (the device's
     * acknowledged sequence unless `after_sequence` is set), then `caught_up`, then new ones as
     * they commit, each once and in sequence order, with heartbeats while idle and live events
     * (devices, sessions, low prekeys). One stream per device: a newer one ends the older with
     * ABORTED. The stream ends with UNAUTHENTICATED within about 2 s of its session's revocation.
     *
     * @generated from rpc tessera.messaging.v1.MessageService.Subscribe
     */
    subscribe: {
        methodKind: "server_streaming";
        input: typeof SubscribeRequestSchema;
        output: typeof SubscribeResponseSchema;
    };
    /**
     * PullMessages returns an own device's messages after a sequence, in order.
     *
     * @generated from rpc tessera.messaging.v1.MessageService.PullMessages
     */
    pullMessages: {
        methodKind: "unary";
        input: typeof PullMessagesRequestSchema;
        output: typeof PullMessagesResponseSchema;
    };
    /**
     * AckMessages acknowledges an own device's messages up to a sequence: they are marked
     * delivered and the device's cursor advances (never backwards).
     *
     * @generated from rpc tessera.messaging.v1.MessageService.AckMessages
     */
    ackMessages: {
        methodKind: "unary";
        input: typeof AckMessagesRequestSchema;
        output: typeof AckMessagesResponseSchema;
    };
    /**
     * MarkRead marks messages an own device received as read.
     *
     * @generated from rpc tessera.messaging.v1.MessageService.MarkRead
     */
    markRead: {
        methodKind: "unary";
        input: typeof MarkReadRequestSchema;
        output: typeof MarkReadResponseSchema;
    };
    /**
     * ListReceipts shows, for a message an own device sent, each recipient device's delivery
     * and read times.
     *
     * @generated from rpc tessera.messaging.v1.MessageService.ListReceipts
     */
    listReceipts: {
        methodKind: "unary";
        input: typeof ListReceiptsRequestSchema;
        output: typeof ListReceiptsResponseSchema;
    };
}>;
