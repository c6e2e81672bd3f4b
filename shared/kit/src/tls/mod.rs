//! TLS for every connection a service makes or accepts, with rustls: to PostgreSQL
//! ([`postgres`]), from clients with certificates renewed on disk picked up without a restart
//! ([`server`]), and to other services, verified and optionally with a client certificate
//! ([`client`]). Certificates and keys are PEM files.

pub mod client;
pub mod postgres;
pub mod server;

use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};

/// The crypto provider every TLS configuration here uses (aws-lc-rs, as the rest of the suite).
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

/// Modification times and sizes of files: what tells that a renewal rewrote them.
pub(crate) fn stamps(paths: &[&Path]) -> Vec<(Option<SystemTime>, u64)> {
    paths
        .iter()
        .map(|path| match std::fs::metadata(path) {
            Ok(meta) => (meta.modified().ok(), meta.len()),
            Err(_) => (None, 0),
        })
        .collect()
}

/// The certificates of a PEM file, leaf first.
pub fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("cannot read certificates from {}: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no PEM certificate", path.display()));
    }
    Ok(certs)
}

/// The private key of a PEM file (PKCS#8, PKCS#1 or SEC1).
pub fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>, String> {
    PrivateKeyDer::from_pem_file(path)
        .map_err(|e| format!("cannot read a private key from {}: {e}", path.display()))
}

/// The trust anchors of a PEM file of CA certificates.
pub fn read_roots(path: &Path) -> Result<Arc<RootCertStore>, String> {
    let mut roots = RootCertStore::empty();
    for cert in read_certs(path)? {
        roots
            .add(cert)
            .map_err(|e| format!("{}: not a usable CA certificate: {e}", path.display()))?;
    }
    Ok(Arc::new(roots))
}

/// A server certificate check without a CA: any certificate (libpq's unverified `require`),
/// or exactly one (a probe that pins the certificate on disk). Handshake signatures are still
/// verified, so the peer holds the certificate's key.
#[derive(Debug)]
pub(crate) struct LeafOnly {
    provider: Arc<CryptoProvider>,
    pinned: Option<CertificateDer<'static>>,
}

impl LeafOnly {
    /// Accepts any certificate.
    pub(crate) fn any(provider: Arc<CryptoProvider>) -> Self {
        Self {
            provider,
            pinned: None,
        }
    }

    /// Accepts `leaf` only.
    pub(crate) fn pinned(provider: Arc<CryptoProvider>, leaf: CertificateDer<'static>) -> Self {
        Self {
            provider,
            pinned: Some(leaf),
        }
    }
}

impl ServerCertVerifier for LeafOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match &self.pinned {
            Some(leaf) if leaf.as_ref() != end_entity.as_ref() => Err(rustls::Error::General(
                "the server presents another certificate than the one expected".into(),
            )),
            _ => Ok(ServerCertVerified::assertion()),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
