//! One interface over every kind of backend a volume can use: local disk (cap-std, resolved
//! beneath the volume's directory), and S3, FTP, SFTP and WebDAV through OpenDAL. Bytes stream
//! through in bounded chunks both ways; nothing holds a whole object in memory.
//!
//! Paths handed to a [`Store`] are relative to its root and already validated
//! ([`crate::paths`] makes them); the root itself comes from the operator's configuration.

use std::ops::Range;
use std::sync::Once;
use std::time::Duration;

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use opendal::layers::{RetryLayer, TimeoutLayer};
use opendal::services;
use opendal::{ErrorKind, Operator};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};

mod http;
mod local;
mod probe;
mod query;
mod staging;
mod versions;
use http::HttpPut;
use local::Local;
pub use local::TEMP_PREFIX;
pub use probe::{Capabilities, ProbeError};
use query::QueryHttp;

/// Where a volume's bytes live, with what the driver needs to reach them. Secrets are
/// [`SecretString`]s: `Debug` never shows them.
#[derive(Debug, Clone)]
pub enum Backend {
    /// A directory on this host.
    Local { root: String },
    /// An S3-compatible bucket.
    S3 {
        endpoint: String,
        bucket: String,
        region: String,
        access_key: String,
        secret_key: SecretString,
        root: String,
    },
    /// An FTP server (plain FTP; credentials cross in clear text, so loopback or a private
    /// network only).
    Ftp {
        host: String,
        port: u16,
        username: String,
        password: SecretString,
        root: String,
    },
    /// An SFTP server, by key, with the host key checked strictly against the service user's
    /// `~/.ssh/known_hosts`.
    Sftp {
        host: String,
        port: u16,
        username: String,
        key_path: String,
        root: String,
    },
    /// A plain HTTP server, read-only: files come to it by an operator's import.
    Http {
        endpoint: String,
        auth: HttpAuth,
        root: String,
    },
    /// An HTTP server that names objects by a query parameter: `<endpoint>?id=<path>`.
    HttpQuery { endpoint: String, auth: HttpAuth },
    /// A WebDAV server.
    WebDav {
        endpoint: String,
        auth: HttpAuth,
        root: String,
    },
}

/// How a WebDAV or HTTP endpoint is authenticated.
#[derive(Debug, Clone)]
pub enum HttpAuth {
    None,
    Basic {
        username: String,
        password: SecretString,
    },
    Bearer(SecretString),
    /// A header of the operator's choosing (`X-Api-Key: ...`), sent with every request.
    CustomHeader {
        name: String,
        value: SecretString,
    },
}

impl HttpAuth {
    /// The header this authentication sends, marked sensitive (never logged by the client).
    fn header(&self) -> Result<Option<(HeaderName, HeaderValue)>, DriverError> {
        let value = |raw: &str| {
            let mut value = HeaderValue::from_str(raw)
                .map_err(|_| DriverError::Config("credentials must be visible ASCII".into()))?;
            value.set_sensitive(true);
            Ok::<_, DriverError>(value)
        };
        Ok(match self {
            HttpAuth::None => None,
            HttpAuth::Basic { username, password } => {
                use base64::Engine;
                let pair = format!("{username}:{}", password.expose_secret());
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                Some((AUTHORIZATION, value(&format!("Basic {encoded}"))?))
            }
            HttpAuth::Bearer(token) => Some((
                AUTHORIZATION,
                value(&format!("Bearer {}", token.expose_secret()))?,
            )),
            HttpAuth::CustomHeader {
                name,
                value: secret,
            } => {
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| DriverError::Config("not an HTTP header name".into()))?;
                Some((name, value(secret.expose_secret())?))
            }
        })
    }
}

