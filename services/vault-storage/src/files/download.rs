//! Downloads: the record first, then the requested range straight from the backend in chunks
//! of at most 1 MiB, checked against the record ([`read_checked`]): bytes that are not the
//! file's (short, long, or of another hash) end the stream with DATA_LOSS rather than being
//! passed off as the file.

use std::ops::Range;

use bytes::Bytes;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use subtle::ConstantTimeEq;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_files;

use super::records::{FileRow, Principal};
use super::session::Hashing;
use crate::drivers::{CHUNK, DriverError, Store};
use crate::error::StorageError;
use crate::ids::FileId;
use crate::state::Storage;
use crate::volumes;

/// The file (if the caller may read it) and its bytes in the requested range.
pub async fn open(
    storage: &Storage,
    principal: Option<&Principal>,
    request: &pb::DownloadRequest,
) -> Result<(FileRow, BoxStream<'static, Result<Bytes, StorageError>>), StorageError> {
    let id = FileId::parse("file_id", &request.file_id)?;
    let mut conn = storage.db.conn().await?;
    let file: FileRow = storage_files::table
        .find(id)
        .select(FileRow::as_select())
        .first(&mut *conn)
        .await
        .optional()?
        .filter(|f| f.deleted_at.is_none() && (f.is_public || principal.is_some_and(|p| p.sees(f))))
        .ok_or_else(|| match principal {
            Some(_) => StorageError::not_found("file", id),
            // Nothing public by that id: say what would help.
            None => StorageError::Unauthenticated,
        })?;
    // An earlier version: its bytes, size, hash and type, under the file's record.
    let mut file = file;
    if request.version != 0 {
        let kept = super::versions::load(&mut conn, id, request.version)
            .await?
            .ok_or_else(|| {
                StorageError::not_found("file version", format!("{id}@{}", request.version))
            })?;
        file.storage_path = kept.storage_path;
        file.size = kept.size;
        file.sha256 = kept.sha256;
        file.mime_type = kept.mime_type;
        file.version = kept.version;
        file.backend_version = kept.backend_version;
    }
    let size = file.size as u64;
    if request.offset < 0 || request.offset as u64 > size {
        return Err(StorageError::OutOfRange(format!(
            "offset must be between 0 and the file's size, {size}"
        )));
    }
    if request.limit < 0 {
        return Err(StorageError::invalid("limit", "must not be negative"));
    }
    let start = request.offset as u64;
    let end = match request.limit {
        0 => size,
        limit => size.min(start.saturating_add(limit as u64)),
    };
    let volume = crate::files::uploads::active_volume(&mut conn, file.volume_id).await?;
    let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
    drop(conn);
    let recorded = Recorded {
        path: &file.storage_path,
        size,
        sha256: &file.sha256,
    };
    let bytes = read_checked(
        &store,
        recorded,
        start..end,
        file.backend_version.as_deref(),
    )
    .await?;
    Ok((file, bytes))
}

/// What a stored object must be: its recorded size and SHA-256.
#[derive(Debug, Clone, Copy)]
pub struct Recorded<'a> {
    pub path: &'a str,
    pub size: u64,
    pub sha256: &'a [u8],
}

/// `range` of the object `recorded` names, checked against its record, so a download never
/// passes off other bytes (another volume's, a truncated or rewritten object) as the file: a
/// whole read is hashed as it streams and its last piece is held back until size and SHA-256
/// match; a ranged read first compares the object's size with the record. A mismatch is
/// DATA_LOSS, logged as an integrity fault. `version` reads a kept backend version.
pub async fn read_checked(
    store: &Store,
    recorded: Recorded<'_>,
    range: Range<u64>,
    version: Option<&str>,
) -> Result<BoxStream<'static, Result<Bytes, StorageError>>, StorageError> {
    let whole = range.start == 0 && range.end == recorded.size;
    if range.is_empty() {
        return Ok(futures::stream::empty().boxed());
    }
    if !whole && version.is_none() {
        let stored = store.size(recorded.path).await?;
        if stored != recorded.size {
            return Err(integrity_fault(
                recorded.path,
                &format!("holds {stored} bytes, the record says {}", recorded.size),
            ));
        }
    }
    let bytes = match version {
        Some(version) => {
            store
                .read_version(recorded.path, version, range.clone())
                .await?
        }
        None => store.read(recorded.path, range.clone()).await?,
    };
    let expected_sha = whole.then(|| recorded.sha256.to_vec());
    Ok(verified(
        bytes,
        range.end - range.start,
        expected_sha,
        recorded.path.to_owned(),
    ))
}

