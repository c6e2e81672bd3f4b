//! The tower layer every RPC passes through: one span per call (continuing the caller's W3C
//! trace), the call's deadline (`TESSERA_REQUEST_TIMEOUT` caps it, except for client-streaming
//! calls such as uploads, which last as long as their data: only the caller's own
//! `grpc-timeout` ends those), a readiness gate that turns calls away until start-up is done,
//! and RED metrics. (Requests that do not decode are answered by the edge codec every generated
//! server uses: `tessera_proto::codec`.)

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use tokio_util::sync::CancellationToken;
use tonic::Status;
use tower::{Layer, Service};
use tracing::Instrument;

use crate::metrics::Metrics;
use crate::telemetry;

/// Builds [`RpcService`]s.
#[derive(Debug, Clone)]
pub struct RpcLayer {
    max_timeout: Duration,
    /// Paths of the client-streaming methods, which `max_timeout` does not cap.
    streaming_in: Arc<HashSet<String>>,
    ready: Arc<AtomicBool>,
    cut_off: CancellationToken,
    metrics: Metrics,
}

impl RpcLayer {
    /// `max_timeout` caps every call; `ready` opens the gate for application RPCs; cancelling
    /// `cut_off` ends every call still running (when the shutdown grace period is over);
    /// every finished call is recorded in `metrics`.
    pub fn new(
        max_timeout: Duration,
        ready: Arc<AtomicBool>,
        cut_off: CancellationToken,
        metrics: Metrics,
    ) -> Self {
        Self {
            max_timeout,
            streaming_in: Arc::new(client_streaming_paths()),
            ready,
            cut_off,
            metrics,
        }
    }
}

impl<S> Layer<S> for RpcLayer {
    type Service = RpcService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RpcService {
            inner,
            layer: self.clone(),
        }
    }
}

/// See [`RpcLayer`].
#[derive(Debug, Clone)]
pub struct RpcService<S> {
    inner: S,
    layer: RpcLayer,
}

/// Health and reflection answer even while the service is starting.
fn is_infrastructure(path: &str) -> bool {
    path.starts_with("/grpc.health.v1.") || path.starts_with("/grpc.reflection.")
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for RpcService<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ReqBody: Send + 'static,
    ResBody: Default + Send + 'static,
{
    type Response = http::Response<ResBody>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let path = request.uri().path().to_owned();
        let (service, method) = path
            .trim_start_matches('/')
            .split_once('/')
            .unwrap_or(("unknown", "unknown"));
        let (service, method) = (service.to_owned(), method.to_owned());
        let span = tracing::info_span!(
            "rpc",
            otel.name = %path.trim_start_matches('/'),
            otel.kind = "server",
            rpc.system = "grpc",
            rpc.service = %service,
            rpc.method = %method,
            rpc.grpc.status_code = tracing::field::Empty,
            caller = tracing::field::Empty,
        );
        telemetry::continue_trace(&span, request.headers());

        if !is_infrastructure(&path) && !self.layer.ready.load(Ordering::Acquire) {
            span.record("rpc.grpc.status_code", tonic::Code::Unavailable as i32);
            let status =
                crate::error::unavailable("the service is starting", Duration::from_secs(1));
            return Box::pin(async move { Ok(status.into_http()) });
        }

        let cap = (!self.layer.streaming_in.contains(&path)).then_some(self.layer.max_timeout);
        let timeout = match (grpc_timeout(request.headers()), cap) {
            (Some(asked), Some(cap)) => Some(asked.min(cap)),
            (asked, cap) => asked.or(cap),
        };
        // The clone is ready only after poll_ready; swap so the ready one serves this call.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let started = Instant::now();
        let future = inner.call(request);
        let record_span = span.clone();
        let cut_off = self.layer.cut_off.clone();
        let metrics = self.layer.metrics.clone();
        Box::pin(
            async move {
                // Dropping `future` on either branch also cancels its database statement (db.rs).
                let response = tokio::select! {
                    result = within(timeout, future) => match result {
                        Ok(response) => response?,
                        Err(_) => Status::deadline_exceeded("the call ran past its deadline").into_http(),
                    },
                    () = cut_off.cancelled() => {
                        crate::error::unavailable("the server shut down before the call finished", Duration::from_secs(1))
                            .into_http()
                    }
                };
                let code = response
                    .headers()
                    .get("grpc-status")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<i32>().ok())
                    .unwrap_or(0);
                record_span.record("rpc.grpc.status_code", code);
                let elapsed = started.elapsed();
                metrics.record_rpc(&service, &method, code, elapsed);
                let elapsed_us = elapsed.as_micros() as u64;
                if is_server_fault(code) {
                    tracing::warn!(code, elapsed_us, "rpc failed");
                } else {
                    tracing::debug!(code, elapsed_us, "rpc done");
                }
                Ok(response)
            }
            .instrument(span),
        )
    }
}

