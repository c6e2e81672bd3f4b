//! Vault files: declared with their size (reserved against the tier and the vault volume),
//! filled chunk by chunk, finalized against their Merkle hash, read back a chunk at a time.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tessera_kit::auth::UserCaller;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{analytics_events, file_chunks, files, user_crypto};
use uuid::Uuid;

use super::crypto::check_wrapped_key;
use super::folders::{self, parse_parent};
use crate::drivers::Store;
use crate::error::StorageError;
use crate::files::download::{Recorded, read_checked};
use crate::ids::{AnalyticsKind, FileState, FolderId, VaultFileId, VolumeId};
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::volumes::{self, VolumeRow};

/// Largest chunk.
pub const MAX_CHUNK_BYTES: i64 = 64 << 20;
/// Most chunks a file may have.
const MAX_CHUNKS: i32 = 1 << 20;

/// A `files` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = files, check_for_backend(diesel::pg::Pg))]
pub struct VaultFileRow {
    pub id: VaultFileId,
    pub user_id: Uuid,
    pub folder_id: Option<FolderId>,
    pub volume_id: VolumeId,
    pub merkle_hash: Option<Vec<u8>>,
    pub encrypted_key: Vec<u8>,
    pub size: i64,
    pub chunk_count: i32,
    pub state: FileState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl VaultFileRow {
    /// Whose quotas the file counts against on its volume.
    pub fn owner(&self) -> Owner {
        Owner::of(Some(self.user_id), None)
    }
}

/// The wire form.
pub fn vault_file(row: &VaultFileRow) -> pb::VaultFile {
    let state = match row.state {
        FileState::Pending => pb::vault_file::State::Pending,
        FileState::Complete => pb::vault_file::State::Complete,
    };
    pb::VaultFile {
        id: row.id.to_string(),
        folder_id: row.folder_id.map(|f| f.to_string()).unwrap_or_default(),
        encrypted_key: row.encrypted_key.clone().into(),
        size: row.size,
        chunk_count: row.chunk_count,
        state: state as i32,
        merkle_hash: row.merkle_hash.clone().unwrap_or_default().into(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
        complete_time: row.completed_at.map(timestamp),
    }
}

/// Where chunk `index` of a file lives on its volume.
pub fn chunk_path(volume: &VolumeRow, user: Uuid, file: VaultFileId, index: i32) -> String {
    format!("{}vault/{user}/{file}/{index}", volume.probe_dir())
}

/// Records an anonymised event: the user, a kind, bytes, the hour (the column's default).
pub async fn record(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    kind: AnalyticsKind,
    bytes: i64,
) -> Result<(), StorageError> {
    diesel::insert_into(analytics_events::table)
        .values((
            analytics_events::id.eq(Uuid::now_v7()),
            analytics_events::user_id.eq(user),
            analytics_events::kind.eq(kind),
            analytics_events::bytes.eq(bytes),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The configured vault volume, active.
async fn vault_volume(
    storage: &Storage,
    conn: &mut AsyncPgConnection,
) -> Result<VolumeRow, StorageError> {
    volumes::named(conn, "TESSERA_VAULT_VOLUME", &storage.config.vault_volume).await
}

/// The user's file, or NOT_FOUND; `lock` takes its row lock.
pub async fn load(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: VaultFileId,
    lock: bool,
) -> Result<VaultFileRow, StorageError> {
    let query = files::table
        .find(id)
        .filter(files::user_id.eq(user.as_uuid()))
        .select(VaultFileRow::as_select());
    let row = if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    };
    row.ok_or_else(|| StorageError::not_found("file", id))
}

/// The file's volume and its opened driver.
pub async fn open_store(
    storage: &Storage,
    volume_id: VolumeId,
) -> Result<(VolumeRow, Store), StorageError> {
    let mut conn = storage.db.conn().await?;
    let volume = volumes::load(&mut conn, volume_id)
        .await?
        .ok_or_else(|| StorageError::Internal("a vault file without its volume".into()))?;
    let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
    Ok((volume, store))
}

/// CreateFile: reserves the size on the tier and the volume, records a pending file.
pub async fn create(
    storage: &Storage,
    caller: &UserCaller,
    request: &pb::CreateFileRequest,
) -> Result<VaultFileRow, StorageError> {
    let mut v = FieldViolations::new();
    let folder = parse_parent(&mut v, "folder_id", &request.folder_id);
    check_wrapped_key(&mut v, "encrypted_key", &request.encrypted_key);
    StorageError::check_declared(&mut v, "size", request.size, storage.config.max_file_bytes)?;
    let (size, chunks) = (request.size, request.chunk_count);
    if !(0..=MAX_CHUNKS).contains(&chunks) {
        v.add("chunk_count", format!("must be 0 to {MAX_CHUNKS}"));
    } else if (chunks == 0) != (size == 0) {
        v.add("chunk_count", "is 0 exactly when size is 0");
    } else if size > i64::from(chunks) * MAX_CHUNK_BYTES || (size > 0 && size < i64::from(chunks)) {
        v.add(
            "chunk_count",
            format!("each chunk holds 1 byte to {MAX_CHUNK_BYTES} bytes"),
        );
    }
    v.into_result_with(()).map_err(StorageError::from)?;
    let (user, limit) = (
        caller.user_id,
        storage.config.tier_quotas.limit(caller.tier),
    );
    let key = request.encrypted_key.to_vec();
    storage
        .db
        .transaction("vault.create_file", |conn| {
            let key = key.clone();
            async move {
                let used: i64 = user_crypto::table
                    .find(user.as_uuid())
                    .select(user_crypto::storage_used_bytes)
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| StorageError::not_found("vault", user))?;
                if let Some(folder) = folder {
                    folders::load(conn, user, folder).await?;
                }
                if limit.is_some_and(|limit| used.saturating_add(size) > limit) {
                    return Err(StorageError::Quota {
                        subject: "tier",
                        bytes: size,
                    });
                }
                let volume = vault_volume(storage, conn).await?;
                let owner = Owner::of(Some(user.as_uuid()), None);
                quotas::reserve(conn, volume.id.as_uuid(), &owner, size).await?;
                diesel::update(user_crypto::table.find(user.as_uuid()))
                    .set(user_crypto::storage_used_bytes.eq(user_crypto::storage_used_bytes + size))
                    .execute(conn)
                    .await?;
                diesel::insert_into(files::table)
                    .values((
                        files::id.eq(VaultFileId::new()),
                        files::user_id.eq(user.as_uuid()),
                        files::folder_id.eq(folder),
                        files::volume_id.eq(volume.id),
                        files::encrypted_key.eq(key),
                        files::size.eq(size),
                        files::chunk_count.eq(chunks),
                    ))
                    .returning(VaultFileRow::as_returning())
                    .get_result(conn)
                    .await
                    .map_err(folders::key_taken)
            }
            .scope_boxed()
        })
        .await
}

/// The stored chunks of a file: (index, size, sha256), by index.
pub async fn chunks(
    conn: &mut AsyncPgConnection,
    file: VaultFileId,
) -> Result<Vec<(i32, i64, Vec<u8>)>, StorageError> {
    Ok(file_chunks::table
        .filter(file_chunks::file_id.eq(file))
        .select((
            file_chunks::chunk_index,
            file_chunks::size,
            file_chunks::sha256,
        ))
        .order(file_chunks::chunk_index.asc())
        .load(conn)
        .await?)
}

/// FinalizeFile: every chunk in, sizes adding up, the Merkle hash matching.
pub async fn finalize(
    storage: &Storage,
    user: UserId,
    request: &pb::FinalizeFileRequest,
) -> Result<VaultFileRow, StorageError> {
    let mut v = FieldViolations::new();
    let id = VaultFileId::parse_into(&mut v, "file_id", &request.file_id);
    if request.merkle_hash.len() != 32 {
        v.add("merkle_hash", "must be a SHA-256: 32 bytes");
    }
    let id = StorageError::checked(v, id)?;
    let merkle = request.merkle_hash.to_vec();
    storage
        .db
        .transaction("vault.finalize_file", |conn| {
            let merkle = merkle.clone();
            async move {
                let file = load(conn, user, id, true).await?;
                if file.state == FileState::Complete {
                    if file.merkle_hash.as_deref() == Some(&merkle[..]) {
                        return Ok(file); // finalized already, the same way
                    }
                    return Err(StorageError::precondition(
                        "FILE_COMPLETE",
                        format!("files/{id}"),
                        "the file is complete with another Merkle hash",
                    ));
                }
                let stored = chunks(conn, id).await?;
                let absent: Vec<i32> = (0..file.chunk_count)
                    .filter(|i| !stored.iter().any(|(index, _, _)| index == i))
                    .collect();
                // The first few by name (details travel in size-capped trailers).
                let mut missing: Vec<_> = absent
                    .iter()
                    .take(crate::blobs::manifests::MAX_VIOLATIONS)
                    .map(|i| {
                        (
                            "CHUNK_MISSING",
                            format!("files/{id}/chunks/{i}"),
                            "a chunk is not stored".to_owned(),
                        )
                    })
                    .collect();
                if absent.len() > missing.len() {
                    missing.push((
                        "CHUNK_MISSING",
                        format!("files/{id}/chunks"),
                        format!("{} chunks are missing in all", absent.len()),
                    ));
                }
                if !missing.is_empty() {
                    return Err(StorageError::Precondition(missing));
                }
                let total: i64 = stored.iter().map(|(_, size, _)| size).sum();
                if total != file.size {
                    return Err(StorageError::precondition(
                        "SIZE_MISMATCH",
                        format!("files/{id}"),
                        format!("the chunks hold {total} bytes, not {}", file.size),
                    ));
                }
                let mut hasher = Sha256::new();
                for (_, _, sha) in &stored {
                    hasher.update(sha);
                }
                let expected = hasher.finalize();
                if !bool::from(expected.as_slice().ct_eq(&merkle)) {
                    return Err(StorageError::precondition(
                        "MERKLE_MISMATCH",
                        format!("files/{id}"),
                        "merkle_hash is not the SHA-256 of the chunk hashes in index order",
                    ));
                }
                quotas::settle(
                    conn,
                    file.volume_id.as_uuid(),
                    &file.owner(),
                    file.size,
                    file.size,
                )
                .await?;
                record(conn, file.user_id, AnalyticsKind::Upload, file.size).await?;
                Ok(diesel::update(files::table.find(id))
                    .set((
                        files::state.eq(FileState::Complete),
                        files::merkle_hash.eq(Some(merkle)),
                        files::completed_at.eq(diesel::dsl::now),
                        files::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(VaultFileRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await
}

/// MoveFile.
pub async fn r#move(
    storage: &Storage,
    user: UserId,
    request: &pb::MoveFileRequest,
) -> Result<VaultFileRow, StorageError> {
    let mut v = FieldViolations::new();
    let id = VaultFileId::parse_into(&mut v, "file_id", &request.file_id);
    let folder = parse_parent(&mut v, "folder_id", &request.folder_id);
    let id = StorageError::checked(v, id)?;
    storage
        .db
        .transaction("vault.move_file", |conn| {
            async move {
                load(conn, user, id, true).await?;
                if let Some(folder) = folder {
                    folders::load(conn, user, folder).await?;
                }
                Ok(diesel::update(files::table.find(id))
                    .set((
                        files::folder_id.eq(folder),
                        files::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(VaultFileRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await
}

/// DownloadChunk: the chunk's header, then the range in pieces of at most 1 MiB.
pub async fn download(
    storage: &Storage,
    user: UserId,
    request: &pb::DownloadChunkRequest,
) -> Result<BoxStream<'static, Result<pb::DownloadChunkResponse, StorageError>>, StorageError> {
    use pb::download_chunk_response::Message;
    let mut v = FieldViolations::new();
    let id = VaultFileId::parse_into(&mut v, "file_id", &request.file_id);
    if request.chunk_index < 0 {
        v.add("chunk_index", "must not be negative");
    }
    if request.offset < 0 {
        v.add("offset", "must not be negative");
    }
    if request.limit < 0 {
        v.add("limit", "must not be negative");
    }
    let id = StorageError::checked(v, id)?;
    let (file, chunk) = {
        let mut conn = storage.db.conn().await?;
        let file = load(&mut conn, user, id, false).await?;
        if file.state != FileState::Complete {
            return Err(StorageError::precondition(
                "FILE_PENDING",
                format!("files/{id}"),
                "the file is still being uploaded: its chunks are served once it is finalized",
            ));
        }
        let chunk: Option<(i64, Vec<u8>, String)> = file_chunks::table
            .find((id, request.chunk_index))
            .select((
                file_chunks::size,
                file_chunks::sha256,
                file_chunks::object_path,
            ))
            .first(&mut *conn)
            .await
            .optional()?;
        let chunk = chunk.ok_or_else(|| {
            StorageError::not_found("chunk", format!("{id}/{}", request.chunk_index))
        })?;
        (file, chunk)
    };
    let (size, sha, path) = chunk;
    let start = request.offset as u64;
    if start > size as u64 {
        return Err(StorageError::OutOfRange(format!(
            "offset must be between 0 and the chunk's size, {size}"
        )));
    }
    let end = match request.limit {
        0 => size as u64,
        limit => (size as u64).min(start.saturating_add(limit as u64)),
    };
    let (_, store) = open_store(storage, file.volume_id).await?;
    let header = pb::DownloadChunkResponse {
        message: Some(Message::Header(pb::ChunkHeader {
            file_id: id.to_string(),
            chunk_index: request.chunk_index,
            size,
            sha256: sha.clone().into(),
        })),
    };
    let recorded = Recorded {
        path: &path,
        size: size as u64,
        sha256: &sha,
    };
    let bytes = read_checked(&store, recorded, start..end, None).await?;
    let data = bytes.map_ok(|data| pb::DownloadChunkResponse {
        message: Some(Message::Data(data)),
    });
    Ok(futures::stream::once(async move { Ok(header) })
        .chain(data)
        .boxed())
}
