import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { File } from "./files_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/vault/v1/storage_admin.proto.
 */
export declare const file_tessera_vault_v1_storage_admin: GenFile;
/**
 * LocalPath is an approved directory on the service's host.
 *
 * @generated from message tessera.vault.v1.LocalPath
 */
export type LocalPath = Message<"tessera.vault.v1.LocalPath"> & {
    /**
     * Required. Absolute and canonical (no `.`, `..`, `//`, trailing `/`, or symlinks), under a
     * root of TESSERA_STORAGE_LOCAL_ROOTS. Unique.
     *
     * @generated from field: string path = 1;
     */
    path: string;
};
/**
 * Describes the message tessera.vault.v1.LocalPath.
 * Use `create(LocalPathSchema)` to create a new message.
 */
export declare const LocalPathSchema: GenMessage<LocalPath>;
/**
 * S3Bucket is an S3-compatible bucket.
 *
 * @generated from message tessera.vault.v1.S3Bucket
 */
export type S3Bucket = Message<"tessera.vault.v1.S3Bucket"> & {
    /**
     * Required. The endpoint, e.g. `https://s3.eu-central-1.amazonaws.com`.
     *
     * @generated from field: string endpoint_url = 1;
     */
    endpointUrl: string;
    /**
     * Required. 1 to 255 bytes.
     *
     * @generated from field: string bucket_name = 2;
     */
    bucketName: string;
    /**
     * Required. 1 to 50 bytes, e.g. `us-east-1`.
     *
     * @generated from field: string region = 3;
     */
    region: string;
    /**
     * Whether the endpoint is reached over TLS; must agree with `endpoint_url`'s scheme.
     *
     * @generated from field: bool use_ssl = 4;
     */
    useSsl: boolean;
};
/**
 * Describes the message tessera.vault.v1.S3Bucket.
 * Use `create(S3BucketSchema)` to create a new message.
 */
export declare const S3BucketSchema: GenMessage<S3Bucket>;
/**
 * FtpEndpoint is an FTP or SFTP server and its login.
 *
 * @generated from message tessera.vault.v1.FtpEndpoint
 */
export type FtpEndpoint = Message<"tessera.vault.v1.FtpEndpoint"> & {
    /**
     * Required. Host name or address.
     *
     * @generated from field: string host = 1;
     */
    host: string;
    /**
     * 1 to 65535; 0 means the protocol's default (21 for FTP, 22 for SFTP).
     *
     * @generated from field: int32 port = 2;
     */
    port: number;
    /**
     * Required.
     *
     * @generated from field: tessera.vault.v1.FtpProtocol protocol = 3;
     */
    protocol: FtpProtocol;
    /**
     * Required. 1 to 100 bytes.
     *
     * @generated from field: string username = 4;
     */
    username: string;
    /**
     * Input only. The FTP password; write-only.
     *
     * @generated from field: string password = 5;
     */
    password: string;
    /**
     * SFTP only, required there: the private key file, under TESSERA_STORAGE_SSH_KEY_DIR.
     *
     * @generated from field: string key_path = 6;
     */
    keyPath: string;
};
/**
 * Describes the message tessera.vault.v1.FtpEndpoint.
 * Use `create(FtpEndpointSchema)` to create a new message.
 */
export declare const FtpEndpointSchema: GenMessage<FtpEndpoint>;
/**
 * HttpEndpoint is a remote HTTP or WebDAV location.
 *
 * @generated from message tessera.vault.v1.HttpEndpoint
 */
export type HttpEndpoint = Message<"tessera.vault.v1.HttpEndpoint"> & {
    /**
     * Required. `http://` or `https://` URL of the collection files live under.
     *
     * @generated from field: string url = 1;
     */
    url: string;
};
/**
 * Describes the message tessera.vault.v1.HttpEndpoint.
 * Use `create(HttpEndpointSchema)` to create a new message.
 */
export declare const HttpEndpointSchema: GenMessage<HttpEndpoint>;
/**
 * HttpCredential says how to authenticate to an HTTP endpoint. Input only: never returned.
 *
 * @generated from message tessera.vault.v1.HttpCredential
 */
