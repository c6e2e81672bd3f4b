import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/vault/v1/files.proto.
 */
export declare const file_tessera_vault_v1_files: GenFile;
/**
 * File is a stored file's record.
 *
 * @generated from message tessera.vault.v1.File
 */
export type File = Message<"tessera.vault.v1.File"> & {
    /**
     * Output only. UUID.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Immutable. The volume it is on.
     *
     * @generated from field: string volume_id = 2;
     */
    volumeId: string;
    /**
     * Immutable.
     *
     * @generated from field: tessera.vault.v1.Namespace namespace = 3;
     */
    namespace: Namespace;
    /**
     * Output only. The owning user (`users` namespace).
     *
     * @generated from field: string user_id = 4;
     */
    userId: string;
    /**
     * Output only. The service that stored it, if one did.
     *
     * @generated from field: string app_id = 5;
     */
    appId: string;
    /**
     * Immutable. The client's path: `/`-separated segments, no `.`, `..` or empty ones, at
     * most 1024 bytes.
     *
     * @generated from field: string path = 6;
     */
    path: string;
    /**
     * A display name, 1 to 255 bytes; defaults to the path's last segment.
     *
     * @generated from field: string filename = 7;
     */
    filename: string;
    /**
     * Immutable. At most 100 bytes; default `application/octet-stream`.
     *
     * @generated from field: string mime_type = 8;
     */
    mimeType: string;
    /**
     * Output only. Bytes.
     *
     * @generated from field: int64 size = 9;
     */
    size: bigint;
    /**
     * Output only. The SHA-256 of the content.
     *
     * @generated from field: bytes sha256 = 10;
     */
    sha256: Uint8Array;
    /**
     * Free JSON object, at most 16 KiB encoded.
     *
     * @generated from field: google.protobuf.Struct metadata = 11;
     */
    metadata?: JsonObject | undefined;
    /**
     * Whether anyone may download it without credentials.
     *
     * @generated from field: bool is_public = 12;
     */
    isPublic: boolean;
    /**
     * Output only. The current version (counts uploads on `source` versioning volumes).
     *
     * @generated from field: int64 version = 13;
     */
    version: bigint;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 14;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 15;
     */
    updateTime?: Timestamp | undefined;
    /**
     * Output only. Set while soft-deleted.
     *
     * @generated from field: google.protobuf.Timestamp delete_time = 16;
     */
    deleteTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.File.
 * Use `create(FileSchema)` to create a new message.
 */
export declare const FileSchema: GenMessage<File>;
/**
 * UploadSpec describes a file to upload.
 *
 * @generated from message tessera.vault.v1.UploadSpec
 */
export type UploadSpec = Message<"tessera.vault.v1.UploadSpec"> & {
    /**
     * Required. An active volume.
     *
     * @generated from field: string volume_id = 1;
     */
    volumeId: string;
    /**
     * See Namespace.
     *
     * @generated from field: tessera.vault.v1.Namespace namespace = 2;
     */
    namespace: Namespace;
    /**
     * Services storing in `users`: required, the user the file belongs to.
     *
     * @generated from field: string user_id = 3;
     */
    userId: string;
    /**
     * Required. See File.path.
     *
     * @generated from field: string path = 4;
     */
    path: string;
    /**
     * See File.filename.
     *
     * @generated from field: string filename = 5;
     */
    filename: string;
    /**
     * See File.mime_type.
     *
     * @generated from field: string mime_type = 6;
     */
    mimeType: string;
    /**
     * See File.metadata.
     *
     * @generated from field: google.protobuf.Struct metadata = 7;
     */
    metadata?: JsonObject | undefined;
    /**
     * See File.is_public.
     *
     * @generated from field: bool is_public = 8;
     */
    isPublic: boolean;
    /**
     * Required. The exact size in bytes; reserved against the quotas.
     *
     * @generated from field: int64 declared_size = 9;
     */
    declaredSize: bigint;
    /**
     * The SHA-256 the content will have; required on `hash` volumes (it names the object),
     * else optional (when given, `finish` must match it).
     *
     * @generated from field: bytes declared_sha256 = 10;
     */
    declaredSha256: Uint8Array;
    /**
     * Replace a live file at `path` on a volume without versioning (else ALREADY_EXISTS).
     *
     * @generated from field: bool overwrite = 11;
     */
    overwrite: boolean;
};
/**
 * Describes the message tessera.vault.v1.UploadSpec.
 * Use `create(UploadSpecSchema)` to create a new message.
 */
export declare const UploadSpecSchema: GenMessage<UploadSpec>;
/**
 * Upload is an unfinished upload.
 *
 * @generated from message tessera.vault.v1.Upload
 */
export type Upload = Message<"tessera.vault.v1.Upload"> & {
    /**
     * UUID.
     *
     * @generated from field: string upload_id = 1;
     */
    uploadId: string;
    /**
     * Bytes durably persisted; never decreases. Resume from here.
     *
     * @generated from field: int64 persisted_size = 2;
     */
    persistedSize: bigint;
    /**
     * The declared size.
     *
     * @generated from field: int64 declared_size = 3;
     */
    declaredSize: bigint;
    /**
     * When the upload and its reservation expire.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 4;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.Upload.
 * Use `create(UploadSchema)` to create a new message.
 */
export declare const UploadSchema: GenMessage<Upload>;
/**
 * StartUploadRequest is the input of FileService.StartUpload.
 *
 * @generated from message tessera.vault.v1.StartUploadRequest
 */
export type StartUploadRequest = Message<"tessera.vault.v1.StartUploadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: tessera.vault.v1.UploadSpec spec = 1;
     */
    spec?: UploadSpec | undefined;
};
/**
 * Describes the message tessera.vault.v1.StartUploadRequest.
 * Use `create(StartUploadRequestSchema)` to create a new message.
 */
export declare const StartUploadRequestSchema: GenMessage<StartUploadRequest>;
/**
 * StartUploadResponse is the output of FileService.StartUpload.
 *
 * @generated from message tessera.vault.v1.StartUploadResponse
 */
export type StartUploadResponse = Message<"tessera.vault.v1.StartUploadResponse"> & {
    /**
     * The new upload.
     *
     * @generated from field: tessera.vault.v1.Upload upload = 1;
     */
    upload?: Upload | undefined;
};
/**
 * Describes the message tessera.vault.v1.StartUploadResponse.
 * Use `create(StartUploadResponseSchema)` to create a new message.
 */
export declare const StartUploadResponseSchema: GenMessage<StartUploadResponse>;
/**
 * UploadRequest is one message of an Upload stream.
 *
 * @generated from message tessera.vault.v1.UploadRequest
 */
export type UploadRequest = Message<"tessera.vault.v1.UploadRequest"> & {
    /**
     * The first message is `spec` or `resume`, then `chunk`s, then optionally `finish`.
     *
     * @generated from oneof tessera.vault.v1.UploadRequest.message
     */
    message: {
        /**
         * A new upload.
         *
         * @generated from field: tessera.vault.v1.UploadSpec spec = 1;
         */
        value: UploadSpec;
        case: "spec";
    } | {
        /**
         * An existing upload.
         *
         * @generated from field: tessera.vault.v1.UploadRequest.Resume resume = 2;
         */
        value: UploadRequest_Resume;
        case: "resume";
    } | {
        /**
         * 256 KiB to 2 MiB of content (the last chunk may be shorter).
         *
         * @generated from field: bytes chunk = 3;
         */
        value: Uint8Array;
        case: "chunk";
    } | {
        /**
         * Commit.
         *
         * @generated from field: tessera.vault.v1.UploadRequest.Finish finish = 4;
         */
        value: UploadRequest_Finish;
        case: "finish";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.vault.v1.UploadRequest.
 * Use `create(UploadRequestSchema)` to create a new message.
 */
export declare const UploadRequestSchema: GenMessage<UploadRequest>;
/**
 * Continues an upload.
 *
 * @generated from message tessera.vault.v1.UploadRequest.Resume
 */
export type UploadRequest_Resume = Message<"tessera.vault.v1.UploadRequest.Resume"> & {
    /**
     * Required.
     *
     * @generated from field: string upload_id = 1;
     */
    uploadId: string;
    /**
     * Required. Where the following chunks start; at most the upload's `persisted_size`
     * (bytes below it are skipped), never above it (OUT_OF_RANGE).
     *
     * @generated from field: int64 write_offset = 2;
     */
    writeOffset: bigint;
};
/**
 * Describes the message tessera.vault.v1.UploadRequest.Resume.
 * Use `create(UploadRequest_ResumeSchema)` to create a new message.
 */
export declare const UploadRequest_ResumeSchema: GenMessage<UploadRequest_Resume>;
/**
 * Ends the upload.
 *
 * @generated from message tessera.vault.v1.UploadRequest.Finish
 */
export type UploadRequest_Finish = Message<"tessera.vault.v1.UploadRequest.Finish"> & {
    /**
     * Required. The SHA-256 of the whole file.
     *
     * @generated from field: bytes sha256 = 1;
     */
    sha256: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.UploadRequest.Finish.
 * Use `create(UploadRequest_FinishSchema)` to create a new message.
 */
export declare const UploadRequest_FinishSchema: GenMessage<UploadRequest_Finish>;
/**
 * UploadResponse is the output of FileService.Upload.
 *
 * @generated from message tessera.vault.v1.UploadResponse
 */
export type UploadResponse = Message<"tessera.vault.v1.UploadResponse"> & {
    /**
     * The upload as it stands.
     *
     * @generated from field: tessera.vault.v1.Upload upload = 1;
     */
    upload?: Upload | undefined;
    /**
     * The committed file, when the stream ended with `finish`.
     *
     * @generated from field: tessera.vault.v1.File file = 2;
     */
    file?: File | undefined;
};
/**
 * Describes the message tessera.vault.v1.UploadResponse.
 * Use `create(UploadResponseSchema)` to create a new message.
 */
export declare const UploadResponseSchema: GenMessage<UploadResponse>;
/**
 * QueryUploadStatusRequest is the input of FileService.QueryUploadStatus.
 *
 * @generated from message tessera.vault.v1.QueryUploadStatusRequest
 */
export type QueryUploadStatusRequest = Message<"tessera.vault.v1.QueryUploadStatusRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string upload_id = 1;
     */
    uploadId: string;
};
/**
 * Describes the message tessera.vault.v1.QueryUploadStatusRequest.
 * Use `create(QueryUploadStatusRequestSchema)` to create a new message.
 */
export declare const QueryUploadStatusRequestSchema: GenMessage<QueryUploadStatusRequest>;
/**
 * QueryUploadStatusResponse is the output of FileService.QueryUploadStatus.
 *
 * @generated from message tessera.vault.v1.QueryUploadStatusResponse
 */
export type QueryUploadStatusResponse = Message<"tessera.vault.v1.QueryUploadStatusResponse"> & {
    /**
     * The upload.
     *
     * @generated from field: tessera.vault.v1.Upload upload = 1;
     */
    upload?: Upload | undefined;
};
/**
 * Describes the message tessera.vault.v1.QueryUploadStatusResponse.
 * Use `create(QueryUploadStatusResponseSchema)` to create a new message.
 */
export declare const QueryUploadStatusResponseSchema: GenMessage<QueryUploadStatusResponse>;
/**
 * CancelUploadRequest is the input of FileService.CancelUpload.
 *
 * @generated from message tessera.vault.v1.CancelUploadRequest
 */
export type CancelUploadRequest = Message<"tessera.vault.v1.CancelUploadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string upload_id = 1;
     */
    uploadId: string;
};
/**
 * Describes the message tessera.vault.v1.CancelUploadRequest.
 * Use `create(CancelUploadRequestSchema)` to create a new message.
 */
export declare const CancelUploadRequestSchema: GenMessage<CancelUploadRequest>;
/**
 * CancelUploadResponse is the output of FileService.CancelUpload.
 *
 * @generated from message tessera.vault.v1.CancelUploadResponse
 */
export type CancelUploadResponse = Message<"tessera.vault.v1.CancelUploadResponse"> & {};
/**
 * Describes the message tessera.vault.v1.CancelUploadResponse.
 * Use `create(CancelUploadResponseSchema)` to create a new message.
 */
export declare const CancelUploadResponseSchema: GenMessage<CancelUploadResponse>;
/**
 * DownloadRequest is the input of FileService.Download.
 *
 * @generated from message tessera.vault.v1.DownloadRequest
 */
export type DownloadRequest = Message<"tessera.vault.v1.DownloadRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * First byte to send; at most the file's size.
     *
     * @generated from field: int64 offset = 2;
     */
    offset: bigint;
    /**
     * At most this many bytes; 0 for the rest of the file.
     *
     * @generated from field: int64 limit = 3;
     */
    limit: bigint;
    /**
     * An earlier version (see ListFileVersions); 0 for the current one.
     *
     * @generated from field: int64 version = 4;
     */
    version: bigint;
};
/**
 * Describes the message tessera.vault.v1.DownloadRequest.
 * Use `create(DownloadRequestSchema)` to create a new message.
 */
export declare const DownloadRequestSchema: GenMessage<DownloadRequest>;
/**
 * DownloadResponse is one message of a Download stream: first `file`, then `chunk`s.
 *
 * @generated from message tessera.vault.v1.DownloadResponse
 */
export type DownloadResponse = Message<"tessera.vault.v1.DownloadResponse"> & {
    /**
     * One of them.
     *
     * @generated from oneof tessera.vault.v1.DownloadResponse.message
     */
    message: {
        /**
         * The file's record (size, MIME type, SHA-256 of the whole content).
         *
         * @generated from field: tessera.vault.v1.File file = 1;
         */
        value: File;
        case: "file";
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
 * Describes the message tessera.vault.v1.DownloadResponse.
 * Use `create(DownloadResponseSchema)` to create a new message.
 */
export declare const DownloadResponseSchema: GenMessage<DownloadResponse>;
/**
 * GetFileRequest is the input of FileService.GetFile.
 *
 * @generated from message tessera.vault.v1.GetFileRequest
 */
export type GetFileRequest = Message<"tessera.vault.v1.GetFileRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
};
/**
 * Describes the message tessera.vault.v1.GetFileRequest.
 * Use `create(GetFileRequestSchema)` to create a new message.
 */
export declare const GetFileRequestSchema: GenMessage<GetFileRequest>;
/**
 * GetFileResponse is the output of FileService.GetFile.
 *
 * @generated from message tessera.vault.v1.GetFileResponse
 */
export type GetFileResponse = Message<"tessera.vault.v1.GetFileResponse"> & {
    /**
     * The file.
     *
     * @generated from field: tessera.vault.v1.File file = 1;
     */
    file?: File | undefined;
};
/**
 * Describes the message tessera.vault.v1.GetFileResponse.
 * Use `create(GetFileResponseSchema)` to create a new message.
 */
export declare const GetFileResponseSchema: GenMessage<GetFileResponse>;
/**
 * ListFilesRequest is the input of FileService.ListFiles.
 *
 * @generated from message tessera.vault.v1.ListFilesRequest
 */
export type ListFilesRequest = Message<"tessera.vault.v1.ListFilesRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string volume_id = 1;
     */
    volumeId: string;
    /**
     * Whose files: see Namespace.
     *
     * @generated from field: tessera.vault.v1.Namespace namespace = 2;
     */
    namespace: Namespace;
    /**
     * Services listing a user's files: the user.
     *
     * @generated from field: string user_id = 3;
     */
    userId: string;
    /**
     * Only paths starting with this.
     *
     * @generated from field: string path_prefix = 4;
     */
    pathPrefix: string;
    /**
     * Include soft-deleted files.
     *
     * @generated from field: bool show_deleted = 5;
     */
    showDeleted: boolean;
    /**
     * At most this many (default 50, at most 1000).
     *
     * @generated from field: int32 page_size = 6;
     */
    pageSize: number;
    /**
     * From a previous response's `next_page_token`.
     *
     * @generated from field: string page_token = 7;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListFilesRequest.
 * Use `create(ListFilesRequestSchema)` to create a new message.
 */
export declare const ListFilesRequestSchema: GenMessage<ListFilesRequest>;
/**
 * ListFilesResponse is the output of FileService.ListFiles.
 *
 * @generated from message tessera.vault.v1.ListFilesResponse
 */
export type ListFilesResponse = Message<"tessera.vault.v1.ListFilesResponse"> & {
    /**
     * Files by path.
     *
     * @generated from field: repeated tessera.vault.v1.File files = 1;
     */
    files: File[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListFilesResponse.
 * Use `create(ListFilesResponseSchema)` to create a new message.
 */
export declare const ListFilesResponseSchema: GenMessage<ListFilesResponse>;
/**
 * UpdateFileRequest is the input of FileService.UpdateFile.
 *
 * @generated from message tessera.vault.v1.UpdateFileRequest
 */
export type UpdateFileRequest = Message<"tessera.vault.v1.UpdateFileRequest"> & {
    /**
     * Required: `id` and the fields named in `update_mask`.
     *
     * @generated from field: tessera.vault.v1.File file = 1;
     */
    file?: File | undefined;
    /**
     * Required. Any of `filename`, `metadata`, `is_public`.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.vault.v1.UpdateFileRequest.
 * Use `create(UpdateFileRequestSchema)` to create a new message.
 */
export declare const UpdateFileRequestSchema: GenMessage<UpdateFileRequest>;
/**
 * UpdateFileResponse is the output of FileService.UpdateFile.
 *
 * @generated from message tessera.vault.v1.UpdateFileResponse
 */
export type UpdateFileResponse = Message<"tessera.vault.v1.UpdateFileResponse"> & {
    /**
     * The file.
     *
     * @generated from field: tessera.vault.v1.File file = 1;
     */
    file?: File | undefined;
};
/**
 * Describes the message tessera.vault.v1.UpdateFileResponse.
 * Use `create(UpdateFileResponseSchema)` to create a new message.
 */
export declare const UpdateFileResponseSchema: GenMessage<UpdateFileResponse>;
/**
 * DeleteFileRequest is the input of FileService.DeleteFile.
 *
 * @generated from message tessera.vault.v1.DeleteFileRequest
 */
export type DeleteFileRequest = Message<"tessera.vault.v1.DeleteFileRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
};
/**
 * Describes the message tessera.vault.v1.DeleteFileRequest.
 * Use `create(DeleteFileRequestSchema)` to create a new message.
 */
export declare const DeleteFileRequestSchema: GenMessage<DeleteFileRequest>;
/**
 * DeleteFileResponse is the output of FileService.DeleteFile.
 *
 * @generated from message tessera.vault.v1.DeleteFileResponse
 */
export type DeleteFileResponse = Message<"tessera.vault.v1.DeleteFileResponse"> & {};
/**
 * Describes the message tessera.vault.v1.DeleteFileResponse.
 * Use `create(DeleteFileResponseSchema)` to create a new message.
 */
export declare const DeleteFileResponseSchema: GenMessage<DeleteFileResponse>;
/**
 * UndeleteFileRequest is the input of FileService.UndeleteFile.
 *
 * @generated from message tessera.vault.v1.UndeleteFileRequest
 */
export type UndeleteFileRequest = Message<"tessera.vault.v1.UndeleteFileRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
};
/**
 * Describes the message tessera.vault.v1.UndeleteFileRequest.
 * Use `create(UndeleteFileRequestSchema)` to create a new message.
 */
export declare const UndeleteFileRequestSchema: GenMessage<UndeleteFileRequest>;
/**
 * UndeleteFileResponse is the output of FileService.UndeleteFile.
 *
 * @generated from message tessera.vault.v1.UndeleteFileResponse
 */
export type UndeleteFileResponse = Message<"tessera.vault.v1.UndeleteFileResponse"> & {
    /**
     * The restored file.
     *
     * @generated from field: tessera.vault.v1.File file = 1;
     */
    file?: File | undefined;
};
/**
 * Describes the message tessera.vault.v1.UndeleteFileResponse.
 * Use `create(UndeleteFileResponseSchema)` to create a new message.
 */
export declare const UndeleteFileResponseSchema: GenMessage<UndeleteFileResponse>;
/**
 * FileVersion is an earlier version of a file.
 *
 * @generated from message tessera.vault.v1.FileVersion
 */
export type FileVersion = Message<"tessera.vault.v1.FileVersion"> & {
    /**
     * Its number (the current version is File.version).
     *
     * @generated from field: int64 version = 1;
     */
    version: bigint;
    /**
     * Bytes.
     *
     * @generated from field: int64 size = 2;
     */
    size: bigint;
    /**
     * The SHA-256 of its content.
     *
     * @generated from field: bytes sha256 = 3;
     */
    sha256: Uint8Array;
    /**
     * Its MIME type.
     *
     * @generated from field: string mime_type = 4;
     */
    mimeType: string;
    /**
     * When it was uploaded.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 5;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.FileVersion.
 * Use `create(FileVersionSchema)` to create a new message.
 */
export declare const FileVersionSchema: GenMessage<FileVersion>;
/**
 * ListFileVersionsRequest is the input of FileService.ListFileVersions.
 *
 * @generated from message tessera.vault.v1.ListFileVersionsRequest
 */
export type ListFileVersionsRequest = Message<"tessera.vault.v1.ListFileVersionsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * At most this many (default 50, at most 1000).
     *
     * @generated from field: int32 page_size = 2;
     */
    pageSize: number;
    /**
     * From a previous response's `next_page_token`.
     *
     * @generated from field: string page_token = 3;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListFileVersionsRequest.
 * Use `create(ListFileVersionsRequestSchema)` to create a new message.
 */
export declare const ListFileVersionsRequestSchema: GenMessage<ListFileVersionsRequest>;
/**
 * ListFileVersionsResponse is the output of FileService.ListFileVersions.
 *
 * @generated from message tessera.vault.v1.ListFileVersionsResponse
 */
export type ListFileVersionsResponse = Message<"tessera.vault.v1.ListFileVersionsResponse"> & {
    /**
     * Earlier versions, newest first.
     *
     * @generated from field: repeated tessera.vault.v1.FileVersion versions = 1;
     */
    versions: FileVersion[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListFileVersionsResponse.
 * Use `create(ListFileVersionsResponseSchema)` to create a new message.
 */
export declare const ListFileVersionsResponseSchema: GenMessage<ListFileVersionsResponse>;
/**
 * Whose space a file is in.
 *
 * @generated from enum tessera.vault.v1.Namespace
 */
export declare enum Namespace {
    /**
     * Not set: `users` for users, `apps` for services.
     *
     * @generated from enum value: NAMESPACE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A user's files (a service may store them for the user: `user_id` is then required).
     *
     * @generated from enum value: NAMESPACE_USERS = 1;
     */
    USERS = 1,
    /**
     * A service's own files (services only).
     *
     * @generated from enum value: NAMESPACE_APPS = 2;
     */
    APPS = 2
}
/**
 * Describes the enum tessera.vault.v1.Namespace.
 */
export declare const NamespaceSchema: GenEnum<Namespace>;
/**
 * FileService stores and serves files on the Storage Service's volumes. Callers are users
 * (session token: their own files in the `users` namespace) or Tessera services (service
 * credential: files whose app is the calling service, in either namespace). Others' files are
 * NOT_FOUND. Public files download without credentials.
 *
 * Uploads stream: a first message describing the file (or resuming an upload), chunks of
 * 256 KiB to 2 MiB, then the SHA-256 of the whole file, verified before anything is committed.
 * Each upload reserves its declared size against the volume's, the user's and the app's quota
 * (RESOURCE_EXHAUSTED with a QuotaFailure naming the one that is full).
 *
 * @generated from service tessera.vault.v1.FileService
 */
export declare const FileService: GenService<{
    /**
     * StartUpload reserves quota for a file and returns an upload to stream bytes into, over
     * any number of Upload calls (resumable uploads). Unfinished uploads expire after 7 days.
     *
     * @generated from rpc tessera.vault.v1.FileService.StartUpload
     */
    startUpload: {
        methodKind: "unary";
        input: typeof StartUploadRequestSchema;
        output: typeof StartUploadResponseSchema;
    };
    /**
     * Upload streams a file's bytes: a new upload (`spec`) or an existing one (`resume` at its
     * `persisted_size`), then chunks, then `finish`. Wrong SHA-256: DATA_LOSS; more or fewer
     * bytes than declared: OUT_OF_RANGE; either way nothing is committed and the upload ends.
     * A stream that closes without `finish` keeps what it persisted for a later resume.
     *
     * @generated from rpc tessera.vault.v1.FileService.Upload
     */
    upload: {
        methodKind: "client_streaming";
        input: typeof UploadRequestSchema;
        output: typeof UploadResponseSchema;
    };
    /**
     * QueryUploadStatus says how many bytes of an upload are persisted.
     *
     * @generated from rpc tessera.vault.v1.FileService.QueryUploadStatus
     */
    queryUploadStatus: {
        methodKind: "unary";
        input: typeof QueryUploadStatusRequestSchema;
        output: typeof QueryUploadStatusResponseSchema;
    };
    /**
     * CancelUpload ends an unfinished upload, freeing its bytes and quota. Idempotent.
     *
     * @generated from rpc tessera.vault.v1.FileService.CancelUpload
     */
    cancelUpload: {
        methodKind: "unary";
        input: typeof CancelUploadRequestSchema;
        output: typeof CancelUploadResponseSchema;
    };
    /**
     * Download streams a file's bytes, whole or a range: the first message describes the file.
     *
     * @generated from rpc tessera.vault.v1.FileService.Download
     */
    download: {
        methodKind: "server_streaming";
        input: typeof DownloadRequestSchema;
        output: typeof DownloadResponseSchema;
    };
    /**
     * GetFile returns a file's record.
     *
     * @generated from rpc tessera.vault.v1.FileService.GetFile
     */
    getFile: {
        methodKind: "unary";
        input: typeof GetFileRequestSchema;
        output: typeof GetFileResponseSchema;
    };
    /**
     * ListFiles lists the caller's live files on a volume, by path.
     *
     * @generated from rpc tessera.vault.v1.FileService.ListFiles
     */
    listFiles: {
        methodKind: "unary";
        input: typeof ListFilesRequestSchema;
        output: typeof ListFilesResponseSchema;
    };
    /**
     * UpdateFile changes a file's filename, metadata or visibility.
     *
     * @generated from rpc tessera.vault.v1.FileService.UpdateFile
     */
    updateFile: {
        methodKind: "unary";
        input: typeof UpdateFileRequestSchema;
        output: typeof UpdateFileResponseSchema;
    };
    /**
     * DeleteFile soft-deletes a file, freeing its quota at once; its bytes are purged after
     * TESSERA_STORAGE_RETENTION. Idempotent, and never refused for quota.
     *
     * @generated from rpc tessera.vault.v1.FileService.DeleteFile
     */
    deleteFile: {
        methodKind: "unary";
        input: typeof DeleteFileRequestSchema;
        output: typeof DeleteFileResponseSchema;
    };
    /**
     * UndeleteFile restores a soft-deleted file before it is purged, reserving its size again.
     *
     * @generated from rpc tessera.vault.v1.FileService.UndeleteFile
     */
    undeleteFile: {
        methodKind: "unary";
        input: typeof UndeleteFileRequestSchema;
        output: typeof UndeleteFileResponseSchema;
    };
    /**
     * ListFileVersions lists the earlier versions a `source` versioning volume keeps of a file,
     * newest first (Download takes a version number).
     *
     * @generated from rpc tessera.vault.v1.FileService.ListFileVersions
     */
    listFileVersions: {
        methodKind: "unary";
        input: typeof ListFileVersionsRequestSchema;
        output: typeof ListFileVersionsResponseSchema;
    };
}>;
