//! Unfinished uploads: starting one (validation, quota reservation, path claim), the lease of
//! the one stream writing it, recording persisted parts, and ending it (abort or expiry
//! releases everything). Committing is in [`super::commit`].

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::{struct_to_json, timestamp};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_uploads;
use uuid::Uuid;

use super::records::{self, Principal};
use crate::drivers::Store;
use crate::error::StorageError;
use crate::ids::{Namespace, PathStrategy, UploadId, VersioningMode, VolumeId};
use crate::paths;
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::volumes::{self, VolumeRow};

/// How long an unfinished upload keeps its reservation.
pub const UPLOAD_TTL: Duration = Duration::days(7);
/// How long a stream holds an upload without persisting anything before another may take over.
pub const LEASE: Duration = Duration::seconds(30);
const MAX_METADATA: usize = 16 * 1024;

/// A `storage_uploads` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = storage_uploads, check_for_backend(diesel::pg::Pg))]
pub struct UploadRow {
    pub id: UploadId,
    pub volume_id: VolumeId,
    pub user_id: Option<Uuid>,
    pub app_id: Option<String>,
    pub namespace: Namespace,
    pub path: String,
    pub mime_type: String,
    pub metadata: serde_json::Value,
    pub is_public: bool,
    pub overwrite: bool,
    pub declared_size: i64,
    pub declared_sha256: Option<Vec<u8>>,
    pub staging_path: String,
    pub persisted_size: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub filename: Option<String>,
    pub part_offsets: Vec<Option<i64>>,
    pub writer_id: Option<Uuid>,
    pub lease_expires_at: Option<DateTime<Utc>>,
}

impl UploadRow {
    pub fn owner(&self) -> Owner {
        Owner::of(self.user_id, self.app_id.as_deref())
    }

    /// The key of its path in its namespace (the unique index's expression).
    pub fn owner_key(&self) -> String {
        self.owner().key(self.namespace)
    }

    pub fn parts(&self) -> Vec<u64> {
        self.part_offsets
            .iter()
            .flatten()
            .map(|&o| o as u64)
            .collect()
    }

    pub fn sees(&self, principal: &Principal) -> bool {
        match principal {
            Principal::User(user) => {
                self.namespace == Namespace::Users && self.user_id == Some(user.as_uuid())
            }
            Principal::App(app) => self.app_id.as_deref() == Some(&**app),
        }
    }

    pub fn filename(&self) -> String {
        self.filename.clone().unwrap_or_else(|| {
            self.path
                .rsplit('/')
                .next()
                .unwrap_or(&self.path)
                .to_owned()
        })
    }
}

/// The upload as its owner sees it.
pub fn upload(row: &UploadRow) -> pb::Upload {
    pb::Upload {
        upload_id: row.id.to_string(),
        persisted_size: row.persisted_size,
        declared_size: row.declared_size,
        expire_time: Some(timestamp(row.expires_at)),
    }
}

/// A validated UploadSpec.
struct Spec {
    volume: VolumeId,
    namespace: Namespace,
    owner: Owner,
    path: String,
    filename: Option<String>,
    mime_type: String,
    metadata: serde_json::Value,
    is_public: bool,
    declared_size: i64,
    declared_sha256: Option<Vec<u8>>,
    overwrite: bool,
}

fn valid_mime(mime: &str) -> bool {
    mime.len() <= 100
        && mime.split_once('/').is_some_and(|(t, s)| {
            !t.is_empty()
                && !s.is_empty()
                && mime.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        })
}