/// DATA_LOSS for stored bytes that are not what was recorded; the object's path goes to the
/// log, never to the caller.
pub fn integrity_fault(path: &str, what: &str) -> StorageError {
    tracing::error!(target: "tessera_vault_storage::integrity", path, what, "integrity fault: stored bytes do not match their record");
    StorageError::DataLoss(
        "the stored bytes do not match their record; nothing more is served".into(),
    )
}

/// `bytes` as messages of at most CHUNK bytes (slices of the backend's buffers: no copy),
/// ending in DATA_LOSS when the backend hands over other than `expected` bytes or, with
/// `sha256`, bytes of another hash (then the last message is withheld, so a client never holds
/// the whole of a wrong file).
fn verified(
    bytes: BoxStream<'static, Result<Bytes, DriverError>>,
    expected: u64,
    sha256: Option<Vec<u8>>,
    path: String,
) -> BoxStream<'static, Result<Bytes, StorageError>> {
    let pieces = bytes
        .map_err(StorageError::from)
        .map_ok(|bytes| {
            let pieces: Vec<Result<Bytes, StorageError>> = (0..bytes.len())
                .step_by(CHUNK)
                .map(|at| Ok(bytes.slice(at..(at + CHUNK).min(bytes.len()))))
                .collect();
            futures::stream::iter(pieces)
        })
        .try_flatten()
        .boxed();
    let state = Verify {
        pieces,
        held: None,
        hasher: sha256.as_ref().map(|_| Hashing::start()),
        sha256,
        sent: 0,
        expected,
        path,
        done: false,
    };
    futures::stream::unfold(state, Verify::step).boxed()
}

struct Verify {
    pieces: BoxStream<'static, Result<Bytes, StorageError>>,
    held: Option<Bytes>,
    hasher: Option<Hashing>,
    sha256: Option<Vec<u8>>,
    sent: u64,
    expected: u64,
    path: String,
    done: bool,
}

impl Verify {
    async fn step(mut self) -> Option<(Result<Bytes, StorageError>, Self)> {
        if self.done {
            return None;
        }
        loop {
            match self.pieces.next().await {
                Some(Ok(piece)) => {
                    self.sent += piece.len() as u64;
                    if let Some(hasher) = &self.hasher
                        && let Err(err) = hasher.update(piece.clone()).await
                    {
                        self.done = true;
                        return Some((Err(err), self));
                    }
                    if let Some(previous) = self.held.replace(piece) {
                        return Some((Ok(previous), self));
                    }
                }
                Some(Err(err)) => {
                    self.done = true;
                    return Some((Err(err), self));
                }
                None => {
                    self.done = true;
                    return match self.check().await {
                        Ok(()) => self.held.take().map(|last| (Ok(last), self)),
                        Err(err) => Some((Err(err), self)),
                    };
                }
            }
        }
    }

    async fn check(&mut self) -> Result<(), StorageError> {
        if self.sent != self.expected {
            return Err(StorageError::DataLoss(format!(
                "the backend returned {} of {} bytes",
                self.sent, self.expected
            )));
        }
        if let (Some(hasher), Some(expected)) = (self.hasher.take(), &self.sha256) {
            let got = hasher.finish().await?;
            if !bool::from(got.as_slice().ct_eq(expected)) {
                return Err(integrity_fault(
                    &self.path,
                    "its SHA-256 differs from the record",
                ));
            }
        }
        Ok(())
    }
}
