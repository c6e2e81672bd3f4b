//! Backends: the approved local paths, S3 buckets, FTP/SFTP endpoints and HTTP endpoints
//! volumes keep bytes in, with their credentials. The four tables share one id space (UUIDv7),
//! so a backend id alone says which row it is. Secrets are sealed as envelopes bound to their
//! row and column before they reach the database, and never leave it again except to a driver.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::keyring::KeyRing;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{
    ftp_endpoints, http_credentials, http_endpoints, local_paths, s3_buckets, s3_credentials,
    storage_volumes,
};
use uuid::Uuid;

use crate::error::StorageError;
use crate::ids::{BackendId, FtpProtocol};

pub use super::backend_input::HttpSecret;
use super::backend_input::{NewBackend, http_secret, s3_secret, validate};
use crate::secrets::context;
use crate::state::Storage;

use pb::backend::Target;

fn seal(
    ring: &KeyRing,
    plaintext: &str,
    table: &str,
    id: Uuid,
    column: &str,
) -> Result<String, StorageError> {
    ring.seal_envelope(plaintext, &context(table, id, column))
        .map_err(StorageError::Internal)
}

/// A new credential row's id and its `credentials` column: `{"sealed": <envelope>}`.
fn sealed_http(
    ring: &KeyRing,
    secret: &HttpSecret,
) -> Result<(Uuid, serde_json::Value), StorageError> {
    let id = Uuid::now_v7();
    let json = serde_json::to_string(secret).map_err(|e| StorageError::Internal(e.to_string()))?;
    let sealed = seal(ring, &json, "http_credentials", id, "credentials")?;
    Ok((id, serde_json::json!({ "sealed": sealed })))
}

/// CreateBackend.
pub async fn create(
    storage: &Storage,
    request: &pb::CreateBackendRequest,
) -> Result<pb::Backend, StorageError> {
    let (new, description) = validate(storage, request)?;
    let needs_ring = matches!(
        new,
        NewBackend::S3 { .. }
            | NewBackend::Ftp {
                protocol: FtpProtocol::Ftp,
                ..
            }
            | NewBackend::Http {
                credential: Some(_),
                ..
            }
    );
    let ring = if needs_ring {
        Some(storage.ring()?)
    } else {
        None
    };
    let id = BackendId::new().as_uuid();
    let (new, description) = (&new, description.as_deref());
    storage
        .db
        .transaction("create_backend", move |conn| {
            async move {
                insert(conn, ring, id, new, description).await?;
                describe(conn, id).await
            }
            .scope_boxed()
        })
        .await
}

