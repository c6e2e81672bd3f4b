import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/vault/v1/blobs.proto.
 */
export declare const file_tessera_vault_v1_blobs: GenFile;
/**
 * Digest names a blob or manifest by content.
 *
 * @generated from message tessera.vault.v1.Digest
 */
export type Digest = Message<"tessera.vault.v1.Digest"> & {
    /**
     * SHA-256, 64 lowercase hexadecimal characters.
     *
     * @generated from field: string sha256 = 1;
     */
    sha256: string;
    /**
     * Size in bytes, 0 to 2^53 - 1.
     *
     * @generated from field: int64 size_bytes = 2;
     */
    sizeBytes: bigint;
};
/**
 * Describes the message tessera.vault.v1.Digest.
 * Use `create(DigestSchema)` to create a new message.
 */
export declare const DigestSchema: GenMessage<Digest>;
/**
 * ItemStatus is the outcome of one item of a batch.
 *
 * @generated from message tessera.vault.v1.ItemStatus
 */
export type ItemStatus = Message<"tessera.vault.v1.ItemStatus"> & {
    /**
     * A google.rpc.Code value: 0 OK, 5 NOT_FOUND, 8 RESOURCE_EXHAUSTED, 15 DATA_LOSS, ...
     *
     * @generated from field: int32 code = 1;
     */
    code: number;
    /**
     * Why the item failed; empty when `code` is 0.
     *
     * @generated from field: string message = 2;
     */
    message: string;
};
/**
 * Describes the message tessera.vault.v1.ItemStatus.
 * Use `create(ItemStatusSchema)` to create a new message.
 */
export declare const ItemStatusSchema: GenMessage<ItemStatus>;
/**
 * FindMissingBlobsRequest is the input of BlobService.FindMissingBlobs.
 *
 * @generated from message tessera.vault.v1.FindMissingBlobsRequest
 */
export type FindMissingBlobsRequest = Message<"tessera.vault.v1.FindMissingBlobsRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * At most 10,000.
     *
     * @generated from field: repeated tessera.vault.v1.Digest digests = 2;
     */
    digests: Digest[];
};
/**
 * Describes the message tessera.vault.v1.FindMissingBlobsRequest.
 * Use `create(FindMissingBlobsRequestSchema)` to create a new message.
 */
export declare const FindMissingBlobsRequestSchema: GenMessage<FindMissingBlobsRequest>;
/**
 * FindMissingBlobsResponse is the output of BlobService.FindMissingBlobs.
 *
 * @generated from message tessera.vault.v1.FindMissingBlobsResponse
 */
export type FindMissingBlobsResponse = Message<"tessera.vault.v1.FindMissingBlobsResponse"> & {
    /**
     * The digests the user does not hold, in request order.
     *
     * @generated from field: repeated tessera.vault.v1.Digest missing = 1;
     */
    missing: Digest[];
};
/**
 * Describes the message tessera.vault.v1.FindMissingBlobsResponse.
 * Use `create(FindMissingBlobsResponseSchema)` to create a new message.
 */
export declare const FindMissingBlobsResponseSchema: GenMessage<FindMissingBlobsResponse>;
/**
 * BatchUpdateBlobsRequest is the input of BlobService.BatchUpdateBlobs.
 *
 * @generated from message tessera.vault.v1.BatchUpdateBlobsRequest
 */
export type BatchUpdateBlobsRequest = Message<"tessera.vault.v1.BatchUpdateBlobsRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * At most 4 MiB of data in all.
     *
     * @generated from field: repeated tessera.vault.v1.BatchUpdateBlobsRequest.Item items = 2;
     */
    items: BatchUpdateBlobsRequest_Item[];
};
/**
 * Describes the message tessera.vault.v1.BatchUpdateBlobsRequest.
 * Use `create(BatchUpdateBlobsRequestSchema)` to create a new message.
 */
export declare const BatchUpdateBlobsRequestSchema: GenMessage<BatchUpdateBlobsRequest>;
/**
 * A blob and its digest.
 *
 * @generated from message tessera.vault.v1.BatchUpdateBlobsRequest.Item
 */
