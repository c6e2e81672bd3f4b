// The main flow of vault-storage, messaging and project-intelligence through the SDK.

import assert from "node:assert/strict";
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { mkdirSync, realpathSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";

import { Code, TesseraError, downloadFile, intelligence, messaging, uploadFile } from "../src/index.js";
import { Suite, signUp } from "./suite.js";

let suite: Suite;
before(async () => {
  suite = await Suite.start();
});
after(async () => {
  await suite.close();
});

/** A Writable that keeps what it is given. */
function collector(): { sink: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  return { sink, bytes: () => Buffer.concat(parts) };
}

async function localVolume(name: string): Promise<string> {
  const folder = join(realpathSync(suite.description.volume_root), name);
  mkdirSync(folder);
  const operator = suite.client({ token: suite.description.operator_token });
  const admin = operator.vaultStorage.storageAdmin;
  const { backend } = await admin.createBackend({ backend: { target: { case: "localPath", value: { path: folder } } } });
  const { volume } = await admin.createVolume({ volume: { name, backendId: backend!.id, isActive: true } });
  operator.close();
  return volume!.id;
}

test("a file goes up and comes back checked", async () => {
  const volumeId = await localVolume(`sdk-${randomUUID().slice(0, 8)}`);
  const anonymous = suite.client();
  const { token } = await signUp(anonymous, "files");
  const { token: other } = await signUp(anonymous, "other");
  anonymous.close();
  const content = randomBytes(3 * 1024 * 1024 + 123);
  const user = suite.client({ token });
  const stored = await uploadFile(user.vaultStorage, content, { volumeId, path: "docs/report.bin" }, { chunkBytes: 512 * 1024 });
  assert.equal(stored.size, BigInt(content.length));
  assert.deepEqual(Buffer.from(stored.sha256), createHash("sha256").update(content).digest());
  const { sink, bytes } = collector();
  const record = await downloadFile(user.vaultStorage, stored.id, sink);
  assert.equal(record.id, stored.id);
  assert.ok(bytes().equals(content));
  // The same file from disk, read by position.
  const path = join(suite.description.volume_root, "..", "upload.bin");
  const handle = await open(path, "w+");
  await handle.write(content);
  const again = await uploadFile(user.vaultStorage, handle, { volumeId, path: "docs/again.bin" });
  await handle.close();
  assert.deepEqual(Buffer.from(again.sha256), Buffer.from(stored.sha256));
  user.close();
  const eve = suite.client({ token: other });
  const hidden = await downloadFile(eve.vaultStorage, stored.id, collector().sink).catch((e: unknown) => e);
  assert.ok(hidden instanceof TesseraError && hidden.code === Code.NotFound);
  eve.close();
});

/** Kills vault-storage once, when `at` bytes have gone by, and starts it again half a second
 * later: a transfer cut off by a crash. */
class Crash {
  private restart: Promise<void> | undefined;
  constructor(private readonly at: number) {}

  async passed(position: number): Promise<void> {
    if (this.restart === undefined && position >= this.at) {
      this.restart = suite.kill("vault-storage").then(() => sleep(500)).then(() => suite.start("vault-storage"));
      await this.restart;
    }
  }

  async recovered(): Promise<void> {
    assert.ok(this.restart !== undefined, "the transfer ended before the crash");
    await this.restart;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("an upload and a download resume after the service crashed", async () => {
  const volumeId = await localVolume(`sdk-${randomUUID().slice(0, 8)}`);
  const anonymous = suite.client();
  const { token } = await signUp(anonymous, "crash");
  anonymous.close();
  // Far more than HTTP/2's flow-control windows: when the download's first chunk arrives, most of
  // the file is still on the service's side.
  const content = randomBytes(48 * 1024 * 1024 + 321);
  const user = suite.client({ token });
  const files = user.vaultStorage.file;
  const queried: string[] = [];
  const query = files.queryUploadStatus.bind(files);
  files.queryUploadStatus = (request, options) => {
    queried.push(request.uploadId ?? "");
    return query(request, options);
  };
  const offsets: bigint[] = [];
  const download = files.download.bind(files);
  files.download = (request, options) => {
    offsets.push(request.offset ?? 0n);
    return download(request, options);
  };

  // A file read by position, whose reads pass through the crash.
  let crash = new Crash(content.length / 2);
  const source = {
    stat: async () => ({ size: content.length }),
    read: async (buffer: Uint8Array, at: number, length: number, position: number) => {
      await crash.passed(position);
      const bytes = content.subarray(position, position + length);
      buffer.set(bytes, at);
      return { bytesRead: bytes.length, buffer };
    },
  } as unknown as FileHandle;
  const stored = await uploadFile(user.vaultStorage, source, { volumeId, path: "crash/up.bin" }, { chunkBytes: 256 * 1024 });
  await crash.recovered();
  assert.equal(stored.size, BigInt(content.length));
  assert.deepEqual(Buffer.from(stored.sha256), createHash("sha256").update(content).digest());
  // The same upload resumed, never started over.
  assert.ok(queried.length > 0 && new Set(queried).size === 1, `${queried}`);

  crash = new Crash(1); // at the first chunk: most of the file is still unsent
  const parts: Buffer[] = [];
  let received = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      received += chunk.length;
      crash.passed(received).then(() => done(), done);
    },
  });
  const record = await downloadFile(user.vaultStorage, stored.id, sink);
  await crash.recovered();
  assert.equal(record.id, stored.id);
  assert.ok(Buffer.concat(parts).equals(content));
  // The download went on from the bytes it had.
  assert.equal(offsets[0], 0n);
  assert.ok(offsets.slice(1).some((offset) => offset > 0n), `${offsets}`);
  user.close();
});

