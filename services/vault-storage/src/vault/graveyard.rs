//! Deleting vault files: a complete file moves to the graveyard with its chunk pointers in one
//! transaction (its bytes still counted) until `TESSERA_VAULT_GRAVEYARD_RETENTION` passes; a
//! pending file is removed and its bytes released. The sweep purges the graveyard and expires
//! pending files after 24 hours. `storage_used_bytes` changes with the rows it counts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::paging::{Page, Query};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::folders as folder_rows;
use tessera_schema::vault::{file_chunks, files, graveyard, graveyard_chunks, user_crypto};
use uuid::Uuid;

use super::deletions;
use super::files::{self as vault_files, VaultFileRow, record};
use super::folders;
use crate::error::StorageError;
use crate::ids::{AnalyticsKind, FileState, FolderId, VaultFileId, VolumeId};
use crate::quotas::{self, Owner};
use crate::state::Storage;

/// How long a pending file may wait for its chunks.
pub const PENDING_TTL: chrono::Duration = chrono::Duration::hours(24);
/// Rows handled per kind and sweep.
const BATCH: i64 = 200;

/// A `graveyard` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = graveyard, check_for_backend(diesel::pg::Pg))]
pub struct GraveRow {
    pub file_id: VaultFileId,
    pub user_id: Uuid,
    pub folder_id: Option<FolderId>,
    pub volume_id: VolumeId,
    pub merkle_hash: Vec<u8>,
    pub encrypted_key: Vec<u8>,
    pub size: i64,
    pub chunk_count: i32,
    pub created_at: DateTime<Utc>,
    pub deleted_at: DateTime<Utc>,
    pub purge_at: DateTime<Utc>,
}

/// The wire form.
pub fn entry(row: &GraveRow) -> pb::GraveyardEntry {
    pb::GraveyardEntry {
        file_id: row.file_id.to_string(),
        folder_id: row.folder_id.map(|f| f.to_string()).unwrap_or_default(),
        encrypted_key: row.encrypted_key.clone().into(),
        size: row.size,
        chunk_count: row.chunk_count,
        merkle_hash: row.merkle_hash.clone().into(),
        delete_time: Some(timestamp(row.deleted_at)),
        purge_time: Some(timestamp(row.purge_at)),
    }
}

/// Adds `delta` to the user's counted bytes.
async fn count(conn: &mut AsyncPgConnection, user: Uuid, delta: i64) -> Result<(), StorageError> {
    diesel::update(user_crypto::table.find(user))
        .set(user_crypto::storage_used_bytes.eq(user_crypto::storage_used_bytes + delta))
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes `file` (locked by the caller): complete files go to the graveyard until `purge_at`,
/// pending ones go at once (bytes queued for deletion, reservation and count released).
pub async fn remove(
    conn: &mut AsyncPgConnection,
    file: &VaultFileRow,
    purge_at: DateTime<Utc>,
    pending_kind: AnalyticsKind,
) -> Result<Option<GraveRow>, StorageError> {
    if file.state == FileState::Pending {
        let paths: Vec<String> = file_chunks::table
            .filter(file_chunks::file_id.eq(file.id))
            .select(file_chunks::object_path)
            .load(conn)
            .await?;
        deletions::queue(conn, file.volume_id, &paths).await?;
        diesel::delete(files::table.find(file.id))
            .execute(conn)
            .await?;
        quotas::settle(conn, file.volume_id.as_uuid(), &file.owner(), file.size, 0).await?;
        count(conn, file.user_id, -file.size).await?;
        record(conn, file.user_id, pending_kind, file.size).await?;
        return Ok(None);
    }
    let ids = vec![file.id.as_uuid()];
    diesel::sql_query(
        "INSERT INTO vault.graveyard (file_id, user_id, folder_id, volume_id, merkle_hash,
             encrypted_key, size, chunk_count, created_at, purge_at)
         SELECT id, user_id, folder_id, volume_id, merkle_hash, encrypted_key, size, chunk_count,
             created_at, $2
         FROM vault.files WHERE id = ANY($1)",
    )
    .bind::<Array<SqlUuid>, _>(&ids)
    .bind::<Timestamptz, _>(purge_at)
    .execute(conn)
    .await?;
    diesel::sql_query(
        "INSERT INTO vault.graveyard_chunks (file_id, chunk_index, size, sha256, object_path, created_at)
         SELECT file_id, chunk_index, size, sha256, object_path, created_at
         FROM vault.file_chunks WHERE file_id = ANY($1)",
    )
    .bind::<Array<SqlUuid>, _>(&ids)
    .execute(conn)
    .await?;
    diesel::delete(files::table.find(file.id))
        .execute(conn)
        .await?;
    record(conn, file.user_id, AnalyticsKind::Delete, file.size).await?;
    Ok(Some(
        graveyard::table
            .find(file.id)
            .select(GraveRow::as_select())
            .first(conn)
            .await?,
    ))
}