export type BatchUpdateBlobsRequest_Item = Message<"tessera.vault.v1.BatchUpdateBlobsRequest.Item"> & {
    /**
     * The blob's SHA-256 and size; the data must match both.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 1;
     */
    digest?: Digest | undefined;
    /**
     * The blob's bytes.
     *
     * @generated from field: bytes data = 2;
     */
    data: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.BatchUpdateBlobsRequest.Item.
 * Use `create(BatchUpdateBlobsRequest_ItemSchema)` to create a new message.
 */
export declare const BatchUpdateBlobsRequest_ItemSchema: GenMessage<BatchUpdateBlobsRequest_Item>;
/**
 * BatchUpdateBlobsResponse is the output of BlobService.BatchUpdateBlobs.
 *
 * @generated from message tessera.vault.v1.BatchUpdateBlobsResponse
 */
export type BatchUpdateBlobsResponse = Message<"tessera.vault.v1.BatchUpdateBlobsResponse"> & {
    /**
     * One result per request item, in order.
     *
     * @generated from field: repeated tessera.vault.v1.BatchUpdateBlobsResponse.Result results = 1;
     */
    results: BatchUpdateBlobsResponse_Result[];
};
/**
 * Describes the message tessera.vault.v1.BatchUpdateBlobsResponse.
 * Use `create(BatchUpdateBlobsResponseSchema)` to create a new message.
 */
export declare const BatchUpdateBlobsResponseSchema: GenMessage<BatchUpdateBlobsResponse>;
/**
 * One per request item, in order.
 *
 * @generated from message tessera.vault.v1.BatchUpdateBlobsResponse.Result
 */
export type BatchUpdateBlobsResponse_Result = Message<"tessera.vault.v1.BatchUpdateBlobsResponse.Result"> & {
    /**
     * The item's digest.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 1;
     */
    digest?: Digest | undefined;
    /**
     * Whether it was stored.
     *
     * @generated from field: tessera.vault.v1.ItemStatus status = 2;
     */
    status?: ItemStatus | undefined;
};
/**
 * Describes the message tessera.vault.v1.BatchUpdateBlobsResponse.Result.
 * Use `create(BatchUpdateBlobsResponse_ResultSchema)` to create a new message.
 */
export declare const BatchUpdateBlobsResponse_ResultSchema: GenMessage<BatchUpdateBlobsResponse_Result>;
/**
 * BatchReadBlobsRequest is the input of BlobService.BatchReadBlobs.
 *
 * @generated from message tessera.vault.v1.BatchReadBlobsRequest
 */
export type BatchReadBlobsRequest = Message<"tessera.vault.v1.BatchReadBlobsRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * At most 4 MiB in all.
     *
     * @generated from field: repeated tessera.vault.v1.Digest digests = 2;
     */
    digests: Digest[];
};
/**
 * Describes the message tessera.vault.v1.BatchReadBlobsRequest.
 * Use `create(BatchReadBlobsRequestSchema)` to create a new message.
 */
export declare const BatchReadBlobsRequestSchema: GenMessage<BatchReadBlobsRequest>;
/**
 * BatchReadBlobsResponse is the output of BlobService.BatchReadBlobs.
 *
 * @generated from message tessera.vault.v1.BatchReadBlobsResponse
 */
export type BatchReadBlobsResponse = Message<"tessera.vault.v1.BatchReadBlobsResponse"> & {
    /**
     * One result per requested digest, in order.
     *
     * @generated from field: repeated tessera.vault.v1.BatchReadBlobsResponse.Result results = 1;
     */
    results: BatchReadBlobsResponse_Result[];
};
/**
 * Describes the message tessera.vault.v1.BatchReadBlobsResponse.
 * Use `create(BatchReadBlobsResponseSchema)` to create a new message.
 */
export declare const BatchReadBlobsResponseSchema: GenMessage<BatchReadBlobsResponse>;
/**
 * One per requested digest, in order.
 *
 * @generated from message tessera.vault.v1.BatchReadBlobsResponse.Result
 */
export type BatchReadBlobsResponse_Result = Message<"tessera.vault.v1.BatchReadBlobsResponse.Result"> & {
    /**
     * The requested digest.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 1;
     */
    digest?: Digest | undefined;
    /**
     * The blob's bytes; empty unless `status.code` is 0.
     *
     * @generated from field: bytes data = 2;
     */
    data: Uint8Array;
    /**
     * Whether it was read (NOT_FOUND when the user holds no such blob).
     *
     * @generated from field: tessera.vault.v1.ItemStatus status = 3;
     */
    status?: ItemStatus | undefined;
};
/**
 * Describes the message tessera.vault.v1.BatchReadBlobsResponse.Result.
 * Use `create(BatchReadBlobsResponse_ResultSchema)` to create a new message.
 */
