//! Background upkeep of the Storage Service: unfinished uploads past their 7 days end (bytes
//! and reservation freed), and soft-deleted files past `TESSERA_STORAGE_RETENTION` are purged
//! (record, kept versions, and every object no other record or upload still needs). The vault's
//! graveyard is purged after `TESSERA_VAULT_GRAVEYARD_RETENTION`, its pending files expire
//! after 24 hours, blobs in no manifest and unseen for `TESSERA_BLOB_RETENTION` are collected,
//! and queued object deletions are carried out.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::Context;
use tessera_kit::db::ScopedFutureExt;
use tessera_schema::vault::{storage_file_versions, storage_files, storage_uploads};

use crate::error::StorageError;
use crate::files::commit::{lock_object, referenced};
use crate::files::records::{self, FileRow};
use crate::files::uploads;
use crate::ids::{FileId, UploadId};
use crate::state::Storage;
use crate::volumes;

/// How often the sweep runs.
const INTERVAL: Duration = Duration::from_secs(300);
/// Rows handled per kind and sweep (the next sweep takes the rest).
const BATCH: i64 = 200;

/// What one sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub expired_uploads: usize,
    pub purged_files: usize,
    pub purged_vault_files: usize,
    pub expired_vault_files: usize,
    pub deleted_objects: usize,
    pub collected_blobs: usize,
    pub expired_blob_writes: usize,
}

/// Starts the sweep loop once the schema is migrated; it ends with the service.
pub fn start(ctx: &Context, storage: Storage) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        if !ctx.wait_until_ready().await {
            return;
        }
        loop {
            match sweep(&storage, Utc::now()).await {
                Ok(swept) if swept != Swept::default() => tracing::info!(?swept, "storage sweep"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the storage sweep failed"),
            }
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = tokio::time::sleep(INTERVAL) => {}
            }
        }
    });
}

/// One sweep as of `now`.
pub async fn sweep(storage: &Storage, now: DateTime<Utc>) -> Result<Swept, StorageError> {
    let mut swept = Swept::default();
    let expired: Vec<UploadId> = {
        let mut conn = storage.db.conn().await?;
        storage_uploads::table
            .filter(storage_uploads::expires_at.le(now))
            .select(storage_uploads::id)
            .order(storage_uploads::expires_at.asc())
            .limit(BATCH)
            .load(&mut *conn)
            .await?
    };
    for id in expired {
        uploads::abort(storage, id, None).await?;
        swept.expired_uploads += 1;
    }
    let retention =
        chrono::Duration::from_std(storage.config.retention).unwrap_or(chrono::Duration::MAX);
    let due: Vec<FileRow> = {
        let mut conn = storage.db.conn().await?;
        storage_files::table
            .filter(storage_files::deleted_at.le(now - retention))
            .select(FileRow::as_select())
            .order(storage_files::deleted_at.asc())
            .limit(BATCH)
            .load(&mut *conn)
            .await?
    };
    for file in due {
        purge(storage, &file).await?;
        swept.purged_files += 1;
    }
    (swept.purged_vault_files, swept.expired_vault_files) =
        crate::vault::graveyard::sweep(storage, now).await?;
    let unseen =
        chrono::Duration::from_std(storage.config.blob_retention).unwrap_or(chrono::Duration::MAX);
    swept.collected_blobs = crate::blobs::manifests::collect_blobs(storage, now - unseen).await?;
    swept.deleted_objects = crate::vault::deletions::drain(storage, now).await?;
    Ok(swept)
}

/// Removes a soft-deleted file's record and versions, then each of its objects that nothing
/// else needs: no record or version points at it, and no upload in flight may write it.
async fn purge(storage: &Storage, file: &FileRow) -> Result<(), StorageError> {
    let id: FileId = file.id;
    let paths = storage
        .db
        .transaction("purge_file", move |conn| {
            async move {
                let mut paths: Vec<(String, Option<String>)> = storage_file_versions::table
                    .filter(storage_file_versions::file_id.eq(id))
                    .select((
                        storage_file_versions::storage_path,
                        storage_file_versions::backend_version,
                    ))
                    .load(conn)
                    .await?;
                let deleted: Option<(String, Option<String>)> = diesel::delete(
                    storage_files::table
                        .find(id)
                        .filter(storage_files::deleted_at.is_not_null()),
                )
                .returning((storage_files::storage_path, storage_files::backend_version))
                .get_result(conn)
                .await
                .optional()?;
                match deleted {
                    Some(path) => paths.push(path),
                    None => paths.clear(), // restored or purged meanwhile
                }
                Ok::<_, StorageError>(paths)
            }
            .scope_boxed()
        })
        .await?;
    if paths.is_empty() {
        return Ok(());
    }
    let (volume, store) = {
        let mut conn = storage.db.conn().await?;
        let volume = volumes::load(&mut conn, file.volume_id)
            .await?
            .ok_or_else(|| StorageError::Internal("a file without its volume".into()))?;
        let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
        (volume, store)
    };
    let uploading = {
        let mut conn = storage.db.conn().await?;
        records::upload_in_flight(
            &mut conn,
            file.volume_id,
            file.namespace,
            &file.owner_key(),
            &file.path,
        )
        .await?
    };
    for (path, version) in paths {
        if let Some(version) = version {
            // A backend version (`target` versioning) belongs to this file alone.
            store.delete_version(&path, &version).await?;
            continue;
        }
        let (volume, store, path) = (&volume, &store, &path);
        storage
            .db
            .transaction("purge_object", move |conn| {
                async move {
                    lock_object(conn, volume.id, path).await?;
                    // A read-only volume's objects are the operator's: the record goes, they stay.
                    if !store.read_only()
                        && !uploading
                        && !referenced(conn, volume.id, path).await?
                    {
                        store.delete(path).await?;
                    }
                    Ok::<_, StorageError>(())
                }
                .scope_boxed()
            })
            .await?;
    }
    Ok(())
}
