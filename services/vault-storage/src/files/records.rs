//! File records: who sees which, and the changes that touch only records and quotas (get,
//! list, update, soft delete, undelete).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth::Caller;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{storage_file_versions, storage_files};
use uuid::Uuid;

use crate::error::StorageError;
use crate::ids::{FileId, Namespace, VolumeId};
use crate::quotas::{self, Owner};
use crate::state::Storage;

/// Who is asking, as far as files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A user: their own `users` files.
    User(UserId),
    /// A Tessera service: the files it stored (its name is their `app_id`).
    App(Arc<str>),
}

impl Principal {
    pub fn of(caller: &Caller) -> Result<Self, StorageError> {
        match caller {
            Caller::User(user) => Ok(Self::User(user.user_id)),
            Caller::Service(service) => Ok(Self::App(service.name.clone())),
            Caller::Operator(_) => Err(StorageError::Internal("operators call no file RPC".into())),
        }
    }

    /// Whether this principal may see `file`.
    pub fn sees(&self, file: &FileRow) -> bool {
        match self {
            Self::User(user) => {
                file.namespace == Namespace::Users && file.user_id == Some(user.as_uuid())
            }
            Self::App(app) => file.app_id.as_deref() == Some(&**app),
        }
    }
}

/// A `storage_files` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = storage_files, check_for_backend(diesel::pg::Pg))]
pub struct FileRow {
    pub id: FileId,
    pub volume_id: VolumeId,
    pub user_id: Option<Uuid>,
    pub app_id: Option<String>,
    pub namespace: Namespace,
    pub path: String,
    pub filename: String,
    pub storage_path: String,
    pub mime_type: String,
    pub size: i64,
    pub metadata: serde_json::Value,
    pub is_public: bool,
    pub sha256: Vec<u8>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    /// The backend's version id of the content (`target` versioning).
    pub backend_version: Option<String>,
}

impl FileRow {
    pub fn owner(&self) -> Owner {
        Owner::of(self.user_id, self.app_id.as_deref())
    }

    /// The key of its path in its namespace (the unique index's expression).
    pub fn owner_key(&self) -> String {
        self.owner().key(self.namespace)
    }
}

pub fn namespace(ns: Namespace) -> pb::Namespace {
    match ns {
        Namespace::Users => pb::Namespace::Users,
        Namespace::Apps => pb::Namespace::Apps,
    }
}

/// The record as its owner sees it.
pub fn file(row: &FileRow) -> pb::File {
    pb::File {
        id: row.id.to_string(),
        volume_id: row.volume_id.to_string(),
        namespace: namespace(row.namespace) as i32,
        user_id: row.user_id.map(|u| u.to_string()).unwrap_or_default(),
        app_id: row.app_id.clone().unwrap_or_default(),
        path: row.path.clone(),
        filename: row.filename.clone(),
        mime_type: row.mime_type.clone(),
        size: row.size,
        sha256: row.sha256.clone().into(),
        metadata: Some(json_to_struct(&row.metadata)),
        is_public: row.is_public,
        version: row.version,
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
        delete_time: row.deleted_at.map(timestamp),
    }
}

/// File `id` if `principal` sees it (deleted ones too), locked when `lock`.
pub async fn load_visible(
    conn: &mut AsyncPgConnection,
    principal: &Principal,
    id: FileId,
    lock: bool,
) -> Result<FileRow, StorageError> {
    let query = storage_files::table.find(id).select(FileRow::as_select());
    let row = if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    };
    row.filter(|row| principal.sees(row))
        .ok_or_else(|| StorageError::not_found("file", id))
}

/// The bytes a file holds on its quotas: its content and its kept versions.
pub async fn counted_bytes(
    conn: &mut AsyncPgConnection,
    file: &FileRow,
) -> Result<i64, StorageError> {
    let versions: i64 = storage_file_versions::table
        .filter(storage_file_versions::file_id.eq(file.id))
        .select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "coalesce(sum(size), 0)::bigint",
        ))
        .first(conn)
        .await?;
    Ok(file.size + versions)
}

