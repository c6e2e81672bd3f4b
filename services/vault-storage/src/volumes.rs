//! A volume's row, and the driver it opens: the backend row its `config` names, with that
//! backend's newest credential opened from its envelope.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use secrecy::SecretString;
use tessera_kit::keyring::KeyRing;
use tessera_schema::vault::{
    ftp_endpoints, http_credentials, http_endpoints, local_paths, s3_buckets, s3_credentials,
    storage_volumes,
};
use uuid::Uuid;

use crate::admin::backends::HttpSecret;
use crate::drivers::{Backend, HttpAuth, Store};
use crate::error::StorageError;
use crate::ids::{Driver, FtpProtocol, PathStrategy, VersioningMode, VolumeId};
use crate::layout::Layout;
use crate::secrets::context;

/// A `storage_volumes` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = storage_volumes, check_for_backend(diesel::pg::Pg))]
pub struct VolumeRow {
    pub id: VolumeId,
    pub name: String,
    pub driver: Driver,
    pub config: serde_json::Value,
    pub default_prefix: Option<String>,
    pub enforce_hierarchy: bool,
    pub path_delimiter: String,
    pub use_query_params: bool,
    pub auto_path_strategy: PathStrategy,
    pub versioning_mode: VersioningMode,
    pub quota_limit: Option<i64>,
    pub quota_used: i64,
    pub quota_reserved: i64,
    pub is_active: bool,
    pub capabilities: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl VolumeRow {
    /// The backend row `config` names.
    pub fn backend_id(&self) -> Option<Uuid> {
        ["local_path_id", "bucket_id", "ftp_id", "endpoint_id"]
            .iter()
            .find_map(|key| self.config.get(key)?.as_str()?.parse().ok())
    }

    /// Plain HTTP volumes only serve reads: their files come by an operator's import.
    pub fn read_only(&self) -> bool {
        self.driver == Driver::Http && !self.webdav() && !self.use_query_params
    }

    /// HTTP volumes: whether the endpoint speaks WebDAV.
    pub fn webdav(&self) -> bool {
        self.config
            .get("webdav")
            .and_then(serde_json::Value::as_bool)
            == Some(true)
    }

    pub fn layout(&self) -> Layout {
        Layout {
            prefix: self.default_prefix.clone(),
            enforce_hierarchy: self.enforce_hierarchy,
            delimiter: self.path_delimiter.clone(),
            strategy: self.auto_path_strategy,
        }
    }

    /// The volume's own directory for service objects (staged uploads, kept versions), relative
    /// to the backend root; ends with `/`.
    pub fn service_dir(&self, what: &str) -> String {
        let prefix = self
            .default_prefix
            .as_deref()
            .unwrap_or("")
            .trim_matches('/');
        if prefix.is_empty() {
            format!(".tessera-{what}/")
        } else {
            format!("{prefix}/.tessera-{what}/")
        }
    }

    /// The probe's directory: the prefix, as a directory.
    pub fn probe_dir(&self) -> String {
        let prefix = self
            .default_prefix
            .as_deref()
            .unwrap_or("")
            .trim_matches('/');
        if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        }
    }
}

