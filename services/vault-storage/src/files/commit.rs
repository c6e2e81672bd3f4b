//! Committing a verified upload: its bytes move from staging to their object path, then one
//! transaction writes the file record (or its new version), turns the reservation into usage
//! and ends the upload. Only one upload per path is ever in flight (the path claim), so no
//! other commit races this one for the same object.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::db::ScopedFutureExt;
use tessera_schema::vault::{storage_file_versions, storage_files, storage_uploads};
use uuid::Uuid;

use super::records::FileRow;
use super::uploads::UploadRow;
use crate::drivers::{DriverError, Store};
use crate::error::StorageError;
use crate::ids::{FileId, PathStrategy, VersioningMode, VolumeId};
use crate::layout::Naming;
use crate::quotas;
use crate::state::Storage;
use crate::volumes::VolumeRow;

/// The live file at the upload's path, if any.
async fn live_file(
    conn: &mut AsyncPgConnection,
    upload: &UploadRow,
    lock: bool,
) -> Result<Option<FileRow>, StorageError> {
    // `users` files are the user's whichever app stored them; `apps` files have no user.
    let query = storage_files::table
        .filter(storage_files::volume_id.eq(upload.volume_id))
        .filter(storage_files::namespace.eq(upload.namespace))
        .filter(storage_files::path.eq(&upload.path))
        .filter(storage_files::deleted_at.is_null())
        .filter(storage_files::user_id.is_not_distinct_from(upload.user_id))
        .filter(
            storage_files::namespace
                .eq(crate::ids::Namespace::Users)
                .or(storage_files::app_id.is_not_distinct_from(upload.app_id.clone())),
        )
        .select(FileRow::as_select());
    Ok(if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    })
}

/// Where the new content goes.
fn object_path(
    volume: &VolumeRow,
    upload: &UploadRow,
    file_id: FileId,
    version: i64,
    sha: &[u8; 32],
) -> Result<String, StorageError> {
    if volume.versioning_mode == VersioningMode::Source
        && volume.auto_path_strategy != PathStrategy::Hash
    {
        return Ok(format!(
            "{}{file_id}/{version}",
            volume.service_dir("versions")
        ));
    }
    let owner = upload.owner_key();
    volume
        .layout()
        .storage_path(&Naming {
            namespace: upload.namespace,
            owner: &owner,
            path: &upload.path,
            file_id: upload.id.as_uuid(),
            sha256: Some(sha),
        })
        .ok_or_else(|| StorageError::Internal("no object path".into()))
}

/// Whether any record or kept version still points at `path` on the volume.
pub async fn referenced(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    path: &str,
) -> Result<bool, StorageError> {
    let files: i64 = storage_files::table
        .filter(storage_files::volume_id.eq(volume))
        .filter(storage_files::storage_path.eq(path))
        .count()
        .get_result(conn)
        .await?;
    let versions: i64 = storage_file_versions::table
        .inner_join(storage_files::table)
        .filter(storage_files::volume_id.eq(volume))
        .filter(storage_file_versions::storage_path.eq(path))
        .count()
        .get_result(conn)
        .await?;
    Ok(files + versions > 0)
}

/// Serializes, until the transaction ends, everyone who adds or removes references to the
/// object `path` of `volume` (commits of shared objects, purges).
pub async fn lock_object(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    path: &str,
) -> Result<(), StorageError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind::<diesel::sql_types::Text, _>(format!("vault-object/{volume}/{path}"))
        .execute(conn)
        .await?;
    Ok(())
}

