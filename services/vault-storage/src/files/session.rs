//! One Upload stream: it takes the upload's lease, skips what is persisted already, stages the
//! chunks as parts (each recorded once it is durably written, so a broken stream keeps them),
//! hashes everything in order, and on `finish` verifies size and SHA-256 before committing.
//! Memory stays bounded: a part's writer takes at most a few chunks ahead of the backend.

use bytes::Bytes;
use futures::TryStreamExt;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tessera_kit::stream::ClientStream;
use tessera_proto::tessera::vault::v1 as pb;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Streaming;
use uuid::Uuid;

use super::commit::commit;
use super::records::{self, Principal};
use super::uploads::{self, UploadRow};
use crate::drivers::{DriverError, Store};
use crate::error::StorageError;
use crate::ids::UploadId;
use crate::state::Storage;
use crate::volumes;

use pb::upload_request::Message;

/// Largest chunk a client may send.
pub const MAX_CHUNK: usize = 2 << 20;
/// How often a streaming writer renews its lease (a third of `uploads::LEASE`).
const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(10);
/// Chunks queued for a part's writer.
const QUEUE: usize = 4;

/// The writer of one part, running beside the stream.
pub(crate) struct Part {
    offset: u64,
    len: u64,
    tx: mpsc::Sender<Result<Bytes, DriverError>>,
    task: JoinHandle<Result<u64, DriverError>>,
}

impl Part {
    pub(crate) fn start(store: &Store, dir: &str, offset: u64) -> Self {
        let (tx, rx) = mpsc::channel(QUEUE);
        let (store, dir) = (store.clone(), dir.to_owned());
        let task = tokio::spawn(async move {
            store
                .stage_part(&dir, offset, ReceiverStream::new(rx))
                .await
        });
        Self {
            offset,
            len: 0,
            tx,
            task,
        }
    }

    pub(crate) async fn send(&mut self, chunk: Bytes) -> Result<(), StorageError> {
        self.len += chunk.len() as u64;
        if self.tx.send(Ok(chunk)).await.is_err() {
            // The writer stopped early: its result says why.
            let (_, task) = (self.tx.clone(), &mut self.task);
            return Err(match task.await {
                Ok(Err(err)) => err.into(),
                _ => StorageError::Internal("a part writer stopped".into()),
            });
        }
        Ok(())
    }

    /// Waits for the part to be durable; returns its (offset, length).
    pub(crate) async fn finish(self) -> Result<(u64, u64), StorageError> {
        drop(self.tx);
        let written = self
            .task
            .await
            .map_err(|e| StorageError::Internal(e.to_string()))??;
        if written != self.len {
            return Err(StorageError::Internal(format!(
                "a part took {written} of {} bytes",
                self.len
            )));
        }
        Ok((self.offset, self.len))
    }

    /// Abandons the part: the writer aborts what it wrote (it is never recorded).
    pub(crate) async fn abort(self) {
        let _ = self
            .tx
            .send(Err(DriverError::Unavailable(
                "the upload stream ended".into(),
            )))
            .await;
        drop(self.tx);
        let _ = self.task.await;
    }
}

/// SHA-256 on a thread of its own, beside receiving and writing: it is the costliest step
/// per byte, and chunks are shared, not copied, to get there.
pub(crate) struct Hashing {
    tx: mpsc::Sender<Bytes>,
    task: JoinHandle<Sha256>,
}

impl Hashing {
    pub(crate) fn start() -> Self {
        let (tx, mut rx) = mpsc::channel::<Bytes>(QUEUE * 2);
        let task = tokio::task::spawn_blocking(move || {
            let mut hasher = Sha256::new();
            while let Some(chunk) = rx.blocking_recv() {
                hasher.update(&chunk);
            }
            hasher
        });
        Self { tx, task }
    }

    pub(crate) async fn update(&self, chunk: Bytes) -> Result<(), StorageError> {
        self.tx
            .send(chunk)
            .await
            .map_err(|_| StorageError::Internal("the hashing thread stopped".into()))
    }

    pub(crate) async fn finish(self) -> Result<[u8; 32], StorageError> {
        drop(self.tx);
        let hasher = self
            .task
            .await
            .map_err(|e| StorageError::Internal(e.to_string()))?;
        Ok(hasher.finalize().into())
    }
}

