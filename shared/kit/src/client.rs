//! Calling another Tessera service: channels with timeouts, the caller's credentials and trace
//! context forwarded, and retries of UNAVAILABLE with jittered exponential backoff.

use std::collections::HashSet;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use tonic::metadata::{AsciiMetadataValue, MetadataValue};
use tonic::service::Interceptor;
use tonic::transport::channel::Change;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

use crate::telemetry;
use crate::tls::client::ClientTls;

/// Timeouts of a channel to another service, and its TLS.
#[derive(Debug, Clone)]
pub struct ChannelSettings {
    /// Opening the connection.
    pub connect_timeout: Duration,
    /// Any one call, unless the call sets a shorter deadline.
    pub request_timeout: Duration,
    /// TLS (for `https://` URLs).
    pub tls: Option<TlsTarget>,
}

/// TLS to one host: its certificate must name `host` and chain to the files' CA.
#[derive(Debug, Clone)]
pub struct TlsTarget {
    /// The CA and the certificate to present, re-read when renewed.
    pub files: ClientTls,
    /// The name the server's certificate must carry.
    pub host: String,
}

impl Default for ChannelSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(3),
            request_timeout: Duration::from_secs(10),
            tls: None,
        }
    }
}

/// A lazily connected channel to `uri` (e.g. `http://identity:50051`): the caller starts even
/// when the other service is not up yet, and reconnects by itself.
pub fn channel(uri: &str, settings: ChannelSettings) -> Result<Channel, tonic::transport::Error> {
    Ok(endpoint(uri, &settings)?.connect_lazy())
}

fn endpoint(uri: &str, settings: &ChannelSettings) -> Result<Endpoint, tonic::transport::Error> {
    let endpoint = Endpoint::from_shared(uri.to_owned())?
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.request_timeout)
        .tcp_nodelay(true)
        .http2_keep_alive_interval(Duration::from_secs(30))
        .keep_alive_timeout(Duration::from_secs(10))
        .keep_alive_while_idle(true);
    match &settings.tls {
        Some(tls) => endpoint.tls_config(tls.files.for_host(&tls.host)),
        None => Ok(endpoint),
    }
}

/// How often a balanced channel looks its host name up again.
pub const DNS_REFRESH: Duration = Duration::from_secs(10);

/// A channel that spreads calls over every address `host:port` resolves to, looking the name up
/// again every [`DNS_REFRESH`]. Behind a headless Kubernetes Service the name resolves to every
/// ready pod, so calls are balanced per request; a connection-level balancer (kube-proxy) would
/// pin each long-lived HTTP/2 connection, and with it every call, to one pod.
pub fn balanced_channel(host: &str, port: u16, mut settings: ChannelSettings) -> Channel {
    let (channel, changes) = Channel::balance_channel::<SocketAddr>(64);
    let host = host.to_owned();
    tokio::spawn(async move {
        let mut known: HashSet<SocketAddr> = HashSet::new();
        // Set when renewed TLS files await the next successful lookup.
        let mut rebuild = false;
        loop {
            // Renewed TLS files (cert-manager rewrote the Secret): every address's connection
            // is rebuilt with them; calls under way finish on the old one.
            let renewed = settings.tls.as_ref().and_then(|tls| tls.files.renewed());
            if let (Some(files), Some(tls)) = (renewed, settings.tls.as_mut()) {
                tracing::info!(%host, "TLS files renewed: reconnecting with them");
                tls.files = files;
                rebuild = true;
            }
            match tokio::net::lookup_host((host.as_str(), port)).await {
                Ok(found) => {
                    let found: HashSet<SocketAddr> = found.collect();
                    for gone in known.difference(&found) {
                        if changes.send(Change::Remove(*gone)).await.is_err() {
                            return; // every clone of the channel is gone
                        }
                    }
                    let scheme = if settings.tls.is_some() {
                        "https"
                    } else {
                        "http"
                    };
                    // An insert under a known address replaces its endpoint.
                    for new in found.iter().filter(|a| rebuild || !known.contains(a)) {
                        let Ok(endpoint) = endpoint(&format!("{scheme}://{new}"), &settings) else {
                            continue;
                        };
                        if changes.send(Change::Insert(*new, endpoint)).await.is_err() {
                            return;
                        }
                    }
                    known = found;
                    rebuild = false;
                }
                // Keep the last known addresses: a DNS hiccup must not drop healthy pods.
                Err(err) => {
                    tracing::warn!(%host, error = %err, "resolving a service address failed")
                }
            }
            tokio::time::sleep(DNS_REFRESH).await;
        }
    });
    channel
}

/// A balanced channel to identity at `url` and the interceptor that presents this service's
/// credential; errors name the setting at fault.
pub fn identity_link(
    url: &str,
    service_token: &str,
    tls: Option<&ClientTls>,
) -> anyhow::Result<(Channel, Forward)> {
    service_link("TESSERA_IDENTITY_URL", url, service_token, tls)
}