/// Commits `upload`, whose bytes (all persisted by `writer`) have SHA-256 `sha`.
pub async fn commit(
    storage: &Storage,
    store: &Store,
    volume: &VolumeRow,
    upload: &UploadRow,
    writer: Uuid,
    sha: [u8; 32],
) -> Result<FileRow, StorageError> {
    let versioned = volume.versioning_mode != VersioningMode::None;
    let target = volume.versioning_mode == VersioningMode::Target;
    let live = {
        let mut conn = storage.db.conn().await?;
        live_file(&mut conn, upload, false).await?
    };
    if live.is_some() && !versioned && !upload.overwrite {
        return Err(StorageError::AlreadyExists(
            "a file holds this path: set overwrite to replace it".into(),
        ));
    }
    let file_id = live
        .as_ref()
        .map_or(FileId::from_uuid(upload.id.as_uuid()), |f| f.id);
    let version = live.as_ref().map_or(1, |f| f.version + 1);
    let path = object_path(volume, upload, file_id, version, &sha)?;
    let total = upload.declared_size as u64;
    // A shared object (`hash`) is written, or found, under the object lock, so a purge cannot
    // remove it between here and the record; other objects belong to this upload alone.
    let shared = volume.auto_path_strategy == PathStrategy::Hash;
    if !shared {
        store
            .promote(&upload.staging_path, &upload.parts(), total, &path)
            .await?;
    }
    let backend_version = if target {
        store.version_of(&path).await?
    } else {
        None
    };
    let backend_version = &backend_version;
    let (path, sha) = (&path, &sha);
    let (file, replaced) = storage
        .db
        .transaction("commit_upload", move |conn| {
            async move {
                let mine: i64 = storage_uploads::table
                    .find(upload.id)
                    .filter(storage_uploads::writer_id.eq(writer))
                    .count()
                    .get_result(conn)
                    .await?;
                if mine == 0 {
                    return Err(StorageError::Aborted(
                        "the upload ended or was taken over while it committed".into(),
                    ));
                }
                if shared {
                    lock_object(conn, volume.id, path).await?;
                    if !matches!(store.size(path).await, Ok(size) if size == total) {
                        store
                            .promote(&upload.staging_path, &upload.parts(), total, path)
                            .await?;
                    }
                }
                let now = Utc::now();
                let live = live_file(conn, upload, true).await?;
                let mut replaced = None;
                let used = match &live {
                    Some(old) if versioned => {
                        diesel::insert_into(storage_file_versions::table)
                            .values((
                                storage_file_versions::file_id.eq(old.id),
                                storage_file_versions::version.eq(old.version),
                                storage_file_versions::storage_path.eq(&old.storage_path),
                                storage_file_versions::size.eq(old.size),
                                storage_file_versions::sha256.eq(&old.sha256),
                                storage_file_versions::mime_type.eq(&old.mime_type),
                                storage_file_versions::created_at.eq(old.updated_at),
                                storage_file_versions::backend_version.eq(&old.backend_version),
                            ))
                            .execute(conn)
                            .await?;
                        upload.declared_size
                    }
                    Some(old) => {
                        if old.storage_path != *path {
                            replaced = Some(old.storage_path.clone());
                        }
                        upload.declared_size - old.size
                    }
                    None => upload.declared_size,
                };
                let file = match &live {
                    Some(old) => {
                        diesel::update(storage_files::table.find(old.id))
                            .set((
                                storage_files::filename.eq(upload.filename()),
                                storage_files::storage_path.eq(path),
                                storage_files::mime_type.eq(&upload.mime_type),
                                storage_files::size.eq(upload.declared_size),
                                storage_files::metadata.eq(&upload.metadata),
                                storage_files::is_public.eq(upload.is_public),
                                storage_files::sha256.eq(sha.as_slice()),
                                storage_files::version.eq(old.version + 1),
                                storage_files::backend_version.eq(backend_version),
                                storage_files::updated_at.eq(now),
                            ))
                            .returning(FileRow::as_returning())
                            .get_result(conn)
                            .await?
                    }
                    None => {
                        diesel::insert_into(storage_files::table)
                            .values((
                                storage_files::id.eq(FileId::from_uuid(upload.id.as_uuid())),
                                storage_files::volume_id.eq(upload.volume_id),
                                storage_files::user_id.eq(upload.user_id),
                                storage_files::app_id.eq(&upload.app_id),
                                storage_files::namespace.eq(upload.namespace),
                                storage_files::path.eq(&upload.path),
                                storage_files::filename.eq(upload.filename()),
                                storage_files::storage_path.eq(path),
                                storage_files::mime_type.eq(&upload.mime_type),
                                storage_files::size.eq(upload.declared_size),
                                storage_files::metadata.eq(&upload.metadata),
                                storage_files::is_public.eq(upload.is_public),
                                storage_files::sha256.eq(sha.as_slice()),
                                storage_files::backend_version.eq(backend_version),
                            ))
                            .returning(FileRow::as_returning())
                            .get_result(conn)
                            .await?
                    }
                };
                if volume.auto_path_strategy != PathStrategy::Hash && !target {
                    // Soft-deleted records whose object this content replaced cannot come back
                    // (with `target` versioning their backend versions remain, purged by id).
                    diesel::delete(
                        storage_files::table
                            .filter(storage_files::volume_id.eq(volume.id))
                            .filter(storage_files::storage_path.eq(path))
                            .filter(storage_files::deleted_at.is_not_null()),
                    )
                    .execute(conn)
                    .await?;
                }
                quotas::settle(
                    conn,
                    upload.volume_id.as_uuid(),
                    &upload.owner(),
                    upload.declared_size,
                    used,
                )
                .await?;
                diesel::delete(storage_uploads::table.find(upload.id))
                    .execute(conn)
                    .await?;
                let replaced = match replaced {
                    Some(old) if !referenced(conn, volume.id, &old).await? => Some(old),
                    _ => None,
                };
                Ok((file, replaced))
            }
            .scope_boxed()
        })
        .await?;
    if shared {
        // Staged bytes an existing object made unnecessary (none after a promote).
        if let Err(err) = store.unstage(&upload.staging_path, &upload.parts()).await {
            tracing::warn!(upload = %upload.id, error = %err, "removing staged bytes failed");
        }
    }
    if let Some(old) = replaced {
        remove_object(store, &old).await;
    }
    Ok(file)
}

/// Removes an object no record points at any more; a failure leaves it for an operator.
pub async fn remove_object(store: &Store, path: &str) {
    match store.delete(path).await {
        Ok(()) | Err(DriverError::NotFound) => {}
        Err(err) => tracing::warn!(error = %err, "removing an unreferenced object failed"),
    }
}
