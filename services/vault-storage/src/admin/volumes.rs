//! Volumes and quota limits, as operators manage them. A volume becomes active only through a
//! passing capability check of its backend; what the check found is kept on the row.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::{Page, Query};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::storage_volumes;

use crate::admin::backends;
use crate::drivers::ProbeError;
use crate::error::StorageError;
use crate::ids::{Driver, PathStrategy, VersioningMode, VolumeId};
use crate::paths;
use crate::state::Storage;
use crate::volumes::{self, VolumeRow};

const MAX_PREFIX: usize = 500;

fn strategy(raw: i32) -> Option<PathStrategy> {
    match pb::PathStrategy::try_from(raw).ok()? {
        pb::PathStrategy::Unspecified | pb::PathStrategy::None => Some(PathStrategy::None),
        pb::PathStrategy::Uuid => Some(PathStrategy::Uuid),
        pb::PathStrategy::Hash => Some(PathStrategy::Hash),
    }
}

fn versioning(raw: i32) -> Option<VersioningMode> {
    match pb::VersioningMode::try_from(raw).ok()? {
        pb::VersioningMode::Unspecified | pb::VersioningMode::None => Some(VersioningMode::None),
        pb::VersioningMode::Source => Some(VersioningMode::Source),
        pb::VersioningMode::Target => Some(VersioningMode::Target),
    }
}

fn driver_kind(driver: Driver) -> pb::BackendKind {
    match driver {
        Driver::Local => pb::BackendKind::Local,
        Driver::S3 => pb::BackendKind::S3,
        Driver::Ftp => pb::BackendKind::Ftp,
        Driver::Http => pb::BackendKind::Http,
    }
}

