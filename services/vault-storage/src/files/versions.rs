//! The earlier versions a `source` versioning volume keeps of a file: listed newest first, and
//! each downloadable by its number.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::paging::Query;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_file_versions;

use super::records::{self, Principal};
use crate::error::StorageError;
use crate::ids::FileId;
use crate::state::Storage;

/// A `storage_file_versions` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = storage_file_versions, check_for_backend(diesel::pg::Pg))]
pub struct VersionRow {
    pub file_id: FileId,
    pub version: i64,
    pub storage_path: String,
    pub size: i64,
    pub sha256: Vec<u8>,
    pub mime_type: String,
    pub created_at: DateTime<Utc>,
    /// The backend's version id (`target` versioning).
    pub backend_version: Option<String>,
}

/// Version `version` of file `file`, if kept.
pub async fn load(
    conn: &mut AsyncPgConnection,
    file: FileId,
    version: i64,
) -> Result<Option<VersionRow>, StorageError> {
    Ok(storage_file_versions::table
        .find((file, version))
        .select(VersionRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// ListFileVersions: newest first.
pub async fn list(
    storage: &Storage,
    principal: &Principal,
    request: &pb::ListFileVersionsRequest,
) -> Result<(Vec<pb::FileVersion>, String), StorageError> {
    let id = FileId::parse("file_id", &request.file_id)?;
    let query = Query::new("vault.file_versions").scoped(id);
    let page = query.request::<i64>(request.page_size, &request.page_token)?;
    let mut conn = storage.db.conn().await?;
    let file = records::load_visible(&mut conn, principal, id, false).await?;
    if file.deleted_at.is_some() {
        return Err(StorageError::not_found("file", id));
    }
    let mut select = storage_file_versions::table
        .filter(storage_file_versions::file_id.eq(id))
        .select(VersionRow::as_select())
        .order(storage_file_versions::version.desc())
        .into_boxed();
    if let Some(after) = page.after {
        select = select.filter(storage_file_versions::version.lt(after));
    }
    let rows: Vec<VersionRow> = select.limit(page.fetch_limit()).load(&mut *conn).await?;
    let rows = query.page(rows, &page, |row| row.version);
    let versions = rows
        .items
        .iter()
        .map(|row| pb::FileVersion {
            version: row.version,
            size: row.size,
            sha256: row.sha256.clone().into(),
            mime_type: row.mime_type.clone(),
            create_time: Some(timestamp(row.created_at)),
        })
        .collect();
    Ok((versions, rows.next_page_token))
}