fn validate(
    principal: &Principal,
    spec: Option<&pb::UploadSpec>,
    field: &str,
    max_file_bytes: i64,
) -> Result<Spec, StorageError> {
    let Some(spec) = spec else {
        return Err(StorageError::invalid(field, "required"));
    };
    let f = |name: &str| format!("{field}.{name}");
    let mut v = FieldViolations::new();
    let volume = VolumeId::parse_into(&mut v, &f("volume_id"), &spec.volume_id);
    let asked = pb::Namespace::try_from(spec.namespace).unwrap_or(pb::Namespace::Unspecified);
    let (namespace, owner) = match (principal, asked) {
        (Principal::User(user), pb::Namespace::Unspecified | pb::Namespace::Users) => {
            v.require(
                spec.user_id.is_empty() || spec.user_id == user.to_string(),
                &f("user_id"),
                "users store only their own files: leave it empty",
            );
            (
                Namespace::Users,
                Owner {
                    user_id: Some(user.as_uuid()),
                    app_id: None,
                },
            )
        }
        (Principal::User(_), pb::Namespace::Apps) => {
            v.add(f("namespace"), "users store in the users namespace");
            (
                Namespace::Users,
                Owner {
                    user_id: None,
                    app_id: None,
                },
            )
        }
        (Principal::App(app), pb::Namespace::Users) => {
            let user = UserId::parse_into(&mut v, &f("user_id"), &spec.user_id);
            (
                Namespace::Users,
                Owner {
                    user_id: user.map(|u| u.as_uuid()),
                    app_id: Some(app.to_string()),
                },
            )
        }
        (Principal::App(app), _) => {
            v.require(
                spec.user_id.is_empty(),
                &f("user_id"),
                "apps files belong to no user: leave it empty",
            );
            (
                Namespace::Apps,
                Owner {
                    user_id: None,
                    app_id: Some(app.to_string()),
                },
            )
        }
    };
    let path = match paths::client_path(&spec.path) {
        Ok(path) => path,
        Err(why) => {
            v.add(f("path"), why);
            String::new()
        }
    };
    let filename = (!spec.filename.is_empty()).then(|| spec.filename.clone());
    if let Some(name) = &filename {
        v.require(
            name.len() <= 255 && !name.chars().any(char::is_control),
            &f("filename"),
            "1 to 255 bytes without control characters",
        );
    }
    let mime_type = if spec.mime_type.is_empty() {
        "application/octet-stream".to_owned()
    } else {
        spec.mime_type.clone()
    };
    v.require(
        valid_mime(&mime_type),
        &f("mime_type"),
        "a MIME type such as text/plain, at most 100 bytes",
    );
    let metadata = spec
        .metadata
        .as_ref()
        .map(struct_to_json)
        .unwrap_or_else(|| serde_json::json!({}));
    v.require(
        metadata.to_string().len() <= MAX_METADATA,
        &f("metadata"),
        "at most 16 KiB of JSON",
    );
    StorageError::check_declared(
        &mut v,
        &f("declared_size"),
        spec.declared_size,
        max_file_bytes,
    )?;
    let declared_sha256 = (!spec.declared_sha256.is_empty()).then(|| spec.declared_sha256.to_vec());
    v.require(
        declared_sha256.as_ref().is_none_or(|h| h.len() == 32),
        &f("declared_sha256"),
        "32 bytes when given",
    );
    match (volume, v.is_empty()) {
        (Some(volume), true) => Ok(Spec {
            volume,
            namespace,
            owner,
            path,
            filename,
            mime_type,
            metadata,
            is_public: spec.is_public,
            declared_size: spec.declared_size,
            declared_sha256,
            overwrite: spec.overwrite,
        }),
        _ => Err(v.into()),
    }
}

/// An active volume, or why not.
pub async fn active_volume(
    conn: &mut AsyncPgConnection,
    id: VolumeId,
) -> Result<VolumeRow, StorageError> {
    let volume = volumes::load(conn, id)
        .await?
        .ok_or_else(|| StorageError::not_found("volume", id))?;
    if !volume.is_active {
        return Err(StorageError::precondition(
            "VOLUME_INACTIVE",
            format!("volumes/{id}"),
            "the volume is not active",
        ));
    }
    Ok(volume)
}