/// The volume as operators see it.
pub fn volume(row: &VolumeRow) -> pb::Volume {
    let caps = &row.capabilities;
    let flag = |key: &str| {
        caps.get(key)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let checked = caps
        .get("checked_at")
        .and_then(serde_json::Value::as_str)
        .and_then(|at| at.parse::<chrono::DateTime<Utc>>().ok());
    pb::Volume {
        id: row.id.to_string(),
        name: row.name.clone(),
        backend_id: row
            .backend_id()
            .map(|id| id.to_string())
            .unwrap_or_default(),
        driver: driver_kind(row.driver) as i32,
        webdav: row.webdav(),
        default_prefix: row.default_prefix.clone().unwrap_or_default(),
        enforce_hierarchy: Some(row.enforce_hierarchy),
        path_delimiter: row.path_delimiter.clone(),
        use_query_params: row.use_query_params,
        auto_path_strategy: match row.auto_path_strategy {
            PathStrategy::None => pb::PathStrategy::None,
            PathStrategy::Uuid => pb::PathStrategy::Uuid,
            PathStrategy::Hash => pb::PathStrategy::Hash,
        } as i32,
        versioning_mode: match row.versioning_mode {
            VersioningMode::None => pb::VersioningMode::None,
            VersioningMode::Source => pb::VersioningMode::Source,
            VersioningMode::Target => pb::VersioningMode::Target,
        } as i32,
        quota_limit: row.quota_limit,
        quota_used: row.quota_used,
        quota_reserved: row.quota_reserved,
        is_active: row.is_active,
        capabilities: checked.map(|at| pb::Capabilities {
            write: flag("write"),
            ranged_read: flag("ranged_read"),
            list: flag("list"),
            delete: flag("delete"),
            versions: flag("versions"),
            check_time: Some(timestamp(at)),
        }),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// The capability check of `volume`'s backend: the capabilities to store, or one violation
/// per reason the volume cannot be activated.
pub async fn check(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    volume: &VolumeRow,
) -> Result<serde_json::Value, StorageError> {
    let mut violations = Vec::new();
    if volume.read_only() && volume.versioning_mode != VersioningMode::None {
        violations.push((
            "UNSUPPORTED",
            "versioning_mode".to_owned(),
            "a read-only (plain HTTP) volume keeps no versions".to_owned(),
        ));
    }
    let target = volume.versioning_mode == VersioningMode::Target;
    if target && volume.auto_path_strategy != PathStrategy::None {
        violations.push((
            "UNSUPPORTED",
            "versioning_mode".to_owned(),
            "target versioning keeps versions of one object per path: it needs the `none` path strategy".to_owned(),
        ));
    }
    let store = match volumes::store(conn, storage.ring.as_ref(), volume).await {
        Ok(store) => Some(store),
        Err(StorageError::Precondition(mut more)) => {
            violations.append(&mut more);
            None
        }
        Err(StorageError::Backend(err)) => {
            violations.push(("BACKEND_CONFIG", "backend".to_owned(), err.to_string()));
            None
        }
        Err(other) => return Err(other),
    };
    if let Some(store) = store {
        let mut probed = if store.read_only() {
            store.probe_read_only(&volume.probe_dir()).await
        } else {
            store.probe(&volume.probe_dir()).await
        };
        // `target` versioning: the backend must show it keeps versions.
        if probed.is_ok()
            && target
            && let Err(err) = store.probe_versions(&volume.probe_dir()).await
        {
            violations.push((
                "UNSUPPORTED",
                "versioning_mode".to_owned(),
                format!(
                    "target versioning needs a backend that keeps object versions: {}",
                    err.error
                ),
            ));
            probed = Ok(Default::default());
        }
        match probed {
            Ok(caps) => {
                if violations.is_empty() {
                    return Ok(serde_json::json!({
                        "write": caps.write,
                        "ranged_read": caps.ranged_read,
                        "list": caps.list,
                        "delete": caps.delete,
                        "versions": target,
                        "checked_at": Utc::now().to_rfc3339(),
                    }));
                }
            }
            Err(ProbeError { step, error }) => {
                tracing::warn!(volume = %volume.name, step, error = %error, "capability check failed");
                let kind = match error {
                    crate::drivers::DriverError::PermissionDenied => "CREDENTIALS_REFUSED",
                    crate::drivers::DriverError::Unavailable(_) => "UNREACHABLE",
                    _ => "CAPABILITY_MISSING",
                };
                violations.push((
                    kind,
                    format!("capabilities.{}", step.replace(' ', "_")),
                    format!("the capability check failed at {step}: {error}"),
                ));
            }
        }
    }
    Err(StorageError::Precondition(violations))
}

struct NewVolume {
    row: VolumeRow,
}

fn validate_prefix(v: &mut FieldViolations, prefix: &str) -> Option<String> {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        return None;
    }
    if prefix.len() > MAX_PREFIX {
        v.add("volume.default_prefix", "at most 500 bytes");
    } else if let Err(why) = paths::client_path(trimmed) {
        v.add("volume.default_prefix", why);
    }
    Some(trimmed.to_owned())
}

async fn validate(
    conn: &mut AsyncPgConnection,
    request: &pb::CreateVolumeRequest,
) -> Result<NewVolume, StorageError> {
    let Some(input) = &request.volume else {
        return Err(StorageError::invalid("volume", "required"));
    };
    let mut v = FieldViolations::new();
    v.require(
        super::backend_input::plain(&input.name, 100),
        "volume.name",
        "required: 1 to 100 bytes without control characters",
    );
    let backend_id = tessera_kit::ids::parse_uuid(&input.backend_id);
    v.require(
        backend_id.is_some(),
        "volume.backend_id",
        "required: a backend id",
    );
    let prefix = validate_prefix(&mut v, &input.default_prefix);
    let delimiter = if input.path_delimiter.is_empty() {
        "/".to_owned()
    } else {
        input.path_delimiter.clone()
    };
    v.require(
        delimiter.len() <= 5 && !delimiter.chars().any(char::is_control),
        "volume.path_delimiter",
        "1 to 5 bytes without control characters",
    );
    let strategy = strategy(input.auto_path_strategy);
    v.require(
        strategy.is_some(),
        "volume.auto_path_strategy",
        "not a path strategy",
    );
    let versioning = versioning(input.versioning_mode);
    v.require(
        versioning.is_some(),
        "volume.versioning_mode",
        "not a versioning mode",
    );
    v.require(
        input.quota_limit.is_none_or(|l| l >= 0),
        "volume.quota_limit",
        "must not be negative",
    );
    if !v.is_empty() {
        return Err(v.into());
    }
    let backend_id = backend_id.unwrap_or_default();
    let kind = backends::kind_of(conn, backend_id)
        .await?
        .ok_or_else(|| StorageError::invalid("volume.backend_id", "no such backend"))?;
    let (driver, config) = match kind {
        pb::BackendKind::Local => (
            Driver::Local,
            serde_json::json!({ "local_path_id": backend_id }),
        ),
        pb::BackendKind::S3 => (Driver::S3, serde_json::json!({ "bucket_id": backend_id })),
        pb::BackendKind::Ftp => (Driver::Ftp, serde_json::json!({ "ftp_id": backend_id })),
        _ => (
            Driver::Http,
            serde_json::json!({ "endpoint_id": backend_id, "webdav": input.webdav }),
        ),
    };
    v.require(
        !input.webdav || driver == Driver::Http,
        "volume.webdav",
        "only for HTTP backends",
    );
    v.require(
        !input.use_query_params || driver == Driver::Http,
        "volume.use_query_params",
        "only for HTTP backends",
    );
    if !v.is_empty() {
        return Err(v.into());
    }
    let now = Utc::now();
    Ok(NewVolume {
        row: VolumeRow {
            id: VolumeId::new(),
            name: input.name.clone(),
            driver,
            config,
            default_prefix: prefix,
            enforce_hierarchy: input.enforce_hierarchy.unwrap_or(true),
            path_delimiter: delimiter,
            use_query_params: input.use_query_params,
            auto_path_strategy: strategy.unwrap_or(PathStrategy::None),
            versioning_mode: versioning.unwrap_or(VersioningMode::None),
            quota_limit: input.quota_limit,
            quota_used: 0,
            quota_reserved: 0,
            is_active: false,
            capabilities: serde_json::json!({}),
            created_at: now,
            updated_at: now,
        },
    })
}

/// CreateVolume: checked first when asked to be active; nothing is created when that fails.
pub async fn create(
    storage: &Storage,
    request: &pb::CreateVolumeRequest,
) -> Result<pb::Volume, StorageError> {
    let activate = request.volume.as_ref().is_some_and(|v| v.is_active);
    let mut conn = storage.db.conn().await?;
    let NewVolume { mut row } = validate(&mut conn, request).await?;
    if activate {
        row.capabilities = check(&mut conn, storage, &row).await?;
        row.is_active = true;
    }
    drop(conn);
    let row = storage
        .db
        .transaction("create_volume", |conn| {
            let row = row.clone();
            async move {
                super::locations::check_free(conn, &row).await?;
                let inserted = diesel::insert_into(storage_volumes::table)
                    .values((
                        storage_volumes::id.eq(row.id),
                        storage_volumes::name.eq(&row.name),
                        storage_volumes::driver.eq(row.driver),
                        storage_volumes::config.eq(&row.config),
                        storage_volumes::default_prefix.eq(&row.default_prefix),
                        storage_volumes::enforce_hierarchy.eq(row.enforce_hierarchy),
                        storage_volumes::path_delimiter.eq(&row.path_delimiter),
                        storage_volumes::use_query_params.eq(row.use_query_params),
                        storage_volumes::auto_path_strategy.eq(row.auto_path_strategy),
                        storage_volumes::versioning_mode.eq(row.versioning_mode),
                        storage_volumes::quota_limit.eq(row.quota_limit),
                        storage_volumes::is_active.eq(row.is_active),
                        storage_volumes::capabilities.eq(&row.capabilities),
                    ))
                    .on_conflict_do_nothing()
                    .returning(VolumeRow::as_returning())
                    .get_result(conn)
                    .await
                    .optional()?;
                inserted.ok_or_else(|| {
                    StorageError::AlreadyExists(format!("a volume named {} exists", row.name))
                })
            }
            .scope_boxed()
        })
        .await?;
    tracing::info!(volume = %row.name, id = %row.id, active = row.is_active, "volume created");
    Ok(volume(&row))
}

/// GetVolume.
pub async fn get(storage: &Storage, id: &str) -> Result<pb::Volume, StorageError> {
    let id = VolumeId::parse("volume_id", id)?;
    let mut conn = storage.db.conn().await?;
    let row = volumes::load(&mut conn, id)
        .await?
        .ok_or_else(|| StorageError::not_found("volume", id))?;
    Ok(volume(&row))
}

/// ListVolumes, by name.
pub async fn list(
    storage: &Storage,
    request: &pb::ListVolumesRequest,
) -> Result<Page<pb::Volume>, StorageError> {
    let query = Query::new("vault.volumes");
    let page = query.request::<String>(request.page_size, &request.page_token)?;
    let mut conn = storage.db.conn().await?;
    let mut select = storage_volumes::table
        .select(VolumeRow::as_select())
        .order(storage_volumes::name.asc())
        .into_boxed();
    if let Some(after) = &page.after {
        select = select.filter(storage_volumes::name.gt(after.clone()));
    }
    let rows: Vec<VolumeRow> = select.limit(page.fetch_limit()).load(&mut *conn).await?;
    let rows = query.page(rows, &page, |row| row.name.clone());
    Ok(Page {
        items: rows.items.iter().map(volume).collect(),
        next_page_token: rows.next_page_token,
    })
}

/// UpdateVolume: `name`, `quota_limit`, `is_active`.
pub async fn update(
    storage: &Storage,
    request: &pb::UpdateVolumeRequest,
) -> Result<pb::Volume, StorageError> {
    let input = request
        .volume
        .clone()
        .ok_or_else(|| StorageError::invalid("volume", "required"))?;
    let id = VolumeId::parse("volume.id", &input.id)?;
    let paths = request
        .update_mask
        .as_ref()
        .map(|m| m.paths.clone())
        .unwrap_or_default();
    let mut v = FieldViolations::new();
    v.require(
        !paths.is_empty(),
        "update_mask",
        "name at least one of name, quota_limit, is_active",
    );
    for path in &paths {
        v.require(
            ["name", "quota_limit", "is_active"].contains(&path.as_str()),
            "update_mask",
            "only name, quota_limit and is_active can change",
        );
    }
    let wants = |field: &str| paths.iter().any(|p| p == field);
    if wants("name") {
        v.require(
            super::backend_input::plain(&input.name, 100),
            "volume.name",
            "required: 1 to 100 bytes without control characters",
        );
    }
    if wants("quota_limit") {
        v.require(
            input.quota_limit.is_none_or(|l| l >= 0),
            "volume.quota_limit",
            "must not be negative",
        );
    }
    if !v.is_empty() {
        return Err(v.into());
    }
    let mut conn = storage.db.conn().await?;
    let current = volumes::load(&mut conn, id)
        .await?
        .ok_or_else(|| StorageError::not_found("volume", id))?;
    let activating = wants("is_active") && input.is_active && !current.is_active;
    let capabilities = if activating {
        Some(check(&mut conn, storage, &current).await?)
    } else {
        None
    };
    drop(conn);
    let row = storage
        .db
        .transaction("update_volume", |conn| {
            let (input, capabilities) = (input.clone(), capabilities.clone());
            let wants = |field: &str| paths.iter().any(|p| p == field);
            let (name, limit, active) = (wants("name"), wants("quota_limit"), wants("is_active"));
            async move {
                let target = storage_volumes::table.find(id);
                if name {
                    let taken = diesel::update(target)
                        .set(storage_volumes::name.eq(&input.name))
                        .execute(conn)
                        .await;
                    if let Err(diesel::result::Error::DatabaseError(
                        diesel::result::DatabaseErrorKind::UniqueViolation,
                        _,
                    )) = taken
                    {
                        return Err(StorageError::AlreadyExists(format!(
                            "a volume named {} exists",
                            input.name
                        )));
                    }
                    taken?;
                }
                if limit {
                    diesel::update(target)
                        .set(storage_volumes::quota_limit.eq(input.quota_limit))
                        .execute(conn)
                        .await?;
                }
                if active {
                    diesel::update(target)
                        .set(storage_volumes::is_active.eq(input.is_active))
                        .execute(conn)
                        .await?;
                }
                if let Some(caps) = capabilities {
                    diesel::update(target)
                        .set(storage_volumes::capabilities.eq(caps))
                        .execute(conn)
                        .await?;
                }
                Ok(diesel::update(target)
                    .set(storage_volumes::updated_at.eq(Utc::now()))
                    .returning(VolumeRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await?;
    Ok(volume(&row))
}