fn purge_at(storage: &Storage) -> DateTime<Utc> {
    let retention = chrono::Duration::from_std(storage.config.graveyard_retention)
        .unwrap_or(chrono::Duration::MAX);
    Utc::now()
        .checked_add_signed(retention)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn parse_file(field: &str, raw: &str) -> Result<VaultFileId, StorageError> {
    Ok(VaultFileId::parse(field, raw)?)
}

/// DeleteVaultFile.
pub async fn delete_file(
    storage: &Storage,
    user: UserId,
    request: &pb::DeleteVaultFileRequest,
) -> Result<Option<GraveRow>, StorageError> {
    let id = parse_file("file_id", &request.file_id)?;
    let purge_at = purge_at(storage);
    let grave = storage
        .db
        .transaction("vault.delete_file", |conn| {
            async move {
                // Every vault write that changes the counted bytes locks the vault row first:
                // one lock order, no deadlocks.
                folders::lock_vault(conn, user).await?;
                let file = vault_files::load(conn, user, id, true).await?;
                remove(conn, &file, purge_at, AnalyticsKind::Delete).await
            }
            .scope_boxed()
        })
        .await?;
    Ok(grave)
}

/// DeleteFolder: the folder, every folder below it, and their files, in one transaction.
pub async fn delete_folder(
    storage: &Storage,
    user: UserId,
    request: &pb::DeleteFolderRequest,
) -> Result<pb::DeleteFolderResponse, StorageError> {
    let id = FolderId::parse("folder_id", &request.folder_id)?;
    let purge_at = purge_at(storage);
    let response = storage
        .db
        .transaction("vault.delete_folder", |conn| {
            async move {
                folders::lock_vault(conn, user).await?;
                folders::load(conn, user, id).await?;
                let below: Vec<Uuid> = diesel::sql_query(
                    "WITH RECURSIVE down(id) AS (
                         SELECT id FROM vault.folders WHERE id = $1
                         UNION
                         SELECT f.id FROM vault.folders f JOIN down ON f.parent_id = down.id
                     )
                     SELECT id FROM down",
                )
                .bind::<SqlUuid, _>(id.as_uuid())
                .load::<FolderIdRow>(conn)
                .await?
                .into_iter()
                .map(|row| row.id)
                .collect();
                let inside: Vec<VaultFileRow> = files::table
                    .filter(files::user_id.eq(user.as_uuid()))
                    .filter(files::folder_id.eq_any(below.iter().map(|u| FolderId::from_uuid(*u))))
                    .select(VaultFileRow::as_select())
                    .for_update()
                    .load(conn)
                    .await?;
                let mut response = pb::DeleteFolderResponse {
                    folders_deleted: i32::try_from(below.len()).unwrap_or(i32::MAX),
                    ..Default::default()
                };
                for file in &inside {
                    match remove(conn, file, purge_at, AnalyticsKind::Delete).await? {
                        Some(_) => response.files_buried += 1,
                        None => response.pending_removed += 1,
                    }
                }
                // The subtree goes with its top (the parent reference cascades).
                diesel::delete(folder_rows::table.find(id))
                    .execute(conn)
                    .await?;
                Ok::<_, StorageError>(response)
            }
            .scope_boxed()
        })
        .await?;
    Ok(response)
}

#[derive(QueryableByName)]
struct FolderIdRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// ListGraveyard: most recently deleted first.
pub async fn list(
    storage: &Storage,
    user: UserId,
    request: &pb::ListGraveyardRequest,
) -> Result<Page<pb::GraveyardEntry>, StorageError> {
    let query = Query::new("vault.graveyard").scoped(user);
    let page = query.request::<(DateTime<Utc>, Uuid)>(request.page_size, &request.page_token)?;
    let mut conn = storage.db.conn().await?;
    let mut select = graveyard::table
        .filter(graveyard::user_id.eq(user.as_uuid()))
        .select(GraveRow::as_select())
        .order((graveyard::deleted_at.desc(), graveyard::file_id.desc()))
        .into_boxed();
    if let Some((at, id)) = page.after {
        let id = VaultFileId::from_uuid(id);
        select = select.filter(
            graveyard::deleted_at
                .lt(at)
                .or(graveyard::deleted_at.eq(at).and(graveyard::file_id.lt(id))),
        );
    }
    let rows: Vec<GraveRow> = select.limit(page.fetch_limit()).load(&mut *conn).await?;
    let rows = query.page(rows, &page, |row| (row.deleted_at, row.file_id.as_uuid()));
    Ok(Page {
        items: rows.items.iter().map(entry).collect(),
        next_page_token: rows.next_page_token,
    })
}