/// What went wrong talking to a backend, in the terms the service answers with.
#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("no such object")]
    NotFound,
    #[error("the backend refused the credentials")]
    PermissionDenied,
    #[error("the backend cannot do this: {0}")]
    Unsupported(String),
    #[error("the backend configuration is invalid: {0}")]
    Config(String),
    #[error("the backend is unavailable: {0}")]
    Unavailable(String),
}

impl From<opendal::Error> for DriverError {
    fn from(err: opendal::Error) -> Self {
        // The messages of backend errors name hosts and paths, never credentials; they are
        // for operators' logs and capability-check violations, not for end users.
        let refused = |err: &opendal::Error| {
            // OpenDAL reports some services' 401 and 403 answers as unexpected; the status
            // is only in the error's context.
            let text = err.to_string();
            text.contains("status: 401") || text.contains("status: 403")
        };
        match err.kind() {
            ErrorKind::NotFound => DriverError::NotFound,
            ErrorKind::PermissionDenied => DriverError::PermissionDenied,
            ErrorKind::Unexpected if refused(&err) => DriverError::PermissionDenied,
            ErrorKind::Unsupported => DriverError::Unsupported(err.to_string()),
            ErrorKind::ConfigInvalid => DriverError::Config(err.to_string()),
            _ => DriverError::Unavailable(err.to_string()),
        }
    }
}

/// An opened backend.
#[derive(Debug, Clone)]
pub struct Store {
    inner: Inner,
}

#[derive(Debug, Clone)]
enum Inner {
    Local(Local),
    Query(QueryHttp),
    Remote(Box<Remote>),
}

#[derive(Debug, Clone)]
struct Remote {
    op: Operator,
    /// WebDAV takes an object in one request, which OpenDAL buffers: writes go through a
    /// streaming PUT instead.
    put: Option<HttpPut>,
    /// FTP gets connections of their own per operation: OpenDAL 0.59's FTP pool hands out
    /// connections that a partly read transfer left with an open data channel or a pending
    /// `426` reply, and the next command on them fails.
    per_operation: Option<Backend>,
    /// Plain HTTP: reads only.
    read_only: bool,
}

/// Size of the pieces written to and read from a backend.
pub const CHUNK: usize = 1 << 20;

/// OpenDAL's HTTP transport, and one rustls provider for the process (reqwest and the FTP
/// client link rustls with different providers, so none is implied).
fn install_transport() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        opendal::install_default();
        // Fails only when a provider is installed already, which is as good.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    });
}

impl From<std::io::Error> for DriverError {
    fn from(err: std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => DriverError::NotFound,
            // Also what cap-std answers for a path that would lead outside a local volume.
            std::io::ErrorKind::PermissionDenied => DriverError::PermissionDenied,
            _ => DriverError::Unavailable(err.to_string()),
        }
    }
}

/// `op` sending `auth`'s header with every request: OpenDAL's HTTP transport gets a client
/// with it as a default header (one way for basic, bearer and custom headers alike).
fn with_auth(op: Operator, auth: &HttpAuth) -> Result<Operator, DriverError> {
    let Some((name, value)) = auth.header()? else {
        return Ok(op);
    };
    let client = reqwest::Client::builder()
        .default_headers(HeaderMap::from_iter([(name, value)]))
        .build()
        .map_err(|e| DriverError::Config(e.without_url().to_string()))?;
    let transport = opendal::HttpTransporter::new(
        opendal_http_transport_reqwest::ReqwestTransport::new(client),
    );
    let ctx = op.base_context().with_http_transport(transport);
    Ok(op.with_context(ctx))
}

