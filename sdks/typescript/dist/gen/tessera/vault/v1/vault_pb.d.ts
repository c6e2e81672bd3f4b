import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/vault/v1/vault.proto.
 */
export declare const file_tessera_vault_v1_vault: GenFile;
/**
 * Vault is a user's vault as the server keeps it: opaque bytes and counters.
 *
 * @generated from message tessera.vault.v1.Vault
 */
export type Vault = Message<"tessera.vault.v1.Vault"> & {
    /**
     * The client's Argon2id salt, 16 to 64 bytes.
     *
     * @generated from field: bytes salt = 1;
     */
    salt: Uint8Array;
    /**
     * The master key wrapped with the user's root key, at most 1 KiB.
     *
     * @generated from field: bytes encrypted_master_key = 2;
     */
    encryptedMasterKey: Uint8Array;
    /**
     * The encrypted index of the vault, at most 3 MiB.
     *
     * @generated from field: bytes metadata_blob = 3;
     */
    metadataBlob: Uint8Array;
    /**
     * Increases by 1 with every SaveMetadata and RewrapMasterKey.
     *
     * @generated from field: int64 metadata_version = 4;
     */
    metadataVersion: bigint;
    /**
     * Bytes of live, pending and graveyard files.
     *
     * @generated from field: int64 storage_used_bytes = 5;
     */
    storageUsedBytes: bigint;
    /**
     * Output only. When the vault was initialised.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 6;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only. When the vault last changed.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 7;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.Vault.
 * Use `create(VaultSchema)` to create a new message.
 */
export declare const VaultSchema: GenMessage<Vault>;
/**
 * Folder is a node of the vault's tree; its name is in the metadata blob.
 *
 * @generated from message tessera.vault.v1.Folder
 */
export type Folder = Message<"tessera.vault.v1.Folder"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Empty: the root.
     *
     * @generated from field: string parent_id = 2;
     */
    parentId: string;
    /**
     * The folder's key, wrapped by the client; unique.
     *
     * @generated from field: bytes encrypted_key = 3;
     */
    encryptedKey: Uint8Array;
    /**
     * Output only. When the folder was created.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 4;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only. When the folder last changed.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 5;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.Folder.
 * Use `create(FolderSchema)` to create a new message.
 */
export declare const FolderSchema: GenMessage<Folder>;
/**
 * InitVaultRequest is the input of VaultService.InitVault.
 *
 * @generated from message tessera.vault.v1.InitVaultRequest
 */
export type InitVaultRequest = Message<"tessera.vault.v1.InitVaultRequest"> & {
    /**
     * Required, 16 to 64 bytes, unique.
     *
     * @generated from field: bytes salt = 1;
     */
    salt: Uint8Array;
    /**
     * Required, at most 1 KiB.
     *
     * @generated from field: bytes encrypted_master_key = 2;
     */
    encryptedMasterKey: Uint8Array;
    /**
     * The first metadata blob, at most 3 MiB.
     *
     * @generated from field: bytes metadata_blob = 3;
     */
    metadataBlob: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.InitVaultRequest.
 * Use `create(InitVaultRequestSchema)` to create a new message.
 */
export declare const InitVaultRequestSchema: GenMessage<InitVaultRequest>;
/**
 * InitVaultResponse is the output of VaultService.InitVault.
 *
 * @generated from message tessera.vault.v1.InitVaultResponse
 */
export type InitVaultResponse = Message<"tessera.vault.v1.InitVaultResponse"> & {
    /**
     * The new vault.
     *
     * @generated from field: tessera.vault.v1.Vault vault = 1;
     */
    vault?: Vault | undefined;
};
/**
 * Describes the message tessera.vault.v1.InitVaultResponse.
 * Use `create(InitVaultResponseSchema)` to create a new message.
 */
export declare const InitVaultResponseSchema: GenMessage<InitVaultResponse>;
/**
 * GetVaultRequest is the input of VaultService.GetVault.
 *
 * @generated from message tessera.vault.v1.GetVaultRequest
 */
export type GetVaultRequest = Message<"tessera.vault.v1.GetVaultRequest"> & {};
/**
 * Describes the message tessera.vault.v1.GetVaultRequest.
 * Use `create(GetVaultRequestSchema)` to create a new message.
 */
export declare const GetVaultRequestSchema: GenMessage<GetVaultRequest>;
/**
 * GetVaultResponse is the output of VaultService.GetVault.
 *
 * @generated from message tessera.vault.v1.GetVaultResponse
 */
export type GetVaultResponse = Message<"tessera.vault.v1.GetVaultResponse"> & {
    /**
     * The caller's vault.
     *
     * @generated from field: tessera.vault.v1.Vault vault = 1;
     */
    vault?: Vault | undefined;
};
/**
 * Describes the message tessera.vault.v1.GetVaultResponse.
 * Use `create(GetVaultResponseSchema)` to create a new message.
 */
export declare const GetVaultResponseSchema: GenMessage<GetVaultResponse>;
/**
 * SaveMetadataRequest is the input of VaultService.SaveMetadata.
 *
 * @generated from message tessera.vault.v1.SaveMetadataRequest
 */
export type SaveMetadataRequest = Message<"tessera.vault.v1.SaveMetadataRequest"> & {
    /**
     * At most 3 MiB.
     *
     * @generated from field: bytes metadata_blob = 1;
     */
    metadataBlob: Uint8Array;
    /**
     * The version the client read.
     *
     * @generated from field: int64 expected_version = 2;
     */
    expectedVersion: bigint;
};
/**
 * Describes the message tessera.vault.v1.SaveMetadataRequest.
 * Use `create(SaveMetadataRequestSchema)` to create a new message.
 */
export declare const SaveMetadataRequestSchema: GenMessage<SaveMetadataRequest>;
/**
 * SaveMetadataResponse is the output of VaultService.SaveMetadata.
 *
 * @generated from message tessera.vault.v1.SaveMetadataResponse
 */
export type SaveMetadataResponse = Message<"tessera.vault.v1.SaveMetadataResponse"> & {
    /**
     * expected_version + 1.
     *
     * @generated from field: int64 metadata_version = 1;
     */
    metadataVersion: bigint;
};
/**
 * Describes the message tessera.vault.v1.SaveMetadataResponse.
 * Use `create(SaveMetadataResponseSchema)` to create a new message.
 */
export declare const SaveMetadataResponseSchema: GenMessage<SaveMetadataResponse>;
/**
 * RewrapMasterKeyRequest is the input of VaultService.RewrapMasterKey.
 *
 * @generated from message tessera.vault.v1.RewrapMasterKeyRequest
 */
export type RewrapMasterKeyRequest = Message<"tessera.vault.v1.RewrapMasterKeyRequest"> & {
    /**
     * The new salt: 16 to 64 bytes, unique.
     *
     * @generated from field: bytes salt = 1;
     */
    salt: Uint8Array;
    /**
     * The master key wrapped with the new root key, at most 1 KiB.
     *
     * @generated from field: bytes encrypted_master_key = 2;
     */
    encryptedMasterKey: Uint8Array;
    /**
     * The version the client read.
     *
     * @generated from field: int64 expected_version = 3;
     */
    expectedVersion: bigint;
};
/**
 * Describes the message tessera.vault.v1.RewrapMasterKeyRequest.
 * Use `create(RewrapMasterKeyRequestSchema)` to create a new message.
 */
export declare const RewrapMasterKeyRequestSchema: GenMessage<RewrapMasterKeyRequest>;
/**
 * RewrapMasterKeyResponse is the output of VaultService.RewrapMasterKey.
 *
 * @generated from message tessera.vault.v1.RewrapMasterKeyResponse
 */
export type RewrapMasterKeyResponse = Message<"tessera.vault.v1.RewrapMasterKeyResponse"> & {
    /**
     * expected_version + 1.
     *
     * @generated from field: int64 metadata_version = 1;
     */
    metadataVersion: bigint;
};
/**
 * Describes the message tessera.vault.v1.RewrapMasterKeyResponse.
 * Use `create(RewrapMasterKeyResponseSchema)` to create a new message.
 */
export declare const RewrapMasterKeyResponseSchema: GenMessage<RewrapMasterKeyResponse>;
/**
 * CreateFolderRequest is the input of VaultService.CreateFolder.
 *
 * @generated from message tessera.vault.v1.CreateFolderRequest
 */
export type CreateFolderRequest = Message<"tessera.vault.v1.CreateFolderRequest"> & {
    /**
     * Empty: the root.
     *
     * @generated from field: string parent_id = 1;
     */
    parentId: string;
    /**
     * Required, at most 1 KiB, unique.
     *
     * @generated from field: bytes encrypted_key = 2;
     */
    encryptedKey: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.CreateFolderRequest.
 * Use `create(CreateFolderRequestSchema)` to create a new message.
 */
export declare const CreateFolderRequestSchema: GenMessage<CreateFolderRequest>;
/**
 * CreateFolderResponse is the output of VaultService.CreateFolder.
 *
 * @generated from message tessera.vault.v1.CreateFolderResponse
 */
export type CreateFolderResponse = Message<"tessera.vault.v1.CreateFolderResponse"> & {
    /**
     * The new folder.
     *
     * @generated from field: tessera.vault.v1.Folder folder = 1;
     */
    folder?: Folder | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateFolderResponse.
 * Use `create(CreateFolderResponseSchema)` to create a new message.
 */
export declare const CreateFolderResponseSchema: GenMessage<CreateFolderResponse>;
/**
 * MoveFolderRequest is the input of VaultService.MoveFolder.
 *
 * @generated from message tessera.vault.v1.MoveFolderRequest
 */
export type MoveFolderRequest = Message<"tessera.vault.v1.MoveFolderRequest"> & {
    /**
     * Required. The folder to move.
     *
     * @generated from field: string folder_id = 1;
     */
    folderId: string;
    /**
     * Empty: the root.
     *
     * @generated from field: string parent_id = 2;
     */
    parentId: string;
};
/**
 * Describes the message tessera.vault.v1.MoveFolderRequest.
 * Use `create(MoveFolderRequestSchema)` to create a new message.
 */
export declare const MoveFolderRequestSchema: GenMessage<MoveFolderRequest>;
/**
 * MoveFolderResponse is the output of VaultService.MoveFolder.
 *
 * @generated from message tessera.vault.v1.MoveFolderResponse
 */
export type MoveFolderResponse = Message<"tessera.vault.v1.MoveFolderResponse"> & {
    /**
     * The moved folder.
     *
     * @generated from field: tessera.vault.v1.Folder folder = 1;
     */
    folder?: Folder | undefined;
};
/**
 * Describes the message tessera.vault.v1.MoveFolderResponse.
 * Use `create(MoveFolderResponseSchema)` to create a new message.
 */
export declare const MoveFolderResponseSchema: GenMessage<MoveFolderResponse>;
/**
 * ListFoldersRequest is the input of VaultService.ListFolders.
 *
 * @generated from message tessera.vault.v1.ListFoldersRequest
 */
export type ListFoldersRequest = Message<"tessera.vault.v1.ListFoldersRequest"> & {
    /**
     * Empty: the root.
     *
     * @generated from field: string parent_id = 1;
     */
    parentId: string;
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
 * Describes the message tessera.vault.v1.ListFoldersRequest.
 * Use `create(ListFoldersRequestSchema)` to create a new message.
 */
export declare const ListFoldersRequestSchema: GenMessage<ListFoldersRequest>;
/**
 * ListFoldersResponse is the output of VaultService.ListFolders.
 *
 * @generated from message tessera.vault.v1.ListFoldersResponse
 */
export type ListFoldersResponse = Message<"tessera.vault.v1.ListFoldersResponse"> & {
    /**
     * The folders of this page.
     *
     * @generated from field: repeated tessera.vault.v1.Folder folders = 1;
     */
    folders: Folder[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListFoldersResponse.
 * Use `create(ListFoldersResponseSchema)` to create a new message.
 */
export declare const ListFoldersResponseSchema: GenMessage<ListFoldersResponse>;
/**
 * DeleteFolderRequest is the input of VaultService.DeleteFolder.
 *
 * @generated from message tessera.vault.v1.DeleteFolderRequest
 */
export type DeleteFolderRequest = Message<"tessera.vault.v1.DeleteFolderRequest"> & {
    /**
     * Required. The folder to delete, with everything under it.
     *
     * @generated from field: string folder_id = 1;
     */
    folderId: string;
};
/**
 * Describes the message tessera.vault.v1.DeleteFolderRequest.
 * Use `create(DeleteFolderRequestSchema)` to create a new message.
 */
export declare const DeleteFolderRequestSchema: GenMessage<DeleteFolderRequest>;
/**
 * DeleteFolderResponse is the output of VaultService.DeleteFolder.
 *
 * @generated from message tessera.vault.v1.DeleteFolderResponse
 */
export type DeleteFolderResponse = Message<"tessera.vault.v1.DeleteFolderResponse"> & {
    /**
     * Folders deleted, the folder itself included.
     *
     * @generated from field: int32 folders_deleted = 1;
     */
    foldersDeleted: number;
    /**
     * Complete files moved to the graveyard.
     *
     * @generated from field: int32 files_buried = 2;
     */
    filesBuried: number;
    /**
     * Pending files removed.
     *
     * @generated from field: int32 pending_removed = 3;
     */
    pendingRemoved: number;
};
/**
 * Describes the message tessera.vault.v1.DeleteFolderResponse.
 * Use `create(DeleteFolderResponseSchema)` to create a new message.
 */
export declare const DeleteFolderResponseSchema: GenMessage<DeleteFolderResponse>;
/**
 * VaultFile is an encrypted file as the server keeps it: never a name.
 *
 * @generated from message tessera.vault.v1.VaultFile
 */
export type VaultFile = Message<"tessera.vault.v1.VaultFile"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Empty: the root.
     *
     * @generated from field: string folder_id = 2;
     */
    folderId: string;
    /**
     * The file key, wrapped by the client; unique.
     *
     * @generated from field: bytes encrypted_key = 3;
     */
    encryptedKey: Uint8Array;
    /**
     * Bytes of ciphertext, all chunks together.
     *
     * @generated from field: int64 size = 4;
     */
    size: bigint;
    /**
     * Number of chunks, each at most 64 MiB.
     *
     * @generated from field: int32 chunk_count = 5;
     */
    chunkCount: number;
    /**
     * Output only. Pending or complete.
     *
     * @generated from field: tessera.vault.v1.VaultFile.State state = 6;
     */
    state: VaultFile_State;
    /**
     * SHA-256 of the chunk hashes in index order; set once complete.
     *
     * @generated from field: bytes merkle_hash = 7;
     */
    merkleHash: Uint8Array;
    /**
     * Output only. When the file was declared.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 8;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only. When the file last changed.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 9;
     */
    updateTime?: Timestamp | undefined;
    /**
     * Output only. When the file was finalized; unset while pending.
     *
     * @generated from field: google.protobuf.Timestamp complete_time = 10;
     */
    completeTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.VaultFile.
 * Use `create(VaultFileSchema)` to create a new message.
 */
export declare const VaultFileSchema: GenMessage<VaultFile>;
/**
 * Whether the chunks are all in.
 *
 * @generated from enum tessera.vault.v1.VaultFile.State
 */
export declare enum VaultFile_State {
    /**
     * Not set.
     *
     * @generated from enum value: STATE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Declared; chunks arriving.
     *
     * @generated from enum value: STATE_PENDING = 1;
     */
    PENDING = 1,
    /**
     * Finalized: immutable.
     *
     * @generated from enum value: STATE_COMPLETE = 2;
     */
    COMPLETE = 2
}
/**
 * Describes the enum tessera.vault.v1.VaultFile.State.
 */
export declare const VaultFile_StateSchema: GenEnum<VaultFile_State>;
/**
 * CreateFileRequest is the input of VaultService.CreateFile.
 *
 * @generated from message tessera.vault.v1.CreateFileRequest
 */
export type CreateFileRequest = Message<"tessera.vault.v1.CreateFileRequest"> & {
    /**
     * Empty: the root.
     *
     * @generated from field: string folder_id = 1;
     */
    folderId: string;
    /**
     * Required, at most 1 KiB, unique.
     *
     * @generated from field: bytes encrypted_key = 2;
     */
    encryptedKey: Uint8Array;
    /**
     * Bytes of ciphertext, all chunks together.
     *
     * @generated from field: int64 size = 3;
     */
    size: bigint;
    /**
     * 0 exactly when size is 0; each chunk at most 64 MiB.
     *
     * @generated from field: int32 chunk_count = 4;
     */
    chunkCount: number;
};
/**
 * Describes the message tessera.vault.v1.CreateFileRequest.
 * Use `create(CreateFileRequestSchema)` to create a new message.
 */
export declare const CreateFileRequestSchema: GenMessage<CreateFileRequest>;
/**
 * CreateFileResponse is the output of VaultService.CreateFile.
 *
 * @generated from message tessera.vault.v1.CreateFileResponse
 */
export type CreateFileResponse = Message<"tessera.vault.v1.CreateFileResponse"> & {
    /**
     * The declared file, pending.
     *
     * @generated from field: tessera.vault.v1.VaultFile file = 1;
     */
    file?: VaultFile | undefined;
};
/**
 * Describes the message tessera.vault.v1.CreateFileResponse.
 * Use `create(CreateFileResponseSchema)` to create a new message.
 */
export declare const CreateFileResponseSchema: GenMessage<CreateFileResponse>;
/**
 * UploadChunkRequest is one message of VaultService.UploadChunk: the header first, then data.
 *
 * @generated from message tessera.vault.v1.UploadChunkRequest
 */
export type UploadChunkRequest = Message<"tessera.vault.v1.UploadChunkRequest"> & {
    /**
     * The header or a piece of the chunk.
     *
     * @generated from oneof tessera.vault.v1.UploadChunkRequest.message
     */
    message: {
        /**
         * First message.
         *
         * @generated from field: tessera.vault.v1.ChunkHeader header = 1;
         */
        value: ChunkHeader;
        case: "header";
    } | {
        /**
         * The chunk's bytes, in order, at most 2 MiB per message.
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
 * Describes the message tessera.vault.v1.UploadChunkRequest.
 * Use `create(UploadChunkRequestSchema)` to create a new message.
 */
export declare const UploadChunkRequestSchema: GenMessage<UploadChunkRequest>;
/**
 * ChunkHeader says which chunk follows.
 *
 * @generated from message tessera.vault.v1.ChunkHeader
 */
export type ChunkHeader = Message<"tessera.vault.v1.ChunkHeader"> & {
    /**
     * Required. The pending file the chunk belongs to.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * From 0 to the file's chunk_count - 1.
     *
     * @generated from field: int32 chunk_index = 2;
     */
    chunkIndex: number;
    /**
     * 1 byte to 64 MiB.
     *
     * @generated from field: int64 size = 3;
     */
    size: bigint;
    /**
     * SHA-256 of the chunk's bytes, 32 bytes.
     *
     * @generated from field: bytes sha256 = 4;
     */
    sha256: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.ChunkHeader.
 * Use `create(ChunkHeaderSchema)` to create a new message.
 */
export declare const ChunkHeaderSchema: GenMessage<ChunkHeader>;
/**
 * UploadChunkResponse is the output of VaultService.UploadChunk.
 *
 * @generated from message tessera.vault.v1.UploadChunkResponse
 */
export type UploadChunkResponse = Message<"tessera.vault.v1.UploadChunkResponse"> & {
    /**
     * The chunk stored.
     *
     * @generated from field: int32 chunk_index = 1;
     */
    chunkIndex: number;
    /**
     * Its size in bytes.
     *
     * @generated from field: int64 size = 2;
     */
    size: bigint;
};
/**
 * Describes the message tessera.vault.v1.UploadChunkResponse.
 * Use `create(UploadChunkResponseSchema)` to create a new message.
 */
export declare const UploadChunkResponseSchema: GenMessage<UploadChunkResponse>;
/**
 * FinalizeFileRequest is the input of VaultService.FinalizeFile.
 *
 * @generated from message tessera.vault.v1.FinalizeFileRequest
 */
export type FinalizeFileRequest = Message<"tessera.vault.v1.FinalizeFileRequest"> & {
    /**
     * Required. The pending file to finalize.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * SHA-256 of the chunk hashes concatenated in index order, 32 bytes.
     *
     * @generated from field: bytes merkle_hash = 2;
     */
    merkleHash: Uint8Array;
};
/**
 * Describes the message tessera.vault.v1.FinalizeFileRequest.
 * Use `create(FinalizeFileRequestSchema)` to create a new message.
 */
export declare const FinalizeFileRequestSchema: GenMessage<FinalizeFileRequest>;
/**
 * FinalizeFileResponse is the output of VaultService.FinalizeFile.
 *
 * @generated from message tessera.vault.v1.FinalizeFileResponse
 */
export type FinalizeFileResponse = Message<"tessera.vault.v1.FinalizeFileResponse"> & {
    /**
     * The file, now complete.
     *
     * @generated from field: tessera.vault.v1.VaultFile file = 1;
     */
    file?: VaultFile | undefined;
};
/**
 * Describes the message tessera.vault.v1.FinalizeFileResponse.
 * Use `create(FinalizeFileResponseSchema)` to create a new message.
 */
export declare const FinalizeFileResponseSchema: GenMessage<FinalizeFileResponse>;
/**
 * DownloadChunkRequest is the input of VaultService.DownloadChunk.
 *
 * @generated from message tessera.vault.v1.DownloadChunkRequest
 */
export type DownloadChunkRequest = Message<"tessera.vault.v1.DownloadChunkRequest"> & {
    /**
     * Required. A complete file.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * Required. From 0 to the file's chunk_count - 1.
     *
     * @generated from field: int32 chunk_index = 2;
     */
    chunkIndex: number;
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
 * Describes the message tessera.vault.v1.DownloadChunkRequest.
 * Use `create(DownloadChunkRequestSchema)` to create a new message.
 */
export declare const DownloadChunkRequestSchema: GenMessage<DownloadChunkRequest>;
/**
 * DownloadChunkResponse is one message of VaultService.DownloadChunk.
 *
 * @generated from message tessera.vault.v1.DownloadChunkResponse
 */
export type DownloadChunkResponse = Message<"tessera.vault.v1.DownloadChunkResponse"> & {
    /**
     * The header, then the data.
     *
     * @generated from oneof tessera.vault.v1.DownloadChunkResponse.message
     */
    message: {
        /**
         * First message: the whole chunk's size and SHA-256.
         *
         * @generated from field: tessera.vault.v1.ChunkHeader header = 1;
         */
        value: ChunkHeader;
        case: "header";
    } | {
        /**
         * The range's bytes, in order, at most 1 MiB per message.
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
 * Describes the message tessera.vault.v1.DownloadChunkResponse.
 * Use `create(DownloadChunkResponseSchema)` to create a new message.
 */
export declare const DownloadChunkResponseSchema: GenMessage<DownloadChunkResponse>;
/**
 * MoveFileRequest is the input of VaultService.MoveFile.
 *
 * @generated from message tessera.vault.v1.MoveFileRequest
 */
export type MoveFileRequest = Message<"tessera.vault.v1.MoveFileRequest"> & {
    /**
     * Required. The file to move.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * Empty: the root.
     *
     * @generated from field: string folder_id = 2;
     */
    folderId: string;
};
/**
 * Describes the message tessera.vault.v1.MoveFileRequest.
 * Use `create(MoveFileRequestSchema)` to create a new message.
 */
export declare const MoveFileRequestSchema: GenMessage<MoveFileRequest>;
/**
 * MoveFileResponse is the output of VaultService.MoveFile.
 *
 * @generated from message tessera.vault.v1.MoveFileResponse
 */
export type MoveFileResponse = Message<"tessera.vault.v1.MoveFileResponse"> & {
    /**
     * The moved file.
     *
     * @generated from field: tessera.vault.v1.VaultFile file = 1;
     */
    file?: VaultFile | undefined;
};
/**
 * Describes the message tessera.vault.v1.MoveFileResponse.
 * Use `create(MoveFileResponseSchema)` to create a new message.
 */
export declare const MoveFileResponseSchema: GenMessage<MoveFileResponse>;
/**
 * DeleteVaultFileRequest is the input of VaultService.DeleteVaultFile.
 *
 * @generated from message tessera.vault.v1.DeleteVaultFileRequest
 */
export type DeleteVaultFileRequest = Message<"tessera.vault.v1.DeleteVaultFileRequest"> & {
    /**
     * Required. The file to delete.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
};
/**
 * Describes the message tessera.vault.v1.DeleteVaultFileRequest.
 * Use `create(DeleteVaultFileRequestSchema)` to create a new message.
 */
export declare const DeleteVaultFileRequestSchema: GenMessage<DeleteVaultFileRequest>;
/**
 * DeleteVaultFileResponse is the output of VaultService.DeleteVaultFile.
 *
 * @generated from message tessera.vault.v1.DeleteVaultFileResponse
 */
export type DeleteVaultFileResponse = Message<"tessera.vault.v1.DeleteVaultFileResponse"> & {
    /**
     * The graveyard entry; unset for a pending file, which is removed outright.
     *
     * @generated from field: tessera.vault.v1.GraveyardEntry entry = 1;
     */
    entry?: GraveyardEntry | undefined;
};
/**
 * Describes the message tessera.vault.v1.DeleteVaultFileResponse.
 * Use `create(DeleteVaultFileResponseSchema)` to create a new message.
 */
export declare const DeleteVaultFileResponseSchema: GenMessage<DeleteVaultFileResponse>;
/**
 * GraveyardEntry is a deleted file, restorable until purge_time.
 *
 * @generated from message tessera.vault.v1.GraveyardEntry
 */
export type GraveyardEntry = Message<"tessera.vault.v1.GraveyardEntry"> & {
    /**
     * The deleted file's id.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
    /**
     * Where it was; empty: the root.
     *
     * @generated from field: string folder_id = 2;
     */
    folderId: string;
    /**
     * The file key, wrapped by the client.
     *
     * @generated from field: bytes encrypted_key = 3;
     */
    encryptedKey: Uint8Array;
    /**
     * Bytes of ciphertext, all chunks together.
     *
     * @generated from field: int64 size = 4;
     */
    size: bigint;
    /**
     * Number of chunks.
     *
     * @generated from field: int32 chunk_count = 5;
     */
    chunkCount: number;
    /**
     * SHA-256 of the chunk hashes in index order.
     *
     * @generated from field: bytes merkle_hash = 6;
     */
    merkleHash: Uint8Array;
    /**
     * When the file was deleted.
     *
     * @generated from field: google.protobuf.Timestamp delete_time = 7;
     */
    deleteTime?: Timestamp | undefined;
    /**
     * When its bytes go for good.
     *
     * @generated from field: google.protobuf.Timestamp purge_time = 8;
     */
    purgeTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.vault.v1.GraveyardEntry.
 * Use `create(GraveyardEntrySchema)` to create a new message.
 */
export declare const GraveyardEntrySchema: GenMessage<GraveyardEntry>;
/**
 * ListGraveyardRequest is the input of VaultService.ListGraveyard.
 *
 * @generated from message tessera.vault.v1.ListGraveyardRequest
 */
export type ListGraveyardRequest = Message<"tessera.vault.v1.ListGraveyardRequest"> & {
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
 * Describes the message tessera.vault.v1.ListGraveyardRequest.
 * Use `create(ListGraveyardRequestSchema)` to create a new message.
 */
export declare const ListGraveyardRequestSchema: GenMessage<ListGraveyardRequest>;
/**
 * ListGraveyardResponse is the output of VaultService.ListGraveyard.
 *
 * @generated from message tessera.vault.v1.ListGraveyardResponse
 */
export type ListGraveyardResponse = Message<"tessera.vault.v1.ListGraveyardResponse"> & {
    /**
     * The entries of this page.
     *
     * @generated from field: repeated tessera.vault.v1.GraveyardEntry entries = 1;
     */
    entries: GraveyardEntry[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.vault.v1.ListGraveyardResponse.
 * Use `create(ListGraveyardResponseSchema)` to create a new message.
 */
export declare const ListGraveyardResponseSchema: GenMessage<ListGraveyardResponse>;
/**
 * RestoreFileRequest is the input of VaultService.RestoreFile.
 *
 * @generated from message tessera.vault.v1.RestoreFileRequest
 */
export type RestoreFileRequest = Message<"tessera.vault.v1.RestoreFileRequest"> & {
    /**
     * Required. The file to restore.
     *
     * @generated from field: string file_id = 1;
     */
    fileId: string;
};
/**
 * Describes the message tessera.vault.v1.RestoreFileRequest.
 * Use `create(RestoreFileRequestSchema)` to create a new message.
 */
export declare const RestoreFileRequestSchema: GenMessage<RestoreFileRequest>;
/**
 * RestoreFileResponse is the output of VaultService.RestoreFile.
 *
 * @generated from message tessera.vault.v1.RestoreFileResponse
 */
export type RestoreFileResponse = Message<"tessera.vault.v1.RestoreFileResponse"> & {
    /**
     * The restored file.
     *
     * @generated from field: tessera.vault.v1.VaultFile file = 1;
     */
    file?: VaultFile | undefined;
};
/**
 * Describes the message tessera.vault.v1.RestoreFileResponse.
 * Use `create(RestoreFileResponseSchema)` to create a new message.
 */
export declare const RestoreFileResponseSchema: GenMessage<RestoreFileResponse>;
/**
 * VaultService is a user's zero-knowledge vault (Nest): the client derives its keys from the
 * password and sends only ciphertext, wrapped keys, sizes and hashes. The server never sees a
 * name, a key or a plaintext byte: names live inside the encrypted metadata blob, whose
 * versions guard saves from several devices. Callers are users (session token); every id of
 * another user is NOT_FOUND.
 *
 * @generated from service tessera.vault.v1.VaultService
 */
export declare const VaultService: GenService<{
    /**
     * InitVault creates the caller's vault once: salt, wrapped master key and the first
     * metadata blob (version 0). Again: ALREADY_EXISTS, nothing changed.
     *
     * @generated from rpc tessera.vault.v1.VaultService.InitVault
     */
    initVault: {
        methodKind: "unary";
        input: typeof InitVaultRequestSchema;
        output: typeof InitVaultResponseSchema;
    };
    /**
     * GetVault returns the caller's vault (NOT_FOUND before InitVault).
     *
     * @generated from rpc tessera.vault.v1.VaultService.GetVault
     */
    getVault: {
        methodKind: "unary";
        input: typeof GetVaultRequestSchema;
        output: typeof GetVaultResponseSchema;
    };
    /**
     * SaveMetadata replaces the metadata blob if it is still at `expected_version`, adding 1.
     * A stale version is ABORTED (ErrorInfo STALE_VERSION, metadata `current_version`) and
     * nothing is written: re-read, merge, save again.
     *
     * @generated from rpc tessera.vault.v1.VaultService.SaveMetadata
     */
    saveMetadata: {
        methodKind: "unary";
        input: typeof SaveMetadataRequestSchema;
        output: typeof SaveMetadataResponseSchema;
    };
    /**
     * RewrapMasterKey replaces the salt and wrapped master key (a password change), guarded by
     * the metadata version the same way, and adds 1 to it.
     *
     * @generated from rpc tessera.vault.v1.VaultService.RewrapMasterKey
     */
    rewrapMasterKey: {
        methodKind: "unary";
        input: typeof RewrapMasterKeyRequestSchema;
        output: typeof RewrapMasterKeyResponseSchema;
    };
    /**
     * CreateFolder adds a folder under `parent_id` (empty: the root).
     *
     * @generated from rpc tessera.vault.v1.VaultService.CreateFolder
     */
    createFolder: {
        methodKind: "unary";
        input: typeof CreateFolderRequestSchema;
        output: typeof CreateFolderResponseSchema;
    };
    /**
     * MoveFolder moves a folder under another (empty: the root); into itself or one of its
     * descendants is FAILED_PRECONDITION.
     *
     * @generated from rpc tessera.vault.v1.VaultService.MoveFolder
     */
    moveFolder: {
        methodKind: "unary";
        input: typeof MoveFolderRequestSchema;
        output: typeof MoveFolderResponseSchema;
    };
    /**
     * ListFolders lists the folders directly under `parent_id` (empty: the root), by id.
     *
     * @generated from rpc tessera.vault.v1.VaultService.ListFolders
     */
    listFolders: {
        methodKind: "unary";
        input: typeof ListFoldersRequestSchema;
        output: typeof ListFoldersResponseSchema;
    };
    /**
     * DeleteFolder deletes a folder and everything below it in one transaction: complete files
     * go to the graveyard, pending ones are removed and their bytes released.
     *
     * @generated from rpc tessera.vault.v1.VaultService.DeleteFolder
     */
    deleteFolder: {
        methodKind: "unary";
        input: typeof DeleteFolderRequestSchema;
        output: typeof DeleteFolderResponseSchema;
    };
    /**
     * CreateFile declares a file (pending): its size is reserved against the caller's tier
     * quota (RESOURCE_EXHAUSTED with a QuotaFailure, subject `tier`) and the vault volume's
     * quotas. Pending files older than 24 hours are removed and their bytes released.
     *
     * @generated from rpc tessera.vault.v1.VaultService.CreateFile
     */
    createFile: {
        methodKind: "unary";
        input: typeof CreateFileRequestSchema;
        output: typeof CreateFileResponseSchema;
    };
    /**
     * UploadChunk streams one chunk: a header (file, index, size, SHA-256), then its bytes.
     * Wrong SHA-256: DATA_LOSS; more or fewer bytes than declared: OUT_OF_RANGE; nothing is
     * stored either way. A chunk already stored with the same SHA-256 is accepted again.
     *
     * @generated from rpc tessera.vault.v1.VaultService.UploadChunk
     */
    uploadChunk: {
        methodKind: "client_streaming";
        input: typeof UploadChunkRequestSchema;
        output: typeof UploadChunkResponseSchema;
    };
    /**
     * FinalizeFile completes a file: every chunk must be stored, their sizes must add up to the
     * file's, and `merkle_hash` must be the SHA-256 of the chunk hashes concatenated in index
     * order; else FAILED_PRECONDITION (one violation per missing chunk).
     *
     * @generated from rpc tessera.vault.v1.VaultService.FinalizeFile
     */
    finalizeFile: {
        methodKind: "unary";
        input: typeof FinalizeFileRequestSchema;
        output: typeof FinalizeFileResponseSchema;
    };
    /**
     * DownloadChunk streams a stored chunk, whole or a range: the first message describes it.
     *
     * @generated from rpc tessera.vault.v1.VaultService.DownloadChunk
     */
    downloadChunk: {
        methodKind: "server_streaming";
        input: typeof DownloadChunkRequestSchema;
        output: typeof DownloadChunkResponseSchema;
    };
    /**
     * MoveFile moves a file to another folder (empty: the root).
     *
     * @generated from rpc tessera.vault.v1.VaultService.MoveFile
     */
    moveFile: {
        methodKind: "unary";
        input: typeof MoveFileRequestSchema;
        output: typeof MoveFileResponseSchema;
    };
    /**
     * DeleteVaultFile deletes a file permanently: a complete file moves to the graveyard (its
     * bytes still counted) until TESSERA_VAULT_GRAVEYARD_RETENTION passes; a pending one is
     * removed and its bytes released.
     *
     * @generated from rpc tessera.vault.v1.VaultService.DeleteVaultFile
     */
    deleteVaultFile: {
        methodKind: "unary";
        input: typeof DeleteVaultFileRequestSchema;
        output: typeof DeleteVaultFileResponseSchema;
    };
    /**
     * ListGraveyard lists the caller's deleted files, most recently deleted first.
     *
     * @generated from rpc tessera.vault.v1.VaultService.ListGraveyard
     */
    listGraveyard: {
        methodKind: "unary";
        input: typeof ListGraveyardRequestSchema;
        output: typeof ListGraveyardResponseSchema;
    };
    /**
     * RestoreFile brings a file back from the graveyard to its folder, or to the root if the
     * folder is gone.
     *
     * @generated from rpc tessera.vault.v1.VaultService.RestoreFile
     */
    restoreFile: {
        methodKind: "unary";
        input: typeof RestoreFileRequestSchema;
        output: typeof RestoreFileResponseSchema;
    };
}>;