/// RestoreFile: back to its folder, or the root if that is gone.
pub async fn restore(
    storage: &Storage,
    user: UserId,
    request: &pb::RestoreFileRequest,
) -> Result<VaultFileRow, StorageError> {
    let id = parse_file("file_id", &request.file_id)?;
    storage
        .db
        .transaction("vault.restore_file", |conn| {
            async move {
                folders::lock_vault(conn, user).await?;
                let grave: GraveRow = graveyard::table
                    .find(id)
                    .filter(graveyard::user_id.eq(user.as_uuid()))
                    .select(GraveRow::as_select())
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| StorageError::not_found("graveyard file", id))?;
                let folder = match grave.folder_id {
                    Some(folder) => folders::load(conn, user, folder).await.ok().map(|f| f.id),
                    None => None,
                };
                diesel::insert_into(files::table)
                    .values((
                        files::id.eq(grave.file_id),
                        files::user_id.eq(grave.user_id),
                        files::folder_id.eq(folder),
                        files::volume_id.eq(grave.volume_id),
                        files::merkle_hash.eq(Some(&grave.merkle_hash)),
                        files::encrypted_key.eq(&grave.encrypted_key),
                        files::size.eq(grave.size),
                        files::chunk_count.eq(grave.chunk_count),
                        files::state.eq(FileState::Complete),
                        files::created_at.eq(grave.created_at),
                        files::completed_at.eq(Some(Utc::now())),
                    ))
                    .execute(conn)
                    .await?;
                diesel::sql_query(
                    "INSERT INTO vault.file_chunks (file_id, chunk_index, size, sha256, object_path, created_at)
                     SELECT file_id, chunk_index, size, sha256, object_path, created_at
                     FROM vault.graveyard_chunks WHERE file_id = $1",
                )
                .bind::<SqlUuid, _>(id.as_uuid())
                .execute(conn)
                .await?;
                diesel::delete(graveyard::table.find(id)).execute(conn).await?;
                record(conn, grave.user_id, AnalyticsKind::Restore, grave.size).await?;
                vault_files::load(conn, user, id, false).await
            }
            .scope_boxed()
        })
        .await
}

/// Purges graveyard files due at `now` and expires pending files older than 24 hours;
/// returns (purged, expired).
pub async fn sweep(storage: &Storage, now: DateTime<Utc>) -> Result<(usize, usize), StorageError> {
    let due: Vec<(VaultFileId, Uuid)> = {
        let mut conn = storage.db.conn().await?;
        graveyard::table
            .filter(graveyard::purge_at.le(now))
            .select((graveyard::file_id, graveyard::user_id))
            .order(graveyard::purge_at.asc())
            .limit(BATCH)
            .load(&mut *conn)
            .await?
    };
    let mut purged = 0;
    for (id, owner) in due {
        let owner = UserId::from_uuid(owner);
        let done = storage
            .db
            .transaction("vault.purge", |conn| {
                async move {
                    match folders::lock_vault(conn, owner).await {
                        Err(StorageError::NotFound { .. }) => return Ok(false), // account gone
                        other => other?,
                    }
                    let paths: Vec<String> = graveyard_chunks::table
                        .filter(graveyard_chunks::file_id.eq(id))
                        .select(graveyard_chunks::object_path)
                        .load(conn)
                        .await?;
                    let gone: Option<(Uuid, VolumeId, i64)> = diesel::delete(
                        graveyard::table
                            .find(id)
                            .filter(graveyard::purge_at.le(now)),
                    )
                    .returning((graveyard::user_id, graveyard::volume_id, graveyard::size))
                    .get_result(conn)
                    .await
                    .optional()?;
                    let Some((user, volume, size)) = gone else {
                        return Ok(false); // restored meanwhile
                    };
                    deletions::queue(conn, volume, &paths).await?;
                    let owner = Owner::of(Some(user), None);
                    quotas::settle(conn, volume.as_uuid(), &owner, 0, -size).await?;
                    count(conn, user, -size).await?;
                    record(conn, user, AnalyticsKind::Purge, size).await?;
                    Ok::<_, StorageError>(true)
                }
                .scope_boxed()
            })
            .await?;
        purged += usize::from(done);
    }
    let stale: Vec<(VaultFileId, Uuid)> = {
        let mut conn = storage.db.conn().await?;
        files::table
            .filter(files::state.eq(FileState::Pending))
            .filter(files::created_at.le(now - PENDING_TTL))
            .select((files::id, files::user_id))
            .order(files::created_at.asc())
            .limit(BATCH)
            .load(&mut *conn)
            .await?
    };
    let mut expired = 0;
    for (id, user) in stale {
        let user = UserId::from_uuid(user);
        let done = storage
            .db
            .transaction("vault.expire_pending", |conn| {
                async move {
                    match folders::lock_vault(conn, user).await {
                        Err(StorageError::NotFound { .. }) => return Ok(false), // account gone
                        other => other?,
                    }
                    let file = match vault_files::load(conn, user, id, true).await {
                        Ok(file) if file.state == FileState::Pending => file,
                        // Finalized or deleted meanwhile.
                        Ok(_) | Err(StorageError::NotFound { .. }) => return Ok(false),
                        Err(err) => return Err(err),
                    };
                    remove(conn, &file, now, AnalyticsKind::Expire).await?;
                    Ok::<_, StorageError>(true)
                }
                .scope_boxed()
            })
            .await?;
        expired += usize::from(done);
    }
    Ok((purged, expired))
}