fn is_server_fault(code: i32) -> bool {
    use tonic::Code;
    [
        Code::Unknown,
        Code::Internal,
        Code::DataLoss,
        Code::Unimplemented,
    ]
    .iter()
    .any(|c| *c as i32 == code)
}

/// Parses the `grpc-timeout` header: up to eight digits and a unit (H, M, S, m, u, n).
/// `future`, cut off after `timeout` if there is one.
async fn within<F: Future>(
    timeout: Option<Duration>,
    future: F,
) -> Result<F::Output, tokio::time::error::Elapsed> {
    match timeout {
        Some(timeout) => tokio::time::timeout(timeout, future).await,
        None => Ok(future.await),
    }
}

/// `/package.Service/Method` of every client-streaming method in the suite's descriptor set.
fn client_streaming_paths() -> HashSet<String> {
    use prost::Message as _;
    let Ok(set) = prost_types::FileDescriptorSet::decode(tessera_proto::FILE_DESCRIPTOR_SET) else {
        return HashSet::new();
    };
    set.file
        .iter()
        .flat_map(|file| {
            file.service.iter().flat_map(move |service| {
                service
                    .method
                    .iter()
                    .filter(|m| m.client_streaming())
                    .map(move |m| format!("/{}.{}/{}", file.package(), service.name(), m.name()))
            })
        })
        .collect()
}

fn grpc_timeout(headers: &http::HeaderMap) -> Option<Duration> {
    let raw = headers.get("grpc-timeout")?.to_str().ok()?;
    if raw.len() < 2 || raw.len() > 9 {
        return None;
    }
    let (digits, unit) = raw.split_at(raw.len() - 1);
    let value: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(value.checked_mul(3600)?),
        "M" => Duration::from_secs(value.checked_mul(60)?),
        "S" => Duration::from_secs(value),
        "m" => Duration::from_millis(value),
        "u" => Duration::from_micros(value),
        "n" => Duration::from_nanos(value),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Option<Duration> {
        let mut headers = http::HeaderMap::new();
        headers.insert("grpc-timeout", value.parse().expect("header value"));
        grpc_timeout(&headers)
    }

    #[test]
    fn uploads_are_not_capped_by_the_request_timeout() {
        let paths = client_streaming_paths();
        assert!(
            paths.contains("/tessera.vault.v1.FileService/Upload"),
            "{paths:?}"
        );
        assert!(!paths.contains("/tessera.vault.v1.FileService/Download"));
        assert!(!paths.contains("/tessera.identity.v1.AccountService/GetAccount"));
    }

    #[test]
    fn grpc_timeout_units() {
        assert_eq!(parse("2S"), Some(Duration::from_secs(2)));
        assert_eq!(parse("150m"), Some(Duration::from_millis(150)));
        assert_eq!(parse("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse("99999999u"), Some(Duration::from_micros(99_999_999)));
        assert_eq!(parse("5x"), None);
        assert_eq!(parse("123456789S"), None);
        assert_eq!(parse("S"), None);
    }
}