export type HttpCredential = Message<"tessera.vault.v1.HttpCredential"> & {
    /**
     * One of them is required.
     *
     * @generated from oneof tessera.vault.v1.HttpCredential.credential
     */
    credential: {
        /**
         * `Authorization: Basic`.
         *
         * @generated from field: tessera.vault.v1.HttpCredential.Basic basic = 1;
         */
        value: HttpCredential_Basic;
        case: "basic";
    } | {
        /**
         * `Authorization: Bearer <token>`.
         *
         * @generated from field: string bearer = 2;
         */
        value: string;
        case: "bearer";
    } | {
        /**
         * A header of the operator's choosing.
         *
         * @generated from field: tessera.vault.v1.HttpCredential.CustomHeader custom_header = 3;
         */
        value: HttpCredential_CustomHeader;
        case: "customHeader";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.vault.v1.HttpCredential.
 * Use `create(HttpCredentialSchema)` to create a new message.
 */
export declare const HttpCredentialSchema: GenMessage<HttpCredential>;
/**
 * Basic authentication.
 *
 * @generated from message tessera.vault.v1.HttpCredential.Basic
 */
export type HttpCredential_Basic = Message<"tessera.vault.v1.HttpCredential.Basic"> & {
    /**
     * Required.
     *
     * @generated from field: string username = 1;
     */
    username: string;
    /**
     * Required.
     *
     * @generated from field: string password = 2;
     */
    password: string;
};
/**
 * Describes the message tessera.vault.v1.HttpCredential.Basic.
 * Use `create(HttpCredential_BasicSchema)` to create a new message.
 */
export declare const HttpCredential_BasicSchema: GenMessage<HttpCredential_Basic>;
/**
 * A custom header carrying a token.
 *
 * @generated from message tessera.vault.v1.HttpCredential.CustomHeader
 */
export type HttpCredential_CustomHeader = Message<"tessera.vault.v1.HttpCredential.CustomHeader"> & {
    /**
     * Required. An HTTP header name, e.g. `X-Api-Key`.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * Required. Its value.
     *
     * @generated from field: string value = 2;
     */
    value: string;
};
/**
 * Describes the message tessera.vault.v1.HttpCredential.CustomHeader.
 * Use `create(HttpCredential_CustomHeaderSchema)` to create a new message.
 */
export declare const HttpCredential_CustomHeaderSchema: GenMessage<HttpCredential_CustomHeader>;
/**
 * S3Credential is an access key pair of a bucket.
 *
 * @generated from message tessera.vault.v1.S3Credential
 */
export type S3Credential = Message<"tessera.vault.v1.S3Credential"> & {
    /**
     * Required. The access key id (shown in listings).
     *
     * @generated from field: string access_key = 1;
     */
    accessKey: string;
    /**
     * Input only. The secret key; write-only.
     *
     * @generated from field: string secret_key = 2;
     */
    secretKey: string;
};
/**
 * Describes the message tessera.vault.v1.S3Credential.
 * Use `create(S3CredentialSchema)` to create a new message.
 */
export declare const S3CredentialSchema: GenMessage<S3Credential>;
/**
 * Backend is a place volumes keep bytes in, as operators see it (never with secrets).
 *
 * @generated from message tessera.vault.v1.Backend
 */
export type Backend = Message<"tessera.vault.v1.Backend"> & {
    /**
     * Output only. UUID.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: tessera.vault.v1.BackendKind kind = 2;
     */
    kind: BackendKind;
    /**
     * Free text, at most 500 bytes; local and HTTP backends only.
     *
     * @generated from field: string description = 3;
     */
    description: string;
    /**
     * Exactly one, matching `kind`.
     *
     * @generated from oneof tessera.vault.v1.Backend.target
     */
    target: {
        /**
         * A local directory.
         *
         * @generated from field: tessera.vault.v1.LocalPath local_path = 4;
         */
        value: LocalPath;
        case: "localPath";
    } | {
        /**
         * An S3 bucket.
         *
         * @generated from field: tessera.vault.v1.S3Bucket s3_bucket = 5;
         */
        value: S3Bucket;
        case: "s3Bucket";
    } | {
        /**
         * An FTP or SFTP server (the password is never returned).
         *
         * @generated from field: tessera.vault.v1.FtpEndpoint ftp_endpoint = 6;
         */
        value: FtpEndpoint;
        case: "ftpEndpoint";
    } | {
        /**
         * An HTTP or WebDAV endpoint.
         *
         * @generated from field: tessera.vault.v1.HttpEndpoint http_endpoint = 7;
         */
        value: HttpEndpoint;
        case: "httpEndpoint";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * Output only. The access key ids of an S3 backend's credentials, newest first.
     *
     * @generated from field: repeated string access_keys = 8;
     */
    accessKeys: string[];
    /**
     * Output only. How many credentials an HTTP backend has.
     *
     * @generated from field: int32 credential_count = 9;
     */
    credentialCount: number;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 10;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.Backend.
 * Use `create(BackendSchema)` to create a new message.
 */
export declare const BackendSchema: GenMessage<Backend>;
/**
 * CreateBackendRequest is the input of StorageAdminService.CreateBackend.
 *
 * @generated from message tessera.vault.v1.CreateBackendRequest
 */
export type CreateBackendRequest = Message<"tessera.vault.v1.CreateBackendRequest"> & {
    /**
     * Required: `description` and one `target`.
     *
     * @generated from field: tessera.vault.v1.Backend backend = 1;
     */
    backend?: Backend | undefined;
    /**
     * Required for S3 backends: the first credential.
     *
     * @generated from field: tessera.vault.v1.S3Credential s3_credential = 2;
     */
    s3Credential?: S3Credential | undefined;
    /**
     * For HTTP backends that need authentication: the first credential.
     *
     * @generated from field: tessera.vault.v1.HttpCredential http_credential = 3;
     */
    httpCredential?: HttpCredential | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateBackendRequest.
 * Use `create(CreateBackendRequestSchema)` to create a new message.
 */
export declare const CreateBackendRequestSchema: GenMessage<CreateBackendRequest>;
/**
 * CreateBackendResponse is the output of StorageAdminService.CreateBackend.
 *
 * @generated from message tessera.vault.v1.CreateBackendResponse
 */
export type CreateBackendResponse = Message<"tessera.vault.v1.CreateBackendResponse"> & {
    /**
     * The backend.
     *
     * @generated from field: tessera.vault.v1.Backend backend = 1;
     */
    backend?: Backend | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateBackendResponse.
 * Use `create(CreateBackendResponseSchema)` to create a new message.
 */
export declare const CreateBackendResponseSchema: GenMessage<CreateBackendResponse>;
/**
 * ListBackendsRequest is the input of StorageAdminService.ListBackends.
 *
 * @generated from message tessera.vault.v1.ListBackendsRequest
 */
export type ListBackendsRequest = Message<"tessera.vault.v1.ListBackendsRequest"> & {};
/**
 * Describes the message tessera.vault.v1.ListBackendsRequest.
 * Use `create(ListBackendsRequestSchema)` to create a new message.
 */
export declare const ListBackendsRequestSchema: GenMessage<ListBackendsRequest>;
/**
 * ListBackendsResponse is the output of StorageAdminService.ListBackends.
 *
 * @generated from message tessera.vault.v1.ListBackendsResponse
 */
export type ListBackendsResponse = Message<"tessera.vault.v1.ListBackendsResponse"> & {
    /**
     * Every backend, oldest first.
     *
     * @generated from field: repeated tessera.vault.v1.Backend backends = 1;
     */
    backends: Backend[];
};
/**
 * Describes the message tessera.vault.v1.ListBackendsResponse.
 * Use `create(ListBackendsResponseSchema)` to create a new message.
 */
export declare const ListBackendsResponseSchema: GenMessage<ListBackendsResponse>;
/**
 * AddBackendCredentialRequest is the input of StorageAdminService.AddBackendCredential.
 *
 * @generated from message tessera.vault.v1.AddBackendCredentialRequest
 */
export type AddBackendCredentialRequest = Message<"tessera.vault.v1.AddBackendCredentialRequest"> & {
    /**
     * Required. An S3 or HTTP backend.
     *
     * @generated from field: string backend_id = 1;
     */
    backendId: string;
    /**
     * Required: the one matching the backend's kind.
     *
     * @generated from oneof tessera.vault.v1.AddBackendCredentialRequest.credential
     */
    credential: {
        /**
         * For an S3 backend.
         *
         * @generated from field: tessera.vault.v1.S3Credential s3 = 2;
         */
        value: S3Credential;
        case: "s3";
    } | {
        /**
         * For an HTTP backend.
         *
         * @generated from field: tessera.vault.v1.HttpCredential http = 3;
         */
        value: HttpCredential;
        case: "http";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message tessera.vault.v1.AddBackendCredentialRequest.
 * Use `create(AddBackendCredentialRequestSchema)` to create a new message.
 */
export declare const AddBackendCredentialRequestSchema: GenMessage<AddBackendCredentialRequest>;
/**
 * AddBackendCredentialResponse is the output of StorageAdminService.AddBackendCredential.
 *
 * @generated from message tessera.vault.v1.AddBackendCredentialResponse
 */
export type AddBackendCredentialResponse = Message<"tessera.vault.v1.AddBackendCredentialResponse"> & {
    /**
     * The backend with the new credential.
     *
     * @generated from field: tessera.vault.v1.Backend backend = 1;
     */
    backend?: Backend | undefined;
};
/**
 * Describes the message tessera.vault.v1.AddBackendCredentialResponse.
 * Use `create(AddBackendCredentialResponseSchema)` to create a new message.
 */
export declare const AddBackendCredentialResponseSchema: GenMessage<AddBackendCredentialResponse>;
/**
 * DeleteBackendRequest is the input of StorageAdminService.DeleteBackend.
 *
 * @generated from message tessera.vault.v1.DeleteBackendRequest
 */
export type DeleteBackendRequest = Message<"tessera.vault.v1.DeleteBackendRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string backend_id = 1;
     */
    backendId: string;
};
/**
 * Describes the message tessera.vault.v1.DeleteBackendRequest.
 * Use `create(DeleteBackendRequestSchema)` to create a new message.
 */
export declare const DeleteBackendRequestSchema: GenMessage<DeleteBackendRequest>;
/**
 * DeleteBackendResponse is the output of StorageAdminService.DeleteBackend.
 *
 * @generated from message tessera.vault.v1.DeleteBackendResponse
 */
export type DeleteBackendResponse = Message<"tessera.vault.v1.DeleteBackendResponse"> & {};
/**
 * Describes the message tessera.vault.v1.DeleteBackendResponse.
 * Use `create(DeleteBackendResponseSchema)` to create a new message.
 */
export declare const DeleteBackendResponseSchema: GenMessage<DeleteBackendResponse>;
/**
 * Capabilities are what the last capability check found.
 *
 * @generated from message tessera.vault.v1.Capabilities
 */
export type Capabilities = Message<"tessera.vault.v1.Capabilities"> & {
    /**
     * Objects can be written.
     *
     * @generated from field: bool write = 1;
     */
    write: boolean;
    /**
     * Byte ranges can be read.
     *
     * @generated from field: bool ranged_read = 2;
     */
    rangedRead: boolean;
    /**
     * Objects can be listed.
     *
     * @generated from field: bool list = 3;
     */
    list: boolean;
    /**
     * Objects can be deleted.
     *
     * @generated from field: bool delete = 4;
     */
    delete: boolean;
    /**
     * When the check ran.
     *
     * @generated from field: google.protobuf.Timestamp check_time = 5;
     */
    checkTime?: Timestamp | undefined;
    /**
     * The backend keeps object versions (checked for `target` versioning volumes).
     *
     * @generated from field: bool versions = 6;
     */
    versions: boolean;
};
/**
 * Describes the message tessera.vault.v1.Capabilities.
 * Use `create(CapabilitiesSchema)` to create a new message.
 */
export declare const CapabilitiesSchema: GenMessage<Capabilities>;
/**
 * Volume is a logical storage location: a backend and how paths are laid out on it.
 *
 * @generated from message tessera.vault.v1.Volume
 */
export type Volume = Message<"tessera.vault.v1.Volume"> & {
    /**
     * Output only. UUID.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Required. 1 to 100 bytes, unique.
     *
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * Required, immutable. The backend bytes go to.
     *
     * @generated from field: string backend_id = 3;
     */
    backendId: string;
    /**
     * Output only. The backend's kind.
     *
     * @generated from field: tessera.vault.v1.BackendKind driver = 4;
     */
    driver: BackendKind;
    /**
     * Immutable. HTTP backends: speak WebDAV (writes allowed); otherwise read-only HTTP.
     *
     * @generated from field: bool webdav = 5;
     */
    webdav: boolean;
    /**
     * Immutable. Prepended to every object path; at most 500 bytes of plain `/`-separated
     * segments.
     *
     * @generated from field: string default_prefix = 6;
     */
    defaultPrefix: string;
    /**
     * Immutable. Client paths become directories (true) or one escaped name (false).
     *
     * @generated from field: optional bool enforce_hierarchy = 7;
     */
    enforceHierarchy?: boolean | undefined;
    /**
     * Immutable. Joins segments when `enforce_hierarchy` is false; 1 to 5 bytes; default `/`.
     *
     * @generated from field: string path_delimiter = 8;
     */
    pathDelimiter: string;
    /**
     * Immutable. HTTP backends: address objects as `?id=<path>` instead of by URL path.
     *
     * @generated from field: bool use_query_params = 9;
     */
    useQueryParams: boolean;
    /**
     * Immutable.
     *
     * @generated from field: tessera.vault.v1.PathStrategy auto_path_strategy = 10;
     */
    autoPathStrategy: PathStrategy;
    /**
     * Immutable.
     *
     * @generated from field: tessera.vault.v1.VersioningMode versioning_mode = 11;
     */
    versioningMode: VersioningMode;
    /**
     * Bytes; unset for no limit.
     *
     * @generated from field: optional int64 quota_limit = 12;
     */
    quotaLimit?: bigint | undefined;
    /**
     * Output only. Bytes of committed files and kept versions.
     *
     * @generated from field: int64 quota_used = 13;
     */
    quotaUsed: bigint;
    /**
     * Output only. Bytes declared by unfinished uploads.
     *
     * @generated from field: int64 quota_reserved = 14;
     */
    quotaReserved: bigint;
    /**
     * Whether transfers are allowed; set only after a passing capability check.
     *
     * @generated from field: bool is_active = 15;
     */
    isActive: boolean;
    /**
     * Output only.
     *
     * @generated from field: tessera.vault.v1.Capabilities capabilities = 16;
     */
    capabilities?: Capabilities | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 17;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 18;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.Volume.
 * Use `create(VolumeSchema)` to create a new message.
 */
export declare const VolumeSchema: GenMessage<Volume>;
/**
 * CreateVolumeRequest is the input of StorageAdminService.CreateVolume.
 *
 * @generated from message tessera.vault.v1.CreateVolumeRequest
 */
export type CreateVolumeRequest = Message<"tessera.vault.v1.CreateVolumeRequest"> & {
    /**
     * Required.
     *
     * @generated from field: tessera.vault.v1.Volume volume = 1;
     */
    volume?: Volume | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateVolumeRequest.
 * Use `create(CreateVolumeRequestSchema)` to create a new message.
 */
export declare const CreateVolumeRequestSchema: GenMessage<CreateVolumeRequest>;
/**
 * CreateVolumeResponse is the output of StorageAdminService.CreateVolume.
 *
 * @generated from message tessera.vault.v1.CreateVolumeResponse
 */
export type CreateVolumeResponse = Message<"tessera.vault.v1.CreateVolumeResponse"> & {
    /**
     * The volume.
     *
     * @generated from field: tessera.vault.v1.Volume volume = 1;
     */
    volume?: Volume | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateVolumeResponse.
 * Use `create(CreateVolumeResponseSchema)` to create a new message.
 */
export declare const CreateVolumeResponseSchema: GenMessage<CreateVolumeResponse>;
/**
 * GetVolumeRequest is the input of StorageAdminService.GetVolume.
 *
 * @generated from message tessera.vault.v1.GetVolumeRequest
 */
export type GetVolumeRequest = Message<"tessera.vault.v1.GetVolumeRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string volume_id = 1;
     */
    volumeId: string;
};
/**
 * Describes the message tessera.vault.v1.GetVolumeRequest.
 * Use `create(GetVolumeRequestSchema)` to create a new message.
 */
export declare const GetVolumeRequestSchema: GenMessage<GetVolumeRequest>;
/**
 * GetVolumeResponse is the output of StorageAdminService.GetVolume.
 *
 * @generated from message tessera.vault.v1.GetVolumeResponse
 */
export type GetVolumeResponse = Message<"tessera.vault.v1.GetVolumeResponse"> & {
    /**
     * The volume.
     *
     * @generated from field: tessera.vault.v1.Volume volume = 1;
     */
    volume?: Volume | undefined;
};
/**
 * Describes the message tessera.vault.v1.GetVolumeResponse.
 * Use `create(GetVolumeResponseSchema)` to create a new message.
 */
export declare const GetVolumeResponseSchema: GenMessage<GetVolumeResponse>;
/**
 * ListVolumesRequest is the input of StorageAdminService.ListVolumes.
 *
 * @generated from message tessera.vault.v1.ListVolumesRequest
 */
export type ListVolumesRequest = Message<"tessera.vault.v1.ListVolumesRequest"> & {
    /**
     * At most this many (default 50, at most 1000).
     *
     * @generated from field: int32 page_size = 1;
     */
    pageSize: number;
    /**
     * From a previous response's `next_page_token`.
     *
     * @generated from field: string page_token = 2;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListVolumesRequest.
 * Use `create(ListVolumesRequestSchema)` to create a new message.
 */
export declare const ListVolumesRequestSchema: GenMessage<ListVolumesRequest>;
/**
 * ListVolumesResponse is the output of StorageAdminService.ListVolumes.
 *
 * @generated from message tessera.vault.v1.ListVolumesResponse
 */
export type ListVolumesResponse = Message<"tessera.vault.v1.ListVolumesResponse"> & {
    /**
     * Volumes by name.
     *
     * @generated from field: repeated tessera.vault.v1.Volume volumes = 1;
     */
    volumes: Volume[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListVolumesResponse.
 * Use `create(ListVolumesResponseSchema)` to create a new message.
 */
export declare const ListVolumesResponseSchema: GenMessage<ListVolumesResponse>;
/**
 * UpdateVolumeRequest is the input of StorageAdminService.UpdateVolume.
 *
 * @generated from message tessera.vault.v1.UpdateVolumeRequest
 */
export type UpdateVolumeRequest = Message<"tessera.vault.v1.UpdateVolumeRequest"> & {
    /**
     * Required: `id` and the fields named in `update_mask`.
     *
     * @generated from field: tessera.vault.v1.Volume volume = 1;
     */
    volume?: Volume | undefined;
    /**
     * Required. Any of `name`, `quota_limit`, `is_active`.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.vault.v1.UpdateVolumeRequest.
 * Use `create(UpdateVolumeRequestSchema)` to create a new message.
 */
export declare const UpdateVolumeRequestSchema: GenMessage<UpdateVolumeRequest>;
/**
 * UpdateVolumeResponse is the output of StorageAdminService.UpdateVolume.
 *
 * @generated from message tessera.vault.v1.UpdateVolumeResponse
 */
export type UpdateVolumeResponse = Message<"tessera.vault.v1.UpdateVolumeResponse"> & {
    /**
     * The volume.
     *
     * @generated from field: tessera.vault.v1.Volume volume = 1;
     */
    volume?: Volume | undefined;
};
/**
 * Describes the message tessera.vault.v1.UpdateVolumeResponse.
 * Use `create(UpdateVolumeResponseSchema)` to create a new message.
 */
export declare const UpdateVolumeResponseSchema: GenMessage<UpdateVolumeResponse>;
/**
 * Quota is the limit and usage of a user or an app on one volume.
 *
 * @generated from message tessera.vault.v1.Quota
 */
export type Quota = Message<"tessera.vault.v1.Quota"> & {
    /**
     * Required.
     *
     * @generated from field: string volume_id = 1;
     */
    volumeId: string;
    /**
     * Required: whose quota.
     *
     * @generated from oneof tessera.vault.v1.Quota.subject
     */
    subject: {
        /**
         * A user's (UUID).
         *
         * @generated from field: string user_id = 2;
         */
        value: string;
        case: "userId";
    } | {
        /**
         * An app's (the service name it calls with), 1 to 100 bytes.
         *
         * @generated from field: string app_id = 3;
         */
        value: string;
        case: "appId";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * Bytes; unset for no limit.
     *
     * @generated from field: optional int64 quota_limit = 4;
     */
    quotaLimit?: bigint | undefined;
    /**
     * Output only.
     *
     * @generated from field: int64 quota_used = 5;
     */
    quotaUsed: bigint;
    /**
     * Output only.
     *
     * @generated from field: int64 quota_reserved = 6;
     */
    quotaReserved: bigint;
};
/**
 * Describes the message tessera.vault.v1.Quota.
 * Use `create(QuotaSchema)` to create a new message.
 */
export declare const QuotaSchema: GenMessage<Quota>;
/**
 * SetQuotaRequest is the input of StorageAdminService.SetQuota.
 *
 * @generated from message tessera.vault.v1.SetQuotaRequest
 */
export type SetQuotaRequest = Message<"tessera.vault.v1.SetQuotaRequest"> & {
    /**
     * Required: `volume_id`, the subject and the limit (unset: unlimited).
     *
     * @generated from field: tessera.vault.v1.Quota quota = 1;
     */
    quota?: Quota | undefined;
};
/**
 * Describes the message tessera.vault.v1.SetQuotaRequest.
 * Use `create(SetQuotaRequestSchema)` to create a new message.
 */
export declare const SetQuotaRequestSchema: GenMessage<SetQuotaRequest>;
/**
 * SetQuotaResponse is the output of StorageAdminService.SetQuota.
 *
 * @generated from message tessera.vault.v1.SetQuotaResponse
 */
export type SetQuotaResponse = Message<"tessera.vault.v1.SetQuotaResponse"> & {
    /**
     * The quota.
     *
     * @generated from field: tessera.vault.v1.Quota quota = 1;
     */
    quota?: Quota | undefined;
};
/**
 * Describes the message tessera.vault.v1.SetQuotaResponse.
 * Use `create(SetQuotaResponseSchema)` to create a new message.
 */
export declare const SetQuotaResponseSchema: GenMessage<SetQuotaResponse>;
/**
 * ImportFileRequest is the input of StorageAdminService.ImportFile.
 *
 * @generated from message tessera.vault.v1.ImportFileRequest
 */
export type ImportFileRequest = Message<"tessera.vault.v1.ImportFileRequest"> & {
    /**
     * Required. An active read-only (plain HTTP) volume.
     *
     * @generated from field: string volume_id = 1;
     */
    volumeId: string;
    /**
     * Required. The object, under the volume's prefix: plain `/`-separated segments.
     *
     * @generated from field: string object_path = 2;
     */
    objectPath: string;
    /**
     * Required: whose file it becomes (`users` or `apps` namespace).
     *
     * @generated from oneof tessera.vault.v1.ImportFileRequest.owner
     */
    owner: {
        /**
         * A user's (UUID).
         *
         * @generated from field: string user_id = 3;
         */
        value: string;
        case: "userId";
    } | {
        /**
         * An app's (the service name it calls with), 1 to 100 bytes.
         *
         * @generated from field: string app_id = 4;
         */
        value: string;
        case: "appId";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * Required. The file's path in its owner's namespace (see File.path).
     *
     * @generated from field: string path = 5;
     */
    path: string;
    /**
     * See File.mime_type.
     *
     * @generated from field: string mime_type = 6;
     */
    mimeType: string;
    /**
     * See File.is_public.
     *
     * @generated from field: bool is_public = 7;
     */
    isPublic: boolean;
};
/**
 * Describes the message tessera.vault.v1.ImportFileRequest.
 * Use `create(ImportFileRequestSchema)` to create a new message.
 */
export declare const ImportFileRequestSchema: GenMessage<ImportFileRequest>;
/**
 * ImportFileResponse is the output of StorageAdminService.ImportFile.
 *
 * @generated from message tessera.vault.v1.ImportFileResponse
 */
export type ImportFileResponse = Message<"tessera.vault.v1.ImportFileResponse"> & {
    /**
     * The file.
     *
     * @generated from field: tessera.vault.v1.File file = 1;
     */
    file?: File | undefined;
};
/**
 * Describes the message tessera.vault.v1.ImportFileResponse.
 * Use `create(ImportFileResponseSchema)` to create a new message.
 */
export declare const ImportFileResponseSchema: GenMessage<ImportFileResponse>;
/**
 * GetVaultAnalyticsRequest is the input of StorageAdminService.GetVaultAnalytics.
 *
 * @generated from message tessera.vault.v1.GetVaultAnalyticsRequest
 */
export type GetVaultAnalyticsRequest = Message<"tessera.vault.v1.GetVaultAnalyticsRequest"> & {
    /**
     * First UTC day, `YYYY-MM-DD`.
     *
     * @generated from field: string start_day = 1;
     */
    startDay: string;
    /**
     * Last UTC day, `YYYY-MM-DD`, at most 366 days after start_day.
     *
     * @generated from field: string end_day = 2;
     */
    endDay: string;
};
/**
 * Describes the message tessera.vault.v1.GetVaultAnalyticsRequest.
 * Use `create(GetVaultAnalyticsRequestSchema)` to create a new message.
 */
export declare const GetVaultAnalyticsRequestSchema: GenMessage<GetVaultAnalyticsRequest>;
/**
 * GetVaultAnalyticsResponse is the output of StorageAdminService.GetVaultAnalytics.
 *
 * @generated from message tessera.vault.v1.GetVaultAnalyticsResponse
 */
export type GetVaultAnalyticsResponse = Message<"tessera.vault.v1.GetVaultAnalyticsResponse"> & {
    /**
     * By day, then kind; days without events are left out.
     *
     * @generated from field: repeated tessera.vault.v1.GetVaultAnalyticsResponse.DayTotal totals = 1;
     */
    totals: GetVaultAnalyticsResponse_DayTotal[];
};
/**
 * Describes the message tessera.vault.v1.GetVaultAnalyticsResponse.
 * Use `create(GetVaultAnalyticsResponseSchema)` to create a new message.
 */
export declare const GetVaultAnalyticsResponseSchema: GenMessage<GetVaultAnalyticsResponse>;
/**
 * One day's total of one kind.
 *
 * @generated from message tessera.vault.v1.GetVaultAnalyticsResponse.DayTotal
 */
export type GetVaultAnalyticsResponse_DayTotal = Message<"tessera.vault.v1.GetVaultAnalyticsResponse.DayTotal"> & {
    /**
     * `YYYY-MM-DD` (UTC).
     *
     * @generated from field: string day = 1;
     */
    day: string;
    /**
     * upload, delete, restore, purge or expire.
     *
     * @generated from field: string kind = 2;
     */
    kind: string;
    /**
     * How many events of this kind that day.
     *
     * @generated from field: int64 events = 3;
     */
    events: bigint;
    /**
     * Bytes those events concerned.
     *
     * @generated from field: int64 bytes = 4;
     */
    bytes: bigint;
};
/**
 * Describes the message tessera.vault.v1.GetVaultAnalyticsResponse.DayTotal.
 * Use `create(GetVaultAnalyticsResponse_DayTotalSchema)` to create a new message.
 */
export declare const GetVaultAnalyticsResponse_DayTotalSchema: GenMessage<GetVaultAnalyticsResponse_DayTotal>;
/**
 * The kind of storage a backend is.
 *
 * @generated from enum tessera.vault.v1.BackendKind
 */
export declare enum BackendKind {
    /**
     * Not set.
     *
     * @generated from enum value: BACKEND_KIND_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A directory on the service's host, under a root of TESSERA_STORAGE_LOCAL_ROOTS.
     *
     * @generated from enum value: BACKEND_KIND_LOCAL = 1;
     */
    LOCAL = 1,
    /**
     * An S3-compatible bucket.
     *
     * @generated from enum value: BACKEND_KIND_S3 = 2;
     */
    S3 = 2,
    /**
     * An FTP or SFTP server.
     *
     * @generated from enum value: BACKEND_KIND_FTP = 3;
     */
    FTP = 3,
    /**
     * An HTTP or WebDAV server.
     *
     * @generated from enum value: BACKEND_KIND_HTTP = 4;
     */
    HTTP = 4
}
/**
 * Describes the enum tessera.vault.v1.BackendKind.
 */
export declare const BackendKindSchema: GenEnum<BackendKind>;
/**
 * The protocol of an FTP backend.
 *
 * @generated from enum tessera.vault.v1.FtpProtocol
 */
export declare enum FtpProtocol {
    /**
     * Not set.
     *
     * @generated from enum value: FTP_PROTOCOL_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Plain FTP with a password (credentials cross in clear text: private networks only).
     *
     * @generated from enum value: FTP_PROTOCOL_FTP = 1;
     */
    FTP = 1,
    /**
     * SFTP with a key file; host keys are checked strictly against known_hosts.
     *
     * @generated from enum value: FTP_PROTOCOL_SFTP = 2;
     */
    SFTP = 2
}
/**
 * Describes the enum tessera.vault.v1.FtpProtocol.
 */
export declare const FtpProtocolSchema: GenEnum<FtpProtocol>;
/**
 * How a volume names stored objects.
 *
 * @generated from enum tessera.vault.v1.PathStrategy
 */
export declare enum PathStrategy {
    /**
     * Not set: `PATH_STRATEGY_NONE`.
     *
     * @generated from enum value: PATH_STRATEGY_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * The prefix, the owner's namespace and the client's path.
     *
     * @generated from enum value: PATH_STRATEGY_NONE = 1;
     */
    NONE = 1,
    /**
     * The prefix and the file's id.
     *
     * @generated from enum value: PATH_STRATEGY_UUID = 2;
     */
    UUID = 2,
    /**
     * The prefix and the SHA-256 declared at upload: one object per content.
     *
     * @generated from enum value: PATH_STRATEGY_HASH = 3;
     */
    HASH = 3
}
/**
 * Describes the enum tessera.vault.v1.PathStrategy.
 */
export declare const PathStrategySchema: GenEnum<PathStrategy>;
/**
 * Who keeps earlier versions of a file.
 *
 * @generated from enum tessera.vault.v1.VersioningMode
 */
export declare enum VersioningMode {
    /**
     * Not set: `VERSIONING_MODE_NONE`.
     *
     * @generated from enum value: VERSIONING_MODE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Nobody: uploading to a live path is ALREADY_EXISTS unless it overwrites.
     *
     * @generated from enum value: VERSIONING_MODE_NONE = 1;
     */
    NONE = 1,
    /**
     * The service keeps every upload as a version (counted in quotas).
     *
     * @generated from enum value: VERSIONING_MODE_SOURCE = 2;
     */
    SOURCE = 2,
    /**
     * The backend does (S3 bucket versioning, checked before activation); needs the `none`
     * path strategy. Versions are listed and downloaded like `source` ones.
     *
     * @generated from enum value: VERSIONING_MODE_TARGET = 3;
     */
    TARGET = 3
}
/**
 * Describes the enum tessera.vault.v1.VersioningMode.
 */
export declare const VersioningModeSchema: GenEnum<VersioningMode>;
/**
 * StorageAdminService administers where the Storage Service keeps bytes: backends (approved
 * local directories, S3 buckets, FTP/SFTP servers, HTTP/WebDAV endpoints) with their
 * credentials, the volumes over them, and quota limits. Every RPC requires an operator
 * credential (`TESSERA_OPERATOR_CREDENTIALS`); user sessions and service credentials are
 * refused. Secrets (S3 secret keys, FTP passwords, HTTP credentials) are write-only: sealed
 * at rest, never returned or logged.
 *
 * @generated from service tessera.vault.v1.StorageAdminService
 */
export declare const StorageAdminService: GenService<{
    /**
     * CreateBackend registers a backend and, for those with a login, its first credential.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.CreateBackend
     */
    createBackend: {
        methodKind: "unary";
        input: typeof CreateBackendRequestSchema;
        output: typeof CreateBackendResponseSchema;
    };
    /**
     * ListBackends lists every backend, without secrets.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.ListBackends
     */
    listBackends: {
        methodKind: "unary";
        input: typeof ListBackendsRequestSchema;
        output: typeof ListBackendsResponseSchema;
    };
    /**
     * AddBackendCredential adds a credential to an S3 or HTTP backend; the newest is used.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.AddBackendCredential
     */
    addBackendCredential: {
        methodKind: "unary";
        input: typeof AddBackendCredentialRequestSchema;
        output: typeof AddBackendCredentialResponseSchema;
    };
    /**
     * DeleteBackend removes a backend and its credentials. FAILED_PRECONDITION while a volume
     * uses it; deleting a missing backend is not an error.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.DeleteBackend
     */
    deleteBackend: {
        methodKind: "unary";
        input: typeof DeleteBackendRequestSchema;
        output: typeof DeleteBackendResponseSchema;
    };
    /**
     * CreateVolume creates a volume over a backend. A volume created active is activated only
     * after a capability check of its backend passes (FAILED_PRECONDITION otherwise, one
     * violation per failed check, and nothing is created).
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.CreateVolume
     */
    createVolume: {
        methodKind: "unary";
        input: typeof CreateVolumeRequestSchema;
        output: typeof CreateVolumeResponseSchema;
    };
    /**
     * GetVolume returns one volume.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.GetVolume
     */
    getVolume: {
        methodKind: "unary";
        input: typeof GetVolumeRequestSchema;
        output: typeof GetVolumeResponseSchema;
    };
    /**
     * ListVolumes lists volumes by name.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.ListVolumes
     */
    listVolumes: {
        methodKind: "unary";
        input: typeof ListVolumesRequestSchema;
        output: typeof ListVolumesResponseSchema;
    };
    /**
     * UpdateVolume changes a volume's name, limit or state. Activating runs the capability
     * check: FAILED_PRECONDITION and the volume stays inactive when it fails. A limit may be
     * lowered below the usage: uploads are then refused, deletes still free space.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.UpdateVolume
     */
    updateVolume: {
        methodKind: "unary";
        input: typeof UpdateVolumeRequestSchema;
        output: typeof UpdateVolumeResponseSchema;
    };
    /**
     * SetQuota sets (or clears) the limit of a user or an app on one volume.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.SetQuota
     */
    setQuota: {
        methodKind: "unary";
        input: typeof SetQuotaRequestSchema;
        output: typeof SetQuotaResponseSchema;
    };
    /**
     * ImportFile records an object already on a read-only (plain HTTP) volume as a file of a
     * user or an app: the service reads it once for its size and SHA-256 and counts it on the
     * quotas. Purging the file later leaves the object where it is.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.ImportFile
     */
    importFile: {
        methodKind: "unary";
        input: typeof ImportFileRequestSchema;
        output: typeof ImportFileResponseSchema;
    };
    /**
     * GetVaultAnalytics returns the vault's anonymised activity per UTC day and kind (uploads,
     * deletes, restores, purges, expiries): counts and bytes, never a user or a file.
     *
     * @generated from rpc tessera.vault.v1.StorageAdminService.GetVaultAnalytics
     */
    getVaultAnalytics: {
        methodKind: "unary";
        input: typeof GetVaultAnalyticsRequestSchema;
        output: typeof GetVaultAnalyticsResponseSchema;
    };
}>;
