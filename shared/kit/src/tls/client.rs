//! TLS for channels to other Tessera services: their certificates must chain to the CA in
//! `TESSERA_TLS_CA_FILE` and name the host of the configured URL; the service presents its own
//! certificate (`TESSERA_TLS_CERT_FILE`, `TESSERA_TLS_KEY_FILE`) when it has one, for servers
//! that ask for client certificates (mutual TLS).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use tonic::transport::{Certificate, ClientTlsConfig, Identity};

/// What a service's outgoing TLS channels trust and present, as read from its files.
#[derive(Debug, Clone)]
pub struct ClientTls {
    ca_file: PathBuf,
    identity_files: Option<(PathBuf, PathBuf)>,
    stamps: Vec<(Option<SystemTime>, u64)>,
    ca: Certificate,
    identity: Option<Identity>,
}

impl ClientTls {
    /// Reads the CA file and, when given, the certificate and key to present.
    pub fn load(ca: &Path, identity: Option<(&Path, &Path)>) -> Result<Self, String> {
        let mut files = vec![ca];
        files.extend(identity.iter().flat_map(|(cert, key)| [*cert, *key]));
        let stamps = super::stamps(&files);
        // Parsed here so a bad file fails at start-up, not at the first call.
        super::read_roots(ca)?;
        let pem = Certificate::from_pem(read(ca)?);
        let presented = match identity {
            Some((cert, key)) => {
                super::read_certs(cert)?;
                super::read_key(key)?;
                Some(Identity::from_pem(read(cert)?, read(key)?))
            }
            None => None,
        };
        Ok(Self {
            ca_file: ca.to_owned(),
            identity_files: identity.map(|(cert, key)| (cert.to_owned(), key.to_owned())),
            stamps,
            ca: pem,
            identity: presented,
        })
    }

    /// The files read again, when a renewal changed them since (and they load): channels
    /// rebuild their connections with it, so a renewed CA or client certificate is used
    /// without a restart.
    pub fn renewed(&self) -> Option<Self> {
        let identity = self
            .identity_files
            .as_ref()
            .map(|(cert, key)| (cert.as_path(), key.as_path()));
        let mut files = vec![self.ca_file.as_path()];
        files.extend(identity.iter().flat_map(|(cert, key)| [*cert, *key]));
        if super::stamps(&files) == self.stamps {
            return None;
        }
        match Self::load(&self.ca_file, identity) {
            Ok(renewed) => Some(renewed),
            Err(err) => {
                tracing::warn!(error = %err, "the renewed TLS files do not load yet");
                None
            }
        }
    }

    /// tonic's configuration for a channel to `host` (the name its certificate must carry).
    pub fn for_host(&self, host: &str) -> ClientTlsConfig {
        let config = ClientTlsConfig::new()
            .ca_certificate(self.ca.clone())
            .domain_name(host);
        match &self.identity {
            Some(identity) => config.identity(identity.clone()),
            None => config,
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The outgoing TLS `config` asks for: none without TESSERA_TLS_CA_FILE.
pub fn from_config(config: &crate::CommonConfig) -> anyhow::Result<Option<ClientTls>> {
    let Some(ca) = &config.tls_ca_file else {
        return Ok(None);
    };
    let identity = config
        .tls_cert_file
        .as_deref()
        .zip(config.tls_key_file.as_deref());
    ClientTls::load(ca, identity)
        .map(Some)
        .map_err(|e| anyhow::anyhow!("configuration error: TESSERA_TLS_CA_FILE: {e}"))
}