async fn insert(
    conn: &mut AsyncPgConnection,
    ring: Option<&KeyRing>,
    id: Uuid,
    new: &NewBackend,
    description: Option<&str>,
) -> Result<(), StorageError> {
    let ring = || ring.ok_or_else(|| StorageError::Internal("no key ring".into()));
    match new {
        NewBackend::Local { path } => {
            let inserted = diesel::insert_into(local_paths::table)
                .values((
                    local_paths::id.eq(id),
                    local_paths::path.eq(path),
                    local_paths::description.eq(description),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            if inserted == 0 {
                return Err(StorageError::AlreadyExists(
                    "that local path is registered already".into(),
                ));
            }
        }
        NewBackend::S3 {
            bucket,
            access_key,
            secret_key,
        } => {
            diesel::insert_into(s3_buckets::table)
                .values((
                    s3_buckets::id.eq(id),
                    s3_buckets::endpoint_url.eq(&bucket.endpoint_url),
                    s3_buckets::bucket_name.eq(&bucket.bucket_name),
                    s3_buckets::region.eq(&bucket.region),
                    s3_buckets::use_ssl.eq(bucket.use_ssl),
                ))
                .execute(conn)
                .await?;
            insert_s3_credential(conn, ring()?, id, access_key, secret_key).await?;
        }
        NewBackend::Ftp {
            endpoint,
            protocol,
            port,
        } => {
            let password = match protocol {
                FtpProtocol::Ftp => Some(seal(
                    ring()?,
                    &endpoint.password,
                    "ftp_endpoints",
                    id,
                    "password",
                )?),
                FtpProtocol::Sftp => None,
            };
            let key_path = (*protocol == FtpProtocol::Sftp).then(|| endpoint.key_path.clone());
            diesel::insert_into(ftp_endpoints::table)
                .values((
                    ftp_endpoints::id.eq(id),
                    ftp_endpoints::host.eq(&endpoint.host),
                    ftp_endpoints::port.eq(port),
                    ftp_endpoints::protocol.eq(protocol.as_str()),
                    ftp_endpoints::username.eq(&endpoint.username),
                    ftp_endpoints::password.eq(password),
                    ftp_endpoints::key_path.eq(key_path),
                ))
                .execute(conn)
                .await?;
        }
        NewBackend::Http { url, credential } => {
            diesel::insert_into(http_endpoints::table)
                .values((
                    http_endpoints::id.eq(id),
                    http_endpoints::url.eq(url),
                    http_endpoints::description.eq(description),
                ))
                .execute(conn)
                .await?;
            if let Some(secret) = credential {
                insert_http_credential(conn, ring()?, id, secret).await?;
            }
        }
    }
    Ok(())
}

async fn insert_s3_credential(
    conn: &mut AsyncPgConnection,
    ring: &KeyRing,
    bucket: Uuid,
    access_key: &str,
    secret_key: &str,
) -> Result<(), StorageError> {
    let id = Uuid::now_v7();
    let sealed = seal(ring, secret_key, "s3_credentials", id, "secret_key")?;
    diesel::insert_into(s3_credentials::table)
        .values((
            s3_credentials::id.eq(id),
            s3_credentials::bucket_id.eq(bucket),
            s3_credentials::access_key.eq(access_key),
            s3_credentials::secret_key.eq(sealed),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

async fn insert_http_credential(
    conn: &mut AsyncPgConnection,
    ring: &KeyRing,
    endpoint: Uuid,
    secret: &HttpSecret,
) -> Result<(), StorageError> {
    let (id, credentials) = sealed_http(ring, secret)?;
    diesel::insert_into(http_credentials::table)
        .values((
            http_credentials::id.eq(id),
            http_credentials::endpoint_id.eq(endpoint),
            http_credentials::auth_type.eq(secret.auth_type().as_str()),
            http_credentials::credentials.eq(credentials),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// AddBackendCredential.
pub async fn add_credential(
    storage: &Storage,
    request: &pb::AddBackendCredentialRequest,
) -> Result<pb::Backend, StorageError> {
    use pb::add_backend_credential_request::Credential;
    let id = BackendId::parse("backend_id", &request.backend_id)?.as_uuid();
    let mut v = FieldViolations::new();
    let credential = match &request.credential {
        Some(Credential::S3(s3)) => {
            let (access, secret) = s3_secret(&mut v, "s3", Some(s3));
            Some((Some((access, secret)), None))
        }
        Some(Credential::Http(http)) => Some((None, http_secret(&mut v, "http", http))),
        None => {
            v.add("credential", "one of s3 or http is required");
            None
        }
    };
    if !v.is_empty() {
        return Err(v.into());
    }
    let ring = storage.ring()?;
    let credential = &credential;
    storage
        .db
        .transaction("add_backend_credential", move |conn| {
            async move {
                let kind = kind_of(conn, id)
                    .await?
                    .ok_or_else(|| StorageError::not_found("backend", id))?;
                match (kind, credential) {
                    (pb::BackendKind::S3, Some((Some((access, secret)), _))) => {
                        insert_s3_credential(conn, ring, id, access, secret).await?
                    }
                    (pb::BackendKind::Http, Some((_, Some(secret)))) => {
                        insert_http_credential(conn, ring, id, secret).await?
                    }
                    _ => {
                        return Err(StorageError::invalid(
                            "credential",
                            "must match the backend's kind (s3 or http)",
                        ));
                    }
                }
                describe(conn, id).await
            }
            .scope_boxed()
        })
        .await
}

/// DeleteBackend: FAILED_PRECONDITION while a volume uses it.
pub async fn delete(
    storage: &Storage,
    request: &pb::DeleteBackendRequest,
) -> Result<(), StorageError> {
    let id = BackendId::parse("backend_id", &request.backend_id)?.as_uuid();
    storage
        .db
        .transaction("delete_backend", |conn| {
            async move {
                let users: Vec<String> = storage_volumes::table
                    .filter(
                        storage_volumes::local_path_id
                            .eq(id)
                            .or(storage_volumes::bucket_id.eq(id))
                            .or(storage_volumes::ftp_id.eq(id))
                            .or(storage_volumes::endpoint_id.eq(id)),
                    )
                    .select(storage_volumes::name)
                    .load(conn)
                    .await?;
                if !users.is_empty() {
                    return Err(StorageError::Precondition(
                        users
                            .into_iter()
                            .map(|name| {
                                (
                                    "IN_USE",
                                    format!("volumes/{name}"),
                                    format!("volume {name} uses this backend"),
                                )
                            })
                            .collect(),
                    ));
                }
                diesel::delete(local_paths::table.find(id))
                    .execute(conn)
                    .await?;
                diesel::delete(s3_buckets::table.find(id))
                    .execute(conn)
                    .await?;
                diesel::delete(ftp_endpoints::table.find(id))
                    .execute(conn)
                    .await?;
                diesel::delete(http_endpoints::table.find(id))
                    .execute(conn)
                    .await?;
                Ok(())
            }
            .scope_boxed()
        })
        .await
}

/// ListBackends, oldest first.
pub async fn list(storage: &Storage) -> Result<Vec<pb::Backend>, StorageError> {
    storage
        .db
        .read("list_backends", |conn| {
            async move {
                let mut ids: Vec<Uuid> = local_paths::table
                    .select(local_paths::id)
                    .load(conn)
                    .await?;
                ids.extend(
                    s3_buckets::table
                        .select(s3_buckets::id)
                        .load::<Uuid>(conn)
                        .await?,
                );
                ids.extend(
                    ftp_endpoints::table
                        .select(ftp_endpoints::id)
                        .load::<Uuid>(conn)
                        .await?,
                );
                ids.extend(
                    http_endpoints::table
                        .select(http_endpoints::id)
                        .load::<Uuid>(conn)
                        .await?,
                );
                ids.sort();
                let mut backends = Vec::with_capacity(ids.len());
                for id in ids {
                    backends.push(describe(conn, id).await?);
                }
                Ok(backends)
            }
            .scope_boxed()
        })
        .await
}

/// Which table holds backend `id`.
pub async fn kind_of(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<pb::BackendKind>, StorageError> {
    let found = |n: i64| n > 0;
    if found(local_paths::table.find(id).count().get_result(conn).await?) {
        return Ok(Some(pb::BackendKind::Local));
    }
    if found(s3_buckets::table.find(id).count().get_result(conn).await?) {
        return Ok(Some(pb::BackendKind::S3));
    }
    if found(
        ftp_endpoints::table
            .find(id)
            .count()
            .get_result(conn)
            .await?,
    ) {
        return Ok(Some(pb::BackendKind::Ftp));
    }
    if found(
        http_endpoints::table
            .find(id)
            .count()
            .get_result(conn)
            .await?,
    ) {
        return Ok(Some(pb::BackendKind::Http));
    }
    Ok(None)
}

/// Backend `id` as operators see it: never a secret.
pub async fn describe(conn: &mut AsyncPgConnection, id: Uuid) -> Result<pb::Backend, StorageError> {
    let kind = kind_of(conn, id)
        .await?
        .ok_or_else(|| StorageError::not_found("backend", id))?;
    let mut backend = pb::Backend {
        id: id.to_string(),
        kind: kind as i32,
        ..Default::default()
    };
    let created_at: DateTime<Utc>;
    match kind {
        pb::BackendKind::Local => {
            let (path, description, at): (String, Option<String>, DateTime<Utc>) =
                local_paths::table
                    .find(id)
                    .select((
                        local_paths::path,
                        local_paths::description,
                        local_paths::created_at,
                    ))
                    .first(conn)
                    .await?;
            backend.description = description.unwrap_or_default();
            backend.target = Some(Target::LocalPath(pb::LocalPath { path }));
            created_at = at;
        }
        pb::BackendKind::S3 => {
            let (endpoint_url, bucket_name, region, use_ssl, at): (
                String,
                String,
                String,
                bool,
                DateTime<Utc>,
            ) = s3_buckets::table
                .find(id)
                .select((
                    s3_buckets::endpoint_url,
                    s3_buckets::bucket_name,
                    s3_buckets::region,
                    s3_buckets::use_ssl,
                    s3_buckets::created_at,
                ))
                .first(conn)
                .await?;
            backend.target = Some(Target::S3Bucket(pb::S3Bucket {
                endpoint_url,
                bucket_name,
                region,
                use_ssl,
            }));
            backend.access_keys = s3_credentials::table
                .filter(s3_credentials::bucket_id.eq(id))
                .order(s3_credentials::id.desc())
                .select(s3_credentials::access_key)
                .load(conn)
                .await?;
            created_at = at;
        }
        pb::BackendKind::Ftp => {
            let (host, port, protocol, username, key_path, at): (
                String,
                i32,
                String,
                String,
                Option<String>,
                DateTime<Utc>,
            ) = ftp_endpoints::table
                .find(id)
                .select((
                    ftp_endpoints::host,
                    ftp_endpoints::port,
                    ftp_endpoints::protocol,
                    ftp_endpoints::username,
                    ftp_endpoints::key_path,
                    ftp_endpoints::created_at,
                ))
                .first(conn)
                .await?;
            let protocol = if protocol == FtpProtocol::Sftp.as_str() {
                pb::FtpProtocol::Sftp
            } else {
                pb::FtpProtocol::Ftp
            };
            backend.target = Some(Target::FtpEndpoint(pb::FtpEndpoint {
                host,
                port,
                protocol: protocol as i32,
                username,
                password: String::new(),
                key_path: key_path.unwrap_or_default(),
            }));
            created_at = at;
        }
        pb::BackendKind::Http | pb::BackendKind::Unspecified => {
            let (url, description, at): (String, Option<String>, DateTime<Utc>) =
                http_endpoints::table
                    .find(id)
                    .select((
                        http_endpoints::url,
                        http_endpoints::description,
                        http_endpoints::created_at,
                    ))
                    .first(conn)
                    .await?;
            backend.description = description.unwrap_or_default();
            backend.target = Some(Target::HttpEndpoint(pb::HttpEndpoint { url }));
            let count: i64 = http_credentials::table
                .filter(http_credentials::endpoint_id.eq(id))
                .count()
                .get_result(conn)
                .await?;
            backend.credential_count = i32::try_from(count).unwrap_or(i32::MAX);
            created_at = at;
        }
    }
    backend.create_time = Some(timestamp(created_at));
    Ok(backend)
}
