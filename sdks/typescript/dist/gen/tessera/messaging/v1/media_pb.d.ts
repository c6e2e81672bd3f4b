import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/messaging/v1/media.proto.
 */
export declare const file_tessera_messaging_v1_media: GenFile;
/**
 * Media is an encrypted file in a thread.
 *
 * @generated from message tessera.messaging.v1.Media
 */
export type Media = Message<"tessera.messaging.v1.Media"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Required on upload.
     *
     * @generated from field: string thread_id = 2;
     */
    threadId: string;
    /**
     * Output only. Empty once the uploader's account is deleted.
     *
     * @generated from field: string author_id = 3;
     */
    authorId: string;
    /**
     * Required. File name, size and type, encrypted with the group key: 1 to 4096 bytes.
     *
     * @generated from field: bytes encrypted_metadata = 4;
     */
    encryptedMetadata: Uint8Array;
    /**
     * Required. The IV the file was encrypted with: 1 to 24 bytes.
     *
     * @generated from field: bytes encryption_iv = 5;
     */
    encryptionIv: Uint8Array;
    /**
     * Required. Bytes of ciphertext: 1 to 500,000,000.
     *
     * @generated from field: int64 size_bytes = 6;
     */
    sizeBytes: bigint;
    /**
     * Required. The SHA-256 of the ciphertext.
     *
     * @generated from field: bytes sha256 = 7;
     */
    sha256: Uint8Array;
    /**
     * Required. The key epoch it is encrypted under: the group's current one.
     *
     * @generated from field: int64 key_epoch = 8;
     */
    keyEpoch: bigint;
    /**
     * Output only. Where the bytes are: `vault://files/<file id>`.
     *
     * @generated from field: string storage_url = 9;
     */
    storageUrl: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp upload_time = 10;
     */
    uploadTime?: Timestamp | undefined;
    /**
     * Output only. 7 days after upload_time.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 11;
     */
    expireTime?: Timestamp | undefined;
    /**
     * Output only. When the caller first downloaded it; unset if never.
     *
     * @generated from field: google.protobuf.Timestamp download_time = 12;
     */
    downloadTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.messaging.v1.Media.
 * Use `create(MediaSchema)` to create a new message.
 */
export declare const MediaSchema: GenMessage<Media>;
/**
 * UploadMediaRequest is one message of an UploadMedia stream.
 *
 * @generated from message tessera.messaging.v1.UploadMediaRequest
 */