/// StartUpload: claims the path, reserves the declared size, records the upload.
pub async fn start(
    storage: &Storage,
    principal: &Principal,
    spec: Option<&pb::UploadSpec>,
    field: &str,
) -> Result<UploadRow, StorageError> {
    let spec = validate(principal, spec, field, storage.config.max_file_bytes)?;
    let spec = &spec;
    storage
        .db
        .transaction("start_upload", move |conn| {
            async move {
                let volume = active_volume(conn, spec.volume).await?;
                if volume.read_only() {
                    return Err(StorageError::precondition(
                        "VOLUME_READ_ONLY",
                        format!("volumes/{}", spec.volume),
                        "the volume is plain HTTP: it takes no uploads, only an operator's imports",
                    ));
                }
                if volume.auto_path_strategy == PathStrategy::Hash && spec.declared_sha256.is_none()
                {
                    return Err(StorageError::invalid(
                        "spec.declared_sha256",
                        "required on volumes that name objects by content",
                    ));
                }
                let owner_key = spec.owner.key(spec.namespace);
                let replaces = volume.versioning_mode == VersioningMode::None;
                if replaces
                    && !spec.overwrite
                    && records::path_taken(
                        conn,
                        spec.volume,
                        spec.namespace,
                        &owner_key,
                        &spec.path,
                    )
                    .await?
                {
                    return Err(StorageError::AlreadyExists(
                        "a file or an upload holds this path: set overwrite to replace it".into(),
                    ));
                }
                quotas::reserve(conn, spec.volume.as_uuid(), &spec.owner, spec.declared_size)
                    .await?;
                let id = UploadId::new();
                let now = Utc::now();
                let inserted = diesel::insert_into(storage_uploads::table)
                    .values((
                        storage_uploads::id.eq(id),
                        storage_uploads::volume_id.eq(spec.volume),
                        storage_uploads::user_id.eq(spec.owner.user_id),
                        storage_uploads::app_id.eq(&spec.owner.app_id),
                        storage_uploads::namespace.eq(spec.namespace),
                        storage_uploads::path.eq(&spec.path),
                        storage_uploads::filename.eq(&spec.filename),
                        storage_uploads::mime_type.eq(&spec.mime_type),
                        storage_uploads::metadata.eq(&spec.metadata),
                        storage_uploads::is_public.eq(spec.is_public),
                        storage_uploads::overwrite.eq(spec.overwrite),
                        storage_uploads::declared_size.eq(spec.declared_size),
                        storage_uploads::declared_sha256.eq(&spec.declared_sha256),
                        storage_uploads::staging_path
                            .eq(format!("{}{id}/", volume.service_dir("uploads"))),
                        storage_uploads::expires_at.eq(now + UPLOAD_TTL),
                    ))
                    .returning(UploadRow::as_returning())
                    .get_result(conn)
                    .await;
                match inserted {
                    Err(diesel::result::Error::DatabaseError(
                        diesel::result::DatabaseErrorKind::UniqueViolation,
                        _,
                    )) => Err(StorageError::AlreadyExists(
                        "an upload to this path is in progress".into(),
                    )),
                    other => Ok(other?),
                }
            }
            .scope_boxed()
        })
        .await
}

/// Upload `id` if `principal` owns it.
pub async fn load_visible(
    conn: &mut AsyncPgConnection,
    principal: &Principal,
    id: UploadId,
) -> Result<UploadRow, StorageError> {
    storage_uploads::table
        .find(id)
        .select(UploadRow::as_select())
        .first(conn)
        .await
        .optional()?
        .filter(|row| row.sees(principal) && row.expires_at > Utc::now())
        .ok_or_else(|| StorageError::not_found("upload", id))
}

/// Takes the upload for the stream `writer`: ABORTED while another stream holds it.
pub async fn claim(
    storage: &Storage,
    id: UploadId,
    writer: Uuid,
) -> Result<UploadRow, StorageError> {
    let mut conn = storage.db.conn().await?;
    let now = Utc::now();
    diesel::update(storage_uploads::table.find(id))
        .filter(
            storage_uploads::writer_id
                .is_null()
                .or(storage_uploads::lease_expires_at.lt(now))
                .or(storage_uploads::writer_id.eq(writer)),
        )
        .set((
            storage_uploads::writer_id.eq(writer),
            storage_uploads::lease_expires_at.eq(now + LEASE),
        ))
        .returning(UploadRow::as_returning())
        .get_result(&mut *conn)
        .await
        .optional()?
        .ok_or_else(|| {
            StorageError::Aborted(
                "another stream is writing this upload; retry after it ends".into(),
            )
        })
}