fn operator(backend: &Backend) -> Result<Operator, DriverError> {
    let op = match backend {
        Backend::Local { .. } | Backend::HttpQuery { .. } => {
            return Err(DriverError::Config(
                "local volumes and ?id= servers have drivers of their own".into(),
            ));
        }
        Backend::S3 {
            endpoint,
            bucket,
            region,
            access_key,
            secret_key,
            root,
        } => Operator::new(
            services::S3::default()
                .endpoint(endpoint)
                .bucket(bucket)
                .region(region)
                .access_key_id(access_key)
                .secret_access_key(secret_key.expose_secret())
                .root(root)
                .disable_config_load()
                .disable_ec2_metadata(),
        )?,
        Backend::Ftp {
            host,
            port,
            username,
            password,
            root,
        } => Operator::new(
            services::Ftp::default()
                .endpoint(&format!("ftp://{host}:{port}"))
                .user(username)
                .password(password.expose_secret())
                .root(root),
        )?,
        Backend::Sftp {
            host,
            port,
            username,
            key_path,
            root,
        } => Operator::new(
            services::Sftp::default()
                .endpoint(&format!("ssh://{host}:{port}"))
                .user(username)
                .key(key_path)
                .known_hosts_strategy("strict")
                .root(root),
        )?,
        Backend::WebDav {
            endpoint,
            auth,
            root,
        } => with_auth(
            Operator::new(services::Webdav::default().endpoint(endpoint).root(root))?,
            auth,
        )?,
        Backend::Http {
            endpoint,
            auth,
            root,
        } => with_auth(
            Operator::new(services::Http::default().endpoint(endpoint).root(root))?,
            auth,
        )?,
    };
    Ok(op
        .layer(TimeoutLayer::new().with_io_timeout(Duration::from_secs(30)))
        .layer(RetryLayer::new().with_max_times(3).with_jitter()))
}

impl Store {
    /// Builds the driver for `backend` (no network yet: the capability check probes it).
    pub fn open(backend: &Backend) -> Result<Self, DriverError> {
        if let Backend::Local { root } = backend {
            return Ok(Self {
                inner: Inner::Local(Local::open(root)?),
            });
        }
        if let Backend::HttpQuery { endpoint, auth } = backend {
            return Ok(Self {
                inner: Inner::Query(QueryHttp::new(endpoint, auth)?),
            });
        }
        install_transport();
        let put = match backend {
            Backend::WebDav {
                endpoint,
                auth,
                root,
            } => Some(HttpPut::new(endpoint, root, auth)?),
            _ => None,
        };
        let per_operation = match backend {
            Backend::Ftp { .. } => Some(backend.clone()),
            _ => None,
        };
        Ok(Self {
            inner: Inner::Remote(Box::new(Remote {
                op: operator(backend)?,
                put,
                per_operation,
                read_only: matches!(backend, Backend::Http { .. }),
            })),
        })
    }

    /// Writes `chunks` to `path`, replacing what was there; returns the bytes written. A failed
    /// stream aborts the write (what a remote backend keeps of an aborted write depends on it:
    /// callers write to a staging path first).
    pub async fn write<S>(&self, path: &str, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        match &self.inner {
            Inner::Local(local) => local.write(path, chunks).await,
            Inner::Query(query) => query.write(path, chunks).await,
            Inner::Remote(remote) => remote.write(path, chunks).await,
        }
    }