/// The Upload RPC. An upload this stream started (its first message a spec) is the stream's
/// alone: the client learns its id only from a successful answer, so when the stream fails or
/// is refused, the upload ends with it (reservation, path claim and staged bytes released). A
/// resumed upload keeps what it has: its client knows the id and can resume or cancel it.
pub async fn upload(
    storage: &Storage,
    principal: &Principal,
    stream: Streaming<pb::UploadRequest>,
) -> Result<pb::UploadResponse, StorageError> {
    let mut stream = ClientStream::from(stream);
    let first = stream
        .first_message("message", "a spec or a resume")
        .await?
        .message
        .ok_or_else(|| StorageError::invalid("message", "the first message is spec or resume"))?;
    let (row, write_offset, started) = match first {
        Message::Spec(spec) => (
            uploads::start(storage, principal, Some(&spec), "spec").await?,
            0,
            true,
        ),
        Message::Resume(resume) => {
            let id = UploadId::parse("resume.upload_id", &resume.upload_id)?;
            let mut conn = storage.db.conn().await?;
            (
                uploads::load_visible(&mut conn, principal, id).await?,
                resume.write_offset,
                false,
            )
        }
        _ => {
            return Err(StorageError::invalid(
                "message",
                "the first message is spec or resume",
            ));
        }
    };
    let mut lease = Lease {
        storage: storage.clone(),
        id: row.id,
        writer: Uuid::now_v7(),
        part: None,
        started,
        ended: false,
    };
    let outcome = match uploads::claim(storage, row.id, lease.writer).await {
        Ok(row) => write(storage, row, &mut lease, write_offset, &mut stream).await,
        Err(err) => Err(err),
    };
    lease.end(outcome.is_ok()).await;
    outcome
}

/// The stream's hold on the upload and the part it is writing. However the stream ends, the
/// unfinished part's writer is stopped first; then the upload is given back (a resumed stream
/// need not wait for the lease to lapse), or ended when this stream started it and failed.
/// When the handler is dropped (the client went away), `Drop` does the same in a task.
struct Lease {
    storage: Storage,
    id: UploadId,
    writer: Uuid,
    part: Option<Part>,
    /// The upload was started by this stream's spec: its client does not know its id.
    started: bool,
    ended: bool,
}

impl Lease {
    /// Hands the upload back and waits for it. The work runs in a task of its own: were this
    /// call cancelled halfway (its client gone just as the stream ended), the upload would
    /// stay held by a stream that no longer exists.
    async fn end(mut self, succeeded: bool) {
        self.ended = true;
        let abandon = self.started && !succeeded;
        let (storage, id, writer, part) =
            (self.storage.clone(), self.id, self.writer, self.part.take());
        let handing =
            tokio::spawn(async move { hand_back(&storage, id, writer, part, abandon).await });
        let _ = handing.await;
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if self.ended {
            return;
        }
        let (storage, id, writer, part) =
            (self.storage.clone(), self.id, self.writer, self.part.take());
        let abandon = self.started;
        tokio::spawn(async move { hand_back(&storage, id, writer, part, abandon).await });
    }
}

async fn hand_back(
    storage: &Storage,
    id: UploadId,
    writer: Uuid,
    part: Option<Part>,
    abandon: bool,
) {
    if let Some(part) = part {
        part.abort().await;
    }
    if abandon {
        if let Err(err) = uploads::abort(storage, id, None).await {
            tracing::warn!(upload = %id, error = %err, "ending a failed upload failed; it expires by itself");
        }
    } else {
        uploads::release(storage, id, writer).await;
    }
}