export declare const BatchReadBlobsResponse_ResultSchema: GenMessage<BatchReadBlobsResponse_Result>;
/**
 * ReadBlobRequest is the input of BlobService.ReadBlob.
 *
 * @generated from message tessera.vault.v1.ReadBlobRequest
 */
export type ReadBlobRequest = Message<"tessera.vault.v1.ReadBlobRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The blob to read.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
    /**
     * First byte of the range.
     *
     * @generated from field: int64 offset = 3;
     */
    offset: bigint;
    /**
     * Bytes from offset; 0: to the end.
     *
     * @generated from field: int64 limit = 4;
     */
    limit: bigint;
};
/**
 * Describes the message tessera.vault.v1.ReadBlobRequest.
 * Use `create(ReadBlobRequestSchema)` to create a new message.
 */
export declare const ReadBlobRequestSchema: GenMessage<ReadBlobRequest>;
/**
 * ReadBlobResponse is one message of BlobService.ReadBlob.
 *
 * @generated from message tessera.vault.v1.ReadBlobResponse
 */
export type ReadBlobResponse = Message<"tessera.vault.v1.ReadBlobResponse"> & {
    /**
     * At most 1 MiB.
     *
     * @generated from field: bytes data = 1;
     */
    data: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.ReadBlobResponse.
 * Use `create(ReadBlobResponseSchema)` to create a new message.
 */
export declare const ReadBlobResponseSchema: GenMessage<ReadBlobResponse>;
/**
 * WriteBlobRequest is one message of BlobService.WriteBlob: `start` first, then data.
 *
 * @generated from message tessera.vault.v1.WriteBlobRequest
 */
export type WriteBlobRequest = Message<"tessera.vault.v1.WriteBlobRequest"> & {
    /**
     * The start or a piece of the data.
     *
     * @generated from oneof tessera.vault.v1.WriteBlobRequest.message
     */
    message: {
        /**
         * The first message.
         *
         * @generated from field: tessera.vault.v1.WriteBlobStart start = 1;
         */
        value: WriteBlobStart;
        case: "start";
    } | {
        /**
         * At most 2 MiB per message.
         *
         * @generated from field: bytes data = 2;
         */
        value: Uint8Array;
        case: "data";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.vault.v1.WriteBlobRequest.
 * Use `create(WriteBlobRequestSchema)` to create a new message.
 */
export declare const WriteBlobRequestSchema: GenMessage<WriteBlobRequest>;
/**
 * WriteBlobStart opens or resumes a blob's write.
 *
 * @generated from message tessera.vault.v1.WriteBlobStart
 */
export type WriteBlobStart = Message<"tessera.vault.v1.WriteBlobStart"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The blob's SHA-256 and size: the bytes written must match both.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
    /**
     * Where this stream's bytes start: 0, or the persisted size to resume.
     *
     * @generated from field: int64 offset = 3;
     */
    offset: bigint;
};
/**
 * Describes the message tessera.vault.v1.WriteBlobStart.
 * Use `create(WriteBlobStartSchema)` to create a new message.
 */
export declare const WriteBlobStartSchema: GenMessage<WriteBlobStart>;
/**
 * WriteBlobResponse is the output of BlobService.WriteBlob.
 *
 * @generated from message tessera.vault.v1.WriteBlobResponse
 */
export type WriteBlobResponse = Message<"tessera.vault.v1.WriteBlobResponse"> & {
    /**
     * Bytes persisted so far.
     *
     * @generated from field: int64 committed_size = 1;
     */
    committedSize: bigint;
    /**
     * Whether the blob is stored (all bytes in, hash checked).
     *
     * @generated from field: bool complete = 2;
     */
    complete: boolean;
};
/**
 * Describes the message tessera.vault.v1.WriteBlobResponse.
 * Use `create(WriteBlobResponseSchema)` to create a new message.
 */
export declare const WriteBlobResponseSchema: GenMessage<WriteBlobResponse>;
/**
 * QueryWriteStatusRequest is the input of BlobService.QueryWriteStatus.
 *
 * @generated from message tessera.vault.v1.QueryWriteStatusRequest
 */
export type QueryWriteStatusRequest = Message<"tessera.vault.v1.QueryWriteStatusRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The blob whose write to query.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.QueryWriteStatusRequest.
 * Use `create(QueryWriteStatusRequestSchema)` to create a new message.
 */
export declare const QueryWriteStatusRequestSchema: GenMessage<QueryWriteStatusRequest>;
/**
 * QueryWriteStatusResponse is the output of BlobService.QueryWriteStatus.
 *
 * @generated from message tessera.vault.v1.QueryWriteStatusResponse
 */
export type QueryWriteStatusResponse = Message<"tessera.vault.v1.QueryWriteStatusResponse"> & {
    /**
     * Bytes persisted (the offset to resume at); the size once complete.
     *
     * @generated from field: int64 committed_size = 1;
     */
    committedSize: bigint;
    /**
     * Whether the blob is stored.
     *
     * @generated from field: bool complete = 2;
     */
    complete: boolean;
};
/**
 * Describes the message tessera.vault.v1.QueryWriteStatusResponse.
 * Use `create(QueryWriteStatusResponseSchema)` to create a new message.
 */
export declare const QueryWriteStatusResponseSchema: GenMessage<QueryWriteStatusResponse>;
/**
 * PutManifestRequest is the input of BlobService.PutManifest.
 *
 * @generated from message tessera.vault.v1.PutManifestRequest
 */
export type PutManifestRequest = Message<"tessera.vault.v1.PutManifestRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * The canonical JSON, at most 4 MiB.
     *
     * @generated from field: bytes manifest = 2;
     */
    manifest: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.PutManifestRequest.
 * Use `create(PutManifestRequestSchema)` to create a new message.
 */
export declare const PutManifestRequestSchema: GenMessage<PutManifestRequest>;
/**
 * PutManifestResponse is the output of BlobService.PutManifest.
 *
 * @generated from message tessera.vault.v1.PutManifestResponse
 */
export type PutManifestResponse = Message<"tessera.vault.v1.PutManifestResponse"> & {
    /**
     * The stored manifest's SHA-256 and size.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 1;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.PutManifestResponse.
 * Use `create(PutManifestResponseSchema)` to create a new message.
 */
export declare const PutManifestResponseSchema: GenMessage<PutManifestResponse>;
/**
 * WriteManifestRequest is one message of BlobService.WriteManifest: `start` first, then data.
 *
 * @generated from message tessera.vault.v1.WriteManifestRequest
 */
export type WriteManifestRequest = Message<"tessera.vault.v1.WriteManifestRequest"> & {
    /**
     * The start or a piece of the data.
     *
     * @generated from oneof tessera.vault.v1.WriteManifestRequest.message
     */
    message: {
        /**
         * The first message.
         *
         * @generated from field: tessera.vault.v1.WriteManifestStart start = 1;
         */
        value: WriteManifestStart;
        case: "start";
    } | {
        /**
         * At most 2 MiB per message.
         *
         * @generated from field: bytes data = 2;
         */
        value: Uint8Array;
        case: "data";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.vault.v1.WriteManifestRequest.
 * Use `create(WriteManifestRequestSchema)` to create a new message.
 */
export declare const WriteManifestRequestSchema: GenMessage<WriteManifestRequest>;
/**
 * WriteManifestStart opens a manifest's write.
 *
 * @generated from message tessera.vault.v1.WriteManifestStart
 */
export type WriteManifestStart = Message<"tessera.vault.v1.WriteManifestStart"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * SHA-256 and size of the canonical JSON to come.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.WriteManifestStart.
 * Use `create(WriteManifestStartSchema)` to create a new message.
 */
export declare const WriteManifestStartSchema: GenMessage<WriteManifestStart>;
/**
 * WriteManifestResponse is the output of BlobService.WriteManifest.
 *
 * @generated from message tessera.vault.v1.WriteManifestResponse
 */
export type WriteManifestResponse = Message<"tessera.vault.v1.WriteManifestResponse"> & {
    /**
     * The stored manifest's SHA-256 and size.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 1;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.WriteManifestResponse.
 * Use `create(WriteManifestResponseSchema)` to create a new message.
 */
export declare const WriteManifestResponseSchema: GenMessage<WriteManifestResponse>;
/**
 * GetManifestRequest is the input of BlobService.GetManifest.
 *
 * @generated from message tessera.vault.v1.GetManifestRequest
 */
export type GetManifestRequest = Message<"tessera.vault.v1.GetManifestRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The manifest to return.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.GetManifestRequest.
 * Use `create(GetManifestRequestSchema)` to create a new message.
 */
export declare const GetManifestRequestSchema: GenMessage<GetManifestRequest>;
/**
 * GetManifestResponse is the output of BlobService.GetManifest.
 *
 * @generated from message tessera.vault.v1.GetManifestResponse
 */
export type GetManifestResponse = Message<"tessera.vault.v1.GetManifestResponse"> & {
    /**
     * The manifest's canonical JSON.
     *
     * @generated from field: bytes manifest = 1;
     */
    manifest: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.GetManifestResponse.
 * Use `create(GetManifestResponseSchema)` to create a new message.
 */
export declare const GetManifestResponseSchema: GenMessage<GetManifestResponse>;
/**
 * FindMissingManifestsRequest is the input of BlobService.FindMissingManifests.
 *
 * @generated from message tessera.vault.v1.FindMissingManifestsRequest
 */
export type FindMissingManifestsRequest = Message<"tessera.vault.v1.FindMissingManifestsRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * At most 10,000.
     *
     * @generated from field: repeated tessera.vault.v1.Digest digests = 2;
     */
    digests: Digest[];
};
/**
 * Describes the message tessera.vault.v1.FindMissingManifestsRequest.
 * Use `create(FindMissingManifestsRequestSchema)` to create a new message.
 */
export declare const FindMissingManifestsRequestSchema: GenMessage<FindMissingManifestsRequest>;
/**
 * FindMissingManifestsResponse is the output of BlobService.FindMissingManifests.
 *
 * @generated from message tessera.vault.v1.FindMissingManifestsResponse
 */
export type FindMissingManifestsResponse = Message<"tessera.vault.v1.FindMissingManifestsResponse"> & {
    /**
     * The digests the user does not hold, in request order.
     *
     * @generated from field: repeated tessera.vault.v1.Digest missing = 1;
     */
    missing: Digest[];
};
/**
 * Describes the message tessera.vault.v1.FindMissingManifestsResponse.
 * Use `create(FindMissingManifestsResponseSchema)` to create a new message.
 */
export declare const FindMissingManifestsResponseSchema: GenMessage<FindMissingManifestsResponse>;
/**
 * DeleteManifestRequest is the input of BlobService.DeleteManifest.
 *
 * @generated from message tessera.vault.v1.DeleteManifestRequest
 */
export type DeleteManifestRequest = Message<"tessera.vault.v1.DeleteManifestRequest"> & {
    /**
     * Services: the user acted for. Users: empty.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The manifest to delete.
     *
     * @generated from field: tessera.vault.v1.Digest digest = 2;
     */
    digest?: Digest | undefined;
};
/**
 * Describes the message tessera.vault.v1.DeleteManifestRequest.
 * Use `create(DeleteManifestRequestSchema)` to create a new message.
 */
export declare const DeleteManifestRequestSchema: GenMessage<DeleteManifestRequest>;
/**
 * DeleteManifestResponse is the output of BlobService.DeleteManifest.
 *
 * @generated from message tessera.vault.v1.DeleteManifestResponse
 */
export type DeleteManifestResponse = Message<"tessera.vault.v1.DeleteManifestResponse"> & {};
/**
 * Describes the message tessera.vault.v1.DeleteManifestResponse.
 * Use `create(DeleteManifestResponseSchema)` to create a new message.
 */
export declare const DeleteManifestResponseSchema: GenMessage<DeleteManifestResponse>;
/**
 * BlobService keeps content-addressed blobs and manifests per user (project-intelligence's
 * snapshots): immutable, named by their SHA-256, deduplicated within one user only, counted
 * against that user's quota on the blob volume (TESSERA_BLOB_VOLUME). Users act for
 * themselves (`user_id` empty); Tessera services with a service credential act for the user
 * named in `user_id`. The empty blob always exists.
 *
 * @generated from service tessera.vault.v1.BlobService
 */
export declare const BlobService: GenService<{
    /**
     * FindMissingBlobs says which of up to 10,000 digests the user does not hold, and marks the
     * ones held as seen (so they are not collected).
     *
     * @generated from rpc tessera.vault.v1.BlobService.FindMissingBlobs
     */
    findMissingBlobs: {
        methodKind: "unary";
        input: typeof FindMissingBlobsRequestSchema;
        output: typeof FindMissingBlobsResponseSchema;
    };
    /**
     * BatchUpdateBlobs stores small blobs (at most 4 MiB in all), each re-hashed by the server:
     * a status per item (OK, DATA_LOSS for a hash or size mismatch, RESOURCE_EXHAUSTED for
     * quota); good items are stored whatever the others do. A blob held already is OK.
     *
     * @generated from rpc tessera.vault.v1.BlobService.BatchUpdateBlobs
     */
    batchUpdateBlobs: {
        methodKind: "unary";
        input: typeof BatchUpdateBlobsRequestSchema;
        output: typeof BatchUpdateBlobsResponseSchema;
    };
    /**
     * BatchReadBlobs returns small blobs (at most 4 MiB in all), a status per item.
     *
     * @generated from rpc tessera.vault.v1.BlobService.BatchReadBlobs
     */
    batchReadBlobs: {
        methodKind: "unary";
        input: typeof BatchReadBlobsRequestSchema;
        output: typeof BatchReadBlobsResponseSchema;
    };
    /**
     * ReadBlob streams one blob, whole or a range.
     *
     * @generated from rpc tessera.vault.v1.BlobService.ReadBlob
     */
    readBlob: {
        methodKind: "server_streaming";
        input: typeof ReadBlobRequestSchema;
        output: typeof ReadBlobResponseSchema;
    };
    /**
     * WriteBlob streams a large blob: `start` (digest, offset), then its bytes. A stream that
     * breaks keeps what it persisted (every TESSERA_STORAGE_PART_BYTES); QueryWriteStatus says
     * where to resume. One stream writes a blob at a time (others: ABORTED); an offset other
     * than the persisted size is OUT_OF_RANGE. When all bytes are in, the SHA-256 is checked
     * (DATA_LOSS: nothing kept) and the blob committed. Unfinished writes end after 7 days.
     *
     * @generated from rpc tessera.vault.v1.BlobService.WriteBlob
     */
    writeBlob: {
        methodKind: "client_streaming";
        input: typeof WriteBlobRequestSchema;
        output: typeof WriteBlobResponseSchema;
    };
    /**
     * QueryWriteStatus says how many bytes of a blob are persisted, and whether it is complete.
     *
     * @generated from rpc tessera.vault.v1.BlobService.QueryWriteStatus
     */
    queryWriteStatus: {
        methodKind: "unary";
        input: typeof QueryWriteStatusRequestSchema;
        output: typeof QueryWriteStatusResponseSchema;
    };
    /**
     * PutManifest stores a manifest: canonical JSON (RFC 8785) of
     * {"entries":[{"kind","path","sha256","size"}...],"version":1}, entries sorted by the UTF-8
     * bytes of their path, kind `file`, `exec` or `symlink`. Its SHA-256 is its id; storing it
     * again returns the same id. A blob the user lacks: FAILED_PRECONDITION, one violation per
     * missing digest.
     *
     * @generated from rpc tessera.vault.v1.BlobService.PutManifest
     */
    putManifest: {
        methodKind: "unary";
        input: typeof PutManifestRequestSchema;
        output: typeof PutManifestResponseSchema;
    };
    /**
     * WriteManifest stores a manifest too large for one PutManifest message (at most 256 MiB):
     * `start` (digest of the bytes), then the bytes in order, each message at most 2 MiB. More
     * or fewer bytes than the digest's size is OUT_OF_RANGE, another SHA-256 DATA_LOSS; then it
     * is checked and stored as PutManifest does. Nothing is kept from a failed stream.
     *
     * @generated from rpc tessera.vault.v1.BlobService.WriteManifest
     */
    writeManifest: {
        methodKind: "client_streaming";
        input: typeof WriteManifestRequestSchema;
        output: typeof WriteManifestResponseSchema;
    };
    /**
     * GetManifest returns a manifest's JSON (one message: manifests above the message size
     * limit are not returned).
     *
     * @generated from rpc tessera.vault.v1.BlobService.GetManifest
     */
    getManifest: {
        methodKind: "unary";
        input: typeof GetManifestRequestSchema;
        output: typeof GetManifestResponseSchema;
    };
    /**
     * FindMissingManifests says which of up to 10,000 manifest digests the user does not hold.
     *
     * @generated from rpc tessera.vault.v1.BlobService.FindMissingManifests
     */
    findMissingManifests: {
        methodKind: "unary";
        input: typeof FindMissingManifestsRequestSchema;
        output: typeof FindMissingManifestsResponseSchema;
    };
    /**
     * DeleteManifest deletes a manifest; blobs only it named become collectable. Idempotent.
     *
     * @generated from rpc tessera.vault.v1.BlobService.DeleteManifest
     */
    deleteManifest: {
        methodKind: "unary";
        input: typeof DeleteManifestRequestSchema;
        output: typeof DeleteManifestResponseSchema;
    };
}>;