/// A balanced channel to the Tessera service at `url` (configured by `setting`) and the
/// interceptor that presents this service's credential; errors name the setting at fault.
/// An `https://` URL needs `tls` (TESSERA_TLS_CA_FILE).
pub fn service_link(
    setting: &str,
    url: &str,
    service_token: &str,
    tls: Option<&ClientTls>,
) -> anyhow::Result<(Channel, Forward)> {
    let uri: http::Uri = url
        .parse()
        .map_err(|e| anyhow::anyhow!("configuration error: {setting}: {e}"))?;
    let host = uri
        .host()
        .ok_or_else(|| anyhow::anyhow!("configuration error: {setting}: no host"))?;
    let https = uri.scheme_str() == Some("https");
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let tls = match (https, tls) {
        (true, Some(tls)) => Some(TlsTarget {
            files: tls.clone(),
            host: host.to_owned(),
        }),
        (true, None) => anyhow::bail!(
            "configuration error: {setting}: an https:// URL needs TESSERA_TLS_CA_FILE"
        ),
        (false, _) => None,
    };
    let settings = ChannelSettings {
        tls,
        ..ChannelSettings::default()
    };
    let channel = balanced_channel(host, port, settings);
    let forward = Forward::bearer(service_token).map_err(|_| {
        anyhow::anyhow!("configuration error: TESSERA_SERVICE_TOKEN: not valid metadata")
    })?;
    Ok((channel, forward))
}

/// Adds the current trace context and, when set, the credentials to forward to every call.
#[derive(Debug, Clone, Default)]
pub struct Forward {
    authorization: Option<AsciiMetadataValue>,
}

impl Forward {
    /// Forwards only the trace context.
    pub fn trace_only() -> Self {
        Self::default()
    }

    /// Forwards the trace context and `authorization: Bearer <token>`.
    pub fn bearer(token: &str) -> Result<Self, Status> {
        let value = MetadataValue::try_from(format!("Bearer {token}"))
            .map_err(|_| Status::invalid_argument("the token is not valid metadata"))?;
        Ok(Self {
            authorization: Some(value),
        })
    }
}

impl Interceptor for Forward {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        telemetry::inject_current(request.metadata_mut());
        if let Some(authorization) = &self.authorization {
            request
                .metadata_mut()
                .insert("authorization", authorization.clone());
        }
        Ok(request)
    }
}

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Total attempts, the first included.
    pub max_attempts: u32,
    /// Delay before the first retry; doubles each time.
    pub initial_backoff: Duration,
    /// Upper bound of one delay.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_secs(1),
        }
    }
}

/// Calls `call` until it succeeds, fails with a code other than UNAVAILABLE, or the attempts run
/// out. Waits with full jitter between attempts, at least as long as a RetryInfo asks (capped).
/// Only use it for calls that are safe to repeat (reads, or writes with a request id).
pub async fn with_retry<T, F, Fut>(policy: RetryPolicy, mut call: F) -> Result<T, Status>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Status>>,
{
    let mut attempt = 1;
    loop {
        match call().await {
            Err(status) if status.code() == Code::Unavailable && attempt < policy.max_attempts => {
                let ceiling = policy
                    .initial_backoff
                    .saturating_mul(1 << (attempt - 1).min(16))
                    .min(policy.max_backoff);
                let jittered = ceiling.mul_f64(rand::random::<f64>());
                let asked = status
                    .get_details_retry_info()
                    .and_then(|info| info.retry_delay)
                    .unwrap_or_default()
                    .min(policy.max_backoff);
                tracing::debug!(attempt, "call unavailable, retrying");
                tokio::time::sleep(jittered.max(asked)).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn balanced_channel_reaches_a_server_by_name() {
        // A real server (health only) on an ephemeral port, reached through "localhost".
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let (reporter, health) = tonic_health::server::health_reporter();
        reporter.set_serving::<tonic_health::pb::health_server::HealthServer<tonic_health::server::HealthService>>().await;
        tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(health)
                .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener)),
        );
        let channel = balanced_channel("localhost", port, ChannelSettings::default());
        let client = tonic_health::pb::health_client::HealthClient::new(channel);
        let response = with_retry(
            RetryPolicy {
                max_attempts: 20,
                ..RetryPolicy::default()
            },
            || {
                let mut client = client.clone();
                async move {
                    client
                        .check(tonic_health::pb::HealthCheckRequest {
                            service: String::new(),
                        })
                        .await
                }
            },
        )
        .await;
        assert!(response.is_ok(), "{response:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn retries_unavailable_then_succeeds() {
        let calls = AtomicU32::new(0);
        let result = with_retry(RetryPolicy::default(), || async {
            if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                Err(Status::unavailable("down"))
            } else {
                Ok(7)
            }
        })
        .await;
        assert_eq!(result.ok(), Some(7));
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn gives_up_after_max_attempts_and_never_retries_other_codes() {
        let calls = AtomicU32::new(0);
        let result: Result<(), _> = with_retry(RetryPolicy::default(), || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(Status::unavailable("down"))
        })
        .await;
        assert_eq!(result.map_err(|s| s.code()), Err(Code::Unavailable));
        assert_eq!(calls.load(Ordering::SeqCst), 4);

        let calls = AtomicU32::new(0);
        let result: Result<(), _> = with_retry(RetryPolicy::default(), || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(Status::invalid_argument("bad"))
        })
        .await;
        assert_eq!(result.map_err(|s| s.code()), Err(Code::InvalidArgument));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
