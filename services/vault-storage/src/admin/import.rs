//! ImportFile: an object an operator put on a read-only (plain HTTP) volume becomes a file of
//! a user or an app. The service reads it once, for its size and SHA-256, and counts it.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::TryStreamExt;
use sha2::{Digest, Sha256};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_files;

use crate::error::StorageError;
use crate::files::records::{self, FileRow};
use crate::files::uploads::active_volume;
use crate::ids::{FileId, Namespace, VolumeId};
use crate::paths;
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::volumes;

pub async fn import(
    storage: &Storage,
    request: &pb::ImportFileRequest,
) -> Result<pb::File, StorageError> {
    use pb::import_file_request::Owner as Whose;
    let mut v = FieldViolations::new();
    let volume_id = VolumeId::parse_into(&mut v, "volume_id", &request.volume_id);
    let object = paths::client_path(&request.object_path)
        .map_err(|why| v.add("object_path", why))
        .ok();
    let path = paths::client_path(&request.path)
        .map_err(|why| v.add("path", why))
        .ok();
    let (namespace, owner) = match &request.owner {
        Some(Whose::UserId(user)) => {
            let user = UserId::parse_into(&mut v, "user_id", user);
            (
                Namespace::Users,
                Owner {
                    user_id: user.map(|u| u.as_uuid()),
                    app_id: None,
                },
            )
        }
        Some(Whose::AppId(app)) => {
            v.require(
                super::backend_input::plain(app, 100),
                "app_id",
                "1 to 100 bytes",
            );
            (
                Namespace::Apps,
                Owner {
                    user_id: None,
                    app_id: Some(app.clone()),
                },
            )
        }
        None => {
            v.add("owner", "one of user_id or app_id is required");
            (
                Namespace::Users,
                Owner {
                    user_id: None,
                    app_id: None,
                },
            )
        }
    };
    let mime_type = if request.mime_type.is_empty() {
        "application/octet-stream".to_owned()
    } else {
        request.mime_type.clone()
    };
    v.require(
        mime_type.len() <= 100 && mime_type.contains('/'),
        "mime_type",
        "a MIME type of at most 100 bytes",
    );
    let (Some(volume_id), Some(object), Some(path), true) = (volume_id, object, path, v.is_empty())
    else {
        return Err(v.into());
    };
    let (volume, store) = {
        let mut conn = storage.db.conn().await?;
        let volume = active_volume(&mut conn, volume_id).await?;
        if !volume.read_only() {
            return Err(StorageError::precondition(
                "NOT_READ_ONLY",
                format!("volumes/{volume_id}"),
                "imports are for read-only (plain HTTP) volumes; other volumes take uploads",
            ));
        }
        let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
        (volume, store)
    };
    let storage_path = format!("{}{object}", volume.probe_dir());
    let size = match store.size(&storage_path).await {
        Err(crate::drivers::DriverError::NotFound) => {
            return Err(StorageError::invalid(
                "object_path",
                "no such object on the volume",
            ));
        }
        other => other?,
    };
    let mut hasher = Sha256::new();
    let mut read = 0u64;
    let mut bytes = store.read(&storage_path, 0..size).await?;
    while let Some(chunk) = bytes.try_next().await? {
        read += chunk.len() as u64;
        hasher.update(&chunk);
    }
    if read != size {
        return Err(StorageError::DataLoss(format!(
            "the object gave {read} of {size} bytes"
        )));
    }
    let sha: [u8; 32] = hasher.finalize().into();
    let owner_key = owner.key(namespace);
    let filename = path.rsplit('/').next().unwrap_or(&path).to_owned();
    let size =
        i64::try_from(size).map_err(|_| StorageError::Internal("object too large".into()))?;
    let (owner, path, storage_path, mime_type, filename, owner_key) = (
        &owner,
        &path,
        &storage_path,
        &mime_type,
        &filename,
        &owner_key,
    );
    let row: FileRow = storage
        .db
        .transaction("import_file", move |conn| {
            async move {
                if records::path_taken(conn, volume_id, namespace, owner_key, path).await? {
                    return Err(StorageError::AlreadyExists(
                        "a file or an upload holds this path".into(),
                    ));
                }
                quotas::reserve(conn, volume_id.as_uuid(), owner, size).await?;
                quotas::settle(conn, volume_id.as_uuid(), owner, size, size).await?;
                let now = Utc::now();
                Ok(diesel::insert_into(storage_files::table)
                    .values((
                        storage_files::id.eq(FileId::new()),
                        storage_files::volume_id.eq(volume_id),
                        storage_files::user_id.eq(owner.user_id),
                        storage_files::app_id.eq(&owner.app_id),
                        storage_files::namespace.eq(namespace),
                        storage_files::path.eq(path),
                        storage_files::filename.eq(filename),
                        storage_files::storage_path.eq(storage_path),
                        storage_files::mime_type.eq(mime_type),
                        storage_files::size.eq(size),
                        storage_files::is_public.eq(request.is_public),
                        storage_files::sha256.eq(sha.as_slice()),
                        storage_files::created_at.eq(now),
                        storage_files::updated_at.eq(now),
                    ))
                    .returning(FileRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await?;
    tracing::info!(file = %row.id, volume = %volume.name, "object imported");
    Ok(records::file(&row))
}
