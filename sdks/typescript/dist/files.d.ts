import type { FileHandle } from "node:fs/promises";
import type { Writable } from "node:stream";
import { type MessageInitShape } from "@bufbuild/protobuf";
import type { Clients } from "./client.js";
import { type File, type UploadSpecSchema } from "./gen/tessera/vault/v1/files_pb.js";
import { type RetryPolicy } from "./retry.js";
import type { vaultStorageServices } from "./services.js";
type VaultStorage = Clients<typeof vaultStorageServices>;
export declare const chunkBytes: number;
/** What an upload reads: a Uint8Array, or an open file (read by position, so it can resume). */
export type UploadSource = Uint8Array | FileHandle;
export interface TransferOptions {
    /** Bytes per upload message (256 KiB to 2 MiB). */
    chunkBytes?: number;
    /** Resumption after UNAVAILABLE. */
    retry?: RetryPolicy;
}
/** Uploads `source` as `spec` describes (its size filled in) and returns the stored file.
 * After UNAVAILABLE it asks how much is persisted and resumes there (with backoff while the
 * service still holds the upload for the stream that was cut off). */
export declare function uploadFile(vaultStorage: VaultStorage, source: UploadSource, spec: MessageInitShape<typeof UploadSpecSchema>, options?: TransferOptions): Promise<File>;
/** Writes file `fileId` to `sink`, checks its size and SHA-256 against the file's record
 * (DATA_LOSS if they differ) and returns the record. Resumes after UNAVAILABLE where it was. */
export declare function downloadFile(vaultStorage: VaultStorage, fileId: string, sink: Writable, options?: TransferOptions & {
    version?: bigint;
}): Promise<File>;
export {};
