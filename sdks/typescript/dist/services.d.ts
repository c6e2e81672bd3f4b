/** The identity service's APIs (`tessera.identity.v1`). */
export declare const identityServices: {
    /** ApiKeyService keeps the caller's own API keys for LLM providers (one per provider),
     * encrypted at rest. Values are write-only: listings show a masked hint. Requires a session
     * token. */
    readonly apiKey: import("@bufbuild/protobuf/codegenv2").GenService<{
        setApiKey: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").SetApiKeyRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").SetApiKeyResponseSchema;
        };
        listApiKeys: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").ListApiKeysRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").ListApiKeysResponseSchema;
        };
        deleteApiKey: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").DeleteApiKeyRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").DeleteApiKeyResponseSchema;
        };
    }>;
    /** EventService streams account lifecycle events (account deletions, session revocations) to
     * the other services, at least once, from a durable outbox. Internal: it requires a service
     * credential. */
    readonly event: import("@bufbuild/protobuf/codegenv2").GenService<{
        streamEvents: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/identity/v1/events_pb.js").StreamEventsRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/events_pb.js").StreamEventsResponseSchema;
        };
    }>;
    /** IntrospectionService resolves bearer tokens for the other Tessera services. Internal: it
     * requires a service credential (`authorization: Bearer <service token>`), not a user token.
     * Without credentials: UNAUTHENTICATED (reason SERVICE_CREDENTIAL_REQUIRED); with an unknown
     * credential: UNAUTHENTICATED (CREDENTIALS_INVALID); with a user's session: PERMISSION_DENIED
     * (SERVICE_ONLY). The same holds for every internal service of the suite. */
    readonly introspection: import("@bufbuild/protobuf/codegenv2").GenService<{
        introspectToken: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/internal_pb.js").IntrospectTokenRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/internal_pb.js").IntrospectTokenResponseSchema;
        };
    }>;
    /** AntiReplayService records one-time tokens (nonces) so that each is accepted once. Internal:
     * it requires a service credential. */
    readonly antiReplay: import("@bufbuild/protobuf/codegenv2").GenService<{
        claimToken: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/internal_pb.js").ClaimTokenRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/internal_pb.js").ClaimTokenResponseSchema;
        };
    }>;
    /** ApiKeyVaultService hands stored API keys in plaintext to the suite's services (for example
     * project-intelligence calling an LLM on a user's behalf). Internal: it requires a service
     * credential; user tokens are refused. */
    readonly apiKeyVault: import("@bufbuild/protobuf/codegenv2").GenService<{
        getApiKeyPlaintext: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/internal_pb.js").GetApiKeyPlaintextRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/internal_pb.js").GetApiKeyPlaintextResponseSchema;
        };
    }>;
    /** SecurityEventService shows the caller their account's security log: sign-ins, failed
     * attempts, lockouts, session and API key changes. Kept for a configurable period
     * (TESSERA_SECURITY_EVENT_RETENTION). Requires a session token. */
    readonly securityEvent: import("@bufbuild/protobuf/codegenv2").GenService<{
        listSecurityEvents: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/security_events_pb.js").ListSecurityEventsRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/security_events_pb.js").ListSecurityEventsResponseSchema;
        };
    }>;
    /** SessionService lists and ends the caller's own sessions. Requires a session token. */
    readonly session: import("@bufbuild/protobuf/codegenv2").GenService<{
        listSessions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").ListSessionsRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").ListSessionsResponseSchema;
        };
        revokeSession: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeSessionRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeSessionResponseSchema;
        };
        revokeOtherSessions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeOtherSessionsRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeOtherSessionsResponseSchema;
        };
        revokeAllSessions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeAllSessionsRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeAllSessionsResponseSchema;
        };
        signOut: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").SignOutRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").SignOutResponseSchema;
        };
    }>;
    /** SignInService exchanges credentials for sessions. Unauthenticated. */
    readonly signIn: import("@bufbuild/protobuf/codegenv2").GenService<{
        prelogin: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PreloginRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PreloginResponseSchema;
        };
        signInWithPassword: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").SignInWithPasswordRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").SignInWithPasswordResponseSchema;
        };
        requestMagicLink: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").RequestMagicLinkRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").RequestMagicLinkResponseSchema;
        };
        verifyMagicLink: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").VerifyMagicLinkRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").VerifyMagicLinkResponseSchema;
        };
        startDeviceAuthorization: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").StartDeviceAuthorizationRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").StartDeviceAuthorizationResponseSchema;
        };
        pollDeviceAuthorization: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PollDeviceAuthorizationRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PollDeviceAuthorizationResponseSchema;
        };
        approveDeviceAuthorization: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").ApproveDeviceAuthorizationRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").ApproveDeviceAuthorizationResponseSchema;
        };
    }>;
    /** AccountService manages the caller's own account and looks up other users' public profiles.
     * Every RPC except CreateAccount requires `authorization: Bearer <session token>`. */
    readonly account: import("@bufbuild/protobuf/codegenv2").GenService<{
        createAccount: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/users_pb.js").CreateAccountRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/users_pb.js").CreateAccountResponseSchema;
        };
        getAccount: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/users_pb.js").GetAccountRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/users_pb.js").GetAccountResponseSchema;
        };
        updateAccount: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/users_pb.js").UpdateAccountRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/users_pb.js").UpdateAccountResponseSchema;
        };
        lookupUser: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/users_pb.js").LookupUserRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/users_pb.js").LookupUserResponseSchema;
        };
        deleteAccount: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/identity/v1/users_pb.js").DeleteAccountRequestSchema;
            output: typeof import("./gen/tessera/identity/v1/users_pb.js").DeleteAccountResponseSchema;
        };
    }>;
};
/** The vault-storage service's APIs (`tessera.vault.v1`). */
export declare const vaultStorageServices: {
    /** BlobService keeps content-addressed blobs and manifests per user (project-intelligence's
     * snapshots): immutable, named by their SHA-256, deduplicated within one user only, counted
     * against that user's quota on the blob volume (TESSERA_BLOB_VOLUME). Users act for
     * themselves (`user_id` empty); Tessera services with a service credential act for the user
     * named in `user_id`. The empty blob always exists. */
    readonly blob: import("@bufbuild/protobuf/codegenv2").GenService<{
        findMissingBlobs: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingBlobsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingBlobsResponseSchema;
        };
        batchUpdateBlobs: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchUpdateBlobsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchUpdateBlobsResponseSchema;
        };
        batchReadBlobs: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchReadBlobsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchReadBlobsResponseSchema;
        };
        readBlob: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").ReadBlobRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").ReadBlobResponseSchema;
        };
        writeBlob: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteBlobRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteBlobResponseSchema;
        };
        queryWriteStatus: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").QueryWriteStatusRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").QueryWriteStatusResponseSchema;
        };
        putManifest: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").PutManifestRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").PutManifestResponseSchema;
        };
        writeManifest: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteManifestRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteManifestResponseSchema;
        };
        getManifest: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").GetManifestRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").GetManifestResponseSchema;
        };
        findMissingManifests: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingManifestsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingManifestsResponseSchema;
        };
        deleteManifest: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").DeleteManifestRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").DeleteManifestResponseSchema;
        };
    }>;
    /** FileService stores and serves files on the Storage Service's volumes. Callers are users
     * (session token: their own files in the `users` namespace) or Tessera services (service
     * credential: files whose app is the calling service, in either namespace). Others' files are
     * NOT_FOUND. Public files download without credentials.
     *
     * Uploads stream: a first message describing the file (or resuming an upload), chunks of
     * 256 KiB to 2 MiB, then the SHA-256 of the whole file, verified before anything is committed.
     * Each upload reserves its declared size against the volume's, the user's and the app's quota
     * (RESOURCE_EXHAUSTED with a QuotaFailure naming the one that is full). */
    readonly file: import("@bufbuild/protobuf/codegenv2").GenService<{
        startUpload: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").StartUploadRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").StartUploadResponseSchema;
        };
        upload: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").UploadRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").UploadResponseSchema;
        };
        queryUploadStatus: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").QueryUploadStatusRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").QueryUploadStatusResponseSchema;
        };
        cancelUpload: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").CancelUploadRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").CancelUploadResponseSchema;
        };
        download: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").DownloadRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").DownloadResponseSchema;
        };
        getFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").GetFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").GetFileResponseSchema;
        };
        listFiles: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFilesRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFilesResponseSchema;
        };
        updateFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").UpdateFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").UpdateFileResponseSchema;
        };
        deleteFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").DeleteFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").DeleteFileResponseSchema;
        };
        undeleteFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").UndeleteFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").UndeleteFileResponseSchema;
        };
        listFileVersions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFileVersionsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFileVersionsResponseSchema;
        };
    }>;
    /** StorageAdminService administers where the Storage Service keeps bytes: backends (approved
     * local directories, S3 buckets, FTP/SFTP servers, HTTP/WebDAV endpoints) with their
     * credentials, the volumes over them, and quota limits. Every RPC requires an operator
     * credential (`TESSERA_OPERATOR_CREDENTIALS`); user sessions and service credentials are
     * refused. Secrets (S3 secret keys, FTP passwords, HTTP credentials) are write-only: sealed
     * at rest, never returned or logged. */
    readonly storageAdmin: import("@bufbuild/protobuf/codegenv2").GenService<{
        createBackend: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateBackendRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateBackendResponseSchema;
        };
        listBackends: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListBackendsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListBackendsResponseSchema;
        };
        addBackendCredential: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").AddBackendCredentialRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").AddBackendCredentialResponseSchema;
        };
        deleteBackend: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").DeleteBackendRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").DeleteBackendResponseSchema;
        };
        createVolume: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateVolumeRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateVolumeResponseSchema;
        };
        getVolume: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVolumeRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVolumeResponseSchema;
        };
        listVolumes: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListVolumesRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListVolumesResponseSchema;
        };
        updateVolume: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").UpdateVolumeRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").UpdateVolumeResponseSchema;
        };
        setQuota: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").SetQuotaRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").SetQuotaResponseSchema;
        };
        importFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ImportFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ImportFileResponseSchema;
        };
        getVaultAnalytics: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVaultAnalyticsRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVaultAnalyticsResponseSchema;
        };
    }>;
    /** VaultService is a user's zero-knowledge vault (Nest): the client derives its keys from the
     * password and sends only ciphertext, wrapped keys, sizes and hashes. The server never sees a
     * name, a key or a plaintext byte: names live inside the encrypted metadata blob, whose
     * versions guard saves from several devices. Callers are users (session token); every id of
     * another user is NOT_FOUND. */
    readonly vault: import("@bufbuild/protobuf/codegenv2").GenService<{
        initVault: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").InitVaultRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").InitVaultResponseSchema;
        };
        getVault: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").GetVaultRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").GetVaultResponseSchema;
        };
        saveMetadata: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").SaveMetadataRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").SaveMetadataResponseSchema;
        };
        rewrapMasterKey: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").RewrapMasterKeyRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").RewrapMasterKeyResponseSchema;
        };
        createFolder: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFolderRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFolderResponseSchema;
        };
        moveFolder: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFolderRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFolderResponseSchema;
        };
        listFolders: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListFoldersRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListFoldersResponseSchema;
        };
        deleteFolder: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteFolderRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteFolderResponseSchema;
        };
        createFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFileResponseSchema;
        };
        uploadChunk: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").UploadChunkRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").UploadChunkResponseSchema;
        };
        finalizeFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").FinalizeFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").FinalizeFileResponseSchema;
        };
        downloadChunk: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DownloadChunkRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DownloadChunkResponseSchema;
        };
        moveFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFileResponseSchema;
        };
        deleteVaultFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteVaultFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteVaultFileResponseSchema;
        };
        listGraveyard: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListGraveyardRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListGraveyardResponseSchema;
        };
        restoreFile: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/vault/v1/vault_pb.js").RestoreFileRequestSchema;
            output: typeof import("./gen/tessera/vault/v1/vault_pb.js").RestoreFileResponseSchema;
        };
    }>;
};
/** The messaging service's APIs (`tessera.messaging.v1`). */
export declare const messagingServices: {
    /** ChatService holds conversations: direct chats between two users and group chats with an
     * owner. Callers are users (session token) and see only chats they are in: any other chat id
     * is NOT_FOUND. A group has at most 256 members. */
    readonly chat: import("@bufbuild/protobuf/codegenv2").GenService<{
        getOrCreateDirectChat: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetOrCreateDirectChatRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetOrCreateDirectChatResponseSchema;
        };
        createGroupChat: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").CreateGroupChatRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").CreateGroupChatResponseSchema;
        };
        getChat: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetChatRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetChatResponseSchema;
        };
        listChats: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatsRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatsResponseSchema;
        };
        addChatMembers: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").AddChatMembersRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").AddChatMembersResponseSchema;
        };
        removeChatMember: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").RemoveChatMemberRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").RemoveChatMemberResponseSchema;
        };
        leaveChat: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").LeaveChatRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").LeaveChatResponseSchema;
        };
        listChatDevices: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatDevicesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatDevicesResponseSchema;
        };
    }>;
    /** DeviceService enrols the caller's devices and publishes their public keys (X3DH). The server
     * keeps only public keys and signatures; private keys never leave the device. Callers are
     * users (session token), acting on their own devices only: another user's device id is
     * NOT_FOUND. A user has at most 16 devices. */
    readonly device: import("@bufbuild/protobuf/codegenv2").GenService<{
        enrollDevice: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").EnrollDeviceRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").EnrollDeviceResponseSchema;
        };
        listDevices: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ListDevicesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ListDevicesResponseSchema;
        };
        updateDevice: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UpdateDeviceRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UpdateDeviceResponseSchema;
        };
        rotateSignedPrekey: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").RotateSignedPrekeyRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").RotateSignedPrekeyResponseSchema;
        };
        reenrollDevice: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ReenrollDeviceRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ReenrollDeviceResponseSchema;
        };
        uploadPrekeys: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UploadPrekeysRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UploadPrekeysResponseSchema;
        };
        deleteDevice: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").DeleteDeviceRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").DeleteDeviceResponseSchema;
        };
    }>;
    /** KeyBundleService hands out the key bundles a sender needs to start sessions with a user. */
    readonly keyBundle: import("@bufbuild/protobuf/codegenv2").GenService<{
        claimKeyBundles: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ClaimKeyBundlesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ClaimKeyBundlesResponseSchema;
        };
    }>;
    /** GroupService holds the forum's groups and who is in them. Callers are users (session token)
     * and see only groups they are members of: any other group id is NOT_FOUND.
     *
     * Everything readable is ciphertext made with the group key, which never reaches the server:
     * each member holds a copy wrapped with their own public key, per key epoch. When someone
     * leaves (or is deleted) the remaining members must rotate the key before anyone posts again. */
    readonly group: import("@bufbuild/protobuf/codegenv2").GenService<{
        createGroup: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").CreateGroupRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").CreateGroupResponseSchema;
        };
        getGroup: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").GetGroupRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").GetGroupResponseSchema;
        };
        listGroups: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupsRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupsResponseSchema;
        };
        replaceInviteCode: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ReplaceInviteCodeRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ReplaceInviteCodeResponseSchema;
        };
        deleteGroup: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").DeleteGroupRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").DeleteGroupResponseSchema;
        };
        joinGroup: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").JoinGroupRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").JoinGroupResponseSchema;
        };
        listMembers: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListMembersRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListMembersResponseSchema;
        };
        leaveGroup: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").LeaveGroupRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").LeaveGroupResponseSchema;
        };
        removeMember: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RemoveMemberRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RemoveMemberResponseSchema;
        };
        rotateGroupKey: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RotateGroupKeyRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RotateGroupKeyResponseSchema;
        };
        listGroupKeys: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupKeysRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupKeysResponseSchema;
        };
    }>;
    /** HandshakeService relays X3DH handshakes and records the sessions they establish (metadata
     * only: ratchet keys never reach the server). Callers are users (session token). The parties
     * come from the caller and stored rows: an initiator names its own device, only the recipient
     * device's owner lists, responds to and completes a handshake, and a session links an own
     * device to a device of another member of the chat. */
    readonly handshake: import("@bufbuild/protobuf/codegenv2").GenService<{
        initiateHandshake: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").InitiateHandshakeRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").InitiateHandshakeResponseSchema;
        };
        listHandshakes: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListHandshakesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListHandshakesResponseSchema;
        };
        respondHandshake: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").RespondHandshakeRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").RespondHandshakeResponseSchema;
        };
        completeHandshake: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CompleteHandshakeRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CompleteHandshakeResponseSchema;
        };
        createSession: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CreateSessionRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CreateSessionResponseSchema;
        };
        listSessions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListSessionsRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListSessionsResponseSchema;
        };
    }>;
    /** MediaService relays encrypted media in a group's threads for 7 days. Callers are members of
     * the group (session token). The bytes are stored by vault-storage as the uploader's files
     * (charged to their quota and messaging's), never by messaging; this service keeps the record
     * and the group's quota (bytes and files), reserved before any byte moves.
     * Expired media are NOT_FOUND with ErrorInfo reason MEDIA_EXPIRED until the cleanup job removes
     * them. If vault-storage is unreachable, media calls are UNAVAILABLE and change nothing. */
    readonly media: import("@bufbuild/protobuf/codegenv2").GenService<{
        uploadMedia: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/messaging/v1/media_pb.js").UploadMediaRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/media_pb.js").UploadMediaResponseSchema;
        };
        downloadMedia: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/messaging/v1/media_pb.js").DownloadMediaRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/media_pb.js").DownloadMediaResponseSchema;
        };
        listMedia: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/media_pb.js").ListMediaRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/media_pb.js").ListMediaResponseSchema;
        };
        deleteMedia: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/media_pb.js").DeleteMediaRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/media_pb.js").DeleteMediaResponseSchema;
        };
        getGroupUsage: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/media_pb.js").GetGroupUsageRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/media_pb.js").GetGroupUsageResponseSchema;
        };
    }>;
    /** MessageService sends end-to-end encrypted messages (one envelope per recipient device) and
     * delivers them: a live stream per device, or pulls, both from the device's sequence. Callers
     * are users (session token) acting through their own devices; another user's device is
     * NOT_FOUND. */
    readonly message: import("@bufbuild/protobuf/codegenv2").GenService<{
        sendMessage: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SendMessageRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SendMessageResponseSchema;
        };
        subscribe: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SubscribeRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SubscribeResponseSchema;
        };
        pullMessages: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").PullMessagesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").PullMessagesResponseSchema;
        };
        ackMessages: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").AckMessagesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").AckMessagesResponseSchema;
        };
        markRead: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").MarkReadRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").MarkReadResponseSchema;
        };
        listReceipts: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").ListReceiptsRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").ListReceiptsResponseSchema;
        };
    }>;
    /** ThreadService holds a group's threads and their replies. Callers are members of the group
     * (session token); anything in another group is NOT_FOUND. Posts are ciphertext made with the
     * group key of the current epoch: a post naming another epoch is FAILED_PRECONDITION, and so is
     * any post while the group waits for a key rotation (ErrorInfo reason KEY_ROTATION_REQUIRED). */
    readonly thread: import("@bufbuild/protobuf/codegenv2").GenService<{
        createThread: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateThreadRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateThreadResponseSchema;
        };
        getThread: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetThreadRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetThreadResponseSchema;
        };
        listThreads: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListThreadsRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListThreadsResponseSchema;
        };
        deleteThread: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteThreadRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteThreadResponseSchema;
        };
        createReply: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateReplyRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateReplyResponseSchema;
        };
        getReply: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetReplyRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetReplyResponseSchema;
        };
        listReplies: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListRepliesRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListRepliesResponseSchema;
        };
        deleteReply: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteReplyRequestSchema;
            output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteReplyResponseSchema;
        };
    }>;
};
/** The project-intelligence service's APIs (`tessera.intelligence.v1`). */
export declare const projectIntelligenceServices: {
    /** ActionItemService holds the code-level issues found in a workspace (security, test coverage,
     * refactoring, build failures) and the runs that generate and verify a patch for one. The
     * owner starts a run, a worker (ActionRunService) does it, and the owner applies the result or
     * dismisses the item. Only the project's owner sees them. */
    readonly actionItem: import("@bufbuild/protobuf/codegenv2").GenService<{
        createActionItem: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CreateActionItemRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CreateActionItemResponseSchema;
        };
        getActionItem: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetActionItemRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetActionItemResponseSchema;
        };
        listActionItems: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListActionItemsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListActionItemsResponseSchema;
        };
        dismissActionItem: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").DismissActionItemRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").DismissActionItemResponseSchema;
        };
        startRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").StartRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").StartRunResponseSchema;
        };
        getRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetRunResponseSchema;
        };
        listRuns: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRunsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRunsResponseSchema;
        };
        applyRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ApplyRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ApplyRunResponseSchema;
        };
        listRefactoringSuggestions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRefactoringSuggestionsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRefactoringSuggestionsResponseSchema;
        };
        migrateSuggestions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").MigrateSuggestionsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").MigrateSuggestionsResponseSchema;
        };
    }>;
    /** ActionRunService is the run queue's worker side, for Tessera services with a service
     * credential. A claimed run is held under a lease: the worker extends it with HeartbeatRun and
     * ends it with CompleteRun or FailRun, naming the attempt it was given (its fencing token).
     * Once the lease has expired, or the run was requeued or ended by anyone else, those writes are
     * ABORTED and change nothing. Expired leases are requeued (or failed at max_attempts). */
    readonly actionRun: import("@bufbuild/protobuf/codegenv2").GenService<{
        claimRuns: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ClaimRunsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ClaimRunsResponseSchema;
        };
        heartbeatRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").HeartbeatRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").HeartbeatRunResponseSchema;
        };
        completeRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CompleteRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CompleteRunResponseSchema;
        };
        failRun: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").FailRunRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").FailRunResponseSchema;
        };
    }>;
    /** ActivityService reads a project's activity log, written in the transaction of each change
     * (project.created, workspace.created, snapshot.pushed, drift.reported, merge.completed, ...). */
    readonly activity: import("@bufbuild/protobuf/codegenv2").GenService<{
        listActivity: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListActivityRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListActivityResponseSchema;
        };
    }>;
    /** ConversationService holds a workspace's conversations (titles only: their messages are not
     * kept by this service). Only the project's owner sees them. */
    readonly conversation: import("@bufbuild/protobuf/codegenv2").GenService<{
        createConversation: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").CreateConversationRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").CreateConversationResponseSchema;
        };
        getConversation: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").GetConversationRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").GetConversationResponseSchema;
        };
        listConversations: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListConversationsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListConversationsResponseSchema;
        };
        updateConversation: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").UpdateConversationRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").UpdateConversationResponseSchema;
        };
        deleteConversation: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").DeleteConversationRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").DeleteConversationResponseSchema;
        };
    }>;
    /** AtlasService is a project's knowledge graph: concepts (systems, modules, code files,
     * narratives, capabilities) and typed edges between them, derived from snapshots or written by
     * the owner, with decision links and diagrams. Only the project's owner sees it. */
    readonly atlas: import("@bufbuild/protobuf/codegenv2").GenService<{
        buildFromSnapshot: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").BuildFromSnapshotRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").BuildFromSnapshotResponseSchema;
        };
        upsertConcept: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertConceptRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertConceptResponseSchema;
        };
        getConcept: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetConceptRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetConceptResponseSchema;
        };
        listConcepts: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListConceptsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListConceptsResponseSchema;
        };
        deleteConcept: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteConceptRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteConceptResponseSchema;
        };
        createEdge: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateEdgeRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateEdgeResponseSchema;
        };
        deleteEdge: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteEdgeRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteEdgeResponseSchema;
        };
        getNeighborhood: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetNeighborhoodRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetNeighborhoodResponseSchema;
        };
        findPaths: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").FindPathsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").FindPathsResponseSchema;
        };
        linkDecision: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").LinkDecisionRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").LinkDecisionResponseSchema;
        };
        unlinkDecision: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UnlinkDecisionRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UnlinkDecisionResponseSchema;
        };
        listDecisionLinks: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDecisionLinksRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDecisionLinksResponseSchema;
        };
        createDiagram: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateDiagramRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateDiagramResponseSchema;
        };
        getDiagram: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetDiagramRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetDiagramResponseSchema;
        };
        listDiagrams: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDiagramsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDiagramsResponseSchema;
        };
        deleteDiagram: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteDiagramRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteDiagramResponseSchema;
        };
    }>;
    /** AtlasSearchService holds a project's text chunks (code, decisions, conversations) with
     * their embeddings, and searches them by meaning and by words at once. */
    readonly atlasSearch: import("@bufbuild/protobuf/codegenv2").GenService<{
        upsertChunks: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertChunksRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertChunksResponseSchema;
        };
        deleteChunk: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteChunkRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteChunkResponseSchema;
        };
        search: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").SearchRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").SearchResponseSchema;
        };
    }>;
    /** DriftService compares a workspace's tree (its current snapshot) with another tree, and
     * merges one into the other. Comparisons run on the server over the stored manifests. Only
     * the project's owner may use them. */
    readonly drift: import("@bufbuild/protobuf/codegenv2").GenService<{
        computeDrift: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ComputeDriftRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ComputeDriftResponseSchema;
        };
        getDriftReport: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetDriftReportRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetDriftReportResponseSchema;
        };
        listDriftReports: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ListDriftReportsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ListDriftReportsResponseSchema;
        };
        createSyncPreview: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").CreateSyncPreviewRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").CreateSyncPreviewResponseSchema;
        };
        getSyncPreview: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetSyncPreviewRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetSyncPreviewResponseSchema;
        };
        applySync: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ApplySyncRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ApplySyncResponseSchema;
        };
    }>;
    /** EnvVarService keeps a project's environment variables. Secret values are sealed at rest
     * (AES-256-GCM under TESSERA_KEY_RING, bound to the project and key) and write-only: lists
     * mask them; only RevealEnvVar (the owner) and EnvVarExportService (deployers) return them. */
    readonly envVar: import("@bufbuild/protobuf/codegenv2").GenService<{
        setEnvVar: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").SetEnvVarRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").SetEnvVarResponseSchema;
        };
        listEnvVars: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ListEnvVarsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ListEnvVarsResponseSchema;
        };
        revealEnvVar: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").RevealEnvVarRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").RevealEnvVarResponseSchema;
        };
        deleteEnvVar: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").DeleteEnvVarRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").DeleteEnvVarResponseSchema;
        };
    }>;
    /** EnvVarExportService is internal: Tessera services holding a service credential (deployers)
     * read a project's variables in plaintext, for the user they name. */
    readonly envVarExport: import("@bufbuild/protobuf/codegenv2").GenService<{
        exportEnvVars: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ExportEnvVarsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ExportEnvVarsResponseSchema;
        };
    }>;
    /** NextStepService holds a project's product guidance: suggestions of what to do next, written
     * by the owner's client (which may have an LLM generate them), moved through their statuses
     * and rated. Only the project's owner sees them. */
    readonly nextStep: import("@bufbuild/protobuf/codegenv2").GenService<{
        createNextStep: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateNextStepRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateNextStepResponseSchema;
        };
        getNextStep: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetNextStepRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetNextStepResponseSchema;
        };
        listNextSteps: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListNextStepsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListNextStepsResponseSchema;
        };
        setNextStepStatus: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").SetNextStepStatusRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").SetNextStepStatusResponseSchema;
        };
        rateNextStep: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").RateNextStepRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").RateNextStepResponseSchema;
        };
    }>;
    /** DecisionService holds the decisions taken in a project (extracted from its conversations).
     * A project states each decision once: a duplicate is ALREADY_EXISTS. */
    readonly decision: import("@bufbuild/protobuf/codegenv2").GenService<{
        createDecision: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateDecisionRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateDecisionResponseSchema;
        };
        getDecision: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetDecisionRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetDecisionResponseSchema;
        };
        listDecisions: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListDecisionsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListDecisionsResponseSchema;
        };
        deleteDecision: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").DeleteDecisionRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").DeleteDecisionResponseSchema;
        };
    }>;
    /** InfrastructureService holds a user's provider credentials and their projects' provisioned
     * resources. Tokens are write-only: no RPC returns them. A resource's connection details are
     * sealed and shown only by RevealConnectionInfo. */
    readonly infrastructure: import("@bufbuild/protobuf/codegenv2").GenService<{
        setProviderCredential: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetProviderCredentialRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetProviderCredentialResponseSchema;
        };
        listProviderCredentials: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListProviderCredentialsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListProviderCredentialsResponseSchema;
        };
        deleteProviderCredential: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").DeleteProviderCredentialRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").DeleteProviderCredentialResponseSchema;
        };
        createResource: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").CreateResourceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").CreateResourceResponseSchema;
        };
        getResource: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetResourceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetResourceResponseSchema;
        };
        listResources: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListResourcesRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListResourcesResponseSchema;
        };
        setResourceStatus: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetResourceStatusRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetResourceStatusResponseSchema;
        };
        revealConnectionInfo: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").RevealConnectionInfoRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").RevealConnectionInfoResponseSchema;
        };
    }>;
    /** DeploymentService holds each workspace's deployment settings and its deployments. */
    readonly deployment: import("@bufbuild/protobuf/codegenv2").GenService<{
        getDeploymentSettings: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentSettingsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentSettingsResponseSchema;
        };
        putDeploymentSettings: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").PutDeploymentSettingsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").PutDeploymentSettingsResponseSchema;
        };
        startDeployment: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").StartDeploymentRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").StartDeploymentResponseSchema;
        };
        finishDeployment: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").FinishDeploymentRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").FinishDeploymentResponseSchema;
        };
        getDeployment: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentResponseSchema;
        };
        listDeployments: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListDeploymentsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListDeploymentsResponseSchema;
        };
    }>;
    /** ProjectService holds a user's projects. Callers are users (session token) and see only
     * their own projects: any other project id is NOT_FOUND, as is everything under it. */
    readonly project: import("@bufbuild/protobuf/codegenv2").GenService<{
        createProject: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").CreateProjectRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").CreateProjectResponseSchema;
        };
        getProject: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").GetProjectRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").GetProjectResponseSchema;
        };
        listProjects: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").ListProjectsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").ListProjectsResponseSchema;
        };
        updateProject: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").UpdateProjectRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").UpdateProjectResponseSchema;
        };
        deleteProject: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").DeleteProjectRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").DeleteProjectResponseSchema;
        };
    }>;
    /** SnapshotService holds a project's snapshots: immutable captures of a workspace's file tree,
     * forming a DAG through their parents. The tree is a manifest (canonical JSON, RFC 8785, of
     * {"entries":[{"kind","path","sha256","size"}...],"version":1}, sorted by path bytes), stored
     * with the file blobs in vault-storage for the project's owner. Only the owner sees them. */
    readonly snapshot: import("@bufbuild/protobuf/codegenv2").GenService<{
        createSnapshot: {
            methodKind: "client_streaming";
            input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").CreateSnapshotRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").CreateSnapshotResponseSchema;
        };
        getSnapshot: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetSnapshotRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetSnapshotResponseSchema;
        };
        listSnapshots: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").ListSnapshotsRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").ListSnapshotsResponseSchema;
        };
        getManifest: {
            methodKind: "server_streaming";
            input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetManifestRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetManifestResponseSchema;
        };
        setSnapshotSummary: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").SetSnapshotSummaryRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").SetSnapshotSummaryResponseSchema;
        };
    }>;
    /** WorkspaceService holds a project's workspaces: working copies of it on machines. Only the
     * project's owner sees them (else NOT_FOUND). Updates are optimistic: each names the
     * `version` it read; another version is ABORTED (nothing changes), success adds 1. */
    readonly workspace: import("@bufbuild/protobuf/codegenv2").GenService<{
        createWorkspace: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").CreateWorkspaceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").CreateWorkspaceResponseSchema;
        };
        getWorkspace: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").GetWorkspaceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").GetWorkspaceResponseSchema;
        };
        listWorkspaces: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").ListWorkspacesRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").ListWorkspacesResponseSchema;
        };
        updateWorkspace: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").UpdateWorkspaceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").UpdateWorkspaceResponseSchema;
        };
        heartbeat: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").HeartbeatRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").HeartbeatResponseSchema;
        };
        deleteWorkspace: {
            methodKind: "unary";
            input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").DeleteWorkspaceRequestSchema;
            output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").DeleteWorkspaceResponseSchema;
        };
    }>;
};
/** Every service, by binary. */
export declare const services: {
    readonly identity: {
        /** ApiKeyService keeps the caller's own API keys for LLM providers (one per provider),
         * encrypted at rest. Values are write-only: listings show a masked hint. Requires a session
         * token. */
        readonly apiKey: import("@bufbuild/protobuf/codegenv2").GenService<{
            setApiKey: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").SetApiKeyRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").SetApiKeyResponseSchema;
            };
            listApiKeys: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").ListApiKeysRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").ListApiKeysResponseSchema;
            };
            deleteApiKey: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").DeleteApiKeyRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/api_keys_pb.js").DeleteApiKeyResponseSchema;
            };
        }>;
        /** EventService streams account lifecycle events (account deletions, session revocations) to
         * the other services, at least once, from a durable outbox. Internal: it requires a service
         * credential. */
        readonly event: import("@bufbuild/protobuf/codegenv2").GenService<{
            streamEvents: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/identity/v1/events_pb.js").StreamEventsRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/events_pb.js").StreamEventsResponseSchema;
            };
        }>;
        /** IntrospectionService resolves bearer tokens for the other Tessera services. Internal: it
         * requires a service credential (`authorization: Bearer <service token>`), not a user token.
         * Without credentials: UNAUTHENTICATED (reason SERVICE_CREDENTIAL_REQUIRED); with an unknown
         * credential: UNAUTHENTICATED (CREDENTIALS_INVALID); with a user's session: PERMISSION_DENIED
         * (SERVICE_ONLY). The same holds for every internal service of the suite. */
        readonly introspection: import("@bufbuild/protobuf/codegenv2").GenService<{
            introspectToken: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/internal_pb.js").IntrospectTokenRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/internal_pb.js").IntrospectTokenResponseSchema;
            };
        }>;
        /** AntiReplayService records one-time tokens (nonces) so that each is accepted once. Internal:
         * it requires a service credential. */
        readonly antiReplay: import("@bufbuild/protobuf/codegenv2").GenService<{
            claimToken: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/internal_pb.js").ClaimTokenRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/internal_pb.js").ClaimTokenResponseSchema;
            };
        }>;
        /** ApiKeyVaultService hands stored API keys in plaintext to the suite's services (for example
         * project-intelligence calling an LLM on a user's behalf). Internal: it requires a service
         * credential; user tokens are refused. */
        readonly apiKeyVault: import("@bufbuild/protobuf/codegenv2").GenService<{
            getApiKeyPlaintext: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/internal_pb.js").GetApiKeyPlaintextRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/internal_pb.js").GetApiKeyPlaintextResponseSchema;
            };
        }>;
        /** SecurityEventService shows the caller their account's security log: sign-ins, failed
         * attempts, lockouts, session and API key changes. Kept for a configurable period
         * (TESSERA_SECURITY_EVENT_RETENTION). Requires a session token. */
        readonly securityEvent: import("@bufbuild/protobuf/codegenv2").GenService<{
            listSecurityEvents: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/security_events_pb.js").ListSecurityEventsRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/security_events_pb.js").ListSecurityEventsResponseSchema;
            };
        }>;
        /** SessionService lists and ends the caller's own sessions. Requires a session token. */
        readonly session: import("@bufbuild/protobuf/codegenv2").GenService<{
            listSessions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").ListSessionsRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").ListSessionsResponseSchema;
            };
            revokeSession: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeSessionRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeSessionResponseSchema;
            };
            revokeOtherSessions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeOtherSessionsRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeOtherSessionsResponseSchema;
            };
            revokeAllSessions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeAllSessionsRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").RevokeAllSessionsResponseSchema;
            };
            signOut: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sessions_pb.js").SignOutRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sessions_pb.js").SignOutResponseSchema;
            };
        }>;
        /** SignInService exchanges credentials for sessions. Unauthenticated. */
        readonly signIn: import("@bufbuild/protobuf/codegenv2").GenService<{
            prelogin: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PreloginRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PreloginResponseSchema;
            };
            signInWithPassword: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").SignInWithPasswordRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").SignInWithPasswordResponseSchema;
            };
            requestMagicLink: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").RequestMagicLinkRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").RequestMagicLinkResponseSchema;
            };
            verifyMagicLink: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").VerifyMagicLinkRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").VerifyMagicLinkResponseSchema;
            };
            startDeviceAuthorization: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").StartDeviceAuthorizationRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").StartDeviceAuthorizationResponseSchema;
            };
            pollDeviceAuthorization: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PollDeviceAuthorizationRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").PollDeviceAuthorizationResponseSchema;
            };
            approveDeviceAuthorization: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").ApproveDeviceAuthorizationRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/sign_in_pb.js").ApproveDeviceAuthorizationResponseSchema;
            };
        }>;
        /** AccountService manages the caller's own account and looks up other users' public profiles.
         * Every RPC except CreateAccount requires `authorization: Bearer <session token>`. */
        readonly account: import("@bufbuild/protobuf/codegenv2").GenService<{
            createAccount: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/users_pb.js").CreateAccountRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/users_pb.js").CreateAccountResponseSchema;
            };
            getAccount: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/users_pb.js").GetAccountRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/users_pb.js").GetAccountResponseSchema;
            };
            updateAccount: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/users_pb.js").UpdateAccountRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/users_pb.js").UpdateAccountResponseSchema;
            };
            lookupUser: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/users_pb.js").LookupUserRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/users_pb.js").LookupUserResponseSchema;
            };
            deleteAccount: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/identity/v1/users_pb.js").DeleteAccountRequestSchema;
                output: typeof import("./gen/tessera/identity/v1/users_pb.js").DeleteAccountResponseSchema;
            };
        }>;
    };
    readonly vaultStorage: {
        /** BlobService keeps content-addressed blobs and manifests per user (project-intelligence's
         * snapshots): immutable, named by their SHA-256, deduplicated within one user only, counted
         * against that user's quota on the blob volume (TESSERA_BLOB_VOLUME). Users act for
         * themselves (`user_id` empty); Tessera services with a service credential act for the user
         * named in `user_id`. The empty blob always exists. */
        readonly blob: import("@bufbuild/protobuf/codegenv2").GenService<{
            findMissingBlobs: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingBlobsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingBlobsResponseSchema;
            };
            batchUpdateBlobs: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchUpdateBlobsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchUpdateBlobsResponseSchema;
            };
            batchReadBlobs: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchReadBlobsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").BatchReadBlobsResponseSchema;
            };
            readBlob: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").ReadBlobRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").ReadBlobResponseSchema;
            };
            writeBlob: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteBlobRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteBlobResponseSchema;
            };
            queryWriteStatus: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").QueryWriteStatusRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").QueryWriteStatusResponseSchema;
            };
            putManifest: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").PutManifestRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").PutManifestResponseSchema;
            };
            writeManifest: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteManifestRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").WriteManifestResponseSchema;
            };
            getManifest: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").GetManifestRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").GetManifestResponseSchema;
            };
            findMissingManifests: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingManifestsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").FindMissingManifestsResponseSchema;
            };
            deleteManifest: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/blobs_pb.js").DeleteManifestRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/blobs_pb.js").DeleteManifestResponseSchema;
            };
        }>;
        /** FileService stores and serves files on the Storage Service's volumes. Callers are users
         * (session token: their own files in the `users` namespace) or Tessera services (service
         * credential: files whose app is the calling service, in either namespace). Others' files are
         * NOT_FOUND. Public files download without credentials.
         *
         * Uploads stream: a first message describing the file (or resuming an upload), chunks of
         * 256 KiB to 2 MiB, then the SHA-256 of the whole file, verified before anything is committed.
         * Each upload reserves its declared size against the volume's, the user's and the app's quota
         * (RESOURCE_EXHAUSTED with a QuotaFailure naming the one that is full). */
        readonly file: import("@bufbuild/protobuf/codegenv2").GenService<{
            startUpload: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").StartUploadRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").StartUploadResponseSchema;
            };
            upload: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").UploadRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").UploadResponseSchema;
            };
            queryUploadStatus: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").QueryUploadStatusRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").QueryUploadStatusResponseSchema;
            };
            cancelUpload: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").CancelUploadRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").CancelUploadResponseSchema;
            };
            download: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").DownloadRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").DownloadResponseSchema;
            };
            getFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").GetFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").GetFileResponseSchema;
            };
            listFiles: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFilesRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFilesResponseSchema;
            };
            updateFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").UpdateFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").UpdateFileResponseSchema;
            };
            deleteFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").DeleteFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").DeleteFileResponseSchema;
            };
            undeleteFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").UndeleteFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").UndeleteFileResponseSchema;
            };
            listFileVersions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFileVersionsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/files_pb.js").ListFileVersionsResponseSchema;
            };
        }>;
        /** StorageAdminService administers where the Storage Service keeps bytes: backends (approved
         * local directories, S3 buckets, FTP/SFTP servers, HTTP/WebDAV endpoints) with their
         * credentials, the volumes over them, and quota limits. Every RPC requires an operator
         * credential (`TESSERA_OPERATOR_CREDENTIALS`); user sessions and service credentials are
         * refused. Secrets (S3 secret keys, FTP passwords, HTTP credentials) are write-only: sealed
         * at rest, never returned or logged. */
        readonly storageAdmin: import("@bufbuild/protobuf/codegenv2").GenService<{
            createBackend: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateBackendRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateBackendResponseSchema;
            };
            listBackends: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListBackendsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListBackendsResponseSchema;
            };
            addBackendCredential: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").AddBackendCredentialRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").AddBackendCredentialResponseSchema;
            };
            deleteBackend: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").DeleteBackendRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").DeleteBackendResponseSchema;
            };
            createVolume: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateVolumeRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").CreateVolumeResponseSchema;
            };
            getVolume: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVolumeRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVolumeResponseSchema;
            };
            listVolumes: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListVolumesRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ListVolumesResponseSchema;
            };
            updateVolume: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").UpdateVolumeRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").UpdateVolumeResponseSchema;
            };
            setQuota: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").SetQuotaRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").SetQuotaResponseSchema;
            };
            importFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ImportFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").ImportFileResponseSchema;
            };
            getVaultAnalytics: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVaultAnalyticsRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/storage_admin_pb.js").GetVaultAnalyticsResponseSchema;
            };
        }>;
        /** VaultService is a user's zero-knowledge vault (Nest): the client derives its keys from the
         * password and sends only ciphertext, wrapped keys, sizes and hashes. The server never sees a
         * name, a key or a plaintext byte: names live inside the encrypted metadata blob, whose
         * versions guard saves from several devices. Callers are users (session token); every id of
         * another user is NOT_FOUND. */
        readonly vault: import("@bufbuild/protobuf/codegenv2").GenService<{
            initVault: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").InitVaultRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").InitVaultResponseSchema;
            };
            getVault: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").GetVaultRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").GetVaultResponseSchema;
            };
            saveMetadata: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").SaveMetadataRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").SaveMetadataResponseSchema;
            };
            rewrapMasterKey: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").RewrapMasterKeyRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").RewrapMasterKeyResponseSchema;
            };
            createFolder: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFolderRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFolderResponseSchema;
            };
            moveFolder: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFolderRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFolderResponseSchema;
            };
            listFolders: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListFoldersRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListFoldersResponseSchema;
            };
            deleteFolder: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteFolderRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteFolderResponseSchema;
            };
            createFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").CreateFileResponseSchema;
            };
            uploadChunk: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").UploadChunkRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").UploadChunkResponseSchema;
            };
            finalizeFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").FinalizeFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").FinalizeFileResponseSchema;
            };
            downloadChunk: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DownloadChunkRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DownloadChunkResponseSchema;
            };
            moveFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").MoveFileResponseSchema;
            };
            deleteVaultFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteVaultFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").DeleteVaultFileResponseSchema;
            };
            listGraveyard: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListGraveyardRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").ListGraveyardResponseSchema;
            };
            restoreFile: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/vault/v1/vault_pb.js").RestoreFileRequestSchema;
                output: typeof import("./gen/tessera/vault/v1/vault_pb.js").RestoreFileResponseSchema;
            };
        }>;
    };
    readonly messaging: {
        /** ChatService holds conversations: direct chats between two users and group chats with an
         * owner. Callers are users (session token) and see only chats they are in: any other chat id
         * is NOT_FOUND. A group has at most 256 members. */
        readonly chat: import("@bufbuild/protobuf/codegenv2").GenService<{
            getOrCreateDirectChat: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetOrCreateDirectChatRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetOrCreateDirectChatResponseSchema;
            };
            createGroupChat: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").CreateGroupChatRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").CreateGroupChatResponseSchema;
            };
            getChat: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetChatRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").GetChatResponseSchema;
            };
            listChats: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatsRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatsResponseSchema;
            };
            addChatMembers: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").AddChatMembersRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").AddChatMembersResponseSchema;
            };
            removeChatMember: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").RemoveChatMemberRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").RemoveChatMemberResponseSchema;
            };
            leaveChat: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").LeaveChatRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").LeaveChatResponseSchema;
            };
            listChatDevices: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatDevicesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/chats_pb.js").ListChatDevicesResponseSchema;
            };
        }>;
        /** DeviceService enrols the caller's devices and publishes their public keys (X3DH). The server
         * keeps only public keys and signatures; private keys never leave the device. Callers are
         * users (session token), acting on their own devices only: another user's device id is
         * NOT_FOUND. A user has at most 16 devices. */
        readonly device: import("@bufbuild/protobuf/codegenv2").GenService<{
            enrollDevice: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").EnrollDeviceRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").EnrollDeviceResponseSchema;
            };
            listDevices: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ListDevicesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ListDevicesResponseSchema;
            };
            updateDevice: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UpdateDeviceRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UpdateDeviceResponseSchema;
            };
            rotateSignedPrekey: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").RotateSignedPrekeyRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").RotateSignedPrekeyResponseSchema;
            };
            reenrollDevice: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ReenrollDeviceRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ReenrollDeviceResponseSchema;
            };
            uploadPrekeys: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UploadPrekeysRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").UploadPrekeysResponseSchema;
            };
            deleteDevice: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").DeleteDeviceRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").DeleteDeviceResponseSchema;
            };
        }>;
        /** KeyBundleService hands out the key bundles a sender needs to start sessions with a user. */
        readonly keyBundle: import("@bufbuild/protobuf/codegenv2").GenService<{
            claimKeyBundles: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ClaimKeyBundlesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/devices_pb.js").ClaimKeyBundlesResponseSchema;
            };
        }>;
        /** GroupService holds the forum's groups and who is in them. Callers are users (session token)
         * and see only groups they are members of: any other group id is NOT_FOUND.
         *
         * Everything readable is ciphertext made with the group key, which never reaches the server:
         * each member holds a copy wrapped with their own public key, per key epoch. When someone
         * leaves (or is deleted) the remaining members must rotate the key before anyone posts again. */
        readonly group: import("@bufbuild/protobuf/codegenv2").GenService<{
            createGroup: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").CreateGroupRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").CreateGroupResponseSchema;
            };
            getGroup: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").GetGroupRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").GetGroupResponseSchema;
            };
            listGroups: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupsRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupsResponseSchema;
            };
            replaceInviteCode: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ReplaceInviteCodeRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ReplaceInviteCodeResponseSchema;
            };
            deleteGroup: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").DeleteGroupRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").DeleteGroupResponseSchema;
            };
            joinGroup: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").JoinGroupRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").JoinGroupResponseSchema;
            };
            listMembers: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListMembersRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListMembersResponseSchema;
            };
            leaveGroup: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").LeaveGroupRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").LeaveGroupResponseSchema;
            };
            removeMember: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RemoveMemberRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RemoveMemberResponseSchema;
            };
            rotateGroupKey: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RotateGroupKeyRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").RotateGroupKeyResponseSchema;
            };
            listGroupKeys: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupKeysRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/groups_pb.js").ListGroupKeysResponseSchema;
            };
        }>;
        /** HandshakeService relays X3DH handshakes and records the sessions they establish (metadata
         * only: ratchet keys never reach the server). Callers are users (session token). The parties
         * come from the caller and stored rows: an initiator names its own device, only the recipient
         * device's owner lists, responds to and completes a handshake, and a session links an own
         * device to a device of another member of the chat. */
        readonly handshake: import("@bufbuild/protobuf/codegenv2").GenService<{
            initiateHandshake: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").InitiateHandshakeRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").InitiateHandshakeResponseSchema;
            };
            listHandshakes: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListHandshakesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListHandshakesResponseSchema;
            };
            respondHandshake: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").RespondHandshakeRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").RespondHandshakeResponseSchema;
            };
            completeHandshake: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CompleteHandshakeRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CompleteHandshakeResponseSchema;
            };
            createSession: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CreateSessionRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").CreateSessionResponseSchema;
            };
            listSessions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListSessionsRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/handshakes_pb.js").ListSessionsResponseSchema;
            };
        }>;
        /** MediaService relays encrypted media in a group's threads for 7 days. Callers are members of
         * the group (session token). The bytes are stored by vault-storage as the uploader's files
         * (charged to their quota and messaging's), never by messaging; this service keeps the record
         * and the group's quota (bytes and files), reserved before any byte moves.
         * Expired media are NOT_FOUND with ErrorInfo reason MEDIA_EXPIRED until the cleanup job removes
         * them. If vault-storage is unreachable, media calls are UNAVAILABLE and change nothing. */
        readonly media: import("@bufbuild/protobuf/codegenv2").GenService<{
            uploadMedia: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/messaging/v1/media_pb.js").UploadMediaRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/media_pb.js").UploadMediaResponseSchema;
            };
            downloadMedia: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/messaging/v1/media_pb.js").DownloadMediaRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/media_pb.js").DownloadMediaResponseSchema;
            };
            listMedia: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/media_pb.js").ListMediaRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/media_pb.js").ListMediaResponseSchema;
            };
            deleteMedia: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/media_pb.js").DeleteMediaRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/media_pb.js").DeleteMediaResponseSchema;
            };
            getGroupUsage: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/media_pb.js").GetGroupUsageRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/media_pb.js").GetGroupUsageResponseSchema;
            };
        }>;
        /** MessageService sends end-to-end encrypted messages (one envelope per recipient device) and
         * delivers them: a live stream per device, or pulls, both from the device's sequence. Callers
         * are users (session token) acting through their own devices; another user's device is
         * NOT_FOUND. */
        readonly message: import("@bufbuild/protobuf/codegenv2").GenService<{
            sendMessage: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SendMessageRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SendMessageResponseSchema;
            };
            subscribe: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SubscribeRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").SubscribeResponseSchema;
            };
            pullMessages: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").PullMessagesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").PullMessagesResponseSchema;
            };
            ackMessages: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").AckMessagesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").AckMessagesResponseSchema;
            };
            markRead: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").MarkReadRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").MarkReadResponseSchema;
            };
            listReceipts: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/messages_pb.js").ListReceiptsRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/messages_pb.js").ListReceiptsResponseSchema;
            };
        }>;
        /** ThreadService holds a group's threads and their replies. Callers are members of the group
         * (session token); anything in another group is NOT_FOUND. Posts are ciphertext made with the
         * group key of the current epoch: a post naming another epoch is FAILED_PRECONDITION, and so is
         * any post while the group waits for a key rotation (ErrorInfo reason KEY_ROTATION_REQUIRED). */
        readonly thread: import("@bufbuild/protobuf/codegenv2").GenService<{
            createThread: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateThreadRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateThreadResponseSchema;
            };
            getThread: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetThreadRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetThreadResponseSchema;
            };
            listThreads: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListThreadsRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListThreadsResponseSchema;
            };
            deleteThread: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteThreadRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteThreadResponseSchema;
            };
            createReply: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateReplyRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").CreateReplyResponseSchema;
            };
            getReply: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetReplyRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").GetReplyResponseSchema;
            };
            listReplies: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListRepliesRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").ListRepliesResponseSchema;
            };
            deleteReply: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteReplyRequestSchema;
                output: typeof import("./gen/tessera/messaging/v1/threads_pb.js").DeleteReplyResponseSchema;
            };
        }>;
    };
    readonly projectIntelligence: {
        /** ActionItemService holds the code-level issues found in a workspace (security, test coverage,
         * refactoring, build failures) and the runs that generate and verify a patch for one. The
         * owner starts a run, a worker (ActionRunService) does it, and the owner applies the result or
         * dismisses the item. Only the project's owner sees them. */
        readonly actionItem: import("@bufbuild/protobuf/codegenv2").GenService<{
            createActionItem: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CreateActionItemRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CreateActionItemResponseSchema;
            };
            getActionItem: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetActionItemRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetActionItemResponseSchema;
            };
            listActionItems: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListActionItemsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListActionItemsResponseSchema;
            };
            dismissActionItem: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").DismissActionItemRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").DismissActionItemResponseSchema;
            };
            startRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").StartRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").StartRunResponseSchema;
            };
            getRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").GetRunResponseSchema;
            };
            listRuns: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRunsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRunsResponseSchema;
            };
            applyRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ApplyRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ApplyRunResponseSchema;
            };
            listRefactoringSuggestions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRefactoringSuggestionsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ListRefactoringSuggestionsResponseSchema;
            };
            migrateSuggestions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").MigrateSuggestionsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").MigrateSuggestionsResponseSchema;
            };
        }>;
        /** ActionRunService is the run queue's worker side, for Tessera services with a service
         * credential. A claimed run is held under a lease: the worker extends it with HeartbeatRun and
         * ends it with CompleteRun or FailRun, naming the attempt it was given (its fencing token).
         * Once the lease has expired, or the run was requeued or ended by anyone else, those writes are
         * ABORTED and change nothing. Expired leases are requeued (or failed at max_attempts). */
        readonly actionRun: import("@bufbuild/protobuf/codegenv2").GenService<{
            claimRuns: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ClaimRunsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").ClaimRunsResponseSchema;
            };
            heartbeatRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").HeartbeatRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").HeartbeatRunResponseSchema;
            };
            completeRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CompleteRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").CompleteRunResponseSchema;
            };
            failRun: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").FailRunRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/action_items_pb.js").FailRunResponseSchema;
            };
        }>;
        /** ActivityService reads a project's activity log, written in the transaction of each change
         * (project.created, workspace.created, snapshot.pushed, drift.reported, merge.completed, ...). */
        readonly activity: import("@bufbuild/protobuf/codegenv2").GenService<{
            listActivity: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListActivityRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListActivityResponseSchema;
            };
        }>;
        /** ConversationService holds a workspace's conversations (titles only: their messages are not
         * kept by this service). Only the project's owner sees them. */
        readonly conversation: import("@bufbuild/protobuf/codegenv2").GenService<{
            createConversation: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").CreateConversationRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").CreateConversationResponseSchema;
            };
            getConversation: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").GetConversationRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").GetConversationResponseSchema;
            };
            listConversations: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListConversationsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").ListConversationsResponseSchema;
            };
            updateConversation: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").UpdateConversationRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").UpdateConversationResponseSchema;
            };
            deleteConversation: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").DeleteConversationRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/activity_pb.js").DeleteConversationResponseSchema;
            };
        }>;
        /** AtlasService is a project's knowledge graph: concepts (systems, modules, code files,
         * narratives, capabilities) and typed edges between them, derived from snapshots or written by
         * the owner, with decision links and diagrams. Only the project's owner sees it. */
        readonly atlas: import("@bufbuild/protobuf/codegenv2").GenService<{
            buildFromSnapshot: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").BuildFromSnapshotRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").BuildFromSnapshotResponseSchema;
            };
            upsertConcept: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertConceptRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertConceptResponseSchema;
            };
            getConcept: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetConceptRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetConceptResponseSchema;
            };
            listConcepts: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListConceptsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListConceptsResponseSchema;
            };
            deleteConcept: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteConceptRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteConceptResponseSchema;
            };
            createEdge: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateEdgeRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateEdgeResponseSchema;
            };
            deleteEdge: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteEdgeRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteEdgeResponseSchema;
            };
            getNeighborhood: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetNeighborhoodRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetNeighborhoodResponseSchema;
            };
            findPaths: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").FindPathsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").FindPathsResponseSchema;
            };
            linkDecision: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").LinkDecisionRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").LinkDecisionResponseSchema;
            };
            unlinkDecision: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UnlinkDecisionRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UnlinkDecisionResponseSchema;
            };
            listDecisionLinks: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDecisionLinksRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDecisionLinksResponseSchema;
            };
            createDiagram: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateDiagramRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").CreateDiagramResponseSchema;
            };
            getDiagram: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetDiagramRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").GetDiagramResponseSchema;
            };
            listDiagrams: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDiagramsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").ListDiagramsResponseSchema;
            };
            deleteDiagram: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteDiagramRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteDiagramResponseSchema;
            };
        }>;
        /** AtlasSearchService holds a project's text chunks (code, decisions, conversations) with
         * their embeddings, and searches them by meaning and by words at once. */
        readonly atlasSearch: import("@bufbuild/protobuf/codegenv2").GenService<{
            upsertChunks: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertChunksRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").UpsertChunksResponseSchema;
            };
            deleteChunk: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteChunkRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").DeleteChunkResponseSchema;
            };
            search: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").SearchRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/atlas_pb.js").SearchResponseSchema;
            };
        }>;
        /** DriftService compares a workspace's tree (its current snapshot) with another tree, and
         * merges one into the other. Comparisons run on the server over the stored manifests. Only
         * the project's owner may use them. */
        readonly drift: import("@bufbuild/protobuf/codegenv2").GenService<{
            computeDrift: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ComputeDriftRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ComputeDriftResponseSchema;
            };
            getDriftReport: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetDriftReportRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetDriftReportResponseSchema;
            };
            listDriftReports: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ListDriftReportsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ListDriftReportsResponseSchema;
            };
            createSyncPreview: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").CreateSyncPreviewRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").CreateSyncPreviewResponseSchema;
            };
            getSyncPreview: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetSyncPreviewRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").GetSyncPreviewResponseSchema;
            };
            applySync: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ApplySyncRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/drift_pb.js").ApplySyncResponseSchema;
            };
        }>;
        /** EnvVarService keeps a project's environment variables. Secret values are sealed at rest
         * (AES-256-GCM under TESSERA_KEY_RING, bound to the project and key) and write-only: lists
         * mask them; only RevealEnvVar (the owner) and EnvVarExportService (deployers) return them. */
        readonly envVar: import("@bufbuild/protobuf/codegenv2").GenService<{
            setEnvVar: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").SetEnvVarRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").SetEnvVarResponseSchema;
            };
            listEnvVars: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ListEnvVarsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ListEnvVarsResponseSchema;
            };
            revealEnvVar: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").RevealEnvVarRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").RevealEnvVarResponseSchema;
            };
            deleteEnvVar: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").DeleteEnvVarRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").DeleteEnvVarResponseSchema;
            };
        }>;
        /** EnvVarExportService is internal: Tessera services holding a service credential (deployers)
         * read a project's variables in plaintext, for the user they name. */
        readonly envVarExport: import("@bufbuild/protobuf/codegenv2").GenService<{
            exportEnvVars: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ExportEnvVarsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/env_vars_pb.js").ExportEnvVarsResponseSchema;
            };
        }>;
        /** NextStepService holds a project's product guidance: suggestions of what to do next, written
         * by the owner's client (which may have an LLM generate them), moved through their statuses
         * and rated. Only the project's owner sees them. */
        readonly nextStep: import("@bufbuild/protobuf/codegenv2").GenService<{
            createNextStep: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateNextStepRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateNextStepResponseSchema;
            };
            getNextStep: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetNextStepRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetNextStepResponseSchema;
            };
            listNextSteps: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListNextStepsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListNextStepsResponseSchema;
            };
            setNextStepStatus: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").SetNextStepStatusRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").SetNextStepStatusResponseSchema;
            };
            rateNextStep: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").RateNextStepRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").RateNextStepResponseSchema;
            };
        }>;
        /** DecisionService holds the decisions taken in a project (extracted from its conversations).
         * A project states each decision once: a duplicate is ALREADY_EXISTS. */
        readonly decision: import("@bufbuild/protobuf/codegenv2").GenService<{
            createDecision: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateDecisionRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").CreateDecisionResponseSchema;
            };
            getDecision: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetDecisionRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").GetDecisionResponseSchema;
            };
            listDecisions: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListDecisionsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").ListDecisionsResponseSchema;
            };
            deleteDecision: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").DeleteDecisionRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/guidance_pb.js").DeleteDecisionResponseSchema;
            };
        }>;
        /** InfrastructureService holds a user's provider credentials and their projects' provisioned
         * resources. Tokens are write-only: no RPC returns them. A resource's connection details are
         * sealed and shown only by RevealConnectionInfo. */
        readonly infrastructure: import("@bufbuild/protobuf/codegenv2").GenService<{
            setProviderCredential: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetProviderCredentialRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetProviderCredentialResponseSchema;
            };
            listProviderCredentials: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListProviderCredentialsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListProviderCredentialsResponseSchema;
            };
            deleteProviderCredential: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").DeleteProviderCredentialRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").DeleteProviderCredentialResponseSchema;
            };
            createResource: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").CreateResourceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").CreateResourceResponseSchema;
            };
            getResource: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetResourceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetResourceResponseSchema;
            };
            listResources: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListResourcesRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListResourcesResponseSchema;
            };
            setResourceStatus: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetResourceStatusRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").SetResourceStatusResponseSchema;
            };
            revealConnectionInfo: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").RevealConnectionInfoRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").RevealConnectionInfoResponseSchema;
            };
        }>;
        /** DeploymentService holds each workspace's deployment settings and its deployments. */
        readonly deployment: import("@bufbuild/protobuf/codegenv2").GenService<{
            getDeploymentSettings: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentSettingsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentSettingsResponseSchema;
            };
            putDeploymentSettings: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").PutDeploymentSettingsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").PutDeploymentSettingsResponseSchema;
            };
            startDeployment: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").StartDeploymentRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").StartDeploymentResponseSchema;
            };
            finishDeployment: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").FinishDeploymentRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").FinishDeploymentResponseSchema;
            };
            getDeployment: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").GetDeploymentResponseSchema;
            };
            listDeployments: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListDeploymentsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/infrastructure_pb.js").ListDeploymentsResponseSchema;
            };
        }>;
        /** ProjectService holds a user's projects. Callers are users (session token) and see only
         * their own projects: any other project id is NOT_FOUND, as is everything under it. */
        readonly project: import("@bufbuild/protobuf/codegenv2").GenService<{
            createProject: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").CreateProjectRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").CreateProjectResponseSchema;
            };
            getProject: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").GetProjectRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").GetProjectResponseSchema;
            };
            listProjects: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").ListProjectsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").ListProjectsResponseSchema;
            };
            updateProject: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").UpdateProjectRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").UpdateProjectResponseSchema;
            };
            deleteProject: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").DeleteProjectRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/projects_pb.js").DeleteProjectResponseSchema;
            };
        }>;
        /** SnapshotService holds a project's snapshots: immutable captures of a workspace's file tree,
         * forming a DAG through their parents. The tree is a manifest (canonical JSON, RFC 8785, of
         * {"entries":[{"kind","path","sha256","size"}...],"version":1}, sorted by path bytes), stored
         * with the file blobs in vault-storage for the project's owner. Only the owner sees them. */
        readonly snapshot: import("@bufbuild/protobuf/codegenv2").GenService<{
            createSnapshot: {
                methodKind: "client_streaming";
                input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").CreateSnapshotRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").CreateSnapshotResponseSchema;
            };
            getSnapshot: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetSnapshotRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetSnapshotResponseSchema;
            };
            listSnapshots: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").ListSnapshotsRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").ListSnapshotsResponseSchema;
            };
            getManifest: {
                methodKind: "server_streaming";
                input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetManifestRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").GetManifestResponseSchema;
            };
            setSnapshotSummary: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").SetSnapshotSummaryRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/snapshots_pb.js").SetSnapshotSummaryResponseSchema;
            };
        }>;
        /** WorkspaceService holds a project's workspaces: working copies of it on machines. Only the
         * project's owner sees them (else NOT_FOUND). Updates are optimistic: each names the
         * `version` it read; another version is ABORTED (nothing changes), success adds 1. */
        readonly workspace: import("@bufbuild/protobuf/codegenv2").GenService<{
            createWorkspace: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").CreateWorkspaceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").CreateWorkspaceResponseSchema;
            };
            getWorkspace: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").GetWorkspaceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").GetWorkspaceResponseSchema;
            };
            listWorkspaces: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").ListWorkspacesRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").ListWorkspacesResponseSchema;
            };
            updateWorkspace: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").UpdateWorkspaceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").UpdateWorkspaceResponseSchema;
            };
            heartbeat: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").HeartbeatRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").HeartbeatResponseSchema;
            };
            deleteWorkspace: {
                methodKind: "unary";
                input: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").DeleteWorkspaceRequestSchema;
                output: typeof import("./gen/tessera/intelligence/v1/workspaces_pb.js").DeleteWorkspaceResponseSchema;
            };
        }>;
    };
};
