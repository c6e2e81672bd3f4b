//! Logs through `tracing`, traces through OpenTelemetry, and W3C trace-context propagation.
//!
//! Spans always carry an OpenTelemetry context, so a `traceparent` received from a caller is
//! continued and forwarded on outgoing calls even when no exporter is configured; spans are
//! exported over OTLP/gRPC only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.

use std::sync::OnceLock;

use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::LogFormat;

/// Keeps the trace exporter alive; dropping it flushes spans still buffered.
#[derive(Debug)]
pub struct TelemetryGuard {
    provider: SdkTracerProvider,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        if let Err(err) = self.provider.shutdown() {
            eprintln!("telemetry: flushing traces failed: {err}");
        }
    }
}

/// Directives appended to every log filter: libraries that log credentials or data at debug
/// level are held at `info` whatever the operator's filter says: reqsign (which signs OpenDAL's
/// S3 requests) prints its static credential provider, and tokio-postgres prints every
/// statement's parameters (token hashes, sealed secrets, vault salts and keys, blob bytes).
pub const SECRET_SAFE_DIRECTIVES: &str =
    "reqsign=info,reqsign_core=info,reqsign_aws_v4=info,tokio_postgres=info";

/// `filter` with [`SECRET_SAFE_DIRECTIVES`] appended.
pub fn log_filter(filter: &str) -> String {
    if filter.trim().is_empty() {
        SECRET_SAFE_DIRECTIVES.to_owned()
    } else {
        format!("{filter},{SECRET_SAFE_DIRECTIVES}")
    }
}

/// Installs the global subscriber: a log layer (text or JSON), an OpenTelemetry layer, and the
/// W3C trace-context propagator. Call once, from `main`, inside the Tokio runtime.
pub fn init(
    service_name: &str,
    format: LogFormat,
    filter: &str,
    otlp_endpoint: Option<&str>,
) -> anyhow::Result<TelemetryGuard> {
    let filter = EnvFilter::try_new(log_filter(filter))
        .map_err(|e| anyhow::anyhow!("configuration error: RUST_LOG (--log-filter): {e}"))?;
    let provider = tracer_provider(service_name, otlp_endpoint)?;
    let otel = tracing_opentelemetry::layer().with_tracer(provider.tracer("tessera"));
    let fmt = match format {
        LogFormat::Text => tracing_subscriber::fmt::layer().with_target(true).boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()?;
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    Ok(TelemetryGuard { provider })
}

fn tracer_provider(
    service_name: &str,
    otlp_endpoint: Option<&str>,
) -> anyhow::Result<SdkTracerProvider> {
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(service_name.to_owned())
        .build();
    let mut builder = SdkTracerProvider::builder().with_resource(resource);
    if let Some(endpoint) = otlp_endpoint {
        use opentelemetry_otlp::WithExportConfig;
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build()
            .map_err(|e| {
                anyhow::anyhow!("configuration error: OTEL_EXPORTER_OTLP_ENDPOINT: {e}")
            })?;
        builder = builder.with_batch_exporter(exporter);
    }
    Ok(builder.build())
}

fn propagator() -> &'static TraceContextPropagator {
    static PROPAGATOR: OnceLock<TraceContextPropagator> = OnceLock::new();
    PROPAGATOR.get_or_init(TraceContextPropagator::new)
}

/// Makes `span` a child of the trace context carried by incoming headers, if any.
pub fn continue_trace(span: &tracing::Span, headers: &http::HeaderMap) {
    let parent = propagator().extract(&HeaderExtractor(headers));
    // An error only means no OpenTelemetry layer is installed (as in some tests).
    let _ = span.set_parent(parent);
}

/// Writes the current span's trace context into outgoing gRPC metadata.
pub fn inject_current(metadata: &mut tonic::metadata::MetadataMap) {
    let context = tracing::Span::current().context();
    propagator().inject_context(&context, &mut MetadataInjector(metadata));
}

/// The current span's trace id in hex, or `None` when it has no valid trace.
pub fn current_trace_id() -> Option<String> {
    use opentelemetry::trace::TraceContextExt;
    let context = tracing::Span::current().context();
    let span_context = context.span().span_context().clone();
    span_context
        .is_valid()
        .then(|| span_context.trace_id().to_string())
}

struct HeaderExtractor<'a>(&'a http::HeaderMap);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(http::HeaderName::as_str).collect()
    }
}

struct MetadataInjector<'a>(&'a mut tonic::metadata::MetadataMap);

impl Injector for MetadataInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(key), Ok(value)) = (
            tonic::metadata::MetadataKey::from_bytes(key.as_bytes()),
            tonic::metadata::MetadataValue::try_from(value.as_str()),
        ) {
            self.0.insert(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::service::Interceptor;

    const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
    const CALLER_SPAN: &str = "00f067aa0ba902b7";

    #[test]
    fn an_incoming_traceparent_is_continued_on_outgoing_calls() {
        let provider = SdkTracerProvider::builder().build();
        let subscriber = tracing_subscriber::registry()
            .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("test")));
        tracing::subscriber::with_default(subscriber, || {
            let mut headers = http::HeaderMap::new();
            let traceparent = format!("00-{TRACE_ID}-{CALLER_SPAN}-01");
            headers.insert("traceparent", traceparent.parse().expect("header"));
            let span = tracing::info_span!("rpc");
            continue_trace(&span, &headers);
            let _entered = span.enter();
            assert_eq!(current_trace_id().as_deref(), Some(TRACE_ID));

            // What the kit's client interceptor sends to the next service.
            let request = crate::client::Forward::bearer("token-for-test")
                .expect("valid token")
                .call(tonic::Request::new(()))
                .expect("interceptor");
            let sent = request
                .metadata()
                .get("traceparent")
                .expect("traceparent sent");
            let sent = sent.to_str().expect("ascii");
            assert!(sent.starts_with(&format!("00-{TRACE_ID}-")), "{sent}");
            assert!(
                !sent.contains(CALLER_SPAN),
                "the outgoing parent is this service's span: {sent}"
            );
            assert_eq!(
                request
                    .metadata()
                    .get("authorization")
                    .map(|v| v.to_str().expect("ascii")),
                Some("Bearer token-for-test")
            );
        });
    }

    #[test]
    fn no_incoming_context_starts_a_new_trace() {
        let provider = SdkTracerProvider::builder().build();
        let subscriber = tracing_subscriber::registry()
            .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("test")));
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!("rpc");
            continue_trace(&span, &http::HeaderMap::new());
            let _entered = span.enter();
            let trace_id = current_trace_id().expect("a fresh trace");
            assert_ne!(trace_id, TRACE_ID);
        });
    }
}
