//! The vault's folder tree: folders of one user under one another (the composite reference
//! keeps parents within the user), moved only outside their own subtree. Moves of one user
//! are serialised on the vault row, so two concurrent moves cannot close a cycle between them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::{Page, Query};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{folders, user_crypto};
use uuid::Uuid;

use super::crypto::check_wrapped_key;
use crate::error::StorageError;
use crate::ids::FolderId;
use crate::state::Storage;

/// A `folders` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = folders, check_for_backend(diesel::pg::Pg))]
pub struct FolderRow {
    pub id: FolderId,
    pub user_id: Uuid,
    pub parent_id: Option<FolderId>,
    pub encrypted_key: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The wire form.
pub fn folder(row: &FolderRow) -> pb::Folder {
    pb::Folder {
        id: row.id.to_string(),
        parent_id: row.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        encrypted_key: row.encrypted_key.clone().into(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// An optional folder id (empty: the root); a malformed one is recorded in `v`.
pub fn parse_parent(v: &mut FieldViolations, field: &str, raw: &str) -> Option<FolderId> {
    if raw.is_empty() {
        return None;
    }
    FolderId::parse_into(v, field, raw)
}

/// The user's folder `id`, or NOT_FOUND.
pub async fn load(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: FolderId,
) -> Result<FolderRow, StorageError> {
    folders::table
        .find(id)
        .filter(folders::user_id.eq(user.as_uuid()))
        .select(FolderRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| StorageError::not_found("folder", id))
}

/// Locks the user's vault row: folder moves and deletions of one user run one at a time.
/// NOT_FOUND before InitVault.
pub async fn lock_vault(conn: &mut AsyncPgConnection, user: UserId) -> Result<(), StorageError> {
    user_crypto::table
        .find(user.as_uuid())
        .select(user_crypto::user_id)
        .for_update()
        .first::<Uuid>(conn)
        .await
        .optional()?
        .map(|_| ())
        .ok_or_else(|| StorageError::not_found("vault", user))
}

/// CreateFolder.
pub async fn create(
    storage: &Storage,
    user: UserId,
    request: &pb::CreateFolderRequest,
) -> Result<FolderRow, StorageError> {
    let mut v = FieldViolations::new();
    check_wrapped_key(&mut v, "encrypted_key", &request.encrypted_key);
    let parent = parse_parent(&mut v, "parent_id", &request.parent_id);
    v.into_result_with(()).map_err(StorageError::from)?;
    let key = request.encrypted_key.to_vec();
    storage
        .db
        .transaction("vault.create_folder", |conn| {
            let key = key.clone();
            async move {
                lock_vault(conn, user).await?;
                if let Some(parent) = parent {
                    load(conn, user, parent).await?;
                }
                diesel::insert_into(folders::table)
                    .values((
                        folders::id.eq(FolderId::new()),
                        folders::user_id.eq(user.as_uuid()),
                        folders::parent_id.eq(parent),
                        folders::encrypted_key.eq(key),
                    ))
                    .returning(FolderRow::as_returning())
                    .get_result(conn)
                    .await
                    .map_err(key_taken)
            }
            .scope_boxed()
        })
        .await
}

/// A wrapped key already stored: refused as input (keys are fresh; a repeat is a client bug).
pub fn key_taken(err: diesel::result::Error) -> StorageError {
    match DbError::from(err) {
        DbError::UniqueViolation { constraint } if constraint.ends_with("_encrypted_key_key") => {
            StorageError::invalid("encrypted_key", "is in use: wrap a fresh key")
        }
        other => other.into(),
    }
}

#[derive(QueryableByName)]
struct Cycle {
    #[diesel(sql_type = Bool)]
    cycle: bool,
}

/// Whether `target` is `folder` or lies beneath it: walks up from `target` to the root.
async fn inside(
    conn: &mut AsyncPgConnection,
    folder: FolderId,
    target: FolderId,
) -> Result<bool, StorageError> {
    let found: Cycle = diesel::sql_query(
        "WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM vault.folders WHERE id = $2
             UNION
             SELECT f.id, f.parent_id FROM vault.folders f JOIN up ON f.id = up.parent_id
         )
         SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS cycle",
    )
    .bind::<SqlUuid, _>(folder.as_uuid())
    .bind::<SqlUuid, _>(target.as_uuid())
    .get_result(conn)
    .await?;
    Ok(found.cycle)
}

/// MoveFolder.
pub async fn r#move(
    storage: &Storage,
    user: UserId,
    request: &pb::MoveFolderRequest,
) -> Result<FolderRow, StorageError> {
    let mut v = FieldViolations::new();
    let id = FolderId::parse_into(&mut v, "folder_id", &request.folder_id);
    let parent = parse_parent(&mut v, "parent_id", &request.parent_id);
    let id = StorageError::checked(v, id)?;
    storage
        .db
        .transaction("vault.move_folder", |conn| {
            async move {
                lock_vault(conn, user).await?;
                load(conn, user, id).await?;
                if let Some(parent) = parent {
                    load(conn, user, parent).await?;
                    if inside(conn, id, parent).await? {
                        return Err(StorageError::precondition(
                            "CYCLE",
                            format!("folders/{parent}"),
                            "a folder cannot move into itself or one of its descendants",
                        ));
                    }
                }
                Ok(diesel::update(folders::table.find(id))
                    .set((
                        folders::parent_id.eq(parent),
                        folders::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(FolderRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await
}

/// ListFolders: the folders directly under a parent, by id.
pub async fn list(
    storage: &Storage,
    user: UserId,
    request: &pb::ListFoldersRequest,
) -> Result<Page<pb::Folder>, StorageError> {
    let mut v = FieldViolations::new();
    let parent = parse_parent(&mut v, "parent_id", &request.parent_id);
    let query = Query::new("vault.folders")
        .scoped(user)
        .scoped(parent.map(|p| p.to_string()).unwrap_or_default());
    let page = query.request_into::<Uuid>(&mut v, request.page_size, &request.page_token);
    let page = v.into_result_with(page)?.ok_or_else(|| {
        StorageError::Internal("a page request that failed left no violation".into())
    })?;
    let mut conn = storage.db.conn().await?;
    if let Some(parent) = parent {
        load(&mut conn, user, parent).await?;
    }
    let mut select = folders::table
        .filter(folders::user_id.eq(user.as_uuid()))
        .select(FolderRow::as_select())
        .order(folders::id.asc())
        .into_boxed();
    select = match parent {
        Some(parent) => select.filter(folders::parent_id.eq(parent)),
        None => select.filter(folders::parent_id.is_null()),
    };
    if let Some(after) = page.after {
        select = select.filter(folders::id.gt(FolderId::from_uuid(after)));
    }
    let rows: Vec<FolderRow> = select.limit(page.fetch_limit()).load(&mut *conn).await?;
    let rows = query.page(rows, &page, |row| row.id.as_uuid());
    Ok(Page {
        items: rows.items.iter().map(folder).collect(),
        next_page_token: rows.next_page_token,
    })
}