/// Loads volume `id` (`None` when there is none).
pub async fn load(
    conn: &mut AsyncPgConnection,
    id: VolumeId,
) -> Result<Option<VolumeRow>, StorageError> {
    Ok(storage_volumes::table
        .find(id)
        .select(VolumeRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

fn open_secret(
    ring: &KeyRing,
    sealed: &str,
    table: &str,
    id: Uuid,
    column: &str,
) -> Result<SecretString, StorageError> {
    ring.open_envelope(sealed, &context(table, id, column))
        .map(SecretString::from)
        .map_err(|why| {
            StorageError::Internal(format!("{table}.{column} of {id} does not open: {why}"))
        })
}

/// Why a volume's backend cannot be driven (a capability-check violation).
pub fn unsupported(why: &str) -> StorageError {
    StorageError::precondition("UNSUPPORTED", "backend", why)
}

/// The driver backend of `volume`, secrets opened.
pub async fn backend(
    conn: &mut AsyncPgConnection,
    ring: Option<&KeyRing>,
    volume: &VolumeRow,
) -> Result<Backend, StorageError> {
    let id = volume
        .backend_id()
        .ok_or_else(|| StorageError::Internal("a volume without a backend".into()))?;
    let ring = || {
        ring.ok_or_else(|| {
            StorageError::precondition(
                "NOT_CONFIGURED",
                "TESSERA_KEY_RING",
                "the service has no key ring to open backend secrets with",
            )
        })
    };
    let root = "/".to_owned();
    Ok(match volume.driver {
        Driver::Local => {
            let path: String = local_paths::table
                .find(id)
                .select(local_paths::path)
                .first(conn)
                .await?;
            Backend::Local { root: path }
        }
        Driver::S3 => {
            let (endpoint, bucket, region): (String, String, String) = s3_buckets::table
                .find(id)
                .select((
                    s3_buckets::endpoint_url,
                    s3_buckets::bucket_name,
                    s3_buckets::region,
                ))
                .first(conn)
                .await?;
            let (credential, access_key, sealed): (Uuid, String, String) = s3_credentials::table
                .filter(s3_credentials::bucket_id.eq(id))
                .order(s3_credentials::id.desc())
                .select((
                    s3_credentials::id,
                    s3_credentials::access_key,
                    s3_credentials::secret_key,
                ))
                .first(conn)
                .await
                .optional()?
                .ok_or_else(|| unsupported("the bucket has no credential"))?;
            let secret_key =
                open_secret(ring()?, &sealed, "s3_credentials", credential, "secret_key")?;
            Backend::S3 {
                endpoint,
                bucket,
                region,
                access_key,
                secret_key,
                root,
            }
        }
        Driver::Ftp => {
            let (host, port, protocol, username, password, key_path): (
                String,
                i32,
                FtpProtocol,
                String,
                Option<String>,
                Option<String>,
            ) = ftp_endpoints::table
                .find(id)
                .select((
                    ftp_endpoints::host,
                    ftp_endpoints::port,
                    ftp_endpoints::protocol,
                    ftp_endpoints::username,
                    ftp_endpoints::password,
                    ftp_endpoints::key_path,
                ))
                .first(conn)
                .await?;
            let port = u16::try_from(port)
                .map_err(|_| StorageError::Internal("port out of range".into()))?;
            if protocol == FtpProtocol::Sftp {
                Backend::Sftp {
                    host,
                    port,
                    username,
                    key_path: key_path.unwrap_or_default(),
                    root,
                }
            } else {
                let sealed =
                    password.ok_or_else(|| unsupported("the FTP endpoint has no password"))?;
                let password = open_secret(ring()?, &sealed, "ftp_endpoints", id, "password")?;
                Backend::Ftp {
                    host,
                    port,
                    username,
                    password,
                    root,
                }
            }
        }
        Driver::Http => {
            let endpoint: String = http_endpoints::table
                .find(id)
                .select(http_endpoints::url)
                .first(conn)
                .await?;
            let credential: Option<(Uuid, serde_json::Value)> = http_credentials::table
                .filter(http_credentials::endpoint_id.eq(id))
                .order(http_credentials::id.desc())
                .select((http_credentials::id, http_credentials::credentials))
                .first(conn)
                .await
                .optional()?;
            let auth = match credential {
                None => HttpAuth::None,
                Some((credential, json)) => {
                    let sealed = json
                        .get("sealed")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default();
                    let opened = open_secret(
                        ring()?,
                        sealed,
                        "http_credentials",
                        credential,
                        "credentials",
                    )?;
                    let secret: HttpSecret =
                        serde_json::from_str(secrecy::ExposeSecret::expose_secret(&opened))
                            .map_err(|_| {
                                StorageError::Internal("an HTTP credential of unknown shape".into())
                            })?;
                    match secret {
                        HttpSecret::Basic { username, password } => HttpAuth::Basic {
                            username,
                            password: password.into(),
                        },
                        HttpSecret::Bearer { token } => HttpAuth::Bearer(token.into()),
                        HttpSecret::CustomHeader { name, value } => HttpAuth::CustomHeader {
                            name,
                            value: value.into(),
                        },
                    }
                }
            };
            if volume.use_query_params {
                Backend::HttpQuery { endpoint, auth }
            } else if !volume.webdav() {
                Backend::Http {
                    endpoint,
                    auth,
                    root,
                }
            } else {
                Backend::WebDav {
                    endpoint,
                    auth,
                    root,
                }
            }
        }
    })
}

/// The opened driver of `volume`.
pub async fn store(
    conn: &mut AsyncPgConnection,
    ring: Option<&KeyRing>,
    volume: &VolumeRow,
) -> Result<Store, StorageError> {
    let backend = backend(conn, ring, volume).await?;
    Ok(Store::open(&backend)?)
}

/// The active volume a setting names (`setting` = its variable, for the error), or
/// FAILED_PRECONDITION `NOT_CONFIGURED`.
pub async fn named(
    conn: &mut AsyncPgConnection,
    setting: &str,
    name: &str,
) -> Result<VolumeRow, StorageError> {
    let missing = |why: &str| StorageError::precondition("NOT_CONFIGURED", setting, why);
    if name.is_empty() {
        return Err(missing("not set: the service keeps no such data"));
    }
    let id: Option<VolumeId> = storage_volumes::table
        .filter(storage_volumes::name.eq(name))
        .select(storage_volumes::id)
        .first(conn)
        .await
        .optional()?;
    let id = id.ok_or_else(|| missing("names no volume"))?;
    crate::files::uploads::active_volume(conn, id).await
}
