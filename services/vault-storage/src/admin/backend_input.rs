//! What CreateBackend and AddBackendCredential accept: each field checked, one violation per
//! bad field, before anything is stored.

use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::vault::v1 as pb;

use crate::error::StorageError;
use crate::host_paths;
use crate::ids::{FtpProtocol, HttpAuthType};
use crate::state::Storage;

use pb::backend::Target;

/// At most this many bytes of free text.
const MAX_DESCRIPTION: usize = 500;

/// Non-empty, at most `max` bytes, no control characters: names, keys and other plain text.
pub(crate) fn plain(value: &str, max: usize) -> bool {
    !value.is_empty() && value.len() <= max && !value.chars().any(char::is_control)
}

fn http_url(value: &str) -> bool {
    (value.starts_with("http://") || value.starts_with("https://"))
        && reqwest::Url::parse(value).is_ok()
        && plain(value, 2048)
}

/// A credential of an HTTP endpoint, as sealed (the JSON inside the envelope). `Debug` shows
/// only its kind.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HttpSecret {
    Basic { username: String, password: String },
    Bearer { token: String },
    CustomHeader { name: String, value: String },
}

impl std::fmt::Debug for HttpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HttpSecret({})", self.auth_type().as_str())
    }
}

impl HttpSecret {
    pub fn auth_type(&self) -> HttpAuthType {
        match self {
            Self::Basic { .. } => HttpAuthType::Basic,
            Self::Bearer { .. } => HttpAuthType::Bearer,
            Self::CustomHeader { .. } => HttpAuthType::CustomHeader,
        }
    }
}

pub(super) fn http_secret(
    v: &mut FieldViolations,
    field: &str,
    credential: &pb::HttpCredential,
) -> Option<HttpSecret> {
    use pb::http_credential::Credential;
    match &credential.credential {
        Some(Credential::Basic(basic)) => {
            v.require(
                plain(&basic.username, 256) && !basic.username.contains(':'),
                &format!("{field}.basic.username"),
                "required: 1 to 256 bytes, no control characters or `:`",
            );
            v.require(
                plain(&basic.password, 1024),
                &format!("{field}.basic.password"),
                "required: 1 to 1024 bytes",
            );
            Some(HttpSecret::Basic {
                username: basic.username.clone(),
                password: basic.password.clone(),
            })
        }
        Some(Credential::Bearer(token)) => {
            v.require(
                plain(token, 4096),
                &format!("{field}.bearer"),
                "required: 1 to 4096 bytes",
            );
            Some(HttpSecret::Bearer {
                token: token.clone(),
            })
        }
        Some(Credential::CustomHeader(header)) => {
            v.require(
                reqwest::header::HeaderName::from_bytes(header.name.as_bytes()).is_ok()
                    && header.name.len() <= 100,
                &format!("{field}.custom_header.name"),
                "required: an HTTP header name of at most 100 bytes",
            );
            v.require(
                plain(&header.value, 4096)
                    && reqwest::header::HeaderValue::from_str(&header.value).is_ok(),
                &format!("{field}.custom_header.value"),
                "required: 1 to 4096 bytes valid in an HTTP header",
            );
            Some(HttpSecret::CustomHeader {
                name: header.name.clone(),
                value: header.value.clone(),
            })
        }
        None => {
            v.add(field, "one of basic, bearer or custom_header is required");
            None
        }
    }
}

pub(super) fn s3_secret(
    v: &mut FieldViolations,
    field: &str,
    credential: Option<&pb::S3Credential>,
) -> (String, String) {
    let Some(credential) = credential else {
        v.add(field, "required for S3 backends");
        return Default::default();
    };
    v.require(
        plain(&credential.access_key, 128),
        &format!("{field}.access_key"),
        "required: 1 to 128 bytes",
    );
    v.require(
        plain(&credential.secret_key, 256),
        &format!("{field}.secret_key"),
        "required: 1 to 256 bytes",
    );
    (credential.access_key.clone(), credential.secret_key.clone())
}

/// What CreateBackend will insert, once validated.
pub(super) enum NewBackend {
    Local {
        path: String,
    },
    S3 {
        bucket: pb::S3Bucket,
        access_key: String,
        secret_key: String,
    },
    Ftp {
        endpoint: pb::FtpEndpoint,
        protocol: FtpProtocol,
        port: i32,
    },
    Http {
        url: String,
        credential: Option<HttpSecret>,
    },
}

