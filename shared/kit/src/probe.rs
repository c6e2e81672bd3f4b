//! `tessera-<service> probe`: asks the service running beside it (127.0.0.1, its port) for
//! its health, over TLS when it serves TLS, for Kubernetes exec probes (kubelet's own gRPC
//! probes speak no TLS). Over TLS it accepts exactly the certificate in
//! `TESSERA_TLS_CERT_FILE`: the probe checks that the server is up and serves the certificate
//! on disk, and needs no host name or CA.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use tonic::transport::{Endpoint, Uri};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::config::CommonConfig;
use crate::server::ServiceSpec;

/// How long the whole probe may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// The health of `name` (`""`: the server as a whole) of the service `config` describes.
pub async fn check(
    config: &CommonConfig,
    spec: &ServiceSpec,
    name: &str,
) -> anyhow::Result<ServingStatus> {
    let port = config.grpc_port.unwrap_or(spec.default_port);
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let endpoint = Endpoint::from_shared(format!("http://{address}"))?
        .connect_timeout(PROBE_TIMEOUT)
        .timeout(PROBE_TIMEOUT);
    let channel = match &config.tls_cert_file {
        None => endpoint.connect().await?,
        Some(cert) => {
            let pinned = crate::tls::read_certs(cert).map_err(anyhow::Error::msg)?;
            let provider = crate::tls::provider();
            let mut tls = ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()?
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(crate::tls::LeafOnly::pinned(
                    provider,
                    pinned[0].clone(),
                )))
                .with_no_client_auth();
            tls.alpn_protocols = vec![b"h2".to_vec()];
            let connector = tokio_rustls::TlsConnector::from(Arc::new(tls));
            endpoint
                .connect_with_connector(tower::service_fn(move |_: Uri| {
                    let connector = connector.clone();
                    async move {
                        let tcp = tokio::net::TcpStream::connect(address).await?;
                        let name = ServerName::IpAddress(address.ip().into());
                        let tls = connector.connect(name, tcp).await?;
                        Ok::<_, std::io::Error>(TokioIo::new(tls))
                    }
                }))
                .await?
        }
    };
    let status = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: name.to_owned(),
        })
        .await?
        .into_inner()
        .status();
    Ok(status)
}
