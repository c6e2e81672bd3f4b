//! TLS for channels to other Tessera services: their certificates must chain to the CA in
//! `TESSERA_TLS_CA_FILE` and name the host of the configured URL; the service presents its own
//! certificate (`TESSERA_TLS_CERT_FILE`, `TESSERA_TLS_KEY_FILE`) when it has one, for servers
//! that ask for client certificates (mutual TLS).

use std::path::Path;

use tonic::transport::{Certificate, ClientTlsConfig, Identity};

/// What a service's outgoing TLS channels trust and present.
#[derive(Debug, Clone)]
pub struct ClientTls {
    ca: Certificate,
    identity: Option<Identity>,
}

impl ClientTls {
    /// Reads the CA file and, when given, the certificate and key to present.
    pub fn load(ca: &Path, identity: Option<(&Path, &Path)>) -> Result<Self, String> {
        // Parsed once here so a bad file fails at start-up, not at the first call.
        super::read_roots(ca)?;
        let ca = Certificate::from_pem(read(ca)?);
        let identity = match identity {
            Some((cert, key)) => {
                super::read_certs(cert)?;
                super::read_key(key)?;
                Some(Identity::from_pem(read(cert)?, read(key)?))
            }
            None => None,
        };
        Ok(Self { ca, identity })
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
