//! Serving over TLS with the certificate on disk. Every handshake looks at the files'
//! modification times and loads a renewed pair (cert-manager rewrites a Secret's files in
//! place), so the next connection gets the new certificate without a restart; a pair that
//! does not load (half written, mismatched) keeps the previous one in use. With a client CA,
//! clients may present a certificate, which must then chain to that CA; [`client_certified`]
//! tells whether a request came with one (internal RPCs can demand it: mutual TLS).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use futures::Stream;
use rustls::server::{ClientHello, ResolvesServerCert, WebPkiClientVerifier};
use rustls::sign::CertifiedKey;
use rustls::{ServerConfig, crypto::CryptoProvider};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};

/// How long a client has to complete its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The files a server's TLS comes from.
#[derive(Debug, Clone)]
pub struct ServerTlsFiles {
    /// The certificate chain, leaf first (PEM).
    pub cert: PathBuf,
    /// Its private key (PEM).
    pub key: PathBuf,
    /// CAs whose client certificates are accepted; `None`: no client certificates asked for.
    pub client_ca: Option<PathBuf>,
}

/// The acceptor for `files`; fails (naming the file) when the pair or the CA does not load.
pub fn acceptor(files: &ServerTlsFiles) -> Result<TlsAcceptor, String> {
    let provider = super::provider();
    let resolver = Arc::new(ReloadingCert::load(
        &files.cert,
        &files.key,
        provider.clone(),
    )?);
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup: {e}"))?;
    let builder = match &files.client_ca {
        Some(ca) => {
            let verifier =
                WebPkiClientVerifier::builder_with_provider(super::read_roots(ca)?, provider)
                    .allow_unauthenticated()
                    .build()
                    .map_err(|e| format!("{}: {e}", ca.display()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder.with_cert_resolver(resolver);
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// TLS connections accepted on `listener`. Handshakes run concurrently (a slow client holds
/// up no one); failed ones are dropped with a debug log. Stops when the stream is dropped.
pub fn incoming(
    listener: TcpListener,
    acceptor: TlsAcceptor,
) -> impl Stream<Item = Result<TlsStream<TcpStream>, io::Error>> {
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                () = tx.closed() => return,
                accepted = listener.accept() => accepted,
            };
            let (tcp, peer) = match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    tracing::warn!(error = %err, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let _ = tcp.set_nodelay(true);
            let (acceptor, tx) = (acceptor.clone(), tx.clone());
            tokio::spawn(async move {
                match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                    Ok(Ok(stream)) => {
                        let _ = tx.send(Ok(stream)).await;
                    }
                    Ok(Err(err)) => tracing::debug!(%peer, error = %err, "TLS handshake failed"),
                    Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
                }
            });
        }
    });
    ReceiverStream::new(rx)
}

/// Whether the request came over TLS with a client certificate (verified against the client
/// CA during the handshake: an unverifiable one fails the handshake).
pub fn client_certified(extensions: &http::Extensions) -> bool {
    extensions
        .get::<TlsConnectInfo<TcpConnectInfo>>()
        .and_then(|info| info.peer_certs())
        .is_some_and(|certs| !certs.is_empty())
}

/// Modification times and sizes of the certificate and key files.
type Stamp = Vec<(Option<SystemTime>, u64)>;

fn stamp(cert: &Path, key: &Path) -> Stamp {
    super::stamps(&[cert, key])
}

/// The server certificate, reloaded when its files change.
#[derive(Debug)]
struct ReloadingCert {
    cert: PathBuf,
    key: PathBuf,
    provider: Arc<CryptoProvider>,
    current: Mutex<(Stamp, Arc<CertifiedKey>)>,
}

impl ReloadingCert {
    fn load(cert: &Path, key: &Path, provider: Arc<CryptoProvider>) -> Result<Self, String> {
        let stamp = stamp(cert, key);
        let loaded = certified(cert, key, &provider)?;
        Ok(Self {
            cert: cert.to_owned(),
            key: key.to_owned(),
            provider,
            current: Mutex::new((stamp, loaded)),
        })
    }

    fn refreshed(&self) -> Arc<CertifiedKey> {
        let now = stamp(&self.cert, &self.key);
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if current.0 != now {
            match certified(&self.cert, &self.key, &self.provider) {
                Ok(loaded) => {
                    tracing::info!(cert = %self.cert.display(), "loaded a renewed TLS certificate");
                    *current = (now, loaded);
                }
                // Half-written or mismatched: keep serving the previous pair, try again later.
                Err(err) => {
                    tracing::warn!(error = %err, "the renewed TLS certificate does not load yet")
                }
            }
        }
        current.1.clone()
    }
}

impl ResolvesServerCert for ReloadingCert {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.refreshed())
    }
}

fn certified(
    cert: &Path,
    key: &Path,
    provider: &CryptoProvider,
) -> Result<Arc<CertifiedKey>, String> {
    let chain = super::read_certs(cert)?;
    let key = super::read_key(key)?;
    let certified = CertifiedKey::from_der(chain, key, provider).map_err(|e| {
        format!(
            "{} and its key do not form a usable pair: {e}",
            cert.display()
        )
    })?;
    Ok(Arc::new(certified))
}
