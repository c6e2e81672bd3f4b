//! RED metrics per RPC (requests, errors by code, latency) and latency per database
//! operation, through OpenTelemetry: exported over OTLP to the trace endpoint when one is
//! configured, and served in Prometheus text format on `TESSERA_METRICS_PORT` when that is set.
//!
//! | name (Prometheus) | kind | labels |
//! |---|---|---|
//! | `rpc_server_requests_total` | counter | `rpc_service`, `rpc_method`, `rpc_grpc_status_code` |
//! | `rpc_server_duration_seconds` | histogram | `rpc_service`, `rpc_method`, `rpc_grpc_status_code` |
//! | `db_client_operation_duration_seconds` | histogram | `db_operation_name`, `outcome` |

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use opentelemetry::KeyValue;
use opentelemetry::metrics::{Counter, Histogram, MeterProvider as _};
use opentelemetry_sdk::metrics::SdkMeterProvider;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Latency buckets in seconds: sub-millisecond cache hits to multi-second slow calls.
const BUCKETS: [f64; 15] = [
    0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
    10.0,
];

/// One service's instruments. Cheap to clone.
#[derive(Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

struct Inner {
    provider: SdkMeterProvider,
    registry: Option<prometheus::Registry>,
    rpc_requests: Counter<u64>,
    rpc_duration: Histogram<f64>,
    db_duration: Histogram<f64>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics")
            .field("prometheus", &self.inner.registry.is_some())
            .finish_non_exhaustive()
    }
}

impl Metrics {
    /// Instruments for `service`, readable in Prometheus format and, with `otlp_endpoint`,
    /// exported over OTLP/gRPC every 30 seconds.
    pub fn new(service: &str, otlp_endpoint: Option<&str>) -> anyhow::Result<Self> {
        let registry = prometheus::Registry::new();
        let prometheus = opentelemetry_prometheus::exporter()
            .with_registry(registry.clone())
            .build()?;
        let resource = opentelemetry_sdk::Resource::builder()
            .with_service_name(service.to_owned())
            .build();
        let mut builder = SdkMeterProvider::builder()
            .with_resource(resource)
            .with_reader(prometheus);
        if let Some(endpoint) = otlp_endpoint {
            use opentelemetry_otlp::WithExportConfig;
            let exporter = opentelemetry_otlp::MetricExporter::builder()
                .with_tonic()
                .with_endpoint(endpoint)
                .build()
                .map_err(|e| {
                    anyhow::anyhow!("configuration error: OTEL_EXPORTER_OTLP_ENDPOINT: {e}")
                })?;
            builder = builder.with_reader(
                opentelemetry_sdk::metrics::PeriodicReader::builder(exporter)
                    .with_interval(Duration::from_secs(30))
                    .build(),
            );
        }
        Ok(Self::with_provider(builder.build(), Some(registry)))
    }

    fn with_provider(provider: SdkMeterProvider, registry: Option<prometheus::Registry>) -> Self {
        let meter = provider.meter("tessera");
        let rpc_requests = meter
            .u64_counter("rpc.server.requests")
            .with_description("RPCs handled, by method and gRPC status code")
            .build();
        let rpc_duration = meter
            .f64_histogram("rpc.server.duration")
            .with_unit("s")
            .with_description("RPC latency, by method and gRPC status code")
            .with_boundaries(BUCKETS.to_vec())
            .build();
        let db_duration = meter
            .f64_histogram("db.client.operation.duration")
            .with_unit("s")
            .with_description("Database operation latency, by operation name and outcome")
            .with_boundaries(BUCKETS.to_vec())
            .build();
        Self {
            inner: Arc::new(Inner {
                provider,
                registry,
                rpc_requests,
                rpc_duration,
                db_duration,
            }),
        }
    }

    /// The meter a service's own instruments come from (exported with the kit's).
    pub fn meter(&self) -> opentelemetry::metrics::Meter {
        self.inner.provider.meter("tessera")
    }

    /// Records one finished RPC.
    pub fn record_rpc(&self, service: &str, method: &str, code: i32, elapsed: Duration) {
        let attributes = [
            KeyValue::new("rpc.service", service.to_owned()),
            KeyValue::new("rpc.method", method.to_owned()),
            KeyValue::new("rpc.grpc.status_code", i64::from(code)),
        ];
        self.inner.rpc_requests.add(1, &attributes);
        self.inner
            .rpc_duration
            .record(elapsed.as_secs_f64(), &attributes);
    }

    /// Records one finished database operation.
    pub fn record_db(&self, operation: &'static str, ok: bool, elapsed: Duration) {
        let attributes = [
            KeyValue::new("db.operation.name", operation),
            KeyValue::new("outcome", if ok { "ok" } else { "error" }),
        ];
        self.inner
            .db_duration
            .record(elapsed.as_secs_f64(), &attributes);
    }

    /// Everything recorded so far in Prometheus text format.
    pub fn render(&self) -> String {
        let Some(registry) = &self.inner.registry else {
            return String::new();
        };
        prometheus::TextEncoder::new()
            .encode_to_string(&registry.gather())
            .unwrap_or_else(|e| format!("# encoding metrics failed: {e}\n"))
    }

    /// Flushes what is buffered for OTLP.
    pub fn shutdown(&self) {
        if let Err(err) = self.inner.provider.shutdown() {
            tracing::debug!(error = %err, "flushing metrics failed");
        }
    }
}

/// Binds the metrics port.
pub async fn bind(host: std::net::IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    let addr = SocketAddr::new(host, port);
    TcpListener::bind(addr).await.map_err(|e| {
        anyhow::anyhow!("configuration error: TESSERA_METRICS_PORT: cannot listen on {addr}: {e}")
    })
}

/// Serves `GET /metrics` (Prometheus text format) on `listener` until `shutdown`.
pub async fn serve(listener: TcpListener, metrics: Metrics, shutdown: CancellationToken) {
    use http_body_util::Full;
    use hyper::body::Bytes;
    use hyper_util::rt::TokioIo;

    loop {
        let (stream, _) = tokio::select! {
            () = shutdown.cancelled() => return,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    tracing::debug!(error = %err, "accepting a metrics connection failed");
                    continue;
                }
            },
        };
        let metrics = metrics.clone();
        let service = hyper::service::service_fn(move |request: http::Request<_>| {
            let response = if request.uri().path() == "/metrics" {
                http::Response::builder()
                    .header("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .body(Full::new(Bytes::from(metrics.render())))
            } else {
                http::Response::builder()
                    .status(http::StatusCode::NOT_FOUND)
                    .body(Full::new(Bytes::from_static(b"metrics are at /metrics\n")))
            };
            std::future::ready(response)
        });
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, "metrics connection failed");
            }
        });
    }
}