    /// The bytes of `path` in `range`, as a stream of chunks of at most [`CHUNK`] bytes.
    pub async fn read(
        &self,
        path: &str,
        range: Range<u64>,
    ) -> Result<BoxStream<'static, Result<Bytes, DriverError>>, DriverError> {
        Ok(match &self.inner {
            Inner::Local(local) => local.read(path, range).await?.boxed(),
            Inner::Query(query) => query.read(path, range).await?.boxed(),
            Inner::Remote(remote) => remote.read(path, range).await?.boxed(),
        })
    }

    /// The size of `path`.
    pub async fn size(&self, path: &str) -> Result<u64, DriverError> {
        match &self.inner {
            Inner::Local(local) => local.size(path).await,
            Inner::Query(query) => query.size(path).await,
            Inner::Remote(remote) => Ok(remote.op()?.stat(path).await?.content_length()),
        }
    }

    /// Removes `path`; removing what is not there succeeds.
    pub async fn delete(&self, path: &str) -> Result<(), DriverError> {
        match &self.inner {
            Inner::Local(local) => local.delete(path).await,
            Inner::Query(query) => query.delete(path).await,
            Inner::Remote(remote) => match remote.op()?.delete(path).await {
                Err(err) if err.kind() == ErrorKind::NotFound => Ok(()),
                other => Ok(other?),
            },
        }
    }

    /// Whether the backend only serves reads (plain HTTP).
    pub fn read_only(&self) -> bool {
        matches!(&self.inner, Inner::Remote(remote) if remote.read_only)
    }

    /// Whether objects are addressed by `?id=` (such servers cannot list).
    pub fn is_query(&self) -> bool {
        matches!(self.inner, Inner::Query(_))
    }

    /// The paths of the objects under `dir` (which ends with `/`), recursively, sorted.
    pub async fn list(&self, dir: &str) -> Result<Vec<String>, DriverError> {
        match &self.inner {
            Inner::Local(local) => local.list(dir).await,
            Inner::Query(_) => Err(DriverError::Unsupported(
                "servers addressed by ?id= cannot list".into(),
            )),
            Inner::Remote(remote) => remote.list(dir).await,
        }
    }
}

impl Remote {
    /// The operator for one operation (see `per_operation`).
    fn op(&self) -> Result<Operator, DriverError> {
        match &self.per_operation {
            Some(backend) => operator(backend),
            None => Ok(self.op.clone()),
        }
    }

    async fn write<S>(&self, path: &str, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        if let Some(put) = &self.put {
            if let Some((parent, _)) = path.rsplit_once('/') {
                self.op()?.create_dir(&format!("{parent}/")).await?;
            }
            return put.write(path, chunks).await;
        }
        let mut writer = self.op()?.writer_with(path).chunk(CHUNK).await?;
        let mut chunks = std::pin::pin!(chunks);
        let mut written = 0u64;
        while let Some(chunk) = chunks.next().await {
            match chunk {
                Ok(chunk) => {
                    written += chunk.len() as u64;
                    if let Err(err) = writer.write(chunk).await {
                        let _ = writer.abort().await;
                        return Err(err.into());
                    }
                }
                Err(err) => {
                    let _ = writer.abort().await;
                    return Err(err);
                }
            }
        }
        writer.close().await?;
        Ok(written)
    }

    async fn read(
        &self,
        path: &str,
        range: Range<u64>,
    ) -> Result<impl Stream<Item = Result<Bytes, DriverError>> + Send + use<>, DriverError> {
        let op = self.op()?;
        // FTP reads the range in one transfer: chunked reads abort transfers midway, and the
        // server's `426 Transfer aborted` then greets the next chunk's command on the
        // connection. Other backends take ranged requests of CHUNK bytes.
        let reader = if self.per_operation.is_some() {
            op.reader_with(path).await?
        } else {
            op.reader_with(path).chunk(CHUNK).await?
        };
        let stream = reader.into_bytes_stream(range).await?;
        Ok(stream.map_err(DriverError::from))
    }

    /// One directory at a time (FTP has one data channel per connection).
    async fn list(&self, dir: &str) -> Result<Vec<String>, DriverError> {
        let mut paths = Vec::new();
        let mut pending = vec![dir.to_owned()];
        while let Some(dir) = pending.pop() {
            let entries = match self.op()?.list(&dir).await {
                Err(err) if err.kind() == ErrorKind::NotFound => continue,
                other => other?,
            };
            for entry in entries {
                let path = entry.path();
                if path == dir || path.trim_start_matches('/') == dir.trim_start_matches('/') {
                    continue; // some backends list the directory itself
                }
                if entry.metadata().is_dir() {
                    pending.push(path.to_owned());
                } else {
                    paths.push(path.to_owned());
                }
            }
        }
        paths.sort();
        Ok(paths)
    }
}
