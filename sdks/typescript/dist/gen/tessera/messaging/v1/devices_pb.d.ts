import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/devices.proto.
 */
export declare const file_tessera_messaging_v1_devices: GenFile;
/**
 * DeviceKeys are the public keys a device publishes.
 *
 * @generated from message tessera.messaging.v1.DeviceKeys
 */
export type DeviceKeys = Message<"tessera.messaging.v1.DeviceKeys"> & {
    /**
     * How `identity_key` signs.
     *
     * @generated from field: tessera.messaging.v1.IdentityKeyType identity_key_type = 1;
     */
    identityKeyType: IdentityKeyType;
    /**
     * Required. The device's identity public key, 32 bytes.
     *
     * @generated from field: bytes identity_key = 2;
     */
    identityKey: Uint8Array;
    /**
     * Required. The last-resort prekey (X25519, 32 bytes), handed out when no one-time prekey
     * is left.
     *
     * @generated from field: bytes last_resort_prekey = 3;
     */
    lastResortPrekey: Uint8Array;
    /**
     * Required. The signed prekey (X25519, 32 bytes).
     *
     * @generated from field: bytes signed_prekey = 4;
     */
    signedPrekey: Uint8Array;
    /**
     * Required. The identity key's signature over `signed_prekey`, 64 bytes.
     *
     * @generated from field: bytes signed_prekey_signature = 5;
     */
    signedPrekeySignature: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.DeviceKeys.
 * Use `create(DeviceKeysSchema)` to create a new message.
 */
export declare const DeviceKeysSchema: GenMessage<DeviceKeys>;
/**
 * Prekey is a one-time prekey.
 *
 * @generated from message tessera.messaging.v1.Prekey
 */
export type Prekey = Message<"tessera.messaging.v1.Prekey"> & {
    /**
     * The client's id for it, at least 1.
     *
     * @generated from field: uint64 id = 1;
     */
    id: bigint;
    /**
     * The X25519 public key, 32 bytes.
     *
     * @generated from field: bytes key = 2;
     */
    key: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.Prekey.
 * Use `create(PrekeySchema)` to create a new message.
 */
export declare const PrekeySchema: GenMessage<Prekey>;
/**
 * Device is one of the caller's devices.
 *
 * @generated from message tessera.messaging.v1.Device
 */
export type Device = Message<"tessera.messaging.v1.Device"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only. The owner.
     *
     * @generated from field: string user_id = 2;
     */
    userId: string;
    /**
     * The public keys.
     *
     * @generated from field: tessera.messaging.v1.DeviceKeys keys = 3;
     */
    keys?: DeviceKeys | undefined;
    /**
     * Output only. One-time prekeys not yet claimed.
     *
     * @generated from field: int32 one_time_prekey_count = 4;
     */
    oneTimePrekeyCount: number;
    /**
     * Output only. The highest one-time prekey id ever uploaded.
     *
     * @generated from field: uint64 last_prekey_id = 5;
     */
    lastPrekeyId: bigint;
    /**
     * A label for the owner (1 to 64 characters), or empty.
     *
     * @generated from field: string label = 6;
     */
    label: string;
    /**
     * Output only. Whether a push token is set (the token itself is write-only).
     *
     * @generated from field: bool has_push_token = 7;
     */
    hasPushToken: boolean;
    /**
     * Output only. Last activity (updated at most once a minute).
     *
     * @generated from field: google.protobuf.Timestamp last_seen_time = 8;
     */
    lastSeenTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 9;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Device.
 * Use `create(DeviceSchema)` to create a new message.
 */
export declare const DeviceSchema: GenMessage<Device>;
/**
 * EnrollDeviceRequest is the input of DeviceService.EnrollDevice.
 *
 * @generated from message tessera.messaging.v1.EnrollDeviceRequest
 */
export type EnrollDeviceRequest = Message<"tessera.messaging.v1.EnrollDeviceRequest"> & {
    /**
     * Required. The device's public keys.
     *
     * @generated from field: tessera.messaging.v1.DeviceKeys keys = 1;
     */
    keys?: DeviceKeys | undefined;
    /**
     * Up to 100 one-time prekeys to start with.
     *
     * @generated from field: repeated tessera.messaging.v1.Prekey one_time_prekeys = 2;
     */
    oneTimePrekeys: Prekey[];
    /**
     * Optional label, 1 to 64 characters.
     *
     * @generated from field: string label = 3;
     */
    label: string;
    /**
     * Optional push token (at most 4096 bytes); write-only.
     *
     * @generated from field: string push_token = 4;
     */
    pushToken: string;
};
/**
 * Describes the message tessera.messaging.v1.EnrollDeviceRequest.
 * Use `create(EnrollDeviceRequestSchema)` to create a new message.
 */
export declare const EnrollDeviceRequestSchema: GenMessage<EnrollDeviceRequest>;
/**
 * EnrollDeviceResponse is the output of DeviceService.EnrollDevice.
 *
 * @generated from message tessera.messaging.v1.EnrollDeviceResponse
 */
export type EnrollDeviceResponse = Message<"tessera.messaging.v1.EnrollDeviceResponse"> & {
    /**
     * The new device.
     *
     * @generated from field: tessera.messaging.v1.Device device = 1;
     */
    device?: Device | undefined;
};
/**
 * Describes the message tessera.messaging.v1.EnrollDeviceResponse.
 * Use `create(EnrollDeviceResponseSchema)` to create a new message.
 */
export declare const EnrollDeviceResponseSchema: GenMessage<EnrollDeviceResponse>;
/**
 * ListDevicesRequest is the input of DeviceService.ListDevices.
 *
 * @generated from message tessera.messaging.v1.ListDevicesRequest
 */
export type ListDevicesRequest = Message<"tessera.messaging.v1.ListDevicesRequest"> & {
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
 * Describes the message tessera.messaging.v1.ListDevicesRequest.
 * Use `create(ListDevicesRequestSchema)` to create a new message.
 */
export declare const ListDevicesRequestSchema: GenMessage<ListDevicesRequest>;
/**
 * ListDevicesResponse is the output of DeviceService.ListDevices.
 *
 * @generated from message tessera.messaging.v1.ListDevicesResponse
 */
export type ListDevicesResponse = Message<"tessera.messaging.v1.ListDevicesResponse"> & {
    /**
     * The caller's devices, oldest first.
     *
     * @generated from field: repeated tessera.messaging.v1.Device devices = 1;
     */
    devices: Device[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListDevicesResponse.
 * Use `create(ListDevicesResponseSchema)` to create a new message.
 */
export declare const ListDevicesResponseSchema: GenMessage<ListDevicesResponse>;
/**
 * UpdateDeviceRequest is the input of DeviceService.UpdateDevice.
 *
 * @generated from message tessera.messaging.v1.UpdateDeviceRequest
 */
export type UpdateDeviceRequest = Message<"tessera.messaging.v1.UpdateDeviceRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * The new label (empty clears it).
     *
     * @generated from field: string label = 2;
     */
    label: string;
    /**
     * The new push token (empty clears it); write-only.
     *
     * @generated from field: string push_token = 3;
     */
    pushToken: string;
    /**
     * Required: `label`, `push_token` or both.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 4;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.messaging.v1.UpdateDeviceRequest.
 * Use `create(UpdateDeviceRequestSchema)` to create a new message.
 */
export declare const UpdateDeviceRequestSchema: GenMessage<UpdateDeviceRequest>;
/**
 * UpdateDeviceResponse is the output of DeviceService.UpdateDevice.
 *
 * @generated from message tessera.messaging.v1.UpdateDeviceResponse
 */
export type UpdateDeviceResponse = Message<"tessera.messaging.v1.UpdateDeviceResponse"> & {
    /**
     * The device as it is now.
     *
     * @generated from field: tessera.messaging.v1.Device device = 1;
     */
    device?: Device | undefined;
};
/**
 * Describes the message tessera.messaging.v1.UpdateDeviceResponse.
 * Use `create(UpdateDeviceResponseSchema)` to create a new message.
 */
export declare const UpdateDeviceResponseSchema: GenMessage<UpdateDeviceResponse>;
/**
 * RotateSignedPrekeyRequest is the input of DeviceService.RotateSignedPrekey.
 *
 * @generated from message tessera.messaging.v1.RotateSignedPrekeyRequest
 */
export type RotateSignedPrekeyRequest = Message<"tessera.messaging.v1.RotateSignedPrekeyRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Required. The new signed prekey (X25519, 32 bytes).
     *
     * @generated from field: bytes signed_prekey = 2;
     */
    signedPrekey: Uint8Array;
    /**
     * Required. The identity key's signature over it, 64 bytes.
     *
     * @generated from field: bytes signed_prekey_signature = 3;
     */
    signedPrekeySignature: Uint8Array;
};
/**
 * Describes the message tessera.messaging.v1.RotateSignedPrekeyRequest.
 * Use `create(RotateSignedPrekeyRequestSchema)` to create a new message.
 */
export declare const RotateSignedPrekeyRequestSchema: GenMessage<RotateSignedPrekeyRequest>;
/**
 * RotateSignedPrekeyResponse is the output of DeviceService.RotateSignedPrekey.
 *
 * @generated from message tessera.messaging.v1.RotateSignedPrekeyResponse
 */
export type RotateSignedPrekeyResponse = Message<"tessera.messaging.v1.RotateSignedPrekeyResponse"> & {
    /**
     * The device as it is now.
     *
     * @generated from field: tessera.messaging.v1.Device device = 1;
     */
    device?: Device | undefined;
};
/**
 * Describes the message tessera.messaging.v1.RotateSignedPrekeyResponse.
 * Use `create(RotateSignedPrekeyResponseSchema)` to create a new message.
 */
export declare const RotateSignedPrekeyResponseSchema: GenMessage<RotateSignedPrekeyResponse>;
/**
 * ReenrollDeviceRequest is the input of DeviceService.ReenrollDevice.
 *
 * @generated from message tessera.messaging.v1.ReenrollDeviceRequest
 */
export type ReenrollDeviceRequest = Message<"tessera.messaging.v1.ReenrollDeviceRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Required. The new public keys.
     *
     * @generated from field: tessera.messaging.v1.DeviceKeys keys = 2;
     */
    keys?: DeviceKeys | undefined;
    /**
     * Up to 100 one-time prekeys replacing the old ones (ids above the last ever uploaded).
     *
     * @generated from field: repeated tessera.messaging.v1.Prekey one_time_prekeys = 3;
     */
    oneTimePrekeys: Prekey[];
};
/**
 * Describes the message tessera.messaging.v1.ReenrollDeviceRequest.
 * Use `create(ReenrollDeviceRequestSchema)` to create a new message.
 */
export declare const ReenrollDeviceRequestSchema: GenMessage<ReenrollDeviceRequest>;
/**
 * ReenrollDeviceResponse is the output of DeviceService.ReenrollDevice.
 *
 * @generated from message tessera.messaging.v1.ReenrollDeviceResponse
 */
export type ReenrollDeviceResponse = Message<"tessera.messaging.v1.ReenrollDeviceResponse"> & {
    /**
     * The device as it is now.
     *
     * @generated from field: tessera.messaging.v1.Device device = 1;
     */
    device?: Device | undefined;
};
/**
 * Describes the message tessera.messaging.v1.ReenrollDeviceResponse.
 * Use `create(ReenrollDeviceResponseSchema)` to create a new message.
 */
export declare const ReenrollDeviceResponseSchema: GenMessage<ReenrollDeviceResponse>;
/**
 * UploadPrekeysRequest is the input of DeviceService.UploadPrekeys.
 *
 * @generated from message tessera.messaging.v1.UploadPrekeysRequest
 */
export type UploadPrekeysRequest = Message<"tessera.messaging.v1.UploadPrekeysRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * 1 to 100 prekeys, ids increasing and above the device's `last_prekey_id`.
     *
     * @generated from field: repeated tessera.messaging.v1.Prekey prekeys = 2;
     */
    prekeys: Prekey[];
};
/**
 * Describes the message tessera.messaging.v1.UploadPrekeysRequest.
 * Use `create(UploadPrekeysRequestSchema)` to create a new message.
 */
export declare const UploadPrekeysRequestSchema: GenMessage<UploadPrekeysRequest>;
/**
 * UploadPrekeysResponse is the output of DeviceService.UploadPrekeys.
 *
 * @generated from message tessera.messaging.v1.UploadPrekeysResponse
 */
export type UploadPrekeysResponse = Message<"tessera.messaging.v1.UploadPrekeysResponse"> & {
    /**
     * One-time prekeys now held.
     *
     * @generated from field: int32 one_time_prekey_count = 1;
     */
    oneTimePrekeyCount: number;
    /**
     * The highest id uploaded so far.
     *
     * @generated from field: uint64 last_prekey_id = 2;
     */
    lastPrekeyId: bigint;
};
/**
 * Describes the message tessera.messaging.v1.UploadPrekeysResponse.
 * Use `create(UploadPrekeysResponseSchema)` to create a new message.
 */
export declare const UploadPrekeysResponseSchema: GenMessage<UploadPrekeysResponse>;
/**
 * DeleteDeviceRequest is the input of DeviceService.DeleteDevice.
 *
 * @generated from message tessera.messaging.v1.DeleteDeviceRequest
 */
export type DeleteDeviceRequest = Message<"tessera.messaging.v1.DeleteDeviceRequest"> & {
    /**
     * Required. An own device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
};
/**
 * Describes the message tessera.messaging.v1.DeleteDeviceRequest.
 * Use `create(DeleteDeviceRequestSchema)` to create a new message.
 */
export declare const DeleteDeviceRequestSchema: GenMessage<DeleteDeviceRequest>;
/**
 * DeleteDeviceResponse is the output of DeviceService.DeleteDevice.
 *
 * @generated from message tessera.messaging.v1.DeleteDeviceResponse
 */
export type DeleteDeviceResponse = Message<"tessera.messaging.v1.DeleteDeviceResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.DeleteDeviceResponse.
 * Use `create(DeleteDeviceResponseSchema)` to create a new message.
 */
export declare const DeleteDeviceResponseSchema: GenMessage<DeleteDeviceResponse>;
/**
 * ClaimKeyBundlesRequest is the input of KeyBundleService.ClaimKeyBundles.
 *
 * @generated from message tessera.messaging.v1.ClaimKeyBundlesRequest
 */
export type ClaimKeyBundlesRequest = Message<"tessera.messaging.v1.ClaimKeyBundlesRequest"> & {
    /**
     * Required. The user whose devices' bundles are wanted (the caller included).
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
};
/**
 * Describes the message tessera.messaging.v1.ClaimKeyBundlesRequest.
 * Use `create(ClaimKeyBundlesRequestSchema)` to create a new message.
 */
export declare const ClaimKeyBundlesRequestSchema: GenMessage<ClaimKeyBundlesRequest>;
/**
 * ClaimKeyBundlesResponse is the output of KeyBundleService.ClaimKeyBundles.
 *
 * @generated from message tessera.messaging.v1.ClaimKeyBundlesResponse
 */
export type ClaimKeyBundlesResponse = Message<"tessera.messaging.v1.ClaimKeyBundlesResponse"> & {
    /**
     * One per device of the user, oldest device first.
     *
     * @generated from field: repeated tessera.messaging.v1.KeyBundle bundles = 1;
     */
    bundles: KeyBundle[];
};
/**
 * Describes the message tessera.messaging.v1.ClaimKeyBundlesResponse.
 * Use `create(ClaimKeyBundlesResponseSchema)` to create a new message.
 */
export declare const ClaimKeyBundlesResponseSchema: GenMessage<ClaimKeyBundlesResponse>;
/**
 * KeyBundle is what X3DH needs to start a session with one device.
 *
 * @generated from message tessera.messaging.v1.KeyBundle
 */
export type KeyBundle = Message<"tessera.messaging.v1.KeyBundle"> & {
    /**
     * The device.
     *
     * @generated from field: string device_id = 1;
     */
    deviceId: string;
    /**
     * Its owner.
     *
     * @generated from field: string user_id = 2;
     */
    userId: string;
    /**
     * The identity key, the signed prekey and its signature.
     *
     * @generated from field: tessera.messaging.v1.DeviceKeys keys = 3;
     */
    keys?: DeviceKeys | undefined;
    /**
     * The prekey handed out: a one-time prekey (now claimed), or the last-resort prekey (id 0).
     *
     * @generated from field: tessera.messaging.v1.Prekey prekey = 4;
     */
    prekey?: Prekey | undefined;
    /**
     * Whether `prekey` is the last-resort prekey (no one-time prekey was left).
     *
     * @generated from field: bool last_resort = 5;
     */
    lastResort: boolean;
};
/**
 * Describes the message tessera.messaging.v1.KeyBundle.
 * Use `create(KeyBundleSchema)` to create a new message.
 */
export declare const KeyBundleSchema: GenMessage<KeyBundle>;
/**
 * IdentityKeyType says how the identity key signs.
 *
 * @generated from enum tessera.messaging.v1.IdentityKeyType
 */
export declare enum IdentityKeyType {
    /**
     * Not set: treated as ED25519.
     *
     * @generated from enum value: IDENTITY_KEY_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * An Ed25519 public key; signatures are Ed25519 (strictly verified).
     *
     * @generated from enum value: IDENTITY_KEY_TYPE_ED25519 = 1;
     */
    ED25519 = 1,
    /**
     * An X25519 public key (Signal's identity keys); signatures are XEdDSA.
     *
     * @generated from enum value: IDENTITY_KEY_TYPE_X25519 = 2;
     */
    X25519 = 2
}
/**
 * Describes the enum tessera.messaging.v1.IdentityKeyType.
 */
export declare const IdentityKeyTypeSchema: GenEnum<IdentityKeyType>;
/**
 * DeviceService enrols the caller's devices and publishes their public keys (X3DH). The server
 * keeps only public keys and signatures; private keys never leave the device. Callers are
 * users (session token), acting on their own devices only: another user's device id is
 * NOT_FOUND. A user has at most 16 devices.
 *
 * @generated from service tessera.messaging.v1.DeviceService
 */
export declare const DeviceService: GenService<{
    /**
     * EnrollDevice registers a device of the caller after checking `signed_prekey_signature`
     * (Ed25519, strict; XEdDSA for X25519 identity keys) over `signed_prekey` with the
     * identity key. A bad signature is INVALID_ARGUMENT; an identity key the caller already
     * enrolled is ALREADY_EXISTS.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.EnrollDevice
     */
    enrollDevice: {
        methodKind: "unary";
        input: typeof EnrollDeviceRequestSchema;
        output: typeof EnrollDeviceResponseSchema;
    };
    /**
     * ListDevices lists the caller's devices, oldest first.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.ListDevices
     */
    listDevices: {
        methodKind: "unary";
        input: typeof ListDevicesRequestSchema;
        output: typeof ListDevicesResponseSchema;
    };
    /**
     * UpdateDevice changes the label or the push token (write-only) named in `update_mask`.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.UpdateDevice
     */
    updateDevice: {
        methodKind: "unary";
        input: typeof UpdateDeviceRequestSchema;
        output: typeof UpdateDeviceResponseSchema;
    };
    /**
     * RotateSignedPrekey replaces the signed prekey, checked against the device's identity key.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.RotateSignedPrekey
     */
    rotateSignedPrekey: {
        methodKind: "unary";
        input: typeof RotateSignedPrekeyRequestSchema;
        output: typeof RotateSignedPrekeyResponseSchema;
    };
    /**
     * ReenrollDevice replaces all keys of an own device (a reinstalled app keeping its id): the
     * one-time prekeys are replaced and the device's sessions and handshakes are dropped.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.ReenrollDevice
     */
    reenrollDevice: {
        methodKind: "unary";
        input: typeof ReenrollDeviceRequestSchema;
        output: typeof ReenrollDeviceResponseSchema;
    };
    /**
     * UploadPrekeys adds up to 100 one-time prekeys. Ids must be above every id the device
     * ever uploaded (so none is reused) and increasing; a device holds at most 1000.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.UploadPrekeys
     */
    uploadPrekeys: {
        methodKind: "unary";
        input: typeof UploadPrekeysRequestSchema;
        output: typeof UploadPrekeysResponseSchema;
    };
    /**
     * DeleteDevice removes an own device with its messages, sessions and handshakes.
     * Idempotent: an id already gone is NOT_FOUND.
     *
     * @generated from rpc tessera.messaging.v1.DeviceService.DeleteDevice
     */
    deleteDevice: {
        methodKind: "unary";
        input: typeof DeleteDeviceRequestSchema;
        output: typeof DeleteDeviceResponseSchema;
    };
}>;
/**
 * KeyBundleService hands out the key bundles a sender needs to start sessions with a user.
 *
 * @generated from service tessera.messaging.v1.KeyBundleService
 */
export declare const KeyBundleService: GenService<{
    /**
     * ClaimKeyBundles returns one bundle per device of `user_id`, each taking one one-time
     * prekey (exactly once, whatever the concurrency); a device with none left gives its
     * last-resort prekey, marked so. A device left with fewer than 10 is told (KeysLow).
     * Limited per caller and target user (default 6 per 10 minutes): RESOURCE_EXHAUSTED with
     * RetryInfo. A user with no devices (or unknown) gives an empty list.
     *
     * @generated from rpc tessera.messaging.v1.KeyBundleService.ClaimKeyBundles
     */
    claimKeyBundles: {
        methodKind: "unary";
        input: typeof ClaimKeyBundlesRequestSchema;
        output: typeof ClaimKeyBundlesResponseSchema;
    };
}>;
