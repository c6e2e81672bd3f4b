//! TLS to PostgreSQL, as libpq's `sslmode` describes it: `disable`, `prefer` (the default:
//! TLS when the server offers it, unverified), `require` (TLS, unverified unless a CA is
//! given), `verify-ca` (the chain must lead to the CA) and `verify-full` (the chain, and the
//! host name or address in the URL). The CA comes from the URL's `sslrootcert` or from
//! `TESSERA_DB_CA_FILE`. tokio-postgres knows only the first three modes and no `sslrootcert`,
//! so both are taken off the URL here and applied through rustls.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS if the server offers it, without verification.
    Prefer,
    /// TLS; verified against the CA only when one is given.
    Require,
    /// TLS; the server's chain must lead to the CA.
    VerifyCa,
    /// TLS; the chain must lead to the CA and the certificate must name the host.
    VerifyFull,
}

impl SslMode {
    fn parse(raw: &str) -> Result<Self, String> {
        Ok(match raw {
            "disable" => Self::Disable,
            "prefer" => Self::Prefer,
            "require" => Self::Require,
            "verify-ca" => Self::VerifyCa,
            "verify-full" => Self::VerifyFull,
            other => {
                return Err(format!(
                    "sslmode '{other}' is not one of disable, prefer, require, verify-ca, verify-full"
                ));
            }
        })
    }

    /// libpq's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Prefer => "prefer",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }

    fn verifies(self) -> bool {
        matches!(self, Self::VerifyCa | Self::VerifyFull)
    }

    fn tokio_postgres(self) -> tokio_postgres::config::SslMode {
        match self {
            Self::Disable => tokio_postgres::config::SslMode::Disable,
            Self::Prefer => tokio_postgres::config::SslMode::Prefer,
            _ => tokio_postgres::config::SslMode::Require,
        }
    }
}

/// A database URL with its TLS parameters taken off: what tokio-postgres parses, the mode and
/// the CA file the URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitUrl {
    /// The URL without `sslmode` and `sslrootcert`.
    pub url: String,
    /// `sslmode`, `prefer` when absent.
    pub mode: SslMode,
    /// `sslrootcert`, if given.
    pub root_cert: Option<PathBuf>,
}

/// Takes `sslmode` and `sslrootcert` off `url`'s query.
pub fn split_url(url: &str) -> Result<SplitUrl, String> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept = Vec::new();
    let mut mode = SslMode::Prefer;
    let mut root_cert = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => mode = SslMode::parse(&percent_decode(value)?)?,
            "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(value)?)),
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(SplitUrl {
        url,
        mode,
        root_cert,
    })
}

fn percent_decode(raw: &str) -> Result<String, String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| "a malformed %-escape in the URL's query".to_owned())?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the URL's query is not UTF-8".to_owned())
}

/// How connections to one database use TLS.
#[derive(Clone)]
pub struct PgTls {
    mode: SslMode,
    connector: MakeRustlsConnect,
}

impl std::fmt::Debug for PgTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgTls").field("mode", &self.mode).finish()
    }
}

impl PgTls {
    /// TLS for `mode`, trusting the CA in `ca_file` when given (required by the verify modes).
    pub fn new(mode: SslMode, ca_file: Option<&Path>) -> Result<Self, String> {
        let provider = super::provider();
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS setup: {e}"))?;
        let verifier: Arc<dyn ServerCertVerifier> = match (mode, ca_file) {
            (_, Some(path)) if mode != SslMode::Disable => {
                let roots = super::read_roots(path)?;
                let chain = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                    .build()
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                if mode == SslMode::VerifyFull {
                    chain
                } else {
                    Arc::new(ChainOnly(chain))
                }
            }
            (mode, None) if mode.verifies() => {
                return Err(format!(
                    "sslmode={} needs a CA: sslrootcert in the URL or TESSERA_DB_CA_FILE",
                    mode.as_str()
                ));
            }
            _ => Arc::new(super::LeafOnly::any(provider)),
        };
        let config = builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(Self {
            mode,
            connector: MakeRustlsConnect::new(config),
        })
    }

    /// The mode.
    pub fn mode(&self) -> SslMode {
        self.mode
    }

    /// Sets `pg` to negotiate TLS as the mode says.
    pub fn apply(&self, pg: &mut tokio_postgres::Config) {
        pg.ssl_mode(self.mode.tokio_postgres());
    }

    /// The connector for `tokio_postgres::Config::connect` and `CancelToken::cancel_query`.
    pub fn connector(&self) -> MakeRustlsConnect {
        self.connector.clone()
    }
}

/// Whether `err` (or what caused it) is a TLS failure, and which.
pub fn tls_failure<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        // io::Error hides its payload from `source()`: look inside.
        if let Some(tls) = err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(tls);
        }
        current = err.source();
    }
    None
}

/// verify-ca: the chain must lead to the CA; the name in it is not checked.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // The chain is verified before the name: a name error means the chain was good.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_parameters_come_off_the_url() {
        let split = split_url(
            "postgres://u:p@db:5432/tessera?sslmode=verify-full&application_name=x&sslrootcert=%2Fetc%2Fca.pem",
        )
        .expect("split");
        assert_eq!(
            split.url,
            "postgres://u:p@db:5432/tessera?application_name=x"
        );
        assert_eq!(split.mode, SslMode::VerifyFull);
        assert_eq!(split.root_cert, Some(PathBuf::from("/etc/ca.pem")));
        let plain = split_url("postgres://u@db/tessera").expect("split");
        assert_eq!(
            (plain.url.as_str(), plain.mode, plain.root_cert),
            ("postgres://u@db/tessera", SslMode::Prefer, None)
        );
        assert!(split_url("postgres://db/t?sslmode=verify").is_err());
        assert!(split_url("postgres://db/t?sslrootcert=%zz").is_err());
    }

    #[test]
    fn the_verify_modes_need_a_ca() {
        for mode in [SslMode::VerifyCa, SslMode::VerifyFull] {
            let err = PgTls::new(mode, None).expect_err("no CA");
            assert!(err.contains("TESSERA_DB_CA_FILE"), "{err}");
        }
        for mode in [SslMode::Disable, SslMode::Prefer, SslMode::Require] {
            assert_eq!(PgTls::new(mode, None).expect("tls").mode(), mode);
        }
    }
}