function deviceKeys(): messaging.DeviceKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const signedPrekey = randomBytes(32);
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return {
    $typeName: "tessera.messaging.v1.DeviceKeys",
    identityKeyType: messaging.IdentityKeyType.ED25519,
    identityKey: raw,
    lastResortPrekey: randomBytes(32),
    signedPrekey,
    signedPrekeySignature: sign(null, signedPrekey, privateKey),
  };
}

test("a message reaches the other user's device once", async () => {
  const anonymous = suite.client();
  const alice = await signUp(anonymous, "alice");
  const bob = await signUp(anonymous, "bob");
  anonymous.close();
  const a = suite.client({ token: alice.token });
  const b = suite.client({ token: bob.token });
  const { device: phone } = await a.messaging.device.enrollDevice({ keys: deviceKeys() });
  const { device: laptop } = await b.messaging.device.enrollDevice({ keys: deviceKeys() });
  const { chat } = await a.messaging.chat.getOrCreateDirectChat({ userId: bob.user.id });
  const send = {
    chatId: chat!.id,
    deviceId: phone!.id,
    logicalMsgId: "m-1",
    envelopes: [
      {
        toDeviceId: laptop!.id,
        header: { dhPubkey: new Uint8Array(32), pn: 0, n: 1 },
        ciphertext: new TextEncoder().encode("sealed hello"),
        identityKey: laptop!.keys!.identityKey,
      },
    ],
  };
  const first = await a.messaging.message.sendMessage(send);
  const again = await a.messaging.message.sendMessage(send);
  assert.deepEqual(
    again.deliveries.map((d) => d.messageId),
    first.deliveries.map((d) => d.messageId),
  );
  const pulled = await b.messaging.message.pullMessages({ deviceId: laptop!.id });
  assert.deepEqual(
    pulled.messages.map((m) => [m.fromUserId, new TextDecoder().decode(m.ciphertext)]),
    [[alice.user.id, "sealed hello"]],
  );
  a.close();
  b.close();
});

test("a secret env var is masked and revealed to its owner only", async () => {
  const anonymous = suite.client();
  const owner = await signUp(anonymous, "builder");
  const snoop = await signUp(anonymous, "snoop");
  anonymous.close();
  const client = suite.client({ token: owner.token });
  const projects = client.projectIntelligence;
  const { project } = await projects.project.createProject({
    project: { name: "shop", intent: intelligence.Intent.STARTUP },
  });
  await projects.envVar.setEnvVar({
    projectId: project!.id,
    envVar: { key: "STRIPE_KEY", value: "sk_live_123", isSecret: true },
  });
  const listed = await projects.envVar.listEnvVars({ projectId: project!.id });
  assert.equal(listed.envVars.length, 1);
  assert.notEqual(listed.envVars[0]!.value, "sk_live_123");
  const { envVar } = await projects.envVar.revealEnvVar({ projectId: project!.id, key: "STRIPE_KEY" });
  assert.equal(envVar?.value, "sk_live_123");
  const other = suite.client({ token: snoop.token });
  const refused = await other.projectIntelligence.envVar
    .revealEnvVar({ projectId: project!.id, key: "STRIPE_KEY" })
    .catch((e: unknown) => e);
  assert.ok(refused instanceof TesseraError && refused.code === Code.NotFound);
  other.close();
  client.close();
});