export type UploadMediaRequest = Message<"tessera.messaging.v1.UploadMediaRequest"> & {
    /**
     * First `media`, then `chunk`s.
     *
     * @generated from oneof tessera.messaging.v1.UploadMediaRequest.message
     */
    message: {
        /**
         * The description (output-only fields ignored).
         *
         * @generated from field: tessera.messaging.v1.Media media = 1;
         */
        value: Media;
        case: "media";
    } | {
        /**
         * Ciphertext, in order.
         *
         * @generated from field: bytes chunk = 2;
         */
        value: Uint8Array;
        case: "chunk";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.messaging.v1.UploadMediaRequest.
 * Use `create(UploadMediaRequestSchema)` to create a new message.
 */
export declare const UploadMediaRequestSchema: GenMessage<UploadMediaRequest>;
/**
 * UploadMediaResponse is the output of MediaService.UploadMedia.
 *
 * @generated from message tessera.messaging.v1.UploadMediaResponse
 */
export type UploadMediaResponse = Message<"tessera.messaging.v1.UploadMediaResponse"> & {
    /**
     * The stored media.
     *
     * @generated from field: tessera.messaging.v1.Media media = 1;
     */
    media?: Media | undefined;
};
/**
 * Describes the message tessera.messaging.v1.UploadMediaResponse.
 * Use `create(UploadMediaResponseSchema)` to create a new message.
 */
export declare const UploadMediaResponseSchema: GenMessage<UploadMediaResponse>;
/**
 * DownloadMediaRequest is the input of MediaService.DownloadMedia.
 *
 * @generated from message tessera.messaging.v1.DownloadMediaRequest
 */
export type DownloadMediaRequest = Message<"tessera.messaging.v1.DownloadMediaRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string media_id = 1;
     */
    mediaId: string;
    /**
     * First byte to send; at most the size.
     *
     * @generated from field: int64 offset = 2;
     */
    offset: bigint;
    /**
     * At most this many bytes; 0 for the rest.
     *
     * @generated from field: int64 limit = 3;
     */
    limit: bigint;
};
/**
 * Describes the message tessera.messaging.v1.DownloadMediaRequest.
 * Use `create(DownloadMediaRequestSchema)` to create a new message.
 */
export declare const DownloadMediaRequestSchema: GenMessage<DownloadMediaRequest>;
/**
 * DownloadMediaResponse is one message of a DownloadMedia stream.
 *
 * @generated from message tessera.messaging.v1.DownloadMediaResponse
 */
export type DownloadMediaResponse = Message<"tessera.messaging.v1.DownloadMediaResponse"> & {
    /**
     * First `media`, then `chunk`s.
     *
     * @generated from oneof tessera.messaging.v1.DownloadMediaResponse.message
     */
    message: {
        /**
         * The record.
         *
         * @generated from field: tessera.messaging.v1.Media media = 1;
         */
        value: Media;
        case: "media";
    } | {
        /**
         * Up to 1 MiB of the requested range, in order.
         *
         * @generated from field: bytes chunk = 2;
         */
        value: Uint8Array;
        case: "chunk";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.messaging.v1.DownloadMediaResponse.
 * Use `create(DownloadMediaResponseSchema)` to create a new message.
 */
export declare const DownloadMediaResponseSchema: GenMessage<DownloadMediaResponse>;
/**
 * ListMediaRequest is the input of MediaService.ListMedia.
 *
 * @generated from message tessera.messaging.v1.ListMediaRequest
 */
export type ListMediaRequest = Message<"tessera.messaging.v1.ListMediaRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string thread_id = 1;
     */
    threadId: string;
    /**
     * Default 50, at most 100.
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
 * Describes the message tessera.messaging.v1.ListMediaRequest.
 * Use `create(ListMediaRequestSchema)` to create a new message.
 */
export declare const ListMediaRequestSchema: GenMessage<ListMediaRequest>;
/**
 * ListMediaResponse is the output of MediaService.ListMedia.
 *
 * @generated from message tessera.messaging.v1.ListMediaResponse
 */
export type ListMediaResponse = Message<"tessera.messaging.v1.ListMediaResponse"> & {
    /**
     * Oldest first; expired ones left out.
     *
     * @generated from field: repeated tessera.messaging.v1.Media media = 1;
     */
    media: Media[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.messaging.v1.ListMediaResponse.
 * Use `create(ListMediaResponseSchema)` to create a new message.
 */
export declare const ListMediaResponseSchema: GenMessage<ListMediaResponse>;
/**
 * DeleteMediaRequest is the input of MediaService.DeleteMedia.
 *
 * @generated from message tessera.messaging.v1.DeleteMediaRequest
 */
export type DeleteMediaRequest = Message<"tessera.messaging.v1.DeleteMediaRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string media_id = 1;
     */
    mediaId: string;
};
/**
 * Describes the message tessera.messaging.v1.DeleteMediaRequest.
 * Use `create(DeleteMediaRequestSchema)` to create a new message.
 */
export declare const DeleteMediaRequestSchema: GenMessage<DeleteMediaRequest>;
/**
 * DeleteMediaResponse is the output of MediaService.DeleteMedia.
 *
 * @generated from message tessera.messaging.v1.DeleteMediaResponse
 */
export type DeleteMediaResponse = Message<"tessera.messaging.v1.DeleteMediaResponse"> & {};
/**
 * Describes the message tessera.messaging.v1.DeleteMediaResponse.
 * Use `create(DeleteMediaResponseSchema)` to create a new message.
 */
export declare const DeleteMediaResponseSchema: GenMessage<DeleteMediaResponse>;
/**
 * GetGroupUsageRequest is the input of MediaService.GetGroupUsage.
 *
 * @generated from message tessera.messaging.v1.GetGroupUsageRequest
 */
export type GetGroupUsageRequest = Message<"tessera.messaging.v1.GetGroupUsageRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string group_id = 1;
     */
    groupId: string;
};
/**
 * Describes the message tessera.messaging.v1.GetGroupUsageRequest.
 * Use `create(GetGroupUsageRequestSchema)` to create a new message.
 */
export declare const GetGroupUsageRequestSchema: GenMessage<GetGroupUsageRequest>;
/**
 * GetGroupUsageResponse is the output of MediaService.GetGroupUsage.
 *
 * @generated from message tessera.messaging.v1.GetGroupUsageResponse
 */
export type GetGroupUsageResponse = Message<"tessera.messaging.v1.GetGroupUsageResponse"> & {
    /**
     * Bytes used, uploads in flight included.
     *
     * @generated from field: int64 total_bytes = 1;
     */
    totalBytes: bigint;
    /**
     * Files, uploads in flight included.
     *
     * @generated from field: int32 media_count = 2;
     */
    mediaCount: number;
    /**
     * The byte limit.
     *
     * @generated from field: int64 max_bytes = 3;
     */
    maxBytes: bigint;
    /**
     * The file limit.
     *
     * @generated from field: int32 max_media_count = 4;
     */
    maxMediaCount: number;
    /**
     * At least 80% of either limit is used.
     *
     * @generated from field: bool near_limit = 5;
     */
    nearLimit: boolean;
};
/**
 * Describes the message tessera.messaging.v1.GetGroupUsageResponse.
 * Use `create(GetGroupUsageResponseSchema)` to create a new message.
 */
export declare const GetGroupUsageResponseSchema: GenMessage<GetGroupUsageResponse>;
/**
 * MediaService relays encrypted media in a group's threads for 7 days. Callers are members of
 * the group (session token). The bytes are stored by vault-storage as the uploader's files
 * (charged to their quota and messaging's), never by messaging; this service keeps the record
 * and the group's quota (bytes and files), reserved before any byte moves.
 * Expired media are NOT_FOUND with ErrorInfo reason MEDIA_EXPIRED until the cleanup job removes
 * them. If vault-storage is unreachable, media calls are UNAVAILABLE and change nothing.
 *
 * @generated from service tessera.messaging.v1.MediaService
 */
export declare const MediaService: GenService<{
    /**
     * UploadMedia streams a file into a thread: first `media` (the description), then chunks of
     * 256 KiB to 2 MiB (the last may be shorter). The SHA-256 is checked before anything is
     * kept: a mismatch is DATA_LOSS, a size mismatch OUT_OF_RANGE, and the reservation goes back.
     *
     * @generated from rpc tessera.messaging.v1.MediaService.UploadMedia
     */
    uploadMedia: {
        methodKind: "client_streaming";
        input: typeof UploadMediaRequestSchema;
        output: typeof UploadMediaResponseSchema;
    };
    /**
     * DownloadMedia streams a file back, whole or a range: first `media`, then chunks. The
     * caller's first download is recorded.
     *
     * @generated from rpc tessera.messaging.v1.MediaService.DownloadMedia
     */
    downloadMedia: {
        methodKind: "server_streaming";
        input: typeof DownloadMediaRequestSchema;
        output: typeof DownloadMediaResponseSchema;
    };
    /**
     * ListMedia lists a thread's live media, oldest first.
     *
     * @generated from rpc tessera.messaging.v1.MediaService.ListMedia
     */
    listMedia: {
        methodKind: "unary";
        input: typeof ListMediaRequestSchema;
        output: typeof ListMediaResponseSchema;
    };
    /**
     * DeleteMedia deletes a file: its uploader or the group's creator. The bytes go at once from
     * the group's usage; vault-storage deletes them (retried until it confirms).
     *
     * @generated from rpc tessera.messaging.v1.MediaService.DeleteMedia
     */
    deleteMedia: {
        methodKind: "unary";
        input: typeof DeleteMediaRequestSchema;
        output: typeof DeleteMediaResponseSchema;
    };
    /**
     * GetGroupUsage returns a group's media usage and limits.
     *
     * @generated from rpc tessera.messaging.v1.MediaService.GetGroupUsage
     */
    getGroupUsage: {
        methodKind: "unary";
        input: typeof GetGroupUsageRequestSchema;
        output: typeof GetGroupUsageResponseSchema;
    };
}>;
