//! Downloads: the record first, then the requested range straight from the backend in chunks
//! of at most 1 MiB. A backend that ends the range early is reported as DATA_LOSS rather than
//! passed off as the whole file.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_files;

use super::records::{FileRow, Principal};
use crate::drivers::{CHUNK, DriverError};
use crate::error::StorageError;
use crate::ids::FileId;
use crate::state::Storage;
use crate::volumes;

/// The file (if the caller may read it) and its bytes in the requested range.
pub async fn open(
    storage: &Storage,
    principal: Option<&Principal>,
    request: &pb::DownloadRequest,
) -> Result<
    (
        FileRow,
        BoxStream<'static, Result<bytes::Bytes, StorageError>>,
    ),
    StorageError,
> {
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
    let bytes = if start == end {
        futures::stream::empty().boxed()
    } else {
        match &file.backend_version {
            Some(version) => {
                store
                    .read_version(&file.storage_path, version, start..end)
                    .await?
            }
            None => store.read(&file.storage_path, start..end).await?,
        }
    };
    Ok((file, exactly(bytes, end - start)))
}

/// `bytes` as messages of at most CHUNK bytes (slices of the backend's buffers: no copy),
/// ending in DATA_LOSS if the backend hands over other than `expected` bytes.
pub fn exactly(
    bytes: BoxStream<'static, Result<bytes::Bytes, DriverError>>,
    expected: u64,
) -> BoxStream<'static, Result<bytes::Bytes, StorageError>> {
    let sent = Arc::new(AtomicU64::new(0));
    let counted = {
        let sent = sent.clone();
        bytes
            .map_err(StorageError::from)
            .map_ok(|bytes| {
                let pieces: Vec<Result<bytes::Bytes, StorageError>> = (0..bytes.len())
                    .step_by(CHUNK)
                    .map(|at| Ok(bytes.slice(at..(at + CHUNK).min(bytes.len()))))
                    .collect();
                futures::stream::iter(pieces)
            })
            .try_flatten()
            .inspect_ok(move |chunk| {
                sent.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            })
    };
    let check = futures::stream::once(async move {
        let got = AtomicU64::load(&sent, Ordering::Relaxed);
        if got == expected {
            None
        } else {
            Some(Err(StorageError::DataLoss(format!(
                "the backend returned {got} of {expected} bytes"
            ))))
        }
    })
    .filter_map(|item| async move { item });
    counted.chain(check).boxed()
}