pub(super) fn validate(
    storage: &Storage,
    request: &pb::CreateBackendRequest,
) -> Result<(NewBackend, Option<String>), StorageError> {
    let mut v = FieldViolations::new();
    let Some(backend) = &request.backend else {
        return Err(StorageError::invalid("backend", "required"));
    };
    let description = (!backend.description.is_empty()).then(|| backend.description.clone());
    if let Some(d) = &description {
        v.require(
            d.len() <= MAX_DESCRIPTION,
            "backend.description",
            "at most 500 bytes",
        );
    }
    let takes_description = matches!(
        backend.target,
        Some(Target::LocalPath(_) | Target::HttpEndpoint(_))
    );
    v.require(
        description.is_none() || takes_description,
        "backend.description",
        "only local and HTTP backends have a description",
    );
    let not_s3 =
        request.s3_credential.is_none() || matches!(backend.target, Some(Target::S3Bucket(_)));
    v.require(not_s3, "s3_credential", "only for S3 backends");
    let not_http = request.http_credential.is_none()
        || matches!(backend.target, Some(Target::HttpEndpoint(_)));
    v.require(not_http, "http_credential", "only for HTTP backends");
    let new = match &backend.target {
        Some(Target::LocalPath(local)) => {
            match host_paths::under_roots(&local.path, &storage.config.local_roots.0) {
                Ok(path) => NewBackend::Local {
                    path: path.display().to_string(),
                },
                Err(why) => {
                    v.add("backend.local_path.path", why);
                    NewBackend::Local {
                        path: String::new(),
                    }
                }
            }
        }
        Some(Target::S3Bucket(bucket)) => {
            v.require(
                http_url(&bucket.endpoint_url),
                "backend.s3_bucket.endpoint_url",
                "required: an http:// or https:// URL",
            );
            v.require(
                bucket.endpoint_url.starts_with("https://") == bucket.use_ssl,
                "backend.s3_bucket.use_ssl",
                "must be true exactly when endpoint_url is https://",
            );
            v.require(
                plain(&bucket.bucket_name, 255),
                "backend.s3_bucket.bucket_name",
                "required: 1 to 255 bytes",
            );
            v.require(
                plain(&bucket.region, 50),
                "backend.s3_bucket.region",
                "required: 1 to 50 bytes",
            );
            let (access_key, secret_key) =
                s3_secret(&mut v, "s3_credential", request.s3_credential.as_ref());
            NewBackend::S3 {
                bucket: bucket.clone(),
                access_key,
                secret_key,
            }
        }
        Some(Target::FtpEndpoint(ftp)) => {
            v.require(
                plain(&ftp.host, 255) && !ftp.host.contains(char::is_whitespace),
                "backend.ftp_endpoint.host",
                "required: a host name or address",
            );
            v.require(
                (0..=65535).contains(&ftp.port),
                "backend.ftp_endpoint.port",
                "1 to 65535, or 0 for the protocol's default",
            );
            v.require(
                plain(&ftp.username, 100),
                "backend.ftp_endpoint.username",
                "required: 1 to 100 bytes",
            );
            let protocol = match pb::FtpProtocol::try_from(ftp.protocol) {
                Ok(pb::FtpProtocol::Ftp) => {
                    v.require(
                        plain(&ftp.password, 1024),
                        "backend.ftp_endpoint.password",
                        "required for FTP: 1 to 1024 bytes",
                    );
                    v.require(
                        ftp.key_path.is_empty(),
                        "backend.ftp_endpoint.key_path",
                        "only for SFTP",
                    );
                    FtpProtocol::Ftp
                }
                Ok(pb::FtpProtocol::Sftp) => {
                    v.require(
                        ftp.password.is_empty(),
                        "backend.ftp_endpoint.password",
                        "SFTP signs in with key_path, never a password",
                    );
                    if let Err(why) =
                        host_paths::under_roots(&ftp.key_path, &storage.config.ssh_key_dir.0)
                    {
                        v.add(
                            "backend.ftp_endpoint.key_path",
                            format!("required for SFTP, under TESSERA_STORAGE_SSH_KEY_DIR: {why}"),
                        );
                    }
                    FtpProtocol::Sftp
                }
                _ => {
                    v.add("backend.ftp_endpoint.protocol", "required: FTP or SFTP");
                    FtpProtocol::Ftp
                }
            };
            let port = match (ftp.port, protocol) {
                (0, FtpProtocol::Ftp) => 21,
                (0, FtpProtocol::Sftp) => 22,
                (port, _) => port,
            };
            NewBackend::Ftp {
                endpoint: ftp.clone(),
                protocol,
                port,
            }
        }
        Some(Target::HttpEndpoint(http)) => {
            v.require(
                http_url(&http.url),
                "backend.http_endpoint.url",
                "required: an http:// or https:// URL",
            );
            let credential = request
                .http_credential
                .as_ref()
                .and_then(|c| http_secret(&mut v, "http_credential", c));
            NewBackend::Http {
                url: http.url.clone(),
                credential,
            }
        }
        None => {
            v.add(
                "backend.target",
                "one of local_path, s3_bucket, ftp_endpoint or http_endpoint is required",
            );
            NewBackend::Local {
                path: String::new(),
            }
        }
    };
    if !v.is_empty() {
        return Err(v.into());
    }
    Ok((new, description))
}