async fn write(
    storage: &Storage,
    mut row: UploadRow,
    lease: &mut Lease,
    write_offset: i64,
    stream: &mut ClientStream<pb::UploadRequest>,
) -> Result<pb::UploadResponse, StorageError> {
    if write_offset < 0 || write_offset > row.persisted_size {
        return Err(StorageError::OutOfRange(format!(
            "write_offset must be between 0 and the persisted size, {}",
            row.persisted_size
        )));
    }
    let (volume, store) = {
        let mut conn = storage.db.conn().await?;
        let volume = uploads::active_volume(&mut conn, row.volume_id).await?;
        let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
        (volume, store)
    };
    let persisted = row.persisted_size as u64;
    let declared = row.declared_size as u64;
    let hasher = Hashing::start();
    if persisted > 0 {
        let mut staged = store
            .read_staged(&row.staging_path, &row.parts(), persisted, 0..persisted)
            .await?;
        let mut read = 0u64;
        while let Some(chunk) = staged.try_next().await? {
            read += chunk.len() as u64;
            hasher.update(chunk).await?;
        }
        if read != persisted {
            return Err(StorageError::Backend(DriverError::Unavailable(format!(
                "read back {read} of {persisted} staged bytes"
            ))));
        }
    }
    let mut skip = persisted - write_offset as u64;
    let mut offset = persisted;
    let writer = lease.writer;
    // The lease is renewed well within its length, parts or not, so a slow backend does not
    // lose the upload to another stream.
    let mut renewed = std::time::Instant::now();
    loop {
        let message = match stream.next().await {
            Ok(Some(message)) => message.message,
            Ok(None) => {
                // Closed without finish: keep what was sent for a later resume.
                if let Some(part) = lease.part.take() {
                    let (start, len) = part.finish().await?;
                    uploads::record_part(storage, row.id, writer, start as i64, len as i64).await?;
                    row.persisted_size = (start + len) as i64;
                }
                return Ok(pb::UploadResponse {
                    upload: Some(uploads::upload(&row)),
                    file: None,
                });
            }
            Err(err) => return Err(err.into()),
        };
        match message {
            Some(Message::Chunk(mut chunk)) => {
                if chunk.len() > MAX_CHUNK {
                    return Err(StorageError::invalid("chunk", "chunks are at most 2 MiB"));
                }
                if skip > 0 {
                    let n = skip.min(chunk.len() as u64);
                    chunk = chunk.slice(n as usize..);
                    skip -= n;
                }
                if chunk.is_empty() {
                    continue;
                }
                if offset + chunk.len() as u64 > declared {
                    if let Some(part) = lease.part.take() {
                        part.abort().await;
                    }
                    uploads::abort(storage, row.id, Some(&store)).await?;
                    return Err(StorageError::OutOfRange(format!(
                        "more bytes than the declared size, {declared}"
                    )));
                }
                hasher.update(chunk.clone()).await?;
                if renewed.elapsed() >= RENEW_EVERY {
                    uploads::renew(storage, row.id, writer).await?;
                    renewed = std::time::Instant::now();
                }
                offset += chunk.len() as u64;
                let current = lease.part.get_or_insert_with(|| {
                    Part::start(&store, &row.staging_path, offset - chunk.len() as u64)
                });
                current.send(chunk).await?;
                if current.len >= storage.config.part_bytes {
                    let (start, len) = lease
                        .part
                        .take()
                        .map(Part::finish)
                        .ok_or_else(|| StorageError::Internal("no part".into()))?
                        .await?;
                    uploads::record_part(storage, row.id, writer, start as i64, len as i64).await?;
                    row.part_offsets.push(Some(start as i64));
                    row.persisted_size = (start + len) as i64;
                }
            }
            Some(Message::Finish(finish)) => {
                if let Some(part) = lease.part.take() {
                    let (start, len) = part.finish().await?;
                    uploads::record_part(storage, row.id, writer, start as i64, len as i64).await?;
                    row.part_offsets.push(Some(start as i64));
                    row.persisted_size = (start + len) as i64;
                }
                if offset != declared {
                    uploads::abort(storage, row.id, Some(&store)).await?;
                    return Err(StorageError::OutOfRange(format!(
                        "{offset} bytes arrived, {declared} were declared"
                    )));
                }
                let sha = hasher.finish().await?;
                let sent_matches = bool::from(finish.sha256[..].ct_eq(&sha));
                let declared_matches = row
                    .declared_sha256
                    .as_ref()
                    .is_none_or(|d| bool::from(d.as_slice().ct_eq(&sha)));
                if !sent_matches || !declared_matches {
                    uploads::abort(storage, row.id, Some(&store)).await?;
                    return Err(StorageError::DataLoss("the content does not have the SHA-256 it was sent with; nothing was stored".into()));
                }
                if declared > 0 && row.part_offsets.is_empty() {
                    return Err(StorageError::Internal("no staged part".into()));
                }
                if declared == 0 {
                    // Nothing was staged: an empty object.
                    store
                        .stage_part(&row.staging_path, 0, futures::stream::empty())
                        .await?;
                    row.part_offsets.push(Some(0));
                }
                let file = commit(storage, &store, &volume, &row, writer, sha).await?;
                return Ok(pb::UploadResponse {
                    upload: Some(uploads::upload(&row)),
                    file: Some(records::file(&file)),
                });
            }
            Some(Message::Spec(_) | Message::Resume(_)) | None => {
                return Err(StorageError::invalid(
                    "message",
                    "after the first message come only chunks and finish",
                ));
            }
        }
    }
}