/// Whether a live file or an upload in flight holds `path` in the owner's namespace.
pub async fn path_taken(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    namespace: Namespace,
    owner_key: &str,
    path: &str,
) -> Result<bool, StorageError> {
    holders(conn, volume, namespace, owner_key, path, true).await
}

/// Whether an upload in flight holds `path` in the owner's namespace.
pub async fn upload_in_flight(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    namespace: Namespace,
    owner_key: &str,
    path: &str,
) -> Result<bool, StorageError> {
    holders(conn, volume, namespace, owner_key, path, false).await
}

async fn holders(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    namespace: Namespace,
    owner_key: &str,
    path: &str,
    live_files: bool,
) -> Result<bool, StorageError> {
    use diesel::sql_types::{Text, Uuid as SqlUuid};
    #[derive(QueryableByName)]
    struct Taken {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        taken: bool,
    }
    let row: Taken = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM vault.storage_files WHERE volume_id = $1 AND namespace = $2
             AND (CASE namespace WHEN 'users' THEN user_id::text ELSE app_id END) = $3
             AND path = $4 AND deleted_at IS NULL AND $5)
         OR EXISTS (SELECT 1 FROM vault.storage_uploads WHERE volume_id = $1 AND namespace = $2
             AND (CASE namespace WHEN 'users' THEN user_id::text ELSE app_id END) = $3
             AND path = $4) AS taken",
    )
    .bind::<SqlUuid, _>(volume.as_uuid())
    .bind::<Text, _>(namespace.as_str())
    .bind::<Text, _>(owner_key)
    .bind::<Text, _>(path)
    .bind::<diesel::sql_types::Bool, _>(live_files)
    .get_result(conn)
    .await?;
    Ok(row.taken)
}

/// Soft-deletes a file: usage is freed now, bytes when the retention ends. Idempotent.
pub async fn delete(
    storage: &Storage,
    principal: &Principal,
    id: FileId,
) -> Result<(), StorageError> {
    storage
        .db
        .transaction("delete_file", |conn| {
            let principal = principal.clone();
            async move {
                let file = load_visible(conn, &principal, id, true).await?;
                if file.deleted_at.is_some() {
                    return Ok(());
                }
                let bytes = counted_bytes(conn, &file).await?;
                diesel::update(storage_files::table.find(id))
                    .set(storage_files::deleted_at.eq(Utc::now()))
                    .execute(conn)
                    .await?;
                quotas::settle(conn, file.volume_id.as_uuid(), &file.owner(), 0, -bytes).await?;
                Ok(())
            }
            .scope_boxed()
        })
        .await
}

/// Restores a soft-deleted file within the retention, reserving its bytes again.
pub async fn undelete(
    storage: &Storage,
    principal: &Principal,
    id: FileId,
) -> Result<FileRow, StorageError> {
    let retention =
        chrono::Duration::from_std(storage.config.retention).unwrap_or(chrono::Duration::MAX);
    storage
        .db
        .transaction("undelete_file", |conn| {
            let principal = principal.clone();
            async move {
                let file = load_visible(conn, &principal, id, true).await?;
                let Some(deleted_at) = file.deleted_at else {
                    return Ok(file);
                };
                if deleted_at + retention <= Utc::now() {
                    return Err(StorageError::not_found("file", id));
                }
                if path_taken(
                    conn,
                    file.volume_id,
                    file.namespace,
                    &file.owner_key(),
                    &file.path,
                )
                .await?
                {
                    return Err(StorageError::AlreadyExists(
                        "another file or upload holds this path now".into(),
                    ));
                }
                let bytes = counted_bytes(conn, &file).await?;
                quotas::reserve(conn, file.volume_id.as_uuid(), &file.owner(), bytes).await?;
                quotas::settle(conn, file.volume_id.as_uuid(), &file.owner(), bytes, bytes).await?;
                Ok(diesel::update(storage_files::table.find(id))
                    .set((
                        storage_files::deleted_at.eq(None::<DateTime<Utc>>),
                        storage_files::updated_at.eq(Utc::now()),
                    ))
                    .returning(FileRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await
}
