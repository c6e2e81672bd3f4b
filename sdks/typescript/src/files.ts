// Chunked uploads and downloads through vault-storage's FileService: a file in, a file out,
// SHA-256 computed on the way, resumed after UNAVAILABLE.
//
//   const stored = await uploadFile(t.vaultStorage, await open("report.pdf"), { volumeId, path: "r.pdf" });
//   await downloadFile(t.vaultStorage, stored.id, createWriteStream("copy.pdf"));

import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import type { Writable } from "node:stream";

import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";

import type { Clients } from "./client.js";
import { TesseraError } from "./errors.js";
import {
  type File,
  type UploadRequest,
  UploadRequestSchema,
  type UploadSpecSchema,
} from "./gen/tessera/vault/v1/files_pb.js";
import { type RetryPolicy, backoffMs, sleep, streamRetryPolicy } from "./retry.js";
import type { vaultStorageServices } from "./services.js";

type VaultStorage = Clients<typeof vaultStorageServices>;

export const chunkBytes = 1024 * 1024;

/** What an upload reads: a Uint8Array, or an open file (read by position, so it can resume). */
export type UploadSource = Uint8Array | FileHandle;

async function sizeOf(source: UploadSource): Promise<number> {
  return source instanceof Uint8Array ? source.byteLength : (await source.stat()).size;
}

async function readAt(source: UploadSource, position: number, length: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) {
    return source.subarray(position, position + length);
  }
  const buffer = new Uint8Array(length);
  const { bytesRead } = await source.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function* requests(
  source: UploadSource,
  size: number,
  uploadId: string,
  offset: number,
  chunk: number,
): AsyncIterable<UploadRequest> {
  const digest = createHash("sha256");
  // The hash covers the whole file: bytes persisted by an earlier attempt are read again.
  for (let at = 0; at < offset; at += chunk) {
    digest.update(await readAt(source, at, Math.min(chunk, offset - at)));
  }
  yield create(UploadRequestSchema, {
    message: { case: "resume", value: { uploadId, writeOffset: BigInt(offset) } },
  });
  for (let at = offset; at < size; at += chunk) {
    const block = await readAt(source, at, Math.min(chunk, size - at));
    if (block.byteLength === 0) {
      throw new Error("the file shrank during the upload");
    }
    digest.update(block);
    yield create(UploadRequestSchema, { message: { case: "chunk", value: block } });
  }
  yield create(UploadRequestSchema, {
    message: { case: "finish", value: { sha256: new Uint8Array(digest.digest()) } },
  });
}

export interface TransferOptions {
  /** Bytes per upload message (256 KiB to 2 MiB). */
  chunkBytes?: number;
  /** Resumption after UNAVAILABLE. */
  retry?: RetryPolicy;
}

/** Whether a transfer cut off `failures` times goes on: the service unreachable, or gone
 * mid-stream (connect-node reports that as CANCELED, or ABORTED for a reset connection; these
 * helpers never cancel a call themselves). From the service, ABORTED on a resumed upload means it
 * still holds the upload for the lost stream (after a crash, until that stream's lease lapses);
 * a download has no other ABORTED. Either way the transfer resumes from where the service is. */
function giveUp(error: TesseraError, failures: number, policy: RetryPolicy): boolean {
  const cut = [Code.Unavailable, Code.Canceled, Code.Aborted].includes(error.code);
  return !cut || failures >= policy.maxAttempts;
}

/** Uploads `source` as `spec` describes (its size filled in) and returns the stored file.
 * After UNAVAILABLE it asks how much is persisted and resumes there (with backoff while the
 * service still holds the upload for the stream that was cut off). */
export async function uploadFile(
  vaultStorage: VaultStorage,
  source: UploadSource,
  spec: MessageInitShape<typeof UploadSpecSchema>,
  options: TransferOptions = {},
): Promise<File> {
  const policy = options.retry ?? streamRetryPolicy;
  const size = await sizeOf(source);
  if (spec.declaredSize !== undefined && spec.declaredSize !== 0n && spec.declaredSize !== BigInt(size)) {
    throw new Error(`spec.declaredSize is ${spec.declaredSize} but the source has ${size} bytes`);
  }
  const files = vaultStorage.file;
  const { upload } = await files.startUpload({ spec: { ...spec, declaredSize: BigInt(size) } });
  if (!upload) {
    throw new Error("StartUpload returned no upload");
  }
  let offset = Number(upload.persistedSize);
  for (let failures = 0; ; ) {
    try {
      if (failures > 0) {
        // How much the service kept (it may be on its way back: retried like the rest).
        const status = await files.queryUploadStatus({ uploadId: upload.uploadId });
        offset = Number(status.upload?.persistedSize ?? 0n);
      }
      const done = await files.upload(requests(source, size, upload.uploadId, offset, options.chunkBytes ?? chunkBytes));
      if (!done.file) {
        throw new Error("Upload finished without a file");
      }
      return done.file;
    } catch (reason) {
      const error = TesseraError.from(reason);
      failures++;
      if (giveUp(error, failures, policy)) {
        throw error;
      }
      await sleep(backoffMs(policy, failures, error));
    }
  }
}

function write(sink: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes file `fileId` to `sink`, checks its size and SHA-256 against the file's record
 * (DATA_LOSS if they differ) and returns the record. Resumes after UNAVAILABLE where it was. */
export async function downloadFile(
  vaultStorage: VaultStorage,
  fileId: string,
  sink: Writable,
  options: TransferOptions & { version?: bigint } = {},
): Promise<File> {
  const policy = options.retry ?? streamRetryPolicy;
  const digest = createHash("sha256");
  let record: File | undefined;
  let written = 0;
  for (let failures = 0; ; ) {
    try {
      const stream = vaultStorage.file.download({
        fileId,
        offset: BigInt(written),
        version: options.version ?? 0n,
      });
      for await (const message of stream) {
        if (message.message.case === "file") {
          record = message.message.value;
        } else if (message.message.case === "chunk") {
          await write(sink, message.message.value);
          digest.update(message.message.value);
          written += message.message.value.byteLength;
          failures = 0;
        }
      }
      return verified(record, written, new Uint8Array(digest.digest()));
    } catch (reason) {
      const error = TesseraError.from(reason);
      failures++;
      if (giveUp(error, failures, policy)) {
        throw error;
      }
      await sleep(backoffMs(policy, failures, error));
    }
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function verified(record: File | undefined, written: number, sha256: Uint8Array): File {
  if (!record) {
    throw new TesseraError("the download sent no file record", Code.DataLoss);
  }
  if (BigInt(written) !== record.size || hex(sha256) !== hex(record.sha256)) {
    throw new TesseraError(
      `file ${record.id}: received ${written} bytes with SHA-256 ${hex(sha256)}, expected ${record.size} with ${hex(record.sha256)}`,
      Code.DataLoss,
    );
  }
  return record;
}