/// Extends `writer`'s hold on the upload while it streams (between recorded parts): ABORTED
/// when the stream lost the upload meanwhile.
pub async fn renew(storage: &Storage, id: UploadId, writer: Uuid) -> Result<(), StorageError> {
    let mut conn = storage.db.conn().await?;
    let renewed = diesel::update(storage_uploads::table.find(id))
        .filter(storage_uploads::writer_id.eq(writer))
        .set(storage_uploads::lease_expires_at.eq(Utc::now() + LEASE))
        .execute(&mut *conn)
        .await?;
    if renewed == 0 {
        return Err(StorageError::Aborted(
            "the upload was taken over or ended while this stream wrote it".into(),
        ));
    }
    Ok(())
}

/// Records a part persisted by `writer`: ABORTED when the stream lost the upload meanwhile.
pub async fn record_part(
    storage: &Storage,
    id: UploadId,
    writer: Uuid,
    offset: i64,
    len: i64,
) -> Result<(), StorageError> {
    let mut conn = storage.db.conn().await?;
    let now = Utc::now();
    let updated = diesel::update(storage_uploads::table.find(id))
        .filter(storage_uploads::writer_id.eq(writer))
        .filter(storage_uploads::persisted_size.eq(offset))
        .set((
            storage_uploads::persisted_size.eq(offset + len),
            storage_uploads::part_offsets.eq(diesel::dsl::sql::<
                diesel::sql_types::Array<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>,
            >(&format!(
                "array_append(part_offsets, {offset}::bigint)"
            ))),
            storage_uploads::lease_expires_at.eq(now + LEASE),
            storage_uploads::updated_at.eq(now),
        ))
        .execute(&mut *conn)
        .await?;
    if updated == 0 {
        return Err(StorageError::Aborted(
            "the upload was taken over or ended while this stream wrote it".into(),
        ));
    }
    Ok(())
}

/// Lets another stream take the upload at once.
pub async fn release(storage: &Storage, id: UploadId, writer: Uuid) {
    let released = async {
        let mut conn = storage.db.conn().await?;
        diesel::update(storage_uploads::table.find(id))
            .filter(storage_uploads::writer_id.eq(writer))
            .set((
                storage_uploads::writer_id.eq(None::<Uuid>),
                storage_uploads::lease_expires_at.eq(None::<DateTime<Utc>>),
            ))
            .execute(&mut *conn)
            .await?;
        Ok::<_, StorageError>(())
    };
    if let Err(err) = released.await {
        tracing::warn!(upload = %id, error = %err, "releasing an upload's lease failed; it lapses by itself");
    }
}

/// Ends an upload without a file: the record goes, the reservation is released, then the
/// staged bytes are removed. Ending an upload that is gone already is fine.
pub async fn abort(
    storage: &Storage,
    id: UploadId,
    store: Option<&Store>,
) -> Result<(), StorageError> {
    let removed = storage
        .db
        .transaction("abort_upload", move |conn| {
            async move {
                let row: Option<UploadRow> = diesel::delete(storage_uploads::table.find(id))
                    .returning(UploadRow::as_returning())
                    .get_result(conn)
                    .await
                    .optional()?;
                if let Some(row) = &row {
                    quotas::settle(
                        conn,
                        row.volume_id.as_uuid(),
                        &row.owner(),
                        row.declared_size,
                        0,
                    )
                    .await?;
                }
                Ok::<_, StorageError>(row)
            }
            .scope_boxed()
        })
        .await?;
    if let Some(row) = removed {
        let store = match store {
            Some(store) => store.clone(),
            None => {
                let mut conn = storage.db.conn().await?;
                let volume = volumes::load(&mut conn, row.volume_id)
                    .await?
                    .ok_or_else(|| StorageError::Internal("an upload without its volume".into()))?;
                volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?
            }
        };
        if let Err(err) = store.unstage(&row.staging_path, &row.parts()).await {
            tracing::warn!(upload = %id, error = %err, "removing an ended upload's staged bytes failed");
        }
    }
    Ok(())
}
